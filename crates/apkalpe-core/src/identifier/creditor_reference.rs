//! The ISO 11649 structured creditor reference (RF reference).

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::ascii::{AsciiBuffer, Normalized, normalize, typed_position};
use super::checksum::{mod97, mod97_rotated};
use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The fewest characters of a creditor reference: `RF`, two check digits, one character.
const MIN_LENGTH: usize = 5;

/// The most characters of a creditor reference: `RF`, two check digits, 21 characters.
const MAX_LENGTH: usize = 25;

/// The most characters of the payment reference inside a creditor reference.
const MAX_PAYMENT_REFERENCE_LENGTH: usize = MAX_LENGTH - 4;

/// An ISO 11649 structured creditor reference, such as `RF18539007547034`: the reference a
/// creditor asks the payer to quote so an incoming payment matches its invoice.
///
/// It is `RF`, two check digits and a payment reference of 1–21 letters or digits (5–25
/// characters in all). The check digits make the whole, with `RFkk` moved to the end and letters
/// read as 10–35, leave remainder 1 mod 97 (ISO 7064 MOD 97-10), so any single changed digit is
/// caught. Check digits 00, 01 and 99 are refused: the calculation only gives 02–98.
///
/// Parsing ignores whitespace and upper-cases letters. [`Display`](fmt::Display) prints the
/// electronic form (no spaces); [`CreditorReference::print_form`] the paper form in blocks of
/// four. [`CreditorReference::from_payment_reference`] makes one from an invoice's own reference.
/// The value is stored inline (no allocation), so `CreditorReference` is `Copy`.
///
/// Serialised as the electronic form and deserialised through [`CreditorReference::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::CreditorReference;
///
/// let reference: CreditorReference = "RF18 5390 0754 7034".parse()?;
/// assert_eq!(reference.to_string(), "RF18539007547034");
/// assert_eq!(reference.print_form(), "RF18 5390 0754 7034");
/// assert_eq!(reference.check_digits(), "18");
/// assert_eq!(reference.payment_reference(), "539007547034");
/// assert_eq!(CreditorReference::from_payment_reference("539007547034")?, reference);
/// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §8: ISO 11649 format, check and printing in blocks of four; example
/// RF18 5390 0754 7034 \[P2\].
///
/// Serves: T4.6, S27, S33.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CreditorReference(AsciiBuffer<MAX_LENGTH>);

/// The error returned when text is not a valid creditor reference, or a payment reference cannot
/// be made into one.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CreditorReference, ParseCreditorReferenceError};
///
/// assert_eq!(
///     "RF18 5390 0754 7035".parse::<CreditorReference>(),
///     Err(ParseCreditorReferenceError::Checksum)
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCreditorReferenceError {
    /// A character that is not a letter, digit or whitespace, or a check digit that is a letter.
    #[error("unexpected character {found:?} at position {position} of the creditor reference")]
    Character {
        /// Position in the text as given, whitespace included, counting characters from 0
        /// (decision 0003); for [`CreditorReference::from_payment_reference`], in the payment
        /// reference as given.
        position: usize,
        /// The character found there, as typed.
        found: char,
    },
    /// The text does not start with `RF`.
    #[error("creditor reference must start with \"RF\", found {found:?}")]
    Prefix {
        /// The first two characters, upper-cased.
        found: String,
    },
    /// Fewer than 5 or more than 25 letters and digits.
    #[error("creditor reference needs 5 to 25 characters, found {found}")]
    Length {
        /// The number of letters and digits found.
        found: usize,
    },
    /// A payment reference given to [`CreditorReference::from_payment_reference`] that is empty
    /// or longer than 21 characters.
    #[error("payment reference needs 1 to 21 characters, found {found}")]
    PaymentReferenceLength {
        /// The number of letters and digits found.
        found: usize,
    },
    /// The check digits do not match the payment reference (or are 00, 01 or 99).
    #[error("creditor reference check digits do not match")]
    Checksum,
}

impl ParseCreditorReferenceError {
    /// Returns the stable error code, such as `creditor_reference.checksum`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let error = CreditorReference::try_new("RF19539007547034").unwrap_err();
    /// assert_eq!(error.code(), "creditor_reference.checksum");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCreditorReferenceError::Character { .. } => "creditor_reference.character",
            ParseCreditorReferenceError::Prefix { .. } => "creditor_reference.prefix",
            ParseCreditorReferenceError::Length { .. } => "creditor_reference.length",
            ParseCreditorReferenceError::PaymentReferenceLength { .. } => {
                "creditor_reference.payment_reference_length"
            }
            ParseCreditorReferenceError::Checksum => "creditor_reference.checksum",
        }
    }
}

