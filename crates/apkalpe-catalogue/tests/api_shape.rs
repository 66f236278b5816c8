//! The shape of the public API (issue 16, "getters everywhere"): what the crate produces keeps
//! its fields private and is read through getters; only the plain records a caller fills in
//! have public fields (decision 0010). `apkalpe_testkit::source` reads `src/` for `pub` fields
//! of structs.

/// The structs that may have public fields: each is a plain record the caller fills in and
/// passes in, checked by what takes it.
const PLAIN_RECORDS: &[&str] = &[
    // The parts `Catalogue::try_new` checks (and `Catalogue`'s saved form).
    "CatalogueParts",
    // Options of a CSV import: the caller sets the delimiter.
    "CsvOptions",
    // A supply the caller expects; `Stock::expect_supply` checks it.
    "IncomingSupply",
    // The raw input of a product; `Product::try_from` checks it.
    "ProductInput",
];

/// Only the plain records a caller fills in have public fields: every struct the crate
/// produces (quotes, notices, search results, recommendations, schedules, import problems…)
/// is read through getters.
#[test]
fn only_plain_records_have_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        PLAIN_RECORDS,
    );
}
