//! The Latvian registration number of a legal entity (*reģistrācijas numurs*).

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::checksum::{digit_values, weighted_sum};
use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// Weights of the registration-number check, applied to all 11 digits.
const WEIGHTS: [u32; 11] = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];

/// The remainder mod 11 the weighted sum of a valid number leaves.
const REMAINDER: u8 = 3;

/// A Latvian registration number (*reģistrācijas numurs*): 11 digits issued by the Register of
/// Enterprises (*Uzņēmumu reģistrs*, first digit 4 or 5) or by the State Revenue Service
/// (*Valsts ieņēmumu dienests*, VID, first digit 9) to taxpayers outside the register, such as
/// state and municipal bodies.
///
/// The check: the digits weighted 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1 sum to a number that leaves
/// remainder 3 when divided by 11. Since every weight is between 1 and 10, any single changed
/// digit changes that remainder, so it is always caught.
///
/// Numbers starting with any other digit are rejected ([`ParseRegistrationNumberError::Prefix`]):
/// `docs/sources.md` §7 names no issuer for them. (python-stdnum accepts any first digit above 3 that passes
/// the check.) Parsing trims surrounding whitespace and wants exactly 11 digits.
///
/// Serialised as the 11 digits and deserialised through [`RegistrationNumber::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{RegistrationNumber, RegistrationNumberKind};
///
/// let number: RegistrationNumber = "40003521600".parse()?;
/// assert_eq!(number.as_str(), "40003521600");
/// assert_eq!(number.kind(), RegistrationNumberKind::RegisterOfEnterprises);
/// assert!("40003521601".parse::<RegistrationNumber>().is_err());
/// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §7: 11 digits, first digit 4/5 (UR) or 9 (VID) \[ID4\]; weights and
/// remainder 3 \[ID1\] (the jsvat variant that maps a result of 10 to 0 \[ID6\] is not copied).
///
/// Serves: S8, S27, S30.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct RegistrationNumber {
    /// The 11 ASCII digits.
    digits: [u8; 11],
}

/// Who issued a [`RegistrationNumber`], told by its first digit.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{RegistrationNumber, RegistrationNumberKind};
///
/// let number = RegistrationNumber::try_new("40103471306")?;
/// assert_eq!(number.kind(), RegistrationNumberKind::RegisterOfEnterprises);
/// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RegistrationNumberKind {
    /// Issued by the Register of Enterprises (*Uzņēmumu reģistrs*, UR): first digit 4 or 5.
    RegisterOfEnterprises,
    /// Issued by the State Revenue Service (*Valsts ieņēmumu dienests*, VID) to a taxpayer outside
    /// the register: first digit 9.
    StateRevenueService,
}

/// The error returned when text is not a valid Latvian registration number.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{ParseRegistrationNumberError, RegistrationNumber};
///
/// assert_eq!(
///     "10003521600".parse::<RegistrationNumber>(),
///     Err(ParseRegistrationNumberError::Prefix { found: 1 })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseRegistrationNumberError {
    /// A character that is not a digit.
    #[error("unexpected character {found:?} at position {position} of the registration number")]
    Character {
        /// Position of the character in the trimmed text, counting characters from 0.
        position: usize,
        /// The character found there.
        found: char,
    },
    /// The text does not hold exactly 11 digits.
    #[error("registration number needs 11 digits, found {found}")]
    Length {
        /// The number of digits found.
        found: usize,
    },
    /// The first digit is not 4 or 5 (Register of Enterprises) or 9 (State Revenue Service).
    #[error("registration number must start with 4, 5 or 9, found {found}")]
    Prefix {
        /// The first digit.
        found: u8,
    },
    /// The weighted digit sum does not leave remainder 3 mod 11.
    #[error("registration number checksum leaves remainder {remainder} mod 11 instead of 3")]
    Checksum {
        /// The remainder found, 0–10 but never 3.
        remainder: u8,
    },
}

impl ParseRegistrationNumberError {
    /// Returns the stable error code, such as `registration_number.checksum`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RegistrationNumber;
    ///
    /// let error = RegistrationNumber::try_new("10003521600").unwrap_err();
    /// assert_eq!(error.code(), "registration_number.prefix");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseRegistrationNumberError::Character { .. } => "registration_number.character",
            ParseRegistrationNumberError::Length { .. } => "registration_number.length",
            ParseRegistrationNumberError::Prefix { .. } => "registration_number.prefix",
            ParseRegistrationNumberError::Checksum { .. } => "registration_number.checksum",
        }
    }
}

