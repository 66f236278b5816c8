//! The register itself: the [`FiscalDevice`] port, the [`CashRegister`] between shifts and the
//! [`OpenShift`] that takes sales and returns and closes into a Z report.

use std::collections::BTreeSet;

#[cfg(feature = "serde")]
use crate::localized::{RECEIPTS, count as latvian_count};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CashRounding, Currency, Money, riga_date};
use chrono::{DateTime, Utc};
#[cfg(feature = "serde")]
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::cash::{CashCount, CashError, CashLimitCheck, CashLimits, CashMovement, CashTender};

use super::error::*;
use super::identity::*;
use super::receipt::*;
use super::totals::*;

/// The port to a certified fiscal device or cash system (MK 95/96), for integrators: it
/// registers receipts in its fiscal memory and prints X and Z reports. This crate computes
/// the documents; the device records and prints them.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{FiscalDevice, FiscalDeviceError, Receipt, RegisterIdentity, XReport, ZReport};
///
/// /// A device that prints on paper, and counts the receipts it registered.
/// #[derive(Default)]
/// struct Printer { receipts: u64, paper: bool }
///
/// impl FiscalDevice for Printer {
///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> {
///         if !self.paper {
///             return Err(FiscalDeviceError::Rejected { reason: "paper out".into() });
///         }
///         self.receipts += 1;
///         Ok(())
///     }
///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { Ok(()) }
///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { Ok(()) }
/// }
/// let printer = Printer::default();
/// assert_eq!((printer.receipts, printer.paper), (0, false));
/// ```
pub trait FiscalDevice {
    /// Registers and prints a receipt.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn register_receipt(
        &mut self,
        identity: &RegisterIdentity,
        receipt: &Receipt,
    ) -> Result<(), FiscalDeviceError>;

    /// Prints an X report.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn print_x_report(&mut self, report: &XReport) -> Result<(), FiscalDeviceError>;

    /// Closes the day in fiscal memory and prints the Z report.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn close_day(&mut self, report: &ZReport) -> Result<(), FiscalDeviceError>;
}

/// A cash register between shifts: its identity, cash-rounding policy and the counters that
/// outlive shifts.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashCount, CashRegister, Denomination, ReceiptLine, RegisterIdentity, Tender};
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let register = CashRegister::new(identity, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
/// let float = CashCount::new().with(Denomination::Euro10, 5)?;
/// let mut shift = register.open_shift("Anna", float, at)?;
/// let eur = |d| Money::new(d, Currency::EUR);
/// let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert_eq!(receipt.change().to_string(), "2.51 EUR");
/// let (_register, z) = shift.close(float, at)?;
/// assert_eq!(z.number(), 1);
/// assert_eq!(z.over_short().to_string(), "-2.49 EUR"); // the 2.49 was not counted
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// # Saved form
///
/// `{"identity": {…}, "currency": "EUR", "last_receipt": 41, "last_z": 3, "grand_total":
/// {"amount": "1234.56", "currency": "EUR"}}`. It deserializes through its checks (the
/// identity through its constructor, the grand total in the register's currency).
///
/// The cash-rounding policy is not saved: it is law, and law is program data. A restored
/// register gets the built-in table ([`CashRounding::builtin`]) of the program that restores
/// it, which is what [`CashRegister::new`] gives, so a restored register rounds exactly as the
/// original did, and a row for a new law shipped in a later version applies to registers
/// saved before. A register given another policy with [`CashRegister::with_cash_rounding`]
/// gets it again the same way after restoring (for a restored shift,
/// [`OpenShift::with_cash_rounding`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RegisterRecord"))]
pub struct CashRegister {
    pub(super) identity: RegisterIdentity,
    pub(super) currency: Currency,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) policy: CashRounding,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) cash_limits: Option<CashLimits>,
    pub(super) last_receipt: u64,
    pub(super) last_z: u64,
    pub(super) grand_total: Money,
    /// The numbers of the return receipts this register issued, so a return of one is
    /// refused in a later shift too. Saved only when not empty.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "BTreeSet::is_empty"))]
    pub(super) returns: BTreeSet<u64>,
}

/// The saved form of a [`CashRegister`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RegisterRecord {
    pub(super) identity: IdentityRecord,
    pub(super) currency: Currency,
    pub(super) last_receipt: u64,
    pub(super) last_z: u64,
    pub(super) grand_total: Money,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) returns: Vec<u64>,
}

#[cfg(feature = "serde")]
impl TryFrom<RegisterRecord> for CashRegister {
    type Error = RestoreError;

    fn try_from(record: RegisterRecord) -> Result<Self, Self::Error> {
        let identity = RegisterIdentity::try_from(record.identity)
            .map_err(|error| error.within("identity"))?;
        let mut register = CashRegister::new(identity, record.currency)
            .with_counters(record.last_receipt, record.last_z, record.grand_total)
            .map_err(|error| RestoreError::invalid("CashRegister", "grand_total", error))?;
        for (index, number) in record.returns.into_iter().enumerate() {
            let field = || format!("returns[{index}]");
            if number == 0 || number > register.last_receipt {
                return Err(RestoreError::inconsistent(
                    "CashRegister",
                    field(),
                    format!(
                        "return receipt {number} is not among receipts 1 to {}",
                        register.last_receipt
                    ),
                )
                .with_latvian_reason(format_args!(
                    "atgriešanas čeks {number} nav starp čekiem no 1 līdz {}",
                    register.last_receipt
                )));
            }
            if !register.returns.insert(number) {
                return Err(RestoreError::duplicate("CashRegister", field(), number));
            }
        }
        Ok(register)
    }
}

