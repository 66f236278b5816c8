//! The legal cash limits as an engine: which cash operations are linked into one deal, the cap
//! every deal must stay under, and the monthly declaration of large cash deals between
//! taxpayers (*skaidras naudas darījumu ierobežojumi*, *paziņojums par skaidrā naudā veiktajiem
//! darījumiem*).
//!
//! # The rule, with worked numbers
//!
//! A cash operation is the cash part of a sale or refund receipt, or of a cash receipt or
//! disbursement order (KIO / KIzO): what changes hands in notes and coins. A card part of the
//! same sale is not cash and does not count.
//!
//! Two operations in the same direction (both received, or both paid out) are **linked** when
//!
//! 1. they are with the same client on the same day, or
//! 2. they pay (or refund) the same invoice, on any day, or
//!
//! and a **deal** is every operation reachable through such links (so Monday's and Tuesday's
//! cash for invoice 7, and the client's other purchase on Tuesday, are one deal). An operation
//! with no known client and no invoice is a deal of its own. Money received and money paid
//! out are never added together: a refund does not make a sale bigger.
//!
//! ```text
//! cap 7 200,00 €                       deal                 verdict
//! 9 787,92 € cash, one receipt         9 787,92 €           refused (cash_limit.exceeded)
//! 9 787,92 € = 2 000 € cash + card     2 000,00 €           allowed; declared if a taxpayer
//! invoice 7: 4 000 € Mon, 3 500 € Tue  7 500,00 €           the second refused
//! client A: 5 000 € and 2 000 € Mon    7 000,00 €           allowed
//! client A: 5 000 € Mon, 2 300 € Tue   5 000 / 2 300 €      allowed (another day, no invoice)
//! ```
//!
//! A deal over 1 500 € with a taxpayer (a company or a registered self-employed person) is
//! marked for the monthly declaration to the State Revenue Service, due by the 15th of the next
//! month; every operation of the deal is marked, and [`CashLimitLedger::declaration`] lists
//! them by taxpayer.
//!
//! # Legal basis
//!
//! `docs/sources.md` §10: the law "Par nodokļiem un nodevām" art. 30 (no cash transaction over
//! 7 200 EUR, one operation or several linked ones) \[C4\]\[C5\]; MK noteikumi Nr. 237 (2007):
//! cash transactions between taxpayers over 1 500 EUR declared monthly by the 15th \[C4\]. The
//! law does not define "linked"; the three links above are this library's reading, and
//! conservative: a split that any of them catches is refused.
//!
//! Serves: T4.2, S33.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language, Money, TextRule, TextRuleError, riga_date};
use chrono::{Datelike, NaiveDate};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::cash::{CashError, CashLimitCheck, CashLimits, CashMovement, CashMovementKind};
use crate::register::{PaymentMethod, Receipt, ReceiptKind};

/// Which way cash went.
///
/// `apkalpe-accounting` has a `CashDirection` too (of a cash order);
/// [`prelude`](crate::prelude) exports this one as `CashLimitDirection`.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashDirection, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
/// assert_eq!(operation.direction(), CashDirection::Received);
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CashDirection {
    /// Cash received from the other party (a sale, a cash receipt order).
    Received,
    /// Cash paid to the other party (a refund, a cash disbursement order).
    Paid,
}

/// The error returned by the cash-limit engine.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// let cash = |reference, d, amount| {
///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
///         .map(|operation| operation.with_counterparty(koks.clone()))
/// };
/// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
/// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
/// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
/// let big = cash("KIO-3", 3, dec!(5400.01))?;
/// let error = ledger.record(big).unwrap_err();
/// assert!(matches!(error, apkalpe_payments::CashLimitError::Exceeded { linked: 2, .. }));
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CashLimitError {
    /// The deal the operation belongs to would exceed the cap.
    #[error(
        "cash of {cash} in {reference} makes a deal of {deal}, over the cap of {cap} (linked operations recorded: {linked})"
    )]
    Exceeded {
        /// The operation refused.
        reference: String,
        /// Its cash part.
        cash: Money,
        /// The deal's cash with it.
        deal: Money,
        /// The cap.
        cap: Money,
        /// How many recorded operations it is linked with.
        linked: usize,
    },
    /// A reference already recorded.
    #[error("cash operation {reference} is recorded already")]
    Duplicate {
        /// The reference.
        reference: String,
    },
    /// A text field breaks its rule.
    #[error("the {field} of a cash operation: {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextRuleError,
    },
    /// The cash is not a positive euro amount in whole cents, or not in the limits' currency.
    #[error(transparent)]
    Cash(#[from] CashError),
}

