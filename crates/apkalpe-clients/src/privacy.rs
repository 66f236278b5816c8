//! Personal data (*personas dati*, knowledge 1.2): consents per purpose, the data-subject access
//! export and erasure weighed against retention holds.
//!
//! Legal basis: Regulation (EU) 2016/679 (GDPR) art. 6(1) (legal bases), art. 7(3) (withdrawal
//! at any time), art. 15 (access), art. 17(3)(b) (erasure yields to a legal obligation to keep);
//! peer lessons §7 and §12 (keep tax-relevant fields, holds are dated records with a reason, several
//! per object). Which data the accounting law keeps and how long is facts §3c \[I9\]\[I13\]: the
//! caller turns it into [`RetentionHold`]s.

use std::borrow::Cow;
use std::collections::BTreeSet;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use crate::client::ClientRecord;
use crate::client::{Client, ClientField, ClientId, FieldChange};
use crate::error::{ParseTextError, PrivacyError};
use crate::interaction::{Channel, FollowUp, Interaction};
#[cfg(feature = "serde")]
use crate::interaction::{FollowUpRecord, InteractionRecord};
use crate::need::Need;
#[cfg(feature = "serde")]
use crate::need::NeedRecord;
#[cfg(feature = "serde")]
use crate::restore::{text, unique};
use crate::text::check_text;

/// What personal data is used for (*apstrādes nolūks*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Purpose;
    ///
    /// assert_eq!(Purpose::PhoneCalls.as_str(), "phone_calls");
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, Purpose};
    ///
    /// assert!(Purpose::MarketingEmail.covers(Channel::Email));
    /// assert!(!Purpose::MarketingEmail.covers(Channel::Phone));
    /// assert!(!Purpose::Profiling.covers(Channel::Email));
    /// ```
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
///
/// Deserialised through [`Consent::new`] and [`Consent::withdraw`]: a withdrawal dated before
/// the grant is refused with `restore.invalid` (cause `privacy.withdrawn_before_granted`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ConsentRecord"))]
pub struct Consent {
    purpose: Purpose,
    basis: LegalBasis,
    granted_at: DateTime<Utc>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    withdrawn_at: Option<DateTime<Utc>>,
}

/// The saved form of a [`Consent`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct ConsentRecord {
    purpose: Purpose,
    basis: LegalBasis,
    granted_at: DateTime<Utc>,
    #[cfg_attr(feature = "serde", serde(default))]
    withdrawn_at: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl ConsentRecord {
    /// Rebuilds the consent with [`Consent::new`] and [`Consent::withdraw`].
    pub(crate) fn restore(self) -> Result<Consent, RestoreError> {
        let mut consent = Consent::new(self.purpose, self.basis, self.granted_at);
        if let Some(at) = self.withdrawn_at {
            consent
                .withdraw(at)
                .map_err(|error| RestoreError::invalid("Consent", "withdrawn_at", error))?;
        }
        Ok(consent)
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ConsentRecord> for Consent {
    type Error = RestoreError;

    fn try_from(record: ConsentRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl Consent {
    /// Records a consent granted at `granted_at`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// assert!(consent.is_active_at(granted));
    /// # consent.withdraw(granted)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// consent.withdraw(Utc.with_ymd_and_hms(2026, 4, 1, 10, 0, 0).unwrap())?;
    /// assert!(consent.withdrawn_at().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// let withdrawn = Utc.with_ymd_and_hms(2026, 4, 1, 10, 0, 0).unwrap();
    /// consent.withdraw(withdrawn)?;
    /// assert!(consent.is_active_at(granted));
    /// assert!(!consent.is_active_at(withdrawn));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_active_at(&self, at: DateTime<Utc>) -> bool {
        self.granted_at <= at && self.withdrawn_at.is_none_or(|withdrawn| at < withdrawn)
    }

    /// Returns the purpose.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// assert_eq!(consent.purpose(), Purpose::MarketingEmail);
    /// # consent.withdraw(granted)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// assert_eq!(consent.basis(), LegalBasis::Consent);
    /// # consent.withdraw(granted)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> LegalBasis {
        self.basis
    }

    /// Returns when it was granted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// assert_eq!(consent.granted_at(), granted);
    /// # consent.withdraw(granted)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn granted_at(&self) -> DateTime<Utc> {
        self.granted_at
    }

    /// Returns when it was withdrawn.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
    /// assert_eq!(consent.withdrawn_at(), None);
    /// # consent.withdraw(granted)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.withdrawn_at
    }
}

