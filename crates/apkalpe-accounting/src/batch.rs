//! Accounting batches (*dokumentu pakete grāmatvedībai*): the primary documents of a period,
//! a completeness check and journal lines as CSV for accounting software.

use std::collections::{BTreeSet, HashMap, HashSet};

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{DocumentNumber, Money, VoidedNumber};
use chrono::NaiveDate;

use crate::cash::{CashBook, CashDirection, CashOrder};
use crate::credit_note::IssuedCreditNote;
use crate::document::DocumentKind;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, ValidationReport};
use crate::invoice::IssuedInvoice;

/// One primary document in a batch, as the accounting software needs it: kind, number (with
/// its series and sequence), date, counterparty and amounts.
///
/// Built from an issued document with `From`, or with [`BatchEntry::new`] for other kinds.
///
/// # Saved form
///
/// `{"kind", "number", "date", "counterparty", "net", "vat", "gross", "credits",
/// "direction"}`, the number as core writes it. It deserialises through the checks of its
/// constructors: a well-formed number, `gross = net + vat` in one currency, `credits` (the
/// credited invoice's number) only on a credit note, `direction` only on a cash order of
/// that direction.
///
/// # Examples
///
/// See [`AccountingBatch`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "BatchEntryRecord"))]
pub struct BatchEntry {
    kind: DocumentKind,
    number: DocumentNumber,
    date: NaiveDate,
    counterparty: String,
    net: Money,
    vat: Money,
    gross: Money,
    credits: Option<String>,
    direction: Option<CashDirection>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`BatchEntry`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct BatchEntryRecord {
    kind: DocumentKind,
    number: NumberRecord,
    date: NaiveDate,
    counterparty: String,
    net: Money,
    vat: Money,
    gross: Money,
    credits: Option<String>,
    direction: Option<CashDirection>,
}

#[cfg(feature = "serde")]
impl TryFrom<BatchEntryRecord> for BatchEntry {
    type Error = RestoreError;

    fn try_from(record: BatchEntryRecord) -> Result<Self, Self::Error> {
        BatchEntry::restore(record, "BatchEntry")
    }
}

impl BatchEntry {
    #[cfg(feature = "serde")]
    /// Restores a saved entry for `what` (the value holding it).
    fn restore(record: BatchEntryRecord, what: &'static str) -> Result<Self, RestoreError> {
        let number = record
            .number
            .restore(what)
            .map_err(|error| error.within("number"))?;
        let gross = record
            .net
            .checked_add(record.vat)
            .map_err(|error| RestoreError::invalid(what, "vat", error))?;
        if gross != record.gross {
            return Err(RestoreError::inconsistent(
                what,
                "gross",
                format_args!(
                    "saved {}, net {} and vat {} give {gross}",
                    record.gross, record.net, record.vat
                ),
            )
            .with_latvian_reason(format_args!(
                "saglabāts {}, bet summa bez PVN {} un PVN {} kopā ir {gross}",
                record.gross, record.net, record.vat
            )));
        }
        let credits = match record.credits {
            Some(_) if record.kind != DocumentKind::CreditNote => {
                return Err(RestoreError::inconsistent(
                    what,
                    "credits",
                    format_args!(
                        "only a credit note credits an invoice, this is {}",
                        record.kind
                    ),
                )
                .with_latvian_reason(format_args!(
                    "rēķinu kreditē tikai kredītrēķins, bet šis ir {}",
                    record.kind
                )));
            }
            Some(credits) => Some(saved::text(what, "credits", &credits, "invoice number")?),
            None => None,
        };
        if let Some(direction) = record.direction
            && direction.document_kind() != record.kind
        {
            return Err(RestoreError::inconsistent(
                what,
                "direction",
                format_args!(
                    "only a {} has this direction, this is {}",
                    direction.document_kind(),
                    record.kind
                ),
            )
            .with_latvian_reason(format_args!(
                "šāds virziens ir tikai dokumentam {}, bet šis ir {}",
                direction.document_kind(),
                record.kind
            )));
        }
        Ok(BatchEntry {
            kind: record.kind,
            number,
            date: record.date,
            counterparty: record.counterparty,
            net: record.net,
            vat: record.vat,
            gross,
            credits,
            direction: record.direction,
        })
    }

