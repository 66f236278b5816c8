//! How long something is kept, and how the count runs.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::RetentionError;
use crate::{CountNoun, Language, LocalizedError};

/// The largest number a retention period accepts.
const MAX_COUNT: u16 = 999;

/// How many characters of the input an error keeps.
const ECHO_LIMIT: usize = 32;

/// How long a record is kept (*glabāšanas termiņš*): permanently, or a number of years,
/// months or days counted from an event.
///
/// The number may be 0: "0 years from the end of the business" keeps an annual report until
/// the business ends. Written and parsed in the Latvian form of a file plan (`pastāvīgi`,
/// `5 gadi`, `1 gads`, `6 mēneši`, `30 dienas`); the English `permanent`, `5y`, `5 years`,
/// `6m`, `30d` parse too. [`RetentionPeriod::to_localized_string`] writes English.
///
/// Serialised as the Latvian text and deserialised through [`FromStr`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountingRule, RetentionPeriod};
/// use chrono::NaiveDate;
///
/// let period: RetentionPeriod = "5 gadi".parse()?;
/// assert_eq!(period, RetentionPeriod::Years(5));
/// assert_eq!("5y".parse::<RetentionPeriod>()?, period);
/// assert_eq!(RetentionPeriod::Years(21).to_string(), "21 gads");
///
/// let issued = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// assert_eq!(
///     period.ends_on(issued, CountingRule::FromFirstJanuaryAfter)?,
///     NaiveDate::from_ymd_opt(2031, 12, 31)
/// );
/// assert_eq!(RetentionPeriod::Permanent.ends_on(issued, CountingRule::FromDate)?, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §5b, §13.5 \[R7\]\[R8\]: permanent or temporary periods in years;
/// §3c \[I9\]: the Accounting Law's periods in years. Months and days serve personal data
/// kept for a purpose (GDPR art. 5(1)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub enum RetentionPeriod {
    /// Kept permanently (*pastāvīgi*): never erased or destroyed.
    Permanent,
    /// Kept a number of years (0 to 999).
    Years(u16),
    /// Kept a number of months (0 to 999).
    Months(u16),
    /// Kept a number of days (0 to 999).
    Days(u16),
}

impl RetentionPeriod {
    /// Returns the last day a record must still be kept when the period is counted from
    /// `start` by `counting`; `None` for a permanent period.
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end falls outside the dates `chrono` can
    /// hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionPeriod};
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    /// assert_eq!(RetentionPeriod::Years(1).ends_on(start, CountingRule::FromDate)?, day(2025, 2, 28));
    /// assert_eq!(RetentionPeriod::Months(6).ends_on(start, CountingRule::FromDate)?, day(2024, 8, 29));
    /// assert_eq!(RetentionPeriod::Days(30).ends_on(start, CountingRule::FromDate)?, day(2024, 3, 30));
    /// // From 1 January 2025: six months end on 30 June 2025.
    /// assert_eq!(
    ///     RetentionPeriod::Months(6).ends_on(start, CountingRule::FromFirstJanuaryAfter)?,
    ///     day(2025, 6, 30)
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ends_on(
        self,
        start: NaiveDate,
        counting: CountingRule,
    ) -> Result<Option<NaiveDate>, RetentionError> {
        let out = || RetentionError::DateOutOfRange {
            start,
            period: self,
        };
        let from = match counting {
            CountingRule::FromDate => start,
            CountingRule::FromFirstJanuaryAfter => start
                .year()
                .checked_add(1)
                .and_then(|year| NaiveDate::from_ymd_opt(year, 1, 1))
                .ok_or_else(out)?,
        };
        let after = match self {
            RetentionPeriod::Permanent => return Ok(None),
            RetentionPeriod::Years(years) => {
                from.checked_add_months(Months::new(u32::from(years).saturating_mul(12)))
            }
            RetentionPeriod::Months(months) => from.checked_add_months(Months::new(months.into())),
            RetentionPeriod::Days(days) => from.checked_add_days(Days::new(days.into())),
        }
        .ok_or_else(out)?;
        match counting {
            // The period's last day is the same date `n` units later.
            CountingRule::FromDate => Ok(Some(after)),
            // Counted in whole units from 1 January: the day before the next unit starts.
            CountingRule::FromFirstJanuaryAfter => after.pred_opt().map(Some).ok_or_else(out),
        }
    }

