//! Integration tests of apkalpe-payments: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// As in the library: errors carry the amounts they are about.
#![allow(clippy::result_large_err)]

mod batch;
mod cards;
mod cash;
mod cash_limit;
mod epc;
mod error_catalogue;
mod reconcile;
mod register;
mod report;
mod restore;
mod support;
