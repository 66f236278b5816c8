//! The goods receipt note (*preču pieņemšanas akts*): what arrived of each order line, and
//! the discrepancies against the order.

#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, GoodsError};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{DocumentNumber, NumberSeries, Party};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

/// What arrived of one order line: the line number on the order (from 1), the quantity
/// received and how much of it is damaged. An order line not mentioned did not arrive.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ReceivedLine;
/// use rust_decimal_macros::dec;
///
/// let received = ReceivedLine::new(1, dec!(9)).with_damaged(dec!(1));
/// assert_eq!(received.damaged(), dec!(1));
/// ```
///
/// Saved as `{"line", "received", "damaged"}`, quantities as strings: plain values, checked
/// when a note is drawn up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReceivedLine {
    line: usize,
    received: Decimal,
    damaged: Decimal,
}

impl ReceivedLine {
    /// Creates a received line with nothing damaged; the quantities are checked when the note
    /// is drawn up.
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
    /// let received = ReceivedLine::new(1, dec!(9));
    /// assert_eq!((received.line(), received.received(), received.damaged()), (1, dec!(9), dec!(0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(line: usize, received: Decimal) -> Self {
        ReceivedLine {
            line,
            received,
            damaged: Decimal::ZERO,
        }
    }

    /// Returns the line with a damaged quantity (part of the received quantity).
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
    /// assert_eq!(ReceivedLine::new(1, dec!(9)).with_damaged(dec!(2)).damaged(), dec!(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn with_damaged(mut self, damaged: Decimal) -> Self {
        self.damaged = damaged;
        self
    }

    /// Returns the order line number (from 1).
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
    /// assert_eq!(ReceivedLine::new(3, dec!(1)).line(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn line(&self) -> usize {
        self.line
    }

    /// Returns the quantity received.
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
    /// assert_eq!(ReceivedLine::new(3, dec!(1.5)).received(), dec!(1.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn received(&self) -> Decimal {
        self.received
    }

    /// Returns the quantity damaged.
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
    /// assert_eq!(ReceivedLine::new(3, dec!(1)).damaged(), dec!(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn damaged(&self) -> Decimal {
        self.damaged
    }
}

/// A kind of discrepancy between an order line and what arrived.
///
/// Saved as `"short"`, `"over"` or `"damaged"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DiscrepancyKind {
    /// Less arrived than was ordered (*iztrūkums*).
    Short,
    /// More arrived than was ordered (*pārpalikums*).
    Over,
    /// Some of what arrived is damaged (*bojāts*).
    Damaged,
}

impl DiscrepancyKind {
    /// Returns the stable code: `short`, `over`, `damaged`.
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
    /// use apkalpe_accounting::DiscrepancyKind;
    /// assert_eq!(DiscrepancyKind::Short.code(), "short");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            DiscrepancyKind::Short => "short",
            DiscrepancyKind::Over => "over",
            DiscrepancyKind::Damaged => "damaged",
        }
    }
}

/// One line of a goods receipt note: the order line and what arrived, with the discrepancies
/// computed from them. Always `ordered = received + short − over`, one of `short` and `over`
/// is zero, and `damaged ≤ received`.
///
/// Saved as `{"order_line", "item", "received", "damaged", "short", "over"}`, quantities as
/// strings. It deserialises through the checks of drawing up a note: an order line from 1,
/// received and damaged quantities not below zero with at most 6 decimal places, damage not
/// above what was received, and `short` and `over` exactly what the ordered and received
/// quantities give.
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_payments::ReceiptLine` (a line of a
/// till receipt). Import this one as
/// [`prelude::AccountingReceiptLine`](crate::prelude::AccountingReceiptLine) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::ReceiptLine`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReceiptLineRecord"))]
pub struct ReceiptLine {
    order_line: usize,
    item: ItemLine,
    received: Decimal,
    damaged: Decimal,
    short: Decimal,
    over: Decimal,
}

