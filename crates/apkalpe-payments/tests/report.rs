//! camt.052 account reports (intraday) and entries the bank has not booked.

use apkalpe_payments::{
    BankStatement, EntryStatus, MatchRule, MatchStatus, ReceivableLedger, StatementKind,
    read_receivables_csv, reconcile,
};
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::support::eur;

const REPORT: &str = include_str!("fixtures/report-camt052-001.08.xml");
const STATEMENT: &[u8] = include_bytes!("fixtures/statement-camt053-001.08.xml");
const BATCH: &str = include_str!("fixtures/statement-camt053-batch.xml");
const RECEIVABLES: &str = include_str!("fixtures/receivables.csv");

fn ledger() -> ReceivableLedger {
    ReceivableLedger::try_from_receivables(read_receivables_csv(RECEIVABLES).unwrap()).unwrap()
}

#[test]
fn the_sample_report_is_read_like_a_statement() {
    let report = BankStatement::read(REPORT.as_bytes()).unwrap();
    assert_eq!(report.kind(), StatementKind::Camt052);
    assert_eq!(report.version(), "001.08");
    assert_eq!(report.message_id(), Some("APKALPE-RPT-20261127-1200"));
    assert_eq!(report.statement_id(), Some("RPT-2026-11-27-1200"));
    assert_eq!(report.account_iban(), Some("LV80BANK0000435195001"));
    let statuses: Vec<EntryStatus> = report.entries().iter().map(|e| e.entry_status()).collect();
    assert_eq!(statuses, [EntryStatus::Booked, EntryStatus::Pending]);
    assert_eq!(report.entries()[1].status(), "PDNG");
    assert!(!report.entries()[1].is_booked());
    assert_eq!(report.entries()[1].amount(), eur(dec!(48.40)));
    assert_eq!(report.entries()[1].key(), "2026112700000002");
}

#[test]
fn a_pending_entry_is_reported_not_applied_and_applied_once_when_booked() {
    let intraday = BankStatement::read(REPORT.as_bytes()).unwrap();
    let mut ledger = ledger();
    let report = reconcile(&intraday, &mut ledger).unwrap();
    let rows: Vec<(&str, &str, &str)> = report
        .entries()
        .iter()
        .map(|e| (e.entry_ref(), e.status().as_str(), e.rule().as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026112700000001", "matched", "creditor_reference"),
            ("2026112700000002", "not_booked", "not_booked"),
        ]
    );
    assert_eq!(report.entries()[1].entry_status(), EntryStatus::Pending);
    assert_eq!(report.count(MatchStatus::NotBooked), 1);
    assert_eq!(report.count(MatchStatus::Ignored), 0);
    assert_eq!(ledger.open("INV-2026-0102").unwrap(), eur(dec!(48.40)));
    insta::assert_snapshot!("report__table", report.render_table());
    let json: Vec<String> = report
        .entries()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    insta::assert_snapshot!("report__json_lines", json.join("\n"));

    // The report again: the pending entry is still pending, nothing applied twice.
    let again = reconcile(&intraday, &mut ledger).unwrap();
    assert_eq!(again.entries()[0].rule(), MatchRule::AlreadyApplied);
    assert_eq!(again.entries()[1].status(), MatchStatus::NotBooked);

    // The end-of-day statement books both: the first is remembered, the second applied now.
    let day = BankStatement::read(STATEMENT).unwrap();
    let evening = reconcile(&day, &mut ledger).unwrap();
    assert_eq!(evening.entries()[0].rule(), MatchRule::AlreadyApplied);
    assert_eq!(evening.entries()[1].status(), MatchStatus::Matched);
    assert_eq!(evening.entries()[1].rule(), MatchRule::InvoiceNumber);
    assert!(ledger.open("INV-2026-0101").unwrap().is_zero());
    assert!(ledger.open("INV-2026-0102").unwrap().is_zero());
    assert!(ledger.credits().get("SIA Kurzemes Koks").is_none());
}

