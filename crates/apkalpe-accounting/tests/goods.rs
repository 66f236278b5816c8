//! Waybills, purchase orders and goods receipt notes (T4.1, S28).

use apkalpe_accounting::{
    DiscrepancyKind, DraftPurchaseOrder, DraftWaybill, GoodsReceiptNote, ItemLine, PurchaseOrder,
    ReceivedLine, UnitCode, Waybill, render_goods_receipt_note_in, render_purchase_order_in,
    render_waybill_in,
};
use apkalpe_core::Language;
use apkalpe_core::{Address, CountryCode, NumberSeries, Party, PartyName, YearReset};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{company, day, eur, quantity, riga, seller};

pub fn series(id: &str, pattern: &str) -> NumberSeries {
    NumberSeries::try_new(id, pattern.parse().unwrap(), YearReset::EachYear).unwrap()
}

fn ogre() -> Address {
    Address::try_new("Rīgas iela 5", "Ogre", Some("LV-5001"), CountryCode::LV).unwrap()
}

fn item(name: &str, qty: Decimal, unit: UnitCode, price: Option<Decimal>) -> ItemLine {
    let line = ItemLine::try_new(name, quantity(qty), unit).unwrap();
    match price {
        Some(price) => line.with_unit_price(eur(price)),
        None => line,
    }
}

fn carrier() -> Party {
    Party::organisation(
        PartyName::try_new("SIA Ātrie Pārvadājumi").unwrap(),
        riga("Maskavas iela 240"),
    )
    .try_with_registration_number("40003009497".parse().unwrap())
    .unwrap()
}

fn waybill() -> Waybill {
    DraftWaybill::new(seller(), company())
        .with_line(item(
            "Biroja krēsls",
            dec!(2),
            UnitCode::PIECE,
            Some(dec!(89.90)),
        ))
        .with_line(item(
            "Cements 25 kg",
            dec!(12.5),
            UnitCode::KILOGRAM,
            Some(dec!(0.333)),
        ))
        .with_carrier(carrier())
        .try_with_vehicle("VW Crafter, LA-1234")
        .unwrap()
        .with_loading_address(riga("Brīvības iela 1"))
        .with_unloading_address(ogre())
        .with_dispatch_date(day(3, 3))
        .issue(&mut series("waybills", "PP{year}-{seq:4}"), day(3, 2))
        .unwrap()
}

fn order() -> PurchaseOrder {
    DraftPurchaseOrder::new(seller(), company())
        .with_line(item(
            "Papīrs A4, 500 lapas",
            dec!(10),
            UnitCode::PIECE,
            Some(dec!(4.20)),
        ))
        .with_line(item(
            "Toneris HP 26A",
            dec!(2),
            UnitCode::PIECE,
            Some(dec!(79)),
        ))
        .with_line(item("Kafija 1 kg", dec!(3), UnitCode::KILOGRAM, None))
        .with_delivery_date(day(3, 9))
        .with_delivery_address(riga("Brīvības iela 1"))
        .issue(&mut series("orders", "PAS{year}-{seq:4}"), day(3, 2))
        .unwrap()
}

#[test]
fn waybill_value_and_number() {
    let waybill = waybill();
    assert_eq!(waybill.number().as_str(), "PP2026-0001");
    // 2 × 89.90 = 179.80; 12.5 × 0.333 = 4.1625 → 4.16; total 183.96
    assert_eq!(waybill.value().unwrap().to_string(), "183.96 EUR");
    assert_eq!(waybill.transport().dispatch_date(), day(3, 3));
    assert_eq!(waybill.transport().vehicle(), "VW Crafter, LA-1234");
}

#[test]
fn waybill_reports_every_problem_at_once() {
    let nameless = Party::organisation(PartyName::try_new("SIA Bez").unwrap(), riga("Iela 1"));
    let draft = DraftWaybill::new(nameless.clone(), nameless)
        .with_line(item("a", dec!(1), UnitCode::PIECE, None))
        .with_line(
            ItemLine::try_new("b", quantity(dec!(1)), UnitCode::PIECE)
                .unwrap()
                .with_unit_price(apkalpe_core::Money::new(
                    dec!(1),
                    apkalpe_core::Currency::USD,
                )),
        );
    let mut numbers = series("waybills", "PP{year}-{seq:4}");
    let error = draft.issue(&mut numbers, day(3, 2)).unwrap_err();
    insta::assert_snapshot!(
        "goods__waybill_missing_requisites",
        error
            .findings()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        numbers.last_issued().is_none(),
        "an invalid draft takes no number"
    );
}

#[test]
fn waybill_rendering() {
    insta::assert_snapshot!(
        "goods__waybill",
        render_waybill_in(&waybill(), Language::Latvian)
    );
}

#[test]
fn purchase_order_rendering() {
    let order = order();
    assert_eq!(order.value().unwrap().to_string(), "200.00 EUR");
    insta::assert_snapshot!(
        "goods__purchase_order",
        render_purchase_order_in(&order, Language::Latvian)
    );
}

#[test]
fn delivery_before_order_is_a_finding() {
    let draft = DraftPurchaseOrder::new(seller(), company())
        .with_line(item("a", dec!(1), UnitCode::PIECE, None))
        .with_delivery_date(day(3, 1));
    assert_eq!(
        draft.validate(day(3, 2)).codes(),
        ["requisite.delivery_before_order"]
    );
}

