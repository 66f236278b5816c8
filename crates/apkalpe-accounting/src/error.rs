//! The crate's errors: [`AccountingError`] at the root, narrower enums per area, and the
//! [`ValidationReport`] that lists every missing or malformed requisite at once.

use std::fmt;

use apkalpe_core::{
    HasCode, Language, MoneyError, NumberSeriesError, PartyError, RestoreError, VatError,
    WordsError,
};
#[cfg(feature = "serde")]
use serde::Deserialize;

#[cfg(feature = "serde")]
mod codes;
mod localized;

pub use localized::downcast_error;

/// One problem found in a document: where (`field`, a path such as `lines[2].quantity` or
/// `buyer.vat_number`), what (a stable dotted `code`) and a lower-case message in English
/// and, for every finding this crate makes, in Latvian (decision 0007).
///
/// Programs branch on [`Finding::code`]; the message is for people
/// ([`Finding::message_in`] gives it in the reader's language).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::Finding;
/// use apkalpe_core::Language;
///
/// let finding = Finding::new("seller.vat_number", "requisite.seller_vat_number", "a vat invoice needs the seller's vat number")
///     .with_latvian("PVN rēķinā jānorāda pārdevēja PVN numurs");
/// assert_eq!(finding.to_string(), "seller.vat_number: a vat invoice needs the seller's vat number [requisite.seller_vat_number]");
/// assert_eq!(finding.message_in(Language::Latvian), "PVN rēķinā jānorāda pārdevēja PVN numurs");
/// ```
///
/// # Saved form
///
/// `{"field", "code", "message", "message_lv"}`, `message_lv` (the Latvian message) left out
/// when the finding has none: a report saved before findings had Latvian messages restores
/// as it was, its findings reading in English in every language. A finding deserialises only
/// with a code that Apkalpe issues (this crate's finding and error codes and core's error
/// codes, which reach findings through [`InvoiceDraftInput`](crate::InvoiceDraftInput)); any
/// other code is refused with `restore.invalid`, since [`Finding::code`] hands out a
/// `&'static str`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    field: String,
    code: &'static str,
    message: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    message_lv: Option<String>,
}

impl Finding {
    /// Creates a finding.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// let finding = Finding::new("seller.vat_number", "requisite.seller_vat_number", "a vat invoice needs the seller's vat number");
    /// assert_eq!(finding.code(), "requisite.seller_vat_number");
    /// ```
    pub fn new(field: impl Into<String>, code: &'static str, message: impl fmt::Display) -> Self {
        Finding {
            field: field.into(),
            code,
            message: message.to_string(),
            message_lv: None,
        }
    }

    /// Returns the finding with its message in Latvian too: [`Finding::new`] takes the
    /// English message, and without this the finding reads in English in every language.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// use apkalpe_core::Language;
    ///
    /// let finding = Finding::new("lines", "requisite.lines_missing", "a document needs at least one line")
    ///     .with_latvian("dokumentā jābūt vismaz vienai rindai");
    /// assert_eq!(finding.message_in(Language::Latvian), "dokumentā jābūt vismaz vienai rindai");
    /// assert_eq!(finding.message(), "a document needs at least one line");
    /// ```
    pub fn with_latvian(mut self, message: impl fmt::Display) -> Self {
        self.message_lv = Some(message.to_string());
        self
    }

