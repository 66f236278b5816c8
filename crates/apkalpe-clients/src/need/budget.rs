//! A need's budget: a range of money with a lower or an upper bound, or both.

use apkalpe_core::Money;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::NeedError;

/// The budget a client names: a lower bound, an upper bound or both, in one currency.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::BudgetRange;
/// use apkalpe_core::{Currency, Money};
///
/// let budget = BudgetRange::try_new(
///     Some(Money::parse("300", Currency::EUR)?),
///     Some(Money::parse("500", Currency::EUR)?),
/// )?;
/// assert_eq!(budget.to_string(), "300.00 EUR – 500.00 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialised through [`BudgetRange::try_new`]: a saved range that breaks a rule is refused
/// with `restore.invalid`, keeping the rule's code (`need.budget_order`…) as the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "BudgetRangeRecord"))]
pub struct BudgetRange {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    min: Option<Money>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    max: Option<Money>,
}

/// The saved form of a [`BudgetRange`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct BudgetRangeRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    min: Option<Money>,
    #[cfg_attr(feature = "serde", serde(default))]
    max: Option<Money>,
}

#[cfg(feature = "serde")]
impl BudgetRangeRecord {
    pub(crate) fn restore(self) -> Result<BudgetRange, RestoreError> {
        BudgetRange::try_new(self.min, self.max)
            .map_err(|error| RestoreError::invalid("BudgetRange", "", error))
    }
}

#[cfg(feature = "serde")]
impl TryFrom<BudgetRangeRecord> for BudgetRange {
    type Error = RestoreError;

    fn try_from(record: BudgetRangeRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl BudgetRange {
    /// Checks a budget range.
    ///
    /// # Errors
    ///
    /// - [`NeedError::BudgetEmpty`] with neither bound;
    /// - [`NeedError::BudgetNegative`] for a negative bound;
    /// - [`NeedError::BudgetCurrency`] for bounds in two currencies;
    /// - [`NeedError::BudgetOrder`] when the lower bound is above the upper one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::BudgetRange;
    /// use apkalpe_core::{Currency, Money};
    ///
    /// let up_to = BudgetRange::try_new(None, Some(Money::parse("80", Currency::EUR)?))?;
    /// assert_eq!(up_to.to_string(), "up to 80.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(min: Option<Money>, max: Option<Money>) -> Result<Self, NeedError> {
        for bound in min.iter().chain(max.iter()) {
            if bound.is_negative() {
                return Err(NeedError::BudgetNegative {
                    amount: bound.to_string(),
                });
            }
        }
        match (&min, &max) {
            (None, None) => return Err(NeedError::BudgetEmpty),
            (Some(low), Some(high)) => {
                if low.currency() != high.currency() {
                    return Err(NeedError::BudgetCurrency {
                        min: low.currency().code(),
                        max: high.currency().code(),
                    });
                }
                if low.amount() > high.amount() {
                    return Err(NeedError::BudgetOrder {
                        min: low.to_string(),
                        max: high.to_string(),
                    });
                }
            }
            _ => {}
        }
        Ok(BudgetRange { min, max })
    }

    /// Returns the lower bound.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::BudgetRange;
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// let eur = |n: i64| Money::new(Decimal::from(n), Currency::EUR);
    /// let budget = BudgetRange::try_new(Some(eur(300)), Some(eur(500)))?;
    /// assert_eq!(budget.min(), Some(&eur(300)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min(&self) -> Option<&Money> {
        self.min.as_ref()
    }

    /// Returns the upper bound.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::BudgetRange;
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// let eur = |n: i64| Money::new(Decimal::from(n), Currency::EUR);
    /// let budget = BudgetRange::try_new(Some(eur(300)), Some(eur(500)))?;
    /// assert_eq!(budget.max(), Some(&eur(500)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn max(&self) -> Option<&Money> {
        self.max.as_ref()
    }
}

impl std::fmt::Display for BudgetRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.min, &self.max) {
            (Some(low), Some(high)) => write!(f, "{low} – {high}"),
            (Some(low), None) => write!(f, "from {low}"),
            (None, Some(high)) => write!(f, "up to {high}"),
            (None, None) => f.write_str("any"),
        }
    }
}
