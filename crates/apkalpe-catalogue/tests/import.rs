//! CSV imports: the sample files agree with the JSON file; every bad row is reported.

use apkalpe_catalogue::{CsvOptions, ImportReason, import_price_lists_csv, import_products_csv};

use crate::support::sample;

const PRODUCTS_CSV: &str = include_str!("fixtures/products.csv");
const PRICE_LISTS_CSV: &str = include_str!("fixtures/price-lists.csv");

#[test]
fn sample_csv_equals_the_json_file() {
    let catalogue = sample().into_parts().0;
    let mut products =
        import_products_csv(PRODUCTS_CSV.as_bytes(), &CsvOptions::default()).unwrap();
    products.sort_by(|a, b| a.sku().cmp(b.sku()));
    assert_eq!(products, catalogue.products());
    let lists = import_price_lists_csv(PRICE_LISTS_CSV.as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(lists, catalogue.price_lists());
}

#[test]
fn every_bad_row_is_reported_with_line_and_column() {
    let csv = "\u{feff}sku,kind,catalogue,category,name_lv,unit,attributes,colour\n\
               OK-1,goods,own,it,Labs,H87,ram_gb=8,melns\n\
               BAD 2,goods,own,it,Slikts,H87,,\n\
               OK-1,goods,own,IT,Atkārtots,PCS,ram_gb,\n\
               C,service,own,it,,E48,,\n\
               D,goods,own\n";
    let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    let lines: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
    insta::assert_snapshot!("import__bad_products", lines.join("\n"));
    assert_eq!(error.code(), "import.rows");
    assert_eq!(error.problems()[0].reason(), &ImportReason::UnknownColumn);
    assert_eq!(error.problems().len(), 8);
}

#[test]
fn price_list_rows_must_agree() {
    let csv = "price_list,currency,valid_from,sku,min_quantity,unit_price\n\
               base,EUR,2026-01-01,A,0,1.00\n\
               base,EUR,2026-02-01,B,0,1.00\n\
               base,EUR,2026-01-01,A,0,2.00\n\
               base,EUR,2026-01-01,C,0,-1\n\
               base,EUR,2026-01-01,D,0,1.00001\n\
               other,USD,2026-13-01,E,x,1\n";
    let error = import_price_lists_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    let lines: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
    insta::assert_snapshot!("import__bad_price_lists", lines.join("\n"));
    assert_eq!(
        error.problems()[0].reason(),
        &ImportReason::Differs { first_line: 2 }
    );
}

#[test]
fn malformed_and_empty_input() {
    let error = import_products_csv(&b"sku,kind\n\"open"[..], &CsvOptions::default()).unwrap_err();
    assert!(
        error
            .problems()
            .iter()
            .any(|p| p.reason().code() == "import.missing_column")
    );
    let error = import_products_csv(&b"\xff\xfe"[..], &CsvOptions::default()).unwrap_err();
    assert_eq!(error.problems()[0].reason().code(), "import.malformed");
    let error = import_products_csv(&b""[..], &CsvOptions::default()).unwrap_err();
    assert_eq!(error.problems().len(), 5);
}
