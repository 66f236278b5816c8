//! Deadlines: a period counted from an event, with the rules applied recorded as data.

use std::fmt;

#[cfg(feature = "serde")]
use chrono::Weekday;
use chrono::{Datelike, Days, Months, NaiveDate};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::error::{CalendarError, check_date};
use super::{Calendar, Holiday, HolidayKind, Period};
#[cfg(feature = "serde")]
use crate::RestoreError;
#[cfg(feature = "serde")]
use crate::localized::latvian;

/// Why a day is not a working day.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, DeadlineStep, DayOffReason, Period};
///
/// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 11, 27)?, Period::Days(15))?;
/// let DeadlineStep::MovedToNextWorkingDay { reason, .. } = &deadline.steps()[1] else {
///     unreachable!("15 days after 27 Nov 2026 is a Saturday");
/// };
/// assert_eq!(reason, &DayOffReason::Saturday);
/// assert_eq!(reason.to_string(), "a Saturday");
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DayOffReason {
    /// A Saturday that is not a transferred working day.
    Saturday,
    /// A Sunday.
    Sunday,
    /// A holiday or other day off of the calendar (the first one listed for that date).
    Holiday(Holiday),
}

impl fmt::Display for DayOffReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayOffReason::Saturday => f.write_str("a Saturday"),
            DayOffReason::Sunday => f.write_str("a Sunday"),
            DayOffReason::Holiday(holiday) => match holiday.kind() {
                HolidayKind::Moved { from } => write!(
                    f,
                    "a day off ({}, moved from {from} by the weekend rule)",
                    holiday.name()
                ),
                HolidayKind::OneOff => write!(f, "a one-off day off ({})", holiday.name()),
                HolidayKind::Transferred { worked_on } => {
                    write!(f, "a transferred day off (worked on {worked_on})")
                }
                _ => write!(f, "a public holiday ({})", holiday.name()),
            },
        }
    }
}

/// One rule applied while computing a [`Deadline`], with its dates.
///
/// [`Display`](fmt::Display) renders it as an English line, as `desk deadline` prints it:
/// "counted 15 days from 2026-11-27 → 2026-12-12".
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, Period};
///
/// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 11, 27)?, Period::Days(15))?;
/// let lines: Vec<String> = deadline.steps().iter().map(ToString::to_string).collect();
/// assert_eq!(
///     lines,
///     [
///         "counted 15 days from 2026-11-27 → 2026-12-12",
///         "2026-12-12 is a Saturday → moved to the next working day 2026-12-14",
///     ]
/// );
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "step"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum DeadlineStep {
    /// Counted calendar days from the day after `from`.
    CountedDays {
        /// The day of the event (not counted).
        from: NaiveDate,
        /// The number of days.
        days: u32,
        /// The last day counted.
        to: NaiveDate,
    },
    /// Counted working days after `from`.
    CountedWorkingDays {
        /// The day of the event (not counted).
        from: NaiveDate,
        /// The number of working days.
        working_days: u32,
        /// The last working day counted.
        to: NaiveDate,
    },
    /// Counted months to the same day of the month.
    CountedMonths {
        /// The day of the event.
        from: NaiveDate,
        /// The number of months.
        months: u32,
        /// The same day of the month, `months` later.
        to: NaiveDate,
    },
    /// Counted months, but the month reached has no such day, so the period ends on its last
    /// day (31 Jan + 1 month → 28 or 29 Feb).
    CountedMonthsToMonthEnd {
        /// The day of the event.
        from: NaiveDate,
        /// The number of months.
        months: u32,
        /// The day of the month that the month reached does not have (29, 30 or 31).
        missing_day: u32,
        /// The last day of the month reached.
        to: NaiveDate,
    },
    /// The period ended on a day that is not a working day, so it ends on the next working day.
    MovedToNextWorkingDay {
        /// The day the count ended on.
        from: NaiveDate,
        /// Why that day is not a working day.
        reason: DayOffReason,
        /// The next working day.
        to: NaiveDate,
    },
}

/// "1 day", "2 days".
fn plural(count: u32, one: &str, many: &str) -> String {
    crate::CountNoun::new(one, many).count(crate::Language::English, u64::from(count))
}

