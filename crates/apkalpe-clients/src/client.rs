//! Clients (*klienti*): natural persons and organisations, their contacts and their status.

use std::collections::BTreeSet;
use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{
    Address, EmailAddress, Language, PartyName, PersonalCode, PhoneNumber, RegistrationNumber,
    VatNumber,
};
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "serde")]
use crate::restore::unique;
use crate::text::{LegalForm, Segment, StaffMember, Tag};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps an id the caller made (the crate makes no ids).
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::ClientId;
            /// use uuid::Uuid;
            ///
            /// assert_eq!(ClientId::new(Uuid::from_u128(7)), ClientId::from_u128(7));
            /// ```
            pub const fn new(id: Uuid) -> Self {
                $name(id)
            }

            /// Wraps the UUID with this 128-bit value (for fixtures and tests:
            /// `from_u128(1)` is `00000000-0000-0000-0000-000000000001`).
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::ClientId;
            ///
            /// assert_eq!(ClientId::from_u128(7).as_uuid().as_u128(), 7);
            /// ```
            pub const fn from_u128(id: u128) -> Self {
                $name(Uuid::from_u128(id))
            }

            /// Returns the UUID.
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::ClientId;
            ///
            /// assert_eq!(ClientId::from_u128(7).as_uuid(), uuid::Uuid::from_u128(7));
            /// ```
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

id_type!(
    /// The id of a client, supplied by the caller.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ClientId;
    /// use uuid::Uuid;
    ///
    /// let id = ClientId::new(Uuid::from_u128(1));
    /// assert_eq!(id.to_string(), "00000000-0000-0000-0000-000000000001");
    /// assert_eq!(ClientId::from_u128(1), id);
    /// ```
    ClientId
);
id_type!(
    /// The id of a need or request, supplied by the caller.
    NeedId
);
id_type!(
    /// The id of an interaction, supplied by the caller.
    InteractionId
);
id_type!(
    /// The id of a follow-up task, supplied by the caller.
    FollowUpId
);

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
    given_name: PartyName,
    family_name: PartyName,
    personal_code: Option<PersonalCode>,
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
    /// 2017 carry none; facts §7 \[ID3\]\[ID4\]).
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
    name: PartyName,
    legal_form: Option<LegalForm>,
    registration_number: Option<RegistrationNumber>,
    vat_number: Option<VatNumber>,
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
        };
        let foreign = |field: &'static str, kind: &str| {
            RestoreError::inconsistent(
                WHAT,
                field,
                format_args!("{field} does not apply to {kind}"),
            )
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

/// The status of a client relationship.
///
/// ```mermaid
/// stateDiagram-v2
///     [*] --> Prospect
///     Prospect --> Active
///     Active --> Inactive
///     Inactive --> Active
///     Active --> Closed
///     Inactive --> Closed
/// ```
/// (The registry records any change in the history; it does not forbid moves, since a
/// relationship can be reopened.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ClientStatus {
    /// Interested, not yet a buyer (*potenciālais klients*).
    Prospect,
    /// A current client.
    Active,
    /// No business for a while.
    Inactive,
    /// The relationship ended.
    Closed,
}

impl ClientStatus {
    /// Returns the snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClientStatus::Prospect => "prospect",
            ClientStatus::Active => "active",
            ClientStatus::Inactive => "inactive",
            ClientStatus::Closed => "closed",
        }
    }
}

/// What a new client is registered with: identity, contacts and profile.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientStatus, Person, Segment};
/// use apkalpe_core::{EmailAddress, Language};
///
/// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
///     .with_email(EmailAddress::try_new("anna@example.lv")?)
///     .with_language(Language::Latvian)
///     .with_segment(Segment::try_new("retail")?)
///     .with_status(ClientStatus::Active);
/// assert_eq!(details.identity().display_name(), "Anna Bērziņa");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientDetails {
    pub(crate) identity: Identity,
    pub(crate) addresses: Vec<Address>,
    pub(crate) emails: Vec<EmailAddress>,
    pub(crate) phones: Vec<PhoneNumber>,
    pub(crate) language: Language,
    pub(crate) segment: Option<Segment>,
    pub(crate) tags: BTreeSet<Tag>,
    pub(crate) status: ClientStatus,
}

