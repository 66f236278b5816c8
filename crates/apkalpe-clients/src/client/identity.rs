//! Who a client is: a natural person (*fiziska persona*) or an organisation (*juridiska
//! persona*).

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{PartyName, PersonalCode, RegistrationNumber, VatNumber};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::text::LegalForm;

/// A natural person (*fiziska persona*): given and family names, optional personal code.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::Person;
/// use apkalpe_core::PersonalCode;
/// use chrono::NaiveDate;
///
/// let person = Person::try_new("Anna", "Bērziņa")?
///     .with_personal_code(PersonalCode::try_new("161175-19997")?);
/// assert_eq!(person.full_name(), "Anna Bērziņa");
/// assert_eq!(person.birth_date(), NaiveDate::from_ymd_opt(1975, 11, 16));
/// # Ok::<(), apkalpe_clients::ClientsError>(())
/// ```
///
/// Deserialised field by field, each field through its own constructor (a person has no rule
/// beyond its fields').
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Person {
    pub(super) given_name: PartyName,
    pub(super) family_name: PartyName,
    pub(super) personal_code: Option<PersonalCode>,
}

impl Person {
    /// Creates a person from the given and family names (1–200 characters each).
    ///
    /// # Errors
    ///
    /// [`ClientsError::Party`](crate::ClientsError::Party) (`party.invalid`) for a blank or too
    /// long name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// assert_eq!(Person::try_new("Jānis", "Ozols")?.family_name(), "Ozols");
    /// assert!(Person::try_new("", "Ozols").is_err());
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn try_new(given_name: &str, family_name: &str) -> Result<Self, crate::ClientsError> {
        Ok(Person {
            given_name: PartyName::try_new(given_name)?,
            family_name: PartyName::try_new(family_name)?,
            personal_code: None,
        })
    }

    /// Adds the personal code (*personas kods*).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert!(person.personal_code().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_personal_code(mut self, code: PersonalCode) -> Self {
        self.personal_code = Some(code);
        self
    }

    /// Returns the given name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert_eq!(person.given_name(), "Anna");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn given_name(&self) -> &str {
        self.given_name.as_str()
    }

    /// Returns the family name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert_eq!(person.family_name(), "Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn family_name(&self) -> &str {
        self.family_name.as_str()
    }

    /// Returns "given family".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert_eq!(person.full_name(), "Anna Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name.as_str(), self.family_name.as_str())
    }

    /// Returns the personal code, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert_eq!(person.personal_code().map(ToString::to_string).as_deref(), Some("161175-19997"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn personal_code(&self) -> Option<&PersonalCode> {
        self.personal_code.as_ref()
    }

    /// Returns the birth date an old-format personal code carries (codes issued since 1 July
    /// 2017 carry none; sources §7 \[ID3\]\[ID4\]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Person;
    ///
    /// let person = Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?);
    /// assert_eq!(person.birth_date(), chrono::NaiveDate::from_ymd_opt(1975, 11, 16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.personal_code.and_then(|code| code.birth_date())
    }
}

/// An organisation (*organizācija*, *juridiska persona*): name, legal form, registration and
/// VAT numbers.
///
/// The VAT number is kept as the client gave it, even if it does not belong to the registration
/// number: finding such a mismatch is the job of [`verify`](crate::verify) (S30), so it must be
/// representable.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{LegalForm, Organisation};
/// use apkalpe_core::{RegistrationNumber, VatNumber};
///
/// let company = Organisation::try_new("Ziemeļu Rati")?
///     .with_legal_form(LegalForm::try_new("SIA")?)
///     .with_registration_number(RegistrationNumber::try_new("40003521600")?)
///     .with_vat_number(VatNumber::try_new("LV40003521600")?);
/// assert_eq!(company.display_name(), "SIA \"Ziemeļu Rati\"");
/// # Ok::<(), apkalpe_clients::ClientsError>(())
/// ```
///
/// Deserialised field by field, each field through its own constructor.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Organisation {
    pub(super) name: PartyName,
    pub(super) legal_form: Option<LegalForm>,
    pub(super) registration_number: Option<RegistrationNumber>,
    pub(super) vat_number: Option<VatNumber>,
}

impl Organisation {
    /// Creates an organisation from its name without the legal form (1–200 characters).
    ///
    /// # Errors
    ///
    /// [`ClientsError::Party`](crate::ClientsError::Party) for a blank or too long name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Organisation;
    ///
    /// assert_eq!(Organisation::try_new("Rīgas Maiznieks")?.name(), "Rīgas Maiznieks");
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn try_new(name: &str) -> Result<Self, crate::ClientsError> {
        Ok(Organisation {
            name: PartyName::try_new(name)?,
            legal_form: None,
            registration_number: None,
            vat_number: None,
        })
    }

