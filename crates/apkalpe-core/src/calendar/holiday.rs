//! Holidays: their names, kinds and the statutory list of the holiday law.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::easter::easter_sunday;
use super::error::CalendarError;
#[cfg(feature = "serde")]
use super::error::check_date;
#[cfg(feature = "serde")]
use super::transfer::Transfer;
#[cfg(feature = "serde")]
use crate::RestoreError;
use crate::{Language, LocalizedText};

/// The name of a holiday or day off, in Latvian and English.
///
/// The Latvian name is the one of the holiday law where the law has one; it is also what
/// [`Display`](fmt::Display) prints. Serialised as `{"lv": "…", "en": "…"}`.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{HolidayName, Language};
///
/// let name = HolidayName::new("Mātes diena", "Mother's Day");
/// assert_eq!(name.latvian(), "Mātes diena");
/// assert_eq!(name.get(Language::English), "Mother's Day");
/// assert_eq!(name.to_string(), "Mātes diena");
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HolidayName {
    #[cfg_attr(feature = "serde", serde(rename = "lv"))]
    latvian: Cow<'static, str>,
    #[cfg_attr(feature = "serde", serde(rename = "en"))]
    english: Cow<'static, str>,
}

impl HolidayName {
    /// Creates a name from its Latvian and English texts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::HolidayName;
    ///
    /// let name = HolidayName::new("Pāvesta vizītes diena", "Day of the papal visit");
    /// assert_eq!(name.english(), "Day of the papal visit");
    /// ```
    pub fn new(latvian: impl Into<String>, english: impl Into<String>) -> HolidayName {
        HolidayName {
            latvian: Cow::Owned(latvian.into()),
            english: Cow::Owned(english.into()),
        }
    }

    /// Creates a name from static texts without allocating (for built-in tables).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::HolidayName;
    ///
    /// const NAME: HolidayName = HolidayName::from_static("Jāņu diena", "Midsummer Day");
    /// assert_eq!(NAME.english(), "Midsummer Day");
    /// ```
    pub const fn from_static(latvian: &'static str, english: &'static str) -> HolidayName {
        HolidayName {
            latvian: Cow::Borrowed(latvian),
            english: Cow::Borrowed(english),
        }
    }

    /// Returns the Latvian name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::HolidayName;
    ///
    /// assert_eq!(HolidayName::new("Lāčplēša diena", "Lāčplēsis Day").latvian(), "Lāčplēša diena");
    /// ```
    pub fn latvian(&self) -> &str {
        &self.latvian
    }

    /// Returns the English name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::HolidayName;
    ///
    /// assert_eq!(HolidayName::new("Lāčplēša diena", "Lāčplēsis Day").english(), "Lāčplēsis Day");
    /// ```
    pub fn english(&self) -> &str {
        &self.english
    }

    /// Returns the name in `language`: English for [`Language::English`], Latvian otherwise
    /// (the same fallback as [`LocalizedText`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{HolidayName, Language};
    ///
    /// let name = HolidayName::new("Jāņu diena", "Midsummer Day");
    /// assert_eq!(name.get(Language::English), "Midsummer Day");
    /// assert_eq!(name.get(Language::German), "Jāņu diena");
    /// ```
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::English => self.english(),
            _ => self.latvian(),
        }
    }

    /// Returns the name as a [`LocalizedText`] with its Latvian and English texts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{HolidayName, Language};
    ///
    /// let text = HolidayName::new("Vecgada diena", "New Year's Eve").to_localized_text();
    /// assert_eq!(text.get(Language::English), "New Year's Eve");
    /// ```
    pub fn to_localized_text(&self) -> LocalizedText {
        LocalizedText::new(Language::Latvian, self.latvian())
            .with(Language::English, self.english())
    }
}

impl fmt::Display for HolidayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.latvian())
    }
}