impl ClientDetails {
    /// Starts the details of a natural person: language Latvian, status prospect.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    /// ;
    /// assert_eq!(details.identity().kind(), "person");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(person: Person) -> Self {
        ClientDetails::new(Identity::Person(person))
    }

    /// Starts the details of an organisation: language Latvian, status prospect.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Organisation};
    ///
    /// let details = ClientDetails::organisation(Organisation::try_new("Ziemeļu Rati")?);
    /// assert_eq!(details.identity().kind(), "organisation");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organisation(organisation: Organisation) -> Self {
        ClientDetails::new(Identity::Organisation(organisation))
    }

    fn new(identity: Identity) -> Self {
        ClientDetails {
            identity,
            addresses: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            language: Language::Latvian,
            segment: None,
            tags: BTreeSet::new(),
            status: ClientStatus::Prospect,
        }
    }

    /// Adds an address.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    /// use apkalpe_core::{Address, AddressInput};
    ///
    /// let address = Address::try_from(AddressInput {
    ///     lines: vec!["Brīvības iela 1".into()],
    ///     city: "Rīga".into(),
    ///     postal_code: Some("LV-1010".into()),
    ///     region: None,
    ///     country: "LV".into(),
    /// })?;
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?).with_address(address);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_address(mut self, address: Address) -> Self {
        self.addresses.push(address);
        self
    }

    /// Adds an e-mail address (a repeated one is ignored).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_email("anna@example.lv".parse()?);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_email(mut self, email: EmailAddress) -> Self {
        if !self.emails.contains(&email) {
            self.emails.push(email);
        }
        self
    }

    /// Adds a phone number (a repeated one is ignored).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_phone("+371 2000 0001".parse()?);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_phone(mut self, phone: PhoneNumber) -> Self {
        if !self.phones.contains(&phone) {
            self.phones.push(phone);
        }
        self
    }

    /// Sets the preferred language.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_language(apkalpe_core::Language::English);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Sets the segment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_segment(apkalpe_clients::Segment::try_new("retail")?);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_segment(mut self, segment: Segment) -> Self {
        self.segment = Some(segment);
        self
    }

    /// Adds a tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_tag(apkalpe_clients::Tag::try_new("vip")?);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.tags.insert(tag);
        self
    }

    /// Sets the status.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_status(apkalpe_clients::ClientStatus::Active);
    /// # let _ = details;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ClientStatus) -> Self {
        self.status = status;
        self
    }

    /// Returns the identity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, Person};
    ///
    /// let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    /// ;
    /// assert_eq!(details.identity().display_name(), "Anna Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn identity(&self) -> &Identity {
        &self.identity
    }
}

/// A registered client (*klients*), as the [`ClientRegistry`](crate::ClientRegistry) holds it.
///
/// Built only by the registry, from [`ClientDetails`], an id and a time the caller supplies.
/// Serialised as part of the [`AccessExport`](crate::AccessExport) and of the saved
/// [`ClientRegistry`](crate::ClientRegistry).
///
/// # Saved form
///
/// Deserialising checks what the registry guarantees of one client: no e-mail address or
/// phone number twice, no client merged twice or into itself, and an erased client is a
/// natural person whose relationship is closed. A value that breaks one is refused with a
/// [`RestoreError`] (`restore.duplicate`, `restore.inconsistent`).
///
/// ```
/// use apkalpe_clients::Client;
///
/// let json = r#"{"id": "00000000-0000-0000-0000-000000000001",
///     "identity": {"kind": "person", "given_name": "Anna", "family_name": "Bērziņa", "personal_code": null},
///     "addresses": [], "emails": ["anna@example.lv", "anna@example.lv"], "phones": [],
///     "language": "lv", "tags": [], "status": "active", "registered_at": "2026-11-27T09:00:00Z"}"#;
/// let error = serde_json::from_str::<Client>(json).unwrap_err();
/// assert!(error.to_string().starts_with("restore.duplicate: cannot restore Client: emails[1]"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClientRecord"))]
pub struct Client {
    id: ClientId,
    identity: Identity,
    addresses: Vec<Address>,
    emails: Vec<EmailAddress>,
    phones: Vec<PhoneNumber>,
    language: Language,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    segment: Option<Segment>,
    tags: BTreeSet<Tag>,
    status: ClientStatus,
    registered_at: DateTime<Utc>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    merged_from: Vec<ClientId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    erased_at: Option<DateTime<Utc>>,
}