impl LocalizedError for ParseCreditorReferenceError {
    fn code(&self) -> &'static str {
        ParseCreditorReferenceError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCreditorReferenceError::Character { position, found } => write!(
                f,
                "kreditora atsaucē ir negaidīta rakstzīme {found:?} pozīcijā {position}"
            ),
            ParseCreditorReferenceError::Prefix { found } => write!(
                f,
                "kreditora atsaucei jāsākas ar \"RF\", bet tā sākas ar {found:?}"
            ),
            ParseCreditorReferenceError::Length { found } => write!(
                f,
                "kreditora atsaucē jābūt no 5 līdz 25 rakstzīmēm, bet ir {}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
            ParseCreditorReferenceError::PaymentReferenceLength { found } => write!(
                f,
                "maksājuma atsaucē jābūt no 1 līdz 21 rakstzīmei, bet ir {}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
            ParseCreditorReferenceError::Checksum => {
                f.write_str("kreditora atsauces kontrolcipari nesakrīt")
            }
        }
    }
}

impl CreditorReference {
    /// Parses and validates a creditor reference in electronic or paper form; whitespace is
    /// ignored and letters may be in either case.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference = CreditorReference::try_new("rf18 5390 0754 7034")?;
    /// assert_eq!(reference.as_str(), "RF18539007547034");
    /// assert!(CreditorReference::try_new("RF18 5390 0754 7035").is_err());
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`ParseCreditorReferenceError::Character`] for a character that is not a letter, digit
    ///   or whitespace, or a letter in the check digits;
    /// - [`ParseCreditorReferenceError::Prefix`] unless the text starts with `RF`;
    /// - [`ParseCreditorReferenceError::Length`] for fewer than 5 or more than 25 characters;
    /// - [`ParseCreditorReferenceError::Checksum`] when the mod-97 check fails or the check
    ///   digits are 00, 01 or 99.
    pub fn try_new(text: &str) -> Result<Self, ParseCreditorReferenceError> {
        let Normalized { buffer, count } = read(text)?;
        let stored = buffer.as_bytes();
        let prefix = stored.get(..2).unwrap_or(stored);
        if prefix.len() == 2 && prefix != b"RF" {
            return Err(ParseCreditorReferenceError::Prefix {
                found: String::from_utf8_lossy(prefix).into_owned(),
            });
        }
        if !(MIN_LENGTH..=MAX_LENGTH).contains(&count) {
            return Err(ParseCreditorReferenceError::Length { found: count });
        }
        let check = stored.get(2..4).unwrap_or_default();
        if let Some(index) = check.iter().position(|byte| !byte.is_ascii_digit()) {
            let stored = check
                .get(index)
                .copied()
                .map(char::from)
                .unwrap_or_default();
            let (position, found) = typed_position(text, index.saturating_add(2), stored);
            return Err(ParseCreditorReferenceError::Character { position, found });
        }
        if matches!(check, b"00" | b"01" | b"99") || mod97_rotated(stored) != Some(1) {
            return Err(ParseCreditorReferenceError::Checksum);
        }
        Ok(CreditorReference(buffer))
    }

    /// Makes a creditor reference from a payment reference (an invoice number, a client number)
    /// of 1–21 letters and digits by computing the check digits `98 − (reference ‖ RF00 mod 97)`.
    /// Whitespace is ignored and letters are upper-cased.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference = CreditorReference::from_payment_reference("2024 INV 17")?;
    /// assert_eq!(reference.payment_reference(), "2024INV17");
    /// assert_eq!(reference.as_str().parse::<CreditorReference>()?, reference);
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`ParseCreditorReferenceError::Character`] for a character that is not a letter, digit
    ///   or whitespace (the position counts within the payment reference);
    /// - [`ParseCreditorReferenceError::PaymentReferenceLength`] for an empty reference or one
    ///   longer than 21 characters.
    pub fn from_payment_reference(reference: &str) -> Result<Self, ParseCreditorReferenceError> {
        let Normalized { buffer, count } = read::<MAX_PAYMENT_REFERENCE_LENGTH>(reference)?;
        if !(1..=MAX_PAYMENT_REFERENCE_LENGTH).contains(&count) {
            return Err(ParseCreditorReferenceError::PaymentReferenceLength { found: count });
        }
        let stored = buffer.as_bytes();
        // Every byte is an ASCII letter or digit, so the remainder exists; were it ever missing,
        // the check below would refuse the result rather than let a wrong reference out.
        let remainder = mod97(0, stored)
            .and_then(|remainder| mod97(remainder, b"RF00"))
            .unwrap_or_default();
        // `check` is between 2 and 98: two digits.
        let check = 98_u32.saturating_sub(remainder);
        let digits = [digit_byte(check / 10), digit_byte(check % 10)];
        // 4 + at most 21 ASCII bytes always fit; were they ever too many, that is a length error.
        let joined = AsciiBuffer::<MAX_LENGTH>::from_parts(&[b"RF", &digits, stored])
            .ok_or(ParseCreditorReferenceError::PaymentReferenceLength { found: count })?;
        // Through the one validating constructor, so a made reference obeys the same rules.
        CreditorReference::try_new(joined.as_str())
    }

    /// Returns the electronic form: upper case, no spaces.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference: CreditorReference = "rf18 5390 0754 7034".parse()?;
    /// assert_eq!(reference.as_str(), "RF18539007547034");
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Returns the paper form: blocks of four characters separated by spaces
    /// (`RF18 5390 0754 7034`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference: CreditorReference = "rf18 5390 0754 7034".parse()?;
    /// assert_eq!(reference.print_form(), "RF18 5390 0754 7034");
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    pub fn print_form(&self) -> String {
        let electronic = self.as_str();
        let mut printed = String::with_capacity(electronic.len().saturating_mul(5) / 4 + 1);
        for (index, character) in electronic.chars().enumerate() {
            if index > 0 && index % 4 == 0 {
                printed.push(' ');
            }
            printed.push(character);
        }
        printed
    }

    /// Returns the two check digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference: CreditorReference = "rf18 5390 0754 7034".parse()?;
    /// assert_eq!(reference.check_digits(), "18");
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    pub fn check_digits(&self) -> &str {
        self.as_str().get(2..4).unwrap_or_default()
    }

    /// Returns the payment reference: everything after `RF` and the check digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CreditorReference;
    ///
    /// let reference: CreditorReference = "rf18 5390 0754 7034".parse()?;
    /// assert_eq!(reference.payment_reference(), "539007547034");
    /// # Ok::<(), apkalpe_core::ParseCreditorReferenceError>(())
    /// ```
    pub fn payment_reference(&self) -> &str {
        self.as_str().get(4..).unwrap_or_default()
    }
}

