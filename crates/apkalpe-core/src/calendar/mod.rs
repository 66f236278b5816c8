//! The Latvian working-day calendar (*darba dienu kalendārs*): public holidays, days off and
//! deadlines.
//!
//! A [`Calendar`] knows, for every day of 1991–2100, whether it is a working day:
//!
//! - the permanent holidays (*svētku dienas*) of the law "Par svētku, atceres un atzīmējamām
//!   dienām", each only from the year it entered the law (Easter Monday from 1997, Pentecost from
//!   1996, 4 May from 2002, Christmas Eve from 2007), with Western Easter computed
//!   ([`easter_sunday`]);
//! - the weekend rule: when 4 May or 18 November (from 26 June 2007) or the Song and Dance
//!   Festival closing day (from 22 October 2014) falls on a Saturday or Sunday, the next working
//!   day is a day off;
//! - data: one-off days off decreed by law (24 Sep 2018, 29 May 2023), festival closing days
//!   (8 Jul 2018, 9 Jul 2023) and the Cabinet's transferred working days for 2018–2026, which
//!   bind only state-budget institutions and apply only under [`TransferPolicy::Apply`]. A
//!   caller adds later data with the builder methods.
//!
//! A date outside 1991–2100 is an error (`calendar.year_out_of_range`), never a guess.
//!
//! Deadlines ([`Calendar::deadline`]) follow the counting of `docs/sources.md` §6: the day of the event is
//! not counted, and a deadline in calendar days or months that ends on a day off ends on the
//! next working day. The [`Deadline`] lists each rule it applied.
//!
//! Build one calendar and reuse it: construction precomputes a 366-bit mask of days off per year
//! (110 years, about 5 KB), so [`Calendar::is_working_day`] is a bit test and
//! [`Calendar::add_working_days`] allocates nothing.
//!
//! # Examples
//!
//! ```
//! use apkalpe_core::{Calendar, Period};
//!
//! let calendar = Calendar::latvia();
//! // A consumer claim received on Fri 27 Nov 2026 is answered within 15 working days.
//! let deadline = calendar.deadline(Calendar::date(2026, 11, 27)?, Period::WorkingDays(15))?;
//! assert_eq!(deadline.date(), Calendar::date(2026, 12, 18)?);
//! // Withdrawal within 14 days of receiving the goods on Sat 12 Dec 2026: the 14th day is
//! // Sat 26 Dec (Otrie Ziemassvētki), so the period ends on Mon 28 Dec.
//! let deadline = calendar.deadline(Calendar::date(2026, 12, 12)?, Period::Days(14))?;
//! assert_eq!(deadline.date(), Calendar::date(2026, 12, 28)?);
//! for step in deadline.steps() {
//!     println!("{step}");
//! }
//! # Ok::<(), apkalpe_core::CalendarError>(())
//! ```
//!
//! # Legal basis
//!
//! `docs/sources.md` §13.1 (holidays, \[N1\]–\[N16\], \[N32\]) and §6 (deadline counting, \[D8\]).
#![deny(clippy::arithmetic_side_effects)]

mod data;
mod deadline;
mod easter;
mod error;
mod holiday;
mod period;
mod transfer;
mod year_mask;

#[cfg(test)]
mod tests;

#[cfg(feature = "serde")]
use std::collections::HashSet;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize, Serializer};

pub use deadline::{DayOffReason, Deadline, DeadlineStep};
pub use easter::easter_sunday;
pub use error::CalendarError;
pub use holiday::{Holiday, HolidayKind, HolidayName};
pub use period::{ParsePeriodError, Period};
pub use transfer::{Transfer, TransferPolicy};

use error::{FIRST_YEAR, LAST_YEAR, check_date, check_year};
use holiday::{FESTIVAL_CLOSING_DAY, FESTIVAL_RULE_IN_FORCE, TRANSFERRED_DAY_OFF};
use year_mask::{Tables, YearCursor};

#[cfg(feature = "serde")]
use crate::RestoreError;

