//! Rounding as a value: a strategy and an increment.
//!
//! Every function in Apkalpe that rounds takes a [`Rounding`] (or a policy that names where it
//! rounds: per line, per VAT rate, per document, cash payment). There is no hidden default:
//! `Decimal::round_dp` silently rounds half to even and is banned by `clippy.toml`.
//!
//! How each strategy rounds to the cent (increment 0.01):
//!
//! | value   | half away from zero | half even | toward zero | away from zero (up) |
//! |---------|---------------------|-----------|-------------|---------------------|
//! | 2.345   | 2.35                | 2.34      | 2.34        | 2.35                |
//! | 2.355   | 2.36                | 2.36      | 2.35        | 2.36                |
//! | 2.341   | 2.34                | 2.34      | 2.34        | 2.35                |
//! | −2.345  | −2.35               | −2.34     | −2.34       | −2.35               |
//! | −2.341  | −2.34               | −2.34     | −2.34       | −2.35               |
//!
//! With increment 0.05 (cash), half away from zero rounds 1.01 and 1.02 down to 1.00, 1.03 and
//! 1.04 up to 1.05, 1.06 and 1.07 down to 1.05, 1.08 and 1.09 up to 1.10.
//!
//! # Examples
//!
//! ```
//! use apkalpe_core::rounding::{Rounding, RoundingStrategy};
//! use rust_decimal_macros::dec;
//!
//! let cents = Rounding::to_cents(RoundingStrategy::HalfEven);
//! assert_eq!(cents.apply(dec!(2.345))?, dec!(2.34));
//! let cash = Rounding::CASH_5_CENTS;
//! assert_eq!(cash.apply(dec!(10.03))?, dec!(10.05));
//! # Ok::<(), apkalpe_core::rounding::RoundingError>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::{Language, LocalizedError};

/// How a value halfway or between two steps is rounded.
///
/// # Examples
///
/// ```
/// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
/// use rust_decimal_macros::dec;
///
/// let cents = |strategy| Rounding::to_cents(strategy).apply(dec!(2.345));
/// assert_eq!(cents(RoundingStrategy::HalfAwayFromZero)?, dec!(2.35));
/// assert_eq!(cents(RoundingStrategy::HalfEven)?, dec!(2.34));
/// assert_eq!(cents(RoundingStrategy::TowardZero)?, dec!(2.34));
/// assert_eq!(cents(RoundingStrategy::AwayFromZero)?, dec!(2.35));
/// # Ok::<(), apkalpe_core::RoundingError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RoundingStrategy {
    /// To the nearest step; a value exactly halfway goes away from zero (2.345 → 2.35).
    /// The commercial rounding of Latvian invoices and of EN 16931 amounts.
    HalfAwayFromZero,
    /// To the nearest step; a value exactly halfway goes to the even step (2.345 → 2.34),
    /// also called banker's rounding.
    HalfEven,
    /// Drops what is beyond the step, toward zero (2.349 → 2.34, −2.349 → −2.34).
    TowardZero,
    /// Up to the next step away from zero (2.341 → 2.35, −2.341 → −2.35).
    AwayFromZero,
}

impl RoundingStrategy {
    const fn to_decimal(self) -> rust_decimal::RoundingStrategy {
        match self {
            RoundingStrategy::HalfAwayFromZero => {
                rust_decimal::RoundingStrategy::MidpointAwayFromZero
            }
            RoundingStrategy::HalfEven => rust_decimal::RoundingStrategy::MidpointNearestEven,
            RoundingStrategy::TowardZero => rust_decimal::RoundingStrategy::ToZero,
            RoundingStrategy::AwayFromZero => rust_decimal::RoundingStrategy::AwayFromZero,
        }
    }
}

/// A rounding: a strategy and the increment to round to (0.01 for cents, 0.05 for cash).
///
/// # Examples
///
/// ```
/// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
/// use rust_decimal_macros::dec;
///
/// let up = Rounding::try_new(RoundingStrategy::AwayFromZero, dec!(0.10))?;
/// assert_eq!(up.apply(dec!(3.01))?, dec!(3.10));
/// assert!(Rounding::try_new(RoundingStrategy::HalfEven, dec!(0)).is_err());
/// # Ok::<(), apkalpe_core::rounding::RoundingError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RoundingFields"))]
pub struct Rounding {
    strategy: RoundingStrategy,
    increment: Decimal,
}

#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RoundingFields {
    strategy: RoundingStrategy,
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    increment: Decimal,
}

#[cfg(feature = "serde")]
impl TryFrom<RoundingFields> for Rounding {
    type Error = RoundingError;

    fn try_from(fields: RoundingFields) -> Result<Self, Self::Error> {
        Rounding::try_new(fields.strategy, fields.increment)
    }
}

