//! The shift totals: [`ShiftTotals`] computed by one pure function over the shift's events,
//! and the [`XReport`] and [`ZReport`] that carry them.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Currency, Money, MoneyError, VatRate};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::cash::{CashCount, CashMovement, CashMovementKind};

use super::error::*;
use super::identity::*;
use super::receipt::*;

/// Something that happened in a shift, in order. It deserializes through the checks of the
/// receipt or movement it holds.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, ShiftEvent, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert!(matches!(&shift.events()[0], ShiftEvent::Receipt(r) if r == &receipt));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "EventRecord"))]
#[allow(clippy::large_enum_variant)] // Nearly every event is a receipt: boxing costs an allocation per sale.
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "event"))]
pub enum ShiftEvent {
    /// A sale or return receipt.
    Receipt(Receipt),
    /// A cash deposit or payout.
    CashMovement(CashMovement),
}

/// The totals of one direction (sales or returns) for one VAT rate, as
/// [`ShiftTotals::compute`] computes them: its fields are read through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
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
/// let rate = &totals.rates()[0];
/// assert_eq!((rate.sales().gross(), rate.sales().vat()), (eur(dec!(3.98)), eur(dec!(0.69))));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct RateTotals {
    /// The rate.
    pub(crate) rate: VatRate,
    /// Sales without VAT, VAT, with VAT.
    pub(crate) sales: VatLine,
    /// Returns without VAT, VAT, with VAT.
    pub(crate) returns: VatLine,
}

impl RateTotals {
    /// Returns the rate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let rate = &totals.rates()[0];
    /// assert_eq!(rate.rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn rate(&self) -> VatRate {
        self.rate
    }

    /// Returns the sales: without VAT, VAT, with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let rate = &totals.rates()[0];
    /// assert_eq!(rate.sales().gross(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn sales(&self) -> VatLine {
        self.sales
    }

    /// Returns the returns: without VAT, VAT, with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let rate = &totals.rates()[0];
    /// assert!(rate.returns().gross().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn returns(&self) -> VatLine {
        self.returns
    }
}

/// Totals of one payment method, as [`ShiftTotals::compute`] computes them: its fields are
/// read through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
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
/// assert_eq!(totals.methods()[0].sales(), eur(dec!(3.98)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct MethodTotals {
    /// The method.
    pub(crate) method: PaymentMethod,
    /// Received for sales.
    pub(crate) sales: Money,
    /// Paid back for returns.
    pub(crate) returns: Money,
}

impl MethodTotals {
    /// Returns the method.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let cash = &totals.methods()[0];
    /// assert_eq!(cash.method(), PaymentMethod::Cash);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn method(&self) -> PaymentMethod {
        self.method
    }

    /// Returns what was received for sales.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let cash = &totals.methods()[0];
    /// assert_eq!(cash.sales(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn sales(&self) -> Money {
        self.sales
    }

    /// Returns what was paid back for returns.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let totals = shift.totals()?;
    /// let cash = &totals.methods()[0];
    /// assert!(cash.returns().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn returns(&self) -> Money {
        self.returns
    }
}

/// The figures of a shift, computed by [`ShiftTotals::compute`]: what both the X and the Z
/// report show.
///
/// Serialized with its fields by name; `receipt_numbers` as `{"first": 1, "last": 3}` (or
/// `null`). Reading also accepts the pair `[1, 3]` that earlier versions wrote.
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
/// let totals = shift.totals()?;
/// assert_eq!((totals.sale_count(), totals.sales_total()), (1, receipt.total()));
/// assert_eq!(totals.expected_cash(), eur(dec!(3.98)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ShiftTotals {
    /// Sale receipts.
    pub(crate) sale_count: u64,
    /// Return receipts.
    pub(crate) return_count: u64,
    /// The first and last receipt numbers of the shift.
    #[cfg_attr(feature = "serde", serde(with = "receipt_range"))]
    pub(crate) receipt_numbers: Option<(u64, u64)>,
    /// Per VAT rate, highest first.
    pub(crate) rates: Vec<RateTotals>,
    /// Per payment method: cash, card, transfer.
    pub(crate) methods: Vec<MethodTotals>,
    /// Sales with VAT, before rounding.
    pub(crate) sales_total: Money,
    /// Returns with VAT, before rounding.
    pub(crate) returns_total: Money,
    /// Discounts granted on sale receipts, in money (already deducted from `sales_total`).
    pub(crate) sales_discounts: Money,
    /// Discounts on the lines of return receipts, in money (already deducted from
    /// `returns_total`: a discounted item is refunded at its discounted price).
    pub(crate) returns_discounts: Money,
    /// Cash rounding differences of sales (+ when rounded up).
    pub(crate) sales_rounding: Money,
    /// Cash rounding differences of returns (+ when the refund was rounded up).
    pub(crate) returns_rounding: Money,
    /// Cash deposits.
    pub(crate) deposits: Money,
    /// Cash payouts.
    pub(crate) payouts: Money,
    /// The opening float.
    pub(crate) float: Money,
    /// Cash expected in the drawer: float + cash sales − cash returns + deposits − payouts.
    pub(crate) expected_cash: Money,
}

