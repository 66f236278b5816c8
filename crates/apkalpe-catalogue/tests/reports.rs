//! Reports and renderers: every renderer takes a `Language`, and every report serialises as a
//! keyed JSON object (never a bare array), so a field can be added without breaking readers.

use apkalpe_catalogue::{
    DayCount, DueRule, EarlyPaymentDiscount, NeedQuery, PaymentTerms, SearchQuery, recommend,
};
use apkalpe_core::{Calendar, Currency, Language, Money};
use rust_decimal_macros::dec;

use crate::support::{date, qty, sample, sku};

fn is_object(value: &impl serde::Serialize) -> bool {
    serde_json::to_value(value).unwrap().is_object()
}

#[test]
fn reports_are_keyed_objects() {
    let file = sample();
    let catalogue = file.catalogue();
    let calendar = Calendar::latvia();
    let day = date(2026, 12, 7);
    let quote = catalogue
        .quote(&sku("LAP-E14-G5"), qty(1), None, day)
        .unwrap();
    let notice = catalogue.changes(date(2026, 12, 1), date(2027, 1, 31));
    let results = catalogue.search(&SearchQuery::text("lenovo"));
    let need = NeedQuery::new(qty(1)).in_category("it/laptops".parse().unwrap());
    let found = recommend(catalogue, file.stock(), &calendar, &need, day, 3).unwrap();
    let availability = file.stock().availability(&sku("LAP-E14-G5"), qty(1), day);
    let schedule = PaymentTerms::new(DueRule::Net {
        days: 14,
        counting: DayCount::Calendar,
    })
    .schedule(Money::new(dec!(100), Currency::EUR), day, None, &calendar)
    .unwrap();
    assert!(is_object(&quote));
    assert!(is_object(&notice));
    assert!(is_object(&results));
    assert!(is_object(&found));
    assert!(is_object(&availability));
    assert!(is_object(&schedule));
    let json = serde_json::to_value(&found).unwrap();
    assert!(json["items"].is_array() && json["filtered_out"].is_number());
}

#[test]
fn every_renderer_takes_a_language() {
    let mut file = sample();
    let calendar = Calendar::latvia();
    let day = date(2026, 12, 7);
    // Availability, in both languages; Display is the English one.
    let availability = file.stock().availability(&sku("LAP-E14-G5"), qty(2), day);
    assert_eq!(
        availability.render(Language::Latvian),
        "ir noliktavā (brīvi 4)"
    );
    assert_eq!(
        availability.render(Language::English),
        availability.to_string()
    );
    assert_eq!(
        availability.render(Language::German),
        availability.to_string()
    );
    // A dispatch-list line and a late delivery.
    let courier = "courier".parse().unwrap();
    let planner = file.delivery_mut();
    let delivery = planner
        .schedule(&calendar, "PAS-1".parse().unwrap(), &courier, day)
        .unwrap();
    assert_eq!(
        delivery.render(Language::Latvian),
        "PAS-1  courier  nosūtīšana 2026-12-07  piegāde 2026-12-08 09:00–18:00"
    );
    let late = planner
        .late_deliveries(&calendar, date(2026, 12, 10))
        .unwrap();
    let lines: Vec<String> = late.iter().map(|l| l.render(Language::Latvian)).collect();
    assert_eq!(
        lines,
        ["PAS-1  courier  apsolīts 2026-12-08  kavējas 2 darba dienas"]
    );
    // Payment terms as a clause and a schedule.
    let terms = PaymentTerms::new(DueRule::EndOfMonth { days: 15 })
        .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 10).unwrap());
    assert_eq!(
        terms.clause(Language::English),
        "The buyer pays within 15 days after the end of the month of the invoice; paying within \
         10 days of the invoice date, a discount of 2\u{a0}%."
    );
    assert!(
        terms
            .clause(Language::Latvian)
            .starts_with("Pircējs samaksā 15 dienu laikā")
    );
    let schedule = terms
        .schedule(
            Money::new(dec!(1234.56), Currency::EUR),
            day,
            None,
            &calendar,
        )
        .unwrap();
    let latvian = schedule.render(Language::Latvian);
    assert!(latvian.contains("1\u{a0}234,56\u{a0}€"), "{latvian}");
    assert!(latvian.contains("samaksājot"), "{latvian}");
    assert!(schedule.render(Language::English).contains("pay "));
}