    /// Returns the period in `language`: Latvian as [`Display`](fmt::Display) writes it
    /// ("5 gadi", "pastāvīgi"), English ("5 years", "permanent") for the other languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, RetentionPeriod};
    ///
    /// assert_eq!(RetentionPeriod::Months(1).to_localized_string(Language::Latvian), "1 mēnesis");
    /// assert_eq!(RetentionPeriod::Days(2).to_localized_string(Language::English), "2 days");
    /// assert_eq!(RetentionPeriod::Permanent.to_localized_string(Language::German), "permanent");
    /// ```
    pub fn to_localized_string(self, language: Language) -> String {
        let latvian = language == Language::Latvian;
        let (count, noun) = match self {
            RetentionPeriod::Permanent => {
                return if latvian { "pastāvīgi" } else { "permanent" }.to_owned();
            }
            RetentionPeriod::Years(n) if latvian => (n, CountNoun::new("gads", "gadi")),
            RetentionPeriod::Years(n) => (n, CountNoun::new("year", "years")),
            RetentionPeriod::Months(n) if latvian => (n, CountNoun::new("mēnesis", "mēneši")),
            RetentionPeriod::Months(n) => (n, CountNoun::new("month", "months")),
            RetentionPeriod::Days(n) if latvian => (n, CountNoun::new("diena", "dienas")),
            RetentionPeriod::Days(n) => (n, CountNoun::new("day", "days")),
        };
        let language = if latvian {
            Language::Latvian
        } else {
            Language::English
        };
        noun.count(language, count.into())
    }
}

impl fmt::Display for RetentionPeriod {
    /// The Latvian form of a file plan: `pastāvīgi`, `1 gads`, `5 gadi`, `6 mēneši`,
    /// `30 dienas`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_localized_string(Language::Latvian))
    }
}

/// The error returned when text is not a retention period.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{ParseRetentionPeriodError, RetentionPeriod};
///
/// assert_eq!(
///     "5 weeks".parse::<RetentionPeriod>(),
///     Err(ParseRetentionPeriodError::Unit { found: "weeks".to_owned() })
/// );
/// assert_eq!("".parse::<RetentionPeriod>().unwrap_err().code(), "retention_period.empty");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseRetentionPeriodError {
    /// The text is blank.
    #[error("retention period is empty")]
    Empty,
    /// The text is neither `permanent`/`pastāvīgi` nor starts with a number from 0 to 999.
    #[error("retention period {found:?} must be permanent or a number from 0 to 999 and a unit")]
    Number {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// The unit after the number is not one of years, months or days.
    #[error("retention period unit {found:?} is not years, months or days")]
    Unit {
        /// The text after the number, cut to 32 characters.
        found: String,
    },
}

impl ParseRetentionPeriodError {
    /// Returns the stable code: `retention_period.empty`, `retention_period.number` or
    /// `retention_period.unit`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RetentionPeriod;
    ///
    /// assert_eq!("10 weeks".parse::<RetentionPeriod>().unwrap_err().code(), "retention_period.unit");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseRetentionPeriodError::Empty => "retention_period.empty",
            ParseRetentionPeriodError::Number { .. } => "retention_period.number",
            ParseRetentionPeriodError::Unit { .. } => "retention_period.unit",
        }
    }
}

impl LocalizedError for ParseRetentionPeriodError {
    fn code(&self) -> &'static str {
        ParseRetentionPeriodError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseRetentionPeriodError::Empty => f.write_str("glabāšanas termiņš nav norādīts"),
            ParseRetentionPeriodError::Number { found } => write!(
                f,
                "glabāšanas termiņam {found:?} jābūt pastāvīgam vai skaitlim no 0 līdz 999 ar mērvienību"
            ),
            ParseRetentionPeriodError::Unit { found } => write!(
                f,
                "glabāšanas termiņa mērvienība {found:?} nav gadi, mēneši vai dienas"
            ),
        }
    }
}

fn echo(text: &str) -> String {
    text.chars().take(ECHO_LIMIT).collect()
}