    /// Creates an entry for any numbered document (a waybill, an act…): `gross = net + vat`.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the currencies differ or the sum overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(3)?)?, day(3)?, "SIA Klients", eur(dec!(50)), eur(dec!(10.50)))?;
    /// assert_eq!(entry.gross(), eur(dec!(60.50)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        kind: DocumentKind,
        number: DocumentNumber,
        date: NaiveDate,
        counterparty: &str,
        net: Money,
        vat: Money,
    ) -> Result<Self, AccountingError> {
        Ok(BatchEntry {
            kind,
            number,
            date,
            counterparty: counterparty.to_owned(),
            gross: net.checked_add(vat)?,
            net,
            vat,
            credits: None,
            direction: None,
        })
    }

    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.kind(), DocumentKind::Waybill);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Returns the number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.number().as_str(), "PP2026-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.date(), day(2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the counterparty's name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.counterparty(), "SIA Klients");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counterparty(&self) -> &str {
        &self.counterparty
    }

    /// Returns the amount without VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.net(), eur(dec!(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn net(&self) -> Money {
        self.net
    }

    /// Returns the VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.vat(), eur(dec!(21)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat(&self) -> Money {
        self.vat
    }

    /// Returns the amount with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(entry.gross(), eur(dec!(121)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn gross(&self) -> Money {
        self.gross
    }

    /// Returns the number of the invoice a credit note credits.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// // Only a credit note credits an invoice.
    /// assert_eq!(entry.credits(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn credits(&self) -> Option<&str> {
        self.credits.as_deref()
    }
}

impl From<&IssuedInvoice> for BatchEntry {
    fn from(invoice: &IssuedInvoice) -> Self {
        let totals = invoice.totals();
        BatchEntry {
            kind: invoice.document_kind(),
            number: invoice.number().clone(),
            date: invoice.issue_date(),
            counterparty: invoice.content().buyer().name().to_owned(),
            net: totals.tax_exclusive(),
            vat: totals.vat_total(),
            gross: totals.tax_inclusive(),
            credits: None,
            direction: None,
        }
    }
}

impl From<&IssuedCreditNote> for BatchEntry {
    fn from(note: &IssuedCreditNote) -> Self {
        let totals = note.totals();
        BatchEntry {
            kind: DocumentKind::CreditNote,
            number: note.number().clone(),
            date: note.issue_date(),
            counterparty: note.content().buyer().name().to_owned(),
            net: totals.tax_exclusive(),
            vat: totals.vat_total(),
            gross: totals.tax_inclusive(),
            credits: Some(note.original().number().to_owned()),
            direction: None,
        }
    }
}

impl From<&CashOrder> for BatchEntry {
    fn from(order: &CashOrder) -> Self {
        BatchEntry {
            kind: order.direction().document_kind(),
            number: order.number().clone(),
            date: order.date(),
            counterparty: order.counterparty().name().unwrap_or_default().to_owned(),
            net: order.amount(),
            vat: Money::zero(order.amount().currency()),
            gross: order.amount(),
            credits: None,
            direction: Some(order.direction()),
        }
    }
}

/// The account codes journal lines are posted to. The defaults follow the usual Latvian
/// chart of accounts; every code can be changed.
///
/// | document | debit | credit | VAT |
/// |---|---|---|---|
/// | invoice, simplified invoice | receivables `2310` | revenue `6110` | output VAT `5721` |
/// | advance invoice | receivables `2310` | advances received `5200` | output VAT `5721` |
/// | credit note | revenue `6110` | receivables `2310` | output VAT `5721` |
/// | KIO | cash `2610` | receivables `2310` | — |
/// | KIzO | payables `5310` | cash `2610` | — |
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::AccountMapping;
///
/// let mapping = AccountMapping::default().with_revenue("6111");
/// assert_eq!(mapping.revenue(), "6111");
/// assert_eq!(mapping.cash(), "2610");
/// ```
///
/// Saved as `{"receivables", "revenue", "advances_received", "output_vat", "cash",
/// "payables"}`: any account codes, as the setters take them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct AccountMapping {
    receivables: String,
    revenue: String,
    advances_received: String,
    output_vat: String,
    cash: String,
    payables: String,
}

impl Default for AccountMapping {
    fn default() -> Self {
        AccountMapping {
            receivables: "2310".to_owned(),
            revenue: "6110".to_owned(),
            advances_received: "5200".to_owned(),
            output_vat: "5721".to_owned(),
            cash: "2610".to_owned(),
            payables: "5310".to_owned(),
        }
    }
}

