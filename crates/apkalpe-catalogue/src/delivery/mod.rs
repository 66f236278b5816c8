//! Delivery schedules (*piegādes grafiks*, S31, T1.5): carriers with lead times, delivery
//! windows and a daily capacity; promised dates; the day's dispatch list; late deliveries;
//! and the completion date of a service.
//!
//! # The scheduling rule
//!
//! An order whose goods are ready on day R is dispatched on the first working day on or after
//! R on which the carrier still has capacity; it is promised for the carrier's lead time in
//! working days after the dispatch day (a lead time of 0: the dispatch day itself). So the
//! promised date is always a working day, and never earlier than the lead time counted from the
//! first working day on or after R.
//!
//! The error and the planner are here; durations, carriers, the delivery records and the
//! planner's saved form are in the submodules of the same names.

mod carrier;
mod deliveries;
mod duration;
#[cfg(feature = "serde")]
mod saved;

pub use carrier::{Carrier, DeliveryWindow};
pub use deliveries::{CompletedDelivery, LateDelivery, ScheduledDelivery};
pub(crate) use duration::first_working_day;
pub use duration::{ServiceDuration, service_completion};
#[cfg(feature = "serde")]
use saved::DeliveryPlannerRecord;
#[cfg(feature = "serde")]
pub(crate) use saved::Values;

use std::collections::BTreeMap;
use std::fmt;

use apkalpe_core::{Calendar, CalendarError, CountNoun, Language, LocalizedError};
use chrono::{NaiveDate, NaiveTime};
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::code::{CarrierId, OrderReference};

/// The length of a working day in hours, used to turn a service's hours into working days:
/// the normal daily working time of eight hours.
pub const HOURS_PER_WORKING_DAY: u32 = 8;

/// The error returned by delivery scheduling and service durations.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
/// use apkalpe_core::{Calendar, Language, LocalizedError};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let error = file.delivery().promise(&Calendar::latvia(), &"drone".parse()?, Calendar::date(2026, 12, 7)?).unwrap_err();
/// assert_eq!(error.code(), "delivery.unknown_carrier");
/// assert_eq!(error.message_in(Language::Latvian), "nav pārvadātāja drone");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeliveryError {
    /// A duration is zero or negative.
    #[error("a service duration must be above zero")]
    ZeroDuration,
    /// A carrier's capacity is zero.
    #[error("carrier {carrier} has no capacity")]
    ZeroCapacity {
        /// The carrier.
        carrier: CarrierId,
    },
    /// A delivery window ends before it starts.
    #[error("a delivery window from {from} until {until} ends before it starts")]
    InvalidWindow {
        /// The start.
        from: NaiveTime,
        /// The end.
        until: NaiveTime,
    },
    /// No carrier has this id.
    #[error("no carrier {carrier}")]
    UnknownCarrier {
        /// The carrier.
        carrier: CarrierId,
    },
    /// Two carriers have the same id.
    #[error("carrier {carrier} is listed twice")]
    DuplicateCarrier {
        /// The carrier.
        carrier: CarrierId,
    },
    /// The order is already scheduled or delivered.
    #[error("order {order} is already scheduled")]
    DuplicateOrder {
        /// The order.
        order: OrderReference,
    },
    /// The order is not scheduled.
    #[error("order {order} is not scheduled")]
    UnknownOrder {
        /// The order.
        order: OrderReference,
    },
    /// The carrier is fully booked for every working day of the search horizon.
    #[error("carrier {carrier} has no free capacity within {horizon} working days of {from}")]
    NoCapacity {
        /// The carrier.
        carrier: CarrierId,
        /// The first day tried.
        from: NaiveDate,
        /// How many working days were tried.
        horizon: u32,
    },
    /// Delivery was recorded before the dispatch day.
    #[error("order {order} cannot be delivered on {date}, before its dispatch on {dispatch}")]
    DeliveredBeforeDispatch {
        /// The order.
        order: OrderReference,
        /// The delivery date given.
        date: NaiveDate,
        /// The dispatch date.
        dispatch: NaiveDate,
    },
    /// The calendar could not count the days.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl DeliveryError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::DeliveryError::ZeroDuration.code(), "delivery.zero_duration");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            DeliveryError::ZeroDuration => "delivery.zero_duration",
            DeliveryError::ZeroCapacity { .. } => "delivery.zero_capacity",
            DeliveryError::InvalidWindow { .. } => "delivery.invalid_window",
            DeliveryError::UnknownCarrier { .. } => "delivery.unknown_carrier",
            DeliveryError::DuplicateCarrier { .. } => "delivery.duplicate_carrier",
            DeliveryError::DuplicateOrder { .. } => "delivery.duplicate_order",
            DeliveryError::UnknownOrder { .. } => "delivery.unknown_order",
            DeliveryError::NoCapacity { .. } => "delivery.no_capacity",
            DeliveryError::DeliveredBeforeDispatch { .. } => "delivery.delivered_before_dispatch",
            DeliveryError::Calendar(error) => error.code(),
        }
    }
}

