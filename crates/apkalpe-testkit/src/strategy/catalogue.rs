//! Strategies for `apkalpe-catalogue`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
