//! `desk batch`: the primary documents of a period, from the desk's database, checked for
//! completeness and exported as the journal for the accounting software (T4.7, T4.8, S29).
//! Reads the database and changes nothing.

use std::path::PathBuf;

use apkalpe_accounting::AccountMapping;
use serde_json::Value;

use super::files::write_file;
use super::state::{self, DbArg, object};
use super::{CommandError, date_or_today};
use crate::{Context, Report};

/// The options of `desk batch`.
#[derive(Debug, clap::Args)]
pub(crate) struct BatchArgs {
    /// The first day of the period (ISO 8601); today in Riga by default.
    #[arg(long)]
    from: Option<String>,
    /// The last day of the period (ISO 8601); the first day by default.
    #[arg(long)]
    to: Option<String>,
    /// Write the journal (CSV) to this file instead of printing it.
    #[arg(long)]
    journal: Option<PathBuf>,
    #[command(flatten)]
    db: DbArg,
}

/// Runs `desk batch`: one `invalid` line per finding of the completeness check (exit code
/// 1), then the journal.
pub(super) fn run(
    args: &BatchArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(from) = date_or_today(args.from.as_deref(), context, report) else {
        return Ok(());
    };
    let to = match args.to.as_deref() {
        Some(text) => match date_or_today(Some(text), context, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => from,
    };
    let Some(store) = state::open_existing(&args.db.db, report) else {
        return Ok(());
    };
    let batch = match store.accounting_batch(from, to) {
        Ok(batch) => batch,
        Err(error) => {
            state::fail(&error, report);
            return Ok(());
        }
    };
    let check = batch.check(None);
    for finding in check.findings() {
        report.invalid(
            finding.code(),
            &format!("{}: {}", finding.field(), finding.message()),
        );
    }
    let journal = match batch.journal_csv(&AccountMapping::default()) {
        Ok(journal) => journal,
        Err(error) => {
            state::fail(&crate::office::OfficeError::from(error).into(), report);
            return Ok(());
        }
    };
    let documents = batch.entries().len();
    let lines = journal.lines().count().saturating_sub(1);
    if report.is_json() {
        report.record(
            "",
            object([
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
                ("documents", documents.into()),
                ("findings", check.findings().len().into()),
                ("journal_lines", lines.into()),
                (
                    "journal",
                    match &args.journal {
                        Some(path) => path.display().to_string().into(),
                        None => Value::String(journal.clone()),
                    },
                ),
            ]),
        );
    } else {
        report.text(&format!(
            "Accounting batch {from} to {to}: {documents} documents; completeness check: {}.",
            if check.is_empty() {
                "no gap, duplicate or credit note without its invoice".to_owned()
            } else {
                format!("{} finding(s) above", check.findings().len())
            }
        ));
    }
    match &args.journal {
        Some(path) => {
            if write_file(path, journal.as_bytes(), report) && !report.is_json() {
                report.text(&format!(
                    "Journal: {lines} lines written to {}.",
                    path.display()
                ));
            }
        }
        None => state::print_block(&journal, report),
    }
    Ok(())
}
