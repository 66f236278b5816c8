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
    assert_eq!(schedule.instalments()[0].due(), date(2026, 12, 21));
    let early = schedule.early_payment().unwrap();
    assert_eq!(early.discount().amount(), dec!(32.63));
    assert_eq!(early.pay_by(), date(2026, 12, 14));
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
        schedule.instalments().iter().map(|i| i.amount()),
    )
    .unwrap();
    assert_eq!(sum.amount(), dec!(815.66));
}

/// The contract sentence counts from the day the invoice is issued, as the schedule does
/// (issue 15: a contract promising "after the invoice is received" promised another date).
#[test]
fn the_latvian_clause_says_what_the_schedule_counts() {
    use apkalpe_catalogue::{
        DayCount, DueRule, EarlyPaymentDiscount, InstalmentPlan, PaymentTerms,
    };
    use apkalpe_core::Period;
    use rust_decimal_macros::dec;

    let all = [
        PaymentTerms::new(DueRule::Prepayment),
        PaymentTerms::new(DueRule::Net {
            days: 14,
            counting: DayCount::Calendar,
        })
        .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7).unwrap()),
        PaymentTerms::new(DueRule::Net {
            days: 1,
            counting: DayCount::Calendar,
        }),
        PaymentTerms::new(DueRule::Net {
            days: 11,
            counting: DayCount::Working,
        })
        .with_early_payment(EarlyPaymentDiscount::try_new(dec!(1.5), 21).unwrap()),
        PaymentTerms::new(DueRule::EndOfMonth { days: 31 }),
        PaymentTerms::new(DueRule::CashOnDelivery),
        PaymentTerms::new(DueRule::Instalments(
            InstalmentPlan::equal(3, Period::Months(1)).unwrap(),
        )),
        PaymentTerms::new(DueRule::Instalments(
            InstalmentPlan::equal(2, Period::Days(21)).unwrap(),
        )),
    ];
    let lines: Vec<String> = all
        .iter()
        .map(|terms| format!("{terms}\n  {}", terms.to_latvian_clause()))
        .collect();
    assert!(
        !all.iter()
            .any(|terms| terms.to_latvian_clause().contains("saņemšanas")),
        "the schedule counts from the issue date, never from receipt"
    );
    assert_eq!(all[2].to_string(), "net 1 day");
    insta::assert_snapshot!("terms__latvian_clauses", lines.join("\n"));
}