/// Working days, genitive: "21 darba dienas laikā", "5 darba dienu laikā".
const WORKING_DAYS_GENITIVE: CountNoun<'static> = CountNoun::new("darba dienas", "darba dienu");

impl LocalizedError for DeliveryError {
    fn code(&self) -> &'static str {
        DeliveryError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeliveryError::Calendar(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            DeliveryError::ZeroDuration => {
                f.write_str("pakalpojuma izpildes ilgumam jābūt lielākam par nulli")
            }
            DeliveryError::ZeroCapacity { carrier } => {
                write!(f, "pārvadātāja {carrier} dienas jauda ir nulle")
            }
            DeliveryError::InvalidWindow { from, until } => write!(
                f,
                "piegādes laika logs no {from} līdz {until} beidzas, pirms tas sākas"
            ),
            DeliveryError::UnknownCarrier { carrier } => write!(f, "nav pārvadātāja {carrier}"),
            DeliveryError::DuplicateCarrier { carrier } => {
                write!(f, "pārvadātājs {carrier} ir norādīts divreiz")
            }
            DeliveryError::DuplicateOrder { order } => {
                write!(f, "pasūtījums {order} jau ir ieplānots")
            }
            DeliveryError::UnknownOrder { order } => write!(f, "pasūtījums {order} nav ieplānots"),
            DeliveryError::NoCapacity {
                carrier,
                from,
                horizon,
            } => write!(
                f,
                "pārvadātājam {carrier} nav brīvas jaudas {} laikā no {from}",
                WORKING_DAYS_GENITIVE.count(Language::Latvian, u64::from(*horizon))
            ),
            DeliveryError::DeliveredBeforeDispatch {
                order,
                date,
                dispatch,
            } => write!(
                f,
                "pasūtījumu {order} nevar atzīmēt kā piegādātu {date}, pirms tas nosūtīts \
                 {dispatch}"
            ),
            // Handled above.
            DeliveryError::Calendar(error) => error.fmt_in(language, f),
        }
    }
}

/// The delivery schedule (*piegādes grafiks*, S31): carriers, the bookings of each day and the
/// open and completed deliveries.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Carrier, DeliveryPlanner, DeliveryWindow};
/// use apkalpe_core::{Calendar, Language, LocalizedText};
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 2, 1, window)?;
/// let mut planner = DeliveryPlanner::try_new(vec![courier])?;
/// let calendar = Calendar::latvia();
/// let ready = Calendar::date(2026, 12, 22)?; // Tuesday
/// let first = planner.schedule(&calendar, "PAS-1".parse()?, &"courier".parse()?, ready)?;
/// // Dispatched Tue 22 Dec; 2 working days: 23 Dec, then 28 Dec (24–27 Dec are days off).
/// assert_eq!(first.promised(), Calendar::date(2026, 12, 28)?);
/// // Capacity 1 a day: the next order goes out on Wed 23 Dec.
/// let second = planner.schedule(&calendar, "PAS-2".parse()?, &"courier".parse()?, ready)?;
/// assert_eq!(second.dispatch(), Calendar::date(2026, 12, 23)?);
/// assert_eq!(planner.dispatch_list(ready).len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"carriers": [{"id", "name", "lead_time_working_days", "capacity_per_day", "window"}, …],
/// "open_deliveries": [{"order", "carrier", "ready", "dispatch", "promised", "window"}, …],
/// "completed_deliveries": [{"schedule": {…}, "delivered"}, …]}`, deliveries in order-reference
/// order. The bookings of each carrier and day are not saved: they are the count of open and
/// completed deliveries dispatched that day, rebuilt on restore. Deserialising checks what the
/// operations guarantee: carrier ids unique; every delivery's carrier known and its window the
/// carrier's; an order scheduled once; no carrier booked above its capacity on a day. Anything
/// else is refused with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// ```
/// use apkalpe_catalogue::{Carrier, DeliveryPlanner, DeliveryWindow};
/// use apkalpe_core::{Calendar, Language, LocalizedText};
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 2, 1, window)?;
/// let mut planner = DeliveryPlanner::try_new(vec![courier])?;
/// let calendar = Calendar::latvia();
/// planner.schedule(&calendar, "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 22)?)?;
/// let json = serde_json::to_string(&planner)?;
/// let restored: DeliveryPlanner = serde_json::from_str(&json)?;
/// assert_eq!(restored, planner);
///
/// // A second order on the same day is more than the courier's capacity of 1.
/// let edited = json.replace(r#""open_deliveries":["#, r#""open_deliveries":[{"order":"PAS-0","carrier":"courier","ready":"2026-12-22","dispatch":"2026-12-22","promised":"2026-12-28","window":{"from":"09:00:00","until":"17:00:00"}},"#);
/// let error = serde_json::from_str::<DeliveryPlanner>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.inconsistent: cannot restore DeliveryPlanner: open_deliveries[1].dispatch:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DeliveryPlannerRecord"))]
pub struct DeliveryPlanner {
    carriers: BTreeMap<CarrierId, Carrier>,
    /// How many open and completed deliveries each carrier dispatches on a day: an index
    /// rebuilt from the deliveries, never saved.
    booked: BTreeMap<(CarrierId, NaiveDate), u32>,
    open: BTreeMap<OrderReference, ScheduledDelivery>,
    completed: BTreeMap<OrderReference, CompletedDelivery>,
}