    #[cfg(feature = "serde")]
    /// Returns the same finding about another field (a finding of a part, moved under the
    /// whole).
    pub(crate) fn at(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    /// Returns the path of the field the finding is about.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// let finding = Finding::new("seller.vat_number", "requisite.seller_vat_number", "a vat invoice needs the seller's vat number");
    /// assert_eq!(finding.field(), "seller.vat_number");
    /// ```
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Returns the stable code (`requisite.seller_vat_number`, `line.negative_net`…).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// let finding = Finding::new("lines", "requisite.lines_missing", "a document needs at least one line");
    /// assert_eq!(finding.code(), "requisite.lines_missing");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Returns the message, lower case, without the field name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// let finding = Finding::new("seller.vat_number", "requisite.seller_vat_number", "a vat invoice needs the seller's vat number");
    /// assert_eq!(finding.message(), "a vat invoice needs the seller's vat number");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Returns the message in `language`, lower case, without the field name: the Latvian
    /// message in Latvian when the finding has one (see [`Finding::with_latvian`]), the
    /// English message otherwise and in the other languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Finding;
    /// use apkalpe_core::Language;
    ///
    /// let finding = Finding::new("lines", "requisite.lines_missing", "a document needs at least one line");
    /// assert_eq!(finding.message_in(Language::Latvian), "a document needs at least one line");
    /// let finding = finding.with_latvian("dokumentā jābūt vismaz vienai rindai");
    /// assert_eq!(finding.message_in(Language::Latvian), "dokumentā jābūt vismaz vienai rindai");
    /// assert_eq!(finding.message_in(Language::German), "a document needs at least one line");
    /// ```
    pub fn message_in(&self, language: Language) -> &str {
        match (language, &self.message_lv) {
            (Language::Latvian, Some(latvian)) => latvian,
            _ => &self.message,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.field, self.message, self.code)
    }
}

#[cfg(feature = "serde")]
/// The saved form of a [`Finding`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct FindingRecord {
    field: String,
    code: String,
    message: String,
    #[cfg_attr(feature = "serde", serde(default))]
    message_lv: Option<String>,
}

#[cfg(feature = "serde")]
// By hand: serde's derive would borrow the `&'static str` code from the input.
impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Finding::try_from(FindingRecord::deserialize(deserializer)?)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl TryFrom<FindingRecord> for Finding {
    type Error = RestoreError;

    fn try_from(record: FindingRecord) -> Result<Self, Self::Error> {
        let Some(code) = codes::known(&record.code) else {
            return Err(RestoreError::invalid_with(
                "Finding",
                "code",
                "finding.unknown_code",
                format_args!(
                    "{:?} is not a code Apkalpe issues",
                    codes::echo(&record.code)
                ),
            )
            .with_latvian_reason(format_args!(
                "{:?} nav kods, ko izmanto Apkalpe",
                codes::echo(&record.code)
            )));
        };
        Ok(Finding {
            field: record.field,
            code,
            message: record.message,
            message_lv: record.message_lv,
        })
    }
}

/// A finding is an error with a code: a restore refused by a requisite check names it.
impl HasCode for Finding {
    fn code(&self) -> &'static str {
        self.code
    }
}

/// Every problem found in a document at once: the result of a requisite check.
///
/// An empty report means the document may be issued. Findings keep the order in which the
/// checks ran: header, parties, lines, VAT, totals.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{Finding, ValidationReport};
///
/// let mut report = ValidationReport::default();
/// assert!(report.is_empty());
/// report.push(Finding::new("lines", "requisite.lines_missing", "a document needs at least one line"));
/// assert_eq!(report.codes(), ["requisite.lines_missing"]);
/// ```
///
/// # Saved form
///
/// A list of [`Finding`]s; it deserialises through each finding's check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ValidationReport {
    findings: Vec<Finding>,
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ValidationReport {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ValidationReport {
            findings: Vec::<Finding>::deserialize(deserializer)?,
        })
    }
}

impl ValidationReport {
    /// Adds a finding.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{Finding, ValidationReport};
    /// let mut report = ValidationReport::default();
    /// report.push(Finding::new("lines", "requisite.lines_missing", "a document needs at least one line"));
    /// assert_eq!(report.findings().len(), 1);
    /// ```
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Adds a finding made of its parts: its message in English and in Latvian.
    pub(crate) fn add(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        message: impl fmt::Display,
        latvian: impl fmt::Display,
    ) {
        self.findings
            .push(Finding::new(field, code, message).with_latvian(latvian));
    }

