//! Receivables (*debitoru parādi*): what clients owe, by when, how much is paid; the ledger
//! that applies payments to them; payment reminders (*atgādinājumi par maksājumu*); and the
//! receivables CSV reader.
//!
//! Serves: T4.5 (inform clients about payment deadlines), T4.3, S33.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CreditorReference, Currency, Language, Money, MoneyError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(feature = "serde")]
use crate::cash::Entries;

/// The error returned by receivables and allocation.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// let again = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into())).unwrap_err();
/// assert_eq!(again, apkalpe_payments::ReceivableError::AlreadyApplied { id: "P-1".into() });
/// let _ = allocation;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReceivableError {
    /// A required text is empty.
    #[error("the receivable's {field} must not be empty")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// A receivable amount of zero or less, or a payment of zero or less.
    #[error("the {what} must be positive, found {found}")]
    NonPositive {
        /// `receivable amount` or `payment amount`.
        what: &'static str,
        /// The amount.
        found: Money,
    },
    /// Two receivables with the same number.
    #[error("receivable {number} is already in the ledger")]
    Duplicate {
        /// The number.
        number: String,
    },
    /// No receivable with that number or reference.
    #[error("no receivable {target}")]
    Unknown {
        /// The number or reference asked for.
        target: String,
    },
    /// A payment with this id was applied before.
    #[error("payment {id} was already applied")]
    AlreadyApplied {
        /// The payment's id.
        id: String,
    },
    /// A payment booked before the ledger's horizon: payments before it were archived and
    /// their keys forgotten, so it is never applied (it may have been applied before).
    #[error("payment {id} of {date} is before the ledger's horizon {horizon}, and is not applied")]
    BeforeHorizon {
        /// The payment's id.
        id: String,
        /// The payment's date.
        date: NaiveDate,
        /// The horizon.
        horizon: NaiveDate,
    },
    /// The payment's currency differs from the receivable's.
    #[error("payment in {found} cannot settle a receivable in {expected}")]
    Currency {
        /// The receivable's currency.
        expected: Currency,
        /// The payment's.
        found: Currency,
    },
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl ReceivableError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let unknown = IncomingPayment::new("P-2", payment.payer(), payment.amount(), payment.date());
    /// let error = ledger.apply(&unknown, &AllocationTarget::Receivable("INV-9".into())).unwrap_err();
    /// assert_eq!(error.code(), "receivable.unknown");
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ReceivableError::Empty { .. } => "receivable.empty",
            ReceivableError::NonPositive { .. } => "receivable.non_positive",
            ReceivableError::Duplicate { .. } => "receivable.duplicate",
            ReceivableError::Unknown { .. } => "receivable.unknown",
            ReceivableError::AlreadyApplied { .. } => "receivable.already_applied",
            ReceivableError::BeforeHorizon { .. } => "receivable.before_horizon",
            ReceivableError::Currency { .. } => "receivable.currency",
            ReceivableError::Money(error) => error.code(),
        }
    }
}

/// An amount a client owes: invoice number, debtor, amount, due date, and the RF reference
/// the client was asked to quote.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::Receivable;
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let r = Receivable::try_new(
///     "INV-2026-001", "SIA Klients", Money::new(dec!(121.00), Currency::EUR),
///     NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(), Some("RF18539007547034".parse()?),
/// )?;
/// assert_eq!(r.number(), "INV-2026-001");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// It deserializes through [`Receivable::try_new`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReceivableRecord"))]
pub struct Receivable {
    number: String,
    debtor: String,
    amount: Money,
    due_date: NaiveDate,
    reference: Option<CreditorReference>,
}

/// The saved form of a [`Receivable`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReceivableRecord {
    number: String,
    debtor: String,
    amount: Money,
    due_date: NaiveDate,
    reference: Option<CreditorReference>,
}

#[cfg(feature = "serde")]
impl TryFrom<ReceivableRecord> for Receivable {
    type Error = RestoreError;

    fn try_from(record: ReceivableRecord) -> Result<Self, Self::Error> {
        Receivable::from_owned(
            record.number,
            record.debtor,
            record.amount,
            record.due_date,
            record.reference,
        )
        .map_err(|error| {
            let field = match error {
                ReceivableError::Empty { field } => field,
                _ => "amount",
            };
            RestoreError::invalid("Receivable", field, error)
        })
    }
}

impl Receivable {
    /// Creates a receivable.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Empty`] for a blank number or debtor;
    /// [`ReceivableError::NonPositive`] for an amount ≤ 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.number(), "INV-1");
    /// let error = Receivable::try_new("INV-2", "x", Money::new(dec!(0), Currency::EUR), due, None).unwrap_err();
    /// assert_eq!(error.code(), "receivable.non_positive");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn try_new(
        number: &str,
        debtor: &str,
        amount: Money,
        due_date: NaiveDate,
        reference: Option<CreditorReference>,
    ) -> Result<Self, ReceivableError> {
        Receivable::from_owned(
            number.trim().to_owned(),
            debtor.trim().to_owned(),
            amount,
            due_date,
            reference,
        )
    }

    /// [`Receivable::try_new`] on texts already owned: the same checks, without copying texts
    /// that need no trimming (restoring a ledger reads 100 000 of them).
    fn from_owned(
        number: String,
        debtor: String,
        amount: Money,
        due_date: NaiveDate,
        reference: Option<CreditorReference>,
    ) -> Result<Self, ReceivableError> {
        let trimmed = |text: String| {
            if text.trim().len() == text.len() {
                text
            } else {
                text.trim().to_owned()
            }
        };
        let (number, debtor) = (trimmed(number), trimmed(debtor));
        if number.is_empty() {
            return Err(ReceivableError::Empty { field: "number" });
        }
        if debtor.is_empty() {
            return Err(ReceivableError::Empty { field: "debtor" });
        }
        if !amount.is_positive() {
            return Err(ReceivableError::NonPositive {
                what: "receivable amount",
                found: amount,
            });
        }
        Ok(Receivable {
            number,
            debtor,
            amount,
            due_date,
            reference,
        })
    }

    /// Returns the invoice number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.number(), "INV-1");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the debtor's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.debtor(), "SIA Klients");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn debtor(&self) -> &str {
        &self.debtor
    }

    /// Returns the amount owed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.amount().to_string(), "121.00 EUR");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the due date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.due_date(), due);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn due_date(&self) -> NaiveDate {
        self.due_date
    }

    /// Returns the RF reference, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CreditorReference, Currency, Money};
    /// use apkalpe_payments::Receivable;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let reference: CreditorReference = "RF18539007547034".parse()?;
    /// let receivable = Receivable::try_new("INV-1", "SIA Klients", Money::new(dec!(121), Currency::EUR), due, Some(reference))?;
    /// assert_eq!(receivable.reference().map(|r| r.to_string()), Some("RF18539007547034".to_owned()));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn reference(&self) -> Option<&CreditorReference> {
        self.reference.as_ref()
    }
}

