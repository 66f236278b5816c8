//! Saved state restored: every state type of apkalpe-catalogue round-trips through serde, and a saved
//! value edited into an illegal state is refused with a `RestoreError` (issue 13). Also: a
//! refused operation changes nothing, undo operations undo, and archiving keeps every answer
//! about the days it keeps.

use apkalpe_catalogue::{
    Availability, Catalogue, CatalogueFile, CategoryTree, ChangeNotice, CompletedDelivery,
    DeliveryPlanner, Page, PaymentSchedule, PriceFilter, PriceQuote, Quantity, Recommendations,
    Reservation, ScheduledDelivery, SearchQuery, StatusFilter, Stock,
};
use apkalpe_core::{Calendar, RestoreProblem};
use apkalpe_testkit::strategy::catalogue as strategy;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support::{date, qty, sku};

/// Serialises and reads back.
fn round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let json = serde_json::to_string(value).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}\n{json}"))
}

/// Reads `value` back as a `T` and returns the refusal's message, checking that it is a restore
/// error of `problem` on `field` of `what`.
#[track_caller]
fn refused<T: DeserializeOwned + std::fmt::Debug>(
    value: &Value,
    problem: RestoreProblem,
    what: &str,
    field: &str,
) -> String {
    let message = match serde_json::from_value::<T>(value.clone()) {
        Ok(restored) => panic!("accepted {restored:?}"),
        Err(error) => error.to_string(),
    };
    assert_eq!(
        RestoreProblem::from_message(&message),
        Some(problem),
        "{message}"
    );
    let prefix = format!("{}: cannot restore {what}: {field}: ", problem.code());
    assert!(message.starts_with(&prefix), "{message}\nexpected {prefix}");
    message
}

fn snapshot(name: &str, value: &impl Serialize) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_json_snapshot!(name, value));
}

/// The days the properties ask about.
fn days() -> impl Iterator<Item = NaiveDate> {
    (0..70).map(|offset| date(2026, 11, 28) + Days::new(offset))
}

/// Every answer a stock gives about `date`, for the strategies' SKUs.
fn stock_answers(stock: &Stock, on: NaiveDate) -> Vec<Availability> {
    strategy::SKUS
        .iter()
        .flat_map(|text| {
            let sku = sku(text);
            [0, 1, 2, 5, 13]
                .into_iter()
                .map(move |n| (sku.clone(), qty(n)))
        })
        .map(|(sku, quantity)| stock.availability(&sku, quantity, on))
        .collect()
}

