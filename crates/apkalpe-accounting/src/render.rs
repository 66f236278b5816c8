//! Readable text renderings of invoices and credit notes, in Latvian.

use std::fmt::Write as _;

use apkalpe_core::{CentsStyle, Language, Money, Party, WordsOptions, amount_in_words};
use chrono::NaiveDate;

use crate::credit_note::IssuedCreditNote;
use crate::document::{InvoiceContent, InvoiceReference};
use crate::error::AccountingError;
use crate::invoice::IssuedInvoice;
use crate::line::AdjustmentKind;
use crate::totals::DocumentTotals;
use crate::ubl::{ReceivedDocument, ReceivedKind};

/// The header of a rendering.
struct Header<'a> {
    title: &'static str,
    number: &'a str,
    issue_date: NaiveDate,
    original: Option<&'a InvoiceReference>,
    reason: Option<&'a str>,
}

fn lv(money: Money) -> String {
    money
        .to_localized_string(Language::Latvian)
        .replace('\u{a0}', " ")
}

/// Writes a unit price with at least two decimals and all its significant ones: 89,90 and
/// 0,0425.
fn price_text(price: Money) -> String {
    let mut amount = price.amount().normalize();
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    amount.to_string().replace('.', ",")
}

fn party_block(out: &mut String, label: &str, party: &Party) {
    let _ = writeln!(out, "{label}: {}", party.name());
    let mut ids = Vec::new();
    if let Some(registration) = party.registration_number() {
        ids.push(format!("reģ. Nr. {registration}"));
    }
    if let Some(vat) = party.vat_number() {
        ids.push(format!("PVN Nr. {vat}"));
    }
    if !ids.is_empty() {
        let _ = writeln!(out, "  {}", ids.join(", "));
    }
    let address = party.address();
    let country = address.country();
    let mut parts: Vec<&str> = address.lines().iter().map(String::as_str).collect();
    parts.push(address.city());
    if let Some(postal) = address.postal_code() {
        parts.push(postal);
    }
    parts.push(country.as_str());
    let _ = writeln!(out, "  {}", parts.join(", "));
    if let Some(iban) = party.iban() {
        let _ = writeln!(out, "  Konts: {}", iban.print_form());
    }
}