/// The Latvian working-day calendar for 1991–2100: holidays, days off, working days and
/// deadlines.
///
/// [`Calendar::latvia`] holds the law's rules and the built-in data of `docs/sources.md` §13.1; the `with_*`
/// builder methods add later one-off days off, festival closing days and transfers, and choose
/// whether transfers apply. Building a calendar precomputes every year; queries then cost a
/// bit test per day.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, HolidayName};
///
/// let calendar = Calendar::latvia();
/// assert!(!calendar.is_working_day(Calendar::date(2026, 12, 31)?)?); // Vecgada diena
/// assert!(calendar.is_working_day(Calendar::date(2026, 12, 30)?)?);
/// assert_eq!(
///     calendar.next_working_day(Calendar::date(2026, 12, 23)?)?,
///     Calendar::date(2026, 12, 28)?
/// );
///
/// // The festival of 2028 is only planned; add its closing day once the Cabinet fixes it.
/// let calendar = calendar.with_festival_closing_day(Calendar::date(2028, 7, 9)?)?;
/// assert!(!calendar.is_working_day(Calendar::date(2028, 7, 10)?)?);
///
/// // A later one-off day off decreed by law.
/// let calendar = calendar.with_one_off_day_off(
///     Calendar::date(2029, 6, 1)?,
///     HolidayName::new("Piemēra brīvdiena", "Example day off"),
/// )?;
/// assert!(!calendar.is_working_day(Calendar::date(2029, 6, 1)?)?);
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
///
/// # Saved form
///
/// A calendar is saved as its data: the one-off days off, festival closing days and transfers
/// it knows (the built-in ones included) and the transfer policy. The law's rules are code, so
/// they are not saved. Deserialising re-checks the data as the `with_*` methods check it (dates
/// in 1991–2100, festival closing days from 22 Oct 2014 and at most one a year, no date listed
/// twice, transfers of a weekday and a Saturday) and rebuilds the tables once; a calendar edited
/// into an illegal state is refused with a [`RestoreError`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::Calendar;
///
/// let calendar = Calendar::latvia().with_festival_closing_day(Calendar::date(2028, 7, 9)?)?;
/// let json = serde_json::to_string(&calendar)?;
/// assert!(json.starts_with(r#"{"one_off_days_off":[{"date":"2018-09-24","name":{"lv":"#));
/// let restored: Calendar = serde_json::from_str(&json)?;
/// assert_eq!(restored, calendar);
/// assert!(!restored.is_working_day(Calendar::date(2028, 7, 10)?)?);
///
/// // A second festival closing day in 2028 is refused, as `with_festival_closing_day` refuses it.
/// let edited = json.replace(r#""2028-07-09""#, r#""2028-07-09","2028-07-16""#);
/// let error = serde_json::from_str::<Calendar>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.duplicate: cannot restore Calendar: festival_closing_days[3]:"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 \[N1\].
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CalendarRecord"))]
pub struct Calendar {
    one_off_days_off: Vec<Holiday>,
    festival_closing_days: Vec<NaiveDate>,
    transfers: Vec<Transfer>,
    transfer_policy: TransferPolicy,
    // The precomputed masks, or the internal error that prevented building them (returned by
    // every query). Rebuilt by each builder method.
    tables: Result<Tables, CalendarError>,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("one_off_days_off", &self.one_off_days_off)
            .field("festival_closing_days", &self.festival_closing_days)
            .field("transfers", &self.transfers)
            .field("transfer_policy", &self.transfer_policy)
            .finish_non_exhaustive()
    }
}

/// Two calendars are equal when they hold the same data and transfer policy (their tables are
/// built from these).
impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        self.one_off_days_off == other.one_off_days_off
            && self.festival_closing_days == other.festival_closing_days
            && self.transfers == other.transfers
            && self.transfer_policy == other.transfer_policy
    }
}

impl Eq for Calendar {}

/// A one-off day off as saved: its date and name (its kind is always `one_off`).
#[cfg(feature = "serde")]
#[derive(Serialize)]
struct OneOffDayOffView<'a> {
    date: NaiveDate,
    name: &'a HolidayName,
}

/// A one-off day off as read back.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct OneOffDayOffRecord {
    date: NaiveDate,
    name: HolidayName,
}

/// The saved form of a [`Calendar`], as written.
#[cfg(feature = "serde")]
#[derive(Serialize)]
struct CalendarView<'a> {
    one_off_days_off: Vec<OneOffDayOffView<'a>>,
    festival_closing_days: &'a [NaiveDate],
    transfers: &'a [Transfer],
    transfer_policy: TransferPolicy,
}

#[cfg(feature = "serde")]
impl Serialize for Calendar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CalendarView {
            one_off_days_off: self
                .one_off_days_off
                .iter()
                .map(|holiday| OneOffDayOffView {
                    date: holiday.date(),
                    name: holiday.name(),
                })
                .collect(),
            festival_closing_days: &self.festival_closing_days,
            transfers: &self.transfers,
            transfer_policy: self.transfer_policy,
        }
        .serialize(serializer)
    }
}

