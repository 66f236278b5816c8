//! A received invoice as readable Latvian text, for the person who pays or books it.

use std::fmt::Write as _;

use apkalpe_core::{CentsStyle, Language, WordsOptions, amount_in_words};
use rust_decimal::Decimal;

use super::model::{
    AllowanceChargeKind, CurrencyCode, ReceivedAddress, ReceivedIdentifier, ReceivedInvoice,
    ReceivedInvoiceKind, ReceivedParty, ReceivedVatCategory, StatedAmount,
};

/// Writes a decimal the Latvian way: a space between thousands, a decimal comma, at least
/// two decimals and every one written ("1 234,50", "0,0425"). Never rounds.
fn number(value: Decimal, minimum_decimals: u32) -> String {
    let mut value = value;
    if value.scale() < minimum_decimals {
        value.rescale(minimum_decimals);
    }
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len().saturating_add(8));
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let digits = whole.len();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (digits.saturating_sub(index)) % 3 == 0 {
            out.push(' ');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Writes an amount with its currency: `1 234,50 €`, `125,00 NOK`.
fn money(amount: StatedAmount) -> String {
    let symbol = if amount.currency == CurrencyCode::EUR {
        "€".to_owned()
    } else {
        amount.currency.to_string()
    };
    format!("{} {symbol}", number(amount.amount, 2))
}

/// Writes a quantity or a rate without trailing zeros: `2`, `12,5`.
fn plain(value: Decimal) -> String {
    number(value.normalize(), 0)
}

/// The Latvian abbreviation of a UN/ECE unit code where we have one (`H87` → `gab.`),
/// else the code as sent.
fn unit_label(code: &str) -> &str {
    match code {
        "H87" | "C62" | "EA" | "NAR" => "gab.",
        "HUR" => "h",
        "DAY" => "d.",
        "MON" => "mēn.",
        "KGM" => "kg",
        "LTR" => "l",
        "MTR" => "m",
        "SET" => "kompl.",
        other => other,
    }
}

/// The Latvian title of the document by its type code.
fn title(invoice: &ReceivedInvoice) -> &'static str {
    match (invoice.kind(), invoice.type_code()) {
        (_, Some("381" | "396" | "81" | "83" | "261" | "262" | "532")) => "Kredītrēķins",
        (_, Some("384")) => "Labots rēķins",
        (_, Some("386")) => "Avansa rēķins",
        (_, Some("389" | "527")) => "Pašizrakstīts rēķins",
        (_, Some("326")) => "Daļējs rēķins",
        (_, Some("383")) => "Debetrēķins",
        (ReceivedInvoiceKind::CreditNote, _) => "Kredītrēķins",
        (ReceivedInvoiceKind::Invoice, _) => "Rēķins",
    }
}

fn identifier_text(identifier: &ReceivedIdentifier) -> String {
    match &identifier.scheme {
        Some(scheme) => format!("{} (shēma {scheme})", identifier.value),
        None => identifier.value.clone(),
    }
}

fn address_text(address: &ReceivedAddress) -> String {
    let mut parts: Vec<&str> = address.lines.iter().map(String::as_str).collect();
    for part in [
        &address.city,
        &address.postal_code,
        &address.subdivision,
        &address.country,
    ]
    .into_iter()
    .flatten()
    {
        parts.push(part);
    }
    parts.join(", ")
}

fn party_block(out: &mut String, label: &str, party: &ReceivedParty) {
    let _ = writeln!(
        out,
        "{label}: {}",
        party.name.as_deref().unwrap_or("(nosaukums nav norādīts)")
    );
    if let Some(trading) = &party.trading_name
        && Some(trading) != party.name.as_ref()
    {
        let _ = writeln!(out, "  Komercnosaukums: {trading}");
    }
    let mut ids = Vec::new();
    if let Some(vat) = &party.vat_id {
        ids.push(format!("PVN Nr. {vat}"));
    }
    if let Some(registration) = &party.legal_registration {
        ids.push(format!("reģ. Nr. {}", identifier_text(registration)));
    }
    for identifier in &party.identifiers {
        ids.push(format!("ID {}", identifier_text(identifier)));
    }
    if !ids.is_empty() {
        let _ = writeln!(out, "  {}", ids.join("; "));
    }
    if let Some(tax) = &party.tax_registration {
        let _ = writeln!(out, "  Nodokļu reģ. Nr.: {tax}");
    }
    if let Some(information) = &party.legal_information {
        let _ = writeln!(out, "  {information}");
    }
    let address = address_text(&party.address);
    if !address.is_empty() {
        let _ = writeln!(out, "  {address}");
    }
    if let Some(contact) = &party.contact {
        let parts: Vec<&str> = [&contact.name, &contact.phone, &contact.email]
            .into_iter()
            .filter_map(|part| part.as_deref())
            .collect();
        if !parts.is_empty() {
            let _ = writeln!(out, "  Kontakts: {}", parts.join(", "));
        }
    }
    if let Some(address) = &party.electronic_address {
        let _ = writeln!(out, "  E-adrese: {}", identifier_text(address));
    }
}

