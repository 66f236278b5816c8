//! An integrator task: the bank's end-of-day camt.053 statement arrives; match its incoming
//! payments to the open invoices, print what a person must still look at, and remind a client
//! of what is overdue.
//!
//! Run with `cargo run -p apkalpe-payments --example reconcile_statement`.

use apkalpe_payments::{
    BankStatement, MatchStatus, PaymentsError, ReceivableLedger, read_receivables_csv, reconcile,
};
use chrono::NaiveDate;

fn main() -> Result<(), PaymentsError> {
    // In an application these bytes come from the bank's API or an uploaded file.
    let statement_xml = include_bytes!("../tests/fixtures/statement-camt053-001.08.xml");
    let receivables_csv = include_str!("../tests/fixtures/receivables.csv");

    let statement = BankStatement::read(statement_xml)?;
    let mut ledger =
        ReceivableLedger::try_from_receivables(read_receivables_csv(receivables_csv)?)?;

    let report = reconcile(&statement, &mut ledger)?;
    println!(
        "statement {} ({} entries): {} matched, {} partly paid, {} for a person",
        statement.statement_id().unwrap_or("?"),
        statement.entries().len(),
        report.count(MatchStatus::Matched),
        report.count(MatchStatus::Partial),
        report.count(MatchStatus::Ambiguous) + report.count(MatchStatus::Unmatched),
    );
    print!("{}", report.render_table());

    // The JSON records an adapter would post to the accounting system.
    for outcome in report.with_status(MatchStatus::Matched) {
        println!("{}", serde_json::to_string(outcome).unwrap_or_default());
    }

    // A reminder for a client with an overdue invoice.
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
    print!("\n{}", ledger.reminder("Anna Kalniņa", today)?.render());
    Ok(())
}
