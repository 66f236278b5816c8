//! A submission that belongs to another institution: forwarded, or the applicant told where
//! to turn, within the dated term.

use super::*;

/// What was done with a submission that belongs to another institution.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let rules = AnswerRules::latvia();
/// # let calendar = Calendar::latvia();
/// # let application = OpenSubmission::register(
/// #     NewSubmission {
/// #         number: "3.1/9".into(),
/// #         kind: SubmissionKind::Application,
/// #         received_on: day(3, 2)?,
/// #         channel: Channel::EAddress,
/// #         client_id: "C-7".into(),
/// #         invoice_number: None,
/// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
/// #     },
/// #     DeadlineRegime::Submission,
/// #     &rules,
/// #     &calendar,
/// # )?;
/// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
/// # let _ = (&forwarded,);
/// assert_eq!(forwarded.action(), ForwardAction::Forwarded);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ForwardAction {
    /// Sent to the competent institution, the applicant informed (*pārsūtīts*).
    Forwarded,
    /// The applicant told which institution to turn to, where the rule allows it instead of
    /// forwarding (from 1 March 2026).
    ApplicantInformed,
}

/// The term for forwarding a submission, with the rule's basis.
///
/// Saved as `{"deadline": {"start", "period", "date", "steps"}, "may_inform_instead",
/// "basis"}`; the deadline is counted again from its start and period with the Latvian
/// calendar when restored (see [`AnswerDeadline`]).
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let rules = AnswerRules::latvia();
/// # let calendar = Calendar::latvia();
/// # let application = OpenSubmission::register(
/// #     NewSubmission {
/// #         number: "3.1/9".into(),
/// #         kind: SubmissionKind::Application,
/// #         received_on: day(3, 2)?,
/// #         channel: Channel::EAddress,
/// #         client_id: "C-7".into(),
/// #         invoice_number: None,
/// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
/// #     },
/// #     DeadlineRegime::Submission,
/// #     &rules,
/// #     &calendar,
/// # )?;
/// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
/// # let _ = (&forwarded,);
/// assert_eq!(forwarded.deadline().date(), day(3, 9)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ForwardingDeadline {
    pub(super) deadline: Deadline,
    pub(super) may_inform_instead: bool,
    pub(super) basis: String,
}

/// The saved form of a [`ForwardingDeadline`].
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ForwardingDeadlineRecord {
    pub(super) deadline: SavedDeadline,
    pub(super) may_inform_instead: bool,
    pub(super) basis: String,
}

impl ForwardingDeadline {
    /// Returns the last day to forward.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.deadline().date(), day(3, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.deadline.date()
    }

    /// Returns the core deadline with its steps.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.deadline().deadline().date(), day(3, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> &Deadline {
        &self.deadline
    }

    /// Tells whether telling the applicant where to turn may take the forwarding's place.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert!(forwarded.deadline().may_inform_instead());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn may_inform_instead(&self) -> bool {
        self.may_inform_instead
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert!(!forwarded.deadline().basis().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.basis
    }
}

/// A submission forwarded to the institution it belongs to (or whose applicant was told
/// where to turn), with the term it had.
///
/// # Saved form
///
/// `{"submission": {…}, "forwarded_on", "to", "action", "deadline": {…}}`. Restoring runs the
/// checks of [`OpenSubmission::forward`] again (a submission under the Law on Submissions,
/// forwarded on or after its receipt, to a named institution, informing only where the rule
/// allowed it) and counts the term again from the receipt with the Latvian calendar; a
/// failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let rules = AnswerRules::latvia();
/// # let calendar = Calendar::latvia();
/// # let application = OpenSubmission::register(
/// #     NewSubmission {
/// #         number: "3.1/9".into(),
/// #         kind: SubmissionKind::Application,
/// #         received_on: day(3, 2)?,
/// #         channel: Channel::EAddress,
/// #         client_id: "C-7".into(),
/// #         invoice_number: None,
/// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
/// #     },
/// #     DeadlineRegime::Submission,
/// #     &rules,
/// #     &calendar,
/// # )?;
/// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
/// # let _ = (&forwarded,);
/// assert_eq!(forwarded.to(), "Rīgas valstspilsētas pašvaldība");
/// assert!(forwarded.is_in_time());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ForwardedSubmissionRecord"))]
pub struct ForwardedSubmission {
    pub(super) submission: OpenSubmission,
    pub(super) forwarded_on: NaiveDate,
    pub(super) to: String,
    pub(super) action: ForwardAction,
    pub(super) deadline: ForwardingDeadline,
}

