//! Clients (*klienti*): natural persons and organisations, their contacts and their status.

mod change;
mod details;
mod identity;

pub use change::{ClientChange, ClientField, FieldChange};
pub use details::ClientDetails;
pub use identity::{Identity, Organisation, Person};

use std::collections::BTreeSet;
use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Address, EmailAddress, Language, PhoneNumber};
use chrono::{DateTime, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "serde")]
use crate::restore::unique;
use crate::text::{Segment, Tag};

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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ClientStatus;
    ///
    /// assert_eq!(ClientStatus::Prospect.as_str(), "prospect");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            ClientStatus::Prospect => "prospect",
            ClientStatus::Active => "active",
            ClientStatus::Inactive => "inactive",
            ClientStatus::Closed => "closed",
        }
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
/// [`RestoreError`](apkalpe_core::RestoreError) (`restore.duplicate`, `restore.inconsistent`).
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