impl CashLimitError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let again = cash("KIO-1", 4, dec!(1))?;
    /// assert_eq!(ledger.record(again).unwrap_err().code(), "cash_limit.duplicate");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CashLimitError::Exceeded { .. } => "cash_limit.exceeded",
            CashLimitError::Duplicate { .. } => "cash_limit.duplicate",
            CashLimitError::Text { .. } => "cash_limit.text",
            CashLimitError::Cash(error) => error.code(),
        }
    }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, CashLimitError> {
    TextRule::single_line(max)
        .check(value)
        .map(str::to_owned)
        .map_err(|problem| CashLimitError::Text { field, problem })
}

/// The other party of a cash operation: the key that links its operations (a client id, a
/// registration number), its name, and its taxpayer number when it is a taxpayer.
///
/// `apkalpe-accounting` has a `CashCounterparty` too (of a cash order);
/// [`prelude`](crate::prelude) exports this one as `CashLimitCounterparty`.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::CashCounterparty;
///
/// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// assert_eq!(company.taxpayer_number(), Some("40003521600"));
/// let person = CashCounterparty::private("C-18", "Jānis Ozols")?;
/// assert!(!person.is_taxpayer());
/// assert!(CashCounterparty::private(" ", "x").is_err());
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CounterpartyRecord"))]
pub struct CashCounterparty {
    key: String,
    name: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    taxpayer_number: Option<String>,
}

/// The saved form of a [`CashCounterparty`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CounterpartyRecord {
    key: String,
    name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    taxpayer_number: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<CounterpartyRecord> for CashCounterparty {
    type Error = CashLimitError;

    fn try_from(record: CounterpartyRecord) -> Result<Self, Self::Error> {
        let party = CashCounterparty::private(&record.key, &record.name)?;
        match record.taxpayer_number {
            Some(number) => CashCounterparty::taxpayer(&party.key, &party.name, &number),
            None => Ok(party),
        }
    }
}

impl CashCounterparty {
    /// A private person (not acting as a business): no declaration, whatever the amount.
    ///
    /// # Errors
    ///
    /// [`CashLimitError::Text`] for a blank key or name, a key over 100 or a name over 200
    /// characters, or a control character.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let person = CashCounterparty::private("C-18", "Jānis Ozols")?;
    /// assert!(!person.is_taxpayer() && company.is_taxpayer());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn private(key: &str, name: &str) -> Result<Self, CashLimitError> {
        Ok(CashCounterparty {
            key: text("key", key, 100)?,
            name: text("name", name, 200)?,
            taxpayer_number: None,
        })
    }

    /// A taxpayer (a company, a registered self-employed person) with its number (the
    /// registration number or taxpayer code, as the declaration prints it).
    ///
    /// # Errors
    ///
    /// As [`CashCounterparty::private`]; a blank number or one over 32 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// assert_eq!(company.taxpayer_number(), Some("40003521600"));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn taxpayer(key: &str, name: &str, number: &str) -> Result<Self, CashLimitError> {
        let mut party = CashCounterparty::private(key, name)?;
        party.taxpayer_number = Some(text("taxpayer number", number, 32)?);
        Ok(party)
    }

    /// Returns the key that links the party's operations.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// assert_eq!(company.key(), "C-17");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// assert_eq!(company.name(), "SIA Koks");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the taxpayer number, for a taxpayer.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// assert_eq!(company.taxpayer_number(), Some("40003521600"));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn taxpayer_number(&self) -> Option<&str> {
        self.taxpayer_number.as_deref()
    }

    /// Tells whether the party is a taxpayer.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCounterparty;
    ///
    /// let company = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// assert!(company.is_taxpayer());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn is_taxpayer(&self) -> bool {
        self.taxpayer_number.is_some()
    }
}

/// One cash operation to check against the limits: its reference, date, direction and cash
/// part, and what links it (the client, the invoice).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
/// let operation = CashOperation::try_new("KIO-7", day, CashDirection::Received, Money::new(dec!(2000), Currency::EUR))?
///     .with_counterparty(CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?)
///     .with_invoice("AP-2026-00077")?;
/// assert_eq!(operation.invoice(), Some("AP-2026-00077"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OperationRecord"))]
pub struct CashOperation {
    reference: String,
    date: NaiveDate,
    direction: CashDirection,
    cash: Money,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    counterparty: Option<CashCounterparty>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    invoice: Option<String>,
}

/// The saved form of a [`CashOperation`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct OperationRecord {
    reference: String,
    date: NaiveDate,
    direction: CashDirection,
    cash: Money,
    #[cfg_attr(feature = "serde", serde(default))]
    counterparty: Option<CashCounterparty>,
    #[cfg_attr(feature = "serde", serde(default))]
    invoice: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<OperationRecord> for CashOperation {
    type Error = CashLimitError;

    fn try_from(record: OperationRecord) -> Result<Self, Self::Error> {
        let mut operation = CashOperation::try_new(
            &record.reference,
            record.date,
            record.direction,
            record.cash,
        )?;
        operation.counterparty = record.counterparty;
        match record.invoice {
            Some(invoice) => operation.with_invoice(&invoice),
            None => Ok(operation),
        }
    }
}

