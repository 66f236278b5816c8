//! Saved state restored: every state type of apkalpe-payments round-trips through serde, and a saved
//! value edited into an illegal state is refused with a `RestoreError` (issue 13).

use std::fmt::Debug;

use apkalpe_core::{CashRounding, CashRoundingRule, CountryCode, Currency, Money, VatRate};
use apkalpe_payments::{
    AllocationTarget, BankStatement, CardOnFile, CardPayment, CardPaymentEvent, CardPaymentState,
    CashCount, CashLimits, CashMovement, CashMovementKind, CashRegister, CashTender, Denomination,
    Discount, EntryOutcome, IdempotencyKey, IncomingPayment, LineDiscount, MatchStatus, OpenShift,
    PaymentRequest, PaymentsError, Receipt, ReceiptLine, Receivable, ReceivableLedger,
    ReceivableStatus, ReconciliationReport, RegisterIdentity, Remittance, ShiftEvent, ShiftTotals,
    SimulatedTerminal, Tender, XReport, ZReport, read_receivables_csv, reconcile,
};
use apkalpe_testkit::strategy::payments as strategy;
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal_macros::dec;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support::{at, day, eur, register};

const STATEMENT: &[u8] = include_bytes!("fixtures/statement-camt053-001.08.xml");
const RECEIVABLES: &str = include_str!("fixtures/receivables.csv");

/// Serializes, deserializes and serializes again: the value and its JSON come back equal.
fn round_trip<T>(value: &T) -> Result<T, TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("{error}\n{json}")))?;
    prop_assert_eq!(&back, value);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    Ok(back)
}

/// Deserializes `value` as a `T`, which must refuse it with `code` at `field`.
#[track_caller]
fn refused<T: DeserializeOwned + Debug>(value: &Value, code: &str, field: &str) {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(restored) => panic!("restored {restored:?} from {value}"),
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.starts_with(&format!("{code}: ")),
                "expected {code}, got {message}"
            );
            assert!(
                message.contains(&format!(": {field}: ")),
                "expected the field {field}, got {message}"
            );
        }
    }
}

/// The JSON of a value, to edit.
fn saved<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// Sets the value at a JSON pointer.
fn set(mut value: Value, pointer: &str, new: Value) -> Value {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = new;
    value
}

fn rate(percent: rust_decimal::Decimal) -> VatRate {
    VatRate::try_new(percent).unwrap()
}

fn money(amount: &str) -> Value {
    json!({"amount": amount, "currency": "EUR"})
}

