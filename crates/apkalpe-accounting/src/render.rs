//! Readable text renderings of invoices, credit notes, waybills, acceptance acts, purchase
//! orders, goods receipt notes, cash orders and the cash book, in Latvian.

use std::fmt::Write as _;

use apkalpe_core::{
    CentsStyle, Currency, IdentifierScheme, Language, Money, Party, VatCategory, WordsError,
    WordsOptions, amount_in_words,
};
use chrono::NaiveDate;

use crate::cash::{CashBook, CashCounterparty, CashDirection, CashOrder, PayeeOmission};
use crate::credit_note::IssuedCreditNote;
use crate::document::{DocumentKind, InvoiceContent, InvoiceReference};
use crate::error::AccountingError;
use crate::goods::{DiscrepancyKind, GoodsReceiptNote, ItemLine, PurchaseOrder, Waybill};
use crate::invoice::IssuedInvoice;
use crate::line::{AdjustmentKind, LineVat};
use crate::services::AcceptanceAct;
use crate::totals::{DocumentTotals, VatBreakdown};
#[allow(deprecated)]
use crate::ubl::{ReceivedDocument, ReceivedKind};

/// The labels of an invoice or credit note rendering in one language.
struct Labels {
    number: &'static str,
    date: &'static str,
    corrects: &'static str,
    reason: &'static str,
    supply_date: &'static str,
    refund_due: &'static str,
    payment_due: &'static str,
    advance_invoice: &'static str,
    order: &'static str,
    currency: &'static str,
    supplier: &'static str,
    recipient: &'static str,
    account: &'static str,
    registration: &'static str,
    vat_number: &'static str,
    columns: [&'static str; 7],
    allowance: &'static str,
    charge: &'static str,
    allowance_total: &'static str,
    charge_total: &'static str,
    line_total: &'static str,
    net: &'static str,
    vat_total: &'static str,
    gross: &'static str,
    prepaid: &'static str,
    rounding: &'static str,
    credited: &'static str,
    payable: &'static str,
    exchange_rate: &'static str,
    vat_in_euro: &'static str,
    gross_in_euro: &'static str,
    in_words: &'static str,
    vat_note: &'static str,
    refund_reference: &'static str,
    payment_reference: &'static str,
    settlement: &'static str,
    terms: &'static str,
    note: &'static str,
    footer: &'static str,
    exempt_short: &'static str,
    reverse_charge_short: &'static str,
    outside_scope_short: &'static str,
    exempt: &'static str,
    reverse_charge: &'static str,
    outside_scope: &'static str,
    intra_community: &'static str,
    export: &'static str,
    vat_of: &'static str,
    amount: &'static str,
}

/// The labels in Latvian: the text every rendering had before it took a language.
const LATVIAN: Labels = Labels {
    number: "Nr.",
    date: "Datums",
    corrects: "Koriģē rēķinu",
    reason: "Pamatojums",
    supply_date: "Piegādes datums",
    refund_due: "Atmaksas termiņš",
    payment_due: "Apmaksas termiņš",
    advance_invoice: "Avansa rēķins",
    order: "Pasūtījums",
    currency: "Valūta",
    supplier: "Piegādātājs",
    recipient: "Saņēmējs",
    account: "Konts",
    registration: "reģ. Nr.",
    vat_number: "PVN Nr.",
    columns: [
        "Nr.",
        "Nosaukums",
        "Daudzums",
        "Mērv.",
        "Cena",
        "PVN",
        "Summa",
    ],
    allowance: "atlaide",
    charge: "piemaksa",
    allowance_total: "Atlaide",
    charge_total: "Piemaksa",
    line_total: "Rindu summa:",
    net: "Summa bez PVN:",
    vat_total: "PVN kopā:",
    gross: "Kopā ar PVN:",
    prepaid: "Avansā samaksāts:",
    rounding: "Noapaļošana:",
    credited: "Kreditējamā summa:",
    payable: "Summa apmaksai:",
    exchange_rate: "Valūtas kurss",
    vat_in_euro: "PVN kopā euro:",
    gross_in_euro: "Kopā ar PVN euro:",
    in_words: "Summa vārdiem",
    vat_note: "Piezīme par PVN",
    refund_reference: "Atmaksas maksājuma mērķis",
    payment_reference: "Maksājuma mērķis",
    settlement: "Norēķinu kārtība",
    terms: "Apmaksas noteikumi",
    note: "Piezīme",
    footer: "Dokuments sagatavots elektroniski un derīgs bez paraksta.",
    exempt_short: "atbr.",
    reverse_charge_short: "apgr.",
    outside_scope_short: "nav",
    exempt: "Atbrīvots no PVN, summa",
    reverse_charge: "PVN apgrieztā maksāšana, summa",
    outside_scope: "Nav PVN objekts, summa",
    intra_community: "piegāde ES",
    export: "eksports",
    vat_of: "no",
    amount: "PVN",
};

/// The labels in English, also used for German and Russian until they have their own.
const ENGLISH: Labels = Labels {
    number: "No.",
    date: "Date",
    corrects: "Corrects invoice",
    reason: "Reason",
    supply_date: "Date of supply",
    refund_due: "Refund due",
    payment_due: "Payment due",
    advance_invoice: "Advance invoice",
    order: "Order",
    currency: "Currency",
    supplier: "Supplier",
    recipient: "Customer",
    account: "Account",
    registration: "reg. No.",
    vat_number: "VAT No.",
    columns: [
        "No.",
        "Description",
        "Quantity",
        "Unit",
        "Price",
        "VAT",
        "Amount",
    ],
    allowance: "allowance",
    charge: "charge",
    allowance_total: "Allowance",
    charge_total: "Charge",
    line_total: "Lines total:",
    net: "Total without VAT:",
    vat_total: "VAT total:",
    gross: "Total with VAT:",
    prepaid: "Paid in advance:",
    rounding: "Rounding:",
    credited: "Amount credited:",
    payable: "Amount due:",
    exchange_rate: "Exchange rate",
    vat_in_euro: "VAT total in euro:",
    gross_in_euro: "Total with VAT in euro:",
    in_words: "Amount in words",
    vat_note: "VAT note",
    refund_reference: "Refund payment reference",
    payment_reference: "Payment reference",
    settlement: "Settlement",
    terms: "Payment terms",
    note: "Note",
    footer: "This document was prepared electronically and is valid without a signature.",
    exempt_short: "exempt",
    reverse_charge_short: "rev.",
    outside_scope_short: "none",
    exempt: "Exempt from VAT, amount",
    reverse_charge: "VAT reverse charge, amount",
    outside_scope: "Outside the scope of VAT, amount",
    intra_community: "EU supply",
    export: "export",
    vat_of: "on",
    amount: "VAT",
};

/// Returns the labels of `language`: Latvian, or English for every other language.
const fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Latvian => &LATVIAN,
        _ => &ENGLISH,
    }
}

