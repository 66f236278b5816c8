//! The registry's saved form: writing it, and reading it back through its checks.

use std::collections::{BTreeMap, HashMap, hash_map};
use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::ser::SerializeStruct;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(feature = "serde")]
use super::ClientEntryRecord;
use super::{ClientEntry, ClientRegistry, Keys};
use crate::client::ClientId;

/// One client's entry in a [`ClientRegistry`]'s saved form: exactly what the registry writes
/// for that client in its `clients` list. See [`ClientRegistry::saved_client`].
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let saved = serde_json::to_value(registry.saved_client(id).ok_or("no client")?)?;
/// assert_eq!(saved["client"]["identity"]["family_name"], "Bērziņa");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SavedClient<'a>(&'a ClientEntry);

#[cfg(feature = "serde")]
impl Serialize for SavedClient<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The merges of a [`ClientRegistry`] in its saved form (`merged_into`: absorbed id → kept
/// id). See [`ClientRegistry::saved_merges`].
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
/// let anne = registry.register(ClientId::from_u128(2), ClientDetails::person(Person::try_new("Anne", "Bērziņa")?), at)?.id();
/// registry.merge(anna, anne, &apkalpe_clients::StaffMember::try_new("Ilze")?, at)?;
/// assert_eq!(serde_json::to_value(registry.saved_merges())?[anne.to_string()], anna.to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SavedMerges<'a>(&'a HashMap<ClientId, ClientId>);

#[cfg(feature = "serde")]
impl Serialize for SavedMerges<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let merged: BTreeMap<&ClientId, &ClientId> = self.0.iter().collect();
        merged.serialize(serializer)
    }
}

impl ClientRegistry {
    /// Returns one client's entry in the registry's saved form, for a store that keeps a
    /// large registry client by client and writes only the clients that changed: the saved
    /// registry is `{"clients": [entries in id order], "merged_into": merges}`, and reading it
    /// back runs every check, as [`ClientRegistry`]'s own JSON does. `None` for an id the
    /// registry does not hold (a client merged into another is held by the kept one).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::TimeZone;
    ///
    /// let at = chrono::Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// for (n, (given, family)) in [("Anna", "Bērziņa"), ("Jānis", "Ozols")].iter().enumerate() {
    ///     let details = ClientDetails::person(Person::try_new(given, family)?);
    ///     registry.register(ClientId::from_u128(n as u128 + 1), details, at)?;
    /// }
    /// // Kept client by client, and put together again:
    /// let rows: Vec<String> = registry
    ///     .clients()
    ///     .map(|c| serde_json::to_string(&registry.saved_client(c.id()).unwrap()).unwrap())
    ///     .collect();
    /// let merges = serde_json::to_string(&registry.saved_merges())?;
    /// let json = format!(r#"{{"clients":[{}],"merged_into":{merges}}}"#, rows.join(","));
    /// assert_eq!(json, serde_json::to_string(&registry)?);
    /// let restored: ClientRegistry = serde_json::from_str(&json)?;
    /// assert_eq!(restored.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn saved_client(&self, id: ClientId) -> Option<SavedClient<'_>> {
        self.records.get(&id).map(|entry| SavedClient(entry))
    }

    /// Returns the registry's merges in its saved form (`merged_into`); see
    /// [`ClientRegistry::saved_client`].
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
    /// let json = serde_json::to_string(&registry.saved_merges())?;
    /// assert_eq!(json, "{}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn saved_merges(&self) -> SavedMerges<'_> {
        SavedMerges(&self.merged_into)
    }
}

#[cfg(feature = "serde")]
impl Serialize for ClientRegistry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The records, in id order, without their search caches.
        struct Entries<'a>(&'a BTreeMap<ClientId, Box<ClientEntry>>);

        impl Serialize for Entries<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.values())
            }
        }

        let merged: BTreeMap<&ClientId, &ClientId> = self.merged_into.iter().collect();
        let mut state = serializer.serialize_struct("ClientRegistry", 2)?;
        state.serialize_field("clients", &Entries(&self.records))?;
        state.serialize_field("merged_into", &merged)?;
        state.end()
    }
}

/// The saved form of a [`ClientRegistry`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ClientRegistryRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    clients: Vec<ClientEntryRecord>,
    #[cfg_attr(feature = "serde", serde(default, deserialize_with = "merged_map"))]
    merged_into: BTreeMap<ClientId, ClientId>,
}

/// Reads `merged_into`, refusing a key given twice (a plain map would keep the last).
fn merged_map<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<ClientId, ClientId>, D::Error> {
    struct Visitor;

    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<ClientId, ClientId>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map from merged client ids to the ids they were merged into")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut merged = BTreeMap::new();
            while let Some((absorbed, kept)) = map.next_entry::<ClientId, ClientId>()? {
                if merged.insert(absorbed, kept).is_some() {
                    return Err(serde::de::Error::custom(RestoreError::duplicate(
                        "ClientRegistry",
                        format!("merged_into.{absorbed}"),
                        absorbed,
                    )));
                }
            }
            Ok(merged)
        }
    }

    deserializer.deserialize_map(Visitor)
}