/// The error returned by [`Rounding`] construction or application.
///
/// # Examples
///
/// ```
/// use apkalpe_core::rounding::{Rounding, RoundingError, RoundingStrategy};
/// use rust_decimal_macros::dec;
///
/// assert_eq!(
///     Rounding::try_new(RoundingStrategy::HalfEven, dec!(-0.05)),
///     Err(RoundingError::IncrementNotPositive { increment: dec!(-0.05) })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoundingError {
    /// The increment is zero or negative.
    #[error("rounding increment must be positive, found {increment}")]
    IncrementNotPositive {
        /// The increment given.
        increment: Decimal,
    },
    /// The value is too large to be rounded to the increment without overflow.
    #[error("{value} cannot be rounded to {increment} without overflow")]
    Overflow {
        /// The value to round.
        value: Decimal,
        /// The increment.
        increment: Decimal,
    },
}

impl RoundingError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use rust_decimal_macros::dec;
    ///
    /// let error = Rounding::try_new(RoundingStrategy::HalfEven, dec!(0)).unwrap_err();
    /// assert_eq!(error.code(), "rounding.increment_not_positive");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RoundingError::IncrementNotPositive { .. } => "rounding.increment_not_positive",
            RoundingError::Overflow { .. } => "rounding.overflow",
        }
    }
}

impl LocalizedError for RoundingError {
    fn code(&self) -> &'static str {
        RoundingError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            RoundingError::IncrementNotPositive { increment } => write!(
                f,
                "noapaļošanas solim jābūt pozitīvam, norādīts {increment}"
            ),
            RoundingError::Overflow { value, increment } => write!(
                f,
                "skaitli {value} nevar noapaļot ar soli {increment}: rezultāts pārsniedz pieļaujamo skaitļu diapazonu"
            ),
        }
    }
}

impl Rounding {
    /// Half away from zero to 0.05: the cash-payment rounding of Estonia and Lithuania.
    pub const CASH_5_CENTS: Rounding = Rounding {
        strategy: RoundingStrategy::HalfAwayFromZero,
        increment: Decimal::from_parts(5, 0, 0, false, 2),
    };

    /// Half away from zero to the cent: the commercial rounding of invoice amounts.
    pub const CENTS_HALF_AWAY_FROM_ZERO: Rounding = Rounding {
        strategy: RoundingStrategy::HalfAwayFromZero,
        increment: Decimal::from_parts(1, 0, 0, false, 2),
    };

    /// Creates a rounding to a positive increment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use rust_decimal_macros::dec;
    ///
    /// let tenths = Rounding::try_new(RoundingStrategy::HalfAwayFromZero, dec!(0.10))?;
    /// assert_eq!(tenths.increment(), dec!(0.1));
    /// assert_eq!(tenths.apply(dec!(1.25))?, dec!(1.3));
    /// # Ok::<(), apkalpe_core::RoundingError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RoundingError::IncrementNotPositive`] when `increment` is zero or negative.
    pub fn try_new(strategy: RoundingStrategy, increment: Decimal) -> Result<Self, RoundingError> {
        if increment <= Decimal::ZERO {
            return Err(RoundingError::IncrementNotPositive { increment });
        }
        Ok(Rounding {
            strategy,
            increment: increment.normalize(),
        })
    }

    /// Creates a rounding to the cent (0.01) with the given strategy.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Rounding::to_cents(RoundingStrategy::TowardZero).apply(dec!(9.999))?, dec!(9.99));
    /// # Ok::<(), apkalpe_core::RoundingError>(())
    /// ```
    pub const fn to_cents(strategy: RoundingStrategy) -> Self {
        Rounding {
            strategy,
            increment: Decimal::from_parts(1, 0, 0, false, 2),
        }
    }

    /// Creates a rounding to `decimal_places` places (`10^-places`), such as a currency's
    /// minor units. Places above 28 are treated as 28, the most a `Decimal` holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use rust_decimal_macros::dec;
    ///
    /// let four = Rounding::to_places(RoundingStrategy::HalfAwayFromZero, 4);
    /// assert_eq!(four.apply(dec!(0.12345))?, dec!(0.1235));
    /// # Ok::<(), apkalpe_core::RoundingError>(())
    /// ```
    pub fn to_places(strategy: RoundingStrategy, decimal_places: u32) -> Self {
        Rounding {
            strategy,
            increment: Decimal::new(1, decimal_places.min(28)),
        }
    }

    /// Returns the strategy.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    ///
    /// assert_eq!(Rounding::CASH_5_CENTS.strategy(), RoundingStrategy::HalfAwayFromZero);
    /// ```
    pub const fn strategy(&self) -> RoundingStrategy {
        self.strategy
    }

