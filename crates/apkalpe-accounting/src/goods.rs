//! Documents that go with goods: the waybill (*preču pavadzīme*) with its transport details,
//! the purchase order (*pasūtījums*) and the goods receipt note (*preču pieņemšanas akts*)
//! with its discrepancies against the order.

use apkalpe_core::{
    Address, Currency, DocumentNumber, Money, NumberSeries, Party, PartyKind, RestoreError,
    Rounding, RoundingStrategy,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::document::DocumentKind;
use crate::document::saved::{self, NumberRecord};
use crate::error::{AccountingError, GoodsError, LineError, ValidationReport};
use crate::line::{MAX_TEXT_CHARS, Quantity, UnitCode, check_text};

/// The rounding of a line value `quantity × unit price`: to cents, half away from zero.
const LINE_VALUE: Rounding = Rounding::to_cents(RoundingStrategy::HalfAwayFromZero);

/// The most decimal places of a received or damaged quantity (as [`Quantity`]).
const MAX_QUANTITY_SCALE: u32 = 6;

/// A line of goods or services on a waybill, order, receipt note or acceptance act: the
/// name, the quantity with its unit and, where known, the unit price without VAT.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{ItemLine, Quantity, UnitCode};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let line = ItemLine::try_new("Cements 25 kg", Quantity::try_new(dec!(3))?, UnitCode::PIECE)?
///     .with_unit_price(Money::new(dec!(4.99), Currency::EUR));
/// assert_eq!(line.value()?.map(|value| value.to_string()), Some("14.97 EUR".to_owned()));
/// # Ok::<(), apkalpe_accounting::AccountingError>(())
/// ```
///
/// Saved as `{"item", "quantity", "unit", "unit_price"}` (no `unit_price` when unpriced); it
/// deserialises through [`ItemLine::try_new`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ItemLineRecord")]
pub struct ItemLine {
    item: String,
    quantity: Quantity,
    unit: UnitCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_price: Option<Money>,
}

/// The saved form of an [`ItemLine`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemLineRecord {
    item: String,
    quantity: Quantity,
    unit: UnitCode,
    #[serde(default)]
    unit_price: Option<Money>,
}

impl TryFrom<ItemLineRecord> for ItemLine {
    type Error = RestoreError;

    fn try_from(record: ItemLineRecord) -> Result<Self, Self::Error> {
        ItemLine::restore(record, "ItemLine")
    }
}

impl ItemLine {
    /// Restores a saved line for `what` (the document holding it).
    fn restore(record: ItemLineRecord, what: &'static str) -> Result<Self, RestoreError> {
        Ok(ItemLine {
            item: saved::text(what, "item", &record.item, "item name")?,
            quantity: record.quantity,
            unit: record.unit,
            unit_price: record.unit_price,
        })
    }
}

/// Restores saved lines for `what`, naming a refused one `lines[i]`.
pub(crate) fn restore_lines(
    records: Vec<ItemLineRecord>,
    what: &'static str,
) -> Result<Vec<ItemLine>, RestoreError> {
    records
        .into_iter()
        .enumerate()
        .map(|(index, record)| {
            ItemLine::restore(record, what)
                .map_err(|error| error.within(format_args!("lines[{index}]")))
        })
        .collect()
}

/// Checks a saved document's value: what its lines give.
pub(crate) fn check_value(
    what: &'static str,
    saved: Option<Money>,
    lines: &[ItemLine],
) -> Result<(), RestoreError> {
    let value = lines_value(lines).map_err(|error| RestoreError::invalid(what, "value", error))?;
    if value != saved {
        let show =
            |value: Option<Money>| value.map_or_else(|| "none".to_owned(), |v| v.to_string());
        return Err(RestoreError::inconsistent(
            what,
            "value",
            format_args!("saved {}, the lines give {}", show(saved), show(value)),
        ));
    }
    Ok(())
}

