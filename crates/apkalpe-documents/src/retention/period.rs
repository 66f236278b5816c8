//! Retention periods as a file plan writes them (*glabāšanas termiņi*), their categories and
//! the rule they are counted by.

use super::*;
use chrono::{Datelike, Months};
use std::fmt;
use std::str::FromStr;

/// The longest retention in years accepted.
pub(super) const MAX_YEARS: u16 = 999;

/// How long a case or record is kept.
///
/// Written in Latvian as in a file plan: `pastāvīgi`, `5 gadi`, `90 gadi no personas
/// dzimšanas`; English `permanent`, `5y`, `90y from birth` is parsed too. `Display` writes
/// the Latvian form (`1 gads`, `21 gads`, `5 gadi`).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{RetentionCategory, RetentionPeriod};
///
/// let period: RetentionPeriod = "5 gadi".parse()?;
/// assert_eq!(period, RetentionPeriod::Years(5));
/// assert_eq!(period.category(), RetentionCategory::ShortTerm);
///
/// let personnel: RetentionPeriod = "90 gadi no personas dzimšanas".parse()?;
/// assert_eq!(personnel.category(), RetentionCategory::LongTerm);
/// assert_eq!(personnel.to_string(), "90 gadi no personas dzimšanas");
/// assert_eq!("pastāvīgi".parse::<RetentionPeriod>()?, RetentionPeriod::Permanent);
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §5b, §13.5 \[R7\]\[R8\]\[N29\]: permanent; temporary split into short-term (≤ 10
/// years) and long-term (> 10 years); personnel files 90 years from the person's birth.
///
/// # Name
///
/// `apkalpe-core` has a `RetentionPeriod` too (the retention model's period, in years, months
/// or days); the [`prelude`](crate::prelude) exports this one as `FilePlanRetentionPeriod`,
/// and [`RetentionPeriod::to_core`] maps it onto core's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub enum RetentionPeriod {
    /// Kept permanently (*pastāvīgi*).
    Permanent,
    /// Kept a number of years (1 to 999), counted by a [`CountingRule`] from the closing of
    /// the case.
    Years(u16),
    /// Kept a number of years (0 to 999) counted from an event other than the closing, such
    /// as a person's birth or the end of the business; the event's date comes with the case.
    YearsFromEvent {
        /// The number of years.
        years: u16,
        /// The event, in the file plan's words ("personas dzimšanas").
        event: String,
    },
}

/// The retention category of a period.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let five: RetentionPeriod = "5 gadi".parse()?;
/// # let _ = (&five,);
/// assert_eq!(five.category(), RetentionCategory::ShortTerm);
/// assert!(RetentionCategory::LongTerm.has_archival_value());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RetentionCategory {
    /// At most 10 years (*īslaicīgi*): no archival value, destroyed when due.
    ShortTerm,
    /// More than 10 years (*ilgstoši*): archival value.
    LongTerm,
    /// Permanent (*pastāvīgi*): archival value, never destroyed.
    Permanent,
}

impl RetentionCategory {
    /// Returns the Latvian name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert_eq!(RetentionCategory::LongTerm.latvian_name(), "ilgstoši");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn latvian_name(self) -> &'static str {
        match self {
            RetentionCategory::ShortTerm => "īslaicīgi",
            RetentionCategory::LongTerm => "ilgstoši",
            RetentionCategory::Permanent => "pastāvīgi",
        }
    }

    /// Tells whether cases of the category have archival value (long-term and permanent).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert!(!RetentionCategory::ShortTerm.has_archival_value());
    /// assert!(RetentionCategory::Permanent.has_archival_value());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn has_archival_value(self) -> bool {
        !matches!(self, RetentionCategory::ShortTerm)
    }
}

