//! Parties (*puses*): the organisations and people that clients, documents and accounting
//! entries name, with their identifiers, address and contacts.

mod address;
mod contact;
mod identifier;
#[cfg(test)]
mod tests;

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

pub use address::{Address, AddressInput};
pub use contact::{EmailAddress, ParseEmailAddressError, ParsePhoneNumberError, PhoneNumber};
pub use identifier::{IdentifierScheme, PartyIdentifier, PartyIdentifierInput};

use identifier::Checked;

use crate::localized::latvian;
use crate::{
    Iban, Language, LocalizedError, PersonalCode, RegistrationNumber, TextRule, TextRuleError,
    VatNumber,
};

/// The longest party name, in characters.
const MAX_NAME_CHARS: usize = 200;

/// A leaf problem with a stable code and a message in each language, turned into a
/// [`FieldError`]: every public error of the crate, and the private problems of this module.
trait Coded {
    /// Returns the stable error code.
    fn code(&self) -> &'static str;

    /// Writes the message in `language` (English for German and Russian).
    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<E: LocalizedError> Coded for E {
    fn code(&self) -> &'static str {
        LocalizedError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        LocalizedError::fmt_in(self, language, f)
    }
}

/// Shows a [`Coded`] problem's message in one language.
struct Said<'a>(&'a dyn Coded, Language);

impl fmt::Display for Said<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_in(self.1, f)
    }
}

/// Why a text field was refused.
#[derive(Debug)]
enum TextProblem {
    /// Empty after trimming.
    Blank,
    /// Longer than allowed.
    TooLong { max: usize, found: usize },
    /// Holds a control character.
    ControlCharacter { position: usize },
}

impl Coded for TextProblem {
    fn code(&self) -> &'static str {
        match self {
            TextProblem::Blank => "text.blank",
            TextProblem::TooLong { .. } => "text.too_long",
            TextProblem::ControlCharacter { .. } => "text.control_character",
        }
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, language) {
            (TextProblem::Blank, Language::Latvian) => f.write_str("vērtība nedrīkst būt tukša"),
            (TextProblem::Blank, _) => f.write_str("must not be blank"),
            (TextProblem::TooLong { max, found }, Language::Latvian) => write!(
                f,
                "vērtībā ir {}, atļauts ne vairāk kā {max}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
            (TextProblem::TooLong { max, found }, _) => {
                write!(f, "has {found} characters, at most {max} are allowed")
            }
            (TextProblem::ControlCharacter { position }, Language::Latvian) => {
                write!(f, "vērtībā pozīcijā {position} ir vadības rakstzīme")
            }
            (TextProblem::ControlCharacter { position }, _) => {
                write!(f, "has a control character at position {position}")
            }
        }
    }
}

/// Trims a text and checks it is 1 to `max` characters without control characters.
fn check_text(text: &str, max: usize) -> Result<String, TextProblem> {
    match TextRule::single_line(max).check(text) {
        Ok(text) => Ok(text.to_owned()),
        Err(TextRuleError::TooLong { max, found }) => Err(TextProblem::TooLong { max, found }),
        Err(
            TextRuleError::ControlCharacter { position, .. }
            | TextRuleError::NotAllowed { position, .. },
        ) => Err(TextProblem::ControlCharacter { position }),
        // Blank, and any check core's rule learns later: refused as blank rather than let in.
        Err(_) => Err(TextProblem::Blank),
    }
}

/// One invalid field of party data: where (`field`, a path such as `address.postal_code` or
/// `address.lines[1]`), what (a stable dotted `code`) and a message in English and Latvian
/// ([`LocalizedError`]).
///
/// The message comes from the leaf error (an identifier's, a phone number's…) and never
/// holds a personal code. Programs branch on [`FieldError::code`]; the message is for people.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{AddressInput, Language, LocalizedError, Party, PartyInput};
///
/// let input = PartyInput {
///     kind: "person".into(),
///     name: "Anna Bērziņa".into(),
///     phone: Some("20000000".into()),
///     address: AddressInput {
///         lines: vec!["Brīvības iela 1".into()],
///         city: "Rīga".into(),
///         postal_code: Some("LV-1010".into()),
///         region: None,
///         country: "LV".into(),
///     },
///     ..PartyInput::default()
/// };
/// let error = Party::try_from(input).unwrap_err();
/// let field = &error.fields()[0];
/// assert_eq!((field.field(), field.code()), ("phone", "phone.country_code_missing"));
/// assert_eq!(field.to_string(), "phone: phone number must start with + and the country code (+371 for latvia)");
/// assert_eq!(
///     field.message_in(Language::Latvian),
///     "phone: tālruņa numuram jāsākas ar + un valsts kodu (Latvijai +371)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    field: String,
    code: &'static str,
    message: String,
    latvian: String,
}