impl CashOperation {
    /// Creates an operation of `cash` (the cash part only) with no client and no invoice.
    ///
    /// # Errors
    ///
    /// [`CashLimitError::Text`] for a blank reference or one over 50 characters;
    /// [`CashLimitError::Cash`] for cash that is not a positive euro amount in whole cents.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.reference(), "KIO-17");
    /// let blank = CashOperation::try_new(" ", day, CashDirection::Paid, Money::new(dec!(1), Currency::EUR));
    /// assert_eq!(blank.unwrap_err().code(), "cash_limit.text");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn try_new(
        reference: &str,
        date: NaiveDate,
        direction: CashDirection,
        cash: Money,
    ) -> Result<Self, CashLimitError> {
        let reference = text("reference", reference, 50)?;
        if !cash.is_positive() {
            return Err(CashError::NonPositive { amount: cash }.into());
        }
        crate::cash::to_cents(cash)?;
        Ok(CashOperation {
            reference,
            date,
            direction,
            cash,
            counterparty: None,
            invoice: None,
        })
    }

    /// The cash part of a receipt of the register, if it has one: a sale's cash received, a
    /// return's cash paid back, on the receipt's Riga date, referenced `čeks Nr. 00000042`.
    /// A card or transfer part is not cash and is left out.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashOperation, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let laptop = ReceiptLine::try_new("Klēpjdators", dec!(12), eur(dec!(815.66)), VatRate::try_new(dec!(21))?)?;
    /// // 9 787,92 € paid with 2 000 € in cash and the rest by card: only the 2 000 € count.
    /// let receipt = shift.sell(vec![laptop], &[
    ///     Tender::Cash { tendered: eur(dec!(2000)) },
    ///     Tender::Card { amount: eur(dec!(7787.92)), reference: "411111******1111".into() },
    /// ], at)?;
    /// let operation = CashOperation::from_receipt(&receipt)?.ok_or("no cash")?;
    /// assert_eq!(operation.cash(), eur(dec!(2000)));
    /// assert_eq!(operation.reference(), "čeks Nr. 00000001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`CashOperation::try_new`] (a receipt of another currency than euro).
    pub fn from_receipt(receipt: &Receipt) -> Result<Option<Self>, CashLimitError> {
        let cash = receipt
            .payments()
            .iter()
            .filter(|payment| payment.method == PaymentMethod::Cash)
            .try_fold(Money::zero(receipt.total().currency()), |sum, payment| {
                sum.checked_add(payment.amount)
            })
            .map_err(CashError::from)?;
        if cash.is_zero() {
            return Ok(None);
        }
        let direction = match receipt.kind() {
            ReceiptKind::Sale => CashDirection::Received,
            ReceiptKind::Return { .. } => CashDirection::Paid,
        };
        let reference = format!("čeks Nr. {:08}", receipt.number());
        CashOperation::try_new(
            &reference,
            riga_date(receipt.issued_at()),
            direction,
            cash.abs(),
        )
        .map(Some)
    }

    /// The operation of a cash deposit (received, a KIO) or payout (paid, a KIzO) of the
    /// drawer on `date`, referenced by its cash order.
    ///
    /// # Errors
    ///
    /// As [`CashOperation::try_new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashMovement, CashMovementKind, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let deposit = CashMovement::try_new(CashMovementKind::Deposit, Money::new(dec!(300), Currency::EUR), "iemaksa", "KIO-5")?;
    /// let operation = CashOperation::from_movement(&deposit, day)?;
    /// assert_eq!((operation.reference(), operation.direction()), ("KIO-5", CashDirection::Received));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn from_movement(movement: &CashMovement, date: NaiveDate) -> Result<Self, CashLimitError> {
        let direction = match movement.kind() {
            CashMovementKind::Deposit => CashDirection::Received,
            CashMovementKind::Payout => CashDirection::Paid,
        };
        CashOperation::try_new(movement.document(), date, direction, movement.amount())
    }

    /// Returns the operation with its other party (what links a client's operations of one
    /// day).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// let party = apkalpe_payments::CashCounterparty::private("C-18", "Jānis Ozols")?;
    /// let operation = operation.with_counterparty(party);
    /// assert_eq!(operation.counterparty().map(|p| p.name()), Some("Jānis Ozols"));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    #[must_use]
    pub fn with_counterparty(mut self, counterparty: CashCounterparty) -> Self {
        self.counterparty = Some(counterparty);
        self
    }

    /// Returns the operation with the invoice it pays or refunds (what links operations of
    /// one invoice, on any day).
    ///
    /// # Errors
    ///
    /// [`CashLimitError::Text`] for a blank invoice number or one over 50 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// let operation = operation.with_invoice("INV-2026-0101")?;
    /// assert_eq!(operation.invoice(), Some("INV-2026-0101"));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn with_invoice(mut self, invoice: &str) -> Result<Self, CashLimitError> {
        self.invoice = Some(text("invoice", invoice, 50)?);
        Ok(self)
    }

    /// Returns the reference (the receipt or cash order).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.reference(), "KIO-17");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// Returns the date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.date(), day);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.direction(), CashDirection::Received);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn direction(&self) -> CashDirection {
        self.direction
    }

    /// Returns the cash part.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.cash(), Money::new(dec!(900), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn cash(&self) -> Money {
        self.cash
    }

    /// Returns the other party, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert!(operation.counterparty().is_none());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn counterparty(&self) -> Option<&CashCounterparty> {
        self.counterparty.as_ref()
    }

    /// Returns the invoice, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashDirection, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let operation = CashOperation::try_new("KIO-17", day, CashDirection::Received, Money::new(dec!(900), Currency::EUR))?;
    /// assert_eq!(operation.invoice(), None);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn invoice(&self) -> Option<&str> {
        self.invoice.as_deref()
    }
}