impl CashRegister {
    /// Creates a new register with no receipts yet, the built-in cash-rounding table and
    /// the outlet's country from its identity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR);
    /// assert_eq!((register.last_receipt(), register.last_z()), (0, 0));
    /// assert!(register.grand_total().is_zero());
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn new(identity: RegisterIdentity, currency: Currency) -> Self {
        CashRegister {
            cash_limits: None,
            identity,
            currency,
            policy: CashRounding::builtin(),
            last_receipt: 0,
            last_z: 0,
            grand_total: Money::zero(currency),
            returns: BTreeSet::new(),
        }
    }

    /// Continues a register's counters (from its fiscal memory).
    ///
    /// # Errors
    ///
    /// [`RegisterError::Currency`] for a grand total in another currency than the register's.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashRegister, RegisterIdentity};
    /// use apkalpe_core::{CountryCode, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR)
    ///     .with_counters(41, 3, Money::new(dec!(1234.56), Currency::EUR))?;
    /// assert_eq!((register.last_receipt(), register.last_z()), (41, 3));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_counters(
        mut self,
        last_receipt: u64,
        last_z: u64,
        grand_total: Money,
    ) -> Result<Self, RegisterError> {
        if grand_total.currency() != self.currency {
            return Err(RegisterError::Currency {
                expected: self.currency,
                found: grand_total.currency(),
            });
        }
        self.last_receipt = last_receipt;
        self.last_z = last_z;
        self.grand_total = grand_total;
        Ok(self)
    }

    /// Replaces the cash-rounding policy (a new law, a test).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR)
    ///     .with_cash_rounding(apkalpe_core::CashRounding::from_rules(Vec::new()));
    /// assert!(register.cash_rounding().rules().is_empty());
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn with_cash_rounding(mut self, policy: CashRounding) -> Self {
        self.policy = policy;
        self
    }

    /// Returns the cash-rounding policy.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR);
    /// assert_eq!(register.cash_rounding(), &apkalpe_core::CashRounding::builtin());
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn cash_rounding(&self) -> &CashRounding {
        &self.policy
    }

    /// Sets the cap on the cash part of one receipt (`None`: no cap). A new or restored
    /// register has none: an application turns it on for the operations it takes now, with
    /// [`CashLimits::for_country`] of the outlet (Latvia's 7 200 EUR), and decides what a
    /// replay of its own older history does (a journal written before the cap was enforced
    /// may hold a sale over it, which happened and must replay). The cap is not saved.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashLimits, CashRegister, RegisterIdentity};
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR);
    /// assert_eq!(register.cash_limits(), None);
    /// let country = register.identity().country();
    /// let register = register.with_cash_limits(CashLimits::for_country(country));
    /// assert_eq!(register.cash_limits(), Some(CashLimits::latvia()));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn with_cash_limits(mut self, limits: Option<CashLimits>) -> Self {
        self.cash_limits = limits;
        self
    }

    /// Returns the cap on the cash part of one receipt, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR);
    /// assert_eq!(register.cash_limits(), None);
    /// let capped = register.with_cash_limits(Some(apkalpe_payments::CashLimits::latvia()));
    /// assert!(capped.cash_limits().is_some());
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn cash_limits(&self) -> Option<CashLimits> {
        self.cash_limits
    }

    /// Returns the currency the register works in.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// assert_eq!(CashRegister::new(identity, Currency::EUR).currency(), Currency::EUR);
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the identity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity.clone(), Currency::EUR);
    /// assert_eq!(register.identity(), &identity);
    /// let _ = (at, CashCount::new());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn identity(&self) -> &RegisterIdentity {
        &self.identity
    }

    /// Returns the last receipt number issued (0: none).
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
    /// let (register, _z) = shift.close(CashCount::new(), at)?;
    /// assert_eq!(register.last_receipt(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn last_receipt(&self) -> u64 {
        self.last_receipt
    }

    /// Returns the last Z number (0: none).
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
    /// let (register, _z) = shift.close(CashCount::new(), at)?;
    /// assert_eq!(register.last_z(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn last_z(&self) -> u64 {
        self.last_z
    }

    /// Returns the perpetual grand total.
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
    /// let (register, _z) = shift.close(CashCount::new(), at)?;
    /// assert_eq!(register.grand_total(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn grand_total(&self) -> Money {
        self.grand_total
    }

    /// Opens a shift with a counted float.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank cashier; [`RegisterError::Currency`] when the
    /// register does not work in euro (the float is counted in euro notes and coins).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let float = CashCount::new().with(apkalpe_payments::Denomination::Euro10, 5)?;
    /// let shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", float, at)?;
    /// assert_eq!((shift.cashier(), shift.float().total().to_string()), ("Anna", "50.00 EUR".to_owned()));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn open_shift(
        self,
        cashier: &str,
        float: CashCount,
        at: DateTime<Utc>,
    ) -> Result<OpenShift, RegisterError> {
        let cashier = non_empty(cashier, "cashier")?;
        if self.currency != Currency::EUR {
            return Err(RegisterError::Currency {
                expected: Currency::EUR,
                found: self.currency,
            });
        }
        Ok(OpenShift {
            register: self,
            cashier,
            opened_at: at,
            float,
            events: Vec::new(),
            receipts: Vec::new(),
        })
    }
}

