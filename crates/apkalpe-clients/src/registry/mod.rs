//! The client registry (*klientu reģistrs*, S8, C13): registration with duplicate detection,
//! updates with a change history, search, filters, merge, and the records kept per client.
mod contact;
mod entry;
mod erasure;
mod index;
mod registration;
#[cfg(feature = "serde")]
mod saved;
mod view;

pub(crate) use entry::ClientEntry;
#[cfg(feature = "serde")]
pub(crate) use entry::ClientEntryRecord;
use index::{Holders, IdentifierKey, Keys, contact_keys, identifiers};
pub use registration::{DuplicateMatch, Registration};
#[cfg(feature = "serde")]
use saved::ClientRegistryRecord;
#[cfg(feature = "serde")]
pub use saved::{SavedClient, SavedMerges};
pub use view::{ClientFilter, TimelineEntry};

use std::collections::{BTreeMap, BTreeSet, HashMap, hash_map};

use chrono::{DateTime, Utc};
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::client::{
    Client, ClientChange, ClientDetails, ClientField, ClientId, FieldChange, FollowUpId, Identity,
    InteractionId, NeedId,
};
use crate::error::{RecordKind, RegistryError};
use crate::interaction::Interaction;
use crate::text::{StaffMember, name_key, name_tokens};

/// The client database (*klientu datubāze*, C13): clients, their change history, needs,
/// interactions, follow-up tasks and consents, with the indexes that make registration and
/// search fast.
///
/// Ids and times are arguments; the registry makes none. It lives in memory: persistence is the
/// embedding program's job.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use apkalpe_core::PersonalCode;
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// let anna = || -> Result<ClientDetails, apkalpe_clients::ClientsError> {
///     Ok(ClientDetails::person(
///         Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?),
///     ))
/// };
/// let first = registry.register(ClientId::new(Uuid::from_u128(1)), anna()?, at)?;
/// let second = registry.register(ClientId::new(Uuid::from_u128(2)), anna()?, at)?;
/// assert!(first.is_new() && !second.is_new());
/// assert_eq!(second.id(), first.id());
/// assert_eq!(registry.search("berzina anna").len(), 1);
/// # Ok::<(), apkalpe_clients::ClientsError>(())
/// ```
///
/// # Saved form
///
/// The registry serialises as `{"clients": [ … ], "merged_into": {absorbed: kept}}`: per
/// client, in id order, `{"client", "history", "needs", "interactions", "follow_ups",
/// "consents", "erasure"}` (empty lists and a missing erasure left out). The indexes
/// (identifiers, names and contacts, search tokens, the owners of needs, interactions and
/// follow-ups) are not saved: deserialising rebuilds them from the records, after checking
/// every record through its own rules and what registration, updates, merges and erasure
/// guarantee together: client ids unique; no identifier (personal code, registration or VAT
/// number) held by two clients; need, interaction and follow-up ids unique and each filed
/// under its own client; interactions in time order; merged ids resolving to clients that
/// exist, never to a merged id; the history consistent with the current values; erased
/// clients holding no erased value. A value that breaks one is refused with a
/// [`RestoreError`](apkalpe_core::RestoreError); `docs/model/clients.md` shows a saved registry.
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use apkalpe_core::PersonalCode;
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let anna = || -> Result<ClientDetails, apkalpe_clients::ClientsError> {
///     Ok(ClientDetails::person(
///         Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?),
///     ))
/// };
/// let mut registry = ClientRegistry::new();
/// registry.register(ClientId::from_u128(1), anna()?, at)?;
/// let json = serde_json::to_string(&registry)?;
/// let mut restored: ClientRegistry = serde_json::from_str(&json)?;
/// assert_eq!(serde_json::to_string(&restored)?, json);
/// // Duplicate detection works on the rebuilt indexes.
/// assert!(!restored.register(ClientId::from_u128(2), anna()?, at)?.is_new());
/// // Two clients with one personal code are refused.
/// let second = r#"{"client":{"id":"00000000-0000-0000-0000-000000000002","identity":{"kind":"person","given_name":"Anna","family_name":"Bērziņa","personal_code":"161175-19997"},"addresses":[],"emails":[],"phones":[],"language":"lv","tags":[],"status":"prospect","registered_at":"2026-11-27T09:00:00Z"}}"#;
/// let edited = json.replace(r#"],"merged_into""#, &format!(r#",{second}],"merged_into""#));
/// let error = serde_json::from_str::<ClientRegistry>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.duplicate: cannot restore ClientRegistry: clients[1].client.identity.personal_code"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClientRegistryRecord"))]
pub struct ClientRegistry {
    records: BTreeMap<ClientId, Box<ClientEntry>>,
    merged_into: HashMap<ClientId, ClientId>,
    by_identifier: HashMap<IdentifierKey, ClientId>,
    by_name_contact: HashMap<String, Holders>,
    tokens: BTreeMap<String, BTreeSet<ClientId>>,
    needs: HashMap<NeedId, ClientId>,
    interactions: HashMap<InteractionId, ClientId>,
    follow_ups: HashMap<FollowUpId, ClientId>,
}

impl ClientRegistry {
    /// Creates an empty registry.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ClientRegistry;
    ///
    /// assert!(ClientRegistry::new().is_empty());
    /// ```
    pub fn new() -> Self {
        ClientRegistry::default()
    }

    /// Returns the number of clients (merged ones not counted).
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
    /// assert_eq!(registry.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Tells whether the registry has no clients.
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
    /// assert!(!registry.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Returns the id a client now has: itself, or the client it was merged into.
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
    /// let anne = registry.register(ClientId::from_u128(2), ClientDetails::person(Person::try_new("Anne", "Bērziņa")?), at)?.id();
    /// registry.merge(anna, anne, &apkalpe_clients::StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(registry.resolve(anne), anna);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, id: ClientId) -> ClientId {
        self.merged_into.get(&id).copied().unwrap_or(id)
    }

    /// Returns a client by id (following merges).
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
    /// assert_eq!(registry.get(anna).map(|client| client.display_name()).as_deref(), Some("Anna Bērziņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, id: ClientId) -> Option<&Client> {
        self.records
            .get(&self.resolve(id))
            .map(|record| &record.client)
    }

    /// Returns every client, in id order.
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
    /// assert_eq!(registry.clients().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clients(&self) -> impl Iterator<Item = &Client> {
        self.records.values().map(|record| &record.client)
    }

    fn record(&self, id: ClientId) -> Result<&ClientEntry, RegistryError> {
        self.records
            .get(&self.resolve(id))
            .map(|record| &**record)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })
    }

    fn record_mut(&mut self, id: ClientId) -> Result<&mut ClientEntry, RegistryError> {
        let resolved = self.resolve(id);
        self.records
            .get_mut(&resolved)
            .map(|record| &mut **record)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })
    }

    /// Like [`record_mut`](Self::record_mut), refusing an erased client.
    fn live_record_mut(&mut self, id: ClientId) -> Result<&mut ClientEntry, RegistryError> {
        let record = self.record_mut(id)?;
        if record.client.is_erased() {
            return Err(RegistryError::Erased {
                id: record.client.id().as_uuid(),
            });
        }
        Ok(record)
    }

    /// Finds an existing client with the same identifier, or the same name and contact.
    fn find_duplicate(&self, keys: &Keys) -> Option<(ClientId, DuplicateMatch)> {
        for key in &keys.identifiers {
            if let Some(id) = self.by_identifier.get(key) {
                return Some((*id, key.matched_on()));
            }
        }
        for contact in &keys.contacts {
            if let Some(id) = self.by_name_contact.get(contact).and_then(Holders::first) {
                let matched = if contact.contains("\0e:") {
                    DuplicateMatch::NameAndEmail
                } else {
                    DuplicateMatch::NameAndPhone
                };
                return Some((id, matched));
            }
        }
        None
    }

    /// Registers a client (S8), or returns the client already registered with the same
    /// personal code, registration number or VAT number (and the same name), or with the same
    /// name (case, diacritics and word order ignored) and the same e-mail address or phone
    /// number.
    ///
    /// # Errors
    ///
    /// [`RegistryError::DuplicateId`] when `id` is already used by another client;
    /// [`RegistryError::IdentifierUnderAnotherName`] when a client under another name holds
    /// the identifier given (a mistyped code, or someone else's): nothing is registered, and
    /// the name given is not dropped for the holder's.
    ///
    /// # Examples
    ///
    /// See [`ClientRegistry`].
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
    /// // The same person again, with her name typed another way: the existing client.
    /// let again = registry.register(ClientId::from_u128(2), ClientDetails::person(Person::try_new("ANNA", "Berzina")?), at);
    /// # let _ = again;
    /// // With a personal code another client holds under another name: refused.
    /// let coded = ClientDetails::person(Person::try_new("Jānis", "Ozols")?.with_personal_code("161175-19997".parse()?));
    /// registry.register(ClientId::from_u128(3), coded.clone(), at)?;
    /// let other = ClientDetails::person(Person::try_new("Pēteris", "Kalns")?.with_personal_code("161175-19997".parse()?));
    /// let error = registry.register(ClientId::from_u128(4), other, at).unwrap_err();
    /// assert_eq!(error.code(), "registry.identifier_under_another_name");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(
        &mut self,
        id: ClientId,
        details: ClientDetails,
        at: DateTime<Utc>,
    ) -> Result<Registration, RegistryError> {
        let client = Client::new(id, details, at);
        let keys = Keys::of(&client);
        if let Some((existing, matched_on)) = self.find_duplicate(&keys) {
            // Found by an identifier: the same client only if the names agree (case,
            // diacritics and word order aside); else the identifier is mistyped or another's.
            let identifier = match matched_on {
                DuplicateMatch::PersonalCode => Some("personal_code"),
                DuplicateMatch::RegistrationNumber => Some("registration_number"),
                DuplicateMatch::VatNumber => Some("vat_number"),
                DuplicateMatch::NameAndEmail | DuplicateMatch::NameAndPhone => None,
            };
            if let Some(identifier) = identifier
                && let Some(holder) = self.records.get(&existing)
                && !same_words(&holder.tokens, &keys.tokens)
            {
                return Err(RegistryError::IdentifierUnderAnotherName {
                    identifier,
                    holder: existing.as_uuid(),
                });
            }
            return Ok(Registration::Existing {
                id: existing,
                matched_on,
            });
        }
        if self.records.contains_key(&id) || self.merged_into.contains_key(&id) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            });
        }
        let mut record = Box::new(ClientEntry {
            client,
            history: Vec::new(),
            needs: Vec::new(),
            interactions: Vec::new(),
            follow_ups: Vec::new(),
            consents: Vec::new(),
            erasure: None,
            tokens: Vec::new(),
            sort_key: String::new(),
        });
        self.index_with(&mut record, keys);
        self.records.insert(id, record);
        Ok(Registration::Registered { id })
    }

    /// Adds a record's keys to the indexes (and caches its search tokens).
    fn index(&mut self, record: &mut ClientEntry) {
        let keys = Keys::of_record(record);
        self.index_with(record, keys);
    }

    /// Adds keys computed before ([`Keys::of_record`]) to the indexes.
    fn index_with(&mut self, record: &mut ClientEntry, keys: Keys) {
        let id = record.client.id();
        for key in keys.identifiers {
            self.by_identifier.entry(key).or_insert(id);
        }
        for contact in keys.contacts {
            self.add_contact(contact, id);
        }
        for token in &keys.tokens {
            self.tokens.entry(token.clone()).or_default().insert(id);
        }
        record.sort_key = keys.tokens.join(" ");
        record.tokens = keys.tokens;
    }

    /// Adds a client to the holders of a name-and-contact key.
    fn add_contact(&mut self, contact: String, id: ClientId) {
        match self.by_name_contact.entry(contact) {
            hash_map::Entry::Occupied(mut holders) => holders.get_mut().insert(id),
            hash_map::Entry::Vacant(slot) => {
                slot.insert(Holders::One(id));
            }
        }
    }

    /// Removes a record's keys from the indexes.
    fn unindex(&mut self, record: &ClientEntry) {
        let client = &record.client;
        let id = client.id();
        for key in identifiers(client.identity()) {
            if self.by_identifier.get(&key) == Some(&id) {
                self.by_identifier.remove(&key);
            }
        }
        let name = name_key(&client.display_name());
        for key in contact_keys(client, &name) {
            if self
                .by_name_contact
                .get_mut(&key)
                .is_some_and(|holders| holders.remove(id))
            {
                self.by_name_contact.remove(&key);
            }
        }
        for token in &record.tokens {
            if let Some(ids) = self.tokens.get_mut(token) {
                ids.remove(&id);
                if ids.is_empty() {
                    self.tokens.remove(token);
                }
            }
        }
    }

    /// Checks that none of the client's identifiers is held by another client.
    fn check_identifiers(&self, client: &Client) -> Result<(), RegistryError> {
        for key in identifiers(client.identity()) {
            if let Some(holder) = self.by_identifier.get(&key)
                && *holder != client.id()
            {
                return Err(RegistryError::IdentifierTaken {
                    identifier: key.name(),
                    holder: holder.as_uuid(),
                });
            }
        }
        Ok(())
    }

    /// Replaces a record's client, re-indexing it, and appends the field changes.
    fn replace_client(
        &mut self,
        id: ClientId,
        updated: Client,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let mut record = self
            .records
            .remove(&id)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })?;
        let changes = diff(&record.client, &updated, by, at);
        self.unindex(&record);
        record.client = updated;
        record.history.extend(changes.iter().cloned());
        self.index(&mut record);
        self.records.insert(id, record);
        Ok(changes)
    }

    /// Applies changes to a client and records every changed field in its history: who, when,
    /// the old and the new value. Returns the changes recorded (none if nothing changed).
    ///
    /// # Errors
    ///
    /// - [`RegistryError::UnknownRecord`] for an unknown client;
    /// - [`RegistryError::Erased`] for an erased client;
    /// - [`RegistryError::FieldNotApplicable`] for a person's field on an organisation or the
    ///   other way round;
    /// - [`RegistryError::IdentifierTaken`] when another client holds the new identifier.
    ///
    /// Nothing is changed when an error is returned.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientChange, ClientDetails, ClientField, ClientId, ClientRegistry, ClientStatus, Person, StaffMember};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)),
    ///     ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let changes = registry.update(id, vec![ClientChange::Status(ClientStatus::Active)],
    ///     &StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(changes[0].field(), ClientField::Status);
    /// assert_eq!((changes[0].old(), changes[0].new_value()), (Some("prospect"), Some("active")));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn update(
        &mut self,
        id: ClientId,
        changes: Vec<ClientChange>,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let record = self.live_record_mut(id)?;
        let mut updated = record.client.clone();
        for change in changes {
            change.apply(&mut updated)?;
        }
        self.check_identifiers(&updated)?;
        self.replace_client(updated.id(), updated, by, at)
    }

    /// Finds clients by name, ignoring case, Latvian diacritics (ā č ē ģ ī ķ ļ ņ š ū ž match
    /// a c e g i k l n s u z) and word order: every word of the query must be the start of a
    /// word of the name ("berz ann" finds "Anna Bērziņa"). Results are sorted by name, then id.
    /// An empty query finds nothing.
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
    /// assert_eq!(registry.search("berzina anna").len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search(&self, query: &str) -> Vec<&Client> {
        let mut words = name_tokens(query);
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return Vec::new();
        }
        // Each word's candidates, sorted: the ids of every name word it starts.
        let candidates_of = |word: &String| -> Vec<ClientId> {
            let mut postings = self
                .tokens
                .range(word.clone()..)
                .take_while(|(token, _)| token.starts_with(word.as_str()));
            let Some((_, first)) = postings.next() else {
                return Vec::new();
            };
            let mut ids: Vec<ClientId> = first.iter().copied().collect();
            let mut merged = false;
            for (_, more) in postings {
                ids.extend(more.iter().copied());
                merged = true;
            }
            if merged {
                ids.sort_unstable();
                ids.dedup();
            }
            ids
        };
        let mut sets: Vec<Vec<ClientId>> = words.iter().map(candidates_of).collect();
        sets.sort_by_key(Vec::len);
        let mut sets = sets.into_iter();
        let mut candidates = sets.next().unwrap_or_default();
        for other in sets {
            candidates.retain(|id| other.binary_search(id).is_ok());
        }
        let mut found: Vec<&ClientEntry> = candidates
            .into_iter()
            .filter_map(|id| self.records.get(&id).map(|record| &**record))
            .collect();
        found.sort_by(|a, b| {
            a.sort_key
                .cmp(&b.sort_key)
                .then_with(|| a.client.id().cmp(&b.client.id()))
        });
        found.into_iter().map(|record| &record.client).collect()
    }

    /// Lists the clients that meet every criterion of the filter, in id order.
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
    /// use apkalpe_clients::{ClientFilter, ClientStatus};
    /// assert_eq!(registry.filter(&ClientFilter::default().with_status(ClientStatus::Prospect)).len(), 1);
    /// assert!(registry.filter(&ClientFilter::default().with_status(ClientStatus::Active)).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filter(&self, filter: &ClientFilter) -> Vec<&Client> {
        self.clients()
            .filter(|client| filter.matches(client))
            .collect()
    }

    /// Returns a client's change history, oldest first.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
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
    /// use apkalpe_clients::{ClientChange, StaffMember};
    /// registry.update(anna, vec![ClientChange::Segment(Some("retail".parse()?))], &StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(registry.history(anna)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn history(&self, id: ClientId) -> Result<&[FieldChange], RegistryError> {
        Ok(&self.record(id)?.history)
    }

    /// Merges `absorbed` into `kept`: the kept client keeps its identity and gains the
    /// absorbed client's missing identifiers, addresses, contacts, tags and segment; needs,
    /// interactions, follow-ups, consents and both change histories move to the kept client;
    /// the absorbed id afterwards resolves to the kept one. Returns the field changes recorded
    /// on the kept client (the first one names the absorbed client).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::MergeSelf`],
    /// [`RegistryError::MergeKinds`] (a person and an organisation), [`RegistryError::Erased`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// use apkalpe_core::{EmailAddress, PhoneNumber};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let a = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_email(EmailAddress::try_new("anna@example.lv")?), at)?.id();
    /// let b = registry.register(ClientId::new(Uuid::from_u128(2)), ClientDetails::person(Person::try_new("Anna", "Berzina")?)
    ///     .with_phone(PhoneNumber::try_new("+371 2000 0001")?), at)?.id();
    /// registry.merge(a, b, &StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(registry.len(), 1);
    /// assert_eq!(registry.get(b).map(|client| client.phones().len()), Some(1));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn merge(
        &mut self,
        kept: ClientId,
        absorbed: ClientId,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let kept = self.resolve(kept);
        let absorbed = self.resolve(absorbed);
        if kept == absorbed {
            return Err(RegistryError::MergeSelf { id: kept.as_uuid() });
        }
        let kept_record = self.record(kept)?;
        let absorbed_record = self.record(absorbed)?;
        for record in [kept_record, absorbed_record] {
            if record.client.is_erased() {
                return Err(RegistryError::Erased {
                    id: record.client.id().as_uuid(),
                });
            }
        }
        let (kept_kind, absorbed_kind) = (
            kept_record.client.identity().kind(),
            absorbed_record.client.identity().kind(),
        );
        if kept_kind != absorbed_kind {
            return Err(RegistryError::MergeKinds {
                kept: kept_kind,
                absorbed: absorbed_kind,
            });
        }
        let mut updated = kept_record.client.clone();
        fill_from(&mut updated, &absorbed_record.client);
        let Some(absorbed_record) = self.records.remove(&absorbed) else {
            return Err(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: absorbed.as_uuid(),
            });
        };
        self.unindex(&absorbed_record);
        let merged = FieldChange {
            field: ClientField::MergedFrom,
            old: None,
            new: Some(format!(
                "{} ({})",
                absorbed,
                absorbed_record.client.display_name()
            )),
            by: by.clone(),
            at,
        };
        updated.push_merged(absorbed);
        self.record_mut(kept)?.history.push(merged.clone());
        let mut changes = vec![merged];
        changes.extend(self.replace_client(kept, updated, by, at)?);
        let ClientEntry {
            history,
            mut needs,
            mut interactions,
            mut follow_ups,
            consents,
            ..
        } = *absorbed_record;
        for need in &mut needs {
            need.set_client(kept);
            self.needs.insert(need.id(), kept);
        }
        for interaction in &mut interactions {
            interaction.set_client(kept);
            self.interactions.insert(interaction.id(), kept);
        }
        for follow_up in &mut follow_ups {
            follow_up.set_client(kept);
            self.follow_ups.insert(follow_up.id(), kept);
        }
        let record = self.record_mut(kept)?;
        record.history.extend(history);
        record.history.sort_by_key(FieldChange::at);
        record.needs.extend(needs);
        record.interactions.extend(interactions);
        record.interactions.sort_by_key(Interaction::at);
        record.follow_ups.extend(follow_ups);
        record.consents.extend(consents);
        for target in self.merged_into.values_mut() {
            if *target == absorbed {
                *target = kept;
            }
        }
        self.merged_into.insert(absorbed, kept);
        Ok(changes)
    }
}

