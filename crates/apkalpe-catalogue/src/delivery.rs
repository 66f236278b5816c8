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

use std::collections::BTreeMap;
use std::fmt;

use apkalpe_core::{
    Calendar, CalendarError, CountNoun, Language, LocalizedError, LocalizedText, RestoreError,
};
use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::code::{CarrierId, OrderReference};

/// The length of a working day in hours, used to turn a service's hours into working days:
/// the normal daily working time of eight hours.
pub const HOURS_PER_WORKING_DAY: u32 = 8;

/// The error returned by delivery scheduling and service durations.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum DurationFields {
    WorkingDays(u32),
    Hours(Decimal),
}

impl TryFrom<DurationFields> for ServiceDuration {
    type Error = DeliveryError;

    fn try_from(fields: DurationFields) -> Result<Self, Self::Error> {
        match fields {
            DurationFields::WorkingDays(days) => ServiceDuration::working_days(days),
            DurationFields::Hours(hours) => ServiceDuration::hours(hours),
        }
    }
}

impl From<ServiceDuration> for DurationFields {
    fn from(duration: ServiceDuration) -> Self {
        duration.0
    }
}

/// How long a service takes (*izpildes ilgums*): whole working days, or hours of work that
/// fill working days of [`HOURS_PER_WORKING_DAY`] hours. Always above zero.
///
/// Serialised as `{"working_days": 3}` or `{"hours": "12"}`.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::ServiceDuration;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(ServiceDuration::hours(dec!(12))?.in_working_days(), 2);
/// assert_eq!(ServiceDuration::working_days(3)?.in_working_days(), 3);
/// assert!(ServiceDuration::working_days(0).is_err());
/// # Ok::<(), apkalpe_catalogue::DeliveryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DurationFields", into = "DurationFields")]
pub struct ServiceDuration(DurationFields);

impl ServiceDuration {
    /// A duration of `days` working days.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::ZeroDuration`] for 0.
    pub fn working_days(days: u32) -> Result<Self, DeliveryError> {
        if days == 0 {
            return Err(DeliveryError::ZeroDuration);
        }
        Ok(ServiceDuration(DurationFields::WorkingDays(days)))
    }

    /// A duration of `hours` hours of work.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::ZeroDuration`] for zero or less, or more than 80 000 hours.
    pub fn hours(hours: Decimal) -> Result<Self, DeliveryError> {
        if hours <= Decimal::ZERO || hours > Decimal::from(80_000) {
            return Err(DeliveryError::ZeroDuration);
        }
        Ok(ServiceDuration(DurationFields::Hours(hours.normalize())))
    }

    /// Returns the working days the service occupies: the days, or the hours divided by
    /// [`HOURS_PER_WORKING_DAY`] rounded up (12 hours → 2 days).
    pub fn in_working_days(self) -> u32 {
        match self.0 {
            DurationFields::WorkingDays(days) => days,
            DurationFields::Hours(hours) => {
                // Hours are at most 80 000 (checked on creation), so the days fit in a u32.
                hours
                    .checked_div(Decimal::from(HOURS_PER_WORKING_DAY))
                    .map(|days| days.ceil())
                    .and_then(|days| days.to_u32())
                    .unwrap_or(u32::MAX)
            }
        }
    }
}

impl fmt::Display for ServiceDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            DurationFields::WorkingDays(days) => write!(f, "{days} working days"),
            DurationFields::Hours(hours) => write!(f, "{hours} hours"),
        }
    }
}

/// Returns the day a service started on `start` is done (T1.5): the work begins on the first
/// working day on or after `start` and occupies [`ServiceDuration::in_working_days`] working
/// days, the first of them counted.
///
/// # Errors
///
/// [`DeliveryError::Calendar`] for a date outside the calendar's years.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{service_completion, ServiceDuration};
/// use apkalpe_core::Calendar;
///
/// let calendar = Calendar::latvia();
/// // Ordered on Sat 19 Dec 2026: work begins Mon 21 Dec; 3 working days: 21, 22, 23 Dec.
/// let done = service_completion(&calendar, Calendar::date(2026, 12, 19)?, ServiceDuration::working_days(3)?)?;
/// assert_eq!(done, Calendar::date(2026, 12, 23)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn service_completion(
    calendar: &Calendar,
    start: NaiveDate,
    duration: ServiceDuration,
) -> Result<NaiveDate, DeliveryError> {
    let first = first_working_day(calendar, start)?;
    let more = duration.in_working_days().saturating_sub(1);
    Ok(calendar.add_working_days(first, more)?)
}

