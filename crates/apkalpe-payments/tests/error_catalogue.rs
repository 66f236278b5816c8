//! The error catalogue of apkalpe-payments: one sample of every error code of this crate,
//! reached from public input where it can be and passed through `PaymentsError`, with its
//! message in English and Latvian. Codes are API: the snapshot shows any rename, the test
//! fails on a code sampled twice or a code of the source that has no sample, and
//! `docs/model/payments.md` carries the same table (set `APKALPE_WRITE_DOCS=1` to rewrite it
//! after a reviewed change of the snapshot).

use std::collections::BTreeMap;

use apkalpe_core::{CountryCode, Currency, Language, LocalizedError, Money, VatRate};
use apkalpe_payments::{
    AllocationTarget, BankStatement, Bic, CardExpiry, CardNumber, CardPayment, CardToken,
    CashCount, CashLimits, CashMovement, CashMovementKind, CashTender, DeclineReason, Discount,
    EpcQrError, FiscalDeviceError, IdempotencyKey, IncomingPayment, MaskedPan, PaymentRequest,
    PaymentsError, ReceiptLine, Receivable, ReceivableLedger, RegisterIdentity, Remittance,
    SimulatedTerminal, Tender, TerminalError, read_receivables_csv,
};
use rust_decimal_macros::dec;

use crate::support::{at, day, eur, register};

fn err<T, E: Into<PaymentsError>>(result: Result<T, E>) -> PaymentsError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

