//! Benchmarks of apkalpe-catalogue's hot paths on a catalogue of 100 000 products and
//! 1 000 000 price entries, generated deterministically below (no files, no randomness).
//! Targets from issue 4 are noted beside each bench; `benches/README.md` keeps the medians.
// A bench harness: unwrap, indexing and large error types on fixed, known-good inputs are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::result_large_err
)]

use std::hint::black_box;

use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Budget, Catalogue, CatalogueFile, CatalogueOrigin,
    CatalogueParts, CatalogueSource, Category, Combination, Discount, IncomingSupply, NeedQuery,
    PriceEntry, PriceList, Product, ProductInput, ProductKind, Promotion, PromotionTarget,
    Quantity, SearchQuery, Sku, Stock, recommend,
};
use apkalpe_core::{Calendar, Currency, Language, LocalizedText, Money};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const PRODUCTS: usize = 100_000;
const LISTS: usize = 10;
const LINES: usize = 10;
const GROUPS: usize = 10;

const LV_NOUNS: [&str; 10] = [
    "Klēpjdators",
    "Monitors",
    "Krēsls",
    "Galds",
    "Pele",
    "Tastatūra",
    "Papīrs",
    "Pildspalva",
    "Lampa",
    "Skapis",
];
const EN_NOUNS: [&str; 10] = [
    "Laptop", "Monitor", "Chair", "Desk", "Mouse", "Keyboard", "Paper", "Pen", "Lamp", "Cabinet",
];
const BRANDS: [&str; 8] = [
    "Lenovo", "Dell", "Ergo", "Nordic", "Baltic", "Rīga", "Vidzeme", "Kurzeme",
];
const COLOURS: [&str; 5] = ["melns", "balts", "pelēks", "zils", "sarkans"];

fn lv(text: &str) -> LocalizedText {
    LocalizedText::new(Language::Latvian, text)
}

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn sku(index: usize) -> Sku {
    format!("SKU-{index:06}").parse().unwrap()
}

/// A mixing step so products spread over categories and attributes without a pattern that
/// lines up with the SKU order.
fn mix(index: usize) -> usize {
    index.wrapping_mul(2_654_435_761) % 1_000_003
}

fn category(index: usize) -> String {
    let m = mix(index);
    format!("line-{}/group-{}", m % LINES, (m / LINES) % GROUPS)
}

fn build() -> (Catalogue, Stock) {
    let mut parts = CatalogueParts::new(Currency::EUR);
    parts.catalogues.push(CatalogueSource::new(
        "own".parse().unwrap(),
        lv("Mūsu"),
        CatalogueOrigin::Own,
    ));
    for line in 0..LINES {
        parts.categories.push(Category::new(
            format!("line-{line}").parse().unwrap(),
            lv("Virziens"),
        ));
        for group in 0..GROUPS {
            parts.categories.push(Category::new(
                format!("line-{line}/group-{group}").parse().unwrap(),
                lv("Grupa"),
            ));
        }
    }
    for index in 0..PRODUCTS {
        let m = mix(index);
        let noun = m % 10;
        let brand = BRANDS[(m / 7) % BRANDS.len()];
        let name = LocalizedText::new(
            Language::Latvian,
            format!("{} {brand} {}", LV_NOUNS[noun], index % 997),
        )
        .with(
            Language::English,
            format!("{} {brand} {}", EN_NOUNS[noun], index % 997),
        );
        let mut input = ProductInput::new(
            sku(index),
            ProductKind::Goods,
            "own".parse().unwrap(),
            name,
            category(index).parse().unwrap(),
        );
        input
            .attributes
            .insert("ram_gb".parse().unwrap(), ((m % 4 + 1) * 8).to_string());
        input.attributes.insert(
            "colour".parse().unwrap(),
            COLOURS[(m / 3) % COLOURS.len()].to_owned(),
        );
        input
            .attributes
            .insert("weight_kg".parse().unwrap(), format!("1.{}", m % 10));
        parts.products.push(Product::try_from(input).unwrap());
    }
    // Ten yearly lists, 2017–2026, each pricing every product: 1 000 000 entries.
    for list in 0..LISTS {
        let year = 2017 + i32::try_from(list).unwrap();
        let entries = (0..PRODUCTS)
            .map(|index| {
                let cents = 500 + (mix(index) % 150_000) + list * 100;
                PriceEntry::new(
                    sku(index),
                    Quantity::ZERO,
                    Money::new(
                        Decimal::new(i64::try_from(cents).unwrap(), 2),
                        Currency::EUR,
                    ),
                )
            })
            .collect();
        parts.price_lists.push(
            PriceList::try_new(
                format!("base-{year}").parse().unwrap(),
                Currency::EUR,
                None,
                day(year, 1, 1),
                Some(day(year, 12, 31)),
                entries,
            )
            .unwrap(),
        );
    }
    for line in 0..LINES {
        parts.promotions.push(
            Promotion::try_new(
                format!("line-{line}-sale").parse().unwrap(),
                lv("Akcija"),
                PromotionTarget::Category(format!("line-{line}").parse().unwrap()),
                Discount::Percent(Decimal::from(5 + line)),
                (day(2026, 6, 1), day(2026, 6, 30)),
                None,
                if line % 2 == 0 {
                    Combination::Exclusive
                } else {
                    Combination::Stackable
                },
            )
            .unwrap(),
        );
    }
    let catalogue = Catalogue::try_new(parts).unwrap();
    let mut stock = Stock::new();
    let riga = "riga".parse().unwrap();
    for index in 0..PRODUCTS {
        let on_hand = mix(index) % 7;
        if on_hand > 0 {
            stock
                .add_on_hand(
                    &sku(index),
                    &riga,
                    Quantity::from_whole(u32::try_from(on_hand).unwrap()),
                )
                .unwrap();
        }
        if index % 3 == 0 {
            stock
                .expect_supply(IncomingSupply {
                    reference: format!("PO-{index}").parse().unwrap(),
                    sku: sku(index),
                    location: riga.clone(),
                    quantity: Quantity::from_whole(10),
                    expected: day(2026, 6, 20 + u32::try_from(index % 5).unwrap()),
                })
                .unwrap();
        }
    }
    (catalogue, stock)
}

