//! Personal data (*personas dati*, knowledge 1.2): consents per purpose, the data-subject access
//! export and erasure weighed against retention holds.
//!
//! Legal basis: Regulation (EU) 2016/679 (GDPR) art. 6(1) (legal bases), art. 7(3) (withdrawal
//! at any time), art. 15 (access), art. 17(3)(b) (erasure yields to a legal obligation to keep);
//! peer lessons §7 and §12 (keep tax-relevant fields, holds are dated records with a reason, several
//! per object). Which data the accounting law keeps and how long is sources §3c \[I9\]\[I13\]: the
//! caller turns it into [`RetentionHold`]s.
mod access;
mod consent;
mod erasure;

pub use access::{ACCESS_EXPORT_SCHEMA, AccessExport};
#[cfg(feature = "serde")]
pub(crate) use consent::ConsentRecord;
pub(crate) use consent::decide;
pub use consent::{Consent, ContactDecision, DenialReason, LegalBasis, Purpose};
#[cfg(feature = "serde")]
pub(crate) use erasure::ErasureReportRecord;
pub use erasure::{ErasureReport, HoldNote, KeptField, PersonalField, RetentionHold};
