//! The saved form of a [`Stock`](crate::Stock): levels, supplies and reservations, read back through the
//! checks the operations make.

use std::collections::HashMap;

use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize, Serializer};

use super::{IncomingSupply, Reservation, SkuStock, Stock, StockError, StockLevel, positive};
use crate::code::{LocationId, Sku};
use crate::unit::Quantity;

/// A stock level as saved, borrowed from the stock.
#[cfg_attr(feature = "serde", derive(Serialize))]
struct StockLevelView<'a> {
    sku: &'a Sku,
    location: &'a LocationId,
    on_hand: Quantity,
}

/// The stock's SKUs in order, for writing the saved form.
pub(crate) struct StockView<'a> {
    items: Vec<(&'a Sku, &'a SkuStock)>,
}

/// The levels of a [`StockView`], as a list.
pub(crate) struct LevelsView<'a, 'b>(&'b StockView<'a>);
/// The incoming supplies of a [`StockView`], as a list.
pub(crate) struct IncomingView<'a, 'b>(&'b StockView<'a>);
/// The reservations of a [`StockView`], as a list.
pub(crate) struct ReservationsView<'a, 'b>(&'b StockView<'a>);

impl<'a> StockView<'a> {
    fn new(stock: &'a Stock) -> Self {
        let mut items: Vec<(&Sku, &SkuStock)> = stock.items.iter().collect();
        items.sort_unstable_by(|a, b| a.0.cmp(b.0));
        StockView { items }
    }

    pub(crate) fn levels(&self) -> LevelsView<'a, '_> {
        LevelsView(self)
    }

    pub(crate) fn incoming(&self) -> IncomingView<'a, '_> {
        IncomingView(self)
    }

    pub(crate) fn reservations(&self) -> ReservationsView<'a, '_> {
        ReservationsView(self)
    }
}

impl ReservationsView<'_, '_> {
    /// Tells whether the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.0
            .items
            .iter()
            .all(|(_, item)| item.reservations.is_empty())
    }
}

impl Serialize for LevelsView<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.items.iter().flat_map(|(sku, item)| {
            item.on_hand
                .iter()
                .map(move |(location, on_hand)| StockLevelView {
                    sku,
                    location,
                    on_hand: *on_hand,
                })
        }))
    }
}

impl Serialize for IncomingView<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.items.iter().flat_map(|(_, item)| &item.incoming))
    }
}

impl Serialize for ReservationsView<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.items.iter().flat_map(|(_, item)| &item.reservations))
    }
}

impl Serialize for Stock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg_attr(feature = "serde", derive(Serialize))]
        struct Saved<'a, 'b> {
            levels: LevelsView<'a, 'b>,
            incoming: IncomingView<'a, 'b>,
            reservations: ReservationsView<'a, 'b>,
        }
        let view = self.view();
        Saved {
            levels: view.levels(),
            incoming: view.incoming(),
            reservations: view.reservations(),
        }
        .serialize(serializer)
    }
}

/// The saved form of a [`Stock`](crate::Stock), as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct StockRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    levels: Vec<StockLevel>,
    #[cfg_attr(feature = "serde", serde(default))]
    incoming: Vec<IncomingSupply>,
    #[cfg_attr(feature = "serde", serde(default))]
    reservations: Vec<Reservation>,
}

impl TryFrom<StockRecord> for Stock {
    type Error = RestoreError;

    fn try_from(record: StockRecord) -> Result<Self, Self::Error> {
        Stock::restore(record.levels, record.incoming, record.reservations)
    }
}

impl Stock {
    /// The SKUs in order, for writing the saved form.
    pub(crate) fn view(&self) -> StockView<'_> {
        StockView::new(self)
    }

    /// Builds a stock from its saved parts, checking what the operations guarantee (see
    /// "Saved form" on [`Stock`](crate::Stock)) and rebuilding the indexes: O(n log n).
    pub(crate) fn restore(
        levels: Vec<StockLevel>,
        incoming: Vec<IncomingSupply>,
        reservations: Vec<Reservation>,
    ) -> Result<Stock, RestoreError> {
        const WHAT: &str = "Stock";
        let mut stock = Stock::new();
        for (index, level) in levels.into_iter().enumerate() {
            let item = stock.items.entry(level.sku.clone()).or_default();
            if item
                .on_hand
                .insert(level.location.clone(), level.on_hand)
                .is_some()
            {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("levels[{index}]"),
                    format!("{} at {}", level.sku, level.location),
                ));
            }
        }
        for (index, supply) in incoming.into_iter().enumerate() {
            positive(&supply.sku, supply.quantity).map_err(|error| {
                RestoreError::invalid(WHAT, format!("incoming[{index}].quantity"), error)
            })?;
            if stock
                .supply_index
                .insert(supply.reference.clone(), supply.sku.clone())
                .is_some()
            {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("incoming[{index}].reference"),
                    &supply.reference,
                ));
            }
            stock
                .items
                .entry(supply.sku.clone())
                .or_default()
                .incoming
                .push(supply);
        }
        // Where each SKU's reservations are listed last, to name the field of a breach.
        let mut last_reservation: HashMap<Sku, usize> = HashMap::new();
        for (index, reservation) in reservations.into_iter().enumerate() {
            if stock
                .reservation_index
                .insert(reservation.reference.clone(), reservation.sku.clone())
                .is_some()
            {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("reservations[{index}].reference"),
                    &reservation.reference,
                ));
            }
            last_reservation.insert(reservation.sku.clone(), index);
            stock
                .items
                .entry(reservation.sku.clone())
                .or_default()
                .reservations
                .push(reservation);
        }
        for (sku, item) in &mut stock.items {
            item.incoming.sort_unstable_by(|a, b| {
                (a.expected, &a.reference).cmp(&(b.expected, &b.reference))
            });
            item.reservations
                .sort_unstable_by(|a, b| a.reference.cmp(&b.reference));
            let overflow = |field: &str| {
                RestoreError::invalid(WHAT, field, StockError::Overflow { sku: sku.clone() })
            };
            let cover = item.cover().ok_or_else(|| overflow("incoming"))?;
            let reserved = item
                .reserved_total()
                .ok_or_else(|| overflow("reservations"))?;
            if reserved > cover {
                let index = last_reservation.get(sku).copied().unwrap_or_default();
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("reservations[{index}]"),
                    format!("{reserved} of {sku} reserved, only {cover} on hand and incoming"),
                )
                .with_latvian_reason(format_args!(
                    "produkta {sku} rezervēti {reserved}, bet krājumā un gaidāmajās piegādēs ir \
                     tikai {cover}"
                )));
            }
        }
        Ok(stock)
    }
}