    /// Tells whether nothing was found.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{Finding, ValidationReport};
    /// let mut report = ValidationReport::default();
    /// assert!(report.is_empty());
    /// report.push(Finding::new("lines", "requisite.lines_missing", "a document needs at least one line"));
    /// assert!(!report.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// Returns the findings in the order the checks ran.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{Finding, ValidationReport};
    /// let mut report = ValidationReport::default();
    /// report.push(Finding::new("lines", "requisite.lines_missing", "a document needs at least one line"));
    /// assert_eq!(report.findings()[0].field(), "lines");
    /// ```
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Returns the codes of the findings, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{Finding, ValidationReport};
    /// let mut report = ValidationReport::default();
    /// report.push(Finding::new("lines", "requisite.lines_missing", "a document needs at least one line"));
    /// assert_eq!(report.codes(), ["requisite.lines_missing"]);
    /// ```
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(Finding::code).collect()
    }

    /// Turns a non-empty report into an error.
    pub(crate) fn into_result(self) -> Result<(), AccountingError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AccountingError::Invalid(self))
        }
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.findings.as_slice() {
            [] => f.write_str("no findings"),
            [only] => write!(f, "1 finding: {only}"),
            [first, rest @ ..] => write!(
                f,
                "{} findings, first {first}",
                rest.len().saturating_add(1)
            ),
        }
    }
}

/// The error of building a line, a quantity, a unit code, a VAT treatment, an allowance, a
/// rounding policy or an exchange rate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LineError {
    /// A quantity is zero, negative, or has more than 6 decimal places.
    #[error("quantity must be above zero with at most 6 decimal places, found {found}")]
    Quantity {
        /// The quantity given.
        found: rust_decimal::Decimal,
    },
    /// A quantity text is not a number.
    #[error("quantity {found:?} is not a number")]
    QuantityFormat {
        /// The text, cut to 16 characters.
        found: String,
    },
    /// A unit code is not 1–3 upper-case letters or digits (UN/ECE Recommendation 20).
    #[error("unit code must be 1 to 3 upper-case letters or digits, found {found:?}")]
    UnitCode {
        /// The text, cut to 8 characters.
        found: String,
    },
    /// A text field is blank, too long or has a control character.
    #[error("{field} must be 1 to {max} characters without control characters")]
    Text {
        /// Which text: `item name`, `reason`…
        field: &'static str,
        /// The longest allowed, in characters.
        max: usize,
    },
    /// A unit price is negative (EN 16931 BR-27).
    #[error("unit price cannot be negative, found {found}")]
    NegativePrice {
        /// The price given.
        found: rust_decimal::Decimal,
    },
    /// An allowance or charge amount is not above zero or has fractions of a cent.
    #[error("allowance or charge amount must be above zero in whole minor units, found {found}")]
    AllowanceAmount {
        /// The amount given.
        found: rust_decimal::Decimal,
    },
    /// The rate does not fit the VAT category: `S` needs a rate above zero, every other
    /// category 0 %.
    #[error("vat category {category} cannot have rate {rate}")]
    CategoryRate {
        /// The category code.
        category: &'static str,
        /// The rate.
        rate: apkalpe_core::VatRate,
    },
    /// The category is not used in Latvia (`L` Canary Islands, `M` Ceuta and Melilla).
    #[error("vat category {category} is not used for latvian supplies")]
    UnsupportedCategory {
        /// The category code.
        category: &'static str,
    },
    /// The rounding of the amount due is not to a whole number of cents.
    #[error("the amount due is rounded to whole cents (0.01, 0.05, 1.00…), not to {increment}")]
    PayableRounding {
        /// The increment given.
        increment: rust_decimal::Decimal,
    },
    /// An exchange rate is not above zero or has more than 6 decimal places.
    #[error("exchange rate must be above zero with at most 6 decimal places, found {found}")]
    ExchangeRate {
        /// The rate given.
        found: rust_decimal::Decimal,
    },
    /// An exchange rate of the euro against itself.
    #[error("an exchange rate is of a currency other than the euro")]
    ExchangeRateOfEuro,
}

impl LineError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{LineError, Quantity};
    /// let error: LineError = "-1".parse::<Quantity>().unwrap_err();
    /// assert_eq!(error.code(), "line.quantity");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            LineError::Quantity { .. } => "line.quantity",
            LineError::QuantityFormat { .. } => "line.quantity_format",
            LineError::UnitCode { .. } => "line.unit_code",
            LineError::Text { .. } => "line.text",
            LineError::NegativePrice { .. } => "line.negative_price",
            LineError::AllowanceAmount { .. } => "line.allowance_amount",
            LineError::CategoryRate { .. } => "vat.category_rate",
            LineError::UnsupportedCategory { .. } => "vat.unsupported_category",
            LineError::PayableRounding { .. } => "line.payable_rounding",
            LineError::ExchangeRate { .. } => "exchange_rate.value",
            LineError::ExchangeRateOfEuro => "exchange_rate.euro",
        }
    }
}