impl ShiftTotals {
    /// Sale receipts.
    pub fn sale_count(&self) -> u64 {
        self.sale_count
    }

    /// Return receipts.
    pub fn return_count(&self) -> u64 {
        self.return_count
    }

    /// The first and last receipt numbers of the shift.
    pub fn receipt_numbers(&self) -> Option<(u64, u64)> {
        self.receipt_numbers
    }

    /// Per VAT rate, highest first.
    pub fn rates(&self) -> &[RateTotals] {
        &self.rates
    }

    /// Per payment method: cash, card, transfer.
    pub fn methods(&self) -> &[MethodTotals] {
        &self.methods
    }

    /// Sales with VAT, before rounding.
    pub fn sales_total(&self) -> Money {
        self.sales_total
    }

    /// Returns with VAT, before rounding.
    pub fn returns_total(&self) -> Money {
        self.returns_total
    }

    /// Discounts granted on sale receipts, in money (already deducted from `sales_total`).
    pub fn sales_discounts(&self) -> Money {
        self.sales_discounts
    }

    /// Discounts on the lines of return receipts, in money (already deducted from
    /// `returns_total`: a discounted item is refunded at its discounted price).
    pub fn returns_discounts(&self) -> Money {
        self.returns_discounts
    }

    /// Cash rounding differences of sales (+ when rounded up).
    pub fn sales_rounding(&self) -> Money {
        self.sales_rounding
    }

    /// Cash rounding differences of returns (+ when the refund was rounded up).
    pub fn returns_rounding(&self) -> Money {
        self.returns_rounding
    }

    /// Cash deposits.
    pub fn deposits(&self) -> Money {
        self.deposits
    }

    /// Cash payouts.
    pub fn payouts(&self) -> Money {
        self.payouts
    }

    /// The opening float.
    pub fn float(&self) -> Money {
        self.float
    }

    /// Cash expected in the drawer: float + cash sales − cash returns + deposits − payouts.
    pub fn expected_cash(&self) -> Money {
        self.expected_cash
    }
}

#[cfg(feature = "serde")]
/// The saved form of [`ShiftTotals::receipt_numbers`]: `{"first", "last"}`, or the pair
/// `[first, last]` of earlier versions.
pub(super) mod receipt_range {
    #[cfg(feature = "serde")]
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[cfg(feature = "serde")]
    #[derive(Serialize, Deserialize)]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    struct Range {
        first: u64,
        last: u64,
    }

    #[cfg(feature = "serde")]
    #[derive(Deserialize)]
    #[cfg_attr(feature = "serde", serde(untagged))]
    enum Saved {
        Named(Range),
        Pair(u64, u64),
    }

    #[allow(clippy::ref_option)] // serde's `with` passes the field by reference
    pub(super) fn serialize<S: Serializer>(
        range: &Option<(u64, u64)>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        range
            .map(|(first, last)| Range { first, last })
            .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<(u64, u64)>, D::Error> {
        Ok(
            Option::<Saved>::deserialize(deserializer)?.map(|saved| match saved {
                Saved::Named(Range { first, last }) | Saved::Pair(first, last) => (first, last),
            }),
        )
    }
}

/// A running sum of amounts: whole cents (at most two decimals, what receipts hold) in an
/// `i128`, anything else in a `Decimal`. Adding integers is several times faster than adding
/// `Decimal`s, and the Z report adds millions of them. The value, scale included, is the same
/// as adding the `Decimal`s one by one: amounts of fewer than two decimals never raise the
/// scale above two.
#[derive(Clone, Copy, Default)]
pub(super) struct Sum {
    pub(super) cents: i128,
    pub(super) other: Decimal,
}

pub(super) const OVERFLOW: MoneyError = MoneyError::Overflow { operation: "sum" };

