//! Records management for a Latvian customer service specialist (*lietvedība*): documents
//! and their requisites (*rekvizīti*), the file plan (*lietu nomenklatūra*) and its cases
//! (*lietas*), registers and document flow (*dokumentu aprite*), complaints, proposals,
//! applications and reclamations with their legal answer deadlines, consumer withdrawal,
//! contracts, minutes, letters, confidentiality and the archive.
//!
//! Serves: T2.7, T2.8, T3.1, T3.2, T3.3, T3.4, T3.5, T3.6, T3.7, T3.8, T3.9, T3.10, S19, S20,
//! S23, C15, C16, C17 (the requirement ids of the project's traceability table).
//!
//! The crate is pure: no I/O, no clock, no randomness. Dates (`today`), instants and document
//! ids come in as arguments; CSV comes in as text and goes out as a `String`.
//!
//! # Brief overview
//!
//! - [`DocumentKind`], [`Requisite`], [`DocumentDraft`] → [`Document`]: each kind's required
//!   and optional requisites; validation lists every problem at once ([`RequisiteError`]).
//! - [`FilePlan`], [`FilePlanEntry`], [`CaseIndex`], [`RetentionPeriod`], [`Medium`]: the
//!   year's plan with MK 282 columns, CSV import/export, copy to the next year.
//! - [`OpenCase`] → [`ClosedCase`]: filing, closing, retention end by a [`CountingRule`].
//! - Retention in core's one model (decision 0008): [`ClosedCase::core_retention_facts`],
//!   [`FilePlanEntry::retention_obligation`] and [`RetentionObligation::to_core`] state the
//!   crate's facts as `apkalpe_core::RetentionObligation`s, holds are core's [`LegalHold`]s,
//!   and `apkalpe_core::RetentionFacts::decide` answers "may this be destroyed or erased
//!   today, and if not, why and until when" for cases, invoices and personal data at once.
//!   The crate's first engine, [`retention_decision`] over [`RetentionFacts`], stays.
//! - [`Register`], [`RegisteredDocument`], [`RegistrationPattern`]: gapless numbers such as
//!   `{index}/{seq}`, immutable records, corrections as versions;
//!   [`Register::archive_before`] keeps a long-running register's history bounded.
//! - [`DocumentFlow`], [`FlowAction`], [`overdue_list`]: assignment, resolutions, states, an
//!   append-only audit trail that replays to the current state.
//! - [`AnswerRules`], [`DeadlineRegime`], [`OpenSubmission`]: effective-dated answer
//!   deadlines (PTAL art. 26.1, the Law on Submissions before and after 1 March 2026);
//!   [`ForwardedSubmission`]: a submission that belongs to another institution, forwarded
//!   within the dated term (7 working days, 5 from 1 March 2026).
//! - [`claim_period`], [`Remedy`], [`withdrawal_deadline`]: consumer reclamations and the
//!   14-day withdrawal.
//! - [`Contract`], [`MinutesBook`], [`Letter`], [`Salutation`]: contracts, minutes and letters;
//!   [`latvian_vocative`], [`latvian_genitive`]: a person greeted in the vocative ("Labdien,
//!   Jāni Ozol!") or by title ("Godātais Ozola kungs!"), with a safe form where a name's
//!   ending leaves the grammar unsure.
//! - [`AccessLevel`], [`Reader`], [`read_document`], [`AccessLog`]: confidentiality.
//! - [`transfer_list`], [`destruction_list`], [`DestructionAct`]: the archive;
//!   [`TransferTerms`]: the dated legal terms for transfer by medium (paper 15 years,
//!   electronic 5).
//! - [`DocumentsError`]: every error of the crate, each with a stable code and a message in
//!   Latvian and English (`apkalpe_core::LocalizedError`); [`downcast_error`] finds them behind
//!   a `Box<dyn Error>`.
//!
//! # Importing
//!
//! `use apkalpe_documents::prelude::*;` brings what an embedding program uses, core's
//! `LocalizedError` included. Four names clash with other Apkalpe crates and the prelude
//! renames them: [`Channel`] is `SubmissionChannel` (`apkalpe-clients` has a `Channel`),
//! [`DocumentKind`] is `RecordsDocumentKind` and [`Signatory`] is `ContractSignatory`
//! (`apkalpe-accounting` has both), [`RegisterError`] is `DocumentRegisterError`
//! (`apkalpe-clients` and `apkalpe-payments` have one); the file plan's [`RetentionPeriod`]
//! and [`CountingRule`] are `FilePlanRetentionPeriod` and `CaseCountingRule` beside core's
//! retention model. See [`prelude`].
//!
//! # Saving and restoring
//!
//! Every state and report type serialises to named JSON and deserialises through the same
//! checks as its constructors and operations: a restored register, case, flow or submission
//! is as trustworthy as one built by calls, and a saved value edited into an illegal state
//! is refused with an [`apkalpe_core::RestoreError`] whose message starts with its stable
//! code and names the field (`restore.inconsistent: cannot restore Register:
//! documents[2].sequence: …`). Each type's "Saved form" section says what is re-checked.
//!
//! # Example
//!
//! ```
//! use apkalpe_core::Calendar;
//! use apkalpe_documents::{
//!     AnswerRules, CaseIndex, DeadlineRegime, DocumentDraft, DocumentId, DocumentKind,
//!     FilePlan, OpenCase, Register, RegisterKind, Requisite,
//! };
//! use chrono::NaiveDate;
//!
//! let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
//!            2;Klientu apkalpošana;;;;;;;\n\
//!            2.1;;Klientu sūdzības un atbildes;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
//! let plan = FilePlan::from_csv(2026, csv)?;
//! let index: CaseIndex = "2.1".parse()?;
//! let received = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
//!
//! let complaint = DocumentDraft::new(DocumentKind::Complaint)
//!     .with(Requisite::Author, "Anna Kalniņa")
//!     .with_date(received)
//!     .with(Requisite::Addressee, "SIA Apkalpe")
//!     .with(Requisite::Text, "Tējkanna nedarbojas, lūdzu to apmainīt.")
//!     .with(Requisite::Signature, "A. Kalniņa")
//!     .validate()?;
//! let mut incoming = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
//! let record = incoming.register(DocumentId::from_u128(1), complaint, &index, received)?;
//! assert_eq!(record.number(), "2.1/1");
//!
//! let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, received, &Calendar::latvia())?;
//! assert_eq!(answer.date(), NaiveDate::from_ymd_opt(2026, 3, 23).ok_or("date")?);
//!
//! let mut case = OpenCase::open(&plan, &index, received)?;
//! case.file(record.id())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! Both are on by default; turn them off with `default-features = false`.
//!
//! - `serde`: `Serialize` and `Deserialize` for every state and report type (the JSON shapes
//!   are API), each deserialised through its checks.
//! - `csv`: the file plan as CSV, [`FilePlan::from_csv`] and [`FilePlan::to_csv`].
//!
//! The domain model behind these types, with worked numbers, is in the repository's
//! `docs/model/documents.md`.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod access;
mod access_level;
mod archive;
mod case;
mod case_index;
mod consumer;
mod contract;
mod error;
mod file_plan;
mod flow;
mod latvian_name;
mod letter;
mod localized;
mod minutes;
pub mod prelude;
mod register;
mod requisite;
mod retention;
mod retention_model;
mod submission;
mod text;

