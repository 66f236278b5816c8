//! Document lines: quantities, units, VAT treatment, allowances and charges.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::{RestoreError, VatCategory, VatRate};
use rust_decimal::Decimal;

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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Quantity;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Quantity::try_new(dec!(12.5))?.value(), dec!(12.5));
    /// assert_eq!(Quantity::try_new(dec!(0)).unwrap_err().code(), "line.quantity");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(value: Decimal) -> Result<Self, LineError> {
        let value = value.normalize();
        if value <= Decimal::ZERO || value.scale() > QUANTITY_PLACES {
            return Err(LineError::Quantity { found: value });
        }
        Ok(Quantity(value))
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::Quantity;
    /// assert_eq!("2,5".replace(',', ".").parse::<Quantity>()?.value().to_string(), "2.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::UnitCode;
    /// assert_eq!(UnitCode::try_new("KGM")?, UnitCode::KILOGRAM);
    /// assert_eq!(UnitCode::try_new("kg").unwrap_err().code(), "line.unit_code");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::UnitCode;
    /// assert_eq!(UnitCode::PIECE.as_str(), "H87");
    /// ```
    pub fn as_str(&self) -> &str {
        let length = usize::from(self.1);
        self.0
            .get(..length)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Returns the short Latvian label printed on documents (`gab.`, `h`, `kg`), or the code
    /// itself for codes without one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::UnitCode;
    /// assert_eq!(UnitCode::PIECE.latvian_label(), "gab.");
    /// assert_eq!(UnitCode::try_new("XYZ")?.latvian_label(), "XYZ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
/// sources §2 (rates 21 %, 12 %, 5 %, 0 %; exemptions) \[V5\]\[V7\], §3a row 15 (special
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
#[cfg_attr(feature = "serde", serde(try_from = "LineVatFields"))]
#[cfg_attr(feature = "serde", serde(into = "LineVatFields"))]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::LineVat;
    /// use apkalpe_core::{VatCategory, VatRate};
    /// use rust_decimal_macros::dec;
    /// let reduced = LineVat::try_new(VatCategory::Standard, VatRate::try_new(dec!(12))?)?;
    /// assert_eq!(reduced.category(), VatCategory::Standard);
    /// let error = LineVat::try_new(VatCategory::Standard, VatRate::ZERO).unwrap_err();
    /// assert_eq!(error.code(), "vat.category_rate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::LineVat;
    /// use apkalpe_core::VatRate;
    /// use rust_decimal_macros::dec;
    /// let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// assert_eq!(vat.rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard(rate: VatRate) -> Result<Self, LineError> {
        LineVat::try_new(VatCategory::Standard, rate)
    }

    /// Creates a 0 % treatment of a category other than `S`: zero-rated, exempt, reverse
    /// charge, intra-Community supply, export, outside the scope of VAT.
    ///
    /// # Errors
    ///
    /// As [`LineVat::try_new`]: `S`, `L` and `M` are refused.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::LineVat;
    /// use apkalpe_core::{VatCategory, VatRate};
    /// let export = LineVat::zero(VatCategory::Export)?;
    /// assert_eq!(export.rate(), VatRate::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn zero(category: VatCategory) -> Result<Self, LineError> {
        LineVat::try_new(category, VatRate::ZERO)
    }

    /// Returns the category.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::LineVat;
    /// use apkalpe_core::VatCategory;
    /// assert_eq!(LineVat::zero(VatCategory::Exempt)?.category(), VatCategory::Exempt);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn category(&self) -> VatCategory {
        self.category
    }

    /// Returns the rate.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::LineVat;
    /// use apkalpe_core::VatRate;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(LineVat::standard(VatRate::try_new(dec!(5))?)?.rate().to_string(), "5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rate(&self) -> VatRate {
        self.rate
    }
}

mod adjustment;
mod invoice_line;
mod rounding;

pub use adjustment::{Adjustment, AdjustmentKind, DocumentAdjustment};
pub use invoice_line::InvoiceLine;
pub use rounding::RoundingPolicy;

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::{Currency, Money};
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