/// Every answer a planner gives about `on`: promises of both carriers for goods ready that
/// day, the dispatch list and the late deliveries.
fn planner_answers(planner: &DeliveryPlanner, on: NaiveDate) -> String {
    let calendar = strategy::calendar();
    let promises: Vec<_> = ["courier", "van"]
        .iter()
        .map(|carrier| planner.promise(calendar, &carrier.parse().unwrap(), on))
        .collect();
    format!(
        "{promises:?}\n{:?}\n{:?}",
        planner.dispatch_list(on),
        planner.late_deliveries(calendar, on)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn stocks_round_trip(stock in strategy::stock()) {
        let restored = round_trip(&stock);
        prop_assert_eq!(&restored, &stock);
        for on in days().step_by(5) {
            prop_assert_eq!(stock_answers(&restored, on), stock_answers(&stock, on));
        }
    }

    #[test]
    fn reservations_round_trip(reservation in strategy::reservation()) {
        prop_assert_eq!(round_trip(&reservation), reservation);
    }

    #[test]
    fn availabilities_round_trip(availability in strategy::availability()) {
        prop_assert_eq!(round_trip(&availability), availability);
    }

    #[test]
    fn planners_round_trip(planner in strategy::delivery_planner()) {
        let restored = round_trip(&planner);
        prop_assert_eq!(&restored, &planner);
        for on in days().step_by(3) {
            prop_assert_eq!(planner_answers(&restored, on), planner_answers(&planner, on));
        }
    }

    #[test]
    fn deliveries_round_trip(
        open in strategy::scheduled_delivery(),
        done in strategy::completed_delivery(),
        late in strategy::late_deliveries(),
    ) {
        prop_assert_eq!(round_trip(&open), open);
        prop_assert_eq!(round_trip(&done), done);
        prop_assert_eq!(round_trip(&late), late);
    }

    #[test]
    fn stock_operations_change_nothing_when_refused(operations in strategy::stock_operations()) {
        let mut stock = Stock::new();
        for operation in &operations {
            let before = stock.clone();
            if operation.apply(&mut stock).is_err() {
                prop_assert_eq!(&stock, &before, "{:?}", operation);
            }
        }
    }

    #[test]
    fn planner_operations_change_nothing_when_refused(
        mut planner in strategy::empty_planner(),
        operations in strategy::delivery_operations(),
    ) {
        for operation in &operations {
            let before = planner.clone();
            if operation.apply(&mut planner).is_err() {
                prop_assert_eq!(&planner, &before, "{:?}", operation);
            }
        }
    }

    #[test]
    fn release_undoes_reserve_and_cancel_undoes_schedule(
        stock in strategy::stock(),
        planner in strategy::delivery_planner(),
        sku_index in 0..strategy::SKUS.len(),
        quantity in strategy::quantity(),
        today in strategy::day(),
    ) {
        let mut changed = stock.clone();
        let reference: apkalpe_catalogue::OrderReference = "UNDO-1".parse().unwrap();
        let sku = sku(strategy::SKUS[sku_index]);
        if changed.reserve(reference.clone(), &sku, quantity, today, today).is_ok() {
            changed.release(&reference).unwrap();
        }
        prop_assert_eq!(&changed, &stock);

        let mut changed = planner.clone();
        let calendar = strategy::calendar();
        if changed.schedule(calendar, reference.clone(), &"courier".parse().unwrap(), today).is_ok() {
            changed.cancel(&reference).unwrap();
        }
        prop_assert_eq!(&changed, &planner);
    }

    #[test]
    fn archiving_keeps_every_answer_about_the_days_kept(
        planner in strategy::delivery_planner(),
        stock in strategy::stock(),
        archive in strategy::day(),
    ) {
        let mut archived = planner.clone();
        let dropped = archived.archive_before(archive);
        prop_assert!(dropped.iter().all(|delivery| delivery.delivered() < archive));
        prop_assert_eq!(
            archived.completed_deliveries().count() + dropped.len(),
            planner.completed_deliveries().count()
        );
        prop_assert!(archived.completed_deliveries().all(|d| d.delivered() >= archive));
        prop_assert_eq!(archived.open_deliveries(), planner.open_deliveries());
        for on in days().filter(|on| *on >= archive) {
            prop_assert_eq!(planner_answers(&archived, on), planner_answers(&planner, on));
        }
        // The archived planner restores like any other.
        prop_assert_eq!(round_trip(&archived), archived);

        let mut expired = stock.clone();
        expired.expire(archive);
        for on in days().filter(|on| *on >= archive) {
            prop_assert_eq!(stock_answers(&expired, on), stock_answers(&stock, on));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn catalogues_round_trip(catalogue in strategy::catalogue()) {
        let restored = round_trip(&catalogue);
        prop_assert_eq!(&restored, &catalogue);
        prop_assert_eq!(round_trip(catalogue.categories()), catalogue.categories().clone());
        // The indexes are rebuilt: quotes and searches agree.
        for text in strategy::SKUS {
            for on in [date(2026, 12, 1), date(2026, 12, 10), date(2027, 1, 20)] {
                prop_assert_eq!(
                    restored.quote(&sku(text), qty(3), None, on),
                    catalogue.quote(&sku(text), qty(3), None, on)
                );
            }
        }
        prop_assert_eq!(
            restored.search(&SearchQuery::text("pele")).total(),
            catalogue.search(&SearchQuery::text("pele")).total()
        );
    }

    #[test]
    fn catalogue_files_round_trip(file in strategy::catalogue_file()) {
        let restored = round_trip(&file);
        prop_assert_eq!(&restored, &file);
        // One format: the file's own reader and writer agree with serde.
        let text = file.to_json().unwrap();
        prop_assert_eq!(&CatalogueFile::from_json(&text).unwrap(), &file);
        prop_assert_eq!(text, serde_json::to_string_pretty(&file).unwrap());
    }

    #[test]
    fn quotes_round_trip(quote in strategy::price_quote()) {
        prop_assert_eq!(round_trip(&quote), quote);
    }

    #[test]
    fn change_notices_round_trip(notice in strategy::change_notice()) {
        prop_assert_eq!(round_trip(&notice), notice);
    }

    #[test]
    fn recommendations_round_trip(found in strategy::recommendations()) {
        prop_assert_eq!(round_trip(&found), found);
    }

    #[test]
    fn payment_schedules_round_trip(schedule in strategy::payment_schedule()) {
        prop_assert_eq!(round_trip(&schedule), schedule);
    }

    #[test]
    fn pages_round_trip(number in 1_usize..1000, size in 1_usize..=Page::MAX_SIZE) {
        let page = Page::try_new(number, size).unwrap();
        prop_assert_eq!(round_trip(&page), page);
    }
}

// Stock.

fn stock_sample() -> Stock {
    let day = |d| date(2026, 12, d);
    let (laptop, paper) = (sku("LAP-1"), sku("PAPER-A4"));
    let riga = "riga".parse().unwrap();
    let mut stock = Stock::new();
    stock.add_on_hand(&laptop, &riga, qty(2)).unwrap();
    stock
        .add_on_hand(&paper, &"liepaja".parse().unwrap(), qty(40))
        .unwrap();
    stock
        .expect_supply(apkalpe_catalogue::IncomingSupply {
            reference: "PO-7".parse().unwrap(),
            sku: laptop.clone(),
            location: riga,
            quantity: qty(5),
            expected: day(14),
        })
        .unwrap();
    stock
        .reserve("PAS-1".parse().unwrap(), &laptop, qty(3), day(7), day(21))
        .unwrap();
    stock
        .reserve("PAS-2".parse().unwrap(), &paper, qty(10), day(7), day(9))
        .unwrap();
    stock
}

#[test]
fn stock_refuses_a_location_listed_twice() {
    let mut value = serde_json::to_value(stock_sample()).unwrap();
    let first = value["levels"][0].clone();
    value["levels"].as_array_mut().unwrap().push(first);
    refused::<Stock>(&value, RestoreProblem::Duplicate, "Stock", "levels[2]");
}

#[test]
fn stock_refuses_a_supply_of_nothing_or_listed_twice() {
    let mut value = serde_json::to_value(stock_sample()).unwrap();
    value["incoming"][0]["quantity"] = json!("0");
    let message = refused::<Stock>(
        &value,
        RestoreProblem::Invalid,
        "Stock",
        "incoming[0].quantity",
    );
    assert!(message.contains("above zero"), "{message}");

    let mut value = serde_json::to_value(stock_sample()).unwrap();
    let mut twin = value["incoming"][0].clone();
    twin["sku"] = json!("PAPER-A4");
    value["incoming"].as_array_mut().unwrap().push(twin);
    refused::<Stock>(
        &value,
        RestoreProblem::Duplicate,
        "Stock",
        "incoming[1].reference",
    );
}

#[test]
fn stock_refuses_a_reservation_listed_twice_or_of_nothing() {
    let mut value = serde_json::to_value(stock_sample()).unwrap();
    value["reservations"][1]["reference"] = json!("PAS-1");
    refused::<Stock>(
        &value,
        RestoreProblem::Duplicate,
        "Stock",
        "reservations[1].reference",
    );

    let mut value = serde_json::to_value(stock_sample()).unwrap();
    value["reservations"][0]["quantity"] = json!("0");
    refused::<Stock>(&value, RestoreProblem::Invalid, "Reservation", "quantity");
}

#[test]
fn stock_refuses_more_reserved_than_on_hand_and_incoming() {
    // 3 laptops reserved of 2 on hand and 5 incoming: 8 is one too many.
    let mut value = serde_json::to_value(stock_sample()).unwrap();
    value["reservations"][0]["quantity"] = json!("8");
    let message = refused::<Stock>(
        &value,
        RestoreProblem::Inconsistent,
        "Stock",
        "reservations[0]",
    );
    assert!(message.contains("8 of LAP-1 reserved, only 7"), "{message}");
    // Expired reservations count until `expire` removes them, as `reserve` counts them.
    value["reservations"][0]["quantity"] = json!("7");
    let restored: Stock = serde_json::from_value(value).unwrap();
    assert_eq!(restored.reserved(&sku("LAP-1")), qty(7));
}

#[test]
fn stock_is_atomic_where_it_used_to_change_half_way() {
    let laptop = sku("LAP-1");
    let riga: apkalpe_catalogue::LocationId = "riga".parse().unwrap();
    let huge = Quantity::try_new(rust_decimal::Decimal::MAX).unwrap();
    // An overflowing add used to leave an empty SKU and a zero level behind.
    let mut stock = Stock::new();
    stock.add_on_hand(&laptop, &riga, huge).unwrap();
    let before = stock.clone();
    assert_eq!(
        stock
            .add_on_hand(&laptop, &riga, qty(1))
            .unwrap_err()
            .code(),
        "stock.overflow"
    );
    assert_eq!(stock, before);
    // An overflowing receipt used to lose the supply.
    stock
        .expect_supply(apkalpe_catalogue::IncomingSupply {
            reference: "PO-1".parse().unwrap(),
            sku: laptop.clone(),
            location: riga,
            quantity: qty(1),
            expected: date(2026, 12, 1),
        })
        .unwrap();
    let before = stock.clone();
    assert_eq!(
        stock
            .receive_supply(&"PO-1".parse().unwrap())
            .unwrap_err()
            .code(),
        "stock.overflow"
    );
    assert_eq!(stock, before);
    assert_eq!(stock.incoming(&laptop), qty(1));
}

#[test]
fn stock_forgets_a_sku_with_nothing_left() {
    let mut stock = Stock::new();
    let mouse = sku("MOUSE-1");
    stock
        .expect_supply(apkalpe_catalogue::IncomingSupply {
            reference: "PO-1".parse().unwrap(),
            sku: mouse.clone(),
            location: "riga".parse().unwrap(),
            quantity: qty(1),
            expected: date(2026, 12, 1),
        })
        .unwrap();
    stock.cancel_supply(&"PO-1".parse().unwrap()).unwrap();
    assert!(stock.skus().is_empty());
    assert_eq!(stock, Stock::new());
}

// Delivery planner.

fn planner_sample() -> DeliveryPlanner {
    let calendar = Calendar::latvia();
    let file = CatalogueFile::from_json(crate::support::CATALOGUE_JSON).unwrap();
    let mut planner = file.delivery().clone();
    let courier = "courier".parse().unwrap();
    let freight = "freight".parse().unwrap();
    planner
        .schedule(
            &calendar,
            "PAS-1".parse().unwrap(),
            &courier,
            date(2026, 12, 7),
        )
        .unwrap();
    planner
        .schedule(
            &calendar,
            "PAS-2".parse().unwrap(),
            &freight,
            date(2026, 12, 7),
        )
        .unwrap();
    planner
        .schedule(
            &calendar,
            "PAS-3".parse().unwrap(),
            &freight,
            date(2026, 12, 7),
        )
        .unwrap();
    planner
        .complete(&"PAS-1".parse().unwrap(), date(2026, 12, 8))
        .unwrap();
    planner
}

#[test]
fn planner_refuses_a_carrier_listed_twice_or_unknown() {
    let mut value = serde_json::to_value(planner_sample()).unwrap();
    let first = value["carriers"][0].clone();
    value["carriers"].as_array_mut().unwrap().push(first);
    refused::<DeliveryPlanner>(
        &value,
        RestoreProblem::Duplicate,
        "DeliveryPlanner",
        "carriers[2].id",
    );

    let mut value = serde_json::to_value(planner_sample()).unwrap();
    value["carriers"].as_array_mut().unwrap().remove(1);
    refused::<DeliveryPlanner>(
        &value,
        RestoreProblem::Missing,
        "DeliveryPlanner",
        "open_deliveries[0].carrier",
    );
}

#[test]
fn planner_refuses_a_window_that_is_not_the_carriers() {
    let mut value = serde_json::to_value(planner_sample()).unwrap();
    value["completed_deliveries"][0]["schedule"]["window"]["until"] = json!("20:00:00");
    refused::<DeliveryPlanner>(
        &value,
        RestoreProblem::Inconsistent,
        "DeliveryPlanner",
        "completed_deliveries[0].schedule.window",
    );
}

#[test]
fn planner_refuses_an_order_scheduled_twice() {
    let mut value = serde_json::to_value(planner_sample()).unwrap();
    value["open_deliveries"][0]["order"] = json!("PAS-1");
    refused::<DeliveryPlanner>(
        &value,
        RestoreProblem::Duplicate,
        "DeliveryPlanner",
        "completed_deliveries[0].schedule.order",
    );
}

#[test]
fn planner_refuses_a_carrier_booked_above_its_capacity() {
    // Freight takes 2 a day: a third order dispatched on 7 Dec is one too many.
    let mut value = serde_json::to_value(planner_sample()).unwrap();
    let mut third = value["open_deliveries"][0].clone();
    third["order"] = json!("PAS-9");
    value["open_deliveries"].as_array_mut().unwrap().push(third);
    let message = refused::<DeliveryPlanner>(
        &value,
        RestoreProblem::Inconsistent,
        "DeliveryPlanner",
        "open_deliveries[2].dispatch",
    );
    assert!(message.contains("capacity is 2"), "{message}");
}

#[test]
fn deliveries_refuse_dates_out_of_order() {
    let value = serde_json::to_value(planner_sample()).unwrap();
    let open = value["open_deliveries"][0].clone();
    let mut early = open.clone();
    early["dispatch"] = json!("2026-12-06");
    refused::<ScheduledDelivery>(
        &early,
        RestoreProblem::Inconsistent,
        "ScheduledDelivery",
        "dispatch",
    );
    let mut early = open;
    early["promised"] = json!("2026-12-06");
    refused::<ScheduledDelivery>(
        &early,
        RestoreProblem::Inconsistent,
        "ScheduledDelivery",
        "promised",
    );
    let mut done = value["completed_deliveries"][0].clone();
    done["delivered"] = json!("2026-12-06");
    let message = refused::<CompletedDelivery>(
        &done,
        RestoreProblem::Invalid,
        "CompletedDelivery",
        "delivered",
    );
    assert!(message.contains("before its dispatch"), "{message}");
}

// Catalogue and category tree.

fn catalogue_json() -> Value {
    serde_json::to_value(crate::support::sample().catalogue()).unwrap()
}

#[test]
fn catalogue_refuses_what_try_new_refuses() {
    let mut value = catalogue_json();
    let first = value["products"][0].clone();
    value["products"].as_array_mut().unwrap().push(first);
    refused::<Catalogue>(&value, RestoreProblem::Duplicate, "Catalogue", "products");

    let mut value = catalogue_json();
    value["products"][0]["category"] = json!("it/tablets");
    refused::<Catalogue>(&value, RestoreProblem::Missing, "Catalogue", "products");

    let mut value = catalogue_json();
    value["price_lists"][0]["entries"][0]["sku"] = json!("NOPE-1");
    refused::<Catalogue>(&value, RestoreProblem::Missing, "Catalogue", "price_lists");

    let mut value = catalogue_json();
    value["catalogues"][0]["name"] = json!({"en": "Partner"});
    refused::<Catalogue>(&value, RestoreProblem::Invalid, "Catalogue", "catalogues");

    let mut value = catalogue_json();
    value["currency"] = json!("USD");
    refused::<Catalogue>(
        &value,
        RestoreProblem::Inconsistent,
        "Catalogue",
        "price_lists",
    );
}

#[test]
fn catalogue_keeps_another_vat_table() {
    let table = apkalpe_core::VatRateTable::latvia().with_entry(apkalpe_core::VatRateEntry {
        class: apkalpe_core::VatRateClass::Standard,
        effective_from: date(2027, 1, 1),
        rate: apkalpe_core::VatRate::try_new(rust_decimal_macros::dec!(23)).unwrap(),
        category: apkalpe_core::VatCategory::Standard,
    });
    let catalogue = crate::support::sample()
        .catalogue()
        .clone()
        .with_vat_table(table);
    let value = serde_json::to_value(&catalogue).unwrap();
    assert!(value.get("vat_table").is_some());
    assert!(catalogue_json().get("vat_table").is_none());
    let restored: Catalogue = serde_json::from_value(value).unwrap();
    assert_eq!(restored, catalogue);
    let quote = restored
        .quote(&sku("LAP-HP-250"), qty(1), None, date(2027, 1, 15))
        .unwrap();
    assert_eq!(quote.vat_rate().percent(), rust_decimal_macros::dec!(23));
}

#[test]
fn category_tree_refuses_duplicates_orphans_and_names_without_latvian() {
    let tree = serde_json::to_value(crate::support::sample().catalogue().categories()).unwrap();
    let mut value = tree.clone();
    let first = value[0].clone();
    value.as_array_mut().unwrap().push(first);
    let last = value.as_array().unwrap().len() - 1;
    refused::<CategoryTree>(
        &value,
        RestoreProblem::Duplicate,
        "CategoryTree",
        &format!("[{last}].path"),
    );
    let mut value = tree.clone();
    assert_eq!(value[1]["path"], "food");
    value.as_array_mut().unwrap().remove(1);
    refused::<CategoryTree>(&value, RestoreProblem::Missing, "CategoryTree", "[1].path");
    let mut value = tree;
    value[2]["name"] = json!({"en": "Books"});
    refused::<CategoryTree>(&value, RestoreProblem::Invalid, "CategoryTree", "[2].name");
}

// Catalogue file.

fn file_with_the_days_work() -> CatalogueFile {
    let mut file = crate::support::sample();
    let calendar = Calendar::latvia();
    let today = date(2026, 12, 7);
    file.stock_mut()
        .reserve(
            "PAS-1.1".parse().unwrap(),
            &sku("LAP-E14-G5"),
            qty(1),
            today,
            date(2026, 12, 14),
        )
        .unwrap();
    file.delivery_mut()
        .schedule(
            &calendar,
            "PAS-1".parse().unwrap(),
            &"courier".parse().unwrap(),
            today,
        )
        .unwrap();
    file.delivery_mut()
        .schedule(
            &calendar,
            "PAS-0".parse().unwrap(),
            &"courier".parse().unwrap(),
            date(2026, 12, 1),
        )
        .unwrap();
    file.delivery_mut()
        .complete(&"PAS-0".parse().unwrap(), date(2026, 12, 3))
        .unwrap();
    file
}

#[test]
fn catalogue_file_is_one_format_with_the_days_work() {
    let file = file_with_the_days_work();
    let text = file.to_json().unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "apkalpe-catalogue/1");
    assert_eq!(value["reservations"][0]["reference"], "PAS-1.1");
    assert_eq!(value["open_deliveries"][0]["order"], "PAS-1");
    assert_eq!(value["completed_deliveries"][0]["delivered"], "2026-12-03");
    assert_eq!(CatalogueFile::from_json(&text).unwrap(), file);
    assert_eq!(serde_json::from_str::<CatalogueFile>(&text).unwrap(), file);
    // Without the day's work the file is the catalogue file it always was.
    let plain = crate::support::sample().to_json().unwrap();
    let plain: Value = serde_json::from_str(&plain).unwrap();
    for field in [
        "reservations",
        "open_deliveries",
        "completed_deliveries",
        "vat_table",
    ] {
        assert!(plain.get(field).is_none(), "{field}");
    }
}

#[test]
fn catalogue_file_refuses_what_from_json_refuses() {
    let value = serde_json::to_value(file_with_the_days_work()).unwrap();

    let mut edited = value.clone();
    edited["format"] = json!("apkalpe-catalogue/2");
    refused::<CatalogueFile>(&edited, RestoreProblem::Invalid, "CatalogueFile", "format");
    assert_eq!(
        CatalogueFile::from_json(&edited.to_string())
            .unwrap_err()
            .code(),
        "file.json"
    );

    let mut edited = value.clone();
    edited["reservations"][0]["sku"] = json!("LAP-X");
    refused::<CatalogueFile>(
        &edited,
        RestoreProblem::Missing,
        "CatalogueFile",
        "reservations",
    );
    assert_eq!(
        CatalogueFile::from_json(&edited.to_string())
            .unwrap_err()
            .code(),
        "catalogue.unknown_sku"
    );

    let mut edited = value.clone();
    let first = edited["carriers"][0].clone();
    edited["carriers"].as_array_mut().unwrap().push(first);
    refused::<CatalogueFile>(
        &edited,
        RestoreProblem::Duplicate,
        "CatalogueFile",
        "carriers",
    );

    let mut edited = value.clone();
    let first = edited["stock"][0].clone();
    edited["stock"].as_array_mut().unwrap().push(first);
    refused::<CatalogueFile>(&edited, RestoreProblem::Duplicate, "CatalogueFile", "stock");

    // The stock's and the planner's own checks, as `Stock` and `DeliveryPlanner` make them.
    let mut edited = value.clone();
    edited["reservations"][0]["quantity"] = json!("40");
    refused::<CatalogueFile>(
        &edited,
        RestoreProblem::Inconsistent,
        "Stock",
        "reservations[0]",
    );
    let error = CatalogueFile::from_json(&edited.to_string()).unwrap_err();
    assert_eq!(error.code(), "restore.inconsistent");

    let mut edited = value;
    edited["open_deliveries"][0]["carrier"] = json!("drone");
    refused::<CatalogueFile>(
        &edited,
        RestoreProblem::Missing,
        "DeliveryPlanner",
        "open_deliveries[0].carrier",
    );
}

#[test]
fn catalogue_file_keeps_a_stock_line_of_zero() {
    let text = crate::support::CATALOGUE_JSON.replacen(
        "\"stock\": [",
        "\"stock\": [\n    {\"sku\": \"SRV-DIAG\", \"location\": \"liepaja\", \"on_hand\": \"0\"},",
        1,
    );
    let file = CatalogueFile::from_json(&text).unwrap();
    assert_eq!(
        file.stock().levels(&sku("SRV-DIAG")),
        vec![(&"liepaja".parse().unwrap(), Quantity::ZERO)]
    );
    assert_eq!(round_trip(&file), file);
}

// Reports and small values.

#[test]
fn payment_schedule_refuses_payments_that_do_not_make_the_total() {
    let terms: apkalpe_catalogue::PaymentTerms = serde_json::from_value(json!({
        "due": {"instalments": {"weights": ["1", "1", "1"], "interval": "1m"}},
        "early_payment": {"percent": "2", "within_days": 7}
    }))
    .unwrap();
    let schedule = terms
        .schedule(
            apkalpe_core::Money::new(rust_decimal_macros::dec!(100), apkalpe_core::Currency::EUR),
            date(2026, 12, 7),
            None,
            &Calendar::latvia(),
        )
        .unwrap();
    let value = serde_json::to_value(&schedule).unwrap();
    assert_eq!(
        serde_json::from_value::<PaymentSchedule>(value.clone()).unwrap(),
        schedule
    );
    let cases: [(&str, Value, RestoreProblem, &str); 6] = [
        (
            "/total/amount",
            json!("-100"),
            RestoreProblem::Invalid,
            "total",
        ),
        (
            "/instalments",
            json!([]),
            RestoreProblem::Missing,
            "instalments",
        ),
        (
            "/instalments/1/number",
            json!(3),
            RestoreProblem::Inconsistent,
            "instalments[1].number",
        ),
        (
            "/instalments/2/due",
            json!("2027-01-01"),
            RestoreProblem::Inconsistent,
            "instalments[2].due",
        ),
        (
            "/instalments/0/amount/amount",
            json!("33.33"),
            RestoreProblem::Inconsistent,
            "instalments",
        ),
        (
            "/early_payment/pay/amount",
            json!("99.00"),
            RestoreProblem::Inconsistent,
            "early_payment",
        ),
    ];
    for (pointer, replacement, problem, field) in cases {
        let mut edited = value.clone();
        *edited.pointer_mut(pointer).unwrap() = replacement;
        refused::<PaymentSchedule>(&edited, problem, "PaymentSchedule", field);
    }
}

#[test]
fn page_filters_and_statuses_read_back() {
    let page = Page::try_new(2, 20).unwrap();
    assert_eq!(
        serde_json::to_value(page).unwrap(),
        json!({"number": 2, "size": 20})
    );
    refused::<Page>(
        &json!({"number": 0, "size": 20}),
        RestoreProblem::Invalid,
        "Page",
        "number",
    );
    refused::<Page>(
        &json!({"number": 1, "size": 501}),
        RestoreProblem::Invalid,
        "Page",
        "size",
    );
    let filter = json!({"date": "2026-12-07", "segment": "business", "min": null, "max": {"amount": "1000.00", "currency": "EUR"}});
    let read: PriceFilter = serde_json::from_value(filter.clone()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), filter);
    assert_eq!(
        serde_json::to_value(StatusFilter::ActiveOnly).unwrap(),
        json!("ActiveOnly")
    );
    for (text, status) in [
        ("ActiveOnly", StatusFilter::ActiveOnly),
        ("active_only", StatusFilter::ActiveOnly),
        ("All", StatusFilter::All),
        ("all", StatusFilter::All),
    ] {
        assert_eq!(
            serde_json::from_value::<StatusFilter>(json!(text)).unwrap(),
            status
        );
    }
}

#[test]
fn report_values_read_back() {
    let file = crate::support::sample();
    let catalogue = file.catalogue();
    let quote: PriceQuote = catalogue
        .quote(&sku("LAP-E14-G5"), qty(1), None, date(2026, 12, 7))
        .unwrap();
    assert_eq!(quote.gross().to_string(), "815.66 EUR");
    assert_eq!(round_trip(&quote), quote);
    let notice: ChangeNotice = catalogue.changes(date(2026, 12, 1), date(2027, 1, 31));
    assert!(!notice.price_changes().is_empty());
    assert_eq!(round_trip(&notice), notice);
    let need = apkalpe_catalogue::NeedQuery::new(qty(1)).in_category("it/laptops".parse().unwrap());
    let found: Recommendations = apkalpe_catalogue::recommend(
        catalogue,
        file.stock(),
        &Calendar::latvia(),
        &need,
        date(2026, 12, 7),
        3,
    )
    .unwrap();
    assert_eq!(round_trip(&found), found);
    let reservation: Reservation = file_with_the_days_work()
        .stock()
        .reservations(&sku("LAP-E14-G5"))[0]
        .clone();
    assert_eq!(round_trip(&reservation), reservation);
}

// The saved forms, as integrators store them.

/// A small catalogue file: a laptop, paper by the ream and an installation service.
const SMALL_FILE: &str = r#"{
  "format": "apkalpe-catalogue/1",
  "currency": "EUR",
  "catalogues": [{"id": "own", "name": {"lv": "Mūsu sortiments", "en": "Our range"}, "origin": "own"}],
  "categories": [
    {"path": "it", "name": {"lv": "IT preces", "en": "IT products"}},
    {"path": "office", "name": {"lv": "Biroja preces", "en": "Office supplies"}},
    {"path": "services", "name": {"lv": "Pakalpojumi", "en": "Services"}}],
  "products": [
    {"sku": "LAP-E14-G5", "kind": "goods", "catalogue": "own", "name": {"lv": "Klēpjdators Lenovo ThinkPad E14", "en": "Laptop Lenovo ThinkPad E14"}, "category": "it", "attributes": {"ram_gb": "16"}},
    {"sku": "PAP-A4-80", "kind": "goods", "catalogue": "own", "name": {"lv": "Biroja papīrs A4, 500 loksnes", "en": "Office paper A4, 500 sheets"}, "category": "office", "vat_class": "standard"},
    {"sku": "SRV-INSTALL-OS", "kind": "service", "catalogue": "own", "name": {"lv": "Operētājsistēmas instalēšana", "en": "Operating system installation"}, "category": "services", "unit": "E48", "duration": {"working_days": 1}}],
  "price_lists": [{"id": "base-2026", "currency": "EUR", "valid_from": "2026-01-01", "entries": [
    {"sku": "LAP-E14-G5", "unit_price": {"amount": "749.00", "currency": "EUR"}},
    {"sku": "PAP-A4-80", "unit_price": {"amount": "4.20", "currency": "EUR"}},
    {"sku": "PAP-A4-80", "min_quantity": "10", "unit_price": {"amount": "3.90", "currency": "EUR"}},
    {"sku": "SRV-INSTALL-OS", "unit_price": {"amount": "35.00", "currency": "EUR"}}]}],
  "promotions": [{"id": "winter-2026", "name": {"lv": "Ziemas akcija", "en": "Winter sale"}, "target": {"category": "it"}, "discount": {"percent": "10"}, "valid_from": "2026-12-01", "valid_until": "2026-12-31", "combination": "exclusive"}],
  "stock": [
    {"sku": "LAP-E14-G5", "location": "riga-central", "on_hand": "4"},
    {"sku": "PAP-A4-80", "location": "riga-central", "on_hand": "120"}],
  "incoming": [{"reference": "PO-2026-118", "sku": "LAP-E14-G5", "location": "riga-central", "quantity": "6", "expected": "2026-12-14"}],
  "carriers": [{"id": "courier", "name": {"lv": "Kurjers", "en": "Courier"}, "lead_time_working_days": 1, "capacity_per_day": 20, "window": {"from": "09:00:00", "until": "18:00:00"}}],
  "payment_terms": {"due": {"net": {"days": 14, "counting": "calendar"}}}
}"#;