/// The status of a receivable on a day.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// assert_eq!(ledger.status("INV-1", day(19))?, apkalpe_payments::ReceivableStatus::PartlyPaid);
/// assert_eq!(ledger.status("INV-1", day(25))?, apkalpe_payments::ReceivableStatus::Overdue { days: 5 });
/// let _ = allocation;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "status"))]
pub enum ReceivableStatus {
    /// Nothing paid, not yet due.
    Open,
    /// Part paid, not yet due.
    PartlyPaid,
    /// Fully paid.
    Paid,
    /// Not fully paid after the due date.
    Overdue {
        /// Days since the due date.
        days: i64,
    },
}

/// A payment to apply: an id that makes applying it idempotent, the payer, the amount and
/// the date.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// assert_eq!(allocation.payment(), "P-1");
/// let _ = payment;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct IncomingPayment {
    /// The payment's id (bank entry reference, receipt number).
    pub(crate) id: String,
    /// The payer's name as given.
    pub(crate) payer: String,
    /// The amount (positive).
    pub(crate) amount: Money,
    /// The date received.
    pub(crate) date: NaiveDate,
}

impl IncomingPayment {
    /// A payment with its id, payer, amount and date.
    ///
    /// Infallible, like the saved form: the record holds what the bank or the till said.
    /// The amount's sign is checked where it matters, when the payment is applied
    /// ([`ReceivableError::NonPositive`] from [`ReceivableLedger::apply`]), so a refused
    /// payment can still be recorded and shown.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::IncomingPayment;
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", Money::new(dec!(40), Currency::EUR), date);
    /// assert_eq!((payment.id(), payment.payer()), ("P-1", "SIA Klients"));
    /// assert_eq!((payment.amount().to_string(), payment.date()), ("40.00 EUR".to_owned(), date));
    /// ```
    pub fn new(
        id: impl Into<String>,
        payer: impl Into<String>,
        amount: Money,
        date: NaiveDate,
    ) -> IncomingPayment {
        IncomingPayment {
            id: id.into(),
            payer: payer.into(),
            amount,
            date,
        }
    }

    /// The payment's id (bank entry reference, receipt number).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The payer's name as given.
    pub fn payer(&self) -> &str {
        &self.payer
    }

    /// The amount (positive).
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The date received.
    pub fn date(&self) -> NaiveDate {
        self.date
    }
}

/// Where a payment goes.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// let rest = IncomingPayment::new("P-2", payment.payer(), eur(dec!(70)), payment.date());
/// let oldest = AllocationTarget::OldestFirst { debtor: "SIA Klients".into() };
/// let second = ledger.apply(&rest, &oldest)?;
/// // 60.00 settles INV-1; the 10.00 over is kept as the client's credit.
/// assert_eq!(second.credit(), eur(dec!(10)));
/// let _ = allocation;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllocationTarget {
    /// To the receivable with this number; the excess becomes the debtor's credit.
    Receivable(String),
    /// To the receivable with this RF reference; the excess becomes the debtor's credit.
    Reference(CreditorReference),
    /// To the debtor's open receivables, oldest due date first; the excess becomes credit.
    OldestFirst {
        /// The debtor.
        debtor: String,
    },
    /// To no receivable: the whole amount becomes the payer's credit. What a credit note
    /// for an invoice settled and archived gives the buyer, as the same note would have
    /// given through [`AllocationTarget::Receivable`] before the archive.
    Credit,
}

/// One part of an allocation, as [`ReceivableLedger::apply`] computes it: its fields are read
/// through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// let part = &allocation.parts()[0];
/// assert_eq!((part.receivable(), part.amount()), ("INV-1", eur(dec!(40))));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct AllocationPart {
    /// The receivable's number.
    pub(crate) receivable: String,
    /// The amount applied.
    pub(crate) amount: Money,
}

impl AllocationPart {
    /// Returns the receivable's number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let part = &allocation.parts()[0];
    /// assert_eq!(part.receivable(), "INV-1");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn receivable(&self) -> &str {
        &self.receivable
    }

    /// Returns the amount applied.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let part = &allocation.parts()[0];
    /// assert_eq!(part.amount(), eur(dec!(40)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// How a payment was applied: parts to receivables and the rest kept as credit. The parts
/// plus the credit equal the payment, exactly.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// assert_eq!((allocation.debtor(), allocation.credit()), ("SIA Klients", eur(dec!(0))));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Allocation {
    /// The payment's id.
    pub(crate) payment: String,
    /// The parts.
    pub(crate) parts: Vec<AllocationPart>,
    /// The overpayment kept as the debtor's credit.
    pub(crate) credit: Money,
    /// Whose credit.
    pub(crate) debtor: String,
}

impl Allocation {
    /// The payment's id.
    pub fn payment(&self) -> &str {
        &self.payment
    }

    /// The parts.
    pub fn parts(&self) -> &[AllocationPart] {
        &self.parts
    }

    /// The overpayment kept as the debtor's credit.
    pub fn credit(&self) -> Money {
        self.credit
    }

    /// Whose credit.
    pub fn debtor(&self) -> &str {
        &self.debtor
    }
}

/// Receivables and what has been paid on them.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger, ReceivableStatus};
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(10, 31), None)?)?;
/// ledger.add(Receivable::try_new("INV-2", "SIA Klients", eur(dec!(50)), day(11, 30), None)?)?;
/// let payment = IncomingPayment::new("B-1", "SIA Klients", eur(dec!(170)), day(12, 1));
/// let allocation = ledger.apply(&payment, &AllocationTarget::OldestFirst { debtor: "SIA Klients".into() })?;
/// assert_eq!(allocation.parts().len(), 2);
/// assert_eq!(allocation.credit().to_string(), "20.00 EUR");
/// assert_eq!(ledger.status("INV-2", day(12, 1))?, ReceivableStatus::Paid);
/// assert_eq!(ledger.settled_on("INV-2")?, Some(day(12, 1)));
/// assert_eq!(ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into())).unwrap_err().code(), "receivable.already_applied");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// # Bounded history
///
/// A ledger that runs for years need not keep every paid invoice:
/// [`ReceivableLedger::archive_settled`] removes the receivables settled before a date and
/// returns them, drops the keys of payments booked before it, and makes that date the ledger's
/// [horizon](ReceivableLedger::horizon): a payment booked before the horizon is never applied
/// (by [`ReceivableLedger::apply`] an error, by [`reconcile`](crate::reconcile) the status
/// [`MatchStatus::BeforeHorizon`](crate::MatchStatus::BeforeHorizon)), so no payment is ever
/// applied twice although its key is forgotten.
///
/// # Saved form
///
/// ```json
/// {
///   "receivables": [
///     {"number": "INV-1", "debtor": "SIA Klients",
///      "amount": {"amount": "100.00", "currency": "EUR"}, "due_date": "2026-10-31",
///      "reference": "RF18539007547034",
///      "paid": {"amount": "100.00", "currency": "EUR"}, "settled_on": "2026-12-01"}
///   ],
///   "credits": {"SIA Klients": {"amount": "20.00", "currency": "EUR"}},
///   "applied": {"B-1": "2026-12-01"},
///   "horizon": null
/// }
/// ```
///
/// The receivables in the order added, each with what is paid and the day it was settled
/// (`null` while open); the debtors' credits; the keys of the payments applied with the day
/// each was booked, sorted by key; the horizon. The indexes by number, reference and debtor
/// are not saved: restoring rebuilds them, in time linear in the receivables. Restoring checks
/// what the operations guarantee, and refuses a saved ledger with a [`RestoreError`]: a
/// receivable its constructor refuses; two numbers equal ignoring case; a paid amount in
/// another currency, below zero or above the receivable; a settlement day on a receivable not
/// paid in full, or missing on one that is, or before the horizon; a credit that is not
/// positive; a repeated key, or one booked before the horizon; payments on the books with no
/// applied key and no horizon.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceivableLedger {
    receivables: Vec<Receivable>,
    paid: Vec<Decimal>,
    settled_on: Vec<Option<NaiveDate>>,
    by_number: HashMap<String, usize>,
    by_reference: HashMap<CreditorReference, usize>,
    by_debtor: HashMap<String, Vec<usize>>,
    credits: BTreeMap<String, Money>,
    applied: HashMap<String, NaiveDate>,
    horizon: Option<NaiveDate>,
}

