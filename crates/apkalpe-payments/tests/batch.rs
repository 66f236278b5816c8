//! Batched statement entries: one booked amount, several `TxDtls` with their own amounts,
//! split into transactions and matched one by one.

use std::collections::HashSet;

use apkalpe_core::CreditorReference;
use apkalpe_payments::{
    BankStatement, EntryOutcome, IncomingPayment, MatchRule, MatchStatus, ReceivableLedger,
    ReconciliationReport, read_receivables_csv, reconcile,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{day, eur};

const BATCH: &str = include_str!("fixtures/statement-camt053-batch.xml");
const RECEIVABLES: &str = include_str!("fixtures/receivables.csv");
const KEY: &str = "2026112800000001";

fn ledger() -> ReceivableLedger {
    ReceivableLedger::try_from_receivables(read_receivables_csv(RECEIVABLES).unwrap()).unwrap()
}

fn paid_total(ledger: &ReceivableLedger) -> Decimal {
    let paid: Decimal = ledger
        .receivables()
        .iter()
        .map(|r| ledger.paid(r.number()).unwrap().amount())
        .sum();
    let credit: Decimal = ledger.credits().values().map(|m| m.amount()).sum();
    paid + credit
}

fn json_lines(report: &ReconciliationReport) -> String {
    let lines: Vec<String> = report
        .entries()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    lines.join("\n")
}

fn applied(outcome: &EntryOutcome) -> bool {
    matches!(
        outcome.status(),
        MatchStatus::Matched | MatchStatus::Partial
    )
}

#[test]
fn a_batch_entry_is_read_with_its_transactions_amounts() {
    let statement = BankStatement::read(BATCH.as_bytes()).unwrap();
    assert_eq!(statement.entries().len(), 1);
    let entry = &statement.entries()[0];
    assert_eq!(entry.amount(), eur(dec!(244.40)));
    let amounts: Vec<_> = entry.transactions().iter().map(|t| t.amount()).collect();
    assert_eq!(
        amounts,
        [
            Some(eur(dec!(121.00))),
            Some(eur(dec!(48.40))),
            Some(eur(dec!(75.00)))
        ]
    );
    assert_eq!(entry.key(), KEY);
    assert_eq!(entry.transaction_key(2), "2026112800000001/2");
}

#[test]
fn a_batch_entry_is_split_and_each_transaction_matched_on_its_own() {
    let statement = BankStatement::read(BATCH.as_bytes()).unwrap();
    let mut ledger = ledger();
    let report = reconcile(&statement, &mut ledger).unwrap();
    let rows: Vec<String> = report
        .entries()
        .iter()
        .map(|e| {
            format!(
                "{} {:?} {} {} {} {}",
                e.entry_ref(),
                e.transaction(),
                e.status().as_str(),
                e.rule().as_str(),
                e.receivable().unwrap_or("-"),
                e.amount()
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "2026112800000001/0 Some(0) matched creditor_reference INV-2026-0101 121.00 EUR",
            "2026112800000001/1 Some(1) matched invoice_number INV-2026-0102 48.40 EUR",
            "2026112800000001/2 Some(2) unmatched no_match - 75.00 EUR",
        ]
    );
    assert_eq!(report.entries()[2].payer(), Some("Pēteris Ozols"));
    assert!(ledger.open("INV-2026-0101").unwrap().is_zero());
    assert!(ledger.open("INV-2026-0102").unwrap().is_zero());
    assert!(ledger.credits().is_empty());
    // Only the matched transactions are applied: 121.00 + 48.40 of the 244.40.
    assert_eq!(paid_total(&ledger), dec!(169.40));
    insta::assert_snapshot!("batch__table", report.render_table());
    insta::assert_snapshot!("batch__json_lines", json_lines(&report));

    // The same statement again: every transaction is remembered, nothing more is applied.
    let again = reconcile(&statement, &mut ledger).unwrap();
    assert!(again.entries().iter().all(|e| !applied(e)));
    let rules: Vec<&str> = again.entries().iter().map(|e| e.rule().as_str()).collect();
    assert_eq!(
        rules,
        ["already_applied", "already_applied", "no_match"],
        "the unmatched transaction stays for a person"
    );
    assert_eq!(paid_total(&ledger), dec!(169.40));
}

#[test]
fn a_batch_that_does_not_add_up_is_one_unmatched_outcome_and_applies_nothing() {
    let wrong = BATCH.replacen(
        r#"<Amt Ccy="EUR">244.40</Amt>"#,
        r#"<Amt Ccy="EUR">250.00</Amt>"#,
        1,
    );
    let statement = BankStatement::read(wrong.as_bytes()).unwrap();
    let mut ledger = ledger();
    let report = reconcile(&statement, &mut ledger).unwrap();
    assert_eq!(report.entries().len(), 1);
    let outcome = &report.entries()[0];
    assert_eq!(outcome.entry_ref(), KEY);
    assert_eq!(outcome.transaction(), None);
    assert_eq!(outcome.status(), MatchStatus::Unmatched);
    assert_eq!(outcome.rule(), MatchRule::BatchSumMismatch);
    assert_eq!(outcome.rule().as_str(), "batch_sum_mismatch");
    assert_eq!(outcome.amount(), eur(dec!(250.00)));
    assert_eq!(outcome.transactions_total(), Some(eur(dec!(244.40))));
    assert_eq!(paid_total(&ledger), Decimal::ZERO);
    insta::assert_snapshot!("batch__mismatch_json", json_lines(&report));
    assert!(
        report
            .render_table()
            .contains("batch_sum_mismatch  SIA Kurzemes Koks; transactions total 244.40 EUR"),
        "{}",
        report.render_table()
    );

    // A transaction in another currency: no total can be given, nothing is split.
    let usd = BATCH.replacen(
        r#"<Amt Ccy="EUR">75.00</Amt>"#,
        r#"<Amt Ccy="USD">75.00</Amt>"#,
        1,
    );
    let report = reconcile(&BankStatement::read(usd.as_bytes()).unwrap(), &mut ledger).unwrap();
    assert_eq!(report.entries().len(), 1);
    assert_eq!(report.entries()[0].rule(), MatchRule::BatchSumMismatch);
    assert_eq!(report.entries()[0].transactions_total(), None);
    assert!(
        report
            .render_table()
            .contains("; transactions in another currency")
    );
    assert_eq!(paid_total(&ledger), Decimal::ZERO);
}

#[test]
fn a_batch_without_transaction_amounts_is_matched_as_a_whole() {
    let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="EUR">426.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><AcctSvcrRef>W-1</AcctSvcrRef><NtryDtls>
<TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
<TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF682026010300</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>"#;
    let mut ledger = ledger();
    let report = reconcile(&BankStatement::read(xml.as_bytes()).unwrap(), &mut ledger).unwrap();
    assert_eq!(report.entries().len(), 1);
    let outcome = &report.entries()[0];
    assert_eq!((outcome.entry_ref(), outcome.transaction()), ("W-1", None));
    assert_eq!(outcome.status(), MatchStatus::Ambiguous);
    assert_eq!(outcome.candidates(), ["INV-2026-0101", "INV-2026-0103"]);
    assert_eq!(paid_total(&ledger), Decimal::ZERO);
}

#[test]
fn a_batch_entry_applied_before_as_a_whole_is_not_split_again() {
    let statement = BankStatement::read(BATCH.as_bytes()).unwrap();
    let mut ledger = ledger();
    // An earlier reading (or a person) applied the whole entry under its key.
    let payment = IncomingPayment::new(
        KEY.to_owned(),
        "SIA Kurzemes Koks",
        eur(dec!(121.00)),
        day(2026, 11, 28),
    );
    ledger
        .apply(
            &payment,
            &apkalpe_payments::AllocationTarget::Receivable("INV-2026-0101".to_owned()),
        )
        .unwrap();
    let report = reconcile(&statement, &mut ledger).unwrap();
    assert_eq!(report.entries().len(), 1);
    assert_eq!(report.entries()[0].rule(), MatchRule::AlreadyApplied);
    assert_eq!(report.entries()[0].status(), MatchStatus::Ignored);
    assert_eq!(paid_total(&ledger), dec!(121.00));
}

#[test]
fn debit_and_pending_batches_are_not_split() {
    let debit = BATCH.replacen(
        "<CdtDbtInd>CRDT</CdtDbtInd>",
        "<CdtDbtInd>DBIT</CdtDbtInd>",
        1,
    );
    let pending = BATCH.replacen("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>", 1);
    let mut ledger = ledger();
    for (xml, status, rule) in [
        (debit, MatchStatus::Ignored, MatchRule::Debit),
        (pending, MatchStatus::NotBooked, MatchRule::NotBooked),
    ] {
        let report = reconcile(&BankStatement::read(xml.as_bytes()).unwrap(), &mut ledger).unwrap();
        assert_eq!(report.entries().len(), 1);
        assert_eq!(
            (report.entries()[0].status(), report.entries()[0].rule()),
            (status, rule)
        );
    }
    assert_eq!(paid_total(&ledger), Decimal::ZERO);
}

/// One transaction of a generated batch: which receivable it pays, how it says so
/// (0 RF reference, 1 invoice number, 2 nothing useful, 3 RF reference but no own amount),
/// and its amount in cents.
type Tx = (usize, u8, i64);

fn batch_statement(receivables: usize, batches: &[(Vec<Tx>, i64)]) -> String {
    let mut xml = String::from(
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>P</Id>"#,
    );
    for (n, (txs, delta)) in batches.iter().enumerate() {
        let sum: i64 = txs.iter().map(|(_, _, cents)| cents).sum();
        let total = Decimal::new((sum + delta).max(1), 2);
        xml.push_str(&format!(
            r#"<Ntry><Amt Ccy="EUR">{total}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><AcctSvcrRef>B{n}</AcctSvcrRef><NtryDtls>"#
        ));
        for (pick, style, cents) in txs {
            let target = pick % receivables;
            let reference = CreditorReference::from_payment_reference(&target.to_string()).unwrap();
            let amount = match style {
                3 => String::new(),
                _ => format!(r#"<Amt Ccy="EUR">{}</Amt>"#, Decimal::new(*cents, 2)),
            };
            let remittance = match style {
                0 | 3 => format!("<Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd>"),
                1 => format!("<Ustrd>rēķins INV-{target}</Ustrd>"),
                _ => "<Ustrd>par precēm</Ustrd>".to_owned(),
            };
            xml.push_str(&format!(
                r#"<TxDtls>{amount}<RltdPties><Dbtr><Pty><Nm>Klients {}</Nm></Pty></Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls>"#,
                target % 3
            ));
        }
        xml.push_str("</NtryDtls></Ntry>");
    }
    xml.push_str("</Stmt></BkToCstmrStmt></Document>");
    xml
}

proptest! {
    #[test]
    fn splitting_never_applies_more_than_the_entry_and_a_second_read_applies_nothing(
        amounts in proptest::collection::vec(100i64..50_000, 1..12),
        batches in proptest::collection::vec(
            (proptest::collection::vec((0usize..12, 0u8..4, 1i64..60_000), 1..6), prop_oneof![3 => Just(0i64), 1 => -500i64..500]),
            1..10,
        ),
    ) {
        let mut csv = String::from("number,debtor,amount,currency,due_date,reference\n");
        for (i, a) in amounts.iter().enumerate() {
            let reference = CreditorReference::from_payment_reference(&i.to_string()).unwrap();
            csv.push_str(&format!("INV-{i},Klients {},{},EUR,2026-12-01,{reference}\n", i % 3, Decimal::new(*a, 2)));
        }
        let mut ledger = ReceivableLedger::try_from_receivables(read_receivables_csv(&csv).unwrap()).unwrap();
        let statement = BankStatement::read(batch_statement(amounts.len(), &batches).as_bytes()).unwrap();
        let report = reconcile(&statement, &mut ledger).unwrap();

        let mut keys = HashSet::new();
        let mut applied_sum = Decimal::ZERO;
        for (n, entry) in statement.entries().iter().enumerate() {
            let key = format!("B{n}");
            let prefix = format!("B{n}/");
            let outcomes: Vec<&EntryOutcome> = report
                .entries()
                .iter()
                .filter(|o| o.entry_ref() == key || o.entry_ref().starts_with(&prefix))
                .collect();
            let applied_here: Decimal = outcomes.iter().filter(|o| applied(o)).map(|o| o.amount().amount()).sum();
            prop_assert!(applied_here <= entry.amount().amount(), "entry {} applied {} of {}", n, applied_here, entry.amount());
            applied_sum += applied_here;
            let (txs, delta) = &batches[n];
            let all_amounts = txs.iter().all(|(_, style, _)| *style != 3);
            if txs.len() >= 2 && all_amounts {
                let sum: i64 = txs.iter().map(|(_, _, c)| c).sum();
                if (sum + delta).max(1) == sum {
                    // Adds up: one outcome per transaction, keyed by index.
                    prop_assert_eq!(outcomes.len(), txs.len());
                    for (i, o) in outcomes.iter().enumerate() {
                        prop_assert_eq!(o.transaction(), Some(i));
                    }
                } else {
                    prop_assert_eq!(outcomes.len(), 1);
                    prop_assert_eq!(outcomes[0].rule(), MatchRule::BatchSumMismatch);
                    prop_assert_eq!(outcomes[0].status(), MatchStatus::Unmatched);
                    prop_assert_eq!(applied_here, Decimal::ZERO);
                }
            } else {
                prop_assert_eq!(outcomes.len(), 1);
                prop_assert_eq!(outcomes[0].transaction(), None);
            }
            for o in outcomes.iter().filter(|o| applied(o)) {
                prop_assert!(keys.insert(o.entry_ref().to_owned()), "{} applied twice", o.entry_ref());
            }
        }
        prop_assert_eq!(report.entries().len(), report.entries().iter().map(|o| o.entry_ref()).collect::<HashSet<_>>().len());
        // What the ledger holds is exactly what the report says was applied.
        let held = paid_total(&ledger);
        prop_assert_eq!(held, applied_sum);
        for r in ledger.receivables() {
            prop_assert!(ledger.paid(r.number()).unwrap().amount() <= r.amount().amount());
        }

        let again = reconcile(&statement, &mut ledger).unwrap();
        prop_assert_eq!(again.count(MatchStatus::Matched) + again.count(MatchStatus::Partial), 0);
        prop_assert_eq!(paid_total(&ledger), held);
    }
}