impl LocalizedError for ParseRegistrationNumberError {
    fn code(&self) -> &'static str {
        ParseRegistrationNumberError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseRegistrationNumberError::Character { position, found } => write!(
                f,
                "reģistrācijas numurā ir negaidīta rakstzīme {found:?} pozīcijā {position}"
            ),
            ParseRegistrationNumberError::Length { found } => write!(
                f,
                "reģistrācijas numurā jābūt 11 cipariem, bet ir {}",
                latvian::count(latvian::DIGITS, *found)
            ),
            ParseRegistrationNumberError::Prefix { found } => write!(
                f,
                "reģistrācijas numuram jāsākas ar 4, 5 vai 9, bet tas sākas ar {found}"
            ),
            ParseRegistrationNumberError::Checksum { remainder } => write!(
                f,
                "reģistrācijas numura kontrolsumma, dalot ar 11, dod atlikumu {remainder}, nevis 3"
            ),
        }
    }
}

impl RegistrationNumber {
    /// Parses and validates a registration number: 11 digits, surrounding whitespace ignored.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RegistrationNumber;
    ///
    /// let number = RegistrationNumber::try_new(" 40003584818 ")?;
    /// assert_eq!(number.to_string(), "40003584818");
    /// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`ParseRegistrationNumberError::Character`] for a character that is not a digit;
    /// - [`ParseRegistrationNumberError::Length`] unless there are exactly 11 digits;
    /// - [`ParseRegistrationNumberError::Prefix`] unless the first digit is 4, 5 or 9;
    /// - [`ParseRegistrationNumberError::Checksum`] when the weighted sum is not 3 mod 11.
    pub fn try_new(text: &str) -> Result<Self, ParseRegistrationNumberError> {
        let mut digits = [0_u8; 11];
        let mut count: usize = 0;
        for (position, character) in text.trim().chars().enumerate() {
            let Some(byte) = u8::try_from(character)
                .ok()
                .filter(|byte| byte.is_ascii_digit())
            else {
                return Err(ParseRegistrationNumberError::Character {
                    position,
                    found: character,
                });
            };
            if let Some(slot) = digits.get_mut(count) {
                *slot = byte;
            }
            count = count.saturating_add(1);
        }
        if count != 11 {
            return Err(ParseRegistrationNumberError::Length { found: count });
        }
        let values = digit_values(&digits);
        let [first, ..] = values;
        if kind_of(first).is_none() {
            return Err(ParseRegistrationNumberError::Prefix { found: first });
        }
        let remainder = remainder_of(&values);
        if remainder != REMAINDER {
            return Err(ParseRegistrationNumberError::Checksum { remainder });
        }
        Ok(RegistrationNumber { digits })
    }

    /// Returns who issued the number, told by its first digit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RegistrationNumber, RegistrationNumberKind};
    ///
    /// let number: RegistrationNumber = "40003521600".parse()?;
    /// assert_eq!(number.kind(), RegistrationNumberKind::RegisterOfEnterprises);
    /// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
    /// ```
    pub fn kind(&self) -> RegistrationNumberKind {
        let [first, ..] = digit_values(&self.digits);
        // The constructor accepted only first digits that have a kind.
        kind_of(first).unwrap_or(RegistrationNumberKind::RegisterOfEnterprises)
    }

    /// Returns the 11 digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RegistrationNumber;
    ///
    /// assert_eq!(RegistrationNumber::try_new(" 40003521600 ")?.as_str(), "40003521600");
    /// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        // ASCII digits only, checked by the constructor.
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }
}

/// Returns the issuer a first digit stands for, if any.
fn kind_of(first_digit: u8) -> Option<RegistrationNumberKind> {
    match first_digit {
        4 | 5 => Some(RegistrationNumberKind::RegisterOfEnterprises),
        9 => Some(RegistrationNumberKind::StateRevenueService),
        _ => None,
    }
}

/// Returns the weighted sum of the 11 digit values mod 11.
fn remainder_of(values: &[u8; 11]) -> u8 {
    // A value below 11 always fits in a u8.
    u8::try_from(weighted_sum(values, &WEIGHTS) % 11).unwrap_or_default()
}