impl ItemLine {
    /// Creates a line without a price.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank name or one above 200 characters.
    pub fn try_new(item: &str, quantity: Quantity, unit: UnitCode) -> Result<Self, LineError> {
        Ok(ItemLine {
            item: check_text(item, "item name", MAX_TEXT_CHARS)?,
            quantity,
            unit,
            unit_price: None,
        })
    }

    /// Returns the line with a unit price without VAT.
    #[must_use]
    pub fn with_unit_price(mut self, price: Money) -> Self {
        self.unit_price = Some(price);
        self
    }

    /// Returns the name of the goods or service.
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Returns the quantity.
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit of measure.
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the unit price without VAT, if given.
    pub const fn unit_price(&self) -> Option<Money> {
        self.unit_price
    }

    /// Returns the value `quantity × unit price` rounded to cents half away from zero, or
    /// `None` without a price.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the product overflows.
    pub fn value(&self) -> Result<Option<Money>, AccountingError> {
        match self.unit_price {
            Some(price) => Ok(Some(
                price
                    .checked_mul(self.quantity.value())?
                    .round(LINE_VALUE)?,
            )),
            None => Ok(None),
        }
    }
}

/// Sums the values of priced lines in euro; `None` when no line has a price.
pub(crate) fn lines_value(lines: &[ItemLine]) -> Result<Option<Money>, AccountingError> {
    let mut values = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(value) = line.value()? {
            values.push(value);
        }
    }
    if values.is_empty() {
        return Ok(None);
    }
    Ok(Some(Money::try_sum(Currency::EUR, values)?))
}

/// Checks what every supporting document needs (GL art. 11(5)): lines, the author's
/// identification, the other party's identification, amounts in euro, and priced lines where
/// `priced` says the value in money is a requisite.
pub(crate) fn check_common(
    report: &mut ValidationReport,
    author: (&str, &Party),
    other: (&str, &Party),
    lines: &[ItemLine],
    priced: bool,
) {
    if lines.is_empty() {
        report.add(
            "lines",
            "requisite.lines_missing",
            "a document needs at least one line",
        );
    }
    let (label, party) = author;
    match party.kind() {
        PartyKind::Organisation if party.registration_number().is_none() => report.add(
            format!("{label}.registration_number"),
            "requisite.seller_registration_number",
            "the author's registration number is a requisite of every supporting document",
        ),
        PartyKind::Person if party.personal_code().is_none() && party.vat_number().is_none() => {
            report.add(
                format!("{label}.personal_code"),
                "requisite.seller_taxpayer_code",
                "a self-employed author's taxpayer code is a requisite of every supporting document",
            );
        }
        _ => {}
    }
    let (label, party) = other;
    if party.kind() == PartyKind::Organisation
        && party.registration_number().is_none()
        && party.vat_number().is_none()
    {
        report.add(
            label,
            "requisite.buyer_identification",
            "an organisation party is identified by its registration or vat number",
        );
    }
    for (index, line) in lines.iter().enumerate() {
        match line.unit_price {
            Some(price) if price.currency() != Currency::EUR => report.add(
                format!("lines[{index}].unit_price"),
                "line.currency",
                "line amounts must be in EUR",
            ),
            Some(price) if price.is_negative() => report.add(
                format!("lines[{index}].unit_price"),
                "line.negative_price",
                format!("a unit price cannot be negative, found {price}"),
            ),
            None if priced => report.add(
                format!("lines[{index}].unit_price"),
                "requisite.line_value",
                "the value in money of every line is a requisite",
            ),
            _ => {}
        }
    }
    if !report.codes().contains(&"line.currency") && lines_value(lines).is_err() {
        report.add(
            "lines",
            "totals.overflow",
            "the amounts are too large to sum",
        );
    }
}

/// The transport details of a waybill: carrier, vehicle, loading and unloading addresses and
/// the dispatch date. Only an issued [`Waybill`] has one, so every field is present.
///
/// Saved as `{"carrier", "vehicle", "loading_address", "unloading_address",
/// "dispatch_date"}`; it deserialises through the vehicle's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TransportRecord")]
pub struct Transport {
    carrier: Party,
    vehicle: String,
    loading_address: Address,
    unloading_address: Address,
    dispatch_date: NaiveDate,
}