macro_rules! account {
    ($field:ident, $with:ident, $what:literal) => {
        #[doc = concat!("Returns the account of ", $what, ".")]
        pub fn $field(&self) -> &str {
            &self.$field
        }

        #[doc = concat!("Returns the mapping with another account of ", $what, ".")]
        #[must_use]
        pub fn $with(mut self, code: &str) -> Self {
            self.$field = code.to_owned();
            self
        }
    };
}

impl AccountMapping {
    account!(receivables, with_receivables, "receivables from buyers");
    account!(revenue, with_revenue, "revenue");
    account!(
        advances_received,
        with_advances_received,
        "advances received"
    );
    account!(output_vat, with_output_vat, "output VAT");
    account!(cash, with_cash, "the cash desk");
    account!(payables, with_payables, "payables for cash paid out");

    #[cfg(feature = "csv")]
    /// Returns (debit, credit, VAT account) for a document kind, `None` for kinds that are
    /// not posted (orders, waybills, acts, receipt notes).
    fn accounts(&self, kind: DocumentKind) -> Option<(&str, &str, &str)> {
        match kind {
            DocumentKind::Invoice | DocumentKind::SimplifiedInvoice => {
                Some((&self.receivables, &self.revenue, &self.output_vat))
            }
            DocumentKind::AdvanceInvoice => {
                Some((&self.receivables, &self.advances_received, &self.output_vat))
            }
            DocumentKind::CreditNote => Some((&self.revenue, &self.receivables, &self.output_vat)),
            DocumentKind::CashReceiptOrder => Some((&self.cash, &self.receivables, "")),
            DocumentKind::CashDisbursementOrder => Some((&self.payables, &self.cash, "")),
            _ => None,
        }
    }
}

/// The primary documents of a period, gathered for accounting (T4.7), with a completeness
/// check and a journal export (T4.8).
///
/// The completeness check ([`AccountingBatch::check`]) reports, each with a stable code:
///
/// | code | when |
/// |---|---|
/// | `batch.outside_period` | a document dated outside the period |
/// | `batch.duplicate_number` | the same number twice |
/// | `batch.number_gap` | numbers missing between the first and last of a series and year, not voided |
/// | `batch.credit_note_without_original` | a credit note whose invoice is neither in the batch nor known from earlier |
/// | `batch.cash_order_not_in_book` | a cash order missing from the cash book, or with another amount |
/// | `batch.cash_book_entry_without_order` | a cash book entry of the period whose order is not in the batch |
///
/// Serves: T4.7, T4.8, S29.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{AccountingBatch, AccountMapping, BatchEntry, DocumentKind};
/// use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
/// let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
/// let eur = |a| Money::new(a, Currency::EUR);
/// for sequence in 1..=3 {
///     let number = series.issue(day(2)?)?;
///     if sequence != 2 {
///         batch.add(BatchEntry::new(DocumentKind::Invoice, number, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?);
///     }
/// }
/// let report = batch.check(None);
/// assert_eq!(report.codes(), ["batch.number_gap"]);
///
/// let csv = batch.journal_csv(&AccountMapping::default())?;
/// assert!(csv.starts_with("date,kind,number,counterparty,debit_account,credit_account,vat_account,net,vat,gross,currency\n"));
/// assert!(csv.contains("2026-03-02,invoice,INV2026-00001,SIA Klients,2310,6110,5721,100.00,21.00,121.00,EUR\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"from", "to", "entries", "voided", "earlier_invoices"}`: the period, the
/// [`BatchEntry`]s in the order added, the voided numbers as core writes them, and the
/// earlier invoices' numbers, sorted. It deserialises through the checks of
/// [`AccountingBatch::try_new`] and of each entry, as [`AccountingBatch::add`] takes it (an
/// entry outside the period or a gap is a finding of [`AccountingBatch::check`], not a
/// refusal); an earlier invoice listed twice is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AccountingBatchRecord"))]
pub struct AccountingBatch {
    from: NaiveDate,
    to: NaiveDate,
    entries: Vec<BatchEntry>,
    voided: Vec<DocumentNumber>,
    earlier_invoices: BTreeSet<String>,
}