impl RetentionPeriod {
    /// Returns the category: permanent; long-term above 10 years; short-term otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert_eq!(RetentionPeriod::Years(11).category(), RetentionCategory::LongTerm);
    /// assert_eq!(five.category(), RetentionCategory::ShortTerm);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn category(&self) -> RetentionCategory {
        match self {
            RetentionPeriod::Permanent => RetentionCategory::Permanent,
            RetentionPeriod::Years(years) | RetentionPeriod::YearsFromEvent { years, .. } => {
                if *years > 10 {
                    RetentionCategory::LongTerm
                } else {
                    RetentionCategory::ShortTerm
                }
            }
        }
    }

    /// Tells whether the period is temporary (not permanent), so it needs a legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert!(five.is_temporary());
    /// assert!(!RetentionPeriod::Permanent.is_temporary());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_temporary(&self) -> bool {
        !matches!(self, RetentionPeriod::Permanent)
    }
}

/// Latvian "gads" after 1, 21, 31… except 11; "gadi" otherwise.
pub(super) fn years_word(years: u16) -> &'static str {
    if years % 10 == 1 && years % 100 != 11 {
        "gads"
    } else {
        "gadi"
    }
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionPeriod::Permanent => f.write_str("pastāvīgi"),
            RetentionPeriod::Years(years) => write!(f, "{years} {}", years_word(*years)),
            RetentionPeriod::YearsFromEvent { years, event } => {
                write!(f, "{years} {} no {event}", years_word(*years))
            }
        }
    }
}

/// The error returned when text is not a retention period.
///
/// It serialises (tagged by `error`) because a file plan's validation report carries it.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let five: RetentionPeriod = "5 gadi".parse()?;
/// # let _ = (&five,);
/// assert_eq!("5 mēneši".parse::<RetentionPeriod>().unwrap_err(), ParseRetentionError::Unit { found: "mēneši".into() });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "error", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ParseRetentionError {
    /// The text is blank.
    #[error("retention period is empty")]
    Empty,
    /// The text does not start with `pastāvīgi`/`permanent` or a number of years from 0 to
    /// 999 (1 to 999 without an event).
    #[error("retention period {found:?} must be pastāvīgi or a number of years from 1 to 999")]
    Years {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// The unit after the number is not `gads`, `gadi`, `g.`, `y` or `years`.
    #[error("retention period unit {found:?} is not gadi or y")]
    Unit {
        /// The text after the number, cut to 32 characters.
        found: String,
    },
    /// The event after `no` / `from` is blank or malformed.
    #[error("retention period event {problem}")]
    Event {
        /// What is wrong with the event text.
        problem: TextProblem,
    },
}

impl ParseRetentionError {
    /// Returns the stable code: `retention.empty`, `retention.years`, `retention.unit` or
    /// `retention.event`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert_eq!("".parse::<RetentionPeriod>().unwrap_err().code(), "retention.empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseRetentionError::Empty => "retention.empty",
            ParseRetentionError::Years { .. } => "retention.years",
            ParseRetentionError::Unit { .. } => "retention.unit",
            ParseRetentionError::Event { .. } => "retention.event",
        }
    }
}

impl FromStr for RetentionPeriod {
    type Err = ParseRetentionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        if text.is_empty() {
            return Err(ParseRetentionError::Empty);
        }
        let lower = text.to_lowercase();
        if lower == "pastāvīgi" || lower == "permanent" {
            return Ok(RetentionPeriod::Permanent);
        }
        let digits_end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, rest) = text.split_at_checked(digits_end).unwrap_or((text, ""));
        let years_error = || ParseRetentionError::Years { found: echo(text) };
        let years: u16 = digits.parse().map_err(|_| years_error())?;
        if years > MAX_YEARS {
            return Err(years_error());
        }
        let rest = rest.trim_start();
        let unit_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (unit, after) = rest.split_at_checked(unit_end).unwrap_or((rest, ""));
        if !matches!(
            unit.to_lowercase().as_str(),
            "gads" | "gadi" | "g." | "y" | "years" | "year"
        ) {
            return Err(ParseRetentionError::Unit { found: echo(rest) });
        }
        let after = after.trim();
        if after.is_empty() {
            if years == 0 {
                return Err(years_error());
            }
            return Ok(RetentionPeriod::Years(years));
        }
        let event = after
            .strip_prefix("no ")
            .or_else(|| after.strip_prefix("from "))
            .ok_or_else(|| ParseRetentionError::Unit { found: echo(rest) })?;
        let event = clean(event, 200, Lines::Single)
            .map_err(|problem| ParseRetentionError::Event { problem })?;
        Ok(RetentionPeriod::YearsFromEvent { years, event })
    }
}

