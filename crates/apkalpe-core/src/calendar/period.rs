//! Periods of a deadline: calendar days, working days or months.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::{Language, LocalizedError};

/// The length of a deadline: `n` calendar days, `n` working days or `n` months.
///
/// Written and parsed as a number and a unit: `15d` (days), `10wd` (working days), `1m`
/// (months). Serialised as that text.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Period;
///
/// let period: Period = "15wd".parse()?;
/// assert_eq!(period, Period::WorkingDays(15));
/// assert_eq!(Period::Months(1).to_string(), "1m");
/// # Ok::<(), apkalpe_core::ParsePeriodError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub enum Period {
    /// Calendar days (`d`): the withdrawal right's 14 days.
    Days(u32),
    /// Working days (`wd`): the 15 working days to answer a consumer claim (PTAL art. 26.1).
    WorkingDays(u32),
    /// Months (`m`): the 1 month to answer a submission until 28 Feb 2026.
    Months(u32),
}

impl Period {
    /// Returns the number of units.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Period;
    ///
    /// let period: Period = "15wd".parse()?;
    /// assert_eq!((period.count(), period.unit()), (15, "wd"));
    /// # Ok::<(), apkalpe_core::ParsePeriodError>(())
    /// ```
    pub fn count(self) -> u32 {
        match self {
            Period::Days(n) | Period::WorkingDays(n) | Period::Months(n) => n,
        }
    }

    /// Returns the unit as written: `d`, `wd` or `m`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Period;
    ///
    /// assert_eq!(Period::Months(1).unit(), "m");
    /// assert_eq!(Period::Days(14).unit(), "d");
    /// ```
    pub fn unit(self) -> &'static str {
        match self {
            Period::Days(_) => "d",
            Period::WorkingDays(_) => "wd",
            Period::Months(_) => "m",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.count(), self.unit())
    }
}

/// How many characters of the input an error keeps.
const ECHO_LIMIT: usize = 16;

/// The error returned when text is not a period such as `15d`, `10wd` or `1m`.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{ParsePeriodError, Period};
///
/// let error = "15 weeks".parse::<Period>().unwrap_err();
/// assert_eq!(error.code(), "period.unit");
/// assert_eq!(error, ParsePeriodError::Unit { unit: " weeks".to_owned() });
/// # Ok::<(), apkalpe_core::ParsePeriodError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParsePeriodError {
    /// The text is empty.
    #[error("period is empty: expected a number and a unit such as 15d, 10wd or 1m")]
    Empty,
    /// The text does not start with an ASCII digit.
    #[error("period {found:?} must start with a number, as in 15d, 10wd or 1m")]
    Number {
        /// The text given, cut to 16 characters.
        found: String,
    },
    /// The number does not fit in 32 bits.
    #[error("period number {found:?} is too large")]
    NumberTooLarge {
        /// The digits given, cut to 16 characters.
        found: String,
    },
    /// The unit after the number is not `d`, `wd` or `m`.
    #[error("period unit {unit:?} is not d, wd or m")]
    Unit {
        /// The text after the number, cut to 16 characters.
        unit: String,
    },
}

impl ParsePeriodError {
    /// Returns the stable error code: `period.empty`, `period.number`,
    /// `period.number_too_large` or `period.unit`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Period;
    ///
    /// assert_eq!("".parse::<Period>().unwrap_err().code(), "period.empty");
    /// assert_eq!("2y".parse::<Period>().unwrap_err().code(), "period.unit");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParsePeriodError::Empty => "period.empty",
            ParsePeriodError::Number { .. } => "period.number",
            ParsePeriodError::NumberTooLarge { .. } => "period.number_too_large",
            ParsePeriodError::Unit { .. } => "period.unit",
        }
    }
}

impl LocalizedError for ParsePeriodError {
    fn code(&self) -> &'static str {
        ParsePeriodError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParsePeriodError::Empty => f.write_str(
                "periods nav norādīts: gaidīts skaitlis un vienība, piemēram, 15d, 10wd vai 1m",
            ),
            ParsePeriodError::Number { found } => write!(
                f,
                "periodam {found:?} jāsākas ar skaitli, piemēram, 15d, 10wd vai 1m"
            ),
            ParsePeriodError::NumberTooLarge { found } => {
                write!(f, "perioda skaitlis {found:?} ir pārāk liels")
            }
            ParsePeriodError::Unit { unit } => {
                write!(f, "perioda vienība {unit:?} nav d, wd vai m")
            }
        }
    }
}

fn echo(text: &str) -> String {
    text.chars().take(ECHO_LIMIT).collect()
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    /// Parses `<digits><unit>` with unit `d`, `wd` or `m`, exactly (no spaces, signs or
    /// upper case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParsePeriodError::Empty);
        }
        let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (digits, unit) = s
            .split_at_checked(digits_end)
            .ok_or_else(|| ParsePeriodError::Number { found: echo(s) })?;
        if digits.is_empty() {
            return Err(ParsePeriodError::Number { found: echo(s) });
        }
        // Only ASCII digits reach here, so the only possible failure is overflow.
        let count: u32 = digits
            .parse()
            .map_err(|_| ParsePeriodError::NumberTooLarge {
                found: echo(digits),
            })?;
        match unit {
            "d" => Ok(Period::Days(count)),
            "wd" => Ok(Period::WorkingDays(count)),
            "m" => Ok(Period::Months(count)),
            _ => Err(ParsePeriodError::Unit { unit: echo(unit) }),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = ParsePeriodError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<Period> for String {
    fn from(period: Period) -> Self {
        period.to_string()
    }
}