/// Returns `date` if it is a working day, else the next working day.
pub(crate) fn first_working_day(
    calendar: &Calendar,
    date: NaiveDate,
) -> Result<NaiveDate, CalendarError> {
    if calendar.is_working_day(date)? {
        Ok(date)
    } else {
        calendar.next_working_day(date)
    }
}

/// The hours of the day a carrier delivers (*piegādes laiks*), such as 09:00–17:00.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::DeliveryWindow;
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// assert_eq!(window.to_string(), "09:00–17:00");
/// # Ok::<(), apkalpe_catalogue::DeliveryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "WindowFields")]
pub struct DeliveryWindow {
    from: NaiveTime,
    until: NaiveTime,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowFields {
    from: NaiveTime,
    until: NaiveTime,
}

impl TryFrom<WindowFields> for DeliveryWindow {
    type Error = DeliveryError;

    fn try_from(fields: WindowFields) -> Result<Self, Self::Error> {
        DeliveryWindow::try_new(fields.from, fields.until)
    }
}

impl DeliveryWindow {
    /// Creates a window.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::InvalidWindow`] if `until` is not after `from`.
    pub fn try_new(from: NaiveTime, until: NaiveTime) -> Result<Self, DeliveryError> {
        if until <= from {
            return Err(DeliveryError::InvalidWindow { from, until });
        }
        Ok(DeliveryWindow { from, until })
    }

    /// Returns the start.
    pub fn from(&self) -> NaiveTime {
        self.from
    }

    /// Returns the end.
    pub fn until(&self) -> NaiveTime {
        self.until
    }
}

impl fmt::Display for DeliveryWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}–{}",
            self.from.format("%H:%M"),
            self.until.format("%H:%M")
        )
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CarrierFields {
    id: CarrierId,
    name: LocalizedText,
    lead_time_working_days: u32,
    capacity_per_day: u32,
    window: DeliveryWindow,
}

impl TryFrom<CarrierFields> for Carrier {
    type Error = DeliveryError;

    fn try_from(fields: CarrierFields) -> Result<Self, Self::Error> {
        Carrier::try_new(
            fields.id,
            fields.name,
            fields.lead_time_working_days,
            fields.capacity_per_day,
            fields.window,
        )
    }
}

/// A carrier (*pārvadātājs*): a lead time in working days from dispatch to delivery, the
/// number of orders it takes per day, and its delivery window.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Carrier, DeliveryWindow};
/// use apkalpe_core::{Language, LocalizedText};
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 2, 20, window)?;
/// assert_eq!(courier.lead_time_working_days(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CarrierFields")]
pub struct Carrier {
    id: CarrierId,
    name: LocalizedText,
    lead_time_working_days: u32,
    capacity_per_day: u32,
    window: DeliveryWindow,
}

impl Carrier {
    /// Creates a carrier.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::ZeroCapacity`] for a capacity of 0.
    pub fn try_new(
        id: CarrierId,
        name: LocalizedText,
        lead_time_working_days: u32,
        capacity_per_day: u32,
        window: DeliveryWindow,
    ) -> Result<Self, DeliveryError> {
        if capacity_per_day == 0 {
            return Err(DeliveryError::ZeroCapacity { carrier: id });
        }
        Ok(Carrier {
            id,
            name,
            lead_time_working_days,
            capacity_per_day,
            window,
        })
    }

    /// Returns the id.
    pub fn id(&self) -> &CarrierId {
        &self.id
    }

    /// Returns the name.
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the lead time in working days.
    pub fn lead_time_working_days(&self) -> u32 {
        self.lead_time_working_days
    }

    /// Returns the orders the carrier takes per day.
    pub fn capacity_per_day(&self) -> u32 {
        self.capacity_per_day
    }

    /// Returns the delivery window.
    pub fn window(&self) -> DeliveryWindow {
        self.window
    }
}

/// A scheduled delivery: the order, its carrier, when the goods are ready, the dispatch day
/// and the promised delivery date and window.
///
/// Saved as `{"order", "carrier", "ready", "dispatch", "promised", "window": {"from",
/// "until"}}`. Deserialising checks the order of the dates that scheduling guarantees (ready
/// ≤ dispatch ≤ promised) and refuses anything else with a [`RestoreError`]; whether the
/// carrier exists and had capacity is the [`DeliveryPlanner`]'s check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScheduledDeliveryRecord")]
pub struct ScheduledDelivery {
    order: OrderReference,
    carrier: CarrierId,
    ready: NaiveDate,
    dispatch: NaiveDate,
    promised: NaiveDate,
    window: DeliveryWindow,
}

/// The saved form of a [`ScheduledDelivery`], as read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduledDeliveryRecord {
    order: OrderReference,
    carrier: CarrierId,
    ready: NaiveDate,
    dispatch: NaiveDate,
    promised: NaiveDate,
    window: DeliveryWindow,
}

