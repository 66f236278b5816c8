//! The invoice line: an item, its quantity, unit, price, VAT treatment and adjustments.

use crate::error::LineError;
use apkalpe_core::{Money, MoneyError, RestoreError};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::*;

/// One line of an invoice or credit note: an item, a quantity in a unit, a net unit price
/// (without VAT), a VAT treatment and line allowances and charges.
///
/// The line net amount (EN 16931 BT-131) is
/// `round(quantity × unit price) − line allowances + line charges`, where the product is
/// rounded to the cent with the line rounding of the document's
/// [`RoundingPolicy`](crate::RoundingPolicy) (half away from zero by default). The unit
/// price itself may carry more decimals (0.1234 EUR), and is never rounded.
///
/// # Legal basis
///
/// PVN likums art. 125(1) items 8–11: name, quantity, unit, unit price without VAT, discounts,
/// VAT rate (sources §3a) \[I1\].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, RoundingPolicy, UnitCode};
/// use apkalpe_core::{Currency, Money, VatRate};
/// use rust_decimal_macros::dec;
///
/// let line = InvoiceLine::try_new(
///     "Konsultācija",
///     Quantity::try_new(dec!(1.5))?,
///     UnitCode::HOUR,
///     Money::new(dec!(40.333), Currency::EUR),
///     LineVat::standard(VatRate::try_new(dec!(21))?)?,
/// )?;
/// // 1.5 × 40.333 = 60.4995 → 60.50
/// assert_eq!(line.net_amount(&RoundingPolicy::EN_16931)?.to_string(), "60.50 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "InvoiceLineFields"))]
#[cfg_attr(feature = "serde", serde(into = "InvoiceLineFields"))]
pub struct InvoiceLine {
    item: String,
    seller_item_id: Option<String>,
    quantity: Quantity,
    sign: Sign,
    unit: UnitCode,
    unit_price: Money,
    vat: LineVat,
    adjustments: Vec<Adjustment>,
}

/// The sign of a line's quantity: a supply, or a return or correction on an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
enum Sign {
    /// Goods or services supplied.
    #[default]
    Positive,
    /// Taken back or corrected (EN 16931 lets BT-129 be negative).
    Negative,
}

/// A line's quantity with its sign, saved as text: `"2"`, `"-2"`.
#[derive(Debug, Clone, Copy)]
struct SignedQuantity(Quantity, Sign);

impl TryFrom<String> for SignedQuantity {
    type Error = LineError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let trimmed = text.trim();
        match trimmed.strip_prefix('-') {
            Some(size) => Ok(SignedQuantity(size.parse()?, Sign::Negative)),
            None => Ok(SignedQuantity(trimmed.parse()?, Sign::Positive)),
        }
    }
}

impl From<SignedQuantity> for String {
    fn from(quantity: SignedQuantity) -> Self {
        match quantity.1 {
            Sign::Positive => quantity.0.to_string(),
            Sign::Negative => format!("-{}", quantity.0),
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for SignedQuantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from(*self))
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for SignedQuantity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SignedQuantity::try_from(String::deserialize(deserializer)?)
            .map_err(serde::de::Error::custom)
    }
}

/// The serialised shape of [`InvoiceLine`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct InvoiceLineFields {
    item: String,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    seller_item_id: Option<String>,
    quantity: SignedQuantity,
    unit: UnitCode,
    unit_price: Money,
    vat: LineVat,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    adjustments: Vec<Adjustment>,
}

impl TryFrom<InvoiceLineFields> for InvoiceLine {
    type Error = RestoreError;

    fn try_from(fields: InvoiceLineFields) -> Result<Self, Self::Error> {
        let what = "InvoiceLine";
        let SignedQuantity(quantity, sign) = fields.quantity;
        let mut line = InvoiceLine::try_new(
            &fields.item,
            quantity,
            fields.unit,
            fields.unit_price,
            fields.vat,
        )
        .map_err(|error| {
            let field = match error {
                LineError::NegativePrice { .. } => "unit_price",
                _ => "item",
            };
            RestoreError::invalid(what, field, error)
        })?;
        if let Some(id) = fields.seller_item_id {
            line = line
                .try_with_seller_item_id(&id)
                .map_err(|error| RestoreError::invalid(what, "seller_item_id", error))?;
        }
        line.adjustments = fields.adjustments;
        line.sign = sign;
        Ok(line)
    }
}

impl From<InvoiceLine> for InvoiceLineFields {
    fn from(line: InvoiceLine) -> Self {
        InvoiceLineFields {
            item: line.item,
            seller_item_id: line.seller_item_id,
            quantity: SignedQuantity(line.quantity, line.sign),
            unit: line.unit,
            unit_price: line.unit_price,
            vat: line.vat,
            adjustments: line.adjustments,
        }
    }
}

