//! The JSON catalogue file: load, round trip, cross-reference errors.

use apkalpe_catalogue::{CatalogueError, CatalogueFile, SearchQuery};

use crate::support::{CATALOGUE_JSON, date, qty, sample, sku};

#[test]
fn sample_loads_with_everything() {
    let file = sample();
    let catalogue = file.catalogue();
    assert_eq!(catalogue.products().len(), 31);
    assert_eq!(catalogue.sources().len(), 3);
    assert_eq!(catalogue.categories().lines_of_business().count(), 6);
    assert_eq!(catalogue.promotions().len(), 4);
    assert_eq!(file.delivery().carriers().count(), 2);
    assert_eq!(file.stock().incoming(&sku("LAP-MBA-M3")), qty(3));
    assert_eq!(catalogue.products_in(&"it".parse().unwrap()).len(), 11);
}

#[test]
fn round_trip_through_json() {
    let file = sample();
    let json = file.to_json().unwrap();
    let again = CatalogueFile::from_json(&json).unwrap();
    assert_eq!(again.catalogue().products(), file.catalogue().products());
    assert_eq!(
        again.catalogue().price_lists(),
        file.catalogue().price_lists()
    );
    assert_eq!(
        again.catalogue().promotions(),
        file.catalogue().promotions()
    );
    assert_eq!(again.to_json().unwrap(), json);
    let day = date(2026, 12, 7);
    let q = |f: &CatalogueFile| {
        f.catalogue()
            .quote(&sku("CHR-ERGO-1"), qty(2), None, day)
            .unwrap()
    };
    assert_eq!(q(&again), q(&file));
    assert_eq!(
        again.catalogue().search(&SearchQuery::text("")).total(),
        file.catalogue().search(&SearchQuery::text("")).total()
    );
}

#[test]
fn cross_references_are_checked() {
    let broken = CATALOGUE_JSON.replacen(
        "\"category\": \"it/laptops\"",
        "\"category\": \"it/tablets\"",
        1,
    );
    let error = CatalogueFile::from_json(&broken).unwrap_err();
    assert!(matches!(
        error,
        CatalogueError::UnknownCategory {
            what: "product",
            ..
        }
    ));
    let mut document: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    document["promotions"][2]["target"]["products"][0] = "PAP-A5".into();
    let broken = document.to_string();
    assert_eq!(
        CatalogueFile::from_json(&broken).unwrap_err().code(),
        "catalogue.unknown_sku"
    );
    let broken = CATALOGUE_JSON.replacen("\"percent\": \"10\"", "\"percent\": \"110\"", 1);
    let error = CatalogueFile::from_json(&broken).unwrap_err();
    assert_eq!(error.code(), "file.json");
    assert!(error.to_string().contains("outside (0, 100]"), "{error}");
    let broken = CATALOGUE_JSON.replacen(
        "\"origin\": \"own\"",
        "\"origin\": \"own\", \"extra\": 1",
        1,
    );
    assert_eq!(
        CatalogueFile::from_json(&broken).unwrap_err().code(),
        "file.json"
    );
}
