//! The received document: every EN 16931 business term as the sender wrote it.

use chrono::NaiveDate;

use crate::received::error::ReceivedFinding;

/// An e-invoice or credit note received from any sender, holding the EN 16931 business
/// terms exactly as sent, with the findings of reading it.
///
/// Reading is not issuing: nothing of the rules for what we issue (Latvian requisites and
/// formats, positive quantities, amounts in words) is applied. The reader refuses only a
/// document that is not a well-formed UBL 2.1 `Invoice`/`CreditNote` or whose amounts
/// contradict each other under the EN 16931 calculation rules; everything else our policy or
/// Latvian law would not accept is a [`ReceivedFinding`].
///
/// # Saved form
///
/// Serialized with named fields (`number`, `issue_date`, `seller`, `totals`, `lines`,
/// `findings`…; amounts as `{"amount": "12.50", "currency": "EUR"}`, dates ISO 8601).
/// Deserializing re-runs the reader's calculation checks, so a saved document edited into
/// contradicting amounts is refused with a [`RestoreError`](apkalpe_core::RestoreError), and
/// rebuilds the findings from the data (the saved `findings` are for readers of the JSON).
///
/// # Examples
///
/// See [`read_received_invoice`](crate::read_received_invoice).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReceivedInvoiceRecord"))]
pub struct ReceivedInvoice {
    pub(crate) kind: ReceivedInvoiceKind,
    pub(crate) number: String,
    pub(crate) issue_date: NaiveDate,
    pub(crate) type_code: Option<String>,
    pub(crate) currency: CurrencyCode,
    pub(crate) vat_accounting_currency: Option<CurrencyCode>,
    pub(crate) tax_point_date: Option<NaiveDate>,
    pub(crate) tax_point_date_code: Option<String>,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) buyer_reference: Option<String>,
    pub(crate) project_reference: Option<String>,
    pub(crate) contract_reference: Option<String>,
    pub(crate) purchase_order_reference: Option<String>,
    pub(crate) sales_order_reference: Option<String>,
    pub(crate) receiving_advice_reference: Option<String>,
    pub(crate) despatch_advice_reference: Option<String>,
    pub(crate) tender_or_lot_reference: Option<String>,
    pub(crate) invoiced_object: Option<ReceivedIdentifier>,
    pub(crate) buyer_accounting_reference: Option<String>,
    pub(crate) payment_terms: Option<String>,
    pub(crate) notes: Vec<ReceivedNote>,
    pub(crate) business_process: Option<String>,
    pub(crate) specification: Option<String>,
    pub(crate) preceding_invoices: Vec<ReceivedPrecedingInvoice>,
    pub(crate) seller: ReceivedParty,
    pub(crate) buyer: ReceivedParty,
    pub(crate) payee: Option<ReceivedPayee>,
    pub(crate) tax_representative: Option<ReceivedTaxRepresentative>,
    pub(crate) delivery: Option<ReceivedDelivery>,
    pub(crate) invoicing_period: Option<ReceivedPeriod>,
    pub(crate) payment_means: Vec<ReceivedPaymentMeans>,
    pub(crate) allowances_charges: Vec<ReceivedAllowanceCharge>,
    pub(crate) totals: ReceivedTotals,
    pub(crate) vat_breakdown: Vec<ReceivedVatBreakdown>,
    pub(crate) supporting_documents: Vec<ReceivedSupportingDocument>,
    pub(crate) lines: Vec<ReceivedInvoiceLine>,
    pub(crate) findings: Vec<ReceivedFinding>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`ReceivedInvoice`], restored through the reader's checks.
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReceivedInvoiceRecord {
    kind: ReceivedInvoiceKind,
    number: String,
    issue_date: NaiveDate,
    type_code: Option<String>,
    currency: CurrencyCode,
    vat_accounting_currency: Option<CurrencyCode>,
    tax_point_date: Option<NaiveDate>,
    tax_point_date_code: Option<String>,
    due_date: Option<NaiveDate>,
    buyer_reference: Option<String>,
    project_reference: Option<String>,
    contract_reference: Option<String>,
    purchase_order_reference: Option<String>,
    sales_order_reference: Option<String>,
    receiving_advice_reference: Option<String>,
    despatch_advice_reference: Option<String>,
    tender_or_lot_reference: Option<String>,
    invoiced_object: Option<ReceivedIdentifier>,
    buyer_accounting_reference: Option<String>,
    payment_terms: Option<String>,
    notes: Vec<ReceivedNote>,
    business_process: Option<String>,
    specification: Option<String>,
    preceding_invoices: Vec<ReceivedPrecedingInvoice>,
    seller: ReceivedParty,
    buyer: ReceivedParty,
    payee: Option<ReceivedPayee>,
    tax_representative: Option<ReceivedTaxRepresentative>,
    delivery: Option<ReceivedDelivery>,
    invoicing_period: Option<ReceivedPeriod>,
    payment_means: Vec<ReceivedPaymentMeans>,
    allowances_charges: Vec<ReceivedAllowanceCharge>,
    totals: ReceivedTotals,
    vat_breakdown: Vec<ReceivedVatBreakdown>,
    supporting_documents: Vec<ReceivedSupportingDocument>,
    lines: Vec<ReceivedInvoiceLine>,
    /// Rebuilt from the data on restore.
    #[cfg_attr(feature = "serde", serde(default, rename = "findings"))]
    _findings: serde::de::IgnoredAny,
}