/// The saved form of a [`Calendar`], as read back.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CalendarRecord {
    one_off_days_off: Vec<OneOffDayOffRecord>,
    festival_closing_days: Vec<NaiveDate>,
    transfers: Vec<Transfer>,
    transfer_policy: TransferPolicy,
}

#[cfg(feature = "serde")]
impl TryFrom<CalendarRecord> for Calendar {
    type Error = RestoreError;

    fn try_from(record: CalendarRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Calendar";
        let mut calendar = Calendar::without_data(record.transfer_policy);
        let mut dates = HashSet::with_capacity(record.one_off_days_off.len());
        for (index, day) in record.one_off_days_off.into_iter().enumerate() {
            let field = format!("one_off_days_off[{index}].date");
            check_date(day.date).map_err(|error| RestoreError::invalid(WHAT, &field, error))?;
            if !dates.insert(day.date) {
                return Err(RestoreError::duplicate(WHAT, field, day.date));
            }
            calendar
                .one_off_days_off
                .push(Holiday::new(day.date, day.name, HolidayKind::OneOff));
        }
        calendar.one_off_days_off.sort_by_key(Holiday::date);
        let mut years = HashSet::with_capacity(record.festival_closing_days.len());
        for (index, date) in record.festival_closing_days.into_iter().enumerate() {
            let field = format!("festival_closing_days[{index}]");
            check_festival_closing_day(date)
                .map_err(|error| RestoreError::invalid(WHAT, &field, error))?;
            if !years.insert(date.year()) {
                return Err(RestoreError::duplicate(
                    WHAT,
                    field,
                    format!("a festival closing day in {}", date.year()),
                ));
            }
            calendar.festival_closing_days.push(date);
        }
        calendar.festival_closing_days.sort_unstable();
        let mut days = HashSet::with_capacity(record.transfers.len().saturating_mul(2));
        for (index, transfer) in record.transfers.into_iter().enumerate() {
            for (part, date) in [
                ("day_off", transfer.day_off()),
                ("worked_on", transfer.worked_on()),
            ] {
                if !days.insert(date) {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        format!("transfers[{index}].{part}"),
                        date,
                    ));
                }
            }
            calendar.transfers.push(transfer);
        }
        calendar.transfers.sort_unstable();
        let tables =
            Tables::build(&calendar).map_err(|error| RestoreError::invalid(WHAT, "", error))?;
        calendar.tables = Ok(tables);
        Ok(calendar)
    }
}

/// Checks a festival closing day as [`Calendar::with_festival_closing_day`] does (apart from
/// the one-a-year rule, which needs the calendar).
fn check_festival_closing_day(date: NaiveDate) -> Result<(), CalendarError> {
    check_date(date)?;
    if date < FESTIVAL_RULE_IN_FORCE {
        return Err(CalendarError::BeforeLaw {
            date,
            in_force: FESTIVAL_RULE_IN_FORCE,
        });
    }
    Ok(())
}

impl Calendar {
    /// The first year the calendar covers (1991).
    pub const FIRST_YEAR: i32 = FIRST_YEAR;

    /// The last year the calendar covers (2100).
    pub const LAST_YEAR: i32 = LAST_YEAR;

    /// Returns the Latvian calendar: the law's holidays and weekend rule, with the built-in
    /// one-off days off, festival closing days and transfers (2018–2026) of `docs/sources.md` §13.1, and
    /// [`TransferPolicy::Ignore`].
    ///
    /// The likely festival closing day Sun 9 Jul 2028 is not built in (the festival dates were
    /// still a draft, `docs/sources.md` §13.1 c, confidence L); add it with
    /// [`Calendar::with_festival_closing_day`] once confirmed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia();
    /// // The Pope's visit, a one-off day off.
    /// assert!(!calendar.is_working_day(Calendar::date(2018, 9, 24)?)?);
    /// // The Monday after the festival closing day of 2023.
    /// assert!(!calendar.is_working_day(Calendar::date(2023, 7, 10)?)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §13.1 a)–f).
    pub fn latvia() -> Calendar {
        let mut calendar = Calendar::without_data(TransferPolicy::Ignore);
        let loaded = calendar.load_built_in_data();
        calendar.tables = loaded.and_then(|()| Tables::build(&calendar));
        if let Err(error) = &calendar.tables {
            debug_assert!(false, "the built-in calendar failed to build: {error}");
        }
        calendar
    }

