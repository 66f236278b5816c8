//! The API shape (ADR 0010, issue 16 "getters everywhere"): what the crate produces keeps its
//! fields private and offers getters; only the plain records a caller fills in have public
//! fields, and each says so in its doc comment. `apkalpe_testkit::source` scans `src/`: the
//! test fails when a struct outside the allow list has a `pub` field, or when an allowed struct
//! no longer has one (the list is kept exact, so it cannot go stale).

/// The plain records of the crate: each one is built by the caller and checked where it is
/// used, so its fields stay public.
const PLAIN_RECORDS: &[&str] = &[
    // The raw form of `Address`, checked by `Address::try_from`.
    "AddressInput",
    // The raw form of `PartyIdentifier`, checked by `PartyIdentifier::try_from`.
    "PartyIdentifierInput",
    // The raw form of `Party`, checked by `Party::try_from`.
    "PartyInput",
    // A row of dated facts the caller supplies to `VatRateTable::from_entries`/`with_entry`.
    "VatRateEntry",
    // A period the caller supplies to `VatClassSchedule::try_new`, which checks the periods.
    "VatClassPeriod",
    // Options of `amount_in_words`: every combination is valid.
    "WordsOptions",
];

#[test]
fn only_plain_records_have_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        PLAIN_RECORDS,
    );
}
