//! The error catalogue of apkalpe-catalogue: every error code, with a sample message in
//! English and Latvian, reached from public input where it can be. Codes are API: the snapshot
//! shows any rename, the test fails on a code sampled twice or a code of the source that has
//! no sample, and `docs/model/catalogue.md` carries the same table (set `APKALPE_WRITE_DOCS=1`
//! to rewrite it after a reviewed change of the snapshot).

use std::collections::BTreeMap;
use std::error::Error;

use apkalpe_catalogue::{
    Carrier, CatalogueError, CatalogueFile, CatalogueParts, CatalogueSource, CategoryPath,
    Combination, CsvOptions, DeliveryError, DeliveryPlanner, DeliveryWindow, Discount, DueRule,
    EarlyPaymentDiscount, ImportError, IncomingSupply, InstalmentPlan, Page, PaymentTerms,
    PriceEntry, PriceList, PricingError, ProductError, Promotion, PromotionTarget, Quantity,
    QuantityError, ServiceDuration, Sku, Stock, StockError, UnitOfMeasure, downcast_error,
    import_price_lists_csv, import_products_csv,
};
use apkalpe_core::{
    Calendar, Currency, Language, LocalizedError, LocalizedText, Money, Period, find_localized,
};
use chrono::NaiveTime;
use rust_decimal_macros::dec;

use crate::support::{CATALOGUE_JSON, date, qty, sample, sku};

fn err<T, E: Into<CatalogueError>>(result: Result<T, E>) -> CatalogueError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

fn eur(amount: rust_decimal::Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

fn lv(text: &str) -> LocalizedText {
    LocalizedText::new(Language::Latvian, text)
}

fn time(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).unwrap()
}

/// A price list of one entry.
fn price_list(id: &str, entries: Vec<PriceEntry>) -> Result<PriceList, PricingError> {
    PriceList::try_new(
        id.parse().unwrap(),
        Currency::EUR,
        None,
        date(2026, 1, 1),
        None,
        entries,
    )
}

/// A promotion of the laptop.
fn promotion(
    name: LocalizedText,
    target: Vec<Sku>,
    discount: Discount,
) -> Result<Promotion, PricingError> {
    Promotion::try_new(
        "p".parse().unwrap(),
        name,
        PromotionTarget::Products(target),
        discount,
        (date(2026, 12, 1), date(2026, 12, 31)),
        None,
        Combination::Exclusive,
    )
}

/// The sample's parts, edited.
fn parts(edit: impl FnOnce(&mut CatalogueParts)) -> CatalogueError {
    let file = sample();
    let catalogue = file.catalogue();
    let mut parts = CatalogueParts::new(catalogue.currency());
    parts.catalogues = catalogue.sources().to_vec();
    parts.categories = catalogue.categories().iter().cloned().collect();
    parts.products = catalogue.products().to_vec();
    parts.price_lists = catalogue.price_lists().to_vec();
    parts.promotions = catalogue.promotions().to_vec();
    edit(&mut parts);
    err(apkalpe_catalogue::Catalogue::try_new(parts))
}

