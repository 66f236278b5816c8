//! Strategies for `apkalpe-catalogue`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
//!
//! Aggregates come from random sequences of their operations over a small universe (four
//! SKUs, two locations, a handful of order references), so references collide, quantities run
//! out and operations fail as they do at a desk; the operations are public
//! ([`StockOperation`], [`DeliveryOperation`]) so tests can replay them and check that a failed
//! operation changes nothing. Catalogue files are small documents read by
//! [`CatalogueFile::from_json`], varied in prices, validity, promotions, stock and carriers.

use std::sync::LazyLock;

use apkalpe_catalogue::{
    Availability, Budget, Catalogue, CatalogueFile, ChangeNotice, CompletedDelivery, DeliveryError,
    DeliveryPlanner, IncomingSupply, LateDelivery, NeedQuery, OrderReference, PaymentSchedule,
    PaymentTerms, PriceQuote, Quantity, Recommendations, Reservation, ScheduledDelivery, Sku,
    Stock, StockError, recommend,
};
use apkalpe_core::{Calendar, Currency, Money};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

/// The Latvian calendar, built once for every strategy.
static CALENDAR: LazyLock<Calendar> = LazyLock::new(Calendar::latvia);

/// The Latvian calendar the strategies schedule with.
pub fn calendar() -> &'static Calendar {
    &CALENDAR
}

/// The SKUs of the strategies' catalogues: three goods and a service.
pub const SKUS: [&str; 4] = ["LAP-1", "MOUSE-1", "PAPER-A4", "INSTALL"];

/// The stock locations.
const LOCATIONS: [&str; 2] = ["riga", "liepaja"];

/// Order references of reservations and deliveries: few, so they collide.
const ORDERS: [&str; 6] = ["PAS-1", "PAS-2", "PAS-3", "PAS-4", "PAS-5", "PAS-6"];

/// References of incoming supplies.
const SUPPLIES: [&str; 4] = ["PO-1", "PO-2", "PO-3", "PO-4"];

/// The first day of the strategies' dates: they run over December 2026 and January 2027,
/// through the Christmas days off.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("a valid date")
}

/// A day of December 2026 or January 2027.
pub fn day() -> impl Strategy<Value = NaiveDate> {
    (0_u64..62).prop_map(|offset| first_day() + Days::new(offset))
}

fn sku() -> impl Strategy<Value = Sku> {
    proptest::sample::select(SKUS.to_vec()).prop_map(|sku| sku.parse().expect("a valid SKU"))
}

fn location() -> impl Strategy<Value = apkalpe_catalogue::LocationId> {
    proptest::sample::select(LOCATIONS.to_vec())
        .prop_map(|location| location.parse().expect("a valid location"))
}

fn order() -> impl Strategy<Value = OrderReference> {
    proptest::sample::select(ORDERS.to_vec())
        .prop_map(|order| order.parse().expect("a valid reference"))
}

fn supply_reference() -> impl Strategy<Value = OrderReference> {
    proptest::sample::select(SUPPLIES.to_vec())
        .prop_map(|reference| reference.parse().expect("a valid reference"))
}

/// A quantity weighted toward the boundaries: 0 (refused by every stock operation), 1, small
/// whole numbers, and fractions with three decimals.
pub fn quantity() -> impl Strategy<Value = Quantity> {
    prop_oneof![
        1 => Just(Quantity::ZERO),
        2 => Just(Quantity::from_whole(1)),
        4 => (2_u32..=12).prop_map(Quantity::from_whole),
        1 => (1_i64..=5_000).prop_map(|grams| {
            Quantity::try_new(Decimal::new(grams, 3)).expect("a positive quantity")
        }),
    ]
}