/// Where a holiday or day off comes from: the rule of the holiday law, or the data that
/// decreed it.
///
/// Serialised with a `type` tag in snake_case (`{"type": "moved", "from": "2028-11-18"}`), and
/// read back from the same form.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, HolidayKind};
///
/// let holidays = Calendar::latvia().holidays(2028)?;
/// let moved: Vec<_> = holidays
///     .iter()
///     .filter(|holiday| matches!(holiday.kind(), HolidayKind::Moved { .. }))
///     .collect();
/// assert_eq!(moved.len(), 1);
/// assert_eq!(moved[0].date(), Calendar::date(2028, 11, 20)?);
/// assert_eq!(moved[0].kind().to_string(), "moved from 2028-11-18");
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum HolidayKind {
    /// A holiday on a fixed calendar date (1 January, 4 May, 18 November, 24–26 and
    /// 31 December…).
    Fixed,
    /// A holiday counted from Western Easter: Good Friday, Easter Sunday, Easter Monday and
    /// Pentecost.
    EasterBased,
    /// A holiday on a weekday of a month: Mother's Day, the second Sunday of May.
    WeekdayBased,
    /// The closing day of the General Latvian Song and Dance Festival, a date fixed per
    /// festival and kept as data.
    FestivalClosing,
    /// The working day off that the weekend rule gives when 4 May, 18 November or the festival
    /// closing day falls on a Saturday or Sunday.
    Moved {
        /// The holiday's own date, a Saturday or Sunday.
        from: NaiveDate,
    },
    /// A one-off day off decreed by an amendment of the holiday law.
    OneOff,
    /// A working day made a day off by a Cabinet transfer order; binding only for
    /// state-budget institutions, listed only under [`TransferPolicy::Apply`](crate::TransferPolicy::Apply).
    Transferred {
        /// The Saturday worked instead.
        worked_on: NaiveDate,
    },
}

impl fmt::Display for HolidayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HolidayKind::Fixed => f.write_str("fixed date"),
            HolidayKind::EasterBased => f.write_str("easter-based"),
            HolidayKind::WeekdayBased => f.write_str("weekday-based"),
            HolidayKind::FestivalClosing => f.write_str("festival closing day"),
            HolidayKind::Moved { from } => write!(f, "moved from {from}"),
            HolidayKind::OneOff => f.write_str("one-off day off"),
            HolidayKind::Transferred { worked_on } => {
                write!(f, "transferred day off, worked on {worked_on}")
            }
        }
    }
}

/// A holiday (*svētku diena*) or other day off of the Latvian calendar: a date, its name and
/// its kind.
///
/// Listed by [`Calendar::holidays`](crate::Calendar::holidays). Holidays that always fall on a
/// Sunday (Easter Sunday, Mother's Day, Pentecost) are listed too, although they never remove
/// a working day.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, HolidayKind};
///
/// let holidays = Calendar::latvia().holidays(2026)?;
/// let first = &holidays[0];
/// assert_eq!(first.date(), Calendar::date(2026, 1, 1)?);
/// assert_eq!(first.name().latvian(), "Jaungada diena");
/// assert_eq!(first.name().english(), "New Year's Day");
/// assert_eq!(first.kind(), HolidayKind::Fixed);
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
///
/// # Saved form
///
/// `{"date": "2026-01-01", "name": {"lv": "…", "en": "…"}, "kind": {"type": "fixed"}}`.
/// Deserialising checks what the calendar guarantees of the holidays it lists: the date lies in
/// 1991–2100; a holiday of the law's list (`fixed`, `easter_based`, `weekday_based`) falls on a
/// date where the law gives a holiday of that kind (the name is kept as saved); a festival closing day is not before the rule of
/// 22 Oct 2014; a moved day off is a Monday to Friday after its Saturday or Sunday; a
/// transferred day off and its worked Saturday form a valid [`Transfer`]. Anything else is
/// refused with a [`RestoreError`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{Calendar, Holiday};
///
/// let holiday = Calendar::latvia().holidays(2026)?[0].clone();
/// let json = serde_json::to_string(&holiday)?;
/// assert_eq!(serde_json::from_str::<Holiday>(&json)?, holiday);
///
/// // New Year's Day moved to 2 January is not a holiday of the law.
/// let edited = json.replace("2026-01-01", "2026-01-02");
/// let error = serde_json::from_str::<Holiday>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.inconsistent: cannot restore Holiday: kind:"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "HolidayRecord"))]
pub struct Holiday {
    date: NaiveDate,
    name: HolidayName,
    kind: HolidayKind,
}