impl FromStr for RetentionPeriod {
    type Err = ParseRetentionPeriodError;

    /// Parses `pastāvīgi`/`permanent`, or a number from 0 to 999 and a unit, with or without
    /// a space: years `gads`, `gadi`, `g.`, `y`, `year`, `years`; months `mēnesis`, `mēneši`,
    /// `mēn.`, `m`, `month`, `months`; days `diena`, `dienas`, `d`, `day`, `days`. Case is
    /// ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        if text.is_empty() {
            return Err(ParseRetentionPeriodError::Empty);
        }
        let lower = text.to_lowercase();
        if lower == "pastāvīgi" || lower == "permanent" {
            return Ok(RetentionPeriod::Permanent);
        }
        let digits_end = lower
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(lower.len());
        let (digits, unit) = lower.split_at_checked(digits_end).unwrap_or((&lower, ""));
        let count = digits
            .parse::<u16>()
            .ok()
            .filter(|count| *count <= MAX_COUNT)
            .ok_or_else(|| ParseRetentionPeriodError::Number { found: echo(text) })?;
        let unit = unit.trim_start();
        match unit {
            "gads" | "gadi" | "g." | "y" | "year" | "years" => Ok(RetentionPeriod::Years(count)),
            "mēnesis" | "mēneši" | "mēn." | "m" | "month" | "months" => {
                Ok(RetentionPeriod::Months(count))
            }
            "diena" | "dienas" | "d" | "day" | "days" => Ok(RetentionPeriod::Days(count)),
            _ => Err(ParseRetentionPeriodError::Unit { found: echo(unit) }),
        }
    }
}

impl TryFrom<String> for RetentionPeriod {
    type Error = ParseRetentionPeriodError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<RetentionPeriod> for String {
    fn from(period: RetentionPeriod) -> Self {
        period.to_string()
    }
}

/// How a retention period is counted from the date of its event.
///
/// Latvian archives traditionally count from 1 January of the year after a case is closed
/// ([`CountingRule::FromFirstJanuaryAfter`]; `docs/sources.md` §5b and §13.5 mark the rule L,
/// likely: it was not found in the text of MK 282). Personal data kept for a purpose is
/// usually counted from the event itself ([`CountingRule::FromDate`]). There is no default:
/// every obligation names its rule.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountingRule, RetentionPeriod};
/// use chrono::NaiveDate;
///
/// let closed = NaiveDate::from_ymd_opt(2026, 3, 15).ok_or("date")?;
/// // Kept 5 years: 2027, 2028, 2029, 2030, 2031.
/// assert_eq!(
///     CountingRule::FromFirstJanuaryAfter.ends_on(closed, RetentionPeriod::Years(5))?,
///     NaiveDate::from_ymd_opt(2031, 12, 31)
/// );
/// assert_eq!(
///     CountingRule::FromDate.ends_on(closed, RetentionPeriod::Years(5))?,
///     NaiveDate::from_ymd_opt(2031, 3, 15)
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CountingRule {
    /// Counted from the event's date: `n` units end on the same date `n` units later
    /// (29 February + 1 year → 28 February).
    FromDate,
    /// Counted in whole units from 1 January of the year after the event: `n` years end on
    /// 31 December of the event's year + `n` (`docs/sources.md` §5b, confidence L).
    FromFirstJanuaryAfter,
}

impl CountingRule {
    /// Returns the last day of `period` counted from `start` by this rule: the same as
    /// [`RetentionPeriod::ends_on`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionPeriod};
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 6, 30).ok_or("date")?;
    /// assert_eq!(CountingRule::FromDate.ends_on(start, RetentionPeriod::Days(30))?, NaiveDate::from_ymd_opt(2026, 7, 30));
    /// assert_eq!(CountingRule::FromDate.ends_on(start, RetentionPeriod::Permanent)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end cannot be represented.
    pub fn ends_on(
        self,
        start: NaiveDate,
        period: RetentionPeriod,
    ) -> Result<Option<NaiveDate>, RetentionError> {
        period.ends_on(start, self)
    }