#[cfg(feature = "serde")]
impl TryFrom<ReceivedInvoiceRecord> for ReceivedInvoice {
    type Error = apkalpe_core::RestoreError;

    fn try_from(record: ReceivedInvoiceRecord) -> Result<Self, Self::Error> {
        let mut invoice = ReceivedInvoice {
            kind: record.kind,
            number: record.number,
            issue_date: record.issue_date,
            type_code: record.type_code,
            currency: record.currency,
            vat_accounting_currency: record.vat_accounting_currency,
            tax_point_date: record.tax_point_date,
            tax_point_date_code: record.tax_point_date_code,
            due_date: record.due_date,
            buyer_reference: record.buyer_reference,
            project_reference: record.project_reference,
            contract_reference: record.contract_reference,
            purchase_order_reference: record.purchase_order_reference,
            sales_order_reference: record.sales_order_reference,
            receiving_advice_reference: record.receiving_advice_reference,
            despatch_advice_reference: record.despatch_advice_reference,
            tender_or_lot_reference: record.tender_or_lot_reference,
            invoiced_object: record.invoiced_object,
            buyer_accounting_reference: record.buyer_accounting_reference,
            payment_terms: record.payment_terms,
            notes: record.notes,
            business_process: record.business_process,
            specification: record.specification,
            preceding_invoices: record.preceding_invoices,
            seller: record.seller,
            buyer: record.buyer,
            payee: record.payee,
            tax_representative: record.tax_representative,
            delivery: record.delivery,
            invoicing_period: record.invoicing_period,
            payment_means: record.payment_means,
            allowances_charges: record.allowances_charges,
            totals: record.totals,
            vat_breakdown: record.vat_breakdown,
            supporting_documents: record.supporting_documents,
            lines: record.lines,
            findings: Vec::new(),
        };
        if invoice.number.trim().is_empty() {
            return Err(apkalpe_core::RestoreError::missing(
                "ReceivedInvoice",
                "number",
                "the invoice number (BT-1) is empty",
            )
            .with_latvian_reason("rēķina numurs (BT-1) ir tukšs"));
        }
        if invoice.lines.is_empty() {
            return Err(apkalpe_core::RestoreError::missing(
                "ReceivedInvoice",
                "lines",
                "a received invoice has at least one line (BG-25)",
            )
            .with_latvian_reason("saņemtajā rēķinā ir vismaz viena rinda (BG-25)"));
        }
        invoice.findings = super::rules::check(&invoice).map_err(|error| {
            apkalpe_core::RestoreError::invalid(
                "ReceivedInvoice",
                super::rules::field_of(&error),
                error,
            )
        })?;
        Ok(invoice)
    }
}