impl FieldError {
    /// Returns the path of the field: `name`, `vat_number`, `address.lines[0]`…
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Returns the stable error code (`phone.length`, `party.vat_number_mismatch`…).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Returns the English message, lower case, without the field name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Returns the message in `language`, without the field name: Latvian, or English for
    /// the other languages.
    pub fn message_without_field(&self, language: Language) -> &str {
        match language {
            Language::Latvian => &self.latvian,
            Language::English | Language::German | Language::Russian => &self.message,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}

impl LocalizedError for FieldError {
    fn code(&self) -> &'static str {
        self.code
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.field,
            self.message_without_field(language)
        )
    }
}

/// The error returned when party data is invalid.
///
/// The codes a [`FieldError`] can carry:
///
/// | code | field | when |
/// |---|---|---|
/// | `party.kind_unknown` | `kind` | not `organisation` or `person` |
/// | `text.blank`, `text.too_long`, `text.control_character` | `name`, address parts | name 1–200, address parts 1–100 characters |
/// | `party.registration_number_for_person` | `registration_number` | a person given a registration number |
/// | `party.personal_code_for_organisation` | `personal_code` | an organisation given a personal code |
/// | `party.vat_number_mismatch` | `vat_number` | an organisation's `LV` VAT number is not `LV` + its registration number |
/// | `party.identifier_scheme` | `identifiers[i].scheme` | not `VAT` or a four-digit code |
/// | `party.identifier_vat_prefix` | `identifiers[i].value` | a VAT identifier without a two-letter country prefix |
/// | `party.identifier_scheme_mismatch` | `identifiers[i].value` | an EAS VAT scheme (`9939`…) with another state's number |
/// | `party.identifier_repeated` | `identifiers[i]`, `identifiers` | two identifiers of one scheme, or two VAT numbers |
/// | `address.no_street_line`, `address.too_many_lines` | `address.lines` | not 1–3 street lines |
/// | `address.postal_code_missing`, `address.postal_code_format` | `address.postal_code` | see [`Address`] |
/// | `party.internal` | — | a broken internal invariant (a bug: please report it) |
/// | `country.*`, `personal_code.*`, `registration_number.*`, `vat_number.*`, `iban.*`, `email.*`, `phone.*` | that field | the value's own parse error |
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartyError {
    /// One or more fields are invalid; all of them are listed, in field order.
    #[error("invalid party data: {}", join(fields, Language::English))]
    Invalid {
        /// Every invalid field (never empty).
        fields: Vec<FieldError>,
    },
}

/// Joins field errors for a message in `language`.
fn join(fields: &[FieldError], language: Language) -> String {
    fields
        .iter()
        .map(|field| field.message_in(language))
        .collect::<Vec<_>>()
        .join("; ")
}

impl LocalizedError for PartyError {
    fn code(&self) -> &'static str {
        PartyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, language) {
            (PartyError::Invalid { fields }, Language::Latvian) => {
                write!(f, "nederīgi puses dati: {}", join(fields, language))
            }
            _ => fmt::Display::fmt(self, f),
        }
    }
}

impl PartyError {
    /// Returns the stable error code: `party.invalid`. Each field has its own code too.
    pub fn code(&self) -> &'static str {
        match self {
            PartyError::Invalid { .. } => "party.invalid",
        }
    }

    /// Returns the invalid fields.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::PartyName;
    ///
    /// let error = PartyName::try_new("  ").unwrap_err();
    /// assert_eq!(error.fields()[0].code(), "text.blank");
    /// assert_eq!(error.to_string(), "invalid party data: name: must not be blank");
    /// ```
    pub fn fields(&self) -> &[FieldError] {
        match self {
            PartyError::Invalid { fields } => fields,
        }
    }
}

