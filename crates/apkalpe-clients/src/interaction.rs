//! Contact history (*saziņas vēsture*, T2.1, T2.6, T3.1, S10): interactions and follow-up tasks.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::{ClientId, FollowUpId, InteractionId};
use crate::error::ParseTextError;
#[cfg(feature = "serde")]
use crate::restore::text;
use crate::text::{StaffMember, check_text};

/// The channel of a contact (*saziņas kanāls*).
///
/// **Name clash.** `apkalpe-documents` has a `Channel` too (how a document was submitted). A
/// program that uses both imports this one from [`crate::prelude`] as
/// [`ContactChannel`](crate::prelude::ContactChannel), or names it by path
/// (`apkalpe_clients::Channel`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Channel, Purpose};
///
/// assert_eq!(Channel::Email.as_str(), "email");
/// assert!(Purpose::Surveys.covers(Channel::Visit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Channel {
    /// A visit at the desk or the client's premises (T2.1).
    Visit,
    /// A phone call (T2.6).
    Phone,
    /// An e-mail.
    Email,
    /// A letter (T3.1).
    Letter,
    /// A chat or messenger conversation.
    Chat,
}

impl Channel {
    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Channel;
    ///
    /// assert_eq!(Channel::Visit.as_str(), "visit");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Channel::Visit => "visit",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Letter => "letter",
            Channel::Chat => "chat",
        }
    }
}

/// Who started a contact.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::Direction;
///
/// assert_ne!(Direction::Inbound, Direction::Outbound);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// The client contacted us (*ienākošs*).
    Inbound,
    /// We contacted the client (*izejošs*).
    Outbound,
}

/// One contact with a client: a visit, call, e-mail, letter or chat.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let call = Interaction::try_new(
///     InteractionId::new(Uuid::from_u128(20)),
///     ClientId::new(Uuid::from_u128(1)),
///     Channel::Phone,
///     Direction::Inbound,
///     "Delivery date of the order",
///     StaffMember::try_new("Ilze")?,
///     Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap(),
/// )?
/// .with_summary("Asked when the bicycles arrive; promised a call back on Monday.")?;
/// assert_eq!(call.channel(), Channel::Phone);
/// # Ok::<(), apkalpe_clients::ParseTextError>(())
/// ```
///
/// Deserialised through the checks of [`Interaction::try_new`] and
/// [`Interaction::with_summary`]: a blank or too long subject or summary is refused with
/// `restore.invalid` (cause `text.blank`, `text.too_long`…).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "InteractionRecord"))]
pub struct Interaction {
    id: InteractionId,
    client: ClientId,
    channel: Channel,
    direction: Direction,
    subject: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    summary: Option<String>,
    staff: StaffMember,
    at: DateTime<Utc>,
}

/// The saved form of an [`Interaction`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct InteractionRecord {
    id: InteractionId,
    client: ClientId,
    channel: Channel,
    direction: Direction,
    subject: String,
    #[cfg_attr(feature = "serde", serde(default))]
    summary: Option<String>,
    staff: StaffMember,
    at: DateTime<Utc>,
}