// ---------------------------------------------------------------------------------------------
// Round trips of reachable values.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_cash_count_round_trips(count in strategy::cash_count()) {
        round_trip(&count)?;
    }

    #[test]
    fn a_cash_limit_ledger_round_trips(ledger in strategy::cash_limit_ledger()) {
        round_trip(&ledger)?;
        for month in [10, 11, 12] {
            round_trip(&ledger.declaration(2026, month))?;
        }
    }

    #[test]
    fn cash_movements_limits_and_tenders_round_trip(
        movement in strategy::cash_movement(),
        limits in strategy::cash_limits(),
        tender in strategy::cash_tender(),
    ) {
        round_trip(&movement)?;
        round_trip(&limits)?;
        round_trip(&tender)?;
        round_trip(&limits.check(tender.tendered()).unwrap())?;
    }

    #[test]
    fn a_card_payment_round_trips(payment in strategy::card_payment()) {
        let back = round_trip(&payment)?;
        round_trip(payment.state())?;
        round_trip(&payment.status())?;
        for event in payment.events() {
            round_trip(event)?;
        }
        if let Some(card) = payment.card() {
            round_trip(card)?;
        }
        prop_assert_eq!(back.refundable().unwrap(), payment.refundable().unwrap());
    }

    #[test]
    fn a_payment_request_round_trips(request in strategy::payment_request()) {
        let back = round_trip(&request)?;
        prop_assert_eq!(back.epc_payload().unwrap(), request.epc_payload().unwrap());
    }

    #[test]
    fn a_bank_statement_round_trips(statement in strategy::bank_statement()) {
        round_trip(&statement)?;
    }

    #[test]
    fn a_register_and_its_parts_round_trip(
        register in strategy::cash_register(),
        closed in strategy::closed_register(),
        line in strategy::receipt_line(),
    ) {
        round_trip(&register)?;
        round_trip(register.identity())?;
        let back = round_trip(&closed)?;
        prop_assert_eq!(back.cash_rounding(), &CashRounding::builtin());
        round_trip(&line)?;
        if let Some(discount) = line.discount() {
            round_trip(discount)?;
            round_trip(&discount.given_as())?;
        }
    }

    #[test]
    fn an_open_shift_round_trips(shift in strategy::open_shift()) {
        let back = round_trip(&shift)?;
        for event in shift.events() {
            round_trip(event)?;
            if let ShiftEvent::Receipt(receipt) = event {
                round_trip(receipt)?;
                round_trip(&receipt.kind())?;
                for payment in receipt.payments() {
                    round_trip(payment)?;
                }
                for vat in receipt.vat() {
                    round_trip(vat)?;
                }
                prop_assert_eq!(back.receipt(receipt.number()), Some(receipt));
            }
        }
        // The restored shift works on exactly as the original.
        let at = shift.opened_at() + chrono::Duration::hours(1);
        prop_assert_eq!(back.x_report(at).ok(), shift.x_report(at).ok());
    }

    #[test]
    fn reports_round_trip(x in strategy::x_report(), z in strategy::z_report()) {
        round_trip(&x)?;
        round_trip(&z)?;
        round_trip(z.totals())?;
        for rate in z.totals().rates() {
            round_trip(rate)?;
        }
        for method in z.totals().methods() {
            round_trip(method)?;
        }
    }

    #[test]
    fn a_receipt_round_trips(receipt in strategy::receipt()) {
        round_trip(&receipt)?;
    }

    #[test]
    fn a_receivable_ledger_round_trips(ledger in strategy::receivable_ledger()) {
        let back = round_trip(&ledger)?;
        let today = day(2026, 6, 1);
        for receivable in ledger.receivables() {
            round_trip(receivable)?;
            let number = receivable.number();
            prop_assert_eq!(back.open(number).unwrap(), ledger.open(number).unwrap());
            prop_assert_eq!(back.settled_on(number).unwrap(), ledger.settled_on(number).unwrap());
            let status = ledger.status(number, today).unwrap();
            round_trip(&status)?;
            let reminder = ledger.reminder(receivable.debtor(), today);
            if let Ok(reminder) = &reminder {
                round_trip(reminder)?;
            }
            prop_assert_eq!(back.reminder(receivable.debtor(), today).ok(), reminder.ok());
        }
        prop_assert_eq!(back.horizon(), ledger.horizon());
        prop_assert_eq!(back.applied_count(), ledger.applied_count());
    }

    #[test]
    fn a_restored_ledger_applies_payments_as_the_original(
        ledger in strategy::receivable_ledger(),
        amount in 1i64..100_000,
        pick in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!ledger.receivables().is_empty());
        let mut back: ReceivableLedger = serde_json::from_str(&serde_json::to_string(&ledger).unwrap()).unwrap();
        let mut original = ledger.clone();
        let number = pick.get(ledger.receivables()).number().to_owned();
        let payment = IncomingPayment::new("NEW", "x", Money::new(rust_decimal::Decimal::new(amount, 2), Currency::EUR), day(2026, 12, 31));
        let target = AllocationTarget::Receivable(number);
        let allocation = original.apply(&payment, &target);
        prop_assert_eq!(back.apply(&payment, &target), allocation.clone());
        prop_assert_eq!(&back, &original);
        if let Ok(allocation) = allocation {
            round_trip(&allocation)?;
            for part in allocation.parts() {
                round_trip(part)?;
            }
            round_trip(&payment)?;
        }
    }

    #[test]
    fn reconcile_applies_a_whole_statement_or_nothing(
        (mut ledger, statement) in strategy::ledger_and_statement(),
    ) {
        let before = ledger.clone();
        match reconcile(&statement, &mut ledger) {
            Err(_) => prop_assert_eq!(&ledger, &before),
            Ok(report) => {
                let applied = report.count(MatchStatus::Matched) + report.count(MatchStatus::Partial);
                prop_assert_eq!(ledger.applied_count(), before.applied_count() + applied);
            }
        }
    }

    #[test]
    fn a_reconciliation_report_round_trips_as_its_record(report in strategy::reconciliation_report()) {
        // The record leaves out the payer, the candidates and the credit: the restored report
        // writes the same JSON, and keeps what the record holds.
        let json = serde_json::to_string(&report).unwrap();
        let back: ReconciliationReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        prop_assert_eq!(back.entries().len(), report.entries().len());
        for (back, entry) in back.entries().iter().zip(report.entries()) {
            prop_assert_eq!(&back.entry_ref(), &entry.entry_ref());
            prop_assert_eq!((back.status(), back.rule()), (entry.status(), entry.rule()));
            prop_assert_eq!(&back.receivable(), &entry.receivable());
            prop_assert_eq!(back.amount(), entry.amount());
            prop_assert_eq!(back.transaction(), entry.transaction());
            prop_assert_eq!(back.transactions_total(), entry.transactions_total());
            prop_assert_eq!(back.entry_status(), entry.entry_status());
            round_trip(&entry.status())?;
            round_trip(&entry.rule())?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cash.

#[test]
fn a_cash_count_is_saved_by_denomination_and_reads_the_old_positional_form() {
    let count = CashCount::new()
        .with(Denomination::Euro10, 5)
        .unwrap()
        .with(Denomination::Cent5, 20)
        .unwrap();
    let json = saved(&count);
    assert_eq!(json["pieces"]["10.00"], 5);
    assert_eq!(json["pieces"]["0.05"], 20);
    assert_eq!(json["pieces"]["500.00"], 0);
    // Largest first (a `Value` sorts its keys, so the text is looked at).
    let text = serde_json::to_string(&count).unwrap();
    assert!(
        text.starts_with(r#"{"pieces":{"500.00":0,"200.00":0,"#),
        "{text}"
    );
    assert!(text.ends_with(r#""0.05":20,"0.02":0,"0.01":0}}"#), "{text}");
    // What the desk's journal holds from earlier versions.
    let old = json!({"counts": [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 20, 0, 0]});
    assert_eq!(serde_json::from_value::<CashCount>(old).unwrap(), count);
    // A subset of keys is enough.
    let short = json!({"pieces": {"10.00": 5, "0.05": 20}});
    assert_eq!(serde_json::from_value::<CashCount>(short).unwrap(), count);
}

#[test]
fn a_cash_count_refuses_unknown_repeated_or_mixed_keys() {
    refused::<CashCount>(
        &json!({"pieces": {"0.03": 1}}),
        "restore.missing",
        "pieces[\"0.03\"]",
    );
    let repeated = r#"{"pieces": {"0.05": 1, "0.05": 2}}"#;
    let error = serde_json::from_str::<CashCount>(repeated)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("restore.duplicate: "), "{error}");
    assert!(error.contains("pieces[\"0.05\"]"), "{error}");
    let both = json!({"pieces": {}, "counts": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]});
    refused::<CashCount>(&both, "restore.inconsistent", "counts");
    refused::<CashCount>(&json!({}), "restore.missing", "pieces");
    assert!(
        serde_json::from_value::<CashCount>(
            json!({"counts": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]})
        )
        .is_err()
    );
}

#[test]
fn a_cash_movement_and_limits_restore_through_their_constructors() {
    let movement = CashMovement::try_new(
        CashMovementKind::Payout,
        eur(dec!(40)),
        "courier fee",
        "KIzO-1",
    )
    .unwrap();
    let json = saved(&movement);
    refused::<CashMovement>(
        &set(json.clone(), "/amount", money("0.00")),
        "restore.invalid",
        "amount",
    );
    refused::<CashMovement>(
        &set(json.clone(), "/amount", money("1.005")),
        "restore.invalid",
        "amount",
    );
    refused::<CashMovement>(
        &set(json, "/reason", json!(" ")),
        "restore.invalid",
        "reason",
    );
    let limits = saved(&CashLimits::latvia());
    let edited = set(limits, "/declaration_threshold", money("9000.00"));
    refused::<CashLimits>(&edited, "restore.invalid", "declaration_threshold");
}

#[test]
fn a_cash_tender_restores_under_its_built_in_rule() {
    let policy = CashRounding::builtin();
    let tender = CashTender::settle(
        &policy,
        CountryCode::LT,
        day(2026, 11, 27),
        eur(dec!(7.98)),
        eur(dec!(0)),
        eur(dec!(10)),
    )
    .unwrap();
    let json = saved(&tender);
    refused::<CashTender>(
        &set(json.clone(), "/change", money("2.02")),
        "restore.inconsistent",
        "change",
    );
    let cash_due = set(json.clone(), "/settlement/cash_due", money("7.98"));
    refused::<CashTender>(&cash_due, "restore.inconsistent", "settlement.cash_due");
    let law = set(
        json,
        "/settlement/rule/legal_basis",
        json!("a law of my own"),
    );
    refused::<CashTender>(&law, "restore.missing", "settlement.rule");
}

// ---------------------------------------------------------------------------------------------
// Cards.

fn captured_payment() -> CardPayment {
    let mut terminal = SimulatedTerminal::new();
    let key = |k: &str| IdempotencyKey::try_new(k).unwrap();
    let mut payment = CardPayment::try_new(eur(dec!(25))).unwrap();
    payment
        .authorise(
            &mut terminal,
            "4111111111111111".parse().unwrap(),
            "12/30".parse().unwrap(),
            &key("a1"),
            day(2026, 11, 27),
        )
        .unwrap();
    payment
        .capture(&mut terminal, eur(dec!(25)), &key("c1"))
        .unwrap();
    payment
        .refund(&mut terminal, eur(dec!(5)), &key("r1"))
        .unwrap();
    payment
}

#[test]
fn a_card_payment_refuses_states_its_requests_do_not_give() {
    let json = saved(&captured_payment());
    refused::<CardPayment>(
        &set(json.clone(), "/events/2/key", json!("a1")),
        "restore.duplicate",
        "events[2].key",
    );
    refused::<CardPayment>(
        &set(json.clone(), "/events/1/amount", money("20.00")),
        "restore.inconsistent",
        "events[1]",
    );
    let mut extra = json.clone();
    extra["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({"key": "r2", "operation": "refund", "amount": money("1.00")}));
    refused::<CardPayment>(&extra, "restore.inconsistent", "events[3]");
    let mut short = json.clone();
    short["events"].as_array_mut().unwrap().pop();
    refused::<CardPayment>(&short, "restore.missing", "events[2]");
    refused::<CardPayment>(
        &set(json.clone(), "/events/0/operation", json!("steal")),
        "restore.missing",
        "events[0].operation",
    );
    refused::<CardPayment>(
        &set(json.clone(), "/amount", money("0.00")),
        "restore.invalid",
        "amount",
    );
    // Refunds that do not add up, or exceed the capture.
    refused::<CardPaymentState>(
        &set(json["state"].clone(), "/refunded", money("6.00")),
        "restore.inconsistent",
        "refunded",
    );
    let over = set(
        set(json["state"].clone(), "/refunds/0", money("30.00")),
        "/refunded",
        money("30.00"),
    );
    refused::<CardPaymentState>(&over, "restore.inconsistent", "refunded");
    // Capturing more than authorised.
    let captured = set(json["state"].clone(), "/captured", money("30.00"));
    let more = set(
        set(json.clone(), "/state", captured),
        "/events/1/amount",
        money("30.00"),
    );
    refused::<CardPayment>(&more, "restore.inconsistent", "state.captured");
    // A card on file whose brand is not its number's.
    let card = set(json["state"]["card"].clone(), "/brand", json!("mastercard"));
    refused::<CardOnFile>(&card, "restore.inconsistent", "brand");
    let full = set(
        json["state"]["card"].clone(),
        "/masked",
        json!("4111111111111111"),
    );
    assert!(serde_json::from_value::<CardOnFile>(full).is_err());
    assert!(
        serde_json::from_value::<CardPaymentEvent>(
            json!({"key": "k", "operation": "refund", "amount": money("-1.00")})
        )
        .is_err()
    );
}

// ---------------------------------------------------------------------------------------------
// Transfers and statements.

#[test]
fn a_payment_request_restores_through_the_epc_rules() {
    let request = PaymentRequest::try_new(
        "SIA Apkalpe Demo",
        "LV80BANK0000435195001".parse().unwrap(),
        None,
        eur(dec!(121)),
        Remittance::from_parts(Some("RF18539007547034"), None).unwrap(),
    )
    .unwrap()
    .with_purpose("GDDS")
    .unwrap();
    let json = saved(&request);
    refused::<PaymentRequest>(
        &set(json.clone(), "/purpose", json!("G1")),
        "restore.invalid",
        "purpose",
    );
    refused::<PaymentRequest>(
        &set(json.clone(), "/amount", money("0.00")),
        "restore.invalid",
        "amount",
    );
    refused::<PaymentRequest>(&set(json, "/name", json!(" ")), "restore.invalid", "name");
}

#[test]
fn a_read_statement_round_trips() {
    let statement = BankStatement::read(STATEMENT).unwrap();
    let back: BankStatement = serde_json::from_value(saved(&statement)).unwrap();
    assert_eq!(back, statement);
    assert!(
        serde_json::from_value::<BankStatement>(set(saved(&statement), "/kind", json!("camt099")))
            .is_err()
    );
}

// ---------------------------------------------------------------------------------------------
// Receivables.

fn fixture_ledger() -> ReceivableLedger {
    ReceivableLedger::try_from_receivables(read_receivables_csv(RECEIVABLES).unwrap()).unwrap()
}

/// A ledger with a settled, a partly paid and an open receivable, and a credit.
fn sample_ledger() -> ReceivableLedger {
    let mut ledger = ReceivableLedger::new();
    for (number, debtor, amount, due, reference) in [
        (
            "INV-2026-0101",
            "SIA Kurzemes Koks",
            dec!(121.00),
            day(2026, 11, 20),
            Some("RF18539007547034"),
        ),
        (
            "INV-2026-0102",
            "Jānis Bērziņš",
            dec!(48.40),
            day(2026, 11, 25),
            None,
        ),
        (
            "INV-2026-0103",
            "SIA Rīgas Maize",
            dec!(605.00),
            day(2026, 12, 5),
            None,
        ),
    ] {
        let reference = reference.map(|r| r.parse().unwrap());
        ledger
            .add(Receivable::try_new(number, debtor, eur(amount), due, reference).unwrap())
            .unwrap();
    }
    let pay =
        |id: &str, payer: &str, amount, date| IncomingPayment::new(id, payer, eur(amount), date);
    ledger
        .apply(
            &pay(
                "2026112700000001",
                "SIA Kurzemes Koks",
                dec!(130.00),
                day(2026, 11, 27),
            ),
            &AllocationTarget::Reference("RF18539007547034".parse().unwrap()),
        )
        .unwrap();
    ledger
        .apply(
            &pay(
                "2026112700000003",
                "SIA Rīgas Maize",
                dec!(300.00),
                day(2026, 11, 27),
            ),
            &AllocationTarget::Receivable("INV-2026-0103".into()),
        )
        .unwrap();
    ledger
}

#[test]
fn the_saved_ledger() {
    let ledger = sample_ledger();
    assert_eq!(
        ledger.settled_on("INV-2026-0101").unwrap(),
        Some(day(2026, 11, 27))
    );
    assert_eq!(ledger.settled_on("INV-2026-0103").unwrap(), None);
    let json = serde_json::to_string_pretty(&ledger).unwrap();
    let back: ReceivableLedger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger);
    assert_eq!(back.credits()["SIA Kurzemes Koks"], eur(dec!(9.00)));
    insta::assert_snapshot!("restore__ledger", json);
}

#[test]
fn a_ledger_refuses_what_its_operations_never_give() {
    let json = saved(&sample_ledger());
    // Numbers equal ignoring case.
    refused::<ReceivableLedger>(
        &set(
            json.clone(),
            "/receivables/2/number",
            json!("inv-2026-0101"),
        ),
        "restore.duplicate",
        "receivables[2].number",
    );
    refused::<ReceivableLedger>(
        &set(json.clone(), "/receivables/1/number", json!(" ")),
        "restore.invalid",
        "receivables[1].number",
    );
    // Paid amounts within 0 and the amount, in its currency.
    refused::<ReceivableLedger>(
        &set(json.clone(), "/receivables/2/paid", money("700.00")),
        "restore.inconsistent",
        "receivables[2].paid",
    );
    refused::<ReceivableLedger>(
        &set(json.clone(), "/receivables/2/paid", money("-1.00")),
        "restore.inconsistent",
        "receivables[2].paid",
    );
    refused::<ReceivableLedger>(
        &set(
            json.clone(),
            "/receivables/2/paid",
            json!({"amount": "300.00", "currency": "USD"}),
        ),
        "restore.inconsistent",
        "receivables[2].paid",
    );
    // The settlement day goes with being paid in full.
    refused::<ReceivableLedger>(
        &set(json.clone(), "/receivables/0/settled_on", Value::Null),
        "restore.missing",
        "receivables[0].settled_on",
    );
    refused::<ReceivableLedger>(
        &set(
            json.clone(),
            "/receivables/2/settled_on",
            json!("2026-11-27"),
        ),
        "restore.inconsistent",
        "receivables[2].settled_on",
    );
    // Credits are positive.
    refused::<ReceivableLedger>(
        &set(json.clone(), "/credits/SIA Kurzemes Koks", money("0.00")),
        "restore.invalid",
        "credits[\"SIA Kurzemes Koks\"]",
    );
    // Payments on the books come with their keys.
    refused::<ReceivableLedger>(
        &set(json.clone(), "/applied", json!({})),
        "restore.missing",
        "applied",
    );
    // The horizon: nothing settled or applied before it is left.
    refused::<ReceivableLedger>(
        &set(json.clone(), "/horizon", json!("2026-12-01")),
        "restore.inconsistent",
        "receivables[0].settled_on",
    );
    let later = set(
        set(json.clone(), "/horizon", json!("2026-11-27")),
        "/applied/2026112700000003",
        json!("2026-11-26"),
    );
    refused::<ReceivableLedger>(
        &later,
        "restore.inconsistent",
        "applied[\"2026112700000003\"]",
    );
    // A key given twice.
    let text = serde_json::to_string(&json).unwrap().replace(
        r#""applied":{"#,
        r#""applied":{"2026112700000001":"2026-11-27","#,
    );
    let error = serde_json::from_str::<ReceivableLedger>(&text)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("restore.duplicate: "), "{error}");
    assert!(error.contains("applied[\"2026112700000001\"]"), "{error}");
    // Unknown fields are refused.
    let mut unknown = json.clone();
    unknown["receivables"][0]["paid_on"] = json!("2026-11-27");
    assert!(serde_json::from_value::<ReceivableLedger>(unknown).is_err());
    refused::<Receivable>(
        &json!({"number": "INV", "debtor": "x", "amount": money("0.00"), "due_date": "2026-01-01", "reference": null}),
        "restore.invalid",
        "amount",
    );
}

#[test]
fn archiving_keeps_what_is_open_and_the_same_statement_then_applies_nothing() {
    let statement = BankStatement::read(STATEMENT).unwrap();
    let mut ledger = fixture_ledger();
    let first = reconcile(&statement, &mut ledger).unwrap();
    let matched = first.count(MatchStatus::Matched);
    assert!(matched > 0);
    let open_before: Vec<String> = ledger
        .receivables()
        .iter()
        .filter(|r| ledger.settled_on(r.number()).unwrap().is_none())
        .map(|r| r.number().to_owned())
        .collect();
    let archived = ledger.archive_settled(day(2026, 12, 1));
    assert_eq!(archived.len(), matched);
    let left: Vec<String> = ledger
        .receivables()
        .iter()
        .map(|r| r.number().to_owned())
        .collect();
    assert_eq!(left, open_before);
    assert_eq!(ledger.applied_count(), 0);
    assert_eq!(ledger.horizon(), Some(day(2026, 12, 1)));
    // Saved and restored, the archived ledger is as small as what is left.
    let mut ledger: ReceivableLedger = serde_json::from_value(saved(&ledger)).unwrap();
    let before = ledger.clone();
    let again = reconcile(&statement, &mut ledger).unwrap();
    assert_eq!(ledger, before, "nothing applied twice");
    let credits: Vec<MatchStatus> = again
        .entries()
        .iter()
        .filter(|e| e.rule() != apkalpe_payments::MatchRule::Debit)
        .map(|e| e.status())
        .collect();
    assert!(
        credits.iter().all(|s| *s == MatchStatus::BeforeHorizon),
        "{credits:?}"
    );
    let json = serde_json::to_string(&again.entries()[0]).unwrap();
    assert!(json.contains(r#""status":"before_horizon""#), "{json}");
    // A payment before the horizon is refused by apply too, and changes nothing.
    let old = IncomingPayment::new(
        "2026112700000001",
        "SIA Rīgas Maize",
        eur(dec!(1)),
        day(2026, 11, 27),
    );
    let error = ledger
        .apply(&old, &AllocationTarget::Receivable(left[0].clone()))
        .unwrap_err();
    assert_eq!(error.code(), "receivable.before_horizon");
    assert_eq!(ledger, before);
    // The horizon never moves back.
    assert!(ledger.archive_settled(day(2026, 1, 1)).is_empty());
    assert_eq!(ledger.horizon(), Some(day(2026, 12, 1)));
}

#[test]
fn reconcile_is_atomic() {
    // The first entry settles INV-2026-0101 and overpays it (the debtor's credit of 5.00 grows),
    // the second matches a receivable in dollars: an error, and the first entry is undone.
    let csv = "number,debtor,amount,currency,due_date,reference\n\
               INV-2026-0100,SIA Kurzemes Koks,10.00,EUR,2026-11-01,\n\
               INV-2026-0101,SIA Kurzemes Koks,100.00,EUR,2026-11-20,RF18539007547034\n\
               INV-2026-0102,Jānis Bērziņš,48.40,USD,2026-11-25,\n";
    let mut ledger =
        ReceivableLedger::try_from_receivables(read_receivables_csv(csv).unwrap()).unwrap();
    let earlier = IncomingPayment::new(
        "K-1",
        "SIA Kurzemes Koks",
        eur(dec!(15.00)),
        day(2026, 11, 2),
    );
    ledger
        .apply(
            &earlier,
            &AllocationTarget::Receivable("INV-2026-0100".into()),
        )
        .unwrap();
    assert_eq!(ledger.credits()["SIA Kurzemes Koks"], eur(dec!(5.00)));
    let statement = BankStatement::read(STATEMENT).unwrap();
    let before = ledger.clone();
    let error = reconcile(&statement, &mut ledger).unwrap_err();
    assert_eq!(error.code(), "receivable.currency");
    assert_eq!(ledger, before);
    assert_eq!(ledger.applied_count(), 1);
    assert_eq!(ledger.open("INV-2026-0101").unwrap(), eur(dec!(100.00)));
    assert_eq!(ledger.settled_on("INV-2026-0101").unwrap(), None);
    assert_eq!(ledger.credits()["SIA Kurzemes Koks"], eur(dec!(5.00)));
    // Without the dollar receivable the statement applies, the credit grown by 21.00.
    let mut fixed =
        ReceivableLedger::try_from_receivables(before.receivables().iter().take(2).cloned())
            .unwrap();
    fixed
        .apply(
            &earlier,
            &AllocationTarget::Receivable("INV-2026-0100".into()),
        )
        .unwrap();
    reconcile(&statement, &mut fixed).unwrap();
    assert_eq!(fixed.credits()["SIA Kurzemes Koks"], eur(dec!(26.00)));
}

#[test]
fn apply_is_atomic_when_the_credit_cannot_be_kept() {
    // A debtor with a credit in euro pays a dollar invoice too much: the excess cannot join
    // the credit, and the invoice is not paid either.
    let mut ledger = ReceivableLedger::new();
    let invoice = |number: &str, currency| {
        Receivable::try_new(
            number,
            "SIA Klients",
            Money::new(dec!(10), currency),
            day(2026, 12, 1),
            None,
        )
        .unwrap()
    };
    ledger.add(invoice("INV-1", Currency::EUR)).unwrap();
    ledger.add(invoice("INV-2", Currency::USD)).unwrap();
    let pay = |id: &str, amount, currency| {
        IncomingPayment::new(
            id,
            "SIA Klients",
            Money::new(amount, currency),
            day(2026, 12, 1),
        )
    };
    ledger
        .apply(
            &pay("P-1", dec!(15), Currency::EUR),
            &AllocationTarget::Receivable("INV-1".into()),
        )
        .unwrap();
    let before = ledger.clone();
    let error = ledger
        .apply(
            &pay("P-2", dec!(15), Currency::USD),
            &AllocationTarget::Receivable("INV-2".into()),
        )
        .unwrap_err();
    assert_eq!(error.code(), "money.currency_mismatch");
    assert_eq!(ledger, before);
    assert_eq!(ledger.paid("INV-2").unwrap(), Money::zero(Currency::USD));
}

#[test]
fn a_statement_entry_outcome_reads_its_record() {
    let mut ledger = fixture_ledger();
    let report = reconcile(&BankStatement::read(STATEMENT).unwrap(), &mut ledger).unwrap();
    let json = saved(&report);
    let back: ReconciliationReport = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(saved(&back), json);
    assert_eq!(
        back.count(MatchStatus::Matched),
        report.count(MatchStatus::Matched)
    );
    // With the fields the record leaves out, an outcome is whole again.
    let ambiguous = report.with_status(MatchStatus::Ambiguous).next().unwrap();
    let mut full = saved(ambiguous);
    full["payer"] = json!(ambiguous.payer());
    full["candidates"] = json!(ambiguous.candidates());
    full["credit"] = json!("0.00");
    assert_eq!(
        &serde_json::from_value::<EntryOutcome>(full).unwrap(),
        ambiguous
    );
    let not_booked = json!({"entry_ref": "X", "status": "not_booked", "receivable": null, "amount": "1.00", "rule": "not_booked"});
    refused::<EntryOutcome>(&not_booked, "restore.missing", "entry_status");
}

// ---------------------------------------------------------------------------------------------
// The cash register.

fn float() -> CashCount {
    CashCount::new()
        .with(Denomination::Euro10, 5)
        .unwrap()
        .with(Denomination::Cent5, 20)
        .unwrap()
}

/// A Lithuanian shift: a cash sale rounded, a mixed sale, a payout and a cash return of part of
/// the first sale with a discount.
fn sample_shift() -> OpenShift {
    let register = register(CountryCode::LT)
        .with_counters(41, 3, eur(dec!(1234.56)))
        .unwrap();
    let mut shift = register
        .open_shift("Anna Liepa", float(), at(8, 0))
        .unwrap();
    let coffee = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Percent(dec!(10)), "klienta karte")
        .unwrap();
    let apples =
        ReceiptLine::try_new("Āboli, kg", dec!(1.235), eur(dec!(1.49)), rate(dec!(12))).unwrap();
    shift
        .sell(
            vec![coffee.clone(), apples],
            &[Tender::Cash {
                tendered: eur(dec!(10)),
            }],
            at(9, 15),
        )
        .unwrap();
    let book = ReceiptLine::try_new("Grāmata", dec!(1), eur(dec!(14.70)), rate(dec!(5))).unwrap();
    shift
        .sell(
            vec![book],
            &[
                Tender::Card {
                    amount: eur(dec!(10.00)),
                    reference: "411111******1111".into(),
                },
                Tender::Cash {
                    tendered: eur(dec!(5.00)),
                },
            ],
            at(10, 2),
        )
        .unwrap();
    shift.record_cash_movement(
        CashMovement::try_new(
            CashMovementKind::Payout,
            eur(dec!(20)),
            "kurjera pakalpojums",
            "KIzO-2026-0012",
        )
        .unwrap(),
    );
    let one = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Percent(dec!(10)), "klienta karte")
        .unwrap();
    shift
        .refund(
            42,
            vec![one],
            &[Tender::Cash {
                tendered: eur(dec!(1.79)),
            }],
            at(11, 30),
        )
        .unwrap();
    shift
}

#[test]
fn the_saved_shift() {
    let shift = sample_shift();
    assert_eq!(shift.register().last_receipt(), 44);
    let json = serde_json::to_string_pretty(&shift).unwrap();
    let back: OpenShift = serde_json::from_str(&json).unwrap();
    assert_eq!(back, shift);
    assert_eq!(back.receipt(43).unwrap().rounding(), eur(dec!(0.00)));
    insta::assert_snapshot!("restore__shift", json);
}

#[test]
fn the_saved_register_and_card_payment() {
    let (register, z) = sample_shift().close(float(), at(20, 0)).unwrap();
    assert_eq!((register.last_receipt(), register.last_z()), (44, 4));
    let back: CashRegister = serde_json::from_value(saved(&register)).unwrap();
    assert_eq!(back, register);
    let z_back: ZReport = serde_json::from_value(saved(&z)).unwrap();
    assert_eq!(z_back, z);
    insta::assert_snapshot!(
        "restore__register",
        serde_json::to_string_pretty(&register).unwrap()
    );
    let payment = captured_payment();
    assert_eq!(payment.refundable().unwrap(), eur(dec!(20)));
    insta::assert_snapshot!(
        "restore__card_payment",
        serde_json::to_string_pretty(&payment).unwrap()
    );
}

#[test]
fn a_restored_register_rounds_as_the_original() {
    // The policy is not saved: a restored register gets the built-in table, as `new` does.
    let original = register(CountryCode::LT);
    let restored: CashRegister = serde_json::from_value(saved(&original)).unwrap();
    assert_eq!(restored, original);
    let line = || ReceiptLine::try_new("Duona", dec!(2), eur(dec!(2.49)), rate(dec!(21))).unwrap();
    let cash = [Tender::Cash {
        tendered: eur(dec!(10)),
    }];
    let sell = |register: CashRegister| {
        let mut shift = register
            .open_shift("Anna", CashCount::new(), at(9, 0))
            .unwrap();
        shift.sell(vec![line()], &cash, at(9, 0)).unwrap()
    };
    let (a, b) = (sell(original.clone()), sell(restored));
    assert_eq!(a, b);
    assert_eq!(a.rounding(), eur(dec!(0.02)));
    // A register given its own policy gets it again after restoring; the saved form has none.
    let no_rounding = CashRounding::from_rules(vec![CashRoundingRule::new(
        CountryCode::LT,
        Currency::EUR,
        day(2000, 1, 1),
        None,
        "a test without rounding",
    )]);
    let custom = original.with_cash_rounding(no_rounding.clone());
    assert_eq!(saved(&custom), saved(&register(CountryCode::LT)));
    let restored: CashRegister = serde_json::from_value(saved(&custom)).unwrap();
    assert_ne!(restored, custom);
    assert_eq!(
        restored.clone().with_cash_rounding(no_rounding.clone()),
        custom
    );
    assert_eq!(sell(custom.clone()).rounding(), eur(dec!(0)));
    // A shift is given it the same way.
    let shift = custom
        .open_shift("Anna", CashCount::new(), at(9, 0))
        .unwrap();
    let back: OpenShift = serde_json::from_value(saved(&shift)).unwrap();
    assert_eq!(back.with_cash_rounding(no_rounding), shift);
}

#[test]
fn a_shift_refuses_events_its_operations_never_give() {
    let json = saved(&sample_shift());
    // Receipts numbered consecutively up to the register's last.
    refused::<OpenShift>(
        &set(json.clone(), "/register/last_receipt", json!(45)),
        "restore.inconsistent",
        "events[0].number",
    );
    refused::<OpenShift>(
        &set(
            set(json.clone(), "/register/last_receipt", json!(2)),
            "/register/returns",
            json!([]),
        ),
        "restore.inconsistent",
        "register.last_receipt",
    );
    // The register's returns are receipts it issued, and the shift's are its returns.
    refused::<OpenShift>(
        &set(json.clone(), "/register/last_receipt", json!(2)),
        "restore.inconsistent",
        "register.returns[0]",
    );
    refused::<OpenShift>(
        &set(json.clone(), "/register/returns", json!([43, 44])),
        "restore.inconsistent",
        "register.returns",
    );
    refused::<OpenShift>(
        &set(json.clone(), "/register/returns", json!([7, 7])),
        "restore.duplicate",
        "register.returns[1]",
    );
    // A form saved before registers remembered returns lists none, and restores.
    let older: OpenShift =
        serde_json::from_value(set(json.clone(), "/register/returns", json!([]))).unwrap();
    assert_eq!(older, sample_shift());
    refused::<OpenShift>(
        &set(json.clone(), "/events/1/number", json!(44)),
        "restore.inconsistent",
        "events[1].number",
    );
    // The shift's cashier on its receipts.
    refused::<OpenShift>(
        &set(json.clone(), "/events/0/cashier", json!("Ilze")),
        "restore.inconsistent",
        "events[0].cashier",
    );
    refused::<OpenShift>(
        &set(json.clone(), "/cashier", json!(" ")),
        "restore.invalid",
        "cashier",
    );
    // The rounding the outlet's rule gives: a sale edited as if Lithuania did not round (the
    // receipt alone is consistent, the shift's rule says otherwise).
    let sale = sample_shift().receipt(42).unwrap().clone();
    assert!(!sale.rounding().is_zero());
    let total = sale.total();
    let change = eur(dec!(10)).checked_sub(total).unwrap();
    let plain = |m: Money| m.amount().to_string();
    let mut unrounded = json.clone();
    unrounded["events"][0]["payments"][0]["amount"] = money(&plain(total));
    unrounded["events"][0]["rounding"] = money("0.00");
    unrounded["events"][0]["change"] = money(&plain(change));
    let mut alone = unrounded["events"][0].clone();
    alone.as_object_mut().unwrap().remove("event");
    serde_json::from_value::<Receipt>(alone).unwrap();
    refused::<OpenShift>(&unrounded, "restore.inconsistent", "events[0].rounding");
    // A return of a return, and a return of a receipt not issued yet.
    refused::<OpenShift>(
        &set(json.clone(), "/events/3/kind/original", json!(44)),
        "restore.invalid",
        "events[3].kind.original",
    );
    let mut of_return = json.clone();
    let last_return = of_return["events"][3].clone();
    of_return["events"]
        .as_array_mut()
        .unwrap()
        .push(last_return);
    of_return["events"][4]["number"] = json!(45);
    of_return["events"][4]["kind"]["original"] = json!(44);
    of_return["register"]["last_receipt"] = json!(45);
    refused::<OpenShift>(&of_return, "restore.invalid", "events[4].kind.original");
    // A register not in euro.
    let mut dollars = set(json.clone(), "/register/currency", json!("USD"));
    dollars["register"]["grand_total"]["currency"] = json!("USD");
    refused::<OpenShift>(&dollars, "restore.invalid", "register.currency");
    refused::<CashRegister>(
        &set(
            json["register"].clone(),
            "/grand_total/currency",
            json!("USD"),
        ),
        "restore.invalid",
        "grand_total",
    );
    refused::<RegisterIdentity>(
        &set(
            json["register"]["identity"].clone(),
            "/device_serial",
            json!(""),
        ),
        "restore.invalid",
        "device_serial",
    );
}

#[test]
fn a_receipt_refuses_figures_its_lines_and_payments_do_not_give() {
    let shift = sample_shift();
    let receipt = shift.receipt(42).unwrap();
    let json = saved(receipt);
    refused::<Receipt>(
        &set(json.clone(), "/total", money("5.00")),
        "restore.inconsistent",
        "total",
    );
    refused::<Receipt>(
        &set(json.clone(), "/vat/0/vat", money("0.01")),
        "restore.inconsistent",
        "vat",
    );
    refused::<Receipt>(
        &set(json.clone(), "/discounts", money("0.01")),
        "restore.inconsistent",
        "discounts",
    );
    refused::<Receipt>(
        &set(json.clone(), "/rounding", money("0.01")),
        "restore.inconsistent",
        "rounding",
    );
    refused::<Receipt>(
        &set(json.clone(), "/change", money("0.01")),
        "restore.inconsistent",
        "change",
    );
    refused::<Receipt>(
        &set(json.clone(), "/cash_tendered", Value::Null),
        "restore.missing",
        "cash_tendered",
    );
    refused::<Receipt>(
        &set(json.clone(), "/number", json!(0)),
        "restore.inconsistent",
        "number",
    );
    refused::<Receipt>(
        &set(json.clone(), "/lines", json!([])),
        "restore.invalid",
        "lines",
    );
    // A card payment's reference never holds a card number.
    let mixed = saved(shift.receipt(43).unwrap());
    refused::<Receipt>(
        &set(
            mixed.clone(),
            "/payments/1/reference",
            json!("4111 1111 1111 1111"),
        ),
        "restore.invalid",
        "payments[1].reference",
    );
    refused::<Receipt>(
        &set(mixed.clone(), "/payments/1/reference", Value::Null),
        "restore.missing",
        "payments[1].reference",
    );
    let swapped = {
        let mut value = mixed.clone();
        value["payments"].as_array_mut().unwrap().swap(0, 1);
        value
    };
    refused::<Receipt>(&swapped, "restore.inconsistent", "payments[1].method");
    let ret = saved(shift.receipt(44).unwrap());
    refused::<Receipt>(
        &set(ret, "/kind/original", json!(44)),
        "restore.invalid",
        "kind.original",
    );
    // Lines and discounts.
    let line = json["lines"][0].clone();
    refused::<ReceiptLine>(
        &set(line.clone(), "/amount", money("3.98")),
        "restore.inconsistent",
        "amount",
    );
    refused::<ReceiptLine>(
        &set(line.clone(), "/discount/amount", money("0.50")),
        "restore.inconsistent",
        "discount.amount",
    );
    refused::<ReceiptLine>(
        &set(line.clone(), "/quantity", json!("0")),
        "restore.invalid",
        "quantity",
    );
    let discount = line["discount"].clone();
    refused::<LineDiscount>(
        &set(discount.clone(), "/reason", json!(" ")),
        "restore.invalid",
        "reason",
    );
    refused::<LineDiscount>(
        &set(
            discount,
            "/given_as",
            json!({"kind": "percent", "value": "101"}),
        ),
        "restore.invalid",
        "given_as",
    );
    let by_sum = json!({"given_as": {"kind": "amount", "value": money("1.00")}, "reason": "x", "amount": money("2.00")});
    refused::<LineDiscount>(&by_sum, "restore.inconsistent", "amount");
}

#[test]
fn shift_totals_read_the_old_pair_of_receipt_numbers() {
    let totals = sample_shift().totals().unwrap();
    let json = saved(&totals);
    assert_eq!(json["receipt_numbers"], json!({"first": 42, "last": 44}));
    let old = set(json, "/receipt_numbers", json!([42, 44]));
    assert_eq!(serde_json::from_value::<ShiftTotals>(old).unwrap(), totals);
    let x: XReport =
        serde_json::from_value(saved(&sample_shift().x_report(at(12, 0)).unwrap())).unwrap();
    assert_eq!(x.totals(), &totals);
}

#[test]
fn returns_name_an_earlier_sale_and_card_tenders_no_card_number() {
    let mut shift = sample_shift();
    let line = || ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), rate(dec!(21))).unwrap();
    let card = |reference: &str| {
        [Tender::Card {
            amount: eur(dec!(1.99)),
            reference: reference.into(),
        }]
    };
    let before = shift.clone();
    let refuse = |shift: &mut OpenShift, original| {
        shift
            .refund(original, vec![line()], &card("411111******1111"), at(12, 0))
            .unwrap_err()
            .code()
    };
    assert_eq!(refuse(&mut shift, 44), "register.return_original"); // a return
    assert_eq!(refuse(&mut shift, 45), "register.unknown_original"); // not issued
    assert_eq!(refuse(&mut shift, 0), "register.unknown_original");
    let error = shift
        .sell(vec![line()], &card("4111-1111-1111-1111"), at(12, 0))
        .unwrap_err();
    assert_eq!(error.code(), "register.card_reference");
    assert_eq!(shift, before);
    // Receipts before the shift, and sales of it, can be returned; a terminal's 12-digit
    // retrieval reference is not a card number.
    shift
        .refund(7, vec![line()], &card("RRN 612345678901"), at(12, 0))
        .unwrap();
    shift
        .refund(43, vec![line()], &card("411111******1111"), at(12, 1))
        .unwrap();
}

