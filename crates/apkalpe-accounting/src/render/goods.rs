//! Waybills, acceptance–transfer acts, purchase orders and goods receipt notes as readable
//! text.

use crate::document::DocumentKind;
use crate::goods::{DiscrepancyKind, GoodsReceiptNote, ItemLine, PurchaseOrder, Waybill};
use crate::services::AcceptanceAct;
use apkalpe_core::{Language, Money};
use std::fmt::Write as _;

use super::*;

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
/// ```
/// # use apkalpe_accounting::{DraftWaybill, ItemLine, Quantity, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let ogre = Address::try_new("Rīgas iela 5", "Ogre", Some("LV-5001"), CountryCode::LV)?;
/// # let supplier = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?;
/// # let receiver = Party::organisation(PartyName::try_new("SIA Klients")?, ogre.clone())
/// #     .try_with_registration_number("40103471306".parse()?)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// # let chairs = ItemLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE)?
/// #     .with_unit_price(Money::new(dec!(89.90), Currency::EUR));
/// # let draft = DraftWaybill::new(supplier.clone(), receiver.clone()).with_line(chairs.clone())
/// #     .with_carrier(supplier.clone()).try_with_vehicle("VW Crafter, LA-1234")?
/// #     .with_loading_address(riga.clone()).with_unloading_address(ogre.clone()).with_dispatch_date(day);
/// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let waybill = draft.clone().issue(&mut series, day)?;
/// # let _ = (&draft, &waybill, &chairs, &riga, &ogre, &supplier, &receiver, &series);
/// use apkalpe_accounting::render_waybill_in;
/// use apkalpe_core::Language;
/// let text = render_waybill_in(&waybill, Language::Latvian);
/// assert!(text.starts_with("Preču pavadzīme Nr. PP2026-0001\nDatums: 2026-03-02\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
/// ```
/// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?;
/// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
/// #     .try_with_registration_number("40103471306".parse()?)?;
/// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
/// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
/// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
/// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
/// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
/// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
/// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
/// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
/// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
/// # let act = draft.clone().issue(&mut acts, end)?;
/// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
/// use apkalpe_accounting::render_acceptance_act_in;
/// use apkalpe_core::Language;
/// let text = render_acceptance_act_in(&act, Language::Latvian);
/// assert!(text.starts_with("Pieņemšanas–nodošanas akts Nr. AKTS2026-001\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
/// ```
/// # use apkalpe_accounting::{DraftPurchaseOrder, GoodsReceiptNote, ItemLine, Quantity, ReceivedLine, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, NumberSeries, Party, PartyName, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let us = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?;
/// # let them = Party::organisation(PartyName::try_new("SIA Piegādātājs")?, riga.clone())
/// #     .try_with_registration_number("40103471306".parse()?)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// # let later = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("bad date")?;
/// # let paper = ItemLine::try_new("Papīrs A4", Quantity::try_new(dec!(10))?, UnitCode::PIECE)?;
/// # let draft = DraftPurchaseOrder::new(us.clone(), them.clone())
/// #     .with_line(paper.clone())
/// #     .with_line(ItemLine::try_new("Toneris", Quantity::try_new(dec!(2))?, UnitCode::PIECE)?);
/// # let mut orders = NumberSeries::try_new("orders", "PAS{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let order = draft.clone().issue(&mut orders, day)?;
/// # let mut notes = NumberSeries::try_new("receipts", "PPA{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let note = GoodsReceiptNote::issue(&order, &[
/// #     ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
/// #     ReceivedLine::new(2, dec!(3)),
/// # ], &mut notes, later)?;
/// # let _ = (&draft, &order, &note, &paper, &us, &them, &riga, &orders, &notes);
/// use apkalpe_accounting::render_purchase_order_in;
/// use apkalpe_core::Language;
/// let text = render_purchase_order_in(&order, Language::Latvian);
/// assert!(text.starts_with("Pasūtījums Nr. PAS2026-0001\nDatums: 2026-03-02\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
/// ```
/// # use apkalpe_accounting::{DraftPurchaseOrder, GoodsReceiptNote, ItemLine, Quantity, ReceivedLine, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, NumberSeries, Party, PartyName, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let us = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?;
/// # let them = Party::organisation(PartyName::try_new("SIA Piegādātājs")?, riga.clone())
/// #     .try_with_registration_number("40103471306".parse()?)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// # let later = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("bad date")?;
/// # let paper = ItemLine::try_new("Papīrs A4", Quantity::try_new(dec!(10))?, UnitCode::PIECE)?;
/// # let draft = DraftPurchaseOrder::new(us.clone(), them.clone())
/// #     .with_line(paper.clone())
/// #     .with_line(ItemLine::try_new("Toneris", Quantity::try_new(dec!(2))?, UnitCode::PIECE)?);
/// # let mut orders = NumberSeries::try_new("orders", "PAS{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let order = draft.clone().issue(&mut orders, day)?;
/// # let mut notes = NumberSeries::try_new("receipts", "PPA{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let note = GoodsReceiptNote::issue(&order, &[
/// #     ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
/// #     ReceivedLine::new(2, dec!(3)),
/// # ], &mut notes, later)?;
/// # let _ = (&draft, &order, &note, &paper, &us, &them, &riga, &orders, &notes);
/// use apkalpe_accounting::render_goods_receipt_note_in;
/// use apkalpe_core::Language;
/// let text = render_goods_receipt_note_in(&note, Language::Latvian);
/// assert!(text.starts_with("Preču pieņemšanas akts Nr. PPA2026-0001\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
