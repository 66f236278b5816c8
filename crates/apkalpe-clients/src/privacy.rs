//! Personal data (*personas dati*, knowledge 1.2): consents per purpose, the data-subject access
//! export and erasure weighed against retention holds.
//!
//! Legal basis: Regulation (EU) 2016/679 (GDPR) art. 6(1) (legal bases), art. 7(3) (withdrawal
//! at any time), art. 15 (access), art. 17(3)(b) (erasure yields to a legal obligation to keep);
//! peer lessons §7 and §12 (keep tax-relevant fields, holds are dated records with a reason, several
//! per object). Which data the accounting law keeps and how long is facts §3c \[I9\]\[I13\]: the
//! caller turns it into [`RetentionHold`]s.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::client::{Client, ClientField, ClientId, FieldChange};
use crate::error::{ParseTextError, PrivacyError};
use crate::interaction::{Channel, FollowUp, Interaction};
use crate::need::Need;
use crate::text::check_text;

/// What personal data is used for (*apstrādes nolūks*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Purpose {
    /// Marketing messages by e-mail.
    MarketingEmail,
    /// Calls to offer or inform.
    PhoneCalls,
    /// Surveys and questionnaires (T5.7).
    Surveys,
    /// Profiling: analysing the client's data to predict preferences. Not a contact purpose.
    Profiling,
}

impl Purpose {
    /// Returns the snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Purpose::MarketingEmail => "marketing_email",
            Purpose::PhoneCalls => "phone_calls",
            Purpose::Surveys => "surveys",
            Purpose::Profiling => "profiling",
        }
    }

    /// Tells whether contacting through `channel` serves this purpose: marketing e-mail only by
    /// e-mail, calls only by phone, surveys by any channel, profiling by none.
    pub fn covers(&self, channel: Channel) -> bool {
        match self {
            Purpose::MarketingEmail => channel == Channel::Email,
            Purpose::PhoneCalls => channel == Channel::Phone,
            Purpose::Surveys => true,
            Purpose::Profiling => false,
        }
    }
}

/// The legal basis of processing, GDPR art. 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LegalBasis {
    /// Art. 6(1)(a): the person's consent (*piekrišana*).
    Consent,
    /// Art. 6(1)(b): needed for a contract with the person.
    Contract,
    /// Art. 6(1)(c): a legal obligation.
    LegalObligation,
    /// Art. 6(1)(f): a legitimate interest; the person may object, recorded as a withdrawal.
    LegitimateInterest,
}

/// A consent (or another legal basis) for one purpose, with the time it was granted and, once
/// withdrawn, the time of withdrawal.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Consent, LegalBasis, Purpose};
/// use chrono::{TimeZone, Utc};
///
/// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
/// let mut consent = Consent::new(Purpose::Surveys, LegalBasis::Consent, granted);
/// assert!(consent.is_active_at(granted));
/// consent.withdraw(Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap())?;
/// assert!(!consent.is_active_at(Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap()));
/// # Ok::<(), apkalpe_clients::PrivacyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consent {
    purpose: Purpose,
    basis: LegalBasis,
    granted_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withdrawn_at: Option<DateTime<Utc>>,
}

impl Consent {
    /// Records a consent granted at `granted_at`.
    pub fn new(purpose: Purpose, basis: LegalBasis, granted_at: DateTime<Utc>) -> Self {
        Consent {
            purpose,
            basis,
            granted_at,
            withdrawn_at: None,
        }
    }

    /// Records the withdrawal (or objection).
    ///
    /// # Errors
    ///
    /// [`PrivacyError::AlreadyWithdrawn`] the second time;
    /// [`PrivacyError::WithdrawnBeforeGranted`] for a time before the grant.
    pub fn withdraw(&mut self, at: DateTime<Utc>) -> Result<(), PrivacyError> {
        if self.withdrawn_at.is_some() {
            return Err(PrivacyError::AlreadyWithdrawn);
        }
        if at < self.granted_at {
            return Err(PrivacyError::WithdrawnBeforeGranted);
        }
        self.withdrawn_at = Some(at);
        Ok(())
    }

    /// Tells whether the consent holds at `at`: granted at or before, not withdrawn by then.
    pub fn is_active_at(&self, at: DateTime<Utc>) -> bool {
        self.granted_at <= at && self.withdrawn_at.is_none_or(|withdrawn| at < withdrawn)
    }

    /// Returns the purpose.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// Returns the legal basis.
    pub fn basis(&self) -> LegalBasis {
        self.basis
    }

    /// Returns when it was granted.
    pub fn granted_at(&self) -> DateTime<Utc> {
        self.granted_at
    }

