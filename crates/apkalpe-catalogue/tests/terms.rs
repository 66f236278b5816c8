//! Payment terms of the sample file.

use apkalpe_catalogue::{DueRule, InstalmentPlan, PaymentTerms};
use apkalpe_core::{Calendar, Currency, Money, Period};
use rust_decimal_macros::dec;

use crate::support::{date, sample};

#[test]
fn sample_terms_net_14_with_early_discount() {
    let file = sample();
    let terms = file.payment_terms().unwrap();
    assert_eq!(terms.to_string(), "net 14 days, 2 % discount within 7 days");
    let schedule = terms
        .schedule(
            Money::new(dec!(1631.32), Currency::EUR),
            date(2026, 12, 7),
            None,
            &Calendar::latvia(),
        )
        .unwrap();
    assert_eq!(schedule.instalments()[0].due, date(2026, 12, 21));
    let early = schedule.early_payment().unwrap();
    assert_eq!(early.discount.amount(), dec!(32.63));
    assert_eq!(early.pay_by, date(2026, 12, 14));
}

#[test]
fn a_laptop_in_instalments() {
    let plan = InstalmentPlan::weighted(
        vec![dec!(40), dec!(20), dec!(20), dec!(20)],
        Period::Months(1),
    )
    .unwrap();
    let terms = PaymentTerms::new(DueRule::Instalments(plan));
    let schedule = terms
        .schedule(
            Money::new(dec!(815.66), Currency::EUR),
            date(2026, 12, 7),
            None,
            &Calendar::latvia(),
        )
        .unwrap();
    insta::assert_snapshot!("terms__instalments", schedule.to_string());
    let sum = Money::try_sum(
        Currency::EUR,
        schedule.instalments().iter().map(|i| i.amount),
    )
    .unwrap();
    assert_eq!(sum.amount(), dec!(815.66));
}
