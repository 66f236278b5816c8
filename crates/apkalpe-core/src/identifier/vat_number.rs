//! VAT identification numbers of the EU member states (*PVN reģistrācijas numurs*).

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::ascii::{
    AsciiBuffer, Normalized, fits_template, letter_index, look_up, normalize, typed_position,
};
use super::{
    ParsePersonalCodeError, ParseRegistrationNumberError, PersonalCode, RegistrationNumber,
};
use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The longest canonical VAT number: "NL" + 12 characters.
const MAX_LENGTH: usize = 14;

/// The body formats of each prefix, sorted by prefix (lookups go through [`FORMATS_INDEX`]).
///
/// In a template `n` is a digit, `a` a letter, `c` a letter or digit, and any other character
/// stands for itself. The formats are those the EU's VIES service publishes for each state; they
/// check shape only, not each state's check digit (Latvia's is checked in full).
const FORMATS: [(&str, &[&str]); 28] = [
    ("AT", &["Unnnnnnnn"]),
    ("BE", &["nnnnnnnnnn"]),
    ("BG", &["nnnnnnnnn", "nnnnnnnnnn"]),
    ("CY", &["nnnnnnnna"]),
    ("CZ", &["nnnnnnnn", "nnnnnnnnn", "nnnnnnnnnn"]),
    ("DE", &["nnnnnnnnn"]),
    ("DK", &["nnnnnnnn"]),
    ("EE", &["nnnnnnnnn"]),
    ("EL", &["nnnnnnnnn"]),
    ("ES", &["cnnnnnnnc"]),
    ("FI", &["nnnnnnnn"]),
    ("FR", &["ccnnnnnnnnn"]),
    ("HR", &["nnnnnnnnnnn"]),
    ("HU", &["nnnnnnnn"]),
    ("IE", &["ncnnnnna", "nnnnnnnaa"]),
    ("IT", &["nnnnnnnnnnn"]),
    ("LT", &["nnnnnnnnn", "nnnnnnnnnnnn"]),
    ("LU", &["nnnnnnnn"]),
    ("LV", &["nnnnnnnnnnn"]),
    ("MT", &["nnnnnnnn"]),
    ("NL", &["nnnnnnnnnBnn"]),
    ("PL", &["nnnnnnnnnn"]),
    ("PT", &["nnnnnnnnn"]),
    (
        "RO",
        &[
            "nn",
            "nnn",
            "nnnn",
            "nnnnn",
            "nnnnnn",
            "nnnnnnn",
            "nnnnnnnn",
            "nnnnnnnnn",
            "nnnnnnnnnn",
        ],
    ),
    ("SE", &["nnnnnnnnnn01"]),
    ("SI", &["nnnnnnnn"]),
    ("SK", &["nnnnnnnnnn"]),
    ("XI", &["nnnnnnnnn", "nnnnnnnnnnnn", "GDnnn", "HAnnn"]),
];

/// Where each prefix sits in [`FORMATS`], for a lookup without searching.
const FORMATS_INDEX: [u8; 676] = letter_index(&FORMATS);

/// A VAT identification number (*PVN reģistrācijas numurs*) of an EU member state: a two-letter
/// prefix and the national body, such as `LV40003521600`.
///
/// The prefixes are the 27 member states' (Greece is `EL`, not `GR`) and `XI` for Northern
/// Ireland. Other states' bodies are checked by shape (length and character classes, as the EU's
/// VIES service publishes them), not by their national check digits. A Latvian body is checked in
/// full, following python-stdnum: a first digit above 3 makes it a [`RegistrationNumber`],
/// anything else a [`PersonalCode`] (an individual's VAT number is their personal code). One
/// deviation: a Latvian body starting with 6, 7 or 8 is rejected, since no registration numbers
/// start with those digits (see [`RegistrationNumber`]).
///
/// Parsing ignores spaces, hyphens and dots and upper-cases letters; the canonical form is the
/// prefix and body with no separators, stored inline (no allocation). [`Debug`](fmt::Debug)
/// masks a Latvian body that is a personal code.
///
/// Serialised as the canonical string and deserialised through [`VatNumber::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::VatNumber;
///
/// let number: VatNumber = "lv 4000-3521.600".parse()?;
/// assert_eq!(number.to_string(), "LV40003521600");
/// assert_eq!(number.country_prefix(), "LV");
/// assert_eq!(number.body(), "40003521600");
/// assert!(number.to_registration_number().is_some());
///
/// let greek = VatNumber::try_new("EL094259216")?;
/// assert_eq!(greek.country_prefix(), "EL");
/// assert!(VatNumber::try_new("GR094259216").is_err());
/// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §7: a Latvian VAT number is "LV" + the registration number or the
/// personal code \[ID1\]\[ID7\]; python-stdnum's `pvn.validate` logic \[ID1\].
///
/// Serves: S8, S27, S30.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct VatNumber(AsciiBuffer<MAX_LENGTH>);