/// Normalises a name for matching: upper case, letters and digits only, single spaces.
pub(crate) fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_uppercase));
    }
    out
}

/// What applying a payment changes, computed before anything changes: the new paid amount of
/// each receivable it reaches, and the debtor's new credit.
struct AllocationPlan {
    parts: Vec<(usize, Decimal, Decimal)>,
    debtor: String,
    left: Decimal,
    credit: Option<Money>,
}

impl ReceivableLedger {
    /// Creates an empty ledger.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::ReceivableLedger;
    ///
    /// let ledger = ReceivableLedger::new();
    /// assert!(ledger.receivables().is_empty());
    /// ```
    pub fn new() -> Self {
        ReceivableLedger::default()
    }

    /// Creates a ledger from receivables.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Duplicate`] for a repeated number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let one = |number| Receivable::try_new(number, "SIA Klients", Money::new(dec!(10), Currency::EUR), due, None);
    /// let ledger = ReceivableLedger::try_from_receivables([one("INV-1")?, one("INV-2")?])?;
    /// assert_eq!(ledger.receivables().len(), 2);
    /// assert!(ReceivableLedger::try_from_receivables([one("INV-1")?, one("inv-1")?]).is_err());
    /// # Ok::<(), apkalpe_payments::ReceivableError>(())
    /// ```
    pub fn try_from_receivables(
        receivables: impl IntoIterator<Item = Receivable>,
    ) -> Result<Self, ReceivableError> {
        let mut ledger = ReceivableLedger::new();
        for receivable in receivables {
            ledger.add(receivable)?;
        }
        Ok(ledger)
    }

