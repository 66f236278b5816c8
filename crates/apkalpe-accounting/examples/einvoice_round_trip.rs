//! An integrator's task: turn a JSON draft from a web shop into an issued invoice, send it as
//! a Peppol e-invoice, and read a supplier's e-invoice back.
//!
//! Run with `cargo run -p apkalpe-accounting --example einvoice_round_trip`.

use apkalpe_accounting::{
    AccountingError, DraftInvoice, InvoiceDraftInput, read_received_invoice,
    render_received_invoice_in, write_ubl_invoice,
};
use apkalpe_core::{Language, NumberSeries, YearReset};
use chrono::NaiveDate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The draft arrives as JSON; every bad field is reported at once.
    let json = include_str!("../tests/fixtures/draft-invoice.json");
    let input: InvoiceDraftInput = serde_json::from_str(json)?;
    let draft = DraftInvoice::try_from(input)?;

    // The series is the caller's state: load it, issue, store it back.
    let mut series = NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:5}".parse()?,
        YearReset::EachYear,
    )?;
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    let invoice = match draft.issue(&mut series, today) {
        Ok(invoice) => invoice,
        Err(AccountingError::Invalid(report)) => {
            for finding in report.findings() {
                eprintln!(
                    "{}\t{}\t{}",
                    finding.code(),
                    finding.field(),
                    finding.message()
                );
            }
            return Err("draft is missing requisites".into());
        }
        Err(other) => return Err(other.into()),
    };

    // The e-invoice for the buyer's access point.
    let xml = write_ubl_invoice(&invoice)?;
    println!("{} bytes of UBL for {}", xml.len(), invoice.number());

    // Reading an e-invoice (here our own) checks every total by the EN 16931 rules and keeps
    // every business term as sent; what is doubtful comes back as findings.
    let received = read_received_invoice(&xml)?;
    assert_eq!(received.number(), invoice.number().as_str());
    for finding in received.findings() {
        eprintln!("{finding}");
    }
    print!(
        "{}",
        render_received_invoice_in(&received, Language::Latvian)
    );
    Ok(())
}
