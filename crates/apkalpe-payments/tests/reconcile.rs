//! camt reading and reconciliation against receivables.

use apkalpe_payments::{
    BankStatement, CreditDebit, MatchStatus, ReceivableLedger, ReceivableStatus,
    ReconciliationReport, StatementKind, read_receivables_csv, reconcile,
};
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::support::{day, eur};

const STATEMENT: &[u8] = include_bytes!("fixtures/statement-camt053-001.08.xml");
const RECEIVABLES: &str = include_str!("fixtures/receivables.csv");

fn ledger() -> ReceivableLedger {
    ReceivableLedger::try_from_receivables(read_receivables_csv(RECEIVABLES).unwrap()).unwrap()
}

#[test]
fn the_sample_statement_reconciles() {
    let statement = BankStatement::read(STATEMENT).unwrap();
    assert_eq!(statement.kind(), StatementKind::Camt053);
    assert_eq!(statement.version(), "001.08");
    assert_eq!(statement.account_iban(), Some("LV80BANK0000435195001"));
    assert_eq!(statement.entries().len(), 8);
    let mut ledger = ledger();
    let report = reconcile(&statement, &mut ledger).unwrap();
    let statuses: Vec<&str> = report
        .entries()
        .iter()
        .map(|e| e.status().as_str())
        .collect();
    assert_eq!(
        statuses,
        [
            "matched",
            "matched",
            "partial",
            "ambiguous",
            "matched",
            "matched",
            "unmatched",
            "ignored"
        ]
    );
    assert_eq!(ledger.open("INV-2026-0103").unwrap(), eur(dec!(305.00)));
    assert_eq!(ledger.credits()["SIA Daugava, filiāle"], eur(dec!(10.00)));
    insta::assert_snapshot!("reconcile__table", report.render_table());
    let json: Vec<String> = report
        .entries()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    insta::assert_snapshot!("reconcile__json_lines", json.join("\n"));
    // Twice: nothing more is applied.
    let again = reconcile(&statement, &mut ledger).unwrap();
    assert_eq!(
        again.count(MatchStatus::Matched) + again.count(MatchStatus::Partial),
        0
    );
    assert_eq!(ledger.open("INV-2026-0103").unwrap(), eur(dec!(305.00)));
    let reminder = ledger.reminder("Anna Kalniņa", day(2026, 12, 3)).unwrap();
    assert_eq!(
        reminder.items()[0].status(),
        ReceivableStatus::Overdue { days: 3 }
    );
    insta::assert_snapshot!("reconcile__reminder", reminder.render());
}

#[test]
fn camt_053_version_02_and_camt_054() {
    let v02 = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M2</MsgId></GrpHdr>
<Stmt><Id>S2</Id><Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">48.40</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-27</Dt></BookgDt><AcctSvcrRef>V2-1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>INV-2026-0102</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">48.40</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Jānis Bērziņš</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>"#;
    let statement = BankStatement::read(v02.as_bytes()).unwrap();
    assert_eq!(statement.version(), "001.02");
    let entry = &statement.entries()[0];
    assert!(entry.is_booked());
    assert_eq!(entry.transactions()[0].debtor_name(), Some("Jānis Bērziņš"));
    assert_eq!(entry.transactions()[0].amount(), Some(eur(dec!(48.40))));
    let mut ledger = ledger();
    let report = reconcile(&statement, &mut ledger).unwrap();
    assert_eq!(report.entries()[0].status(), MatchStatus::Matched);
    assert_eq!(report.entries()[0].rule().as_str(), "invoice_number");

    let v054 = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>N1</MsgId></GrpHdr><Ntfctn><Id>N1</Id>
<Ntry><Amt Ccy="EUR">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><AcctSvcrRef>N-1</AcctSvcrRef></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"#;
    let notification = BankStatement::read(v054.as_bytes()).unwrap();
    assert_eq!(notification.kind(), StatementKind::Camt054);
    assert_eq!(notification.entries()[0].direction(), CreditDebit::Debit);
    assert!(!notification.entries()[0].is_booked());
}

