//! Document flow (*dokumentu aprite*): assignment, resolutions with instructions and
//! deadlines, states, an append-only audit trail and the overdue list.

use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};

use crate::register::DocumentId;
#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean};

/// Who a document is assigned to: a person or a unit.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::Assignee;
///
/// let unit = Assignee::unit("Klientu apkalpošanas nodaļa")?;
/// assert_eq!(unit.to_string(), "unit Klientu apkalpošanas nodaļa");
/// assert_eq!(Assignee::person(" ").unwrap_err().code(), "flow.blank");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// Saved as `{"type": "person", "name": "k.kalna"}`; deserialising re-runs the name check of
/// [`Assignee::person`] and refuses a failing name with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "type",
        content = "name",
        rename_all = "snake_case",
        try_from = "AssigneeRecord"
    )
)]
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// let unit = Assignee::unit("Klientu nodaļa")?;
/// assert_eq!(unit.name(), "Klientu nodaļa");
/// assert_eq!(flow.status().assignee(), Some(&Assignee::person("k.kalna")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum Assignee {
    /// A person (user id or name).
    Person(String),
    /// A unit (*struktūrvienība*).
    Unit(String),
}

/// The saved form of an [`Assignee`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", content = "name", rename_all = "snake_case")
)]
enum AssigneeRecord {
    Person(String),
    Unit(String),
}

#[cfg(feature = "serde")]
impl TryFrom<AssigneeRecord> for Assignee {
    type Error = RestoreError;

    fn try_from(record: AssigneeRecord) -> Result<Self, Self::Error> {
        let (AssigneeRecord::Person(name) | AssigneeRecord::Unit(name)) = &record;
        check_saved("Assignee", "name", name, |v| text("assignee", v, 100))?;
        Ok(match record {
            AssigneeRecord::Person(name) => Assignee::Person(name),
            AssigneeRecord::Unit(name) => Assignee::Unit(name),
        })
    }
}

impl Assignee {
    /// A person, 1 to 100 characters on one line.
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a blank, too long or multi-line name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(Assignee::person(" k.kalna ")?.name(), "k.kalna");
    /// assert_eq!(Assignee::person(" ").unwrap_err().code(), "flow.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(name: &str) -> Result<Self, FlowError> {
        Ok(Assignee::Person(text("assignee", name, 100)?))
    }

    /// A unit, 1 to 100 characters on one line.
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a blank, too long or multi-line name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(Assignee::unit("Grāmatvedība")?, Assignee::Unit("Grāmatvedība".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(name: &str) -> Result<Self, FlowError> {
        Ok(Assignee::Unit(text("assignee", name, 100)?))
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(Assignee::person("k.kalna")?.name(), "k.kalna");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        match self {
            Assignee::Person(name) | Assignee::Unit(name) => name,
        }
    }
}

impl fmt::Display for Assignee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assignee::Person(name) => write!(f, "person {name}"),
            Assignee::Unit(name) => write!(f, "unit {name}"),
        }
    }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, FlowError> {
    clean(value, max, Lines::Multi).map_err(|problem| FlowError::Text { field, problem })
}

/// What happened to a document in its flow.
///
/// Saved tagged by `action` (`{"action": "resolve", "to": {…}, "instruction": "…",
/// "deadline": "2026-03-09"}`); deserialising re-runs the text checks of
/// [`FlowAction::resolve`], [`FlowAction::complete`] and [`FlowAction::cancel`] and refuses
/// a failing value with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "action",
        rename_all = "snake_case",
        try_from = "FlowActionRecord"
    )
)]
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// flow.apply(FlowEvent::try_new(at(10)?, "k.kalna", FlowAction::Start)?)?;
/// flow.apply(FlowEvent::try_new(at(11)?, "k.kalna", FlowAction::complete("Atbilde nosūtīta")?)?)?;
/// assert_eq!(flow.status().state(), FlowState::Done);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum FlowAction {
    /// Assigned (or reassigned) without an instruction.
    Assign {
        /// To whom.
        to: Assignee,
    },
    /// A resolution (*rezolūcija*): an instruction to an assignee, with a deadline.
    Resolve {
        /// To whom.
        to: Assignee,
        /// The instruction.
        instruction: String,
        /// The deadline for executing it, if any; it replaces an earlier one.
        deadline: Option<NaiveDate>,
    },
    /// The assignee started the work.
    Start,
    /// Executed (*izpildīts*).
    Complete {
        /// A note on how.
        note: String,
    },
    /// Cancelled, with the reason.
    Cancel {
        /// Why.
        reason: String,
    },
}