fn header(out: &mut String, invoice: &ReceivedInvoice) {
    let _ = writeln!(out, "{} Nr. {}", title(invoice), invoice.number());
    let _ = writeln!(out, "Datums: {}", invoice.issue_date());
    if let Some(code) = invoice.type_code() {
        let _ = writeln!(out, "Dokumenta tipa kods: {code}");
    }
    let _ = writeln!(out, "Valūta: {}", invoice.currency());
    if let Some(accounting) = invoice.vat_accounting_currency() {
        let _ = writeln!(out, "PVN uzskaites valūta: {accounting}");
    }
    if let Some(day) = invoice.tax_point_date() {
        let _ = writeln!(out, "PVN datums: {day}");
    }
    if let Some(delivery) = invoice.delivery()
        && let Some(day) = delivery.date
    {
        let _ = writeln!(out, "Piegādes datums: {day}");
    }
    if let Some(period) = invoice.invoicing_period() {
        let start = period.start.map(|day| day.to_string()).unwrap_or_default();
        let end = period.end.map(|day| day.to_string()).unwrap_or_default();
        let _ = writeln!(out, "Norēķinu periods: {start} – {end}");
    }
    if let Some(due) = invoice.due_date() {
        let _ = writeln!(out, "Apmaksas termiņš: {due}");
    }
    for preceding in invoice.preceding_invoices() {
        let date = preceding
            .issue_date
            .map(|day| format!(" ({day})"))
            .unwrap_or_default();
        let _ = writeln!(out, "Saistītais rēķins: {}{date}", preceding.number);
    }
    for (label, value) in [
        ("Pircēja atsauce", invoice.buyer_reference()),
        ("Pasūtījums", invoice.purchase_order_reference()),
        ("Pārdevēja pasūtījums", invoice.sales_order_reference()),
        ("Līgums", invoice.contract_reference()),
        ("Projekts", invoice.project_reference()),
        ("Iepirkums", invoice.tender_or_lot_reference()),
        ("Pavadzīme", invoice.despatch_advice_reference()),
        ("Pieņemšanas akts", invoice.receiving_advice_reference()),
        ("Grāmatvedības konts", invoice.buyer_accounting_reference()),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "{label}: {value}");
        }
    }
}

fn parties(out: &mut String, invoice: &ReceivedInvoice) {
    out.push('\n');
    party_block(out, "Piegādātājs", invoice.seller());
    party_block(out, "Saņēmējs", invoice.buyer());
    if let Some(payee) = invoice.payee() {
        let _ = writeln!(
            out,
            "Maksājuma saņēmējs: {}",
            payee.name.as_deref().unwrap_or("(nosaukums nav norādīts)")
        );
        if let Some(identifier) = &payee.identifier {
            let _ = writeln!(out, "  ID {}", identifier_text(identifier));
        }
        if let Some(registration) = &payee.legal_registration {
            let _ = writeln!(out, "  reģ. Nr. {}", identifier_text(registration));
        }
    }
    if let Some(representative) = invoice.tax_representative() {
        let _ = writeln!(
            out,
            "Nodokļu pārstāvis: {}",
            representative
                .name
                .as_deref()
                .unwrap_or("(nosaukums nav norādīts)")
        );
        if let Some(vat) = &representative.vat_id {
            let _ = writeln!(out, "  PVN Nr. {vat}");
        }
    }
    if let Some(delivery) = invoice.delivery() {
        let mut parts = Vec::new();
        if let Some(name) = &delivery.party_name {
            parts.push(name.clone());
        }
        if let Some(address) = &delivery.address {
            parts.push(address_text(address));
        }
        if !parts.is_empty() {
            let _ = writeln!(out, "Piegādes vieta: {}", parts.join(", "));
        }
    }
}