/// An open shift (*atvērta maiņa*): takes sales, returns, deposits and payouts; gives X
/// reports; closes into a Z report.
///
/// # Saved form
///
/// ```json
/// {
///   "register": {"identity": {…}, "currency": "EUR", "last_receipt": 42, "last_z": 3,
///                "grand_total": {…}},
///   "cashier": "Anna Liepa",
///   "opened_at": "2026-11-27T08:00:00Z",
///   "float": {"pieces": {"500.00": 0, …}},
///   "events": [{"event": "receipt", "number": 42, "kind": {"kind": "sale"}, …},
///              {"event": "cash_movement", "kind": "payout", …}]
/// }
/// ```
///
/// The register carries the counters as they stand (its last receipt is the shift's last).
/// Restoring replays the events on the register, in order, through the operations that made
/// them ([`OpenShift::sell`], [`OpenShift::refund`],
/// [`OpenShift::record_cash_movement`]), so a restored shift is exactly one the operations
/// can build, and the replay takes time linear in the shift. It refuses, with a
/// [`RestoreError`]: a register or cashier its constructor refuses, a register not in euro;
/// receipts not numbered consecutively up to the register's last receipt; a receipt whose
/// cashier is not the shift's, or whose VAT, total, payments, rounding under the outlet's rule
/// (the built-in table, see [`CashRegister`]), tendered cash or change are not what its lines
/// and tenders give; a return of a receipt that is not an earlier sale (a receipt of the shift
/// must be a sale of it); a card payment whose reference holds a card number; a cash movement
/// its constructor refuses; and events whose totals overflow.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ShiftRecord"))]
pub struct OpenShift {
    pub(super) register: CashRegister,
    pub(super) cashier: String,
    pub(super) opened_at: DateTime<Utc>,
    pub(super) float: CashCount,
    pub(super) events: Vec<ShiftEvent>,
    /// The index in `events` of each receipt, in number order: the receipt numbered
    /// `first + i` is `events[receipts[i]]`. Rebuilt on restoring.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) receipts: Vec<usize>,
}

/// The saved form of an [`OpenShift`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ShiftRecord {
    pub(super) register: RegisterRecord,
    pub(super) cashier: String,
    pub(super) opened_at: DateTime<Utc>,
    pub(super) float: CashCount,
    pub(super) events: Vec<EventRecord>,
}

#[cfg(feature = "serde")]
/// The tenders that give `receipt` again: its non-cash payments, and the cash tendered (for a
/// return, a cash tender when part of it was paid back in cash; its amount is not used).
pub(super) fn tenders_of(receipt: &Receipt) -> Vec<Tender> {
    let currency = receipt.total.currency();
    let mut tenders = Vec::with_capacity(receipt.payments.len().saturating_add(1));
    let non_cash = |payment: &ReceiptPayment| {
        let reference = payment.reference.clone().unwrap_or_default();
        match payment.method {
            PaymentMethod::Card => Some(Tender::Card {
                amount: payment.amount,
                reference,
            }),
            PaymentMethod::Transfer => Some(Tender::Transfer {
                amount: payment.amount,
                reference,
            }),
            PaymentMethod::Cash => None,
        }
    };
    match receipt.kind {
        ReceiptKind::Sale => {
            if let Some(tendered) = receipt.cash_tendered {
                tenders.push(Tender::Cash { tendered });
            }
        }
        ReceiptKind::Return { .. } => {
            let paid_in_cash = receipt
                .payments
                .iter()
                .any(|p| p.method == PaymentMethod::Cash)
                || !receipt.rounding.is_zero();
            if paid_in_cash {
                tenders.push(Tender::Cash {
                    tendered: Money::new(Decimal::new(1, 2), currency),
                });
            }
        }
    }
    tenders.extend(receipt.payments.iter().filter_map(non_cash));
    tenders
}

#[cfg(feature = "serde")]
impl TryFrom<ShiftRecord> for OpenShift {
    type Error = RestoreError;