impl Client {
    pub(crate) fn new(id: ClientId, details: ClientDetails, registered_at: DateTime<Utc>) -> Self {
        Client {
            id,
            identity: details.identity,
            addresses: details.addresses,
            emails: details.emails,
            phones: details.phones,
            language: details.language,
            segment: details.segment,
            tags: details.tags,
            status: details.status,
            registered_at,
            merged_from: Vec::new(),
            erased_at: None,
        }
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.id(), ClientId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> ClientId {
        self.id
    }

    /// Returns the identity: person or organisation.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.identity().kind(), "person");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// Returns the person, for a natural person.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.person().map(Person::given_name), Some("Anna"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(&self) -> Option<&Person> {
        match &self.identity {
            Identity::Person(person) => Some(person),
            Identity::Organisation(_) => None,
        }
    }

    /// Returns the organisation, for an organisation.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(client.organisation().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organisation(&self) -> Option<&Organisation> {
        match &self.identity {
            Identity::Organisation(organisation) => Some(organisation),
            Identity::Person(_) => None,
        }
    }

    /// Returns the name to show: "Anna Bērziņa" or `SIA "Ziemeļu Rati"`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.display_name(), "Anna Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn display_name(&self) -> String {
        self.identity.display_name()
    }

    /// Returns the addresses.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(client.addresses().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn addresses(&self) -> &[Address] {
        &self.addresses
    }

    /// Returns the e-mail addresses.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.emails().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn emails(&self) -> &[EmailAddress] {
        &self.emails
    }

    /// Returns the phone numbers.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.phones().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phones(&self) -> &[PhoneNumber] {
        &self.phones
    }

    /// Returns the preferred language.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.language(), apkalpe_core::Language::Latvian);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn language(&self) -> Language {
        self.language
    }

    /// Returns the segment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(client.segment().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&Segment> {
        self.segment.as_ref()
    }

    /// Returns the tags.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(client.tags().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tags(&self) -> &BTreeSet<Tag> {
        &self.tags
    }

    /// Returns the status.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.status(), apkalpe_clients::ClientStatus::Prospect);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> ClientStatus {
        self.status
    }

    /// Returns when the client was registered.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.registered_at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered_at(&self) -> DateTime<Utc> {
        self.registered_at
    }

    /// Returns the ids of clients merged into this one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(client.merged_from().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merged_from(&self) -> &[ClientId] {
        &self.merged_from
    }

    /// Returns when the personal data was erased, if it was.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert_eq!(client.erased_at(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erased_at(&self) -> Option<DateTime<Utc>> {
        self.erased_at
    }

    /// Tells whether the personal data was erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let details = ClientDetails::person(Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?))
    /// #     .with_email("anna@example.lv".parse()?)
    /// #     .with_phone("+371 2000 0001".parse()?);
    /// # let id = registry.register(ClientId::from_u128(1), details, at)?.id();
    /// # let client = registry.get(id).ok_or("no client")?;
    /// assert!(!client.is_erased());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_erased(&self) -> bool {
        self.erased_at.is_some()
    }

    pub(crate) fn push_merged(&mut self, id: ClientId) {
        self.merged_from.push(id);
    }

    pub(crate) fn mark_erased(&mut self, at: DateTime<Utc>) {
        self.erased_at = Some(at);
    }

    /// Every field as text, for the change history: `(field, value)`.
    pub(crate) fn field_values(&self) -> Vec<(ClientField, Option<String>)> {
        fn join<T: ToString>(items: impl Iterator<Item = T>) -> Option<String> {
            let text = items
                .map(|item| item.to_string())
                .collect::<Vec<_>>()
                .join("; ");
            (!text.is_empty()).then_some(text)
        }
        let mut values = Vec::new();
        match &self.identity {
            Identity::Person(person) => {
                values.push((ClientField::GivenName, Some(person.given_name().to_owned())));
                values.push((
                    ClientField::FamilyName,
                    Some(person.family_name().to_owned()),
                ));
                values.push((
                    ClientField::PersonalCode,
                    person.personal_code().map(ToString::to_string),
                ));
            }
            Identity::Organisation(organisation) => {
                values.push((
                    ClientField::OrganisationName,
                    Some(organisation.name().to_owned()),
                ));
                values.push((
                    ClientField::LegalForm,
                    organisation.legal_form().map(ToString::to_string),
                ));
                values.push((
                    ClientField::RegistrationNumber,
                    organisation.registration_number().map(ToString::to_string),
                ));
                values.push((
                    ClientField::VatNumber,
                    organisation.vat_number().map(ToString::to_string),
                ));
            }
        }
        values.push((
            ClientField::Addresses,
            join(self.addresses.iter().map(address_line)),
        ));
        values.push((ClientField::Emails, join(self.emails.iter())));
        values.push((ClientField::Phones, join(self.phones.iter())));
        values.push((ClientField::Language, Some(self.language.code().to_owned())));
        values.push((
            ClientField::Segment,
            self.segment.as_ref().map(ToString::to_string),
        ));
        values.push((ClientField::Tags, join(self.tags.iter())));
        values.push((ClientField::Status, Some(self.status.as_str().to_owned())));
        values
    }
}