#[cfg(feature = "serde")]
impl TryFrom<ClientRegistryRecord> for ClientRegistry {
    type Error = RestoreError;

    /// Restores every record, then rebuilds the indexes in bulk: O(n log n) in the number of
    /// clients and records.
    fn try_from(saved: ClientRegistryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ClientRegistry";
        let mut entries: Vec<(usize, Box<ClientEntry>)> = Vec::with_capacity(saved.clients.len());
        for (position, record) in saved.clients.into_iter().enumerate() {
            let entry = record
                .restore(WHAT)
                .map_err(|error| error.within(format_args!("clients[{position}]")))?;
            entries.push((position, Box::new(entry)));
        }
        // Stable: saved in id order, this is one pass; a repeat is reported at its later place.
        entries.sort_by_key(|(_, entry)| entry.client.id());
        for pair in entries.windows(2) {
            if let [(_, first), (position, second)] = pair
                && first.client.id() == second.client.id()
            {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("clients[{position}].client.id"),
                    second.client.id(),
                ));
            }
        }
        let mut registry = ClientRegistry::new();
        let mut counts = [0_usize; 3];
        for (_, entry) in &entries {
            counts[0] = counts[0].saturating_add(entry.needs.len());
            counts[1] = counts[1].saturating_add(entry.interactions.len());
            counts[2] = counts[2].saturating_add(entry.follow_ups.len());
        }
        let [needs, interactions, follow_ups] = counts;
        registry.needs.reserve(needs);
        registry.interactions.reserve(interactions);
        registry.follow_ups.reserve(follow_ups);
        registry.by_identifier.reserve(entries.len());
        registry.by_name_contact.reserve(entries.len());
        // Search postings, filled in id order so each list is already sorted.
        let mut postings: HashMap<String, Vec<ClientId>> = HashMap::new();
        for (position, entry) in &mut entries {
            let id = entry.client.id();
            let at = |field: String| format!("clients[{position}].{field}");
            let keys = Keys::of_record(entry);
            for key in keys.identifiers {
                match registry.by_identifier.entry(key) {
                    hash_map::Entry::Occupied(_) => {
                        return Err(RestoreError::duplicate(
                            WHAT,
                            at(format!("client.identity.{}", key.name())),
                            key,
                        ));
                    }
                    hash_map::Entry::Vacant(slot) => {
                        slot.insert(id);
                    }
                }
            }
            for contact in keys.contacts {
                registry.add_contact(contact, id);
            }
            for token in &keys.tokens {
                match postings.get_mut(token) {
                    Some(ids) => ids.push(id),
                    None => {
                        postings.insert(token.clone(), vec![id]);
                    }
                }
            }
            entry.sort_key = keys.tokens.join(" ");
            entry.tokens = keys.tokens;
            for (index, need) in entry.needs.iter().enumerate() {
                if registry.needs.insert(need.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("needs[{index}].id")),
                        need.id(),
                    ));
                }
            }
            for (index, interaction) in entry.interactions.iter().enumerate() {
                if registry.interactions.insert(interaction.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("interactions[{index}].id")),
                        interaction.id(),
                    ));
                }
            }
            for (index, follow_up) in entry.follow_ups.iter().enumerate() {
                if registry.follow_ups.insert(follow_up.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("follow_ups[{index}].id")),
                        follow_up.id(),
                    ));
                }
            }
            for (index, absorbed) in entry.client.merged_from().iter().enumerate() {
                if saved.merged_into.get(absorbed) != Some(&id) {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        at(format!("client.merged_from[{index}]")),
                        format_args!("merged_into does not resolve {absorbed} to this client"),
                    )
                    .with_latvian_reason(format_args!(
                        "merged_into nenorāda {absorbed} uz šo klientu"
                    )));
                }
            }
        }
        registry.tokens = postings
            .into_iter()
            .map(|(token, ids)| (token, ids.into_iter().collect()))
            .collect();
        registry.records = entries
            .into_iter()
            .map(|(_, entry)| (entry.client.id(), entry))
            .collect();
        for (absorbed, kept) in &saved.merged_into {
            if registry.records.contains_key(absorbed) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("merged_into.{absorbed}"),
                    "a merged client is no longer in the registry",
                )
                .with_latvian_reason("apvienots klients vairs nav reģistrā"));
            }
            if !registry.records.contains_key(kept) {
                return Err(RestoreError::missing(
                    WHAT,
                    format!("merged_into.{absorbed}"),
                    format_args!("resolves to {kept}, which is not a client in the registry"),
                )
                .with_latvian_reason(format_args!("norāda uz {kept}, kas nav reģistra klients")));
            }
        }
        registry.merged_into = saved.merged_into.into_iter().collect();
        Ok(registry)
    }
}
