//! Party identifiers as scheme and value: what identifies a party that is not Latvian (a
//! Norwegian organisation number, a US employer identification number, a British VAT number),
//! with no Latvian format forced on it.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Coded, Fields, PartyError, check_text};
use crate::Language;
use crate::{CountryCode, RegistrationNumber, VatNumber};

/// The longest identifier value, in characters.
const MAX_VALUE_CHARS: usize = 100;

/// The Peppol EAS code of each EU member state's VAT number that has one, by prefix: 9939 for
/// Latvia (sources §12, C \[X1\]), the others from the same Peppol EAS code list (L). Denmark,
/// Finland and Sweden have none.
const VAT_SCHEMES: [(&str, u16); 24] = [
    ("AT", 9914),
    ("BE", 9925),
    ("BG", 9926),
    ("CY", 9928),
    ("CZ", 9929),
    ("DE", 9930),
    ("EE", 9931),
    ("EL", 9933),
    ("ES", 9920),
    ("FR", 9957),
    ("HR", 9934),
    ("HU", 9910),
    ("IE", 9935),
    ("IT", 9906),
    ("LT", 9937),
    ("LU", 9938),
    ("LV", 9939),
    ("MT", 9943),
    ("NL", 9944),
    ("PL", 9945),
    ("PT", 9946),
    ("RO", 9947),
    ("SI", 9949),
    ("SK", 9950),
];

/// The code of the Latvian unified registration number in ISO/IEC 6523 ICD (sources §12, L
/// \[X2\]).
const LATVIAN_REGISTRATION: u16 = 218;

/// The scheme of a [`PartyIdentifier`]: `VAT` for a VAT identification number, or a
/// four-digit code of the ISO/IEC 6523 ICD list or the Peppol EAS list (`0192` Norwegian
/// organisation number, `0218` Latvian registration number, `9959` US employer
/// identification number…).
///
/// Parsed from `VAT` (any case) or four digits; serialised the same way (`"VAT"`, `"0192"`).
///
/// # Examples
///
/// ```
/// use apkalpe_core::IdentifierScheme;
///
/// let norway: IdentifierScheme = "0192".parse()?;
/// assert_eq!(norway, IdentifierScheme::try_from_code(192)?);
/// assert_eq!(norway.code(), Some(192));
/// assert_eq!(norway.to_string(), "0192");
/// assert_eq!("vat".parse::<IdentifierScheme>()?, IdentifierScheme::VAT);
/// assert_eq!(IdentifierScheme::for_vat_prefix("LV"), "9939".parse().ok());
/// assert!("EIN".parse::<IdentifierScheme>().is_err());
/// assert!(IdentifierScheme::try_from_code(10_000).is_err());
/// # Ok::<(), apkalpe_core::PartyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct IdentifierScheme(Scheme);

/// What an [`IdentifierScheme`] is: the field stays private, so a code never exceeds four
/// digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Scheme {
    /// A VAT identification number with its two-letter country prefix (EN 16931 BT-31,
    /// BT-48).
    Vat,
    /// A scheme of the ISO/IEC 6523 ICD list or the Peppol EAS list, by its code (0–9999).
    Code(u16),
}

/// The largest scheme code: four digits.
const MAX_CODE: u16 = 9999;

impl IdentifierScheme {
    /// `VAT`: a VAT identification number with its country prefix (EN 16931 BT-31, BT-48).
    pub const VAT: IdentifierScheme = IdentifierScheme(Scheme::Vat);

    /// The scheme of Latvian registration numbers, ICD `0218`.
    pub const LATVIAN_REGISTRATION: IdentifierScheme =
        IdentifierScheme(Scheme::Code(LATVIAN_REGISTRATION));

