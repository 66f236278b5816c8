//! Invoices: the draft with setters, the issued invoice without.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{
    CentsStyle, CreditorReference, Currency, DocumentNumber, Language, Money, NumberSeries, Party,
    WordsOptions, amount_in_words,
};
use chrono::NaiveDate;

#[cfg(feature = "serde")]
use crate::document::InvoiceContentRecord;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::document::{
    DocumentKind, InvoiceContent, InvoiceKind, InvoiceReference, PaymentMeans, VatExemption,
    check_note,
};
use crate::error::{AccountingError, LineError, ValidationReport};
use crate::exchange::ExchangeRate;
use crate::line::{DocumentAdjustment, InvoiceLine, MAX_TEXT_CHARS, RoundingPolicy, check_text};
use crate::requisite::{self, IssueOptions};
use crate::totals::DocumentTotals;
#[cfg(feature = "serde")]
use crate::totals::DocumentTotalsRecord;

/// An invoice being prepared (*rēķina sagatave*): every field can change, and it has no
/// number.
///
/// [`DraftInvoice::issue`] checks every requisite, takes the next number from a
/// [`NumberSeries`] and returns an [`IssuedInvoice`]; that is the only way to get a number,
/// so a draft never uses one up (peer-lessons item 1).
///
/// # Legal basis
///
/// PVN likums art. 125(1) and Grāmatvedības likums art. 11(5) (sources §3a, §3b) \[I1\]\[I4\].
///
/// Serves: T4.6, S27, C18.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?
///     .try_with_vat_number("LV40003521600".parse()?)?
///     .with_iban("LV97HABA0012345678910".parse()?);
/// let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
///
/// let line = InvoiceLine::try_new(
///     "Konsultācija", Quantity::try_new(dec!(2))?, UnitCode::HOUR,
///     Money::new(dec!(50.00), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?,
/// )?;
/// let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
///     .with_line(line)
///     .with_due_date(day + chrono::Days::new(14));
///
/// let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// let invoice = draft.issue(&mut series, day)?;
/// assert_eq!(invoice.number().as_str(), "INV2026-00001");
/// assert_eq!(invoice.totals().amount_due().to_string(), "121.00 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"kind", "content"}` with the [`InvoiceContent`] saved form; it deserialises through the
/// content's checks. A draft has no number, so a saved draft uses none up.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftInvoiceRecord"))]
pub struct DraftInvoice {
    kind: InvoiceKind,
    content: InvoiceContent,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftInvoice`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct DraftInvoiceRecord {
    kind: InvoiceKind,
    content: InvoiceContentRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftInvoiceRecord> for DraftInvoice {
    type Error = RestoreError;

    fn try_from(record: DraftInvoiceRecord) -> Result<Self, Self::Error> {
        DraftInvoice::restore(record, "DraftInvoice")
    }
}

impl DraftInvoice {
    #[cfg(feature = "serde")]
    /// Restores a saved draft for `what` (the value holding it).
    pub(crate) fn restore(
        record: DraftInvoiceRecord,
        what: &'static str,
    ) -> Result<Self, RestoreError> {
        Ok(DraftInvoice {
            kind: record.kind,
            content: InvoiceContent::restore(record.content, what)
                .map_err(|error| error.within("content"))?,
        })
    }
}

impl DraftInvoice {
    /// Creates an empty draft: parties, currency, no lines, payment by credit transfer,
    /// the EN 16931 rounding policy.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = DraftInvoice::new(InvoiceKind::Invoice, draft.content().seller().clone(), draft.content().buyer().clone(), Currency::EUR);
    /// assert_eq!(draft.kind(), InvoiceKind::Invoice);
    /// assert!(draft.content().lines().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(kind: InvoiceKind, seller: Party, buyer: Party, currency: Currency) -> Self {
        DraftInvoice {
            kind,
            content: InvoiceContent::new(seller, buyer, currency),
        }
    }

    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(draft.kind(), InvoiceKind::Invoice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> InvoiceKind {
        self.kind
    }

    /// Returns the content as set so far.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(draft.content().lines().len(), 1);
    /// assert_eq!(draft.content().currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn content(&self) -> &InvoiceContent {
        &self.content
    }

    /// Adds a line at the end.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.with_line(chair.clone());
    /// assert_eq!(draft.content().lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, line: InvoiceLine) -> Self {
        self.content.lines.push(line);
        self
    }

    /// Adds a line at the end, in place.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let mut draft = draft;
    /// draft.push_line(chair.clone());
    /// assert_eq!(draft.content().lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_line(&mut self, line: InvoiceLine) {
        self.content.lines.push(line);
    }

    /// Removes and returns the line at `index` (from 0), if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let mut draft = draft;
    /// assert_eq!(draft.remove_line(0).as_ref(), Some(&chair));
    /// assert_eq!(draft.remove_line(0), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_line(&mut self, index: usize) -> Option<InvoiceLine> {
        (index < self.content.lines.len()).then(|| self.content.lines.remove(index))
    }

    /// Adds a document-level allowance or charge.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment};
    /// let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// let draft = draft.with_adjustment(DocumentAdjustment::new(discount, LineVat::standard(VatRate::try_new(dec!(21))?)?));
    /// // 179.80 − 10.00 = 169.80 without VAT.
    /// assert_eq!(draft.totals()?.tax_exclusive(), Money::new(dec!(169.80), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_adjustment(mut self, adjustment: DocumentAdjustment) -> Self {
        self.content.adjustments.push(adjustment);
        self
    }

    /// Sets the seller.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let seller = draft.content().buyer().clone();
    /// let draft = draft.with_seller(seller);
    /// assert_eq!(draft.content().seller().name(), draft.content().buyer().name());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_seller(mut self, seller: Party) -> Self {
        self.content.seller = seller;
        self
    }

    /// Sets the buyer.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let buyer = draft.content().seller().clone();
    /// let draft = draft.with_buyer(buyer);
    /// assert_eq!(draft.content().buyer().name(), draft.content().seller().name());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_buyer(mut self, buyer: Party) -> Self {
        self.content.buyer = buyer;
        self
    }

    /// Sets the supply date (BT-72; VAT art. 125(1) item 7), when it differs from the issue
    /// date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.with_supply_date(NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?);
    /// assert_eq!(draft.content().supply_date(), NaiveDate::from_ymd_opt(2026, 2, 27));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_supply_date(mut self, date: NaiveDate) -> Self {
        self.content.supply_date = Some(date);
        self
    }

    /// Sets the payment due date (BT-9).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.with_due_date(NaiveDate::from_ymd_opt(2026, 3, 31).ok_or("date")?);
    /// assert_eq!(draft.content().due_date(), NaiveDate::from_ymd_opt(2026, 3, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_due_date(mut self, date: NaiveDate) -> Self {
        self.content.due_date = Some(date);
        self
    }

    /// Sets the payment terms (BT-20).
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 1 000 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.try_with_payment_terms("14 dienu laikā")?;
    /// assert_eq!(draft.content().payment_terms(), Some("14 dienu laikā"));
    /// assert!(draft.try_with_payment_terms(" ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_payment_terms(mut self, terms: &str) -> Result<Self, LineError> {
        self.content.payment_terms = Some(check_note(terms, "payment terms")?);
        Ok(self)
    }

    /// Sets the payment means (BT-81).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::PaymentMeans;
    /// let draft = draft.with_payment_means(PaymentMeans::SepaCreditTransfer);
    /// assert_eq!(draft.content().payment_means().code(), "58");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_payment_means(mut self, means: PaymentMeans) -> Self {
        self.content.payment_means = means;
        self
    }

    /// Sets a structured creditor reference (RF) as the payment reference (BT-83); without
    /// one, the buyer pays with the invoice number as reference.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.with_payment_reference("RF18539007547034".parse()?);
    /// assert!(draft.content().payment_reference().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_payment_reference(mut self, reference: CreditorReference) -> Self {
        self.content.payment_reference = Some(reference);
        self
    }

    /// Sets the buyer reference (BT-10), such as a public buyer's contract or unit code.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.try_with_buyer_reference("Projekts 7")?;
    /// assert_eq!(draft.content().buyer_reference(), Some("Projekts 7"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_buyer_reference(mut self, reference: &str) -> Result<Self, LineError> {
        self.content.buyer_reference =
            Some(check_text(reference, "buyer reference", MAX_TEXT_CHARS)?);
        Ok(self)
    }

    /// Sets the buyer's purchase order number (BT-13).
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.try_with_order_reference("PAS2026-0001")?;
    /// assert_eq!(draft.content().order_reference(), Some("PAS2026-0001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_order_reference(mut self, reference: &str) -> Result<Self, LineError> {
        self.content.order_reference =
            Some(check_text(reference, "order reference", MAX_TEXT_CHARS)?);
        Ok(self)
    }

    /// Sets the note (BT-22).
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 1 000 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.try_with_note("Paldies par sadarbību!")?;
    /// assert_eq!(draft.content().note(), Some("Paldies par sadarbību!"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_note(mut self, note: &str) -> Result<Self, LineError> {
        self.content.note = Some(check_note(note, "note")?);
        Ok(self)
    }

    /// Sets the VAT wording of a category, replacing the standard one (or giving the
    /// exempting article for `E`).
    #[must_use]
    pub fn with_exemption(mut self, exemption: VatExemption) -> Self {
        self.content
            .exemptions
            .retain(|existing| existing.category() != exemption.category());
        self.content.exemptions.push(exemption);
        self
    }

    /// Deducts an advance invoice: its amount due becomes prepaid (BT-113, added to any
    /// earlier prepayment) and it is referenced as a preceding invoice (BG-3).
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the advance is in another currency or the sum
    /// overflows.
    ///
    /// # Examples
    ///
    /// See `docs/model/accounting.md`, "Advance invoices".
    pub fn try_with_advance(mut self, advance: &IssuedInvoice) -> Result<Self, AccountingError> {
        let paid = advance.totals().amount_due();
        let prepaid = match self.content.prepaid {
            Some(earlier) => earlier.checked_add(paid)?,
            None => paid,
        };
        self.content.prepaid = Some(prepaid);
        self.content.preceding_invoices.push(advance.reference());
        Ok(self)
    }

    /// Sets a prepaid amount (BT-113) received without an advance invoice of ours.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let draft = draft.with_prepaid(Money::new(dec!(50), Currency::EUR));
    /// // 217.56 with VAT, 50.00 paid in advance.
    /// assert_eq!(draft.totals()?.amount_due(), Money::new(dec!(167.56), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_prepaid(mut self, prepaid: Money) -> Self {
        self.content.prepaid = Some(prepaid);
        self
    }

    /// Adds a reference to a preceding invoice (BG-3).
    #[must_use]
    pub fn with_preceding_invoice(mut self, reference: InvoiceReference) -> Self {
        self.content.preceding_invoices.push(reference);
        self
    }

    /// Sets the rounding policy of the totals (and, with
    /// [`RoundingPolicy::try_with_payable`], of the amount due: EN 16931 BT-114).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::RoundingPolicy;
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// let policy = RoundingPolicy::default().try_with_payable(Rounding::try_new(RoundingStrategy::HalfAwayFromZero, dec!(0.05))?)?;
    /// let draft = draft.with_rounding_policy(policy);
    /// // 217.558 → 217.56 → rounded to 5 cents: 217.55.
    /// assert_eq!(draft.totals()?.amount_due(), Money::new(dec!(217.55), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rounding_policy(mut self, policy: RoundingPolicy) -> Self {
        self.content.rounding = policy;
        self
    }

    /// Sets the exchange rate of an invoice in a currency other than the euro: its VAT is then
    /// stated in euro too (EN 16931 BT-6 and BT-111), and the rate is shown on the document.
    /// Issuing a non-euro invoice without one is refused (`requisite.vat_in_euro`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{DraftInvoice, ExchangeRate, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    ///     .try_with_registration_number("40003521600".parse()?)?
    ///     .try_with_vat_number("LV40003521600".parse()?)?
    ///     .with_iban("LV97HABA0012345678910".parse()?);
    /// let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    ///     .try_with_registration_number("40103471306".parse()?)?;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    /// let line = InvoiceLine::try_new("Konsultācija", Quantity::try_new(dec!(2))?, UnitCode::HOUR,
    ///     Money::new(dec!(100.00), Currency::USD), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::USD)
    ///     .with_line(line)
    ///     .with_due_date(day);
    /// let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// assert_eq!(draft.clone().issue(&mut series, day).unwrap_err().findings()[0].code(), "requisite.vat_in_euro");
    ///
    /// let invoice = draft
    ///     .with_exchange_rate(ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?)
    ///     .issue(&mut series, day)?;
    /// // VAT 42.00 USD ÷ 1.0856 = 38.688… → 38.69 EUR
    /// assert_eq!(invoice.vat_total_in_euro()?.map(|vat| vat.to_string()), Some("38.69 EUR".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_exchange_rate(mut self, rate: ExchangeRate) -> Self {
        self.content.exchange_rate = Some(rate);
        self
    }

    /// Computes the totals as they stand.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when an amount is in another currency or a sum overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let totals = draft.totals()?;
    /// assert_eq!(totals.tax_exclusive(), Money::new(dec!(179.80), Currency::EUR));
    /// assert_eq!(totals.vat_total(), Money::new(dec!(37.76), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals(&self) -> Result<DocumentTotals, AccountingError> {
        Ok(self.content.totals()?)
    }

    /// Checks every requisite for issuing on `issue_date`; an empty report means the draft
    /// can be issued. The codes are listed in `docs/model/accounting.md` and on
    /// [`ValidationReport`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{DraftInvoice, InvoiceKind, IssueOptions};
    /// use apkalpe_core::{Address, CountryCode, Currency, Party, PartyName};
    /// use chrono::NaiveDate;
    ///
    /// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// let nobody = Party::organisation(PartyName::try_new("SIA Nezināms")?, riga);
    /// let draft = DraftInvoice::new(InvoiceKind::Invoice, nobody.clone(), nobody, Currency::EUR);
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    /// let report = draft.validate(day, &IssueOptions::default());
    /// assert_eq!(report.codes(), [
    ///     "requisite.lines_missing",
    ///     "requisite.seller_registration_number",
    ///     "requisite.seller_vat_number",
    ///     "requisite.seller_iban",
    ///     "requisite.buyer_identification",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, issue_date: NaiveDate, options: &IssueOptions) -> ValidationReport {
        requisite::check(
            self.kind.document_kind(),
            &self.content,
            issue_date,
            options,
        )
    }

    /// Issues the invoice with the default [`IssueOptions`]: checks the requisites, takes the
    /// next number of `series` for `issue_date`, and freezes the content.
    ///
    /// # Errors
    ///
    /// As [`DraftInvoice::issue_with`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let invoice = draft.issue(&mut series, day)?;
    /// assert_eq!(invoice.number().as_str(), "INV2026-00002");
    /// assert_eq!(invoice.issue_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
    ) -> Result<IssuedInvoice, AccountingError> {
        self.issue_with(series, issue_date, &IssueOptions::default())
    }

    /// Issues the invoice with explicit options.
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
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::IssueOptions;
    /// let invoice = draft.issue_with(&mut series, day, &IssueOptions::default())?;
    /// assert_eq!(invoice.number().as_str(), "INV2026-00002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue_with(
        mut self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
        options: &IssueOptions,
    ) -> Result<IssuedInvoice, AccountingError> {
        self.validate(issue_date, options).into_result()?;
        // The supply date is a requisite only when it differs from the issue date.
        if self.content.supply_date == Some(issue_date) {
            self.content.supply_date = None;
        }
        let totals = self.content.totals()?;
        let number = series.issue(issue_date)?;
        Ok(IssuedInvoice {
            kind: self.kind,
            number,
            issue_date,
            content: self.content,
            totals,
        })
    }
}

/// An issued invoice (*izrakstīts rēķins*): numbered, dated, its totals fixed, no setters.
///
/// A mistake is corrected by a credit note ([`DraftCreditNote`](crate::DraftCreditNote)),
/// never by editing.
///
/// # Saved form
///
/// `{"kind", "number", "issue_date", "content", "totals"}`: the number as core writes it
/// (`{"series", "year", "sequence", "text"}`), the [`InvoiceContent`] and the
/// [`DocumentTotals`] saved forms. Integrators read the totals; deserialising re-checks what
/// issuing guaranteed, so a restored invoice is as trustworthy as an issued one, and is just as
/// read-only:
///
/// - the number is well formed (a valid series id, a year of 1–9999, a sequence from 1 shown
///   in its text) and of the issue date's year;
/// - the content passes the setters' checks and every requisite [`DraftInvoice::validate`]
///   checked on the issue date (`restore.invalid` with the finding's code as the cause);
///   the simplified-invoice limit and the VAT rate table are the issuer's settings, not
///   saved, so they are not re-checked;
/// - a supply date equal to the issue date is absent, as issuing leaves it;
/// - the totals are exactly what the lines give under the saved rounding policy:
///   `restore.inconsistent` names the first total that differs (`totals.amount_due`).
///
/// Whether the series really issued the number is the series' own record: check it with
/// [`NumberSeries::has_issued`] where a saved invoice comes from outside.
///
/// ```
/// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, IssuedInvoice, LineVat, Quantity, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?
/// #     .try_with_vat_number("LV40003521600".parse()?)?
/// #     .with_iban("LV97HABA0012345678910".parse()?);
/// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
/// #     .try_with_registration_number("40103471306".parse()?)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// # let line = InvoiceLine::try_new("Konsultācija", Quantity::try_new(dec!(2))?, UnitCode::HOUR,
/// #     Money::new(dec!(50.00), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
/// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
///     .with_line(line)
///     .with_due_date(day)
///     .issue(&mut series, day)?;
/// let json = serde_json::to_string(&invoice)?;
/// assert_eq!(serde_json::from_str::<IssuedInvoice>(&json)?, invoice);
///
/// let edited = json.replace(r#""amount_due":{"amount":"121.00""#, r#""amount_due":{"amount":"12.10""#);
/// let error = serde_json::from_str::<IssuedInvoice>(&edited).unwrap_err().to_string();
/// assert!(error.starts_with("restore.inconsistent: cannot restore IssuedInvoice: totals.amount_due: saved 12.10 EUR, the lines give 121.00 EUR"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// See [`DraftInvoice`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "IssuedInvoiceRecord"))]
pub struct IssuedInvoice {
    kind: InvoiceKind,
    number: DocumentNumber,
    issue_date: NaiveDate,
    content: InvoiceContent,
    totals: DocumentTotals,
}

#[cfg(feature = "serde")]
/// The saved form of an [`IssuedInvoice`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct IssuedInvoiceRecord {
    kind: InvoiceKind,
    number: NumberRecord,
    issue_date: NaiveDate,
    content: InvoiceContentRecord,
    totals: DocumentTotalsRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<IssuedInvoiceRecord> for IssuedInvoice {
    type Error = RestoreError;

    fn try_from(record: IssuedInvoiceRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "IssuedInvoice";
        let issue_date = record.issue_date;
        let number = saved::number_dated(record.number, WHAT, "number", issue_date, "issue_date")?;
        let content = InvoiceContent::restore(record.content, WHAT)
            .map_err(|error| error.within("content"))?;
        if content.supply_date == Some(issue_date) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "content.supply_date",
                "a supply date equal to the issue date is not kept on issue",
            )
            .with_latvian_reason(
                "piegādes datumu, kas sakrīt ar izrakstīšanas datumu, izrakstot nesaglabā",
            ));
        }
        saved::requisites(
            WHAT,
            "content",
            requisite::check(
                record.kind.document_kind(),
                &content,
                issue_date,
                &saved::restore_options(),
            ),
        )?;
        let totals = content
            .totals()
            .map_err(|error| RestoreError::invalid(WHAT, "totals", error))?;
        saved::same_totals(WHAT, &DocumentTotals::from_record(record.totals), &totals)?;
        Ok(IssuedInvoice {
            kind: record.kind,
            number,
            issue_date,
            content,
            totals,
        })
    }
}