/// The saved form of a [`Client`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct ClientRecord {
    id: ClientId,
    identity: Identity,
    addresses: Vec<Address>,
    emails: Vec<EmailAddress>,
    phones: Vec<PhoneNumber>,
    language: Language,
    #[cfg_attr(feature = "serde", serde(default))]
    segment: Option<Segment>,
    tags: BTreeSet<Tag>,
    status: ClientStatus,
    registered_at: DateTime<Utc>,
    #[cfg_attr(feature = "serde", serde(default))]
    merged_from: Vec<ClientId>,
    #[cfg_attr(feature = "serde", serde(default))]
    erased_at: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl ClientRecord {
    /// Checks what the registry's operations guarantee of one client.
    pub(crate) fn restore(self) -> Result<Client, RestoreError> {
        const WHAT: &str = "Client";
        unique(WHAT, "emails", &self.emails)?;
        unique(WHAT, "phones", &self.phones)?;
        unique(WHAT, "merged_from", &self.merged_from)?;
        if let Some(position) = self.merged_from.iter().position(|id| *id == self.id) {
            return Err(RestoreError::inconsistent(
                WHAT,
                format!("merged_from[{position}]"),
                "a client cannot be merged into itself",
            )
            .with_latvian_reason("klientu nevar apvienot pašu ar sevi"));
        }
        if self.erased_at.is_some() {
            if !matches!(self.identity, Identity::Person(_)) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "erased_at",
                    "only a natural person's data is erased",
                )
                .with_latvian_reason("dzēš tikai fiziskas personas datus"));
            }
            if self.status != ClientStatus::Closed {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "status",
                    "an erased client's relationship is closed",
                )
                .with_latvian_reason("dzēsta klienta attiecības ir slēgtas"));
            }
        }
        Ok(Client {
            id: self.id,
            identity: self.identity,
            addresses: self.addresses,
            emails: self.emails,
            phones: self.phones,
            language: self.language,
            segment: self.segment,
            tags: self.tags,
            status: self.status,
            registered_at: self.registered_at,
            merged_from: self.merged_from,
            erased_at: self.erased_at,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ClientRecord> for Client {
    type Error = RestoreError;

    fn try_from(record: ClientRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

/// One address on one line: "Brīvības iela 1, Rīga, LV-1010, LV".
pub(crate) fn address_line(address: &Address) -> String {
    let mut parts: Vec<String> = address.lines().to_vec();
    parts.push(address.city().to_owned());
    if let Some(region) = address.region() {
        parts.push(region.to_owned());
    }
    if let Some(code) = address.postal_code() {
        parts.push(code.to_owned());
    }
    parts.push(address.country().to_string());
    parts.join(", ")
}

/// A field of a client, as named in the change history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ClientField {
    /// A person's given name.
    GivenName,
    /// A person's family name.
    FamilyName,
    /// A person's personal code.
    PersonalCode,
    /// An organisation's name.
    OrganisationName,
    /// An organisation's legal form.
    LegalForm,
    /// An organisation's registration number.
    RegistrationNumber,
    /// An organisation's VAT number.
    VatNumber,
    /// The addresses.
    Addresses,
    /// The e-mail addresses.
    Emails,
    /// The phone numbers.
    Phones,
    /// The preferred language.
    Language,
    /// The segment.
    Segment,
    /// The tags.
    Tags,
    /// The status.
    Status,
    /// Another client merged into this one (the new value names it).
    MergedFrom,
}

impl ClientField {
    /// Returns the snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClientField::GivenName => "given_name",
            ClientField::FamilyName => "family_name",
            ClientField::PersonalCode => "personal_code",
            ClientField::OrganisationName => "organisation_name",
            ClientField::LegalForm => "legal_form",
            ClientField::RegistrationNumber => "registration_number",
            ClientField::VatNumber => "vat_number",
            ClientField::Addresses => "addresses",
            ClientField::Emails => "emails",
            ClientField::Phones => "phones",
            ClientField::Language => "language",
            ClientField::Segment => "segment",
            ClientField::Tags => "tags",
            ClientField::Status => "status",
            ClientField::MergedFrom => "merged_from",
        }
    }
}

/// One change of one field: who, when, the old and the new value as text.
///
/// Deserialised field by field; whether the change fits its client is checked by the
/// [`ClientRegistry`](crate::ClientRegistry) that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FieldChange {
    pub(crate) field: ClientField,
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
    pub(crate) by: StaffMember,
    pub(crate) at: DateTime<Utc>,
}