/// The saved form of a [`Holiday`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct HolidayRecord {
    date: NaiveDate,
    name: HolidayName,
    kind: HolidayKind,
}

#[cfg(feature = "serde")]
impl TryFrom<HolidayRecord> for Holiday {
    type Error = RestoreError;

    fn try_from(record: HolidayRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Holiday";
        let HolidayRecord { date, name, kind } = record;
        check_date(date).map_err(|error| RestoreError::invalid(WHAT, "date", error))?;
        let holiday = Holiday { date, name, kind };
        match kind {
            HolidayKind::Fixed | HolidayKind::EasterBased | HolidayKind::WeekdayBased => {
                // The name is not compared: a store written by an earlier version may hold an
                // earlier spelling of it.
                let listed = statutory_holidays(date.year())
                    .map_err(|error| RestoreError::invalid(WHAT, "date", error))?;
                if !listed
                    .iter()
                    .any(|law| law.date == date && law.kind == kind)
                {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "kind",
                        format!("the holiday law gives no {kind} holiday on {date}"),
                    )
                    .with_latvian_reason(format!(
                        "svētku dienu likums {date} neparedz svētku dienu ar veidu {kind}"
                    )));
                }
            }
            HolidayKind::FestivalClosing => {
                if date < FESTIVAL_RULE_IN_FORCE {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "date",
                        CalendarError::BeforeLaw {
                            date,
                            in_force: FESTIVAL_RULE_IN_FORCE,
                        },
                    ));
                }
            }
            HolidayKind::Moved { from } => {
                let weekend = matches!(from.weekday(), Weekday::Sat | Weekday::Sun);
                let weekday = !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
                if !(weekend && weekday && from < date) {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "kind.from",
                        format!(
                            "a day off moved by the weekend rule goes from a Saturday or Sunday to a later Monday to Friday, not from {from} to {date}"
                        ),
                    )
.with_latvian_reason(format!("pēc nedēļas nogales noteikuma brīvdienu pārceļ no sestdienas vai svētdienas uz vēlāku dienu no pirmdienas līdz piektdienai, nevis no {from} uz {date}")));
                }
            }
            HolidayKind::Transferred { worked_on } => {
                Transfer::try_new(date, worked_on)
                    .map_err(|error| RestoreError::invalid(WHAT, "kind.worked_on", error))?;
            }
            HolidayKind::OneOff => {}
        }
        Ok(holiday)
    }
}

impl Holiday {
    pub(crate) fn new(date: NaiveDate, name: HolidayName, kind: HolidayKind) -> Holiday {
        Holiday { date, name, kind }
    }

    /// Returns the date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let first = &Calendar::latvia().holidays(2026)?[0];
    /// assert_eq!(first.date(), Calendar::date(2026, 1, 1)?);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the name in Latvian and English.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    ///
    /// let first = &Calendar::latvia().holidays(2026)?[0];
    /// assert_eq!(first.name().english(), "New Year's Day");
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn name(&self) -> &HolidayName {
        &self.name
    }

    /// Returns the kind: which rule or which data made this day a holiday.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Calendar, HolidayKind};
    ///
    /// let first = &Calendar::latvia().holidays(2026)?[0];
    /// assert_eq!(first.kind(), HolidayKind::Fixed);
    /// # Ok::<(), apkalpe_core::CalendarError>(())
    /// ```
    pub fn kind(&self) -> HolidayKind {
        self.kind
    }

    /// Whether the weekend rule moves this holiday to the next working day when it falls on a
    /// Saturday or Sunday: 4 May and 18 November from 26 June 2007, the festival closing day
    /// from 22 October 2014 (`docs/sources.md` §13.1 b).
    pub(crate) fn has_weekend_rule(&self) -> bool {
        match self.kind {
            HolidayKind::Fixed => {
                let month_day = (self.date.month(), self.date.day());
                self.date >= WEEKEND_RULE_IN_FORCE && (month_day == (5, 4) || month_day == (11, 18))
            }
            HolidayKind::FestivalClosing => true,
            _ => false,
        }
    }
}

