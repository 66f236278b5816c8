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
fn item_table(out: &mut String, lines: &[ItemLine], value: Option<Money>, language: Language) {
    let t = labels(language);
    let _ = writeln!(
        out,
        "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>12}",
        t.columns[0], t.columns[1], t.columns[2], t.columns[3], t.columns[4], t.columns[6]
    );
    for (index, line) in lines.iter().enumerate() {
        let name = wrap(line.item(), NAME_WIDTH);
        let price = line
            .unit_price()
            .map(|price| price_text_in(price, language))
            .unwrap_or_default();
        let amount = line
            .value()
            .ok()
            .flatten()
            .map(|amount| amount_in(amount, language))
            .unwrap_or_default();
        let row = format!(
            "{:>4}  {:<NAME_WIDTH$} {:>10} {:<6} {:>12} {:>12}",
            index.saturating_add(1),
            name.first().map(String::as_str).unwrap_or_default(),
            quantity_text_in(line.quantity().value(), language),
            unit_label(&line.unit(), language),
            price,
            amount
        );
        let _ = writeln!(out, "{}", row.trim_end());
        continuation(out, 6, &name);
    }
    if let Some(value) = value {
        let _ = writeln!(
            out,
            "\n{:>36} {:>14}",
            tr(language, "Kopā bez PVN:", "Total without VAT:"),
            amount_in(value, language)
        );
    }
}

