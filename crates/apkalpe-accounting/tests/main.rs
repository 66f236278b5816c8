//! Integration tests of apkalpe-accounting: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api_shape;
mod batch;
mod cash;
mod error_catalogue;
mod errors;
mod goods;
mod invoice;
mod layout;
mod prelude;
// The superseded reader `read_ubl` is still tested while it is deprecated.
#[allow(deprecated)]
mod properties;
mod received;
mod restore;
mod retention;
mod services;
mod support;
#[allow(deprecated)]
mod ubl;
