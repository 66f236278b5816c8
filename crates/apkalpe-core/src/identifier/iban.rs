//! The International Bank Account Number (ISO 13616).

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::ascii::{
    AsciiBuffer, Normalized, fits_template, letter_index, look_up, normalize, typed_position,
};
use super::checksum::mod97_rotated;
use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The longest IBAN any country uses.
const MAX_LENGTH: usize = 34;

/// One country of the registry: code, then BBAN template and the bank identifier's (start, end)
/// in the BBAN.
type RegistryEntry = (&'static str, (&'static str, Option<(u8, u8)>));

/// The ISO 13616 IBAN registry: country, BBAN template and the bank identifier's place in the
/// BBAN (start, end), sorted by country (the tests check the order; lookups use an index).
///
/// In a template `n` is a digit, `a` an upper-case letter and `c` either; the IBAN length is the
/// template's plus four. The data is the registry as `iban_validate` 5.0.1 embeds it (that crate
/// keeps it private); a unit test checks every entry against the crate. We check it ourselves so
/// that errors can name the expected length and the position of a BBAN format error, and so a
/// check takes one pass over the text.
#[rustfmt::skip]
const REGISTRY: [RegistryEntry; 87] = [
    // AD: 24 characters, BBAN 8!n12!c
    ("AD", ("nnnnnnnncccccccccccc", Some((0, 4)))),
    // AE: 23 characters, BBAN 19!n
    ("AE", ("nnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // AL: 28 characters, BBAN 8!n16!c
    ("AL", ("nnnnnnnncccccccccccccccc", Some((0, 3)))),
    // AT: 20 characters, BBAN 16!n
    ("AT", ("nnnnnnnnnnnnnnnn", Some((0, 5)))),
    // AZ: 28 characters, BBAN 4!a20!c
    ("AZ", ("aaaacccccccccccccccccccc", Some((0, 4)))),
    // BA: 20 characters, BBAN 16!n
    ("BA", ("nnnnnnnnnnnnnnnn", Some((0, 3)))),
    // BE: 16 characters, BBAN 12!n
    ("BE", ("nnnnnnnnnnnn", Some((0, 3)))),
    // BG: 22 characters, BBAN 4!a6!n8!c
    ("BG", ("aaaannnnnncccccccc", Some((0, 4)))),
    // BH: 22 characters, BBAN 4!a14!c
    ("BH", ("aaaacccccccccccccc", Some((0, 4)))),
    // BI: 27 characters, BBAN 23!n
    ("BI", ("nnnnnnnnnnnnnnnnnnnnnnn", Some((0, 5)))),
    // BR: 29 characters, BBAN 23!n1!a1!c
    ("BR", ("nnnnnnnnnnnnnnnnnnnnnnnac", Some((0, 8)))),
    // BY: 28 characters, BBAN 4!c4!n16!c
    ("BY", ("ccccnnnncccccccccccccccc", Some((0, 4)))),
    // CH: 21 characters, BBAN 5!n12!c
    ("CH", ("nnnnncccccccccccc", Some((0, 5)))),
    // CR: 22 characters, BBAN 18!n
    ("CR", ("nnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // CY: 28 characters, BBAN 8!n16!c
    ("CY", ("nnnnnnnncccccccccccccccc", Some((0, 3)))),
    // CZ: 24 characters, BBAN 20!n
    ("CZ", ("nnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // DE: 22 characters, BBAN 18!n
    ("DE", ("nnnnnnnnnnnnnnnnnn", Some((0, 8)))),
    // DJ: 27 characters, BBAN 23!n
    ("DJ", ("nnnnnnnnnnnnnnnnnnnnnnn", Some((0, 5)))),
    // DK: 18 characters, BBAN 14!n
    ("DK", ("nnnnnnnnnnnnnn", Some((0, 4)))),
    // DO: 28 characters, BBAN 4!c20!n
    ("DO", ("ccccnnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // EE: 20 characters, BBAN 16!n
    ("EE", ("nnnnnnnnnnnnnnnn", Some((0, 2)))),
    // EG: 29 characters, BBAN 25!n
    ("EG", ("nnnnnnnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // ES: 24 characters, BBAN 20!n
    ("ES", ("nnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // FI: 18 characters, BBAN 14!n
    ("FI", ("nnnnnnnnnnnnnn", Some((0, 3)))),
    // FK: 18 characters, BBAN 2!a12!n
    ("FK", ("aannnnnnnnnnnn", Some((0, 2)))),
    // FO: 18 characters, BBAN 14!n
    ("FO", ("nnnnnnnnnnnnnn", Some((0, 4)))),
    // FR: 27 characters, BBAN 10!n11!c2!n
    ("FR", ("nnnnnnnnnncccccccccccnn", Some((0, 5)))),
    // GB: 22 characters, BBAN 4!a14!n
    ("GB", ("aaaannnnnnnnnnnnnn", Some((0, 4)))),
    // GE: 22 characters, BBAN 2!a16!n
    ("GE", ("aannnnnnnnnnnnnnnn", Some((0, 2)))),
    // GI: 23 characters, BBAN 4!a15!c
    ("GI", ("aaaaccccccccccccccc", Some((0, 4)))),
    // GL: 18 characters, BBAN 14!n
    ("GL", ("nnnnnnnnnnnnnn", Some((0, 4)))),
    // GR: 27 characters, BBAN 7!n16!c
    ("GR", ("nnnnnnncccccccccccccccc", Some((0, 3)))),
    // GT: 28 characters, BBAN 24!c
    ("GT", ("cccccccccccccccccccccccc", Some((0, 4)))),
    // HR: 21 characters, BBAN 17!n
    ("HR", ("nnnnnnnnnnnnnnnnn", Some((0, 7)))),
    // HU: 28 characters, BBAN 24!n
    ("HU", ("nnnnnnnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // IE: 22 characters, BBAN 4!a14!n
    ("IE", ("aaaannnnnnnnnnnnnn", Some((0, 4)))),
    // IL: 23 characters, BBAN 19!n
    ("IL", ("nnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // IQ: 23 characters, BBAN 4!a15!n
    ("IQ", ("aaaannnnnnnnnnnnnnn", Some((0, 4)))),
    // IS: 26 characters, BBAN 22!n
    ("IS", ("nnnnnnnnnnnnnnnnnnnnnn", Some((0, 2)))),
    // IT: 27 characters, BBAN 1!a10!n12!c
    ("IT", ("annnnnnnnnncccccccccccc", Some((1, 6)))),
    // JO: 30 characters, BBAN 4!a4!n18!c
    ("JO", ("aaaannnncccccccccccccccccc", Some((0, 4)))),
    // KW: 30 characters, BBAN 4!a22!c
    ("KW", ("aaaacccccccccccccccccccccc", Some((0, 4)))),
    // KZ: 20 characters, BBAN 3!n13!c
    ("KZ", ("nnnccccccccccccc", Some((0, 3)))),
    // LB: 28 characters, BBAN 4!n20!c
    ("LB", ("nnnncccccccccccccccccccc", Some((0, 4)))),
    // LC: 32 characters, BBAN 4!a24!c
    ("LC", ("aaaacccccccccccccccccccccccc", Some((0, 4)))),
    // LI: 21 characters, BBAN 5!n12!c
    ("LI", ("nnnnncccccccccccc", Some((0, 5)))),
    // LT: 20 characters, BBAN 16!n
    ("LT", ("nnnnnnnnnnnnnnnn", Some((0, 5)))),
    // LU: 20 characters, BBAN 3!n13!c
    ("LU", ("nnnccccccccccccc", Some((0, 3)))),
    // LV: 21 characters, BBAN 4!a13!c
    ("LV", ("aaaaccccccccccccc", Some((0, 4)))),
    // LY: 25 characters, BBAN 21!n
    ("LY", ("nnnnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // MC: 27 characters, BBAN 10!n11!c2!n
    ("MC", ("nnnnnnnnnncccccccccccnn", Some((0, 5)))),
    // MD: 24 characters, BBAN 20!c
    ("MD", ("cccccccccccccccccccc", Some((0, 2)))),
    // ME: 22 characters, BBAN 18!n
    ("ME", ("nnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // MK: 19 characters, BBAN 3!n10!c2!n
    ("MK", ("nnnccccccccccnn", Some((0, 3)))),
    // MN: 20 characters, BBAN 16!n
    ("MN", ("nnnnnnnnnnnnnnnn", Some((0, 4)))),
    // MR: 27 characters, BBAN 23!n
    ("MR", ("nnnnnnnnnnnnnnnnnnnnnnn", Some((0, 5)))),
    // MT: 31 characters, BBAN 4!a5!n18!c
    ("MT", ("aaaannnnncccccccccccccccccc", Some((0, 4)))),
    // MU: 30 characters, BBAN 4!a19!n3!a
    ("MU", ("aaaannnnnnnnnnnnnnnnnnnaaa", Some((0, 6)))),
    // NI: 28 characters, BBAN 4!a20!n
    ("NI", ("aaaannnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // NL: 18 characters, BBAN 4!a10!n
    ("NL", ("aaaannnnnnnnnn", Some((0, 4)))),
    // NO: 15 characters, BBAN 11!n
    ("NO", ("nnnnnnnnnnn", Some((0, 4)))),
    // OM: 23 characters, BBAN 3!n16!c
    ("OM", ("nnncccccccccccccccc", Some((0, 3)))),
    // PL: 28 characters, BBAN 24!n
    ("PL", ("nnnnnnnnnnnnnnnnnnnnnnnn", None)),
    // PS: 29 characters, BBAN 4!a21!c
    ("PS", ("aaaaccccccccccccccccccccc", Some((0, 4)))),
    // PT: 25 characters, BBAN 21!n
    ("PT", ("nnnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // QA: 29 characters, BBAN 4!a21!c
    ("QA", ("aaaaccccccccccccccccccccc", Some((0, 4)))),
    // RO: 24 characters, BBAN 4!a16!c
    ("RO", ("aaaacccccccccccccccc", Some((0, 4)))),
    // RS: 22 characters, BBAN 18!n
    ("RS", ("nnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // RU: 33 characters, BBAN 14!n15!c
    ("RU", ("nnnnnnnnnnnnnnccccccccccccccc", Some((0, 9)))),
    // SA: 24 characters, BBAN 2!n18!c
    ("SA", ("nncccccccccccccccccc", Some((0, 2)))),
    // SC: 31 characters, BBAN 4!a20!n3!a
    ("SC", ("aaaannnnnnnnnnnnnnnnnnnnaaa", Some((0, 6)))),
    // SD: 18 characters, BBAN 14!n
    ("SD", ("nnnnnnnnnnnnnn", Some((0, 2)))),
    // SE: 24 characters, BBAN 20!n
    ("SE", ("nnnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // SI: 19 characters, BBAN 15!n
    ("SI", ("nnnnnnnnnnnnnnn", Some((0, 5)))),
    // SK: 24 characters, BBAN 20!n
    ("SK", ("nnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // SM: 27 characters, BBAN 1!a10!n12!c
    ("SM", ("annnnnnnnnncccccccccccc", Some((1, 6)))),
    // SO: 23 characters, BBAN 19!n
    ("SO", ("nnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // ST: 25 characters, BBAN 21!n
    ("ST", ("nnnnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // SV: 28 characters, BBAN 4!a20!n
    ("SV", ("aaaannnnnnnnnnnnnnnnnnnn", Some((0, 4)))),
    // TL: 23 characters, BBAN 19!n
    ("TL", ("nnnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // TN: 24 characters, BBAN 20!n
    ("TN", ("nnnnnnnnnnnnnnnnnnnn", Some((0, 2)))),
    // TR: 26 characters, BBAN 6!n16!c
    ("TR", ("nnnnnncccccccccccccccc", Some((0, 5)))),
    // UA: 29 characters, BBAN 6!n19!c
    ("UA", ("nnnnnnccccccccccccccccccc", Some((0, 6)))),
    // VA: 22 characters, BBAN 18!n
    ("VA", ("nnnnnnnnnnnnnnnnnn", Some((0, 3)))),
    // VG: 24 characters, BBAN 4!a16!n
    ("VG", ("aaaannnnnnnnnnnnnnnn", Some((0, 4)))),
    // XK: 20 characters, BBAN 16!n
    ("XK", ("nnnnnnnnnnnnnnnn", Some((0, 2)))),
    // YE: 30 characters, BBAN 4!a4!n18!c
    ("YE", ("aaaannnncccccccccccccccccc", Some((0, 4)))),
];

/// An International Bank Account Number (ISO 13616), such as `LV80BANK0000435195001`.
///
/// Every country of the ISO 13616 registry is known, with its length and BBAN format. A Latvian
/// IBAN has 21 characters: `LV`, two check digits and a BBAN of four letters (the bank code, the
/// first four letters of the bank's BIC) and 13 letters or digits. The check digits make the
/// whole number, with the first four characters moved to the end and letters read as 10–35,
/// leave remainder 1 mod 97 (ISO 7064 MOD 97-10); so any single changed digit is caught. Check
/// digits 00, 01 and 99 are refused: the calculation only gives 02–98.
///
/// Parsing ignores whitespace and upper-cases letters. [`Display`](fmt::Display) prints the
/// electronic form (no spaces); [`Iban::print_form`] the paper form in groups of four. The value
/// is stored inline (no allocation), so `Iban` is `Copy`.
///
/// Serialised as the electronic form and deserialised through [`Iban::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::Iban;
///
/// let iban: Iban = "lv80 bank 0000 4351 9500 1".parse()?;
/// assert_eq!(iban.to_string(), "LV80BANK0000435195001");
/// assert_eq!(iban.print_form(), "LV80 BANK 0000 4351 9500 1");
/// assert_eq!(iban.country(), "LV");
/// assert_eq!(iban.check_digits(), "80");
/// assert_eq!(iban.bban(), "BANK0000435195001");
/// assert_eq!(iban.bank_code(), Some("BANK"));
/// # Ok::<(), apkalpe_core::ParseIbanError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §8: the Latvian length and BBAN format `4!a13!c`, and the MOD 97-10
/// check \[P1\]; bank code = first four letters of the BIC (confidence L).
///
/// Serves: T4.3, S27, S33.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Iban(AsciiBuffer<MAX_LENGTH>);

/// The error returned when text is not a valid IBAN.
///
/// Every position counts characters from 0 in the text as given, spaces included (decision
/// 0003), so the faulty character can be underlined in what the user typed.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Iban, ParseIbanError};
///
/// assert_eq!(
///     "LV80 BANK 0000 4351 95*0 1".parse::<Iban>(),
///     Err(ParseIbanError::Character { position: 22, found: '*' })
/// );
/// assert_eq!("  ".parse::<Iban>(), Err(ParseIbanError::Empty));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseIbanError {
    /// The text is empty or only whitespace.
    #[error("iban is empty")]
    Empty,
    /// A character that is not a letter, digit or whitespace, or a check digit that is a letter.
    #[error("unexpected character {found:?} at position {position} of the iban")]
    Character {
        /// Position in the text as given, whitespace included, counting characters from 0.
        position: usize,
        /// The character found there, as typed.
        found: char,
    },
    /// The first two letters or digits are not a country of the ISO 13616 registry.
    #[error("{country:?} is not an iban country")]
    Country {
        /// The first two letters or digits, upper-cased (one if the text holds only one).
        country: String,
    },
    /// The IBAN is too short or too long for its country.
    #[error("iban for {country} needs {expected} characters, found {found}")]
    Length {
        /// The country code.
        country: String,
        /// The length the registry gives for the country.
        expected: u8,
        /// The number of letters and digits found.
        found: usize,
    },
    /// The BBAN does not follow the country's format: a letter where the registry wants a digit,
    /// or the other way round.
    #[error("character at position {position} breaks the bban format of {country}")]
    BbanFormat {
        /// The country code.
        country: String,
        /// Position of the first offending character in the text as given, whitespace
        /// included, counting characters from 0.
        position: usize,
    },
    /// The check digits do not match the rest of the IBAN (or are 00, 01 or 99).
    #[error("iban check digits do not match")]
    Checksum,
}

impl ParseIbanError {
    /// Returns the stable error code, such as `iban.checksum`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// assert_eq!(Iban::try_new("LV81BANK0000435195001").unwrap_err().code(), "iban.checksum");
    /// assert_eq!(Iban::try_new("LV80BANK000043519500").unwrap_err().code(), "iban.length");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseIbanError::Empty => "iban.empty",
            ParseIbanError::Character { .. } => "iban.character",
            ParseIbanError::Country { .. } => "iban.country",
            ParseIbanError::Length { .. } => "iban.length",
            ParseIbanError::BbanFormat { .. } => "iban.bban_format",
            ParseIbanError::Checksum => "iban.checksum",
        }
    }
}

impl LocalizedError for ParseIbanError {
    fn code(&self) -> &'static str {
        ParseIbanError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseIbanError::Empty => f.write_str("IBAN nav norādīts"),
            ParseIbanError::Character { position, found } => write!(
                f,
                "IBAN numurā ir negaidīta rakstzīme {found:?} pozīcijā {position}"
            ),
            ParseIbanError::Country { country } => {
                write!(f, "{country:?} nav IBAN reģistra valsts")
            }
            ParseIbanError::Length {
                country,
                expected,
                found,
            } => write!(
                f,
                "{country} IBAN numurā jābūt {}, bet ir {}",
                latvian::count(latvian::CHARACTERS_DATIVE, usize::from(*expected)),
                latvian::count(latvian::CHARACTERS, *found)
            ),
            ParseIbanError::BbanFormat { country, position } => write!(
                f,
                "rakstzīme pozīcijā {position} neatbilst {country} BBAN formātam"
            ),
            ParseIbanError::Checksum => f.write_str("IBAN kontrolcipari nesakrīt"),
        }
    }
}

impl Iban {
    /// Parses and validates an IBAN in electronic or paper form; whitespace is ignored and
    /// letters may be in either case.
    ///
    /// The checks run in this order and the first failing one is reported: not empty,
    /// characters, country, length, check digits are digits, BBAN format, checksum. Positions
    /// in errors count characters of `text` as given, whitespace included.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let german = Iban::try_new("DE89 3704 0044 0532 0130 00")?;
    /// assert_eq!(german.as_str(), "DE89370400440532013000");
    /// let british = Iban::try_new("GB29NWBK60161331926819")?;
    /// assert_eq!(british.bank_code(), Some("NWBK"));
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`ParseIbanError::Empty`] for an empty or whitespace-only text;
    /// - [`ParseIbanError::Character`] for a character that is not a letter, digit or whitespace,
    ///   or a letter in the check digits;
    /// - [`ParseIbanError::Country`] unless the first two characters are a registry country;
    /// - [`ParseIbanError::Length`] when the length is not the country's;
    /// - [`ParseIbanError::BbanFormat`] when the BBAN breaks the country's format;
    /// - [`ParseIbanError::Checksum`] when the mod-97 check fails or the check digits are 00, 01
    ///   or 99.
    pub fn try_new(text: &str) -> Result<Self, ParseIbanError> {
        if text.trim().is_empty() {
            return Err(ParseIbanError::Empty);
        }
        let Normalized { buffer, count } = normalize::<MAX_LENGTH>(text, char::is_whitespace)
            .map_err(|(position, found)| ParseIbanError::Character { position, found })?;
        let stored = buffer.as_bytes();
        let country_bytes = stored.get(..2).unwrap_or(stored);
        let country = std::str::from_utf8(country_bytes).unwrap_or_default();
        let Some((_, (template, _))) = registry_entry(country) else {
            return Err(ParseIbanError::Country {
                country: country.to_owned(),
            });
        };
        let expected = template.len().saturating_add(4);
        if count != expected {
            return Err(ParseIbanError::Length {
                country: country.to_owned(),
                expected: u8::try_from(expected).unwrap_or(u8::MAX),
                found: count,
            });
        }
        let check = stored.get(2..4).unwrap_or_default();
        if let Some(index) = check.iter().position(|byte| !byte.is_ascii_digit()) {
            let stored = check
                .get(index)
                .copied()
                .map(char::from)
                .unwrap_or_default();
            let (position, found) = typed_position(text, index.saturating_add(2), stored);
            return Err(ParseIbanError::Character { position, found });
        }
        let bban = stored.get(4..).unwrap_or_default();
        if let Some(index) = template
            .bytes()
            .zip(bban)
            .position(|(class, &byte)| !fits_template(class, byte))
        {
            return Err(ParseIbanError::BbanFormat {
                country: country.to_owned(),
                position: typed_position(text, index.saturating_add(4), ' ').0,
            });
        }
        if matches!(check, b"00" | b"01" | b"99") || mod97_rotated(stored) != Some(1) {
            return Err(ParseIbanError::Checksum);
        }
        Ok(Iban(buffer))
    }

    /// Returns the electronic form: upper case, no spaces.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.as_str(), "LV80BANK0000435195001");
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Returns the paper form: groups of four characters separated by spaces
    /// (`LV80 BANK 0000 4351 9500 1`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.print_form(), "LV80 BANK 0000 4351 9500 1");
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
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

    /// Returns the two-letter country code of the registry.
    ///
    /// A `&str` rather than a [`CountryCode`](crate::CountryCode): the registry has `XK`
    /// (Kosovo), which ISO 3166-1 has not assigned.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.country(), "LV");
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    pub fn country(&self) -> &str {
        self.as_str().get(..2).unwrap_or_default()
    }

    /// Returns the two check digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.check_digits(), "80");
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    pub fn check_digits(&self) -> &str {
        self.as_str().get(2..4).unwrap_or_default()
    }

    /// Returns the BBAN: the national account number after the check digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.bban(), "BANK0000435195001");
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    pub fn bban(&self) -> &str {
        self.as_str().get(4..).unwrap_or_default()
    }

    /// Returns the bank identifier inside the BBAN, where the registry defines one: for Latvia
    /// the four-letter bank code (the first four letters of the bank's BIC, such as `HABA` for
    /// Swedbank).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Iban;
    ///
    /// let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    /// assert_eq!(iban.bank_code(), Some("BANK"));
    /// # Ok::<(), apkalpe_core::ParseIbanError>(())
    /// ```
    pub fn bank_code(&self) -> Option<&str> {
        let (_, (_, bank)) = registry_entry(self.country())?;
        let (start, end) = (*bank)?;
        self.bban().get(usize::from(start)..usize::from(end))
    }
}

/// Returns the registry entry of a country, or `None` for a country not in the registry.
fn registry_entry(country: &str) -> Option<&'static RegistryEntry> {
    look_up(&REGISTRY_INDEX, country).and_then(|position| REGISTRY.get(position))
}

/// Where each country sits in [`REGISTRY`], for a lookup without searching.
const REGISTRY_INDEX: [u8; 676] = letter_index(&REGISTRY);

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Iban").field(&self.as_str()).finish()
    }
}

impl FromStr for Iban {
    type Err = ParseIbanError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Iban::try_new(s)
    }
}

impl TryFrom<String> for Iban {
    type Error = ParseIbanError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Iban::try_new(&value)
    }
}

impl TryFrom<&str> for Iban {
    type Error = ParseIbanError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Iban::try_new(value)
    }
}

impl From<Iban> for String {
    fn from(iban: Iban) -> Self {
        iban.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::checksum::mod97_rotated;
    use super::*;

    fn iban(text: &str) -> Result<Iban, ParseIbanError> {
        Iban::try_new(text)
    }

    /// Completes `country` + `bban` with the check digits `98 − (bban ‖ country ‖ 00 mod 97)`.
    fn with_check_digits(country: &str, bban: &str) -> String {
        let rotated = format!("{country}00{bban}");
        let remainder = mod97_rotated(rotated.as_bytes()).unwrap();
        format!("{country}{:02}{bban}", 98 - remainder)
    }

    /// Fills a template: letters `B`, digits `1`, either-class positions alternating `C`/`7`.
    fn fill(template: &str) -> String {
        template
            .bytes()
            .enumerate()
            .map(|(index, class)| match class {
                b'a' => 'B',
                b'n' => '1',
                _ if index % 2 == 0 => 'C',
                _ => '7',
            })
            .collect()
    }

    #[test]
    fn accepts_the_examples() {
        // LV80BANK0000435195001: BANK0000435195001LV80 read as a number leaves remainder 1.
        assert_eq!(mod97_rotated(b"LV80BANK0000435195001"), Some(1));
        for text in [
            "LV80BANK0000435195001",
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "GB82WEST12345698765432",
        ] {
            let parsed = iban(text).unwrap();
            assert_eq!(parsed.to_string(), text);
            assert_eq!(iban(&parsed.print_form()).unwrap(), parsed);
            assert_eq!(iban(&text.to_lowercase()).unwrap(), parsed);
        }
        let german = iban("DE89370400440532013000").unwrap();
        assert_eq!(german.print_form(), "DE89 3704 0044 0532 0130 00");
        assert_eq!(german.bank_code(), Some("37040044"));
        assert_eq!(format!("{german:?}"), r#"Iban("DE89370400440532013000")"#);
        let polish = iban(&with_check_digits("PL", &"1".repeat(24))).unwrap();
        assert_eq!(polish.bank_code(), None);
        assert_eq!(
            iban("\u{a0}LV80 BANK\t0000 4351 9500 1 ")
                .unwrap()
                .country(),
            "LV"
        );
    }

    #[test]
    fn registry_is_sorted_and_agrees_with_iban_validate() {
        use ::iban::IbanLike as _;

        assert!(REGISTRY.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (country, (template, _)) in REGISTRY {
            assert!(template.len() + 4 <= MAX_LENGTH, "{country}");
            assert!(
                template.bytes().all(|class| b"anc".contains(&class)),
                "{country}"
            );
            // A filled template: both accept it, with the same bank identifier.
            let text = with_check_digits(country, &fill(template));
            let ours = iban(&text).unwrap();
            let theirs = ::iban::Iban::from_str(&text).unwrap();
            assert_eq!(ours.as_str(), theirs.electronic_str());
            assert_eq!(ours.bank_code(), theirs.bank_identifier(), "{country}");
            // One position of the wrong class: both reject it, as a BBAN format error.
            for (index, class) in template.bytes().enumerate() {
                let wrong = match class {
                    b'a' => '1',
                    b'n' => 'B',
                    _ => continue,
                };
                let mut bban = fill(template).into_bytes();
                bban[index] = wrong as u8;
                let text = with_check_digits(country, std::str::from_utf8(&bban).unwrap());
                assert!(
                    matches!(
                        ::iban::Iban::from_str(&text),
                        Err(::iban::ParseIbanError::InvalidBban(_))
                    ),
                    "{text}"
                );
                assert_eq!(
                    iban(&text),
                    Err(ParseIbanError::BbanFormat {
                        country: country.to_owned(),
                        position: index + 4
                    })
                );
            }
            // One character more or less: both reject it.
            for bban in [format!("{}1", fill(template)), fill(&template[1..])] {
                let text = with_check_digits(country, &bban);
                assert!(::iban::Iban::from_str(&text).is_err(), "{text}");
                assert_eq!(iban(&text).unwrap_err().code(), "iban.length");
            }
        }
        // And no two-letter code outside the registry is known to the crate.
        for first in b'A'..=b'Z' {
            for second in b'A'..=b'Z' {
                let country = String::from_utf8(vec![first, second]).unwrap();
                if registry_entry(&country).is_some() {
                    continue;
                }
                let text = with_check_digits(&country, "1234567890123456");
                assert!(
                    matches!(
                        ::iban::Iban::from_str(&text),
                        Err(::iban::ParseIbanError::UnknownCountry(_))
                    ),
                    "{country} is in the registry"
                );
                assert_eq!(iban(&text), Err(ParseIbanError::Country { country }));
            }
        }
    }

    #[test]
    fn reports_every_error_code() {
        assert_eq!(
            iban("LV80-BANK-0000-4351-9500-1"),
            Err(ParseIbanError::Character {
                position: 4,
                found: '-'
            })
        );
        // Positions count the text as typed, spaces included (decision 0003).
        assert_eq!(
            iban("LV80 BANK 0000 4351 9500 1-"),
            Err(ParseIbanError::Character {
                position: 26,
                found: '-'
            })
        );
        assert_eq!(
            iban(" LV8A BANK 0000 4351 9500 1"),
            Err(ParseIbanError::Character {
                position: 4,
                found: 'A'
            })
        );
        assert_eq!(
            iban("LV80BANKĀ000435195001"),
            Err(ParseIbanError::Character {
                position: 8,
                found: 'Ā'
            })
        );
        assert_eq!(
            iban("LVAB BANK 0000 4351 9500 1"),
            Err(ParseIbanError::Character {
                position: 2,
                found: 'A'
            })
        );
        assert_eq!(iban(""), Err(ParseIbanError::Empty));
        assert_eq!(iban(" \t\u{a0}"), Err(ParseIbanError::Empty));
        assert_eq!(
            iban("L"),
            Err(ParseIbanError::Country {
                country: "L".to_owned()
            })
        );
        assert_eq!(
            iban("US64SVBKUS6S3300958879"),
            Err(ParseIbanError::Country {
                country: "US".to_owned()
            })
        );
        assert_eq!(
            iban("12345"),
            Err(ParseIbanError::Country {
                country: "12".to_owned()
            })
        );
        assert_eq!(
            iban("LV80BANK000043519500"),
            Err(ParseIbanError::Length {
                country: "LV".to_owned(),
                expected: 21,
                found: 20
            })
        );
        assert_eq!(
            iban(&format!("LV80BANK0000435195001{}", "0".repeat(100))),
            Err(ParseIbanError::Length {
                country: "LV".to_owned(),
                expected: 21,
                found: 121
            })
        );
        assert_eq!(iban("LV81BANK0000435195001"), Err(ParseIbanError::Checksum));
        assert_eq!(iban("LV80BANK0000435195002"), Err(ParseIbanError::Checksum));
        assert_eq!(
            iban("LV00BANK0000435195001").unwrap_err().code(),
            "iban.checksum"
        );
        // A digit where the Latvian bank code wants letters (check digits correct or not).
        let digits_in_bank_code = with_check_digits("LV", "B2340000435195001");
        assert_eq!(
            iban(&digits_in_bank_code),
            Err(ParseIbanError::BbanFormat {
                country: "LV".to_owned(),
                position: 5
            })
        );
        // Typed with spaces, the position is the one in the typed text.
        let spaced = digits_in_bank_code
            .chars()
            .enumerate()
            .flat_map(|(index, c)| {
                (index > 0 && index % 4 == 0)
                    .then_some(' ')
                    .into_iter()
                    .chain([c])
            })
            .collect::<String>();
        assert_eq!(
            iban(&spaced),
            Err(ParseIbanError::BbanFormat {
                country: "LV".to_owned(),
                position: 6
            })
        );
        let codes = [
            iban(" ").unwrap_err(),
            iban("LV80_").unwrap_err(),
            iban("XX80").unwrap_err(),
            iban("LV80").unwrap_err(),
            iban(&digits_in_bank_code).unwrap_err(),
            iban("LV81BANK0000435195001").unwrap_err(),
        ]
        .map(|error| error.code());
        assert_eq!(
            codes,
            [
                "iban.empty",
                "iban.character",
                "iban.country",
                "iban.length",
                "iban.bban_format",
                "iban.checksum",
            ]
        );
    }

    #[test]
    fn check_digits_02_and_99_alias() {
        // Find a Latvian BBAN whose check digits are 02; its 99 twin passes mod 97 but is refused.
        let two = (0..200)
            .map(|n| with_check_digits("LV", &format!("BANK{n:013}")))
            .find(|text| text.get(2..4) == Some("02"))
            .unwrap();
        assert!(iban(&two).is_ok());
        let ninety_nine = format!("LV99{}", &two[4..]);
        assert_eq!(mod97_rotated(ninety_nine.as_bytes()), Some(1));
        assert_eq!(iban(&ninety_nine), Err(ParseIbanError::Checksum));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_constructor() {
        let parsed = iban("LV80BANK0000435195001").unwrap();
        let json = serde_json::to_string(&parsed).unwrap();
        assert_eq!(json, r#""LV80BANK0000435195001""#);
        assert_eq!(serde_json::from_str::<Iban>(&json).unwrap(), parsed);
        assert_eq!(
            serde_json::from_str::<Iban>(r#""LV80 BANK 0000 4351 9500 1""#).unwrap(),
            parsed
        );
        assert!(serde_json::from_str::<Iban>(r#""LV81BANK0000435195001""#).is_err());
    }
}