    /// Makes the scheme of a four-digit ICD or EAS code (`192` is `0192`).
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with field `scheme` and code `party.identifier_scheme` above
    /// 9999.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert_eq!(IdentifierScheme::try_from_code(218)?, IdentifierScheme::LATVIAN_REGISTRATION);
    /// assert_eq!(IdentifierScheme::try_from_code(10_000).unwrap_err().fields()[0].code(), "party.identifier_scheme");
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn try_from_code(code: u16) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        let scheme = fields.take(
            "scheme",
            (code <= MAX_CODE)
                .then_some(IdentifierScheme(Scheme::Code(code)))
                .ok_or(SchemeProblem),
        );
        fields.finish(scheme)
    }

    /// Parses a scheme: `VAT` in any case, or four digits.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with field `scheme` and code `party.identifier_scheme` for any
    /// other text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert_eq!(IdentifierScheme::try_new(" vat ")?, IdentifierScheme::VAT);
    /// assert_eq!(IdentifierScheme::try_new("0218")?, IdentifierScheme::LATVIAN_REGISTRATION);
    /// assert!(IdentifierScheme::try_new("218").is_err());
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        let scheme = fields.take("scheme", parse_scheme(text));
        fields.finish(scheme)
    }

    /// Returns the Peppol EAS code of an EU member state's VAT numbers by their prefix
    /// (`LV` → `9939`), or `None` where the list has none (Denmark, Finland, Sweden, states
    /// outside the EU).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert_eq!(IdentifierScheme::for_vat_prefix("LV").and_then(|scheme| scheme.code()), Some(9939));
    /// assert_eq!(IdentifierScheme::for_vat_prefix("NO"), None);
    /// ```
    pub fn for_vat_prefix(prefix: &str) -> Option<IdentifierScheme> {
        VAT_SCHEMES
            .iter()
            .find(|(known, _)| *known == prefix)
            .map(|(_, code)| IdentifierScheme(Scheme::Code(*code)))
    }

    /// Returns the VAT number prefix of an EAS VAT scheme (`9939` → `LV`), or `None` for
    /// other schemes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert_eq!(IdentifierScheme::try_from_code(9939)?.vat_prefix(), Some("LV"));
    /// assert_eq!(IdentifierScheme::LATVIAN_REGISTRATION.vat_prefix(), None);
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn vat_prefix(self) -> Option<&'static str> {
        let code = self.code()?;
        VAT_SCHEMES
            .iter()
            .find(|(_, known)| *known == code)
            .map(|(prefix, _)| *prefix)
    }

    /// Returns the four-digit code, if the scheme is one (`None` for `VAT`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert_eq!(IdentifierScheme::LATVIAN_REGISTRATION.code(), Some(218));
    /// assert_eq!(IdentifierScheme::VAT.code(), None);
    /// ```
    pub const fn code(self) -> Option<u16> {
        match self.0 {
            Scheme::Code(code) => Some(code),
            Scheme::Vat => None,
        }
    }

    /// Tells whether the scheme is `VAT`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::IdentifierScheme;
    ///
    /// assert!(IdentifierScheme::VAT.is_vat());
    /// assert!(!IdentifierScheme::LATVIAN_REGISTRATION.is_vat());
    /// ```
    pub const fn is_vat(self) -> bool {
        matches!(self.0, Scheme::Vat)
    }
}

/// Why a scheme text was refused.
#[derive(Debug)]
struct SchemeProblem;

impl Coded for SchemeProblem {
    fn code(&self) -> &'static str {
        "party.identifier_scheme"
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match language {
            Language::Latvian => {
                "shēmai jābūt VAT vai četrciparu ISO/IEC 6523 ICD vai Peppol EAS kodam"
            }
            _ => "scheme must be VAT or a four-digit ISO/IEC 6523 ICD or Peppol EAS code",
        })
    }
}

fn parse_scheme(text: &str) -> Result<IdentifierScheme, SchemeProblem> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("VAT") {
        return Ok(IdentifierScheme::VAT);
    }
    let bytes = text.as_bytes();
    if bytes.len() != 4 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(SchemeProblem);
    }
    text.parse::<u16>()
        .map(|code| IdentifierScheme(Scheme::Code(code)))
        .map_err(|_| SchemeProblem)
}

impl fmt::Display for IdentifierScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Scheme::Vat => f.write_str("VAT"),
            Scheme::Code(code) => write!(f, "{code:04}"),
        }
    }
}

impl FromStr for IdentifierScheme {
    type Err = PartyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IdentifierScheme::try_new(s)
    }
}

impl TryFrom<String> for IdentifierScheme {
    type Error = PartyError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        IdentifierScheme::try_new(&value)
    }
}