    /// Returns when it was withdrawn.
    pub fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.withdrawn_at
    }
}

/// The answer of [`ClientRegistry::may_contact`](crate::ClientRegistry::may_contact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum ContactDecision {
    /// Contact is allowed on this basis.
    Allowed {
        /// The legal basis.
        basis: LegalBasis,
        /// Since when.
        since: DateTime<Utc>,
    },
    /// Contact is not allowed.
    Denied {
        /// Why not.
        reason: DenialReason,
    },
}

impl ContactDecision {
    /// Tells whether contact is allowed.
    pub fn is_allowed(&self) -> bool {
        matches!(self, ContactDecision::Allowed { .. })
    }
}

/// Why contact is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
#[non_exhaustive]
pub enum DenialReason {
    /// No consent for the purpose was ever granted (or it starts later).
    NoConsent,
    /// The consent was withdrawn.
    Withdrawn {
        /// When.
        at: DateTime<Utc>,
    },
    /// The channel does not serve the purpose (a call for marketing e-mail; any contact for
    /// profiling).
    ChannelNotCovered,
    /// The client relationship is closed.
    ClientClosed,
    /// The client's personal data was erased.
    ClientErased,
}

/// Decides whether a client may be contacted, from their status and consents.
pub(crate) fn decide(
    client: &Client,
    consents: &[Consent],
    channel: Channel,
    purpose: Purpose,
    at: DateTime<Utc>,
) -> ContactDecision {
    let denied = |reason| ContactDecision::Denied { reason };
    if client.is_erased() {
        return denied(DenialReason::ClientErased);
    }
    if client.status() == crate::ClientStatus::Closed {
        return denied(DenialReason::ClientClosed);
    }
    if !purpose.covers(channel) {
        return denied(DenialReason::ChannelNotCovered);
    }
    let of_purpose = || consents.iter().filter(|consent| consent.purpose == purpose);
    if let Some(active) = of_purpose().find(|consent| consent.is_active_at(at)) {
        return ContactDecision::Allowed {
            basis: active.basis,
            since: active.granted_at,
        };
    }
    match of_purpose()
        .filter_map(|consent| consent.withdrawn_at)
        .filter(|withdrawn| *withdrawn <= at)
        .max()
    {
        Some(withdrawn) => denied(DenialReason::Withdrawn { at: withdrawn }),
        None => denied(DenialReason::NoConsent),
    }
}

/// Groups of personal data that erasure handles, and retention holds name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PersonalField {
    /// Given and family names.
    Name,
    /// The personal code (and the birth date it carries).
    PersonalCode,
    /// Postal addresses.
    Addresses,
    /// E-mail addresses.
    Emails,
    /// Phone numbers.
    Phones,
    /// Tags.
    Tags,
    /// Free texts: interaction subjects and summaries, need features and notes, follow-up
    /// descriptions, and the old and new values of these fields in the change history.
    FreeTexts,
}

impl PersonalField {
    /// Every personal field, in order.
    pub const ALL: [PersonalField; 7] = [
        PersonalField::Name,
        PersonalField::PersonalCode,
        PersonalField::Addresses,
        PersonalField::Emails,
        PersonalField::Phones,
        PersonalField::Tags,
        PersonalField::FreeTexts,
    ];

    /// Returns the personal field a client field belongs to, if any.
    pub(crate) fn of(field: ClientField) -> Option<PersonalField> {
        match field {
            ClientField::GivenName | ClientField::FamilyName => Some(PersonalField::Name),
            ClientField::PersonalCode => Some(PersonalField::PersonalCode),
            ClientField::Addresses => Some(PersonalField::Addresses),
            ClientField::Emails => Some(PersonalField::Emails),
            ClientField::Phones => Some(PersonalField::Phones),
            ClientField::Tags => Some(PersonalField::Tags),
            ClientField::MergedFrom => Some(PersonalField::Name),
            _ => None,
        }
    }
}

/// A reason to keep some personal data past an erasure request, until a date: "accounting
/// documents until 2031-12-31" keeps the name, personal code and address printed on invoices.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{PersonalField, RetentionHold};
/// use chrono::NaiveDate;
///
/// let hold = RetentionHold::try_new(
///     "accounting documents (Grāmatvedības likums art. 28)",
///     NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
///     [PersonalField::Name, PersonalField::PersonalCode, PersonalField::Addresses],
/// )?;
/// assert!(hold.applies_on(NaiveDate::from_ymd_opt(2031, 12, 31).unwrap()));
/// assert!(!hold.applies_on(NaiveDate::from_ymd_opt(2032, 1, 1).unwrap()));
/// # Ok::<(), apkalpe_clients::ParseTextError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionHold {
    reason: String,
    until: NaiveDate,
    fields: BTreeSet<PersonalField>,
}