/// What the limits say about an operation in its deal, as [`CashLimitLedger::check`] computes
/// it: its fields are read through getters.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// let cash = |reference, d, amount| {
///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
///         .map(|operation| operation.with_counterparty(koks.clone()))
/// };
/// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
/// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
/// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
/// let verdict = ledger.check(&cash("KIO-3", 3, dec!(200))?)?;
/// // 1 000 + 800 + 200 with the same taxpayer on one day: one deal of 2 000, declared.
/// assert_eq!(verdict.deal(), Money::new(dec!(2000), Currency::EUR));
/// assert!(verdict.declarable());
/// assert_eq!(verdict.linked(), ["KIO-1", "KIO-2"]);
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashLimitVerdict {
    /// The deal's cash with the operation: its own and every linked operation's.
    pub(crate) deal: Money,
    /// The references of the recorded operations linked with it, in the order recorded.
    pub(crate) linked: Vec<String>,
    /// The verdict on the deal.
    pub(crate) check: CashLimitCheck,
    /// Whether the deal goes into the monthly declaration: over the threshold, and the other
    /// party a taxpayer.
    pub(crate) declarable: bool,
}

impl CashLimitVerdict {
    /// Returns the deal's cash with the operation: its own and every linked operation's.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.check(&cash("KIO-3", 3, dec!(200))?)?;
    /// assert_eq!(verdict.deal(), Money::new(dec!(2000), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn deal(&self) -> Money {
        self.deal
    }

    /// Returns the references of the recorded operations linked with it, in the order recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.check(&cash("KIO-3", 3, dec!(200))?)?;
    /// assert_eq!(verdict.linked(), ["KIO-1", "KIO-2"]);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn linked(&self) -> &[String] {
        &self.linked
    }

    /// Returns the verdict on the deal.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.check(&cash("KIO-3", 3, dec!(200))?)?;
    /// assert_eq!(verdict.check(), CashLimitCheck::Declarable);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn check(&self) -> CashLimitCheck {
        self.check
    }

    /// Tells whether the deal goes into the monthly declaration: over the threshold, and the other party a taxpayer.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.check(&cash("KIO-3", 3, dec!(200))?)?;
    /// assert!(verdict.declarable());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn declarable(&self) -> bool {
        self.declarable
    }
}

/// A recorded operation and whether its deal is declared.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
struct Recorded {
    #[cfg_attr(feature = "serde", serde(flatten))]
    operation: CashOperation,
    declarable: bool,
}

/// The cash operations of the business, checked against the legal limits as they are
/// recorded (T4.2): refuses an operation whose deal would exceed the cap, marks the deals to
/// declare, and gives the monthly declaration. The rule, the links and worked numbers are in
/// the module documentation above (`cash_limit`).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).ok_or("date");
/// let eur = |d| Money::new(d, Currency::EUR);
/// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
///
/// // Invoice 77 paid in cash in two parts, on two days: one deal.
/// let monday = CashOperation::try_new("KIO-1", day(23)?, CashDirection::Received, eur(dec!(4000)))?
///     .with_counterparty(koks.clone()).with_invoice("AP-77")?;
/// assert!(ledger.record(monday)?.declarable());
/// let tuesday = CashOperation::try_new("KIO-2", day(24)?, CashDirection::Received, eur(dec!(3500)))?
///     .with_counterparty(koks).with_invoice("AP-77")?;
/// let refused = ledger.record(tuesday).unwrap_err();
/// assert_eq!(refused.code(), "cash_limit.exceeded");
/// assert_eq!(ledger.operations().count(), 1); // refused = unchanged
///
/// let declaration = ledger.declaration(2026, 11);
/// assert_eq!(declaration.due(), NaiveDate::from_ymd_opt(2026, 12, 15).ok_or("date")?);
/// assert!(declaration.render("SIA Apkalpe", "40103471306").contains("SIA Koks"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"limits": {"cap": {…}, "declaration_threshold": {…}}, "operations": [{"reference",
/// "date", "direction", "cash", "counterparty", "invoice", "declarable"}, …]}`, in the order
/// recorded. Restoring records every operation again through [`CashLimitLedger::record`], so
/// a saved ledger holds only what the limits allow; an operation the limits refuse, a repeated
/// reference, or a `declarable` mark that is not what the deals give is refused with a
/// [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "LedgerRecord"))]
pub struct CashLimitLedger {
    limits: CashLimits,
    operations: Vec<Recorded>,
    #[cfg_attr(feature = "serde", serde(skip))]
    index: LinkIndex,
}

