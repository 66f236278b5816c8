//! A product's VAT class changes with the date (issue 15, part 2): quotes take the class in
//! force on the supply date, the change notice announces it, and the catalogue file and the
//! CSV import carry the schedule.

use apkalpe_catalogue::{
    Catalogue, CatalogueFile, CatalogueOrigin, CatalogueParts, CatalogueSource, Category,
    CsvOptions, PriceEntry, PriceList, Product, ProductInput, ProductKind, Quantity,
    import_products_csv,
};
use apkalpe_core::{
    Currency, Language, LocalizedText, Money, PublicationLanguage, VatClassSchedule, VatRateClass,
};
use chrono::NaiveDate;
use rust_decimal_macros::dec;

use crate::support::{date, qty, sample, sku};

fn product(code: &str, name: &str, category: &str, vat: VatClassSchedule) -> Product {
    let mut input = ProductInput::new(
        sku(code),
        ProductKind::Goods,
        "own".parse().unwrap(),
        LocalizedText::new(Language::Latvian, name),
        category.parse().unwrap(),
    );
    input.vat_class = vat;
    Product::try_from(input).unwrap()
}

/// A shop with milk (the 2026–2027 staple-food pilot), a Russian-language book (5 % until
/// 2025, 21 % from 2026) and apples (fresh produce), each at a net 10.00 EUR from 1991.
fn grocery() -> Catalogue {
    Catalogue::try_new(grocery_parts(VatClassSchedule::latvian_staple_food())).unwrap()
}

/// The parts of [`grocery`], the milk's VAT class over time given.
fn grocery_parts(milk: VatClassSchedule) -> CatalogueParts {
    let lv = |t: &str| LocalizedText::new(Language::Latvian, t);
    let mut parts = CatalogueParts::new(Currency::EUR);
    parts.catalogues.push(CatalogueSource::new(
        "own".parse().unwrap(),
        lv("Mūsu"),
        CatalogueOrigin::Own,
    ));
    parts
        .categories
        .push(Category::new("food".parse().unwrap(), lv("Pārtika")));
    parts
        .categories
        .push(Category::new("books".parse().unwrap(), lv("Grāmatas")));
    parts
        .products
        .push(product("MILK-1L", "Piens 2,5 %, 1 l", "food", milk));
    parts.products.push(product(
        "BOOK-RU",
        "Grāmata krievu valodā",
        "books",
        VatClassSchedule::latvian_book(PublicationLanguage::Other),
    ));
    parts.products.push(product(
        "APPLE-KG",
        "Āboli",
        "food",
        VatClassSchedule::latvian_fresh_produce(),
    ));
    let ten = Money::new(dec!(10.00), Currency::EUR);
    let entries = ["MILK-1L", "BOOK-RU", "APPLE-KG"]
        .into_iter()
        .map(|code| PriceEntry::new(sku(code), Quantity::ZERO, ten))
        .collect();
    parts.price_lists.push(
        PriceList::try_new(
            "base".parse().unwrap(),
            Currency::EUR,
            None,
            date(1991, 1, 1),
            None,
            entries,
        )
        .unwrap(),
    );
    parts
}

#[test]
fn a_quote_takes_the_class_of_its_supply_date() {
    let catalogue = grocery();
    let gross = |code: &str, y, m, d| {
        let quote = catalogue
            .quote(&sku(code), qty(1), None, date(y, m, d))
            .unwrap();
        (
            quote.vat_class(),
            quote.vat_rate().percent(),
            quote.gross().amount(),
        )
    };
    // Milk: 21 % to the eve of the pilot, 12 % during it, 21 % after.
    assert_eq!(
        gross("MILK-1L", 2026, 6, 30),
        (VatRateClass::Standard, dec!(21), dec!(12.10))
    );
    assert_eq!(
        gross("MILK-1L", 2026, 7, 1),
        (VatRateClass::Reduced, dec!(12), dec!(11.20))
    );
    assert_eq!(
        gross("MILK-1L", 2027, 6, 30),
        (VatRateClass::Reduced, dec!(12), dec!(11.20))
    );
    assert_eq!(
        gross("MILK-1L", 2027, 7, 1),
        (VatRateClass::Standard, dec!(21), dec!(12.10))
    );
    // A book outside the law's languages leaves 5 % on 1 January 2026.
    assert_eq!(
        gross("BOOK-RU", 2025, 12, 31),
        (VatRateClass::SecondReduced, dec!(5), dec!(10.50))
    );
    assert_eq!(
        gross("BOOK-RU", 2026, 1, 1),
        (VatRateClass::Standard, dec!(21), dec!(12.10))
    );
    // Apples: 5 % until 2023, 12 % from 2024.
    assert_eq!(
        gross("APPLE-KG", 2023, 12, 31),
        (VatRateClass::SecondReduced, dec!(5), dec!(10.50))
    );
    assert_eq!(
        gross("APPLE-KG", 2024, 1, 2),
        (VatRateClass::Reduced, dec!(12), dec!(11.20))
    );
    // Before the schedule's first dated period there is no class, and no guess.
    let error = catalogue
        .quote(&sku("APPLE-KG"), qty(1), None, date(2017, 12, 31))
        .unwrap_err();
    assert_eq!(error.code(), "vat.class_not_in_schedule");
}