    /// Returns the increment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Rounding::CASH_5_CENTS.increment(), dec!(0.05));
    /// ```
    pub const fn increment(&self) -> Decimal {
        self.increment
    }

    /// Rounds `value` to a multiple of the increment with the strategy.
    ///
    /// The result carries exactly the increment's number of decimal places (1.5 rounded to
    /// cents is 1.50).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Rounding::CASH_5_CENTS.apply(dec!(10.33))?, dec!(10.35));
    /// assert_eq!(Rounding::CASH_5_CENTS.apply(dec!(-10.32))?, dec!(-10.30));
    /// assert_eq!(Rounding::CENTS_HALF_AWAY_FROM_ZERO.apply(dec!(1.5))?.to_string(), "1.50");
    /// # Ok::<(), apkalpe_core::RoundingError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RoundingError::Overflow`] when the value is so large that the intermediate quotient
    /// overflows `Decimal` (above about 7.9 × 10²⁶ for cents).
    pub fn apply(&self, value: Decimal) -> Result<Decimal, RoundingError> {
        let overflow = || RoundingError::Overflow {
            value,
            increment: self.increment,
        };
        let scale = self.increment.scale();
        // A power-of-ten increment: round directly to its places.
        if self.increment.mantissa() == 1 {
            // A value with no more decimals than the increment is already on a step.
            let mut rounded = if value.scale() <= scale {
                value
            } else {
                value.round_dp_with_strategy(scale, self.strategy.to_decimal())
            };
            rounded.rescale(scale);
            return Ok(rounded);
        }
        let steps = value.checked_div(self.increment).ok_or_else(overflow)?;
        let whole_steps = steps.round_dp_with_strategy(0, self.strategy.to_decimal());
        let mut rounded = whole_steps
            .checked_mul(self.increment)
            .ok_or_else(overflow)?;
        rounded.rescale(scale);
        Ok(rounded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn all(value: Decimal) -> [Decimal; 4] {
        [
            RoundingStrategy::HalfAwayFromZero,
            RoundingStrategy::HalfEven,
            RoundingStrategy::TowardZero,
            RoundingStrategy::AwayFromZero,
        ]
        .map(|strategy| Rounding::to_cents(strategy).apply(value).unwrap())
    }

    #[test]
    fn module_table_holds() {
        assert_eq!(
            all(dec!(2.345)),
            [dec!(2.35), dec!(2.34), dec!(2.34), dec!(2.35)]
        );
        assert_eq!(
            all(dec!(2.355)),
            [dec!(2.36), dec!(2.36), dec!(2.35), dec!(2.36)]
        );
        assert_eq!(
            all(dec!(2.341)),
            [dec!(2.34), dec!(2.34), dec!(2.34), dec!(2.35)]
        );
        assert_eq!(
            all(dec!(-2.345)),
            [dec!(-2.35), dec!(-2.34), dec!(-2.34), dec!(-2.35)]
        );
        assert_eq!(
            all(dec!(-2.341)),
            [dec!(-2.34), dec!(-2.34), dec!(-2.34), dec!(-2.35)]
        );
    }

    #[test]
    fn cash_table_of_last_digits() {
        let cash = Rounding::CASH_5_CENTS;
        let expected = [
            (dec!(1.00), dec!(1.00)),
            (dec!(1.01), dec!(1.00)),
            (dec!(1.02), dec!(1.00)),
            (dec!(1.03), dec!(1.05)),
            (dec!(1.04), dec!(1.05)),
            (dec!(1.05), dec!(1.05)),
            (dec!(1.06), dec!(1.05)),
            (dec!(1.07), dec!(1.05)),
            (dec!(1.08), dec!(1.10)),
            (dec!(1.09), dec!(1.10)),
            (dec!(-1.03), dec!(-1.05)),
            (dec!(-1.02), dec!(-1.00)),
        ];
        for (value, rounded) in expected {
            let result = cash.apply(value).unwrap();
            assert_eq!(result, rounded, "{value}");
            assert_eq!(result.scale(), 2);
        }
    }

    #[test]
    fn result_has_the_increment_scale_and_bad_increments_are_rejected() {
        let cents = Rounding::to_cents(RoundingStrategy::HalfEven);
        assert_eq!(cents.apply(dec!(1.5)).unwrap().to_string(), "1.50");
        assert_eq!(
            Rounding::to_places(RoundingStrategy::HalfEven, 0)
                .apply(dec!(2.5))
                .unwrap()
                .to_string(),
            "2"
        );
        let error = Rounding::try_new(RoundingStrategy::HalfEven, dec!(-0.01)).unwrap_err();
        assert_eq!(error.code(), "rounding.increment_not_positive");
        let overflow = Rounding::CASH_5_CENTS.apply(Decimal::MAX).unwrap_err();
        assert_eq!(overflow.code(), "rounding.overflow");
    }
}
