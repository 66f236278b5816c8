//! Needs, contacts and follow-ups kept per client, and the timeline of them.

use chrono::{DateTime, NaiveDate, Utc};

use super::{ClientRegistry, TimelineEntry};
use crate::client::{ClientId, FollowUpId, NeedId};
use crate::error::{RecordKind, RegistryError};
use crate::interaction::{FollowUp, Interaction};
use crate::need::Need;

impl ClientRegistry {
    /// Records a need or request of a client (T2.3).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client, [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`] for a need id already used.
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
    /// use apkalpe_clients::{Need, NeedId};
    /// registry.record_need(Need::try_new(NeedId::from_u128(2), anna, "bicycles", at)?)?;
    /// assert_eq!(registry.needs_of(anna)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_need(&mut self, need: Need) -> Result<(), RegistryError> {
        if self.needs.contains_key(&need.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Need,
                id: need.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(need.client())?;
        let owner = record.client.id();
        let mut need = need;
        need.set_client(owner);
        let id = need.id();
        record.needs.push(need);
        self.needs.insert(id, owner);
        Ok(())
    }

    /// Returns a need by id.
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
    /// use apkalpe_clients::{Need, NeedId};
    /// registry.record_need(Need::try_new(NeedId::from_u128(2), anna, "bicycles", at)?)?;
    /// assert_eq!(registry.need(NeedId::from_u128(2)).map(Need::category), Some("bicycles"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn need(&self, id: NeedId) -> Option<&Need> {
        let owner = self.needs.get(&id)?;
        self.records
            .get(owner)?
            .needs
            .iter()
            .find(|need| need.id() == id)
    }

    /// Returns a need to move it through its life cycle ([`Need::offer`], [`Need::accept`],
    /// [`Need::decline`]).
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
    /// use apkalpe_clients::{Need, NeedId};
    /// registry.record_need(Need::try_new(NeedId::from_u128(2), anna, "bicycles", at)?)?;
    /// registry.need_mut(NeedId::from_u128(2)).ok_or("no need")?.decline(at)?;
    /// assert!(!registry.needs_of(anna)?[0].status().is_pending());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn need_mut(&mut self, id: NeedId) -> Option<&mut Need> {
        let owner = self.needs.get(&id)?;
        self.records
            .get_mut(owner)?
            .needs
            .iter_mut()
            .find(|need| need.id() == id)
    }

    /// Returns a client's needs, in the order recorded.
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
    /// assert!(registry.needs_of(anna)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn needs_of(&self, client: ClientId) -> Result<&[Need], RegistryError> {
        Ok(&self.record(client)?.needs)
    }

    /// Marks lapsed every pending need whose needed-by date is before `today`; returns their ids.
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
    /// use apkalpe_clients::{Need, NeedId};
    /// use chrono::NaiveDate;
    /// let by = NaiveDate::from_ymd_opt(2026, 12, 20).ok_or("date")?;
    /// registry.record_need(Need::try_new(NeedId::from_u128(2), anna, "bicycles", at)?.with_needed_by(by))?;
    /// assert!(registry.lapse_needs(by).is_empty());
    /// assert_eq!(registry.lapse_needs(by.succ_opt().ok_or("date")?), [NeedId::from_u128(2)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lapse_needs(&mut self, today: NaiveDate) -> Vec<NeedId> {
        let mut lapsed = Vec::new();
        for record in self.records.values_mut() {
            for need in &mut record.needs {
                if need.lapse_if_due(today) {
                    lapsed.push(need.id());
                }
            }
        }
        lapsed
    }

    /// Records a contact with a client (T2.1, T2.6, T3.1, S10).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`].
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
    /// use apkalpe_clients::{Channel, Direction, Interaction, InteractionId, StaffMember};
    /// registry.record_interaction(Interaction::try_new(
    ///     InteractionId::from_u128(3), anna, Channel::Phone, Direction::Inbound,
    ///     "Asked about bicycles", StaffMember::try_new("Ilze")?, at,
    /// )?)?;
    /// assert_eq!(registry.interactions_of(anna)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_interaction(&mut self, interaction: Interaction) -> Result<(), RegistryError> {
        if self.interactions.contains_key(&interaction.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Interaction,
                id: interaction.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(interaction.client())?;
        let owner = record.client.id();
        let mut interaction = interaction;
        interaction.set_client(owner);
        let id = interaction.id();
        let position = record
            .interactions
            .partition_point(|other| other.at() <= interaction.at());
        record.interactions.insert(position, interaction);
        self.interactions.insert(id, owner);
        Ok(())
    }

    /// Returns a client's interactions in time order.
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
    /// assert!(registry.interactions_of(anna)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn interactions_of(&self, client: ClientId) -> Result<&[Interaction], RegistryError> {
        Ok(&self.record(client)?.interactions)
    }

    /// Adds a follow-up task.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`].
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
    /// use apkalpe_clients::{FollowUp, FollowUpId, StaffMember};
    /// let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// registry.add_follow_up(FollowUp::try_new(FollowUpId::from_u128(4), anna, "Send the offer", due, StaffMember::try_new("Ilze")?)?)?;
    /// assert_eq!(registry.overdue_follow_ups(due.succ_opt().ok_or("date")?).len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_follow_up(&mut self, follow_up: FollowUp) -> Result<(), RegistryError> {
        if self.follow_ups.contains_key(&follow_up.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::FollowUp,
                id: follow_up.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(follow_up.client())?;
        let owner = record.client.id();
        let mut follow_up = follow_up;
        follow_up.set_client(owner);
        let id = follow_up.id();
        record.follow_ups.push(follow_up);
        self.follow_ups.insert(id, owner);
        Ok(())
    }

    /// Marks a follow-up task done.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown task,
    /// [`RegistryError::FollowUpDone`] when it is already done.
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
    /// use apkalpe_clients::{FollowUp, FollowUpId, StaffMember};
    /// let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// registry.add_follow_up(FollowUp::try_new(FollowUpId::from_u128(4), anna, "Send the offer", due, StaffMember::try_new("Ilze")?)?)?;
    /// registry.complete_follow_up(FollowUpId::from_u128(4), at)?;
    /// assert!(registry.overdue_follow_ups(due.succ_opt().ok_or("date")?).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete_follow_up(
        &mut self,
        id: FollowUpId,
        at: DateTime<Utc>,
    ) -> Result<(), RegistryError> {
        let unknown = RegistryError::UnknownRecord {
            kind: RecordKind::FollowUp,
            id: id.as_uuid(),
        };
        let owner = *self.follow_ups.get(&id).ok_or(unknown.clone())?;
        let task = self
            .records
            .get_mut(&owner)
            .and_then(|record| record.follow_ups.iter_mut().find(|task| task.id() == id))
            .ok_or(unknown)?;
        if task.done_at().is_some() {
            return Err(RegistryError::FollowUpDone { id: id.as_uuid() });
        }
        task.complete(at);
        Ok(())
    }

    /// Lists open follow-up tasks due before `today`, oldest due date first.
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
    /// assert!(registry.overdue_follow_ups(at.date_naive()).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overdue_follow_ups(&self, today: NaiveDate) -> Vec<&FollowUp> {
        let mut overdue: Vec<&FollowUp> = self
            .records
            .values()
            .flat_map(|record| record.follow_ups.iter())
            .filter(|task| task.is_overdue(today))
            .collect();
        overdue.sort_by_key(|task| (task.due(), task.id()));
        overdue
    }

    /// Returns a client's timeline: registration, changes, needs, contacts, follow-ups and
    /// consents in time order (ties keep that order).
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
    /// assert_eq!(registry.timeline(anna)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(&self, client: ClientId) -> Result<Vec<TimelineEntry<'_>>, RegistryError> {
        let record = self.record(client)?;
        let mut entries = vec![TimelineEntry::Registered {
            at: record.client.registered_at(),
        }];
        entries.extend(
            record
                .history
                .iter()
                .map(|change| TimelineEntry::Changed { change }),
        );
        entries.extend(
            record
                .needs
                .iter()
                .map(|need| TimelineEntry::NeedRecorded { need }),
        );
        entries.extend(
            record
                .interactions
                .iter()
                .map(|interaction| TimelineEntry::Interaction { interaction }),
        );
        entries.extend(
            record
                .follow_ups
                .iter()
                .map(|follow_up| TimelineEntry::FollowUpDue { follow_up }),
        );
        for consent in &record.consents {
            entries.push(TimelineEntry::ConsentGranted { consent });
            if consent.withdrawn_at().is_some() {
                entries.push(TimelineEntry::ConsentWithdrawn { consent });
            }
        }
        entries.sort_by_key(TimelineEntry::at);
        Ok(entries)
    }
}