/// The saved form of a [`Transport`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TransportRecord {
    carrier: Party,
    vehicle: String,
    loading_address: Address,
    unloading_address: Address,
    dispatch_date: NaiveDate,
}

impl TryFrom<TransportRecord> for Transport {
    type Error = RestoreError;

    fn try_from(record: TransportRecord) -> Result<Self, Self::Error> {
        Transport::restore(record, "Transport")
    }
}

impl Transport {
    /// Restores saved transport details for `what`.
    fn restore(record: TransportRecord, what: &'static str) -> Result<Self, RestoreError> {
        Ok(Transport {
            carrier: record.carrier,
            vehicle: saved::text(what, "vehicle", &record.vehicle, "vehicle")?,
            loading_address: record.loading_address,
            unloading_address: record.unloading_address,
            dispatch_date: record.dispatch_date,
        })
    }
}

impl Transport {
    /// Returns the carrier (*pārvadātājs*); the supplier itself for its own transport.
    pub const fn carrier(&self) -> &Party {
        &self.carrier
    }

    /// Returns the vehicle (make and registration plate).
    pub fn vehicle(&self) -> &str {
        &self.vehicle
    }

    /// Returns the loading address (*iekraušanas vieta*).
    pub const fn loading_address(&self) -> &Address {
        &self.loading_address
    }

    /// Returns the unloading address (*izkraušanas vieta*).
    pub const fn unloading_address(&self) -> &Address {
        &self.unloading_address
    }

    /// Returns the dispatch date (*preču izsniegšanas datums*).
    pub const fn dispatch_date(&self) -> NaiveDate {
        self.dispatch_date
    }
}

/// A waybill being prepared (*preču pavadzīmes sagatave*): every field can change, and it has
/// no number.
///
/// [`DraftWaybill::validate`] lists every missing requisite at once; [`DraftWaybill::issue`]
/// checks them, takes the next number from a [`NumberSeries`] and returns a [`Waybill`].
///
/// # Legal basis
///
/// Grāmatvedības likums art. 11(5) (facts §3b \[I4\]): type name, date, number, author with
/// registration number, the other party, the goods with quantity and unit, the value in
/// money. The transport details are what a waybill accompanying goods carries.
///
/// Serves: T4.1.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftWaybill, ItemLine, Quantity, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let ogre = Address::try_new("Rīgas iela 5", "Ogre", Some("LV-5001"), CountryCode::LV)?;
/// let supplier = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?;
/// let receiver = Party::organisation(PartyName::try_new("SIA Klients")?, ogre.clone())
///     .try_with_registration_number("40103471306".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
///
/// let draft = DraftWaybill::new(supplier.clone(), receiver)
///     .with_line(ItemLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE)?
///         .with_unit_price(Money::new(dec!(89.90), Currency::EUR)));
/// assert_eq!(draft.validate(day).codes(), [
///     "requisite.carrier", "requisite.vehicle", "requisite.loading_address",
///     "requisite.unloading_address", "requisite.dispatch_date",
/// ]);
///
/// let waybill = draft
///     .with_carrier(supplier)
///     .try_with_vehicle("VW Crafter, LA-1234")?
///     .with_loading_address(riga)
///     .with_unloading_address(ogre)
///     .with_dispatch_date(day)
///     .issue(&mut NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?, day)?;
/// assert_eq!(waybill.number().as_str(), "PP2026-0001");
/// assert_eq!(waybill.value().map(|value| value.to_string()), Some("179.80 EUR".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"supplier", "receiver", "lines", "carrier", "vehicle", "loading_address",
/// "unloading_address", "dispatch_date"}` (absent ones `null`); it deserialises through the
/// setters' checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DraftWaybillRecord")]
pub struct DraftWaybill {
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLine>,
    carrier: Option<Party>,
    vehicle: Option<String>,
    loading_address: Option<Address>,
    unloading_address: Option<Address>,
    dispatch_date: Option<NaiveDate>,
}

