//! Money: an exact decimal amount in a known currency.
//!
//! `Money` has no operators: `+`, `-` and `*` on `Decimal` panic on overflow, so arithmetic is
//! done with `checked_*` methods that return [`MoneyError`], and sums with [`Money::try_sum`].
//! Two amounts in different currencies never mix.

mod allocate;
mod currency;
mod format;
mod parse;
#[cfg(test)]
mod tests;

pub use currency::{Currency, ParseCurrencyError};
pub use encapsulate::Money;
pub use parse::{ParseMoneyError, parse_amount};

use std::fmt;

use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::rounding::{Rounding, RoundingError, RoundingStrategy};
use crate::{Language, LocalizedError};

mod encapsulate {
    use rust_decimal::Decimal;

    use super::Currency;

    /// An exact amount of money in one currency.
    ///
    /// The amount is a [`Decimal`]; there is no float constructor. Two values are equal only
    /// when their currencies are equal and their amounts are numerically equal (1.5 EUR equals
    /// 1.50 EUR). An amount may carry more decimals than the currency's minor units (a unit
    /// price of 0.1234 EUR is legal); [`Money::round`] brings it to the cent with a named
    /// strategy.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let price = Money::new(dec!(12.50), Currency::EUR);
    /// let shipping: Money = "3.1 EUR".parse()?;
    /// let total = price.checked_add(shipping)?;
    /// assert_eq!(total.to_string(), "15.60 EUR");
    /// assert_eq!(total.amount(), dec!(15.6));
    /// # Ok::<(), apkalpe_core::CoreError>(())
    /// ```
    ///
    /// `Debug` is compact, the `Display` text in `Money(…)`, so structures that hold many
    /// amounts stay readable in test failures and logs:
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(format!("{:?}", Money::new(dec!(12.5), Currency::EUR)), "Money(12.50 EUR)");
    /// assert_eq!(format!("{:?}", Some(Money::new(dec!(-0.125), Currency::USD))), "Some(Money(-0.125 USD))");
    /// ```
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    pub struct Money {
        amount: Decimal,
        currency: Currency,
    }

    impl std::fmt::Debug for Money {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "Money({self})")
        }
    }

    impl Money {
        /// Creates an amount of money. Every `Decimal` is a legal amount.
        pub const fn new(amount: Decimal, currency: Currency) -> Self {
            Money { amount, currency }
        }

        /// Returns the amount.
        pub const fn amount(&self) -> Decimal {
            self.amount
        }

        /// Returns the currency.
        pub const fn currency(&self) -> Currency {
            self.currency
        }
    }
}

/// The error returned by money arithmetic, allocation and rounding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("cannot {operation} {left} and {right} amounts")]
    CurrencyMismatch {
        /// The operation: `add`, `subtract`, `sum`, `compare`.
        operation: &'static str,
        /// The currency of the left operand (or the expected currency of a sum).
        left: Currency,
        /// The currency of the right operand.
        right: Currency,
    },
    /// The result does not fit in a `Decimal` (about ±7.9 × 10²⁸).
    #[error("{operation} overflowed")]
    Overflow {
        /// The operation: `add`, `subtract`, `multiply`, `divide`, `sum`, `allocate`.
        operation: &'static str,
    },
    /// Division by zero.
    #[error("division by zero")]
    DivisionByZero,
    /// The amount has more decimals than the currency's minor units where whole minor units
    /// are required (allocation splits whole cents).
    #[error("{amount} has more decimals than the {minor_units} minor units of {currency}")]
    NotInMinorUnits {
        /// The amount.
        amount: Decimal,
        /// Its currency.
        currency: Currency,
        /// The currency's minor units.
        minor_units: u32,
    },
    /// Allocation was asked for with no parts.
    #[error("allocation needs at least one part")]
    NoParts,
    /// An allocation ratio is negative.
    #[error("allocation ratio at index {index} is negative ({ratio})")]
    NegativeRatio {
        /// The position of the ratio in the list, from 0.
        index: usize,
        /// The ratio.
        ratio: Decimal,
    },
    /// All allocation ratios are zero.
    #[error("allocation ratios sum to zero")]
    ZeroRatios,
    /// Rounding failed.
    #[error(transparent)]
    Rounding(#[from] RoundingError),
}

impl MoneyError {
    /// Returns the stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::CurrencyMismatch { .. } => "money.currency_mismatch",
            MoneyError::Overflow { .. } => "money.overflow",
            MoneyError::DivisionByZero => "money.division_by_zero",
            MoneyError::NotInMinorUnits { .. } => "money.not_in_minor_units",
            MoneyError::NoParts => "money.no_parts",
            MoneyError::NegativeRatio { .. } => "money.negative_ratio",
            MoneyError::ZeroRatios => "money.zero_ratios",
            MoneyError::Rounding(error) => error.code(),
        }
    }
}