    /// A calendar with the law's rules only, no data and no tables yet.
    fn without_data(transfer_policy: TransferPolicy) -> Calendar {
        Calendar {
            one_off_days_off: Vec::new(),
            festival_closing_days: Vec::new(),
            transfers: Vec::new(),
            transfer_policy,
            tables: Err(CalendarError::Internal {
                place: "calendar.not_built",
            }),
        }
    }

    fn load_built_in_data(&mut self) -> Result<(), CalendarError> {
        for (year, month, day, latvian, english) in data::ONE_OFF_DAYS_OFF {
            let date = built_in_date(year, month, day)?;
            self.one_off_days_off.push(Holiday::new(
                date,
                HolidayName::from_static(latvian, english),
                HolidayKind::OneOff,
            ));
        }
        for (year, month, day) in data::FESTIVAL_CLOSING_DAYS {
            self.festival_closing_days
                .push(built_in_date(year, month, day)?);
        }
        for ((year, month, day), (worked_year, worked_month, worked_day)) in data::TRANSFERS {
            let day_off = built_in_date(year, month, day)?;
            let worked_on = built_in_date(worked_year, worked_month, worked_day)?;
            self.transfers.push(Transfer::try_new(day_off, worked_on)?);
        }
        Ok(())
    }

    /// Returns the date `year`-`month`-`day`, checked to exist and to lie in the calendar's
    /// years: a convenience for building dates with `?`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let date = Calendar::date(2028, 2, 29)?;
    /// assert_eq!(date.to_string(), "2028-02-29");
    /// assert_eq!(Calendar::date(2027, 2, 29).unwrap_err().code(), "calendar.invalid_date");
    /// assert_eq!(Calendar::date(2101, 1, 1).unwrap_err().code(), "calendar.year_out_of_range");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `year` is not in 1991–2100.
    /// - [`CalendarError::InvalidDate`] if the month or day does not exist.
    pub fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
        check_year(year)?;
        NaiveDate::from_ymd_opt(year, month, day).ok_or(CalendarError::InvalidDate {
            year,
            month,
            day,
        })
    }

    /// Returns the calendar with one more one-off day off decreed by an amendment of the
    /// holiday law, such as the 24 Sep 2018 of the Pope's visit.
    ///
    /// # Examples
    ///
    /// See [`Calendar`].
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `date` is outside 1991–2100.
    /// - [`CalendarError::AlreadyListed`] if the calendar already has a one-off day off on
    ///   `date`.
    /// - [`CalendarError::Internal`] on a bug while rebuilding the tables.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §13.1 d).
    pub fn with_one_off_day_off(
        mut self,
        date: NaiveDate,
        name: HolidayName,
    ) -> Result<Calendar, CalendarError> {
        check_date(date)?;
        if self.one_off_days_off.iter().any(|day| day.date() == date) {
            return Err(CalendarError::AlreadyListed { date });
        }
        self.one_off_days_off
            .push(Holiday::new(date, name, HolidayKind::OneOff));
        self.one_off_days_off.sort_by_key(Holiday::date);
        self.rebuilt()
    }

    /// Returns the calendar with the closing day of a General Latvian Song and Dance Festival
    /// (the day itself, usually a Sunday; the weekend rule then gives the Monday off).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia().with_festival_closing_day(Calendar::date(2028, 7, 9)?)?;
    /// let monday = Calendar::date(2028, 7, 10)?;
    /// assert!(calendar.holidays(2028)?.iter().any(|holiday| holiday.date() == monday));
    ///
    /// // The rule entered into force on 22 Oct 2014.
    /// let error = Calendar::latvia()
    ///     .with_festival_closing_day(Calendar::date(2013, 7, 7)?)
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "calendar.before_law");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `date` is outside 1991–2100, or its replacement
    ///   day would be.
    /// - [`CalendarError::BeforeLaw`] if `date` is before 22 Oct 2014.
    /// - [`CalendarError::AlreadyListed`] if the calendar already has a festival closing day in
    ///   that year.
    /// - [`CalendarError::Internal`] on a bug while rebuilding the tables.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §13.1 a)–c) \[N1\]\[N9\].
    pub fn with_festival_closing_day(mut self, date: NaiveDate) -> Result<Calendar, CalendarError> {
        check_festival_closing_day(date)?;
        if self
            .festival_closing_days
            .iter()
            .any(|day| day.year() == date.year())
        {
            return Err(CalendarError::AlreadyListed { date });
        }
        self.festival_closing_days.push(date);
        self.festival_closing_days.sort_unstable();
        self.rebuilt()
    }

    /// Returns the calendar with one more transfer of a Cabinet order. It takes effect only
    /// under [`TransferPolicy::Apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Transfer, TransferPolicy};
    ///
    /// // A hypothetical 2027 order: Mon 3 May off, Sat 8 May worked.
    /// let transfer = Transfer::try_new(Calendar::date(2027, 5, 3)?, Calendar::date(2027, 5, 8)?)?;
    /// let calendar = Calendar::latvia()
    ///     .with_transfer(transfer)?
    ///     .with_transfer_policy(TransferPolicy::Apply);
    /// assert!(!calendar.is_working_day(Calendar::date(2027, 5, 3)?)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::AlreadyListed`] if either day is already part of a transfer.
    /// - [`CalendarError::Internal`] on a bug while rebuilding the tables.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §13.1 e).
    pub fn with_transfer(mut self, transfer: Transfer) -> Result<Calendar, CalendarError> {
        for date in [transfer.day_off(), transfer.worked_on()] {
            if self
                .transfers
                .iter()
                .any(|known| known.day_off() == date || known.worked_on() == date)
            {
                return Err(CalendarError::AlreadyListed { date });
            }
        }
        self.transfers.push(transfer);
        self.transfers.sort_unstable();
        self.rebuilt()
    }

    /// Returns the calendar with the given transfer policy: [`TransferPolicy::Apply`] for a
    /// state-budget institution, [`TransferPolicy::Ignore`] (the default) otherwise.
    ///
    /// # Examples
    ///
    /// See [`TransferPolicy`].
    pub fn with_transfer_policy(mut self, policy: TransferPolicy) -> Calendar {
        self.transfer_policy = policy;
        self.tables = Tables::build(&self);
        self
    }

    fn rebuilt(mut self) -> Result<Calendar, CalendarError> {
        let tables = Tables::build(&self)?;
        self.tables = Ok(tables);
        Ok(self)
    }

    /// Returns the transfer policy.
    pub fn transfer_policy(&self) -> TransferPolicy {
        self.transfer_policy
    }

    /// Returns the transfers the calendar knows, in date order, whether or not they apply.
    pub fn transfers(&self) -> &[Transfer] {
        &self.transfers
    }

    /// Returns the one-off days off the calendar knows, in date order.
    pub fn one_off_days_off(&self) -> &[Holiday] {
        &self.one_off_days_off
    }

    /// Returns the festival closing days the calendar knows, in date order.
    pub fn festival_closing_days(&self) -> &[NaiveDate] {
        &self.festival_closing_days
    }

    /// Returns the holidays and days off of `year`, sorted by date: the law's holidays in force
    /// that year, festival closing days, replacement days of the weekend rule, one-off days
    /// off and, under [`TransferPolicy::Apply`], transferred days off. Two holidays may share
    /// a date (Mother's Day and Pentecost in 2008).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let holidays = Calendar::latvia().holidays(2026)?;
    /// assert_eq!(holidays.len(), 15);
    /// assert_eq!(holidays[1].name().latvian(), "Lielā Piektdiena");
    /// assert_eq!(holidays[1].date(), Calendar::date(2026, 4, 3)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `year` is not in 1991–2100.
    /// - [`CalendarError::Internal`] on a bug.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §13.1 a)–f).
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        check_year(year)?;
        let tables = self.tables()?;
        let mut holidays = self.base_holidays(year)?;
        holidays.extend(
            tables
                .moved()
                .iter()
                .filter(|holiday| holiday.date().year() == year)
                .cloned(),
        );
        if self.transfer_policy == TransferPolicy::Apply {
            holidays.extend(
                self.transfers
                    .iter()
                    .filter(|transfer| transfer.day_off().year() == year)
                    .map(|transfer| {
                        Holiday::new(
                            transfer.day_off(),
                            TRANSFERRED_DAY_OFF,
                            HolidayKind::Transferred {
                                worked_on: transfer.worked_on(),
                            },
                        )
                    }),
            );
        }
        holidays.sort_by_key(Holiday::date);
        Ok(holidays)
    }

    /// The holidays of `year` before the weekend rule and transfers: the law's list, festival
    /// closing days and one-off days off. Unsorted.
    pub(crate) fn base_holidays(&self, year: i32) -> Result<Vec<Holiday>, CalendarError> {
        let mut holidays = holiday::statutory_holidays(year)?;
        holidays.extend(
            self.festival_closing_days
                .iter()
                .filter(|date| date.year() == year)
                .map(|&date| {
                    Holiday::new(date, FESTIVAL_CLOSING_DAY, HolidayKind::FestivalClosing)
                }),
        );
        holidays.extend(
            self.one_off_days_off
                .iter()
                .filter(|holiday| holiday.date().year() == year)
                .cloned(),
        );
        Ok(holidays)
    }

    fn tables(&self) -> Result<&Tables, CalendarError> {
        self.tables.as_ref().map_err(Clone::clone)
    }

    /// Whether `date` is a working day: Monday to Friday and not a holiday or day off; under
    /// [`TransferPolicy::Apply`] a transfer's Saturday is a working day and its day off is not.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia();
    /// assert!(!calendar.is_working_day(Calendar::date(2025, 5, 5)?)?); // 4 May was a Sunday
    /// assert!(calendar.is_working_day(Calendar::date(2001, 5, 4)?)?); // before the 2002 law
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `date` is outside 1991–2100.
    /// - [`CalendarError::Internal`] on a bug.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let cursor = YearCursor::at(self.tables()?, date)?;
        cursor.is_working_day()
    }

    /// Returns the first working day strictly after `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia();
    /// // Fri 21 Jun 2024 → Mon 24 Jun is Jāņu diena → Tue 25 Jun.
    /// assert_eq!(
    ///     calendar.next_working_day(Calendar::date(2024, 6, 21)?)?,
    ///     Calendar::date(2024, 6, 25)?
    /// );
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `date` is outside 1991–2100 or the next working
    ///   day would be after 2100.
    /// - [`CalendarError::Internal`] on a bug.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut cursor = YearCursor::at(self.tables()?, date)?;
        cursor.advance_to_next_working_day()?;
        cursor.date()
    }

    /// Returns the `n`-th working day after `date` (`date` itself is not counted); `n = 0`
    /// returns `date` unchanged, even if it is not a working day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia();
    /// // From Mon 21 Dec 2026: 22, 23, 28, 29, 30 Dec, 4 Jan.
    /// assert_eq!(
    ///     calendar.add_working_days(Calendar::date(2026, 12, 21)?, 6)?,
    ///     Calendar::date(2027, 1, 4)?
    /// );
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `date` is outside 1991–2100 or the result would
    ///   be after 2100.
    /// - [`CalendarError::Internal`] on a bug.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            check_date(date)?;
            return Ok(date);
        }
        let mut cursor = YearCursor::at(self.tables()?, date)?;
        for _ in 0..n {
            cursor.advance_to_next_working_day()?;
        }
        cursor.date()
    }

    /// Returns how many working days lie after `start` up to and including `end`; 0 if `end`
    /// is not after `start`. The inverse of [`Calendar::add_working_days`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let calendar = Calendar::latvia();
    /// let start = Calendar::date(2026, 12, 21)?;
    /// let end = calendar.add_working_days(start, 6)?;
    /// assert_eq!(calendar.working_days_between(start, end)?, 6);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if either date is outside 1991–2100.
    /// - [`CalendarError::Internal`] on a bug.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let tables = self.tables()?;
        let mut cursor = YearCursor::at(tables, start)?;
        let last = YearCursor::at(tables, end)?;
        let mut count: u32 = 0;
        while cursor.is_before(&last) {
            cursor.advance_one_day()?;
            if cursor.is_working_day()? {
                count = count
                    .checked_add(1)
                    .ok_or(CalendarError::Overflow { date: start })?;
            }
        }
        Ok(count)
    }

    /// Why `date` is not a working day, or `None` if it is one.
    pub(crate) fn day_off_reason(
        &self,
        date: NaiveDate,
    ) -> Result<Option<DayOffReason>, CalendarError> {
        if self.is_working_day(date)? {
            return Ok(None);
        }
        let holidays = self.holidays(date.year())?;
        if let Some(holiday) = holidays.iter().find(|holiday| holiday.date() == date) {
            return Ok(Some(DayOffReason::Holiday(holiday.clone())));
        }
        match date.weekday() {
            Weekday::Sat => Ok(Some(DayOffReason::Saturday)),
            Weekday::Sun => Ok(Some(DayOffReason::Sunday)),
            _ => Err(CalendarError::internal("calendar.day_off_without_reason")),
        }
    }
}

/// Builds a date of the built-in data tables.
fn built_in_date(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| CalendarError::internal("data.invalid_date"))
}