#[cfg(feature = "serde")]
/// The saved form of a [`ReceiptLine`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReceiptLineRecord {
    order_line: usize,
    item: ItemLineRecord,
    received: Decimal,
    damaged: Decimal,
    short: Decimal,
    over: Decimal,
}

#[cfg(feature = "serde")]
impl TryFrom<ReceiptLineRecord> for ReceiptLine {
    type Error = RestoreError;

    fn try_from(record: ReceiptLineRecord) -> Result<Self, Self::Error> {
        ReceiptLine::restore(record, "ReceiptLine")
    }
}

impl ReceiptLine {
    #[cfg(feature = "serde")]
    /// Restores a saved line for `what`: the line is computed again from the ordered item and
    /// what arrived, and must equal the saved one.
    fn restore(record: ReceiptLineRecord, what: &'static str) -> Result<Self, RestoreError> {
        if record.order_line == 0 {
            return Err(RestoreError::inconsistent(
                what,
                "order_line",
                "order lines are numbered from 1",
            )
            .with_latvian_reason("pasūtījuma rindas numurē no 1"));
        }
        let item = ItemLine::restore(record.item, what).map_err(|error| error.within("item"))?;
        let received =
            ReceivedLine::new(record.order_line, record.received).with_damaged(record.damaged);
        let line = receipt_line(record.order_line, &item, Some(&received)).map_err(|error| {
            let field = match error {
                GoodsError::ReceivedQuantity { found, .. } if found == record.damaged => "damaged",
                GoodsError::DamagedExceedsReceived { .. } => "damaged",
                GoodsError::NoSuchOrderLine { .. } => "order_line",
                _ => "received",
            };
            RestoreError::invalid(what, field, error)
        })?;
        for (field, saved, computed) in [
            ("short", record.short, line.short),
            ("over", record.over, line.over),
        ] {
            if saved != computed {
                return Err(RestoreError::inconsistent(
                    what,
                    field,
                    format_args!(
                        "saved {saved}, ordered {} and received {} give {computed}",
                        line.ordered(),
                        line.received
                    ),
                )
                .with_latvian_reason(format_args!(
                    "saglabāts {saved}, bet no pasūtītā {} un saņemtā {} sanāk {computed}",
                    line.ordered(),
                    line.received
                )));
            }
        }
        Ok(line)
    }
}

impl ReceiptLine {
    /// Returns the order line number (from 1).
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
    /// assert_eq!(note.lines()[1].order_line(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn order_line(&self) -> usize {
        self.order_line
    }

    /// Returns the ordered line (name, quantity ordered, unit, price).
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
    /// assert_eq!(note.lines()[0].item().item(), "Papīrs A4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn item(&self) -> &ItemLine {
        &self.item
    }

    /// Returns the quantity ordered.
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
    /// assert_eq!(note.lines()[0].ordered(), dec!(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn ordered(&self) -> Decimal {
        self.item.quantity.value()
    }

    /// Returns the quantity received.
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
    /// assert_eq!(note.lines()[0].received(), dec!(8));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn received(&self) -> Decimal {
        self.received
    }

    /// Returns the quantity received damaged.
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
    /// assert_eq!(note.lines()[0].damaged(), dec!(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn damaged(&self) -> Decimal {
        self.damaged
    }

    /// Returns the quantity accepted: received less damaged.
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
    /// // 8 received, 1 damaged.
    /// assert_eq!(note.lines()[0].accepted(), dec!(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accepted(&self) -> Decimal {
        self.received.saturating_sub(self.damaged)
    }

    /// Returns the quantity missing: ordered less received, when positive.
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
    /// assert_eq!(note.lines()[0].short(), dec!(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn short(&self) -> Decimal {
        self.short
    }

    /// Returns the quantity above the order: received less ordered, when positive.
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
    /// assert_eq!(note.lines()[1].over(), dec!(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn over(&self) -> Decimal {
        self.over
    }

    /// Returns the kinds of discrepancy on this line, in the order short, over, damaged.
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
    /// use apkalpe_accounting::DiscrepancyKind;
    /// assert_eq!(note.lines()[1].discrepancies(), [DiscrepancyKind::Over]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discrepancies(&self) -> Vec<DiscrepancyKind> {
        let mut kinds = Vec::new();
        if self.short > Decimal::ZERO {
            kinds.push(DiscrepancyKind::Short);
        }
        if self.over > Decimal::ZERO {
            kinds.push(DiscrepancyKind::Over);
        }
        if self.damaged > Decimal::ZERO {
            kinds.push(DiscrepancyKind::Damaged);
        }
        kinds
    }
}