#[test]
fn receipt_note_discrepancies() {
    let order = order();
    let note = GoodsReceiptNote::issue(
        &order,
        &[
            ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
            ReceivedLine::new(2, dec!(3)),
            ReceivedLine::new(3, dec!(3)),
        ],
        &mut series("receipts", "PPA{year}-{seq:4}"),
        day(3, 9),
    )
    .unwrap();
    let kinds: Vec<Vec<DiscrepancyKind>> = note
        .lines()
        .iter()
        .map(|line| line.discrepancies())
        .collect();
    assert_eq!(
        kinds,
        [
            vec![DiscrepancyKind::Short, DiscrepancyKind::Damaged],
            vec![DiscrepancyKind::Over],
            vec![],
        ]
    );
    assert_eq!(note.order_number(), order.number());
    insta::assert_snapshot!(
        "goods__receipt_note",
        render_goods_receipt_note_in(&note, Language::Latvian)
    );
}

#[test]
fn receipt_note_as_ordered() {
    let order = order();
    let received: Vec<ReceivedLine> = order
        .lines()
        .iter()
        .enumerate()
        .map(|(index, line)| ReceivedLine::new(index + 1, line.quantity().value()))
        .collect();
    let note = GoodsReceiptNote::issue(
        &order,
        &received,
        &mut series("receipts", "PPA{year}-{seq:4}"),
        day(3, 9),
    )
    .unwrap();
    assert!(!note.has_discrepancies());
    assert!(
        render_goods_receipt_note_in(&note, Language::Latvian).contains("atbilstoši pasūtījumam")
    );
}

#[test]
fn a_refused_receipt_takes_no_number() {
    let mut numbers = series("receipts", "PPA{year}-{seq:4}");
    let error = GoodsReceiptNote::issue(
        &order(),
        &[ReceivedLine::new(9, dec!(1))],
        &mut numbers,
        day(3, 9),
    )
    .unwrap_err();
    assert_eq!(error.code(), "goods.no_such_order_line");
    assert!(numbers.last_issued().is_none());
}

/// What arrived of each of up to 5 order lines: ordered, received, damaged, with up to 3
/// decimals.
fn receipt_case() -> impl Strategy<Value = Vec<(Decimal, Decimal, Decimal)>> {
    proptest::collection::vec(
        (1i64..=100_000, 0i64..=200_000, 0u32..=3, 0i64..=100).prop_map(
            |(ordered, received, scale, damaged_percent)| {
                let ordered = Decimal::new(ordered, scale);
                let received = Decimal::new(received, scale);
                let damaged = (received * Decimal::new(damaged_percent, 2)).trunc_with_scale(3);
                (ordered, received, damaged)
            },
        ),
        1..=5,
    )
}

proptest! {
    /// ordered = received + short − over on every line; short and over never both; damaged
    /// never above received; accepted = received − damaged.
    #[test]
    fn receipt_discrepancies_add_up(case in receipt_case(), skip in 0usize..=5) {
        let mut draft = DraftPurchaseOrder::new(seller(), company());
        for (index, (ordered, _, _)) in case.iter().enumerate() {
            draft = draft.with_line(item(&format!("prece {index}"), *ordered, UnitCode::PIECE, None));
        }
        let order = draft.issue(&mut series("orders", "PAS{year}-{seq:4}"), day(3, 2)).unwrap();
        // One line (when `skip` names one) did not arrive at all.
        let received: Vec<ReceivedLine> = case
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != skip)
            .map(|(index, (_, got, damaged))| ReceivedLine::new(index + 1, *got).with_damaged(*damaged))
            .collect();
        let note = GoodsReceiptNote::issue(&order, &received, &mut series("r", "R{year}-{seq:4}"), day(3, 9)).unwrap();
        prop_assert_eq!(note.lines().len(), case.len());
        for (index, line) in note.lines().iter().enumerate() {
            let (ordered, got, damaged) = case[index];
            let (got, damaged) = if index == skip { (Decimal::ZERO, Decimal::ZERO) } else { (got, damaged) };
            prop_assert_eq!(line.ordered(), ordered);
            prop_assert_eq!(line.received(), got);
            prop_assert_eq!(line.received() + line.short() - line.over(), line.ordered());
            prop_assert!(line.short().is_zero() || line.over().is_zero());
            prop_assert!(!line.short().is_sign_negative() && !line.over().is_sign_negative());
            prop_assert_eq!(line.damaged(), damaged);
            prop_assert_eq!(line.accepted() + line.damaged(), line.received());
        }
    }
}

/// The goods documents in English: English labels and number formats, the Latvian text
/// unchanged (its snapshots above); German takes the English labels.
#[test]
fn goods_documents_in_english() {
    let waybill = waybill();
    let english = render_waybill_in(&waybill, Language::English);
    for latvian_label in [
        "Datums",
        "Piegādātājs",
        "Pārvadātājs",
        "Nosaukums",
        "Kopā bez PVN",
    ] {
        assert!(
            !english.contains(latvian_label),
            "{latvian_label} in\n{english}"
        );
    }
    insta::assert_snapshot!("goods__waybill_english", english);
    assert!(render_waybill_in(&waybill, Language::German).starts_with("Waybill No. "));
    let order = order();
    let note = GoodsReceiptNote::issue(
        &order,
        &[
            ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
            ReceivedLine::new(2, dec!(3)),
        ],
        &mut series("receipts", "PPA{year}-{seq:4}"),
        day(3, 9),
    )
    .unwrap();
    insta::assert_snapshot!(
        "goods__receipt_note_english",
        render_goods_receipt_note_in(&note, Language::English)
    );
    assert!(render_purchase_order_in(&order, Language::English).starts_with("Purchase order No. "));
}
