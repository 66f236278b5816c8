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

/// The refusal of `saved` by `T`'s restore checks (what its `Deserialize` runs on the saved
/// form `R`), after checking that the public `Deserialize` reports the same refusal: serde
/// carries only its English text.
#[cfg(feature = "serde")]
fn refusal<R, T>(saved: serde_json::Value) -> apkalpe_core::RestoreError
where
    R: serde::de::DeserializeOwned,
    T: TryFrom<R, Error = apkalpe_core::RestoreError>
        + serde::de::DeserializeOwned
        + std::fmt::Debug,
{
    let record: R = serde_json::from_value(saved.clone()).unwrap();
    let error = T::try_from(record).unwrap_err();
    let public = serde_json::from_value::<T>(saved).unwrap_err();
    assert_eq!(public.to_string(), error.to_string());
    error
}

/// The English and the Latvian message of `error`, each checked to end with its own reason:
/// the Latvian one must not carry the English reason (decision 0007).
#[cfg(feature = "serde")]
#[track_caller]
fn assert_reasons(error: &apkalpe_core::RestoreError, english: &str, latvian: &str) {
    use apkalpe_core::{Language, LocalizedError};
    let in_english = error.message_in(Language::English);
    let in_latvian = error.message_in(Language::Latvian);
    assert!(in_english.ends_with(english), "{in_english}");
    assert!(in_latvian.ends_with(latvian), "{in_latvian}");
    assert!(!in_latvian.contains(english), "{in_latvian}");
}

#[test]
#[cfg(feature = "serde")]
fn restore_reasons_reach_the_latvian_message() {
    let mut shift = shift(CountryCode::LV);
    let at = shift.opened_at;
    let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(2.50)), rate(dec!(21))).unwrap();
    let receipt = shift
        .sell(
            vec![line],
            &[Tender::Card {
                amount: eur(dec!(5)),
                reference: "c".into(),
            }],
            at,
        )
        .unwrap();
    let saved = serde_json::to_value(&receipt).unwrap();
    // A fixed reason.
    let mut zero = saved.clone();
    zero["number"] = serde_json::json!(0);
    assert_reasons(
        &refusal::<ReceiptRecord, Receipt>(zero),
        "number: receipts are numbered from 1",
        "nevar atjaunot Receipt: number: čekus numurē no 1",
    );
    // A reason with the saved and the computed amounts (a local helper's).
    let mut total = saved.clone();
    total["total"] = serde_json::json!({"amount": "6.00", "currency": "EUR"});
    assert_reasons(
        &refusal::<ReceiptRecord, Receipt>(total),
        "total: is 6.00 EUR, but the receipt gives 5.00 EUR",
        "total: ir 6.00 EUR, bet pēc čeka sanāk 5.00 EUR",
    );
    // A line whose amount is not its quantity times its price.
    let mut amount = saved;
    amount["lines"][0]["amount"] = serde_json::json!({"amount": "4.00", "currency": "EUR"});
    assert_reasons(
        &refusal::<ReceiptRecord, Receipt>(amount),
        "lines[0].amount: is 4.00 EUR, but quantity × unit price gives 5.00 EUR",
        "lines[0].amount: ir 4.00 EUR, bet daudzums × vienības cena ir 5.00 EUR",
    );
    // A shift whose receipt names another cashier, and one that holds more receipts than the
    // register has issued (a count in Latvian).
    let saved = serde_json::to_value(&shift).unwrap();
    let mut cashier = saved.clone();
    cashier["events"][0]["cashier"] = serde_json::json!("Ilze");
    assert_reasons(
        &refusal::<ShiftRecord, OpenShift>(cashier),
        "events[0].cashier: is \"Ilze\", but the shift's cashier is \"Anna\"",
        "events[0].cashier: ir \"Ilze\", bet maiņas kasieris ir \"Anna\"",
    );
    let mut counted = saved;
    counted["register"]["last_receipt"] = serde_json::json!(0);
    assert_reasons(
        &refusal::<ShiftRecord, OpenShift>(counted),
        "register.last_receipt: the shift holds 1 receipts, but the register's last receipt is 0",
        "register.last_receipt: maiņā ir 1 čeks, bet kases aparāta pēdējais čeks ir 0",
    );
}