#[cfg(feature = "serde")]
/// The saved form of an [`AccountingBatch`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AccountingBatchRecord {
    from: NaiveDate,
    to: NaiveDate,
    entries: Vec<BatchEntryRecord>,
    voided: Vec<NumberRecord>,
    earlier_invoices: Vec<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<AccountingBatchRecord> for AccountingBatch {
    type Error = RestoreError;

    fn try_from(record: AccountingBatchRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AccountingBatch";
        let mut batch = AccountingBatch::try_new(record.from, record.to).map_err(|error| {
            match error.findings().first() {
                Some(finding) => RestoreError::invalid(WHAT, "to", finding.clone()),
                None => RestoreError::invalid(WHAT, "to", error),
            }
        })?;
        batch.entries.reserve(record.entries.len());
        for (index, entry) in record.entries.into_iter().enumerate() {
            let entry = BatchEntry::restore(entry, WHAT)
                .map_err(|error| error.within(format_args!("entries[{index}]")))?;
            batch.add(entry);
        }
        for (index, number) in record.voided.into_iter().enumerate() {
            let number = number
                .restore(WHAT)
                .map_err(|error| error.within(format_args!("voided[{index}]")))?;
            batch.voided.push(number);
        }
        for (index, number) in record.earlier_invoices.into_iter().enumerate() {
            if batch.earlier_invoices.contains(&number) {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("earlier_invoices[{index}]"),
                    &number,
                ));
            }
            batch.earlier_invoices.insert(number);
        }
        Ok(batch)
    }
}

