//! `desk reconcile <statement.xml> <receivables.csv>`: a camt.053/054 statement matched
//! against open receivables (T4.3, S33); `desk reconcile <statement.xml> --db <path>`: the
//! statement applied to the receivables stored in the desk's database.

use std::path::Path;

use apkalpe_payments::{
    BankStatement, MatchStatus, PaymentsError, ReceivableLedger, ReconciliationReport,
    read_receivables_csv, reconcile,
};

use super::CommandError;
use super::files::read_text;
use super::state;
use crate::office::{Operation, Outcome};
use crate::{Context, Report};

fn fail(error: impl Into<PaymentsError>, report: &mut Report<'_>) {
    let error = error.into();
    report.error(&error);
}

/// Where the receivables come from: a CSV file, or the desk's database.
#[derive(Debug, Clone, Copy)]
pub(super) enum Receivables<'a> {
    /// A receivables CSV file; nothing is kept.
    Csv(&'a Path),
    /// The receivables stored in this database; the statement is applied to them.
    Db(&'a Path),
}

pub(super) fn run(
    statement_path: &Path,
    receivables: Receivables<'_>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let receivables_path = match receivables {
        Receivables::Csv(path) => path,
        Receivables::Db(db) => return run_stored(statement_path, db, context, report),
    };
    let bytes = match std::fs::read(statement_path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.invalid_in(
                "file.read",
                &format!("cannot read {}: {}", statement_path.display(), error.kind()),
                &format!(
                    "nevar nolasīt {}: {}",
                    statement_path.display(),
                    error.kind()
                ),
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
        Ok(result) => print(&result, report),
        Err(error) => fail(error, report),
    }
    Ok(())
}

/// Prints a reconciliation: the table, or one JSON object per entry.
fn print(result: &ReconciliationReport, report: &mut Report<'_>) {
    if report.is_json() {
        for entry in result.entries() {
            match serde_json::to_value(entry) {
                Ok(serde_json::Value::Object(object)) => report.record("", object),
                _ => report.invalid_in(
                    "internal.json",
                    "an entry could not be written as JSON",
                    "ierakstu nevarēja uzrakstīt JSON formā",
                ),
            }
        }
    } else {
        for line in result.render_table().lines() {
            report.text(line);
        }
    }
}

/// `desk reconcile --db`: the statement applied to the stored receivables (ONE
/// `ApplyStatement` operation). The statement is first reconciled on a copy of the office:
/// when no entry would be applied (every entry was applied before, or none matches) nothing
/// is stored and the journal is unchanged, so applying the same statement twice changes
/// nothing.
fn run_stored(
    statement_path: &Path,
    db: &Path,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(xml) = read_text(statement_path, report) else {
        return Ok(());
    };
    let Some(mut store) = state::open(db, report) else {
        return Ok(());
    };
    let operation = Operation::ApplyStatement { xml };
    let trial = store.dry_run(&operation, context.now);
    let applies = |result: &ReconciliationReport| {
        result
            .entries()
            .iter()
            .any(|entry| matches!(entry.status(), MatchStatus::Matched | MatchStatus::Partial))
    };
    match trial {
        Err(error) => {
            state::fail(&error, report);
            return Ok(());
        }
        Ok(Outcome::Reconciled(result)) if !applies(&result) => {
            print(&result, report);
            if !report.is_json() {
                report.text("Nothing to apply: no entry pays a receivable; nothing was stored.");
            }
            return Ok(());
        }
        Ok(_) => {}
    }
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    if let Outcome::Reconciled(result) = &applied.outcome {
        print(result, report);
        if !report.is_json() {
            report.text(&format!("Journal entry {}.", applied.seq));
        }
    }
    Ok(())
}