fn lines(out: &mut String, invoice: &ReceivedInvoice) {
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<34} {:>10} {:<5} {:>12} {:>6} {:>14}",
        "Nr.", "Nosaukums", "Daudzums", "Mērv.", "Cena", "PVN", "Summa"
    );
    for line in invoice.lines() {
        let name = crate::render::wrap(line.item.name.as_deref().unwrap_or("(nav nosaukuma)"), 34);
        let vat = match (line.vat_category, line.vat_rate) {
            (Some(ReceivedVatCategory::Exempt), _) => "atbr.".to_owned(),
            (Some(ReceivedVatCategory::ReverseCharge), _) => "apgr.".to_owned(),
            (Some(ReceivedVatCategory::OutsideScope), _) => "nav".to_owned(),
            (Some(_), Some(rate)) => format!("{}%", plain(rate)),
            (Some(category), None) => category.code().to_owned(),
            (None, _) => String::new(),
        };
        let row = format!(
            "{:>4}  {:<34} {:>10} {:<5} {:>12} {:>6} {:>14}",
            line.id.chars().take(4).collect::<String>(),
            name.first().map(String::as_str).unwrap_or_default(),
            line.quantity.map(plain).unwrap_or_default(),
            line.unit_code
                .as_deref()
                .map(unit_label)
                .unwrap_or_default(),
            line.price
                .net
                .map(|price| number(price.amount, 2))
                .unwrap_or_default(),
            vat,
            money(line.net_amount),
        );
        let _ = writeln!(out, "{}", row.trim_end());
        for more in name.iter().skip(1) {
            let _ = writeln!(out, "      {more}");
        }
        if let Some(base) = line.price.base_quantity
            && base != Decimal::ONE
        {
            let _ = writeln!(
                out,
                "        cena par {} {}",
                plain(base),
                line.price.base_quantity_unit.as_deref().unwrap_or_default()
            );
        }
        for adjustment in &line.allowances_charges {
            let label = match adjustment.kind {
                AllowanceChargeKind::Allowance => "atlaide",
                AllowanceChargeKind::Charge => "piemaksa",
            };
            let reason = adjustment
                .reason
                .as_deref()
                .or(adjustment.reason_code.as_deref())
                .map(|reason| format!(" ({reason})"))
                .unwrap_or_default();
            let _ = writeln!(out, "        {label}: {}{reason}", money(adjustment.amount));
        }
        if let Some(note) = &line.note {
            let _ = writeln!(out, "        piezīme: {}", note.replace('\n', " "));
        }
    }
}

