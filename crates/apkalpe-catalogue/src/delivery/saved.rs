//! The saved form of a [`DeliveryPlanner`]: carriers and deliveries, read back through the
//! checks the operations make.

use std::collections::BTreeMap;

use apkalpe_core::{CountNoun, Language, RestoreError};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Carrier, CompletedDelivery, DeliveryPlanner, ScheduledDelivery, carrier_map};
use crate::code::{CarrierId, OrderReference};

/// Serialises the values of a map as a list, in the map's order.
pub(crate) struct Values<'a, K, V>(&'a BTreeMap<K, V>);

impl<K, V> Values<'_, K, V> {
    /// Tells whether the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K, V: Serialize> Serialize for Values<'_, K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.values())
    }
}

/// The saved form of a [`DeliveryPlanner`], as written.
#[cfg_attr(feature = "serde", derive(Serialize))]
struct DeliveryPlannerView<'a> {
    carriers: Values<'a, CarrierId, Carrier>,
    open_deliveries: Values<'a, OrderReference, ScheduledDelivery>,
    completed_deliveries: Values<'a, OrderReference, CompletedDelivery>,
}

impl Serialize for DeliveryPlanner {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DeliveryPlannerView {
            carriers: self.saved_carriers(),
            open_deliveries: self.saved_open(),
            completed_deliveries: self.saved_completed(),
        }
        .serialize(serializer)
    }
}

/// The saved form of a [`DeliveryPlanner`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct DeliveryPlannerRecord {
    carriers: Vec<Carrier>,
    #[cfg_attr(feature = "serde", serde(default))]
    open_deliveries: Vec<ScheduledDelivery>,
    #[cfg_attr(feature = "serde", serde(default))]
    completed_deliveries: Vec<CompletedDelivery>,
}

impl TryFrom<DeliveryPlannerRecord> for DeliveryPlanner {
    type Error = RestoreError;

    fn try_from(record: DeliveryPlannerRecord) -> Result<Self, Self::Error> {
        let carriers = carrier_map(record.carriers).map_err(|(index, carrier)| {
            RestoreError::duplicate(PLANNER, format!("carriers[{index}].id"), carrier)
        })?;
        let mut planner = DeliveryPlanner {
            carriers,
            ..DeliveryPlanner::default()
        };
        planner.restore_deliveries(record.open_deliveries, record.completed_deliveries)?;
        Ok(planner)
    }
}

/// The type name restore errors of the planner give.
const PLANNER: &str = "DeliveryPlanner";

impl DeliveryPlanner {
    /// The carriers, as the saved form lists them.
    pub(crate) fn saved_carriers(&self) -> Values<'_, CarrierId, Carrier> {
        Values(&self.carriers)
    }

    /// The open deliveries, as the saved form lists them.
    pub(crate) fn saved_open(&self) -> Values<'_, OrderReference, ScheduledDelivery> {
        Values(&self.open)
    }

    /// The completed deliveries, as the saved form lists them.
    pub(crate) fn saved_completed(&self) -> Values<'_, OrderReference, CompletedDelivery> {
        Values(&self.completed)
    }

    /// Adds saved deliveries to a planner that has its carriers and no deliveries yet,
    /// checking each as the operations guarantee and rebuilding the bookings: O(n log n).
    pub(crate) fn restore_deliveries(
        &mut self,
        open: Vec<ScheduledDelivery>,
        completed: Vec<CompletedDelivery>,
    ) -> Result<(), RestoreError> {
        for (index, delivery) in open.into_iter().enumerate() {
            let path = format!("open_deliveries[{index}]");
            self.restore_booking(&delivery, &path)?;
            self.open.insert(delivery.order.clone(), delivery);
        }
        for (index, delivery) in completed.into_iter().enumerate() {
            let path = format!("completed_deliveries[{index}].schedule");
            self.restore_booking(&delivery.schedule, &path)?;
            self.completed
                .insert(delivery.schedule.order.clone(), delivery);
        }
        Ok(())
    }

    /// Checks one saved delivery against the planner and books its dispatch day.
    fn restore_booking(
        &mut self,
        delivery: &ScheduledDelivery,
        path: &str,
    ) -> Result<(), RestoreError> {
        let order = &delivery.order;
        if self.open.contains_key(order) || self.completed.contains_key(order) {
            return Err(RestoreError::duplicate(
                PLANNER,
                format!("{path}.order"),
                order,
            ));
        }
        let carrier = self.carriers.get(&delivery.carrier).ok_or_else(|| {
            RestoreError::missing(
                PLANNER,
                format!("{path}.carrier"),
                format!(
                    "order {order} goes with carrier {}, which is not listed",
                    delivery.carrier
                ),
            )
            .with_latvian_reason(format_args!(
                "pasūtījumu {order} ved pārvadātājs {}, kura nav sarakstā",
                delivery.carrier
            ))
        })?;
        if delivery.window != carrier.window {
            return Err(RestoreError::inconsistent(
                PLANNER,
                format!("{path}.window"),
                format!(
                    "order {order} has the window {}, carrier {} delivers {}",
                    delivery.window, carrier.id, carrier.window
                ),
            )
            .with_latvian_reason(format_args!(
                "pasūtījumam {order} ir laika logs {}, bet pārvadātājs {} piegādā {}",
                delivery.window, carrier.id, carrier.window
            )));
        }
        let capacity = carrier.capacity_per_day;
        let count = self
            .booked
            .entry((delivery.carrier.clone(), delivery.dispatch))
            .or_insert(0);
        *count = count.saturating_add(1);
        if *count > capacity {
            return Err(RestoreError::inconsistent(
                PLANNER,
                format!("{path}.dispatch"),
                format!(
                    "carrier {} would dispatch {} orders on {}, its capacity is {capacity}",
                    delivery.carrier, *count, delivery.dispatch
                ),
            )
            .with_latvian_reason(format_args!(
                "pārvadātājs {} {} nosūtītu {}, bet tā jauda ir {capacity}",
                delivery.carrier,
                delivery.dispatch,
                CountNoun::new("pasūtījumu", "pasūtījumus")
                    .count(Language::Latvian, u64::from(*count))
            )));
        }
        Ok(())
    }
}
