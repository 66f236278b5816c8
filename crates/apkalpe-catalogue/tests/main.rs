//! Integration tests of apkalpe-catalogue: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod delivery;
mod error_catalogue;
mod file;
mod import;
mod prelude;
mod properties;
mod quote;
mod recommend;
mod reports;
mod restore;
mod search;
mod stock;
mod support;
mod terms;
mod vat_schedule;