// The two dates below are consts: `from_ymd_opt` of a valid literal date is always `Some`, so
// the `None` arm is never taken (a unit test checks both values).

/// In force 26 June 2007: the weekend rule for 4 May and 18 November (`docs/sources.md` §13.1 b, \[N4\]).
pub(crate) const WEEKEND_RULE_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2007, 6, 26) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// In force 22 October 2014: the festival closing day and its weekend rule
/// (`docs/sources.md` §13.1 a, b, \[N1\]\[N9\]).
pub(crate) const FESTIVAL_RULE_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2014, 10, 22) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

pub(crate) const NEW_YEARS_DAY: HolidayName =
    HolidayName::from_static("Jaungada diena", "New Year's Day");
pub(crate) const GOOD_FRIDAY: HolidayName =
    HolidayName::from_static("Lielā Piektdiena", "Good Friday");
pub(crate) const EASTER_SUNDAY: HolidayName =
    HolidayName::from_static("Pirmās Lieldienas", "Easter Sunday");
pub(crate) const EASTER_MONDAY: HolidayName =
    HolidayName::from_static("Otrās Lieldienas", "Easter Monday");
pub(crate) const LABOUR_DAY: HolidayName = HolidayName::from_static(
    "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
    "Labour Day, Convocation Day of the Constituent Assembly of the Republic of Latvia",
);
pub(crate) const INDEPENDENCE_RESTORATION: HolidayName = HolidayName::from_static(
    "Latvijas Republikas Neatkarības atjaunošanas diena",
    "Restoration of Independence Day of the Republic of Latvia",
);
pub(crate) const INDEPENDENCE_DECLARATION: HolidayName = HolidayName::from_static(
    "Latvijas Republikas Neatkarības deklarācijas pasludināšanas diena",
    "Proclamation Day of the Declaration of Independence of the Republic of Latvia",
);
pub(crate) const MOTHERS_DAY: HolidayName = HolidayName::from_static("Mātes diena", "Mother's Day");
pub(crate) const PENTECOST: HolidayName = HolidayName::from_static("Vasarsvētki", "Pentecost");
pub(crate) const MIDSUMMER_EVE: HolidayName =
    HolidayName::from_static("Līgo diena", "Midsummer Eve");
pub(crate) const MIDSUMMER_DAY: HolidayName =
    HolidayName::from_static("Jāņu diena", "Midsummer Day");
pub(crate) const FESTIVAL_CLOSING_DAY: HolidayName = HolidayName::from_static(
    "Vispārējo latviešu Dziesmu un deju svētku noslēguma diena",
    "Closing Day of the General Latvian Song and Dance Festival",
);
pub(crate) const PROCLAMATION_DAY: HolidayName = HolidayName::from_static(
    "Latvijas Republikas Proklamēšanas diena",
    "Proclamation Day of the Republic of Latvia",
);
pub(crate) const CHRISTMAS_EVE: HolidayName =
    HolidayName::from_static("Ziemassvētku vakars", "Christmas Eve");
pub(crate) const CHRISTMAS_DAY: HolidayName =
    HolidayName::from_static("Pirmie Ziemassvētki", "Christmas Day");
pub(crate) const SECOND_CHRISTMAS_DAY: HolidayName =
    HolidayName::from_static("Otrie Ziemassvētki", "Second Day of Christmas");
pub(crate) const NEW_YEARS_EVE: HolidayName =
    HolidayName::from_static("Vecgada diena", "New Year's Eve");
/// A library label, not a name from the law: the Cabinet orders name no day.
pub(crate) const TRANSFERRED_DAY_OFF: HolidayName =
    HolidayName::from_static("Pārcelta darba diena", "Transferred day off");