/// The saved form of a [`DraftWaybill`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftWaybillRecord {
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLineRecord>,
    carrier: Option<Party>,
    vehicle: Option<String>,
    loading_address: Option<Address>,
    unloading_address: Option<Address>,
    dispatch_date: Option<NaiveDate>,
}

impl TryFrom<DraftWaybillRecord> for DraftWaybill {
    type Error = RestoreError;

    fn try_from(record: DraftWaybillRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "DraftWaybill";
        Ok(DraftWaybill {
            supplier: record.supplier,
            receiver: record.receiver,
            lines: restore_lines(record.lines, WHAT)?,
            carrier: record.carrier,
            vehicle: saved::optional_text(WHAT, "vehicle", record.vehicle, "vehicle")?,
            loading_address: record.loading_address,
            unloading_address: record.unloading_address,
            dispatch_date: record.dispatch_date,
        })
    }
}

impl DraftWaybill {
    /// Creates an empty draft between a supplier (the author) and a receiver.
    pub fn new(supplier: Party, receiver: Party) -> Self {
        DraftWaybill {
            supplier,
            receiver,
            lines: Vec::new(),
            carrier: None,
            vehicle: None,
            loading_address: None,
            unloading_address: None,
            dispatch_date: None,
        }
    }

    /// Adds a line at the end.
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets the carrier.
    #[must_use]
    pub fn with_carrier(mut self, carrier: Party) -> Self {
        self.carrier = Some(carrier);
        self
    }

    /// Sets the vehicle.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 200 characters.
    pub fn try_with_vehicle(mut self, vehicle: &str) -> Result<Self, LineError> {
        self.vehicle = Some(check_text(vehicle, "vehicle", MAX_TEXT_CHARS)?);
        Ok(self)
    }

    /// Sets the loading address.
    #[must_use]
    pub fn with_loading_address(mut self, address: Address) -> Self {
        self.loading_address = Some(address);
        self
    }

    /// Sets the unloading address.
    #[must_use]
    pub fn with_unloading_address(mut self, address: Address) -> Self {
        self.unloading_address = Some(address);
        self
    }

    /// Sets the dispatch date.
    #[must_use]
    pub fn with_dispatch_date(mut self, date: NaiveDate) -> Self {
        self.dispatch_date = Some(date);
        self
    }

    /// Returns the lines.
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Checks every requisite for issuing on `issue_date`; an empty report means the draft
    /// can be issued.
    ///
    /// Codes: `requisite.lines_missing`, `requisite.seller_registration_number`,
    /// `requisite.seller_taxpayer_code`, `requisite.buyer_identification`,
    /// `requisite.line_value`, `line.currency`, `line.negative_price`, `totals.overflow`,
    /// `requisite.carrier`,
    /// `requisite.vehicle`, `requisite.loading_address`, `requisite.unloading_address`,
    /// `requisite.dispatch_date`, `requisite.dispatch_before_issue`.
    ///
    /// # Examples
    ///
    /// See [`DraftWaybill`].
    pub fn validate(&self, issue_date: NaiveDate) -> ValidationReport {
        let mut report = ValidationReport::default();
        check_common(
            &mut report,
            ("supplier", &self.supplier),
            ("receiver", &self.receiver),
            &self.lines,
            true,
        );
        if self.carrier.is_none() {
            report.add(
                "carrier",
                "requisite.carrier",
                "a waybill names the carrier",
            );
        }
        if self.vehicle.is_none() {
            report.add(
                "vehicle",
                "requisite.vehicle",
                "a waybill names the vehicle",
            );
        }
        if self.loading_address.is_none() {
            report.add(
                "loading_address",
                "requisite.loading_address",
                "a waybill names the loading address",
            );
        }
        if self.unloading_address.is_none() {
            report.add(
                "unloading_address",
                "requisite.unloading_address",
                "a waybill names the unloading address",
            );
        }
        match self.dispatch_date {
            None => report.add(
                "dispatch_date",
                "requisite.dispatch_date",
                "a waybill names the dispatch date",
            ),
            Some(dispatch) if dispatch < issue_date => report.add(
                "dispatch_date",
                "requisite.dispatch_before_issue",
                format!("the goods cannot leave on {dispatch}, before the waybill is issued on {issue_date}"),
            ),
            Some(_) => {}
        }
        report
    }

