//! The ledger of services rendered and their billing into draft invoices, never twice.

use crate::document::InvoiceKind;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, LineError, ServicesError};
use crate::invoice::DraftInvoice;
#[cfg(feature = "serde")]
use crate::invoice::DraftInvoiceRecord;
use crate::line::{InvoiceLine, LineVat, MAX_TEXT_CHARS, Quantity, UnitCode, check_text};
#[cfg(feature = "serde")]
use apkalpe_core::{CountNoun, Language, RestoreError};
use apkalpe_core::{Currency, DocumentNumber, Money, Party};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

#[cfg(feature = "serde")]
/// Lines, nominative: "3 rindas" (a restore error's Latvian reason).
const ROWS: CountNoun<'static> = CountNoun::new("rinda", "rindas");

/// One service rendered (*sniegts pakalpojums*): its id and the client's id (both given by
/// the caller), the service, quantity, unit, unit price without VAT, VAT treatment and date.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{LineVat, Quantity, ServiceRecord, UnitCode};
/// use apkalpe_core::{Currency, Money, VatRate};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let record = ServiceRecord::try_new(
///     "S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(1.5))?, UnitCode::HOUR,
///     Money::new(dec!(40), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?,
///     NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?,
/// )?;
/// assert_eq!(record.client(), "K-7");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ServiceRecordFields"))]
pub struct ServiceRecord {
    id: String,
    client: String,
    service: String,
    quantity: Quantity,
    unit: UnitCode,
    unit_price: Money,
    vat: LineVat,
    date: NaiveDate,
}

#[cfg(feature = "serde")]
/// The serialised shape of [`ServiceRecord`], checked through [`ServiceRecord::try_new`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ServiceRecordFields {
    id: String,
    client: String,
    service: String,
    quantity: Quantity,
    unit: UnitCode,
    unit_price: Money,
    vat: LineVat,
    date: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<ServiceRecordFields> for ServiceRecord {
    type Error = RestoreError;

    fn try_from(fields: ServiceRecordFields) -> Result<Self, Self::Error> {
        const WHAT: &str = "ServiceRecord";
        if fields.unit_price.is_negative() {
            return Err(RestoreError::invalid(
                WHAT,
                "unit_price",
                LineError::NegativePrice {
                    found: fields.unit_price.amount(),
                },
            ));
        }
        Ok(ServiceRecord {
            id: saved::text(WHAT, "id", &fields.id, "record id")?,
            client: saved::text(WHAT, "client", &fields.client, "client id")?,
            service: saved::text(WHAT, "service", &fields.service, "service")?,
            quantity: fields.quantity,
            unit: fields.unit,
            unit_price: fields.unit_price,
            vat: fields.vat,
            date: fields.date,
        })
    }
}

impl ServiceRecord {
    /// Creates a record.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank id, client id or service, or one above 200
    /// characters; [`LineError::NegativePrice`] for a negative price.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let blank = ServiceRecord::try_new(" ", "K-7", "Konsultācija", Quantity::ONE, UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day);
    /// assert_eq!(blank.unwrap_err().code(), "line.text");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::too_many_arguments)] // Each argument is a field of the record.
    pub fn try_new(
        id: &str,
        client: &str,
        service: &str,
        quantity: Quantity,
        unit: UnitCode,
        unit_price: Money,
        vat: LineVat,
        date: NaiveDate,
    ) -> Result<Self, LineError> {
        if unit_price.is_negative() {
            return Err(LineError::NegativePrice {
                found: unit_price.amount(),
            });
        }
        Ok(ServiceRecord {
            id: check_text(id, "record id", MAX_TEXT_CHARS)?,
            client: check_text(client, "client id", MAX_TEXT_CHARS)?,
            service: check_text(service, "service", MAX_TEXT_CHARS)?,
            quantity,
            unit,
            unit_price,
            vat,
            date,
        })
    }

    /// Returns the record id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.id(), "S-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the client id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.client(), "K-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> &str {
        &self.client
    }

    /// Returns the service.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.service(), "Konsultācija");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.quantity().value(), dec!(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.unit(), UnitCode::HOUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the unit price without VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.unit_price(), Money::new(dec!(40), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.vat(), vat);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat(&self) -> LineVat {
        self.vat
    }

    /// Returns the date the service was rendered.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(record.date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> NaiveDate {
        self.date
    }
}

