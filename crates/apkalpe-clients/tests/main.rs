//! Integration tests of apkalpe-clients: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod error_catalogue;
mod privacy;
mod register;
mod registry;
mod restore;
mod survey;