/// Collects field errors under a path prefix.
#[derive(Debug)]
struct Fields {
    prefix: &'static str,
    errors: Vec<FieldError>,
}

impl Fields {
    fn new(prefix: &'static str) -> Self {
        Fields {
            prefix,
            errors: Vec::new(),
        }
    }

    /// Records a problem given as its code and its English and Latvian messages.
    fn push(
        &mut self,
        field: &str,
        code: &'static str,
        english: impl fmt::Display,
        latvian: impl fmt::Display,
    ) {
        let field = if self.prefix.is_empty() {
            field.to_owned()
        } else {
            format!("{}.{field}", self.prefix)
        };
        self.errors.push(FieldError {
            field,
            code,
            message: english.to_string(),
            latvian: latvian.to_string(),
        });
    }

    fn push_problem(&mut self, field: &str, problem: &dyn Coded) {
        self.push(
            field,
            problem.code(),
            Said(problem, Language::English),
            Said(problem, Language::Latvian),
        );
    }

    /// Keeps the value, or records the error and returns `None`.
    fn take<T, E: Coded>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        result
            .map_err(|error| self.push_problem(field, &error))
            .ok()
    }

    /// Checks an optional text with `parse`, blank meaning absent. `Some(None)` = absent.
    fn optional<T, E: Coded>(
        &mut self,
        field: &str,
        text: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<Option<T>> {
        match address::non_blank(text) {
            Some(text) => self.take(field, parse(text)).map(Some),
            None => Some(None),
        }
    }

    /// Returns the value when nothing was recorded.
    fn finish<T>(self, value: Option<T>) -> Result<T, PartyError> {
        debug_assert!(
            value.is_some() || !self.errors.is_empty(),
            "a field failed without a recorded reason"
        );
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ if self.errors.is_empty() => Err(PartyError::Invalid {
                fields: vec![FieldError {
                    field: self.prefix.to_owned(),
                    code: "party.internal",
                    message: "a field failed without a recorded reason".to_owned(),
                    latvian: "iekšēja kļūda: lauks nav derīgs, bet iemesls nav reģistrēts"
                        .to_owned(),
                }],
            }),
            _ => Err(PartyError::Invalid {
                fields: self.errors,
            }),
        }
    }
}

/// The name of a party: an organisation's name or a person's given name and surname.
///
/// 1–200 characters without control characters; surrounding whitespace is dropped.
/// Serialised as the text.
///
/// # Examples
///
/// ```
/// use apkalpe_core::PartyName;
///
/// let name = PartyName::try_new("  SIA \"Apkalpe\" ")?;
/// assert_eq!(name.as_str(), "SIA \"Apkalpe\"");
/// assert_eq!(PartyName::try_new(&"x".repeat(201)).unwrap_err().fields()[0].code(), "text.too_long");
/// # Ok::<(), apkalpe_core::PartyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct PartyName(String);

impl PartyName {
    /// Checks a name.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with one field `name`: `text.blank`, `text.too_long` (above 200
    /// characters) or `text.control_character`.
    ///
    /// # Examples
    ///
    /// See [`PartyName`].
    pub fn try_new(text: &str) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        let name = fields.take("name", check_text(text, MAX_NAME_CHARS));
        fields.finish(name.map(PartyName))
    }

    /// Returns the name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PartyName {
    type Error = PartyError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PartyName::try_new(&value)
    }
}

impl From<PartyName> for String {
    fn from(name: PartyName) -> Self {
        name.0
    }
}

/// Whether a party is an organisation (legal person, *juridiska persona*, including a sole
/// trader registered as a business) or a natural person (*fiziska persona*).
///
/// Serialised as `"organisation"` or `"person"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PartyKind {
    /// A company, institution, association or registered sole trader.
    Organisation,
    /// A natural person.
    Person,
}

impl PartyKind {
    /// Returns the serialised name: `organisation` or `person`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PartyKind::Organisation => "organisation",
            PartyKind::Person => "person",
        }
    }
}