#[test]
fn information_future_and_unknown_statuses_are_not_booked_and_debits_stay_ignored() {
    let entry = |amount: &str, direction: &str, status: &str, reference: &str| {
        format!(
            r#"<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{direction}</CdtDbtInd>{status}<AcctSvcrRef>{reference}</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>"#
        )
    };
    let xml = format!(
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.13"><BkToCstmrAcctRpt><Rpt><Id>R</Id>{}{}{}{}{}</Rpt></BkToCstmrAcctRpt></Document>"#,
        entry("121.00", "CRDT", "<Sts><Cd>INFO</Cd></Sts>", "I-1"),
        entry("121.00", "CRDT", "<Sts><Cd>FUTR</Cd></Sts>", "F-1"),
        entry("121.00", "CRDT", "", "U-1"),
        entry("121.00", "DBIT", "<Sts><Cd>PDNG</Cd></Sts>", "D-1"),
        entry("121.00", "CRDT", "<Sts><Prtry>XBOOK</Prtry></Sts>", "X-1"),
    );
    let statement = BankStatement::read(xml.as_bytes()).unwrap();
    assert_eq!(statement.version(), "001.13");
    let mut ledger = ledger();
    let report = reconcile(&statement, &mut ledger).unwrap();
    let rows: Vec<(MatchStatus, MatchRule, EntryStatus)> = report
        .entries()
        .iter()
        .map(|e| (e.status(), e.rule(), e.entry_status()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                MatchStatus::NotBooked,
                MatchRule::NotBooked,
                EntryStatus::Information
            ),
            (
                MatchStatus::NotBooked,
                MatchRule::NotBooked,
                EntryStatus::Future
            ),
            (
                MatchStatus::NotBooked,
                MatchRule::NotBooked,
                EntryStatus::Unknown
            ),
            (MatchStatus::Ignored, MatchRule::Debit, EntryStatus::Pending),
            (
                MatchStatus::NotBooked,
                MatchRule::NotBooked,
                EntryStatus::Unknown
            ),
        ]
    );
    assert_eq!(ledger.open("INV-2026-0101").unwrap(), eur(dec!(121.00)));
    let table = report.render_table();
    assert!(table.contains("Not booked (4)"), "{table}");
    assert!(table.contains("I-1"), "{table}");
    assert!(table.contains("bank status information"), "{table}");
    let ignored = table.split("Ignored (1): ").nth(1).unwrap_or_default();
    assert!(
        ignored.contains(" debit"),
        "the ignored debit is listed: {table}"
    );
}

#[test]
fn camt_052_versions_02_to_13_and_without_namespace() {
    for minor in 2..=13 {
        let version = format!("001.{minor:02}");
        let xml = format!(
            r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.{version}"><BkToCstmrAcctRpt><Rpt><Id>R</Id>
<Ntry><Amt Ccy="EUR">48.40</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><AcctSvcrRef>V-{minor}</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Jānis Bērziņš</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Rpt></BkToCstmrAcctRpt></Document>"#
        );
        let report = BankStatement::read(xml.as_bytes()).unwrap();
        assert_eq!(
            (report.kind(), report.version()),
            (StatementKind::Camt052, version.as_str())
        );
        assert_eq!(report.entries()[0].entry_status(), EntryStatus::Pending);
        assert_eq!(
            report.entries()[0].transactions()[0].debtor_name(),
            Some("Jānis Bērziņš")
        );
    }
    let bare = br#"<Document><BkToCstmrAcctRpt><Rpt><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Rpt></BkToCstmrAcctRpt></Document>"#;
    let report = BankStatement::read(bare).unwrap();
    assert_eq!(
        (report.kind(), report.version()),
        (StatementKind::Camt052, "")
    );
    assert_eq!(
        BankStatement::read(
            br#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.060.001.05"/>"#
        )
        .unwrap_err()
        .code(),
        "statement.not_camt"
    );
}

proptest! {
    #[test]
    fn the_reader_never_panics_on_mutated_reports_and_batches(
        which in 0usize..2,
        cut in 0usize..6000,
        junk in "\\PC{0,8}",
        drop in 0usize..40,
    ) {
        let text = [REPORT, BATCH][which];
        let cut = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let end = (cut..=(cut + drop).min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let mutated = format!("{}{}{}", &text[..cut], junk, &text[end..]);
        if let Ok(statement) = BankStatement::read(mutated.as_bytes()) {
            // Whatever reads also reconciles without a panic.
            let _ = reconcile(&statement, &mut ledger());
        }
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes_inside_an_entry(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        root in 0usize..3,
    ) {
        let (namespace, element, block) = [
            ("camt.052.001.08", "BkToCstmrAcctRpt", "Rpt"),
            ("camt.053.001.08", "BkToCstmrStmt", "Stmt"),
            ("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", "Ntfctn"),
        ][root];
        let mut xml = format!(r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:{namespace}"><{element}><{block}><Ntry><NtryDtls><TxDtls>"#).into_bytes();
        xml.extend_from_slice(&bytes);
        if let Ok(statement) = BankStatement::read(&xml) {
            let _ = reconcile(&statement, &mut ledger());
        }
    }
}
