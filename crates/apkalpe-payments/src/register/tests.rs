//! Unit tests of the register: the fast totals against a plain recomputation, rendering.

use apkalpe_core::{CountryCode, Currency, Money, VatRate};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::cash::{CashCount, CashMovement, CashMovementKind};

use super::cash_register::*;
use super::identity::*;
use super::receipt::*;
use super::totals::*;

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

fn rate(percent: Decimal) -> VatRate {
    VatRate::try_new(percent).unwrap()
}

fn shift(country: CountryCode) -> OpenShift {
    let identity =
        RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", country)
            .unwrap();
    let at = DateTime::<Utc>::from_timestamp(1_795_000_000, 0).unwrap();
    CashRegister::new(identity, Currency::EUR)
        .open_shift("Anna", CashCount::new(), at)
        .unwrap()
}

#[test]
fn percent_discount_is_rounded_half_away_from_zero_and_vat_is_on_the_discounted_amount() {
    let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.50)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Percent(dec!(15)), "akcija")
        .unwrap();
    // 15 % of 2.50 = 0.375 → 0.38; 2.50 − 0.38 = 2.12.
    assert_eq!(line.discount().unwrap().amount(), eur(dec!(0.38)));
    assert_eq!(line.amount(), eur(dec!(2.12)));
    let mut shift = shift(CountryCode::LV);
    let at = shift.opened_at;
    let receipt = shift
        .sell(
            vec![line],
            &[Tender::Card {
                amount: eur(dec!(2.12)),
                reference: "c".into(),
            }],
            at,
        )
        .unwrap();
    // VAT on 2.12, not on 2.50: 2.12 × 21/121 = 0.3679 → 0.37.
    let vat = receipt.vat().first().unwrap();
    assert_eq!((vat.net, vat.vat), (eur(dec!(1.75)), eur(dec!(0.37))));
    assert_eq!(receipt.discounts(), eur(dec!(0.38)));
}

#[test]
fn a_second_discount_replaces_the_first() {
    let line = ReceiptLine::try_new("Krēsls", dec!(1), eur(dec!(10)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Amount(eur(dec!(3))), "a")
        .unwrap()
        .with_discount(Discount::Percent(dec!(100)), "b")
        .unwrap();
    assert!(line.amount().is_zero());
    assert_eq!(line.amount_before_discount(), eur(dec!(10.00)));
    assert_eq!(line.discount().unwrap().reason(), "b");
}

#[test]
#[cfg(feature = "serde")]
fn the_cent_tally_and_the_decimal_path_give_the_same_totals() {
    for country in [CountryCode::LV, CountryCode::LT] {
        let mut shift = shift(country);
        let at = shift.opened_at;
        let rates = [dec!(21), dec!(12), dec!(5), dec!(0), dec!(9.5)].map(rate);
        for i in 0..200i64 {
            let price = eur(Decimal::new(7 + i * 37 % 4000, 2));
            let mut line = ReceiptLine::try_new(
                "Prece",
                Decimal::new(1 + i % 3, 0),
                price,
                *rates.get((i % 5) as usize).unwrap(),
            )
            .unwrap();
            if i % 4 == 0 {
                line = line
                    .with_discount(Discount::Percent(dec!(12.5)), "akcija")
                    .unwrap();
            }
            let mut lines = vec![line];
            if i % 7 == 0 {
                // An unscaled price: its amount is whole cents of a lower scale.
                lines.push(ReceiptLine::try_new("Cita", dec!(1), eur(dec!(3)), rates[0]).unwrap());
            }
            let total = Money::try_sum(Currency::EUR, lines.iter().map(|l| l.amount())).unwrap();
            let tenders = match i % 3 {
                0 => vec![Tender::Cash {
                    tendered: total.checked_add(eur(dec!(5))).unwrap(),
                }],
                1 => vec![Tender::Card {
                    amount: total,
                    reference: "c".into(),
                }],
                _ => vec![Tender::Transfer {
                    amount: total,
                    reference: "t".into(),
                }],
            };
            // Receipt 1 (i = 0) is a sale; later returns give part of it back.
            if i % 9 == 0 && i > 0 {
                shift.refund(1, lines, &tenders, at).unwrap();
            } else {
                shift.sell(lines, &tenders, at).unwrap();
            }
        }
        shift.record_cash_movement(
            CashMovement::try_new(CashMovementKind::Deposit, eur(dec!(20)), "x", "KIO-1").unwrap(),
        );
        let float = eur(dec!(50));
        let fast = ShiftTotals::compute(float, shift.events()).unwrap();
        assert!(
            shift
                .events()
                .iter()
                .any(|e| matches!(e, ShiftEvent::Receipt(r) if r.tally.is_some()))
        );
        let slow: Vec<ShiftEvent> = shift
            .events()
            .iter()
            .cloned()
            .map(|e| match e {
                ShiftEvent::Receipt(mut r) => {
                    r.tally = None;
                    ShiftEvent::Receipt(r)
                }
                other => other,
            })
            .collect();
        let slow = ShiftTotals::compute(float, &slow).unwrap();
        assert_eq!(fast, slow);
        // Same scale too, not only the same value.
        assert_eq!(fast.sales_total.to_string(), slow.sales_total.to_string());
        assert_eq!(
            serde_json::to_string(&fast).unwrap(),
            serde_json::to_string(&slow).unwrap()
        );
        assert!(fast.sales_discounts.is_positive());
    }
}