impl TryFrom<String> for RetentionPeriod {
    type Error = ParseRetentionError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<RetentionPeriod> for String {
    fn from(period: RetentionPeriod) -> Self {
        period.to_string()
    }
}

/// How a retention period is counted: a policy value, since the rule is not confirmed.
///
/// The traditional Latvian rule counts from 1 January of the year after the case is closed
/// ([`CountingRule::FromFirstJanuaryAfter`], the default); `docs/sources.md` §5b and §13.5 mark it L
/// (likely): it was not found in the text of MK 282. Pass another rule if your archive
/// counts differently.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::CountingRule;
/// use chrono::NaiveDate;
///
/// let closed = NaiveDate::from_ymd_opt(2026, 3, 15).ok_or("date")?;
/// // Kept 5 years: 2027, 2028, 2029, 2030, 2031.
/// assert_eq!(
///     CountingRule::FromFirstJanuaryAfter.ends_on(closed, 5)?,
///     NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?
/// );
/// assert_eq!(
///     CountingRule::FromDate.ends_on(closed, 5)?,
///     NaiveDate::from_ymd_opt(2031, 3, 15).ok_or("date")?
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Name
///
/// `apkalpe-core` has a `CountingRule` too, with the same two rules and no default; the
/// [`prelude`](crate::prelude) exports this one as `CaseCountingRule`, and
/// `apkalpe_core::CountingRule::from` converts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CountingRule {
    /// Counted from 1 January of the year after the start date: `n` years end on 31 December
    /// of the start year + `n` (`docs/sources.md` §5b, confidence L).
    #[default]
    FromFirstJanuaryAfter,
    /// Counted from the start date itself: `n` years end on the same day `n` years later
    /// (29 Feb → 28 Feb).
    FromDate,
}

impl CountingRule {
    /// Returns the last day of an `years`-year period counted from `start` (the last day the
    /// record must still be kept). Zero years end on `start` itself under
    /// [`CountingRule::FromDate`], and on 31 December of the start year under
    /// [`CountingRule::FromFirstJanuaryAfter`].
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end falls outside the dates `chrono` can
    /// hold.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// use chrono::NaiveDate;
    /// let closed = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
    /// assert_eq!(CountingRule::FromDate.ends_on(closed, 1)?, NaiveDate::from_ymd_opt(2025, 2, 28).ok_or("date")?);
    /// assert_eq!(CountingRule::FromFirstJanuaryAfter.ends_on(closed, 0)?, NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ends_on(self, start: NaiveDate, years: u16) -> Result<NaiveDate, RetentionError> {
        let out = || RetentionError::DateOutOfRange { start, years };
        match self {
            CountingRule::FromFirstJanuaryAfter => {
                let year = start.year().checked_add(i32::from(years)).ok_or_else(out)?;
                NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(out)
            }
            CountingRule::FromDate => start
                .checked_add_months(Months::new(u32::from(years).saturating_mul(12)))
                .ok_or_else(out),
        }
    }

    /// Returns a sentence describing the rule, for reports.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let five: RetentionPeriod = "5 gadi".parse()?;
    /// # let _ = (&five,);
    /// assert_eq!(CountingRule::FromDate.describe(), "counted from the start date");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn describe(self) -> &'static str {
        match self {
            CountingRule::FromFirstJanuaryAfter => {
                "counted from 1 January of the year after the start (sources §5b, likely)"
            }
            CountingRule::FromDate => "counted from the start date",
        }
    }
}