/// The title of a document kind in `language` (English for every language but Latvian).
const fn title(kind: DocumentKind, language: Language) -> &'static str {
    match language {
        Language::Latvian => kind.latvian_name_capitalised(),
        _ => match kind {
            DocumentKind::Invoice => "VAT invoice",
            DocumentKind::SimplifiedInvoice => "Simplified VAT invoice",
            DocumentKind::AdvanceInvoice => "Advance invoice",
            DocumentKind::CreditNote => "Credit note",
            DocumentKind::Waybill => "Waybill",
            DocumentKind::AcceptanceAct => "Acceptance certificate",
            DocumentKind::PurchaseOrder => "Purchase order",
            DocumentKind::GoodsReceiptNote => "Goods receipt note",
            DocumentKind::CashReceiptOrder => "Cash receipt order",
            DocumentKind::CashDisbursementOrder => "Cash disbursement order",
            DocumentKind::CashBook => "Cash book",
        },
    }
}

/// Writes an amount the way `language` writes it on documents, with ordinary spaces for
/// aligned columns: "1 234,56 €" in Latvian, "€1,234.56" in English.
fn amount_in(money: Money, language: Language) -> String {
    money.to_localized_string(language).replace('\u{a0}', " ")
}

/// Writes a decimal text with the grouping and decimal sign of `language`: Latvian and
/// Russian "1 234,5", German "1.234,5", English "1,234.5".
fn grouped_in(text: &str, language: Language) -> String {
    let latvian = grouped(text);
    match language {
        Language::Latvian | Language::Russian => latvian,
        Language::German => latvian.replace(' ', "."),
        Language::English => latvian
            .chars()
            .map(|c| match c {
                ' ' => ',',
                ',' => '.',
                other => other,
            })
            .collect(),
    }
}