/// The saved form of a [`FlowAction`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(
    feature = "serde",
    serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)
)]
enum FlowActionRecord {
    Assign {
        to: Assignee,
    },
    Resolve {
        to: Assignee,
        instruction: String,
        deadline: Option<NaiveDate>,
    },
    Start,
    Complete {
        note: String,
    },
    Cancel {
        reason: String,
    },
}

#[cfg(feature = "serde")]
impl TryFrom<FlowActionRecord> for FlowAction {
    type Error = RestoreError;

    fn try_from(record: FlowActionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "FlowAction";
        Ok(match record {
            FlowActionRecord::Assign { to } => FlowAction::Assign { to },
            FlowActionRecord::Resolve {
                to,
                instruction,
                deadline,
            } => {
                check_saved(WHAT, "instruction", &instruction, |v| {
                    text("instruction", v, 2_000)
                })?;
                FlowAction::Resolve {
                    to,
                    instruction,
                    deadline,
                }
            }
            FlowActionRecord::Start => FlowAction::Start,
            FlowActionRecord::Complete { note } => {
                check_saved(WHAT, "note", &note, |v| text("note", v, 2_000))?;
                FlowAction::Complete { note }
            }
            FlowActionRecord::Cancel { reason } => {
                check_saved(WHAT, "reason", &reason, |v| text("reason", v, 500))?;
                FlowAction::Cancel { reason }
            }
        })
    }
}

impl FlowAction {
    /// A resolution with a checked instruction (1 to 2 000 characters).
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a blank or too long instruction.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().deadline(), Some(date(2026, 3, 9)?));
    /// let blank = FlowAction::resolve(Assignee::unit("Valde")?, " ", None);
    /// assert_eq!(blank.unwrap_err().code(), "flow.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(
        to: Assignee,
        instruction: &str,
        deadline: Option<NaiveDate>,
    ) -> Result<Self, FlowError> {
        Ok(FlowAction::Resolve {
            to,
            instruction: text("instruction", instruction, 2_000)?,
            deadline,
        })
    }

    /// A completion with a checked note (1 to 2 000 characters).
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a blank or too long note.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// flow.apply(FlowEvent::try_new(at(10)?, "k.kalna", FlowAction::complete("Atbilde nosūtīta")?)?)?;
    /// assert_eq!(flow.status().state(), FlowState::Done);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete(note: &str) -> Result<Self, FlowError> {
        Ok(FlowAction::Complete {
            note: text("note", note, 2_000)?,
        })
    }

    /// A cancellation with a checked reason (1 to 500 characters).
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a blank or too long reason.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// flow.apply(FlowEvent::try_new(at(10)?, "valde", FlowAction::cancel("Klients atsauca")?)?)?;
    /// assert_eq!(flow.status().state(), FlowState::Cancelled);
    /// assert!(flow.status().state().is_final());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cancel(reason: &str) -> Result<Self, FlowError> {
        Ok(FlowAction::Cancel {
            reason: text("reason", reason, 500)?,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            FlowAction::Assign { .. } => "assign",
            FlowAction::Resolve { .. } => "resolve",
            FlowAction::Start => "start",
            FlowAction::Complete { .. } => "complete",
            FlowAction::Cancel { .. } => "cancel",
        }
    }
}

/// One entry of the audit trail: when, who, what.
///
/// Saved as `{"at": "2026-03-02T09:00:00Z", "actor": "valde", "action": {…}}`; deserialising
/// re-runs the checks of [`FlowEvent::try_new`] and refuses a failing value with a
/// [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// let event = FlowEvent::try_new(at(10)?, "k.kalna", FlowAction::Start)?;
/// assert_eq!(event.actor(), "k.kalna");
/// flow.apply(event)?;
/// assert_eq!(flow.events().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FlowEventRecord"))]
pub struct FlowEvent {
    at: DateTime<Utc>,
    actor: String,
    action: FlowAction,
}