pub use access::{AccessError, AccessLog, AccessLogEntry, ReadOutcome, Reader, read_document};
pub use access_level::AccessLevel;
pub use archive::{
    ArchiveError, ArchivePolicy, DestructionAct, DestructionEntry, DestructionList, TransferEntry,
    TransferList, TransferTerm, TransferTerms, destruction_list, transfer_list,
    transfer_list_with_terms,
};
pub use case::{CaseError, ClosedCase, OpenCase};
pub use case_index::{CaseIndex, ParseCaseIndexError};
pub use consumer::{
    ClaimPeriodCheck, Remedy, WithdrawalException, WithdrawalInformation, WithdrawalOutcome,
    WithdrawalStart, claim_period, withdrawal_deadline,
};
pub use contract::{Contract, ContractError, ContractTerm, Renewal, SaleChannel, Signatory};
pub use error::DocumentsError;
pub use file_plan::{
    CaseDescription, FilePlan, FilePlanChange, FilePlanColumn, FilePlanEntry, FilePlanEntryInput,
    FilePlanError, FilePlanProblem, FilePlanProblemKind, Medium, ParseMediumError,
};
pub use flow::{
    Assignee, DocumentFlow, FlowAction, FlowError, FlowEvent, FlowState, FlowStatus, OverdueItem,
    overdue_list,
};
pub use latvian_name::{Gender, latvian_genitive, latvian_vocative};
pub use letter::{Letter, Salutation};
pub use localized::downcast_error;
pub use minutes::{Decision, Meeting, Minutes, MinutesBook, MinutesError};
pub use register::{
    DocumentId, DocumentVersion, Register, RegisterError, RegisterKind, RegisteredDocument,
    RegistrationPattern,
};
pub use requisite::{
    Document, DocumentDraft, DocumentKind, Requisite, RequisiteError, RequisiteProblem,
    RequisiteProblemKind,
};
pub use retention::{
    AccountingRecord, CountingRule, KeepReason, LegalHold, ParseRetentionError, RetentionCategory,
    RetentionDecision, RetentionError, RetentionFacts, RetentionObligation, RetentionPeriod,
    retention_decision,
};
pub use submission::{
    AnswerDeadline, AnswerOutcome, AnswerRule, AnswerRules, AnsweredSubmission, Channel,
    DeadlineRegime, ForwardAction, ForwardedSubmission, ForwardingDeadline, NewSubmission,
    OpenSubmission, RegimeKind, SubmissionError, SubmissionKind, overdue_submissions_report,
};
pub use text::TextProblem;
