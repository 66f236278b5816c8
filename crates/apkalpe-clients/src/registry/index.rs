//! The registry's indexes: the identifiers, names and contacts that make two records the
//! same client.

use std::fmt;

use apkalpe_core::{PersonalCode, RegistrationNumber, VatNumber};

use super::{ClientEntry, DuplicateMatch};
use crate::client::{Client, ClientId, Identity};
use crate::privacy::PersonalField;
use crate::text::name_tokens;

/// An identifier that makes two client records the same client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum IdentifierKey {
    PersonalCode(PersonalCode),
    RegistrationNumber(RegistrationNumber),
    VatNumber(VatNumber),
}

impl IdentifierKey {
    pub(super) fn name(&self) -> &'static str {
        match self {
            IdentifierKey::PersonalCode(_) => "personal_code",
            IdentifierKey::RegistrationNumber(_) => "registration_number",
            IdentifierKey::VatNumber(_) => "vat_number",
        }
    }

    pub(super) fn matched_on(&self) -> DuplicateMatch {
        match self {
            IdentifierKey::PersonalCode(_) => DuplicateMatch::PersonalCode,
            IdentifierKey::RegistrationNumber(_) => DuplicateMatch::RegistrationNumber,
            IdentifierKey::VatNumber(_) => DuplicateMatch::VatNumber,
        }
    }
}

/// Shows the identifier for a restore error: registration and VAT numbers in full, a personal
/// code masked as its `Debug` masks it (errors never echo a personal code).
impl fmt::Display for IdentifierKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentifierKey::PersonalCode(code) => write!(f, "{code:?}"),
            IdentifierKey::RegistrationNumber(number) => write!(f, "{number}"),
            IdentifierKey::VatNumber(number) => write!(f, "{number}"),
        }
    }
}

/// The identifiers of a client.
pub(super) fn identifiers(identity: &Identity) -> Vec<IdentifierKey> {
    match identity {
        Identity::Person(person) => person
            .personal_code()
            .map(|code| IdentifierKey::PersonalCode(*code))
            .into_iter()
            .collect(),
        Identity::Organisation(organisation) => organisation
            .registration_number()
            .map(|number| IdentifierKey::RegistrationNumber(*number))
            .into_iter()
            .chain(
                organisation
                    .vat_number()
                    .map(|number| IdentifierKey::VatNumber(*number)),
            )
            .collect(),
    }
}

/// Name-and-contact keys: the folded name, a NUL, then `e:` + the lower-cased e-mail or
/// `p:` + the E.164 phone.
pub(super) fn contact_keys(client: &Client, name: &str) -> Vec<String> {
    client
        .emails()
        .iter()
        .map(|email| format!("{name}\0e:{}", email.as_str().to_lowercase()))
        .chain(
            client
                .phones()
                .iter()
                .map(|phone| format!("{name}\0p:{phone}")),
        )
        .collect()
}

/// The clients holding one name-and-contact key, smallest id first. Two clients can share a
/// key (an update may give a client another's name and e-mail); duplicate detection then
/// names the smallest id, so the answer depends only on the clients held, not on the order of
/// past operations, and is the same after a restore.
#[derive(Debug, Clone)]
pub(super) enum Holders {
    One(ClientId),
    /// Sorted, without repeats, two or more.
    Many(Vec<ClientId>),
}

impl Holders {
    /// Returns the smallest id (`None` never happens: an emptied key is removed).
    pub(super) fn first(&self) -> Option<ClientId> {
        match self {
            Holders::One(id) => Some(*id),
            Holders::Many(ids) => ids.first().copied(),
        }
    }

    /// Adds an id (nothing if held already).
    pub(super) fn insert(&mut self, id: ClientId) {
        match self {
            Holders::One(held) if *held == id => {}
            Holders::One(held) => {
                let mut ids = vec![*held, id];
                ids.sort_unstable();
                *self = Holders::Many(ids);
            }
            Holders::Many(ids) => {
                if let Err(position) = ids.binary_search(&id) {
                    ids.insert(position, id);
                }
            }
        }
    }

    /// Removes an id; returns whether none is left.
    pub(super) fn remove(&mut self, id: ClientId) -> bool {
        match self {
            Holders::One(held) => *held == id,
            Holders::Many(ids) => {
                ids.retain(|held| *held != id);
                if let [only] = ids.as_slice() {
                    *self = Holders::One(*only);
                }
                false
            }
        }
    }
}

/// The index keys of a client, computed once per registration.
#[derive(Debug)]
pub(super) struct Keys {
    pub(super) identifiers: Vec<IdentifierKey>,
    pub(super) contacts: Vec<String>,
    pub(super) tokens: Vec<String>,
}

impl Keys {
    /// The keys a record is indexed under: its identifiers always; its name-and-contact keys
    /// and search tokens unless its name was erased.
    pub(super) fn of_record(record: &ClientEntry) -> Keys {
        let name_erased = record
            .erasure
            .as_ref()
            .is_some_and(|erasure| erasure.is_erased(PersonalField::Name));
        if name_erased {
            return Keys {
                identifiers: identifiers(record.client.identity()),
                contacts: Vec::new(),
                tokens: Vec::new(),
            };
        }
        Keys::of(&record.client)
    }

    pub(super) fn of(client: &Client) -> Keys {
        let display = client.display_name();
        let mut tokens = name_tokens(&display);
        tokens.sort_unstable();
        // The name key keeps repeated words (as `name_key` does); the search tokens do not.
        let name = tokens.join(" ");
        tokens.dedup();
        Keys {
            identifiers: identifiers(client.identity()),
            contacts: contact_keys(client, &name),
            tokens,
        }
    }
}