/// The error returned when text is not a valid VAT identification number.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{ParseVatNumberError, VatNumber};
///
/// assert_eq!(
///     "US123456789".parse::<VatNumber>(),
///     Err(ParseVatNumberError::Prefix { found: "US".to_owned() })
/// );
/// assert_eq!("LV40003521601".parse::<VatNumber>().unwrap_err().code(), "vat_number.registration_number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseVatNumberError {
    /// The text does not start with the prefix of an EU member state or `XI`.
    #[error("unknown vat number prefix {found:?}")]
    Prefix {
        /// The first two characters, upper-cased (fewer if the text is shorter).
        found: String,
    },
    /// The body is too short or too long for the prefix.
    #[error("vat number body for {prefix} needs {min} to {max} characters, found {found}")]
    Length {
        /// The country prefix.
        prefix: String,
        /// The fewest characters a body may have.
        min: usize,
        /// The most characters a body may have.
        max: usize,
        /// The number of characters found after the prefix.
        found: usize,
    },
    /// A character that is not allowed there: not a letter or digit at all, or a letter where
    /// the format wants a digit (or the other way round).
    #[error("unexpected character {found:?} at position {position} of the vat number")]
    Character {
        /// Position in the text as given, separators included, counting characters from 0
        /// (decision 0003).
        position: usize,
        /// The character found there, as typed.
        found: char,
    },
    /// A Latvian VAT number whose body (first digit above 3) is not a valid registration number.
    #[error("latvian vat number does not hold a valid registration number")]
    RegistrationNumber {
        /// What is wrong with the registration number.
        #[source]
        source: ParseRegistrationNumberError,
    },
    /// A Latvian VAT number whose body (first digit 0–3) is not a valid personal code.
    #[error("latvian vat number does not hold a valid personal code")]
    PersonalCode {
        /// What is wrong with the personal code.
        #[source]
        source: ParsePersonalCodeError,
    },
}

impl ParseVatNumberError {
    /// Returns the stable error code, such as `vat_number.prefix`.
    ///
    /// The Latvian variants have their own codes; the code of the wrapped error is available
    /// through their `source` field.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatNumber;
    ///
    /// assert_eq!(VatNumber::try_new("GR094259216").unwrap_err().code(), "vat_number.prefix");
    /// assert_eq!(
    ///     VatNumber::try_new("LV40003521601").unwrap_err().code(),
    ///     "vat_number.registration_number"
    /// );
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseVatNumberError::Prefix { .. } => "vat_number.prefix",
            ParseVatNumberError::Length { .. } => "vat_number.length",
            ParseVatNumberError::Character { .. } => "vat_number.character",
            ParseVatNumberError::RegistrationNumber { .. } => "vat_number.registration_number",
            ParseVatNumberError::PersonalCode { .. } => "vat_number.personal_code",
        }
    }
}

impl LocalizedError for ParseVatNumberError {
    fn code(&self) -> &'static str {
        ParseVatNumberError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseVatNumberError::Prefix { found } => {
                write!(f, "nezināms PVN numura prefikss {found:?}")
            }
            ParseVatNumberError::Length {
                prefix,
                min,
                max,
                found,
            } => {
                write!(f, "PVN numurā pēc {prefix} jābūt ")?;
                if min != max {
                    write!(f, "no {min} līdz ")?;
                }
                write!(
                    f,
                    "{}, bet ir {}",
                    latvian::count(latvian::CHARACTERS_DATIVE, *max),
                    latvian::count(latvian::CHARACTERS, *found)
                )
            }
            ParseVatNumberError::Character { position, found } => write!(
                f,
                "PVN numurā ir negaidīta rakstzīme {found:?} pozīcijā {position}"
            ),
            ParseVatNumberError::RegistrationNumber { .. } => {
                f.write_str("Latvijas PVN numurā nav derīga reģistrācijas numura")
            }
            ParseVatNumberError::PersonalCode { .. } => {
                f.write_str("Latvijas PVN numurā nav derīga personas koda")
            }
        }
    }
}