/// The first year the law listed Easter Monday (amending law of 18 Dec 1996; `docs/sources.md` §13.1 a \[N3\], L).
const EASTER_MONDAY_SINCE: i32 = 1997;
/// The first year the law listed Pentecost (amending law of 21 Sep 1995; `docs/sources.md` §13.1 a \[N3\], L).
const PENTECOST_SINCE: i32 = 1996;
/// The first year 4 May was a holiday (law of 21 Mar 2002 in force 23 Apr 2002; `docs/sources.md` §13.1 a \[N5\]).
const INDEPENDENCE_RESTORATION_SINCE: i32 = 2002;
/// The first year under the name "…atjaunošanas diena" (law of 7 Apr 2011; `docs/sources.md` §13.1 a \[N3\], L).
const INDEPENDENCE_RESTORATION_RENAMED: i32 = 2011;
/// The first Christmas Eve holiday (law of 24 May 2007 in force 26 Jun 2007; `docs/sources.md` §13.1 a \[N4\]).
const CHRISTMAS_EVE_SINCE: i32 = 2007;

/// Returns the holidays of the permanent list of the holiday law in force in `year`, in the
/// order of the law (not sorted; Mother's Day and Pentecost may share a date).
///
/// The year must already be checked to lie in the calendar's range.
pub(crate) fn statutory_holidays(year: i32) -> Result<Vec<Holiday>, CalendarError> {
    let easter = easter_sunday(year)?;
    let fixed = |month: u32, day: u32, name: HolidayName| -> Result<Holiday, CalendarError> {
        let date = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| CalendarError::internal("holiday.fixed_date"))?;
        Ok(Holiday::new(date, name, HolidayKind::Fixed))
    };
    let easter_based =
        |date: Option<NaiveDate>, name: HolidayName| -> Result<Holiday, CalendarError> {
            let date = date.ok_or_else(|| CalendarError::internal("holiday.easter_offset"))?;
            Ok(Holiday::new(date, name, HolidayKind::EasterBased))
        };

    let mut holidays = Vec::with_capacity(20);
    holidays.push(fixed(1, 1, NEW_YEARS_DAY)?);
    holidays.push(easter_based(
        easter.checked_sub_days(Days::new(2)),
        GOOD_FRIDAY,
    )?);
    holidays.push(Holiday::new(
        easter,
        EASTER_SUNDAY,
        HolidayKind::EasterBased,
    ));
    if year >= EASTER_MONDAY_SINCE {
        holidays.push(easter_based(
            easter.checked_add_days(Days::new(1)),
            EASTER_MONDAY,
        )?);
    }
    holidays.push(fixed(5, 1, LABOUR_DAY)?);
    if year >= INDEPENDENCE_RESTORATION_RENAMED {
        holidays.push(fixed(5, 4, INDEPENDENCE_RESTORATION)?);
    } else if year >= INDEPENDENCE_RESTORATION_SINCE {
        holidays.push(fixed(5, 4, INDEPENDENCE_DECLARATION)?);
    }
    let mothers_day = NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Sun, 2)
        .ok_or_else(|| CalendarError::internal("holiday.mothers_day"))?;
    holidays.push(Holiday::new(
        mothers_day,
        MOTHERS_DAY,
        HolidayKind::WeekdayBased,
    ));
    if year >= PENTECOST_SINCE {
        // Pentecost: the seventh Sunday after Easter Sunday, 49 days later.
        holidays.push(easter_based(
            easter.checked_add_days(Days::new(49)),
            PENTECOST,
        )?);
    }
    holidays.push(fixed(6, 23, MIDSUMMER_EVE)?);
    holidays.push(fixed(6, 24, MIDSUMMER_DAY)?);
    holidays.push(fixed(11, 18, PROCLAMATION_DAY)?);
    if year >= CHRISTMAS_EVE_SINCE {
        holidays.push(fixed(12, 24, CHRISTMAS_EVE)?);
    }
    holidays.push(fixed(12, 25, CHRISTMAS_DAY)?);
    holidays.push(fixed(12, 26, SECOND_CHRISTMAS_DAY)?);
    holidays.push(fixed(12, 31, NEW_YEARS_EVE)?);
    Ok(holidays)
}