/// The saved form of a [`FlowEvent`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct FlowEventRecord {
    at: DateTime<Utc>,
    actor: String,
    action: FlowAction,
}

#[cfg(feature = "serde")]
impl TryFrom<FlowEventRecord> for FlowEvent {
    type Error = RestoreError;

    fn try_from(record: FlowEventRecord) -> Result<Self, Self::Error> {
        check_saved("FlowEvent", "actor", &record.actor, |v| {
            clean(v, 100, Lines::Single).map_err(|problem| FlowError::Text {
                field: "actor",
                problem,
            })
        })?;
        Ok(FlowEvent {
            at: record.at,
            actor: record.actor,
            action: record.action,
        })
    }
}

impl FlowEvent {
    /// Creates an event by `actor` (1 to 100 characters on one line).
    ///
    /// # Errors
    ///
    /// [`FlowError::Text`] for a bad actor.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// let event = FlowEvent::try_new(at(10)?, " k.kalna ", FlowAction::Start)?;
    /// assert_eq!(event.actor(), "k.kalna");
    /// assert_eq!(FlowEvent::try_new(at(10)?, "", FlowAction::Start).unwrap_err().code(), "flow.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(at: DateTime<Utc>, actor: &str, action: FlowAction) -> Result<Self, FlowError> {
        let actor = clean(actor, 100, Lines::Single).map_err(|problem| FlowError::Text {
            field: "actor",
            problem,
        })?;
        Ok(FlowEvent { at, actor, action })
    }

    /// Returns when it happened.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.events()[0].at(), at(9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Returns who did it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.events()[0].actor(), "valde");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Returns what was done.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert!(matches!(flow.events()[0].action(), FlowAction::Resolve { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn action(&self) -> &FlowAction {
        &self.action
    }
}

/// The state of a document in its flow.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// assert_eq!(flow.status().state(), FlowState::Assigned);
/// assert!(!FlowState::Assigned.is_final());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FlowState {
    /// Registered, nobody assigned yet.
    Registered,
    /// Assigned (possibly with a resolution), not started.
    Assigned,
    /// Work started.
    InProgress,
    /// Executed.
    Done,
    /// Cancelled.
    Cancelled,
}

impl FlowState {
    /// Returns the Latvian name, as said of a document ("dokuments ir izpildē"), for the
    /// Latvian error messages.
    pub(crate) const fn latvian_name(self) -> &'static str {
        match self {
            FlowState::Registered => "reģistrēts",
            FlowState::Assigned => "nodots izpildei",
            FlowState::InProgress => "izpildē",
            FlowState::Done => "izpildīts",
            FlowState::Cancelled => "atcelts",
        }
    }

    /// Tells whether no more events are accepted.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert!(FlowState::Done.is_final());
    /// assert!(FlowState::Cancelled.is_final());
    /// assert!(!FlowState::InProgress.is_final());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_final(self) -> bool {
        matches!(self, FlowState::Done | FlowState::Cancelled)
    }

    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(FlowState::InProgress.as_str(), "in_progress");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            FlowState::Registered => "registered",
            FlowState::Assigned => "assigned",
            FlowState::InProgress => "in_progress",
            FlowState::Done => "done",
            FlowState::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for FlowState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The current status of a flow: what replaying its trail gives.
///
/// Saved as `{"state": "assigned", "assignee": {…}, "deadline": "2026-03-09",
/// "finished_at": null}`; deserialising refuses, with a [`RestoreError`], a combination no
/// trail reaches: a registered document with an assignee, deadline or finishing time; an
/// assigned or started one without an assignee or with a finishing time; a done one without
/// an assignee; a done or cancelled one without its finishing time; a deadline without an
/// assignee.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// let status = flow.status();
/// assert_eq!((status.state(), status.deadline()), (FlowState::Assigned, Some(date(2026, 3, 9)?)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FlowStatusRecord"))]
pub struct FlowStatus {
    state: FlowState,
    assignee: Option<Assignee>,
    deadline: Option<NaiveDate>,
    finished_at: Option<DateTime<Utc>>,
}

