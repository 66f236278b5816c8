//! The rounding policy of a document: how VAT and the amount due are rounded.

use crate::error::LineError;
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::Rounding;
use rust_decimal::Decimal;

/// Where and how a document's amounts are rounded: the line net amount per line, and the
/// VAT amount per VAT category and rate, once per document (EN 16931), both to the cent;
/// and, when the seller rounds the amount due, the amount due (EN 16931 BT-114).
///
/// Every other amount is an exact sum of already rounded amounts, so the totals satisfy the
/// EN 16931 rules BR-CO-10 to BR-CO-16 with no residual cent.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::RoundingPolicy;
/// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
///
/// let policy = RoundingPolicy::EN_16931;
/// assert_eq!(policy.vat().strategy(), RoundingStrategy::HalfAwayFromZero);
/// assert!(policy.payable().is_none());
/// let even = RoundingPolicy::new(RoundingStrategy::HalfEven, RoundingStrategy::HalfEven);
/// assert_eq!(even.line_net().strategy(), RoundingStrategy::HalfEven);
///
/// let to_5_cents = RoundingPolicy::EN_16931.try_with_payable(Rounding::CASH_5_CENTS)?;
/// assert_eq!(to_5_cents.payable(), Some(Rounding::CASH_5_CENTS));
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
///
/// # Saved form
///
/// `{"line_net", "vat", "payable"}`, each a core `Rounding` (`{"strategy", "increment"}`);
/// `payable` is left out when the amount due is not rounded, and deserialises through the
/// check of [`RoundingPolicy::try_with_payable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RoundingPolicyFields"))]
pub struct RoundingPolicy {
    line_net: Rounding,
    vat: Rounding,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    payable: Option<Rounding>,
}

/// The saved form of a [`RoundingPolicy`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RoundingPolicyFields {
    line_net: Rounding,
    vat: Rounding,
    #[cfg_attr(feature = "serde", serde(default))]
    payable: Option<Rounding>,
}

impl TryFrom<RoundingPolicyFields> for RoundingPolicy {
    type Error = RestoreError;

    fn try_from(fields: RoundingPolicyFields) -> Result<Self, Self::Error> {
        let policy = RoundingPolicy {
            line_net: fields.line_net,
            vat: fields.vat,
            payable: None,
        };
        match fields.payable {
            Some(payable) => policy
                .try_with_payable(payable)
                .map_err(|error| RestoreError::invalid("RoundingPolicy", "payable", error)),
            None => Ok(policy),
        }
    }
}

impl Default for RoundingPolicy {
    fn default() -> Self {
        RoundingPolicy::EN_16931
    }
}

impl RoundingPolicy {
    /// Half away from zero to the cent, per line net amount and per VAT category and rate:
    /// the commercial rounding of Latvian invoices and the one EN 16931 examples use.
    pub const EN_16931: RoundingPolicy = RoundingPolicy {
        line_net: Rounding::CENTS_HALF_AWAY_FROM_ZERO,
        vat: Rounding::CENTS_HALF_AWAY_FROM_ZERO,
        payable: None,
    };

    /// Creates a policy that rounds to the cent with the given strategies.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::RoundingPolicy;
    /// use apkalpe_core::RoundingStrategy;
    /// let policy = RoundingPolicy::new(RoundingStrategy::HalfEven, RoundingStrategy::HalfEven);
    /// assert_ne!(policy, RoundingPolicy::default());
    /// ```
    pub const fn new(
        line_net: apkalpe_core::RoundingStrategy,
        vat: apkalpe_core::RoundingStrategy,
    ) -> Self {
        RoundingPolicy {
            line_net: Rounding::to_cents(line_net),
            vat: Rounding::to_cents(vat),
            payable: None,
        }
    }

    /// Returns the policy with the amount due rounded as well: BT-115 = BT-112 − BT-113
    /// rounded with `rounding`, and the difference stated as the rounding amount (BT-114),
    /// as a seller does who asks for whole euros or, in cash, for multiples of 5 cents.
    ///
    /// # Errors
    ///
    /// [`LineError::PayableRounding`] unless the increment is a whole number of cents (0.01,
    /// 0.05, 0.10, 1.00…): EN 16931 states amounts with at most two decimals.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::RoundingPolicy;
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    /// use rust_decimal_macros::dec;
    /// let five_cents = Rounding::try_new(RoundingStrategy::HalfAwayFromZero, dec!(0.05))?;
    /// let policy = RoundingPolicy::default().try_with_payable(five_cents)?;
    /// assert_eq!(policy.payable(), Some(five_cents));
    /// let tenth_of_cent = Rounding::try_new(RoundingStrategy::HalfAwayFromZero, dec!(0.001))?;
    /// assert!(RoundingPolicy::default().try_with_payable(tenth_of_cent).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_payable(mut self, rounding: Rounding) -> Result<Self, LineError> {
        let increment = rounding.increment();
        let cents = increment.checked_mul(Decimal::ONE_HUNDRED);
        if !cents.is_some_and(|cents| cents.fract().is_zero() && cents >= Decimal::ONE) {
            return Err(LineError::PayableRounding { increment });
        }
        self.payable = Some(rounding);
        Ok(self)
    }

    /// Returns the rounding of the amount due (BT-115), if the seller rounds it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::RoundingPolicy;
    /// assert_eq!(RoundingPolicy::default().payable(), None);
    /// ```
    pub const fn payable(&self) -> Option<Rounding> {
        self.payable
    }

    /// Returns the rounding of `quantity × unit price` on each line.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::RoundingPolicy;
    /// use apkalpe_core::rounding::Rounding;
    /// assert_eq!(RoundingPolicy::default().line_net(), Rounding::CENTS_HALF_AWAY_FROM_ZERO);
    /// ```
    pub const fn line_net(&self) -> Rounding {
        self.line_net
    }

    /// Returns the rounding of the VAT amount of each VAT category and rate.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::RoundingPolicy;
    /// use apkalpe_core::rounding::Rounding;
    /// assert_eq!(RoundingPolicy::default().vat(), Rounding::CENTS_HALF_AWAY_FROM_ZERO);
    /// ```
    pub const fn vat(&self) -> Rounding {
        self.vat
    }
}