/// One operation on a [`Stock`], as a caller makes it.
#[derive(Debug, Clone)]
pub enum StockOperation {
    /// [`Stock::add_on_hand`].
    AddOnHand {
        /// The SKU.
        sku: Sku,
        /// The location.
        location: apkalpe_catalogue::LocationId,
        /// The quantity.
        quantity: Quantity,
    },
    /// [`Stock::write_off`].
    WriteOff {
        /// The SKU.
        sku: Sku,
        /// The location.
        location: apkalpe_catalogue::LocationId,
        /// The quantity.
        quantity: Quantity,
    },
    /// [`Stock::expect_supply`].
    ExpectSupply(IncomingSupply),
    /// [`Stock::receive_supply`].
    ReceiveSupply(OrderReference),
    /// [`Stock::cancel_supply`].
    CancelSupply(OrderReference),
    /// [`Stock::reserve`].
    Reserve {
        /// The order reference.
        reference: OrderReference,
        /// The SKU.
        sku: Sku,
        /// The quantity.
        quantity: Quantity,
        /// The day of the reservation.
        today: NaiveDate,
        /// Its last day.
        expires: NaiveDate,
    },
    /// [`Stock::release`].
    Release(OrderReference),
    /// [`Stock::fulfil`].
    Fulfil {
        /// The order reference.
        reference: OrderReference,
        /// The location the goods leave.
        location: apkalpe_catalogue::LocationId,
        /// The day.
        today: NaiveDate,
    },
    /// [`Stock::expire`].
    Expire(NaiveDate),
}

impl StockOperation {
    /// Applies the operation.
    ///
    /// # Errors
    ///
    /// The operation's own error.
    pub fn apply(&self, stock: &mut Stock) -> Result<(), StockError> {
        match self {
            StockOperation::AddOnHand {
                sku,
                location,
                quantity,
            } => stock.add_on_hand(sku, location, *quantity),
            StockOperation::WriteOff {
                sku,
                location,
                quantity,
            } => stock.write_off(sku, location, *quantity),
            StockOperation::ExpectSupply(supply) => stock.expect_supply(supply.clone()),
            StockOperation::ReceiveSupply(reference) => stock.receive_supply(reference),
            StockOperation::CancelSupply(reference) => stock.cancel_supply(reference),
            StockOperation::Reserve {
                reference,
                sku,
                quantity,
                today,
                expires,
            } => stock
                .reserve(reference.clone(), sku, *quantity, *today, *expires)
                .map(|_| ()),
            StockOperation::Release(reference) => stock.release(reference).map(|_| ()),
            StockOperation::Fulfil {
                reference,
                location,
                today,
            } => stock.fulfil(reference, location, *today).map(|_| ()),
            StockOperation::Expire(today) => {
                stock.expire(*today);
                Ok(())
            }
        }
    }
}

/// Any stock operation over the small universe, adds and reservations weighted up so the
/// stock fills.
pub fn stock_operation() -> impl Strategy<Value = StockOperation> {
    prop_oneof![
        4 => (sku(), location(), quantity()).prop_map(|(sku, location, quantity)| {
            StockOperation::AddOnHand { sku, location, quantity }
        }),
        1 => (sku(), location(), quantity()).prop_map(|(sku, location, quantity)| {
            StockOperation::WriteOff { sku, location, quantity }
        }),
        2 => (supply_reference(), sku(), location(), quantity(), day()).prop_map(
            |(reference, sku, location, quantity, expected)| {
                StockOperation::ExpectSupply(IncomingSupply {
                    reference,
                    sku,
                    location,
                    quantity,
                    expected,
                })
            }
        ),
        1 => supply_reference().prop_map(StockOperation::ReceiveSupply),
        1 => supply_reference().prop_map(StockOperation::CancelSupply),
        4 => (order(), sku(), quantity(), day(), 0_u64..10).prop_map(
            |(reference, sku, quantity, today, days)| StockOperation::Reserve {
                reference,
                sku,
                quantity,
                today,
                // Now and then an expiry the day before: refused.
                expires: if days == 9 {
                    today - Days::new(1)
                } else {
                    today + Days::new(days)
                },
            }
        ),
        1 => order().prop_map(StockOperation::Release),
        2 => (order(), location(), day()).prop_map(|(reference, location, today)| {
            StockOperation::Fulfil { reference, location, today }
        }),
        1 => day().prop_map(StockOperation::Expire),
    ]
}

/// A sequence of up to 40 stock operations.
pub fn stock_operations() -> impl Strategy<Value = Vec<StockOperation>> {
    proptest::collection::vec(stock_operation(), 0..40)
}

/// A stock reached by [`stock_operations`] from [`Stock::new`], the refused operations left
/// out as a caller leaves them out.
pub fn stock() -> impl Strategy<Value = Stock> {
    stock_operations().prop_map(|operations| {
        let mut stock = Stock::new();
        for operation in &operations {
            let _refused = operation.apply(&mut stock);
        }
        stock
    })
}

