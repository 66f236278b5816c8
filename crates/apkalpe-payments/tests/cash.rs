//! Cash: tender, change, rounding, denominations and limits.

use apkalpe_core::{CashRounding, CountryCode};
use apkalpe_payments::{CashCount, CashLimitCheck, CashLimits, CashTender, Denomination};
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::support::{cents, day, eur};

#[test]
fn the_facts_last_digit_table_for_a_lithuanian_outlet() {
    let policy = CashRounding::builtin();
    let date = day(2026, 11, 27);
    let rows: Vec<String> = (0..10)
        .map(|c| {
            let total = eur(dec!(7.90) + rust_decimal::Decimal::new(c, 2));
            let t = CashTender::settle(
                &policy,
                CountryCode::LT,
                date,
                total,
                eur(dec!(0)),
                eur(dec!(10)),
            )
            .unwrap();
            format!(
                "{} -> due {} rounding {} change {}",
                total,
                t.settlement().cash_due(),
                t.settlement().difference(),
                t.change()
            )
        })
        .collect();
    assert_eq!(
        rows[8],
        "7.98 EUR -> due 8.00 EUR rounding 0.02 EUR change 2.00 EUR"
    );
    insta::assert_snapshot!("cash__lithuanian_rounding_table", rows.join("\n"));
    // Latvia today: nothing rounded.
    let lv = CashTender::settle(
        &policy,
        CountryCode::LV,
        date,
        eur(dec!(7.98)),
        eur(dec!(0)),
        eur(dec!(10)),
    )
    .unwrap();
    assert!(lv.settlement().difference().is_zero());
}

#[test]
fn cash_limits_at_the_boundaries() {
    let limits = CashLimits::latvia();
    assert_eq!(
        limits.check(eur(dec!(-7200.01))).unwrap(),
        CashLimitCheck::Forbidden
    );
    assert_eq!(limits.check(eur(dec!(0))).unwrap(), CashLimitCheck::Allowed);
}

fn full_drawer() -> CashCount {
    let mut drawer = CashCount::new();
    for d in Denomination::ALL {
        drawer.add(d, 3).unwrap();
    }
    drawer
}

proptest! {
    #[test]
    fn change_plus_rounding_is_tendered_minus_total(
        total in cents(50_000),
        card_share in 0u32..=100,
        extra in cents(20_000),
        country in prop_oneof![Just(CountryCode::LV), Just(CountryCode::LT), Just(CountryCode::EE)],
    ) {
        let policy = CashRounding::builtin();
        let total = eur(total);
        let non_cash = total.checked_mul(rust_decimal::Decimal::from(card_share)).unwrap()
            .checked_div(dec!(100)).unwrap()
            .round_to_minor_units(apkalpe_core::RoundingStrategy::TowardZero).unwrap();
        let cash_part = total.checked_sub(non_cash).unwrap();
        // Rounding adds at most 0.02 to the cash part.
        let tendered = cash_part.checked_add(eur(extra + dec!(0.02))).unwrap();
        let t = CashTender::settle(&policy, country, day(2026, 11, 27), total, non_cash, tendered).unwrap();
        let lhs = t.change().checked_add(t.settlement().difference()).unwrap();
        let rhs = tendered.checked_sub(total.checked_sub(non_cash).unwrap()).unwrap();
        prop_assert_eq!(lhs, rhs);
        prop_assert!(!t.change().is_negative());
        prop_assert!(t.settlement().difference().amount().abs() <= dec!(0.02));
    }

    #[test]
    fn change_pieces_add_up_and_come_from_the_drawer(amount in cents(200_000)) {
        let drawer = full_drawer();
        match drawer.make_change(eur(amount)) {
            Ok(change) => {
                prop_assert_eq!(change.total(), eur(amount));
                for d in Denomination::ALL {
                    prop_assert!(change.count(d) <= drawer.count(d));
                }
            }
            Err(error) => {
                prop_assert_eq!(error.code(), "cash.change_unavailable");
                // Three of each denomination holds 2 664.96 EUR.
                prop_assert!(amount > dec!(2664.96));
            }
        }
    }

    #[test]
    fn change_finds_a_solution_whenever_one_exists(
        counts in proptest::collection::vec(0u32..4, 15),
        amount in 1i64..3000,
    ) {
        let mut drawer = CashCount::new();
        for (d, n) in Denomination::ALL.iter().zip(&counts) {
            drawer.add(*d, *n).unwrap();
        }
        // Oracle: dynamic programming over reachable cent sums (bounded pieces).
        let target = amount as usize;
        let mut reachable = vec![false; target + 1];
        reachable[0] = true;
        for (d, n) in Denomination::ALL.iter().zip(&counts) {
            for _ in 0..*n {
                let v = d.cents() as usize;
                for s in (v..=target).rev() {
                    if reachable[s - v] { reachable[s] = true; }
                }
            }
        }
        let result = drawer.make_change(eur(rust_decimal::Decimal::new(amount, 2)));
        prop_assert_eq!(result.is_ok(), reachable[target]);
    }
}
