//! Complaints, proposals, applications and reclamations (*sūdzības, priekšlikumi,
//! iesniegumi, pretenzijas*): registration, legal answer deadlines, answers, overdue report.

use std::fmt;
use std::str::FromStr;
#[cfg(feature = "serde")]
use std::sync::OnceLock;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Calendar, CalendarError, CountNoun, Deadline, Language, Period};
use chrono::NaiveDate;

#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean, echo};

mod deadline;
mod error;
mod forward;
mod rules;

pub use deadline::*;
pub use error::*;
pub use forward::*;
pub use rules::*;

/// The basis an [`AnswerDeadline`] of [`DeadlineRegime::Company`] names.
const COMPANY_BASIS: &str =
    "the company's own term (the Law on Submissions binds institutions only)";

/// The kind of a submission from a client.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let new = NewSubmission {
/// #     number: "2.1/14".into(),
/// #     kind: SubmissionKind::Complaint,
/// #     received_on: day(3, 2)?,
/// #     channel: Channel::Email,
/// #     client_id: "C-1042".into(),
/// #     invoice_number: Some("AP-2026-00077".into()),
/// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
/// # };
/// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
/// # let _ = (&complaint,);
/// assert_eq!(complaint.kind(), SubmissionKind::Complaint);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SubmissionKind {
    /// A complaint (*sūdzība*).
    Complaint,
    /// A proposal (*priekšlikums*).
    Proposal,
    /// An application (*iesniegums*).
    Application,
    /// A reclamation about goods or services (*pretenzija*).
    Reclamation,
}

impl SubmissionKind {
    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(SubmissionKind::Reclamation.as_str(), "reclamation");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            SubmissionKind::Complaint => "complaint",
            SubmissionKind::Proposal => "proposal",
            SubmissionKind::Application => "application",
            SubmissionKind::Reclamation => "reclamation",
        }
    }
}

/// How a submission arrived.
///
/// # Name
///
/// `apkalpe-clients` has a `Channel` too (the channel of a client interaction); the
/// [`prelude`](crate::prelude) exports this one as `SubmissionChannel`.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let new = NewSubmission {
/// #     number: "2.1/14".into(),
/// #     kind: SubmissionKind::Complaint,
/// #     received_on: day(3, 2)?,
/// #     channel: Channel::Email,
/// #     client_id: "C-1042".into(),
/// #     invoice_number: Some("AP-2026-00077".into()),
/// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
/// # };
/// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
/// # let _ = (&complaint,);
/// assert_eq!(complaint.channel(), Channel::Email);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Channel {
    /// At the counter.
    InPerson,
    /// By post.
    Post,
    /// By e-mail.
    Email,
    /// By phone (recorded by the specialist).
    Phone,
    /// Through the website or a customer portal.
    Website,
    /// Through the official e-address (*e-adrese*).
    EAddress,
}

/// A submission as received, before registration.
///
/// A plain record the caller fills in; [`OpenSubmission::register`] checks it.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let new = NewSubmission {
/// #     number: "2.1/14".into(),
/// #     kind: SubmissionKind::Complaint,
/// #     received_on: day(3, 2)?,
/// #     channel: Channel::Email,
/// #     client_id: "C-1042".into(),
/// #     invoice_number: Some("AP-2026-00077".into()),
/// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
/// # };
/// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
/// # let _ = (&complaint,);
/// assert_eq!(complaint.number(), new.number);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NewSubmission {
    /// The registration number given by the incoming register.
    pub number: String,
    /// The kind.
    pub kind: SubmissionKind,
    /// The date received.
    pub received_on: NaiveDate,
    /// The channel.
    pub channel: Channel,
    /// The client's id in the caller's system (a plain string).
    pub client_id: String,
    /// The invoice concerned, if any.
    pub invoice_number: Option<String>,
    /// What the client asks or complains about.
    pub summary: String,
}