fn render(
    header: &Header<'_>,
    content: &InvoiceContent,
    totals: &DocumentTotals,
) -> Result<String, AccountingError> {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(out, "{} Nr. {}", header.title, header.number);
    let _ = writeln!(out, "Datums: {}", header.issue_date);
    if let Some(original) = header.original {
        let date = original
            .issue_date()
            .map(|date| format!(" ({date})"))
            .unwrap_or_default();
        let _ = writeln!(out, "Koriģē rēķinu: {}{date}", original.number());
    }
    if let Some(reason) = header.reason {
        let _ = writeln!(out, "Pamatojums: {reason}");
    }
    if let Some(supply) = content.supply_date() {
        let _ = writeln!(out, "Piegādes datums: {supply}");
    }
    if let Some(due) = content.due_date() {
        let _ = writeln!(out, "Apmaksas termiņš: {due}");
    }
    for preceding in content.preceding_invoices() {
        let _ = writeln!(out, "Avansa rēķins: {}", preceding.number());
    }
    if let Some(order) = content.order_reference() {
        let _ = writeln!(out, "Pasūtījums: {order}");
    }
    out.push('\n');
    party_block(&mut out, "Piegādātājs", content.seller());
    party_block(&mut out, "Saņēmējs", content.buyer());
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<34} {:>10} {:<6} {:>12} {:>5} {:>12}",
        "Nr.", "Nosaukums", "Daudzums", "Mērv.", "Cena", "PVN", "Summa"
    );
    for (index, (line, net)) in content.lines().iter().zip(totals.line_nets()).enumerate() {
        let name: String = line.item().chars().take(34).collect();
        let rate = match line.vat().category() {
            apkalpe_core::VatCategory::Standard => line.vat().rate().to_string(),
            other => other.code().to_owned(),
        };
        let _ = writeln!(
            out,
            "{:>4}  {:<34} {:>10} {:<6} {:>12} {:>5} {:>12}",
            index.saturating_add(1),
            name,
            line.quantity().to_string().replace('.', ","),
            line.unit().latvian_label(),
            price_text(line.unit_price()),
            rate,
            lv(*net)
        );
        for adjustment in line.adjustments() {
            let sign = match adjustment.kind() {
                AdjustmentKind::Allowance => "atlaide",
                AdjustmentKind::Charge => "uzcenojums",
            };
            let _ = writeln!(
                out,
                "        {sign}: {} ({})",
                lv(adjustment.amount()),
                adjustment.reason()
            );
        }
    }
    out.push('\n');
    let width = 36;
    let mut row = |label: &str, amount: Money| {
        let _ = writeln!(out, "{label:>width$} {:>14}", lv(amount));
    };
    row("Rindu summa:", totals.line_total());
    for adjustment in content.adjustments() {
        let inner = adjustment.adjustment();
        let label = match inner.kind() {
            AdjustmentKind::Allowance => format!("Atlaide ({}):", inner.reason()),
            AdjustmentKind::Charge => format!("Uzcenojums ({}):", inner.reason()),
        };
        row(&label, inner.signed_amount());
    }
    row("Summa bez PVN:", totals.tax_exclusive());
    for breakdown in totals.vat_breakdown() {
        let label = format!(
            "PVN {} {} no {}:",
            breakdown.category(),
            breakdown.rate(),
            lv(breakdown.taxable_amount())
        );
        row(&label, breakdown.vat_amount());
    }
    row("PVN kopā:", totals.vat_total());
    row("Kopā ar PVN:", totals.tax_inclusive());
    if content.prepaid().is_some() {
        row("Avansā samaksāts:", totals.prepaid().negated());
    }
    row("Summa apmaksai:", totals.amount_due());
    let words = amount_in_words(
        &totals.amount_due(),
        Language::Latvian,
        &WordsOptions::default().with_cents(CentsStyle::Figures),
    )?;
    let _ = writeln!(out, "\nSumma vārdiem: {words}");
    let mut wording: Vec<String> = Vec::new();
    for breakdown in totals.vat_breakdown() {
        if breakdown.category().needs_exemption_reason()
            && let Some(exemption) = content.exemption_for(breakdown.category())
        {
            wording.push(exemption.text().to_owned());
        }
    }
    for text in wording {
        let _ = writeln!(out, "Piezīme par PVN: {text}");
    }
    let reference = content.payment_reference().map_or_else(
        || header.number.to_owned(),
        |reference| reference.print_form(),
    );
    let _ = writeln!(out, "Maksājuma mērķis: {reference}");
    if let Some(terms) = content.payment_terms() {
        let _ = writeln!(out, "Apmaksas noteikumi: {terms}");
    }
    if let Some(note) = content.note() {
        let _ = writeln!(out, "Piezīme: {note}");
    }
    let _ = writeln!(
        out,
        "\nDokuments sagatavots elektroniski un derīgs bez paraksta."
    );
    Ok(out)
}

/// Renders an issued invoice as readable Latvian text: header, parties with their
/// requisites, lines, totals with the VAT breakdown, the amount due in words, VAT wording,
/// payment reference and terms.
///
/// # Errors
///
/// [`AccountingError::Words`] when the amount due cannot be written in words (a currency
/// other than EUR, USD, GBP, JPY).
///
/// # Examples
///
/// See `docs/model/accounting.md`; `tests/snapshots/` holds full renderings.
pub fn render_invoice(invoice: &IssuedInvoice) -> Result<String, AccountingError> {
    let header = Header {
        title: invoice.document_kind().latvian_name_capitalised(),
        number: invoice.number().as_str(),
        issue_date: invoice.issue_date(),
        original: None,
        reason: None,
    };
    render(&header, invoice.content(), invoice.totals())
}

/// Renders an issued credit note as readable Latvian text, with the invoice it corrects.
///
/// # Errors
///
/// As [`render_invoice`].
///
/// # Examples
///
/// See [`render_invoice`].
pub fn render_credit_note(credit_note: &IssuedCreditNote) -> Result<String, AccountingError> {
    let header = Header {
        title: "Kredītrēķins",
        number: credit_note.number().as_str(),
        issue_date: credit_note.issue_date(),
        original: Some(credit_note.original()),
        reason: Some(credit_note.reason()),
    };
    render(&header, credit_note.content(), credit_note.totals())
}

/// Renders a document read from UBL as readable Latvian text.
///
/// # Errors
///
/// As [`render_invoice`].
///
/// # Examples
///
/// See [`render_invoice`].
pub fn render_received(document: &ReceivedDocument) -> Result<String, AccountingError> {
    let title = match document.kind() {
        ReceivedKind::Invoice(kind) => kind.document_kind().latvian_name_capitalised(),
        ReceivedKind::CreditNote => "Kredītrēķins",
    };
    let header = Header {
        title,
        number: document.number(),
        issue_date: document.issue_date(),
        original: document.original(),
        reason: document.reason(),
    };
    render(&header, document.content(), document.totals())
}
