//! What a new client is registered with.

use std::collections::BTreeSet;

use apkalpe_core::{Address, EmailAddress, Language, PhoneNumber};

use super::{ClientStatus, Identity, Organisation, Person};
use crate::text::{Segment, Tag};

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
