//! Integration tests of apkalpe-documents: one binary, a module per area.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api_shape;
mod archive;
mod errors;
mod file_plan;
mod flow;
mod register;
mod requisite;
mod restore;
mod retention;
mod robustness;
mod salutation;
mod scene;
mod structure;
mod submission;