/// One sample per code, in the order of the modules.
fn samples() -> Vec<CatalogueError> {
    let calendar = Calendar::latvia();
    let day = date(2026, 12, 7);
    let laptop = sku("LAP-E14-G5");
    let file = sample();
    let catalogue = file.catalogue();
    let riga = "riga-central".parse().unwrap();
    let mut samples = vec![
        // Codes, units and quantities.
        err("".parse::<Sku>()),
        err("x".repeat(41).parse::<Sku>()),
        err("LAP 1".parse::<Sku>()),
        err("PCS".parse::<UnitOfMeasure>()),
        err("-1".parse::<Quantity>()),
        err("1,0005".parse::<Quantity>()),
        err("x".parse::<Quantity>()),
        err(Quantity::try_new(dec!(1.5))
            .unwrap()
            .check_unit(UnitOfMeasure::Piece)),
    ];
    // Products.
    let input = || {
        let mut input =
            apkalpe_catalogue::ProductInput::from(catalogue.product(&laptop).unwrap().clone());
        input.sku = sku("LAP-1");
        input
    };
    samples.extend([
        err(apkalpe_catalogue::Product::try_from({
            let mut input = input();
            input.name = LocalizedText::new(Language::English, "Laptop");
            input
        })),
        err(apkalpe_catalogue::Product::try_from({
            let mut input = input();
            input.description = Some(LocalizedText::new(Language::English, "Light"));
            input
        })),
        err(apkalpe_catalogue::Product::try_from({
            let mut input = input();
            input
                .attributes
                .insert("ram_gb".parse().unwrap(), " ".into());
            input
        })),
        err(apkalpe_catalogue::Product::try_from({
            let mut input = input();
            input.tags.insert(" ".into());
            input
        })),
        err(apkalpe_catalogue::Product::try_from({
            let mut input = input();
            input.duration = Some(ServiceDuration::working_days(2).unwrap());
            input
        })),
    ]);
    // Price lists and promotions.
    let entry = |price| PriceEntry::new(sku("LAP-1"), Quantity::default(), price);
    samples.extend([
        err(PriceList::try_new(
            "base".parse().unwrap(),
            Currency::EUR,
            None,
            date(2026, 12, 31),
            Some(date(2026, 1, 1)),
            Vec::new(),
        )),
        err(price_list("base", vec![entry(eur(dec!(-1)))])),
        err(price_list("base", vec![entry(eur(dec!(1.00001)))])),
        err(price_list(
            "base",
            vec![entry(Money::new(dec!(1), Currency::USD))],
        )),
        err(price_list(
            "base",
            vec![entry(eur(dec!(1))), entry(eur(dec!(2)))],
        )),
        err(promotion(
            lv("Akcija"),
            vec![laptop.clone()],
            Discount::Percent(dec!(120)),
        )),
        err(promotion(
            lv("Akcija"),
            vec![laptop.clone()],
            Discount::AmountOff(eur(dec!(0))),
        )),
        err(promotion(
            lv("Akcija"),
            Vec::new(),
            Discount::Percent(dec!(10)),
        )),
        err(promotion(
            LocalizedText::new(Language::English, "Sale"),
            vec![laptop.clone()],
            Discount::Percent(dec!(10)),
        )),
    ]);
    // Quotes.
    samples.extend([
        err(catalogue.quote(&sku("NONE-1"), qty(1), None, day)),
        err(catalogue.quote(&sku("LAP-ASUS-X515"), qty(1), None, day)),
        err(catalogue.quote(&laptop, qty(0), None, day)),
        err(catalogue.quote(&laptop, qty(1), None, date(2020, 1, 1))),
    ]);
    // Stock.
    let mut stock = file.stock().clone();
    let order = |text: &str| text.parse().unwrap();
    stock
        .reserve(order("PAS-1"), &laptop, qty(1), day, date(2026, 12, 8))
        .unwrap();
    let supply = IncomingSupply {
        reference: order("PO-X"),
        sku: laptop.clone(),
        location: "riga-central".parse().unwrap(),
        quantity: qty(1),
        expected: date(2026, 12, 20),
    };
    stock.expect_supply(supply.clone()).unwrap();
    samples.extend([
        err(stock.add_on_hand(&laptop, &riga, qty(0))),
        err(stock.reserve(order("PAS-2"), &laptop, qty(100), day, date(2026, 12, 31))),
        err(stock.write_off(&laptop, &"nowhere".parse().unwrap(), qty(1))),
        err({
            let mut all = stock.clone();
            let on_hand = all.on_hand(&laptop);
            all.reserve(order("PAS-3"), &laptop, on_hand, day, date(2026, 12, 31))
                .map(|_| ())
                .and_then(|()| all.write_off(&laptop, &riga, qty(1)))
        }),
        err(stock.release(&order("PAS-9"))),
        err(stock.reserve(order("PAS-1"), &laptop, qty(1), day, date(2026, 12, 31))),
        err(stock.fulfil(&order("PAS-1"), &riga, date(2026, 12, 9))),
        err(stock.reserve(order("PAS-4"), &laptop, qty(1), day, date(2026, 12, 6))),
        err(stock.receive_supply(&order("PO-NONE"))),
        err(stock.expect_supply(supply)),
        err({
            let most = Quantity::try_new(rust_decimal::Decimal::MAX).unwrap();
            let mut stock = Stock::new();
            stock.add_on_hand(&laptop, &riga, most).unwrap();
            stock.add_on_hand(&laptop, &riga, most)
        }),
    ]);
    // Delivery.
    let window = DeliveryWindow::try_new(time(9), time(18)).unwrap();
    let courier: apkalpe_catalogue::CarrierId = "courier".parse().unwrap();
    let carrier = |capacity| Carrier::try_new(courier.clone(), lv("Kurjers"), 1, capacity, window);
    let mut planner = file.delivery().clone();
    planner
        .schedule(&calendar, order("PAS-1"), &courier, day)
        .unwrap();
    let mut full = DeliveryPlanner::try_new(vec![carrier(1).unwrap()]).unwrap();
    // Fill every working day of the horizon: the next order finds no free day.
    let mut ready = day;
    for n in 0..apkalpe_catalogue::SCHEDULING_HORIZON_WORKING_DAYS {
        let scheduled = full
            .schedule(&calendar, order(&format!("F-{n}")), &courier, ready)
            .unwrap();
        ready = scheduled.dispatch();
    }
    samples.extend([
        err(ServiceDuration::working_days(0)),
        err(carrier(0)),
        err(DeliveryWindow::try_new(time(18), time(9))),
        err(planner.promise(&calendar, &"drone".parse().unwrap(), day)),
        err(DeliveryPlanner::try_new(vec![
            carrier(1).unwrap(),
            carrier(2).unwrap(),
        ])),
        err(planner.schedule(&calendar, order("PAS-1"), &courier, day)),
        err(planner.complete(&order("PAS-9"), day)),
        err(full.schedule(&calendar, order("F-LAST"), &courier, day)),
        err(planner.complete(&order("PAS-1"), date(2026, 12, 1))),
    ]);
    // Payment terms.
    let terms = PaymentTerms::new(DueRule::CashOnDelivery);
    samples.extend([
        err(InstalmentPlan::equal(1, Period::Months(1))),
        err(InstalmentPlan::equal(3, Period::Months(0))),
        err(EarlyPaymentDiscount::try_new(dec!(100), 10)),
        err(terms.schedule(eur(dec!(10)), day, None, &calendar)),
        err(terms.schedule(eur(dec!(-10)), day, Some(day), &calendar)),
    ]);
    // Building a catalogue from its parts.
    let source = |id: &str| {
        CatalogueSource::new(
            id.parse().unwrap(),
            lv("Katalogs"),
            apkalpe_catalogue::CatalogueOrigin::Own,
        )
    };
    samples.extend([
        parts(|p| {
            let first = p.products[0].clone();
            p.products.push(first);
        }),
        parts(|p| p.catalogues.push(source("own"))),
        parts(|p| p.catalogues.retain(|c| c.id().as_str() != "own")),
        parts(|p| p.categories.retain(|c| c.path().as_str() != "it/laptops")),
        parts(|p| {
            p.price_lists.push(
                price_list(
                    "extra",
                    vec![PriceEntry::new(
                        sku("NONE-1"),
                        Quantity::default(),
                        eur(dec!(1)),
                    )],
                )
                .unwrap(),
            );
        }),
        parts(|p| {
            p.catalogues.push(CatalogueSource::new(
                "more".parse().unwrap(),
                LocalizedText::new(Language::English, "More"),
                apkalpe_catalogue::CatalogueOrigin::Own,
            ));
        }),
        parts(|p| p.currency = Currency::USD),
        err(Page::try_new(0, 20)),
        err(CatalogueFile::from_json("{\"format\": [")),
    ]);
    // An import: every problem of the rows, the first one in the message.
    samples.push(err(import_products_csv(
        &b"sku,kind,catalogue,category,name_lv\nA,x,own,it,Lv\n"[..],
        &CsvOptions::default(),
    )));
    // Saved values edited into an illegal state, refused as real restores refuse them: a
    // catalogue file whose supplies, reservations or deliveries break the stock's or the
    // planner's invariants.
    let mut file: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    file["reservations"] = serde_json::json!([
        {"reference": "PAS-1", "sku": "LAP-E14-G5", "quantity": "1", "expires": "2026-12-14"}
    ]);
    let restore = |edit: &dyn Fn(&mut serde_json::Value)| -> CatalogueError {
        let mut edited = file.clone();
        edit(&mut edited);
        CatalogueFile::from_json(&edited.to_string()).unwrap_err()
    };
    samples.push(restore(&|f| f["incoming"][0]["quantity"] = "0".into()));
    samples.push(restore(&|f| {
        let first = f["incoming"][0].clone();
        f["incoming"].as_array_mut().unwrap().push(first);
    }));
    samples.push(restore(&|f| {
        f["open_deliveries"] = serde_json::json!([{
            "order": "PAS-1", "carrier": "drone", "ready": "2026-12-07", "dispatch": "2026-12-07",
            "promised": "2026-12-08", "window": {"from": "09:00:00", "until": "18:00:00"}
        }]);
    }));
    samples.push(restore(&|f| f["reservations"][0]["quantity"] = "40".into()));
    samples
}