impl ReceivedInvoice {
    /// Returns whether it was a UBL `Invoice` or `CreditNote`.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// use apkalpe_accounting::ReceivedInvoiceKind;
    /// assert_eq!(received.kind(), ReceivedInvoiceKind::Invoice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> ReceivedInvoiceKind {
        self.kind
    }

    /// Returns the number (BT-1), as the sender wrote it.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.number(), "INV2026-00001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the issue date (BT-2).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.issue_date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the type code (BT-3), UNTDID 1001: 380 commercial invoice, 381 credit note,
    /// 384 corrected invoice, 386 prepayment invoice, 389 self-billed invoice…
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.type_code(), Some("380"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn type_code(&self) -> Option<&str> {
        self.type_code.as_deref()
    }

    /// Returns the document currency (BT-5).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.currency().as_str(), "EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn currency(&self) -> CurrencyCode {
        self.currency
    }

    /// Returns the VAT accounting currency (BT-6), when VAT is also stated in it (BT-111).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// // VAT stated in the document currency only.
    /// assert_eq!(received.vat_accounting_currency(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_accounting_currency(&self) -> Option<CurrencyCode> {
        self.vat_accounting_currency
    }

    /// Returns the VAT point date (BT-7).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.tax_point_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_point_date(&self) -> Option<NaiveDate> {
        self.tax_point_date
    }

    /// Returns the VAT point date code (BT-8), UNTDID 2005.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.tax_point_date_code(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tax_point_date_code(&self) -> Option<&str> {
        self.tax_point_date_code.as_deref()
    }

    /// Returns the due date (BT-9).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.due_date(), NaiveDate::from_ymd_opt(2026, 3, 16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn due_date(&self) -> Option<NaiveDate> {
        self.due_date
    }

    /// Returns the buyer reference (BT-10).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// // Peppol needs a buyer reference: our writer states the invoice number when none is given.
    /// assert_eq!(received.buyer_reference(), Some("INV2026-00001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buyer_reference(&self) -> Option<&str> {
        self.buyer_reference.as_deref()
    }

    /// Returns the project reference (BT-11).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.project_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn project_reference(&self) -> Option<&str> {
        self.project_reference.as_deref()
    }

    /// Returns the contract reference (BT-12).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.contract_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contract_reference(&self) -> Option<&str> {
        self.contract_reference.as_deref()
    }

    /// Returns the purchase order reference (BT-13).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.purchase_order_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn purchase_order_reference(&self) -> Option<&str> {
        self.purchase_order_reference.as_deref()
    }

    /// Returns the sales order reference (BT-14).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.sales_order_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sales_order_reference(&self) -> Option<&str> {
        self.sales_order_reference.as_deref()
    }

    /// Returns the receiving advice reference (BT-15).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.receiving_advice_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn receiving_advice_reference(&self) -> Option<&str> {
        self.receiving_advice_reference.as_deref()
    }

    /// Returns the despatch advice reference (BT-16).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.despatch_advice_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn despatch_advice_reference(&self) -> Option<&str> {
        self.despatch_advice_reference.as_deref()
    }

    /// Returns the tender or lot reference (BT-17).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.tender_or_lot_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tender_or_lot_reference(&self) -> Option<&str> {
        self.tender_or_lot_reference.as_deref()
    }

    /// Returns the invoiced object identifier (BT-18).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.invoiced_object().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn invoiced_object(&self) -> Option<&ReceivedIdentifier> {
        self.invoiced_object.as_ref()
    }

    /// Returns the buyer accounting reference (BT-19).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.buyer_accounting_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buyer_accounting_reference(&self) -> Option<&str> {
        self.buyer_accounting_reference.as_deref()
    }

    /// Returns the payment terms (BT-20).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.payment_terms(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_terms(&self) -> Option<&str> {
        self.payment_terms.as_deref()
    }

    /// Returns the notes (BG-1).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.notes().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn notes(&self) -> &[ReceivedNote] {
        &self.notes
    }

    /// Returns the business process (BT-23).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.business_process(), Some("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_process(&self) -> Option<&str> {
        self.business_process.as_deref()
    }

    /// Returns the specification identifier (BT-24), such as Peppol BIS Billing 3.0's.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.specification().is_some_and(|id| id.contains("peppol")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn specification(&self) -> Option<&str> {
        self.specification.as_deref()
    }

    /// Tells whether the document claims Peppol BIS Billing 3.0 (its BT-24 names it), so
    /// Peppol's calculation rules apply to it as well.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.is_peppol());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_peppol(&self) -> bool {
        self.specification.as_deref().is_some_and(|specification| {
            specification.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0")
        })
    }

    /// Returns the preceding invoices (BG-3).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.preceding_invoices().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn preceding_invoices(&self) -> &[ReceivedPrecedingInvoice] {
        &self.preceding_invoices
    }

    /// Returns the seller (BG-4).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.seller().name(), Some("SIA Apkalpe"));
    /// assert_eq!(received.seller().vat_id(), Some("LV40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn seller(&self) -> &ReceivedParty {
        &self.seller
    }

    /// Returns the buyer (BG-7).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.buyer().name(), Some("SIA Klients"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn buyer(&self) -> &ReceivedParty {
        &self.buyer
    }

    /// Returns the payee (BG-10).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.payee().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn payee(&self) -> Option<&ReceivedPayee> {
        self.payee.as_ref()
    }

    /// Returns the seller's tax representative (BG-11).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.tax_representative().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_representative(&self) -> Option<&ReceivedTaxRepresentative> {
        self.tax_representative.as_ref()
    }

    /// Returns the delivery information (BG-13).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.delivery().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn delivery(&self) -> Option<&ReceivedDelivery> {
        self.delivery.as_ref()
    }

    /// Returns the invoicing period (BG-14).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.invoicing_period().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn invoicing_period(&self) -> Option<ReceivedPeriod> {
        self.invoicing_period
    }

    /// Returns the payment instructions (BG-16), one per UBL `PaymentMeans`.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.payment_means()[0].code(), "30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_means(&self) -> &[ReceivedPaymentMeans] {
        &self.payment_means
    }

    /// Returns the document level allowances and charges (BG-20, BG-21).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.allowances_charges().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allowances_charges(&self) -> &[ReceivedAllowanceCharge] {
        &self.allowances_charges
    }

    /// Returns the totals (BG-22), as stated and checked.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.totals().amount_due().amount(), dec!(217.56));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn totals(&self) -> &ReceivedTotals {
        &self.totals
    }

    /// Returns the VAT breakdown (BG-23).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.vat_breakdown()[0].vat_amount().amount(), dec!(37.76));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_breakdown(&self) -> &[ReceivedVatBreakdown] {
        &self.vat_breakdown
    }

    /// Returns the supporting documents (BG-24).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert!(received.supporting_documents().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn supporting_documents(&self) -> &[ReceivedSupportingDocument] {
        &self.supporting_documents
    }

    /// Returns the lines (BG-25).
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// assert_eq!(received.lines()[0].net_amount().amount(), dec!(179.80));
    /// assert_eq!(received.lines()[0].quantity(), Some(dec!(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ReceivedInvoiceLine] {
        &self.lines
    }

    /// Returns the findings: what our policy or Latvian law would not accept when issuing,
    /// and EN 16931 rules other than the calculation ones that the document breaks.
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
    /// # let received = apkalpe_accounting::read_received_invoice(&apkalpe_accounting::write_ubl_invoice(&invoice)?)?;
    /// # let _ = &received;
    /// // Our own invoice breaks no rule.
    /// assert!(received.findings().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn findings(&self) -> &[ReceivedFinding] {
        &self.findings
    }
}

mod codes;
mod lines;
#[cfg(feature = "serde")]
pub(crate) use codes::decimal_text;
mod parties;
mod payment;

pub use codes::{
    CurrencyCode, ParseCurrencyCodeError, ParseReceivedVatCategoryError, ReceivedInvoiceKind,
    ReceivedVatCategory, StatedAmount,
};
pub use lines::{
    ReceivedAttachment, ReceivedClassification, ReceivedInvoiceLine, ReceivedItem,
    ReceivedItemAttribute, ReceivedNote, ReceivedPrecedingInvoice, ReceivedPrice,
    ReceivedSupportingDocument,
};
pub use parties::{
    ReceivedAddress, ReceivedContact, ReceivedDelivery, ReceivedIdentifier, ReceivedParty,
    ReceivedPayee, ReceivedPeriod, ReceivedTaxRepresentative,
};
pub use payment::{
    AllowanceChargeKind, ReceivedAccount, ReceivedAllowanceCharge, ReceivedCard,
    ReceivedDirectDebit, ReceivedPaymentMeans, ReceivedTotals, ReceivedVatBreakdown,
};