fn totals(out: &mut String, invoice: &ReceivedInvoice) {
    out.push('\n');
    let width = 40;
    let text_row = |out: &mut String, label: &str, text: &str| {
        let _ = writeln!(out, "{label:>width$} {text:>16}");
    };
    let row = |out: &mut String, label: &str, amount: StatedAmount| {
        text_row(out, label, &money(amount));
    };
    let totals = invoice.totals();
    row(out, "Rindu summa:", totals.line_net_total);
    for adjustment in invoice.allowances_charges() {
        let reason = adjustment
            .reason
            .as_deref()
            .or(adjustment.reason_code.as_deref())
            .unwrap_or("bez pamatojuma");
        let (label, sign) = match adjustment.kind {
            AllowanceChargeKind::Allowance => ("Atlaide", true),
            AllowanceChargeKind::Charge => ("Piemaksa", false),
        };
        let amount = if sign {
            StatedAmount::new(-adjustment.amount.amount, adjustment.amount.currency)
        } else {
            adjustment.amount
        };
        row(out, &format!("{label} ({reason}):"), amount);
    }
    row(out, "Summa bez PVN:", totals.tax_exclusive);
    for breakdown in invoice.vat_breakdown() {
        let rate = breakdown
            .rate
            .map(|rate| format!("{}%", plain(rate)))
            .unwrap_or_default();
        let taxable = money(breakdown.taxable_amount);
        // A category without a rate says so; one with a rate says which.
        let label = match breakdown.category {
            ReceivedVatCategory::Exempt => format!("Atbrīvots no PVN, summa {taxable}:"),
            ReceivedVatCategory::ReverseCharge => {
                format!("PVN apgrieztā maksāšana, summa {taxable}:")
            }
            ReceivedVatCategory::OutsideScope => format!("Nav PVN objekts, summa {taxable}:"),
            ReceivedVatCategory::IntraCommunitySupply => {
                format!("PVN {rate} (piegāde ES) no {taxable}:")
            }
            ReceivedVatCategory::Export => format!("PVN {rate} (eksports) no {taxable}:"),
            ReceivedVatCategory::CanaryIslands => format!("IGIC {rate} no {taxable}:"),
            ReceivedVatCategory::CeutaMelilla => format!("IPSI {rate} no {taxable}:"),
            ReceivedVatCategory::SplitPayment => {
                format!("PVN {rate} (sadalītais maksājums) no {taxable}:")
            }
            ReceivedVatCategory::Standard | ReceivedVatCategory::ZeroRated => {
                format!("PVN {rate} no {taxable}:")
            }
        };
        let without_rate = matches!(
            breakdown.category,
            ReceivedVatCategory::Exempt
                | ReceivedVatCategory::ReverseCharge
                | ReceivedVatCategory::OutsideScope
        );
        if without_rate && breakdown.vat_amount.amount.is_zero() {
            text_row(out, &label, "—");
        } else {
            row(out, &label, breakdown.vat_amount);
        }
    }
    row(out, "PVN kopā:", totals.vat_total);
    if let Some(accounting) = totals.vat_total_in_accounting_currency {
        row(
            out,
            &format!("PVN kopā {}:", accounting.currency),
            accounting,
        );
    }
    row(out, "Kopā ar PVN:", totals.tax_inclusive);
    if let Some(prepaid) = totals.prepaid {
        row(
            out,
            "Samaksāts iepriekš:",
            StatedAmount::new(-prepaid.amount, prepaid.currency),
        );
    }
    if let Some(rounding) = totals.rounding {
        row(out, "Noapaļošana:", rounding);
    }
    let due_label = match invoice.kind() {
        ReceivedInvoiceKind::CreditNote => "Kreditējamā summa:",
        ReceivedInvoiceKind::Invoice => "Summa apmaksai:",
    };
    row(out, due_label, totals.amount_due);
    // Words only where Latvian has the currency's words; otherwise left out.
    let words = totals.amount_due.to_money().and_then(|due| {
        amount_in_words(
            &due,
            Language::Latvian,
            &WordsOptions::default().with_cents(CentsStyle::Figures),
        )
        .ok()
    });
    if let Some(words) = words {
        let _ = writeln!(out, "\nSumma vārdiem: {words}");
    }
}

