//! `desk reconcile <statement.xml> <receivables.csv>`: a camt.053/054 statement matched
//! against open receivables (T4.3, S33).

use std::path::Path;

use apkalpe_payments::{
    BankStatement, PaymentsError, ReceivableLedger, read_receivables_csv, reconcile,
};

use super::CommandError;
use super::files::read_text;
use crate::Report;

fn fail(error: impl Into<PaymentsError>, report: &mut Report<'_>) {
    let error = error.into();
    report.invalid(error.code(), &error.to_string());
}

pub(super) fn run(
    statement_path: &Path,
    receivables_path: &Path,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let bytes = match std::fs::read(statement_path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.invalid(
                "file.read",
                &format!("cannot read {}: {}", statement_path.display(), error.kind()),
            );
            return Ok(());
        }
    };
    let Some(receivables_text) = read_text(receivables_path, report) else {
        return Ok(());
    };
    let statement = match BankStatement::read(&bytes) {
        Ok(statement) => statement,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    let receivables = match read_receivables_csv(&receivables_text) {
        Ok(receivables) => receivables,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    let mut ledger = match ReceivableLedger::try_from_receivables(receivables) {
        Ok(ledger) => ledger,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    match reconcile(&statement, &mut ledger) {
        Ok(result) => {
            if report.is_json() {
                for entry in &result.entries {
                    match serde_json::to_value(entry) {
                        Ok(serde_json::Value::Object(object)) => report.record("", object),
                        _ => {
                            report.invalid("internal.json", "an entry could not be written as JSON")
                        }
                    }
                }
            } else {
                for line in result.render_table().lines() {
                    report.text(line);
                }
            }
        }
        Err(error) => fail(error, report),
    }
    Ok(())
}
