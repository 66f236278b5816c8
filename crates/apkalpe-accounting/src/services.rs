//! Services: the acceptance–transfer act (*pieņemšanas–nodošanas akts*) and the ledger of
//! services rendered (*sniegto pakalpojumu uzskaite*) that bills them into invoices.

use apkalpe_core::{Currency, DocumentNumber, Money, NumberSeries, Party};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::{DocumentKind, InvoiceKind};
use crate::error::{AccountingError, LineError, ServicesError, ValidationReport};
use crate::goods::{ItemLine, check_common, lines_value};
use crate::invoice::DraftInvoice;
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Signatory {
    name: String,
    position: String,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftAcceptanceAct {
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLine>,
    provider_signatory: Option<Signatory>,
    client_signatory: Option<Signatory>,
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
/// # Examples
///
/// See [`DraftAcceptanceAct`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ServiceRecordFields")]
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

/// The serialised shape of [`ServiceRecord`], checked through [`ServiceRecord::try_new`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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

impl TryFrom<ServiceRecordFields> for ServiceRecord {
    type Error = LineError;

    fn try_from(fields: ServiceRecordFields) -> Result<Self, Self::Error> {
        ServiceRecord::try_new(
            &fields.id,
            &fields.client,
            &fields.service,
            fields.quantity,
            fields.unit,
            fields.unit_price,
            fields.vat,
            fields.date,
        )
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceBilling {
    draft: DraftInvoice,
    record_ids: Vec<String>,
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
/// The ledger serialises as a list of `{record, billed_by}` entries and reads back through the
/// same checks (`serde_json` round trip); a list with a repeated id is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<LedgerEntry>", into = "Vec<LedgerEntry>")]
pub struct ServiceLedger {
    entries: Vec<LedgerEntry>,
}

/// A record and the number of the invoice that billed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerEntry {
    record: ServiceRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    billed_by: Option<String>,
}

impl TryFrom<Vec<LedgerEntry>> for ServiceLedger {
    type Error = AccountingError;

    fn try_from(entries: Vec<LedgerEntry>) -> Result<Self, Self::Error> {
        let mut ledger = ServiceLedger::new();
        for mut entry in entries {
            if ledger.find(entry.record.id()).is_some() {
                return Err(ServicesError::DuplicateRecord {
                    id: entry.record.id,
                }
                .into());
            }
            if let Some(number) = &entry.billed_by {
                entry.billed_by = Some(check_text(number, "invoice number", MAX_TEXT_CHARS)?);
            }
            ledger.entries.push(entry);
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
        if self.find(record.id()).is_some() {
            return Err(ServicesError::DuplicateRecord {
                id: record.id.clone(),
            });
        }
        self.entries.push(LedgerEntry {
            record,
            billed_by: None,
        });
        Ok(())
    }

    fn find(&self, id: &str) -> Option<&LedgerEntry> {
        self.entries.iter().find(|entry| entry.record.id == id)
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
        for (index, id) in record_ids.iter().enumerate() {
            if record_ids.iter().take(index).any(|earlier| earlier == id) {
                return Err(ServicesError::RepeatedRecord { id: id.clone() });
            }
            match self.find(id) {
                None => return Err(ServicesError::UnknownRecord { id: id.clone() }),
                Some(LedgerEntry {
                    billed_by: Some(number),
                    ..
                }) => {
                    return Err(ServicesError::AlreadyBilled {
                        id: id.clone(),
                        invoice: number.clone(),
                    });
                }
                Some(_) => {}
            }
        }
        for entry in &mut self.entries {
            if record_ids.contains(&entry.record.id) {
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