/// The short label of a unit in `language` (English for every language but Latvian).
fn unit_label(unit: &crate::line::UnitCode, language: Language) -> &str {
    if language == Language::Latvian {
        return unit.latvian_label();
    }
    match unit.as_str() {
        "H87" | "C62" => "pcs",
        "HUR" => "h",
        "DAY" => "d",
        "MON" => "mo.",
        "KGM" => "kg",
        "LTR" => "l",
        "MTR" => "m",
        "MTK" => "m²",
        "MTQ" => "m³",
        "SET" => "set",
        other => other,
    }
}

/// An exchange rate as printed: "1 EUR = 1,085 USD (2026-03-02)" in Latvian, with a decimal
/// point in English.
fn rate_text(rate: &crate::exchange::ExchangeRate, language: Language) -> String {
    match language {
        Language::Latvian => rate.latvian_text(),
        _ => rate.to_string(),
    }
}

/// The header of a rendering.
struct Header<'a> {
    title: &'static str,
    number: &'a str,
    issue_date: NaiveDate,
    original: Option<&'a InvoiceReference>,
    reason: Option<&'a str>,
}

/// The width of the name column of item tables, in characters.
const NAME_WIDTH: usize = 34;

/// The width of the name column of the goods receipt note, in characters.
const RECEIPT_NAME_WIDTH: usize = 30;

/// Writes an amount the Latvian way: "1 234,56 €" (ordinary spaces, for aligned columns).
pub(crate) fn lv(money: Money) -> String {
    money
        .to_localized_string(Language::Latvian)
        .replace('\u{a0}', " ")
}

/// Groups the whole part of a decimal text by thousands with spaces and writes a decimal
/// comma: "1234.5" → "1 234,5", "-0.0425" → "-0,0425".
pub(crate) fn grouped(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(text.len().saturating_add(4));
    out.push_str(sign);
    let length = whole.chars().count();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && length.saturating_sub(index) % 3 == 0 {
            out.push(' ');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Writes a unit price with at least two decimals and all its significant ones, the Latvian
/// way: 89,90; 0,0425; 1 234,50.
fn price_text(price: Money) -> String {
    price_text_in(price, Language::Latvian)
}

/// Writes a unit price as [`price_text`] does, in the number format of `language`.
fn price_text_in(price: Money, language: Language) -> String {
    let mut amount = price.amount().normalize();
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    grouped_in(&amount.to_string(), language)
}

/// Writes a quantity the Latvian way: 12,5; 1 000; -2.
fn quantity_text(value: rust_decimal::Decimal) -> String {
    quantity_text_in(value, Language::Latvian)
}

/// Writes a quantity as [`quantity_text`] does, in the number format of `language`.
fn quantity_text_in(value: rust_decimal::Decimal, language: Language) -> String {
    grouped_in(&value.normalize().to_string(), language)
}

/// Splits a text into lines of at most `width` characters, breaking at spaces; a word longer
/// than a line is cut. Never returns an empty list.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_length = 0_usize;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if current_length > 0 {
                lines.push(std::mem::take(&mut current));
                current_length = 0;
            }
            let rest = word.split_off(width);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        let needed = if current_length == 0 {
            word.len()
        } else {
            current_length.saturating_add(1).saturating_add(word.len())
        };
        if needed > width {
            lines.push(std::mem::take(&mut current));
            current_length = 0;
        }
        if current_length > 0 {
            current.push(' ');
            current_length = current_length.saturating_add(1);
        }
        current_length = current_length.saturating_add(word.len());
        current.extend(word);
    }
    if current_length > 0 || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Writes the continuation lines of a wrapped name under its column, `indent` characters in.
fn continuation(out: &mut String, indent: usize, lines: &[String]) {
    for line in lines.iter().skip(1) {
        let _ = writeln!(out, "{:indent$}{line}", "");
    }
}

/// Returns the identifiers of a party as printed: "reģ. Nr. …, PVN Nr. …".
fn party_ids(party: &Party, t: &Labels) -> Vec<String> {
    let mut ids = Vec::new();
    if let Some(registration) = party.registration_number() {
        ids.push(format!("{} {registration}", t.registration));
    }
    if let Some(vat) = party.vat_identifier() {
        ids.push(format!("{} {vat}", t.vat_number));
    }
    for identifier in party.identifiers() {
        match identifier.scheme() {
            Some(IdentifierScheme::VAT) => {}
            Some(scheme) => ids.push(format!(
                "{} {} ({scheme})",
                t.registration,
                identifier.value()
            )),
            None => ids.push(format!("{} {}", t.registration, identifier.value())),
        }
    }
    ids
}

