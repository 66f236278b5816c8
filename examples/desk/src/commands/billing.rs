//! `desk invoice bill` and `desk invoice credit`: an invoice to a registered client priced
//! from the catalogue, and a credit note for units of one of its lines (T4.6, T4.8, S27).
//!
//! The printed text and the `--ubl` file are rendered by the same functions of
//! apkalpe-accounting the store uses for `issued_documents.text` and `.ubl`, from the same
//! issued document, so they are what was stored.

use std::path::{Path, PathBuf};

use apkalpe_accounting::{write_ubl_credit_note, write_ubl_invoice};

use super::CommandError;
use super::files::write_file;
use super::invoice::report_error;
use super::state::{self, DbArg, object};
use crate::office::{Operation, Outcome};
use crate::store::Store;
use crate::{Context, Report};

/// The options of `desk invoice bill`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct BillArgs {
    /// The buyer's client id (a company with an address, or a person with one).
    client: String,
    /// The products, as SKU:QUANTITY (a bare SKU is one unit).
    #[arg(required = true)]
    items: Vec<String>,
    /// The payment term in working days.
    #[arg(long, default_value_t = 10)]
    due: u32,
    /// Also write the UBL 2.1 e-invoice (EN 16931, Peppol BIS 3) to this file.
    #[arg(long)]
    ubl: Option<PathBuf>,
    #[command(flatten)]
    db: DbArg,
}

/// The options of `desk invoice credit`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct CreditArgs {
    /// The invoice's number.
    invoice: String,
    /// The line credited, from 1.
    #[arg(long)]
    line: usize,
    /// The units credited.
    #[arg(long)]
    quantity: u32,
    /// Why (printed on the credit note).
    #[arg(long)]
    reason: String,
    /// Also write the UBL 2.1 credit note to this file.
    #[arg(long)]
    ubl: Option<PathBuf>,
    #[command(flatten)]
    db: DbArg,
}

/// Writes the UBL file (text mode says so); false when it could not be written.
fn write_ubl(
    path: Option<&Path>,
    xml: Result<String, apkalpe_accounting::AccountingError>,
    report: &mut Report<'_>,
) {
    let Some(path) = path else {
        return;
    };
    match xml {
        Ok(xml) => {
            if write_file(path, xml.as_bytes(), report) && !report.is_json() {
                report.text(&format!("UBL 2.1 written to {}", path.display()));
            }
        }
        Err(error) => report_error(&error, report),
    }
}

/// Runs `desk invoice bill`.
pub(super) fn bill(
    args: &BillArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let parsed = state::parse_client(&args.client)
        .and_then(|client| Ok((client, state::parse_items(&args.items)?)));
    let (client, lines) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            state::refuse(&error, report);
            return Ok(());
        }
    };
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let operation = Operation::IssueInvoice {
        client,
        lines,
        due_in_working_days: args.due,
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::Invoice(issued) = &applied.outcome else {
        return Ok(());
    };
    let (invoice, filed) = (&issued.document, &issued.filed);
    state::print_block(&issued.text, report);
    write_ubl(args.ubl.as_deref(), write_ubl_invoice(invoice), report);
    let number = invoice.number().as_str();
    let (reference, due) = receivable(&store, number);
    state::summary(
        &format!(
            "Invoice {number} to {}: {} due by {due}, payment reference {reference}; filed in case {}.",
            invoice.content().buyer().name(),
            invoice.totals().amount_due(),
            filed.case
        ),
        object([
            ("invoice", number.into()),
            ("buyer", invoice.content().buyer().name().to_string().into()),
            (
                "amount_due",
                invoice.totals().amount_due().amount().to_string().into(),
            ),
            ("due_date", due.into()),
            ("payment_reference", reference.into()),
            ("case", filed.case.to_string().into()),
            ("text", issued.text.clone().into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}

/// The payment reference and due date of the receivable booked for invoice `number`.
fn receivable(store: &Store, number: &str) -> (String, String) {
    let receivable = store.office().ledger().get(number);
    (
        receivable
            .and_then(|r| r.reference())
            .map_or_else(|| "none".to_owned(), ToString::to_string),
        receivable.map_or_else(String::new, |r| r.due_date().to_string()),
    )
}

/// Runs `desk invoice credit`.
pub(super) fn credit(
    args: &CreditArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let operation = Operation::IssueCreditNote {
        invoice: args.invoice.clone(),
        line: args.line,
        quantity: args.quantity,
        reason: args.reason.clone(),
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::CreditNote(issued) = &applied.outcome else {
        return Ok(());
    };
    let (note, filed) = (&issued.document, &issued.filed);
    state::print_block(&issued.text, report);
    write_ubl(args.ubl.as_deref(), write_ubl_credit_note(note), report);
    let number = note.number().as_str();
    state::summary(
        &format!(
            "Credit note {number} for invoice {}: {} credited; filed in case {}.",
            args.invoice,
            note.totals().amount_due(),
            filed.case
        ),
        object([
            ("credit_note", number.into()),
            ("invoice", args.invoice.clone().into()),
            (
                "amount",
                note.totals().amount_due().amount().to_string().into(),
            ),
            ("case", filed.case.to_string().into()),
            ("text", issued.text.clone().into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}
