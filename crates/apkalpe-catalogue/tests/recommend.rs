//! Recommendations with reasons on the sample catalogue.

use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Budget, NeedQuery, RecommendationReason, recommend,
};
use apkalpe_core::{Calendar, Currency, Language, Money};
use rust_decimal_macros::dec;

use crate::support::{date, qty, sample};

fn at_least(key: &str, value: rust_decimal::Decimal) -> AttributeRequirement {
    AttributeRequirement::new(key.parse().unwrap(), AttributeCondition::AtLeast(value))
}

fn at_most(key: &str, value: rust_decimal::Decimal) -> AttributeRequirement {
    AttributeRequirement::new(key.parse().unwrap(), AttributeCondition::AtMost(value))
}

#[test]
fn laptops_for_a_budget_and_a_date() {
    let file = sample();
    let need = NeedQuery::new(qty(1))
        .in_category("it/laptops".parse().unwrap())
        .with_budget(Budget::Gross(Money::new(dec!(1000), Currency::EUR)))
        .needed_by(date(2026, 12, 18))
        .requiring(at_least("storage_gb", dec!(256)))
        .preferring(at_least("ram_gb", dec!(16)))
        .preferring(at_most("weight_kg", dec!(1.5)))
        .preferring(at_least("screen_in", dec!(15)));
    let found = recommend(
        file.catalogue(),
        file.stock(),
        &Calendar::latvia(),
        &need,
        date(2026, 12, 7),
        10,
    )
    .unwrap();
    let order: Vec<&str> = found.items().iter().map(|r| r.sku().as_str()).collect();
    // The MacBook is over budget; the Vivobook is discontinued.
    assert_eq!(order, ["LAP-E14-G5", "LAP-DELL-5440", "LAP-HP-250"]);
    assert!(
        found.items()[0]
            .reasons()
            .contains(&RecommendationReason::PreferredFeatures { met: 2, of: 3 })
    );
    assert_eq!(found.items()[0].score(), 40 + 20 + 20 + 5);
    insta::assert_snapshot!("recommend__laptops_en", found.render(Language::English));
    insta::assert_snapshot!("recommend__laptops_lv", found.render(Language::Latvian));
}

#[test]
fn needed_by_filters_goods_and_services() {
    let file = sample();
    let calendar = Calendar::latvia();
    // Two height-adjustable desks by 23 Dec: two on hand, so in stock.
    let need = NeedQuery::new(qty(3))
        .in_category("furniture/desks".parse().unwrap())
        .needed_by(date(2026, 12, 23));
    let found = recommend(
        file.catalogue(),
        file.stock(),
        &calendar,
        &need,
        date(2026, 12, 7),
        5,
    )
    .unwrap();
    // 3 lift desks: 2 now, the rest on 28 Dec, too late; 3 basic desks are in Valmiera.
    let order: Vec<&str> = found.items().iter().map(|r| r.sku().as_str()).collect();
    assert_eq!(order, ["DSK-BASIC-120"]);
    let services = NeedQuery::new(qty(1))
        .in_category("services/installation".parse().unwrap())
        .needed_by(date(2026, 12, 7));
    let found = recommend(
        file.catalogue(),
        file.stock(),
        &calendar,
        &services,
        date(2026, 12, 7),
        5,
    )
    .unwrap();
    insta::assert_snapshot!(
        "recommend__installation_en",
        found.render(Language::English)
    );
    assert_eq!(found.items().len(), 2);
}