    /// Adds a receivable.
    ///
    /// A receivable archived by [`ReceivableLedger::archive_settled`] is no longer in the
    /// ledger, so its number may be added again: the numbers of archived receivables are not
    /// kept (the invoice series that issued them keeps them unique).
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Duplicate`] for a number already in the ledger.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// ledger.add(Receivable::try_new("INV-2", "SIA Klients", eur(dec!(5)), day(30), None)?)?;
    /// assert_eq!(ledger.receivables().len(), 2);
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn add(&mut self, receivable: Receivable) -> Result<(), ReceivableError> {
        self.push(receivable, Decimal::ZERO, None)
    }

    /// Puts a receivable with what is paid on it into the ledger and its indexes.
    fn push(
        &mut self,
        receivable: Receivable,
        paid: Decimal,
        settled_on: Option<NaiveDate>,
    ) -> Result<(), ReceivableError> {
        let index = self.receivables.len();
        match self.by_number.entry(receivable.number.to_uppercase()) {
            std::collections::hash_map::Entry::Occupied(_) => {
                return Err(ReceivableError::Duplicate {
                    number: receivable.number,
                });
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
        if let Some(reference) = receivable.reference {
            self.by_reference.entry(reference).or_insert(index);
        }
        let debtor = normalise_name(&receivable.debtor);
        self.by_debtor.entry(debtor).or_default().push(index);
        self.receivables.push(receivable);
        self.paid.push(paid);
        self.settled_on.push(settled_on);
        Ok(())
    }

    /// Returns the receivables, in the order added.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.receivables()[0].number(), "INV-1");
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn receivables(&self) -> &[Receivable] {
        &self.receivables
    }

    /// Returns the receivable with this number (case-insensitive).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.get("INV-1").map(|r| r.amount()), Some(eur(dec!(100))));
    /// assert!(ledger.get("INV-9").is_none());
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn get(&self, number: &str) -> Option<&Receivable> {
        self.index_of_number(number)
            .and_then(|i| self.receivables.get(i))
    }

    pub(crate) fn index_of_number(&self, number: &str) -> Option<usize> {
        if number.chars().any(char::is_lowercase) {
            self.by_number.get(&number.to_uppercase()).copied()
        } else {
            self.by_number.get(number).copied()
        }
    }

    pub(crate) fn index_of_reference(&self, reference: &CreditorReference) -> Option<usize> {
        self.by_reference.get(reference).copied()
    }

    pub(crate) fn receivable_at(&self, index: usize) -> Option<&Receivable> {
        self.receivables.get(index)
    }

    /// Receivables of a (normalised) debtor whose open amount is `amount`.
    pub(crate) fn open_with(&self, debtor: &str, amount: Decimal) -> Vec<usize> {
        self.by_debtor.get(debtor).map_or_else(Vec::new, |list| {
            list.iter()
                .copied()
                .filter(|&i| self.open_at(i) == amount)
                .collect()
        })
    }

    pub(crate) fn is_applied(&self, id: &str) -> bool {
        self.applied.contains_key(id)
    }

    /// Returns whether a payment booked on `date` is before the horizon: never applied.
    pub(crate) fn is_before_horizon(&self, date: NaiveDate) -> bool {
        self.horizon.is_some_and(|horizon| date < horizon)
    }

    pub(crate) fn open_at(&self, index: usize) -> Decimal {
        let amount = self
            .receivables
            .get(index)
            .map(|r| r.amount.amount())
            .unwrap_or_default();
        let paid = self.paid.get(index).copied().unwrap_or_default();
        amount
            .checked_sub(paid)
            .unwrap_or_default()
            .max(Decimal::ZERO)
    }

    /// Returns what is paid on a receivable.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Unknown`] for an unknown number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.paid("INV-1")?, eur(dec!(40)));
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn paid(&self, number: &str) -> Result<Money, ReceivableError> {
        let index = self.known(number)?;
        let currency = self.currency_at(index);
        Ok(Money::new(
            self.paid.get(index).copied().unwrap_or_default(),
            currency,
        ))
    }

    /// Returns what is still open on a receivable.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Unknown`] for an unknown number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.open("INV-1")?, eur(dec!(60)));
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn open(&self, number: &str) -> Result<Money, ReceivableError> {
        let index = self.known(number)?;
        Ok(Money::new(self.open_at(index), self.currency_at(index)))
    }

    /// Returns the day a receivable was settled (paid in full, by payments or credit notes):
    /// the date of the payment that closed it; `None` while something is open.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Unknown`] for an unknown number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.settled_on("INV-1")?, None);
    /// let rest = IncomingPayment::new("P-2", payment.payer(), eur(dec!(60)), day(19));
    /// ledger.apply(&rest, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.settled_on("INV-1")?, Some(day(19)));
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn settled_on(&self, number: &str) -> Result<Option<NaiveDate>, ReceivableError> {
        let index = self.known(number)?;
        Ok(self.settled_on.get(index).copied().flatten())
    }

    /// Returns the horizon: payments booked before it are never applied, since the keys of
    /// such payments were dropped by [`ReceivableLedger::archive_settled`]. `None` until the
    /// first archive.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.horizon(), None);
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn horizon(&self) -> Option<NaiveDate> {
        self.horizon
    }

    /// Returns how many payment keys the ledger remembers (what keeps a payment from being
    /// applied twice).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.applied_count(), 1);
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn applied_count(&self) -> usize {
        self.applied.len()
    }

    fn currency_at(&self, index: usize) -> Currency {
        self.receivables
            .get(index)
            .map_or(Currency::EUR, |r| r.amount.currency())
    }

    fn known(&self, number: &str) -> Result<usize, ReceivableError> {
        self.index_of_number(number)
            .ok_or_else(|| ReceivableError::Unknown {
                target: number.to_owned(),
            })
    }

    /// Returns the status of a receivable on `today`.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Unknown`] for an unknown number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(ledger.status("INV-1", day(19))?, apkalpe_payments::ReceivableStatus::PartlyPaid);
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn status(
        &self,
        number: &str,
        today: NaiveDate,
    ) -> Result<ReceivableStatus, ReceivableError> {
        let index = self.known(number)?;
        Ok(self.status_at(index, today))
    }

    fn status_at(&self, index: usize, today: NaiveDate) -> ReceivableStatus {
        let open = self.open_at(index);
        let paid = self.paid.get(index).copied().unwrap_or_default();
        let due = self.receivables.get(index).map_or(today, |r| r.due_date);
        if open.is_zero() {
            ReceivableStatus::Paid
        } else if today > due {
            ReceivableStatus::Overdue {
                days: today.signed_duration_since(due).num_days(),
            }
        } else if paid.is_zero() {
            ReceivableStatus::Open
        } else {
            ReceivableStatus::PartlyPaid
        }
    }

    /// Returns the credits (overpayments) per debtor.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert!(ledger.credits().is_empty());
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn credits(&self) -> &BTreeMap<String, Money> {
        &self.credits
    }

    /// Applies a payment: to one receivable (by number or RF reference) or to the debtor's
    /// receivables oldest first. Never more is applied than paid; the excess is kept as the
    /// debtor's credit. A payment id is applied once: a second time is an error and changes
    /// nothing. A receivable paid in full is settled on the payment's date.
    ///
    /// The operation is atomic: when it returns an error, the ledger is unchanged.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::BeforeHorizon`] for a payment dated before the
    /// [horizon](ReceivableLedger::horizon); [`ReceivableError::AlreadyApplied`];
    /// [`ReceivableError::NonPositive`] for a payment ≤ 0; [`ReceivableError::Unknown`] for an
    /// unknown number, reference or debtor; [`ReceivableError::Currency`] for a payment in
    /// another currency than the receivable's; [`ReceivableError::Money`] when the debtor's
    /// credit is in another currency, or on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// assert_eq!(allocation.parts().len(), 1);
    /// // The same payment again is refused: applying is idempotent by the payment's id.
    /// assert!(ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into())).is_err());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn apply(
        &mut self,
        payment: &IncomingPayment,
        target: &AllocationTarget,
    ) -> Result<Allocation, ReceivableError> {
        if let Some(horizon) = self.horizon
            && payment.date < horizon
        {
            return Err(ReceivableError::BeforeHorizon {
                id: payment.id.clone(),
                date: payment.date,
                horizon,
            });
        }
        if self.applied.contains_key(&payment.id) {
            return Err(ReceivableError::AlreadyApplied {
                id: payment.id.clone(),
            });
        }
        if !payment.amount.is_positive() {
            return Err(ReceivableError::NonPositive {
                what: "payment amount",
                found: payment.amount,
            });
        }
        let indices: Vec<usize> = match target {
            AllocationTarget::Receivable(number) => vec![self.known(number)?],
            AllocationTarget::Reference(reference) => {
                vec![self.index_of_reference(reference).ok_or_else(|| {
                    ReceivableError::Unknown {
                        target: reference.to_string(),
                    }
                })?]
            }
            AllocationTarget::OldestFirst { debtor } => {
                let mut list = self
                    .by_debtor
                    .get(&normalise_name(debtor))
                    .cloned()
                    .ok_or_else(|| ReceivableError::Unknown {
                        target: debtor.clone(),
                    })?;
                list.sort_by(|&a, &b| {
                    let key = |i: usize| {
                        self.receivables
                            .get(i)
                            .map(|r| (r.due_date, r.number.clone()))
                    };
                    key(a).cmp(&key(b))
                });
                list
            }
            AllocationTarget::Credit => Vec::new(),
        };
        self.apply_to(payment, &indices)
    }

    /// Works out what applying `payment` to `indices`, in order, changes; changes nothing.
    fn plan(
        &self,
        payment: &IncomingPayment,
        indices: &[usize],
    ) -> Result<AllocationPlan, ReceivableError> {
        let currency = payment.amount.currency();
        if payment.amount.is_negative() {
            return Err(ReceivableError::NonPositive {
                what: "payment amount",
                found: payment.amount,
            });
        }
        for &index in indices {
            let expected = self.currency_at(index);
            if expected != currency {
                return Err(ReceivableError::Currency {
                    expected,
                    found: currency,
                });
            }
        }
        let overflow = |operation| MoneyError::Overflow { operation };
        let mut left = payment.amount.amount();
        let mut parts = Vec::new();
        for &index in indices {
            if left.is_zero() {
                break;
            }
            let part = self.open_at(index).min(left);
            if part.is_zero() {
                continue;
            }
            let paid = self
                .paid
                .get(index)
                .copied()
                .unwrap_or_default()
                .checked_add(part)
                .ok_or(overflow("add"))?;
            left = left.checked_sub(part).ok_or(overflow("subtract"))?;
            parts.push((index, part, paid));
        }
        let debtor = indices
            .first()
            .and_then(|&i| self.receivables.get(i))
            .map_or_else(|| payment.payer.clone(), |r| r.debtor.clone());
        let credit = if left.is_zero() {
            None
        } else {
            let extra = Money::new(left, currency);
            Some(match self.credits.get(&debtor) {
                Some(credit) => credit.checked_add(extra)?,
                None => extra,
            })
        };
        Ok(AllocationPlan {
            parts,
            debtor,
            left,
            credit,
        })
    }

    /// Applies a payment to the receivables at `indices`, in order; the caller has checked the
    /// key and the horizon. Atomic: everything is checked before anything changes.
    pub(crate) fn apply_to(
        &mut self,
        payment: &IncomingPayment,
        indices: &[usize],
    ) -> Result<Allocation, ReceivableError> {
        let plan = self.plan(payment, indices)?;
        let currency = payment.amount.currency();
        let mut parts = Vec::with_capacity(plan.parts.len());
        for (index, part, paid) in plan.parts {
            let Some(receivable) = self.receivables.get(index) else {
                continue;
            };
            parts.push(AllocationPart {
                receivable: receivable.number.clone(),
                amount: Money::new(part, currency),
            });
            let settled = paid >= receivable.amount.amount();
            if let Some(slot) = self.paid.get_mut(index) {
                *slot = paid;
            }
            if settled && let Some(slot) = self.settled_on.get_mut(index) {
                *slot = Some(payment.date);
            }
        }
        if let Some(credit) = plan.credit {
            self.credits.insert(plan.debtor.clone(), credit);
        }
        self.applied.insert(payment.id.clone(), payment.date);
        Ok(Allocation {
            payment: payment.id.clone(),
            parts,
            credit: Money::new(plan.left, currency),
            debtor: plan.debtor,
        })
    }

    /// Applies a payment to the receivable at `index`, as [`ReceivableLedger::apply_to`], and
    /// returns with the allocation what undoes it: [`reconcile`](crate::reconcile) undoes the
    /// payments of a statement when a later entry fails, leaving the ledger unchanged.
    pub(crate) fn apply_undoably(
        &mut self,
        payment: &IncomingPayment,
        index: usize,
    ) -> Result<(Allocation, Undo), ReceivableError> {
        let paid = self.paid.get(index).copied().unwrap_or_default();
        let settled_on = self.settled_on.get(index).copied().flatten();
        let credit = self
            .receivables
            .get(index)
            .and_then(|r| self.credits.get(&r.debtor))
            .copied();
        let allocation = self.apply_to(payment, &[index])?;
        let undo = Undo {
            key: payment.id.clone(),
            index,
            paid,
            settled_on,
            // Only an overpayment touches the debtor's credit.
            credit: (!allocation.credit.is_zero()).then(|| (allocation.debtor.clone(), credit)),
        };
        Ok((allocation, undo))
    }

    /// Undoes one [`ReceivableLedger::apply_undoably`]; undoing several goes in reverse order.
    pub(crate) fn undo(&mut self, undo: Undo) {
        if let Some(slot) = self.paid.get_mut(undo.index) {
            *slot = undo.paid;
        }
        if let Some(slot) = self.settled_on.get_mut(undo.index) {
            *slot = undo.settled_on;
        }
        match undo.credit {
            Some((debtor, Some(credit))) => {
                self.credits.insert(debtor, credit);
            }
            Some((debtor, None)) => {
                self.credits.remove(&debtor);
            }
            None => {}
        }
        self.applied.remove(&undo.key);
    }

    /// Removes the receivables settled before `settled_before` and returns them, in the order
    /// they were added; forgets the keys of payments booked before it; and moves the
    /// [horizon](ReceivableLedger::horizon) to it (never back). Afterwards a payment or
    /// statement entry booked before the horizon is never applied, so a statement read again
    /// applies nothing twice although its keys are forgotten. Open and partly paid
    /// receivables stay, whatever their age; so do the debtors' credits.
    ///
    /// A desk that runs for years calls it now and then (say, keeping a year) so that the
    /// ledger, its saved form and the time to restore it stay bounded by what is open and
    /// recent, not by its history. The caller keeps the returned receivables elsewhere, with
    /// their invoices.
    ///
    /// Time: linear in the receivables and keys.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use apkalpe_core::{Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(2025, 3, 31), None)?)?;
    /// ledger.add(Receivable::try_new("INV-2", "SIA Klients", eur(dec!(50)), day(2026, 3, 31), None)?)?;
    /// let paid = IncomingPayment::new("B-1", "SIA Klients", eur(dec!(100)), day(2025, 4, 2));
    /// ledger.apply(&paid, &AllocationTarget::Receivable("INV-1".into()))?;
    ///
    /// let archived = ledger.archive_settled(day(2026, 1, 1));
    /// assert_eq!(archived[0].number(), "INV-1");
    /// assert_eq!(ledger.receivables().len(), 1); // INV-2 is open: it stays
    /// assert_eq!((ledger.horizon(), ledger.applied_count()), (Some(day(2026, 1, 1)), 0));
    /// // The old payment again: before the horizon, never applied twice.
    /// let again = ledger.apply(&paid, &AllocationTarget::Receivable("INV-2".into()));
    /// assert_eq!(again.unwrap_err().code(), "receivable.before_horizon");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn archive_settled(&mut self, settled_before: NaiveDate) -> Vec<Receivable> {
        let receivables = std::mem::take(&mut self.receivables);
        let paid = std::mem::take(&mut self.paid);
        let settled_on = std::mem::take(&mut self.settled_on);
        self.by_number.clear();
        self.by_reference.clear();
        self.by_debtor.clear();
        let mut archived = Vec::new();
        for ((receivable, paid), settled) in receivables.into_iter().zip(paid).zip(settled_on) {
            if settled.is_some_and(|day| day < settled_before) {
                archived.push(receivable);
            } else {
                // Numbers were unique before, so they still are.
                let pushed = self.push(receivable, paid, settled);
                debug_assert!(pushed.is_ok());
            }
        }
        self.applied.retain(|_, booked| *booked >= settled_before);
        self.horizon = Some(
            self.horizon
                .map_or(settled_before, |h| h.max(settled_before)),
        );
        archived
    }

    /// Compiles a payment reminder for `debtor` on `today`: every receivable not fully paid,
    /// overdue first, with days overdue, and the debtor's credit.
    ///
    /// # Errors
    ///
    /// [`ReceivableError::Unknown`] for a debtor with no receivables;
    /// [`ReceivableError::Money`] on overflow or mixed currencies.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!((reminder.total_open(), reminder.total_overdue()), (eur(dec!(60)), eur(dec!(60))));
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn reminder(
        &self,
        debtor: &str,
        today: NaiveDate,
    ) -> Result<PaymentReminder, ReceivableError> {
        let indices = self.by_debtor.get(&normalise_name(debtor)).ok_or_else(|| {
            ReceivableError::Unknown {
                target: debtor.to_owned(),
            }
        })?;
        let mut items: Vec<ReminderItem> = indices
            .iter()
            .filter_map(|&index| {
                let receivable = self.receivables.get(index)?;
                let open = self.open_at(index);
                (!open.is_zero()).then(|| ReminderItem {
                    number: receivable.number.clone(),
                    due_date: receivable.due_date,
                    amount: receivable.amount,
                    open: Money::new(open, receivable.amount.currency()),
                    status: self.status_at(index, today),
                })
            })
            .collect();
        items.sort_by(|a, b| a.due_date.cmp(&b.due_date).then(a.number.cmp(&b.number)));
        let currency = self.currency_at(indices.first().copied().unwrap_or_default());
        let overdue = Money::try_sum(
            currency,
            items
                .iter()
                .filter(|i| matches!(i.status, ReceivableStatus::Overdue { .. }))
                .map(|i| i.open),
        )?;
        let total = Money::try_sum(currency, items.iter().map(|i| i.open))?;
        let name = indices
            .first()
            .and_then(|&i| self.receivables.get(i))
            .map_or_else(|| debtor.to_owned(), |r| r.debtor.clone());
        let credit = self
            .credits
            .get(&name)
            .copied()
            .unwrap_or(Money::zero(currency));
        Ok(PaymentReminder {
            debtor: name,
            date: today,
            items,
            total_open: total,
            total_overdue: overdue,
            credit,
        })
    }
}