fn samples() -> Vec<PaymentsError> {
    let policy = apkalpe_core::CashRounding::builtin();
    let iban = || "LV80BANK0000435195001".parse().unwrap();
    let epc = |name: &str, amount: Money, remittance: Remittance| {
        PaymentRequest::try_new(name, iban(), None, amount, remittance)
    };
    let key = |k: &str| IdempotencyKey::try_new(k).unwrap();
    let mut terminal = SimulatedTerminal::new();
    let mut payment = CardPayment::try_new(eur(dec!(10))).unwrap();
    payment
        .authorise(
            &mut terminal,
            "4111111111111111".parse().unwrap(),
            "12/30".parse().unwrap(),
            &key("a"),
            day(2026, 11, 27),
        )
        .unwrap();
    let mut shift = register(CountryCode::LV)
        .open_shift("Anna", CashCount::new(), at(8, 0))
        .unwrap();
    let line = ReceiptLine::try_new(
        "Maize",
        dec!(1),
        eur(dec!(1)),
        VatRate::try_new(dec!(12)).unwrap(),
    )
    .unwrap();
    let mut ledger = ReceivableLedger::new();
    ledger
        .add(
            Receivable::try_new("INV-1", "Klients", eur(dec!(10)), day(2026, 12, 1), None).unwrap(),
        )
        .unwrap();
    let pay = IncomingPayment::new("P1", "Klients", eur(dec!(5)), day(2026, 12, 1));
    ledger
        .apply(&pay, &AllocationTarget::Receivable("INV-1".into()))
        .unwrap();
    let csv = |row: &str| {
        read_receivables_csv(&format!(
            "number,debtor,amount,currency,due_date,reference\n{row}"
        ))
    };
    vec![
        // Cards.
        err("".parse::<CardNumber>()),
        err("4111x".parse::<CardNumber>()),
        err("41111".parse::<CardNumber>()),
        err("4111111111111112".parse::<CardNumber>()),
        err("9111111111111110".parse::<CardNumber>()),
        err("411111111111116".parse::<CardNumber>()),
        err(MaskedPan::try_new("4111111111111111")),
        err("1227".parse::<CardExpiry>()),
        err("13/27".parse::<CardExpiry>()),
        err(IdempotencyKey::try_new("")),
        err(CardToken::try_new("tok4111111111111111")),
        // Terminal and payment.
        err(Err::<(), _>(TerminalError::Declined { reason: DeclineReason::DoNotHonour })),
        err(Err::<(), _>(TerminalError::TimedOut)),
        err(Err::<(), _>(TerminalError::Unavailable)),
        err(Err::<(), _>(TerminalError::UnknownToken)),
        err(Err::<(), _>(TerminalError::KeyReused { key: key("k") })),
        err(payment.refund(&mut terminal, eur(dec!(1)), &key("r"))),
        err(payment.capture(&mut terminal, eur(dec!(-1)), &key("c"))),
        err(payment.capture(&mut terminal, eur(dec!(11)), &key("c"))),
        err(CardPayment::try_new(eur(dec!(10))).unwrap().authorise(&mut terminal, "4111111111111111".parse().unwrap(), "01/20".parse().unwrap(), &key("x"), day(2026, 11, 27))),
        err(payment.capture(&mut terminal, eur(dec!(5)), &key("a"))),
        // Cash.
        err(CashCount::new().make_change(Money::new(dec!(1), Currency::USD))),
        err(CashCount::new().make_change(eur(dec!(0.001)))),
        err(CashCount::new().make_change(eur(dec!(1)))),
        err(CashTender::settle(&policy, CountryCode::LV, day(2026, 11, 27), eur(dec!(5)), eur(dec!(0)), eur(dec!(4)))),
        err(CashCount::new().with(apkalpe_payments::Denomination::Euro5, 1).unwrap().remove(apkalpe_payments::Denomination::Euro5, 2)),
        err(CashMovement::try_new(CashMovementKind::Deposit, eur(dec!(5)), " ", "KIO-1")),
        err(CashMovement::try_new(CashMovementKind::Deposit, eur(dec!(0)), "x", "KIO-1")),
        err(CashCount::new().with(apkalpe_payments::Denomination::Euro5, u32::MAX).unwrap().with(apkalpe_payments::Denomination::Euro5, 1)),
        err(CashLimits::latvia().check(Money::new(dec!(1), Currency::USD))),
        // Cash limits.
        err(apkalpe_payments::CashLimitLedger::new(CashLimits::latvia()).record(
            apkalpe_payments::CashOperation::try_new("KIO-1", day(2026, 11, 27), apkalpe_payments::CashDirection::Received, eur(dec!(7200.01))).unwrap(),
        )),
        err({
            let mut ledger = apkalpe_payments::CashLimitLedger::new(CashLimits::latvia());
            let operation = apkalpe_payments::CashOperation::try_new("KIO-1", day(2026, 11, 27), apkalpe_payments::CashDirection::Received, eur(dec!(1))).unwrap();
            ledger.record(operation.clone()).unwrap();
            ledger.record(operation)
        }),
        err(apkalpe_payments::CashCounterparty::private("C-1", "\u{7}")),
        // Bank transfers and EPC QR.
        err("HABA22".parse::<Bic>()),
        err("HAB1LV22".parse::<Bic>()),
        err(epc(" ", eur(dec!(1)), Remittance::None)),
        err(epc(&"N".repeat(71), eur(dec!(1)), Remittance::None)),
        err(Remittance::from_parts(Some("RF18539007547034"), Some("x"))),
        err(epc("A", eur(dec!(1)), Remittance::Text("T".repeat(141)))),
        err(epc("A", eur(dec!(1)), Remittance::None).unwrap().with_information(&"I".repeat(71))),
        err(epc("A", eur(dec!(1)), Remittance::None).unwrap().with_purpose("G1")),
        err(epc("A\nB", eur(dec!(1)), Remittance::None)),
        err(epc("A", Money::new(dec!(1), Currency::USD), Remittance::None)),
        err(epc("A", eur(dec!(0)), Remittance::None)),
        err(epc(&"N".repeat(70), eur(dec!(1)), Remittance::Text("é".repeat(140)))),
        // The QR encoder's refusals: a payload within 331 bytes always fits version 13, so
        // these are built by hand to show the message.
        err(Err::<(), _>(EpcQrError::QrVersion { found: 14 })),
        err(Err::<(), _>(EpcQrError::QrEncoding)),
        // Cash register.
        err(RegisterIdentity::try_new("", "1", "a", "s", "f", CountryCode::LV)),
        err(shift.sell(vec![], &[], at(9, 0))),
        err(ReceiptLine::try_new("x", dec!(0), eur(dec!(1)), VatRate::ZERO)),
        err(ReceiptLine::try_new("x", dec!(1), eur(dec!(-1)), VatRate::ZERO)),
        err(ReceiptLine::try_new("x", dec!(1), eur(dec!(1)), VatRate::ZERO).unwrap().with_discount(Discount::Amount(eur(dec!(2))), "x")),
        err(ReceiptLine::try_new("x", dec!(1), eur(dec!(1)), VatRate::ZERO).unwrap().with_discount(Discount::Percent(dec!(101)), "x")),
        err(shift.sell(vec![line.clone()], &[Tender::Card { amount: Money::new(dec!(1), Currency::USD), reference: "x".into() }], at(9, 0))),
        err(shift.sell(vec![line.clone()], &[Tender::Card { amount: eur(dec!(0.5)), reference: "x".into() }], at(9, 0))),
        err(shift.sell(vec![line.clone()], &[Tender::Cash { tendered: eur(dec!(0)) }], at(9, 0))),
        err({
            let mut shift = register(CountryCode::LV).open_shift("Anna", CashCount::new(), at(8, 0)).unwrap();
            let cash = [Tender::Cash { tendered: eur(dec!(1)) }];
            shift.sell(vec![line.clone()], &cash, at(9, 0)).unwrap();
            shift.refund(1, vec![line.clone()], &cash, at(9, 1)).unwrap();
            shift.refund(2, vec![line.clone()], &cash, at(9, 2))
        }),
        err(shift.refund(7, vec![line.clone()], &[Tender::Cash { tendered: eur(dec!(1)) }], at(9, 0))),
        err(shift.sell(vec![line], &[Tender::Card { amount: eur(dec!(1)), reference: "4111 1111 1111 1111".into() }], at(9, 0))),
        err(register(CountryCode::LV)
            .with_counters(u64::MAX, 0, eur(dec!(0)))
            .unwrap()
            .open_shift("Anna", CashCount::new(), at(8, 0))
            .unwrap()
            .sell(vec![ReceiptLine::try_new("x", dec!(1), eur(dec!(1)), VatRate::ZERO).unwrap()], &[Tender::Cash { tendered: eur(dec!(1)) }], at(9, 0))),
        err(Err::<(), _>(FiscalDeviceError::Unavailable)),
        err(Err::<(), _>(FiscalDeviceError::Rejected { reason: "paper out".into() })),
        // Receivables, CSV, statements.
        err(Receivable::try_new("", "x", eur(dec!(1)), day(2026, 1, 1), None)),
        err(Receivable::try_new("INV", "x", eur(dec!(0)), day(2026, 1, 1), None)),
        err(ledger.add(Receivable::try_new("inv-1", "x", eur(dec!(1)), day(2026, 1, 1), None).unwrap())),
        err(ledger.apply(&IncomingPayment::new("P2", pay.payer(), pay.amount(), pay.date()), &AllocationTarget::Receivable("INV-9".into()))),
        err(ledger.apply(&pay, &AllocationTarget::Receivable("INV-1".into()))),
        err(ledger.apply(&IncomingPayment::new("P3", pay.payer(), Money::new(dec!(1), Currency::USD), pay.date()), &AllocationTarget::Receivable("INV-1".into()))),
        err({
            let mut archived = ledger.clone();
            archived.archive_settled(day(2027, 1, 1));
            archived.apply(&IncomingPayment::new("P4", pay.payer(), pay.amount(), pay.date()), &AllocationTarget::Receivable("INV-1".into()))
        }),
        err(read_receivables_csv("number,amount\n")),
        err(csv("INV-1,x,1.00")),
        err(csv("INV-1,\"x,1.00,EUR,2026-01-01,")),
        err(csv("INV-1,x,1.00,EUR,01.01.2026,")),
        err(BankStatement::read(b"\xff")),
        err(BankStatement::read(b"<Document><BkToCstmrStmt>")),
        err(BankStatement::read(b"<Invoice/>")),
        err(BankStatement::read(b"<Document><BkToCstmrStmt><Stmt><Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>")),
        err(BankStatement::read(br#"<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">x</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>"#)),
        err(BankStatement::read(br#"<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>x</Dt></ValDt></Ntry></Stmt></BkToCstmrStmt></Document>"#)),
        err(BankStatement::read(br#"<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">1</Amt><CdtDbtInd>C</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>"#)),
        err(apkalpe_payments::StatementEntry::try_new(eur(dec!(-1)), apkalpe_payments::CreditDebit::Credit, "BOOK")),
    ]
}

/// Saved values a `Deserialize` refuses: one of each restore problem. serde carries the
/// `RestoreError` as text that starts with its code; the text is shown without serde's
/// position.
fn restore_samples() -> Vec<(String, String)> {
    let refusals = [
        serde_json::from_str::<CashMovement>(
            r#"{"kind": "deposit", "amount": {"amount": "0.00", "currency": "EUR"}, "reason": "x", "document": "KIO-1"}"#,
        )
        .map(|_| ()),
        serde_json::from_str::<CashCount>(r#"{"pieces": {"0.05": 1, "0.05": 2}}"#).map(|_| ()),
        serde_json::from_str::<CashCount>(r#"{"pieces": {"0.03": 1}}"#).map(|_| ()),
        serde_json::from_str::<CashCount>(r#"{"pieces": {}, "counts": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}"#)
            .map(|_| ()),
    ];
    refusals
        .into_iter()
        .map(|refusal| {
            let text = refusal.expect_err("refused").to_string();
            let text = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(message, _)| message);
            let (code, _) = text.split_once(": ").expect("a code first");
            (code.to_owned(), text.to_owned())
        })
        .collect()
}

/// Every code the source can produce: the dotted literal of each arm of a `code()` method
/// (`RegisterError::Tenders { .. } => "register.tenders",`), outside unit tests. (Other
/// arms name field paths, such as `=> "kind.original"` in a restore.)
fn source_codes() -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_in_error_arms(&files)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/payments.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-payments/tests/error_catalogue.rs -->";
const END: &str = "<!-- end of error catalogue -->";

#[test]
fn error_catalogue() {
    // A restore error keeps its code through `PaymentsError`.
    let restore: PaymentsError =
        apkalpe_core::RestoreError::missing("CashCount", "pieces", "x").into();
    assert_eq!(restore.code(), "restore.missing");
    // Saved values a `Deserialize` refuses give each restore code (core's codes).
    let restored: Vec<String> = restore_samples()
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(
        restored,
        [
            "restore.invalid",
            "restore.duplicate",
            "restore.missing",
            "restore.inconsistent"
        ]
    );
    let in_source = source_codes();
    let mut catalogue: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    for error in samples() {
        let code = error.code();
        assert!(
            code.split('.').count() == 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{code} is not dotted snake_case"
        );
        // Through `PaymentsError` and the trait, the same code; English is `Display`.
        assert_eq!(LocalizedError::code(&error), code);
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        assert_ne!(messages.0, messages.1, "{code} has no Latvian message");
        assert!(
            !messages.1.is_empty() && !messages.1.ends_with('.'),
            "{code}: {}",
            messages.1
        );
        // Boxed and erased, the error is found again.
        let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
        let found = apkalpe_core::find_localized(&*boxed, &[apkalpe_payments::downcast_error]);
        assert_eq!(found.map(|e| e.code()), Some(code));
        // Codes of core that payments passes on are in core's catalogue.
        if !in_source.contains_key(code) {
            continue;
        }
        assert!(
            catalogue.insert(code, messages).is_none(),
            "{code} is sampled twice"
        );
    }
    // Only codes in the source were kept, so the second direction holds by construction.
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |_| false,
        |_| false,
    );
    // A fact example: 7 200.01 EUR in cash is over the legal cap.
    assert_eq!(
        CashLimits::latvia().check(eur(dec!(7200.01))).unwrap(),
        apkalpe_payments::CashLimitCheck::Forbidden
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("error_catalogue__payments", table);
    check_docs(&table);
}

/// The table in `docs/model/payments.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-payments",
    );
}