impl Sum {
    pub(super) fn add(&mut self, value: Decimal) -> Result<(), MoneyError> {
        match whole_cents(value) {
            Some(cents) => self.add_cents(cents),
            None => {
                self.other = self.other.checked_add(value).ok_or(OVERFLOW)?;
                Ok(())
            }
        }
    }

    #[inline]
    pub(super) fn add_cents(&mut self, cents: i64) -> Result<(), MoneyError> {
        self.cents = self.cents.checked_add(i128::from(cents)).ok_or(OVERFLOW)?;
        Ok(())
    }

    pub(super) fn value(&self) -> Result<Decimal, MoneyError> {
        Decimal::try_from_i128_with_scale(self.cents, 2)
            .map_err(|_| OVERFLOW)?
            .checked_add(self.other)
            .ok_or(OVERFLOW)
    }

    pub(super) fn money(&self, currency: Currency) -> Result<Money, MoneyError> {
        Ok(Money::new(self.value()?, currency))
    }
}

#[derive(Clone, Copy, Default)]
pub(super) struct Acc {
    pub(super) net: Sum,
    pub(super) vat: Sum,
    pub(super) gross: Sum,
}

impl Acc {
    pub(super) fn add(&mut self, line: &VatLine) -> Result<(), MoneyError> {
        self.net.add(line.net.amount())?;
        self.vat.add(line.vat.amount())?;
        self.gross.add(line.gross.amount())
    }

    #[inline]
    pub(super) fn add_cents(&mut self, line: &RateCents) -> Result<(), MoneyError> {
        self.net.add_cents(line.net)?;
        self.vat.add_cents(line.vat)?;
        self.gross.add_cents(line.gross)
    }

    pub(super) fn line(&self, rate: VatRate, currency: Currency) -> Result<VatLine, MoneyError> {
        Ok(VatLine {
            rate,
            net: self.net.money(currency)?,
            vat: self.vat.money(currency)?,
            gross: self.gross.money(currency)?,
        })
    }
}

/// The sums of one VAT rate over a shift: `[sales, returns]`.
#[derive(Clone, Copy)]
pub(super) struct RateAcc {
    pub(super) key: [u8; 16],
    pub(super) rate: VatRate,
    pub(super) sides: [Acc; 2],
}

/// The sums of one direction (sales or returns) over a shift.
#[derive(Clone, Copy, Default)]
pub(super) struct SideAcc {
    pub(super) count: u64,
    pub(super) total: Sum,
    pub(super) rounding: Sum,
    pub(super) discounts: Sum,
    pub(super) methods: [Sum; 3],
}

/// Finds the slot of a rate, adding it (sales and returns at zero) when it is new. A shift
/// has a handful of rates, so a linear search beats any map.
#[inline]
pub(super) fn rate_slot(
    rates: &mut Vec<RateAcc>,
    key: [u8; 16],
    rate: impl FnOnce() -> Option<VatRate>,
) -> Result<&mut RateAcc, MoneyError> {
    let index = match rates.iter().position(|r| r.key == key) {
        Some(index) => index,
        None => {
            rates.push(RateAcc {
                key,
                rate: rate().ok_or(OVERFLOW)?,
                sides: [Acc::default(); 2],
            });
            rates.len().saturating_sub(1)
        }
    };
    rates.get_mut(index).ok_or(OVERFLOW)
}

impl SideAcc {
    /// Adds a receipt from its whole-cent tally: integers only.
    #[inline]
    pub(super) fn add_tally(
        &mut self,
        side: usize,
        tally: &Tally,
        vat: &[VatLine],
        rates: &mut Vec<RateAcc>,
    ) -> Result<(), MoneyError> {
        self.total.add_cents(tally.total)?;
        self.rounding.add_cents(tally.rounding)?;
        self.discounts.add_cents(tally.discounts)?;
        for (sum, cents) in self.methods.iter_mut().zip(tally.methods) {
            sum.add_cents(cents)?;
        }
        let lines = tally.rates.get(..tally.rate_count).unwrap_or_default();
        for (i, line) in lines.iter().enumerate() {
            let slot = rate_slot(rates, line.key, || vat.get(i).map(|v| v.rate))?;
            if let Some(acc) = slot.sides.get_mut(side) {
                acc.add_cents(line)?;
            }
        }
        Ok(())
    }