impl fmt::Display for DeadlineStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineStep::CountedDays { from, days, to } => {
                write!(
                    f,
                    "counted {} from {from} → {to}",
                    plural(*days, "day", "days")
                )
            }
            DeadlineStep::CountedWorkingDays {
                from,
                working_days,
                to,
            } => write!(
                f,
                "counted {} from {from} → {to}",
                plural(*working_days, "working day", "working days")
            ),
            DeadlineStep::CountedMonths { from, months, to } => write!(
                f,
                "counted {} from {from} → {to}",
                plural(*months, "month", "months")
            ),
            DeadlineStep::CountedMonthsToMonthEnd {
                from,
                months,
                missing_day,
                to,
            } => write!(
                f,
                "counted {} from {from} → {to}, the last day of the month, which has no day {missing_day}",
                plural(*months, "month", "months")
            ),
            DeadlineStep::MovedToNextWorkingDay { from, reason, to } => {
                write!(f, "{from} is {reason} → moved to the next working day {to}")
            }
        }
    }
}

/// A computed deadline (*termiņš*): the start, the period, the final date and the rules that
/// led to it.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, Period};
///
/// let calendar = Calendar::latvia();
/// let deadline = calendar.deadline(Calendar::date(2026, 1, 31)?, Period::Months(1))?;
/// assert_eq!(deadline.date(), Calendar::date(2026, 3, 2)?);
/// assert_eq!(deadline.period(), Period::Months(1));
/// for step in deadline.steps() {
///     println!("{step}");
/// }
/// // counted 1 month from 2026-01-31 → 2026-02-28, the last day of the month, which has no day 31
/// // 2026-02-28 is a Saturday → moved to the next working day 2026-03-02
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
///
/// # Saved form
///
/// `{"start": "2026-01-31", "period": "1m", "date": "2026-03-02", "steps": [{"step":
/// "counted_months_to_month_end", …}, {"step": "moved_to_next_working_day", …}]}`.
/// Deserialising checks that the steps tell one consistent count: dates in 1991–2100; first a
/// count of the period's kind and length from `start` (a count of days or months ends exactly
/// where the calendar arithmetic puts it); then at most one move to a later day; each step
/// starting where the one before ended, and the last ending on `date`. The calendar itself is
/// not part of the saved form, so which days were off is taken as saved. Anything else is
/// refused with a [`RestoreError`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{Calendar, Deadline, Period};
///
/// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 1, 31)?, Period::Months(1))?;
/// let json = serde_json::to_string(&deadline)?;
/// assert_eq!(serde_json::from_str::<Deadline>(&json)?, deadline);
///
/// let edited = json.replace("\"date\":\"2026-03-02\"", "\"date\":\"2026-03-03\"");
/// let error = serde_json::from_str::<Deadline>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.inconsistent: cannot restore Deadline: date:"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DeadlineRecord"))]
pub struct Deadline {
    start: NaiveDate,
    period: Period,
    date: NaiveDate,
    steps: Vec<DeadlineStep>,
}

/// The saved form of a [`Deadline`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DeadlineRecord {
    start: NaiveDate,
    period: Period,
    date: NaiveDate,
    steps: Vec<DeadlineStep>,
}

#[cfg(feature = "serde")]
impl TryFrom<DeadlineRecord> for Deadline {
    type Error = RestoreError;

