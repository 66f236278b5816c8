//! The waybill (*preču pavadzīme*) and its transport details.

use crate::document::DocumentKind;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, LineError, ValidationReport};
use crate::line::{MAX_TEXT_CHARS, check_text};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Address, DocumentNumber, Money, NumberSeries, Party};
use chrono::NaiveDate;

use super::*;

/// The transport details of a waybill: carrier, vehicle, loading and unloading addresses and
/// the dispatch date. Only an issued [`Waybill`] has one, so every field is present.
///
/// Saved as `{"carrier", "vehicle", "loading_address", "unloading_address",
/// "dispatch_date"}`; it deserialises through the vehicle's check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "TransportRecord"))]
pub struct Transport {
    carrier: Party,
    vehicle: String,
    loading_address: Address,
    unloading_address: Address,
    dispatch_date: NaiveDate,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Transport`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct TransportRecord {
    carrier: Party,
    vehicle: String,
    loading_address: Address,
    unloading_address: Address,
    dispatch_date: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<TransportRecord> for Transport {
    type Error = RestoreError;

    fn try_from(record: TransportRecord) -> Result<Self, Self::Error> {
        Transport::restore(record, "Transport")
    }
}

impl Transport {
    #[cfg(feature = "serde")]
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
    /// assert_eq!(waybill.transport().carrier(), &supplier);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn carrier(&self) -> &Party {
        &self.carrier
    }

    /// Returns the vehicle (make and registration plate).
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
    /// assert_eq!(waybill.transport().vehicle(), "VW Crafter, LA-1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vehicle(&self) -> &str {
        &self.vehicle
    }

    /// Returns the loading address (*iekraušanas vieta*).
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
    /// assert_eq!(waybill.transport().loading_address(), &riga);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn loading_address(&self) -> &Address {
        &self.loading_address
    }

    /// Returns the unloading address (*izkraušanas vieta*).
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
    /// assert_eq!(waybill.transport().unloading_address(), &ogre);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unloading_address(&self) -> &Address {
        &self.unloading_address
    }

    /// Returns the dispatch date (*preču izsniegšanas datums*).
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
    /// assert_eq!(waybill.transport().dispatch_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
/// Grāmatvedības likums art. 11(5) (sources §3b \[I4\]): type name, date, number, author with
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftWaybillRecord"))]
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

#[cfg(feature = "serde")]
/// The saved form of a [`DraftWaybill`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

#[cfg(feature = "serde")]
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
    /// let empty = DraftWaybill::new(supplier.clone(), receiver.clone());
    /// assert!(empty.lines().is_empty());
    /// assert!(empty.validate(day).codes().contains(&"requisite.lines_missing"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// let two = draft.with_line(chairs.clone());
    /// assert_eq!(two.lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets the carrier.
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
    /// let draft = DraftWaybill::new(supplier.clone(), receiver.clone()).with_carrier(receiver.clone());
    /// assert!(!draft.validate(day).codes().contains(&"requisite.carrier"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// assert!(DraftWaybill::new(supplier.clone(), receiver.clone()).try_with_vehicle(" ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_vehicle(mut self, vehicle: &str) -> Result<Self, LineError> {
        self.vehicle = Some(check_text(vehicle, "vehicle", MAX_TEXT_CHARS)?);
        Ok(self)
    }

    /// Sets the loading address.
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
    /// let draft = DraftWaybill::new(supplier.clone(), receiver.clone()).with_loading_address(riga.clone());
    /// assert!(!draft.validate(day).codes().contains(&"requisite.loading_address"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_loading_address(mut self, address: Address) -> Self {
        self.loading_address = Some(address);
        self
    }

    /// Sets the unloading address.
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
    /// let draft = DraftWaybill::new(supplier.clone(), receiver.clone()).with_unloading_address(ogre.clone());
    /// assert!(!draft.validate(day).codes().contains(&"requisite.unloading_address"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_unloading_address(mut self, address: Address) -> Self {
        self.unloading_address = Some(address);
        self
    }

    /// Sets the dispatch date.
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
    /// let draft = DraftWaybill::new(supplier.clone(), receiver.clone()).with_dispatch_date(day);
    /// assert!(!draft.validate(day).codes().contains(&"requisite.dispatch_date"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_dispatch_date(mut self, date: NaiveDate) -> Self {
        self.dispatch_date = Some(date);
        self
    }

    /// Returns the lines.
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
    /// assert_eq!(draft.lines(), [chairs]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// assert!(draft.validate(day).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
                "pavadzīmē norāda pārvadātāju",
            );
        }
        if self.vehicle.is_none() {
            report.add(
                "vehicle",
                "requisite.vehicle",
                "a waybill names the vehicle",
                "pavadzīmē norāda transportlīdzekli",
            );
        }
        if self.loading_address.is_none() {
            report.add(
                "loading_address",
                "requisite.loading_address",
                "a waybill names the loading address",
                "pavadzīmē norāda iekraušanas adresi",
            );
        }
        if self.unloading_address.is_none() {
            report.add(
                "unloading_address",
                "requisite.unloading_address",
                "a waybill names the unloading address",
                "pavadzīmē norāda izkraušanas adresi",
            );
        }
        match self.dispatch_date {
            None => report.add(
                "dispatch_date",
                "requisite.dispatch_date",
                "a waybill names the dispatch date",
                "pavadzīmē norāda nosūtīšanas datumu",
            ),
            Some(dispatch) if dispatch < issue_date => report.add(
                "dispatch_date",
                "requisite.dispatch_before_issue",
                format!("the goods cannot leave on {dispatch}, before the waybill is issued on {issue_date}"),
                format!("preces nevar nosūtīt {dispatch}, pirms pavadzīme izrakstīta {issue_date}"),
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
    /// let second = draft.issue(&mut series, day)?;
    /// assert_eq!(second.number().as_str(), "PP2026-0002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "WaybillRecord"))]
pub struct Waybill {
    number: DocumentNumber,
    issue_date: NaiveDate,
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLine>,
    transport: Transport,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Waybill`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct WaybillRecord {
    number: NumberRecord,
    issue_date: NaiveDate,
    supplier: Party,
    receiver: Party,
    lines: Vec<ItemLineRecord>,
    transport: TransportRecord,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
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
            report.push(finding.clone().at(field));
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
            return Err(RestoreError::missing(WHAT, "transport", "checked above")
                .with_latvian_reason("pārbaudīts iepriekš"));
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
    /// assert_eq!(waybill.number().as_str(), "PP2026-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the issue date.
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
    /// assert_eq!(waybill.issue_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the supplier (the author).
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
    /// assert_eq!(waybill.supplier(), &supplier);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn supplier(&self) -> &Party {
        &self.supplier
    }

    /// Returns the receiver.
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
    /// assert_eq!(waybill.receiver(), &receiver);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn receiver(&self) -> &Party {
        &self.receiver
    }

    /// Returns the lines.
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
    /// assert_eq!(waybill.lines().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns the transport details.
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
    /// assert_eq!(waybill.transport().vehicle(), "VW Crafter, LA-1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Returns the total value without VAT (every line is priced on an issued waybill).
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
    /// assert_eq!(waybill.value(), Some(Money::new(dec!(179.80), Currency::EUR)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn value(&self) -> Option<Money> {
        self.value
    }

    /// Returns [`DocumentKind::Waybill`].
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
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(waybill.document_kind(), DocumentKind::Waybill);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn document_kind(&self) -> DocumentKind {
        DocumentKind::Waybill
    }
}
