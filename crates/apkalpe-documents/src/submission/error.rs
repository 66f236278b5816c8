//! The error of submission operations.

use super::*;

/// The error returned by submission operations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubmissionError {
    /// The regime name is not `consumer`, `submission` or `company:<period>`.
    #[error("deadline regime {found:?} is not consumer, submission or company:<period>")]
    UnknownRegime {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// No rule covers the receipt date.
    #[error("no {regime} answer rule covers receipt on {received_on}")]
    NoRule {
        /// The regime.
        regime: DeadlineRegime,
        /// The receipt date.
        received_on: NaiveDate,
    },
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// The answer is dated before the receipt.
    #[error("submission {number} received on {received_on} cannot be answered on {answered_on}")]
    AnsweredBeforeReceived {
        /// The registration number.
        number: String,
        /// The receipt date.
        received_on: NaiveDate,
        /// The answer date given.
        answered_on: NaiveDate,
    },
    /// No submission rule with a forwarding term covers the receipt date.
    #[error("no rule for forwarding a submission covers receipt on {received_on}")]
    NoForwardingRule {
        /// The receipt date.
        received_on: NaiveDate,
    },
    /// Only a submission under the Law on Submissions is forwarded to another institution.
    #[error("submission {number} under the {regime} regime is not forwarded to an institution")]
    NotForwardable {
        /// The registration number.
        number: String,
        /// Its regime.
        regime: DeadlineRegime,
    },
    /// The forwarding is dated before the receipt.
    #[error("submission {number} received on {received_on} cannot be forwarded on {forwarded_on}")]
    ForwardedBeforeReceived {
        /// The registration number.
        number: String,
        /// The receipt date.
        received_on: NaiveDate,
        /// The forwarding date given.
        forwarded_on: NaiveDate,
    },
    /// Telling the applicant where to turn, where the rule in force asks to forward.
    #[error(
        "the rule for submission {number} asks to forward it, not only to inform the applicant"
    )]
    MustForward {
        /// The registration number.
        number: String,
    },
    /// The calendar could not count the deadline.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl SubmissionError {
    /// Returns the stable code (`submission.unknown_regime`, `submission.no_rule`,
    /// `submission.blank`, `submission.too_long`, `submission.control_character`,
    /// `submission.answered_before_received`, `submission.no_forwarding_rule`,
    /// `submission.not_forwardable`, `submission.forwarded_before_received`,
    /// `submission.must_forward`, or the calendar's code).
    pub fn code(&self) -> &'static str {
        match self {
            SubmissionError::UnknownRegime { .. } => "submission.unknown_regime",
            SubmissionError::NoRule { .. } => "submission.no_rule",
            SubmissionError::Text { problem, .. } => match problem {
                TextProblem::Blank => "submission.blank",
                TextProblem::TooLong { .. } => "submission.too_long",
                TextProblem::ControlCharacter => "submission.control_character",
            },
            SubmissionError::AnsweredBeforeReceived { .. } => "submission.answered_before_received",
            SubmissionError::NoForwardingRule { .. } => "submission.no_forwarding_rule",
            SubmissionError::NotForwardable { .. } => "submission.not_forwardable",
            SubmissionError::ForwardedBeforeReceived { .. } => {
                "submission.forwarded_before_received"
            }
            SubmissionError::MustForward { .. } => "submission.must_forward",
            SubmissionError::Calendar(error) => error.code(),
        }
    }
}

pub(super) fn text(
    field: &'static str,
    value: &str,
    max: usize,
    lines: Lines,
) -> Result<String, SubmissionError> {
    clean(value, max, lines).map_err(|problem| SubmissionError::Text { field, problem })
}