    /// Issues the waybill: checks the requisites, takes the next number of `series` for
    /// `issue_date`, and freezes the content.
    ///
    /// # Errors
    ///
    /// - [`AccountingError::Invalid`] with every finding when a requisite is missing (no
    ///   number is taken);
    /// - [`AccountingError::NumberSeries`] when the series refuses the date;
    /// - [`AccountingError::Money`] when a sum overflows.
    ///
    /// # Examples
    ///
    /// See [`DraftWaybill`].
    pub fn issue(
        self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
    ) -> Result<Waybill, AccountingError> {
        self.validate(issue_date).into_result()?;
        let (
            Some(carrier),
            Some(vehicle),
            Some(loading_address),
            Some(unloading_address),
            Some(dispatch_date),
        ) = (
            self.carrier,
            self.vehicle,
            self.loading_address,
            self.unloading_address,
            self.dispatch_date,
        )
        else {
            return Err(AccountingError::Internal {
                code: "waybill.transport_checked",
            });
        };
        let value = lines_value(&self.lines)?;
        let number = series.issue(issue_date)?;
        Ok(Waybill {
            number,
            issue_date,
            supplier: self.supplier,
            receiver: self.receiver,
            lines: self.lines,
            transport: Transport {
                carrier,
                vehicle,
                loading_address,
                unloading_address,
                dispatch_date,
            },
            value,
        })
    }
}

/// An issued waybill (*izrakstīta preču pavadzīme*): numbered, dated, with its transport
/// details, no setters.
///
/// # Saved form
///
/// `{"number", "issue_date", "supplier", "receiver", "lines", "transport", "value"}`. It
/// deserialises through what issuing guaranteed: a well-formed number of the issue date's
/// year, every requisite of [`DraftWaybill::validate`] on the issue date (`restore.invalid`
/// with the finding's code, e.g. `transport.dispatch_date`), and the value the lines give.
///
/// # Examples
///
/// See [`DraftWaybill`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WaybillRecord")]
pub struct Waybill {
    number: DocumentNumber,
    issue_date: NaiveDate,
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLine>,
    transport: Transport,
    value: Option<Money>,
}

/// The saved form of a [`Waybill`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WaybillRecord {
    number: NumberRecord,
    issue_date: NaiveDate,
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLineRecord>,
    transport: TransportRecord,
    value: Option<Money>,
}

impl TryFrom<WaybillRecord> for Waybill {
    type Error = RestoreError;

    fn try_from(record: WaybillRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Waybill";
        let issue_date = record.issue_date;
        let number = saved::number_dated(record.number, WHAT, "number", issue_date, "issue_date")?;
        let lines = restore_lines(record.lines, WHAT)?;
        let transport = Transport::restore(record.transport, WHAT)
            .map_err(|error| error.within("transport"))?;
        let draft = DraftWaybill {
            supplier: record.supplier,
            receiver: record.receiver,
            lines,
            carrier: Some(transport.carrier),
            vehicle: Some(transport.vehicle),
            loading_address: Some(transport.loading_address),
            unloading_address: Some(transport.unloading_address),
            dispatch_date: Some(transport.dispatch_date),
        };
        let mut report = ValidationReport::default();
        for finding in draft.validate(issue_date).findings() {
            let field = finding.field();
            let field = if [
                "carrier",
                "vehicle",
                "loading_address",
                "unloading_address",
                "dispatch_date",
            ]
            .contains(&field)
            {
                format!("transport.{field}")
            } else {
                field.to_owned()
            };
            report.push(crate::error::Finding::new(
                field,
                finding.code(),
                finding.message(),
            ));
        }
        saved::requisites(WHAT, "", report)?;
        check_value(WHAT, record.value, &draft.lines)?;
        let (
            Some(carrier),
            Some(vehicle),
            Some(loading_address),
            Some(unloading_address),
            Some(dispatch_date),
        ) = (
            draft.carrier,
            draft.vehicle,
            draft.loading_address,
            draft.unloading_address,
            draft.dispatch_date,
        )
        else {
            return Err(RestoreError::missing(WHAT, "transport", "checked above"));
        };
        Ok(Waybill {
            number,
            issue_date,
            supplier: draft.supplier,
            receiver: draft.receiver,
            lines: draft.lines,
            transport: Transport {
                carrier,
                vehicle,
                loading_address,
                unloading_address,
                dispatch_date,
            },
            value: record.value,
        })
    }
}