/// Renders an issued waybill as readable text in `language`: header, parties, transport details,
/// goods with quantities, units and values, the total, and room for the signatures of who
/// handed over and who received the goods.
///
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); numbers are written as the language writes
/// them. The Latvian text is the one the renderer wrote before it took a language.
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
    let t = labels(language);
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} {} {}",
        title(waybill.document_kind(), language),
        t.number,
        waybill.number().as_str()
    );
    let _ = writeln!(out, "{}: {}", t.date, waybill.issue_date());
    out.push('\n');
    party_block(&mut out, t.supplier, waybill.supplier(), t);
    party_block(
        &mut out,
        tr(language, "Saņēmējs", "Receiver"),
        waybill.receiver(),
        t,
    );
    out.push('\n');
    let transport = waybill.transport();
    let carrier = transport.carrier();
    let registration = carrier
        .registration_number()
        .map(|number| format!(", {} {number}", t.registration))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}: {}{registration}",
        tr(language, "Pārvadātājs", "Carrier"),
        carrier.name()
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Transportlīdzeklis", "Vehicle"),
        transport.vehicle()
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Iekraušanas vieta", "Loading place"),
        address_text(transport.loading_address())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Izkraušanas vieta", "Unloading place"),
        address_text(transport.unloading_address())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Preču izsniegšanas datums", "Dispatch date"),
        transport.dispatch_date()
    );
    out.push('\n');
    item_table(&mut out, waybill.lines(), waybill.value(), language);
    out.push('\n');
    let _ = writeln!(
        out,
        "{}: ____________________",
        tr(language, "Preces nodeva", "Goods handed over by")
    );
    let _ = writeln!(
        out,
        "{}: ____________________",
        tr(language, "Preces pieņēma", "Goods received by")
    );
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
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); numbers are written as the language writes
/// them. The Latvian text is the one the renderer wrote before it took a language.
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
    let t = labels(language);
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} {} {}",
        title(act.document_kind(), language),
        t.number,
        act.number().as_str()
    );
    let _ = writeln!(out, "{}: {}", t.date, act.issue_date());
    let _ = writeln!(
        out,
        "{}: {} – {}",
        tr(language, "Periods", "Period"),
        act.period_start(),
        act.period_end()
    );
    out.push('\n');
    party_block(
        &mut out,
        tr(language, "Izpildītājs", "Provider"),
        act.provider(),
        t,
    );
    party_block(
        &mut out,
        tr(language, "Pasūtītājs", "Client"),
        act.client(),
        t,
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        tr(
            language,
            "Izpildītājs nodod un pasūtītājs pieņem šādus sniegtos pakalpojumus:",
            "The provider hands over and the client accepts these services rendered:"
        )
    );
    item_table(&mut out, act.lines(), act.value(), language);
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        tr(
            language,
            "Pakalpojumi sniegti pilnā apjomā; pasūtītājam pretenziju nav.",
            "The services were rendered in full; the client has no claims."
        )
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{}: {} ____________________",
        tr(language, "Nodeva", "Handed over by"),
        act.provider_signatory()
    );
    let _ = writeln!(
        out,
        "{}: {} ____________________",
        tr(language, "Pieņēma", "Accepted by"),
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
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); numbers are written as the language writes
/// them. The Latvian text is the one the renderer wrote before it took a language.
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
    let t = labels(language);
    let mut out = String::with_capacity(1024);
    let _ = writeln!(
        out,
        "{} {} {}",
        title(DocumentKind::PurchaseOrder, language),
        t.number,
        order.number().as_str()
    );
    let _ = writeln!(out, "{}: {}", t.date, order.order_date());
    if let Some(date) = order.delivery_date() {
        let _ = writeln!(
            out,
            "{}: {date}",
            tr(language, "Piegādes datums", "Delivery date")
        );
    }
    if let Some(address) = order.delivery_address() {
        let _ = writeln!(
            out,
            "{}: {}",
            tr(language, "Piegādes adrese", "Delivery address"),
            address_text(address)
        );
    }
    out.push('\n');
    party_block(
        &mut out,
        tr(language, "Pasūtītājs", "Buyer"),
        order.buyer(),
        t,
    );
    party_block(&mut out, t.supplier, order.supplier(), t);
    out.push('\n');
    item_table(&mut out, order.lines(), order.value(), language);
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
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); numbers are written as the language writes
/// them. The Latvian text is the one the renderer wrote before it took a language.
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
    let t = labels(language);
    let quantity = |value| quantity_text_in(value, language);
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "{} {} {}",
        title(DocumentKind::GoodsReceiptNote, language),
        t.number,
        note.number().as_str()
    );
    let _ = writeln!(out, "{}: {}", t.date, note.receipt_date());
    let _ = writeln!(
        out,
        "{}: {} ({})",
        t.order,
        note.order_number().as_str(),
        note.order_date()
    );
    out.push('\n');
    party_block(
        &mut out,
        tr(language, "Saņēmējs", "Receiver"),
        note.receiver(),
        t,
    );
    party_block(&mut out, t.supplier, note.supplier(), t);
    out.push('\n');
    let _ = writeln!(
        out,
        "{:>4}  {:<RECEIPT_NAME_WIDTH$} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        t.columns[0],
        t.columns[1],
        t.columns[3],
        tr(language, "Pasūtīts", "Ordered"),
        tr(language, "Saņemts", "Received"),
        tr(language, "Bojāts", "Damaged"),
        tr(language, "Iztrūkst", "Short"),
        tr(language, "Pārpal.", "Over")
    );
    for line in note.lines() {
        let name = wrap(line.item().item(), RECEIPT_NAME_WIDTH);
        let _ = writeln!(
            out,
            "{:>4}  {:<RECEIPT_NAME_WIDTH$} {:<6} {:>9} {:>9} {:>9} {:>9} {:>9}",
            line.order_line(),
            name.first().map(String::as_str).unwrap_or_default(),
            unit_label(&line.item().unit(), language),
            quantity(line.ordered()),
            quantity(line.received()),
            quantity(line.damaged()),
            quantity(line.short()),
            quantity(line.over())
        );
        continuation(&mut out, 6, &name);
    }
    out.push('\n');
    if note.has_discrepancies() {
        let _ = writeln!(out, "{}:", tr(language, "Neatbilstības", "Discrepancies"));
        for line in note.lines() {
            for kind in line.discrepancies() {
                let (label, amount) = match kind {
                    DiscrepancyKind::Short => (tr(language, "iztrūkst", "short"), line.short()),
                    DiscrepancyKind::Over => (tr(language, "pārpalikums", "over"), line.over()),
                    DiscrepancyKind::Damaged => (tr(language, "bojāts", "damaged"), line.damaged()),
                };
                let _ = writeln!(
                    out,
                    "  {}. {}: {label} {} {}",
                    line.order_line(),
                    line.item().item(),
                    quantity(amount),
                    unit_label(&line.item().unit(), language)
                );
            }
        }
    } else {
        let _ = writeln!(
            out,
            "{}",
            tr(
                language,
                "Preces saņemtas atbilstoši pasūtījumam.",
                "The goods were received as ordered."
            )
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}: ____________________",
        tr(language, "Preces pieņēma", "Goods received by")
    );
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
