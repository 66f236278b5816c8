//! Document lines: quantities, units, VAT treatment, allowances and charges.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{Money, MoneyError, RestoreError, VatCategory, VatRate};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::LineError;

/// The most decimal places a quantity may have.
const QUANTITY_PLACES: u32 = 6;

/// The longest item name, reason or note, in characters.
pub(crate) const MAX_TEXT_CHARS: usize = 200;

/// Checks a text: trimmed, 1..=max characters, no control characters.
pub(crate) fn check_text(text: &str, field: &'static str, max: usize) -> Result<String, LineError> {
    let trimmed = text.trim();
    let length = trimmed.chars().count();
    if length == 0 || length > max || trimmed.chars().any(char::is_control) {
        return Err(LineError::Text { field, max });
    }
    Ok(trimmed.to_owned())
}

/// A quantity of goods or services (*daudzums*): above zero, at most 6 decimal places.
///
/// A quantity is a size. A line that takes goods back or corrects an earlier supply on an
/// invoice carries its sign itself ([`InvoiceLine::negated`]); a credit note credits positive
/// quantities of the invoice's lines (the document type carries the sign, as in UBL).
///
/// Serialised as a string ("2.5"); parsed from "2.5" or "2,5".
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::Quantity;
/// use rust_decimal_macros::dec;
///
/// let hours = Quantity::try_new(dec!(2.50))?;
/// assert_eq!(hours.to_string(), "2.5");
/// assert_eq!("1,25".parse::<Quantity>()?.value(), dec!(1.25));
/// assert_eq!(Quantity::try_new(dec!(0)).unwrap_err().code(), "line.quantity");
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_catalogue::Quantity` (a quantity
/// with its catalogue unit). Import this one as
/// [`prelude::AccountingQuantity`](crate::prelude::AccountingQuantity) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::Quantity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Quantity(Decimal);

impl Quantity {
    /// One unit.
    pub const ONE: Quantity = Quantity(Decimal::ONE);

    /// Creates a quantity.
    ///
    /// # Errors
    ///
    /// [`LineError::Quantity`] for zero, a negative value or more than 6 decimal places.
    pub fn try_new(value: Decimal) -> Result<Self, LineError> {
        let value = value.normalize();
        if value <= Decimal::ZERO || value.scale() > QUANTITY_PLACES {
            return Err(LineError::Quantity { found: value });
        }
        Ok(Quantity(value))
    }

    /// Returns the quantity.
    pub const fn value(&self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Quantity {
    type Err = LineError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let value = apkalpe_core::parse_amount(s).map_err(|_| LineError::QuantityFormat {
            found: s.chars().take(16).collect(),
        })?;
        Quantity::try_new(value)
    }
}

impl TryFrom<String> for Quantity {
    type Error = LineError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<Quantity> for String {
    fn from(quantity: Quantity) -> Self {
        quantity.to_string()
    }
}

/// A unit of measure (*mērvienība*) as a UN/ECE Recommendation 20 code, the code EN 16931
/// requires (BT-130): `H87` piece, `HUR` hour, `KGM` kilogram…
///
/// The constructor checks the form (1–3 upper-case letters or digits), not membership of the
/// code list; the constants are codes the EN 16931 validation accepts.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::UnitCode;
///
/// let unit: UnitCode = "HUR".parse()?;
/// assert_eq!(unit, UnitCode::HOUR);
/// assert_eq!(unit.latvian_label(), "h");
/// assert!("hour".parse::<UnitCode>().is_err());
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct UnitCode([u8; 3], u8);

impl UnitCode {
    /// `H87` piece (*gabals*).
    pub const PIECE: UnitCode = UnitCode(*b"H87", 3);
    /// `C62` one (a unit without a name).
    pub const ONE: UnitCode = UnitCode(*b"C62", 3);
    /// `HUR` hour.
    pub const HOUR: UnitCode = UnitCode(*b"HUR", 3);
    /// `DAY` day.
    pub const DAY: UnitCode = UnitCode(*b"DAY", 3);
    /// `MON` month.
    pub const MONTH: UnitCode = UnitCode(*b"MON", 3);
    /// `KGM` kilogram.
    pub const KILOGRAM: UnitCode = UnitCode(*b"KGM", 3);
    /// `LTR` litre.
    pub const LITRE: UnitCode = UnitCode(*b"LTR", 3);
    /// `MTR` metre.
    pub const METRE: UnitCode = UnitCode(*b"MTR", 3);
    /// `SET` set (*komplekts*).
    pub const SET: UnitCode = UnitCode(*b"SET", 3);

    /// Parses a unit code.
    ///
    /// # Errors
    ///
    /// [`LineError::UnitCode`] unless the text is 1–3 upper-case ASCII letters or digits.
    pub fn try_new(text: &str) -> Result<Self, LineError> {
        let bytes = text.as_bytes();
        let valid = (1..=3).contains(&bytes.len())
            && bytes
                .iter()
                .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit());
        if !valid {
            return Err(LineError::UnitCode {
                found: text.chars().take(8).collect(),
            });
        }
        let mut code = [b' '; 3];
        for (slot, byte) in code.iter_mut().zip(bytes) {
            *slot = *byte;
        }
        // At most 3 bytes, so the length fits in u8.
        Ok(UnitCode(code, u8::try_from(bytes.len()).unwrap_or(3)))
    }

    /// Returns the code.
    pub fn as_str(&self) -> &str {
        let length = usize::from(self.1);
        self.0
            .get(..length)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Returns the short Latvian label printed on documents (`gab.`, `h`, `kg`), or the code
    /// itself for codes without one.
    pub fn latvian_label(&self) -> &str {
        match self.as_str() {
            "H87" | "C62" => "gab.",
            "HUR" => "h",
            "DAY" => "d.",
            "MON" => "mēn.",
            "KGM" => "kg",
            "LTR" => "l",
            "MTR" => "m",
            "MTK" => "m²",
            "MTQ" => "m³",
            "SET" => "kompl.",
            other => other,
        }
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UnitCode {
    type Err = LineError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnitCode::try_new(s)
    }
}

impl TryFrom<String> for UnitCode {
    type Error = LineError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        UnitCode::try_new(&value)
    }
}

impl From<UnitCode> for String {
    fn from(code: UnitCode) -> Self {
        code.as_str().to_owned()
    }
}

/// The VAT treatment of a line or of a document allowance or charge: an EN 16931 category and
/// its rate (BT-151/BT-152).
///
/// `S` (standard or reduced rate) needs a rate above zero; every other category has 0 %.
/// `L` and `M` (Canary Islands, Ceuta and Melilla) do not occur in Latvian supplies and are
/// refused. The special wording each zero category needs on the invoice is in
/// [`VatExemption::standard_for`](crate::VatExemption::standard_for).
///
/// # Legal basis
///
/// facts §2 (rates 21 %, 12 %, 5 %, 0 %; exemptions) \[V5\]\[V7\], §3a row 15 (special
/// wording) \[I2\].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::LineVat;
/// use apkalpe_core::{VatCategory, VatRate};
/// use rust_decimal_macros::dec;
///
/// let standard = LineVat::standard(VatRate::try_new(dec!(21))?)?;
/// assert_eq!((standard.category(), standard.rate().percent()), (VatCategory::Standard, dec!(21)));
/// let reverse = LineVat::zero(VatCategory::ReverseCharge)?;
/// assert_eq!(reverse.rate(), VatRate::ZERO);
/// assert_eq!(LineVat::standard(VatRate::ZERO).unwrap_err().code(), "vat.category_rate");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "LineVatFields", into = "LineVatFields")
)]
pub struct LineVat {
    category: VatCategory,
    rate: VatRate,
}

/// The serialised shape of [`LineVat`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct LineVatFields {
    category: VatCategory,
    rate: VatRate,
}

impl TryFrom<LineVatFields> for LineVat {
    type Error = RestoreError;

    fn try_from(fields: LineVatFields) -> Result<Self, Self::Error> {
        LineVat::try_new(fields.category, fields.rate).map_err(|error| {
            let field = match error {
                LineError::UnsupportedCategory { .. } => "category",
                _ => "rate",
            };
            RestoreError::invalid("LineVat", field, error)
        })
    }
}

impl From<LineVat> for LineVatFields {
    fn from(vat: LineVat) -> Self {
        LineVatFields {
            category: vat.category,
            rate: vat.rate,
        }
    }
}

impl LineVat {
    /// Creates a VAT treatment.
    ///
    /// # Errors
    ///
    /// [`LineError::CategoryRate`] when `S` has 0 % or another category a rate above zero;
    /// [`LineError::UnsupportedCategory`] for `L` and `M`.
    pub fn try_new(category: VatCategory, rate: VatRate) -> Result<Self, LineError> {
        if matches!(
            category,
            VatCategory::CanaryIslands | VatCategory::CeutaMelilla
        ) {
            return Err(LineError::UnsupportedCategory {
                category: category.code(),
            });
        }
        let positive = rate.percent() > Decimal::ZERO;
        if positive != (category == VatCategory::Standard) {
            return Err(LineError::CategoryRate {
                category: category.code(),
                rate,
            });
        }
        Ok(LineVat { category, rate })
    }

    /// Creates the standard or a reduced rate (`S`).
    ///
    /// # Errors
    ///
    /// [`LineError::CategoryRate`] for 0 %.
    pub fn standard(rate: VatRate) -> Result<Self, LineError> {
        LineVat::try_new(VatCategory::Standard, rate)
    }

    /// Creates a 0 % treatment of a category other than `S`: zero-rated, exempt, reverse
    /// charge, intra-Community supply, export, outside the scope of VAT.
    ///
    /// # Errors
    ///
    /// As [`LineVat::try_new`]: `S`, `L` and `M` are refused.
    pub fn zero(category: VatCategory) -> Result<Self, LineError> {
        LineVat::try_new(category, VatRate::ZERO)
    }

    /// Returns the category.
    pub const fn category(&self) -> VatCategory {
        self.category
    }

    /// Returns the rate.
    pub const fn rate(&self) -> VatRate {
        self.rate
    }
}

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
/// shown (facts §3a) \[I1\].
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
#[cfg_attr(
    feature = "serde",
    serde(try_from = "AdjustmentFields", into = "AdjustmentFields")
)]
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
    pub const fn kind(&self) -> AdjustmentKind {
        self.kind
    }

    /// Returns the amount (positive).
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the amount with its sign in a total: negative for an allowance.
    pub fn signed_amount(&self) -> Money {
        match self.kind {
            AdjustmentKind::Allowance => self.amount.negated(),
            AdjustmentKind::Charge => self.amount,
        }
    }

    /// Returns the reason.
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
    pub const fn new(adjustment: Adjustment, vat: LineVat) -> Self {
        DocumentAdjustment { adjustment, vat }
    }

    /// Returns the allowance or charge.
    pub const fn adjustment(&self) -> &Adjustment {
        &self.adjustment
    }

    /// Returns its VAT treatment.
    pub const fn vat(&self) -> LineVat {
        self.vat
    }
}

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
/// VAT rate (facts §3a) \[I1\].
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
#[cfg_attr(
    feature = "serde",
    serde(try_from = "InvoiceLineFields", into = "InvoiceLineFields")
)]
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
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    seller_item_id: Option<String>,
    quantity: SignedQuantity,
    unit: UnitCode,
    unit_price: Money,
    vat: LineVat,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
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
    /// the totals follow the same rules (BR-CO-10…16). facts §4 \[E1\].
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
    pub const fn is_negative(&self) -> bool {
        matches!(self.sign, Sign::Negative)
    }

    /// Returns the quantity with its sign (BT-129): negative on a return or correction.
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
    pub fn item(&self) -> &str {
        &self.item
    }

    /// Returns the seller's item id, if any.
    pub fn seller_item_id(&self) -> Option<&str> {
        self.seller_item_id.as_deref()
    }

    /// Returns the quantity without its sign (see [`InvoiceLine::signed_quantity`]).
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the unit.
    pub const fn unit(&self) -> UnitCode {
        self.unit
    }

    /// Returns the net unit price (without VAT).
    pub const fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT treatment.
    pub const fn vat(&self) -> LineVat {
        self.vat
    }

    /// Returns the line allowances and charges.
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
    /// See [`InvoiceLine`].
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
    /// See [`RoundingPolicy`].
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
    pub const fn payable(&self) -> Option<Rounding> {
        self.payable
    }

    /// Returns the rounding of `quantity × unit price` on each line.
    pub const fn line_net(&self) -> Rounding {
        self.line_net
    }

    /// Returns the rounding of the VAT amount of each VAT category and rate.
    pub const fn vat(&self) -> Rounding {
        self.vat
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::Currency;
    use rust_decimal_macros::dec;

    #[test]
    fn quantity_limits() {
        assert!(Quantity::try_new(dec!(0.000001)).is_ok());
        assert_eq!(
            Quantity::try_new(dec!(0.0000001)).unwrap_err().code(),
            "line.quantity"
        );
        assert_eq!(
            Quantity::try_new(dec!(-1)).unwrap_err().code(),
            "line.quantity"
        );
        assert_eq!(Quantity::try_new(dec!(2.500)).unwrap().to_string(), "2.5");
        assert_eq!(serde_json::to_string(&Quantity::ONE).unwrap(), "\"1\"");
    }

    #[test]
    fn unit_code_form() {
        assert_eq!(UnitCode::try_new("C62").unwrap(), UnitCode::ONE);
        assert_eq!(UnitCode::try_new("E4").unwrap().as_str(), "E4");
        for bad in ["", "ABCD", "kg", "H 7"] {
            assert_eq!(
                UnitCode::try_new(bad).unwrap_err().code(),
                "line.unit_code",
                "{bad}"
            );
        }
        let json = serde_json::to_string(&UnitCode::KILOGRAM).unwrap();
        assert_eq!(
            serde_json::from_str::<UnitCode>(&json).unwrap(),
            UnitCode::KILOGRAM
        );
    }

    #[test]
    fn vat_category_and_rate_agree() {
        let zero_rate = VatRate::ZERO;
        assert!(LineVat::try_new(VatCategory::Exempt, zero_rate).is_ok());
        let rate = VatRate::try_new(dec!(21)).unwrap();
        assert_eq!(
            LineVat::try_new(VatCategory::Exempt, rate)
                .unwrap_err()
                .code(),
            "vat.category_rate"
        );
        assert_eq!(
            LineVat::zero(VatCategory::CanaryIslands)
                .unwrap_err()
                .code(),
            "vat.unsupported_category"
        );
        assert!(serde_json::from_str::<LineVat>(r#"{"category":"S","rate":"0"}"#).is_err());
    }

    #[test]
    fn line_net_rounds_once_then_adjusts() {
        let eur = |amount| Money::new(amount, Currency::EUR);
        let line = InvoiceLine::try_new(
            "x",
            Quantity::try_new(dec!(3)).unwrap(),
            UnitCode::PIECE,
            eur(dec!(0.125)),
            LineVat::zero(VatCategory::ZeroRated).unwrap(),
        )
        .unwrap()
        .with_adjustment(
            Adjustment::try_new(AdjustmentKind::Allowance, eur(dec!(0.10)), "a").unwrap(),
        );
        // 0.375 → 0.38, − 0.10
        assert_eq!(
            line.net_amount(&RoundingPolicy::EN_16931).unwrap().amount(),
            dec!(0.28)
        );
        let even = RoundingPolicy::new(
            apkalpe_core::RoundingStrategy::HalfEven,
            apkalpe_core::RoundingStrategy::HalfEven,
        );
        assert_eq!(line.net_amount(&even).unwrap().amount(), dec!(0.28));
        assert!(
            InvoiceLine::try_new(
                " ",
                Quantity::ONE,
                UnitCode::PIECE,
                eur(dec!(1)),
                LineVat::zero(VatCategory::ZeroRated).unwrap()
            )
            .is_err()
        );
        assert_eq!(
            InvoiceLine::try_new(
                "x",
                Quantity::ONE,
                UnitCode::PIECE,
                eur(dec!(-1)),
                LineVat::zero(VatCategory::ZeroRated).unwrap()
            )
            .unwrap_err()
            .code(),
            "line.negative_price"
        );
    }
}