/// A reservation a stock holds.
pub fn reservation() -> impl Strategy<Value = Reservation> {
    (stock(), any::<Index>()).prop_filter_map("no reservation", |(stock, index)| {
        let all: Vec<Reservation> = stock
            .skus()
            .into_iter()
            .flat_map(|sku| stock.reservations(sku).iter().cloned())
            .collect();
        (!all.is_empty()).then(|| index.get(&all).clone())
    })
}

/// The answer of [`Stock::availability`] on a stock of [`stock()`] for any SKU, quantity and
/// day.
pub fn availability() -> impl Strategy<Value = Availability> {
    (stock(), sku(), quantity(), day())
        .prop_map(|(stock, sku, quantity, day)| stock.availability(&sku, quantity, day))
}

/// The carriers of the strategies' planners: a courier taking `courier_capacity` orders a day
/// with a lead time of 2 working days, and a van taking 3 a day, delivering the same day.
pub fn carriers_json(courier_capacity: u32) -> String {
    format!(
        r#"[{{"id": "courier", "name": {{"lv": "Kurjers", "en": "Courier"}}, "lead_time_working_days": 2, "capacity_per_day": {courier_capacity}, "window": {{"from": "09:00:00", "until": "17:00:00"}}}},
           {{"id": "van", "name": {{"lv": "Busiņš"}}, "lead_time_working_days": 0, "capacity_per_day": 3, "window": {{"from": "08:00:00", "until": "20:00:00"}}}}]"#
    )
}

/// One operation on a [`DeliveryPlanner`], as a caller makes it.
#[derive(Debug, Clone)]
pub enum DeliveryOperation {
    /// [`DeliveryPlanner::schedule`] with the Latvian calendar.
    Schedule {
        /// The order.
        order: OrderReference,
        /// The carrier (now and then one that does not exist).
        carrier: apkalpe_catalogue::CarrierId,
        /// The day the goods are ready.
        ready: NaiveDate,
    },
    /// [`DeliveryPlanner::complete`].
    Complete {
        /// The order.
        order: OrderReference,
        /// The delivery day.
        date: NaiveDate,
    },
    /// [`DeliveryPlanner::cancel`].
    Cancel(OrderReference),
    /// [`DeliveryPlanner::archive_before`].
    ArchiveBefore(NaiveDate),
}

impl DeliveryOperation {
    /// Applies the operation, scheduling with [`calendar()`].
    ///
    /// # Errors
    ///
    /// The operation's own error.
    pub fn apply(&self, planner: &mut DeliveryPlanner) -> Result<(), DeliveryError> {
        match self {
            DeliveryOperation::Schedule {
                order,
                carrier,
                ready,
            } => planner
                .schedule(calendar(), order.clone(), carrier, *ready)
                .map(|_| ()),
            DeliveryOperation::Complete { order, date } => {
                planner.complete(order, *date).map(|_| ())
            }
            DeliveryOperation::Cancel(order) => planner.cancel(order).map(|_| ()),
            DeliveryOperation::ArchiveBefore(date) => {
                planner.archive_before(*date);
                Ok(())
            }
        }
    }
}

/// Any planner operation; scheduling and completing weighted up.
pub fn delivery_operation() -> impl Strategy<Value = DeliveryOperation> {
    let carrier = prop_oneof![
        4 => Just("courier"),
        3 => Just("van"),
        1 => Just("bike"),
    ]
    .prop_map(|carrier| carrier.parse().expect("a valid carrier id"));
    prop_oneof![
        5 => (order(), carrier, day()).prop_map(|(order, carrier, ready)| {
            DeliveryOperation::Schedule { order, carrier, ready }
        }),
        3 => (order(), day()).prop_map(|(order, date)| DeliveryOperation::Complete { order, date }),
        1 => order().prop_map(DeliveryOperation::Cancel),
        1 => day().prop_map(DeliveryOperation::ArchiveBefore),
    ]
}

/// A sequence of up to 30 planner operations.
pub fn delivery_operations() -> impl Strategy<Value = Vec<DeliveryOperation>> {
    proptest::collection::vec(delivery_operation(), 0..30)
}

