//! Readable text renderings of invoices, credit notes, waybills, acceptance acts, purchase
//! orders and goods receipt notes, in Latvian.

use std::fmt::Write as _;

use apkalpe_core::{CentsStyle, Language, Money, Party, WordsOptions, amount_in_words};
use chrono::NaiveDate;

use crate::credit_note::IssuedCreditNote;
use crate::document::{DocumentKind, InvoiceContent, InvoiceReference};
use crate::error::AccountingError;
use crate::goods::{DiscrepancyKind, GoodsReceiptNote, ItemLine, PurchaseOrder, Waybill};
use crate::invoice::IssuedInvoice;
use crate::line::AdjustmentKind;
use crate::services::AcceptanceAct;
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

/// Writes an address on one line: lines, city, postal code, country.
fn address_text(address: &apkalpe_core::Address) -> String {
    let country = address.country();
    let mut parts: Vec<&str> = address.lines().iter().map(String::as_str).collect();
    parts.push(address.city());
    if let Some(postal) = address.postal_code() {
        parts.push(postal);
    }
    parts.push(country.as_str());
    parts.join(", ")
}

/// Writes the table of item lines, with the value column when any line is priced, and the
/// total value.
fn item_table(out: &mut String, lines: &[ItemLine], value: Option<Money>) {
    let _ = writeln!(
        out,
        "{:>4}  {:<34} {:>10} {:<6} {:>12} {:>12}",
        "Nr.", "Nosaukums", "Daudzums", "Mērv.", "Cena", "Summa"
    );
    for (index, line) in lines.iter().enumerate() {
        let name: String = line.item().chars().take(34).collect();
        let price = line.unit_price().map(price_text).unwrap_or_default();
        let amount = line.value().ok().flatten().map(lv).unwrap_or_default();
        let row = format!(
            "{:>4}  {:<34} {:>10} {:<6} {:>12} {:>12}",
            index.saturating_add(1),
            name,
            line.quantity().to_string().replace('.', ","),
            line.unit().latvian_label(),
            price,
            amount
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if let Some(value) = value {
        let _ = writeln!(out, "\n{:>36} {:>14}", "Kopā bez PVN:", lv(value));
    }
}

fn quantity_text(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// Renders an issued waybill as readable Latvian text: header, parties, transport details,
/// goods with quantities, units and values, the total, and room for the signatures of who
/// handed over and who received the goods.
///
/// Serves: T4.1.
///
/// # Examples
///
/// See [`DraftWaybill`](crate::DraftWaybill); `tests/snapshots/` holds a full rendering.
pub fn render_waybill(waybill: &Waybill) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} Nr. {}",
        waybill.document_kind().latvian_name_capitalised(),
        waybill.number().as_str()
    );
    let _ = writeln!(out, "Datums: {}", waybill.issue_date());
    out.push('\n');
    party_block(&mut out, "Piegādātājs", waybill.supplier());
    party_block(&mut out, "Saņēmējs", waybill.receiver());
    out.push('\n');
    let transport = waybill.transport();
    let carrier = transport.carrier();
    let registration = carrier
        .registration_number()
        .map(|number| format!(", reģ. Nr. {number}"))
        .unwrap_or_default();
    let _ = writeln!(out, "Pārvadātājs: {}{registration}", carrier.name());
    let _ = writeln!(out, "Transportlīdzeklis: {}", transport.vehicle());
    let _ = writeln!(
        out,
        "Iekraušanas vieta: {}",
        address_text(transport.loading_address())
    );
    let _ = writeln!(
        out,
        "Izkraušanas vieta: {}",
        address_text(transport.unloading_address())
    );
    let _ = writeln!(
        out,
        "Preču izsniegšanas datums: {}",
        transport.dispatch_date()
    );
    out.push('\n');
    item_table(&mut out, waybill.lines(), waybill.value());
    out.push('\n');
    let _ = writeln!(out, "Preces nodeva: ____________________");
    let _ = writeln!(out, "Preces pieņēma: ____________________");
    out
}