impl TryFrom<ScheduledDeliveryRecord> for ScheduledDelivery {
    type Error = RestoreError;

    fn try_from(record: ScheduledDeliveryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ScheduledDelivery";
        if record.dispatch < record.ready {
            return Err(RestoreError::inconsistent(
                WHAT,
                "dispatch",
                format!(
                    "order {} is dispatched on {}, before its goods are ready on {}",
                    record.order, record.dispatch, record.ready
                ),
            )
            .with_latvian_reason(format_args!(
                "pasūtījums {} nosūtīts {}, pirms preces gatavas {}",
                record.order, record.dispatch, record.ready
            )));
        }
        if record.promised < record.dispatch {
            return Err(RestoreError::inconsistent(
                WHAT,
                "promised",
                format!(
                    "order {} is promised for {}, before its dispatch on {}",
                    record.order, record.promised, record.dispatch
                ),
            )
            .with_latvian_reason(format_args!(
                "pasūtījums {} apsolīts {}, pirms tā nosūtīšanas {}",
                record.order, record.promised, record.dispatch
            )));
        }
        Ok(ScheduledDelivery {
            order: record.order,
            carrier: record.carrier,
            ready: record.ready,
            dispatch: record.dispatch,
            promised: record.promised,
            window: record.window,
        })
    }
}

impl ScheduledDelivery {
    /// Returns the order.
    pub fn order(&self) -> &OrderReference {
        &self.order
    }

    /// Returns the carrier.
    pub fn carrier(&self) -> &CarrierId {
        &self.carrier
    }

    /// Returns the day the goods are ready.
    pub fn ready(&self) -> NaiveDate {
        self.ready
    }

    /// Returns the dispatch day.
    pub fn dispatch(&self) -> NaiveDate {
        self.dispatch
    }

    /// Returns the promised delivery date.
    pub fn promised(&self) -> NaiveDate {
        self.promised
    }

    /// Returns the delivery window on the promised date.
    pub fn window(&self) -> DeliveryWindow {
        self.window
    }
}

impl ScheduledDelivery {
    /// Renders the delivery as a line of a dispatch list in `language` (Latvian or English;
    /// German and Russian use English).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::{Calendar, Language};
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(
    ///     &Calendar::latvia(),
    ///     "PAS-1".parse()?,
    ///     &"courier".parse()?,
    ///     Calendar::date(2026, 12, 7)?,
    /// )?;
    /// assert_eq!(
    ///     delivery.render(Language::Latvian),
    ///     "PAS-1  courier  nosūtīšana 2026-12-07  piegāde 2026-12-08 09:00–18:00"
    /// );
    /// assert_eq!(delivery.render(Language::English), delivery.to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        if language != Language::Latvian {
            return self.to_string();
        }
        format!(
            "{}  {}  nosūtīšana {}  piegāde {} {}",
            self.order, self.carrier, self.dispatch, self.promised, self.window
        )
    }
}

impl fmt::Display for ScheduledDelivery {
    /// [`ScheduledDelivery::render`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {}  dispatch {}  delivery {} {}",
            self.order, self.carrier, self.dispatch, self.promised, self.window
        )
    }
}

/// A delivery that arrived: its schedule and the day it was delivered.
///
/// Saved as `{"schedule": {…}, "delivered": "2026-12-28"}`. Deserialising checks the schedule
/// as [`ScheduledDelivery`] does and, as [`DeliveryPlanner::complete`] does, that the delivery
/// is not before the dispatch; anything else is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CompletedDeliveryRecord")]
pub struct CompletedDelivery {
    schedule: ScheduledDelivery,
    delivered: NaiveDate,
}

/// The saved form of a [`CompletedDelivery`], as read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompletedDeliveryRecord {
    schedule: ScheduledDelivery,
    delivered: NaiveDate,
}

impl TryFrom<CompletedDeliveryRecord> for CompletedDelivery {
    type Error = RestoreError;

    fn try_from(record: CompletedDeliveryRecord) -> Result<Self, Self::Error> {
        if record.delivered < record.schedule.dispatch {
            return Err(RestoreError::invalid(
                "CompletedDelivery",
                "delivered",
                DeliveryError::DeliveredBeforeDispatch {
                    order: record.schedule.order.clone(),
                    date: record.delivered,
                    dispatch: record.schedule.dispatch,
                },
            ));
        }
        Ok(CompletedDelivery {
            schedule: record.schedule,
            delivered: record.delivered,
        })
    }
}