/// An organisation or person named on documents: a client, supplier, buyer or payer.
///
/// Rules, checked by every constructor:
/// - the name follows [`PartyName`], the address [`Address`];
/// - only an organisation has a [`RegistrationNumber`] and only a person a [`PersonalCode`];
/// - an organisation's Latvian VAT number is `LV` + its registration number
///   (`docs/sources.md` §7), so an `LV` VAT number that does not hold a registration
///   number, or holds another one than the party's, is refused (`party.vat_number_mismatch`).
///   A person's VAT number is not compared with the personal code;
/// - identifiers of other states (a Norwegian organisation number, a US employer
///   identification number, a VAT number outside the EU) are kept as scheme and value, one per
///   scheme and one VAT number in all ([`PartyIdentifier`],
///   [`Party::try_with_identifier`]): no Latvian format is forced on a foreign party.
///
/// `Debug` masks the personal code (see [`PersonalCode`]). Serialised with canonical strings
/// (absent values left out, `identifiers` too when there are none, so a party without them
/// serialises as before issue 15) and deserialised through [`PartyInput`], so stored parties
/// are checked again.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Address, CountryCode, Party, PartyKind, PartyName, VatNumber};
///
/// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let supplier = Party::organisation(PartyName::try_new("SIA Apkalpe")?, address)
///     .try_with_registration_number("40003521600".parse()?)?
///     .try_with_vat_number("LV40003521600".parse()?)?
///     .with_phone("+371 2000 0000".parse()?);
/// assert_eq!(supplier.kind(), PartyKind::Organisation);
/// assert_eq!(supplier.vat_number().map(VatNumber::as_str), Some("LV40003521600"));
///
/// let wrong = supplier.clone().try_with_vat_number("LV40103471306".parse()?).unwrap_err();
/// assert_eq!(wrong.fields()[0].code(), "party.vat_number_mismatch");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §3a rows 3–6 (names, addresses and VAT numbers of supplier and
/// recipient on a VAT invoice), §7 (identifiers), §10 (payer data on a KIO).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PartyInput"))]
pub struct Party {
    kind: PartyKind,
    name: PartyName,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    registration_number: Option<RegistrationNumber>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    personal_code: Option<PersonalCode>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    vat_number: Option<VatNumber>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    iban: Option<Iban>,
    address: Address,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    email: Option<EmailAddress>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    phone: Option<PhoneNumber>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    identifiers: Vec<PartyIdentifier>,
}

/// Party data as entered (a form, an import row, a JSON request): the raw form of [`Party`].
///
/// Every text field may carry surrounding whitespace, and a blank optional field counts as
/// absent. A plain record the caller fills in; [`Party::try_from`] checks all fields and
/// reports every invalid one at once.
/// `Debug` hides the personal code.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{Party, PartyInput};
///
/// let input: PartyInput = serde_json::from_str(r#"{
///     "kind": "organisation",
///     "name": "SIA Apkalpe",
///     "registration_number": "40003521600",
///     "vat_number": "LV40003521600",
///     "email": "birojs@example.lv",
///     "phone": "",
///     "address": {"lines": ["Brīvības iela 1"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}
/// }"#)?;
/// let party = Party::try_from(input)?;
/// assert_eq!(party.name(), "SIA Apkalpe");
/// assert!(party.phone().is_none());
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartyInput {
    /// `organisation` or `person`.
    pub kind: String,
    /// The organisation's name, or the person's given name and surname.
    pub name: String,
    /// Registration number (organisations only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub registration_number: Option<String>,
    /// Personal code (persons only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub personal_code: Option<String>,
    /// VAT identification number.
    #[cfg_attr(feature = "serde", serde(default))]
    pub vat_number: Option<String>,
    /// Bank account number (IBAN).
    #[cfg_attr(feature = "serde", serde(default))]
    pub iban: Option<String>,
    /// Postal address.
    pub address: AddressInput,
    /// E-mail address.
    #[cfg_attr(feature = "serde", serde(default))]
    pub email: Option<String>,
    /// Phone number in international form (`+371 2000 0000`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub phone: Option<String>,
    /// Other identifiers as scheme and value (see [`PartyIdentifier`]): a foreign
    /// registration number, a VAT number of a state outside the EU… A Latvian registration
    /// number or an EU VAT number given here is checked by its rules and kept in
    /// `registration_number` or `vat_number`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub identifiers: Vec<PartyIdentifierInput>,
}

impl fmt::Debug for PartyInput {
    /// Prints the fields with the personal code replaced by `"***"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PartyInput")
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("registration_number", &self.registration_number)
            .field("personal_code", &self.personal_code.as_ref().map(|_| "***"))
            .field("vat_number", &self.vat_number)
            .field("iban", &self.iban)
            .field("address", &self.address)
            .field("email", &self.email)
            .field("phone", &self.phone)
            .field("identifiers", &self.identifiers)
            .finish()
    }
}