/// The answer of [`ClientRegistry::may_contact`](crate::ClientRegistry::may_contact).
///
/// Saved with a `decision` tag; deserialised field by field (no rule beyond its fields').
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "decision", rename_all = "snake_case"))]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ContactDecision, DenialReason};
    ///
    /// assert!(!ContactDecision::Denied { reason: DenialReason::NoConsent }.is_allowed());
    /// ```
    pub fn is_allowed(&self) -> bool {
        matches!(self, ContactDecision::Allowed { .. })
    }
}

/// Why contact is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "reason"))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::PersonalField;
    ///
    /// assert_eq!(PersonalField::FreeTexts.as_str(), "free_texts");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PersonalField::Name => "name",
            PersonalField::PersonalCode => "personal_code",
            PersonalField::Addresses => "addresses",
            PersonalField::Emails => "emails",
            PersonalField::Phones => "phones",
            PersonalField::Tags => "tags",
            PersonalField::FreeTexts => "free_texts",
        }
    }

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
/// In core's one retention model (decision 0008) a hold is a
/// [`RetentionObligation`](apkalpe_core::RetentionObligation) scoped to the
/// [`RecordPart`](apkalpe_core::RecordPart)s of its fields:
/// [`RetentionHold::obligation`] states one, [`RetentionHold::facts`] gathers several, so a
/// program can add the other crates' facts and ask
/// [`RetentionFacts::decide`](apkalpe_core::RetentionFacts::decide) once.
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
///
/// Deserialised through the checks of [`RetentionHold::try_new`] (the reason's text rule).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RetentionHoldRecord"))]
pub struct RetentionHold {
    reason: String,
    until: NaiveDate,
    fields: BTreeSet<PersonalField>,
}

/// The saved form of a [`RetentionHold`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct RetentionHoldRecord {
    reason: String,
    until: NaiveDate,
    fields: BTreeSet<PersonalField>,
}

#[cfg(feature = "serde")]
impl TryFrom<RetentionHoldRecord> for RetentionHold {
    type Error = RestoreError;

    fn try_from(record: RetentionHoldRecord) -> Result<Self, Self::Error> {
        Ok(RetentionHold {
            reason: text("RetentionHold", "reason", &record.reason, 200, false)?,
            until: record.until,
            fields: record.fields,
        })
    }
}

impl RetentionHold {
    /// Creates a hold with a reason of 1–200 characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert!(hold.applies_on(until));
    /// assert!(!hold.applies_on(until.succ_opt().ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        date <= self.until
    }

    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.reason(), "accounting documents");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveDate {
        self.until
    }

    /// Returns the fields it keeps.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert!(hold.fields().contains(&PersonalField::Name));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fields(&self) -> &BTreeSet<PersonalField> {
        &self.fields
    }
}

/// A field kept at erasure, and the holds that keep it.
///
/// Deserialising refuses a kept field without a hold (`restore.missing`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "KeptFieldRecord"))]
pub struct KeptField {
    field: PersonalField,
    holds: Vec<HoldNote>,
}

/// The saved form of a [`KeptField`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct KeptFieldRecord {
    field: PersonalField,
    holds: Vec<HoldNote>,
}

#[cfg(feature = "serde")]
impl TryFrom<KeptFieldRecord> for KeptField {
    type Error = RestoreError;

    fn try_from(record: KeptFieldRecord) -> Result<Self, Self::Error> {
        if record.holds.is_empty() {
            return Err(RestoreError::missing(
                "KeptField",
                "holds",
                "a field is kept only by a retention hold",
            )
            .with_latvian_reason("lauku saglabā tikai glabāšanas pamats"));
        }
        Ok(KeptField {
            field: record.field,
            holds: record.holds,
        })
    }
}