impl IssuedInvoice {
    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.kind(), InvoiceKind::Invoice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> InvoiceKind {
        self.kind
    }

    /// Returns the number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.number().as_str(), "INV2026-00001");
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
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.issue_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the content.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.content().lines()[0].item(), "Biroja krēsls");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn content(&self) -> &InvoiceContent {
        &self.content
    }

    /// Returns the totals.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().amount_due(), Money::new(dec!(217.56), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn totals(&self) -> &DocumentTotals {
        &self.totals
    }

    /// Returns a reference to this invoice (number and issue date).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// let reference = invoice.reference();
    /// assert_eq!(reference.number(), "INV2026-00001");
    /// assert_eq!(reference.issue_date(), Some(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference(&self) -> InvoiceReference {
        InvoiceReference::from_issued(&self.number, self.issue_date)
    }

    /// Returns the amount due in words (*summa vārdiem*), cents in figures: "viens simts
    /// divdesmit viens euro un 00 centu".
    ///
    /// # Errors
    ///
    /// [`AccountingError::Words`] for a currency without words or an amount above 999 999
    /// 999 999.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_core::Language;
    /// assert_eq!(invoice.amount_due_in_words(Language::Latvian)?, "divi simti septiņpadsmit euro un 56 centi");
    /// assert_eq!(invoice.amount_due_in_words(Language::English)?, "two hundred seventeen euro and 56 cents");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_due_in_words(&self, language: Language) -> Result<String, AccountingError> {
        let options = WordsOptions::default().with_cents(CentsStyle::Figures);
        Ok(amount_in_words(
            &self.totals.amount_due(),
            language,
            &options,
        )?)
    }

    /// Returns the document kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(invoice.document_kind(), DocumentKind::Invoice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn document_kind(&self) -> DocumentKind {
        self.kind.document_kind()
    }

    /// Returns the total VAT in euro (EN 16931 BT-111) of an invoice in another currency:
    /// `round(BT-110 ÷ exchange rate)` to the cent; `None` for a euro invoice.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the conversion overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// // An invoice in euro has no separate VAT in euro.
    /// assert_eq!(invoice.vat_total_in_euro()?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_total_in_euro(&self) -> Result<Option<Money>, AccountingError> {
        vat_total_in_euro(&self.content, &self.totals)
    }
}

/// The total VAT in euro (BT-111) of a document in another currency, `None` for a euro one.
pub(crate) fn vat_total_in_euro(
    content: &InvoiceContent,
    totals: &DocumentTotals,
) -> Result<Option<Money>, AccountingError> {
    if content.currency() == apkalpe_core::Currency::EUR {
        return Ok(None);
    }
    Ok(content.in_euro(totals.vat_total())?)
}
