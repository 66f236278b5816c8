//! Readable text renderings of invoices, credit notes, waybills, acceptance acts, purchase
//! orders, goods receipt notes, cash orders and the cash book. Every renderer takes a
//! `Language`: every document has Latvian labels for Latvian and English labels for the other
//! languages (the rendering of a received e-invoice, in `received::render`, Latvian labels in
//! every language for now). This module holds the labels and the
//! helpers every rendering shares.

use std::fmt::Write as _;

use apkalpe_core::{
    CentsStyle, IdentifierScheme, Language, Money, Party, VatCategory, WordsError, WordsOptions,
    amount_in_words,
};
use chrono::NaiveDate;

use crate::document::{DocumentKind, InvoiceReference};
use crate::error::AccountingError;
use crate::line::LineVat;
use crate::totals::VatBreakdown;

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

/// Returns `latvian` for [`Language::Latvian`] and `english` for every other language.
const fn tr(language: Language, latvian: &'static str, english: &'static str) -> &'static str {
    match language {
        Language::Latvian => latvian,
        _ => english,
    }
}

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

/// Writes a unit price with at least two decimals and all its significant ones, in the number
/// format of `language`: 89,90; 0,0425; 1 234,50 in Latvian.
fn price_text_in(price: Money, language: Language) -> String {
    let mut amount = price.amount().normalize();
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    grouped_in(&amount.to_string(), language)
}

/// Writes a quantity in the number format of `language`: 12,5; 1 000; -2 in Latvian.
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

/// Writes an amount in words in `language`, or nothing when the language has no words for
/// its currency (amounts in words are the custom for the euro, not a requisite of every
/// currency).
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

mod cash;
mod goods;
mod invoice;

pub use cash::{render_cash_book_in, render_cash_order_in};
pub use goods::{
    render_acceptance_act_in, render_goods_receipt_note_in, render_purchase_order_in,
    render_waybill_in,
};
pub use invoice::{render_credit_note_in, render_invoice_in};

// The one-argument renderers and the renderer of the superseded reader, deprecated.
#[allow(deprecated)]
pub use cash::{render_cash_book, render_cash_order};
#[allow(deprecated)]
pub use goods::{
    render_acceptance_act, render_goods_receipt_note, render_purchase_order, render_waybill,
};
#[cfg(feature = "xml")]
#[allow(deprecated)]
pub use invoice::render_received;
#[allow(deprecated)]
pub use invoice::{render_credit_note, render_invoice};