fn party_block(out: &mut String, label: &str, party: &Party, t: &Labels) {
    let _ = writeln!(out, "{label}: {}", party.name());
    let ids = party_ids(party, t);
    if !ids.is_empty() {
        let _ = writeln!(out, "  {}", ids.join(", "));
    }
    let _ = writeln!(out, "  {}", address_text(party.address()));
    if let Some(iban) = party.iban() {
        let _ = writeln!(out, "  {}: {}", t.account, iban.print_form());
    }
}

/// Returns the VAT of a line as its column shows it: the rate for a taxed or 0 % supply, a
/// word for one that has no rate (exempt, reverse charge, outside the scope of VAT).
fn vat_column(vat: LineVat, t: &Labels) -> String {
    match vat.category() {
        VatCategory::Exempt => t.exempt_short.to_owned(),
        VatCategory::ReverseCharge => t.reverse_charge_short.to_owned(),
        VatCategory::OutsideScope => t.outside_scope_short.to_owned(),
        _ => vat.rate().to_string(),
    }
}

/// Returns the label of a VAT breakdown row and whether the row has a VAT amount to show:
/// "PVN 21% no 179,80 €" for a rate; "Atbrīvots no PVN, summa 200,00 €" for an exemption,
/// which has no rate to print.
fn breakdown_label(row: &VatBreakdown, language: Language) -> (String, bool) {
    let t = labels(language);
    let taxable = amount_in(row.taxable_amount(), language);
    let (vat, of) = (t.amount, t.vat_of);
    match row.category() {
        VatCategory::Exempt => (format!("{} {taxable}:", t.exempt), false),
        VatCategory::ReverseCharge => (format!("{} {taxable}:", t.reverse_charge), false),
        VatCategory::OutsideScope => (format!("{} {taxable}:", t.outside_scope), false),
        VatCategory::IntraCommunitySupply => (
            format!(
                "{vat} {} ({}) {of} {taxable}:",
                row.rate(),
                t.intra_community
            ),
            true,
        ),
        VatCategory::Export => (
            format!("{vat} {} ({}) {of} {taxable}:", row.rate(), t.export),
            true,
        ),
        _ => (format!("{vat} {} {of} {taxable}:", row.rate()), true),
    }
}

/// Writes an amount in words, or nothing when the language has no words for its currency
/// (amounts in words are the custom for the euro, not a requisite of every currency).
fn words_line(out: &mut String, label: &str, amount: Money) -> Result<(), AccountingError> {
    words_line_in(out, label, amount, Language::Latvian)
}

/// Writes an amount in words in `language`, as [`words_line`] does.
fn words_line_in(
    out: &mut String,
    label: &str,
    amount: Money,
    language: Language,
) -> Result<(), AccountingError> {
    let options = WordsOptions::default().with_cents(CentsStyle::Figures);
    match amount_in_words(&amount, language, &options) {
        Ok(words) => {
            let _ = writeln!(out, "{label}: {words}");
            Ok(())
        }
        Err(WordsError::UnsupportedCurrency { .. }) => Ok(()),
        Err(error) => Err(error.into()),
    }
}

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
/// See [`render_invoice_in`]; a credit note renders the same way.
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

/// Writes an address on one line: lines, city, postal code, region, country.
fn address_text(address: &apkalpe_core::Address) -> String {
    let country = address.country();
    let mut parts: Vec<&str> = address.lines().iter().map(String::as_str).collect();
    parts.push(address.city());
    if let Some(postal) = address.postal_code() {
        parts.push(postal);
    }
    if let Some(region) = address.region() {
        parts.push(region);
    }
    parts.push(country.as_str());
    parts.join(", ")
}