impl InvoiceLine {
    /// Creates a line without allowances or charges.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank item name or one above 200 characters;
    /// [`LineError::NegativePrice`] for a negative unit price.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// let line = InvoiceLine::try_new("Konsultācija", Quantity::try_new(dec!(1.5))?, UnitCode::HOUR, Money::new(dec!(40), Currency::EUR), vat)?;
    /// assert_eq!(line.item(), "Konsultācija");
    /// let error = InvoiceLine::try_new("Konsultācija", Quantity::ONE, UnitCode::HOUR, Money::new(dec!(-1), Currency::EUR), vat).unwrap_err();
    /// assert_eq!(error.code(), "line.negative_price");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        item: &str,
        quantity: Quantity,
        unit: UnitCode,
        unit_price: Money,
        vat: LineVat,
    ) -> Result<Self, LineError> {
        let item = check_text(item, "item name", MAX_TEXT_CHARS)?;
        if unit_price.is_negative() {
            return Err(LineError::NegativePrice {
                found: unit_price.amount(),
            });
        }
        Ok(InvoiceLine {
            item,
            seller_item_id: None,
            quantity,
            sign: Sign::Positive,
            unit,
            unit_price,
            vat,
            adjustments: Vec::new(),
        })
    }

    /// Returns the line with an allowance or charge added.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// use apkalpe_accounting::{Adjustment, AdjustmentKind, RoundingPolicy};
    /// let line = line.with_adjustment(Adjustment::try_new(AdjustmentKind::Allowance, Money::new(dec!(9.80), Currency::EUR), "Akcija")?);
    /// assert_eq!(line.net_amount(&RoundingPolicy::default())?, Money::new(dec!(170.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_adjustment(mut self, adjustment: Adjustment) -> Self {
        self.adjustments.push(adjustment);
        self
    }

    /// Returns the line with the seller's item id (article number, BT-155).
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank id or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// let line = line.try_with_seller_item_id("KR-100")?;
    /// assert_eq!(line.seller_item_id(), Some("KR-100"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_seller_item_id(mut self, id: &str) -> Result<Self, LineError> {
        self.seller_item_id = Some(check_text(id, "seller item id", MAX_TEXT_CHARS)?);
        Ok(self)
    }

    /// Returns the line with its quantity negated: a line with a negative quantity (EN 16931
    /// BT-129) takes goods back or corrects an earlier supply on an invoice, and its net
    /// amount is negative. Negating twice gives the line back.
    ///
    /// The unit price stays positive (EN 16931 BR-27). Line allowances and charges keep
    /// their meaning: an allowance lowers the net amount, a charge raises it, so on a
    /// negative line a charge makes less to take back.
    ///
    /// # Legal basis
    ///
    /// EN 16931 allows negative quantities and line amounts on an invoice (BT-129, BT-131);
    /// the totals follow the same rules (BR-CO-10…16). sources §4 \[E1\].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, RoundingPolicy, UnitCode};
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let returned = InvoiceLine::try_new(
    ///     "Atgriezts: biroja krēsls",
    ///     Quantity::try_new(dec!(1))?,
    ///     UnitCode::PIECE,
    ///     Money::new(dec!(89.90), Currency::EUR),
    ///     LineVat::standard(VatRate::try_new(dec!(21))?)?,
    /// )?
    /// .negated();
    /// assert!(returned.is_negative());
    /// assert_eq!(returned.signed_quantity(), dec!(-1));
    /// assert_eq!(returned.quantity().value(), dec!(1));
    /// assert_eq!(returned.net_amount(&RoundingPolicy::EN_16931)?.to_string(), "-89.90 EUR");
    /// assert_eq!(serde_json::to_value(&returned)?["quantity"], "-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn negated(mut self) -> Self {
        self.sign = match self.sign {
            Sign::Positive => Sign::Negative,
            Sign::Negative => Sign::Positive,
        };
        self
    }

    /// Tells whether the quantity is negative: a return or a correction
    /// ([`InvoiceLine::negated`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert!(!line.is_negative());
    /// assert!(line.negated().is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_negative(&self) -> bool {
        matches!(self.sign, Sign::Negative)
    }

    /// Returns the quantity with its sign (BT-129): negative on a return or correction.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.signed_quantity(), dec!(2));
    /// assert_eq!(line.negated().signed_quantity(), dec!(-2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn signed_quantity(&self) -> Decimal {
        let mut value = self.quantity.value();
        value.set_sign_negative(matches!(self.sign, Sign::Negative));
        value
    }

    /// Returns a copy with another quantity (a partial credit), keeping the sign.
    pub(crate) fn with_quantity(&self, quantity: Quantity) -> Self {
        let mut line = self.clone();
        line.quantity = quantity;
        line
    }

    /// Returns the item name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.item(), "Biroja krēsls");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Returns the seller's item id, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.seller_item_id(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn seller_item_id(&self) -> Option<&str> {
        self.seller_item_id.as_deref()
    }

    /// Returns the quantity without its sign (see [`InvoiceLine::signed_quantity`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.quantity().value(), dec!(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.unit(), UnitCode::PIECE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the net unit price (without VAT).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.unit_price(), Money::new(dec!(89.90), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert_eq!(line.vat().rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat(&self) -> LineVat {
        self.vat
    }

    /// Returns the line allowances and charges.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// assert!(line.adjustments().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// Computes the line net amount: `round(quantity × unit price, policy line rounding) −
    /// allowances + charges`, the quantity with its sign.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] on overflow or an adjustment in another currency.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Currency, Money, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let line = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(89.90), Currency::EUR), vat)?;
    /// # let _ = &line;
    /// use apkalpe_accounting::RoundingPolicy;
    /// assert_eq!(line.net_amount(&RoundingPolicy::default())?, Money::new(dec!(179.80), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn net_amount(&self, policy: &crate::RoundingPolicy) -> Result<Money, MoneyError> {
        let mut net = self
            .unit_price
            .checked_mul(self.signed_quantity())?
            .round(policy.line_net())?;
        for adjustment in &self.adjustments {
            net = net.checked_add(adjustment.signed_amount())?;
        }
        Ok(net)
    }
}