/// The error of issuing a credit note.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CreditNoteError {
    /// The credited line does not exist on the original invoice.
    #[error("invoice {invoice} has no line {line}")]
    NoSuchLine {
        /// The original invoice number.
        invoice: String,
        /// The line number asked for (from 1).
        line: usize,
    },
    /// More of a line would be credited than was invoiced.
    #[error("line {line} of invoice {invoice}: invoiced {invoiced}, credited {credited}")]
    LineExceeded {
        /// The original invoice number.
        invoice: String,
        /// The line number (from 1).
        line: usize,
        /// The quantity invoiced.
        invoiced: rust_decimal::Decimal,
        /// The quantity credited by this and earlier credit notes.
        credited: rust_decimal::Decimal,
    },
    /// The credit notes of an invoice would exceed its total with VAT.
    #[error("credit notes for invoice {invoice} would total {credited}, above its {invoiced}")]
    ExceedsInvoice {
        /// The original invoice number.
        invoice: String,
        /// The invoice's total with VAT.
        invoiced: rust_decimal::Decimal,
        /// The total with VAT of this and earlier credit notes.
        credited: rust_decimal::Decimal,
    },
    /// An earlier credit note given belongs to another invoice.
    #[error("credit note {credit_note} credits invoice {credits}, not {invoice}")]
    ForeignCreditNote {
        /// The earlier credit note's number.
        credit_note: String,
        /// The invoice it credits.
        credits: String,
        /// The invoice being credited now.
        invoice: String,
    },
    /// The credit note has no lines.
    #[error("a credit note needs at least one line")]
    Empty,
}

impl CreditNoteError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::CreditNoteError;
    /// assert_eq!(CreditNoteError::Empty.code(), "credit_note.empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CreditNoteError::NoSuchLine { .. } => "credit_note.no_such_line",
            CreditNoteError::LineExceeded { .. } => "credit_note.line_exceeded",
            CreditNoteError::ExceedsInvoice { .. } => "credit_note.exceeds_invoice",
            CreditNoteError::ForeignCreditNote { .. } => "credit_note.foreign_credit_note",
            CreditNoteError::Empty => "credit_note.empty",
        }
    }
}

/// The error of reading a UBL 2.1 invoice or credit note.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadUblError {
    /// The XML is not well formed.
    #[error("xml is not well formed at byte {position}")]
    Xml {
        /// The byte offset where the parser stopped.
        position: u64,
    },
    /// The XML nests deeper than the reader allows (64 levels).
    #[error("xml nests deeper than {max} levels")]
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// The root element is neither `Invoice` nor `CreditNote`.
    #[error("root element must be Invoice or CreditNote, found {found:?}")]
    Root {
        /// The local name found, cut to 32 characters.
        found: String,
    },
    /// A required element is missing.
    #[error("element {path} is missing")]
    Missing {
        /// The path of the element (`cac:AccountingSupplierParty/cac:Party`).
        path: &'static str,
    },
    /// An element's text could not be read as the value it holds.
    #[error("element {path} holds {found:?}, expected {expected}")]
    Value {
        /// The element's path.
        path: &'static str,
        /// What was expected: `a date`, `an amount`…
        expected: &'static str,
        /// The text, cut to 32 characters.
        found: String,
    },
    /// An amount in the document differs from the amount computed from its lines.
    #[error("{term} in the document is {stated}, computed {computed}")]
    TotalsMismatch {
        /// The business term: `BT-106`, `BT-110`…
        term: &'static str,
        /// The amount in the document.
        stated: rust_decimal::Decimal,
        /// The amount computed from the lines.
        computed: rust_decimal::Decimal,
    },
}