/// Writes the table of item lines, with the value column when any line is priced, and the
/// total value.
fn item_table(out: &mut String, lines: &[ItemLine], value: Option<Money>) {
    let _ = writeln!(
        out,
        "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>12}",
        "Nr.", "Nosaukums", "Daudzums", "Mērv.", "Cena", "Summa"
    );
    for (index, line) in lines.iter().enumerate() {
        let name = wrap(line.item(), NAME_WIDTH);
        let price = line.unit_price().map(price_text).unwrap_or_default();
        let amount = line.value().ok().flatten().map(lv).unwrap_or_default();
        let row = format!(
            "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>12}",
            index.saturating_add(1),
            name.first().map(String::as_str).unwrap_or_default(),
            quantity_text(line.quantity().value()),
            line.unit().latvian_label(),
            price,
            amount
        );
        let _ = writeln!(out, "{}", row.trim_end());
        continuation(out, 6, &name);
    }
    if let Some(value) = value {
        let _ = writeln!(out, "\n{:>36} {:>14}", "Kopā bez PVN:", lv(value));
    }
}

/// Renders an issued waybill as readable text in `language`: header, parties, transport details,
/// goods with quantities, units and values, the total, and room for the signatures of who
/// handed over and who received the goods.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: T4.1.
///
/// # Examples
///
/// See [`DraftWaybill`](crate::DraftWaybill); `tests/snapshots/` holds a full rendering.
pub fn render_waybill_in(waybill: &Waybill, language: Language) -> String {
    let _ = language;
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} Nr. {}",
        waybill.document_kind().latvian_name_capitalised(),
        waybill.number().as_str()
    );
    let _ = writeln!(out, "Datums: {}", waybill.issue_date());
    out.push('\n');
    party_block(&mut out, "Piegādātājs", waybill.supplier(), &LATVIAN);
    party_block(&mut out, "Saņēmējs", waybill.receiver(), &LATVIAN);
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

/// Renders as readable Latvian text: [`render_waybill_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Examples
///
/// See [`render_waybill_in`].
#[deprecated(
    note = "use `render_waybill_in(waybill, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_waybill(waybill: &Waybill) -> String {
    render_waybill_in(waybill, Language::Latvian)
}

/// Renders an issued acceptance–transfer act as readable text in `language`: header, parties,
/// period, services, total, and both signatories.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: S25.
///
/// # Examples
///
/// See [`DraftAcceptanceAct`](crate::DraftAcceptanceAct); `tests/snapshots/` holds a full
/// rendering.
pub fn render_acceptance_act_in(act: &AcceptanceAct, language: Language) -> String {
    let _ = language;
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
    party_block(&mut out, "Izpildītājs", act.provider(), &LATVIAN);
    party_block(&mut out, "Pasūtītājs", act.client(), &LATVIAN);
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

/// Renders as readable Latvian text: [`render_acceptance_act_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Examples
///
/// See [`render_acceptance_act_in`].
#[deprecated(
    note = "use `render_acceptance_act_in(act, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_acceptance_act(act: &AcceptanceAct) -> String {
    render_acceptance_act_in(act, Language::Latvian)
}

/// Renders an issued purchase order as readable text in `language`.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: S28.
///
/// # Examples
///
/// See [`DraftPurchaseOrder`](crate::DraftPurchaseOrder).
pub fn render_purchase_order_in(order: &PurchaseOrder, language: Language) -> String {
    let _ = language;
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
    party_block(&mut out, "Pasūtītājs", order.buyer(), &LATVIAN);
    party_block(&mut out, "Piegādātājs", order.supplier(), &LATVIAN);
    out.push('\n');
    item_table(&mut out, order.lines(), order.value());
    out
}

/// Renders as readable Latvian text: [`render_purchase_order_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Examples
///
/// See [`render_purchase_order_in`].
#[deprecated(
    note = "use `render_purchase_order_in(order, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_purchase_order(order: &PurchaseOrder) -> String {
    render_purchase_order_in(order, Language::Latvian)
}

