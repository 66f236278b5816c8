//! The errors of the working-day calendar.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The first year the calendar covers: the first full year of the restored Republic's holiday
/// law of 3 October 1990.
pub(crate) const FIRST_YEAR: i32 = 1991;

/// The last year the calendar covers.
pub(crate) const LAST_YEAR: i32 = 2100;

/// The error returned by the working-day calendar ([`Calendar`](crate::Calendar)).
///
/// Every variant has a stable code ([`CalendarError::code`]) that `desk` prints.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, CalendarError};
///
/// let calendar = Calendar::latvia();
/// let error = calendar.holidays(1990).unwrap_err();
/// assert_eq!(error.code(), "calendar.year_out_of_range");
/// assert_eq!(
///     error,
///     CalendarError::YearOutOfRange { year: 1990, first: 1991, last: 2100 }
/// );
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The year is outside the years the calendar covers (1991 to 2100): the calendar does not
    /// guess the holidays of years it has no rules for.
    #[error("year {year} is outside the calendar's years {first} to {last}")]
    YearOutOfRange {
        /// The year asked for, or the year a computation ran into.
        year: i32,
        /// The first year covered (1991).
        first: i32,
        /// The last year covered (2100).
        last: i32,
    },
    /// The year, month and day do not name a date (30 February, month 13).
    #[error("{year}-{month:02}-{day:02} is not a date")]
    InvalidDate {
        /// The year given.
        year: i32,
        /// The month given (1 to 12 is valid).
        month: u32,
        /// The day of the month given.
        day: u32,
    },
    /// Date arithmetic starting from `date` left the dates that can be represented.
    #[error("date arithmetic from {date} overflowed")]
    Overflow {
        /// The date the computation started from.
        date: NaiveDate,
    },
    /// The day is earlier than the day the rule it relies on entered into force.
    #[error("{date} is before {in_force}, when its rule entered into force")]
    BeforeLaw {
        /// The date given.
        date: NaiveDate,
        /// The day the rule entered into force.
        in_force: NaiveDate,
    },
    /// The calendar's data already has an entry for this day (or, for a festival closing day,
    /// for this year).
    #[error("{date} is already in the calendar's data")]
    AlreadyListed {
        /// The date given.
        date: NaiveDate,
    },
    /// The day off of a transfer is not a Monday to Friday.
    #[error("the day off of a transfer must be monday to friday, {date} is a {weekday}")]
    TransferDayOffNotWeekday {
        /// The day off given.
        date: NaiveDate,
        /// Its day of the week.
        weekday: Weekday,
    },
    /// The working day of a transfer is not a Saturday (Darba likums art. 133(4)).
    #[error("the worked day of a transfer must be a saturday, {date} is a {weekday}")]
    TransferWorkedDayNotSaturday {
        /// The worked day given.
        date: NaiveDate,
        /// Its day of the week.
        weekday: Weekday,
    },
    /// An internal invariant broke; this is a bug in Apkalpe, please report it.
    #[error("internal calendar error at {place}")]
    Internal {
        /// Where the invariant broke.
        place: &'static str,
    },
}

impl CalendarError {
    /// Returns the stable error code, such as `calendar.year_out_of_range`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let error = Calendar::date(2026, 2, 30).unwrap_err();
    /// assert_eq!(error.code(), "calendar.invalid_date");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::YearOutOfRange { .. } => "calendar.year_out_of_range",
            CalendarError::InvalidDate { .. } => "calendar.invalid_date",
            CalendarError::Overflow { .. } => "calendar.overflow",
            CalendarError::BeforeLaw { .. } => "calendar.before_law",
            CalendarError::AlreadyListed { .. } => "calendar.already_listed",
            CalendarError::TransferDayOffNotWeekday { .. } => {
                "calendar.transfer_day_off_not_weekday"
            }
            CalendarError::TransferWorkedDayNotSaturday { .. } => {
                "calendar.transfer_worked_day_not_saturday"
            }
            CalendarError::Internal { .. } => "calendar.internal",
        }
    }

    /// Returns an [`CalendarError::Internal`] error and fires a debug assertion: the caller
    /// reached a state the calendar's invariants rule out.
    pub(crate) fn internal(place: &'static str) -> CalendarError {
        debug_assert!(false, "internal calendar error at {place}");
        CalendarError::Internal { place }
    }
}

impl LocalizedError for CalendarError {
    fn code(&self) -> &'static str {
        CalendarError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            CalendarError::YearOutOfRange { year, first, last } => write!(
                f,
                "{year}. gads ir ārpus kalendāra gadiem no {first} līdz {last}"
            ),
            CalendarError::InvalidDate { year, month, day } => {
                write!(f, "{year}-{month:02}-{day:02} nav derīgs datums")
            }
            CalendarError::Overflow { date } => write!(
                f,
                "aprēķins no datuma {date} iziet ārpus attēlojamo datumu robežām"
            ),
            CalendarError::BeforeLaw { date, in_force } => write!(
                f,
                "{date} ir pirms {in_force}, kad stājās spēkā attiecīgais noteikums"
            ),
            CalendarError::AlreadyListed { date } => {
                write!(f, "{date} jau ir kalendāra datos")
            }
            CalendarError::TransferDayOffNotWeekday { date, weekday } => write!(
                f,
                "pārceltajai brīvdienai jābūt no pirmdienas līdz piektdienai, bet {date} ir {}",
                latvian::weekday(*weekday)
            ),
            CalendarError::TransferWorkedDayNotSaturday { date, weekday } => write!(
                f,
                "pārceltajai darba dienai jābūt sestdienai, bet {date} ir {}",
                latvian::weekday(*weekday)
            ),
            CalendarError::Internal { place } => {
                write!(f, "iekšēja kalendāra kļūda vietā {place}")
            }
        }
    }
}

/// Checks that `year` is one of the years the calendar covers.
pub(crate) fn check_year(year: i32) -> Result<(), CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::YearOutOfRange {
            year,
            first: FIRST_YEAR,
            last: LAST_YEAR,
        })
    }
}

/// Checks that the year of `date` is one of the years the calendar covers.
pub(crate) fn check_date(date: NaiveDate) -> Result<(), CalendarError> {
    check_year(date.year())
}