impl KeptField {
    /// Returns the field.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].field(), PersonalField::Name);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field(&self) -> PersonalField {
        self.field
    }

    /// Returns the holds that keep it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(&self) -> &[HoldNote] {
        &self.holds
    }
}

/// The reason and end date of a hold, as the erasure report cites it.
///
/// Deserialised through the reason's text rule, as the hold it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "HoldNoteRecord"))]
pub struct HoldNote {
    reason: String,
    until: NaiveDate,
}

/// The saved form of a [`HoldNote`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct HoldNoteRecord {
    reason: String,
    until: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<HoldNoteRecord> for HoldNote {
    type Error = RestoreError;

    fn try_from(record: HoldNoteRecord) -> Result<Self, Self::Error> {
        Ok(HoldNote {
            reason: text("HoldNote", "reason", &record.reason, 200, false)?,
            until: record.until,
        })
    }
}

impl HoldNote {
    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds()[0].reason(), "accounting documents");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds()[0].until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveDate {
        self.until
    }
}

/// What an erasure did: the fields erased, the fields kept and why.
///
/// Deserialising refuses a report that names a field twice, as erased or kept
/// (`restore.duplicate`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ErasureReportRecord"))]
pub struct ErasureReport {
    client: ClientId,
    erased_at: DateTime<Utc>,
    erased: Vec<PersonalField>,
    kept: Vec<KeptField>,
}

/// The saved form of an [`ErasureReport`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct ErasureReportRecord {
    client: ClientId,
    erased_at: DateTime<Utc>,
    erased: Vec<PersonalField>,
    kept: Vec<KeptField>,
}

