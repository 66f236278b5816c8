//! Property tests of the invariants the issue names, and "parsers never panic".

use apkalpe_catalogue::Catalogue;
use apkalpe_catalogue::{
    Carrier, CatalogueFile, CatalogueOrigin, CatalogueParts, CatalogueSource, Category,
    Combination, CsvOptions, DeliveryPlanner, DeliveryWindow, Discount, DueRule, IncomingSupply,
    InstalmentPlan, LocationId, PaymentTerms, PriceEntry, PriceList, Product, ProductInput,
    ProductKind, Promotion, PromotionTarget, Quantity, Sku, Stock, UnitOfMeasure,
    import_price_lists_csv, import_products_csv,
};
use apkalpe_core::{Calendar, Currency, Language, LocalizedText, Money, Period};
use apkalpe_testkit::strategy::{business_date, money_in, ratios};
use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn lv(text: &str) -> LocalizedText {
    LocalizedText::new(Language::Latvian, text)
}

/// A unit price with up to 4 decimals, 0 to 100 000 EUR.
fn unit_price() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..=1_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
        prop::sample::select(vec![Decimal::ZERO, Decimal::new(1, 4), Decimal::new(5, 3)]),
    ]
}

/// A promotion's discount and combination.
fn promotion_spec() -> impl Strategy<Value = (Discount, Combination)> {
    let discount = prop_oneof![
        (1i64..=10_000, 0u32..=2).prop_map(|(m, s)| {
            let p = Decimal::new(m, s);
            Discount::Percent(if p > Decimal::ONE_HUNDRED {
                Decimal::ONE_HUNDRED
            } else {
                p
            })
        }),
        (1i64..=100_000_000, 0u32..=4)
            .prop_map(|(m, s)| Discount::AmountOff(Money::new(Decimal::new(m, s), Currency::EUR))),
    ];
    let combination = prop_oneof![Just(Combination::Exclusive), Just(Combination::Stackable)];
    (discount, combination)
}

/// A quantity with up to 3 decimals (the product is sold by the kilogram).
fn quantity() -> impl Strategy<Value = Quantity> {
    (1i64..=10_000_000, 0u32..=3).prop_map(|(m, s)| Quantity::try_new(Decimal::new(m, s)).unwrap())
}

fn one_product_catalogue(price: Decimal, promotions: &[(Discount, Combination)]) -> Catalogue {
    let sku: Sku = "P-1".parse().unwrap();
    let mut parts = CatalogueParts::new(Currency::EUR);
    parts.catalogues.push(CatalogueSource::new(
        "own".parse().unwrap(),
        lv("Mūsu"),
        CatalogueOrigin::Own,
    ));
    parts
        .categories
        .push(Category::new("a".parse().unwrap(), lv("A")));
    parts
        .categories
        .push(Category::new("a/b".parse().unwrap(), lv("B")));
    let mut input = ProductInput::new(
        sku.clone(),
        ProductKind::Goods,
        "own".parse().unwrap(),
        lv("Prece"),
        "a/b".parse().unwrap(),
    );
    input.unit = UnitOfMeasure::Kilogram;
    parts.products.push(Product::try_from(input).unwrap());
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let until = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    parts.price_lists.push(
        PriceList::try_new(
            "base".parse().unwrap(),
            Currency::EUR,
            None,
            from,
            None,
            vec![PriceEntry::new(
                sku.clone(),
                Quantity::ZERO,
                Money::new(price, Currency::EUR),
            )],
        )
        .unwrap(),
    );
    for (index, (discount, combination)) in promotions.iter().enumerate() {
        let target = if index % 2 == 0 {
            PromotionTarget::Products(vec![sku.clone()])
        } else {
            PromotionTarget::Category("a".parse().unwrap())
        };
        parts.promotions.push(
            Promotion::try_new(
                format!("p{index}").parse().unwrap(),
                lv("Akcija"),
                target,
                *discount,
                (from, until),
                None,
                *combination,
            )
            .unwrap(),
        );
    }
    Catalogue::try_new(parts).unwrap()
}

