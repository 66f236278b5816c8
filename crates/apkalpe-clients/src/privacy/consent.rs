//! Consents per purpose (GDPR art. 6(1), 7(3)) and whether a client may be contacted.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::PrivacyError;
use crate::interaction::Channel;

/// What personal data is used for (*apstrādes nolūks*).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Channel, Purpose};
///
/// assert!(Purpose::PhoneCalls.covers(Channel::Phone));
/// assert!(!Purpose::PhoneCalls.covers(Channel::Email));
/// ```
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Consent, LegalBasis, Purpose};
/// use chrono::{TimeZone, Utc};
///
/// let consent = Consent::new(Purpose::Surveys, LegalBasis::LegitimateInterest, Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap());
/// assert_eq!(consent.basis(), LegalBasis::LegitimateInterest);
/// ```
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
    pub(super) purpose: Purpose,
    pub(super) basis: LegalBasis,
    pub(super) granted_at: DateTime<Utc>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) withdrawn_at: Option<DateTime<Utc>>,
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{Channel, ContactDecision, DenialReason, Purpose};
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let decision = registry.may_contact(id, Channel::Email, Purpose::MarketingEmail, at)?;
/// assert_eq!(decision, ContactDecision::Denied { reason: DenialReason::NoConsent });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{Channel, ContactDecision, DenialReason, Purpose};
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let decision = registry.may_contact(id, Channel::Phone, Purpose::MarketingEmail, at)?;
/// assert_eq!(decision, ContactDecision::Denied { reason: DenialReason::ChannelNotCovered });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