#[test]
fn the_change_notice_announces_vat_changes() {
    let catalogue = grocery();
    let notice = catalogue.changes(date(2025, 12, 1), date(2027, 12, 31));
    let changes: Vec<(String, String, String)> = notice
        .vat_changes()
        .iter()
        .map(|change| {
            (
                change.date().to_string(),
                change.sku().to_string(),
                format!(
                    "{:?} → {:?}",
                    change.old_rate().map(|r| r.percent()),
                    change.new_rate().map(|r| r.percent())
                ),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (
                "2026-01-01".to_owned(),
                "BOOK-RU".to_owned(),
                "Some(5) → Some(21)".to_owned()
            ),
            (
                "2026-07-01".to_owned(),
                "MILK-1L".to_owned(),
                "Some(21) → Some(12)".to_owned()
            ),
            (
                "2027-07-01".to_owned(),
                "MILK-1L".to_owned(),
                "Some(12) → Some(21)".to_owned()
            ),
        ]
    );
    assert!(notice.price_changes().is_empty());
    insta::assert_snapshot!("vat_schedule__notice_lv", notice.render(Language::Latvian));
    // A period without a VAT change writes the notice as before: no `vat_changes` key.
    let quiet = catalogue.changes(date(2026, 8, 1), date(2026, 12, 31));
    let json = serde_json::to_value(&quiet).unwrap();
    assert!(json.get("vat_changes").is_none(), "{json}");
    let read: apkalpe_catalogue::ChangeNotice = serde_json::from_value(json).unwrap();
    assert_eq!(read, quiet);
    let json = serde_json::to_string(&notice).unwrap();
    assert_eq!(
        serde_json::from_str::<apkalpe_catalogue::ChangeNotice>(&json).unwrap(),
        notice
    );
}

#[test]
fn the_file_carries_the_schedule_and_old_files_still_read() {
    let file = sample();
    let apples = file.catalogue().product(&sku("FRU-APPLE-KG")).unwrap();
    assert_eq!(
        apples.vat_classes(),
        &VatClassSchedule::latvian_fresh_produce()
    );
    assert_eq!(apples.vat_class(), VatRateClass::Reduced);
    let json = file.to_json().unwrap();
    assert!(
        json.contains(
            r#""vat_class": [
        {
          "from": "2018-01-01",
          "class": "second_reduced"
        },"#
        ),
        "{json}"
    );
    // The same file as an older program wrote it: one class per product.
    let old = json.replacen(
        r#""vat_class": [
        {
          "from": "2018-01-01",
          "class": "second_reduced"
        },
        {
          "from": "2024-01-01",
          "class": "reduced"
        }
      ]"#,
        r#""vat_class": "reduced""#,
        1,
    );
    assert_ne!(old, json);
    let old = CatalogueFile::from_json(&old).unwrap();
    let apples = old.catalogue().product(&sku("FRU-APPLE-KG")).unwrap();
    assert!(apples.vat_classes().is_constant());
    assert_eq!(
        apples.vat_class_on(date(2017, 1, 1)).unwrap(),
        VatRateClass::Reduced
    );
    // A schedule out of order is refused, naming the product's field.
    let broken = json.replacen(r#""from": "2024-01-01""#, r#""from": "2017-01-01""#, 1);
    let error = CatalogueFile::from_json(&broken).unwrap_err();
    assert_eq!(error.code(), "file.json");
    assert!(error.to_string().contains("vat.schedule_order"), "{error}");
}

#[test]
fn the_csv_import_reads_a_schedule_and_reports_a_bad_one() {
    let csv = "sku,kind,catalogue,category,name_lv,vat_class\n\
               MILK-1L,goods,own,food,Piens,standard; reduced from 2026-07-01; standard from 2027-07-01\n\
               EGGS-10,goods,own,food,Olas,Standard\n";
    let products = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap();
    assert_eq!(
        products[0].vat_classes(),
        &VatClassSchedule::latvian_staple_food()
    );
    assert!(products[1].vat_classes().is_constant());
    let csv = "sku,kind,catalogue,category,name_lv,vat_class\n\
               MILK-1L,goods,own,food,Piens,reduced from 2026-07-01; standard\n";
    let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!((problem.line(), problem.column()), (2, Some("vat_class")));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever the schedule and the date, a quote's class is the schedule's class on the
    /// date and its rate that class's rate on the date; a date the schedule has no class for
    /// is refused.
    #[test]
    fn quotes_follow_any_schedule(
        schedule in apkalpe_testkit::strategy::vat_class_schedule(),
        date in apkalpe_testkit::strategy::date(),
    ) {
        let catalogue = Catalogue::try_new(grocery_parts(schedule.clone())).unwrap();
        let quote = catalogue.quote(&sku("MILK-1L"), qty(1), None, date);
        let table = apkalpe_core::VatRateTable::latvia();
        match schedule.class_on(date).map(|class| (class, table.rate(class, date))) {
            Ok((class, Ok(rate))) => {
                let quote = quote.unwrap();
                proptest::prop_assert_eq!(quote.vat_class(), class);
                proptest::prop_assert_eq!(quote.vat_rate(), rate);
            }
            Ok((_, Err(_))) => {
                // The table starts in 2011 (5 % in 2018).
                proptest::prop_assert!(date < NaiveDate::from_ymd_opt(2018, 1, 1).unwrap());
                proptest::prop_assert_eq!(quote.unwrap_err().code(), "vat.rate_not_in_table");
            }
            Err(_) => {
                proptest::prop_assert_eq!(quote.unwrap_err().code(), "vat.class_not_in_schedule");
            }
        }
    }
}