/// What undoes one application of a payment (see [`ReceivableLedger::undo`]): the receivable's
/// paid amount and settlement day before, and the debtor's credit before when it changed.
pub(crate) struct Undo {
    key: String,
    index: usize,
    paid: Decimal,
    settled_on: Option<NaiveDate>,
    credit: Option<(String, Option<Money>)>,
}

/// One receivable of a saved [`ReceivableLedger`], as written.
#[cfg(feature = "serde")]
#[derive(Serialize)]
struct EntryView<'a> {
    number: &'a str,
    debtor: &'a str,
    amount: Money,
    due_date: NaiveDate,
    reference: Option<&'a CreditorReference>,
    paid: Money,
    settled_on: Option<NaiveDate>,
}

/// One receivable of a saved [`ReceivableLedger`], as read.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct EntryRecord {
    number: String,
    debtor: String,
    amount: Money,
    due_date: NaiveDate,
    reference: Option<CreditorReference>,
    paid: Money,
    settled_on: Option<NaiveDate>,
}

/// The saved form of a [`ReceivableLedger`], as read.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct LedgerRecord {
    receivables: Vec<EntryRecord>,
    credits: Entries<Money>,
    applied: Entries<NaiveDate>,
    horizon: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl Serialize for ReceivableLedger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Receivables<'a>(&'a ReceivableLedger);
        #[cfg(feature = "serde")]
        impl Serialize for Receivables<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let ledger = self.0;
                let mut seq = serializer.serialize_seq(Some(ledger.receivables.len()))?;
                for (index, r) in ledger.receivables.iter().enumerate() {
                    let currency = r.amount.currency();
                    seq.serialize_element(&EntryView {
                        number: &r.number,
                        debtor: &r.debtor,
                        amount: r.amount,
                        due_date: r.due_date,
                        reference: r.reference.as_ref(),
                        paid: Money::new(
                            ledger.paid.get(index).copied().unwrap_or_default(),
                            currency,
                        ),
                        settled_on: ledger.settled_on.get(index).copied().flatten(),
                    })?;
                }
                seq.end()
            }
        }
        struct Applied<'a>(&'a HashMap<String, NaiveDate>);
        #[cfg(feature = "serde")]
        impl Serialize for Applied<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut keys: Vec<(&String, &NaiveDate)> = self.0.iter().collect();
                keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
                let mut map = serializer.serialize_map(Some(keys.len()))?;
                for (key, booked) in keys {
                    map.serialize_entry(key, booked)?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("ReceivableLedger", 4)?;
        s.serialize_field("receivables", &Receivables(self))?;
        s.serialize_field("credits", &self.credits)?;
        s.serialize_field("applied", &Applied(&self.applied))?;
        s.serialize_field("horizon", &self.horizon)?;
        s.end()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<LedgerRecord> for ReceivableLedger {
    type Error = RestoreError;

    fn try_from(record: LedgerRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ReceivableLedger";
        let horizon = record.horizon;
        let mut ledger = ReceivableLedger {
            receivables: Vec::with_capacity(record.receivables.len()),
            paid: Vec::with_capacity(record.receivables.len()),
            settled_on: Vec::with_capacity(record.receivables.len()),
            by_number: HashMap::with_capacity(record.receivables.len()),
            by_reference: HashMap::with_capacity(record.receivables.len()),
            by_debtor: HashMap::with_capacity(record.receivables.len()),
            horizon,
            ..ReceivableLedger::default()
        };
        let mut on_the_books = false;
        for (index, entry) in record.receivables.into_iter().enumerate() {
            let at = |field: &str| format!("receivables[{index}].{field}");
            let receivable = Receivable::from_owned(
                entry.number,
                entry.debtor,
                entry.amount,
                entry.due_date,
                entry.reference,
            )
            .map_err(|error| {
                let field = match error {
                    ReceivableError::Empty { field } => field,
                    _ => "amount",
                };
                RestoreError::invalid(WHAT, at(field), error)
            })?;
            let amount = receivable.amount;
            if entry.paid.currency() != amount.currency() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("paid"),
                    format!(
                        "is in {}, the receivable in {}",
                        entry.paid.currency(),
                        amount.currency()
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ir valūtā {}, bet debitora parāds valūtā {}",
                    entry.paid.currency(),
                    amount.currency()
                )));
            }
            let paid = entry.paid.amount();
            if paid.is_sign_negative() && !paid.is_zero() || paid > amount.amount() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("paid"),
                    format!("{} paid is not within 0 and the {amount} owed", entry.paid),
                )
                .with_latvian_reason(format_args!(
                    "samaksātie {} nav robežās no 0 līdz maksājamajiem {amount}",
                    entry.paid
                )));
            }
            let settled = paid == amount.amount();
            match (settled, entry.settled_on) {
                (true, None) => {
                    return Err(RestoreError::missing(
                        WHAT,
                        at("settled_on"),
                        "the receivable is paid in full but has no settlement day",
                    )
                    .with_latvian_reason(
                        "parāds ir samaksāts pilnībā, bet tam nav nokārtošanas dienas",
                    ));
                }
                (false, Some(_)) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        at("settled_on"),
                        "the receivable is not paid in full but has a settlement day",
                    )
                    .with_latvian_reason(
                        "parāds nav samaksāts pilnībā, bet tam ir nokārtošanas diena",
                    ));
                }
                (true, Some(day)) if horizon.is_some_and(|h| day < h) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        at("settled_on"),
                        format!(
                            "settled on {day}, before the horizon {}: it would have been archived",
                            horizon.unwrap_or(day)
                        ),
                    )
                    .with_latvian_reason(format_args!(
                        "nokārtots {day}, pirms reģistra horizonta {}: tas būtu arhivēts",
                        horizon.unwrap_or(day)
                    )));
                }
                _ => {}
            }
            on_the_books |= !paid.is_zero();
            ledger
                .push(receivable, paid, entry.settled_on)
                .map_err(|error| match error {
                    ReceivableError::Duplicate { number } => {
                        RestoreError::duplicate(WHAT, at("number"), number)
                    }
                    other => RestoreError::invalid(WHAT, at("number"), other),
                })?;
        }
        for (debtor, credit) in record.credits.0 {
            let field = format!("credits[{debtor:?}]");
            if debtor.trim().is_empty() {
                return Err(RestoreError::invalid(
                    WHAT,
                    field,
                    ReceivableError::Empty { field: "debtor" },
                ));
            }
            if !credit.is_positive() {
                return Err(RestoreError::invalid(
                    WHAT,
                    field,
                    ReceivableError::NonPositive {
                        what: "credit",
                        found: credit,
                    },
                ));
            }
            if ledger.credits.insert(debtor.clone(), credit).is_some() {
                return Err(RestoreError::duplicate(WHAT, field, debtor));
            }
            on_the_books = true;
        }
        ledger.applied.reserve(record.applied.0.len());
        for (key, booked) in record.applied.0 {
            let field = format!("applied[{key:?}]");
            if let Some(horizon) = horizon
                && booked < horizon
            {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format!(
                        "booked on {booked}, before the horizon {horizon}: it would have been dropped"
                    ),
                )
                .with_latvian_reason(format_args!(
                    "grāmatots {booked}, pirms reģistra horizonta {horizon}: tas būtu izmests"
                )));
            }
            if ledger.applied.insert(key.clone(), booked).is_some() {
                return Err(RestoreError::duplicate(WHAT, field, key));
            }
        }
        if on_the_books && ledger.applied.is_empty() && horizon.is_none() {
            return Err(RestoreError::missing(
                WHAT,
                "applied",
                "payments are on the books, but no applied payment key and no horizon",
            )
            .with_latvian_reason(
                "uzskaitē ir maksājumi, bet nav ne piesaistīto maksājumu atslēgu, ne horizonta",
            ));
        }
        Ok(ledger)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ReceivableLedger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = LedgerRecord::deserialize(deserializer)?;
        ReceivableLedger::try_from(record).map_err(serde::de::Error::custom)
    }
}