/// Renders an issued acceptance–transfer act as readable Latvian text: header, parties,
/// period, services, total, and both signatories.
///
/// Serves: S25.
///
/// # Examples
///
/// See [`DraftAcceptanceAct`](crate::DraftAcceptanceAct); `tests/snapshots/` holds a full
/// rendering.
pub fn render_acceptance_act(act: &AcceptanceAct) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} Nr. {}",
        act.document_kind().latvian_name_capitalised(),
        act.number().as_str()
    );
    let _ = writeln!(out, "Datums: {}", act.issue_date());
    let _ = writeln!(
        out,
        "Periods: {} – {}",
        act.period_start(),
        act.period_end()
    );
    out.push('\n');
    party_block(&mut out, "Izpildītājs", act.provider());
    party_block(&mut out, "Pasūtītājs", act.client());
    out.push('\n');
    let _ = writeln!(
        out,
        "Izpildītājs nodod un pasūtītājs pieņem šādus sniegtos pakalpojumus:"
    );
    item_table(&mut out, act.lines(), act.value());
    out.push('\n');
    let _ = writeln!(
        out,
        "Pakalpojumi sniegti pilnā apjomā; pasūtītājam pretenziju nav."
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "Nodeva: {} ____________________",
        act.provider_signatory()
    );
    let _ = writeln!(
        out,
        "Pieņēma: {} ____________________",
        act.client_signatory()
    );
    out
}

/// Renders an issued purchase order as readable Latvian text.
///
/// Serves: S28.
///
/// # Examples
///
/// See [`DraftPurchaseOrder`](crate::DraftPurchaseOrder).
pub fn render_purchase_order(order: &PurchaseOrder) -> String {
    let mut out = String::with_capacity(1024);
    let _ = writeln!(out, "Pasūtījums Nr. {}", order.number().as_str());
    let _ = writeln!(out, "Datums: {}", order.order_date());
    if let Some(date) = order.delivery_date() {
        let _ = writeln!(out, "Piegādes datums: {date}");
    }
    if let Some(address) = order.delivery_address() {
        let _ = writeln!(out, "Piegādes adrese: {}", address_text(address));
    }
    out.push('\n');
    party_block(&mut out, "Pasūtītājs", order.buyer());
    party_block(&mut out, "Piegādātājs", order.supplier());
    out.push('\n');
    item_table(&mut out, order.lines(), order.value());
    out
}

/// Renders a goods receipt note as readable Latvian text: the order, the parties, and per
/// order line the quantities ordered, received, damaged, short and over, with a list of the
/// discrepancies.
///
/// Serves: S28.
///
/// # Examples
///
/// See [`GoodsReceiptNote`](crate::GoodsReceiptNote); `tests/snapshots/` holds a full
/// rendering.
pub fn render_goods_receipt_note(note: &GoodsReceiptNote) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} Nr. {}",
        DocumentKind::GoodsReceiptNote.latvian_name_capitalised(),
        note.number().as_str()
    );
    let _ = writeln!(out, "Datums: {}", note.receipt_date());
    let _ = writeln!(
        out,
        "Pasūtījums: {} ({})",
        note.order_number().as_str(),
        note.order_date()
    );
    out.push('\n');
    party_block(&mut out, "Saņēmējs", note.receiver());
    party_block(&mut out, "Piegādātājs", note.supplier());
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<30} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "Nr.", "Nosaukums", "Mērv.", "Pasūtīts", "Saņemts", "Bojāts", "Iztrūkst", "Pārpal."
    );
    for line in note.lines() {
        let name: String = line.item().item().chars().take(30).collect();
        let _ = writeln!(
            out,
            "{:>4}  {:<30} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
            line.order_line(),
            name,
            line.item().unit().latvian_label(),
            quantity_text(line.ordered()),
            quantity_text(line.received()),
            quantity_text(line.damaged()),
            quantity_text(line.short()),
            quantity_text(line.over())
        );
    }
    out.push('\n');
    if note.has_discrepancies() {
        let _ = writeln!(out, "Neatbilstības:");
        for line in note.lines() {
            for kind in line.discrepancies() {
                let (label, amount) = match kind {
                    DiscrepancyKind::Short => ("iztrūkst", line.short()),
                    DiscrepancyKind::Over => ("pārpalikums", line.over()),
                    DiscrepancyKind::Damaged => ("bojāts", line.damaged()),
                };
                let _ = writeln!(
                    out,
                    "  {}. {}: {label} {} {}",
                    line.order_line(),
                    line.item().item(),
                    quantity_text(amount),
                    line.item().unit().latvian_label()
                );
            }
        }
    } else {
        let _ = writeln!(out, "Preces saņemtas atbilstoši pasūtījumam.");
    }
    out.push('\n');
    let _ = writeln!(out, "Preces pieņēma: ____________________");
    out
}