/// The saved form of a [`ForwardedSubmission`].
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ForwardedSubmissionRecord {
    pub(super) submission: OpenSubmissionRecord,
    pub(super) forwarded_on: NaiveDate,
    pub(super) to: String,
    pub(super) action: ForwardAction,
    pub(super) deadline: ForwardingDeadlineRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<ForwardedSubmissionRecord> for ForwardedSubmission {
    type Error = RestoreError;

    fn try_from(record: ForwardedSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ForwardedSubmission";
        let submission =
            OpenSubmission::try_from(record.submission).map_err(|e| e.within("submission"))?;
        let received_on = submission.deadline.received_on();
        if submission.deadline.regime != DeadlineRegime::Submission {
            return Err(RestoreError::invalid(
                WHAT,
                "submission.deadline.regime",
                SubmissionError::NotForwardable {
                    number: submission.number,
                    regime: submission.deadline.regime,
                },
            ));
        }
        if record.forwarded_on < received_on {
            return Err(RestoreError::invalid(
                WHAT,
                "forwarded_on",
                SubmissionError::ForwardedBeforeReceived {
                    number: submission.number,
                    received_on,
                    forwarded_on: record.forwarded_on,
                },
            ));
        }
        check_saved(WHAT, "to", &record.to, |v| {
            text("institution", v, 200, Lines::Single)
        })?;
        if record.deadline.deadline.start != received_on {
            return Err(RestoreError::inconsistent(
                WHAT,
                "deadline.deadline.start",
                format_args!("the term counts from the receipt on {received_on}"),
            )
            .with_latvian_reason(format_args!("termiņu skaita no saņemšanas {received_on}")));
        }
        let deadline = restore_deadline(WHAT, "deadline.deadline", record.deadline.deadline)?;
        if record.action == ForwardAction::ApplicantInformed && !record.deadline.may_inform_instead
        {
            return Err(RestoreError::invalid(
                WHAT,
                "action",
                SubmissionError::MustForward {
                    number: submission.number,
                },
            ));
        }
        Ok(ForwardedSubmission {
            submission,
            forwarded_on: record.forwarded_on,
            to: record.to,
            action: record.action,
            deadline: ForwardingDeadline {
                deadline,
                may_inform_instead: record.deadline.may_inform_instead,
                basis: record.deadline.basis,
            },
        })
    }
}

impl ForwardedSubmission {
    /// Returns the submission.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.submission().number(), "3.1/9");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submission(&self) -> &OpenSubmission {
        &self.submission
    }

    /// Returns the day it was forwarded (or the applicant informed).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.forwarded_on(), day(3, 6)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forwarded_on(&self) -> NaiveDate {
        self.forwarded_on
    }

    /// Returns the institution it belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.to(), "Rīgas valstspilsētas pašvaldība");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to(&self) -> &str {
        &self.to
    }

    /// Returns what was done.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.action(), ForwardAction::Forwarded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn action(&self) -> ForwardAction {
        self.action
    }

    /// Returns the term it had.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.deadline().date(), day(3, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> &ForwardingDeadline {
        &self.deadline
    }

    /// Tells whether it was forwarded by the term (the last day is still in time).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert!(forwarded.is_in_time());
    /// let late = application.forward(day(3, 10)?, "VARAM", ForwardAction::Forwarded, &rules, &calendar)?;
    /// assert!(!late.is_in_time());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_in_time(&self) -> bool {
        self.forwarded_on <= self.deadline.date()
    }

    /// Returns the lines a desk prints: what was done, when, by which term, and the basis.
    ///
    /// # Examples
    ///
    /// See [`OpenSubmission::forward`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rules = AnswerRules::latvia();
    /// # let calendar = Calendar::latvia();
    /// # let application = OpenSubmission::register(
    /// #     NewSubmission {
    /// #         number: "3.1/9".into(),
    /// #         kind: SubmissionKind::Application,
    /// #         received_on: day(3, 2)?,
    /// #         channel: Channel::EAddress,
    /// #         client_id: "C-7".into(),
    /// #         invoice_number: None,
    /// #         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    /// #     },
    /// #     DeadlineRegime::Submission,
    /// #     &rules,
    /// #     &calendar,
    /// # )?;
    /// # let forwarded = application.clone().forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// # let _ = (&forwarded,);
    /// assert_eq!(forwarded.lines()[0], "3.1/9: forwarded to Rīgas valstspilsētas pašvaldība on 2026-03-06 (in time)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> Vec<String> {
        let done = match self.action {
            ForwardAction::Forwarded => "forwarded to",
            ForwardAction::ApplicantInformed => "applicant told to turn to",
        };
        let timing = if self.is_in_time() { "in time" } else { "late" };
        vec![
            format!(
                "{}: {done} {} on {} ({timing})",
                self.submission.number, self.to, self.forwarded_on
            ),
            format!(
                "term: {} of receipt on {}, until {}",
                describe(self.deadline.deadline.period()),
                self.submission.deadline.received_on(),
                self.deadline.date()
            ),
            format!("basis: {}", self.deadline.basis),
        ]
    }
}