/// The saved form of a [`FlowStatus`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct FlowStatusRecord {
    state: FlowState,
    assignee: Option<Assignee>,
    deadline: Option<NaiveDate>,
    finished_at: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl TryFrom<FlowStatusRecord> for FlowStatus {
    type Error = RestoreError;

    fn try_from(record: FlowStatusRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "FlowStatus";
        let state = record.state;
        let problem = match state {
            FlowState::Registered if record.assignee.is_some() => Some((
                "assignee",
                "a registered document is not assigned yet",
                "reģistrēts dokuments vēl nav nodots izpildei",
            )),
            FlowState::Registered if record.deadline.is_some() => Some((
                "deadline",
                "a registered document has no resolution yet",
                "reģistrētam dokumentam vēl nav rezolūcijas",
            )),
            FlowState::Assigned | FlowState::InProgress | FlowState::Done
                if record.assignee.is_none() =>
            {
                Some((
                    "assignee",
                    "an assigned, started or done document has an assignee",
                    "izpildei nodotam, izpildē esošam vai izpildītam dokumentam ir izpildītājs",
                ))
            }
            _ if record.deadline.is_some() && record.assignee.is_none() => Some((
                "deadline",
                "a deadline comes with a resolution, which names an assignee",
                "izpildes termiņu nosaka rezolūcija, kas norāda izpildītāju",
            )),
            _ => None,
        };
        if let Some((field, reason, latvian)) = problem {
            return Err(
                RestoreError::inconsistent(WHAT, field, reason).with_latvian_reason(latvian)
            );
        }
        if state.is_final() != record.finished_at.is_some() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "finished_at",
                "a document has a finishing time exactly when it is done or cancelled",
            )
            .with_latvian_reason(
                "dokumentam ir pabeigšanas laiks tieši tad, ja tas ir izpildīts vai atcelts",
            ));
        }
        Ok(FlowStatus {
            state,
            assignee: record.assignee,
            deadline: record.deadline,
            finished_at: record.finished_at,
        })
    }
}

impl FlowStatus {
    const START: FlowStatus = FlowStatus {
        state: FlowState::Registered,
        assignee: None,
        deadline: None,
        finished_at: None,
    };

    /// Returns the state.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().state(), FlowState::Assigned);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state(&self) -> FlowState {
        self.state
    }

    /// Returns the current assignee.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().assignee().map(Assignee::name), Some("k.kalna"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assignee(&self) -> Option<&Assignee> {
        self.assignee.as_ref()
    }

    /// Returns the current deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().deadline(), Some(date(2026, 3, 9)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.deadline
    }

    /// Returns when the flow was completed or cancelled.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().finished_at(), None);
    /// flow.apply(FlowEvent::try_new(at(12)?, "k.kalna", FlowAction::complete("Izpildīts")?)?)?;
    /// assert_eq!(flow.status().finished_at(), Some(at(12)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finished_at(&self) -> Option<DateTime<Utc>> {
        self.finished_at
    }

    /// Returns the status after `event`, or why the event is not allowed.
    fn after(&self, event: &FlowEvent) -> Result<FlowStatus, FlowError> {
        let refuse = || FlowError::NotAllowed {
            action: event.action.name(),
            state: self.state,
        };
        if self.state.is_final() {
            return Err(refuse());
        }
        let mut next = self.clone();
        match &event.action {
            FlowAction::Assign { to } => {
                next.state = FlowState::Assigned;
                next.assignee = Some(to.clone());
            }
            FlowAction::Resolve { to, deadline, .. } => {
                next.state = FlowState::Assigned;
                next.assignee = Some(to.clone());
                next.deadline = *deadline;
            }
            FlowAction::Start => {
                if self.state != FlowState::Assigned {
                    return Err(refuse());
                }
                next.state = FlowState::InProgress;
            }
            FlowAction::Complete { .. } => {
                if self.state == FlowState::Registered {
                    return Err(refuse());
                }
                next.state = FlowState::Done;
                next.finished_at = Some(event.at);
            }
            FlowAction::Cancel { .. } => {
                next.state = FlowState::Cancelled;
                next.finished_at = Some(event.at);
            }
        }
        Ok(next)
    }
}

