//! The purchase order (*pasūtījums*).

#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, ValidationReport};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Address, DocumentNumber, Money, NumberSeries, Party};
use chrono::NaiveDate;

use super::*;

/// A purchase order being prepared (*pasūtījuma sagatave*).
///
/// Serves: S28.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftPurchaseOrder, ItemLine, Quantity, UnitCode};
/// use apkalpe_core::{Address, CountryCode, NumberSeries, Party, PartyName, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let buyer = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?;
/// let supplier = Party::organisation(PartyName::try_new("SIA Piegādātājs")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let order = DraftPurchaseOrder::new(buyer, supplier)
///     .with_line(ItemLine::try_new("Papīrs A4", Quantity::try_new(dec!(10))?, UnitCode::PIECE)?)
///     .issue(&mut NumberSeries::try_new("orders", "PAS{year}-{seq:4}".parse()?, YearReset::EachYear)?, day)?;
/// assert_eq!(order.number().as_str(), "PAS2026-0001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"buyer", "supplier", "lines", "delivery_date", "delivery_address"}`; it deserialises
/// through each line's check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftPurchaseOrderRecord"))]
pub struct DraftPurchaseOrder {
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLine>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftPurchaseOrder`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DraftPurchaseOrderRecord {
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLineRecord>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftPurchaseOrderRecord> for DraftPurchaseOrder {
    type Error = RestoreError;

    fn try_from(record: DraftPurchaseOrderRecord) -> Result<Self, Self::Error> {
        Ok(DraftPurchaseOrder {
            buyer: record.buyer,
            supplier: record.supplier,
            lines: restore_lines(record.lines, "DraftPurchaseOrder")?,
            delivery_date: record.delivery_date,
            delivery_address: record.delivery_address,
        })
    }
}

impl DraftPurchaseOrder {
    /// Creates an empty order from a buyer (the author) to a supplier.
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
    /// let empty = DraftPurchaseOrder::new(us.clone(), them.clone());
    /// assert_eq!(empty.validate(day).codes(), ["requisite.lines_missing"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(buyer: Party, supplier: Party) -> Self {
        DraftPurchaseOrder {
            buyer,
            supplier,
            lines: Vec::new(),
            delivery_date: None,
            delivery_address: None,
        }
    }

    /// Adds a line at the end.
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
    /// let more = draft.with_line(paper.clone());
    /// assert!(more.validate(day).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets the requested delivery date.
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
    /// let order = draft.with_delivery_date(later).issue(&mut orders, day)?;
    /// assert_eq!(order.delivery_date(), Some(later));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_delivery_date(mut self, date: NaiveDate) -> Self {
        self.delivery_date = Some(date);
        self
    }

    /// Sets the delivery address.
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
    /// let order = draft.with_delivery_address(riga.clone()).issue(&mut orders, day)?;
    /// assert_eq!(order.delivery_address(), Some(&riga));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_delivery_address(mut self, address: Address) -> Self {
        self.delivery_address = Some(address);
        self
    }

    /// Checks the requisites: lines, both parties identified, amounts in euro, and a
    /// delivery date not before the order date (`requisite.delivery_before_order`).
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
    /// assert!(draft.validate(day).is_empty());
    /// assert_eq!(draft.clone().with_delivery_date(day - chrono::Days::new(1)).validate(day).codes(), ["requisite.delivery_before_order"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, order_date: NaiveDate) -> ValidationReport {
        let mut report = ValidationReport::default();
        check_common(
            &mut report,
            ("buyer", &self.buyer),
            ("supplier", &self.supplier),
            &self.lines,
            false,
        );
        if let Some(delivery) = self.delivery_date
            && delivery < order_date
        {
            report.add(
                "delivery_date",
                "requisite.delivery_before_order",
                format!("delivery on {delivery} cannot precede the order date {order_date}"),
                format!("piegāde {delivery} nevar būt pirms pasūtījuma datuma {order_date}"),
            );
        }
        report
    }

    /// Issues the order with the next number of `series` for `order_date`.
    ///
    /// # Errors
    ///
    /// As [`DraftWaybill::issue`].
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
    /// let second = draft.issue(&mut orders, day)?;
    /// assert_eq!(second.number().as_str(), "PAS2026-0002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        self,
        series: &mut NumberSeries,
        order_date: NaiveDate,
    ) -> Result<PurchaseOrder, AccountingError> {
        self.validate(order_date).into_result()?;
        let value = lines_value(&self.lines)?;
        let number = series.issue(order_date)?;
        Ok(PurchaseOrder {
            number,
            order_date,
            buyer: self.buyer,
            supplier: self.supplier,
            lines: self.lines,
            delivery_date: self.delivery_date,
            delivery_address: self.delivery_address,
            value,
        })
    }
}

/// An issued purchase order (*pasūtījums*): numbered, no setters.
///
/// # Saved form
///
/// `{"number", "order_date", "buyer", "supplier", "lines", "delivery_date",
/// "delivery_address", "value"}`. It deserialises through what issuing guaranteed: a
/// well-formed number of the order date's year, every requisite of
/// [`DraftPurchaseOrder::validate`] on the order date, and the value the priced lines give.
///
/// # Examples
///
/// See [`DraftPurchaseOrder`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PurchaseOrderRecord"))]
pub struct PurchaseOrder {
    pub(super) number: DocumentNumber,
    pub(super) order_date: NaiveDate,
    pub(super) buyer: Party,
    pub(super) supplier: Party,
    pub(super) lines: Vec<ItemLine>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`PurchaseOrder`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PurchaseOrderRecord {
    number: NumberRecord,
    order_date: NaiveDate,
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLineRecord>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
impl TryFrom<PurchaseOrderRecord> for PurchaseOrder {
    type Error = RestoreError;

    fn try_from(record: PurchaseOrderRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "PurchaseOrder";
        let order_date = record.order_date;
        let number = saved::number_dated(record.number, WHAT, "number", order_date, "order_date")?;
        let draft = DraftPurchaseOrder {
            buyer: record.buyer,
            supplier: record.supplier,
            lines: restore_lines(record.lines, WHAT)?,
            delivery_date: record.delivery_date,
            delivery_address: record.delivery_address,
        };
        saved::requisites(WHAT, "", draft.validate(order_date))?;
        check_value(WHAT, record.value, &draft.lines)?;
        Ok(PurchaseOrder {
            number,
            order_date,
            buyer: draft.buyer,
            supplier: draft.supplier,
            lines: draft.lines,
            delivery_date: draft.delivery_date,
            delivery_address: draft.delivery_address,
            value: record.value,
        })
    }
}

impl PurchaseOrder {
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
    /// assert_eq!(order.number().as_str(), "PAS2026-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the order date.
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
    /// assert_eq!(order.order_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn order_date(&self) -> NaiveDate {
        self.order_date
    }

    /// Returns the buyer (the author).
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
    /// assert_eq!(order.buyer(), &us);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn buyer(&self) -> &Party {
        &self.buyer
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
    /// assert_eq!(order.supplier(), &them);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns the lines.
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
    /// assert_eq!(order.lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns the requested delivery date.
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
    /// assert_eq!(order.delivery_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn delivery_date(&self) -> Option<NaiveDate> {
        self.delivery_date
    }

    /// Returns the delivery address.
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
    /// assert_eq!(order.delivery_address(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn delivery_address(&self) -> Option<&Address> {
        self.delivery_address.as_ref()
    }

    /// Returns the value without VAT of the priced lines, `None` when no line is priced.
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
    /// // No line is priced.
    /// assert_eq!(order.value(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn value(&self) -> Option<Money> {
        self.value
    }
}