    fn try_from(record: ShiftRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "OpenShift";
        let register =
            CashRegister::try_from(record.register).map_err(|error| error.within("register"))?;
        let events = record
            .events
            .into_iter()
            .enumerate()
            .map(|(index, event)| {
                ShiftEvent::try_from(event)
                    .map_err(|error| error.within(format!("events[{index}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let last = register.last_receipt;
        let receipts = events
            .iter()
            .filter(|e| matches!(e, ShiftEvent::Receipt(_)))
            .count();
        let before = u64::try_from(receipts)
            .ok()
            .and_then(|count| last.checked_sub(count))
            .ok_or_else(|| {
                RestoreError::inconsistent(
                    WHAT,
                    "register.last_receipt",
                    format!(
                        "the shift holds {receipts} receipts, but the register's last receipt is {last}"
                    ),
                )
                .with_latvian_reason(format_args!(
                    "maiņā ir {}, bet kases aparāta pēdējais čeks ir {last}",
                    latvian_count(RECEIPTS, receipts)
                ))
            })?;
        // The returns of the shift are replayed; a saved form that lists them must list
        // exactly those (one saved before registers remembered returns lists none).
        let saved_returns: BTreeSet<u64> = register
            .returns
            .range(before.saturating_add(1)..)
            .copied()
            .collect();
        let register = CashRegister {
            last_receipt: before,
            returns: register.returns.range(..=before).copied().collect(),
            ..register
        };
        let mut shift = register
            .open_shift(&record.cashier, record.float, record.opened_at)
            .map_err(|error| {
                let field = match error {
                    RegisterError::Empty { .. } => "cashier",
                    _ => "register.currency",
                };
                RestoreError::invalid(WHAT, field, error)
            })?;
        shift.events.reserve(events.len());
        shift.receipts.reserve(receipts);
        for (index, event) in events.into_iter().enumerate() {
            let at = |field: &str| format!("events[{index}].{field}");
            let receipt = match event {
                ShiftEvent::CashMovement(movement) => {
                    shift.record_cash_movement(movement);
                    continue;
                }
                ShiftEvent::Receipt(receipt) => receipt,
            };
            let expected = shift.register.last_receipt.saturating_add(1);
            if receipt.number != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("number"),
                    format!(
                        "is {}, but the receipt after {} is {expected}",
                        receipt.number, shift.register.last_receipt
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ir {}, bet pēc čeka {} nāk čeks {expected}",
                    receipt.number, shift.register.last_receipt
                )));
            }
            if receipt.cashier != shift.cashier {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("cashier"),
                    format!(
                        "is {:?}, but the shift's cashier is {:?}",
                        receipt.cashier, shift.cashier
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ir {:?}, bet maiņas kasieris ir {:?}",
                    receipt.cashier, shift.cashier
                )));
            }
            let tenders = tenders_of(&receipt);
            let rebuilt = shift
                .build(
                    receipt.kind,
                    receipt.lines.clone(),
                    &tenders,
                    receipt.issued_at,
                )
                .map_err(|error| {
                    let field = match error {
                        RegisterError::ReturnOriginal { .. }
                        | RegisterError::UnknownOriginal { .. } => "kind.original",
                        RegisterError::CardReference => "payments",
                        RegisterError::Cash(_) | RegisterError::Tenders { .. } => "cash_tendered",
                        _ => "lines",
                    };
                    RestoreError::invalid(WHAT, at(field), error)
                })?;
            let checks = [
                ("rounding", rebuilt.rounding == receipt.rounding),
                ("payments", rebuilt.payments == receipt.payments),
                ("change", rebuilt.change == receipt.change),
                (
                    "cash_tendered",
                    rebuilt.cash_tendered == receipt.cash_tendered,
                ),
            ];
            let wrong = checks
                .iter()
                .find(|(_, same)| !same)
                .map(|(field, _)| at(field))
                .or_else(|| (rebuilt != receipt).then(|| format!("events[{index}]")));
            if let Some(field) = wrong {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    "is not what the receipt's lines and tenders give under the outlet's cash-rounding rule",
                )
                .with_latvian_reason(
                    "neatbilst tam, kas sanāk no čeka rindām un maksājumiem pēc tirdzniecības vietas skaidras naudas noapaļošanas noteikuma",
                ));
            }
        }
        let replayed: BTreeSet<u64> = shift
            .register
            .returns
            .range(before.saturating_add(1)..)
            .copied()
            .collect();
        if !saved_returns.is_empty() && saved_returns != replayed {
            return Err(RestoreError::inconsistent(
                WHAT,
                "register.returns",
                format!(
                    "lists {saved_returns:?} after receipt {before}, but the shift's return receipts are {replayed:?}"
                ),
            )
            .with_latvian_reason(format_args!(
                "pēc čeka {before} uzskaitīti {saved_returns:?}, bet maiņas atgriešanas čeki ir {replayed:?}"
            )));
        }
        shift
            .totals()
            .map_err(|error| RestoreError::invalid(WHAT, "events", error))?;
        Ok(shift)
    }
}

