//! Deliveries as the planner records them: scheduled, completed, and late ones to follow up.

use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use super::DeliveryError;
use super::DeliveryWindow;
use crate::code::{CarrierId, OrderReference};

/// A scheduled delivery: the order, its carrier, when the goods are ready, the dispatch day
/// and the promised delivery date and window.
///
/// Saved as `{"order", "carrier", "ready", "dispatch", "promised", "window": {"from",
/// "until"}}`. Deserialising checks the order of the dates that scheduling guarantees (ready
/// ≤ dispatch ≤ promised) and refuses anything else with a [`RestoreError`](apkalpe_core::RestoreError); whether the
/// carrier exists and had capacity is the [`DeliveryPlanner`](crate::DeliveryPlanner)'s check.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
/// use apkalpe_core::Calendar;
///
/// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
/// // Ready on Saturday 5 December: dispatched Monday, delivered Tuesday.
/// assert_eq!(delivery.dispatch(), Calendar::date(2026, 12, 7)?);
/// assert_eq!(delivery.promised(), Calendar::date(2026, 12, 8)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScheduledDeliveryRecord"))]
pub struct ScheduledDelivery {
    pub(super) order: OrderReference,
    pub(super) carrier: CarrierId,
    pub(super) ready: NaiveDate,
    pub(super) dispatch: NaiveDate,
    pub(super) promised: NaiveDate,
    pub(super) window: DeliveryWindow,
}

#[cfg(feature = "serde")]
/// The saved form of a [`ScheduledDelivery`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ScheduledDeliveryRecord {
    order: OrderReference,
    carrier: CarrierId,
    ready: NaiveDate,
    dispatch: NaiveDate,
    promised: NaiveDate,
    window: DeliveryWindow,
}

#[cfg(feature = "serde")]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.order().as_str(), "PAS-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order(&self) -> &OrderReference {
        &self.order
    }

    /// Returns the carrier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.carrier().as_str(), "courier");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carrier(&self) -> &CarrierId {
        &self.carrier
    }

    /// Returns the day the goods are ready.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.ready(), Calendar::date(2026, 12, 5)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ready(&self) -> NaiveDate {
        self.ready
    }

    /// Returns the dispatch day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.dispatch(), Calendar::date(2026, 12, 7)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dispatch(&self) -> NaiveDate {
        self.dispatch
    }

    /// Returns the promised delivery date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.promised(), Calendar::date(2026, 12, 8)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promised(&self) -> NaiveDate {
        self.promised
    }

    /// Returns the delivery window on the promised date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// assert_eq!(delivery.window().to_string(), "09:00–18:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
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
/// as [`ScheduledDelivery`] does and, as [`DeliveryPlanner::complete`](crate::DeliveryPlanner::complete) does, that the delivery
/// is not before the dispatch; anything else is refused with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
/// use apkalpe_core::Calendar;
///
/// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let delivery = file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
/// let done = file.delivery_mut().complete(delivery.order(), Calendar::date(2026, 12, 9)?)?;
/// assert!(done.was_late());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CompletedDeliveryRecord"))]
pub struct CompletedDelivery {
    pub(super) schedule: ScheduledDelivery,
    pub(super) delivered: NaiveDate,
}

#[cfg(feature = "serde")]
/// The saved form of a [`CompletedDelivery`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CompletedDeliveryRecord {
    schedule: ScheduledDelivery,
    delivered: NaiveDate,
}

#[cfg(feature = "serde")]
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
    /// assert_eq!(done.schedule(), &delivery);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(&self) -> &ScheduledDelivery {
        &self.schedule
    }

    /// Returns the delivery date.
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
    /// assert_eq!(done.delivered(), Calendar::date(2026, 12, 8)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delivered(&self) -> NaiveDate {
        self.delivered
    }

    /// Tells whether it arrived after the promised date.
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
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn was_late(&self) -> bool {
        self.delivered > self.schedule.promised
    }
}

/// A delivery past its promised date and not yet delivered: to follow up.
///
/// Produced by [`DeliveryPlanner::late_deliveries`](crate::DeliveryPlanner::late_deliveries)
/// and read through its getters. It deserialises from the form it serialises to, each field
/// through its own type's checks.
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
/// assert_eq!(late[0].working_days_late(), 2);
/// assert_eq!(delivery.order().as_str(), "PAS-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LateDelivery {
    /// The order.
    pub(crate) order: OrderReference,
    /// The carrier.
    pub(crate) carrier: CarrierId,
    /// The promised date.
    pub(crate) promised: NaiveDate,
    /// Working days from the promised date up to and including today.
    pub(crate) working_days_late: u32,
}

impl LateDelivery {
    /// Returns the order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let late = file.delivery().late_deliveries(&Calendar::latvia(), Calendar::date(2026, 12, 10)?)?;
    /// assert_eq!(late[0].order().as_str(), "PAS-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order(&self) -> &OrderReference {
        &self.order
    }

    /// Returns the carrier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let late = file.delivery().late_deliveries(&Calendar::latvia(), Calendar::date(2026, 12, 10)?)?;
    /// assert_eq!(late[0].carrier().as_str(), "courier");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carrier(&self) -> &CarrierId {
        &self.carrier
    }

    /// Returns the promised date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let late = file.delivery().late_deliveries(&Calendar::latvia(), Calendar::date(2026, 12, 10)?)?;
    /// assert_eq!(late[0].promised(), Calendar::date(2026, 12, 8)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promised(&self) -> NaiveDate {
        self.promised
    }

    /// Returns the working days from the promised date up to and including today.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 5)?)?;
    /// let late = file.delivery().late_deliveries(&Calendar::latvia(), Calendar::date(2026, 12, 10)?)?;
    /// assert_eq!(late[0].working_days_late(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn working_days_late(&self) -> u32 {
        self.working_days_late
    }

    /// Renders the late delivery as a line of a follow-up list in `language` (Latvian or
    /// English; German and Russian use English); the days agree with their count.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::LateDelivery;
    /// use apkalpe_core::Language;
    ///
    /// let late: LateDelivery = serde_json::from_str(
    ///     r#"{"order": "PAS-1", "carrier": "courier", "promised": "2026-12-08", "working_days_late": 21}"#,
    /// )?;
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
