//! Invoices and credit notes as readable text, in Latvian or English.

use crate::credit_note::IssuedCreditNote;
use crate::document::{DocumentKind, InvoiceContent};
use crate::error::AccountingError;
use crate::invoice::IssuedInvoice;
use crate::line::AdjustmentKind;
use crate::totals::DocumentTotals;
#[cfg(feature = "xml")]
#[allow(deprecated)]
use crate::ubl::{ReceivedDocument, ReceivedKind};
use apkalpe_core::{Currency, Language, Money};
use std::fmt::Write as _;

use super::*;

fn render(
    header: &Header<'_>,
    content: &InvoiceContent,
    totals: &DocumentTotals,
    language: Language,
) -> Result<String, AccountingError> {
    let t = labels(language);
    let lv = |money: Money| amount_in(money, language);
    let credit_note = header.original.is_some();
    let mut out = String::with_capacity(2048);
    let _ = writeln!(out, "{} {} {}", header.title, t.number, header.number);
    let _ = writeln!(out, "{}: {}", t.date, header.issue_date);
    if let Some(original) = header.original {
        let date = original
            .issue_date()
            .map(|date| format!(" ({date})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}: {}{date}", t.corrects, original.number());
    }
    if let Some(reason) = header.reason {
        let _ = writeln!(out, "{}: {reason}", t.reason);
    }
    if let Some(supply) = content.supply_date() {
        let _ = writeln!(out, "{}: {supply}", t.supply_date);
    }
    if let Some(due) = content.due_date() {
        let label = if credit_note {
            t.refund_due
        } else {
            t.payment_due
        };
        let _ = writeln!(out, "{label}: {due}");
    }
    for preceding in content.preceding_invoices() {
        let _ = writeln!(out, "{}: {}", t.advance_invoice, preceding.number());
    }
    if let Some(order) = content.order_reference() {
        let _ = writeln!(out, "{}: {order}", t.order);
    }
    if content.currency() != Currency::EUR {
        let _ = writeln!(out, "{}: {}", t.currency, content.currency());
    }
    out.push('\n');
    party_block(&mut out, t.supplier, content.seller(), t);
    party_block(&mut out, t.recipient, content.buyer(), t);
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>5} {:>12}",
        t.columns[0],
        t.columns[1],
        t.columns[2],
        t.columns[3],
        t.columns[4],
        t.columns[5],
        t.columns[6]
    );
    for (index, (line, net)) in content.lines().iter().zip(totals.line_nets()).enumerate() {
        let name = wrap(line.item(), NAME_WIDTH);
        let _ = writeln!(
            out,
            "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>5} {:>12}",
            index.saturating_add(1),
            name.first().map(String::as_str).unwrap_or_default(),
            quantity_text_in(line.signed_quantity(), language),
            unit_label(&line.unit(), language),
            price_text_in(line.unit_price(), language),
            vat_column(line.vat(), t),
            lv(*net)
        );
        continuation(&mut out, 6, &name);
        for adjustment in line.adjustments() {
            let sign = match adjustment.kind() {
                AdjustmentKind::Allowance => t.allowance,
                AdjustmentKind::Charge => t.charge,
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
    let mut row = |label: &str, amount: &str| {
        let _ = writeln!(out, "{label:>width$} {amount:>14}");
    };
    row(t.line_total, &lv(totals.line_total()));
    for adjustment in content.adjustments() {
        let inner = adjustment.adjustment();
        let label = match inner.kind() {
            AdjustmentKind::Allowance => format!("{} ({}):", t.allowance_total, inner.reason()),
            AdjustmentKind::Charge => format!("{} ({}):", t.charge_total, inner.reason()),
        };
        row(&label, &lv(inner.signed_amount()));
    }
    row(t.net, &lv(totals.tax_exclusive()));
    for breakdown in totals.vat_breakdown() {
        let (label, has_vat) = breakdown_label(breakdown, language);
        let amount = if has_vat {
            lv(breakdown.vat_amount())
        } else {
            "—".to_owned()
        };
        row(&label, &amount);
    }
    row(t.vat_total, &lv(totals.vat_total()));
    row(t.gross, &lv(totals.tax_inclusive()));
    if content.prepaid().is_some() {
        row(t.prepaid, &lv(totals.prepaid().negated()));
    }
    if content.rounding().payable().is_some() {
        row(t.rounding, &lv(totals.rounding()));
    }
    let due_label = if credit_note { t.credited } else { t.payable };
    row(due_label, &lv(totals.amount_due()));
    if let Some(rate) = content.exchange_rate() {
        let vat = content.in_euro(totals.vat_total())?;
        let gross = content.in_euro(totals.tax_inclusive())?;
        out.push('\n');
        let _ = writeln!(out, "{}: {}", t.exchange_rate, rate_text(rate, language));
        let mut row = |label: &str, amount: Option<Money>| {
            if let Some(amount) = amount {
                let _ = writeln!(out, "{label:>width$} {:>14}", lv(amount));
            }
        };
        row(t.vat_in_euro, vat);
        row(t.gross_in_euro, gross);
    }
    out.push('\n');
    words_line_in(&mut out, t.in_words, totals.amount_due(), language)?;
    let mut wording: Vec<String> = Vec::new();
    for breakdown in totals.vat_breakdown() {
        if breakdown.category().needs_exemption_reason()
            && let Some(exemption) = content.exemption_for(breakdown.category())
        {
            wording.push(exemption.text().to_owned());
        }
    }
    for text in wording {
        let _ = writeln!(out, "{}: {text}", t.vat_note);
    }
    let reference = content.payment_reference().map_or_else(
        || header.number.to_owned(),
        |reference| reference.print_form(),
    );
    let reference_label = if credit_note {
        t.refund_reference
    } else {
        t.payment_reference
    };
    let _ = writeln!(out, "{reference_label}: {reference}");
    if let Some(terms) = content.payment_terms() {
        let label = if credit_note { t.settlement } else { t.terms };
        let _ = writeln!(out, "{label}: {terms}");
    }
    if let Some(note) = content.note() {
        let _ = writeln!(out, "{}: {note}", t.note);
    }
    let _ = writeln!(out, "\n{}", t.footer);
    Ok(out)
}

/// Renders an issued invoice as readable text in `language`: header, parties with their
/// requisites (foreign identifiers with their scheme), lines with their whole names wrapped
/// in the column, totals with the VAT breakdown (a rate where there is one, the exemption,
/// reverse charge or "outside the scope" where there is none), the rounding of the amount
/// due, the exchange rate and the VAT in euro of an invoice in another currency, the amount
/// due in words, VAT wording, payment reference and terms.
///
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages
/// (German and Russian have no labels of their own yet). Amounts and numbers are written
/// the way the requested language writes them ("1 234,56 €" in Latvian, "€1,234.56" in
/// English), and the amount due in words is in the requested language. The invoice's own
/// texts (item names, notes, VAT exemption wording) are printed as they were written.
///
/// The amount in words is left out for a currency without words (only EUR, USD, GBP and
/// JPY have them).
///
/// # Errors
///
/// [`AccountingError::Words`] when the amount due is beyond amounts in words (above
/// 999 999 999 999); [`AccountingError::Money`] when the amounts in euro overflow.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{render_invoice_in, DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Language, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?
///     .try_with_vat_number("LV40003521600".parse()?)?
///     .with_iban("LV44HABA0551000000001".parse()?);
/// let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?
///     .try_with_vat_number("LV40103471306".parse()?)?;
/// let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
///     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
/// let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
///     .with_line(line)
///     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?)
///     .issue(&mut series, NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?)?;
///
/// let latvian = render_invoice_in(&invoice, Language::Latvian)?;
/// assert!(latvian.starts_with("PVN rēķins Nr. INV2026-00001\nDatums: 2026-03-02\n"));
/// assert!(latvian.contains("Summa apmaksai:"));
/// let english = render_invoice_in(&invoice, Language::English)?;
/// assert!(english.starts_with("VAT invoice No. INV2026-00001\nDate: 2026-03-02\n"));
/// assert!(english.contains("Amount due:") && english.contains("€217.56"));
/// assert!(english.contains("Amount in words: two hundred seventeen euro"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_invoice_in(
    invoice: &IssuedInvoice,
    language: Language,
) -> Result<String, AccountingError> {
    let header = Header {
        title: title(invoice.document_kind(), language),
        number: invoice.number().as_str(),
        issue_date: invoice.issue_date(),
        original: None,
        reason: None,
    };
    render(&header, invoice.content(), invoice.totals(), language)
}

/// Renders an issued invoice as readable Latvian text: [`render_invoice_in`] with
/// [`Language::Latvian`], byte for byte.
///
/// # Errors
///
/// As [`render_invoice_in`].
///
/// # Examples
///
/// See [`render_invoice_in`].
#[deprecated(
    note = "use `render_invoice_in(invoice, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_invoice(invoice: &IssuedInvoice) -> Result<String, AccountingError> {
    render_invoice_in(invoice, Language::Latvian)
}