/// Where each key occurs: rebuilt, never saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct LinkIndex {
    references: HashSet<String>,
    /// (direction, counterparty key, date) → positions.
    by_client_day: HashMap<(CashDirection, String, NaiveDate), Vec<usize>>,
    /// (direction, invoice) → positions.
    by_invoice: HashMap<(CashDirection, String), Vec<usize>>,
}

/// The saved form of a [`CashLimitLedger`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct LedgerRecord {
    limits: CashLimits,
    operations: Vec<SavedOperation>,
}

/// A saved recorded operation.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
struct SavedOperation {
    #[cfg_attr(feature = "serde", serde(flatten))]
    operation: OperationRecord,
    declarable: bool,
}

#[cfg(feature = "serde")]
impl TryFrom<LedgerRecord> for CashLimitLedger {
    type Error = RestoreError;

    fn try_from(record: LedgerRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashLimitLedger";
        let mut ledger = CashLimitLedger::new(record.limits);
        let mut saved_marks = Vec::with_capacity(record.operations.len());
        for (position, saved) in record.operations.into_iter().enumerate() {
            let at = format!("operations[{position}]");
            let operation = CashOperation::try_from(saved.operation)
                .map_err(|error| RestoreError::invalid(WHAT, at.clone(), error))?;
            ledger.record(operation).map_err(|error| match error {
                CashLimitError::Duplicate { reference } => {
                    RestoreError::duplicate(WHAT, format!("{at}.reference"), reference)
                }
                other => RestoreError::invalid(WHAT, at.clone(), other),
            })?;
            saved_marks.push(saved.declarable);
        }
        for (position, (recorded, saved)) in ledger.operations.iter().zip(saved_marks).enumerate() {
            if recorded.declarable != saved {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("operations[{position}].declarable"),
                    format!(
                        "is {saved}, but the deals of the recorded operations give {}",
                        recorded.declarable
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ir {saved}, bet pēc reģistrēto operāciju darījumiem sanāk {}",
                    recorded.declarable
                )));
            }
        }
        Ok(ledger)
    }
}

impl CashLimitLedger {
    /// Creates an empty ledger under `limits`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashLimitLedger, CashLimits};
    ///
    /// let ledger = CashLimitLedger::new(CashLimits::latvia());
    /// assert_eq!(ledger.operations().count(), 0);
    /// ```
    pub fn new(limits: CashLimits) -> Self {
        CashLimitLedger {
            limits,
            operations: Vec::new(),
            index: LinkIndex::default(),
        }
    }