#[test]
fn restore_errors_pass_through_payments_error() {
    let error = serde_json::from_value::<CashCount>(json!({"pieces": {"0.03": 1}})).unwrap_err();
    let restore = apkalpe_core::RestoreError::missing("CashCount", "pieces", "x");
    let wrapped: PaymentsError = restore.clone().into();
    assert_eq!(wrapped.code(), "restore.missing");
    assert!(error.to_string().starts_with(restore.code()));
    let _ = (ReceivableStatus::Paid, NaiveDate::MIN);
}

#[test]
fn inputs_and_small_values_round_trip() {
    let tenders = [
        Tender::Cash {
            tendered: eur(dec!(10)),
        },
        Tender::Card {
            amount: eur(dec!(4.98)),
            reference: "411111******1111".into(),
        },
        Tender::Transfer {
            amount: eur(dec!(1)),
            reference: "RF18539007547034".into(),
        },
    ];
    for tender in &tenders {
        let back: Tender = serde_json::from_value(saved(tender)).unwrap();
        assert_eq!(&back, tender);
    }
    let extra = json!({"method": "cash", "tendered": money("1.00"), "change": money("0.00")});
    assert!(serde_json::from_value::<Tender>(extra).is_err());
    for status in [
        apkalpe_payments::EntryStatus::Booked,
        apkalpe_payments::EntryStatus::Pending,
        apkalpe_payments::EntryStatus::Information,
        apkalpe_payments::EntryStatus::Future,
        apkalpe_payments::EntryStatus::Unknown,
    ] {
        let back: apkalpe_payments::EntryStatus = serde_json::from_value(saved(&status)).unwrap();
        assert_eq!(back, status);
    }
    let request = apkalpe_payments::TokenRequest {
        key: IdempotencyKey::try_new("c1").unwrap(),
        token: "tok-000001".parse().unwrap(),
        amount: eur(dec!(25)),
    };
    let back: apkalpe_payments::TokenRequest = serde_json::from_value(saved(&request)).unwrap();
    assert_eq!(back, request);
    let token = set(saved(&request), "/token", json!("4111111111111111"));
    assert!(serde_json::from_value::<apkalpe_payments::TokenRequest>(token).is_err());
}