impl FieldChange {
    /// Returns the field.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientChange, ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let ilze = StaffMember::try_new("Ilze")?;
    /// registry.update(id, vec![ClientChange::FamilyName(apkalpe_core::PartyName::try_new("Liepa")?)], &ilze, at)?;
    /// let change = &registry.history(id)?[0];
    /// assert_eq!(change.field(), apkalpe_clients::ClientField::FamilyName);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field(&self) -> ClientField {
        self.field
    }

    /// Returns the old value, `None` if it was empty.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientChange, ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let ilze = StaffMember::try_new("Ilze")?;
    /// registry.update(id, vec![ClientChange::FamilyName(apkalpe_core::PartyName::try_new("Liepa")?)], &ilze, at)?;
    /// let change = &registry.history(id)?[0];
    /// assert_eq!(change.old(), Some("Bērziņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn old(&self) -> Option<&str> {
        self.old.as_deref()
    }

    /// Returns the new value, `None` if it is now empty.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientChange, ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let ilze = StaffMember::try_new("Ilze")?;
    /// registry.update(id, vec![ClientChange::FamilyName(apkalpe_core::PartyName::try_new("Liepa")?)], &ilze, at)?;
    /// let change = &registry.history(id)?[0];
    /// assert_eq!(change.new_value(), Some("Liepa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new_value(&self) -> Option<&str> {
        self.new.as_deref()
    }

    /// Returns who changed it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientChange, ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let ilze = StaffMember::try_new("Ilze")?;
    /// registry.update(id, vec![ClientChange::FamilyName(apkalpe_core::PartyName::try_new("Liepa")?)], &ilze, at)?;
    /// let change = &registry.history(id)?[0];
    /// assert_eq!(change.by().as_str(), "Ilze");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by(&self) -> &StaffMember {
        &self.by
    }

    /// Returns when.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientChange, ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let ilze = StaffMember::try_new("Ilze")?;
    /// registry.update(id, vec![ClientChange::FamilyName(apkalpe_core::PartyName::try_new("Liepa")?)], &ilze, at)?;
    /// let change = &registry.history(id)?[0];
    /// assert_eq!(change.at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// One change to apply to a client with [`ClientRegistry::update`](crate::ClientRegistry::update).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientChange, ClientStatus};