/// The identifiers of a party, checked together by [`identifier_errors`].
struct Identifiers<'a> {
    kind: PartyKind,
    registration_number: Option<&'a RegistrationNumber>,
    personal_code: Option<&'a PersonalCode>,
    vat_number: Option<&'a VatNumber>,
    others: &'a [PartyIdentifier],
}

/// The message of `party.identifier_repeated`.
fn repeated(scheme: Option<IdentifierScheme>) -> Repeated {
    Repeated(scheme)
}

/// A second identifier where a party holds one: `party.identifier_repeated`.
#[derive(Debug)]
struct Repeated(Option<IdentifierScheme>);

impl Coded for Repeated {
    fn code(&self) -> &'static str {
        "party.identifier_repeated"
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, language) {
            (Some(IdentifierScheme::VAT), Language::Latvian) => {
                f.write_str("pusei ir viens PVN numurs, bet norādīts vēl viens")
            }
            (Some(IdentifierScheme::VAT), _) => {
                f.write_str("a party has one vat number; another one is given")
            }
            (Some(scheme), Language::Latvian) => write!(
                f,
                "pusei katrā shēmā ir viens identifikators, bet shēma {scheme} norādīta divreiz"
            ),
            (Some(scheme), _) => write!(
                f,
                "a party has one identifier per scheme; {scheme} is given twice"
            ),
            (None, Language::Latvian) => {
                f.write_str("pusei ir viens identifikators bez shēmas, bet norādīts vēl viens")
            }
            (None, _) => {
                f.write_str("a party has one identifier without a scheme; another one is given")
            }
        }
    }
}

/// A party's identifiers being gathered: the Latvian registration number and the EU VAT
/// number in their fields, every other one in `others`, in [`PartyIdentifier::sort_key`]
/// order, one per scheme.
#[derive(Default)]
struct Gathered {
    registration_number: Option<RegistrationNumber>,
    vat_number: Option<VatNumber>,
    others: Vec<PartyIdentifier>,
}

impl Gathered {
    /// Puts a checked identifier in its place; the message of `party.identifier_repeated`
    /// when the place holds another one. Giving the same identifier twice changes nothing.
    fn place(&mut self, checked: Checked) -> Result<(), Repeated> {
        match checked {
            Checked::Registration(number) => match self.registration_number {
                Some(held) if held != number => {
                    Err(repeated(Some(IdentifierScheme::LATVIAN_REGISTRATION)))
                }
                _ => {
                    self.registration_number = Some(number);
                    Ok(())
                }
            },
            Checked::Vat(number, _) => {
                let foreign = self
                    .others
                    .iter()
                    .any(|other| other.scheme() == Some(IdentifierScheme::VAT));
                match self.vat_number {
                    Some(held) if held != number => Err(repeated(Some(IdentifierScheme::VAT))),
                    _ if foreign => Err(repeated(Some(IdentifierScheme::VAT))),
                    _ => {
                        self.vat_number = Some(number);
                        Ok(())
                    }
                }
            }
            Checked::Other(identifier) => {
                let scheme = identifier.scheme();
                if scheme == Some(IdentifierScheme::VAT) && self.vat_number.is_some() {
                    return Err(repeated(scheme));
                }
                match self.others.iter().find(|other| other.scheme() == scheme) {
                    Some(other) if *other == identifier => Ok(()),
                    Some(_) => Err(repeated(scheme)),
                    None => {
                        let key = identifier.sort_key();
                        let at = self
                            .others
                            .iter()
                            .position(|other| other.sort_key() > key)
                            .unwrap_or(self.others.len());
                        self.others.insert(at, identifier);
                        Ok(())
                    }
                }
            }
        }
    }
}