    /// Returns the rule in `language`, for reasons: Latvian, or English for the others.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, Language};
    ///
    /// assert_eq!(
    ///     CountingRule::FromFirstJanuaryAfter.describe(Language::Latvian),
    ///     "skaitot no nākamā gada 1. janvāra"
    /// );
    /// ```
    pub const fn describe(self, language: Language) -> &'static str {
        match (self, language) {
            (CountingRule::FromDate, Language::Latvian) => "skaitot no notikuma dienas",
            (CountingRule::FromDate, _) => "counted from the day of the event",
            (CountingRule::FromFirstJanuaryAfter, Language::Latvian) => {
                "skaitot no nākamā gada 1. janvāra"
            }
            (CountingRule::FromFirstJanuaryAfter, _) => {
                "counted from 1 January of the following year"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_both_languages_and_writes_latvian() {
        for (text, period) in [
            ("pastāvīgi", RetentionPeriod::Permanent),
            (" PERMANENT ", RetentionPeriod::Permanent),
            ("1 gads", RetentionPeriod::Years(1)),
            ("10y", RetentionPeriod::Years(10)),
            ("75 Years", RetentionPeriod::Years(75)),
            ("0 gadi", RetentionPeriod::Years(0)),
            ("6 mēneši", RetentionPeriod::Months(6)),
            ("18m", RetentionPeriod::Months(18)),
            ("30 dienas", RetentionPeriod::Days(30)),
            ("1 day", RetentionPeriod::Days(1)),
        ] {
            assert_eq!(text.parse::<RetentionPeriod>(), Ok(period), "{text}");
            assert_eq!(period.to_string().parse::<RetentionPeriod>(), Ok(period));
        }
        assert_eq!(RetentionPeriod::Years(11).to_string(), "11 gadi");
        assert_eq!(RetentionPeriod::Years(21).to_string(), "21 gads");
        assert_eq!(RetentionPeriod::Days(1).to_string(), "1 diena");
        for (text, code) in [
            ("", "retention_period.empty"),
            ("ilgi", "retention_period.number"),
            ("1000 gadi", "retention_period.number"),
            ("99999999 gadi", "retention_period.number"),
            ("5", "retention_period.unit"),
            ("5 nedēļas", "retention_period.unit"),
            ("5 gadi no", "retention_period.unit"),
        ] {
            assert_eq!(
                text.parse::<RetentionPeriod>().unwrap_err().code(),
                code,
                "{text}"
            );
        }
    }

    #[test]
    fn counts_from_the_date_or_from_first_january() {
        let start = day(2026, 3, 15);
        let cases = [
            (
                RetentionPeriod::Years(5),
                CountingRule::FromDate,
                day(2031, 3, 15),
            ),
            (
                RetentionPeriod::Years(5),
                CountingRule::FromFirstJanuaryAfter,
                day(2031, 12, 31),
            ),
            (
                RetentionPeriod::Years(0),
                CountingRule::FromFirstJanuaryAfter,
                day(2026, 12, 31),
            ),
            (RetentionPeriod::Years(0), CountingRule::FromDate, start),
            (
                RetentionPeriod::Months(1),
                CountingRule::FromDate,
                day(2026, 4, 15),
            ),
            (
                RetentionPeriod::Months(1),
                CountingRule::FromFirstJanuaryAfter,
                day(2027, 1, 31),
            ),
            (
                RetentionPeriod::Days(20),
                CountingRule::FromDate,
                day(2026, 4, 4),
            ),
            (
                RetentionPeriod::Days(1),
                CountingRule::FromFirstJanuaryAfter,
                day(2027, 1, 1),
            ),
        ];
        for (period, counting, end) in cases {
            assert_eq!(
                period.ends_on(start, counting),
                Ok(Some(end)),
                "{period} {counting:?}"
            );
        }
        assert_eq!(
            RetentionPeriod::Years(999).ends_on(NaiveDate::MAX, CountingRule::FromDate),
            Err(RetentionError::DateOutOfRange {
                start: NaiveDate::MAX,
                period: RetentionPeriod::Years(999)
            })
        );
        assert_eq!(
            RetentionPeriod::Days(0).ends_on(NaiveDate::MAX, CountingRule::FromFirstJanuaryAfter),
            Err(RetentionError::DateOutOfRange {
                start: NaiveDate::MAX,
                period: RetentionPeriod::Days(0)
            })
        );
    }
}