impl From<IdentifierScheme> for String {
    fn from(scheme: IdentifierScheme) -> Self {
        scheme.to_string()
    }
}

/// An identifier of a party as scheme and value (*identifikators*): a foreign registration
/// number, a VAT number of a state outside the EU, or any other identifier EN 16931 lets a
/// party carry (BT-29, BT-30, BT-31, BT-34 and the buyer's BT-46 to BT-49).
///
/// Checked by the rules of the schemes we know, kept verbatim (trimmed) otherwise:
///
/// | scheme | value |
/// |---|---|
/// | `0218` (Latvian registration number) | a [`RegistrationNumber`], its checksum included; kept in its canonical form |
/// | `VAT` with an EU prefix (or `XI`), and the EU VAT schemes of the EAS list (`9939` Latvia, `9930` Germany…) | a [`VatNumber`] of that state, checked by its format (Latvia's in full); canonical form |
/// | `VAT` with another prefix | starts with the two-letter ISO 3166-1 code of the issuing state (EN 16931 BR-CO-09): `NO974760673MVA`, `GB123456789`; kept as given |
/// | any other code, or no scheme | 1–100 characters without control characters, as given |
///
/// A [`Party`](crate::Party) keeps a Latvian registration number and an EU VAT number in
/// their own fields, where documents look for them; the other identifiers it keeps as they
/// are (see [`Party::try_with_identifier`](crate::Party::try_with_identifier)).
///
/// Serialised as `{"scheme", "value"}` (no `scheme` when there is none) and deserialised
/// through [`PartyIdentifier::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
///
/// let org_number = PartyIdentifier::try_new(Some("0192".parse()?), "974760673")?;
/// assert_eq!(org_number.value(), "974760673");
///
/// let norwegian_vat = PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "NO974760673MVA")?;
/// assert_eq!(norwegian_vat.value(), "NO974760673MVA");
///
/// // A Latvian or EU identifier is checked by its own rules.
/// let wrong = PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "LV40003521601").unwrap_err();
/// assert_eq!(wrong.fields()[0].code(), "vat_number.registration_number");
/// let unprefixed = PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "974760673").unwrap_err();
/// assert_eq!(unprefixed.fields()[0].code(), "party.identifier_vat_prefix");
///
/// // No scheme: a register without a code, kept as given.
/// let ein = PartyIdentifier::try_new(None, " 12-3456789 ")?;
/// assert_eq!((ein.scheme(), ein.value()), (None, "12-3456789"));
/// # Ok::<(), apkalpe_core::PartyError>(())
/// ```
///
/// # Legal basis
///
/// Grāmatvedības likums art. 11(5): the other parties are named by data that identifies them
/// unambiguously, no particular format (sources §3b \[I4\]); §12: EAS 9939 and ICD 0218
/// \[X1\]\[X2\].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PartyIdentifierInput"))]
pub struct PartyIdentifier {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    scheme: Option<IdentifierScheme>,
    value: String,
}

/// A party identifier as entered: the raw form of [`PartyIdentifier`].
///
/// A plain record the caller fills in; [`PartyIdentifier::try_from`] checks it.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{PartyIdentifier, PartyIdentifierInput};
///
/// let input: PartyIdentifierInput = serde_json::from_str(r#"{"scheme": "9959", "value": "12-3456789"}"#)?;
/// let identifier = PartyIdentifier::try_from(input)?;
/// assert_eq!(identifier.value(), "12-3456789");
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartyIdentifierInput {
    /// `VAT` or a four-digit ICD or EAS code; blank or absent for none.
    #[cfg_attr(feature = "serde", serde(default))]
    pub scheme: Option<String>,
    /// The identifier.
    pub value: String,
}

/// What an identifier is, once checked: where a [`Party`](crate::Party) keeps it.
pub(super) enum Checked {
    /// A Latvian registration number (scheme 0218).
    Registration(RegistrationNumber),
    /// An EU VAT number (scheme `VAT` with an EU prefix, or an EU EAS VAT scheme), with the
    /// scheme it was given under.
    Vat(VatNumber, IdentifierScheme),
    /// Anything else, kept as given.
    Other(PartyIdentifier),
}