proptest! {
    #[test]
    fn quotes_are_never_negative_and_promotions_never_raise_a_price(
        price in unit_price(),
        promotions in prop::collection::vec(promotion_spec(), 0..6),
        quantity in quantity(),
    ) {
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let catalogue = one_product_catalogue(price, &promotions);
        let quote = catalogue.quote(&"P-1".parse().unwrap(), quantity, None, day).unwrap();
        prop_assert!(!quote.net().is_negative());
        prop_assert!(!quote.vat().is_negative());
        prop_assert!(!quote.gross().is_negative());
        prop_assert!(quote.unit_price().amount() <= quote.list_unit_price().amount());
        prop_assert!(quote.net().amount() <= quote.list_total().amount());
        let mut before = quote.list_unit_price().amount();
        for discount in quote.discounts() {
            prop_assert!(!discount.unit_amount().is_negative());
            prop_assert!(!discount.line_amount().is_negative());
            let after = before - discount.unit_amount().amount();
            prop_assert!(after <= before);
            before = after;
        }
        prop_assert_eq!(before, quote.unit_price().amount());
        prop_assert_eq!(quote.list_total().checked_sub(quote.discount_total()).unwrap(), quote.net());
        prop_assert_eq!(quote.net().checked_add(quote.vat()).unwrap(), quote.gross());
        // Without promotions the price is the list price.
        let plain = one_product_catalogue(price, &[]).quote(&"P-1".parse().unwrap(), quantity, None, day).unwrap();
        prop_assert!(quote.net().amount() <= plain.net().amount());
    }

    #[test]
    fn instalments_sum_to_the_total_on_working_days(
        total in money_in(Currency::EUR),
        weights in ratios().prop_filter("at least two parts", |w| w.len() >= 2),
        start in business_date(),
        months in 1u32..=3,
    ) {
        let total = total.abs();
        let plan = InstalmentPlan::weighted(weights, Period::Months(months)).unwrap();
        let calendar = Calendar::latvia();
        let schedule = PaymentTerms::new(DueRule::Instalments(plan))
            .schedule(total, start, None, &calendar)
            .unwrap();
        let sum = Money::try_sum(Currency::EUR, schedule.instalments().iter().map(|i| i.amount())).unwrap();
        prop_assert_eq!(sum, total);
        let mut previous = start;
        for instalment in schedule.instalments() {
            prop_assert!(calendar.is_working_day(instalment.due()).unwrap());
            prop_assert!(instalment.due() >= previous);
            previous = instalment.due();
        }
    }

    #[test]
    fn reservations_never_exceed_on_hand_plus_incoming(
        operations in prop::collection::vec((0u8..9, 0usize..3, 1u32..20, 0u32..15), 1..60),
    ) {
        let skus: Vec<Sku> = ["A", "B", "C"].iter().map(|s| s.parse().unwrap()).collect();
        let locations: Vec<LocationId> = ["riga", "cesis", "riga"].iter().map(|s| s.parse().unwrap()).collect();
        let base = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut stock = Stock::new();
        for (step, (operation, which, amount, offset)) in operations.into_iter().enumerate() {
            let sku = &skus[which];
            let location = &locations[which];
            let quantity = Quantity::from_whole(amount);
            let today = base + chrono::Days::new(u64::from(offset));
            let reference = format!("R{}", step % 7).parse().unwrap();
            let before = stock.clone();
            let result = match operation {
                0 => stock.add_on_hand(sku, location, quantity).map(|_| ()),
                1 => stock.expect_supply(IncomingSupply {
                    reference: format!("S{}", step % 5).parse().unwrap(),
                    sku: sku.clone(),
                    location: location.clone(),
                    quantity,
                    expected: today,
                }),
                2 | 3 => stock.reserve(reference, sku, quantity, today, today + chrono::Days::new(3)).map(|_| ()),
                4 => stock.release(&reference).map(|_| ()),
                5 => stock.fulfil(&reference, location, today).map(|_| ()),
                6 => stock.write_off(sku, location, quantity),
                7 => stock.receive_supply(&format!("S{}", step % 5).parse().unwrap()),
                _ => stock.cancel_supply(&format!("S{}", step % 5).parse().unwrap()),
            };
            if result.is_err() {
                prop_assert_eq!(&stock, &before, "a failed operation changed the stock");
            }
            for sku in &skus {
                let cover = stock.on_hand(sku).checked_add(stock.incoming(sku)).unwrap();
                prop_assert!(stock.reserved(sku) <= cover);
            }
        }
    }

    #[test]
    fn promised_dates_are_working_days_after_the_lead_time(
        ready in business_date(),
        lead in 0u32..8,
        capacity in 1u32..4,
        orders in 1usize..12,
    ) {
        let window = DeliveryWindow::try_new(
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
        ).unwrap();
        let carrier = Carrier::try_new("c".parse().unwrap(), lv("C"), lead, capacity, window).unwrap();
        let mut planner = DeliveryPlanner::try_new(vec![carrier]).unwrap();
        let calendar = Calendar::latvia();
        let first = if calendar.is_working_day(ready).unwrap() { ready } else { calendar.next_working_day(ready).unwrap() };
        let earliest = calendar.add_working_days(first, lead).unwrap();
        for order in 0..orders {
            let d = planner
                .schedule(&calendar, format!("O{order}").parse().unwrap(), &"c".parse().unwrap(), ready)
                .unwrap();
            prop_assert!(calendar.is_working_day(d.promised()).unwrap());
            prop_assert!(calendar.is_working_day(d.dispatch()).unwrap());
            prop_assert!(d.promised() >= earliest);
            prop_assert!(d.dispatch() >= ready);
            prop_assert!(planner.dispatch_list(d.dispatch()).len() <= capacity as usize);
        }
    }

    #[test]
    fn parsers_never_panic_on_text(text in ".{0,300}") {
        let _ = CatalogueFile::from_json(&text);
        let _ = text.parse::<Sku>();
        let _ = text.parse::<apkalpe_catalogue::CategoryPath>();
        let _ = text.parse::<Quantity>();
        let _ = text.parse::<UnitOfMeasure>();
        let _ = import_products_csv(text.as_bytes(), &CsvOptions::default());
        let _ = import_price_lists_csv(text.as_bytes(), &CsvOptions::default());
    }

    #[test]
    fn csv_parsers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_products_csv(bytes.as_slice(), &CsvOptions::default());
        let _ = import_price_lists_csv(bytes.as_slice(), &CsvOptions::default().with_delimiter(b';'));
    }

    #[test]
    fn search_ignores_case_of_a_name(upper in any::<bool>()) {
        let catalogue = one_product_catalogue(Decimal::ONE, &[]);
        let text = if upper { "PRECE" } else { "prece" };
        prop_assert_eq!(catalogue.search(&apkalpe_catalogue::SearchQuery::text(text)).total(), 1);
    }
}