#[cfg(feature = "serde")]
impl ErasureReportRecord {
    /// Checks that no field is named twice. A report may name fewer fields than
    /// [`PersonalField::ALL`]: one written before a field was added names only the older ones.
    pub(crate) fn restore(self) -> Result<ErasureReport, RestoreError> {
        let mut seen = BTreeSet::new();
        for (position, field) in self.erased.iter().enumerate() {
            if !seen.insert(*field) {
                return Err(RestoreError::duplicate(
                    "ErasureReport",
                    format!("erased[{position}]"),
                    field.as_str(),
                ));
            }
        }
        for (position, kept) in self.kept.iter().enumerate() {
            if !seen.insert(kept.field) {
                return Err(RestoreError::duplicate(
                    "ErasureReport",
                    format!("kept[{position}].field"),
                    kept.field.as_str(),
                ));
            }
        }
        Ok(ErasureReport {
            client: self.client,
            erased_at: self.erased_at,
            erased: self.erased,
            kept: self.kept,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ErasureReportRecord> for ErasureReport {
    type Error = RestoreError;

    fn try_from(record: ErasureReportRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.client(), id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns when the erasure was done.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.erased_at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erased_at(&self) -> DateTime<Utc> {
        self.erased_at
    }

    /// Returns the fields erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.erased().contains(&PersonalField::Phones));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erased(&self) -> &[PersonalField] {
        &self.erased
    }

    /// Returns the fields kept, with the holds that keep them.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kept(&self) -> &[KeptField] {
        &self.kept
    }

    /// Tells whether the field was erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.is_erased(PersonalField::Emails));
    /// assert!(!report.is_erased(PersonalField::Name));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// # Saved form
///
/// An export read back (`AccessExport<'static>`, owning its data) is checked as the registry
/// checks a client's records: the schema name, each record's own rules, every need,
/// interaction and follow-up belonging to the client, the interactions in time order, the birth
/// date being the one the personal code carries, and an erased client carrying none of the
/// values its erasure report says were erased.
///
/// ```
/// use apkalpe_clients::{AccessExport, ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let json = registry.access_export(id, at)?.to_json()?;
/// let read: AccessExport<'static> = serde_json::from_str(&json)?;
/// assert_eq!(read, registry.access_export(id, at)?);
/// let edited = json.replace("access_export/1", "access_export/9");
/// assert!(serde_json::from_str::<AccessExport<'static>>(&edited).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AccessExportRecord"))]
pub struct AccessExport<'a> {
    pub(crate) schema: Cow<'static, str>,
    pub(crate) generated_at: DateTime<Utc>,
    pub(crate) client: Cow<'a, Client>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) birth_date: Option<NaiveDate>,
    pub(crate) consents: Cow<'a, [Consent]>,
    pub(crate) needs: Cow<'a, [Need]>,
    pub(crate) interactions: Cow<'a, [Interaction]>,
    pub(crate) follow_ups: Cow<'a, [FollowUp]>,
    pub(crate) history: Cow<'a, [FieldChange]>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) erasure: Option<Cow<'a, ErasureReport>>,
}

/// The saved form of an [`AccessExport`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct AccessExportRecord {
    schema: String,
    generated_at: DateTime<Utc>,
    client: ClientRecord,
    #[cfg_attr(feature = "serde", serde(default))]
    birth_date: Option<NaiveDate>,
    consents: Vec<ConsentRecord>,
    needs: Vec<NeedRecord>,
    interactions: Vec<InteractionRecord>,
    follow_ups: Vec<FollowUpRecord>,
    history: Vec<FieldChange>,
    #[cfg_attr(feature = "serde", serde(default))]
    erasure: Option<ErasureReportRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<AccessExportRecord> for AccessExport<'_> {
    type Error = RestoreError;

    fn try_from(record: AccessExportRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AccessExport";
        if record.schema != ACCESS_EXPORT_SCHEMA {
            return Err(RestoreError::inconsistent(
                WHAT,
                "schema",
                format_args!("expected {ACCESS_EXPORT_SCHEMA}, found {}", record.schema),
            ));
        }
        let entry = crate::registry::ClientEntryRecord {
            client: record.client,
            history: record.history,
            needs: record.needs,
            interactions: record.interactions,
            follow_ups: record.follow_ups,
            consents: record.consents,
            erasure: record.erasure,
        }
        .restore(WHAT)?;
        let ids = |ids: Vec<uuid::Uuid>| ids;
        unique(
            WHAT,
            "needs",
            &ids(entry.needs.iter().map(|need| need.id().as_uuid()).collect()),
        )?;
        unique(
            WHAT,
            "interactions",
            &ids(entry
                .interactions
                .iter()
                .map(|item| item.id().as_uuid())
                .collect()),
        )?;
        unique(
            WHAT,
            "follow_ups",
            &ids(entry
                .follow_ups
                .iter()
                .map(|item| item.id().as_uuid())
                .collect()),
        )?;
        let birth_date = entry.client.person().and_then(|person| person.birth_date());
        if record.birth_date != birth_date {
            return Err(RestoreError::inconsistent(
                WHAT,
                "birth_date",
                "the birth date is the one the personal code carries",
            )
            .with_latvian_reason("dzimšanas datumam jābūt tam, ko satur personas kods"));
        }
        Ok(AccessExport {
            schema: Cow::Borrowed(ACCESS_EXPORT_SCHEMA),
            generated_at: record.generated_at,
            client: Cow::Owned(entry.client),
            birth_date,
            consents: Cow::Owned(entry.consents),
            needs: Cow::Owned(entry.needs),
            interactions: Cow::Owned(entry.interactions),
            follow_ups: Cow::Owned(entry.follow_ups),
            history: Cow::Owned(entry.history),
            erasure: entry.erasure.map(Cow::Owned),
        })
    }
}

impl AccessExport<'_> {
    /// Returns the client.
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
    /// assert_eq!(registry.access_export(id, at)?.client().display_name(), "Anna Bērziņa");
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Returns when the export was made: the `now` given to
    /// [`ClientRegistry::access_export`](crate::ClientRegistry::access_export), never the
    /// client's registration time.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let registered = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let now = Utc.with_ymd_and_hms(2026, 12, 1, 14, 30, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), registered)?.id();
    /// assert_eq!(registry.access_export(id, now)?.generated_at(), now);
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn generated_at(&self) -> DateTime<Utc> {
        self.generated_at
    }

    /// Returns the export as pretty-printed JSON.
    ///
    /// # Errors
    ///
    /// Never in practice: every value serialises. A serde_json failure is passed on.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let json = registry.access_export(id, at)?.to_json()?;
    /// assert!(json.contains("\"schema\": \"apkalpe.clients.access_export/1\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}