/// The draft invoice of a client's unbilled services, with the ids of the records it bills.
/// Issue the draft, then pass the ids and the invoice number to
/// [`ServiceLedger::mark_billed`].
///
/// # Saved form
///
/// `{"draft", "record_ids"}` with the [`DraftInvoice`] saved form. It deserialises through
/// what [`ServiceLedger::bill_client`] guarantees: an invoice in euro with a supply date, at
/// least one record id, each once, and one line per record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ServiceBillingRecord"))]
pub struct ServiceBilling {
    draft: DraftInvoice,
    record_ids: Vec<String>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`ServiceBilling`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ServiceBillingRecord {
    draft: DraftInvoiceRecord,
    record_ids: Vec<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<ServiceBillingRecord> for ServiceBilling {
    type Error = RestoreError;

    fn try_from(record: ServiceBillingRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ServiceBilling";
        let draft =
            DraftInvoice::restore(record.draft, WHAT).map_err(|error| error.within("draft"))?;
        let content = draft.content();
        if draft.kind() != InvoiceKind::Invoice {
            return Err(RestoreError::inconsistent(
                WHAT,
                "draft.kind",
                "services are billed on an invoice",
            )
            .with_latvian_reason("par pakalpojumiem izraksta rēķinu"));
        }
        if content.currency() != Currency::EUR {
            return Err(RestoreError::inconsistent(
                WHAT,
                "draft.content.currency",
                "services are billed in euro",
            )
            .with_latvian_reason("pakalpojumu rēķinus izraksta euro"));
        }
        if content.supply_date().is_none() {
            return Err(RestoreError::missing(
                WHAT,
                "draft.content.supply_date",
                "a billing's supply date is its latest record's date",
            )
            .with_latvian_reason("rēķina piegādes datums ir tā jaunākā ieraksta datums"));
        }
        if record.record_ids.is_empty() {
            return Err(RestoreError::missing(
                WHAT,
                "record_ids",
                "a billing bills at least one record",
            )
            .with_latvian_reason("rēķinā iekļauj vismaz vienu ierakstu"));
        }
        if record.record_ids.len() != content.lines().len() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "draft.content.lines",
                format_args!(
                    "{} lines for {} records",
                    content.lines().len(),
                    record.record_ids.len()
                ),
            )
            .with_latvian_reason(format_args!(
                "{}, bet ierakstu ir {}",
                ROWS.count_of(Language::Latvian, content.lines().len()),
                record.record_ids.len()
            )));
        }
        let mut seen = HashSet::with_capacity(record.record_ids.len());
        let mut record_ids = Vec::with_capacity(record.record_ids.len());
        for (index, id) in record.record_ids.iter().enumerate() {
            let field = format!("record_ids[{index}]");
            let id = saved::text(WHAT, field.clone(), id, "record id")?;
            if !seen.insert(id.clone()) {
                return Err(RestoreError::duplicate(WHAT, field, &id));
            }
            record_ids.push(id);
        }
        Ok(ServiceBilling { draft, record_ids })
    }
}

impl ServiceBilling {
    /// Returns the draft invoice: one line per record, in the order recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let billing = ledger.bill_client("K-7", seller, buyer)?;
    /// assert_eq!(billing.draft().content().lines()[0].item(), "Konsultācija");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn draft(&self) -> &DraftInvoice {
        &self.draft
    }

    /// Returns the ids of the records billed.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let billing = ledger.bill_client("K-7", seller, buyer)?;
    /// assert_eq!(billing.record_ids(), ["S-1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_ids(&self) -> &[String] {
        &self.record_ids
    }

    /// Splits into the draft and the record ids.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let (draft, ids) = ledger.bill_client("K-7", seller, buyer)?.into_parts();
    /// assert_eq!((draft.content().lines().len(), ids.len()), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_parts(self) -> (DraftInvoice, Vec<String>) {
        (self.draft, self.record_ids)
    }
}