impl VatNumber {
    /// Parses and validates a VAT number, ignoring spaces, hyphens and dots; letters may be in
    /// either case.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatNumber;
    ///
    /// assert_eq!(VatNumber::try_new("de 136 695 976")?.as_str(), "DE136695976");
    /// assert_eq!(VatNumber::try_new("NL.8056.89145.B01")?.body(), "805689145B01");
    /// assert_eq!(VatNumber::try_new("LV16117519997")?.body(), "16117519997");
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`ParseVatNumberError::Character`] for a character that is not a letter, digit or
    ///   separator, or that does not fit the country's format;
    /// - [`ParseVatNumberError::Prefix`] unless the text starts with a member state's prefix or
    ///   `XI`;
    /// - [`ParseVatNumberError::Length`] when the body has a length the country does not use;
    /// - [`ParseVatNumberError::RegistrationNumber`] or [`ParseVatNumberError::PersonalCode`]
    ///   when a Latvian body fails its own check.
    pub fn try_new(text: &str) -> Result<Self, ParseVatNumberError> {
        let Normalized { buffer, count } = normalize::<MAX_LENGTH>(text, |character| {
            character.is_whitespace() || character == '-' || character == '.'
        })
        .map_err(|(position, found)| ParseVatNumberError::Character { position, found })?;
        let stored = buffer.as_bytes();
        let (prefix, body) = stored.split_at_checked(2).unwrap_or((stored, &[]));
        let prefix = std::str::from_utf8(prefix).unwrap_or_default();
        let Some(templates) = templates_of(prefix) else {
            return Err(ParseVatNumberError::Prefix {
                found: prefix.to_owned(),
            });
        };
        let body_length = count.saturating_sub(2);
        if !templates
            .iter()
            .any(|template| template.len() == body_length)
        {
            let lengths = templates.iter().map(|template| template.len());
            return Err(ParseVatNumberError::Length {
                prefix: prefix.to_owned(),
                min: lengths.clone().min().unwrap_or_default(),
                max: lengths.max().unwrap_or_default(),
                found: body_length,
            });
        }
        check_templates(templates, body).map_err(|(index, stored)| {
            let (position, found) = typed_position(text, index.saturating_add(2), stored);
            ParseVatNumberError::Character { position, found }
        })?;
        let body_text = std::str::from_utf8(body).unwrap_or_default();
        if prefix == "LV" {
            check_latvian_body(body_text)?;
        }
        Ok(VatNumber(buffer))
    }

    /// Returns the two-letter prefix: the country code, except `EL` for Greece and `XI` for
    /// Northern Ireland.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatNumber;
    ///
    /// let number: VatNumber = "de 136 695 976".parse()?;
    /// assert_eq!(number.country_prefix(), "DE");
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    pub fn country_prefix(&self) -> &str {
        self.as_str().get(..2).unwrap_or_default()
    }

    /// Returns the national part after the prefix.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatNumber;
    ///
    /// let number: VatNumber = "de 136 695 976".parse()?;
    /// assert_eq!(number.body(), "136695976");
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    pub fn body(&self) -> &str {
        self.as_str().get(2..).unwrap_or_default()
    }

    /// Returns the canonical form: prefix and body, no separators.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatNumber;
    ///
    /// let number: VatNumber = "de 136 695 976".parse()?;
    /// assert_eq!(number.as_str(), "DE136695976");
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Returns the registration number a Latvian VAT number of a legal entity holds, or `None`
    /// for other countries and for individuals.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RegistrationNumber, VatNumber};
    ///
    /// let number = VatNumber::try_new("LV40003521600")?;
    /// assert_eq!(
    ///     number.to_registration_number(),
    ///     RegistrationNumber::try_new("40003521600").ok()
    /// );
    /// assert_eq!(VatNumber::try_new("LV16117519997")?.to_registration_number(), None);
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    pub fn to_registration_number(&self) -> Option<RegistrationNumber> {
        if self.country_prefix() != "LV" {
            return None;
        }
        RegistrationNumber::try_new(self.body()).ok()
    }

    /// Returns the personal code a Latvian VAT number of an individual holds, or `None` for other
    /// countries and for legal entities.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{PersonalCode, VatNumber};
    ///
    /// let number = VatNumber::try_new("LV16117519997")?;
    /// assert_eq!(number.to_personal_code(), PersonalCode::try_new("161175-19997").ok());
    /// assert_eq!(format!("{number:?}"), r#"VatNumber("LV161175*****")"#);
    /// # Ok::<(), apkalpe_core::ParseVatNumberError>(())
    /// ```
    pub fn to_personal_code(&self) -> Option<PersonalCode> {
        if self.country_prefix() != "LV" || is_entity_body(self.body()) {
            return None;
        }
        PersonalCode::try_new(self.body()).ok()
    }
}

