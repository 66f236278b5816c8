//! Consents, the access export and erasure of a client's personal data (GDPR art. 15, 17).

use std::borrow::Cow;

use apkalpe_core::PartyName;
use chrono::{DateTime, NaiveDate, Utc};

use super::{ClientEntry, ClientRegistry};
use crate::client::{ClientChange, ClientId, ClientStatus};
use crate::error::{ClientsError, PrivacyError, RecordKind, RegistryError};
use crate::interaction::{Channel, ERASED, FollowUp, Interaction};
use crate::need::Need;
use crate::privacy::{
    ACCESS_EXPORT_SCHEMA, AccessExport, Consent, ContactDecision, ErasureReport, PersonalField,
    Purpose, RetentionHold, decide,
};

impl ClientRegistry {
    /// Records a consent (or another legal basis) of a client.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`].
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
    /// use apkalpe_clients::{Channel, Consent, LegalBasis, Purpose};
    /// registry.grant_consent(anna, Consent::new(Purpose::Surveys, LegalBasis::Consent, at))?;
    /// assert!(registry.may_contact(anna, Channel::Email, Purpose::Surveys, at)?.is_allowed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn grant_consent(
        &mut self,
        client: ClientId,
        consent: Consent,
    ) -> Result<(), RegistryError> {
        self.live_record_mut(client)?.consents.push(consent);
        Ok(())
    }

    /// Withdraws every active consent of a client for a purpose at `at` (GDPR art. 7(3)).
    ///
    /// # Errors
    ///
    /// [`ClientsError::Registry`] for an unknown client;
    /// [`PrivacyError::NoActiveConsent`] when none is active at `at`;
    /// [`PrivacyError::AlreadyWithdrawn`] when one active at `at` already carries a later
    /// withdrawal (recorded out of time order). Nothing is changed when an error is returned.
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
    /// use apkalpe_clients::{Channel, Consent, LegalBasis, Purpose};
    /// registry.grant_consent(anna, Consent::new(Purpose::Surveys, LegalBasis::Consent, at))?;
    /// registry.withdraw_consent(anna, Purpose::Surveys, at)?;
    /// assert!(!registry.may_contact(anna, Channel::Email, Purpose::Surveys, at)?.is_allowed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn withdraw_consent(
        &mut self,
        client: ClientId,
        purpose: Purpose,
        at: DateTime<Utc>,
    ) -> Result<(), ClientsError> {
        let record = self.record_mut(client)?;
        let active = |consent: &Consent| consent.purpose() == purpose && consent.is_active_at(at);
        if !record.consents.iter().any(active) {
            return Err(PrivacyError::NoActiveConsent {
                purpose: purpose.as_str(),
            }
            .into());
        }
        // Check every consent before changing any, so a refusal leaves all as they were.
        if record
            .consents
            .iter()
            .any(|consent| active(consent) && consent.withdrawn_at().is_some())
        {
            return Err(PrivacyError::AlreadyWithdrawn.into());
        }
        for consent in record.consents.iter_mut().filter(|consent| active(consent)) {
            // Active at `at` and not withdrawn: granted at or before `at`, so this succeeds.
            let withdrawn = consent.withdraw(at);
            debug_assert!(withdrawn.is_ok(), "checked above: {withdrawn:?}");
        }
        Ok(())
    }

    /// Returns a client's consents, in the order recorded.
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
    /// assert!(registry.consents_of(anna)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn consents_of(&self, client: ClientId) -> Result<&[Consent], RegistryError> {
        Ok(&self.record(client)?.consents)
    }

    /// Tells whether a client may be contacted through `channel` for `purpose` at `at`: the
    /// client is neither erased nor closed, the channel serves the purpose
    /// ([`Purpose::covers`]) and a consent for the purpose is active at `at`.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientDetails, ClientId, ClientRegistry, Consent, LegalBasis, Person, Purpose};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)),
    ///     ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// registry.grant_consent(id, Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, at))?;
    /// assert!(registry.may_contact(id, Channel::Email, Purpose::MarketingEmail, at)?.is_allowed());
    /// assert!(!registry.may_contact(id, Channel::Phone, Purpose::MarketingEmail, at)?.is_allowed());
    /// assert!(!registry.may_contact(id, Channel::Phone, Purpose::PhoneCalls, at)?.is_allowed());
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn may_contact(
        &self,
        client: ClientId,
        channel: Channel,
        purpose: Purpose,
        at: DateTime<Utc>,
    ) -> Result<ContactDecision, RegistryError> {
        let record = self.record(client)?;
        Ok(decide(
            &record.client,
            &record.consents,
            channel,
            purpose,
            at,
        ))
    }

    /// Returns everything held about a client as one document (GDPR art. 15), stamped with
    /// the moment it was made (`generated_at`: the caller's clock, as everything in this
    /// crate): the client, the birth date its personal code carries, consents, needs,
    /// interactions, follow-ups, the change history and, after erasure, the erasure report.
    /// Serialise it with serde (schema `apkalpe.clients.access_export/1`, see
    /// `docs/model/clients.md`).
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
    /// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let later = Utc.with_ymd_and_hms(2026, 12, 1, 14, 0, 0).unwrap();
    /// let export = registry.access_export(id, later)?;
    /// assert_eq!((export.client().id(), export.generated_at()), (id, later));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn access_export(
        &self,
        client: ClientId,
        generated_at: DateTime<Utc>,
    ) -> Result<AccessExport<'_>, RegistryError> {
        let record = self.record(client)?;
        Ok(AccessExport {
            schema: Cow::Borrowed(ACCESS_EXPORT_SCHEMA),
            generated_at,
            client: Cow::Borrowed(&record.client),
            birth_date: record
                .client
                .person()
                .and_then(|person| person.birth_date()),
            consents: Cow::Borrowed(&record.consents),
            needs: Cow::Borrowed(&record.needs),
            interactions: Cow::Borrowed(&record.interactions),
            follow_ups: Cow::Borrowed(&record.follow_ups),
            history: Cow::Borrowed(&record.history),
            erasure: record.erasure.as_ref().map(Cow::Borrowed),
        })
    }

    /// Erases a natural person's personal data (GDPR art. 17), except the fields a retention
    /// hold applying on `today` keeps (art. 17(3)(b)). Erased names become `[erased]`; erased
    /// identifiers, addresses, contacts and tags are removed; erased free texts are replaced
    /// by `[erased]` or dropped, in the history too. Active consents are withdrawn at `at`, the
    /// status becomes closed, and the client takes no new data. Returns what was erased and
    /// what was kept, and why.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`]; [`PrivacyError::NotANaturalPerson`] for an
    /// organisation; [`PrivacyError::AlreadyErased`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// use apkalpe_core::{EmailAddress, PersonalCode};
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::person(
    ///     Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?))
    ///     .with_email(EmailAddress::try_new("anna@example.lv")?), at)?.id();
    /// let hold = RetentionHold::try_new("accounting documents", NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
    ///     [PersonalField::Name, PersonalField::PersonalCode])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.is_erased(PersonalField::Emails));
    /// assert!(!report.is_erased(PersonalField::Name));
    /// let json = registry.access_export(id, at)?.to_json().unwrap();
    /// assert!(!json.contains("anna@example.lv") && json.contains("Bērziņa"));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn erase(
        &mut self,
        client: ClientId,
        holds: &[RetentionHold],
        today: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<ErasureReport, ClientsError> {
        let id = self.resolve(client);
        let record = self.record(id)?;
        if record.client.is_erased() {
            return Err(PrivacyError::AlreadyErased.into());
        }
        if record.client.person().is_none() {
            return Err(PrivacyError::NotANaturalPerson.into());
        }
        let report = ErasureReport::plan(id, holds, today, at);
        let Some(mut record) = self.records.remove(&id) else {
            return Err(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            }
            .into());
        };
        self.unindex(&record);
        erase_record(&mut record, &report, at);
        record.erasure = Some(report.clone());
        self.index(&mut record);
        self.records.insert(id, record);
        Ok(report)
    }
}