/// Decision 0007: every restore reason of the crate is written in Latvian too. The scanner
/// finds no `RestoreError::{missing, inconsistent, invalid_with}` left without
/// `.with_latvian_reason(…)`. serde carries a refusal as its English text only, so the
/// Latvian messages of real refusals (these and others) are checked where the saved forms
/// are visible: the unit tests `restore_reasons_reach_the_latvian_message` of
/// `src/cash.rs`, `src/card_payment.rs`, `src/reconcile.rs` and `src/register/tests.rs`
/// (eleven refusals, three with a count in Latvian), each of which also
/// checks that the public `Deserialize` reports the very refusal it looks at.
#[test]
fn restore_reasons_are_written_in_latvian_too() {
    apkalpe_testkit::source::assert_restore_reasons_in_latvian(env!("CARGO_MANIFEST_DIR"));
    // The refusals whose Latvian the unit tests check, as the public `Deserialize` gives them.
    let refusal = |error: serde_json::Error| error.to_string();
    assert_eq!(
        refusal(serde_json::from_value::<CashCount>(json!({"pieces": {"0.03": 1}})).unwrap_err()),
        "restore.missing: cannot restore CashCount: pieces[\"0.03\"]: no euro note or coin has \
         this value (keys run from \"500.00\" to \"0.01\")"
    );
    let shift = sample_shift();
    assert_eq!(
        refusal(
            serde_json::from_value::<OpenShift>(set(
                saved(&shift),
                "/events/0/cashier",
                json!("Ilze")
            ))
            .unwrap_err()
        ),
        "restore.inconsistent: cannot restore OpenShift: events[0].cashier: is \"Ilze\", but \
         the shift's cashier is \"Anna Liepa\""
    );
    let mut payment = CardPayment::try_new(eur(dec!(10))).unwrap();
    let mut terminal = SimulatedTerminal::new();
    payment
        .authorise(
            &mut terminal,
            "4111111111111111".parse().unwrap(),
            "12/30".parse().unwrap(),
            &IdempotencyKey::try_new("a").unwrap(),
            day(2026, 11, 27),
        )
        .unwrap();
    payment
        .capture(
            &mut terminal,
            eur(dec!(8)),
            &IdempotencyKey::try_new("c").unwrap(),
        )
        .unwrap();
    assert_eq!(
        refusal(
            serde_json::from_value::<CardPayment>(set(
                saved(&payment),
                "/events/1/operation",
                json!("refund")
            ))
            .unwrap_err()
        ),
        "restore.inconsistent: cannot restore CardPayment: events[1]: records a refund of \
         8.00 EUR, but the state needs a capture of 8.00 EUR"
    );
}