/// Whether two names have the same folded words, in any order.
fn same_words(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort();
    b.sort();
    a == b
}

/// Fills the kept client's empty fields and lists from the absorbed client.
fn fill_from(kept: &mut Client, absorbed: &Client) {
    let mut changes = Vec::new();
    match (kept.identity(), absorbed.identity()) {
        (Identity::Person(person), Identity::Person(other))
            if person.personal_code().is_none() && other.personal_code().is_some() =>
        {
            changes.push(ClientChange::PersonalCode(other.personal_code().copied()));
        }
        (Identity::Organisation(organisation), Identity::Organisation(other)) => {
            if organisation.legal_form().is_none() && other.legal_form().is_some() {
                changes.push(ClientChange::LegalForm(other.legal_form().cloned()));
            }
            if organisation.registration_number().is_none() && other.registration_number().is_some()
            {
                changes.push(ClientChange::RegistrationNumber(
                    other.registration_number().copied(),
                ));
            }
            if organisation.vat_number().is_none() && other.vat_number().is_some() {
                changes.push(ClientChange::VatNumber(other.vat_number().copied()));
            }
        }
        _ => {}
    }
    let mut addresses = kept.addresses().to_vec();
    for address in absorbed.addresses() {
        if !addresses.contains(address) {
            addresses.push(address.clone());
        }
    }
    changes.push(ClientChange::Addresses(addresses));
    changes.push(ClientChange::Emails(
        kept.emails()
            .iter()
            .chain(absorbed.emails())
            .cloned()
            .collect(),
    ));
    changes.push(ClientChange::Phones(
        kept.phones()
            .iter()
            .chain(absorbed.phones())
            .cloned()
            .collect(),
    ));
    changes.push(ClientChange::Tags(
        kept.tags().iter().chain(absorbed.tags()).cloned().collect(),
    ));
    if kept.segment().is_none() {
        changes.push(ClientChange::Segment(absorbed.segment().cloned()));
    }
    for change in changes {
        // Both clients are of the same kind, so every change applies.
        let applied = change.apply(kept);
        debug_assert!(applied.is_ok(), "merge change refused: {applied:?}");
    }
}

/// Lists the fields that differ between two versions of a client.
fn diff(old: &Client, new: &Client, by: &StaffMember, at: DateTime<Utc>) -> Vec<FieldChange> {
    let before: HashMap<ClientField, Option<String>> = old.field_values().into_iter().collect();
    new.field_values()
        .into_iter()
        .filter_map(|(field, value)| {
            let old_value = before.get(&field).cloned().flatten();
            (old_value != value).then(|| FieldChange {
                field,
                old: old_value,
                new: value,
                by: by.clone(),
                at,
            })
        })
        .collect()
}
