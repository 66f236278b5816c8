//! Integration tests of apkalpe-core: one binary, a module per area.

mod calendar;
mod identifier;
mod money;
mod number_series;
mod party;
mod words;
