//! The shape of the public API (issue 16, "getters everywhere"; decision 0010): what the crate
//! produces (documents, totals, reports, read e-invoices) keeps its fields private and is read
//! through getters; only the plain records a caller fills in have public fields, and each says
//! so in its doc comment. `apkalpe_testkit::source` reads `src/`.

/// The plain records with public fields, each with the reason it is one.
const PLAIN_RECORDS: &[&str] = &[
    // The JSON form of a draft invoice: the caller (or serde) fills it in,
    // `DraftInvoice::try_from` checks it.
    "InvoiceDraftInput",
    // Parts of `InvoiceDraftInput`, checked by `DraftInvoice::try_from` with the rest.
    "ExchangeRateInput",
    "LineInput",
    "AdjustmentInput",
    "DocumentAdjustmentInput",
    "ExemptionInput",
];

#[test]
fn only_plain_records_have_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        PLAIN_RECORDS,
    );
}

/// The check reads this crate: the documents and the received-invoice model are among what
/// it sees, with their doc comments.
#[test]
fn the_check_sees_the_crates_records() {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    for name in [
        "IssuedInvoice",
        "DocumentTotals",
        "ValidationReport",
        "ReceivedInvoice",
        "ReceivedInvoiceLine",
        "ReceivedTotals",
        "StatedAmount",
    ] {
        let doc = apkalpe_testkit::source::struct_doc(&files, name);
        assert!(
            doc.is_some_and(|doc| !doc.is_empty()),
            "{name} is not found in src/ with its doc comment"
        );
    }
}