/// A planner with no deliveries yet and the carriers of [`carriers_json`], the courier taking
/// 1 to 3 orders a day.
pub fn empty_planner() -> impl Strategy<Value = DeliveryPlanner> {
    (1_u32..=3).prop_map(|capacity| {
        let json = format!(
            r#"{{"carriers": {}, "open_deliveries": [], "completed_deliveries": []}}"#,
            carriers_json(capacity)
        );
        planner_from_json(&json)
    })
}

/// A planner read from its saved form (test data only: panics on a refusal).
fn planner_from_json(json: &str) -> DeliveryPlanner {
    // No serde_json here: the planner is read through the catalogue file, its public reader.
    let file = CatalogueFile::from_json(&file_json(&FileShape::default(), json))
        .expect("a valid catalogue file");
    file.delivery().clone()
}

/// A planner reached by [`delivery_operations`] from [`empty_planner`], the refused operations
/// left out.
pub fn delivery_planner() -> impl Strategy<Value = DeliveryPlanner> {
    (empty_planner(), delivery_operations()).prop_map(|(mut planner, operations)| {
        for operation in &operations {
            let _refused = operation.apply(&mut planner);
        }
        planner
    })
}

/// An open delivery of a [`delivery_planner`].
pub fn scheduled_delivery() -> impl Strategy<Value = ScheduledDelivery> {
    (delivery_planner(), any::<Index>()).prop_filter_map("no open delivery", |(planner, index)| {
        let open: Vec<ScheduledDelivery> = planner.open_deliveries().into_iter().cloned().collect();
        (!open.is_empty()).then(|| index.get(&open).clone())
    })
}

/// A completed delivery of a [`delivery_planner`].
pub fn completed_delivery() -> impl Strategy<Value = CompletedDelivery> {
    (delivery_planner(), any::<Index>()).prop_filter_map(
        "no completed delivery",
        |(planner, index)| {
            let done: Vec<CompletedDelivery> = planner.completed_deliveries().cloned().collect();
            (!done.is_empty()).then(|| index.get(&done).clone())
        },
    )
}

/// The late deliveries of a [`delivery_planner`] on a day.
pub fn late_deliveries() -> impl Strategy<Value = Vec<LateDelivery>> {
    (delivery_planner(), day()).prop_map(|(planner, today)| {
        planner
            .late_deliveries(calendar(), today)
            .expect("days of the calendar")
    })
}