/// The error returned by flow operations.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// let error = flow.apply(FlowEvent::try_new(at(8)?, "valde", FlowAction::Start)?).unwrap_err();
/// assert_eq!(error.code(), "flow.out_of_order");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FlowError {
    /// The action is not allowed in the current state.
    #[error("{action} is not allowed when the document is {state}")]
    NotAllowed {
        /// The action's name.
        action: &'static str,
        /// The state.
        state: FlowState,
    },
    /// The event is earlier than the last one: the trail only grows forward.
    #[error("event at {at} is earlier than the last event at {last}")]
    OutOfOrder {
        /// The event's time.
        at: DateTime<Utc>,
        /// The last event's time.
        last: DateTime<Utc>,
    },
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
}

impl FlowError {
    /// Returns the stable code: `flow.not_allowed`, `flow.out_of_order`, `flow.blank`,
    /// `flow.too_long` or `flow.control_character`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// let done = FlowAction::complete("Izpildīts")?;
    /// flow.apply(FlowEvent::try_new(at(10)?, "k.kalna", done)?)?;
    /// let error = flow.apply(FlowEvent::try_new(at(11)?, "k.kalna", FlowAction::Start)?).unwrap_err();
    /// assert_eq!(error.code(), "flow.not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            FlowError::NotAllowed { .. } => "flow.not_allowed",
            FlowError::OutOfOrder { .. } => "flow.out_of_order",
            FlowError::Text { problem, .. } => match problem {
                TextProblem::Blank => "flow.blank",
                TextProblem::TooLong { .. } => "flow.too_long",
                TextProblem::ControlCharacter => "flow.control_character",
            },
        }
    }
}

/// The flow of one registered document: its append-only audit trail and the status it
/// leads to.
///
/// ```mermaid
/// stateDiagram-v2
///     [*] --> Registered
///     Registered --> Assigned: assign / resolve
///     Assigned --> Assigned: assign / resolve
///     Assigned --> InProgress: start
///     InProgress --> Assigned: assign / resolve
///     Assigned --> Done: complete
///     InProgress --> Done: complete
///     Registered --> Cancelled: cancel
///     Assigned --> Cancelled: cancel
///     InProgress --> Cancelled: cancel
/// ```
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{Assignee, DocumentFlow, DocumentId, FlowAction, FlowEvent, FlowState};
/// use chrono::{NaiveDate, TimeZone, Utc};
///
/// let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// let resolution = FlowAction::resolve(
///     Assignee::person("k.kalna")?,
///     "Sagatavot atbildi klientam",
///     NaiveDate::from_ymd_opt(2026, 3, 9),
/// )?;
/// flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// flow.apply(FlowEvent::try_new(at(10)?, "k.kalna", FlowAction::Start)?)?;
/// assert_eq!(flow.status().state(), FlowState::InProgress);
/// assert!(flow.is_overdue(NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?));
///
/// // The trail alone gives the same status.
/// let replayed = DocumentFlow::replay(flow.document(), registered, flow.events().to_vec())?;
/// assert_eq!(replayed.status(), flow.status());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"document": "…uuid…", "registered_on": "2026-03-02", "events": [{"at", "actor",
/// "action"}, …], "status": {"state", "assignee", "deadline", "finished_at"}}`.
/// Deserialising replays the trail with [`DocumentFlow::replay`] (each event through its
/// checks, in time order, each action allowed in the state it meets) and refuses, with a
/// [`RestoreError`], a trail that does not replay (`events[3]`) or that replays to another
/// status than the one saved (`status`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DocumentFlowRecord"))]
pub struct DocumentFlow {
    document: DocumentId,
    registered_on: NaiveDate,
    events: Vec<FlowEvent>,
    status: FlowStatus,
}

/// The saved form of a [`DocumentFlow`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DocumentFlowRecord {
    document: DocumentId,
    registered_on: NaiveDate,
    events: Vec<FlowEvent>,
    status: FlowStatus,
}

#[cfg(feature = "serde")]
impl TryFrom<DocumentFlowRecord> for DocumentFlow {
    type Error = RestoreError;