/// Records the rules that tie a party's kind and identifiers together.
fn identifier_errors(fields: &mut Fields, ids: &Identifiers<'_>) {
    if ids.vat_number.is_some()
        && ids
            .others
            .iter()
            .any(|other| other.scheme() == Some(IdentifierScheme::VAT))
    {
        fields.push_problem("identifiers", &repeated(Some(IdentifierScheme::VAT)));
    }
    match ids.kind {
        PartyKind::Person => {
            if ids.registration_number.is_some() {
                fields.push(
                    "registration_number",
                    "party.registration_number_for_person",
                    "a person has a personal code, not a registration number",
                    "personai ir personas kods, nevis reģistrācijas numurs",
                );
            }
        }
        PartyKind::Organisation => {
            if ids.personal_code.is_some() {
                fields.push(
                    "personal_code",
                    "party.personal_code_for_organisation",
                    "an organisation has a registration number, not a personal code",
                    "organizācijai ir reģistrācijas numurs, nevis personas kods",
                );
            }
            if let Some(vat) = ids.vat_number.filter(|vat| vat.country_prefix() == "LV") {
                match (vat.to_registration_number(), ids.registration_number) {
                    (None, _) => fields.push(
                        "vat_number",
                        "party.vat_number_mismatch",
                        "latvian vat number of an organisation must be LV and its registration number",
                        "organizācijas Latvijas PVN numuram jābūt LV un tās reģistrācijas numuram",
                    ),
                    (Some(held), Some(registered)) if held != *registered => fields.push(
                        "vat_number",
                        "party.vat_number_mismatch",
                        format!(
                            "vat number {vat} does not hold registration number {registered}"
                        ),
                        format!("PVN numurā {vat} nav reģistrācijas numura {registered}"),
                    ),
                    _ => {}
                }
            }
        }
    }
}

impl TryFrom<PartyInput> for Party {
    type Error = PartyError;

    /// Checks entered party data, reporting every invalid field at once (see [`PartyError`]
    /// for the codes). Identifier rules are checked between the fields that parsed.
    fn try_from(input: PartyInput) -> Result<Self, Self::Error> {
        let mut fields = Fields::new("");
        let kind = match input.kind.trim() {
            "organisation" => Some(PartyKind::Organisation),
            "person" => Some(PartyKind::Person),
            _ => {
                fields.push(
                    "kind",
                    "party.kind_unknown",
                    "kind must be organisation or person",
                    "veidam jābūt organisation vai person",
                );
                None
            }
        };
        let name = fields.take("name", check_text(&input.name, MAX_NAME_CHARS));
        let registration_number = fields.optional(
            "registration_number",
            input.registration_number.as_deref(),
            RegistrationNumber::try_new,
        );
        let personal_code = fields.optional(
            "personal_code",
            input.personal_code.as_deref(),
            PersonalCode::try_new,
        );
        let vat_number = fields.optional(
            "vat_number",
            input.vat_number.as_deref(),
            VatNumber::try_new,
        );
        let iban = fields.optional("iban", input.iban.as_deref(), str::parse::<Iban>);
        let address = {
            let mut address_fields = Fields::new("address");
            let country = crate::CountryCode::try_new(input.address.country.trim());
            let address = address::build(
                &mut address_fields,
                &input.address.lines,
                &input.address.city,
                input.address.postal_code.as_deref(),
                input.address.region.as_deref(),
                country,
            );
            fields.errors.append(&mut address_fields.errors);
            address
        };
        let email = fields.optional("email", input.email.as_deref(), EmailAddress::try_new);
        let phone = fields.optional("phone", input.phone.as_deref(), PhoneNumber::try_new);
        let mut gathered = Gathered {
            registration_number: registration_number.flatten(),
            vat_number: vat_number.flatten(),
            others: Vec::new(),
        };
        let mut identifiers_ok = true;
        for (index, entry) in input.identifiers.iter().enumerate() {
            let at = format!("identifiers[{index}]");
            match identifier::check_input(&mut fields, &at, entry) {
                Some(checked) => {
                    if let Err(message) = gathered.place(checked) {
                        fields.push_problem(&at, &message);
                        identifiers_ok = false;
                    }
                }
                None => identifiers_ok = false,
            }
        }
        if let Some(kind) = kind {
            identifier_errors(
                &mut fields,
                &Identifiers {
                    kind,
                    registration_number: gathered.registration_number.as_ref(),
                    personal_code: personal_code.as_ref().and_then(Option::as_ref),
                    vat_number: gathered.vat_number.as_ref(),
                    others: &gathered.others,
                },
            );
        }
        let party = (|| {
            // A field that failed is `None` here, and its error is recorded.
            registration_number?;
            vat_number?;
            Some(Party {
                kind: kind?,
                name: PartyName(name?),
                registration_number: gathered.registration_number,
                personal_code: personal_code?,
                vat_number: gathered.vat_number,
                iban: iban?,
                address: address?,
                email: email?,
                phone: phone?,
                identifiers: identifiers_ok.then_some(gathered.others)?,
            })
        })();
        fields.finish(party)
    }
}