#[test]
fn malformed_statements_are_typed_errors() {
    let code = |bytes: &[u8]| BankStatement::read(bytes).unwrap_err().code();
    assert_eq!(code(b"\xff\xfe"), "statement.encoding");
    assert_eq!(code(b"<Document><BkToCstmrStmt>"), "statement.xml");
    assert_eq!(code(b"<Invoice/>"), "statement.not_camt");
    assert_eq!(
        code(br#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>"#),
        "statement.not_camt"
    );
    let entry = |inner: &str| {
        format!(
            "<Document><BkToCstmrStmt><Stmt><Ntry>{inner}</Ntry></Stmt></BkToCstmrStmt></Document>"
        )
    };
    assert_eq!(
        code(entry("<CdtDbtInd>CRDT</CdtDbtInd>").as_bytes()),
        "statement.missing"
    );
    assert_eq!(
        code(entry(r#"<Amt Ccy="EUR">1,5</Amt><CdtDbtInd>CRDT</CdtDbtInd>"#).as_bytes()),
        "statement.amount"
    );
    assert_eq!(
        code(entry(r#"<Amt Ccy="EUR">1.5</Amt><CdtDbtInd>X</CdtDbtInd>"#).as_bytes()),
        "statement.credit_debit"
    );
    assert_eq!(code(entry(r#"<Amt Ccy="EUR">1.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>27.11.2026</Dt></BookgDt>"#).as_bytes()), "statement.date");
}

proptest! {
    #[test]
    fn the_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = BankStatement::read(&bytes);
    }

    #[test]
    fn the_reader_never_panics_on_near_valid_xml(cut in 0usize..4000, junk in "\\PC{0,8}") {
        let text = std::str::from_utf8(STATEMENT).unwrap();
        let cut = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let mutated = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = BankStatement::read(mutated.as_bytes());
    }

    #[test]
    fn the_csv_reader_never_panics(text in "\\PC{0,200}") {
        let _ = read_receivables_csv(&format!("number,debtor,amount,currency,due_date,reference\n{text}"));
    }

    #[test]
    fn no_entry_is_allocated_twice_and_never_more_than_paid(
        amounts in proptest::collection::vec(1i64..50_000, 1..30),
        picks in proptest::collection::vec((0usize..30, 0u8..3), 1..40),
    ) {
        let mut csv = String::from("number,debtor,amount,currency,due_date,reference\n");
        for (i, a) in amounts.iter().enumerate() {
            csv.push_str(&format!("INV-{i},Klients {},{}.{:02},EUR,2026-12-01,\n", i % 3, a / 100, a % 100));
        }
        let mut ledger = ReceivableLedger::try_from_receivables(read_receivables_csv(&csv).unwrap()).unwrap();
        let mut xml = String::from(r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>P</Id>"#);
        let mut total_in = rust_decimal::Decimal::ZERO;
        for (n, (pick, style)) in picks.iter().enumerate() {
            let target = pick % amounts.len();
            let cents = amounts[target] / (1 + i64::from(*style));
            let amount = rust_decimal::Decimal::new(cents.max(1), 2);
            total_in += amount;
            let remittance = match style {
                0 => format!("<Ustrd>INV-{target}</Ustrd>"),
                1 => "<Ustrd>par precēm</Ustrd>".to_owned(),
                _ => format!("<Ustrd>inv-{target} un INV-{}</Ustrd>", (target + 1) % amounts.len()),
            };
            // Every third entry repeats an earlier key.
            let key = if n % 3 == 2 { n - 1 } else { n };
            xml.push_str(&format!(
                r#"<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><AcctSvcrRef>E{key}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Klients {}</Nm></Pty></Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>"#,
                target % 3
            ));
        }
        xml.push_str("</Stmt></BkToCstmrStmt></Document>");
        let statement = BankStatement::read(xml.as_bytes()).unwrap();
        let report = reconcile(&statement, &mut ledger).unwrap();
        let mut applied = std::collections::HashSet::new();
        for outcome in report.entries() {
            if matches!(outcome.status(), MatchStatus::Matched | MatchStatus::Partial) {
                prop_assert!(applied.insert(outcome.entry_ref().to_owned()), "entry {} applied twice", outcome.entry_ref());
            }
        }
        let paid: rust_decimal::Decimal = ledger.receivables().iter().map(|r| ledger.paid(r.number()).unwrap().amount()).sum();
        let credit: rust_decimal::Decimal = ledger.credits().values().map(|m| m.amount()).sum();
        prop_assert!(paid + credit <= total_in);
        for r in ledger.receivables() {
            prop_assert!(ledger.paid(r.number()).unwrap().amount() <= r.amount().amount());
        }
        let again = reconcile(&statement, &mut ledger).unwrap();
        prop_assert_eq!(again.count(MatchStatus::Matched) + again.count(MatchStatus::Partial), 0);
    }
}

#[test]
fn a_credit_for_an_archived_receivable_is_the_same_credit_as_before_the_archive() {
    use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable};
    let invoice = || {
        Receivable::try_new(
            "INV-1",
            "SIA \"Rati\"",
            eur(dec!(100)),
            day(2026, 1, 20),
            None,
        )
        .unwrap()
    };
    let paid = IncomingPayment::new("B1", "SIA \"Rati\"", eur(dec!(100)), day(2026, 1, 10));
    let note = IncomingPayment::new("KR-1", "SIA \"Rati\"", eur(dec!(30)), day(2026, 6, 1));
    // Before the archive: the note goes to the settled receivable, all of it credit.
    let mut kept = ReceivableLedger::try_from_receivables([invoice()]).unwrap();
    kept.apply(&paid, &AllocationTarget::Receivable("INV-1".into()))
        .unwrap();
    let before = kept
        .apply(&note, &AllocationTarget::Receivable("INV-1".into()))
        .unwrap();
    // After it: the receivable is gone, the note is the payer's credit.
    let mut archived = ReceivableLedger::try_from_receivables([invoice()]).unwrap();
    archived
        .apply(&paid, &AllocationTarget::Receivable("INV-1".into()))
        .unwrap();
    assert_eq!(archived.archive_settled(day(2026, 3, 1)).len(), 1);
    let after = archived.apply(&note, &AllocationTarget::Credit).unwrap();
    assert_eq!(after.credit(), before.credit());
    assert_eq!(after.debtor(), before.debtor());
    assert!(after.parts().is_empty());
    assert_eq!(archived.credits(), kept.credits());
    // Once only.
    assert_eq!(
        archived
            .apply(&note, &AllocationTarget::Credit)
            .unwrap_err()
            .code(),
        "receivable.already_applied"
    );
}

#[test]
fn statements_are_read_through_getters_and_built_through_checks() {
    use apkalpe_payments::{EntryTransaction, StatementEntry};
    let read = BankStatement::read(STATEMENT).unwrap();
    // A statement built entry by entry from the getters of one read equals it.
    let entries = read
        .entries()
        .iter()
        .map(|entry| {
            StatementEntry::try_new(entry.amount(), entry.direction(), entry.status())
                .unwrap()
                .with_references(entry.entry_reference(), entry.account_servicer_reference())
                .with_dates(entry.booking_date(), entry.value_date())
                .try_with_transactions(entry.transactions().to_vec())
                .unwrap()
        })
        .collect();
    let built = BankStatement::new(read.kind(), read.version(), entries)
        .with_ids(read.message_id(), read.statement_id())
        .with_account_iban(read.account_iban());
    assert_eq!(built, read);
    // Amounts are never negative, the entry's nor a transaction's.
    let negative = StatementEntry::try_new(eur(dec!(-0.01)), CreditDebit::Debit, "BOOK");
    assert_eq!(negative.unwrap_err().code(), "statement.negative");
    let transaction = EntryTransaction::default().with_amount(eur(dec!(-5)));
    let error = StatementEntry::try_new(eur(dec!(5)), CreditDebit::Credit, "BOOK")
        .unwrap()
        .try_with_transactions(vec![transaction])
        .unwrap_err();
    assert_eq!(error.code(), "statement.negative");
    // The saved form is unchanged, and deserialising checks the amounts and the order.
    let json = serde_json::to_value(&read).unwrap();
    assert_eq!(json["entries"][1]["index"], serde_json::json!(1));
    assert_eq!(
        serde_json::from_value::<BankStatement>(json.clone()).unwrap(),
        read
    );
    let mut swapped = json.clone();
    swapped["entries"][1]["index"] = serde_json::json!(0);
    let error = serde_json::from_value::<BankStatement>(swapped).unwrap_err();
    assert!(
        error.to_string().starts_with("restore.inconsistent"),
        "{error}"
    );
    let mut negative = json;
    negative["entries"][0]["amount"]["amount"] = serde_json::json!("-1.00");
    let error = serde_json::from_value::<BankStatement>(negative).unwrap_err();
    assert!(
        error.to_string().contains("[statement.negative]"),
        "{error}"
    );
}

#[test]
fn the_report_is_a_keyed_object_with_counts() {
    let statement = BankStatement::read(STATEMENT).unwrap();
    let report = reconcile(&statement, &mut ledger()).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["counts", "entries"]);
    assert_eq!(json["entries"].as_array().unwrap().len(), 8);
    assert_eq!(
        json["counts"],
        serde_json::json!({"matched": 4, "partial": 1, "ambiguous": 1, "unmatched": 1,
                           "not_booked": 0, "ignored": 1, "before_horizon": 0})
    );
    // The counts come in the order of the statuses, after the outcomes.
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.starts_with("{\"entries\":["), "{text}");
    assert!(
        text.contains("\"counts\":{\"matched\":4,\"partial\":1,"),
        "{text}"
    );
    // The outcomes' record leaves out the payer, candidates and credit (see EntryOutcome),
    // so the restored report saves the same JSON.
    let restored = serde_json::from_value::<ReconciliationReport>(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&restored).unwrap(), json);
    // The bare array of earlier versions is still read.
    let bare = json["entries"].clone();
    assert_eq!(
        serde_json::from_value::<ReconciliationReport>(bare).unwrap(),
        restored
    );
    // Counts that do not agree with the outcomes, or a status that does not exist, are
    // refused; an outcome is checked as before.
    let refused = |json: serde_json::Value| {
        serde_json::from_value::<ReconciliationReport>(json)
            .unwrap_err()
            .to_string()
    };
    let mut wrong = json.clone();
    wrong["counts"]["matched"] = serde_json::json!(5);
    assert!(refused(wrong).starts_with(
        "restore.inconsistent: cannot restore ReconciliationReport: counts.matched: is 5, but 4"
    ),);
    let mut unknown = json.clone();
    unknown["counts"]["lost"] = serde_json::json!(0);
    assert!(refused(unknown).contains("counts.lost"));
    let mut missing = json.clone();
    missing["counts"].as_object_mut().unwrap().remove("ignored");
    assert!(refused(missing).contains("counts.ignored: is missing"));
    let mut outcome = json;
    outcome["entries"][0]["status"] = serde_json::json!("ignored");
    assert!(refused(outcome).starts_with("restore."));
}