/// The ledger of services rendered (*sniegto pakalpojumu uzskaite*): records in the order
/// recorded, each unbilled or billed by one invoice number. Nothing is billed twice.
///
/// Serves: S26.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?
///     .try_with_vat_number("LV40003521600".parse()?)?
///     .with_iban("LV44HABA0551000000001".parse()?);
/// let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
/// let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
///
/// let mut ledger = ServiceLedger::new();
/// ledger.record(ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
///     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?)?;
///
/// let (draft, ids) = ledger.bill_client("K-7", seller, buyer)?.into_parts();
/// let invoice = draft.with_due_date(day + chrono::Days::new(14))
///     .issue(&mut NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?, day)?;
/// ledger.mark_billed(&ids, invoice.number())?;
/// assert_eq!(ledger.billed_by("S-1"), Some("INV2026-00001"));
/// assert_eq!(ledger.bill_client("K-7", invoice.content().seller().clone(), invoice.content().buyer().clone())
///     .unwrap_err().code(), "services.nothing_to_bill");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// A list of `{"record", "billed_by"}` entries in the order recorded (`billed_by`, the billing
/// invoice's number, absent while unbilled). It deserialises through the checks of
/// [`ServiceLedger::record`] and [`ServiceLedger::mark_billed`]: each record valid, each id
/// once (`restore.duplicate` names `[3].record.id`), each invoice number a non-blank text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Vec<LedgerEntry>"))]
#[cfg_attr(feature = "serde", serde(into = "Vec<LedgerEntry>"))]
pub struct ServiceLedger {
    entries: Vec<LedgerEntry>,
    /// The position of each record id in `entries`; rebuilt on restore, never saved.
    by_id: HashMap<String, usize>,
}

/// A record and the number of the invoice that billed it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct LedgerEntry {
    record: ServiceRecord,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    billed_by: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<Vec<LedgerEntry>> for ServiceLedger {
    type Error = RestoreError;

    fn try_from(entries: Vec<LedgerEntry>) -> Result<Self, Self::Error> {
        const WHAT: &str = "ServiceLedger";
        let mut ledger = ServiceLedger::new();
        ledger.entries.reserve(entries.len());
        ledger.by_id.reserve(entries.len());
        for (index, mut entry) in entries.into_iter().enumerate() {
            if let Some(number) = &entry.billed_by {
                entry.billed_by = Some(saved::text(
                    WHAT,
                    format!("[{index}].billed_by"),
                    number,
                    "invoice number",
                )?);
            }
            let billed_by = entry.billed_by.take();
            ledger.record(entry.record).map_err(|error| match error {
                ServicesError::DuplicateRecord { id } => {
                    RestoreError::duplicate(WHAT, format!("[{index}].record.id"), id)
                }
                other => RestoreError::invalid(WHAT, format!("[{index}].record"), other),
            })?;
            if let Some(last) = ledger.entries.last_mut() {
                last.billed_by = billed_by;
            }
        }
        Ok(ledger)
    }
}

impl From<ServiceLedger> for Vec<LedgerEntry> {
    fn from(ledger: ServiceLedger) -> Self {
        ledger.entries
    }
}