    fn try_from(record: DocumentFlowRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "DocumentFlow";
        let mut flow = DocumentFlow::new(record.document, record.registered_on);
        flow.events.reserve(record.events.len());
        for (position, event) in record.events.into_iter().enumerate() {
            flow.apply(event).map_err(|error| {
                let field = match error {
                    FlowError::OutOfOrder { .. } => format!("events[{position}].at"),
                    _ => format!("events[{position}].action"),
                };
                RestoreError::invalid(WHAT, field, error)
            })?;
        }
        if flow.status != record.status {
            return Err(RestoreError::inconsistent(
                WHAT,
                "status",
                format_args!(
                    "the trail replays to {} (assignee {}, deadline {}), not to the saved status",
                    flow.status.state,
                    flow.status
                        .assignee
                        .as_ref()
                        .map_or_else(|| "none".to_owned(), ToString::to_string),
                    flow.status
                        .deadline
                        .map_or_else(|| "none".to_owned(), |d| d.to_string()),
                ),
            )
            .with_latvian_reason(format_args!(
                "notikumu vēsture dod stāvokli \"{}\" (izpildītājs {}, termiņš {}), nevis saglabāto statusu",
                flow.status.state.latvian_name(),
                flow.status.assignee.as_ref().map_or_else(
                    || "nav".to_owned(),
                    |assignee| match assignee {
                        Assignee::Person(name) => format!("persona {name}"),
                        Assignee::Unit(name) => format!("struktūrvienība {name}"),
                    }
                ),
                flow.status
                    .deadline
                    .map_or_else(|| "nav".to_owned(), |d| d.to_string()),
            )));
        }
        Ok(flow)
    }
}

impl DocumentFlow {
    /// Starts the flow of a document registered on `registered_on`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// let fresh = DocumentFlow::new(DocumentId::from_u128(2), registered);
    /// assert_eq!(fresh.status().state(), FlowState::Registered);
    /// assert!(fresh.events().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(document: DocumentId, registered_on: NaiveDate) -> Self {
        DocumentFlow {
            document,
            registered_on,
            events: Vec::new(),
            status: FlowStatus::START,
        }
    }

    /// Rebuilds a flow from its trail.
    ///
    /// # Errors
    ///
    /// The first [`FlowError`] that applying the events in order meets.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// let replayed = DocumentFlow::replay(flow.document(), registered, flow.events().to_vec())?;
    /// assert_eq!(replayed, flow);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay(
        document: DocumentId,
        registered_on: NaiveDate,
        events: Vec<FlowEvent>,
    ) -> Result<Self, FlowError> {
        let mut flow = DocumentFlow::new(document, registered_on);
        for event in events {
            flow.apply(event)?;
        }
        Ok(flow)
    }

    /// Appends an event to the trail and moves the status; a refused event changes nothing.
    ///
    /// # Errors
    ///
    /// [`FlowError::OutOfOrder`] for an event earlier than the last one;
    /// [`FlowError::NotAllowed`] for an action the state does not allow (anything after
    /// done or cancelled; start unless assigned; complete before assignment).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// let status = flow.apply(FlowEvent::try_new(at(10)?, "k.kalna", FlowAction::Start)?)?;
    /// assert_eq!(status.state(), FlowState::InProgress);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, event: FlowEvent) -> Result<&FlowStatus, FlowError> {
        if let Some(last) = self.events.last()
            && event.at < last.at
        {
            return Err(FlowError::OutOfOrder {
                at: event.at,
                last: last.at,
            });
        }
        self.status = self.status.after(&event)?;
        self.events.push(event);
        Ok(&self.status)
    }

    /// Returns the document.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.document(), DocumentId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document(&self) -> DocumentId {
        self.document
    }

    /// Returns the registration date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.registered_on(), registered);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered_on(&self) -> NaiveDate {
        self.registered_on
    }

    /// Returns the audit trail, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.events().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> &[FlowEvent] {
        &self.events
    }

    /// Returns the current status.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert_eq!(flow.status().state(), FlowState::Assigned);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> &FlowStatus {
        &self.status
    }

    /// Tells whether the document is overdue on `today`: not finished and its deadline has
    /// passed (the deadline day itself is still in time).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// # let _ = (&date,);
    /// assert!(!flow.is_overdue(date(2026, 3, 9)?));
    /// assert!(flow.is_overdue(date(2026, 3, 10)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.state.is_final() && self.status.deadline.is_some_and(|due| due < today)
    }
}