impl Party {
    /// Creates an organisation with a name and an address and nothing else.
    ///
    /// # Examples
    ///
    /// See [`Party`].
    pub fn organisation(name: PartyName, address: Address) -> Self {
        Party::new(PartyKind::Organisation, name, address)
    }

    /// Creates a natural person with a name and an address and nothing else.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode, Party, PartyName};
    ///
    /// let address = Address::try_new("Rīgas iela 5-12", "Valmiera", Some("LV-4201"), CountryCode::LV)?;
    /// let client = Party::person(PartyName::try_new("Anna Bērziņa")?, address)
    ///     .try_with_personal_code("161175-19997".parse()?)?;
    /// assert_eq!(client.personal_code().map(ToString::to_string), Some("161175-19997".to_owned()));
    /// assert!(!format!("{client:?}").contains("19997"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(name: PartyName, address: Address) -> Self {
        Party::new(PartyKind::Person, name, address)
    }

    fn new(kind: PartyKind, name: PartyName, address: Address) -> Self {
        Party {
            kind,
            name,
            registration_number: None,
            personal_code: None,
            vat_number: None,
            iban: None,
            address,
            email: None,
            phone: None,
            identifiers: Vec::new(),
        }
    }

    /// Checks the identifier rules on a changed party.
    fn checked(self) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        identifier_errors(
            &mut fields,
            &Identifiers {
                kind: self.kind,
                registration_number: self.registration_number.as_ref(),
                personal_code: self.personal_code.as_ref(),
                vat_number: self.vat_number.as_ref(),
                others: &self.identifiers,
            },
        );
        fields.finish(Some(self))
    }

    /// Adds an identifier given as scheme and value.
    ///
    /// A Latvian registration number (scheme `0218`) is kept as the
    /// [`registration_number`](Party::registration_number) and an EU VAT number (scheme `VAT`
    /// with an EU prefix, or an EU VAT scheme of the EAS list) as the
    /// [`vat_number`](Party::vat_number), with their rules; every other identifier is kept as
    /// given in [`identifiers`](Party::identifiers), one per scheme, VAT first, then by code,
    /// then the one without a scheme. Adding an identifier the party already has changes
    /// nothing.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with `party.identifier_repeated` (field `identifiers`) when
    /// the party has another identifier of that scheme, or another VAT number; the rules of
    /// [`Party::try_with_registration_number`] and [`Party::try_with_vat_number`] for a
    /// Latvian or EU one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode, IdentifierScheme, Party, PartyIdentifier, PartyName};
    ///
    /// let oslo = Address::try_new("Karl Johans gate 1", "Oslo", Some("0154"), CountryCode::try_new("NO")?)?;
    /// let buyer = Party::organisation(PartyName::try_new("Fjord Handel AS")?, oslo)
    ///     .try_with_identifier(PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "NO974760673MVA")?)?
    ///     .try_with_identifier(PartyIdentifier::try_new(Some("0192".parse()?), "974760673")?)?;
    /// assert_eq!(buyer.identifiers().len(), 2);
    /// assert!(buyer.vat_number().is_none());
    /// assert_eq!(buyer.vat_identifier(), Some("NO974760673MVA"));
    ///
    /// let twice = buyer.clone()
    ///     .try_with_identifier(PartyIdentifier::try_new(Some("0192".parse()?), "123456785")?)
    ///     .unwrap_err();
    /// assert_eq!(twice.fields()[0].code(), "party.identifier_repeated");
    ///
    /// // A Latvian registration number goes to its own field.
    /// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// let latvian = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga)
    ///     .try_with_identifier(PartyIdentifier::try_new(Some(IdentifierScheme::LATVIAN_REGISTRATION), "40003521600")?)?;
    /// assert_eq!(latvian.registration_number().map(|number| number.as_str()), Some("40003521600"));
    /// assert!(latvian.identifiers().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_identifier(self, identifier: PartyIdentifier) -> Result<Self, PartyError> {
        let mut gathered = Gathered {
            registration_number: self.registration_number,
            vat_number: self.vat_number,
            others: self.identifiers,
        };
        let placed = gathered.place(identifier.into_checked());
        let party = Party {
            registration_number: gathered.registration_number,
            vat_number: gathered.vat_number,
            identifiers: gathered.others,
            ..self
        };
        match placed {
            Ok(()) => party.checked(),
            Err(message) => {
                let mut fields = Fields::new("");
                fields.push_problem("identifiers", &message);
                fields.finish(None)
            }
        }
    }

    /// Sets the registration number of an organisation.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with `party.registration_number_for_person` for a person, or
    /// `party.vat_number_mismatch` when the party's `LV` VAT number holds another number.
    ///
    /// # Examples
    ///
    /// See [`Party`].
    pub fn try_with_registration_number(
        mut self,
        registration_number: RegistrationNumber,
    ) -> Result<Self, PartyError> {
        self.registration_number = Some(registration_number);
        self.checked()
    }

    /// Sets the personal code of a person.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with `party.personal_code_for_organisation` for an
    /// organisation.
    ///
    /// # Examples
    ///
    /// See [`Party::person`].
    pub fn try_with_personal_code(
        mut self,
        personal_code: PersonalCode,
    ) -> Result<Self, PartyError> {
        self.personal_code = Some(personal_code);
        self.checked()
    }

    /// Sets the VAT identification number.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] with `party.vat_number_mismatch` when an organisation's `LV`
    /// VAT number is not `LV` + its registration number.
    ///
    /// # Examples
    ///
    /// See [`Party`].
    pub fn try_with_vat_number(mut self, vat_number: VatNumber) -> Result<Self, PartyError> {
        self.vat_number = Some(vat_number);
        self.checked()
    }

    /// Sets the bank account.
    #[must_use]
    pub fn with_iban(mut self, iban: Iban) -> Self {
        self.iban = Some(iban);
        self
    }

    /// Sets the e-mail address.
    #[must_use]
    pub fn with_email(mut self, email: EmailAddress) -> Self {
        self.email = Some(email);
        self
    }

    /// Sets the phone number.
    #[must_use]
    pub fn with_phone(mut self, phone: PhoneNumber) -> Self {
        self.phone = Some(phone);
        self
    }

    /// Returns whether the party is an organisation or a person.
    pub fn kind(&self) -> PartyKind {
        self.kind
    }

    /// Returns the name.
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// Returns the registration number, if any (organisations only).
    pub fn registration_number(&self) -> Option<&RegistrationNumber> {
        self.registration_number.as_ref()
    }

    /// Returns the personal code, if any (persons only).
    pub fn personal_code(&self) -> Option<&PersonalCode> {
        self.personal_code.as_ref()
    }

    /// Returns the VAT identification number, if any.
    pub fn vat_number(&self) -> Option<&VatNumber> {
        self.vat_number.as_ref()
    }

    /// Returns the bank account, if any.
    pub fn iban(&self) -> Option<&Iban> {
        self.iban.as_ref()
    }

    /// Returns the postal address.
    pub fn address(&self) -> &Address {
        &self.address
    }

    /// Returns the e-mail address, if any.
    pub fn email(&self) -> Option<&EmailAddress> {
        self.email.as_ref()
    }

    /// Returns the phone number, if any.
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }

    /// Returns the identifiers other than the Latvian registration number and the EU VAT
    /// number (see [`Party::try_with_identifier`]): VAT first, then by scheme code, then the
    /// one without a scheme.
    pub fn identifiers(&self) -> &[PartyIdentifier] {
        &self.identifiers
    }

    /// Returns the party's VAT identification number as text, of any state: the EU
    /// [`vat_number`](Party::vat_number), else a VAT identifier of another state (EN 16931
    /// BT-31, BT-48).
    ///
    /// See the example on [`Party::try_with_identifier`].
    pub fn vat_identifier(&self) -> Option<&str> {
        match &self.vat_number {
            Some(number) => Some(number.as_str()),
            None => self
                .identifiers
                .iter()
                .find(|identifier| identifier.scheme() == Some(IdentifierScheme::VAT))
                .map(PartyIdentifier::value),
        }
    }
}