/// A goods receipt note (*preču pieņemšanas akts*): what arrived against a purchase order,
/// line by line, with shortages, surpluses and damage.
///
/// Serves: S28.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DiscrepancyKind, DraftPurchaseOrder, GoodsReceiptNote, ItemLine, Quantity, ReceivedLine, UnitCode};
/// use apkalpe_core::{Address, CountryCode, NumberSeries, Party, PartyName, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let us = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?;
/// let them = Party::organisation(PartyName::try_new("SIA Piegādātājs")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let order = DraftPurchaseOrder::new(us, them)
///     .with_line(ItemLine::try_new("Papīrs A4", Quantity::try_new(dec!(10))?, UnitCode::PIECE)?)
///     .with_line(ItemLine::try_new("Toneris", Quantity::try_new(dec!(2))?, UnitCode::PIECE)?)
///     .issue(&mut NumberSeries::try_new("orders", "PAS{year}-{seq:4}".parse()?, YearReset::EachYear)?, day)?;
///
/// let mut notes = NumberSeries::try_new("receipts", "PPA{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let note = GoodsReceiptNote::issue(&order, &[
///     ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
///     ReceivedLine::new(2, dec!(3)),
/// ], &mut notes, day)?;
/// let first = &note.lines()[0];
/// assert_eq!((first.short(), first.accepted()), (dec!(2), dec!(7)));
/// assert_eq!(first.discrepancies(), [DiscrepancyKind::Short, DiscrepancyKind::Damaged]);
/// assert_eq!(note.lines()[1].over(), dec!(1));
/// assert!(note.has_discrepancies());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"number", "receipt_date", "order_number", "order_date", "receiver", "supplier",
/// "lines"}` with the [`ReceiptLine`] saved form. It deserialises through what drawing up
/// the note guaranteed: well-formed numbers of the receipt's and the order's years, a receipt
/// not before the order, one line per order line numbered 1, 2, … in order (an order has at
/// least one), each line consistent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "GoodsReceiptNoteRecord"))]
pub struct GoodsReceiptNote {
    number: DocumentNumber,
    receipt_date: NaiveDate,
    order_number: DocumentNumber,
    order_date: NaiveDate,
    receiver: Party,
    supplier: Party,
    lines: Vec<ReceiptLine>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`GoodsReceiptNote`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct GoodsReceiptNoteRecord {
    number: NumberRecord,
    receipt_date: NaiveDate,
    order_number: NumberRecord,
    order_date: NaiveDate,
    receiver: Party,
    supplier: Party,
    lines: Vec<ReceiptLineRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<GoodsReceiptNoteRecord> for GoodsReceiptNote {
    type Error = RestoreError;

    fn try_from(record: GoodsReceiptNoteRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "GoodsReceiptNote";
        let number = saved::number_dated(
            record.number,
            WHAT,
            "number",
            record.receipt_date,
            "receipt_date",
        )?;
        let order_number = saved::number_dated(
            record.order_number,
            WHAT,
            "order_number",
            record.order_date,
            "order_date",
        )?;
        if record.receipt_date < record.order_date {
            return Err(RestoreError::invalid(
                WHAT,
                "receipt_date",
                GoodsError::ReceiptBeforeOrder {
                    order_date: record.order_date,
                    receipt_date: record.receipt_date,
                },
            ));
        }
        if record.lines.is_empty() {
            return Err(RestoreError::missing(
                WHAT,
                "lines",
                "an order has at least one line, and the note one per order line",
            )
            .with_latvian_reason(
                "pasūtījumā ir vismaz viena rinda, un aktā pa vienai rindai katrai pasūtījuma rindai",
            ));
        }
        let mut lines = Vec::with_capacity(record.lines.len());
        for (index, line) in record.lines.into_iter().enumerate() {
            let expected = index.saturating_add(1);
            if line.order_line != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("lines[{index}].order_line"),
                    format_args!("line {expected} of the note is order line {expected}"),
                )
                .with_latvian_reason(format_args!(
                    "akta {expected}. rinda ir pasūtījuma {expected}. rinda"
                )));
            }
            lines.push(
                ReceiptLine::restore(line, WHAT)
                    .map_err(|error| error.within(format_args!("lines[{index}]")))?,
            );
        }
        Ok(GoodsReceiptNote {
            number,
            receipt_date: record.receipt_date,
            order_number,
            order_date: record.order_date,
            receiver: record.receiver,
            supplier: record.supplier,
            lines,
        })
    }
}