/// How a submission was answered.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let new = NewSubmission {
/// #     number: "2.1/14".into(),
/// #     kind: SubmissionKind::Complaint,
/// #     received_on: day(3, 2)?,
/// #     channel: Channel::Email,
/// #     client_id: "C-1042".into(),
/// #     invoice_number: Some("AP-2026-00077".into()),
/// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
/// # };
/// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
/// # let _ = (&complaint,);
/// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
/// assert_eq!(answered.outcome(), AnswerOutcome::Accepted);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnswerOutcome {
    /// The claim was accepted.
    Accepted,
    /// Partly accepted.
    PartlyAccepted,
    /// Refused, with reasons (a consumer's claim needs a reasoned written refusal).
    Refused,
    /// Answered without a decision (a proposal thanked for, information given).
    Informed,
}

/// A registered submission awaiting its answer.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Calendar;
/// use apkalpe_documents::{
///     AnswerOutcome, AnswerRules, Channel, DeadlineRegime, NewSubmission, OpenSubmission,
///     SubmissionKind,
/// };
/// use chrono::NaiveDate;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let complaint = OpenSubmission::register(
///     NewSubmission {
///         number: "2.1/14".into(),
///         kind: SubmissionKind::Complaint,
///         received_on: day(3, 2)?,
///         channel: Channel::Email,
///         client_id: "C-1042".into(),
///         invoice_number: Some("AP-2026-00077".into()),
///         summary: "Bojāta tējkanna, lūdz apmainīt".into(),
///     },
///     DeadlineRegime::Consumer,
///     &AnswerRules::latvia(),
///     &Calendar::latvia(),
/// )?;
/// assert_eq!(complaint.deadline().date(), day(3, 23)?);
/// assert!(complaint.is_deemed_refused(day(3, 24)?));
/// let answered = complaint.answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
/// assert!(answered.is_in_time());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"number", "kind", "channel", "client_id", "invoice_number", "summary", "deadline"}`,
/// the deadline an [`AnswerDeadline`]. Deserialising re-runs the text checks of
/// [`OpenSubmission::register`] and restores the deadline through its checks (see
/// [`AnswerDeadline`] for what they can and cannot re-check); a failing value is refused
/// with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OpenSubmissionRecord"))]
pub struct OpenSubmission {
    number: String,
    kind: SubmissionKind,
    channel: Channel,
    client_id: String,
    invoice_number: Option<String>,
    summary: String,
    deadline: AnswerDeadline,
}

/// The saved form of an [`OpenSubmission`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct OpenSubmissionRecord {
    number: String,
    kind: SubmissionKind,
    channel: Channel,
    client_id: String,
    invoice_number: Option<String>,
    summary: String,
    deadline: AnswerDeadlineRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<OpenSubmissionRecord> for OpenSubmission {
    type Error = RestoreError;

    fn try_from(record: OpenSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "OpenSubmission";
        check_saved(WHAT, "number", &record.number, |v| {
            text("number", v, 50, Lines::Single)
        })?;
        check_saved(WHAT, "client_id", &record.client_id, |v| {
            text("client id", v, 100, Lines::Single)
        })?;
        if let Some(invoice) = &record.invoice_number {
            check_saved(WHAT, "invoice_number", invoice, |v| {
                text("invoice number", v, 50, Lines::Single)
            })?;
        }
        check_saved(WHAT, "summary", &record.summary, |v| {
            text("summary", v, 2_000, Lines::Multi)
        })?;
        let deadline =
            AnswerDeadline::try_from(record.deadline).map_err(|e| e.within("deadline"))?;
        Ok(OpenSubmission {
            number: record.number,
            kind: record.kind,
            channel: record.channel,
            client_id: record.client_id,
            invoice_number: record.invoice_number,
            summary: record.summary,
            deadline,
        })
    }
}

