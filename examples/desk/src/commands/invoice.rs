//! `desk invoice issue` and `desk invoice read`: primary documents and their UBL e-invoices.

use std::path::Path;

use apkalpe_accounting::{
    AccountingError, DraftInvoice, InvoiceDraftInput, IssueOptions, read_received_invoice,
    render_invoice_in, render_received_invoice_in, write_ubl_invoice,
};
use apkalpe_core::{Language, NumberPattern, NumberSeries, VatRateTable, YearReset};
use chrono::NaiveDate;

use super::CommandError;
use super::files::{read_text, write_file};
use crate::Report;
use crate::office::OfficeError;
use crate::store::{Store, StoreError};

/// Reports an accounting error: one line per finding of a validation report, else one line.
pub(super) fn report_error(error: &AccountingError, report: &mut Report<'_>) {
    if error.findings().is_empty() {
        report.error(error);
    } else {
        for finding in error.findings() {
            report.invalid(
                finding.code(),
                &format!(
                    "{}: {}",
                    finding.field(),
                    finding.message_in(report.language())
                ),
            );
        }
    }
}

/// Prints a multi-line text, one report line per line.
fn print_lines(text: &str, report: &mut Report<'_>) {
    for line in text.lines() {
        report.text(line);
    }
}

/// The arguments of `desk invoice issue`.
pub(super) struct IssueArgs<'a> {
    /// The draft invoice (JSON).
    pub(super) draft: &'a Path,
    /// The number pattern.
    pub(super) series: &'a str,
    /// The id of the number series.
    pub(super) series_id: &'a str,
    /// Where to write the UBL e-invoice, if anywhere.
    pub(super) ubl: Option<&'a Path>,
    /// The store, if any: without it every run starts the series afresh.
    pub(super) db: Option<&'a Path>,
    /// The issue date.
    pub(super) date: NaiveDate,
}

pub(super) fn issue(
    args: &IssueArgs<'_>,
    context: &crate::Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let draft_path = args.draft;
    let Some(text) = read_text(draft_path, report) else {
        return Ok(());
    };
    let input: InvoiceDraftInput = match serde_json::from_str(&text) {
        Ok(input) => input,
        Err(error) => {
            report.invalid_in(
                "draft.json",
                &format!(
                    "{} is not a draft invoice (line {}, column {}): {}",
                    draft_path.display(),
                    error.line(),
                    error.column(),
                    error
                ),
                &format!(
                    "{} nav rēķina projekts ({}. rinda, {}. kolonna): {}",
                    draft_path.display(),
                    error.line(),
                    error.column(),
                    error
                ),
            );
            return Ok(());
        }
    };
    let pattern: NumberPattern = match args.series.parse() {
        Ok(pattern) => pattern,
        Err(error) => {
            let error: apkalpe_core::ParseNumberPatternError = error;
            report.error(&error);
            return Ok(());
        }
    };
    if let Some(db) = args.db {
        return issue_stored(args, db, &text, args.series, context, report);
    }
    let reset = if pattern.has_year() {
        YearReset::EachYear
    } else {
        YearReset::Never
    };
    // Without --db every run starts the series afresh.
    let mut numbers = match NumberSeries::try_new(args.series_id, pattern, reset) {
        Ok(numbers) => numbers,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    let issued = DraftInvoice::try_from(input)
        .and_then(|draft| draft.issue_with(&mut numbers, args.date, &issue_options()));
    let invoice = match issued {
        Ok(invoice) => invoice,
        Err(error) => {
            report_error(&error, report);
            return Ok(());
        }
    };
    match render_invoice_in(&invoice, Language::Latvian) {
        Ok(text) => print_lines(&text, report),
        Err(error) => {
            report_error(&error, report);
            return Ok(());
        }
    }
    if let Some(path) = args.ubl {
        match write_ubl_invoice(&invoice) {
            Ok(xml) => write_ubl(path, &xml, report),
            Err(error) => report_error(&error, report),
        }
    }
    Ok(())
}

/// The options every invoice is issued with: Latvia's VAT rates.
fn issue_options() -> IssueOptions {
    IssueOptions::default().with_rate_table(VatRateTable::latvia())
}

/// Writes the UBL file and says so.
fn write_ubl(path: &Path, xml: &str, report: &mut Report<'_>) {
    if write_file(path, xml.as_bytes(), report) {
        report.text(&format!("UBL 2.1 e-invoice written to {}", path.display()));
    }
}

/// `desk invoice issue --db`: the store issues the invoice and advances the series in one
/// transaction; the printed text and the UBL file are what was stored.
fn issue_stored(
    args: &IssueArgs<'_>,
    db: &Path,
    draft: &str,
    pattern: &str,
    context: &crate::Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let stored = Store::open(db).and_then(|mut store| {
        store.issue_invoice(args.series_id, pattern, draft, args.date, context.now)
    });
    let stored = match stored {
        Ok(stored) => stored,
        Err(StoreError::Office(OfficeError::Accounting(error))) => {
            report_error(&error, report);
            return Ok(());
        }
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    print_lines(&stored.text, report);
    if let Some(path) = args.ubl {
        write_ubl(path, &stored.ubl, report);
    }
    report.text(&format!(
        "Stored as {} in number series {:?} of {}",
        stored.invoice.number(),
        args.series_id,
        crate::store::Location::of(db)
    ));
    Ok(())
}

/// `desk invoice read`: reads a UBL 2.1 invoice or credit note from any sender and prints it
/// in Latvian, with the findings; `--json` prints one line `{"valid": true, "document": …}`
/// holding the whole received document (the saved form of `ReceivedInvoice`). A document
/// that is not well-formed UBL, or whose amounts contradict each other under the EN 16931
/// calculation rules, is one `invalid` line naming the code and the rule. Findings do not
/// make the exit code non-zero: the document was read.
pub(super) fn read(path: &Path, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(xml) = read_text(path, report) else {
        return Ok(());
    };
    match read_received_invoice(&xml) {
        Ok(invoice) => {
            if report.is_json() {
                let mut object = serde_json::Map::new();
                object.insert("valid".into(), serde_json::Value::Bool(true));
                match serde_json::to_value(&invoice) {
                    Ok(document) => {
                        object.insert("document".into(), document);
                        report.record("", object);
                    }
                    Err(error) => report.invalid("received.json", &error.to_string()),
                }
            } else {
                print_lines(
                    &render_received_invoice_in(&invoice, Language::Latvian),
                    report,
                );
            }
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}