/// The import codes: each reason of a row, which an [`ImportError`] carries (its own code is
/// `import.rows`).
fn import_samples() -> Vec<(&'static str, String, String)> {
    let products = |csv: &str| import_products_csv(csv.as_bytes(), &CsvOptions::default());
    let prices = |csv: &str| import_price_lists_csv(csv.as_bytes(), &CsvOptions::default());
    let errors: Vec<ImportError> = vec![
        products("sku,kind,catalogue,category\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv,colour\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv,sku\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv\nA,goods,own\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv\nA,goods,own,it,\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv\nA 1,goods,own,it,Pele\n").unwrap_err(),
        products("sku,kind,catalogue,category,name_lv\nA,goods,own,it,Pele\nA,goods,own,it,Pele\n")
            .unwrap_err(),
        prices(
            "price_list,currency,valid_from,sku,unit_price\nbase,EUR,2026-01-01,A,1\nbase,USD,2026-01-01,B,1\n",
        )
        .unwrap_err(),
        import_products_csv(
            &b"sku,kind,catalogue,category,name_lv\nA,goods,own,it,\xff\n"[..],
            &CsvOptions::default(),
        )
        .unwrap_err(),
    ];
    errors
        .iter()
        .map(|error| {
            let problem = &error.problems()[0];
            (
                problem.reason().code(),
                problem.to_string(),
                problem.message_in(Language::Latvian),
            )
        })
        .collect()
}