impl OpenShift {
    /// Returns the register.
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
    /// assert_eq!(shift.register().last_receipt(), receipt.number());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn register(&self) -> &CashRegister {
        &self.register
    }

    /// Returns the shift's events so far.
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
    /// assert_eq!(shift.events().len(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn events(&self) -> &[ShiftEvent] {
        &self.events
    }

    /// Returns the opening float.
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
    /// assert!(shift.float().total().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn float(&self) -> &CashCount {
        &self.float
    }

    /// Returns the cashier.
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
    /// assert_eq!(shift.cashier(), "Anna");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// Returns when the shift opened.
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
    /// assert_eq!(shift.opened_at(), at);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn opened_at(&self) -> DateTime<Utc> {
        self.opened_at
    }

    /// Returns the receipt of this shift with this number, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity, ReceiptLine, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21))?)?;
    /// let sale = shift.sell(vec![line], &[Tender::Card { amount: eur(dec!(2.49)), reference: "411111******1111".into() }], at)?;
    /// assert_eq!(shift.receipt(sale.number()), Some(&sale));
    /// assert_eq!(shift.receipt(sale.number() + 1), None);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn receipt(&self, number: u64) -> Option<&Receipt> {
        let count = u64::try_from(self.receipts.len()).ok()?;
        let first = self
            .register
            .last_receipt
            .checked_sub(count)?
            .checked_add(1)?;
        let offset = usize::try_from(number.checked_sub(first)?).ok()?;
        match self.events.get(*self.receipts.get(offset)?)? {
            ShiftEvent::Receipt(receipt) => Some(receipt),
            ShiftEvent::CashMovement(_) => None,
        }
    }

    /// Checks that `original` can be returned: a receipt the register issued, not a return
    /// (of this shift, or of an earlier one the register remembers), and a sale when it is a
    /// receipt of this shift.
    pub(super) fn check_original(&self, original: u64) -> Result<(), RegisterError> {
        let last = self.register.last_receipt;
        if original == 0 || original > last {
            return Err(RegisterError::UnknownOriginal { original, last });
        }
        let count = u64::try_from(self.receipts.len()).unwrap_or(u64::MAX);
        let first = last.saturating_sub(count).saturating_add(1);
        let sale = if original < first {
            !self.register.returns.contains(&original)
        } else {
            self.receipt(original)
                .is_some_and(|r| r.kind == ReceiptKind::Sale)
        };
        if sale {
            Ok(())
        } else {
            Err(RegisterError::ReturnOriginal { original })
        }
    }

    /// Returns the shift with another cash-rounding policy: for a shift restored from its
    /// saved form whose register had one (see [`CashRegister`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let shift = CashRegister::new(identity, Currency::EUR)
    ///     .open_shift("Anna", CashCount::new(), at)?
    ///     .with_cash_rounding(apkalpe_core::CashRounding::builtin());
    /// assert_eq!(shift.register().cash_rounding(), &apkalpe_core::CashRounding::builtin());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn with_cash_rounding(mut self, policy: CashRounding) -> Self {
        self.register.policy = policy;
        self
    }

    /// Returns the shift with a cap on the cash part of one receipt (see
    /// [`CashRegister::with_cash_limits`]): for a shift restored from its saved form, which
    /// has none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let shift = CashRegister::new(identity, Currency::EUR)
    ///     .open_shift("Anna", CashCount::new(), at)?
    ///     .with_cash_limits(Some(apkalpe_payments::CashLimits::latvia()));
    /// assert!(shift.register().cash_limits().is_some());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn with_cash_limits(mut self, limits: Option<CashLimits>) -> Self {
        self.register.cash_limits = limits;
        self
    }

    #[cfg(feature = "serde")]
    /// Records a receipt [`OpenShift::compose`] made: the counter moves to its number. The
    /// cash cap is not checked: restoring replays saved receipts through here, and a shift
    /// saved before the cap was enforced still restores.
    pub(super) fn build(
        &mut self,
        kind: ReceiptKind,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.compose(kind, lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// The receipt a sale would give, without recording it: the same VAT, cash rounding,
    /// change and number as [`OpenShift::sell`] with the same arguments, which then
    /// cannot fail. An application uses it to check what must hold outside the register
    /// first (that the drawer can give the change, say) without copying the shift.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity, ReceiptLine, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe", "40003521600", "Brīvības iela 1, Rīga", "KA-1", "FM-1", CountryCode::LV,
    /// )?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR)
    ///     .open_shift("Ilze Kalna", CashCount::new(), at)?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let tender = [Tender::Cash { tendered: eur(dec!(10)) }];
    /// let preview = shift.preview_sale(vec![line.clone()], &tender, at)?;
    /// assert_eq!(preview.change(), eur(dec!(6.02)));
    /// assert!(shift.events().is_empty(), "nothing recorded");
    /// assert_eq!(shift.sell(vec![line], &tender, at)?, preview);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn preview_sale(
        &self,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        self.within_cash_cap(self.compose(ReceiptKind::Sale, lines, tenders, at)?)
    }

    /// The receipt a return would give, without recording it; as [`OpenShift::preview_sale`]
    /// for [`OpenShift::refund`].
    ///
    /// # Errors
    ///
    /// As [`OpenShift::refund`].
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
    /// let cash = [Tender::Cash { tendered: eur(dec!(0)) }];
    /// let preview = shift.preview_refund(receipt.number(), receipt.lines().to_vec(), &cash, at)?;
    /// assert_eq!(preview.total(), eur(dec!(3.98)));
    /// assert_eq!(shift.events().len(), 1, "nothing recorded");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn preview_refund(
        &self,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        self.within_cash_cap(self.compose(ReceiptKind::Return { original }, lines, tenders, at)?)
    }

    /// Refuses a receipt whose cash part is over the register's cap: one operation over the
    /// cap is over it whatever it is linked with. Only the cash part counts; a card or
    /// transfer part of the same receipt does not.
    pub(super) fn within_cash_cap(&self, receipt: Receipt) -> Result<Receipt, RegisterError> {
        let Some(limits) = self.register.cash_limits else {
            return Ok(receipt);
        };
        let Some(operation) = crate::CashOperation::from_receipt(&receipt)? else {
            return Ok(receipt);
        };
        if limits
            .check(operation.cash())
            .map_err(crate::CashLimitError::from)?
            == CashLimitCheck::Forbidden
        {
            return Err(crate::CashLimitError::Exceeded {
                reference: operation.reference().to_owned(),
                cash: operation.cash(),
                deal: operation.cash(),
                cap: limits.cap(),
                linked: 0,
            }
            .into());
        }
        Ok(receipt)
    }

    /// Records a receipt already composed and checked.
    pub(super) fn record(&mut self, receipt: Receipt) -> Receipt {
        self.register.last_receipt = receipt.number;
        if let ReceiptKind::Return { .. } = receipt.kind {
            self.register.returns.insert(receipt.number);
        }
        self.receipts.push(self.events.len());
        self.events.push(ShiftEvent::Receipt(receipt.clone()));
        receipt
    }

    /// Computes a receipt numbered after the last one; changes nothing.
    pub(super) fn compose(
        &self,
        kind: ReceiptKind,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let currency = self.register.currency;
        if lines.is_empty() {
            return Err(RegisterError::NoLines);
        }
        if let ReceiptKind::Return { original } = kind {
            self.check_original(original)?;
        }
        let same = |m: Money| {
            if m.currency() == currency {
                Ok(m)
            } else {
                Err(RegisterError::Currency {
                    expected: currency,
                    found: m.currency(),
                })
            }
        };
        let (vat, total, discounts) = figures(&lines, currency)?;
        let mut non_cash = Money::zero(currency);
        let mut cash: Option<Money> = None;
        let mut payments = Vec::new();
        for tender in tenders {
            match tender {
                Tender::Cash { tendered } => {
                    let tendered = same(*tendered)?;
                    // A return pays back the rounded cash part whatever amount is given.
                    if kind == ReceiptKind::Sale && !tendered.is_positive() {
                        return Err(RegisterError::Tender { found: tendered });
                    }
                    cash = Some(match cash {
                        Some(sum) => sum.checked_add(tendered)?,
                        None => tendered,
                    });
                }
                Tender::Card { amount, reference } | Tender::Transfer { amount, reference } => {
                    let amount = same(*amount)?;
                    if !amount.is_positive() {
                        return Err(RegisterError::Tender { found: amount });
                    }
                    if matches!(tender, Tender::Card { .. }) && holds_card_number(reference) {
                        return Err(RegisterError::CardReference);
                    }
                    non_cash = non_cash.checked_add(amount)?;
                    let method = if matches!(tender, Tender::Card { .. }) {
                        PaymentMethod::Card
                    } else {
                        PaymentMethod::Transfer
                    };
                    payments.push(ReceiptPayment {
                        method,
                        amount,
                        reference: Some(reference.clone()),
                    });
                }
            }
        }
        let tenders_error = || RegisterError::Tenders {
            total,
            non_cash,
            cash: cash.unwrap_or(Money::zero(currency)),
        };
        if non_cash.amount() > total.amount() {
            return Err(tenders_error());
        }
        let (change, rounding) = match cash {
            Some(tendered) => {
                let date = riga_date(at);
                let (policy, country) = (&self.register.policy, self.register.identity.country);
                let tender = match kind {
                    ReceiptKind::Sale => {
                        CashTender::settle(policy, country, date, total, non_cash, tendered)?
                    }
                    ReceiptKind::Return { .. } => {
                        // The shop pays back the rounded cash part; nothing is handed over.
                        let settlement = policy
                            .settle(country, date, total, non_cash)
                            .map_err(CashError::from)?;
                        cash = None;
                        CashTender {
                            tendered: settlement.cash_due(),
                            change: Money::zero(currency),
                            settlement,
                        }
                    }
                };
                if !tender.settlement.cash_due().is_zero() {
                    payments.insert(
                        0,
                        ReceiptPayment {
                            method: PaymentMethod::Cash,
                            amount: tender.settlement.cash_due(),
                            reference: None,
                        },
                    );
                }
                (tender.change, tender.settlement.difference())
            }
            None => {
                if non_cash != total {
                    return Err(tenders_error());
                }
                (Money::zero(currency), Money::zero(currency))
            }
        };
        let number = self
            .register
            .last_receipt
            .checked_add(1)
            .ok_or(RegisterError::Counter { counter: "receipt" })?;
        let tally = Tally::of(total, rounding, discounts, &vat, &payments);
        let receipt = Receipt {
            number,
            kind,
            issued_at: at,
            cashier: self.cashier.clone(),
            lines,
            vat,
            total,
            payments,
            cash_tendered: cash,
            change,
            rounding,
            discounts,
            tally,
        };
        Ok(receipt)
    }

    /// Records a sale: computes VAT per rate, rounds the cash part under the outlet's
    /// cash-rounding rule, computes the change, and numbers the receipt.
    ///
    /// # Errors
    ///
    /// [`RegisterError::NoLines`]; [`RegisterError::Currency`];
    /// [`RegisterError::Tender`] for a tender ≤ 0; [`RegisterError::Tenders`] when the
    /// tenders do not settle the total; [`RegisterError::Cash`] for too little cash
    /// (`cash.insufficient_tender`) or a rounding rule missing for the date;
    /// [`RegisterError::CardReference`] for a card tender whose reference could be a card
    /// number; [`RegisterError::CashLimit`] (`cash_limit.exceeded`) when the register has a
    /// cap ([`CashRegister::with_cash_limits`]) and the cash part is over it (the card part
    /// does not count);
    /// [`RegisterError::Counter`].
    ///
    /// # Example: over the cash cap
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashLimits, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR)
    ///     .with_cash_limits(Some(CashLimits::latvia()))
    ///     .open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let laptops = || ReceiptLine::try_new("Klēpjdators", dec!(12), eur(dec!(815.66)), VatRate::try_new(dec!(21)).unwrap());
    /// let all_cash = shift.sell(vec![laptops()?], &[Tender::Cash { tendered: eur(dec!(9787.92)) }], at);
    /// assert_eq!(all_cash.unwrap_err().code(), "cash_limit.exceeded");
    /// assert!(shift.events().is_empty());
    /// let part_card = [
    ///     Tender::Cash { tendered: eur(dec!(7000)) },
    ///     Tender::Card { amount: eur(dec!(2787.92)), reference: "411111******1111".into() },
    /// ];
    /// assert!(shift.sell(vec![laptops()?], &part_card, at).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sell(
        &mut self,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_sale(lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// Records a return of the `lines` of receipt `original` (which may be from an earlier
    /// shift), refunded by the `tenders`. For a cash refund the amount of the
    /// [`Tender::Cash`] is not used, and may be 0 (it must be in the register's currency):
    /// the shop pays back the cash part rounded under the same rule as a sale (`docs/sources.md`
    /// §1: cash refunds are rounded too), and no change arises.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`] (a cash tender of any amount is accepted);
    /// [`RegisterError::UnknownOriginal`] when the register never issued `original` (0, or
    /// after its last receipt); [`RegisterError::ReturnOriginal`] when `original` is a
    /// return receipt (of this shift, or of an earlier shift of this register, since the
    /// register remembers the numbers of its returns).
    ///
    /// A register continued with [`CashRegister::with_counters`], or restored from a form
    /// saved before it remembered its returns, knows nothing of the kind of the receipts
    /// before: they are accepted as originals.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = || ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21)).unwrap());
    /// let sale = shift.sell(vec![line()?], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// // The cash amount of a refund is not used: 0 will do.
    /// let back = shift.refund(sale.number(), vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at)?;
    /// assert_eq!(back.total(), eur(dec!(2.49)));
    /// // Receipt 9 was never issued; receipt 2 is the return itself.
    /// let error = shift.refund(9, vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at).unwrap_err();
    /// assert_eq!(error.code(), "register.unknown_original");
    /// let error = shift.refund(2, vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at).unwrap_err();
    /// assert_eq!(error.code(), "register.return_original");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refund(
        &mut self,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_refund(original, lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// Records a sale as [`OpenShift::sell`] does, and registers the receipt on the fiscal
    /// device first (MK 96: a receipt is issued by the device): a device that is offline or
    /// refuses leaves the shift unchanged, and the receipt number is not used.
    ///
    /// [`OpenShift::sell`] itself does not call a device: it is for a register whose
    /// receipts the integrator sends to the device by other means, and for tests.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`]; [`RegisterError::FiscalDevice`] with the device's
    /// [`FiscalDeviceError`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{
    ///     CashCount, CashRegister, FiscalDevice, FiscalDeviceError, Receipt, ReceiptLine,
    ///     RegisterIdentity, Tender, XReport, ZReport,
    /// };
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// /// A device that is online or not, and counts what it registered.
    /// struct Device { online: bool, receipts: u64 }
    /// impl FiscalDevice for Device {
    ///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> {
    ///         if !self.online { return Err(FiscalDeviceError::Unavailable); }
    ///         self.receipts += 1;
    ///         Ok(())
    ///     }
    ///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { Ok(()) }
    ///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { Ok(()) }
    /// }
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = || ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21)).unwrap());
    /// let card = [Tender::Card { amount: eur(dec!(2.49)), reference: "411111******1111".into() }];
    ///
    /// let mut device = Device { online: false, receipts: 0 };
    /// let error = shift.sell_on(&mut device, vec![line()?], &card, at).unwrap_err();
    /// assert_eq!(error.code(), "fiscal_device.unavailable");
    /// assert_eq!(shift.register().last_receipt(), 0, "no number used");
    ///
    /// device.online = true;
    /// let receipt = shift.sell_on(&mut device, vec![line()?], &card, at)?;
    /// assert_eq!((receipt.number(), device.receipts), (1, 1));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn sell_on<D: FiscalDevice + ?Sized>(
        &mut self,
        device: &mut D,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_sale(lines, tenders, at)?;
        device.register_receipt(&self.register.identity, &receipt)?;
        Ok(self.record(receipt))
    }

    /// Records a return as [`OpenShift::refund`] does, and registers the receipt on the
    /// fiscal device first; as [`OpenShift::sell_on`], a device that is offline or refuses
    /// leaves the shift unchanged.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::refund`]; [`RegisterError::FiscalDevice`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{
    ///     CashCount, CashRegister, FiscalDevice, FiscalDeviceError, Receipt, ReceiptLine,
    ///     RegisterIdentity, Tender, XReport, ZReport,
    /// };
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// struct Offline;
    /// impl FiscalDevice for Offline {
    ///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> {
    ///         Err(FiscalDeviceError::Unavailable)
    ///     }
    ///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { Err(FiscalDeviceError::Unavailable) }
    ///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { Err(FiscalDeviceError::Unavailable) }
    /// }
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let sale = shift.sell(vec![line.clone()], &[Tender::Cash { tendered: eur(dec!(2)) }], at)?;
    /// let cash = [Tender::Cash { tendered: eur(dec!(0)) }];
    /// let error = shift.refund_on(&mut Offline, sale.number(), vec![line], &cash, at).unwrap_err();
    /// assert_eq!(error.code(), "fiscal_device.unavailable");
    /// assert_eq!(shift.events().len(), 1, "the return is not recorded");
    /// let error = shift.x_report_on(&mut Offline, at).unwrap_err();
    /// assert_eq!(error.code(), "fiscal_device.unavailable");
    /// let (shift, error) = shift.close_on(&mut Offline, CashCount::new(), at).unwrap_err();
    /// assert_eq!(error.code(), "fiscal_device.unavailable");
    /// assert_eq!(shift.events().len(), 1, "still open");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refund_on<D: FiscalDevice + ?Sized>(
        &mut self,
        device: &mut D,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_refund(original, lines, tenders, at)?;
        device.register_receipt(&self.register.identity, &receipt)?;
        Ok(self.record(receipt))
    }

    /// Takes an X report as [`OpenShift::x_report`] does and prints it on the fiscal device.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::x_report`]; [`RegisterError::FiscalDevice`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{
    ///     CashCount, CashRegister, FiscalDevice, FiscalDeviceError, Receipt, RegisterIdentity, XReport,
    ///     ZReport,
    /// };
    /// use chrono::{TimeZone, Utc};
    ///
    /// /// A device that counts what it printed.
    /// #[derive(Default)]
    /// struct Printer { x: u32, z: u32 }
    /// impl FiscalDevice for Printer {
    ///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> { Ok(()) }
    ///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { self.x += 1; Ok(()) }
    ///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { self.z += 1; Ok(()) }
    /// }
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let mut printer = Printer::default();
    /// let x = shift.x_report_on(&mut printer, at)?;
    /// assert_eq!((x.totals().sale_count(), printer.x), (0, 1));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn x_report_on<D: FiscalDevice + ?Sized>(
        &self,
        device: &mut D,
        at: DateTime<Utc>,
    ) -> Result<XReport, RegisterError> {
        let report = self.x_report(at)?;
        device.print_x_report(&report)?;
        Ok(report)
    }

    /// Closes the shift as [`OpenShift::close`] does, after the fiscal device has closed the
    /// day with the Z report. When the device is offline or refuses, or the report cannot
    /// be computed, the shift comes back unchanged with the error, still open.
    ///
    /// # Errors
    ///
    /// The shift and, as [`OpenShift::close`], the error, or [`RegisterError::FiscalDevice`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{
    ///     CashCount, CashRegister, FiscalDevice, FiscalDeviceError, Receipt, RegisterIdentity, XReport,
    ///     ZReport,
    /// };
    /// use chrono::{TimeZone, Utc};
    ///
    /// /// A device that counts what it printed.
    /// #[derive(Default)]
    /// struct Printer { x: u32, z: u32 }
    /// impl FiscalDevice for Printer {
    ///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> { Ok(()) }
    ///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { self.x += 1; Ok(()) }
    ///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { self.z += 1; Ok(()) }
    /// }
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let mut printer = Printer::default();
    /// let (register, z) = shift.close_on(&mut printer, CashCount::new(), at).map_err(|(_, error)| error)?;
    /// assert_eq!((z.number(), register.last_z(), printer.z), (1, 1, 1));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn close_on<D: FiscalDevice + ?Sized>(
        self,
        device: &mut D,
        counted: CashCount,
        at: DateTime<Utc>,
    ) -> Result<(CashRegister, ZReport), (Box<OpenShift>, RegisterError)> {
        let (register, report) = match self.clone().close(counted, at) {
            Ok(closed) => closed,
            Err(error) => return Err((Box::new(self), error)),
        };
        match device.close_day(&report) {
            Ok(()) => Ok((register, report)),
            Err(error) => Err((Box::new(self), error.into())),
        }
    }

    /// Records a cash deposit or payout.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashMovement, CashMovementKind, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, eur(dec!(2)), "kurjers", "KIzO-1")?;
    /// shift.record_cash_movement(payout);
    /// assert_eq!(shift.totals()?.expected_cash(), eur(dec!(1.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn record_cash_movement(&mut self, movement: CashMovement) {
        self.events.push(ShiftEvent::CashMovement(movement));
    }

    /// Returns the totals so far.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`].
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
    /// let totals = shift.totals()?;
    /// assert_eq!((totals.sale_count(), totals.sales_total()), (1, eur(dec!(3.98))));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn totals(&self) -> Result<ShiftTotals, RegisterError> {
        ShiftTotals::compute(self.float.total(), &self.events)
    }

    /// Takes an X report: the totals so far; nothing is reset.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`].
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
    /// let x = shift.x_report(at)?;
    /// assert_eq!(x.totals().sales_total(), eur(dec!(3.98)));
    /// assert_eq!(shift.events().len(), 1, "an X report resets nothing");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn x_report(&self, at: DateTime<Utc>) -> Result<XReport, RegisterError> {
        Ok(XReport {
            identity: self.register.identity.clone(),
            cashier: self.cashier.clone(),
            opened_at: self.opened_at,
            at,
            totals: self.totals()?,
        })
    }

    /// Closes the shift with the cash counted: returns the register (counters moved on) and
    /// the numbered Z report with the over or short amount.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`]; [`RegisterError::Counter`].
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
    /// let counted = CashCount::new().with(apkalpe_payments::Denomination::Euro2, 2)?;
    /// let (register, z) = shift.close(counted, at)?;
    /// assert_eq!((register.last_z(), z.over_short()), (1, eur(dec!(0.02))));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn close(
        self,
        counted: CashCount,
        at: DateTime<Utc>,
    ) -> Result<(CashRegister, ZReport), RegisterError> {
        let totals = self.totals()?;
        let mut register = self.register;
        let number = register
            .last_z
            .checked_add(1)
            .ok_or(RegisterError::Counter {
                counter: "z report",
            })?;
        let over_short = counted.total().checked_sub(totals.expected_cash)?;
        let grand_total = register
            .grand_total
            .checked_add(totals.sales_total)?
            .checked_sub(totals.returns_total)?;
        register.last_z = number;
        register.grand_total = grand_total;
        let report = ZReport {
            number,
            identity: register.identity.clone(),
            cashier: self.cashier,
            opened_at: self.opened_at,
            at,
            totals,
            counted,
            over_short,
            grand_total,
        };
        Ok((register, report))
    }
}