/// Returns the body templates of a prefix, or `None` for an unknown prefix.
fn templates_of(prefix: &str) -> Option<&'static [&'static str]> {
    look_up(&FORMATS_INDEX, prefix)
        .and_then(|position| FORMATS.get(position))
        .map(|(_, templates)| *templates)
}

/// Checks the body against the templates of its length; on a mismatch reports the character
/// where the best-matching template failed.
/// Checks a body against the templates of its length; the index in the body and the character
/// of the furthest-reaching mismatch when none fits.
fn check_templates(templates: &[&str], body: &[u8]) -> Result<(), (usize, char)> {
    let mut furthest: Option<usize> = None;
    for template in templates
        .iter()
        .filter(|template| template.len() == body.len())
    {
        match template
            .bytes()
            .zip(body)
            .position(|(class, &byte)| !fits_template(class, byte))
        {
            None => return Ok(()),
            Some(index) => furthest = furthest.max(Some(index)),
        }
    }
    let index = furthest.unwrap_or_default();
    Err((
        index,
        body.get(index).copied().map(char::from).unwrap_or_default(),
    ))
}

/// Tells whether a Latvian body is a registration number (first digit above 3) rather than a
/// personal code, as python-stdnum decides.
fn is_entity_body(body: &str) -> bool {
    body.bytes().next().is_some_and(|first| first > b'3')
}

/// Checks the 11 digits of a Latvian VAT number as a registration number or a personal code.
fn check_latvian_body(body: &str) -> Result<(), ParseVatNumberError> {
    if is_entity_body(body) {
        RegistrationNumber::try_new(body)
            .map(|_| ())
            .map_err(|source| ParseVatNumberError::RegistrationNumber { source })
    } else {
        PersonalCode::try_new(body)
            .map(|_| ())
            .map_err(|source| ParseVatNumberError::PersonalCode { source })
    }
}

impl fmt::Display for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for VatNumber {
    /// Prints the number, masking a Latvian body that is a personal code as [`PersonalCode`]'s
    /// `Debug` does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_personal_code() {
            Some(code) => {
                let masked = format!("{code:?}");
                let digits: String = masked
                    .chars()
                    .filter(|character| character.is_ascii_digit() || *character == '*')
                    .collect();
                let shown = format!("LV{digits}");
                f.debug_tuple("VatNumber").field(&shown).finish()
            }
            None => f.debug_tuple("VatNumber").field(&self.as_str()).finish(),
        }
    }
}

impl FromStr for VatNumber {
    type Err = ParseVatNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        VatNumber::try_new(s)
    }
}

impl TryFrom<String> for VatNumber {
    type Error = ParseVatNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        VatNumber::try_new(&value)
    }
}

impl TryFrom<&str> for VatNumber {
    type Error = ParseVatNumberError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        VatNumber::try_new(value)
    }
}