impl Waybill {
    /// Returns the number.
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the issue date.
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the supplier (the author).
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns the receiver.
    pub const fn receiver(&self) -> &Party {
        &self.receiver
    }

    /// Returns the lines.
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns the transport details.
    pub const fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Returns the total value without VAT (every line is priced on an issued waybill).
    pub const fn value(&self) -> Option<Money> {
        self.value
    }

    /// Returns [`DocumentKind::Waybill`].
    pub const fn document_kind(&self) -> DocumentKind {
        DocumentKind::Waybill
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DraftPurchaseOrderRecord")]
pub struct DraftPurchaseOrder {
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLine>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
}

/// The saved form of a [`DraftPurchaseOrder`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftPurchaseOrderRecord {
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLineRecord>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
}

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
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets the requested delivery date.
    #[must_use]
    pub fn with_delivery_date(mut self, date: NaiveDate) -> Self {
        self.delivery_date = Some(date);
        self
    }

    /// Sets the delivery address.
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
    /// See [`DraftPurchaseOrder`].
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
    /// See [`DraftPurchaseOrder`].
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PurchaseOrderRecord")]
pub struct PurchaseOrder {
    number: DocumentNumber,
    order_date: NaiveDate,
    buyer: Party,
    supplier: Party,
    lines: Vec<ItemLine>,
    delivery_date: Option<NaiveDate>,
    delivery_address: Option<Address>,
    value: Option<Money>,
}

/// The saved form of a [`PurchaseOrder`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the order date.
    pub const fn order_date(&self) -> NaiveDate {
        self.order_date
    }

    /// Returns the buyer (the author).
    pub const fn buyer(&self) -> &Party {
        &self.buyer
    }

    /// Returns the supplier.
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns the lines.
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns the requested delivery date.
    pub const fn delivery_date(&self) -> Option<NaiveDate> {
        self.delivery_date
    }

    /// Returns the delivery address.
    pub const fn delivery_address(&self) -> Option<&Address> {
        self.delivery_address.as_ref()
    }

    /// Returns the value without VAT of the priced lines, `None` when no line is priced.
    pub const fn value(&self) -> Option<Money> {
        self.value
    }
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceivedLine {
    line: usize,
    received: Decimal,
    damaged: Decimal,
}

impl ReceivedLine {
    /// Creates a received line with nothing damaged; the quantities are checked when the note
    /// is drawn up.
    pub const fn new(line: usize, received: Decimal) -> Self {
        ReceivedLine {
            line,
            received,
            damaged: Decimal::ZERO,
        }
    }

    /// Returns the line with a damaged quantity (part of the received quantity).
    #[must_use]
    pub const fn with_damaged(mut self, damaged: Decimal) -> Self {
        self.damaged = damaged;
        self
    }

    /// Returns the order line number (from 1).
    pub const fn line(&self) -> usize {
        self.line
    }

    /// Returns the quantity received.
    pub const fn received(&self) -> Decimal {
        self.received
    }