/// One line of the overdue list: the flow (document, assignee, trail) and how late it is, as
/// [`overdue_list`] computes it: its fields are read through getters.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{NaiveDate, TimeZone, Utc};
/// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
/// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
/// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
/// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
/// # let _ = (&date,);
/// let flows = [flow];
/// let overdue = overdue_list(&flows, date(2026, 3, 12)?);
/// assert_eq!((overdue[0].deadline(), overdue[0].days_overdue()), (date(2026, 3, 9)?, 3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OverdueItem<'a> {
    /// The flow.
    pub(crate) flow: &'a DocumentFlow,
    /// The deadline missed.
    pub(crate) deadline: NaiveDate,
    /// Calendar days since the deadline.
    pub(crate) days_overdue: i64,
}

impl<'a> OverdueItem<'a> {
    /// Returns the flow (document, assignee, trail).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// let flows = [flow];
    /// let overdue = overdue_list(&flows, date(2026, 3, 12)?);
    /// assert_eq!(overdue[0].flow().document(), DocumentId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn flow(&self) -> &'a DocumentFlow {
        self.flow
    }

    /// Returns the deadline missed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// let flows = [flow];
    /// let overdue = overdue_list(&flows, date(2026, 3, 12)?);
    /// assert_eq!(overdue[0].deadline(), date(2026, 3, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> NaiveDate {
        self.deadline
    }

    /// Returns the calendar days since the deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let registered = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let at = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).single().ok_or("time");
    /// # let mut flow = DocumentFlow::new(DocumentId::from_u128(1), registered);
    /// # let resolution = FlowAction::resolve(Assignee::person("k.kalna")?, "Sagatavot atbildi", NaiveDate::from_ymd_opt(2026, 3, 9))?;
    /// # flow.apply(FlowEvent::try_new(at(9)?, "valde", resolution)?)?;
    /// let flows = [flow];
    /// let overdue = overdue_list(&flows, date(2026, 3, 12)?);
    /// assert_eq!(overdue[0].days_overdue(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn days_overdue(&self) -> i64 {
        self.days_overdue
    }
}

