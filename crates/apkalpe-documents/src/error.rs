//! The crate's root error, [`DocumentsError`], which every narrower error converts into.

use crate::{
    AccessError, ArchiveError, CaseError, ContractError, FilePlanError, FlowError, MinutesError,
    ParseCaseIndexError, ParseMediumError, ParseRetentionError, RegisterError, RequisiteError,
    RetentionError, SubmissionError,
};
use apkalpe_core::RestoreError;

/// Any error of `apkalpe-documents`.
///
/// Functions return the narrow error of their operation ([`FilePlanError`],
/// [`RegisterError`]) so callers can branch on it; `DocumentsError` gathers them for callers
/// that pass errors on with `?`. [`DocumentsError::code`] gives the same stable code as the
/// narrow error's own `code()`.
///
/// Every error of the crate implements [`apkalpe_core::LocalizedError`]: the code and a
/// message in Latvian or English (German and Russian fall back to English).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LocalizedError};
/// use apkalpe_documents::{CaseIndex, DocumentsError};
///
/// fn parse(text: &str) -> Result<CaseIndex, DocumentsError> {
///     Ok(text.parse::<CaseIndex>()?)
/// }
/// let error = parse("1..2").unwrap_err();
/// assert_eq!(error.code(), "case_index.segment");
/// assert_eq!(
///     error.message_in(Language::Latvian),
///     "lietas indeksa 2. daļai (\"\") jābūt 1–10 ASCII burtiem vai cipariem"
/// );
/// # Ok::<(), DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentsError {
    /// See [`RequisiteError`].
    #[error(transparent)]
    Requisite(#[from] RequisiteError),
    /// See [`ParseCaseIndexError`].
    #[error(transparent)]
    ParseCaseIndex(#[from] ParseCaseIndexError),
    /// See [`ParseRetentionError`].
    #[error(transparent)]
    ParseRetention(#[from] ParseRetentionError),
    /// See [`ParseMediumError`].
    #[error(transparent)]
    ParseMedium(#[from] ParseMediumError),
    /// See [`RetentionError`].
    #[error(transparent)]
    Retention(#[from] RetentionError),
    /// See [`FilePlanError`].
    #[error(transparent)]
    FilePlan(#[from] FilePlanError),
    /// See [`CaseError`].
    #[error(transparent)]
    Case(#[from] CaseError),
    /// See [`RegisterError`].
    #[error(transparent)]
    Register(#[from] RegisterError),
    /// See [`AccessError`].
    #[error(transparent)]
    Access(#[from] AccessError),
    /// See [`FlowError`].
    #[error(transparent)]
    Flow(#[from] FlowError),
    /// See [`SubmissionError`].
    #[error(transparent)]
    Submission(#[from] SubmissionError),
    /// See [`ContractError`].
    #[error(transparent)]
    Contract(#[from] ContractError),
    /// See [`MinutesError`].
    #[error(transparent)]
    Minutes(#[from] MinutesError),
    /// See [`ArchiveError`].
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    /// A calendar error from `apkalpe-core` (deadlines outside 1991-2100).
    #[error(transparent)]
    Calendar(#[from] apkalpe_core::CalendarError),
    /// A saved value (a snapshot, stored JSON) breaks an invariant of its type: see
    /// [`RestoreError`]. Its code is the restore code (`restore.inconsistent`, …).
    #[error(transparent)]
    Restore(#[from] RestoreError),
}

impl DocumentsError {
    /// Returns the stable error code, such as `file_plan.invalid` or `register.pattern`.
    /// Codes are never renamed or reused.
    pub fn code(&self) -> &'static str {
        match self {
            DocumentsError::Requisite(error) => error.code(),
            DocumentsError::ParseCaseIndex(error) => error.code(),
            DocumentsError::ParseRetention(error) => error.code(),
            DocumentsError::ParseMedium(error) => error.code(),
            DocumentsError::Retention(error) => error.code(),
            DocumentsError::FilePlan(error) => error.code(),
            DocumentsError::Case(error) => error.code(),
            DocumentsError::Register(error) => error.code(),
            DocumentsError::Access(error) => error.code(),
            DocumentsError::Flow(error) => error.code(),
            DocumentsError::Submission(error) => error.code(),
            DocumentsError::Contract(error) => error.code(),
            DocumentsError::Minutes(error) => error.code(),
            DocumentsError::Archive(error) => error.code(),
            DocumentsError::Calendar(error) => error.code(),
            DocumentsError::Restore(error) => error.code(),
        }
    }
}