    /// Returns the limits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.limits(), CashLimits::latvia());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn limits(&self) -> CashLimits {
        self.limits
    }

    /// Returns the recorded operations, in the order recorded, each with whether its deal is
    /// declared.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declared: Vec<bool> = ledger.operations().map(|(_, declared)| declared).collect();
    /// // The second operation makes the deal 1 800: both are declared.
    /// assert_eq!(declared, [true, true]);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn operations(&self) -> impl Iterator<Item = (&CashOperation, bool)> + '_ {
        self.operations
            .iter()
            .map(|recorded| (&recorded.operation, recorded.declarable))
    }

    /// The positions of the recorded operations in the deal of `operation`: everything
    /// reachable through a shared client and day, or a shared invoice, in its direction.
    fn deal_of(&self, operation: &CashOperation) -> Vec<usize> {
        let mut seen: HashSet<usize> = HashSet::new();
        let mut queue: Vec<(Option<String>, NaiveDate, Option<String>)> = vec![(
            operation.counterparty.as_ref().map(|c| c.key.clone()),
            operation.date,
            operation.invoice.clone(),
        )];
        let mut visited_client_days: HashSet<(String, NaiveDate)> = HashSet::new();
        let mut visited_invoices: HashSet<String> = HashSet::new();
        let direction = operation.direction;
        while let Some((client, date, invoice)) = queue.pop() {
            let mut found: Vec<usize> = Vec::new();
            if let Some(client) = client
                && visited_client_days.insert((client.clone(), date))
                && let Some(positions) = self.index.by_client_day.get(&(direction, client, date))
            {
                found.extend(positions);
            }
            if let Some(invoice) = invoice
                && visited_invoices.insert(invoice.clone())
                && let Some(positions) = self.index.by_invoice.get(&(direction, invoice))
            {
                found.extend(positions);
            }
            for position in found {
                if seen.insert(position)
                    && let Some(recorded) = self.operations.get(position)
                {
                    let linked = &recorded.operation;
                    queue.push((
                        linked.counterparty.as_ref().map(|c| c.key.clone()),
                        linked.date,
                        linked.invoice.clone(),
                    ));
                }
            }
        }
        let mut deal: Vec<usize> = seen.into_iter().collect();
        deal.sort_unstable();
        deal
    }

    /// Checks `operation` against the limits without recording it: its deal (the linked
    /// operations already recorded, and it), the verdict, and whether the deal is declared.
    ///
    /// # Errors
    ///
    /// [`CashLimitError::Duplicate`] for a reference recorded already;
    /// [`CashLimitError::Cash`] for cash in another currency than the limits'.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.check(&cash("KIO-3", 3, dec!(6000))?)?;
    /// assert_eq!(verdict.check(), apkalpe_payments::CashLimitCheck::Forbidden);
    /// assert_eq!(ledger.operations().count(), 2, "checking records nothing");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn check(&self, operation: &CashOperation) -> Result<CashLimitVerdict, CashLimitError> {
        if self.index.references.contains(&operation.reference) {
            return Err(CashLimitError::Duplicate {
                reference: operation.reference.clone(),
            });
        }
        let positions = self.deal_of(operation);
        let mut deal = operation.cash;
        let mut linked = Vec::with_capacity(positions.len());
        let mut taxpayer = operation
            .counterparty
            .as_ref()
            .is_some_and(CashCounterparty::is_taxpayer);
        for position in &positions {
            if let Some(recorded) = self.operations.get(*position) {
                deal = deal
                    .checked_add(recorded.operation.cash)
                    .map_err(CashError::from)?;
                linked.push(recorded.operation.reference.clone());
                taxpayer |= recorded
                    .operation
                    .counterparty
                    .as_ref()
                    .is_some_and(CashCounterparty::is_taxpayer);
            }
        }
        let check = self.limits.check(deal)?;
        Ok(CashLimitVerdict {
            deal,
            linked,
            check,
            declarable: taxpayer && check != CashLimitCheck::Allowed,
        })
    }

    /// Records `operation`: refuses it when its deal would exceed the cap; otherwise adds it,
    /// and when the deal is declared, marks every operation of the deal. A refused operation
    /// changes nothing.
    ///
    /// # Errors
    ///
    /// [`CashLimitError::Exceeded`] over the cap; the errors of [`CashLimitLedger::check`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let verdict = ledger.record(cash("KIO-3", 4, dec!(100))?)?;
    /// assert_eq!(verdict.deal(), Money::new(dec!(100), Currency::EUR), "another day, another deal");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn record(&mut self, operation: CashOperation) -> Result<CashLimitVerdict, CashLimitError> {
        let verdict = self.check(&operation)?;
        if verdict.check == CashLimitCheck::Forbidden {
            return Err(CashLimitError::Exceeded {
                reference: operation.reference,
                cash: operation.cash,
                deal: verdict.deal,
                cap: self.limits.cap(),
                linked: verdict.linked.len(),
            });
        }
        if verdict.declarable {
            for position in self.deal_of(&operation) {
                if let Some(recorded) = self.operations.get_mut(position) {
                    recorded.declarable = true;
                }
            }
        }
        let position = self.operations.len();
        self.index.add(position, &operation);
        self.operations.push(Recorded {
            operation,
            declarable: verdict.declarable,
        });
        Ok(verdict)
    }

    /// Forgets the operations dated before `date`, to keep a long-running ledger bounded;
    /// returns how many. Later operations can no longer be linked with them, so keep at
    /// least the longest time a client may pay one invoice in parts, and every operation of a
    /// month until its declaration is made (the 15th of the next month).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.forget_before(day(4)), 2);
    /// assert_eq!(ledger.operations().count(), 0);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn forget_before(&mut self, date: NaiveDate) -> usize {
        let before = self.operations.len();
        self.operations
            .retain(|recorded| recorded.operation.date >= date);
        let mut index = LinkIndex::default();
        for (position, recorded) in self.operations.iter().enumerate() {
            index.add(position, &recorded.operation);
        }
        self.index = index;
        before.saturating_sub(self.operations.len())
    }

    /// The declaration of a month (T4.2): every operation of `year`-`month` whose deal is
    /// declared, by taxpayer, due by the 15th of the next month.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// assert_eq!(declaration.lines()[0].received(), Money::new(dec!(1800), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn declaration(&self, year: i32, month: u32) -> CashDeclaration {
        let mut by_taxpayer: BTreeMap<(String, String), DeclarationLine> = BTreeMap::new();
        for recorded in &self.operations {
            let operation = &recorded.operation;
            if !recorded.declarable
                || operation.date.year() != year
                || operation.date.month() != month
            {
                continue;
            }
            let Some(party) = &operation.counterparty else {
                continue;
            };
            let Some(number) = &party.taxpayer_number else {
                continue;
            };
            let line = by_taxpayer
                .entry((number.clone(), party.name.clone()))
                .or_insert_with(|| DeclarationLine {
                    taxpayer_number: number.clone(),
                    name: party.name.clone(),
                    received: Money::zero(operation.cash.currency()),
                    paid: Money::zero(operation.cash.currency()),
                    operations: Vec::new(),
                });
            let sum = match operation.direction {
                CashDirection::Received => &mut line.received,
                CashDirection::Paid => &mut line.paid,
            };
            *sum = sum.checked_add(operation.cash).unwrap_or(*sum);
            line.operations.push(operation.reference.clone());
        }
        let first_of_month = NaiveDate::from_ymd_opt(year, month, 1);
        let due = first_of_month
            .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
            .and_then(|next| next.with_day(15))
            .unwrap_or(NaiveDate::MAX);
        CashDeclaration {
            year,
            month,
            due,
            threshold: self.limits.declaration_threshold(),
            lines: by_taxpayer.into_values().collect(),
        }
    }
}