/// Through the public `Deserialize`, serde carries a refusal as English text; run inside
/// `apkalpe_core::with_restore_error`, the same call gives back the `RestoreError` with its
/// Latvian message.
#[test]
fn a_refusal_through_deserialize_reads_in_latvian_with_the_restore_error() {
    use apkalpe_core::{Language, LocalizedError, with_restore_error};
    let shift = sample_shift();
    let edited = set(saved(&shift), "/events/0/cashier", json!("Ilze"));
    let read = with_restore_error(|| serde_json::from_value::<OpenShift>(edited));
    let Err((error, Some(restore))) = read else {
        panic!("the edited shift is refused with a RestoreError");
    };
    assert_eq!(error.to_string(), restore.to_string());
    assert_eq!(
        (restore.code(), restore.field()),
        ("restore.inconsistent", "events[0].cashier")
    );
    let latvian = restore.message_in(Language::Latvian);
    assert!(
        latvian.contains("Ilze") && latvian.contains("Anna Liepa"),
        "{latvian}"
    );
    assert!(!latvian.contains("but the shift's cashier"), "{latvian}");
    // A count with an unknown coin, likewise.
    let read =
        with_restore_error(|| serde_json::from_value::<CashCount>(json!({"pieces": {"0.03": 1}})));
    let Err((_, Some(restore))) = read else {
        panic!("0.03 is refused");
    };
    assert_eq!(restore.code(), "restore.missing");
    assert_ne!(
        restore.message_in(Language::Latvian),
        restore.message_in(Language::English)
    );
}