impl GoodsReceiptNote {
    /// Computes the discrepancies of what arrived against `order`, line by line, and issues
    /// the note with the next number of `series` for `receipt_date`.
    ///
    /// # Errors
    ///
    /// - [`GoodsError::NoSuchOrderLine`], [`GoodsError::DuplicateReceivedLine`],
    ///   [`GoodsError::ReceivedQuantity`], [`GoodsError::DamagedExceedsReceived`],
    ///   [`GoodsError::ReceiptBeforeOrder`] (no number is taken);
    /// - [`AccountingError::NumberSeries`] when the series refuses the date.
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
    /// let exact = GoodsReceiptNote::issue(&order, &[ReceivedLine::new(1, dec!(10)), ReceivedLine::new(2, dec!(2))], &mut notes, later)?;
    /// assert!(!exact.has_discrepancies());
    /// let early = GoodsReceiptNote::issue(&order, &[], &mut notes, day - chrono::Days::new(1));
    /// assert_eq!(early.unwrap_err().code(), "goods.receipt_before_order");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        order: &PurchaseOrder,
        received: &[ReceivedLine],
        series: &mut NumberSeries,
        receipt_date: NaiveDate,
    ) -> Result<Self, AccountingError> {
        let lines = receipt_lines(order, received, receipt_date)?;
        let number = series.issue(receipt_date)?;
        Ok(GoodsReceiptNote {
            number,
            receipt_date,
            order_number: order.number.clone(),
            order_date: order.order_date,
            receiver: order.buyer.clone(),
            supplier: order.supplier.clone(),
            lines,
        })
    }

    /// Returns the number.
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
    /// assert_eq!(note.number().as_str(), "PPA2026-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the date the goods were received.
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
    /// assert_eq!(note.receipt_date(), later);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn receipt_date(&self) -> NaiveDate {
        self.receipt_date
    }

    /// Returns the number of the order.
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
    /// assert_eq!(note.order_number(), order.number());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn order_number(&self) -> &DocumentNumber {
        &self.order_number
    }

    /// Returns the date of the order.
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
    /// assert_eq!(note.order_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn order_date(&self) -> NaiveDate {
        self.order_date
    }

    /// Returns the receiver (the buyer of the order, the author of the note).
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
    /// assert_eq!(note.receiver(), &us);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn receiver(&self) -> &Party {
        &self.receiver
    }

    /// Returns the supplier.
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
    /// assert_eq!(note.supplier(), &them);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns one line per order line, in order.
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
    /// assert_eq!(note.lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ReceiptLine] {
        &self.lines
    }

    /// Tells whether any line is short, over or damaged.
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
    /// assert!(note.has_discrepancies());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_discrepancies(&self) -> bool {
        self.lines
            .iter()
            .any(|line| !line.discrepancies().is_empty())
    }
}