impl CompletedDelivery {
    /// Returns the schedule it followed.
    pub fn schedule(&self) -> &ScheduledDelivery {
        &self.schedule
    }

    /// Returns the delivery date.
    pub fn delivered(&self) -> NaiveDate {
        self.delivered
    }

    /// Tells whether it arrived after the promised date.
    pub fn was_late(&self) -> bool {
        self.delivered > self.schedule.promised
    }
}

/// A delivery past its promised date and not yet delivered: to follow up.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateDelivery {
    /// The order.
    pub order: OrderReference,
    /// The carrier.
    pub carrier: CarrierId,
    /// The promised date.
    pub promised: NaiveDate,
    /// Working days from the promised date up to and including today.
    pub working_days_late: u32,
}

impl LateDelivery {
    /// Renders the late delivery as a line of a follow-up list in `language` (Latvian or
    /// English; German and Russian use English); the days agree with their count.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::LateDelivery;
    /// use apkalpe_core::Language;
    /// use chrono::NaiveDate;
    ///
    /// let late = LateDelivery {
    ///     order: "PAS-1".parse()?,
    ///     carrier: "courier".parse()?,
    ///     promised: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    ///     working_days_late: 21,
    /// };
    /// assert_eq!(
    ///     late.render(Language::Latvian),
    ///     "PAS-1  courier  apsolīts 2026-12-08  kavējas 21 darba dienu"
    /// );
    /// assert_eq!(late.render(Language::English), late.to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        if language != Language::Latvian {
            return self.to_string();
        }
        format!(
            "{}  {}  apsolīts {}  kavējas {}",
            self.order,
            self.carrier,
            self.promised,
            CountNoun::new("darba dienu", "darba dienas")
                .count(Language::Latvian, u64::from(self.working_days_late))
        )
    }
}

impl fmt::Display for LateDelivery {
    /// [`LateDelivery::render`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {}  promised {}  {} working days late",
            self.order, self.carrier, self.promised, self.working_days_late
        )
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
/// else is refused with a [`RestoreError`].
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "DeliveryPlannerRecord")]
pub struct DeliveryPlanner {
    carriers: BTreeMap<CarrierId, Carrier>,
    /// How many open and completed deliveries each carrier dispatches on a day: an index
    /// rebuilt from the deliveries, never saved.
    booked: BTreeMap<(CarrierId, NaiveDate), u32>,
    open: BTreeMap<OrderReference, ScheduledDelivery>,
    completed: BTreeMap<OrderReference, CompletedDelivery>,
}

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
#[derive(Serialize)]
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
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeliveryPlannerRecord {
    carriers: Vec<Carrier>,
    #[serde(default)]
    open_deliveries: Vec<ScheduledDelivery>,
    #[serde(default)]
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
    pub fn try_new(carriers: Vec<Carrier>) -> Result<Self, DeliveryError> {
        let carriers = carrier_map(carriers)
            .map_err(|(_, carrier)| DeliveryError::DuplicateCarrier { carrier })?;
        Ok(DeliveryPlanner {
            carriers,
            ..DeliveryPlanner::default()
        })
    }

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
    pub fn carriers(&self) -> impl Iterator<Item = &Carrier> {
        self.carriers.values()
    }

    /// Returns one carrier.
    pub fn carrier(&self, id: &CarrierId) -> Option<&Carrier> {
        self.carriers.get(id)
    }

    /// Tells, without booking, when an order ready on `ready` would be dispatched and
    /// delivered by `carrier` (see the module's rule).
    ///
    /// # Errors
    ///
    /// As [`DeliveryPlanner::schedule`], except `DuplicateOrder`.
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
    pub fn dispatch_list(&self, date: NaiveDate) -> Vec<&ScheduledDelivery> {
        let mut list: Vec<&ScheduledDelivery> =
            self.open.values().filter(|d| d.dispatch == date).collect();
        list.sort_by(|a, b| (&a.carrier, &a.order).cmp(&(&b.carrier, &b.order)));
        list
    }

    /// Returns the open deliveries by promised date, then order: the schedule to monitor.
    pub fn open_deliveries(&self) -> Vec<&ScheduledDelivery> {
        let mut list: Vec<&ScheduledDelivery> = self.open.values().collect();
        list.sort_by(|a, b| (a.promised, &a.order).cmp(&(b.promised, &b.order)));
        list
    }

    /// Returns the completed deliveries in order-reference order.
    pub fn completed_deliveries(&self) -> impl Iterator<Item = &CompletedDelivery> {
        self.completed.values()
    }

    /// Returns the open deliveries whose promised date is before `today`: late, to follow up,
    /// most late first.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::Calendar`] for a date outside the calendar.
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
    use apkalpe_core::Language;
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