impl AccountingBatch {
    /// Creates an empty batch for the period `from..=to`.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Invalid`] with `batch.period` when `from` is after `to`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(batch.from(), day(1)?);
    /// assert!(AccountingBatch::try_new(day(31)?, day(1)?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(from: NaiveDate, to: NaiveDate) -> Result<Self, AccountingError> {
        if from > to {
            let mut report = ValidationReport::default();
            report.add(
                "from",
                "batch.period",
                format!("the period starts {from}, after its end {to}"),
                format!("periods sākas {from}, pēc tā beigām {to}"),
            );
            return Err(AccountingError::Invalid(report));
        }
        Ok(AccountingBatch {
            from,
            to,
            entries: Vec::new(),
            voided: Vec::new(),
            earlier_invoices: BTreeSet::new(),
        })
    }

    /// Adds a document.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// batch.add(BatchEntry::new(DocumentKind::Waybill, series.issue(day(3)?)?, day(3)?, "SIA Klients", eur(dec!(1)), eur(dec!(0)))?);
    /// assert_eq!(batch.entries().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, entry: BatchEntry) {
        self.entries.push(entry);
    }

    /// Records a voided number, so that it is not reported as a gap.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// let skipped = series.issue(day(3)?)?;
    /// let voided = series.void(&skipped, "sabojāta veidlapa")?.clone();
    /// batch.add(BatchEntry::new(DocumentKind::Waybill, series.issue(day(4)?)?, day(4)?, "SIA Klients", eur(dec!(1)), eur(dec!(0)))?);
    /// assert_eq!(batch.check(None).codes(), ["batch.number_gap"]);
    /// batch.add_voided(&voided);
    /// assert!(batch.check(None).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_voided(&mut self, voided: &VoidedNumber) {
        self.voided.push(voided.number().clone());
    }

    /// Records the number of an invoice from an earlier period that credit notes of this
    /// batch may credit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// batch.add_earlier_invoice("INV2026-00007");
    /// assert!(batch.check(None).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_earlier_invoice(&mut self, number: &str) {
        self.earlier_invoices.insert(number.to_owned());
    }

    /// Returns the documents in the order added.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(batch.entries(), [entry]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entries(&self) -> &[BatchEntry] {
        &self.entries
    }

    /// Returns the first day of the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(batch.from(), day(1)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// Returns the last day of the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert_eq!(batch.to(), day(31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn to(&self) -> NaiveDate {
        self.to
    }

    /// Checks the batch for completeness; `cash_book` (when given) is reconciled with the
    /// cash orders. Returns every finding (codes on [`AccountingBatch`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{AccountingBatch, BatchEntry, DocumentKind};
    /// # use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).ok_or("bad date");
    /// # let eur = |a| Money::new(a, Currency::EUR);
    /// # let mut series = NumberSeries::try_new("waybills", "PP{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let entry = BatchEntry::new(DocumentKind::Waybill, series.issue(day(2)?)?, day(2)?, "SIA Klients", eur(dec!(100)), eur(dec!(21)))?;
    /// # let mut batch = AccountingBatch::try_new(day(1)?, day(31)?)?;
    /// # batch.add(entry.clone());
    /// # let _ = (&entry, &batch, &series);
    /// assert!(batch.check(None).is_empty());
    /// batch.add(entry.clone());
    /// assert_eq!(batch.check(None).codes(), ["batch.duplicate_number"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, cash_book: Option<&CashBook>) -> ValidationReport {
        let mut report = ValidationReport::default();
        let mut by_series: HashMap<(&str, i32), Vec<u32>> = HashMap::new();
        let mut invoices: HashSet<&str> = HashSet::with_capacity(self.entries.len());
        for entry in &self.entries {
            if entry.date < self.from || entry.date > self.to {
                report.add(
                    entry.number.as_str(),
                    "batch.outside_period",
                    format!("dated {}, outside {}–{}", entry.date, self.from, self.to),
                    format!(
                        "datēts {}, ārpus perioda {}–{}",
                        entry.date, self.from, self.to
                    ),
                );
            }
            by_series
                .entry((entry.number.series_id(), entry.number.year()))
                .or_default()
                .push(entry.number.sequence());
            if matches!(
                entry.kind,
                DocumentKind::Invoice
                    | DocumentKind::SimplifiedInvoice
                    | DocumentKind::AdvanceInvoice
            ) {
                invoices.insert(entry.number.as_str());
            }
        }
        let mut voided: HashMap<(&str, i32), HashSet<u32>> = HashMap::new();
        for number in &self.voided {
            voided
                .entry((number.series_id(), number.year()))
                .or_default()
                .insert(number.sequence());
        }
        let mut keys: Vec<(&str, i32)> = by_series.keys().copied().collect();
        keys.sort_unstable();
        for key in keys {
            let Some(sequences) = by_series.get_mut(&key) else {
                continue;
            };
            let mut all: Vec<u32> = sequences.clone();
            all.sort_unstable();
            if let Some(spoilt) = voided.get(&key) {
                // A voided number fills its place in the sequence; it is not a duplicate.
                let mut extra: Vec<u32> = spoilt
                    .iter()
                    .copied()
                    .filter(|s| all.binary_search(s).is_err())
                    .collect();
                all.append(&mut extra);
                all.sort_unstable();
            }
            let mut previous: Option<u32> = None;
            let mut reported_duplicate: Option<u32> = None;
            for sequence in all {
                match previous {
                    Some(last) if last == sequence && reported_duplicate != Some(sequence) => {
                        report.add(
                            key.0,
                            "batch.duplicate_number",
                            format!(
                                "series {} {} has sequence {sequence} more than once",
                                key.0, key.1
                            ),
                            format!(
                                "sērijā {} {} kārtas numurs {sequence} ir vairāk nekā vienu reizi",
                                key.0, key.1
                            ),
                        );
                        reported_duplicate = Some(sequence);
                    }
                    Some(last) if sequence > last.saturating_add(1) => report.add(
                        key.0,
                        "batch.number_gap",
                        format!(
                            "series {} {} misses sequences {}–{}",
                            key.0,
                            key.1,
                            last.saturating_add(1),
                            sequence.saturating_sub(1)
                        ),
                        format!(
                            "sērijā {} {} trūkst kārtas numuru {}–{}",
                            key.0,
                            key.1,
                            last.saturating_add(1),
                            sequence.saturating_sub(1)
                        ),
                    ),
                    _ => {}
                }
                previous = Some(sequence);
            }
        }
        for entry in &self.entries {
            if let Some(original) = entry.credits.as_deref()
                && !invoices.contains(original)
                && !self.earlier_invoices.contains(original)
            {
                report.add(
                    entry.number.as_str(),
                    "batch.credit_note_without_original",
                    format!("credits invoice {original}, which is not in the batch"),
                    format!("kreditē rēķinu {original}, kura paketē nav"),
                );
            }
        }
        if let Some(book) = cash_book {
            let posted: HashMap<&str, (CashDirection, Money)> = book
                .entries()
                .iter()
                .map(|entry| (entry.number(), (entry.direction(), entry.amount())))
                .collect();
            let mut ordered: HashSet<&str> = HashSet::new();
            for entry in &self.entries {
                let Some(direction) = entry.direction else {
                    continue;
                };
                ordered.insert(entry.number.as_str());
                if posted.get(entry.number.as_str()) != Some(&(direction, entry.gross)) {
                    report.add(
                        entry.number.as_str(),
                        "batch.cash_order_not_in_book",
                        format!(
                            "cash order of {} is not in the cash book with that amount",
                            entry.gross
                        ),
                        format!(
                            "kases ordera par {} kases grāmatā ar šādu summu nav",
                            entry.gross
                        ),
                    );
                }
            }
            for entry in book.entries() {
                if entry.date() >= self.from
                    && entry.date() <= self.to
                    && !ordered.contains(entry.number())
                {
                    report.add(
                        entry.number(),
                        "batch.cash_book_entry_without_order",
                        "the cash book entry's order is not in the batch",
                        "kases grāmatas ieraksta ordera paketē nav",
                    );
                }
            }
        }
        report
    }

    #[cfg(feature = "csv")]
    /// Writes the journal lines as CSV (comma-separated, header row, UTF-8), one row per
    /// posted document in date then number order. The columns are stable:
    ///
    /// `date,kind,number,counterparty,debit_account,credit_account,vat_account,net,vat,gross,currency`
    ///
    /// Dates ISO 8601; `kind` the [`DocumentKind`] code; amounts with a decimal point and two
    /// decimals, positive (the accounts say the direction); `vat_account` empty for cash
    /// orders. Orders, waybills, acts and receipt notes are not posted.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Csv`] if the CSV writer fails (it writes to memory).
    pub fn journal_csv(&self, mapping: &AccountMapping) -> Result<String, AccountingError> {
        let mut rows: Vec<&BatchEntry> = self.entries.iter().collect();
        rows.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| a.number.as_str().cmp(b.number.as_str()))
        });
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let fail = |_| AccountingError::Csv {
            reason: "the record could not be written",
        };
        writer
            .write_record([
                "date",
                "kind",
                "number",
                "counterparty",
                "debit_account",
                "credit_account",
                "vat_account",
                "net",
                "vat",
                "gross",
                "currency",
            ])
            .map_err(fail)?;
        for entry in rows {
            let Some((debit, credit, vat_account)) = mapping.accounts(entry.kind) else {
                continue;
            };
            let date = entry.date.format("%Y-%m-%d").to_string();
            let [net, vat, gross] = [entry.net, entry.vat, entry.gross].map(|money| {
                let mut amount = money.amount();
                amount.rescale(2);
                amount.to_string()
            });
            writer
                .write_record([
                    date.as_str(),
                    entry.kind.code(),
                    entry.number.as_str(),
                    entry.counterparty.as_str(),
                    debit,
                    credit,
                    vat_account,
                    net.as_str(),
                    vat.as_str(),
                    gross.as_str(),
                    entry.gross.currency().code(),
                ])
                .map_err(fail)?;
        }
        let bytes = writer.into_inner().map_err(|_| AccountingError::Csv {
            reason: "the writer could not be flushed",
        })?;
        String::from_utf8(bytes).map_err(|_| AccountingError::Csv {
            reason: "the output is not utf-8",
        })
    }
}