/// Computes the receipt lines of `order` from what arrived.
pub(crate) fn receipt_lines(
    order: &PurchaseOrder,
    received: &[ReceivedLine],
    receipt_date: NaiveDate,
) -> Result<Vec<ReceiptLine>, GoodsError> {
    if receipt_date < order.order_date {
        return Err(GoodsError::ReceiptBeforeOrder {
            order_date: order.order_date,
            receipt_date,
        });
    }
    let mut by_line: Vec<Option<&ReceivedLine>> = vec![None; order.lines.len()];
    for entry in received {
        let Some(slot) = entry
            .line
            .checked_sub(1)
            .and_then(|index| by_line.get_mut(index))
        else {
            return Err(GoodsError::NoSuchOrderLine {
                order: order.number.as_str().to_owned(),
                line: entry.line,
            });
        };
        if slot.is_some() {
            return Err(GoodsError::DuplicateReceivedLine { line: entry.line });
        }
        check_received(entry)?;
        *slot = Some(entry);
    }
    order
        .lines
        .iter()
        .zip(by_line)
        .enumerate()
        .map(|(index, (item, entry))| receipt_line(index.saturating_add(1), item, entry))
        .collect()
}

/// Checks what arrived of one line: quantities not below zero with at most 6 decimal places,
/// damage not above what was received.
fn check_received(entry: &ReceivedLine) -> Result<(), GoodsError> {
    for found in [entry.received, entry.damaged] {
        if found.is_sign_negative() || found.scale() > MAX_QUANTITY_SCALE {
            return Err(GoodsError::ReceivedQuantity {
                line: entry.line,
                found,
            });
        }
    }
    if entry.damaged > entry.received {
        return Err(GoodsError::DamagedExceedsReceived {
            line: entry.line,
            received: entry.received,
            damaged: entry.damaged,
        });
    }
    Ok(())
}

/// Computes the receipt line of order line `number` (`item`) from what arrived of it, if
/// anything did.
fn receipt_line(
    number: usize,
    item: &ItemLine,
    entry: Option<&ReceivedLine>,
) -> Result<ReceiptLine, GoodsError> {
    if let Some(entry) = entry {
        check_received(entry)?;
    }
    let (got, damaged) = entry.map_or((Decimal::ZERO, Decimal::ZERO), |entry| {
        (entry.received.normalize(), entry.damaged.normalize())
    });
    let ordered = item.quantity.value();
    let overflow = || GoodsError::ReceivedQuantity {
        line: number,
        found: got,
    };
    let difference = ordered.checked_sub(got).ok_or_else(overflow)?;
    let (short, over) = if difference.is_sign_negative() {
        (
            Decimal::ZERO,
            got.checked_sub(ordered).ok_or_else(overflow)?,
        )
    } else {
        (difference, Decimal::ZERO)
    };
    Ok(ReceiptLine {
        order_line: number,
        item: item.clone(),
        received: got,
        damaged,
        short: short.normalize(),
        over: over.normalize(),
    })
}

#[cfg(test)]
mod tests {
    use apkalpe_core::{Language, LocalizedError};
    use serde_json::json;

    use super::*;

    /// A saved receipt line numbered 0: the public `Deserialize` refuses it with the English
    /// reason, and the same refusal reads in Latvian with its Latvian reason.
    #[cfg(feature = "serde")]
    #[test]
    fn restore_reasons_are_written_in_latvian_too() {
        let value = json!({
            "order_line": 0,
            "item": {
                "item": "Papīrs A4",
                "quantity": "10",
                "unit": "H87",
                "unit_price": {"amount": "4.99", "currency": "EUR"},
            },
            "received": "8",
            "damaged": "1",
            "short": "2",
            "over": "0",
        });
        let public = serde_json::from_value::<ReceiptLine>(value.clone())
            .unwrap_err()
            .to_string();
        let record: ReceiptLineRecord = serde_json::from_value(value).unwrap();
        let error = ReceiptLine::try_from(record).unwrap_err();
        assert_eq!(public, error.to_string());
        assert!(
            public.ends_with("order_line: order lines are numbered from 1"),
            "{public}"
        );
        let latvian = error.message_in(Language::Latvian);
        assert_eq!(
            latvian,
            "restore.inconsistent: nevar atjaunot ReceiptLine: order_line: pasūtījuma rindas \
             numurē no 1"
        );
    }
}