/// Renders a goods receipt note as readable text in `language`: the order, the parties, and per
/// order line the quantities ordered, received, damaged, short and over, with a list of the
/// discrepancies.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: S28.
///
/// # Examples
///
/// See [`GoodsReceiptNote`](crate::GoodsReceiptNote); `tests/snapshots/` holds a full
/// rendering.
pub fn render_goods_receipt_note_in(note: &GoodsReceiptNote, language: Language) -> String {
    let _ = language;
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
    party_block(&mut out, "Saņēmējs", note.receiver(), &LATVIAN);
    party_block(&mut out, "Piegādātājs", note.supplier(), &LATVIAN);
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<RECEIPT_NAME_WIDTH$} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "Nr.", "Nosaukums", "Mērv.", "Pasūtīts", "Saņemts", "Bojāts", "Iztrūkst", "Pārpal."
    );
    for line in note.lines() {
        let name = wrap(line.item().item(), RECEIPT_NAME_WIDTH);
        let _ = writeln!(
            out,
            "{:>4}  {:<RECEIPT_NAME_WIDTH$} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
            line.order_line(),
            name.first().map(String::as_str).unwrap_or_default(),
            line.item().unit().latvian_label(),
            quantity_text(line.ordered()),
            quantity_text(line.received()),
            quantity_text(line.damaged()),
            quantity_text(line.short()),
            quantity_text(line.over())
        );
        continuation(&mut out, 6, &name);
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

/// Renders as readable Latvian text: [`render_goods_receipt_note_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Examples
///
/// See [`render_goods_receipt_note_in`].
#[deprecated(
    note = "use `render_goods_receipt_note_in(note, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_goods_receipt_note(note: &GoodsReceiptNote) -> String {
    render_goods_receipt_note_in(note, Language::Latvian)
}

/// Writes who paid or received the cash as a cash order names them (MK 625 p. 3–4).
fn counterparty_text(counterparty: &CashCounterparty) -> String {
    match counterparty {
        CashCounterparty::Person {
            name,
            personal_code,
            on_behalf_of,
        } => {
            let mut text = match personal_code {
                Some(code) => format!("{name}, personas kods {code}"),
                None => format!("{name} (nerezidents)"),
            };
            if let Some((company, registration_number)) = on_behalf_of {
                let _ = write!(
                    text,
                    ", pārstāvot {company}, reģ. Nr. {registration_number}"
                );
            }
            text
        }
        CashCounterparty::Organisation {
            name,
            registration_number,
        } => format!("{name}, reģ. Nr. {registration_number}"),
        CashCounterparty::Omitted(reason) => {
            let reason = match reason {
                PayeeOmission::CashInTransit => "nauda nodota inkasācijai",
                PayeeOmission::BankDeposit => "nauda iemaksāta bankā",
                PayeeOmission::ChangeOfDenominations => "naudas zīmju apmaiņa",
            };
            format!("nav norādīts: {reason} (MK 625 4. punkts)")
        }
    }
}

/// Renders an issued cash order (KIO or KIzO) as readable text in `language`: the business with
/// its registration number or taxpayer code, the document name, number and date, the payer
/// (KIO) or payee (KIzO) with the data MK 625 asks for, the basis, the amount in figures and,
/// for a paper order, in words, and the cashier, who alone signs.
///
/// # Errors
///
/// [`AccountingError::Words`] when the amount is beyond amounts in words (above
/// 999 999 999 999); a currency without Latvian words is written in figures only.
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3–4: name, number, date, the business, the payer or payee,
/// basis, amount; only the cashier signs (facts §10, C \[C1\]\[C2\]).
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: T4.6, S27.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{render_cash_order_in, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
/// use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let order = DraftCashOrder::try_new(
///     CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?,
///     CashDirection::Receipt,
///     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
///     "Apmaksa par rēķinu INV2026-00001",
///     Money::new(dec!(1234.56), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kio, NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?)?;
/// let text = render_cash_order_in(&order, Language::Latvian)?;
/// assert!(text.starts_with("SIA Apkalpe\nReģ. Nr. 40003521600\n\nKases ieņēmumu orderis Nr. KIO26-0001\n"));
/// assert!(text.contains("Summa: 1 234,56 €"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_cash_order_in(
    order: &CashOrder,
    language: Language,
) -> Result<String, AccountingError> {
    let _ = language;
    let mut out = String::with_capacity(768);
    let business = order.business();
    let _ = writeln!(out, "{}", business.name());
    match (business.registration_number(), business.taxpayer_code()) {
        (Some(number), _) => {
            let _ = writeln!(out, "Reģ. Nr. {number}");
        }
        (None, Some(code)) => {
            let _ = writeln!(out, "Nodokļu maksātāja kods {code}");
        }
        (None, None) => {}
    }
    out.push('\n');
    let kind = order.direction().document_kind();
    let _ = writeln!(
        out,
        "{} Nr. {}",
        kind.latvian_name_capitalised(),
        order.number()
    );
    let _ = writeln!(out, "Datums: {}", order.date());
    out.push('\n');
    let who = match order.direction() {
        CashDirection::Receipt => "Pieņemts no",
        CashDirection::Disbursement => "Izsniegts",
    };
    let _ = writeln!(out, "{who}: {}", counterparty_text(order.counterparty()));
    let _ = writeln!(out, "Pamatojums: {}", order.basis());
    let _ = writeln!(out, "Summa: {}", lv(order.amount()));
    words_line(&mut out, "Summa vārdiem", order.amount())?;
    out.push('\n');
    let _ = writeln!(out, "Kasieris: {} ____________________", order.cashier());
    Ok(out)
}

