//! The API shape (decision 0010, issue 16 "getters everywhere"): what the crate produces keeps
//! its fields private and offers getters. The clients crate has no plain record with public
//! fields (its inputs are built through checked constructors), so no struct of `src/` may have
//! one; `apkalpe_testkit::source` scans it.

#[test]
fn no_struct_has_public_fields() {
    apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
        env!("CARGO_MANIFEST_DIR"),
        &[],
    );
}