    fn try_from(record: DeadlineRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Deadline";
        let DeadlineRecord {
            start,
            period,
            date,
            steps,
        } = record;
        check_date(start).map_err(|error| RestoreError::invalid(WHAT, "start", error))?;
        check_date(date).map_err(|error| RestoreError::invalid(WHAT, "date", error))?;
        let mut iter = steps.iter();
        let counted = match (iter.next(), period) {
            (Some(DeadlineStep::CountedDays { from, days, to }), Period::Days(n)) if *days == n => {
                let expected = start.checked_add_days(Days::new(u64::from(n)));
                if *from != start || expected != Some(*to) {
                    return Err(count_mismatch(period, start, *to));
                }
                *to
            }
            (
                Some(DeadlineStep::CountedWorkingDays {
                    from,
                    working_days,
                    to,
                }),
                Period::WorkingDays(n),
            ) if *working_days == n => {
                // Which days were working days is the calendar's; only the direction is
                // checked: n working days end after the start, zero on it.
                let consistent = if n == 0 { *to == start } else { *to > start };
                if *from != start || !consistent {
                    return Err(count_mismatch(period, start, *to));
                }
                *to
            }
            (Some(DeadlineStep::CountedMonths { from, months, to }), Period::Months(n))
                if *months == n =>
            {
                let expected = start.checked_add_months(Months::new(n));
                if *from != start || expected != Some(*to) || to.day() != start.day() {
                    return Err(count_mismatch(period, start, *to));
                }
                *to
            }
            (
                Some(DeadlineStep::CountedMonthsToMonthEnd {
                    from,
                    months,
                    missing_day,
                    to,
                }),
                Period::Months(n),
            ) if *months == n => {
                let expected = start.checked_add_months(Months::new(n));
                if *from != start
                    || expected != Some(*to)
                    || to.day() == start.day()
                    || *missing_day != start.day()
                {
                    return Err(count_mismatch(period, start, *to));
                }
                *to
            }
            (Some(_), _) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "steps[0]",
                    format!("the first step must count the period {period} from {start}"),
                )
                .with_latvian_reason(format!(
                    "pirmajam solim jāskaita periods {period} no {start}"
                )));
            }
            (None, _) => {
                return Err(RestoreError::missing(
                    WHAT,
                    "steps",
                    "a deadline has at least the step that counts its period",
                )
                .with_latvian_reason("termiņam ir vismaz solis, kas skaita tā periodu"));
            }
        };
        check_date(counted).map_err(|error| RestoreError::invalid(WHAT, "steps[0].to", error))?;
        let last = match iter.next() {
            None => counted,
            Some(DeadlineStep::MovedToNextWorkingDay { from, reason, to }) => {
                if *from != counted || *to <= *from {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "steps[1]",
                        format!("a move must go from the counted day {counted} to a later day"),
                    )
                    .with_latvian_reason(format!(
                        "pārcelšanai jānotiek no saskaitītās dienas {counted} uz vēlāku dienu"
                    )));
                }
                let weekend = match reason {
                    DayOffReason::Saturday => Some(Weekday::Sat),
                    DayOffReason::Sunday => Some(Weekday::Sun),
                    DayOffReason::Holiday(holiday) if holiday.date() != *from => {
                        return Err(RestoreError::inconsistent(
                            WHAT,
                            "steps[1].reason.date",
                            format!("the day off given as the reason is not {from}"),
                        )
                        .with_latvian_reason(format!(
                            "par iemeslu norādītā brīvdiena nav {from}"
                        )));
                    }
                    DayOffReason::Holiday(_) => None,
                };
                if weekend.is_some_and(|day| from.weekday() != day) {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "steps[1].reason",
                        format!("{from} is a {}", from.weekday()),
                    )
                    .with_latvian_reason(format!(
                        "{from} ir {}",
                        latvian::weekday(from.weekday())
                    )));
                }
                check_date(*to)
                    .map_err(|error| RestoreError::invalid(WHAT, "steps[1].to", error))?;
                *to
            }
            Some(_) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "steps[1]",
                    "only a move to the next working day may follow the count",
                )
                .with_latvian_reason(
                    "pēc skaitīšanas var sekot tikai pārcelšana uz nākamo darba dienu",
                ));
            }
        };
        if iter.next().is_some() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "steps[2]",
                "a deadline has at most two steps",
            )
            .with_latvian_reason("termiņam ir ne vairāk kā divi soļi"));
        }
        if last != date {
            return Err(RestoreError::inconsistent(
                WHAT,
                "date",
                format!("the steps end on {last}, not on {date}"),
            )
            .with_latvian_reason(format!("soļi beidzas {last}, nevis {date}")));
        }
        Ok(Deadline {
            start,
            period,
            date,
            steps,
        })
    }
}

/// The error of a counting step that does not count `period` from `start`.
#[cfg(feature = "serde")]
fn count_mismatch(period: Period, start: NaiveDate, to: NaiveDate) -> RestoreError {
    RestoreError::inconsistent(
        "Deadline",
        "steps[0]",
        format!("counting {period} from {start} does not end on {to}"),
    )
    .with_latvian_reason(format!("skaitot {period} no {start}, beigu diena nav {to}"))
}

