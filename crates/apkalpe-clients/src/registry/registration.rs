//! What a registration found: a new client or the one already registered.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::ClientId;

/// Why [`ClientRegistry::register`](crate::ClientRegistry::register) returned an existing client.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{DuplicateMatch, Registration};
/// let details = || -> Result<ClientDetails, Box<dyn std::error::Error>> {
///     Ok(ClientDetails::person(Person::try_new("Anna", "Bērziņa")?).with_email("anna@example.lv".parse()?))
/// };
/// let first = registry.register(ClientId::from_u128(1), details()?, at)?.id();
/// let again = registry.register(ClientId::from_u128(2), details()?, at)?;
/// assert_eq!(again, Registration::Existing { id: first, matched_on: DuplicateMatch::NameAndEmail });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DuplicateMatch {
    /// The same personal code.
    PersonalCode,
    /// The same registration number.
    RegistrationNumber,
    /// The same VAT number.
    VatNumber,
    /// The same name (case, diacritics and word order ignored) and the same e-mail address.
    NameAndEmail,
    /// The same name and the same phone number.
    NameAndPhone,
}

/// The outcome of [`ClientRegistry::register`](crate::ClientRegistry::register): `{"outcome": "registered", "id": …}` or
/// `{"outcome": "existing", "id": …, "matched_on": …}`, deserialised field by field.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::Registration;
/// let registration = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?;
/// assert_eq!(registration, Registration::Registered { id: ClientId::from_u128(1) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "outcome", rename_all = "snake_case"))]
pub enum Registration {
    /// A new client was registered with the id given.
    Registered {
        /// The new client's id.
        id: ClientId,
    },
    /// The client was already registered; nothing was added.
    Existing {
        /// The existing client's id.
        id: ClientId,
        /// What matched.
        matched_on: DuplicateMatch,
    },
}

impl Registration {
    /// Returns the id of the new or the existing client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let anna = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let _ = anna;
    /// let again = registry.register(ClientId::from_u128(2), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?;
    /// // The name alone does not make a duplicate: a new client.
    /// assert_eq!(again.id(), ClientId::from_u128(2));
    /// assert_ne!(again.id(), anna);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> ClientId {
        match self {
            Registration::Registered { id } | Registration::Existing { id, .. } => *id,
        }
    }

    /// Tells whether a new client was registered.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let anna = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// # let _ = anna;
    /// let again = registry.register(ClientId::from_u128(2), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?;
    /// // The name alone does not make a duplicate: a new client.
    /// assert!(again.is_new());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_new(&self) -> bool {
        matches!(self, Registration::Registered { .. })
    }
}