impl PartyIdentifier {
    /// Checks an identifier; see the table on the type for the rules.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with field `value`: `text.blank`, `text.too_long` (above 100
    /// characters) or `text.control_character`; `party.identifier_vat_prefix` for a VAT
    /// number without a country prefix; `party.identifier_scheme_mismatch` for an EAS VAT
    /// scheme holding another state's number; the codes of [`RegistrationNumber`] and
    /// [`VatNumber`] for Latvian and EU ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
    ///
    /// let number = PartyIdentifier::try_new(Some(IdentifierScheme::LATVIAN_REGISTRATION), "40003521600")?;
    /// assert_eq!(number.value(), "40003521600");
    /// let bad = PartyIdentifier::try_new(Some(IdentifierScheme::LATVIAN_REGISTRATION), "40003521601");
    /// assert_eq!(bad.unwrap_err().fields()[0].code(), "registration_number.checksum");
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn try_new(scheme: Option<IdentifierScheme>, value: &str) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        let checked = check(&mut fields, "value", scheme, value);
        fields.finish(checked.map(Checked::into_identifier))
    }

    /// Returns the scheme, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
    ///
    /// let identifier = PartyIdentifier::try_new(Some("0192".parse()?), "974760673")?;
    /// assert_eq!(identifier.scheme(), IdentifierScheme::try_from_code(192).ok());
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub const fn scheme(&self) -> Option<IdentifierScheme> {
        self.scheme
    }

    /// Returns the value: the canonical form for Latvian and EU identifiers, the text as
    /// given (trimmed) for others.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
    ///
    /// let vat = PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "lv 4000 3521 600")?;
    /// assert_eq!(vat.value(), "LV40003521600");
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Returns the identifier as a Latvian registration number, if its scheme is `0218`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
    ///
    /// let number = PartyIdentifier::try_new(Some(IdentifierScheme::LATVIAN_REGISTRATION), "40003521600")?;
    /// assert_eq!(number.to_registration_number().map(|n| n.to_string()), Some("40003521600".to_owned()));
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn to_registration_number(&self) -> Option<RegistrationNumber> {
        (self.scheme == Some(IdentifierScheme::LATVIAN_REGISTRATION))
            .then(|| RegistrationNumber::try_new(&self.value).ok())
            .flatten()
    }

    /// Returns the identifier as an EU VAT number, if it is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{IdentifierScheme, PartyIdentifier};
    ///
    /// let vat = PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "DE136695976")?;
    /// assert_eq!(vat.to_vat_number().map(|n| n.country_prefix().to_owned()), Some("DE".to_owned()));
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn to_vat_number(&self) -> Option<VatNumber> {
        match self.scheme {
            Some(IdentifierScheme::VAT) => VatNumber::try_new(&self.value).ok(),
            Some(scheme) if scheme.vat_prefix().is_some() => VatNumber::try_new(&self.value).ok(),
            _ => None,
        }
    }

    /// Tells where a checked identifier belongs (it passed [`check`] when it was built).
    pub(super) fn into_checked(self) -> Checked {
        if let Some(number) = self.to_registration_number() {
            return Checked::Registration(number);
        }
        match (self.to_vat_number(), self.scheme) {
            (Some(number), Some(scheme)) => Checked::Vat(number, scheme),
            _ => Checked::Other(self),
        }
    }

    /// The order a party keeps its identifiers in: VAT first, then by code, then without a
    /// scheme.
    pub(super) fn sort_key(&self) -> (u8, u16) {
        match self.scheme.map(|scheme| scheme.0) {
            Some(Scheme::Vat) => (0, 0),
            Some(Scheme::Code(code)) => (1, code),
            None => (2, 0),
        }
    }
}

impl Checked {
    /// Turns a checked identifier back into scheme and value.
    pub(super) fn into_identifier(self) -> PartyIdentifier {
        match self {
            Checked::Registration(number) => PartyIdentifier {
                scheme: Some(IdentifierScheme::LATVIAN_REGISTRATION),
                value: number.as_str().to_owned(),
            },
            Checked::Vat(number, scheme) => PartyIdentifier {
                scheme: Some(scheme),
                value: number.as_str().to_owned(),
            },
            Checked::Other(identifier) => identifier,
        }
    }
}