impl LinkIndex {
    fn add(&mut self, position: usize, operation: &CashOperation) {
        self.references.insert(operation.reference.clone());
        if let Some(party) = &operation.counterparty {
            self.by_client_day
                .entry((operation.direction, party.key.clone(), operation.date))
                .or_default()
                .push(position);
        }
        if let Some(invoice) = &operation.invoice {
            self.by_invoice
                .entry((operation.direction, invoice.clone()))
                .or_default()
                .push(position);
        }
    }
}

/// One taxpayer in a [`CashDeclaration`]: the cash received from it and paid to it in the
/// month's declared deals, and the operations.
///
/// [`CashLimitLedger::declaration`] computes it: its fields are read through getters. A
/// program that keeps the declared operations elsewhere builds it with
/// [`DeclarationLine::new`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// let cash = |reference, d, amount| {
///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
///         .map(|operation| operation.with_counterparty(koks.clone()))
/// };
/// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
/// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
/// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
/// let declaration = ledger.declaration(2026, 11);
/// let line = &declaration.lines()[0];
/// assert_eq!((line.taxpayer_number(), line.operations().len()), ("40003521600", 2));
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DeclarationLine {
    /// The taxpayer's number.
    pub(crate) taxpayer_number: String,
    /// Its name.
    pub(crate) name: String,
    /// Cash received from it.
    pub(crate) received: Money,
    /// Cash paid to it.
    pub(crate) paid: Money,
    /// The references of the operations, in the order recorded.
    pub(crate) operations: Vec<String>,
}

impl DeclarationLine {
    /// Creates a line from its figures, as a program that keeps the declared operations
    /// itself sums them. Nothing is checked, as when a declaration is read back.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::DeclarationLine;
    /// use rust_decimal_macros::dec;
    ///
    /// let line = DeclarationLine::new(
    ///     "40003521600".into(),
    ///     "SIA Koks".into(),
    ///     Money::new(dec!(1800), Currency::EUR),
    ///     Money::zero(Currency::EUR),
    ///     vec!["KIO-1".into(), "KIO-2".into()],
    /// );
    /// assert_eq!((line.name(), line.operations().len()), ("SIA Koks", 2));
    /// ```
    pub fn new(
        taxpayer_number: String,
        name: String,
        received: Money,
        paid: Money,
        operations: Vec<String>,
    ) -> Self {
        DeclarationLine {
            taxpayer_number,
            name,
            received,
            paid,
            operations,
        }
    }

    /// Returns the taxpayer's number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// let line = &declaration.lines()[0];
    /// assert_eq!(line.taxpayer_number(), "40003521600");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn taxpayer_number(&self) -> &str {
        &self.taxpayer_number
    }

    /// Returns the taxpayer's name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// let line = &declaration.lines()[0];
    /// assert_eq!(line.name(), "SIA Koks");
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the cash received from the taxpayer.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// let line = &declaration.lines()[0];
    /// assert_eq!(line.received(), Money::new(dec!(1800), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn received(&self) -> Money {
        self.received
    }

    /// Returns the cash paid to the taxpayer.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// let line = &declaration.lines()[0];
    /// assert!(line.paid().is_zero());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn paid(&self) -> Money {
        self.paid
    }

    /// Returns the references of the operations, in the order recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// # let cash = |reference, d, amount| {
    /// #     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    /// #         .map(|operation| operation.with_counterparty(koks.clone()))
    /// # };
    /// # let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// # ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// # ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let declaration = ledger.declaration(2026, 11);
    /// let line = &declaration.lines()[0];
    /// assert_eq!(line.operations(), ["KIO-1", "KIO-2"]);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn operations(&self) -> &[String] {
        &self.operations
    }
}