fn benches(c: &mut Criterion) {
    let (catalogue, stock) = build();
    let calendar = Calendar::latvia();
    let date = day(2026, 6, 15);

    // Target: a quote ≤ 2 µs.
    let mut group = c.benchmark_group("catalogue/quote");
    let product = sku(54_321);
    let quantity = Quantity::from_whole(3);
    assert!(catalogue.quote(&product, quantity, None, date).is_ok());
    group.bench_function("one_sku_1m_prices", |b| {
        b.iter(|| catalogue.quote(black_box(&product), quantity, None, black_box(date)))
    });
    group.finish();

    // Target: text search ≤ 5 ms.
    let mut group = c.benchmark_group("catalogue/search");
    let query = SearchQuery::text("klepjdators lenovo");
    assert!(catalogue.search(&query).total() > 1000);
    group.bench_function("text_100k", |b| {
        b.iter(|| catalogue.search(black_box(&query)).total())
    });
    let filtered = SearchQuery::text("pele").in_category("line-3".parse().unwrap());
    group.bench_function("text_and_category_100k", |b| {
        b.iter(|| catalogue.search(black_box(&filtered)).total())
    });
    group.finish();

    // Target: a recommendation ≤ 20 ms.
    let mut group = c.benchmark_group("catalogue/recommend");
    let need = NeedQuery::new(Quantity::from_whole(2))
        .in_category("line-4".parse().unwrap())
        .with_budget(Budget::Gross(Money::new(dec!(1500), Currency::EUR)))
        .needed_by(day(2026, 6, 30))
        .requiring(AttributeRequirement::new(
            "ram_gb".parse().unwrap(),
            AttributeCondition::AtLeast(dec!(16)),
        ))
        .preferring(AttributeRequirement::new(
            "colour".parse().unwrap(),
            AttributeCondition::Equals("melns".into()),
        ))
        .preferring(AttributeRequirement::new(
            "weight_kg".parse().unwrap(),
            AttributeCondition::AtMost(dec!(1.5)),
        ));
    let found = recommend(&catalogue, &stock, &calendar, &need, date, 10).unwrap();
    assert_eq!(found.items().len(), 10);
    // A whole line of business: about 10 000 candidates.
    group.bench_function("line_of_business_100k", |b| {
        b.iter(|| recommend(&catalogue, &stock, &calendar, black_box(&need), date, 10))
    });
    // One product group: about 1 000 candidates, the usual need.
    let group_need = need.clone().in_category("line-4/group-7".parse().unwrap());
    assert_eq!(
        recommend(&catalogue, &stock, &calendar, &group_need, date, 10)
            .unwrap()
            .items()
            .len(),
        10
    );
    group.bench_function("product_group_100k", |b| {
        b.iter(|| {
            recommend(
                &catalogue,
                &stock,
                &calendar,
                black_box(&group_need),
                date,
                10,
            )
        })
    });
    group.finish();

    // Target: availability ≤ 1 µs.
    let mut group = c.benchmark_group("catalogue/availability");
    let incoming = sku(3_000);
    group.bench_function("with_incoming", |b| {
        b.iter(|| stock.availability(black_box(&incoming), Quantity::from_whole(12), date))
    });
    group.finish();

    // Restoring saved state (issue 13): O(n log n) at most, indexes rebuilt.
    let mut group = c.benchmark_group("catalogue/restore");
    // The sample catalogue file (31 products) through serde: the desk's whole catalogue state.
    let sample = include_str!("../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json");
    let file = CatalogueFile::from_json(sample).unwrap();
    let saved = serde_json::to_string(&file).unwrap();
    assert_eq!(serde_json::from_str::<CatalogueFile>(&saved).unwrap(), file);
    group.bench_function("catalogue_file_sample", |b| {
        b.iter(|| serde_json::from_str::<CatalogueFile>(black_box(&saved)))
    });
    // The bench stock (100 000 SKUs, 33 334 supplies) with a reservation on every fifth SKU
    // that has anything free (most of them).
    let mut reserved = stock.clone();
    for index in (0..PRODUCTS).step_by(5) {
        let _ = reserved.reserve(
            format!("PAS-{index}").parse().unwrap(),
            &sku(index),
            Quantity::from_whole(1),
            date,
            day(2026, 6, 30),
        );
    }
    let saved = serde_json::to_string(&reserved).unwrap();
    assert_eq!(serde_json::from_str::<Stock>(&saved).unwrap(), reserved);
    group.sample_size(20);
    group.bench_function("stock_100000_skus", |b| {
        b.iter(|| serde_json::from_str::<Stock>(black_box(&saved)))
    });
    group.finish();
}

criterion_group!(catalogue_benches, benches);
criterion_main!(catalogue_benches);
