//! The API shape (ADR 0010, issue 16 "getters everywhere"): what the crate produces keeps its
//! fields private and offers getters; only the plain records a caller fills in have public
//! fields, and each says so in its doc comment. `apkalpe_testkit::source` scans `src/`: the
//! test fails when a struct outside the allow list has a `pub` field, or when an allowed struct
//! no longer has one (the list is kept exact, so it cannot go stale).

/// The plain records of the crate: each one is built by the caller and checked where it is
/// used, so its fields stay public.
const PLAIN_RECORDS: &[&str] = &[
    // The organisation's archive settings (options): any number of years is valid.
    "ArchivePolicy",
    // A dated fact of law the caller supplies to `TransferTerms::from_terms`.
    "TransferTerm",
    // A file-plan row as entered, checked by `FilePlanEntry::try_from`.
    "FilePlanEntryInput",
    // A letter the caller writes, checked when its draft (`Letter::to_draft`) is validated.
    "Letter",
    // A meeting the caller describes, checked by `MinutesBook::record`.
    "Meeting",
    // A submission as received, checked by `OpenSubmission::register`.
    "NewSubmission",
];

#[test]
fn only_plain_records_have_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        PLAIN_RECORDS,
    );
}