#[cfg(feature = "serde")]
impl InteractionRecord {
    /// Re-runs the checks of [`Interaction::try_new`] and [`Interaction::with_summary`].
    pub(crate) fn restore(self) -> Result<Interaction, RestoreError> {
        const WHAT: &str = "Interaction";
        Ok(Interaction {
            id: self.id,
            client: self.client,
            channel: self.channel,
            direction: self.direction,
            subject: text(WHAT, "subject", &self.subject, 200, false)?,
            summary: self
                .summary
                .map(|summary| text(WHAT, "summary", &summary, 4000, true))
                .transpose()?,
            staff: self.staff,
            at: self.at,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<InteractionRecord> for Interaction {
    type Error = RestoreError;

    fn try_from(record: InteractionRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl Interaction {
    /// Records a contact with a subject of 1–200 characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long subject.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.subject(), "Asked about bicycles");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: InteractionId,
        client: ClientId,
        channel: Channel,
        direction: Direction,
        subject: &str,
        staff: StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Self, ParseTextError> {
        Ok(Interaction {
            id,
            client,
            channel,
            direction,
            subject: check_text("subject", subject, 200, false)?,
            summary: None,
            staff,
            at,
        })
    }

    /// Adds a summary (1–4000 characters, line breaks allowed).
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long summary.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// .with_summary("Wants two, 26-inch")?;
    /// assert_eq!(call.summary(), Some("Wants two, 26-inch"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_summary(mut self, summary: &str) -> Result<Self, ParseTextError> {
        self.summary = Some(check_text("summary", summary, 4000, true)?);
        Ok(self)
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.id(), InteractionId::from_u128(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> InteractionId {
        self.id
    }

    /// Returns the client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.client(), ClientId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns the channel.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.channel(), Channel::Phone);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// Returns the direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.direction(), Direction::Inbound);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Returns the subject.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.subject(), "Asked about bicycles");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Returns the summary.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.summary(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// Returns the staff member.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.staff().as_str(), "Ilze");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn staff(&self) -> &StaffMember {
        &self.staff
    }

    /// Returns when it happened.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientId, Direction, Interaction, InteractionId, StaffMember};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let call = Interaction::try_new(
    ///     InteractionId::from_u128(3),
    ///     ClientId::from_u128(1),
    ///     Channel::Phone,
    ///     Direction::Inbound,
    ///     "Asked about bicycles",
    ///     StaffMember::try_new("Ilze")?,
    ///     at,
    /// )?
    /// ;
    /// assert_eq!(call.at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    pub(crate) fn set_client(&mut self, client: ClientId) {
        self.client = client;
    }

    /// Replaces the free texts, for erasure.
    pub(crate) fn erase_texts(&mut self) {
        ERASED.clone_into(&mut self.subject);
        self.summary = None;
    }
}

/// The text put in place of an erased free text.
pub(crate) const ERASED: &str = "[erased]";

/// A follow-up task (*turpmākā darbība*): something to do for a client by a due date.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
/// use chrono::NaiveDate;
/// use uuid::Uuid;
///
/// let task = FollowUp::try_new(
///     FollowUpId::new(Uuid::from_u128(30)),
///     ClientId::new(Uuid::from_u128(1)),
///     "Call back about the delivery",
///     NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
///     StaffMember::try_new("Ilze")?,
/// )?;
/// assert!(task.is_overdue(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()));
/// assert!(!task.is_overdue(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()));
/// # Ok::<(), apkalpe_clients::ParseTextError>(())
/// ```
///
/// Deserialised through the checks of [`FollowUp::try_new`]: a blank or too long
/// description is refused with `restore.invalid`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FollowUpRecord"))]
pub struct FollowUp {
    id: FollowUpId,
    client: ClientId,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    interaction: Option<InteractionId>,
    description: String,
    due: NaiveDate,
    assigned_to: StaffMember,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    done_at: Option<DateTime<Utc>>,
}

/// The saved form of a [`FollowUp`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct FollowUpRecord {
    id: FollowUpId,
    client: ClientId,
    #[cfg_attr(feature = "serde", serde(default))]
    interaction: Option<InteractionId>,
    description: String,
    due: NaiveDate,
    assigned_to: StaffMember,
    #[cfg_attr(feature = "serde", serde(default))]
    done_at: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl FollowUpRecord {
    /// Re-runs the checks of [`FollowUp::try_new`].
    pub(crate) fn restore(self) -> Result<FollowUp, RestoreError> {
        Ok(FollowUp {
            id: self.id,
            client: self.client,
            interaction: self.interaction,
            description: text("FollowUp", "description", &self.description, 500, false)?,
            due: self.due,
            assigned_to: self.assigned_to,
            done_at: self.done_at,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<FollowUpRecord> for FollowUp {
    type Error = RestoreError;

    fn try_from(record: FollowUpRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl FollowUp {
    /// Creates an open task with a description of 1–500 characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long description.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.due(), due);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: FollowUpId,
        client: ClientId,
        description: &str,
        due: NaiveDate,
        assigned_to: StaffMember,
    ) -> Result<Self, ParseTextError> {
        Ok(FollowUp {
            id,
            client,
            interaction: None,
            description: check_text("description", description, 500, false)?,
            due,
            assigned_to,
            done_at: None,
        })
    }

    /// Links the task to the interaction it came from.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// .with_interaction(apkalpe_clients::InteractionId::from_u128(3));
    /// assert_eq!(task.interaction(), Some(apkalpe_clients::InteractionId::from_u128(3)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_interaction(mut self, interaction: InteractionId) -> Self {
        self.interaction = Some(interaction);
        self
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.id(), FollowUpId::from_u128(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> FollowUpId {
        self.id
    }

    /// Returns the client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.client(), ClientId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns the interaction it came from.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.interaction(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn interaction(&self) -> Option<InteractionId> {
        self.interaction
    }

    /// Returns the description.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.description(), "Send the offer");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Returns the due date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.due(), due);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Returns who should do it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.assigned_to().as_str(), "Ilze");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assigned_to(&self) -> &StaffMember {
        &self.assigned_to
    }

    /// Returns when it was done.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert_eq!(task.done_at(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn done_at(&self) -> Option<DateTime<Utc>> {
        self.done_at
    }

    /// Tells whether the task is open and its due date is before `today`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, FollowUp, FollowUpId, StaffMember};
    /// use chrono::NaiveDate;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    /// let task = FollowUp::try_new(FollowUpId::from_u128(4), ClientId::from_u128(1), "Send the offer", due, StaffMember::try_new("Ilze")?)?
    /// ;
    /// assert!(!task.is_overdue(due));
    /// assert!(task.is_overdue(due.succ_opt().ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_at.is_none() && self.due < today
    }

    pub(crate) fn complete(&mut self, at: DateTime<Utc>) {
        self.done_at = Some(at);
    }

    pub(crate) fn set_client(&mut self, client: ClientId) {
        self.client = client;
    }

    pub(crate) fn erase_texts(&mut self) {
        ERASED.clone_into(&mut self.description);
    }
}
