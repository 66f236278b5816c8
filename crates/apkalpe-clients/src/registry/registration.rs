//! What a registration found: a new client or the one already registered.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::ClientId;

/// Why [`ClientRegistry::register`] returned an existing client.
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

/// The outcome of [`ClientRegistry::register`]: `{"outcome": "registered", "id": …}` or
/// `{"outcome": "existing", "id": …, "matched_on": …}`, deserialised field by field.
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
    pub fn id(&self) -> ClientId {
        match self {
            Registration::Registered { id } | Registration::Existing { id, .. } => *id,
        }
    }

    /// Tells whether a new client was registered.
    pub fn is_new(&self) -> bool {
        matches!(self, Registration::Registered { .. })
    }
}