    /// Sets the legal form.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.legal_form().map(|form| form.as_str()), Some("SIA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_legal_form(mut self, form: LegalForm) -> Self {
        self.legal_form = Some(form);
        self
    }

    /// Sets the registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert!(organisation.registration_number().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_registration_number(mut self, number: RegistrationNumber) -> Self {
        self.registration_number = Some(number);
        self
    }

    /// Sets the VAT number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert!(organisation.vat_number().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_vat_number(mut self, number: VatNumber) -> Self {
        self.vat_number = Some(number);
        self
    }

    /// Returns the name without the legal form.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.name(), "Ziemeļu Rati");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        self.name.as_str()
    }

    /// Returns the legal form, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.legal_form().map(|form| form.as_str()), Some("SIA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_form(&self) -> Option<&LegalForm> {
        self.legal_form.as_ref()
    }

    /// Returns the registration number, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.registration_number().map(ToString::to_string).as_deref(), Some("40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registration_number(&self) -> Option<&RegistrationNumber> {
        self.registration_number.as_ref()
    }

    /// Returns the VAT number, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.vat_number().map(ToString::to_string).as_deref(), Some("LV40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_number(&self) -> Option<&VatNumber> {
        self.vat_number.as_ref()
    }

    /// Returns the name as the register writes it: `SIA "Ziemeļu Rati"`, or the bare name
    /// without a legal form.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{LegalForm, Organisation};
    ///
    /// let organisation = Organisation::try_new("Ziemeļu Rati")?
    ///     .with_legal_form(LegalForm::try_new("SIA")?)
    ///     .with_registration_number("40003521600".parse()?)
    ///     .with_vat_number("LV40003521600".parse()?);
    /// assert_eq!(organisation.display_name(), "SIA \"Ziemeļu Rati\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_name(&self) -> String {
        match &self.legal_form {
            Some(form) => format!("{form} \"{}\"", self.name.as_str()),
            None => self.name.as_str().to_owned(),
        }
    }
}

/// Who a client is: a natural person or an organisation.
///
/// Saved as the person's or organisation's fields with a `kind` tag: `{"kind": "person",
/// "given_name": "Anna", …}`.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Identity, Organisation};
///
/// let identity = Identity::Organisation(Organisation::try_new("Ziemeļu Rati")?);
/// assert_eq!((identity.kind(), identity.display_name()), ("organisation", "Ziemeļu Rati".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", try_from = "IdentityRecord")
)]
pub enum Identity {
    /// A natural person.
    Person(Person),
    /// An organisation.
    Organisation(Organisation),
}

/// The kind tag of a saved [`Identity`].
#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg(feature = "serde")]
enum IdentityKind {
    Person,
    Organisation,
}

/// The saved form of an [`Identity`]: the tag and the fields of either kind, read in one pass
/// (a derived internally tagged enum would buffer every identity first, the slowest part of
/// restoring a large registry).
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct IdentityRecord {
    kind: IdentityKind,
    #[cfg_attr(feature = "serde", serde(default))]
    given_name: Option<PartyName>,
    #[cfg_attr(feature = "serde", serde(default))]
    family_name: Option<PartyName>,
    #[cfg_attr(feature = "serde", serde(default))]
    personal_code: Option<PersonalCode>,
    #[cfg_attr(feature = "serde", serde(default))]
    name: Option<PartyName>,
    #[cfg_attr(feature = "serde", serde(default))]
    legal_form: Option<LegalForm>,
    #[cfg_attr(feature = "serde", serde(default))]
    registration_number: Option<RegistrationNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    vat_number: Option<VatNumber>,
}

#[cfg(feature = "serde")]
impl TryFrom<IdentityRecord> for Identity {
    type Error = RestoreError;

    fn try_from(record: IdentityRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Identity";
        let missing = |field: &'static str| {
            RestoreError::missing(WHAT, field, format_args!("{field} is required"))
                .with_latvian_reason(format_args!("{field} ir obligāts"))
        };
        let foreign = |field: &'static str, kind: &str| {
            RestoreError::inconsistent(
                WHAT,
                field,
                format_args!("{field} does not apply to {kind}"),
            )
            .with_latvian_reason(format_args!("{field} neattiecas uz {kind}"))
        };
        match record.kind {
            IdentityKind::Person => {
                let organisation_fields = [
                    ("name", record.name.is_some()),
                    ("legal_form", record.legal_form.is_some()),
                    ("registration_number", record.registration_number.is_some()),
                    ("vat_number", record.vat_number.is_some()),
                ];
                if let Some((field, _)) = organisation_fields.iter().find(|(_, set)| *set) {
                    return Err(foreign(field, "a person"));
                }
                Ok(Identity::Person(Person {
                    given_name: record.given_name.ok_or_else(|| missing("given_name"))?,
                    family_name: record.family_name.ok_or_else(|| missing("family_name"))?,
                    personal_code: record.personal_code,
                }))
            }
            IdentityKind::Organisation => {
                let person_fields = [
                    ("given_name", record.given_name.is_some()),
                    ("family_name", record.family_name.is_some()),
                    ("personal_code", record.personal_code.is_some()),
                ];
                if let Some((field, _)) = person_fields.iter().find(|(_, set)| *set) {
                    return Err(foreign(field, "an organisation"));
                }
                Ok(Identity::Organisation(Organisation {
                    name: record.name.ok_or_else(|| missing("name"))?,
                    legal_form: record.legal_form,
                    registration_number: record.registration_number,
                    vat_number: record.vat_number,
                }))
            }
        }
    }
}

impl Identity {
    /// Returns `person` or `organisation`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Identity, Person};
    ///
    /// assert_eq!(Identity::Person(Person::try_new("Anna", "Bērziņa")?).kind(), "person");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Identity::Person(_) => "person",
            Identity::Organisation(_) => "organisation",
        }
    }

    /// Returns the name to show and search: "Anna Bērziņa" or `SIA "Ziemeļu Rati"`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Identity, Person};
    ///
    /// assert_eq!(Identity::Person(Person::try_new("Anna", "Bērziņa")?).display_name(), "Anna Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_name(&self) -> String {
        match self {
            Identity::Person(person) => person.full_name(),
            Identity::Organisation(organisation) => organisation.display_name(),
        }
    }
}
