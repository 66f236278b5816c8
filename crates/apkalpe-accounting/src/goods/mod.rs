//! Documents that go with goods: the waybill (*preču pavadzīme*) with its transport details,
//! the purchase order (*pasūtījums*) and the goods receipt note (*preču pieņemšanas akts*)
//! with its discrepancies against the order.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Currency, Money, Party, PartyKind, Rounding, RoundingStrategy};

#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, LineError, ValidationReport};
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ItemLineRecord"))]
pub struct ItemLine {
    item: String,
    quantity: Quantity,
    unit: UnitCode,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    unit_price: Option<Money>,
}

#[cfg(feature = "serde")]
/// The saved form of an [`ItemLine`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct ItemLineRecord {
    item: String,
    quantity: Quantity,
    unit: UnitCode,
    #[cfg_attr(feature = "serde", serde(default))]
    unit_price: Option<Money>,
}

#[cfg(feature = "serde")]
impl TryFrom<ItemLineRecord> for ItemLine {
    type Error = RestoreError;

    fn try_from(record: ItemLineRecord) -> Result<Self, Self::Error> {
        ItemLine::restore(record, "ItemLine")
    }
}

impl ItemLine {
    #[cfg(feature = "serde")]
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

#[cfg(feature = "serde")]
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

#[cfg(feature = "serde")]
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
        )
        .with_latvian_reason(format_args!(
            "saglabāts {}, bet pēc rindām sanāk {}",
            show(saved),
            show(value)
        )));
    }
    Ok(())
}

impl ItemLine {
    /// Creates a line without a price.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank name or one above 200 characters.
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
    /// assert_eq!(chairs.item(), "Biroja krēsls");
    /// assert!(ItemLine::try_new(" ", Quantity::ONE, UnitCode::PIECE).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(item: &str, quantity: Quantity, unit: UnitCode) -> Result<Self, LineError> {
        Ok(ItemLine {
            item: check_text(item, "item name", MAX_TEXT_CHARS)?,
            quantity,
            unit,
            unit_price: None,
        })
    }

    /// Returns the line with a unit price without VAT.
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
    /// assert_eq!(chairs.unit_price(), Some(Money::new(dec!(89.90), Currency::EUR)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_unit_price(mut self, price: Money) -> Self {
        self.unit_price = Some(price);
        self
    }

    /// Returns the name of the goods or service.
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
    /// assert_eq!(chairs.item(), "Biroja krēsls");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Returns the quantity.
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
    /// assert_eq!(chairs.quantity().value(), dec!(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit of measure.
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
    /// assert_eq!(chairs.unit(), UnitCode::PIECE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the unit price without VAT, if given.
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
    /// assert_eq!(ItemLine::try_new("Papīrs", Quantity::ONE, UnitCode::PIECE)?.unit_price(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit_price(&self) -> Option<Money> {
        self.unit_price
    }

    /// Returns the value `quantity × unit price` rounded to cents half away from zero, or
    /// `None` without a price.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the product overflows.
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
    /// assert_eq!(chairs.value()?, Some(Money::new(dec!(179.80), Currency::EUR)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
            "dokumentā jābūt vismaz vienai rindai",
        );
    }
    let (label, party) = author;
    match party.kind() {
        PartyKind::Organisation if party.registration_number().is_none() => report.add(
            format!("{label}.registration_number"),
            "requisite.seller_registration_number",
            "the author's registration number is a requisite of every supporting document",
            "sagatavotāja reģistrācijas numurs ir katra attaisnojuma dokumenta rekvizīts",
        ),
        PartyKind::Person if party.personal_code().is_none() && party.vat_number().is_none() => {
            report.add(
                format!("{label}.personal_code"),
                "requisite.seller_taxpayer_code",
                "a self-employed author's taxpayer code is a requisite of every supporting document",
                "pašnodarbināta sagatavotāja nodokļu maksātāja kods ir katra attaisnojuma dokumenta rekvizīts",
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
            "organizāciju identificē ar tās reģistrācijas vai PVN numuru",
        );
    }
    for (index, line) in lines.iter().enumerate() {
        match line.unit_price {
            Some(price) if price.currency() != Currency::EUR => report.add(
                format!("lines[{index}].unit_price"),
                "line.currency",
                "line amounts must be in EUR",
                "rindu summām jābūt valūtā EUR",
            ),
            Some(price) if price.is_negative() => report.add(
                format!("lines[{index}].unit_price"),
                "line.negative_price",
                format!("a unit price cannot be negative, found {price}"),
                format!("vienības cena nevar būt negatīva, bet ir {price}"),
            ),
            None if priced => report.add(
                format!("lines[{index}].unit_price"),
                "requisite.line_value",
                "the value in money of every line is a requisite",
                "katras rindas vērtība naudā ir rekvizīts",
            ),
            _ => {}
        }
    }
    if !report.codes().contains(&"line.currency") && lines_value(lines).is_err() {
        report.add(
            "lines",
            "totals.overflow",
            "the amounts are too large to sum",
            "summas ir pārāk lielas, lai tās saskaitītu",
        );
    }
}

mod order;
mod receipt;
mod waybill;

pub use order::{DraftPurchaseOrder, PurchaseOrder};
pub use receipt::{DiscrepancyKind, GoodsReceiptNote, ReceiptLine, ReceivedLine};
pub use waybill::{DraftWaybill, Transport, Waybill};

#[cfg(test)]
mod tests {
    use super::receipt::receipt_lines;
    use super::*;
    use apkalpe_core::{Address, CountryCode, NumberSeries, PartyName, YearReset};
    use chrono::NaiveDate;
    use rust_decimal::Decimal;
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
