//! proptest strategies and fixtures shared by the tests of every Apkalpe crate.
//!
//! Strategies are built only through the public constructors of the types they produce and
//! are weighted toward boundaries (zero, one cent, minor-unit edges, year ends).
// A test-support crate: unwrap and expect on fixed, known-good inputs are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![deny(missing_docs)]

pub mod error_catalogue;
pub mod source;
pub mod strategy;