fn payment(out: &mut String, invoice: &ReceivedInvoice) {
    out.push('\n');
    if invoice.payment_means().is_empty() {
        let _ = writeln!(out, "Apmaksas veids: nav norādīts");
    }
    for means in invoice.payment_means() {
        let name = means.latvian_name().unwrap_or("cits");
        let text = means
            .text
            .as_deref()
            .map(|text| format!(", {text}"))
            .unwrap_or_default();
        let _ = writeln!(out, "Apmaksas veids: {name} (kods {}{text})", means.code);
        for account in &means.accounts {
            let mut line = format!("  Konts: {}", account.id);
            if let Some(bank) = &account.service_provider {
                let _ = write!(line, " ({bank})");
            }
            if let Some(holder) = &account.name {
                let _ = write!(line, ", {holder}");
            }
            let _ = writeln!(out, "{line}");
        }
        if let Some(card) = &means.card {
            let holder = card
                .holder_name
                .as_deref()
                .map(|holder| format!(", {holder}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  Karte: {}{holder}", card.account_number);
        }
        if let Some(debit) = &means.direct_debit {
            for (label, value) in [
                ("Pilnvaras Nr.", &debit.mandate),
                ("Kreditora ID", &debit.creditor_id),
                ("Debetējamais konts", &debit.debited_account),
            ] {
                if let Some(value) = value {
                    let _ = writeln!(out, "  {label}: {value}");
                }
            }
        }
        match &means.reference {
            Some(reference) => {
                let _ = writeln!(out, "  Maksājuma atsauce: {reference}");
            }
            None => {
                let _ = writeln!(out, "  Maksājuma atsauce: nav norādīta");
            }
        }
    }
    if let Some(terms) = invoice.payment_terms() {
        let _ = writeln!(out, "Apmaksas noteikumi: {}", terms.replace('\n', " / "));
    }
}

fn notes(out: &mut String, invoice: &ReceivedInvoice) {
    let mut wrote = false;
    let mut line = |out: &mut String, text: String| {
        if !wrote {
            out.push('\n');
            wrote = true;
        }
        let _ = writeln!(out, "{text}");
    };
    for breakdown in invoice.vat_breakdown() {
        let reason = match (
            &breakdown.exemption_reason,
            &breakdown.exemption_reason_code,
        ) {
            (Some(text), Some(code)) => format!("{text} ({code})"),
            (Some(text), None) => text.clone(),
            (None, Some(code)) => code.clone(),
            (None, None) => continue,
        };
        line(out, format!("Piezīme par PVN: {reason}"));
    }
    for note in invoice.notes() {
        line(out, format!("Piezīme: {}", note.text.replace('\n', " / ")));
    }
    for document in invoice.supporting_documents() {
        let description = document
            .description
            .as_deref()
            .map(|text| format!(" – {text}"))
            .unwrap_or_default();
        let attached = document
            .attachment
            .as_ref()
            .map(|attachment| {
                format!(
                    " (pielikums {})",
                    attachment.filename.as_deref().unwrap_or("bez nosaukuma")
                )
            })
            .unwrap_or_default();
        line(
            out,
            format!(
                "Pamatojošais dokuments: {}{description}{attached}",
                document.id.value
            ),
        );
    }
}

/// Renders a received invoice or credit note as readable text in `language`: header, parties with
/// their identifiers as sent, lines, totals with the VAT breakdown, the amount due in words
/// (only for currencies Latvian words exist for: EUR, USD, GBP, JPY; left out otherwise),
/// payment means with the payment reference exactly as sent, notes, and the findings.
///
/// Never fails: every term is shown as the document states it.
///
/// Labels are Latvian in every language for now: `language` is taken so that every renderer
/// of the crate has the same shape, and a later version adds English labels without a
/// change of signature. (The Latvian document is what Latvian law asks the business to
/// keep.)
///
/// Serves: T4.8, S29.
///
/// # Examples
///
/// ```
/// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
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
/// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
/// #     .with_line(chair.clone())
/// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
/// # let invoice = draft.clone().issue(&mut series, day)?;
/// # let _ = (&draft, &invoice, &chair, &series);
/// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
/// # let _ = &received;
/// use apkalpe_accounting::render_received_invoice_in;
/// use apkalpe_core::Language;
/// let text = render_received_invoice_in(&received, Language::Latvian);
/// assert!(text.contains("INV2026-00001"));
/// assert!(text.contains("Piezīmes par datiem: nav"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_received_invoice_in(invoice: &ReceivedInvoice, language: Language) -> String {
    let _ = language;
    let mut out = String::with_capacity(4096);
    header(&mut out, invoice);
    parties(&mut out, invoice);
    lines(&mut out, invoice);
    totals(&mut out, invoice);
    payment(&mut out, invoice);
    notes(&mut out, invoice);
    let findings = invoice.findings();
    out.push('\n');
    if findings.is_empty() {
        let _ = writeln!(out, "Piezīmes par datiem: nav");
    } else {
        let _ = writeln!(out, "Piezīmes par datiem ({}):", findings.len());
        for finding in findings {
            let _ = writeln!(out, "  - {} [{}]", finding, finding.code());
        }
    }
    out
}

/// Renders as readable Latvian text: [`render_received_invoice_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Examples
///
/// See [`render_received_invoice_in`].
#[deprecated(
    note = "use `render_received_invoice_in(invoice, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_received_invoice(invoice: &ReceivedInvoice) -> String {
    render_received_invoice_in(invoice, Language::Latvian)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_are_written_the_latvian_way() {
        assert_eq!(number(dec!(1234567.5), 2), "1 234 567,50");
        assert_eq!(number(dec!(-1234.5), 2), "-1 234,50");
        assert_eq!(number(dec!(0.0425), 2), "0,0425");
        assert_eq!(number(dec!(999), 2), "999,00");
        assert_eq!(plain(dec!(12.500)), "12,5");
        assert_eq!(
            money(StatedAmount::new(dec!(5), CurrencyCode::EUR)),
            "5,00 €"
        );
    }
}