/// Renders as readable Latvian text: [`render_cash_order_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Errors
///
/// As [`render_cash_order_in`].
///
/// # Examples
///
/// See [`render_cash_order_in`].
#[deprecated(
    note = "use `render_cash_order_in(order, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_cash_order(order: &CashOrder) -> Result<String, AccountingError> {
    render_cash_order_in(order, Language::Latvian)
}

/// Renders the cash book as readable text in `language`: the business, the opening balance, every
/// order posted with its date, number, payer or payee, basis, receipt or payment and the
/// balance after it, then the totals and the closing balance. Long texts wrap in their
/// columns.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: T4.6, T4.7, S27.
///
/// # Errors
///
/// [`AccountingError::Money`] when the totals overflow.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{render_cash_book_in, CashBook, CashBusiness};
/// use apkalpe_core::{Currency, Language, Money};
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let book = CashBook::try_new(business, Money::new(dec!(1500.00), Currency::EUR), "kio", "kizo")?;
/// let text = render_cash_book_in(&book, Language::Latvian)?;
/// assert!(text.contains("Sākuma atlikums: 1 500,00 €"));
/// assert!(text.contains("Beigu atlikums: 1 500,00 €"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_cash_book_in(book: &CashBook, language: Language) -> Result<String, AccountingError> {
    let _ = language;
    const WHO: usize = 22;
    const BASIS: usize = 26;
    let mut out = String::with_capacity(1024);
    let _ = writeln!(out, "{}", DocumentKind::CashBook.latvian_name_capitalised());
    let _ = writeln!(out, "{}", book.business());
    let _ = writeln!(out, "Sākuma atlikums: {}", lv(book.opening_balance()));
    out.push('\n');
    let _ = writeln!(
        out,
        "{:<10}  {:<12}  {:<WHO$}  {:<BASIS$} {:>12} {:>12} {:>12}",
        "Datums", "Dokuments", "No kā / kam", "Pamatojums", "Ieņēmumi", "Izdevumi", "Atlikums"
    );
    let mut receipts = Money::zero(book.balance().currency());
    let mut payments = Money::zero(book.balance().currency());
    for entry in book.entries() {
        let who = wrap(entry.counterparty().unwrap_or("—"), WHO);
        let basis = wrap(entry.basis(), BASIS);
        let (receipt, payment) = match entry.direction() {
            CashDirection::Receipt => {
                receipts = receipts.checked_add(entry.amount())?;
                (lv(entry.amount()), String::new())
            }
            CashDirection::Disbursement => {
                payments = payments.checked_add(entry.amount())?;
                (String::new(), lv(entry.amount()))
            }
        };
        let rows = who.len().max(basis.len());
        for row in 0..rows {
            let text = |lines: &[String]| lines.get(row).cloned().unwrap_or_default();
            let line = if row == 0 {
                format!(
                    "{:<10}  {:<12}  {:<WHO$}  {:<BASIS$} {:>12} {:>12} {:>12}",
                    entry.date().to_string(),
                    entry.number(),
                    text(&who),
                    text(&basis),
                    receipt,
                    payment,
                    lv(entry.balance())
                )
            } else {
                format!(
                    "{:<10}  {:<12}  {:<WHO$}  {}",
                    "",
                    "",
                    text(&who),
                    text(&basis)
                )
            };
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Ieņēmumi kopā: {}", lv(receipts));
    let _ = writeln!(out, "Izdevumi kopā: {}", lv(payments));
    let _ = writeln!(out, "Beigu atlikums: {}", lv(book.balance()));
    Ok(out)
}

/// Renders as readable Latvian text: [`render_cash_book_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Errors
///
/// As [`render_cash_book_in`].
///
/// # Examples
///
/// See [`render_cash_book_in`].
#[deprecated(
    note = "use `render_cash_book_in(book, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_cash_book(book: &CashBook) -> Result<String, AccountingError> {
    render_cash_book_in(book, Language::Latvian)
}
