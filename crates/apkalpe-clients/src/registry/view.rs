//! Reading the registry: filters and a client's timeline.

use std::fmt;

use apkalpe_core::Language;
use chrono::{DateTime, NaiveTime, Utc};
#[cfg(feature = "serde")]
use serde::Serialize;

use crate::client::{Client, ClientStatus, FieldChange};
use crate::interaction::{FollowUp, Interaction};
use crate::need::Need;
use crate::privacy::Consent;
use crate::text::{Segment, Tag};

/// Criteria for [`ClientRegistry::filter`](crate::ClientRegistry::filter); a client must meet all that are set.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientFilter, ClientStatus, Segment};
///
/// let filter = ClientFilter::default()
///     .with_status(ClientStatus::Active)
///     .with_segment(Segment::try_new("retail")?);
/// # let _ = filter;
/// # Ok::<(), apkalpe_clients::ParseTokenError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientFilter {
    segment: Option<Segment>,
    status: Option<ClientStatus>,
    tag: Option<Tag>,
    language: Option<Language>,
}

impl ClientFilter {
    /// Only clients in this segment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientFilter, Segment};
    ///
    /// let filter = ClientFilter::default().with_segment(Segment::try_new("retail")?);
    /// # let _ = filter;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_segment(mut self, segment: Segment) -> Self {
        self.segment = Some(segment);
        self
    }

    /// Only clients with this status.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientFilter, ClientStatus};
    ///
    /// let filter = ClientFilter::default().with_status(ClientStatus::Active);
    /// # let _ = filter;
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ClientStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only clients with this tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientFilter, Tag};
    ///
    /// let filter = ClientFilter::default().with_tag(Tag::try_new("vip")?);
    /// # let _ = filter;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.tag = Some(tag);
        self
    }

    /// Only clients preferring this language.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ClientFilter;
    /// use apkalpe_core::Language;
    ///
    /// let filter = ClientFilter::default().with_language(Language::English);
    /// # let _ = filter;
    /// ```
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    pub(super) fn matches(&self, client: &Client) -> bool {
        self.segment
            .as_ref()
            .is_none_or(|segment| client.segment() == Some(segment))
            && self.status.is_none_or(|status| client.status() == status)
            && self
                .tag
                .as_ref()
                .is_none_or(|tag| client.tags().contains(tag))
            && self
                .language
                .is_none_or(|language| client.language() == language)
    }
}

/// One event in a client's timeline, in time order.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::TimelineEntry;
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// assert_eq!(registry.timeline(id)?, [TimelineEntry::Registered { at }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "event", rename_all = "snake_case"))]
pub enum TimelineEntry<'a> {
    /// The client was registered.
    Registered {
        /// When.
        at: DateTime<Utc>,
    },
    /// A field changed.
    Changed {
        /// The change.
        change: &'a FieldChange,
    },
    /// A need was recorded.
    NeedRecorded {
        /// The need.
        need: &'a Need,
    },
    /// A contact happened.
    Interaction {
        /// The interaction.
        interaction: &'a Interaction,
    },
    /// A follow-up task falls due (placed at 00:00 UTC of its due date).
    FollowUpDue {
        /// The task.
        follow_up: &'a FollowUp,
    },
    /// A consent was granted.
    ConsentGranted {
        /// The consent.
        consent: &'a Consent,
    },
    /// A consent was withdrawn.
    ConsentWithdrawn {
        /// The consent.
        consent: &'a Consent,
    },
}

impl TimelineEntry<'_> {
    /// Returns the time the entry is placed at.
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
    /// assert_eq!(registry.timeline(anna)?[0].at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineEntry::Registered { at } => *at,
            TimelineEntry::Changed { change } => change.at(),
            TimelineEntry::NeedRecorded { need } => need.recorded_at(),
            TimelineEntry::Interaction { interaction } => interaction.at(),
            TimelineEntry::FollowUpDue { follow_up } => {
                follow_up.due().and_time(NaiveTime::MIN).and_utc()
            }
            TimelineEntry::ConsentGranted { consent } => consent.granted_at(),
            TimelineEntry::ConsentWithdrawn { consent } => {
                consent.withdrawn_at().unwrap_or(consent.granted_at())
            }
        }
    }
}

impl fmt::Display for TimelineEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}  ", self.at().format("%Y-%m-%d %H:%M"))?;
        match self {
            TimelineEntry::Registered { .. } => f.write_str("registered"),
            TimelineEntry::Changed { change } => write!(
                f,
                "{} changed by {}: {} → {}",
                change.field().as_str(),
                change.by(),
                change.old().unwrap_or("—"),
                change.new_value().unwrap_or("—")
            ),
            TimelineEntry::NeedRecorded { need } => write!(
                f,
                "need recorded: {} ({})",
                need.category(),
                need.status().name()
            ),
            TimelineEntry::Interaction { interaction } => write!(
                f,
                "{} {:?} by {}: {}",
                interaction.channel().as_str(),
                interaction.direction(),
                interaction.staff(),
                interaction.subject()
            ),
            TimelineEntry::FollowUpDue { follow_up } => write!(
                f,
                "follow-up due ({}): {}{}",
                follow_up.assigned_to(),
                follow_up.description(),
                if follow_up.done_at().is_some() {
                    " [done]"
                } else {
                    ""
                }
            ),
            TimelineEntry::ConsentGranted { consent } => {
                write!(f, "consent granted: {}", consent.purpose().as_str())
            }
            TimelineEntry::ConsentWithdrawn { consent } => {
                write!(f, "consent withdrawn: {}", consent.purpose().as_str())
            }
        }
    }
}