impl fmt::Display for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RegistrationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RegistrationNumber")
            .field(&self.as_str())
            .finish()
    }
}

impl FromStr for RegistrationNumber {
    type Err = ParseRegistrationNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RegistrationNumber::try_new(s)
    }
}

impl TryFrom<String> for RegistrationNumber {
    type Error = ParseRegistrationNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        RegistrationNumber::try_new(&value)
    }
}

impl TryFrom<&str> for RegistrationNumber {
    type Error = ParseRegistrationNumberError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        RegistrationNumber::try_new(value)
    }
}

impl From<RegistrationNumber> for String {
    fn from(number: RegistrationNumber) -> Self {
        number.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Result<RegistrationNumber, ParseRegistrationNumberError> {
        RegistrationNumber::try_new(text)
    }

    #[test]
    fn accepts_the_facts_examples() {
        for text in ["40003521600", "40003584818", "40103471306"] {
            let parsed = number(text).unwrap();
            assert_eq!(parsed.to_string(), text);
            assert_eq!(parsed.kind(), RegistrationNumberKind::RegisterOfEnterprises);
        }
        assert_eq!(
            format!("{:?}", number("40003521600").unwrap()),
            r#"RegistrationNumber("40003521600")"#
        );
    }

    #[test]
    fn tells_the_issuer_by_the_first_digit() {
        // 9000000000x: 9·9 = 81 ≡ 4 (mod 11), so the last digit would have to be 10: unusable.
        // 9000000001x: 81 + 1·6 = 87 ≡ 10, last digit (3 − 10) mod 11 = 4 → 90000000014.
        let vid = number("90000000014").unwrap();
        assert_eq!(vid.kind(), RegistrationNumberKind::StateRevenueService);
        // 5000000000x: 45 ≡ 1, last digit 2 → 50000000002.
        let ur = number("50000000002").unwrap();
        assert_eq!(ur.kind(), RegistrationNumberKind::RegisterOfEnterprises);
    }

    #[test]
    fn reports_every_error_code() {
        assert_eq!(
            number("4000352160O"),
            Err(ParseRegistrationNumberError::Character {
                position: 10,
                found: 'O'
            })
        );
        assert_eq!(
            number("40003 521600"),
            Err(ParseRegistrationNumberError::Character {
                position: 5,
                found: ' '
            })
        );
        assert_eq!(
            number("LV40003521600").unwrap_err().code(),
            "registration_number.character"
        );
        assert_eq!(
            number(""),
            Err(ParseRegistrationNumberError::Length { found: 0 })
        );
        assert_eq!(
            number("4000352160"),
            Err(ParseRegistrationNumberError::Length { found: 10 })
        );
        for first in ['0', '1', '2', '3', '6', '7', '8'] {
            let text = format!("{first}0003521600");
            let found = u8::try_from(first.to_digit(10).unwrap()).unwrap();
            assert_eq!(
                number(&text),
                Err(ParseRegistrationNumberError::Prefix { found })
            );
        }
        assert_eq!(
            number("40003521601"),
            Err(ParseRegistrationNumberError::Checksum { remainder: 4 })
        );
        assert_eq!(
            number("40003521601").unwrap_err().code(),
            "registration_number.checksum"
        );
        assert_eq!(number("").unwrap_err().code(), "registration_number.length");
        assert_eq!(
            number("10003521600").unwrap_err().code(),
            "registration_number.prefix"
        );
    }

    #[test]
    fn every_single_digit_substitution_is_caught() {
        let valid = *b"40003521600";
        for index in 0..11 {
            for digit in b'0'..=b'9' {
                let mut changed = valid;
                if changed[index] == digit {
                    continue;
                }
                changed[index] = digit;
                let text = std::str::from_utf8(&changed).unwrap();
                assert!(number(text).is_err(), "{text} passed");
            }
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_constructor() {
        let parsed = number("40003521600").unwrap();
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(json, r#""40003521600""#);
        assert_eq!(
            serde_json::from_str::<RegistrationNumber>(&json).unwrap(),
            parsed
        );
        assert!(serde_json::from_str::<RegistrationNumber>(r#""40003521601""#).is_err());
    }
}
