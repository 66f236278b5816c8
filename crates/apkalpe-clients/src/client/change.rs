//! Changes to a client: the fields, one change, and the history of changes.

use std::collections::BTreeSet;

use apkalpe_core::{
    Address, EmailAddress, Language, PartyName, PersonalCode, PhoneNumber, RegistrationNumber,
    VatNumber,
};
use chrono::{DateTime, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Client, ClientStatus, Identity};
use crate::text::{LegalForm, Segment, StaffMember, Tag};

/// A field of a client, as named in the change history.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::ClientField;
///
/// assert_eq!(ClientField::FamilyName.as_str(), "family_name");
/// ```
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{ClientChange, ClientField, StaffMember};
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// registry.update(id, vec![ClientChange::Tags(std::collections::BTreeSet::from(["vip".parse()?]))], &StaffMember::try_new("Ilze")?, at)?;
/// let change = &registry.history(id)?[0];
/// assert_eq!((change.field(), change.old(), change.new_value()), (ClientField::Tags, None, Some("vip")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