/// One line of a reminder, as [`ReceivableLedger::reminder`] computes it: its fields are read
/// through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// let reminder = ledger.reminder("SIA Klients", day(25))?;
/// let item = &reminder.items()[0];
/// assert_eq!((item.number(), item.open()), ("INV-1", eur(dec!(60))));
/// let _ = allocation;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ReminderItem {
    /// The invoice number.
    pub(crate) number: String,
    /// The due date.
    pub(crate) due_date: NaiveDate,
    /// The invoice amount.
    pub(crate) amount: Money,
    /// What is still open.
    pub(crate) open: Money,
    /// Open, partly paid or overdue with days.
    pub(crate) status: ReceivableStatus,
}

impl ReminderItem {
    /// Returns the invoice number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// let item = &reminder.items()[0];
    /// assert_eq!(item.number(), "INV-1");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the due date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// let item = &reminder.items()[0];
    /// assert_eq!(item.due_date(), day(20));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn due_date(&self) -> NaiveDate {
        self.due_date
    }

    /// Returns the invoice amount.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// let item = &reminder.items()[0];
    /// assert_eq!(item.amount(), eur(dec!(100)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns what is still open.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// let item = &reminder.items()[0];
    /// assert_eq!(item.open(), eur(dec!(60)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn open(&self) -> Money {
        self.open
    }

    /// Returns the status: open, partly paid or overdue with days.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// let item = &reminder.items()[0];
    /// assert_eq!(item.status(), ReceivableStatus::Overdue { days: 5 });
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn status(&self) -> ReceivableStatus {
        self.status
    }
}

