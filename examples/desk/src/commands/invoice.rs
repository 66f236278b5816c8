//! `desk invoice issue` and `desk invoice read`: primary documents and their UBL e-invoices.

use std::path::Path;

use apkalpe_accounting::{
    AccountingError, DraftInvoice, InvoiceDraftInput, IssueOptions, read_ubl, render_invoice,
    render_received, write_ubl_invoice,
};
use apkalpe_core::{NumberPattern, NumberSeries, VatRateTable, YearReset};
use chrono::NaiveDate;

use super::CommandError;
use super::files::{read_text, write_file};
use crate::Report;

/// Reports an accounting error: one line per finding of a validation report, else one line.
fn report_error(error: &AccountingError, report: &mut Report<'_>) {
    if error.findings().is_empty() {
        report.invalid(error.code(), &error.to_string());
    } else {
        for finding in error.findings() {
            report.invalid(
                finding.code(),
                &format!("{}: {}", finding.field(), finding.message()),
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

pub(super) fn issue(
    draft_path: &Path,
    series: &str,
    ubl_path: Option<&Path>,
    date: NaiveDate,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(text) = read_text(draft_path, report) else {
        return Ok(());
    };
    let input: InvoiceDraftInput = match serde_json::from_str(&text) {
        Ok(input) => input,
        Err(error) => {
            report.invalid(
                "draft.json",
                &format!(
                    "{} is not a draft invoice (line {}, column {}): {}",
                    draft_path.display(),
                    error.line(),
                    error.column(),
                    error
                ),
            );
            return Ok(());
        }
    };
    let pattern: NumberPattern = match series.parse() {
        Ok(pattern) => pattern,
        Err(error) => {
            let error: apkalpe_core::ParseNumberPatternError = error;
            report.invalid(error.code(), &error.to_string());
            return Ok(());
        }
    };
    let reset = if pattern.has_year() {
        YearReset::EachYear
    } else {
        YearReset::Never
    };
    // Without the store of issue 8 every run starts the series afresh.
    let mut numbers = match NumberSeries::try_new("invoices", pattern, reset) {
        Ok(numbers) => numbers,
        Err(error) => {
            report.invalid(error.code(), &error.to_string());
            return Ok(());
        }
    };
    let options = IssueOptions::default().with_rate_table(VatRateTable::latvia());
    let issued = DraftInvoice::try_from(input)
        .and_then(|draft| draft.issue_with(&mut numbers, date, &options));
    let invoice = match issued {
        Ok(invoice) => invoice,
        Err(error) => {
            report_error(&error, report);
            return Ok(());
        }
    };
    match render_invoice(&invoice) {
        Ok(text) => print_lines(&text, report),
        Err(error) => {
            report_error(&error, report);
            return Ok(());
        }
    }
    if let Some(path) = ubl_path {
        match write_ubl_invoice(&invoice) {
            Ok(xml) => {
                if write_file(path, xml.as_bytes(), report) {
                    report.text(&format!("UBL 2.1 e-invoice written to {}", path.display()));
                }
            }
            Err(error) => report_error(&error, report),
        }
    }
    Ok(())
}

pub(super) fn read(path: &Path, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(xml) = read_text(path, report) else {
        return Ok(());
    };
    match read_ubl(&xml).and_then(|document| render_received(&document)) {
        Ok(text) => print_lines(&text, report),
        Err(error) => report_error(&error, report),
    }
    Ok(())
}