impl OpenSubmission {
    /// Registers a submission and computes its answer deadline.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::Text`] for a blank or too long number (50), client id (100), invoice
    /// number (50) or summary (2 000); the errors of [`AnswerRules::deadline`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.deadline().date(), day(3, 23)?);
    /// let blank = NewSubmission { summary: " ".into(), ..new };
    /// let error = OpenSubmission::register(blank, DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia()).unwrap_err();
    /// assert_eq!(error.code(), "submission.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(
        new: NewSubmission,
        regime: DeadlineRegime,
        rules: &AnswerRules,
        calendar: &Calendar,
    ) -> Result<Self, SubmissionError> {
        let number = text("number", &new.number, 50, Lines::Single)?;
        let client_id = text("client id", &new.client_id, 100, Lines::Single)?;
        let invoice_number = match new.invoice_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(invoice) => Some(text("invoice number", invoice, 50, Lines::Single)?),
        };
        let summary = text("summary", &new.summary, 2_000, Lines::Multi)?;
        let deadline = rules.deadline(regime, new.received_on, calendar)?;
        Ok(OpenSubmission {
            number,
            kind: new.kind,
            channel: new.channel,
            client_id,
            invoice_number,
            summary,
            deadline,
        })
    }

    /// Returns the registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.number(), "2.1/14");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.kind(), SubmissionKind::Complaint);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> SubmissionKind {
        self.kind
    }

    /// Returns the channel.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.channel(), Channel::Email);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// Returns the client id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.client_id(), "C-1042");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Returns the invoice number, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.invoice_number(), Some("AP-2026-00077"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn invoice_number(&self) -> Option<&str> {
        self.invoice_number.as_deref()
    }

    /// Returns the summary.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.summary(), "Bojāta tējkanna, lūdz apmainīt");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Returns the answer deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert_eq!(complaint.deadline().date(), day(3, 23)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> &AnswerDeadline {
        &self.deadline
    }

    /// Tells whether the answer is overdue on `today` (the deadline day is still in time).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert!(!complaint.is_overdue(day(3, 23)?));
    /// assert!(complaint.is_overdue(day(3, 24)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.deadline.date() < today
    }

    /// Tells whether a consumer's claim counts as refused on `today`: the trader kept silent
    /// past the deadline (PTAL art. 26.1, `docs/sources.md` §6 \[D4\]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// assert!(!complaint.is_deemed_refused(day(3, 23)?));
    /// assert!(complaint.is_deemed_refused(day(3, 24)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_deemed_refused(&self, today: NaiveDate) -> bool {
        self.deadline.regime == DeadlineRegime::Consumer && self.is_overdue(today)
    }

    /// Records that the submission belongs to another institution and was forwarded to it
    /// (or, where the rule allows, that the applicant was told where to turn) on
    /// `forwarded_on`, with the term of the rule in force on the receipt date (T3.6).
    ///
    /// # Errors
    ///
    /// - [`SubmissionError::NotForwardable`] for a consumer's claim or a company's own
    ///   submission: the Law on Submissions binds institutions only.
    /// - [`SubmissionError::ForwardedBeforeReceived`].
    /// - [`SubmissionError::MustForward`] for [`ForwardAction::ApplicantInformed`] where the
    ///   rule asks to forward.
    /// - [`SubmissionError::Text`] for a blank or too long (200) institution.
    /// - The errors of [`AnswerRules::forwarding_deadline`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    /// use apkalpe_documents::{
    ///     AnswerRules, Channel, DeadlineRegime, ForwardAction, NewSubmission, OpenSubmission,
    ///     SubmissionKind,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// let rules = AnswerRules::latvia();
    /// let calendar = Calendar::latvia();
    /// let application = OpenSubmission::register(
    ///     NewSubmission {
    ///         number: "3.1/9".into(),
    ///         kind: SubmissionKind::Application,
    ///         received_on: day(3, 2)?,
    ///         channel: Channel::EAddress,
    ///         client_id: "C-7".into(),
    ///         invoice_number: None,
    ///         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    ///     },
    ///     DeadlineRegime::Submission,
    ///     &rules,
    ///     &calendar,
    /// )?;
    /// let forwarded = application.forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// assert_eq!(forwarded.deadline().date(), day(3, 9)?);
    /// assert!(forwarded.is_in_time());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forward(
        self,
        forwarded_on: NaiveDate,
        to: &str,
        action: ForwardAction,
        rules: &AnswerRules,
        calendar: &Calendar,
    ) -> Result<ForwardedSubmission, SubmissionError> {
        if self.deadline.regime != DeadlineRegime::Submission {
            return Err(SubmissionError::NotForwardable {
                number: self.number,
                regime: self.deadline.regime,
            });
        }
        let received_on = self.deadline.received_on();
        if forwarded_on < received_on {
            return Err(SubmissionError::ForwardedBeforeReceived {
                number: self.number,
                received_on,
                forwarded_on,
            });
        }
        let to = text("institution", to, 200, Lines::Single)?;
        let deadline = rules.forwarding_deadline(received_on, calendar)?;
        if action == ForwardAction::ApplicantInformed && !deadline.may_inform_instead {
            return Err(SubmissionError::MustForward {
                number: self.number,
            });
        }
        Ok(ForwardedSubmission {
            submission: self,
            forwarded_on,
            to,
            action,
            deadline,
        })
    }

    /// Records the answer.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::AnsweredBeforeReceived`]; [`SubmissionError::Text`] for a blank or
    /// too long (5 000) answer summary.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert!(answered.is_in_time());
    /// let early = complaint.answer(day(3, 1)?, AnswerOutcome::Refused, "Nē.");
    /// assert_eq!(early.unwrap_err().code(), "submission.answered_before_received");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer(
        self,
        answered_on: NaiveDate,
        outcome: AnswerOutcome,
        answer: &str,
    ) -> Result<AnsweredSubmission, SubmissionError> {
        if answered_on < self.deadline.received_on() {
            return Err(SubmissionError::AnsweredBeforeReceived {
                number: self.number,
                received_on: self.deadline.received_on(),
                answered_on,
            });
        }
        let answer = text("answer", answer, 5_000, Lines::Multi)?;
        Ok(AnsweredSubmission {
            submission: self,
            answered_on,
            outcome,
            answer,
        })
    }
}