impl LocalizedError for MoneyError {
    fn code(&self) -> &'static str {
        MoneyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            MoneyError::CurrencyMismatch {
                operation,
                left,
                right,
            } => {
                let verb = match *operation {
                    "add" => "saskaitīt",
                    "subtract" => "atņemt",
                    "sum" => "summēt",
                    "compare" => "salīdzināt",
                    _ => "apvienot",
                };
                write!(f, "nevar {verb} summas valūtās {left} un {right}")
            }
            MoneyError::Overflow { operation } => {
                let noun = match *operation {
                    "add" => "saskaitīšanas",
                    "subtract" => "atņemšanas",
                    "multiply" => "reizināšanas",
                    "divide" => "dalīšanas",
                    "sum" => "summēšanas",
                    "allocate" => "sadalīšanas",
                    _ => "aprēķina",
                };
                write!(f, "{noun} rezultāts pārsniedz pieļaujamo skaitļu diapazonu")
            }
            MoneyError::DivisionByZero => f.write_str("dalīšana ar nulli"),
            MoneyError::NotInMinorUnits {
                amount,
                currency,
                minor_units,
            } => write!(
                f,
                "summai {amount} ir vairāk decimālzīmju, nekā atļauj {currency} ({minor_units})"
            ),
            MoneyError::NoParts => f.write_str("sadalīšanai vajadzīga vismaz viena daļa"),
            MoneyError::NegativeRatio { index, ratio } => write!(
                f,
                "sadales proporcija ar indeksu {index} ir negatīva ({ratio})"
            ),
            MoneyError::ZeroRatios => f.write_str("sadales proporciju summa ir nulle"),
            MoneyError::Rounding(error) => error.fmt_in(language, f),
        }
    }
}

impl Money {
    /// Returns zero in `currency`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    ///
    /// assert_eq!(Money::zero(Currency::EUR).to_string(), "0.00 EUR");
    /// ```
    pub const fn zero(currency: Currency) -> Self {
        Money::new(Decimal::ZERO, currency)
    }

    /// Tells whether the amount is zero.
    pub fn is_zero(&self) -> bool {
        self.amount().is_zero()
    }