/// A payment reminder: what a debtor owes on a day, what is overdue, and their credit.
/// [`ReceivableLedger::reminder`] computes it: its fields are read through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
/// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
/// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
/// let reminder = ledger.reminder("SIA Klients", day(25))?;
/// assert_eq!(reminder.items().len(), 1);
/// let _ = allocation;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct PaymentReminder {
    /// The debtor.
    pub(crate) debtor: String,
    /// The day.
    pub(crate) date: NaiveDate,
    /// Receivables not fully paid, by due date.
    pub(crate) items: Vec<ReminderItem>,
    /// The sum still open.
    pub(crate) total_open: Money,
    /// The sum overdue.
    pub(crate) total_overdue: Money,
    /// The debtor's credit (overpayments).
    pub(crate) credit: Money,
}

impl PaymentReminder {
    /// Returns the debtor.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!(reminder.debtor(), "SIA Klients");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn debtor(&self) -> &str {
        &self.debtor
    }

    /// Returns the day of the reminder.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!(reminder.date(), day(25));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the receivables not fully paid, by due date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!(reminder.items().len(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn items(&self) -> &[ReminderItem] {
        &self.items
    }

    /// Returns the sum still open.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!(reminder.total_open(), eur(dec!(60)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn total_open(&self) -> Money {
        self.total_open
    }

    /// Returns the sum overdue.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert_eq!(reminder.total_overdue(), eur(dec!(60)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn total_overdue(&self) -> Money {
        self.total_overdue
    }

    /// Returns the debtor's credit (overpayments).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::*;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// # let mut ledger = ReceivableLedger::new();
    /// # ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let reminder = ledger.reminder("SIA Klients", day(25))?;
    /// assert!(reminder.credit().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn credit(&self) -> Money {
        self.credit
    }

    /// Renders the reminder as a plain-text table (Latvian headings with English
    /// glosses: the clerk sends it to Latvian clients), amounts the Latvian way ("1 234,56
    /// €", `Money::to_localized_string`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable, ReceivableLedger};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-1", "SIA Klients", eur(dec!(100)), day(20), None)?)?;
    /// let payment = IncomingPayment::new("P-1", "SIA Klients", eur(dec!(40)), day(18));
    /// let allocation = ledger.apply(&payment, &AllocationTarget::Receivable("INV-1".into()))?;
    /// let text = ledger.reminder("SIA Klients", day(25))?.render();
    /// assert!(text.starts_with("Atgādinājums par maksājumu / Payment reminder\n"));
    /// let _ = allocation;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn render(&self) -> String {
        let money = |m: Money| m.to_localized_string(Language::Latvian);
        let mut out = String::new();
        let _ = writeln!(out, "Atgādinājums par maksājumu / Payment reminder");
        let _ = writeln!(out, "Klients / Client: {}", self.debtor);
        let _ = writeln!(out, "Datums / Date: {}", self.date);
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<16} {:<10} {:>12} {:>12}  Statuss / Status",
            "Rēķins", "Termiņš", "Summa", "Atlikums"
        );
        for item in &self.items {
            let status = match item.status {
                ReceivableStatus::Overdue { days } => {
                    format!("kavēts {days} d. / overdue {days} d")
                }
                ReceivableStatus::PartlyPaid => "daļēji apmaksāts / partly paid".to_owned(),
                ReceivableStatus::Open => "jāmaksā / due".to_owned(),
                ReceivableStatus::Paid => "apmaksāts / paid".to_owned(),
            };
            let _ = writeln!(
                out,
                "{:<16} {:<10} {:>12} {:>12}  {}",
                item.number,
                item.due_date,
                money(item.amount),
                money(item.open),
                status
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "Kopā jāmaksā / Total open: {}", money(self.total_open));
        let _ = writeln!(
            out,
            "T.sk. kavēts / Of which overdue: {}",
            money(self.total_overdue)
        );
        if !self.credit.is_zero() {
            let _ = writeln!(
                out,
                "Jūsu priekšapmaksa / Your credit: {}",
                money(self.credit)
            );
        }
        out
    }
}

