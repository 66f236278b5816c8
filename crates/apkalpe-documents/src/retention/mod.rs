//! Retention periods (*glabāšanas termiņi*) and the crate's retention facts, stated in
//! core's one retention model (decision 0008).
//!
//! A file plan writes periods its own way ([`RetentionPeriod`], with "90 gadi no personas
//! dzimšanas"); a case counts them by a [`CountingRule`] from its closing. The crate states
//! these facts as `apkalpe_core::RetentionObligation`s, and holds are core's
//! [`LegalHold`]s, so a program asks `apkalpe_core::RetentionFacts::decide` once for a
//! client's cases, invoices and personal data together. The crate's first engine
//! ([`retention_decision`]) stays for the programs that use it.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;

#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean, echo};

mod engine;
#[cfg(feature = "serde")]
pub(crate) mod hold;
mod period;

pub use apkalpe_core::LegalHold;
pub use engine::*;
pub use period::*;

/// The error returned by the retention engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RetentionError {
    /// A retention end falls outside the dates that can be represented.
    #[error("{years} years counted from {start} fall outside the representable dates")]
    DateOutOfRange {
        /// The start of the count.
        start: NaiveDate,
        /// The number of years.
        years: u16,
    },
    /// A text field of a hold or obligation breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// A hold is lifted before it was placed.
    #[error("legal hold {id} cannot be lifted on {lifted_on}, before it was placed on {placed_on}")]
    LiftedBeforePlaced {
        /// The hold's id.
        id: String,
        /// When it was placed.
        placed_on: NaiveDate,
        /// The lifting date given.
        lifted_on: NaiveDate,
    },
    /// A hold is lifted twice.
    #[error("legal hold {id} was already lifted")]
    AlreadyLifted {
        /// The hold's id.
        id: String,
    },
    /// An error of core's retention model (a hold, an obligation stated in core's terms):
    /// its code is core's, `retention.*` like the others (`retention.blank`,
    /// `retention.hold_ends_before_placed`, …).
    #[error(transparent)]
    Model(apkalpe_core::RetentionError),
}

impl From<apkalpe_core::RetentionError> for RetentionError {
    /// Keeps the crate's own variant where there is one, so a hold lifted twice or too early
    /// reads as before; every other error of core's model is [`RetentionError::Model`].
    fn from(error: apkalpe_core::RetentionError) -> Self {
        match error {
            apkalpe_core::RetentionError::LiftedBeforePlaced {
                id,
                placed_on,
                lifted_on,
            } => RetentionError::LiftedBeforePlaced {
                id,
                placed_on,
                lifted_on,
            },
            apkalpe_core::RetentionError::AlreadyLifted { id } => {
                RetentionError::AlreadyLifted { id }
            }
            other => RetentionError::Model(other),
        }
    }
}

impl RetentionError {
    /// Returns the stable code: `retention.date_out_of_range`, `retention.blank`,
    /// `retention.too_long`, `retention.control_character`, `retention.lifted_before_placed`
    /// or `retention.already_lifted`.
    pub fn code(&self) -> &'static str {
        match self {
            RetentionError::DateOutOfRange { .. } => "retention.date_out_of_range",
            RetentionError::Text { problem, .. } => match problem {
                TextProblem::Blank => "retention.blank",
                TextProblem::TooLong { .. } => "retention.too_long",
                TextProblem::ControlCharacter => "retention.control_character",
            },
            RetentionError::LiftedBeforePlaced { .. } => "retention.lifted_before_placed",
            RetentionError::AlreadyLifted { .. } => "retention.already_lifted",
            RetentionError::Model(error) => error.code(),
        }
    }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, RetentionError> {
    clean(value, max, Lines::Single).map_err(|problem| RetentionError::Text { field, problem })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_periods() {
        for (text, period) in [
            ("pastāvīgi", RetentionPeriod::Permanent),
            ("PERMANENT", RetentionPeriod::Permanent),
            ("1 gads", RetentionPeriod::Years(1)),
            ("10y", RetentionPeriod::Years(10)),
            ("75 years", RetentionPeriod::Years(75)),
        ] {
            assert_eq!(text.parse::<RetentionPeriod>().unwrap(), period, "{text}");
        }
        assert_eq!(RetentionPeriod::Years(21).to_string(), "21 gads");
        assert_eq!(RetentionPeriod::Years(11).to_string(), "11 gadi");
        let event: RetentionPeriod = "90y from birth".parse().unwrap();
        assert_eq!(
            event,
            RetentionPeriod::YearsFromEvent {
                years: 90,
                event: "birth".to_owned()
            }
        );
        for (text, code) in [
            ("", "retention.empty"),
            ("ilgi", "retention.years"),
            ("0 gadi", "retention.years"),
            ("1000 gadi", "retention.years"),
            ("5 mēneši", "retention.unit"),
            ("5 gadi pēc", "retention.unit"),
            ("5 gadi no  ", "retention.unit"),
        ] {
            assert_eq!(
                text.parse::<RetentionPeriod>().unwrap_err().code(),
                code,
                "{text}"
            );
        }
    }

    #[test]
    fn categories() {
        assert_eq!(
            RetentionPeriod::Years(10).category(),
            RetentionCategory::ShortTerm
        );
        assert_eq!(
            RetentionPeriod::Years(11).category(),
            RetentionCategory::LongTerm
        );
    }

    #[test]
    fn longest_obligation_wins() {
        let facts = RetentionFacts::new()
            .with_obligation(RetentionObligation::accounting(
                AccountingRecord::SupportingDocument,
                Some(day(2020, 1, 1)),
            ))
            .with_obligation(RetentionObligation::accounting(
                AccountingRecord::AccountingRegister,
                Some(day(2020, 1, 1)),
            ));
        let decision = retention_decision(&facts, day(2026, 3, 2)).unwrap();
        assert_eq!(
            decision,
            RetentionDecision::Keep {
                until: Some(day(2030, 12, 31)),
                reasons: vec![KeepReason::Running {
                    ends_on: day(2030, 12, 31),
                    period: RetentionPeriod::Years(10),
                    basis: "Grāmatvedības likums, 28. pants".to_owned()
                }]
            }
        );
        let later = retention_decision(&facts, day(2031, 1, 1)).unwrap();
        assert_eq!(
            later,
            RetentionDecision::MayDestroy {
                since: Some(day(2031, 1, 1))
            }
        );
    }

    #[test]
    fn annual_report_is_kept_until_the_business_ends() {
        let facts = RetentionFacts::new().with_obligation(RetentionObligation::accounting(
            AccountingRecord::AnnualReport,
            None,
        ));
        let decision = retention_decision(&facts, day(2026, 3, 2)).unwrap();
        assert!(matches!(
            decision,
            RetentionDecision::Keep { until: None, .. }
        ));
    }

    #[test]
    fn lifted_hold_no_longer_blocks() {
        let hold = LegalHold::try_new("H", "audit", day(2026, 1, 1)).unwrap();
        assert_eq!(
            hold.clone().lift(day(2025, 1, 1)).unwrap_err().code(),
            "retention.lifted_before_placed"
        );
        let lifted = hold.lift(day(2026, 2, 1)).unwrap();
        assert_eq!(
            lifted.clone().lift(day(2026, 3, 1)).unwrap_err().code(),
            "retention.already_lifted"
        );
        let facts = RetentionFacts::new().with_hold(lifted);
        assert!(
            !retention_decision(&facts, day(2026, 1, 31))
                .unwrap()
                .may_destroy()
        );
        assert!(
            retention_decision(&facts, day(2026, 2, 1))
                .unwrap()
                .may_destroy()
        );
    }
}