/// Renders an issued credit note as readable text in `language`, with the invoice it
/// corrects: a credit note asks nobody to pay, so it states the amount credited
/// ("Kreditējamā summa", "Amount credited"), which is set against later payments or
/// refunded, as its settlement terms say. Labels and number formats as
/// [`render_invoice_in`].
///
/// # Errors
///
/// As [`render_invoice_in`].
///
/// # Examples
///
/// ```
/// # use apkalpe_accounting::{CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?
/// #     .try_with_vat_number("LV40003521600".parse()?)?
/// #     .with_iban("LV44HABA0551000000001".parse()?);
/// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
/// #     .try_with_registration_number("40103471306".parse()?)?
/// #     .try_with_vat_number("LV40103471306".parse()?)?;
/// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
/// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
/// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
/// #     .with_line(chair).with_due_date(day).issue(&mut series, day)?;
/// # let mut credit_notes = NumberSeries::try_new("credit", "KR{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let later = NaiveDate::from_ymd_opt(2026, 3, 9).ok_or("date")?;
/// # let one_chair = [CreditedLine::new(1, Quantity::try_new(dec!(1))?)];
/// # let draft = DraftCreditNote::for_lines(&invoice, "Atgriezts viens krēsls", &one_chair)?;
/// # let note = draft.clone().issue(&mut credit_notes, later, &[])?;
/// # let _ = (&draft, &note, &invoice);
/// use apkalpe_accounting::render_credit_note_in;
/// use apkalpe_core::Language;
/// let text = render_credit_note_in(&note, Language::English)?;
/// assert!(text.starts_with("Credit note No. KR2026-0001\nDate: 2026-03-09\nCorrects invoice: INV2026-00001 (2026-03-02)\n"));
/// assert!(render_credit_note_in(&note, Language::Latvian)?.starts_with("Kredītrēķins Nr. KR2026-0001\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_credit_note_in(
    credit_note: &IssuedCreditNote,
    language: Language,
) -> Result<String, AccountingError> {
    let header = Header {
        title: title(DocumentKind::CreditNote, language),
        number: credit_note.number().as_str(),
        issue_date: credit_note.issue_date(),
        original: Some(credit_note.original()),
        reason: Some(credit_note.reason()),
    };
    render(
        &header,
        credit_note.content(),
        credit_note.totals(),
        language,
    )
}

/// Renders an issued credit note as readable Latvian text: [`render_credit_note_in`] with
/// [`Language::Latvian`], byte for byte.
///
/// # Errors
///
/// As [`render_invoice_in`].
///
/// # Examples
///
/// See [`render_invoice_in`].
#[deprecated(
    note = "use `render_credit_note_in(credit_note, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_credit_note(credit_note: &IssuedCreditNote) -> Result<String, AccountingError> {
    render_credit_note_in(credit_note, Language::Latvian)
}

#[cfg(feature = "xml")]
/// Renders a document read from UBL as readable Latvian text.
///
/// # Errors
///
/// As [`render_invoice`].
///
/// # Examples
///
/// See [`render_invoice`].
#[deprecated(
    note = "superseded by `read_received_invoice`, which reads e-invoices from any sender by the EN 16931 rules and keeps every business term: use `render_received_invoice_in` on a `ReceivedInvoice`"
)]
#[allow(deprecated)]
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
    render(
        &header,
        document.content(),
        document.totals(),
        Language::Latvian,
    )
}