/// The carriers by id, or the position and id of the first one listed twice.
fn carrier_map(carriers: Vec<Carrier>) -> Result<BTreeMap<CarrierId, Carrier>, (usize, CarrierId)> {
    let mut map = BTreeMap::new();
    for (index, carrier) in carriers.into_iter().enumerate() {
        let id = carrier.id.clone();
        if map.insert(id.clone(), carrier).is_some() {
            return Err((index, id));
        }
    }
    Ok(map)
}

/// How many working days [`DeliveryPlanner::schedule`] looks ahead for free capacity.
pub const SCHEDULING_HORIZON_WORKING_DAYS: u32 = 260;

impl DeliveryPlanner {
    /// Creates a planner with these carriers and no bookings.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::DuplicateCarrier`] for two carriers with one id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, DeliveryPlanner};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let carriers: Vec<_> = file.delivery().carriers().cloned().collect();
    /// let planner = DeliveryPlanner::try_new(carriers.clone())?;
    /// assert!(planner.open_deliveries().is_empty());
    /// let twice = [carriers.clone(), carriers].concat();
    /// assert_eq!(DeliveryPlanner::try_new(twice).unwrap_err().code(), "delivery.duplicate_carrier");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(carriers: Vec<Carrier>) -> Result<Self, DeliveryError> {
        let carriers = carrier_map(carriers)
            .map_err(|(_, carrier)| DeliveryError::DuplicateCarrier { carrier })?;
        Ok(DeliveryPlanner {
            carriers,
            ..DeliveryPlanner::default()
        })
    }

    /// Frees one booking of `carrier` on `dispatch`, forgetting the day when none is left.
    fn unbook(&mut self, carrier: &CarrierId, dispatch: NaiveDate) {
        let key = (carrier.clone(), dispatch);
        if let Some(count) = self.booked.get_mut(&key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                self.booked.remove(&key);
            }
        }
    }

    /// Returns the carriers in id order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.delivery().carriers().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carriers(&self) -> impl Iterator<Item = &Carrier> {
        self.carriers.values()
    }

    /// Returns one carrier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// assert!(file.delivery().carrier(&"courier".parse()?).is_some());
    /// assert!(file.delivery().carrier(&"drone".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carrier(&self, id: &CarrierId) -> Option<&Carrier> {
        self.carriers.get(id)
    }

    /// Tells, without booking, when an order ready on `ready` would be dispatched and
    /// delivered by `carrier` (see the module's rule).
    ///
    /// # Errors
    ///
    /// As [`DeliveryPlanner::schedule`], except `DuplicateOrder`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// // Ready on Thursday 17 December; freight takes 3 working days.
    /// let (dispatch, promised) = file.delivery().promise(&Calendar::latvia(), &"freight".parse()?, Calendar::date(2026, 12, 17)?)?;
    /// assert_eq!((dispatch, promised), (Calendar::date(2026, 12, 17)?, Calendar::date(2026, 12, 22)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promise(
        &self,
        calendar: &Calendar,
        carrier: &CarrierId,
        ready: NaiveDate,
    ) -> Result<(NaiveDate, NaiveDate), DeliveryError> {
        let found = self
            .carriers
            .get(carrier)
            .ok_or_else(|| DeliveryError::UnknownCarrier {
                carrier: carrier.clone(),
            })?;
        let mut dispatch = first_working_day(calendar, ready)?;
        let mut tried: u32 = 0;
        while self
            .booked
            .get(&(carrier.clone(), dispatch))
            .is_some_and(|count| *count >= found.capacity_per_day)
        {
            tried = tried.saturating_add(1);
            if tried >= SCHEDULING_HORIZON_WORKING_DAYS {
                return Err(DeliveryError::NoCapacity {
                    carrier: carrier.clone(),
                    from: ready,
                    horizon: SCHEDULING_HORIZON_WORKING_DAYS,
                });
            }
            dispatch = calendar.next_working_day(dispatch)?;
        }
        let promised = calendar.add_working_days(dispatch, found.lead_time_working_days)?;
        Ok((dispatch, promised))
    }

    /// Schedules an order whose goods are ready on `ready` with `carrier`, books the
    /// carrier's capacity on the dispatch day and returns the promise (S31, T1.5).
    ///
    /// # Errors
    ///
    /// - [`DeliveryError::DuplicateOrder`]: the order is already scheduled or delivered.
    /// - [`DeliveryError::UnknownCarrier`]: no such carrier.
    /// - [`DeliveryError::NoCapacity`]: fully booked for
    ///   [`SCHEDULING_HORIZON_WORKING_DAYS`] working days.
    /// - [`DeliveryError::Calendar`]: a date outside the calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(file.delivery().open_deliveries(), [&delivery]);
    /// let again = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?);
    /// assert_eq!(again.unwrap_err().code(), "delivery.duplicate_order");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(
        &mut self,
        calendar: &Calendar,
        order: OrderReference,
        carrier: &CarrierId,
        ready: NaiveDate,
    ) -> Result<ScheduledDelivery, DeliveryError> {
        if self.open.contains_key(&order) || self.completed.contains_key(&order) {
            return Err(DeliveryError::DuplicateOrder { order });
        }
        let (dispatch, promised) = self.promise(calendar, carrier, ready)?;
        let window = self
            .carriers
            .get(carrier)
            .map(Carrier::window)
            .ok_or_else(|| DeliveryError::UnknownCarrier {
                carrier: carrier.clone(),
            })?;
        let count = self.booked.entry((carrier.clone(), dispatch)).or_insert(0);
        *count = count.saturating_add(1);
        let delivery = ScheduledDelivery {
            order: order.clone(),
            carrier: carrier.clone(),
            ready,
            dispatch,
            promised,
            window,
        };
        self.open.insert(order, delivery.clone());
        Ok(delivery)
    }

    /// Records that an open delivery arrived on `date`.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::UnknownOrder`] if the order is not open;
    /// [`DeliveryError::DeliveredBeforeDispatch`] for a date before its dispatch.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let done = file.delivery_mut().complete(delivery.order(), Calendar::date(2026, 12, 8)?)?;
    /// assert!(!done.was_late());
    /// assert!(file.delivery().open_deliveries().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete(
        &mut self,
        order: &OrderReference,
        date: NaiveDate,
    ) -> Result<&CompletedDelivery, DeliveryError> {
        let schedule = self
            .open
            .get(order)
            .ok_or_else(|| DeliveryError::UnknownOrder {
                order: order.clone(),
            })?;
        if date < schedule.dispatch {
            return Err(DeliveryError::DeliveredBeforeDispatch {
                order: order.clone(),
                date,
                dispatch: schedule.dispatch,
            });
        }
        let schedule = self
            .open
            .remove(order)
            .ok_or_else(|| DeliveryError::UnknownOrder {
                order: order.clone(),
            })?;
        let completed = self
            .completed
            .entry(order.clone())
            .or_insert(CompletedDelivery {
                schedule,
                delivered: date,
            });
        Ok(completed)
    }

    /// Cancels an open delivery (the order was cancelled, or scheduled a moment ago by
    /// mistake): it leaves the schedule and its booking frees the carrier's capacity on its
    /// dispatch day. The undo of [`DeliveryPlanner::schedule`]: scheduling and cancelling leave
    /// the planner as it was.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::UnknownOrder`] if the order is not open (never scheduled, already
    /// delivered or cancelled); the planner is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Carrier, DeliveryPlanner, DeliveryWindow};
    /// use apkalpe_core::{Calendar, Language, LocalizedText};
    /// use chrono::NaiveTime;
    ///
    /// let window = DeliveryWindow::try_new(
    ///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
    ///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
    /// )?;
    /// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 2, 1, window)?;
    /// let mut planner = DeliveryPlanner::try_new(vec![courier])?;
    /// let before = planner.clone();
    /// let calendar = Calendar::latvia();
    /// let ready = Calendar::date(2026, 12, 22)?;
    /// planner.schedule(&calendar, "PAS-1".parse()?, &"courier".parse()?, ready)?;
    /// let cancelled = planner.cancel(&"PAS-1".parse()?)?;
    /// assert_eq!(cancelled.dispatch(), ready);
    /// assert_eq!(planner, before);
    /// assert_eq!(planner.cancel(&"PAS-1".parse()?).unwrap_err().code(), "delivery.unknown_order");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cancel(&mut self, order: &OrderReference) -> Result<ScheduledDelivery, DeliveryError> {
        let delivery = self
            .open
            .remove(order)
            .ok_or_else(|| DeliveryError::UnknownOrder {
                order: order.clone(),
            })?;
        self.unbook(&delivery.carrier, delivery.dispatch);
        Ok(delivery)
    }

    /// Drops the history older than `date`: the completed deliveries delivered before it, and
    /// with them the bookings of their dispatch days. Returns them, in order-reference order,
    /// for the caller to keep elsewhere if it must.
    ///
    /// A desk that runs for years calls it now and then (say, with the first day of the
    /// previous year) so the planner does not grow without end. Open deliveries are never
    /// dropped, and no answer about `date` or later changes: promises and schedules for goods
    /// ready on `date` or later, dispatch lists, open and late deliveries. What changes is the
    /// past: [`DeliveryPlanner::completed_deliveries`] no longer lists the dropped deliveries,
    /// and their order references may be scheduled again.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Carrier, DeliveryPlanner, DeliveryWindow};
    /// use apkalpe_core::{Calendar, Language, LocalizedText};
    /// use chrono::NaiveTime;
    ///
    /// let window = DeliveryWindow::try_new(
    ///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
    ///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
    /// )?;
    /// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 1, 5, window)?;
    /// let mut planner = DeliveryPlanner::try_new(vec![courier])?;
    /// let calendar = Calendar::latvia();
    /// let courier = "courier".parse()?;
    /// planner.schedule(&calendar, "PAS-1".parse()?, &courier, Calendar::date(2025, 3, 3)?)?;
    /// planner.complete(&"PAS-1".parse()?, Calendar::date(2025, 3, 4)?)?;
    /// planner.schedule(&calendar, "PAS-2".parse()?, &courier, Calendar::date(2026, 3, 2)?)?;
    ///
    /// let archived = planner.archive_before(Calendar::date(2026, 1, 1)?);
    /// assert_eq!(archived.len(), 1);
    /// assert_eq!(planner.completed_deliveries().count(), 0);
    /// assert_eq!(planner.open_deliveries().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn archive_before(&mut self, date: NaiveDate) -> Vec<CompletedDelivery> {
        let old: Vec<OrderReference> = self
            .completed
            .values()
            .filter(|delivery| delivery.delivered < date)
            .map(|delivery| delivery.schedule.order.clone())
            .collect();
        let mut archived = Vec::with_capacity(old.len());
        for order in old {
            if let Some(delivery) = self.completed.remove(&order) {
                self.unbook(&delivery.schedule.carrier, delivery.schedule.dispatch);
                archived.push(delivery);
            }
        }
        archived
    }

    /// Returns the day's dispatch list: the open deliveries dispatched on `date`, by carrier
    /// then order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let list = file.delivery().dispatch_list(Calendar::date(2026, 12, 7)?);
    /// assert_eq!(list, [&delivery]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dispatch_list(&self, date: NaiveDate) -> Vec<&ScheduledDelivery> {
        let mut list: Vec<&ScheduledDelivery> =
            self.open.values().filter(|d| d.dispatch == date).collect();
        list.sort_by(|a, b| (&a.carrier, &a.order).cmp(&(&b.carrier, &b.order)));
        list
    }

    /// Returns the open deliveries by promised date, then order: the schedule to monitor.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(file.delivery().open_deliveries().len(), 1);
    /// assert_eq!(delivery.order().as_str(), "PAS-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open_deliveries(&self) -> Vec<&ScheduledDelivery> {
        let mut list: Vec<&ScheduledDelivery> = self.open.values().collect();
        list.sort_by(|a, b| (a.promised, &a.order).cmp(&(b.promised, &b.order)));
        list
    }

    /// Returns the completed deliveries in order-reference order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// file.delivery_mut().complete(delivery.order(), Calendar::date(2026, 12, 8)?)?;
    /// assert_eq!(file.delivery().completed_deliveries().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn completed_deliveries(&self) -> impl Iterator<Item = &CompletedDelivery> {
        self.completed.values()
    }

    /// Returns the open deliveries whose promised date is before `today`: late, to follow up,
    /// most late first.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::Calendar`] for a date outside the calendar.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let late = file.delivery().late_deliveries(&Calendar::latvia(), Calendar::date(2026, 12, 10)?)?;
    /// assert_eq!(late.len(), 1);
    /// assert_eq!(late[0].order().as_str(), "PAS-1");
    /// assert_eq!(delivery.order().as_str(), "PAS-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn late_deliveries(
        &self,
        calendar: &Calendar,
        today: NaiveDate,
    ) -> Result<Vec<LateDelivery>, DeliveryError> {
        let mut late = Vec::new();
        for delivery in self.open.values().filter(|d| d.promised < today) {
            late.push(LateDelivery {
                order: delivery.order.clone(),
                carrier: delivery.carrier.clone(),
                promised: delivery.promised,
                working_days_late: calendar.working_days_between(delivery.promised, today)?,
            });
        }
        late.sort_by(|a, b| (a.promised, &a.order).cmp(&(b.promised, &b.order)));
        Ok(late)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::{Language, LocalizedText};
    use rust_decimal_macros::dec;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn planner(lead: u32, capacity: u32) -> DeliveryPlanner {
        let window = DeliveryWindow::try_new(
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        )
        .unwrap();
        let carrier = Carrier::try_new(
            CarrierId::try_new("c").unwrap(),
            LocalizedText::new(Language::Latvian, "C"),
            lead,
            capacity,
            window,
        )
        .unwrap();
        DeliveryPlanner::try_new(vec![carrier]).unwrap()
    }

    #[test]
    fn ready_on_a_weekend_dispatches_monday() {
        let mut p = planner(0, 5);
        let calendar = Calendar::latvia();
        let c = CarrierId::try_new("c").unwrap();
        let d = p
            .schedule(
                &calendar,
                OrderReference::try_new("A").unwrap(),
                &c,
                date(2026, 11, 28),
            )
            .unwrap();
        assert_eq!(d.dispatch(), date(2026, 11, 30));
        assert_eq!(d.promised(), date(2026, 11, 30));
    }

    #[test]
    fn late_and_complete() {
        let mut p = planner(1, 5);
        let calendar = Calendar::latvia();
        let c = CarrierId::try_new("c").unwrap();
        let a = OrderReference::try_new("A").unwrap();
        p.schedule(&calendar, a.clone(), &c, date(2026, 11, 23))
            .unwrap();
        let late = p.late_deliveries(&calendar, date(2026, 11, 26)).unwrap();
        assert_eq!(late.len(), 1);
        assert_eq!(late[0].working_days_late, 2);
        assert_eq!(
            p.complete(&a, date(2026, 11, 20)).unwrap_err().code(),
            "delivery.delivered_before_dispatch"
        );
        assert!(p.complete(&a, date(2026, 11, 26)).unwrap().was_late());
        assert!(
            p.late_deliveries(&calendar, date(2026, 11, 27))
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            p.schedule(&calendar, a, &c, date(2026, 11, 23))
                .unwrap_err()
                .code(),
            "delivery.duplicate_order"
        );
    }

    #[test]
    fn hours_round_up_to_working_days() {
        assert_eq!(
            ServiceDuration::hours(dec!(8)).unwrap().in_working_days(),
            1
        );
        assert_eq!(
            ServiceDuration::hours(dec!(8.5)).unwrap().in_working_days(),
            2
        );
        assert_eq!(
            ServiceDuration::hours(dec!(0.5)).unwrap().in_working_days(),
            1
        );
        assert!(ServiceDuration::hours(dec!(0)).is_err());
    }
}