/// Reads the letters and digits of `text`, upper-cased, skipping whitespace.
fn read<const N: usize>(text: &str) -> Result<Normalized<N>, ParseCreditorReferenceError> {
    normalize::<N>(text, char::is_whitespace)
        .map_err(|(position, found)| ParseCreditorReferenceError::Character { position, found })
}

/// Returns the ASCII digit for a value 0–9 (`0` for anything larger, which callers rule out).
fn digit_byte(value: u32) -> u8 {
    u8::try_from(value)
        .ok()
        .filter(|value| *value < 10)
        .map_or(b'0', |value| b'0' + value)
}

impl fmt::Display for CreditorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CreditorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CreditorReference")
            .field(&self.as_str())
            .finish()
    }
}

impl FromStr for CreditorReference {
    type Err = ParseCreditorReferenceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CreditorReference::try_new(s)
    }
}

impl TryFrom<String> for CreditorReference {
    type Error = ParseCreditorReferenceError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CreditorReference::try_new(&value)
    }
}

impl TryFrom<&str> for CreditorReference {
    type Error = ParseCreditorReferenceError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        CreditorReference::try_new(value)
    }
}

impl From<CreditorReference> for String {
    fn from(reference: CreditorReference) -> Self {
        reference.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Result<CreditorReference, ParseCreditorReferenceError> {
        CreditorReference::try_new(text)
    }

    #[test]
    fn accepts_the_facts_example() {
        let parsed = reference("RF18 5390 0754 7034").unwrap();
        assert_eq!(parsed.as_str(), "RF18539007547034");
        assert_eq!(parsed.print_form(), "RF18 5390 0754 7034");
        assert_eq!(
            format!("{parsed:?}"),
            r#"CreditorReference("RF18539007547034")"#
        );
        assert_eq!(
            CreditorReference::from_payment_reference("539007547034").unwrap(),
            parsed
        );
    }

    #[test]
    fn generates_and_accepts_the_extremes() {
        let short = CreditorReference::from_payment_reference("1").unwrap();
        assert_eq!(short.as_str().len(), 5);
        assert_eq!(reference(short.as_str()).unwrap(), short);
        assert_eq!(short.print_form(), format!("RF{} 1", short.check_digits()));
        let long = CreditorReference::from_payment_reference("ABCDEFGHIJKLMNOPQRSTU").unwrap();
        assert_eq!(long.as_str().len(), 25);
        assert_eq!(reference(&long.as_str().to_lowercase()).unwrap(), long);
        assert_eq!(long.payment_reference(), "ABCDEFGHIJKLMNOPQRSTU");
        // "RF25A": A RF 00 → 10271500 ≡ 73 (mod 97), 98 − 73 = 25; and 10271525 ≡ 1.
        assert_eq!(
            CreditorReference::from_payment_reference("a")
                .unwrap()
                .as_str(),
            "RF25A"
        );
    }

    #[test]
    fn reports_every_error_code() {
        assert_eq!(
            reference("RF18-5390"),
            Err(ParseCreditorReferenceError::Character {
                position: 4,
                found: '-'
            })
        );
        assert_eq!(
            reference("RFAB 5390"),
            Err(ParseCreditorReferenceError::Character {
                position: 2,
                found: 'A'
            })
        );
        // Positions count the text as typed, whitespace included (decision 0003).
        assert_eq!(
            reference(" RF 1B 5390"),
            Err(ParseCreditorReferenceError::Character {
                position: 5,
                found: 'B'
            })
        );
        assert_eq!(
            reference("RF18 5390-0754"),
            Err(ParseCreditorReferenceError::Character {
                position: 9,
                found: '-'
            })
        );
        assert_eq!(
            reference("XX18539007547034"),
            Err(ParseCreditorReferenceError::Prefix {
                found: "XX".to_owned()
            })
        );
        assert_eq!(
            reference(""),
            Err(ParseCreditorReferenceError::Length { found: 0 })
        );
        assert_eq!(
            reference("R"),
            Err(ParseCreditorReferenceError::Length { found: 1 })
        );
        assert_eq!(
            reference("RF18"),
            Err(ParseCreditorReferenceError::Length { found: 4 })
        );
        assert_eq!(
            reference(&format!("RF18{}", "1".repeat(22))),
            Err(ParseCreditorReferenceError::Length { found: 26 })
        );
        assert_eq!(
            reference("RF19539007547034"),
            Err(ParseCreditorReferenceError::Checksum)
        );
        assert_eq!(
            CreditorReference::from_payment_reference(" "),
            Err(ParseCreditorReferenceError::PaymentReferenceLength { found: 0 })
        );
        assert_eq!(
            CreditorReference::from_payment_reference(&"9".repeat(22)),
            Err(ParseCreditorReferenceError::PaymentReferenceLength { found: 22 })
        );
        assert_eq!(
            CreditorReference::from_payment_reference("INV/17"),
            Err(ParseCreditorReferenceError::Character {
                position: 3,
                found: '/'
            })
        );
        let codes = [
            reference("RF1ā").unwrap_err(),
            reference("XX18").unwrap_err(),
            reference("RF1").unwrap_err(),
            CreditorReference::from_payment_reference("").unwrap_err(),
            reference("RF19539007547034").unwrap_err(),
        ]
        .map(|error| error.code());
        assert_eq!(
            codes,
            [
                "creditor_reference.character",
                "creditor_reference.prefix",
                "creditor_reference.length",
                "creditor_reference.payment_reference_length",
                "creditor_reference.checksum",
            ]
        );
    }

    #[test]
    fn check_digits_outside_02_to_98_are_refused() {
        // A reference whose check digits are 98 has an 01 twin; one with 02 has a 99 twin.
        let mut seen_98 = false;
        let mut seen_02 = false;
        for n in 0..2000 {
            let made = CreditorReference::from_payment_reference(&n.to_string()).unwrap();
            let twin = match made.check_digits() {
                "98" => "01",
                "02" => "99",
                _ => continue,
            };
            seen_98 |= twin == "01";
            seen_02 |= twin == "99";
            let aliased = format!("RF{twin}{}", made.payment_reference());
            assert_eq!(mod97_rotated(aliased.as_bytes()), Some(1));
            assert_eq!(
                reference(&aliased),
                Err(ParseCreditorReferenceError::Checksum)
            );
        }
        assert!(seen_98 && seen_02);
        assert_eq!(
            reference("RF00539007547034"),
            Err(ParseCreditorReferenceError::Checksum)
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_constructor() {
        let parsed = reference("RF18539007547034").unwrap();
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(json, r#""RF18539007547034""#);
        assert_eq!(
            serde_json::from_str::<CreditorReference>(&json).unwrap(),
            parsed
        );
        assert!(serde_json::from_str::<CreditorReference>(r#""RF19539007547034""#).is_err());
    }
}