    /// Tells whether the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.amount().is_sign_negative() && !self.amount().is_zero()
    }

    /// Tells whether the amount is above zero.
    pub fn is_positive(&self) -> bool {
        self.amount().is_sign_positive() && !self.amount().is_zero()
    }

    /// Returns the amount with its sign reversed. Never overflows: `Decimal` is symmetric.
    #[must_use]
    pub fn negated(&self) -> Money {
        let mut amount = self.amount();
        if !amount.is_zero() {
            amount.set_sign_negative(!amount.is_sign_negative());
        }
        Money::new(amount, self.currency())
    }

    /// Returns the absolute amount.
    #[must_use]
    pub fn abs(&self) -> Money {
        Money::new(self.amount().abs(), self.currency())
    }

    fn same_currency(&self, other: &Money, operation: &'static str) -> Result<(), MoneyError> {
        if self.currency() == other.currency() {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                operation,
                left: self.currency(),
                right: other.currency(),
            })
        }
    }

    /// Adds two amounts of the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for different currencies, [`MoneyError::Overflow`] when
    /// the sum does not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, MoneyError};
    /// use rust_decimal_macros::dec;
    ///
    /// let a = Money::new(dec!(1.10), Currency::EUR);
    /// assert_eq!(a.checked_add(a)?, Money::new(dec!(2.20), Currency::EUR));
    /// let dollars = Money::new(dec!(1), Currency::USD);
    /// assert_eq!(a.checked_add(dollars).unwrap_err().code(), "money.currency_mismatch");
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn checked_add(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other, "add")?;
        self.amount()
            .checked_add(other.amount())
            .map(|amount| Money::new(amount, self.currency()))
            .ok_or(MoneyError::Overflow { operation: "add" })
    }

    /// Subtracts an amount of the same currency.
    ///
    /// # Errors
    ///
    /// As [`Money::checked_add`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let due = Money::new(dec!(10.00), Currency::EUR);
    /// let paid = Money::new(dec!(12.50), Currency::EUR);
    /// assert_eq!(due.checked_sub(paid)?.to_string(), "-2.50 EUR");
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn checked_sub(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other, "subtract")?;
        self.amount()
            .checked_sub(other.amount())
            .map(|amount| Money::new(amount, self.currency()))
            .ok_or(MoneyError::Overflow {
                operation: "subtract",
            })
    }

    /// Multiplies the amount by a factor (a quantity, a rate as a fraction). The result is
    /// exact and not rounded: round it with [`Money::round`] at the place the rules name.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product does not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let unit_price = Money::new(dec!(0.1234), Currency::EUR);
    /// assert_eq!(unit_price.checked_mul(dec!(3))?.amount(), dec!(0.3702));
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn checked_mul(&self, factor: Decimal) -> Result<Money, MoneyError> {
        self.amount()
            .checked_mul(factor)
            .map(|amount| Money::new(amount, self.currency()))
            .ok_or(MoneyError::Overflow {
                operation: "multiply",
            })
    }

    /// Divides the amount by a divisor. The result is not rounded (up to 28 significant
    /// digits); to split an amount into parts that add up, use [`Money::allocate`].
    ///
    /// # Errors
    ///
    /// [`MoneyError::DivisionByZero`], or [`MoneyError::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let total = Money::new(dec!(10.00), Currency::EUR);
    /// assert_eq!(total.checked_div(dec!(4))?.amount(), dec!(2.5));
    /// assert!(total.checked_div(dec!(0)).is_err());
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn checked_div(&self, divisor: Decimal) -> Result<Money, MoneyError> {
        if divisor.is_zero() {
            return Err(MoneyError::DivisionByZero);
        }
        self.amount()
            .checked_div(divisor)
            .map(|amount| Money::new(amount, self.currency()))
            .ok_or(MoneyError::Overflow {
                operation: "divide",
            })
    }

    /// Sums amounts that must all be in `currency`. An empty sum is zero.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for an amount in another currency,
    /// [`MoneyError::Overflow`] when the sum does not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let lines = [dec!(1.10), dec!(2.20), dec!(3.30)].map(|a| Money::new(a, Currency::EUR));
    /// assert_eq!(Money::try_sum(Currency::EUR, lines)?.to_string(), "6.60 EUR");
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn try_sum(
        currency: Currency,
        amounts: impl IntoIterator<Item = Money>,
    ) -> Result<Money, MoneyError> {
        let mut total = Decimal::ZERO;
        for money in amounts {
            if money.currency() != currency {
                return Err(MoneyError::CurrencyMismatch {
                    operation: "sum",
                    left: currency,
                    right: money.currency(),
                });
            }
            total = total
                .checked_add(money.amount())
                .ok_or(MoneyError::Overflow { operation: "sum" })?;
        }
        Ok(Money::new(total, currency))
    }

    /// Rounds the amount with a named rounding (strategy and increment).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Rounding`] when the amount is too large for the increment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let vat = Money::new(dec!(2.625), Currency::EUR);
    /// let commercial = Rounding::to_cents(RoundingStrategy::HalfAwayFromZero);
    /// assert_eq!(vat.round(commercial)?.to_string(), "2.63 EUR");
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn round(&self, rounding: Rounding) -> Result<Money, MoneyError> {
        Ok(Money::new(rounding.apply(self.amount())?, self.currency()))
    }

    /// Rounds the amount to the currency's minor units (cents for EUR) with `strategy`.
    ///
    /// # Errors
    ///
    /// As [`Money::round`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::RoundingStrategy;
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let yen = Money::new(dec!(100.5), Currency::JPY);
    /// assert_eq!(yen.round_to_minor_units(RoundingStrategy::HalfEven)?.to_string(), "100 JPY");
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn round_to_minor_units(&self, strategy: RoundingStrategy) -> Result<Money, MoneyError> {
        self.round(Rounding::to_places(strategy, self.currency().minor_units()))
    }

    /// Tells whether the amount is a whole number of minor units (no fraction of a cent).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// assert!(Money::new(dec!(1.50), Currency::EUR).is_in_minor_units());
    /// assert!(Money::new(dec!(1.5000), Currency::EUR).is_in_minor_units());
    /// assert!(!Money::new(dec!(1.505), Currency::EUR).is_in_minor_units());
    /// ```
    pub fn is_in_minor_units(&self) -> bool {
        self.amount().normalize().scale() <= self.currency().minor_units()
    }

    /// Compares two amounts of the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for different currencies.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    /// use std::cmp::Ordering;
    ///
    /// let a = Money::new(dec!(1.5), Currency::EUR);
    /// let b = Money::new(dec!(1.50), Currency::EUR);
    /// assert_eq!(a.try_cmp(&b)?, Ordering::Equal);
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn try_cmp(&self, other: &Money) -> Result<std::cmp::Ordering, MoneyError> {
        self.same_currency(other, "compare")?;
        Ok(self.amount().cmp(&other.amount()))
    }
}

/// The serialised shape of [`Money`]: `{"amount": "12.50", "currency": "EUR"}`.
#[cfg(feature = "serde")]
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct MoneyFields {
    amount: String,
    currency: Currency,
}

#[cfg(feature = "serde")]
impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MoneyFields {
            amount: format::plain_amount(self),
            currency: self.currency(),
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = MoneyFields::deserialize(deserializer)?;
        let amount = parse_amount(&fields.amount).map_err(serde::de::Error::custom)?;
        Ok(Money::new(amount, fields.currency))
    }
}