/// What varies between the strategies' catalogue files.
#[derive(Debug, Clone)]
struct FileShape {
    /// The base unit prices of the SKUs, in cents.
    prices: [i64; 4],
    /// A business-segment list valid until a day of December, with a quantity break.
    business_list: Option<u64>,
    /// A new list from a day of December or January.
    new_list: Option<(u64, i64)>,
    /// A stackable percentage off the laptop for some days.
    laptop_percent: Option<(u32, u64, u64)>,
    /// An exclusive amount off the IT category.
    it_amount_off: Option<i64>,
    /// Whether the mouse is discontinued.
    mouse_discontinued: bool,
    /// The stock levels of the three goods at Riga.
    on_hand: [u32; 3],
    /// A supply of paper expected on a day.
    supply: Option<(u32, u64)>,
    /// Payment terms: net days.
    net_days: Option<u32>,
    /// The paper's VAT class (reduced) changes on a day to another class (by its name in
    /// files): a dated schedule (issue 15).
    paper_vat_change: Option<(u64, &'static str)>,
}

impl Default for FileShape {
    fn default() -> Self {
        FileShape {
            prices: [79_900, 2_450, 450, 3_500],
            business_list: None,
            new_list: None,
            laptop_percent: None,
            it_amount_off: None,
            mouse_discontinued: false,
            on_hand: [0, 0, 0],
            supply: None,
            net_days: None,
            paper_vat_change: None,
        }
    }
}

fn file_shape() -> impl Strategy<Value = FileShape> {
    (
        (
            (
                1_i64..=200_000,
                prop_oneof![Just(1_i64), 1_i64..=10_000],
                1_i64..=2_000,
                0_i64..=20_000,
            )
                .prop_map(|(laptop, mouse, paper, install)| [laptop, mouse, paper, install]),
            proptest::option::of(0_u64..31),
            proptest::option::of((0_u64..62, 1_i64..=100_000)),
            proptest::option::of((1_u32..=100, 0_u64..40, 0_u64..30)),
            proptest::option::of(1_i64..=5_000),
        ),
        (
            any::<bool>(),
            [0_u32..=5, 0_u32..=20, 0_u32..=100],
            proptest::option::of((1_u32..=50, 0_u64..62)),
            proptest::option::of(prop_oneof![Just(0_u32), 1_u32..=60]),
            proptest::option::of((
                0_u64..62,
                proptest::sample::select(vec!["standard", "second_reduced", "zero"]),
            )),
        ),
    )
        .prop_map(
            |(
                (prices, business_list, new_list, laptop_percent, it_amount_off),
                (mouse_discontinued, on_hand, supply, net_days, paper_vat_change),
            )| FileShape {
                prices,
                business_list,
                new_list,
                laptop_percent,
                it_amount_off,
                mouse_discontinued,
                on_hand,
                supply,
                net_days,
                paper_vat_change,
            },
        )
}

/// A euro amount of `cents` as the catalogue file writes money.
fn eur(cents: i64) -> String {
    format!(
        r#"{{"amount": "{}", "currency": "EUR"}}"#,
        Decimal::new(cents, 2)
    )
}

/// The day `offset` days after 1 December 2026, as text.
fn on(offset: u64) -> String {
    (first_day() + Days::new(offset)).to_string()
}

/// A catalogue file of the shape, with `planner` (a saved planner: carriers and deliveries)
/// spliced in.
fn file_json(shape: &FileShape, planner: &str) -> String {
    let [laptop, mouse, paper, install] = shape.prices;
    let mut price_lists = vec![format!(
        r#"{{"id": "base", "currency": "EUR", "valid_from": "2026-01-01", "entries": [
            {{"sku": "LAP-1", "unit_price": {}}},
            {{"sku": "MOUSE-1", "unit_price": {}}},
            {{"sku": "PAPER-A4", "unit_price": {}}},
            {{"sku": "PAPER-A4", "min_quantity": "10", "unit_price": {}}},
            {{"sku": "INSTALL", "unit_price": {}}}]}}"#,
        eur(laptop),
        eur(mouse),
        eur(paper),
        eur(paper * 9 / 10),
        eur(install)
    )];
    if let Some(until) = shape.business_list {
        price_lists.push(format!(
            r#"{{"id": "business", "currency": "EUR", "segment": "business", "valid_from": "2026-06-01", "valid_until": "{}", "entries": [
                {{"sku": "LAP-1", "unit_price": {}}},
                {{"sku": "LAP-1", "min_quantity": "3", "unit_price": {}}}]}}"#,
            on(until),
            eur(laptop * 95 / 100),
            eur(laptop * 90 / 100)
        ));
    }
    if let Some((from, cents)) = shape.new_list {
        price_lists.push(format!(
            r#"{{"id": "update", "currency": "EUR", "valid_from": "{}", "entries": [
                {{"sku": "MOUSE-1", "unit_price": {}}},
                {{"sku": "PAPER-A4", "unit_price": {}}}]}}"#,
            on(from),
            eur(cents),
            eur(paper + 10)
        ));
    }
    let mut promotions = Vec::new();
    if let Some((percent, from, days)) = shape.laptop_percent {
        promotions.push(format!(
            r#"{{"id": "laptop-sale", "name": {{"lv": "Klēpjdatoru akcija", "en": "Laptop sale"}}, "target": {{"products": ["LAP-1"]}}, "discount": {{"percent": "{percent}"}}, "valid_from": "{}", "valid_until": "{}", "combination": "stackable"}}"#,
            on(from),
            on(from + days)
        ));
    }
    if let Some(cents) = shape.it_amount_off {
        promotions.push(format!(
            r#"{{"id": "it-week", "name": {{"lv": "IT nedēļa"}}, "target": {{"category": "it"}}, "discount": {{"amount_off": {}}}, "valid_from": "2026-12-07", "valid_until": "2026-12-13", "combination": "exclusive"}}"#,
            eur(cents)
        ));
    }
    let mut stock = Vec::new();
    for (sku, on_hand) in ["LAP-1", "MOUSE-1", "PAPER-A4"]
        .into_iter()
        .zip(shape.on_hand)
    {
        if on_hand > 0 {
            stock.push(format!(
                r#"{{"sku": "{sku}", "location": "riga", "on_hand": "{on_hand}"}}"#
            ));
        }
    }
    let incoming = shape.supply.map_or_else(String::new, |(quantity, expected)| {
        format!(
            r#"{{"reference": "PO-9", "sku": "PAPER-A4", "location": "riga", "quantity": "{quantity}", "expected": "{}"}}"#,
            on(expected)
        )
    });
    let payment_terms = shape.net_days.map_or_else(String::new, |days| {
        format!(
            r#", "payment_terms": {{"due": {{"net": {{"days": {days}, "counting": "calendar"}}}}}}"#
        )
    });
    let paper_vat = shape.paper_vat_change.map_or_else(
        || r#""reduced""#.to_owned(),
        |(day, class)| {
            format!(
                r#"[{{"class": "reduced"}}, {{"from": "{}", "class": "{class}"}}]"#,
                on(day)
            )
        },
    );
    let planner = planner.trim().trim_start_matches('{').trim_end_matches('}');
    format!(
        r#"{{
  "format": "apkalpe-catalogue/1",
  "currency": "EUR",
  "catalogues": [
    {{"id": "own", "name": {{"lv": "Mūsu sortiments", "en": "Our range"}}, "origin": "own"}},
    {{"id": "partner", "name": {{"lv": "Partneris"}}, "origin": "partner"}}],
  "categories": [
    {{"path": "it", "name": {{"lv": "IT preces", "en": "IT products"}}}},
    {{"path": "it/laptops", "name": {{"lv": "Klēpjdatori", "en": "Laptops"}}}},
    {{"path": "office", "name": {{"lv": "Biroja preces"}}}},
    {{"path": "services", "name": {{"lv": "Pakalpojumi"}}}}],
  "products": [
    {{"sku": "LAP-1", "kind": "goods", "catalogue": "own", "name": {{"lv": "Klēpjdators", "en": "Laptop"}}, "category": "it/laptops", "attributes": {{"ram_gb": "16"}}}},
    {{"sku": "MOUSE-1", "kind": "goods", "catalogue": "partner", "name": {{"lv": "Pele", "en": "Mouse"}}, "category": "it", "status": "{}"}},
    {{"sku": "PAPER-A4", "kind": "goods", "catalogue": "own", "name": {{"lv": "Papīrs A4"}}, "category": "office", "vat_class": {paper_vat}}},
    {{"sku": "INSTALL", "kind": "service", "catalogue": "own", "name": {{"lv": "Uzstādīšana", "en": "Installation"}}, "category": "services", "unit": "E48", "duration": {{"working_days": 2}}}}],
  "price_lists": [{}],
  "promotions": [{}],
  "stock": [{}],
  "incoming": [{incoming}],
  {planner}{payment_terms}
}}"#,
        if shape.mouse_discontinued {
            "discontinued"
        } else {
            "active"
        },
        price_lists.join(",\n"),
        promotions.join(",\n"),
        stock.join(",\n"),
    )
}

