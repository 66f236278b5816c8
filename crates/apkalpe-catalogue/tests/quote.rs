//! Quotes: base prices, quantity breaks, segments, promotions, VAT, rendering.

use apkalpe_catalogue::{Combination, QuoteError};
use apkalpe_core::{Language, VatRateClass};
use rust_decimal_macros::dec;

use crate::support::{date, qty, sample, sku};

#[test]
fn laptop_with_the_winter_promotion() {
    let file = sample();
    let quote = file
        .catalogue()
        .quote(&sku("LAP-E14-G5"), qty(2), None, date(2026, 12, 7))
        .unwrap();
    assert_eq!(quote.list_unit_price().amount(), dec!(749.00));
    assert_eq!(quote.discounts().len(), 1);
    assert_eq!(quote.discounts()[0].promotion().as_str(), "winter-2026");
    assert_eq!(quote.discounts()[0].combination(), Combination::Exclusive);
    assert_eq!(quote.unit_price().amount(), dec!(674.10));
    assert_eq!(quote.net().amount(), dec!(1348.20));
    assert_eq!(quote.vat().amount(), dec!(283.12));
    assert_eq!(quote.gross().amount(), dec!(1631.32));
    insta::assert_snapshot!("quote__laptop_winter_en", quote.render(Language::English));
    insta::assert_snapshot!("quote__laptop_winter_lv", quote.render(Language::Latvian));
}

#[test]
fn paper_quantity_break_segment_and_stacked_amount_off() {
    let catalogue = sample().into_parts().0;
    let day = date(2026, 12, 7);
    // 60 packs: the 50+ break 3.60, then 0.30 off → 3.30.
    let quote = catalogue
        .quote(&sku("PAP-A4-80"), qty(60), None, day)
        .unwrap();
    assert_eq!(quote.source().min_quantity(), qty(50));
    assert_eq!(quote.unit_price().amount(), dec!(3.30));
    assert_eq!(quote.net().amount(), dec!(198.00));
    insta::assert_snapshot!("quote__paper_break_en", quote.render(Language::English));
    // A wholesale client: the segment list wins over the general break.
    let wholesale = "wholesale".parse().unwrap();
    let quote = catalogue
        .quote(&sku("PAP-A4-80"), qty(60), Some(&wholesale), day)
        .unwrap();
    assert_eq!(quote.source().list().as_str(), "wholesale-2026");
    assert_eq!(quote.unit_price().amount(), dec!(3.20));
    // From 2027 the update list replaces the 2026 prices and the wholesale list has ended.
    let quote = catalogue
        .quote(
            &sku("PAP-A4-80"),
            qty(60),
            Some(&wholesale),
            date(2027, 1, 4),
        )
        .unwrap();
    assert_eq!(quote.source().list().as_str(), "update-2027");
    assert_eq!(quote.list_unit_price().amount(), dec!(3.80));
}

#[test]
fn chair_stacks_two_promotions_in_rule_order() {
    let catalogue = sample().into_parts().0;
    let quote = catalogue
        .quote(&sku("CHR-ERGO-1"), qty(1), None, date(2026, 12, 8))
        .unwrap();
    let applied: Vec<&str> = quote
        .discounts()
        .iter()
        .map(|d| d.promotion().as_str())
        .collect();
    // Both percentages, in id order: 259.00 × 0.85 = 220.15; × 0.95 = 209.1425.
    assert_eq!(applied, ["chair-advent", "furniture-5"]);
    assert_eq!(quote.unit_price().amount(), dec!(209.1425));
    assert_eq!(quote.net().amount(), dec!(209.14));
    assert_eq!(quote.discount_total().amount(), dec!(49.86));
    insta::assert_snapshot!("quote__chair_stacked_lv", quote.render(Language::Latvian));
}

#[test]
fn vat_classes_come_from_the_core_table() {
    let catalogue = sample().into_parts().0;
    let day = date(2026, 12, 7);
    let apples = catalogue
        .quote(&sku("FRU-APPLE-KG"), "2,5".parse().unwrap(), None, day)
        .unwrap();
    assert_eq!(apples.vat_class(), VatRateClass::Reduced);
    assert_eq!(apples.vat_rate().percent(), dec!(12));
    // 1.89 × 2.5 = 4.725 → 4.73; VAT 0.5676 → 0.57.
    assert_eq!(apples.net().amount(), dec!(4.73));
    assert_eq!(apples.gross().amount(), dec!(5.30));
    let book = catalogue
        .quote(&sku("BOOK-GRAM"), qty(1), None, day)
        .unwrap();
    assert_eq!(book.vat_rate().percent(), dec!(5));
    assert_eq!(book.gross().amount(), dec!(25.20));
}

#[test]
fn quote_errors_name_the_problem() {
    let catalogue = sample().into_parts().0;
    let day = date(2026, 12, 7);
    let code = |e: QuoteError| e.code();
    assert_eq!(
        code(
            catalogue
                .quote(&sku("NOPE"), qty(1), None, day)
                .unwrap_err()
        ),
        "quote.unknown_product"
    );
    assert_eq!(
        code(
            catalogue
                .quote(&sku("LAP-ASUS-X515"), qty(1), None, day)
                .unwrap_err()
        ),
        "quote.discontinued"
    );
    assert_eq!(
        code(
            catalogue
                .quote(&sku("LAP-E14-G5"), qty(0), None, day)
                .unwrap_err()
        ),
        "quote.zero_quantity"
    );
    assert_eq!(
        code(
            catalogue
                .quote(&sku("LAP-E14-G5"), "1,5".parse().unwrap(), None, day)
                .unwrap_err()
        ),
        "quantity.not_whole"
    );
    assert_eq!(
        code(
            catalogue
                .quote(&sku("LAP-E14-G5"), qty(1), None, date(2025, 12, 31))
                .unwrap_err()
        ),
        "quote.no_price"
    );
}

#[test]
fn same_inputs_same_quote() {
    let a = sample().into_parts().0;
    let b = sample().into_parts().0;
    let day = date(2026, 12, 10);
    for product in a.products().iter().filter(|p| p.is_active()) {
        let left = a.quote(product.sku(), qty(3), None, day);
        let right = b.quote(product.sku(), qty(3), None, day);
        assert_eq!(left, right);
        assert_eq!(left, a.quote(product.sku(), qty(3), None, day));
    }
}

#[test]
fn change_notice_for_the_new_year() {
    let catalogue = sample().into_parts().0;
    let notice = catalogue.changes(date(2026, 12, 1), date(2027, 1, 31));
    let skus: Vec<&str> = notice
        .price_changes()
        .iter()
        .map(|c| c.sku().as_str())
        .collect();
    assert!(skus.contains(&"COF-BEANS-1KG"));
    let coffee = notice
        .price_changes()
        .iter()
        .find(|c| c.sku().as_str() == "COF-BEANS-1KG")
        .unwrap();
    assert_eq!(coffee.date(), date(2027, 1, 1));
    assert_eq!(coffee.old().unwrap().amount(), dec!(18.50));
    assert_eq!(coffee.new_value().unwrap().amount(), dec!(19.90));
    insta::assert_snapshot!(
        "quote__changes_new_year_en",
        notice.render(Language::English)
    );
}