#[test]
fn saved_forms() {
    let stock = stock_sample();
    let value = serde_json::to_value(&stock).unwrap();
    assert_eq!(
        value["levels"][0],
        json!({"sku": "LAP-1", "location": "riga", "on_hand": "2"})
    );
    snapshot("restore__stock", &stock);
    let planner = planner_sample();
    assert_eq!(
        serde_json::to_value(&planner).unwrap()["completed_deliveries"][0]["delivered"],
        "2026-12-08"
    );
    snapshot("restore__delivery_planner", &planner);
    let mut file = CatalogueFile::from_json(SMALL_FILE).unwrap();
    let calendar = Calendar::latvia();
    let today = date(2026, 12, 7);
    let laptop = sku("LAP-E14-G5");
    file.stock_mut()
        .reserve(
            "PAS-2026-041.1".parse().unwrap(),
            &laptop,
            qty(2),
            today,
            date(2026, 12, 14),
        )
        .unwrap();
    file.delivery_mut()
        .schedule(
            &calendar,
            "PAS-2026-041".parse().unwrap(),
            &"courier".parse().unwrap(),
            today,
        )
        .unwrap();
    file.delivery_mut()
        .schedule(
            &calendar,
            "PAS-2026-038".parse().unwrap(),
            &"courier".parse().unwrap(),
            date(2026, 12, 2),
        )
        .unwrap();
    file.delivery_mut()
        .complete(&"PAS-2026-038".parse().unwrap(), date(2026, 12, 3))
        .unwrap();
    assert_eq!(
        file.catalogue()
            .quote(&laptop, qty(1), None, today)
            .unwrap()
            .net()
            .to_string(),
        "674.10 EUR"
    );
    snapshot("restore__catalogue", file.catalogue());
    snapshot("restore__catalogue_file", &file);
}