/// An answered submission.
///
/// Saved as `{"submission": {…}, "answered_on", "outcome", "answer"}`; deserialising
/// restores the submission through its checks and re-runs those of
/// [`OpenSubmission::answer`] (answered on or after the receipt, the answer text), refusing
/// a failing value with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let new = NewSubmission {
/// #     number: "2.1/14".into(),
/// #     kind: SubmissionKind::Complaint,
/// #     received_on: day(3, 2)?,
/// #     channel: Channel::Email,
/// #     client_id: "C-1042".into(),
/// #     invoice_number: Some("AP-2026-00077".into()),
/// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
/// # };
/// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
/// # let _ = (&complaint,);
/// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
/// assert_eq!(answered.answered_on(), day(3, 10)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AnsweredSubmissionRecord"))]
pub struct AnsweredSubmission {
    submission: OpenSubmission,
    answered_on: NaiveDate,
    outcome: AnswerOutcome,
    answer: String,
}

/// The saved form of an [`AnsweredSubmission`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AnsweredSubmissionRecord {
    submission: OpenSubmissionRecord,
    answered_on: NaiveDate,
    outcome: AnswerOutcome,
    answer: String,
}

#[cfg(feature = "serde")]
impl TryFrom<AnsweredSubmissionRecord> for AnsweredSubmission {
    type Error = RestoreError;

    fn try_from(record: AnsweredSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AnsweredSubmission";
        let submission =
            OpenSubmission::try_from(record.submission).map_err(|e| e.within("submission"))?;
        let received_on = submission.deadline.received_on();
        if record.answered_on < received_on {
            return Err(RestoreError::invalid(
                WHAT,
                "answered_on",
                SubmissionError::AnsweredBeforeReceived {
                    number: submission.number,
                    received_on,
                    answered_on: record.answered_on,
                },
            ));
        }
        check_saved(WHAT, "answer", &record.answer, |v| {
            text("answer", v, 5_000, Lines::Multi)
        })?;
        Ok(AnsweredSubmission {
            submission,
            answered_on: record.answered_on,
            outcome: record.outcome,
            answer: record.answer,
        })
    }
}