/// Why a VAT identifier's value was refused.
#[derive(Debug)]
enum VatProblem {
    /// No two-letter country prefix.
    Prefix,
    /// An EAS VAT scheme with another state's number.
    SchemeMismatch { prefix: &'static str },
}

impl Coded for VatProblem {
    fn code(&self) -> &'static str {
        match self {
            VatProblem::Prefix => "party.identifier_vat_prefix",
            VatProblem::SchemeMismatch { .. } => "party.identifier_scheme_mismatch",
        }
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, language) {
            (VatProblem::Prefix, Language::Latvian) => f.write_str(
                "PVN identifikators sākas ar tās valsts divburtu kodu, kas to piešķīrusi",
            ),
            (VatProblem::Prefix, _) => f.write_str(
                "a vat identifier starts with the two-letter code of the state that issued it",
            ),
            (VatProblem::SchemeMismatch { prefix }, Language::Latvian) => {
                write!(f, "šajā shēmā ir {prefix} PVN numuri")
            }
            (VatProblem::SchemeMismatch { prefix }, _) => {
                write!(f, "this scheme holds {prefix} vat numbers")
            }
        }
    }
}

/// Checks an identifier's value under its scheme, recording problems at `field`.
pub(super) fn check(
    fields: &mut Fields,
    field: &str,
    scheme: Option<IdentifierScheme>,
    value: &str,
) -> Option<Checked> {
    let value = fields.take(field, check_text(value, MAX_VALUE_CHARS))?;
    match scheme {
        Some(IdentifierScheme::LATVIAN_REGISTRATION) => fields
            .take(field, RegistrationNumber::try_new(&value))
            .map(Checked::Registration),
        Some(IdentifierScheme::VAT) => {
            let prefix = value.get(..2).unwrap_or_default().to_ascii_uppercase();
            let european = prefix == "XI"
                || prefix == "EL"
                || CountryCode::try_new(&prefix).is_ok_and(|country| country.is_eu_member());
            if european {
                fields
                    .take(field, VatNumber::try_new(&value))
                    .map(|number| Checked::Vat(number, IdentifierScheme::VAT))
            } else if value.get(..2).is_some_and(|prefix| {
                prefix.bytes().all(|byte| byte.is_ascii_uppercase())
                    && CountryCode::try_new(prefix).is_ok()
            }) {
                Some(Checked::Other(PartyIdentifier { scheme, value }))
            } else {
                fields.push_problem(field, &VatProblem::Prefix);
                None
            }
        }
        Some(code) => match code.vat_prefix() {
            Some(expected) => {
                let number = fields.take(field, VatNumber::try_new(&value))?;
                if number.country_prefix() == expected {
                    Some(Checked::Vat(number, code))
                } else {
                    fields.push_problem(field, &VatProblem::SchemeMismatch { prefix: expected });
                    None
                }
            }
            None => Some(Checked::Other(PartyIdentifier { scheme, value })),
        },
        None => Some(Checked::Other(PartyIdentifier { scheme, value })),
    }
}

/// Checks an entered identifier, recording problems under `prefix` (`identifiers[2]`).
pub(super) fn check_input(
    fields: &mut Fields,
    prefix: &str,
    input: &PartyIdentifierInput,
) -> Option<Checked> {
    let scheme = match super::address::non_blank(input.scheme.as_deref()) {
        Some(text) => Some(fields.take(&format!("{prefix}.scheme"), parse_scheme(text))?),
        None => None,
    };
    check(fields, &format!("{prefix}.value"), scheme, &input.value)
}

impl TryFrom<PartyIdentifierInput> for PartyIdentifier {
    type Error = PartyError;

    /// Checks an entered identifier: fields `scheme` and `value`.
    fn try_from(input: PartyIdentifierInput) -> Result<Self, Self::Error> {
        let mut fields = Fields::new("");
        let scheme = match super::address::non_blank(input.scheme.as_deref()) {
            Some(text) => match fields.take("scheme", parse_scheme(text)) {
                Some(scheme) => Some(scheme),
                None => return fields.finish(None),
            },
            None => None,
        };
        let checked = check(&mut fields, "value", scheme, &input.value);
        fields.finish(checked.map(Checked::into_identifier))
    }
}
