//! The error of register operations.

use super::*;

/// The error returned by register operations.
///
/// # Name
///
/// `apkalpe-clients` and `apkalpe-payments` have a `RegisterError` too (their registers);
/// the [`prelude`](crate::prelude) exports this one as `DocumentRegisterError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The registration pattern is malformed.
    #[error("registration pattern {template:?} {problem}")]
    Pattern {
        /// The template, cut to 32 characters.
        template: String,
        /// What is wrong, as a fixed phrase.
        problem: &'static str,
    },
    /// A document with this id is already registered.
    #[error("document {id} is already registered as {number}")]
    AlreadyRegistered {
        /// The id.
        id: DocumentId,
        /// Its number.
        number: String,
    },
    /// The register does not take documents of this kind.
    #[error("the {register} register does not take {kind} documents")]
    KindNotAccepted {
        /// The register.
        register: RegisterKind,
        /// The document's kind.
        kind: DocumentKind,
    },
    /// No document with this id is registered.
    #[error("document {id} is not registered")]
    UnknownDocument {
        /// The id.
        id: DocumentId,
    },
    /// A correction changes the document's kind.
    #[error("a correction cannot change the kind from {from} to {to}")]
    KindChanged {
        /// The registered kind.
        from: DocumentKind,
        /// The kind of the correction.
        to: DocumentKind,
    },
    /// The correction's reason is blank, too long (500) or multi-line.
    #[error("correction reason {problem}")]
    InvalidReason {
        /// What is wrong.
        problem: TextProblem,
    },
    /// A correction dated before the registration.
    #[error("document {number} registered on {registered_on} cannot be corrected on {on}")]
    CorrectionBeforeRegistration {
        /// The number.
        number: String,
        /// The registration date.
        registered_on: NaiveDate,
        /// The correction date given.
        on: NaiveDate,
    },
    /// The date is in a year before the register's current year: a register never goes
    /// back.
    #[error("the {register} register is numbering {current_year}, cannot register on {date}")]
    DateBeforeCurrentYear {
        /// The register.
        register: RegisterKind,
        /// The date given.
        date: NaiveDate,
        /// The year being numbered.
        current_year: i32,
    },
    /// The next sequence does not fit the pattern's `{seq:N}` width.
    #[error("the {register} register has no numbers left after {max} in {year}")]
    SequenceExhausted {
        /// The register.
        register: RegisterKind,
        /// The year.
        year: i32,
        /// The largest sequence the pattern can show.
        max: u32,
    },
    /// No document with this id is in the register, which has archived its documents
    /// registered before `before` ([`Register::archive_before`]): the id is unknown or one
    /// of them, and an archived document cannot be corrected here.
    #[error(
        "document {id} is not in the register, which archived its documents registered before {before}"
    )]
    Archived {
        /// The id.
        id: DocumentId,
        /// The archive horizon.
        before: NaiveDate,
    },
}

impl RegisterError {
    /// Returns the stable code (`register.pattern`, `register.already_registered`,
    /// `register.kind_not_accepted`, `register.unknown_document`, `register.kind_changed`,
    /// `register.invalid_reason`, `register.correction_before_registration`,
    /// `register.date_before_current_year`, `register.sequence_exhausted`,
    /// `register.archived`).
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::Pattern { .. } => "register.pattern",
            RegisterError::AlreadyRegistered { .. } => "register.already_registered",
            RegisterError::KindNotAccepted { .. } => "register.kind_not_accepted",
            RegisterError::UnknownDocument { .. } => "register.unknown_document",
            RegisterError::KindChanged { .. } => "register.kind_changed",
            RegisterError::InvalidReason { .. } => "register.invalid_reason",
            RegisterError::CorrectionBeforeRegistration { .. } => {
                "register.correction_before_registration"
            }
            RegisterError::DateBeforeCurrentYear { .. } => "register.date_before_current_year",
            RegisterError::SequenceExhausted { .. } => "register.sequence_exhausted",
            RegisterError::Archived { .. } => "register.archived",
        }
    }
}