    /// Adds a receipt whose amounts are not all whole cents.
    pub(super) fn add_receipt(
        &mut self,
        side: usize,
        receipt: &Receipt,
        rates: &mut Vec<RateAcc>,
    ) -> Result<(), MoneyError> {
        self.total.add(receipt.total.amount())?;
        self.rounding.add(receipt.rounding.amount())?;
        self.discounts.add(receipt.discounts.amount())?;
        for payment in &receipt.payments {
            if let Some(sum) = self.methods.get_mut(payment.method.index()) {
                sum.add(payment.amount.amount())?;
            }
        }
        for vat in &receipt.vat {
            let slot = rate_slot(rates, vat.rate.percent().serialize(), || Some(vat.rate))?;
            if let Some(acc) = slot.sides.get_mut(side) {
                acc.add(vat)?;
            }
        }
        Ok(())
    }
}

impl ShiftTotals {
    /// Computes the totals of a shift from its opening float and its events, in one pass.
    /// The X report and the Z report both come from here.
    ///
    /// Each receipt carries its figures in whole cents, computed once when it was built, so
    /// this pass adds integers per VAT rate and per payment method and allocates nothing per
    /// receipt; amounts that are not whole cents are added as `Decimal`s, with the same result.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Currency`] when an event is in another currency than the float;
    /// [`RegisterError::Money`] on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::ShiftTotals;
    /// use apkalpe_core::{Currency, Money};
    ///
    /// let totals = ShiftTotals::compute(Money::zero(Currency::EUR), &[])?;
    /// assert_eq!(totals.sale_count(), 0);
    /// assert!(totals.expected_cash().is_zero());
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn compute(float: Money, events: &[ShiftEvent]) -> Result<ShiftTotals, RegisterError> {
        let currency = float.currency();
        let check = |m: Money| {
            if m.currency() == currency {
                Ok(m.amount())
            } else {
                Err(RegisterError::Currency {
                    expected: currency,
                    found: m.currency(),
                })
            }
        };
        let mut rates: Vec<RateAcc> = Vec::new();
        let mut sides = [SideAcc::default(); 2];
        let mut numbers: Option<(u64, u64)> = None;
        let (mut deposits, mut payouts) = (Sum::default(), Sum::default());
        for event in events {
            match event {
                ShiftEvent::Receipt(receipt) => {
                    // Every amount of a receipt is in the currency of its total (the receipt
                    // is built that way), so one check per receipt is enough.
                    check(receipt.total)?;
                    let side_index = match receipt.kind {
                        ReceiptKind::Sale => 0,
                        ReceiptKind::Return { .. } => 1,
                    };
                    let Some(side) = sides.get_mut(side_index) else {
                        continue;
                    };
                    side.count = side.count.saturating_add(1);
                    numbers = Some(match numbers {
                        None => (receipt.number, receipt.number),
                        Some((first, last)) => {
                            (first.min(receipt.number), last.max(receipt.number))
                        }
                    });
                    match &receipt.tally {
                        Some(tally) => {
                            side.add_tally(side_index, tally, &receipt.vat, &mut rates)?;
                        }
                        None => side.add_receipt(side_index, receipt, &mut rates)?,
                    }
                }
                ShiftEvent::CashMovement(movement) => {
                    let amount = check(movement.amount())?;
                    match movement.kind() {
                        CashMovementKind::Deposit => deposits.add(amount)?,
                        CashMovementKind::Payout => payouts.add(amount)?,
                    }
                }
            }
        }
        rates.sort_by_key(|r| std::cmp::Reverse(r.rate));
        let money = |sum: Sum| sum.money(currency);
        let [sales, returns] = sides;
        let cash = PaymentMethod::Cash.index();
        let method = |side: &SideAcc, index: usize| {
            side.methods
                .get(index)
                .copied()
                .unwrap_or_default()
                .money(currency)
        };
        let expected = float
            .checked_add(method(&sales, cash)?)?
            .checked_sub(method(&returns, cash)?)?
            .checked_add(money(deposits)?)?
            .checked_sub(money(payouts)?)?;
        Ok(ShiftTotals {
            sale_count: sales.count,
            return_count: returns.count,
            receipt_numbers: numbers,
            rates: rates
                .iter()
                .map(|r| {
                    let [s, ret] = &r.sides;
                    Ok(RateTotals {
                        rate: r.rate,
                        sales: s.line(r.rate, currency)?,
                        returns: ret.line(r.rate, currency)?,
                    })
                })
                .collect::<Result<Vec<_>, MoneyError>>()?,
            methods: PaymentMethod::ALL
                .iter()
                .map(|m| {
                    Ok(MethodTotals {
                        method: *m,
                        sales: method(&sales, m.index())?,
                        returns: method(&returns, m.index())?,
                    })
                })
                .collect::<Result<Vec<_>, MoneyError>>()?,
            sales_total: money(sales.total)?,
            returns_total: money(returns.total)?,
            sales_discounts: money(sales.discounts)?,
            returns_discounts: money(returns.discounts)?,
            sales_rounding: money(sales.rounding)?,
            returns_rounding: money(returns.rounding)?,
            deposits: money(deposits)?,
            payouts: money(payouts)?,
            float,
            expected_cash: expected,
        })
    }
}

