//! Services: the acceptance–transfer act (*pieņemšanas–nodošanas akts*) and the ledger of
//! services rendered (*sniegto pakalpojumu uzskaite*) that bills them into invoices.

use std::collections::{HashMap, HashSet};

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Currency, DocumentNumber, Money, NumberSeries, Party};
use chrono::NaiveDate;

#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::document::{DocumentKind, InvoiceKind};
use crate::error::{AccountingError, LineError, ServicesError, ValidationReport};
use crate::goods::{ItemLine, check_common, lines_value};
#[cfg(feature = "serde")]
use crate::goods::{ItemLineRecord, check_value, restore_lines};
use crate::invoice::DraftInvoice;
#[cfg(feature = "serde")]
use crate::invoice::DraftInvoiceRecord;
use crate::line::{InvoiceLine, LineVat, MAX_TEXT_CHARS, Quantity, UnitCode, check_text};

/// A person who signs a document (*parakstītājs*): name and position.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::Signatory;
///
/// let signatory = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
/// assert_eq!(signatory.to_string(), "Anna Bērziņa, valdes locekle");
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
///
/// Saved as `{"name", "position"}`; it deserialises through [`Signatory::try_new`].
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_documents::Signatory` (a party
/// signing a contract). Import this one as
/// [`prelude::AccountingSignatory`](crate::prelude::AccountingSignatory) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::Signatory`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SignatoryRecord"))]
pub struct Signatory {
    name: String,
    position: String,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Signatory`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SignatoryRecord {
    name: String,
    position: String,
}

#[cfg(feature = "serde")]
impl TryFrom<SignatoryRecord> for Signatory {
    type Error = RestoreError;

    fn try_from(record: SignatoryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Signatory";
        Ok(Signatory {
            name: saved::text(WHAT, "name", &record.name, "signatory name")?,
            position: saved::text(WHAT, "position", &record.position, "signatory position")?,
        })
    }
}

impl Signatory {
    /// Creates a signatory.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank name or position, or one above 200 characters.
    pub fn try_new(name: &str, position: &str) -> Result<Self, LineError> {
        Ok(Signatory {
            name: check_text(name, "signatory name", MAX_TEXT_CHARS)?,
            position: check_text(position, "signatory position", MAX_TEXT_CHARS)?,
        })
    }

    /// Returns the given name and surname.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the position.
    pub fn position(&self) -> &str {
        &self.position
    }
}

impl std::fmt::Display for Signatory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", self.name, self.position)
    }
}

/// An acceptance–transfer act being prepared (*pieņemšanas–nodošanas akta sagatave*): the
/// provider hands over services rendered in a period, the client accepts them.
///
/// Serves: S25.
///
/// # Legal basis
///
/// Grāmatvedības likums art. 11(5) (facts §3b \[I4\]): type name, date, number, the author
/// with its registration number, the other party, the services with quantity, unit and value.
/// The signatures are what the act is for; GL art. 11(8) lets an electronic document go
/// without one \[I5\]\[I6\], so the signatories are named and the rendering leaves room to sign.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?;
/// let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
/// let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
///
/// let draft = DraftAcceptanceAct::new(provider, client, start, end)
///     .with_line(ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
///         .with_unit_price(Money::new(dec!(25), Currency::EUR)));
/// assert_eq!(draft.validate().codes(), ["requisite.provider_signatory", "requisite.client_signatory"]);
///
/// let act = draft
///     .with_provider_signatory(Signatory::try_new("Anna Bērziņa", "valdes locekle")?)
///     .with_client_signatory(Signatory::try_new("Jānis Kalniņš", "direktors")?)
///     .issue(&mut NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?, end)?;
/// assert_eq!(act.number().as_str(), "AKTS2026-001");
/// assert_eq!(act.value().map(|value| value.to_string()), Some("1000.00 EUR".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"provider", "client", "period_start", "period_end", "lines", "provider_signatory",
/// "client_signatory"}` (absent signatories `null`); it deserialises through each line's and
/// signatory's check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftAcceptanceActRecord"))]
pub struct DraftAcceptanceAct {
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLine>,
    provider_signatory: Option<Signatory>,
    client_signatory: Option<Signatory>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftAcceptanceAct`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DraftAcceptanceActRecord {
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLineRecord>,
    provider_signatory: Option<Signatory>,
    client_signatory: Option<Signatory>,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftAcceptanceActRecord> for DraftAcceptanceAct {
    type Error = RestoreError;

    fn try_from(record: DraftAcceptanceActRecord) -> Result<Self, Self::Error> {
        Ok(DraftAcceptanceAct {
            provider: record.provider,
            client: record.client,
            period_start: record.period_start,
            period_end: record.period_end,
            lines: restore_lines(record.lines, "DraftAcceptanceAct")?,
            provider_signatory: record.provider_signatory,
            client_signatory: record.client_signatory,
        })
    }
}

impl DraftAcceptanceAct {
    /// Creates an empty act for services rendered from `period_start` to `period_end`
    /// inclusive.
    pub fn new(
        provider: Party,
        client: Party,
        period_start: NaiveDate,
        period_end: NaiveDate,
    ) -> Self {
        DraftAcceptanceAct {
            provider,
            client,
            period_start,
            period_end,
            lines: Vec::new(),
            provider_signatory: None,
            client_signatory: None,
        }
    }

    /// Adds a service at the end.
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets who signs for the provider (*nodeva*).
    #[must_use]
    pub fn with_provider_signatory(mut self, signatory: Signatory) -> Self {
        self.provider_signatory = Some(signatory);
        self
    }

    /// Sets who signs for the client (*pieņēma*).
    #[must_use]
    pub fn with_client_signatory(mut self, signatory: Signatory) -> Self {
        self.client_signatory = Some(signatory);
        self
    }

    /// Checks every requisite; an empty report means the act can be issued.
    ///
    /// Codes: `requisite.lines_missing`, `requisite.seller_registration_number`,
    /// `requisite.seller_taxpayer_code`, `requisite.buyer_identification`,
    /// `requisite.line_value`, `line.currency`, `line.negative_price`, `totals.overflow`,
    /// `requisite.period_order`,
    /// `requisite.provider_signatory`, `requisite.client_signatory`.
    ///
    /// # Examples
    ///
    /// See [`DraftAcceptanceAct`].
    pub fn validate(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        check_common(
            &mut report,
            ("provider", &self.provider),
            ("client", &self.client),
            &self.lines,
            true,
        );
        if self.period_end < self.period_start {
            report.add(
                "period",
                "requisite.period_order",
                format!(
                    "the period ends on {} before it starts on {}",
                    self.period_end, self.period_start
                ),
            );
        }
        if self.provider_signatory.is_none() {
            report.add(
                "provider_signatory",
                "requisite.provider_signatory",
                "the act names who hands the services over",
            );
        }
        if self.client_signatory.is_none() {
            report.add(
                "client_signatory",
                "requisite.client_signatory",
                "the act names who accepts the services",
            );
        }
        report
    }

    /// Issues the act with the next number of `series` for `issue_date`.
    ///
    /// # Errors
    ///
    /// - [`AccountingError::Invalid`] with every finding (no number is taken);
    /// - [`AccountingError::NumberSeries`] when the series refuses the date;
    /// - [`AccountingError::Money`] when a sum overflows.
    ///
    /// # Examples
    ///
    /// See [`DraftAcceptanceAct`].
    pub fn issue(
        self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
    ) -> Result<AcceptanceAct, AccountingError> {
        self.validate().into_result()?;
        let (Some(provider_signatory), Some(client_signatory)) =
            (self.provider_signatory, self.client_signatory)
        else {
            return Err(AccountingError::Internal {
                code: "acceptance_act.signatories_checked",
            });
        };
        let value = lines_value(&self.lines)?;
        let number = series.issue(issue_date)?;
        Ok(AcceptanceAct {
            number,
            issue_date,
            provider: self.provider,
            client: self.client,
            period_start: self.period_start,
            period_end: self.period_end,
            lines: self.lines,
            provider_signatory,
            client_signatory,
            value,
        })
    }
}

/// An issued acceptance–transfer act: numbered, with both signatories, no setters.
///
/// # Saved form
///
/// `{"number", "issue_date", "provider", "client", "period_start", "period_end", "lines",
/// "provider_signatory", "client_signatory", "value"}`. It deserialises through what issuing
/// guaranteed: a well-formed number of the issue date's year, every requisite of
/// [`DraftAcceptanceAct::validate`], and the value the lines give.
///
/// # Examples
///
/// See [`DraftAcceptanceAct`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AcceptanceActRecord"))]
pub struct AcceptanceAct {
    number: DocumentNumber,
    issue_date: NaiveDate,
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLine>,
    provider_signatory: Signatory,
    client_signatory: Signatory,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
/// The saved form of an [`AcceptanceAct`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AcceptanceActRecord {
    number: NumberRecord,
    issue_date: NaiveDate,
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLineRecord>,
    provider_signatory: Signatory,
    client_signatory: Signatory,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
impl TryFrom<AcceptanceActRecord> for AcceptanceAct {
    type Error = RestoreError;

    fn try_from(record: AcceptanceActRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AcceptanceAct";
        let issue_date = record.issue_date;
        let number = saved::number_dated(record.number, WHAT, "number", issue_date, "issue_date")?;
        let draft = DraftAcceptanceAct {
            provider: record.provider,
            client: record.client,
            period_start: record.period_start,
            period_end: record.period_end,
            lines: restore_lines(record.lines, WHAT)?,
            provider_signatory: Some(record.provider_signatory),
            client_signatory: Some(record.client_signatory),
        };
        saved::requisites(WHAT, "", draft.validate())?;
        check_value(WHAT, record.value, &draft.lines)?;
        let (Some(provider_signatory), Some(client_signatory)) =
            (draft.provider_signatory, draft.client_signatory)
        else {
            return Err(RestoreError::missing(
                WHAT,
                "provider_signatory",
                "checked above",
            ));
        };
        Ok(AcceptanceAct {
            number,
            issue_date,
            provider: draft.provider,
            client: draft.client,
            period_start: draft.period_start,
            period_end: draft.period_end,
            lines: draft.lines,
            provider_signatory,
            client_signatory,
            value: record.value,
        })
    }
}

impl AcceptanceAct {
    /// Returns the number.
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the issue date.
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the provider (the author).
    pub const fn provider(&self) -> &Party {
        &self.provider
    }

    /// Returns the client.
    pub const fn client(&self) -> &Party {
        &self.client
    }

    /// Returns the first day of the period.
    pub const fn period_start(&self) -> NaiveDate {
        self.period_start
    }

    /// Returns the last day of the period.
    pub const fn period_end(&self) -> NaiveDate {
        self.period_end
    }

    /// Returns the services.
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns who signs for the provider.
    pub const fn provider_signatory(&self) -> &Signatory {
        &self.provider_signatory
    }

    /// Returns who signs for the client.
    pub const fn client_signatory(&self) -> &Signatory {
        &self.client_signatory
    }

    /// Returns the value without VAT.
    pub const fn value(&self) -> Option<Money> {
        self.value
    }

    /// Returns [`DocumentKind::AcceptanceAct`].
    pub const fn document_kind(&self) -> DocumentKind {
        DocumentKind::AcceptanceAct
    }
}

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
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the client id.
    pub fn client(&self) -> &str {
        &self.client
    }

    /// Returns the service.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Returns the quantity.
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit.
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the unit price without VAT.
    pub const fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT treatment.
    pub const fn vat(&self) -> LineVat {
        self.vat
    }

    /// Returns the date the service was rendered.
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
            ));
        }
        if content.currency() != Currency::EUR {
            return Err(RestoreError::inconsistent(
                WHAT,
                "draft.content.currency",
                "services are billed in euro",
            ));
        }
        if content.supply_date().is_none() {
            return Err(RestoreError::missing(
                WHAT,
                "draft.content.supply_date",
                "a billing's supply date is its latest record's date",
            ));
        }
        if record.record_ids.is_empty() {
            return Err(RestoreError::missing(
                WHAT,
                "record_ids",
                "a billing bills at least one record",
            ));
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
            ));
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
    pub const fn draft(&self) -> &DraftInvoice {
        &self.draft
    }

    /// Returns the ids of the records billed.
    pub fn record_ids(&self) -> &[String] {
        &self.record_ids
    }

    /// Splits into the draft and the record ids.
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
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<LedgerEntry>", into = "Vec<LedgerEntry>")
)]
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
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
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
    pub fn new() -> Self {
        ServiceLedger::default()
    }

    /// Records a service rendered.
    ///
    /// # Errors
    ///
    /// [`ServicesError::DuplicateRecord`] when the id is already recorded.
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
    pub fn records(&self) -> impl Iterator<Item = &ServiceRecord> {
        self.entries.iter().map(|entry| &entry.record)
    }

    /// Returns the unbilled records of a client, in the order recorded.
    pub fn unbilled<'a>(&'a self, client: &'a str) -> impl Iterator<Item = &'a ServiceRecord> {
        self.entries
            .iter()
            .filter(move |entry| entry.billed_by.is_none() && entry.record.client == client)
            .map(|entry| &entry.record)
    }

    /// Returns the number of the invoice that billed a record, `None` when it is unbilled or
    /// unknown.
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
    /// See [`ServiceLedger`].
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
    /// See [`ServiceLedger`].
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

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::{Address, CountryCode, PartyName, VatRate, YearReset};
    use rust_decimal_macros::dec;

    fn record(id: &str, client: &str) -> ServiceRecord {
        ServiceRecord::try_new(
            id,
            client,
            "Konsultācija",
            Quantity::try_new(dec!(1)).unwrap(),
            UnitCode::HOUR,
            Money::new(dec!(40), Currency::EUR),
            LineVat::standard(VatRate::try_new(dec!(21)).unwrap()).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        )
        .unwrap()
    }

    fn number(text: &str) -> DocumentNumber {
        let mut series =
            NumberSeries::try_new("x", text.parse().unwrap(), YearReset::Never).unwrap();
        series
            .issue(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap())
            .unwrap()
    }

    fn party() -> Party {
        let address =
            Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap();
        Party::organisation(PartyName::try_new("SIA A").unwrap(), address)
    }

    #[test]
    fn the_ledger_reads_back_what_it_wrote() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "K")).unwrap();
        ledger
            .mark_billed(&["S-1".to_owned()], &number("A{seq:2}"))
            .unwrap();
        let json = serde_json::to_string(&ledger).unwrap();
        let back: ServiceLedger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ledger);
        let twice = format!(
            "[{0},{0}]",
            serde_json::to_string(&serde_json::json!({"record": ledger.records().next().unwrap()}))
                .unwrap()
        );
        assert!(serde_json::from_str::<ServiceLedger>(&twice).is_err());
        let blank = json.replace("\"S-2\"", "\" \"");
        assert!(serde_json::from_str::<ServiceLedger>(&blank).is_err());
        let no_number = json.replace("\"A01\"", "\"\"");
        assert!(serde_json::from_str::<ServiceLedger>(&no_number).is_err());
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        assert_eq!(
            ledger.record(record("S-1", "L")).unwrap_err().code(),
            "services.duplicate_record"
        );
    }

    #[test]
    fn a_failed_marking_changes_nothing() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "K")).unwrap();
        let ids = vec!["S-1".to_owned(), "S-3".to_owned()];
        assert_eq!(
            ledger
                .mark_billed(&ids, &number("A{seq:2}"))
                .unwrap_err()
                .code(),
            "services.unknown_record"
        );
        assert!(ledger.billed_by("S-1").is_none());
        let ids = vec!["S-1".to_owned(), "S-1".to_owned()];
        assert_eq!(
            ledger
                .mark_billed(&ids, &number("A{seq:2}"))
                .unwrap_err()
                .code(),
            "services.repeated_record"
        );
    }

    #[test]
    fn billing_takes_only_the_clients_unbilled_records() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "L")).unwrap();
        ledger.record(record("S-3", "K")).unwrap();
        let billing = ledger.bill_client("K", party(), party()).unwrap();
        assert_eq!(billing.record_ids(), ["S-1", "S-3"]);
        assert_eq!(billing.draft().content().lines().len(), 2);
        ledger
            .mark_billed(billing.record_ids(), &number("A{seq:2}"))
            .unwrap();
        let again = ledger.mark_billed(billing.record_ids(), &number("B{seq:2}"));
        assert_eq!(again.unwrap_err().code(), "services.already_billed");
        assert_eq!(ledger.billed_by("S-1"), Some("A01"));
        assert_eq!(ledger.unbilled("L").count(), 1);
    }
}
