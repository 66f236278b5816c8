//! How long a service takes, and the day it is done (T1.5).

use std::fmt;

use apkalpe_core::{Calendar, CalendarError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{DeliveryError, HOURS_PER_WORKING_DAY};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DurationFields", into = "DurationFields")
)]
/// # Examples
///
/// ```
/// use apkalpe_catalogue::ServiceDuration;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(ServiceDuration::hours(dec!(12))?.in_working_days(), 2);
/// assert_eq!(ServiceDuration::working_days(3)?.to_string(), "3 working days");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct ServiceDuration(DurationFields);

impl ServiceDuration {
    /// A duration of `days` working days.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::ZeroDuration`] for 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::ServiceDuration;
    ///
    /// assert_eq!(ServiceDuration::working_days(3)?.in_working_days(), 3);
    /// assert_eq!(ServiceDuration::working_days(0).unwrap_err().code(), "delivery.zero_duration");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::ServiceDuration;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(ServiceDuration::hours(dec!(4))?.in_working_days(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hours(hours: Decimal) -> Result<Self, DeliveryError> {
        if hours <= Decimal::ZERO || hours > Decimal::from(80_000) {
            return Err(DeliveryError::ZeroDuration);
        }
        Ok(ServiceDuration(DurationFields::Hours(hours.normalize())))
    }

    /// Returns the working days the service occupies: the days, or the hours divided by
    /// [`HOURS_PER_WORKING_DAY`] rounded up (12 hours → 2 days).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::ServiceDuration;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(ServiceDuration::hours(dec!(8.5))?.in_working_days(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