/// The codes of core that reach the catalogue's errors, listed in core's catalogue
/// (`docs/model/core.md`): restore codes are sampled here because their messages name the
/// catalogue's types, the others (calendar, VAT, money) are not.
const CORE_PREFIXES: [&str; 1] = ["restore"];

/// Every dotted string literal of `src/` outside tests whose first part is the first part of
/// a sampled code or of a literal in a `match` arm (`=> "stock.overflow"`, as every `code()`
/// writes them): the codes the source can produce.
fn source_codes(prefixes: &[&str]) -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_by_area(&files, prefixes)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/catalogue.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-catalogue/tests/error_catalogue.rs -->";
const END: &str = "<!-- end of error catalogue -->";

#[test]
fn error_catalogue() {
    let mut catalogue: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    for error in samples() {
        let code = error.code();
        assert!(
            code.split('.').count() == 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{code} is not dotted snake_case"
        );
        // Through the trait, the same code; English is the Display text.
        assert_eq!(LocalizedError::code(&error), code);
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        // German falls back to English.
        assert_eq!(error.message_in(Language::German), messages.0);
        // Boxed, the code survives through the crate's downcast.
        let boxed: Box<dyn Error> = Box::new(error.clone());
        assert_eq!(
            find_localized(&*boxed, &[downcast_error]).map(|e| e.code()),
            Some(code)
        );
        assert!(
            catalogue.insert(code, messages).is_none(),
            "{code} is sampled twice"
        );
    }
    for (code, english, latvian) in import_samples() {
        assert!(
            catalogue.insert(code, (english, latvian)).is_none(),
            "{code} is sampled twice"
        );
    }
    for (code, (english, latvian)) in &catalogue {
        assert_ne!(english, latvian, "{code} has no Latvian message");
        assert!(
            !latvian.is_empty() && !latvian.ends_with('.'),
            "{code}: {latvian}"
        );
    }
    // Every code the source can produce has a sample, and every sample a code in the source
    // (or in core's catalogue).
    let prefixes: Vec<&str> = catalogue
        .keys()
        .filter_map(|code| code.split('.').next())
        .filter(|prefix| !CORE_PREFIXES.contains(prefix))
        .collect();
    let in_source = source_codes(&prefixes);
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |_| false,
        |code| {
            CORE_PREFIXES
                .iter()
                .any(|p| code.split('.').next() == Some(p))
        },
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("error_catalogue__catalogue", table);
    check_docs(&table);
}

/// The narrow errors answer in Latvian alone, as they do inside [`CatalogueError`].
#[test]
fn narrow_errors_answer_in_latvian() {
    let error = "LAP 1".parse::<Sku>().unwrap_err();
    assert_eq!(
        error.message_in(Language::Latvian),
        "SKU pozīcijā 3 ir neatļauta rakstzīme ' '"
    );
    assert_eq!(
        "it/a/b/c/d/e/f"
            .parse::<CategoryPath>()
            .unwrap_err()
            .message_in(Language::Latvian),
        "kategorijas ceļā ir 7 līmeņi, atļauti ne vairāk kā 6"
    );
    let error = StockError::InsufficientStock {
        sku: sku("LAP-1"),
        requested: qty(3),
        available: qty(2),
    };
    assert_eq!(
        error.message_in(Language::Latvian),
        "nevar rezervēt produkta LAP-1 daudzumu 3: brīvā krājumā un gaidāmajās piegādēs ir 2"
    );
    let error = DeliveryError::NoCapacity {
        carrier: "courier".parse().unwrap(),
        from: date(2026, 12, 7),
        horizon: 21,
    };
    assert_eq!(
        error.message_in(Language::Latvian),
        "pārvadātājam courier nav brīvas jaudas 21 darba dienas laikā no 2026-12-07"
    );
    let error = QuantityError::NotANumber {
        source: apkalpe_core::parse_amount("x").unwrap_err(),
    };
    assert_eq!(
        error.message_in(Language::Latvian),
        "daudzums nav skaitlis: negaidīta rakstzīme 'x' pozīcijā 0"
    );
    let error = ProductError::InvalidTag { sku: sku("LAP-1") };
    assert_eq!(
        error.message_in(Language::Latvian),
        "produktam LAP-1 ir tukša vai pārāk gara birka"
    );
}

/// The table in `docs/model/catalogue.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-catalogue",
    );
}