/// The X report (*X atskaite*): the shift's totals so far, without closing anything.
///
/// Its fields are read through getters. It serializes and deserializes as its fields, by
/// name, with no rule beyond the fields' own types.
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
/// assert_eq!(x.cashier(), "Anna");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct XReport {
    /// The register.
    pub(crate) identity: RegisterIdentity,
    /// The cashier of the shift.
    pub(crate) cashier: String,
    /// When the shift opened.
    pub(crate) opened_at: DateTime<Utc>,
    /// When the report was taken.
    pub(crate) at: DateTime<Utc>,
    /// The totals.
    pub(crate) totals: ShiftTotals,
}

impl XReport {
    /// The register.
    pub fn identity(&self) -> &RegisterIdentity {
        &self.identity
    }

    /// The cashier of the shift.
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// When the shift opened.
    pub fn opened_at(&self) -> DateTime<Utc> {
        self.opened_at
    }

    /// When the report was taken.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The totals.
    pub fn totals(&self) -> &ShiftTotals {
        &self.totals
    }
}

/// The Z report (*Z atskaite*): the numbered day close, with the count of the drawer and
/// the perpetual grand total.
///
/// Its fields are read through getters. It serializes and deserializes as its fields, by
/// name, with no rule beyond the fields' own types.
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
/// assert_eq!((z.number(), register.last_z()), (1, 1));
/// // 4.00 counted, 3.98 expected: 0.02 over.
/// assert_eq!(z.over_short(), eur(dec!(0.02)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ZReport {
    /// The Z number (one sequence per register, never reset).
    pub(crate) number: u64,
    /// The register.
    pub(crate) identity: RegisterIdentity,
    /// The cashier of the shift.
    pub(crate) cashier: String,
    /// When the shift opened.
    pub(crate) opened_at: DateTime<Utc>,
    /// When the shift closed.
    pub(crate) at: DateTime<Utc>,
    /// The totals.
    pub(crate) totals: ShiftTotals,
    /// The cash counted at close, by denomination.
    pub(crate) counted: CashCount,
    /// Counted − expected: positive over, negative short.
    pub(crate) over_short: Money,
    /// The grand total (sales − returns since the register started) after this shift.
    pub(crate) grand_total: Money,
}

impl ZReport {
    /// The Z number (one sequence per register, never reset).
    pub fn number(&self) -> u64 {
        self.number
    }

    /// The register.
    pub fn identity(&self) -> &RegisterIdentity {
        &self.identity
    }

    /// The cashier of the shift.
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// When the shift opened.
    pub fn opened_at(&self) -> DateTime<Utc> {
        self.opened_at
    }

    /// When the shift closed.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The totals.
    pub fn totals(&self) -> &ShiftTotals {
        &self.totals
    }

    /// The cash counted at close, by denomination.
    pub fn counted(&self) -> CashCount {
        self.counted
    }

    /// Counted − expected: positive over, negative short.
    pub fn over_short(&self) -> Money {
        self.over_short
    }

    /// The grand total (sales − returns since the register started) after this shift.
    pub fn grand_total(&self) -> Money {
        self.grand_total
    }
}

/// The saved form of a [`ShiftEvent`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "event"))]
// Read once and converted at once, like `ShiftEvent` itself (nearly every event is a receipt).
#[allow(clippy::large_enum_variant)]
pub(super) enum EventRecord {
    Receipt(ReceiptRecord),
    CashMovement(crate::cash::CashMovementRecord),
}

#[cfg(feature = "serde")]
impl TryFrom<EventRecord> for ShiftEvent {
    type Error = RestoreError;

    fn try_from(record: EventRecord) -> Result<Self, Self::Error> {
        Ok(match record {
            EventRecord::Receipt(receipt) => ShiftEvent::Receipt(Receipt::try_from(receipt)?),
            EventRecord::CashMovement(movement) => {
                ShiftEvent::CashMovement(CashMovement::try_from(movement)?)
            }
        })
    }
}
