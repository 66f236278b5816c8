//! What a program that embeds the crate uses, in one import:
//! `use apkalpe_documents::prelude::*;`.
//!
//! This is the way to import the crate. Most names are the crate's own. Some names are used
//! by other Apkalpe crates too, so the prelude exports them under a name that says which one
//! this is; a program can then glob-import the preludes of several crates without a clash:
//!
//! | here | the crate's own name | also in |
//! |---|---|---|
//! | [`SubmissionChannel`] | [`Channel`](crate::Channel) | `apkalpe-clients` (the channel of an interaction) |
//! | [`RecordsDocumentKind`] | [`DocumentKind`](crate::DocumentKind) | `apkalpe-accounting` (invoice, credit note, …) |
//! | [`ContractSignatory`] | [`Signatory`](crate::Signatory) | `apkalpe-accounting` (the signatory of a services act) |
//! | [`DocumentRegisterError`] | [`RegisterError`](crate::RegisterError) | `apkalpe-clients`, `apkalpe-payments` (their registers) |
//! | [`FilePlanRetentionPeriod`] | [`RetentionPeriod`](crate::RetentionPeriod) | `apkalpe-core` (the retention model's period) |
//! | [`CaseCountingRule`] | [`CountingRule`](crate::CountingRule) | `apkalpe-core` (the retention model's counting rule) |
//!
//! [`LegalHold`] is core's own type (`apkalpe_core::LegalHold`), so importing it from both
//! crates does not clash. The crate's older retention engine (`RetentionObligation`,
//! `RetentionFacts`, `retention_decision`, …) is not in the prelude: its names are core's
//! too, and core's engine replaces it (decision 0008); state a case's facts with
//! [`ClosedCase::retention_obligations`](crate::ClosedCase::retention_obligations). The
//! crate's own names stay at its root (`apkalpe_documents::Channel`); use them by path when
//! that reads better. The prelude also brings core's [`LocalizedError`], so `code()` and
//! `message_in(Language)` work on every error without a further import.
//!
//! # Examples
//!
//! ```
//! use apkalpe_core::Language;
//! use apkalpe_documents::prelude::*;
//!
//! let error = DocumentDraft::new(RecordsDocumentKind::Act).validate().unwrap_err();
//! assert_eq!(error.code(), "requisite.invalid");
//! assert!(error.message_in(Language::Latvian).starts_with("dokumenta projekta (akts)"));
//! let channel = SubmissionChannel::Email;
//! assert_eq!(format!("{channel:?}"), "Email");
//! ```

pub use apkalpe_core::{LegalHold, LocalizedError};

pub use crate::{
    AccessError, AccessLevel, AccessLog, AccessLogEntry, AnswerDeadline, AnswerOutcome, AnswerRule,
    AnswerRules, AnsweredSubmission, ArchiveError, ArchivePolicy, Assignee, CaseDescription,
    CaseError, CaseIndex, ClaimPeriodCheck, ClosedCase, Contract, ContractError, ContractTerm,
    DeadlineRegime, Decision, DestructionAct, DestructionEntry, DestructionList, Document,
    DocumentDraft, DocumentFlow, DocumentId, DocumentVersion, DocumentsError, FilePlan,
    FilePlanChange, FilePlanColumn, FilePlanEntry, FilePlanEntryInput, FilePlanError,
    FilePlanProblem, FilePlanProblemKind, FlowAction, FlowError, FlowEvent, FlowState, FlowStatus,
    ForwardAction, ForwardedSubmission, ForwardingDeadline, Gender, Letter, Medium, Meeting,
    Minutes, MinutesBook, MinutesError, NewSubmission, OpenCase, OpenSubmission, OverdueItem,
    ParseCaseIndexError, ParseMediumError, ParseRetentionError, ReadOutcome, Reader, RegimeKind,
    Register, RegisterKind, RegisteredDocument, RegistrationPattern, Remedy, Renewal, Requisite,
    RequisiteError, RequisiteProblem, RequisiteProblemKind, RetentionCategory, SaleChannel,
    Salutation, SubmissionError, SubmissionKind, TextProblem, TransferEntry, TransferList,
    TransferTerm, TransferTerms, WithdrawalException, WithdrawalInformation, WithdrawalOutcome,
    WithdrawalStart, claim_period, destruction_list, downcast_error, latvian_genitive,
    latvian_vocative, overdue_list, overdue_submissions_report, read_document, transfer_list,
    transfer_list_with_terms, withdrawal_deadline,
};

/// How a submission arrived: [`Channel`](crate::Channel), named so it does not clash with
/// `apkalpe_clients::Channel`.
pub use crate::Channel as SubmissionChannel;

/// The kind of a document in records management: [`DocumentKind`](crate::DocumentKind),
/// named so it does not clash with `apkalpe_accounting::DocumentKind`.
pub use crate::DocumentKind as RecordsDocumentKind;

/// A person signing a contract for a party: [`Signatory`](crate::Signatory), named so it
/// does not clash with `apkalpe_accounting::Signatory`.
pub use crate::Signatory as ContractSignatory;

/// The error of a document register: [`RegisterError`](crate::RegisterError), named so it
/// does not clash with `apkalpe_clients::RegisterError` or `apkalpe_payments::RegisterError`.
pub use crate::RegisterError as DocumentRegisterError;

/// A file plan's retention period: [`RetentionPeriod`](crate::RetentionPeriod), named so it
/// does not clash with `apkalpe_core::RetentionPeriod`.
pub use crate::RetentionPeriod as FilePlanRetentionPeriod;

/// How a case's retention is counted: [`CountingRule`](crate::CountingRule), named so it
/// does not clash with `apkalpe_core::CountingRule`.
pub use crate::CountingRule as CaseCountingRule;
