//! Integration tests of apkalpe-clients: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api_shape;
mod common;
// Modules that read saved forms or CSV files need the `serde` and `csv` features (on by
// default; the testkit's dev-dependency on this crate turns them on in any case).
#[cfg(all(feature = "serde", feature = "csv"))]
mod error_catalogue;
#[cfg(feature = "serde")]
mod privacy;
#[cfg(feature = "csv")]
mod register;
mod registry;
#[cfg(feature = "serde")]
mod restore;
#[cfg(all(feature = "serde", feature = "csv"))]
mod survey;