/// use apkalpe_core::PhoneNumber;
///
/// let changes = [
///     ClientChange::Phones(vec![PhoneNumber::try_new("+371 2000 0001")?]),
///     ClientChange::Status(ClientStatus::Active),
/// ];
/// assert_eq!(changes.len(), 2);
/// # Ok::<(), apkalpe_core::ParsePhoneNumberError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientChange {
    /// A person's given name.
    GivenName(PartyName),
    /// A person's family name.
    FamilyName(PartyName),
    /// A person's personal code.
    PersonalCode(Option<PersonalCode>),
    /// An organisation's name.
    OrganisationName(PartyName),
    /// An organisation's legal form.
    LegalForm(Option<LegalForm>),
    /// An organisation's registration number.
    RegistrationNumber(Option<RegistrationNumber>),
    /// An organisation's VAT number.
    VatNumber(Option<VatNumber>),
    /// All addresses.
    Addresses(Vec<Address>),
    /// All e-mail addresses.
    Emails(Vec<EmailAddress>),
    /// All phone numbers.
    Phones(Vec<PhoneNumber>),
    /// The preferred language.
    Language(Language),
    /// The segment.
    Segment(Option<Segment>),
    /// All tags.
    Tags(BTreeSet<Tag>),
    /// The status.
    Status(ClientStatus),
}

impl ClientChange {
    /// Applies the change to a client.
    pub(crate) fn apply(self, client: &mut Client) -> Result<(), crate::RegistryError> {
        match self {
            ClientChange::Addresses(addresses) => client.addresses = addresses,
            ClientChange::Emails(emails) => client.emails = dedup(emails),
            ClientChange::Phones(phones) => client.phones = dedup(phones),
            ClientChange::Language(language) => client.language = language,
            ClientChange::Segment(segment) => client.segment = segment,
            ClientChange::Tags(tags) => client.tags = tags,
            ClientChange::Status(status) => client.status = status,
            other => other.apply_to_identity(&mut client.identity)?,
        }
        Ok(())
    }

    /// Applies a change of a person's or an organisation's own fields.
    fn apply_to_identity(self, identity: &mut Identity) -> Result<(), crate::RegistryError> {
        let kind = identity.kind();
        match (self, identity) {
            (ClientChange::GivenName(name), Identity::Person(person)) => person.given_name = name,
            (ClientChange::FamilyName(name), Identity::Person(person)) => {
                person.family_name = name;
            }
            (ClientChange::PersonalCode(code), Identity::Person(person)) => {
                person.personal_code = code;
            }
            (ClientChange::OrganisationName(name), Identity::Organisation(organisation)) => {
                organisation.name = name;
            }
            (ClientChange::LegalForm(form), Identity::Organisation(organisation)) => {
                organisation.legal_form = form;
            }
            (ClientChange::RegistrationNumber(number), Identity::Organisation(organisation)) => {
                organisation.registration_number = number;
            }
            (ClientChange::VatNumber(number), Identity::Organisation(organisation)) => {
                organisation.vat_number = number;
            }
            (change, _) => {
                return Err(crate::RegistryError::FieldNotApplicable {
                    field: change.field().as_str(),
                    kind,
                });
            }
        }
        Ok(())
    }

    /// Returns the field the change sets.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientChange, ClientField};
    ///
    /// assert_eq!(ClientChange::PersonalCode(None).field(), ClientField::PersonalCode);
    /// ```
    pub fn field(&self) -> ClientField {
        match self {
            ClientChange::GivenName(_) => ClientField::GivenName,
            ClientChange::FamilyName(_) => ClientField::FamilyName,
            ClientChange::PersonalCode(_) => ClientField::PersonalCode,
            ClientChange::OrganisationName(_) => ClientField::OrganisationName,
            ClientChange::LegalForm(_) => ClientField::LegalForm,
            ClientChange::RegistrationNumber(_) => ClientField::RegistrationNumber,
            ClientChange::VatNumber(_) => ClientField::VatNumber,
            ClientChange::Addresses(_) => ClientField::Addresses,
            ClientChange::Emails(_) => ClientField::Emails,
            ClientChange::Phones(_) => ClientField::Phones,
            ClientChange::Language(_) => ClientField::Language,
            ClientChange::Segment(_) => ClientField::Segment,
            ClientChange::Tags(_) => ClientField::Tags,
            ClientChange::Status(_) => ClientField::Status,
        }
    }
}

/// Drops repeated items, keeping the first.
fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    kept
}