/// The error returned when a receivables CSV file is malformed.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "csv")] {
/// use apkalpe_payments::{ReceivablesCsvError, read_receivables_csv};
///
/// let error = read_receivables_csv("number,amount\n").unwrap_err();
/// assert!(matches!(error, ReceivablesCsvError::Header { .. }));
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReceivablesCsvError {
    /// The header is not `number,debtor,amount,currency,due_date,reference`.
    #[error("the header must be {expected:?}, found {found:?}")]
    Header {
        /// The expected header.
        expected: &'static str,
        /// The header found (truncated to 80 characters).
        found: String,
    },
    /// A row with the wrong number of columns.
    #[error("line {line}: expected {expected} columns, found {found}")]
    Columns {
        /// The line, from 1.
        line: usize,
        /// 6.
        expected: usize,
        /// The columns found.
        found: usize,
    },
    /// A quoted field is not closed.
    #[error("line {line}: a quoted field is not closed")]
    Quote {
        /// The line, from 1.
        line: usize,
    },
    /// A field's value is invalid.
    #[error("line {line}: the {field} is invalid ({code})")]
    Field {
        /// The line, from 1.
        line: usize,
        /// The column.
        field: &'static str,
        /// The error code of the underlying error.
        code: &'static str,
    },
    /// A receivable is invalid or repeated.
    #[error("line {line}: {source}")]
    AtLine {
        /// The line, from 1.
        line: usize,
        /// The error.
        source: ReceivableError,
    },
}

impl ReceivablesCsvError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "csv")] {
    /// use apkalpe_payments::read_receivables_csv;
    ///
    /// let error = read_receivables_csv("number,debtor,amount,currency,due_date,reference\nINV-1,x\n").unwrap_err();
    /// assert_eq!(error.code(), "receivables_csv.columns");
    /// # }
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ReceivablesCsvError::Header { .. } => "receivables_csv.header",
            ReceivablesCsvError::Columns { .. } => "receivables_csv.columns",
            ReceivablesCsvError::Quote { .. } => "receivables_csv.quote",
            ReceivablesCsvError::Field { .. } => "receivables_csv.field",
            ReceivablesCsvError::AtLine { source, .. } => source.code(),
        }
    }
}

#[cfg(feature = "csv")]
/// The header of a receivables CSV file.
pub const RECEIVABLES_CSV_HEADER: &str = "number,debtor,amount,currency,due_date,reference";

#[cfg(feature = "csv")]
/// Splits one CSV record (RFC 4180 quoting, no line breaks inside fields).
fn split_record(line: &str, number: usize) -> Result<Vec<String>, ReceivablesCsvError> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && at_start {
            quoted = true;
            at_start = false;
        } else if c == ',' {
            fields.push(std::mem::take(&mut field));
            at_start = true;
        } else {
            field.push(c);
            at_start = false;
        }
    }
    if quoted {
        return Err(ReceivablesCsvError::Quote { line: number });
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(feature = "csv")]
/// Reads a receivables CSV file with the header `number,debtor,amount,currency,due_date,reference`
/// (amount with a decimal point, date `YYYY-MM-DD`, reference an RF reference or empty).
/// Blank lines are skipped; a BOM is ignored.
///
/// # Errors
///
/// [`ReceivablesCsvError::Header`], [`ReceivablesCsvError::Columns`],
/// [`ReceivablesCsvError::Quote`], [`ReceivablesCsvError::Field`] (with the line and the
/// underlying code), [`ReceivablesCsvError::AtLine`] for an invalid receivable.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "csv")] {
/// use apkalpe_payments::read_receivables_csv;
///
/// let csv = "number,debtor,amount,currency,due_date,reference\n\
///            INV-1,\"SIA Klients, filiāle\",121.00,EUR,2026-12-11,RF18539007547034\n";
/// let receivables = read_receivables_csv(csv)?;
/// assert_eq!(receivables[0].debtor(), "SIA Klients, filiāle");
/// assert_eq!(read_receivables_csv("a,b\n").unwrap_err().code(), "receivables_csv.header");
/// # }
/// # Ok::<(), apkalpe_payments::ReceivablesCsvError>(())
/// ```
pub fn read_receivables_csv(text: &str) -> Result<Vec<Receivable>, ReceivablesCsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate();
    let header = lines
        .by_ref()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| l.trim())
        .unwrap_or_default();
    if header != RECEIVABLES_CSV_HEADER {
        return Err(ReceivablesCsvError::Header {
            expected: RECEIVABLES_CSV_HEADER,
            found: header.chars().take(80).collect(),
        });
    }
    let mut out = Vec::new();
    for (index, raw) in lines {
        let line = index.saturating_add(1);
        if raw.trim().is_empty() {
            continue;
        }
        let fields = split_record(raw.trim_end_matches('\r'), line)?;
        let [number, debtor, amount, currency, due, reference] = fields.as_slice() else {
            return Err(ReceivablesCsvError::Columns {
                line,
                expected: 6,
                found: fields.len(),
            });
        };
        let currency: Currency =
            currency
                .trim()
                .parse()
                .map_err(
                    |e: apkalpe_core::ParseCurrencyError| ReceivablesCsvError::Field {
                        line,
                        field: "currency",
                        code: e.code(),
                    },
                )?;
        let amount =
            Money::parse(amount.trim(), currency).map_err(|e| ReceivablesCsvError::Field {
                line,
                field: "amount",
                code: e.code(),
            })?;
        let due = NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d").map_err(|_| {
            ReceivablesCsvError::Field {
                line,
                field: "due_date",
                code: "date.format",
            }
        })?;
        let reference =
            match reference.trim() {
                "" => None,
                text => Some(text.parse::<CreditorReference>().map_err(|e| {
                    ReceivablesCsvError::Field {
                        line,
                        field: "reference",
                        code: e.code(),
                    }
                })?),
            };
        let receivable = Receivable::try_new(number, debtor, amount, due, reference)
            .map_err(|source| ReceivablesCsvError::AtLine { line, source })?;
        out.push(receivable);
    }
    Ok(out)
}

#[cfg(feature = "serde")]
/// Serialises a `Money` as its plain amount string ("12.34").
pub(crate) fn plain_amount<S: Serializer>(money: &Money, serializer: S) -> Result<S::Ok, S::Error> {
    let text = money.to_string();
    let plain = text.rsplit_once(' ').map_or(text.as_str(), |(a, _)| a);
    serializer.serialize_str(plain)
}