impl RetentionHold {
    /// Creates a hold with a reason of 1–200 characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long reason.
    pub fn try_new(
        reason: &str,
        until: NaiveDate,
        fields: impl IntoIterator<Item = PersonalField>,
    ) -> Result<Self, ParseTextError> {
        Ok(RetentionHold {
            reason: check_text("reason", reason, 200, false)?,
            until,
            fields: fields.into_iter().collect(),
        })
    }

    /// Tells whether the hold still applies on `date` (through its `until` date inclusive).
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        date <= self.until
    }

    /// Returns the reason.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    pub fn until(&self) -> NaiveDate {
        self.until
    }

    /// Returns the fields it keeps.
    pub fn fields(&self) -> &BTreeSet<PersonalField> {
        &self.fields
    }
}

/// A field kept at erasure, and the holds that keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeptField {
    field: PersonalField,
    holds: Vec<HoldNote>,
}

impl KeptField {
    /// Returns the field.
    pub fn field(&self) -> PersonalField {
        self.field
    }

    /// Returns the holds that keep it.
    pub fn holds(&self) -> &[HoldNote] {
        &self.holds
    }
}

/// The reason and end date of a hold, as the erasure report cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoldNote {
    reason: String,
    until: NaiveDate,
}

impl HoldNote {
    /// Returns the reason.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    pub fn until(&self) -> NaiveDate {
        self.until
    }
}

/// What an erasure did: the fields erased, the fields kept and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErasureReport {
    client: ClientId,
    erased_at: DateTime<Utc>,
    erased: Vec<PersonalField>,
    kept: Vec<KeptField>,
}

impl ErasureReport {
    /// Splits the personal fields into erased and kept, given the holds that apply on `today`.
    pub(crate) fn plan(
        client: ClientId,
        holds: &[RetentionHold],
        today: NaiveDate,
        erased_at: DateTime<Utc>,
    ) -> Self {
        let mut erased = Vec::new();
        let mut kept = Vec::new();
        for field in PersonalField::ALL {
            let notes: Vec<HoldNote> = holds
                .iter()
                .filter(|hold| hold.applies_on(today) && hold.fields.contains(&field))
                .map(|hold| HoldNote {
                    reason: hold.reason.clone(),
                    until: hold.until,
                })
                .collect();
            if notes.is_empty() {
                erased.push(field);
            } else {
                kept.push(KeptField {
                    field,
                    holds: notes,
                });
            }
        }
        ErasureReport {
            client,
            erased_at,
            erased,
            kept,
        }
    }

    /// Returns the client.
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns when the erasure was done.
    pub fn erased_at(&self) -> DateTime<Utc> {
        self.erased_at
    }

    /// Returns the fields erased.
    pub fn erased(&self) -> &[PersonalField] {
        &self.erased
    }

    /// Returns the fields kept, with the holds that keep them.
    pub fn kept(&self) -> &[KeptField] {
        &self.kept
    }

    /// Tells whether the field was erased.
    pub fn is_erased(&self, field: PersonalField) -> bool {
        self.erased.contains(&field)
    }
}

/// The schema name written in every [`AccessExport`].
pub const ACCESS_EXPORT_SCHEMA: &str = "apkalpe.clients.access_export/1";

/// Everything the registry holds about one client, as one JSON document (GDPR art. 15).
///
/// Built by [`ClientRegistry::access_export`](crate::ClientRegistry::access_export) and
/// serialised with serde. The schema (`apkalpe.clients.access_export/1`) is documented field by
/// field in `docs/model/clients.md` and covered by a snapshot test; it changes only with a new
/// schema name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessExport<'a> {
    pub(crate) schema: &'static str,
    pub(crate) generated_at: DateTime<Utc>,
    pub(crate) client: &'a Client,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) birth_date: Option<NaiveDate>,
    pub(crate) consents: &'a [Consent],
    pub(crate) needs: &'a [Need],
    pub(crate) interactions: &'a [Interaction],
    pub(crate) follow_ups: &'a [FollowUp],
    pub(crate) history: &'a [FieldChange],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) erasure: Option<&'a ErasureReport>,
}

impl AccessExport<'_> {
    /// Returns the client.
    pub fn client(&self) -> &Client {
        self.client
    }

    /// Returns the export as pretty-printed JSON.
    ///
    /// # Errors
    ///
    /// Never in practice: every value serialises. A serde_json failure is passed on.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}
