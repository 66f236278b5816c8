//! Integration tests of apkalpe-payments: one binary, a module per area. A module that needs
//! a crate feature (JSON through serde, the camt reader, the CSV reader, the QR code) is built
//! when the feature is on, as it is by default.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// As in the library: errors carry the amounts they are about.
#![allow(clippy::result_large_err)]

mod api_shape;
#[cfg(all(feature = "serde", feature = "xml", feature = "csv"))]
mod batch;
#[cfg(feature = "serde")]
mod cards;
mod cash;
#[cfg(feature = "serde")]
mod cash_limit;
#[cfg(feature = "qr")]
mod epc;
#[cfg(all(feature = "serde", feature = "xml", feature = "csv"))]
mod error_catalogue;
#[cfg(all(feature = "serde", feature = "xml", feature = "csv"))]
mod reconcile;
#[cfg(feature = "serde")]
mod register;
#[cfg(all(feature = "serde", feature = "xml", feature = "csv"))]
mod report;
#[cfg(all(feature = "serde", feature = "xml", feature = "csv"))]
mod restore;
mod support;
