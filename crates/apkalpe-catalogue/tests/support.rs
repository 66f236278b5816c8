//! Shared fixtures: the sample catalogue file and small builders.

use apkalpe_catalogue::{CatalogueFile, Quantity, Sku};
use chrono::NaiveDate;

/// The sample catalogue file shipped in `tests/fixtures/catalogue.json`.
pub const CATALOGUE_JSON: &str = include_str!("fixtures/catalogue.json");

/// Loads the sample catalogue file.
pub fn sample() -> CatalogueFile {
    CatalogueFile::from_json(CATALOGUE_JSON).unwrap()
}

/// A date.
pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A SKU.
pub fn sku(text: &str) -> Sku {
    text.parse().unwrap()
}

/// A whole quantity.
pub fn qty(count: u32) -> Quantity {
    Quantity::from_whole(count)
}