    /// Returns the quantity damaged.
    pub const fn damaged(&self) -> Decimal {
        self.damaged
    }
}

/// A kind of discrepancy between an order line and what arrived.
///
/// Saved as `"short"`, `"over"` or `"damaged"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ReceiptLineRecord")]
pub struct ReceiptLine {
    order_line: usize,
    item: ItemLine,
    received: Decimal,
    damaged: Decimal,
    short: Decimal,
    over: Decimal,
}

/// The saved form of a [`ReceiptLine`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReceiptLineRecord {
    order_line: usize,
    item: ItemLineRecord,
    received: Decimal,
    damaged: Decimal,
    short: Decimal,
    over: Decimal,
}

impl TryFrom<ReceiptLineRecord> for ReceiptLine {
    type Error = RestoreError;

    fn try_from(record: ReceiptLineRecord) -> Result<Self, Self::Error> {
        ReceiptLine::restore(record, "ReceiptLine")
    }
}

impl ReceiptLine {
    /// Restores a saved line for `what`: the line is computed again from the ordered item and
    /// what arrived, and must equal the saved one.
    fn restore(record: ReceiptLineRecord, what: &'static str) -> Result<Self, RestoreError> {
        if record.order_line == 0 {
            return Err(RestoreError::inconsistent(
                what,
                "order_line",
                "order lines are numbered from 1",
            ));
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
                ));
            }
        }
        Ok(line)
    }
}

impl ReceiptLine {
    /// Returns the order line number (from 1).
    pub const fn order_line(&self) -> usize {
        self.order_line
    }

    /// Returns the ordered line (name, quantity ordered, unit, price).
    pub const fn item(&self) -> &ItemLine {
        &self.item
    }

    /// Returns the quantity ordered.
    pub const fn ordered(&self) -> Decimal {
        self.item.quantity.value()
    }

    /// Returns the quantity received.
    pub const fn received(&self) -> Decimal {
        self.received
    }

    /// Returns the quantity received damaged.
    pub const fn damaged(&self) -> Decimal {
        self.damaged
    }

    /// Returns the quantity accepted: received less damaged.
    pub fn accepted(&self) -> Decimal {
        self.received.saturating_sub(self.damaged)
    }

    /// Returns the quantity missing: ordered less received, when positive.
    pub const fn short(&self) -> Decimal {
        self.short
    }

    /// Returns the quantity above the order: received less ordered, when positive.
    pub const fn over(&self) -> Decimal {
        self.over
    }