impl Deadline {
    /// Returns the day of the triggering event (not counted).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Period};
    ///
    /// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 11, 27)?, Period::WorkingDays(10))?;
    /// assert_eq!(deadline.start(), Calendar::date(2026, 11, 27)?);
    /// assert_eq!(deadline.period(), Period::WorkingDays(10));
    /// assert_eq!(deadline.date(), Calendar::date(2026, 12, 11)?);
    /// assert_eq!(deadline.steps().len(), 1);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// Returns the period counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Period};
    ///
    /// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 3, 2)?, Period::Days(14))?;
    /// assert_eq!(deadline.period().to_string(), "14d");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// Returns the last day of the period: the deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Period};
    ///
    /// // 14 days from 2 March 2026 end on Monday 16 March.
    /// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 3, 2)?, Period::Days(14))?;
    /// assert_eq!(deadline.date(), Calendar::date(2026, 3, 16)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the rules applied, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, DeadlineStep, Period};
    ///
    /// let deadline = Calendar::latvia().deadline(Calendar::date(2026, 1, 31)?, Period::Months(1))?;
    /// let moved = deadline.steps().iter().any(|step| matches!(step, DeadlineStep::MovedToNextWorkingDay { .. }));
    /// assert!(moved);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn steps(&self) -> &[DeadlineStep] {
        &self.steps
    }
}

impl Calendar {
    /// Returns the deadline of `period` counted from the event on `start`.
    ///
    /// The day of the event is not counted. [`Period::Days`] ends `n` calendar days later;
    /// [`Period::Months`] on the same day of the month `n` months later, or on the last day of
    /// that month if it has no such day (31 Jan + 1 month → 28/29 Feb); [`Period::WorkingDays`]
    /// on the `n`-th working day after `start`. A period that ends on a day that is not a
    /// working day ends on the next working day (so a zero period starting on a day off does
    /// too). Transfers count only under [`TransferPolicy::Apply`](crate::TransferPolicy::Apply).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, Period};
    ///
    /// let calendar = Calendar::latvia();
    /// // Goods received on Thu 10 Dec 2026; 14 days → Thu 24 Dec (Ziemassvētku vakars),
    /// // then 25, 26, 27 Dec are days off too → Mon 28 Dec.
    /// let deadline = calendar.deadline(Calendar::date(2026, 12, 10)?, Period::Days(14))?;
    /// assert_eq!(deadline.date(), Calendar::date(2026, 12, 28)?);
    /// assert_eq!(
    ///     deadline.steps()[1].to_string(),
    ///     "2026-12-24 is a public holiday (Ziemassvētku vakars) → moved to the next working day 2026-12-28"
    /// );
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearOutOfRange`] if `start` or the deadline is outside 1991–2100.
    /// - [`CalendarError::Overflow`] if the period is too long to be added to a date at all.
    /// - [`CalendarError::Internal`] on a bug.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §6 (counting, EU Reg. 1182/71 logic, \[D8\], confidence L) and §13.1 (days off).
    pub fn deadline(&self, start: NaiveDate, period: Period) -> Result<Deadline, CalendarError> {
        check_date(start)?;
        let overflow = || CalendarError::Overflow { date: start };
        let mut steps = Vec::with_capacity(2);
        let counted = match period {
            Period::Days(days) => {
                let to = start
                    .checked_add_days(Days::new(u64::from(days)))
                    .ok_or_else(overflow)?;
                check_date(to)?;
                steps.push(DeadlineStep::CountedDays {
                    from: start,
                    days,
                    to,
                });
                to
            }
            Period::WorkingDays(working_days) => {
                let to = self.add_working_days(start, working_days)?;
                steps.push(DeadlineStep::CountedWorkingDays {
                    from: start,
                    working_days,
                    to,
                });
                to
            }
            Period::Months(months) => {
                // chrono clamps a missing day to the month's last day.
                let to = start
                    .checked_add_months(Months::new(months))
                    .ok_or_else(overflow)?;
                check_date(to)?;
                if to.day() == start.day() {
                    steps.push(DeadlineStep::CountedMonths {
                        from: start,
                        months,
                        to,
                    });
                } else {
                    steps.push(DeadlineStep::CountedMonthsToMonthEnd {
                        from: start,
                        months,
                        missing_day: start.day(),
                        to,
                    });
                }
                to
            }
        };
        let date = match self.day_off_reason(counted)? {
            None => counted,
            Some(reason) => {
                let to = self.next_working_day(counted)?;
                steps.push(DeadlineStep::MovedToNextWorkingDay {
                    from: counted,
                    reason,
                    to,
                });
                to
            }
        };
        Ok(Deadline {
            start,
            period,
            date,
            steps,
        })
    }
}
