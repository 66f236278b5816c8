//! Allowances and charges (*atlaides*, *piemaksas*) on a line or on the whole document.

use crate::error::LineError;
use apkalpe_core::{Money, RestoreError};

use super::*;

/// Whether an adjustment lowers (allowance, *atlaide*) or raises (charge, *piemaksa*) an
/// amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AdjustmentKind {
    /// Lowers the amount (a discount not already in the unit price).
    Allowance,
    /// Raises the amount (delivery, packaging).
    Charge,
}

/// An allowance or charge on a line or on the whole document: a kind, an amount in whole
/// cents above zero and a reason (EN 16931 BG-20/21, BG-27/28).
///
/// # Legal basis
///
/// PVN likums art. 125(1) item 10: discounts not already deducted from the unit price are
/// shown (sources §3a) \[I1\].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{Adjustment, AdjustmentKind};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(5.00), Currency::EUR), "Loyalty discount")?;
/// assert_eq!(discount.reason(), "Loyalty discount");
/// let fraction = Adjustment::try_new(AdjustmentKind::Charge, Money::new(dec!(0.005), Currency::EUR), "Fee");
/// assert_eq!(fraction.unwrap_err().code(), "line.allowance_amount");
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AdjustmentFields"))]
#[cfg_attr(feature = "serde", serde(into = "AdjustmentFields"))]
pub struct Adjustment {
    kind: AdjustmentKind,
    amount: Money,
    reason: String,
}

/// The serialised shape of [`Adjustment`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AdjustmentFields {
    kind: AdjustmentKind,
    amount: Money,
    reason: String,
}

impl TryFrom<AdjustmentFields> for Adjustment {
    type Error = RestoreError;

    fn try_from(fields: AdjustmentFields) -> Result<Self, Self::Error> {
        Adjustment::try_new(fields.kind, fields.amount, &fields.reason).map_err(|error| {
            let field = match error {
                LineError::AllowanceAmount { .. } => "amount",
                _ => "reason",
            };
            RestoreError::invalid("Adjustment", field, error)
        })
    }
}

impl From<Adjustment> for AdjustmentFields {
    fn from(adjustment: Adjustment) -> Self {
        AdjustmentFields {
            kind: adjustment.kind,
            amount: adjustment.amount,
            reason: adjustment.reason,
        }
    }
}

impl Adjustment {
    /// Creates an allowance or a charge.
    ///
    /// # Errors
    ///
    /// [`LineError::AllowanceAmount`] unless the amount is above zero in whole minor units;
    /// [`LineError::Text`] for a blank reason or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// let delivery = Adjustment::try_new(AdjustmentKind::Charge, Money::new(dec!(5), Currency::EUR), "Piegāde")?;
    /// assert_eq!(delivery.kind(), AdjustmentKind::Charge);
    /// let zero = Adjustment::try_new(AdjustmentKind::Charge, Money::new(dec!(0), Currency::EUR), "Piegāde");
    /// assert_eq!(zero.unwrap_err().code(), "line.allowance_amount");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(kind: AdjustmentKind, amount: Money, reason: &str) -> Result<Self, LineError> {
        if !amount.is_positive() || !amount.is_in_minor_units() {
            return Err(LineError::AllowanceAmount {
                found: amount.amount(),
            });
        }
        let reason = check_text(reason, "reason", MAX_TEXT_CHARS)?;
        Ok(Adjustment {
            kind,
            amount,
            reason,
        })
    }

    /// Returns whether it is an allowance or a charge.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// assert_eq!(discount.kind(), AdjustmentKind::Allowance);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> AdjustmentKind {
        self.kind
    }

    /// Returns the amount (positive).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// assert_eq!(discount.amount(), Money::new(dec!(10), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the amount with its sign in a total: negative for an allowance.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// // An allowance lowers the total.
    /// assert_eq!(discount.signed_amount(), Money::new(dec!(-10), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn signed_amount(&self) -> Money {
        match self.kind {
            AdjustmentKind::Allowance => self.amount.negated(),
            AdjustmentKind::Charge => self.amount,
        }
    }

    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// assert_eq!(discount.reason(), "Pastāvīga klienta atlaide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A document-level allowance or charge with its VAT treatment (EN 16931 BG-20/BG-21): it
/// changes the taxable amount of its VAT category and rate.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
/// use apkalpe_core::{Currency, Money, VatRate};
/// use rust_decimal_macros::dec;
///
/// let delivery = DocumentAdjustment::new(
///     Adjustment::try_new(AdjustmentKind::Charge, Money::new(dec!(9.90), Currency::EUR), "Delivery")?,
///     LineVat::standard(VatRate::try_new(dec!(21))?)?,
/// );
/// assert_eq!(delivery.vat().rate().percent(), dec!(21));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DocumentAdjustment {
    adjustment: Adjustment,
    vat: LineVat,
}

impl DocumentAdjustment {
    /// Creates a document-level allowance or charge.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// let document = DocumentAdjustment::new(discount.clone(), vat);
    /// assert_eq!(document.adjustment(), &discount);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(adjustment: Adjustment, vat: LineVat) -> Self {
        DocumentAdjustment { adjustment, vat }
    }

    /// Returns the allowance or charge.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// assert_eq!(DocumentAdjustment::new(discount.clone(), vat).adjustment().reason(), "Pastāvīga klienta atlaide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn adjustment(&self) -> &Adjustment {
        &self.adjustment
    }

    /// Returns its VAT treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{Adjustment, AdjustmentKind, DocumentAdjustment, LineVat};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let discount = Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(10), Currency::EUR), "Pastāvīga klienta atlaide")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let _ = (&discount, vat, DocumentAdjustment::new);
    /// assert_eq!(DocumentAdjustment::new(discount.clone(), vat).vat(), vat);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat(&self) -> LineVat {
        self.vat
    }
}