/// A catalogue file a program can reach: a small document of four products (one a service,
/// one maybe discontinued) with varied prices, lists, promotions, stock, supply and terms,
/// read by [`CatalogueFile::from_json`]; then stock and planner operations through
/// [`CatalogueFile::stock_mut`] and [`CatalogueFile::delivery_mut`].
pub fn catalogue_file() -> impl Strategy<Value = CatalogueFile> {
    (
        file_shape(),
        1_u32..=3,
        stock_operations(),
        delivery_operations(),
    )
        .prop_map(|(shape, capacity, stock_operations, delivery_operations)| {
            let planner = format!(r#"{{"carriers": {}}}"#, carriers_json(capacity));
            let mut file = CatalogueFile::from_json(&file_json(&shape, &planner))
                .expect("a valid catalogue file");
            for operation in &stock_operations {
                let _refused = operation.apply(file.stock_mut());
            }
            for operation in &delivery_operations {
                let _refused = operation.apply(file.delivery_mut());
            }
            file
        })
}

/// The catalogue of a [`catalogue_file`], sometimes with another VAT table
/// ([`Catalogue::with_vat_table`]).
pub fn catalogue() -> impl Strategy<Value = Catalogue> {
    (file_shape(), proptest::option::of(super::vat_rate_table())).prop_map(|(shape, table)| {
        let planner = format!(r#"{{"carriers": {}}}"#, carriers_json(1));
        let file =
            CatalogueFile::from_json(&file_json(&shape, &planner)).expect("a valid catalogue file");
        let catalogue = file.catalogue().clone();
        match table {
            Some(table) => catalogue.with_vat_table(table),
            None => catalogue,
        }
    })
}

fn segment() -> impl Strategy<Value = Option<apkalpe_catalogue::ClientSegment>> {
    proptest::option::of(Just("business").prop_map(|s| s.parse().expect("a valid segment")))
}

/// A quote [`Catalogue::quote`] gives for any SKU, quantity, segment and day of a
/// [`catalogue`] (the refusals left out).
pub fn price_quote() -> impl Strategy<Value = PriceQuote> {
    (catalogue(), sku(), quantity(), segment(), day()).prop_filter_map(
        "no quote",
        |(catalogue, sku, quantity, segment, date)| {
            catalogue.quote(&sku, quantity, segment.as_ref(), date).ok()
        },
    )
}

/// The change notice of a [`catalogue`] between two days.
pub fn change_notice() -> impl Strategy<Value = ChangeNotice> {
    (catalogue(), day(), 0_u64..40)
        .prop_map(|(catalogue, since, days)| catalogue.changes(since, since + Days::new(days)))
}

/// Recommendations of a [`catalogue_file`] for a need with or without a budget and a
/// needed-by day.
pub fn recommendations() -> impl Strategy<Value = Recommendations> {
    (
        catalogue_file(),
        1_u32..=4,
        proptest::option::of(1_i64..=200_000),
        proptest::option::of(day()),
        day(),
        1_usize..=4,
    )
        .prop_filter_map(
            "a refusal",
            |(file, quantity, budget, needed_by, today, limit)| {
                let mut need = NeedQuery::new(Quantity::from_whole(quantity));
                if let Some(cents) = budget {
                    need = need.with_budget(Budget::Gross(Money::new(
                        Decimal::new(cents, 2),
                        Currency::EUR,
                    )));
                }
                if let Some(by) = needed_by {
                    need = need.needed_by(by);
                }
                recommend(
                    file.catalogue(),
                    file.stock(),
                    calendar(),
                    &need,
                    today,
                    limit,
                )
                .ok()
            },
        )
}

/// A payment schedule of the file's default terms, or of instalments, for any total.
pub fn payment_schedule() -> impl Strategy<Value = PaymentSchedule> {
    let terms = prop_oneof![
        (0_u32..=60).prop_map(|days| {
            PaymentTerms::new(apkalpe_catalogue::DueRule::Net {
                days,
                counting: apkalpe_catalogue::DayCount::Working,
            })
        }),
        Just(PaymentTerms::new(apkalpe_catalogue::DueRule::Prepayment)),
        Just(PaymentTerms::new(
            apkalpe_catalogue::DueRule::CashOnDelivery
        )),
        (0_u32..=30).prop_map(|days| {
            PaymentTerms::new(apkalpe_catalogue::DueRule::EndOfMonth { days })
        }),
        (2_usize..=12).prop_map(|count| {
            PaymentTerms::new(apkalpe_catalogue::DueRule::Instalments(
                apkalpe_catalogue::InstalmentPlan::equal(count, apkalpe_core::Period::Months(1))
                    .expect("a valid plan"),
            ))
        }),
    ];
    let early = proptest::option::of((1_i64..=99, 0_u32..=30).prop_map(|(percent, days)| {
        apkalpe_catalogue::EarlyPaymentDiscount::try_new(Decimal::from(percent), days)
            .expect("a valid discount")
    }));
    (terms, early, 0_i64..=10_000_000, day(), day()).prop_filter_map(
        "a refusal",
        |(terms, early, cents, invoiced, delivered)| {
            let terms = match early {
                Some(discount) => terms.with_early_payment(discount),
                None => terms,
            };
            terms
                .schedule(
                    Money::new(Decimal::new(cents, 2), Currency::EUR),
                    invoiced,
                    Some(delivered),
                    calendar(),
                )
                .ok()
        },
    )
}