impl AnsweredSubmission {
    /// Returns the submission.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert_eq!(answered.submission().number(), "2.1/14");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submission(&self) -> &OpenSubmission {
        &self.submission
    }

    /// Returns the answer date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert_eq!(answered.answered_on(), day(3, 10)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answered_on(&self) -> NaiveDate {
        self.answered_on
    }

    /// Returns the outcome.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert_eq!(answered.outcome(), AnswerOutcome::Accepted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome(&self) -> AnswerOutcome {
        self.outcome
    }

    /// Returns the answer's summary.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert_eq!(answered.answer(), "Tējkanna tiks apmainīta.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// Tells whether the answer came by the deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let new = NewSubmission {
    /// #     number: "2.1/14".into(),
    /// #     kind: SubmissionKind::Complaint,
    /// #     received_on: day(3, 2)?,
    /// #     channel: Channel::Email,
    /// #     client_id: "C-1042".into(),
    /// #     invoice_number: Some("AP-2026-00077".into()),
    /// #     summary: "Bojāta tējkanna, lūdz apmainīt".into(),
    /// # };
    /// # let complaint = OpenSubmission::register(new.clone(), DeadlineRegime::Consumer, &AnswerRules::latvia(), &Calendar::latvia())?;
    /// # let _ = (&complaint,);
    /// let answered = complaint.clone().answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    /// assert!(answered.is_in_time());
    /// let late = complaint.answer(day(3, 24)?, AnswerOutcome::Accepted, "Atvainojamies par kavēšanos.")?;
    /// assert!(!late.is_in_time());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_in_time(&self) -> bool {
        self.answered_on <= self.submission.deadline.date()
    }
}

/// Renders the overdue report of open submissions on `today`: most overdue first.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::overdue_submissions_report;
/// use chrono::NaiveDate;
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// assert_eq!(overdue_submissions_report(&[], today), "overdue answers on 2026-03-02: 0\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overdue_submissions_report(open: &[OpenSubmission], today: NaiveDate) -> String {
    let mut overdue: Vec<&OpenSubmission> =
        open.iter().filter(|item| item.is_overdue(today)).collect();
    overdue.sort_by(|a, b| {
        a.deadline
            .date()
            .cmp(&b.deadline.date())
            .then_with(|| a.number.cmp(&b.number))
    });
    let mut text = format!("overdue answers on {today}: {}\n", overdue.len());
    for item in overdue {
        let days = today.signed_duration_since(item.deadline.date()).num_days();
        let days = CountNoun::new("day", "days")
            .count(Language::English, u64::try_from(days).unwrap_or_default());
        let refused = if item.is_deemed_refused(today) {
            ", deemed refused"
        } else {
            ""
        };
        text.push_str(&format!(
            "  {:<12} {:<12} client {:<12} due {} ({days} late{refused})\n",
            item.number,
            item.kind.as_str(),
            item.client_id,
            item.deadline.date()
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn effective_dates_switch_on_1_march_2026() {
        let rules = AnswerRules::latvia();
        let calendar = Calendar::latvia();
        let before = rules
            .deadline(DeadlineRegime::Submission, day(2026, 2, 28), &calendar)
            .unwrap();
        assert_eq!(before.deadline().period(), Period::Months(1));
        let after = rules
            .deadline(DeadlineRegime::Submission, day(2026, 3, 1), &calendar)
            .unwrap();
        assert_eq!(after.deadline().period(), Period::WorkingDays(10));
        let company = rules
            .deadline(
                DeadlineRegime::Company(Period::Days(30)),
                day(2026, 3, 1),
                &calendar,
            )
            .unwrap();
        assert_eq!(company.date(), day(2026, 3, 31));
        let empty = AnswerRules::from_rules(Vec::new());
        assert_eq!(
            empty
                .deadline(DeadlineRegime::Consumer, day(2026, 3, 1), &calendar)
                .unwrap_err()
                .code(),
            "submission.no_rule"
        );
        assert_eq!(
            rules
                .deadline(DeadlineRegime::Consumer, day(2200, 3, 1), &calendar)
                .unwrap_err()
                .code(),
            "calendar.year_out_of_range"
        );
    }

    #[test]
    fn regime_round_trip() {
        for text in ["consumer", "submission", "company:10wd"] {
            assert_eq!(text.parse::<DeadlineRegime>().unwrap().to_string(), text);
        }
        assert!("company:".parse::<DeadlineRegime>().is_err());
    }
}