impl From<VatNumber> for String {
    fn from(number: VatNumber) -> Self {
        number.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vat(text: &str) -> Result<VatNumber, ParseVatNumberError> {
        VatNumber::try_new(text)
    }

    #[test]
    fn table_is_sorted_has_every_member_state_and_fits_the_buffer() {
        assert!(FORMATS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        let members = [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        ];
        assert_eq!(members.len(), 27);
        for member in members {
            assert!(templates_of(member).is_some(), "{member}");
        }
        assert!(templates_of("GR").is_none());
        assert!(templates_of("GB").is_none());
        for (_, templates) in FORMATS {
            assert!(
                templates
                    .iter()
                    .all(|template| template.len() + 2 <= MAX_LENGTH)
            );
        }
    }

    #[test]
    fn accepts_the_facts_examples_for_latvia() {
        for text in ["LV40003521600", "LV40003584818", "LV40103471306"] {
            let number = vat(text).unwrap();
            assert_eq!(number.as_str(), text);
            assert!(number.to_registration_number().is_some());
            assert!(number.to_personal_code().is_none());
        }
        for text in [
            "LV16117519997",
            "LV32867300679",
            "LV32503511782",
            "LV161175-19997",
        ] {
            let number = vat(text).unwrap();
            assert!(number.to_personal_code().is_some());
            assert!(number.to_registration_number().is_none());
        }
        assert_eq!(
            format!("{:?}", vat("LV32867300679").unwrap()),
            r#"VatNumber("LV32*********")"#
        );
        assert_eq!(
            format!("{:?}", vat("LV40003521600").unwrap()),
            r#"VatNumber("LV40003521600")"#
        );
    }

    #[test]
    fn accepts_one_example_per_prefix() {
        let examples = [
            "ATU13585627",
            "BE0776091951",
            "BG175074752",
            "BG1750747521",
            "CY10259033P",
            "CZ25123891",
            "CZ7103192745",
            "DE136695976",
            "DK13585628",
            "EE100931558",
            "EL094259216",
            "ESA12345674",
            "ES12345678Z",
            "FI20774740",
            "FR40303265045",
            "FRK7399859412",
            "HR33392005961",
            "HU12892312",
            "IE6388047V",
            "IE1X23456X",
            "IE1234567WA",
            "IT00743110157",
            "LT119511515",
            "LT100001919017",
            "LU15027442",
            "MT11679112",
            "NL805689145B01",
            "PL5260001246",
            "PT501964843",
            "RO18547290",
            "RO12",
            "SE556188840401",
            "SI50223054",
            "SK2022749619",
            "XI980780684",
            "XIGD001",
            "XIHA500",
        ];
        for text in examples {
            let number = vat(text).unwrap_or_else(|error| panic!("{text}: {error}"));
            assert_eq!(number.to_string(), text);
            assert_eq!(vat(&text.to_lowercase()).unwrap(), number);
        }
    }

    #[test]
    fn reports_every_error_code() {
        assert_eq!(
            vat("GR094259216"),
            Err(ParseVatNumberError::Prefix {
                found: "GR".to_owned()
            })
        );
        assert_eq!(
            vat(""),
            Err(ParseVatNumberError::Prefix {
                found: String::new()
            })
        );
        assert_eq!(
            vat("L"),
            Err(ParseVatNumberError::Prefix {
                found: "L".to_owned()
            })
        );
        assert_eq!(
            vat("40003521600"),
            Err(ParseVatNumberError::Prefix {
                found: "40".to_owned()
            })
        );
        assert_eq!(
            vat("DE13669597"),
            Err(ParseVatNumberError::Length {
                prefix: "DE".to_owned(),
                min: 9,
                max: 9,
                found: 8
            })
        );
        assert_eq!(
            vat("RO12345678901"),
            Err(ParseVatNumberError::Length {
                prefix: "RO".to_owned(),
                min: 2,
                max: 10,
                found: 11
            })
        );
        assert_eq!(vat("LV").unwrap_err().code(), "vat_number.length");
        assert_eq!(
            vat("LV4000352160099999999999999").unwrap_err().code(),
            "vat_number.length"
        );
        assert_eq!(
            vat("DE13669597X"),
            Err(ParseVatNumberError::Character {
                position: 10,
                found: 'X'
            })
        );
        // Positions count the text as typed, separators included (decision 0003).
        assert_eq!(
            vat("DE 136/695 976"),
            Err(ParseVatNumberError::Character {
                position: 6,
                found: '/'
            })
        );
        assert_eq!(
            vat("de 136 695 97x"),
            Err(ParseVatNumberError::Character {
                position: 13,
                found: 'x'
            })
        );
        assert_eq!(
            vat("NL805689145C01"),
            Err(ParseVatNumberError::Character {
                position: 11,
                found: 'C'
            })
        );
        assert_eq!(
            vat("ATX13585627"),
            Err(ParseVatNumberError::Character {
                position: 2,
                found: 'X'
            })
        );
        assert_eq!(
            vat("XIGE001"),
            Err(ParseVatNumberError::Character {
                position: 3,
                found: 'E'
            })
        );
        assert_eq!(
            vat("LVĀ0003521600").unwrap_err().code(),
            "vat_number.character"
        );
        assert_eq!(
            vat("LV40003521601"),
            Err(ParseVatNumberError::RegistrationNumber {
                source: ParseRegistrationNumberError::Checksum { remainder: 4 }
            })
        );
        assert_eq!(
            vat("LV60003521600").unwrap_err().code(),
            "vat_number.registration_number"
        );
        assert_eq!(
            vat("LV16117519998"),
            Err(ParseVatNumberError::PersonalCode {
                source: ParsePersonalCodeError::Checksum {
                    expected: 7,
                    found: 8
                }
            })
        );
        assert_eq!(
            vat("LV31027519990").unwrap_err().code(),
            "vat_number.personal_code"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_constructor() {
        let number = vat("LV40003521600").unwrap();
        let json = serde_json::to_string(&number).unwrap();
        assert_eq!(json, r#""LV40003521600""#);
        assert_eq!(serde_json::from_str::<VatNumber>(&json).unwrap(), number);
        assert!(serde_json::from_str::<VatNumber>(r#""GR094259216""#).is_err());
    }
}
