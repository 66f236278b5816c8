//! One retention model for every record: documents, accounting records and a client's
//! personal data (decision 0008).
//!
//! A record is kept while something requires it. [`RetentionFacts`] gathers what does:
//! [`RetentionObligation`]s (a [`RetentionPeriod`] counted from a [`RetentionStart`], with
//! the legal basis, keeping the whole record or some [`RecordPart`]s) and [`LegalHold`]s (a
//! dispute, an audit, an inquiry). [`RetentionFacts::decide`] answers the one question, "may
//! this be erased or destroyed, and if not, why and until when", as a [`RetentionDecision`]:
//! a [`RetentionVerdict`] and every [`KeepReason`]. [`RetentionFacts::decide_part`] asks it
//! for one part, so an erasure can erase the phone numbers while the invoices keep the name.
//!
//! The engine is pure: `today` is an argument, and the facts are the caller's. Each crate
//! states its own records' facts (the accounting crate the Accounting Law's periods, the
//! documents crate its file plan, the clients crate the purposes of personal data), and a
//! program asks the engine once with all of them.

mod decision;
mod hold;
mod obligation;
mod period;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::NaiveDate;

pub use decision::{
    KeepReason, KeepReasonKind, RetentionDecision, RetentionFacts, RetentionVerdict,
};
pub use hold::LegalHold;
pub use obligation::{
    RecordPart, RetentionEvent, RetentionObligation, RetentionScope, RetentionStart,
};
pub use period::{CountingRule, ParseRetentionPeriodError, RetentionPeriod};

use crate::{Language, LocalizedError, TextRuleError};

/// The error returned by the retention model: a text, a part name or a date that cannot be.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LegalHold, LocalizedError};
/// use chrono::NaiveDate;
///
/// let placed = NaiveDate::from_ymd_opt(2026, 5, 4).ok_or("date")?;
/// let error = LegalHold::try_new("LH-7", "strīds", placed)?
///     .lift(NaiveDate::from_ymd_opt(2026, 5, 1).ok_or("date")?)
///     .unwrap_err();
/// assert_eq!(error.code(), "retention.lifted_before_placed");
/// assert_eq!(
///     error.message_in(Language::Latvian),
///     "iznīcināšanas aizliegumu LH-7 nevar atcelt 2026-05-01, pirms tas noteikts 2026-05-04"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RetentionError {
    /// A retention end falls outside the dates that can be represented.
    #[error(
        "{} counted from {start} falls outside the representable dates",
        .period.to_localized_string(Language::English)
    )]
    DateOutOfRange {
        /// The start of the count.
        start: NaiveDate,
        /// The period.
        period: RetentionPeriod,
    },
    /// A text field (`record`, `basis`, `hold_id`, `hold_reason`) breaks its text rule.
    #[error("{field}: {source}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        source: TextRuleError,
    },
    /// A part's name is not 1 to 32 characters of `a–z`, `0–9` and `_`.
    #[error("record part name: {source}")]
    Part {
        /// What is wrong.
        source: TextRuleError,
    },
    /// A scope of parts without a part.
    #[error("a scope of parts needs at least one part")]
    ScopeEmpty,
    /// A hold lifted before it was placed.
    #[error("legal hold {id} cannot be lifted on {lifted_on}, before it was placed on {placed_on}")]
    LiftedBeforePlaced {
        /// The hold's id.
        id: String,
        /// When it was placed.
        placed_on: NaiveDate,
        /// The lifting day given.
        lifted_on: NaiveDate,
    },
    /// A hold lifted twice.
    #[error("legal hold {id} was already lifted")]
    AlreadyLifted {
        /// The hold's id.
        id: String,
    },
    /// A hold whose last day is before it was placed.
    #[error("legal hold {id} cannot end on {ends_on}, before it was placed on {placed_on}")]
    HoldEndsBeforePlaced {
        /// The hold's id.
        id: String,
        /// When it was placed.
        placed_on: NaiveDate,
        /// The last day given.
        ends_on: NaiveDate,
    },
}

impl RetentionError {
    /// Returns the stable code: `retention.date_out_of_range`, `retention.blank`,
    /// `retention.too_long`, `retention.control_character` (the three text problems),
    /// `retention.part`, `retention.scope_empty`, `retention.lifted_before_placed`,
    /// `retention.already_lifted` or `retention.hold_ends_before_placed`.
    ///
    /// The codes the documents crate's retention engine used keep their meaning here.
    pub fn code(&self) -> &'static str {
        match self {
            RetentionError::DateOutOfRange { .. } => "retention.date_out_of_range",
            RetentionError::Text { source, .. } => match source {
                TextRuleError::Blank => "retention.blank",
                TextRuleError::TooLong { .. } => "retention.too_long",
                _ => "retention.control_character",
            },
            RetentionError::Part { .. } => "retention.part",
            RetentionError::ScopeEmpty => "retention.scope_empty",
            RetentionError::LiftedBeforePlaced { .. } => "retention.lifted_before_placed",
            RetentionError::AlreadyLifted { .. } => "retention.already_lifted",
            RetentionError::HoldEndsBeforePlaced { .. } => "retention.hold_ends_before_placed",
        }
    }
}

impl LocalizedError for RetentionError {
    fn code(&self) -> &'static str {
        RetentionError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            RetentionError::DateOutOfRange { start, period } => write!(
                f,
                "{}, skaitot no {start}, iziet ārpus attēlojamo datumu robežām",
                period.to_localized_string(Language::Latvian)
            ),
            RetentionError::Text { field, source } => {
                write!(f, "{field}: ")?;
                source.fmt_in(language, f)
            }
            RetentionError::Part { source } => {
                f.write_str("ieraksta daļas nosaukums: ")?;
                source.fmt_in(language, f)
            }
            RetentionError::ScopeEmpty => f.write_str("daļu sarakstā jābūt vismaz vienai daļai"),
            RetentionError::LiftedBeforePlaced {
                id,
                placed_on,
                lifted_on,
            } => write!(
                f,
                "iznīcināšanas aizliegumu {id} nevar atcelt {lifted_on}, pirms tas noteikts {placed_on}"
            ),
            RetentionError::AlreadyLifted { id } => {
                write!(f, "iznīcināšanas aizliegums {id} jau ir atcelts")
            }
            RetentionError::HoldEndsBeforePlaced {
                id,
                placed_on,
                ends_on,
            } => write!(
                f,
                "iznīcināšanas aizliegums {id} nevar beigties {ends_on}, pirms tas noteikts {placed_on}"
            ),
        }
    }
}