impl ReadUblError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::ReadUblError;
    /// assert_eq!(ReadUblError::TooDeep { max: 64 }.code(), "ubl.too_deep");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ReadUblError::Xml { .. } => "ubl.xml",
            ReadUblError::TooDeep { .. } => "ubl.too_deep",
            ReadUblError::Root { .. } => "ubl.root",
            ReadUblError::Missing { .. } => "ubl.missing",
            ReadUblError::Value { .. } => "ubl.value",
            ReadUblError::TotalsMismatch { .. } => "ubl.totals_mismatch",
        }
    }
}

/// The error of cash orders and the cash book.
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_payments::CashError` (the till's
/// cash drawer). Import this one as
/// [`prelude::AccountingCashError`](crate::prelude::AccountingCashError) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::CashError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CashError {
    /// A cash order was numbered from the other direction's series (KIO and KIzO are
    /// numbered separately).
    #[error("{direction} orders are numbered in series {expected}, not {found}")]
    WrongSeries {
        /// `receipt` or `disbursement`.
        direction: &'static str,
        /// The series the cash book expects.
        expected: String,
        /// The series given.
        found: String,
    },
    /// Both order series of a cash book are the same series.
    #[error("receipt and disbursement orders need separate series, both are {series}")]
    SharedSeries {
        /// The series id.
        series: String,
    },
    /// A disbursement would take the cash balance below zero.
    #[error("paying out {amount} on {date} would leave {balance} in the cash desk")]
    NegativeBalance {
        /// The order date.
        date: chrono::NaiveDate,
        /// The amount of the order.
        amount: rust_decimal::Decimal,
        /// The balance it would leave.
        balance: rust_decimal::Decimal,
    },
    /// An order dated before the last posted entry.
    #[error("cash book is posted up to {last}, cannot post an order dated {date}")]
    OutOfOrder {
        /// The order date.
        date: chrono::NaiveDate,
        /// The date of the last entry.
        last: chrono::NaiveDate,
    },
    /// The order is already in the cash book.
    #[error("order {number} is already posted")]
    AlreadyPosted {
        /// The order number.
        number: String,
    },
    /// The order is in another currency than the cash book.
    #[error("cash book is kept in {expected}, order is in {found}")]
    Currency {
        /// The book's currency code.
        expected: &'static str,
        /// The order's currency code.
        found: &'static str,
    },
    /// The order is of another business than the cash book.
    #[error("order {number} is of {business}, not of the business keeping this cash book")]
    OtherBusiness {
        /// The order number.
        number: String,
        /// The name of the order's business.
        business: String,
    },
    /// The party named as the business keeping the cash has no registration number or
    /// taxpayer code.
    #[error("the business keeping the cash is named with its registration number or taxpayer code")]
    BusinessIdentifier,
}

impl CashError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::CashError;
    /// assert_eq!(CashError::BusinessIdentifier.code(), "cash.business_identifier");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CashError::WrongSeries { .. } => "cash.wrong_series",
            CashError::SharedSeries { .. } => "cash.shared_series",
            CashError::NegativeBalance { .. } => "cash.negative_balance",
            CashError::OutOfOrder { .. } => "cash.out_of_order",
            CashError::AlreadyPosted { .. } => "cash.already_posted",
            CashError::Currency { .. } => "cash.currency",
            CashError::OtherBusiness { .. } => "cash.other_business",
            CashError::BusinessIdentifier => "cash.business_identifier",
        }
    }
}

/// The error of drawing up a goods receipt note against its purchase order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GoodsError {
    /// A received line names a line the order does not have.
    #[error("order {order} has no line {line}")]
    NoSuchOrderLine {
        /// The order number.
        order: String,
        /// The line number given (from 1).
        line: usize,
    },
    /// Two received lines name the same order line.
    #[error("order line {line} is received twice")]
    DuplicateReceivedLine {
        /// The line number (from 1).
        line: usize,
    },
    /// A received or damaged quantity is negative or has more than 6 decimal places.
    #[error(
        "line {line}: quantity must be zero or above with at most 6 decimal places, found {found}"
    )]
    ReceivedQuantity {
        /// The line number (from 1).
        line: usize,
        /// The quantity given.
        found: rust_decimal::Decimal,
    },
    /// More is damaged than was received.
    #[error("line {line}: damaged {damaged} is more than received {received}")]
    DamagedExceedsReceived {
        /// The line number (from 1).
        line: usize,
        /// The quantity received.
        received: rust_decimal::Decimal,
        /// The quantity damaged.
        damaged: rust_decimal::Decimal,
    },
    /// The goods cannot be received before they were ordered.
    #[error("goods received on {receipt_date} cannot precede the order of {order_date}")]
    ReceiptBeforeOrder {
        /// The order date.
        order_date: chrono::NaiveDate,
        /// The receipt date.
        receipt_date: chrono::NaiveDate,
    },
}

impl GoodsError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::GoodsError;
    /// assert_eq!(GoodsError::DuplicateReceivedLine { line: 1 }.code(), "goods.duplicate_received_line");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            GoodsError::NoSuchOrderLine { .. } => "goods.no_such_order_line",
            GoodsError::DuplicateReceivedLine { .. } => "goods.duplicate_received_line",
            GoodsError::ReceivedQuantity { .. } => "goods.received_quantity",
            GoodsError::DamagedExceedsReceived { .. } => "goods.damaged_exceeds_received",
            GoodsError::ReceiptBeforeOrder { .. } => "goods.receipt_before_order",
        }
    }
}

/// The error of keeping account of services rendered and billing them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ServicesError {
    /// A record with this id is already in the ledger.
    #[error("service record {id} is already recorded")]
    DuplicateRecord {
        /// The record id.
        id: String,
    },
    /// No record has this id.
    #[error("no service record {id}")]
    UnknownRecord {
        /// The record id.
        id: String,
    },
    /// The record was billed already: nothing is billed twice.
    #[error("service record {id} is already billed by invoice {invoice}")]
    AlreadyBilled {
        /// The record id.
        id: String,
        /// The number of the invoice that billed it.
        invoice: String,
    },
    /// The client has no unbilled services.
    #[error("client {client} has no unbilled services")]
    NothingToBill {
        /// The client id.
        client: String,
    },
    /// The same record is named twice in one billing.
    #[error("service record {id} is named twice")]
    RepeatedRecord {
        /// The record id.
        id: String,
    },
}

impl ServicesError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::ServicesError;
    /// assert_eq!(ServicesError::UnknownRecord { id: "S-9".into() }.code(), "services.unknown_record");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ServicesError::DuplicateRecord { .. } => "services.duplicate_record",
            ServicesError::UnknownRecord { .. } => "services.unknown_record",
            ServicesError::AlreadyBilled { .. } => "services.already_billed",
            ServicesError::NothingToBill { .. } => "services.nothing_to_bill",
            ServicesError::RepeatedRecord { .. } => "services.repeated_record",
        }
    }
}

/// Any error of `apkalpe-accounting`.
///
/// Operations return this root error; the narrower enums it wraps ([`LineError`],
/// [`CreditNoteError`], [`ReadUblError`], [`ReadInvoiceError`](crate::ReadInvoiceError),
/// [`CashError`], [`GoodsError`], [`ServicesError`]) and the [`ValidationReport`] let
/// callers branch. Every error has a stable code from [`AccountingError::code`].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{AccountingError, Quantity};
///
/// let error: AccountingError = "-1".parse::<Quantity>().unwrap_err().into();
/// assert_eq!(error.code(), "line.quantity");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AccountingError {
    /// The document misses requisites or breaks a rule: every finding at once.
    #[error("document is invalid: {0}")]
    Invalid(ValidationReport),
    /// See [`LineError`].
    #[error(transparent)]
    Line(#[from] LineError),
    /// See [`CreditNoteError`].
    #[error(transparent)]
    CreditNote(#[from] CreditNoteError),
    /// See [`ReadUblError`].
    #[error(transparent)]
    ReadUbl(#[from] ReadUblError),
    /// A received e-invoice was refused: see
    /// [`ReadInvoiceError`](crate::ReadInvoiceError) (its `received.*` codes pass through).
    #[error(transparent)]
    Received(#[from] crate::received::ReadInvoiceError),
    /// See [`CashError`].
    #[error(transparent)]
    Cash(#[from] CashError),
    /// See [`GoodsError`].
    #[error(transparent)]
    Goods(#[from] GoodsError),
    /// See [`ServicesError`].
    #[error(transparent)]
    Services(#[from] ServicesError),
    /// Money arithmetic failed (overflow, currency mismatch).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A VAT computation failed.
    #[error(transparent)]
    Vat(#[from] VatError),
    /// The number series refused to issue a number.
    #[error(transparent)]
    NumberSeries(#[from] NumberSeriesError),
    /// The amount could not be written in words.
    #[error(transparent)]
    Words(#[from] WordsError),
    /// Party data is invalid.
    #[error(transparent)]
    Party(#[from] PartyError),
    /// A saved value could not be restored: it breaks an invariant of its type (see
    /// [`RestoreError`]; serde reports it as text starting with the same code).
    #[error(transparent)]
    Restore(#[from] RestoreError),
    /// The journal CSV could not be written.
    #[error("journal csv could not be written: {reason}")]
    Csv {
        /// The writer's reason, as a fixed phrase.
        reason: &'static str,
    },
    /// An internal invariant broke: a bug.
    #[error("internal error {code}")]
    Internal {
        /// Which invariant.
        code: &'static str,
    },
}

impl AccountingError {
    /// Returns the stable error code; a [`ValidationReport`] gives `document.invalid` (its
    /// findings carry their own codes).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{AccountingError, Quantity};
    /// let error: AccountingError = "0".parse::<Quantity>().unwrap_err().into();
    /// assert_eq!(error.code(), "line.quantity");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            AccountingError::Invalid(_) => "document.invalid",
            AccountingError::Line(error) => error.code(),
            AccountingError::CreditNote(error) => error.code(),
            AccountingError::ReadUbl(error) => error.code(),
            AccountingError::Received(error) => error.code(),
            AccountingError::Cash(error) => error.code(),
            AccountingError::Goods(error) => error.code(),
            AccountingError::Services(error) => error.code(),
            AccountingError::Money(error) => error.code(),
            AccountingError::Vat(error) => error.code(),
            AccountingError::NumberSeries(error) => error.code(),
            AccountingError::Words(error) => error.code(),
            AccountingError::Party(error) => error.code(),
            AccountingError::Restore(error) => error.code(),
            AccountingError::Csv { .. } => "journal.csv",
            AccountingError::Internal { code } => code,
        }
    }

    /// Returns the findings when the error is a [`ValidationReport`], else an empty slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{AccountingError, DraftInvoice, InvoiceKind, LineError};
    /// use apkalpe_core::{Address, CountryCode, Currency, NumberSeries, Party, PartyName, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// let party = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga);
    /// let mut series = NumberSeries::try_new("inv", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// let error = DraftInvoice::new(InvoiceKind::Invoice, party.clone(), party, Currency::EUR)
    ///     .issue(&mut series, day)
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "document.invalid");
    /// assert!(error.findings().iter().any(|finding| finding.code() == "requisite.lines_missing"));
    /// assert!(AccountingError::from(LineError::ExchangeRateOfEuro).findings().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn findings(&self) -> &[Finding] {
        match self {
            AccountingError::Invalid(report) => report.findings(),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use apkalpe_core::{Language, LocalizedError};
    use serde_json::json;

    use super::*;

    /// A saved finding with a code Apkalpe does not issue: the public `Deserialize` refuses
    /// it with the English reason, and the same refusal reads in Latvian with its Latvian
    /// reason.
    #[cfg(feature = "serde")]
    #[test]
    fn restore_reasons_are_written_in_latvian_too() {
        let value = json!({"field": "x", "code": "made.up", "message": "m"});
        let public = serde_json::from_value::<Finding>(value.clone())
            .unwrap_err()
            .to_string();
        let record: FindingRecord = serde_json::from_value(value).unwrap();
        let error = Finding::try_from(record).unwrap_err();
        assert_eq!(public, error.to_string());
        assert!(
            public.contains("\"made.up\" is not a code Apkalpe issues"),
            "{public}"
        );
        assert_eq!(
            error.message_in(Language::Latvian),
            "restore.invalid: nevar atjaunot Finding: code: \"made.up\" nav kods, ko izmanto \
             Apkalpe [finding.unknown_code]"
        );
    }
}
