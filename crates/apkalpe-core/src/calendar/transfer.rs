//! Transferred working days (*darba dienu pārcelšana*).

use chrono::{Datelike, NaiveDate, Weekday};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::error::{CalendarError, check_date};
#[cfg(feature = "serde")]
use crate::RestoreError;

/// One transfer of a Cabinet order (*darba dienu pārcelšana*): a Monday-to-Friday working day
/// made a day off, and the Saturday worked instead.
///
/// Under Darba likums art. 133(4) the Cabinet orders such transfers each year, but the order
/// binds only state-budget institutions; everyone else is merely recommended to follow it.
/// That is why a [`Calendar`](crate::Calendar) applies transfers only under
/// [`TransferPolicy::Apply`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, Transfer, TransferPolicy};
///
/// // 2026: Fri 2 Jan off, Sat 17 Jan worked (built in; shown here as data).
/// let transfer = Transfer::try_new(Calendar::date(2026, 1, 2)?, Calendar::date(2026, 1, 17)?)?;
/// assert_eq!(transfer.worked_on(), Calendar::date(2026, 1, 17)?);
///
/// let institution = Calendar::latvia().with_transfer_policy(TransferPolicy::Apply);
/// assert!(!institution.is_working_day(transfer.day_off())?);
/// assert!(institution.is_working_day(transfer.worked_on())?);
/// // A company that does not follow the order works on 2 Jan and rests on 17 Jan.
/// assert!(Calendar::latvia().is_working_day(transfer.day_off())?);
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
///
/// Saved as `{"day_off": "2026-01-02", "worked_on": "2026-01-17"}`; deserialising goes
/// through [`Transfer::try_new`] and refuses a bad pair with a
/// [`RestoreError`](crate::RestoreError) naming the field.
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 e) \[N13\]\[N14\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "TransferFields"))]
pub struct Transfer {
    day_off: NaiveDate,
    worked_on: NaiveDate,
}

#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct TransferFields {
    day_off: NaiveDate,
    worked_on: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<TransferFields> for Transfer {
    type Error = RestoreError;

    fn try_from(fields: TransferFields) -> Result<Self, Self::Error> {
        Transfer::try_new(fields.day_off, fields.worked_on).map_err(|error| {
            let field = match error {
                CalendarError::YearOutOfRange { year, .. } if year != fields.day_off.year() => {
                    "worked_on"
                }
                CalendarError::TransferWorkedDayNotSaturday { .. } => "worked_on",
                _ => "day_off",
            };
            RestoreError::invalid("Transfer", field, error)
        })
    }
}

impl Transfer {
    /// Creates a transfer: `day_off` (Monday to Friday) becomes a day off, `worked_on`
    /// (a Saturday) a working day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Transfer};
    ///
    /// let transfer = Transfer::try_new(Calendar::date(2025, 5, 2)?, Calendar::date(2025, 5, 10)?)?;
    /// assert_eq!(transfer.day_off(), Calendar::date(2025, 5, 2)?);
    /// // The worked day must be a Saturday.
    /// let error = Transfer::try_new(Calendar::date(2025, 5, 2)?, Calendar::date(2025, 5, 11)?)
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "calendar.transfer_worked_day_not_saturday");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if either date is outside 1991–2100.
    /// - [`CalendarError::TransferDayOffNotWeekday`] if `day_off` is a Saturday or Sunday.
    /// - [`CalendarError::TransferWorkedDayNotSaturday`] if `worked_on` is not a Saturday.
    pub fn try_new(day_off: NaiveDate, worked_on: NaiveDate) -> Result<Transfer, CalendarError> {
        check_date(day_off)?;
        check_date(worked_on)?;
        if matches!(day_off.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(CalendarError::TransferDayOffNotWeekday {
                date: day_off,
                weekday: day_off.weekday(),
            });
        }
        if worked_on.weekday() != Weekday::Sat {
            return Err(CalendarError::TransferWorkedDayNotSaturday {
                date: worked_on,
                weekday: worked_on.weekday(),
            });
        }
        Ok(Transfer { day_off, worked_on })
    }

    /// Returns the working day made a day off.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Transfer};
    ///
    /// // The Cabinet moved Monday 22 June 2026 to Saturday 27 June.
    /// let transfer = Transfer::try_new(Calendar::date(2026, 6, 22)?, Calendar::date(2026, 6, 27)?)?;
    /// assert_eq!(transfer.day_off(), Calendar::date(2026, 6, 22)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn day_off(&self) -> NaiveDate {
        self.day_off
    }

    /// Returns the Saturday worked instead.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Transfer};
    ///
    /// let transfer = Transfer::try_new(Calendar::date(2026, 6, 22)?, Calendar::date(2026, 6, 27)?)?;
    /// assert_eq!(transfer.worked_on(), Calendar::date(2026, 6, 27)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn worked_on(&self) -> NaiveDate {
        self.worked_on
    }
}

/// Whether a [`Calendar`](crate::Calendar) applies the Cabinet's transferred working days.
///
/// The orders bind only state-budget institutions with a Monday-to-Friday week; for
/// companies and municipalities they are a recommendation. The default is
/// [`TransferPolicy::Ignore`]: the statutory calendar.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, TransferPolicy};
///
/// let saturday = Calendar::date(2026, 6, 27)?;
/// assert!(!Calendar::latvia().is_working_day(saturday)?);
/// let institution = Calendar::latvia().with_transfer_policy(TransferPolicy::Apply);
/// assert!(institution.is_working_day(saturday)?);
/// assert_eq!(TransferPolicy::default(), TransferPolicy::Ignore);
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TransferPolicy {
    /// The statutory calendar: transfer days are ordinary working days and Saturdays.
    #[default]
    Ignore,
    /// The calendar of a state-budget institution: each transfer's day off is a day off and
    /// its Saturday a working day.
    Apply,
}