#[cfg(test)]
mod tests {
    use apkalpe_core::{Language, LocalizedError};
    use serde_json::json;

    use super::*;

    /// A saved entry whose gross is a cent more than net and VAT give: the public
    /// `Deserialize` refuses it with the English reason, and the same refusal reads in
    /// Latvian with its Latvian reason.
    #[cfg(feature = "serde")]
    #[test]
    fn restore_reasons_are_written_in_latvian_too() {
        let eur = |amount: &str| json!({"amount": amount, "currency": "EUR"});
        let value = json!({
            "kind": "invoice",
            "number": {"series": "invoices", "year": 2026, "sequence": 1, "text": "INV2026-00001"},
            "date": "2026-03-02",
            "counterparty": "SIA Klients & Partneri",
            "net": eur("238.18"),
            "vat": eur("41.73"),
            "gross": eur("279.92"),
            "credits": null,
            "direction": null,
        });
        let public = serde_json::from_value::<BatchEntry>(value.clone())
            .unwrap_err()
            .to_string();
        let record: BatchEntryRecord = serde_json::from_value(value).unwrap();
        let error = BatchEntry::try_from(record).unwrap_err();
        assert_eq!(public, error.to_string());
        assert!(
            public.ends_with("saved 279.92 EUR, net 238.18 EUR and vat 41.73 EUR give 279.91 EUR")
        );
        let latvian = error.message_in(Language::Latvian);
        assert_eq!(
            latvian,
            "restore.inconsistent: nevar atjaunot BatchEntry: gross: saglabāts 279.92 EUR, bet \
             summa bez PVN 238.18 EUR un PVN 41.73 EUR kopā ir 279.91 EUR"
        );
        assert!(!latvian.contains("give"), "{latvian}");
    }
}
