//! Integration tests of apkalpe-catalogue: one binary, a module per area. Most read the
//! sample catalogue file (JSON, feature `serde`); the imports need the `csv` feature too.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api_shape;
#[cfg(feature = "serde")]
mod delivery;
#[cfg(all(feature = "serde", feature = "csv"))]
mod error_catalogue;
#[cfg(feature = "serde")]
mod file;
#[cfg(all(feature = "serde", feature = "csv"))]
mod import;
mod prelude;
#[cfg(all(feature = "serde", feature = "csv"))]
mod properties;
#[cfg(feature = "serde")]
mod quote;
#[cfg(feature = "serde")]
mod recommend;
#[cfg(feature = "serde")]
mod reports;
#[cfg(feature = "serde")]
mod restore;
#[cfg(feature = "serde")]
mod search;
#[cfg(feature = "serde")]
mod stock;
#[cfg(feature = "serde")]
mod support;
#[cfg(feature = "serde")]
mod terms;
#[cfg(all(feature = "serde", feature = "csv"))]
mod vat_schedule;
