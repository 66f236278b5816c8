//! The errors of the cash register: [`RegisterError`], and the check of required texts.

use apkalpe_core::{Currency, Money, MoneyError};
use rust_decimal::Decimal;

use crate::cash::CashError;

/// The error returned by cash register operations.
///
/// `apkalpe-clients` and `apkalpe-documents` have a `RegisterError` too (the commercial
/// register, the records register); [`prelude`](crate::prelude) exports this one as
/// `CashRegisterError`.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// let error = shift.sell(vec![], &[], at).unwrap_err();
/// assert_eq!(error, apkalpe_payments::RegisterError::NoLines);
/// assert_eq!(error.to_string(), "a receipt needs at least one line");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// A required text is empty.
    #[error("the {field} must not be empty")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// A receipt without lines.
    #[error("a receipt needs at least one line")]
    NoLines,
    /// A quantity of zero or less.
    #[error("line {line}: the quantity must be positive, found {found}")]
    Quantity {
        /// The line, from 0.
        line: usize,
        /// The quantity.
        found: Decimal,
    },
    /// A discount in money that is not positive or exceeds the line amount (a discount never
    /// makes a line negative).
    #[error(
        "a discount must be positive and at most the line amount of {line_amount}, found {found}"
    )]
    DiscountAmount {
        /// The discount asked for.
        found: Money,
        /// The line amount before the discount.
        line_amount: Money,
    },
    /// A discount percentage outside (0, 100].
    #[error("a discount percentage must be above 0 and at most 100, found {found}")]
    DiscountPercent {
        /// The percentage asked for.
        found: Decimal,
    },
    /// A negative unit price.
    #[error("line {line}: the unit price must not be negative, found {found}")]
    Price {
        /// The line, from 0.
        line: usize,
        /// The price.
        found: Money,
    },
    /// An amount in another currency than the register's.
    #[error("the register works in {expected}, found {found}")]
    Currency {
        /// The register's currency.
        expected: Currency,
        /// The currency found.
        found: Currency,
    },
    /// The tenders do not pay the total (non-cash short and no cash tendered), or non-cash
    /// tenders exceed it.
    #[error("the tenders do not settle the total of {total}: non-cash {non_cash}, cash {cash}")]
    Tenders {
        /// The receipt's total.
        total: Money,
        /// The card and transfer tenders.
        non_cash: Money,
        /// The cash tendered.
        cash: Money,
    },
    /// A tender of zero or less.
    #[error("a tender must be positive, found {found}")]
    Tender {
        /// The amount.
        found: Money,
    },
    /// A return of a receipt that is not an earlier sale: the original must be numbered
    /// before the return, and when it is a receipt of the open shift, it must be a sale.
    #[error("receipt {original} is not an earlier sale receipt of this register")]
    ReturnOriginal {
        /// The original receipt's number given.
        original: u64,
    },
    /// A return of a receipt the register never issued: number 0, or a number after its
    /// last receipt.
    #[error("receipt {original} does not exist: the register's last receipt is {last}")]
    UnknownOriginal {
        /// The original receipt's number given.
        original: u64,
        /// The register's last receipt number.
        last: u64,
    },
    /// A card tender whose reference holds what could be a full card number (12 to 19 digits,
    /// spaces and hyphens between them skipped, that pass the Luhn check and belong to a card
    /// brand): receipts keep the masked number or the terminal's reference only.
    #[error(
        "a card tender's reference must be the masked number or a terminal reference, not a card number"
    )]
    CardReference,
    /// A cash counter overflowed (`u64` receipts).
    #[error("the register's {counter} counter overflowed")]
    Counter {
        /// `receipt` or `z report`.
        counter: &'static str,
    },
    /// The cash part of the receipt is over the register's cash cap (Latvia: 7 200 EUR, the
    /// law "Par nodokļiem un nodevām" art. 30; see [`CashLimitLedger`] for deals of several
    /// operations).
    ///
    /// [`CashLimitLedger`]: crate::CashLimitLedger
    #[error(transparent)]
    CashLimit(#[from] crate::CashLimitError),
    /// Cash handling failed (rounding, change, tender).
    #[error(transparent)]
    Cash(#[from] CashError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// VAT computation failed.
    #[error(transparent)]
    Vat(#[from] apkalpe_core::VatError),
    /// The fiscal device refused a receipt or report, or cannot be reached
    /// ([`OpenShift::sell_on`](crate::OpenShift::sell_on) and the other `_on` operations); nothing was recorded.
    #[error(transparent)]
    FiscalDevice(#[from] FiscalDeviceError),
}

impl RegisterError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let error = shift.refund(9, receipt.lines().to_vec(), &[Tender::Cash { tendered: eur(dec!(0)) }], at).unwrap_err();
    /// assert_eq!(error.code(), "register.unknown_original");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::Empty { .. } => "register.empty",
            RegisterError::NoLines => "register.no_lines",
            RegisterError::Quantity { .. } => "register.quantity",
            RegisterError::Price { .. } => "register.price",
            RegisterError::DiscountAmount { .. } => "register.discount_amount",
            RegisterError::DiscountPercent { .. } => "register.discount_percent",
            RegisterError::Currency { .. } => "register.currency",
            RegisterError::Tenders { .. } => "register.tenders",
            RegisterError::Tender { .. } => "register.tender",
            RegisterError::Counter { .. } => "register.counter",
            RegisterError::ReturnOriginal { .. } => "register.return_original",
            RegisterError::UnknownOriginal { .. } => "register.unknown_original",
            RegisterError::CardReference => "register.card_reference",
            RegisterError::CashLimit(error) => error.code(),
            RegisterError::Cash(error) => error.code(),
            RegisterError::Money(error) => error.code(),
            RegisterError::Vat(error) => error.code(),
            RegisterError::FiscalDevice(error) => error.code(),
        }
    }
}

pub(super) fn non_empty(text: &str, field: &'static str) -> Result<String, RegisterError> {
    let text = text.trim();
    if text.is_empty() {
        Err(RegisterError::Empty { field })
    } else {
        Ok(text.to_owned())
    }
}

/// The error a [`FiscalDevice`](crate::FiscalDevice) returns.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LocalizedError};
/// use apkalpe_payments::FiscalDeviceError;
///
/// let error = FiscalDeviceError::Rejected { reason: "paper out".into() };
/// assert_eq!(error.code(), "fiscal_device.rejected");
/// assert_eq!(error.message_in(Language::Latvian), "fiskālā ierīce atteica dokumentu: paper out");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FiscalDeviceError {
    /// The device cannot be reached or has failed (`docs/sources.md` §9: record sales in a revenue
    /// register meanwhile).
    #[error("the fiscal device is unavailable")]
    Unavailable,
    /// The device refused the document.
    #[error("the fiscal device refused the document: {reason}")]
    Rejected {
        /// The device's reason.
        reason: String,
    },
}

impl FiscalDeviceError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::FiscalDeviceError;
    ///
    /// assert_eq!(FiscalDeviceError::Unavailable.code(), "fiscal_device.unavailable");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            FiscalDeviceError::Unavailable => "fiscal_device.unavailable",
            FiscalDeviceError::Rejected { .. } => "fiscal_device.rejected",
        }
    }
}