/// The monthly report of cash deals over the threshold between taxpayers, for the State
/// Revenue Service (MK noteikumi Nr. 237; `docs/sources.md` §10 \[C4\]).
///
/// Its fields are read through getters. It deserialises from the form it serialises to, each
/// field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
/// let cash = |reference, d, amount| {
///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
///         .map(|operation| operation.with_counterparty(koks.clone()))
/// };
/// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
/// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
/// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
/// let declaration = ledger.declaration(2026, 11);
/// assert!(!declaration.is_empty());
/// assert_eq!((declaration.year(), declaration.month()), (2026, 11));
/// # Ok::<(), apkalpe_payments::CashLimitError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashDeclaration {
    year: i32,
    month: u32,
    due: NaiveDate,
    threshold: Money,
    lines: Vec<DeclarationLine>,
}

const MONTHS: [&str; 12] = [
    "janvāris",
    "februāris",
    "marts",
    "aprīlis",
    "maijs",
    "jūnijs",
    "jūlijs",
    "augusts",
    "septembris",
    "oktobris",
    "novembris",
    "decembris",
];

impl CashDeclaration {
    /// Returns the year.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.declaration(2026, 11).year(), 2026);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Returns the month (1–12).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.declaration(2026, 11).month(), 11);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn month(&self) -> u32 {
        self.month
    }

    /// Returns the day it is due: the 15th of the next month (not moved off a day off: the
    /// cited source does not say it moves).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.declaration(2026, 11).due(), NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Returns the taxpayers, by number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert_eq!(ledger.declaration(2026, 11).lines().len(), 1);
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn lines(&self) -> &[DeclarationLine] {
        &self.lines
    }

    /// Tells whether there is nothing to declare.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// assert!(ledger.declaration(2026, 10).is_empty());
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Renders the report as Latvian text for the business `organisation` with
    /// `registration_number`: amounts the Latvian way, counts that agree in number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let koks = CashCounterparty::taxpayer("C-17", "SIA Koks", "40003521600")?;
    /// let cash = |reference, d, amount| {
    ///     CashOperation::try_new(reference, day(d), CashDirection::Received, Money::new(amount, Currency::EUR))
    ///         .map(|operation| operation.with_counterparty(koks.clone()))
    /// };
    /// let mut ledger = CashLimitLedger::new(CashLimits::latvia());
    /// ledger.record(cash("KIO-1", 3, dec!(1000))?)?;
    /// ledger.record(cash("KIO-2", 3, dec!(800))?)?;
    /// let text = ledger.declaration(2026, 11).render("SIA Apkalpe", "40003521600");
    /// assert!(text.starts_with("SIA Apkalpe, reģ. Nr. 40003521600\n"));
    /// # Ok::<(), apkalpe_payments::CashLimitError>(())
    /// ```
    pub fn render(&self, organisation: &str, registration_number: &str) -> String {
        let lv = Language::Latvian;
        let money = |m: Money| m.to_localized_string(lv);
        let deals = CountNoun::new("darījums", "darījumi");
        let taxpayers = CountNoun::new("nodokļu maksātājs", "nodokļu maksātāji");
        let month = usize::try_from(self.month.saturating_sub(1))
            .ok()
            .and_then(|i| MONTHS.get(i))
            .copied()
            .unwrap_or("?");
        let mut out = String::new();
        let _ = writeln!(out, "{organisation}, reģ. Nr. {registration_number}");
        let _ = writeln!(
            out,
            "Skaidrā naudā veiktie darījumi ar nodokļu maksātājiem virs {}",
            money(self.threshold)
        );
        let _ = writeln!(
            out,
            "{}. gada {month}; iesniegt VID līdz {}",
            self.year, self.due
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<4}{:<32}{:<14}{:>14}{:>14}  Darījumi",
            "Nr.", "Nodokļu maksātājs", "Reģ. Nr.", "Saņemts", "Izmaksāts"
        );
        let mut count = 0_usize;
        for (number, line) in self.lines.iter().enumerate() {
            count = count.saturating_add(line.operations.len());
            let name: String = line.name.chars().take(31).collect();
            let _ = writeln!(
                out,
                "{:<4}{:<32}{:<14}{:>14}{:>14}  {}: {}",
                number.saturating_add(1),
                name,
                line.taxpayer_number,
                money(line.received),
                money(line.paid),
                deals.count_of(lv, line.operations.len()),
                line.operations.join(", ")
            );
        }
        let _ = writeln!(out);
        if self.lines.is_empty() {
            let _ = writeln!(out, "Nav deklarējamu darījumu.");
        } else {
            let _ = writeln!(
                out,
                "Kopā: {}, {}",
                taxpayers.count_of(lv, self.lines.len()),
                deals.count_of(lv, count)
            );
        }
        out
    }
}