/// Lists the flows overdue on `today`, most overdue first, equally late ones in input order.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{overdue_list, DocumentFlow, DocumentId};
/// use chrono::NaiveDate;
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let flows = vec![DocumentFlow::new(DocumentId::from_u128(1), today)];
/// assert!(overdue_list(&flows, today).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overdue_list(flows: &[DocumentFlow], today: NaiveDate) -> Vec<OverdueItem<'_>> {
    let mut items: Vec<OverdueItem<'_>> = flows
        .iter()
        .filter(|flow| flow.is_overdue(today))
        .filter_map(|flow| {
            let deadline = flow.status.deadline?;
            Some(OverdueItem {
                flow,
                deadline,
                days_overdue: today.signed_duration_since(deadline).num_days(),
            })
        })
        .collect();
    // Stable: equally late flows keep their input (registration) order.
    items.sort_by_key(|item| std::cmp::Reverse(item.days_overdue));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn transitions_are_checked() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut flow = DocumentFlow::new(DocumentId::from_u128(1), day);
        let start = FlowEvent::try_new(at(8), "a", FlowAction::Start).unwrap();
        assert_eq!(flow.apply(start).unwrap_err().code(), "flow.not_allowed");
        let complete = FlowEvent::try_new(at(8), "a", FlowAction::complete("x").unwrap()).unwrap();
        assert_eq!(flow.apply(complete).unwrap_err().code(), "flow.not_allowed");
        let assign = FlowAction::Assign {
            to: Assignee::unit("Nodaļa").unwrap(),
        };
        flow.apply(FlowEvent::try_new(at(9), "a", assign).unwrap())
            .unwrap();
        let early = FlowEvent::try_new(at(8), "a", FlowAction::Start).unwrap();
        assert_eq!(flow.apply(early).unwrap_err().code(), "flow.out_of_order");
        let cancel = FlowAction::cancel("dublikāts").unwrap();
        flow.apply(FlowEvent::try_new(at(10), "a", cancel).unwrap())
            .unwrap();
        assert_eq!(flow.status().state(), FlowState::Cancelled);
        assert_eq!(flow.status().finished_at(), Some(at(10)));
        let again = FlowEvent::try_new(at(11), "a", FlowAction::Start).unwrap();
        assert_eq!(flow.apply(again).unwrap_err().code(), "flow.not_allowed");
        assert_eq!(flow.events().len(), 2);
        assert_eq!(
            FlowEvent::try_new(at(11), "\n", FlowAction::Start)
                .unwrap_err()
                .code(),
            "flow.blank"
        );
    }

    #[test]
    fn overdue_sorted() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut flows = Vec::new();
        for (n, deadline) in [(1_u128, 5_u32), (2, 3), (3, 20)] {
            let mut flow = DocumentFlow::new(DocumentId::from_u128(n), day);
            let action = FlowAction::resolve(
                Assignee::person("p").unwrap(),
                "do",
                NaiveDate::from_ymd_opt(2026, 3, deadline),
            )
            .unwrap();
            flow.apply(FlowEvent::try_new(at(9), "v", action).unwrap())
                .unwrap();
            flows.push(flow);
        }
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let items = overdue_list(&flows, today);
        let found: Vec<(u128, i64)> = items
            .iter()
            .map(|i| (i.flow.document().as_uuid().as_u128(), i.days_overdue))
            .collect();
        assert_eq!(found, [(2, 7), (1, 5)]);
    }

    /// Decision 0007: a restore failure reads in Latvian with its reason in Latvian, the
    /// state and the assignee in Latvian too. The English message is the text the public
    /// `Deserialize` gives; the Latvian one comes from the same saved record and checks.
    #[cfg(feature = "serde")]
    #[test]
    fn restore_failures_read_in_latvian() {
        use apkalpe_core::{Language, LocalizedError};
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut flow = DocumentFlow::new(DocumentId::from_u128(2), day);
        let resolution = FlowAction::resolve(
            Assignee::person("k.kalna").unwrap(),
            "Sagatavot atbildi klientam",
            NaiveDate::from_ymd_opt(2026, 3, 9),
        )
        .unwrap();
        flow.apply(FlowEvent::try_new(at(9), "valde", resolution).unwrap())
            .unwrap();
        flow.apply(FlowEvent::try_new(at(10), "k.kalna", FlowAction::Start).unwrap())
            .unwrap();
        let mut saved = serde_json::to_value(&flow).unwrap();
        saved["status"]["deadline"] = serde_json::Value::Null;
        let public = serde_json::from_value::<DocumentFlow>(saved.clone())
            .unwrap_err()
            .to_string();
        let record: DocumentFlowRecord = serde_json::from_value(saved).unwrap();
        let error = DocumentFlow::try_from(record).unwrap_err();
        assert_eq!(error.to_string(), public);
        let english = "the trail replays to in_progress (assignee person k.kalna, deadline \
                       2026-03-09), not to the saved status";
        assert!(public.ends_with(english), "{public}");
        assert_eq!(
            error.message_in(Language::Latvian),
            "restore.inconsistent: nevar atjaunot DocumentFlow: status: notikumu vēsture dod \
             stāvokli \"izpildē\" (izpildītājs persona k.kalna, termiņš 2026-03-09), nevis \
             saglabāto statusu"
        );

        let status = serde_json::json!({
            "state": "registered",
            "assignee": {"type": "person", "name": "k.kalna"},
            "deadline": null,
            "finished_at": null
        });
        let public = serde_json::from_value::<FlowStatus>(status.clone())
            .unwrap_err()
            .to_string();
        let record: FlowStatusRecord = serde_json::from_value(status).unwrap();
        let error = FlowStatus::try_from(record).unwrap_err();
        assert_eq!(error.to_string(), public);
        assert!(
            public.ends_with("a registered document is not assigned yet"),
            "{public}"
        );
        assert_eq!(
            error.message_in(Language::Latvian),
            "restore.inconsistent: nevar atjaunot FlowStatus: assignee: \
             reģistrēts dokuments vēl nav nodots izpildei"
        );
    }
}