impl ServiceLedger {
    /// Creates an empty ledger.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let ledger = ServiceLedger::new();
    /// assert_eq!(ledger.records().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        ServiceLedger::default()
    }

    /// Records a service rendered.
    ///
    /// # Errors
    ///
    /// [`ServicesError::DuplicateRecord`] when the id is already recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// // The same id twice is refused and changes nothing.
    /// assert_eq!(ledger.record(record.clone()).unwrap_err().code(), "services.duplicate_record");
    /// assert_eq!(ledger.records().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, record: ServiceRecord) -> Result<(), ServicesError> {
        if self.by_id.contains_key(record.id()) {
            return Err(ServicesError::DuplicateRecord {
                id: record.id.clone(),
            });
        }
        self.by_id.insert(record.id.clone(), self.entries.len());
        self.entries.push(LedgerEntry {
            record,
            billed_by: None,
        });
        Ok(())
    }

    fn find(&self, id: &str) -> Option<&LedgerEntry> {
        self.by_id
            .get(id)
            .and_then(|position| self.entries.get(*position))
    }

    /// Returns every record, in the order recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(ledger.records().map(ServiceRecord::id).collect::<Vec<_>>(), ["S-1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn records(&self) -> impl Iterator<Item = &ServiceRecord> {
        self.entries.iter().map(|entry| &entry.record)
    }

    /// Returns the unbilled records of a client, in the order recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(ledger.unbilled("K-7").count(), 1);
    /// assert_eq!(ledger.unbilled("K-8").count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unbilled<'a>(&'a self, client: &'a str) -> impl Iterator<Item = &'a ServiceRecord> {
        self.entries
            .iter()
            .filter(move |entry| entry.billed_by.is_none() && entry.record.client == client)
            .map(|entry| &entry.record)
    }

    /// Returns the number of the invoice that billed a record, `None` when it is unbilled or
    /// unknown.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// assert_eq!(ledger.billed_by("S-1"), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn billed_by(&self, id: &str) -> Option<&str> {
        self.find(id).and_then(|entry| entry.billed_by.as_deref())
    }

    /// Builds one draft invoice (kind [`InvoiceKind::Invoice`], EUR) of a client's unbilled
    /// services: one line per record, the supply date the latest record's date. The ledger
    /// does not change until [`ServiceLedger::mark_billed`].
    ///
    /// # Errors
    ///
    /// - [`ServicesError::NothingToBill`] when the client has no unbilled records;
    /// - [`AccountingError::Line`] when a record does not make an invoice line.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let billing = ledger.bill_client("K-7", seller.clone(), buyer.clone())?;
    /// assert_eq!(billing.record_ids(), ["S-1"]);
    /// assert_eq!(ledger.bill_client("K-8", seller, buyer).unwrap_err().code(), "services.nothing_to_bill");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bill_client(
        &self,
        client: &str,
        seller: Party,
        buyer: Party,
    ) -> Result<ServiceBilling, AccountingError> {
        let mut draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR);
        let mut record_ids = Vec::new();
        let mut latest: Option<NaiveDate> = None;
        for record in self.unbilled(client) {
            draft.push_line(InvoiceLine::try_new(
                &record.service,
                record.quantity,
                record.unit,
                record.unit_price,
                record.vat,
            )?);
            record_ids.push(record.id.clone());
            latest = latest.max(Some(record.date));
        }
        let Some(supply) = latest else {
            return Err(ServicesError::NothingToBill {
                client: client.to_owned(),
            }
            .into());
        };
        Ok(ServiceBilling {
            draft: draft.with_supply_date(supply),
            record_ids,
        })
    }

    /// Marks records billed by an issued invoice. Either every record is marked or none.
    ///
    /// # Errors
    ///
    /// [`ServicesError::UnknownRecord`], [`ServicesError::RepeatedRecord`] or
    /// [`ServicesError::AlreadyBilled`] (a second billing of the same record).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{LineVat, Quantity, ServiceLedger, ServiceRecord, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 4).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let record = ServiceRecord::try_new("S-1", "K-7", "Konsultācija", Quantity::try_new(dec!(2))?,
    /// #     UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat, day)?;
    /// # let mut ledger = ServiceLedger::new();
    /// # ledger.record(record.clone())?;
    /// # let mut invoices = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let _ = (&record, &mut ledger, &seller, &buyer, &mut invoices);
    /// let (draft, ids) = ledger.bill_client("K-7", seller, buyer)?.into_parts();
    /// let invoice = draft.with_due_date(day).issue(&mut invoices, day)?;
    /// ledger.mark_billed(&ids, invoice.number())?;
    /// assert_eq!(ledger.billed_by("S-1"), Some("INV2026-00001"));
    /// assert_eq!(ledger.mark_billed(&ids, invoice.number()).unwrap_err().code(), "services.already_billed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mark_billed(
        &mut self,
        record_ids: &[String],
        invoice: &DocumentNumber,
    ) -> Result<(), ServicesError> {
        let mut positions = Vec::with_capacity(record_ids.len());
        let mut named: HashSet<&str> = HashSet::with_capacity(record_ids.len());
        for id in record_ids {
            if !named.insert(id.as_str()) {
                return Err(ServicesError::RepeatedRecord { id: id.clone() });
            }
            let Some(position) = self.by_id.get(id.as_str()).copied() else {
                return Err(ServicesError::UnknownRecord { id: id.clone() });
            };
            if let Some(LedgerEntry {
                billed_by: Some(number),
                ..
            }) = self.entries.get(position)
            {
                return Err(ServicesError::AlreadyBilled {
                    id: id.clone(),
                    invoice: number.clone(),
                });
            }
            positions.push(position);
        }
        for position in positions {
            if let Some(entry) = self.entries.get_mut(position) {
                entry.billed_by = Some(invoice.as_str().to_owned());
            }
        }
        Ok(())
    }
}
