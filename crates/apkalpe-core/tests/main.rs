//! Integration tests of apkalpe-core: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api_shape;
mod calendar;
mod error_catalogue;
mod identifier;
mod money;
mod number_series;
mod party;
// Saved values: every restore goes through serde.
#[cfg(feature = "serde")]
mod restore;
mod retention;
mod text;
mod words;
