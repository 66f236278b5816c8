//! The API shape (ADR 0010, issue 16 "getters everywhere"): what the crate produces keeps its
//! fields private and offers getters; only the plain records a caller fills in have public
//! fields, and each says so in its doc comment. `apkalpe_testkit::source` scans `src/`: the
//! test fails when a struct outside the allow list has a `pub` field, or when an allowed struct
//! no longer has one (the list is kept exact, so it cannot go stale).

/// The plain records of the crate: each one is built by the caller and checked where it is
/// used, so its fields stay public.
const PLAIN_RECORDS: &[&str] = &[
    // A request to the terminal port, built by the caller (or `CardPayment`).
    "AuthorisationRequest",
    // A request to the terminal port, built by the caller (or `CardPayment`).
    "TokenRequest",
    // The answer a `CardTerminal` adapter builds for the port.
    "TerminalAuthorisation",
];

#[test]
fn only_plain_records_have_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        PLAIN_RECORDS,
    );
}