/// Applies an erasure plan to a record.
fn erase_record(record: &mut ClientEntry, report: &ErasureReport, at: DateTime<Utc>) {
    let client = &mut record.client;
    let mut changes = Vec::new();
    if report.is_erased(PersonalField::Name)
        && let Ok(marker) = PartyName::try_new(ERASED)
    {
        changes.push(ClientChange::GivenName(marker.clone()));
        changes.push(ClientChange::FamilyName(marker));
    }
    if report.is_erased(PersonalField::PersonalCode) {
        changes.push(ClientChange::PersonalCode(None));
    }
    if report.is_erased(PersonalField::Addresses) {
        changes.push(ClientChange::Addresses(Vec::new()));
    }
    if report.is_erased(PersonalField::Emails) {
        changes.push(ClientChange::Emails(Vec::new()));
    }
    if report.is_erased(PersonalField::Phones) {
        changes.push(ClientChange::Phones(Vec::new()));
    }
    if report.is_erased(PersonalField::Tags) {
        changes.push(ClientChange::Tags(std::collections::BTreeSet::new()));
    }
    changes.push(ClientChange::Status(ClientStatus::Closed));
    for change in changes {
        // Every change here is a person's field or a common one, and the client is a person.
        let applied = change.apply(client);
        debug_assert!(applied.is_ok(), "erasure change refused: {applied:?}");
    }
    client.mark_erased(at);
    for change in &mut record.history {
        let erase = match PersonalField::of(change.field) {
            Some(field) => report.is_erased(field),
            None => false,
        };
        if erase {
            change.old = change.old.as_ref().map(|_| ERASED.to_owned());
            change.new = change.new.as_ref().map(|_| ERASED.to_owned());
        }
    }
    if report.is_erased(PersonalField::FreeTexts) {
        record.needs.iter_mut().for_each(Need::erase_texts);
        record
            .interactions
            .iter_mut()
            .for_each(Interaction::erase_texts);
        record.follow_ups.iter_mut().for_each(FollowUp::erase_texts);
    }
    for consent in &mut record.consents {
        // A consent already withdrawn keeps its withdrawal, even one recorded for a time after
        // the erasure: contact is refused to an erased client whatever its consents say.
        if consent.is_active_at(at) && consent.withdrawn_at().is_none() {
            // Granted at or before `at` and not withdrawn, so withdrawing cannot fail.
            let withdrawn = consent.withdraw(at);
            debug_assert!(withdrawn.is_ok());
        }
    }
}