    /// Returns the kinds of discrepancy on this line, in the order short, over, damaged.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GoodsReceiptNoteRecord")]
pub struct GoodsReceiptNote {
    number: DocumentNumber,
    receipt_date: NaiveDate,
    order_number: DocumentNumber,
    order_date: NaiveDate,
    receiver: Party,
    supplier: Party,
    lines: Vec<ReceiptLine>,
}

/// The saved form of a [`GoodsReceiptNote`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoodsReceiptNoteRecord {
    number: NumberRecord,
    receipt_date: NaiveDate,
    order_number: NumberRecord,
    order_date: NaiveDate,
    receiver: Party,
    supplier: Party,
    lines: Vec<ReceiptLineRecord>,
}

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
                ));
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
    /// See [`GoodsReceiptNote`].
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
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the date the goods were received.
    pub const fn receipt_date(&self) -> NaiveDate {
        self.receipt_date
    }

    /// Returns the number of the order.
    pub const fn order_number(&self) -> &DocumentNumber {
        &self.order_number
    }

    /// Returns the date of the order.
    pub const fn order_date(&self) -> NaiveDate {
        self.order_date
    }

    /// Returns the receiver (the buyer of the order, the author of the note).
    pub const fn receiver(&self) -> &Party {
        &self.receiver
    }

    /// Returns the supplier.
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns one line per order line, in order.
    pub fn lines(&self) -> &[ReceiptLine] {
        &self.lines
    }

    /// Tells whether any line is short, over or damaged.
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
    use super::*;
    use apkalpe_core::{CountryCode, PartyName, YearReset};
    use rust_decimal_macros::dec;

    fn party(name: &str, registration: Option<&str>) -> Party {
        let address =
            Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap();
        let party = Party::organisation(PartyName::try_new(name).unwrap(), address);
        match registration {
            Some(number) => party
                .try_with_registration_number(number.parse().unwrap())
                .unwrap(),
            None => party,
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn line(item: &str, quantity: Decimal) -> ItemLine {
        ItemLine::try_new(item, Quantity::try_new(quantity).unwrap(), UnitCode::PIECE).unwrap()
    }

    fn order() -> PurchaseOrder {
        DraftPurchaseOrder::new(
            party("SIA Apkalpe", Some("40003521600")),
            party("SIA Piegādātājs", Some("40103471306")),
        )
        .with_line(line("a", dec!(10)))
        .with_line(line("b", dec!(2.5)))
        .issue(
            &mut NumberSeries::try_new("o", "O{seq:3}".parse().unwrap(), YearReset::Never).unwrap(),
            day(2),
        )
        .unwrap()
    }

    #[test]
    fn waybill_lists_every_missing_requisite() {
        let draft = DraftWaybill::new(party("SIA Bez numura", None), party("SIA Arī", None))
            .with_line(line("a", dec!(1)))
            .with_dispatch_date(day(1));
        assert_eq!(
            draft.validate(day(2)).codes(),
            [
                "requisite.seller_registration_number",
                "requisite.buyer_identification",
                "requisite.line_value",
                "requisite.carrier",
                "requisite.vehicle",
                "requisite.loading_address",
                "requisite.unloading_address",
                "requisite.dispatch_before_issue",
            ]
        );
    }

    #[test]
    fn invalid_waybill_takes_no_number() {
        let mut series =
            NumberSeries::try_new("w", "W{seq:3}".parse().unwrap(), YearReset::Never).unwrap();
        let draft = DraftWaybill::new(party("SIA A", None), party("SIA B", None));
        let error = draft.issue(&mut series, day(2)).unwrap_err();
        assert_eq!(error.code(), "document.invalid");
        assert!(error.findings().len() >= 3);
        assert!(series.last_issued().is_none());
    }

    #[test]
    fn a_negative_price_is_a_finding() {
        let draft = DraftPurchaseOrder::new(
            party("SIA Apkalpe", Some("40003521600")),
            party("SIA Piegādātājs", Some("40103471306")),
        )
        .with_line(line("a", dec!(1)).with_unit_price(Money::new(dec!(-1), Currency::EUR)));
        assert_eq!(draft.validate(day(2)).codes(), ["line.negative_price"]);
    }

    #[test]
    fn unmentioned_lines_are_short_in_full() {
        let lines = receipt_lines(&order(), &[ReceivedLine::new(1, dec!(12))], day(3)).unwrap();
        assert_eq!(lines[0].over(), dec!(2));
        assert_eq!(lines[0].short(), Decimal::ZERO);
        assert_eq!(lines[1].short(), dec!(2.5));
        assert_eq!(lines[1].discrepancies(), [DiscrepancyKind::Short]);
    }

    #[test]
    fn receipt_errors() {
        let order = order();
        let codes = |received: &[ReceivedLine], date| {
            receipt_lines(&order, received, date).unwrap_err().code()
        };
        assert_eq!(
            codes(&[ReceivedLine::new(3, dec!(1))], day(3)),
            "goods.no_such_order_line"
        );
        assert_eq!(
            codes(&[ReceivedLine::new(0, dec!(1))], day(3)),
            "goods.no_such_order_line"
        );
        assert_eq!(
            codes(
                &[ReceivedLine::new(1, dec!(1)), ReceivedLine::new(1, dec!(1))],
                day(3)
            ),
            "goods.duplicate_received_line"
        );
        assert_eq!(
            codes(&[ReceivedLine::new(1, dec!(-1))], day(3)),
            "goods.received_quantity"
        );
        assert_eq!(
            codes(
                &[ReceivedLine::new(1, dec!(1)).with_damaged(dec!(2))],
                day(3)
            ),
            "goods.damaged_exceeds_received"
        );
        assert_eq!(codes(&[], day(1)), "goods.receipt_before_order");
    }
}
