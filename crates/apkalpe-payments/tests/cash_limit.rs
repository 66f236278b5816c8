//! The cash limit as an engine (issue 15, part 1): linked operations summed into deals, deals
//! over 7 200 EUR refused, deals over 1 500 EUR with taxpayers declared monthly, and a Latvian
//! register that refuses a receipt whose cash part is over the cap.

use apkalpe_core::{CountryCode, Money, VatRate};
use apkalpe_payments::{
    CashCounterparty, CashDirection, CashLimitCheck, CashLimitError, CashLimitLedger, CashLimits,
    CashMovement, CashMovementKind, CashOperation, ReceiptLine, RegisterError, Tender,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{at, day, eur, register};

fn koks() -> CashCounterparty {
    CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600").unwrap()
}

fn ozols() -> CashCounterparty {
    CashCounterparty::private("C-18", "Jānis Ozols").unwrap()
}

fn received(reference: &str, d: u32, cash: Decimal) -> CashOperation {
    CashOperation::try_new(
        reference,
        day(2026, 11, d),
        CashDirection::Received,
        eur(cash),
    )
    .unwrap()
}

fn ledger() -> CashLimitLedger {
    CashLimitLedger::new(CashLimits::latvia())
}

#[test]
fn one_operation_over_the_cap_is_refused_and_changes_nothing() {
    let mut ledger = ledger();
    let error = ledger
        .record(received("čeks Nr. 00000001", 27, dec!(9787.92)))
        .unwrap_err();
    assert_eq!(error.code(), "cash_limit.exceeded");
    assert_eq!(
        error,
        CashLimitError::Exceeded {
            reference: "čeks Nr. 00000001".into(),
            cash: eur(dec!(9787.92)),
            deal: eur(dec!(9787.92)),
            cap: eur(dec!(7200)),
            linked: 0,
        }
    );
    assert_eq!(ledger.operations().count(), 0);
    // Exactly the cap is allowed.
    let verdict = ledger
        .record(received("čeks Nr. 00000002", 27, dec!(7200.00)))
        .unwrap();
    assert_eq!(verdict.check(), CashLimitCheck::Declarable);
    assert!(!verdict.declarable(), "no taxpayer named");
}

#[test]
fn the_same_client_on_the_same_day_is_one_deal() {
    let mut ledger = ledger();
    let a = received("KIO-1", 23, dec!(5000)).with_counterparty(ozols());
    let b = received("KIO-2", 23, dec!(2000)).with_counterparty(ozols());
    let c = received("KIO-3", 23, dec!(200.01)).with_counterparty(ozols());
    ledger.record(a).unwrap();
    let verdict = ledger.record(b).unwrap();
    assert_eq!(verdict.deal(), eur(dec!(7000)));
    assert_eq!(verdict.linked(), ["KIO-1"]);
    let error = ledger.record(c.clone()).unwrap_err();
    assert_eq!(error.code(), "cash_limit.exceeded");
    // The next day is another deal.
    let next_day = received("KIO-3", 24, dec!(200.01)).with_counterparty(ozols());
    assert_eq!(ledger.record(next_day).unwrap().deal(), eur(dec!(200.01)));
    // Another client the same day is another deal.
    let other = CashCounterparty::private("C-19", "Anna Bērziņa").unwrap();
    let d = received("KIO-4", 23, dec!(7000)).with_counterparty(other);
    assert_eq!(ledger.record(d).unwrap().linked().len(), 0);
}

#[test]
fn the_same_invoice_on_any_day_is_one_deal_and_links_chain() {
    let mut ledger = ledger();
    let monday = received("KIO-1", 23, dec!(4000))
        .with_counterparty(koks())
        .with_invoice("AP-77")
        .unwrap();
    ledger.record(monday).unwrap();
    // Tuesday: another purchase of the same client, no invoice.
    let purchase = received("čeks Nr. 00000009", 24, dec!(1000)).with_counterparty(koks());
    ledger.record(purchase).unwrap();
    // Tuesday: the rest of invoice 77. It links Monday (same invoice) and the purchase
    // (same client, same day): 4 000 + 1 000 + 2 300 = 7 300.
    let rest = received("KIO-2", 24, dec!(2300))
        .with_counterparty(koks())
        .with_invoice("AP-77")
        .unwrap();
    let verdict = ledger.check(&rest).unwrap();
    assert_eq!(verdict.deal(), eur(dec!(7300)));
    assert_eq!(verdict.linked(), ["KIO-1", "čeks Nr. 00000009"]);
    assert_eq!(verdict.check(), CashLimitCheck::Forbidden);
    assert_eq!(
        ledger.record(rest).unwrap_err().code(),
        "cash_limit.exceeded"
    );
    // The same invoice paid by someone else still links (the invoice is the deal).
    let by_other = received("KIO-5", 25, dec!(3300))
        .with_counterparty(ozols())
        .with_invoice("AP-77")
        .unwrap();
    assert_eq!(ledger.check(&by_other).unwrap().deal(), eur(dec!(7300)));
}

#[test]
fn refunds_and_sales_are_not_added_together_and_only_cash_counts() {
    let mut ledger = ledger();
    ledger
        .record(received("čeks Nr. 00000001", 27, dec!(7000)).with_counterparty(ozols()))
        .unwrap();
    let refund = CashOperation::try_new(
        "čeks Nr. 00000002",
        day(2026, 11, 27),
        CashDirection::Paid,
        eur(dec!(7000)),
    )
    .unwrap()
    .with_counterparty(ozols());
    assert_eq!(ledger.record(refund).unwrap().deal(), eur(dec!(7000)));

    // A sale of 9 787,92 € paid 7 000 € in cash and the rest by card passes the register; the
    // same all in cash does not.
    let mut shift = register(CountryCode::LV)
        .with_cash_limits(CashLimits::for_country(CountryCode::LV))
        .open_shift("Anna", Default::default(), at(9, 0))
        .unwrap();
    let laptops = || {
        ReceiptLine::try_new(
            "Klēpjdators",
            dec!(12),
            eur(dec!(815.66)),
            VatRate::try_new(dec!(21)).unwrap(),
        )
        .unwrap()
    };
    let all_cash = shift.sell(
        vec![laptops()],
        &[Tender::Cash {
            tendered: eur(dec!(9787.92)),
        }],
        at(9, 5),
    );
    assert!(matches!(
        all_cash,
        Err(RegisterError::CashLimit(CashLimitError::Exceeded { .. }))
    ));
    assert!(shift.events().is_empty());
    let preview = shift.preview_sale(
        vec![laptops()],
        &[Tender::Cash {
            tendered: eur(dec!(9787.92)),
        }],
        at(9, 5),
    );
    assert_eq!(preview.unwrap_err().code(), "cash_limit.exceeded");
    let receipt = shift
        .sell(
            vec![laptops()],
            &[
                Tender::Cash {
                    tendered: eur(dec!(7000)),
                },
                Tender::Card {
                    amount: eur(dec!(2787.92)),
                    reference: "411111******1111".into(),
                },
            ],
            at(9, 6),
        )
        .unwrap();
    let operation = CashOperation::from_receipt(&receipt).unwrap().unwrap();
    assert_eq!(operation.cash(), eur(dec!(7000)));
    assert_eq!(operation.direction(), CashDirection::Received);
    // A card-only sale is no cash operation at all.
    let card = shift
        .sell(
            vec![laptops()],
            &[Tender::Card {
                amount: eur(dec!(9787.92)),
                reference: "411111******1111".into(),
            }],
            at(9, 7),
        )
        .unwrap();
    assert_eq!(CashOperation::from_receipt(&card).unwrap(), None);
    // A Lithuanian register has no cap here: no other country's limit is collected.
    let mut vilnius = register(CountryCode::LT)
        .with_cash_limits(CashLimits::for_country(CountryCode::LT))
        .open_shift("Ona", Default::default(), at(9, 0))
        .unwrap();
    assert!(vilnius.register().cash_limits().is_none());
    // A register without a cap (new, or restored) refuses nothing: the application turns the
    // cap on for what it does now, and a journal written before replays as it happened.
    let mut uncapped = register(CountryCode::LV)
        .open_shift("Anna", Default::default(), at(9, 0))
        .unwrap();
    assert!(
        uncapped
            .sell(
                vec![laptops()],
                &[Tender::Cash {
                    tendered: eur(dec!(9787.92)),
                }],
                at(9, 5),
            )
            .is_ok()
    );
    let capped_again = uncapped.with_cash_limits(Some(CashLimits::latvia()));
    assert_eq!(
        capped_again
            .preview_sale(
                vec![laptops()],
                &[Tender::Cash {
                    tendered: eur(dec!(9787.92)),
                }],
                at(9, 6),
            )
            .unwrap_err()
            .code(),
        "cash_limit.exceeded"
    );
    assert!(
        vilnius
            .sell(
                vec![laptops()],
                &[Tender::Cash {
                    tendered: eur(dec!(9787.95)),
                }],
                at(9, 5),
            )
            .is_ok()
    );
}

#[test]
fn payouts_and_cash_orders_go_through_the_ledger() {
    let mut ledger = ledger();
    let payout = CashMovement::try_new(
        CashMovementKind::Payout,
        eur(dec!(7500)),
        "atmaksa par atgrieztu preci",
        "KIzO-2026-0012",
    )
    .unwrap();
    let operation = CashOperation::from_movement(&payout, day(2026, 11, 27))
        .unwrap()
        .with_counterparty(koks());
    assert_eq!(operation.direction(), CashDirection::Paid);
    assert_eq!(
        ledger.record(operation).unwrap_err().code(),
        "cash_limit.exceeded"
    );
    let deposit = CashMovement::try_new(
        CashMovementKind::Deposit,
        eur(dec!(1600)),
        "avanss",
        "KIO-3",
    )
    .unwrap();
    let operation = CashOperation::from_movement(&deposit, day(2026, 11, 27))
        .unwrap()
        .with_counterparty(koks());
    assert!(ledger.record(operation).unwrap().declarable());
    assert_eq!(
        ledger
            .record(received("KIO-3", 28, dec!(1)))
            .unwrap_err()
            .code(),
        "cash_limit.duplicate"
    );
}

#[test]
fn the_monthly_declaration_lists_taxpayers_deals() {
    let mut ledger = ledger();
    // 1 000 + 800 with SIA Koks on one day: one deal of 1 800 €, both declared.
    ledger
        .record(received("KIO-1", 3, dec!(1000)).with_counterparty(koks()))
        .unwrap();
    let second = ledger
        .record(received("KIO-2", 3, dec!(800)).with_counterparty(koks()))
        .unwrap();
    assert!(second.declarable());
    assert!(ledger.operations().all(|(_, declared)| declared));
    // 1 400 € with SIA Koks another day: under the threshold, not declared.
    ledger
        .record(received("KIO-3", 10, dec!(1400)).with_counterparty(koks()))
        .unwrap();
    // A private person over the threshold: allowed, not declared.
    ledger
        .record(received("KIO-4", 10, dec!(6000)).with_counterparty(ozols()))
        .unwrap();
    // A refund of 2 000 € to a taxpayer: declared, on the paid side.
    let other = CashCounterparty::taxpayer("C-20", "SIA Ābele", "40103471306").unwrap();
    let refund = CashOperation::try_new(
        "čeks Nr. 00000044",
        day(2026, 11, 20),
        CashDirection::Paid,
        eur(dec!(2000)),
    )
    .unwrap()
    .with_counterparty(other);
    ledger.record(refund).unwrap();
    // December is another month.
    let december = CashOperation::try_new(
        "KIO-9",
        day(2026, 12, 1),
        CashDirection::Received,
        eur(dec!(5000)),
    )
    .unwrap()
    .with_counterparty(koks());
    ledger.record(december).unwrap();

    let declaration = ledger.declaration(2026, 11);
    assert_eq!(declaration.due(), day(2026, 12, 15));
    let lines: Vec<(&str, Money, Money, usize)> = declaration
        .lines()
        .iter()
        .map(|l| {
            (
                l.taxpayer_number(),
                l.received(),
                l.paid(),
                l.operations().len(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("40003521600", eur(dec!(1800)), eur(dec!(0)), 2),
            ("40103471306", eur(dec!(0)), eur(dec!(2000)), 1),
        ]
    );
    insta::assert_snapshot!(
        "cash_limit__declaration_2026_11",
        declaration.render("SIA Apkalpe", "40203000001")
    );
    let empty = ledger.declaration(2026, 10);
    assert!(empty.is_empty());
    assert!(
        empty
            .render("SIA Apkalpe", "40203000001")
            .contains("Nav deklarējamu darījumu.")
    );
    assert_eq!(ledger.declaration(2026, 12).due(), day(2027, 1, 15));
}

#[test]
fn forgetting_keeps_the_ledger_bounded() {
    let mut ledger = ledger();
    ledger
        .record(received("KIO-1", 2, dec!(7000)).with_counterparty(ozols()))
        .unwrap();
    ledger
        .record(received("KIO-2", 20, dec!(10)).with_counterparty(ozols()))
        .unwrap();
    assert_eq!(ledger.forget_before(day(2026, 11, 10)), 1);
    // KIO-1 is gone: a same-day operation on the 2nd no longer links with it.
    let late = received("KIO-3", 2, dec!(7000)).with_counterparty(ozols());
    assert_eq!(ledger.check(&late).unwrap().deal(), eur(dec!(7000)));
    assert_eq!(ledger.operations().count(), 1);
}

#[test]
fn inputs_are_checked() {
    let codes = [
        CashOperation::try_new(" ", day(2026, 1, 1), CashDirection::Paid, eur(dec!(1)))
            .unwrap_err()
            .code(),
        CashOperation::try_new("X", day(2026, 1, 1), CashDirection::Paid, eur(dec!(0)))
            .unwrap_err()
            .code(),
        CashOperation::try_new("X", day(2026, 1, 1), CashDirection::Paid, eur(dec!(0.001)))
            .unwrap_err()
            .code(),
        received("X", 1, dec!(1))
            .with_invoice(&"9".repeat(51))
            .unwrap_err()
            .code(),
        CashCounterparty::taxpayer("K", "N", "").unwrap_err().code(),
    ];
    assert_eq!(
        codes,
        [
            "cash_limit.text",
            "cash.non_positive",
            "cash.not_whole_cents",
            "cash_limit.text",
            "cash_limit.text"
        ]
    );
}

#[test]
fn a_saved_ledger_restores_through_record() {
    let mut ledger = ledger();
    ledger
        .record(
            received("KIO-1", 3, dec!(1000))
                .with_counterparty(koks())
                .with_invoice("AP-1")
                .unwrap(),
        )
        .unwrap();
    ledger
        .record(received("KIO-2", 3, dec!(800)).with_counterparty(koks()))
        .unwrap();
    ledger.record(received("KIO-3", 4, dec!(5))).unwrap();
    let json = serde_json::to_value(&ledger).unwrap();
    insta::assert_json_snapshot!("cash_limit__saved_ledger", json);
    let restored: CashLimitLedger = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(restored, ledger);
    // The restored index links as the original does.
    let probe = received("KIO-9", 3, dec!(6000)).with_counterparty(koks());
    assert_eq!(restored.check(&probe), ledger.check(&probe));

    let mut edited = json.clone();
    edited["operations"][2]["cash"]["amount"] = "9000.00".into();
    let error = serde_json::from_value::<CashLimitLedger>(edited)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("restore.invalid: cannot restore CashLimitLedger: operations[2]: ")
            && error.ends_with("[cash_limit.exceeded]"),
        "{error}"
    );
    let mut edited = json.clone();
    edited["operations"][1]["reference"] = "KIO-1".into();
    let error = serde_json::from_value::<CashLimitLedger>(edited)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("restore.duplicate"), "{error}");
    let mut edited = json;
    edited["operations"][0]["declarable"] = false.into();
    let error = serde_json::from_value::<CashLimitLedger>(edited)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(
            "restore.inconsistent: cannot restore CashLimitLedger: operations[0].declarable"
        ),
        "{error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// However a client splits cash over one day and two invoices, every recorded deal stays
    /// within the cap, and a refused operation leaves the ledger as it was.
    #[test]
    fn no_recorded_deal_is_over_the_cap(
        parts in proptest::collection::vec((1_i64..=400_000, 0_u32..3, any::<bool>()), 1..20),
    ) {
        let mut ledger = ledger();
        for (index, (cents, day_offset, with_invoice)) in parts.into_iter().enumerate() {
            let mut operation = received(&format!("R-{index}"), 1 + day_offset, Decimal::new(cents, 2))
                .with_counterparty(ozols());
            if with_invoice {
                operation = operation.with_invoice("AP-1").unwrap();
            }
            let before = ledger.clone();
            let verdict = ledger.check(&operation).unwrap();
            match ledger.record(operation) {
                Ok(recorded) => {
                    prop_assert_eq!(recorded.clone(), verdict);
                    prop_assert!(recorded.deal().amount() <= dec!(7200));
                }
                Err(error) => {
                    prop_assert_eq!(error.code(), "cash_limit.exceeded");
                    prop_assert!(verdict.deal().amount() > dec!(7200));
                    prop_assert_eq!(&ledger, &before);
                }
            }
        }
        // Every deal in the ledger sums to at most the cap: sum each day's operations and
        // the invoice's, which together bound every deal of one client.
        let total: Decimal = ledger.operations().map(|(o, _)| o.cash().amount()).sum();
        let all_linked = ledger.operations().all(|(o, _)| o.invoice().is_some());
        if all_linked {
            prop_assert!(total <= dec!(7200));
        }
    }
}
