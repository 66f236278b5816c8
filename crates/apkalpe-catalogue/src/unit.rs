//! Units of measure (UN/ECE Recommendation 20 codes) and quantities.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::{Language, LocalizedError, parse_amount};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The error returned for a unit-of-measure code that is not in the table.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::UnitOfMeasure;
///
/// let error = "PCS".parse::<UnitOfMeasure>().unwrap_err();
/// assert_eq!(error.code(), "unit.unknown");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseUnitOfMeasureError {
    /// The code is not one of the Recommendation 20 codes the crate knows.
    #[error("unknown unit of measure code {found:?}")]
    Unknown {
        /// The text found.
        found: String,
    },
}

impl ParseUnitOfMeasureError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("PCS".parse::<apkalpe_catalogue::UnitOfMeasure>().unwrap_err().code(), "unit.unknown");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseUnitOfMeasureError::Unknown { .. } => "unit.unknown",
        }
    }
}

impl LocalizedError for ParseUnitOfMeasureError {
    fn code(&self) -> &'static str {
        ParseUnitOfMeasureError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseUnitOfMeasureError::Unknown { found } => {
                write!(f, "nezināms mērvienības kods {found:?}")
            }
        }
    }
}

/// A unit of measure (*mērvienība*) by its UN/ECE Recommendation 20 code, the code lists of
/// EN 16931 e-invoices use (`docs/sources.md` §3a \[I1\] field 8: an invoice line names its unit).
///
/// The set is closed to the units a shop or service desk needs; each has a Latvian short form
/// for printed documents ([`UnitOfMeasure::short_name`]).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::UnitOfMeasure;
/// use apkalpe_core::Language;
///
/// let unit: UnitOfMeasure = "kgm".parse()?;
/// assert_eq!(unit, UnitOfMeasure::Kilogram);
/// assert_eq!(unit.code(), "KGM");
/// assert_eq!(UnitOfMeasure::Piece.short_name(Language::Latvian), "gab.");
/// assert!(UnitOfMeasure::Piece.is_counted());
/// # Ok::<(), apkalpe_catalogue::ParseUnitOfMeasureError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "&'static str"))]
#[non_exhaustive]
pub enum UnitOfMeasure {
    /// `H87` piece (*gabals*).
    Piece,
    /// `C62` one (a unit without a name).
    One,
    /// `SET` set (*komplekts*).
    Set,
    /// `PR` pair (*pāris*).
    Pair,
    /// `KGM` kilogram.
    Kilogram,
    /// `GRM` gram.
    Gram,
    /// `TNE` tonne.
    Tonne,
    /// `MTR` metre.
    Metre,
    /// `CMT` centimetre.
    Centimetre,
    /// `MMT` millimetre.
    Millimetre,
    /// `KMT` kilometre.
    Kilometre,
    /// `MTK` square metre.
    SquareMetre,
    /// `MTQ` cubic metre.
    CubicMetre,
    /// `LTR` litre.
    Litre,
    /// `MLT` millilitre.
    Millilitre,
    /// `KWH` kilowatt hour.
    KilowattHour,
    /// `MIN` minute.
    Minute,
    /// `HUR` hour (*stunda*).
    Hour,
    /// `DAY` day (*diena*).
    Day,
    /// `WEE` week.
    Week,
    /// `MON` month (*mēnesis*).
    Month,
    /// `ANN` year.
    Year,
    /// `E48` service unit (*pakalpojuma vienība*).
    ServiceUnit,
}

/// (unit, code, lv short, en short)
const TABLE: [(UnitOfMeasure, &str, &str, &str); 23] = [
    (UnitOfMeasure::Piece, "H87", "gab.", "pcs"),
    (UnitOfMeasure::One, "C62", "vien.", "unit"),
    (UnitOfMeasure::Set, "SET", "kompl.", "set"),
    (UnitOfMeasure::Pair, "PR", "pāris", "pair"),
    (UnitOfMeasure::Kilogram, "KGM", "kg", "kg"),
    (UnitOfMeasure::Gram, "GRM", "g", "g"),
    (UnitOfMeasure::Tonne, "TNE", "t", "t"),
    (UnitOfMeasure::Metre, "MTR", "m", "m"),
    (UnitOfMeasure::Centimetre, "CMT", "cm", "cm"),
    (UnitOfMeasure::Millimetre, "MMT", "mm", "mm"),
    (UnitOfMeasure::Kilometre, "KMT", "km", "km"),
    (UnitOfMeasure::SquareMetre, "MTK", "m²", "m²"),
    (UnitOfMeasure::CubicMetre, "MTQ", "m³", "m³"),
    (UnitOfMeasure::Litre, "LTR", "l", "l"),
    (UnitOfMeasure::Millilitre, "MLT", "ml", "ml"),
    (UnitOfMeasure::KilowattHour, "KWH", "kWh", "kWh"),
    (UnitOfMeasure::Minute, "MIN", "min", "min"),
    (UnitOfMeasure::Hour, "HUR", "st.", "h"),
    (UnitOfMeasure::Day, "DAY", "d.", "day"),
    (UnitOfMeasure::Week, "WEE", "ned.", "wk"),
    (UnitOfMeasure::Month, "MON", "mēn.", "mo"),
    (UnitOfMeasure::Year, "ANN", "g.", "yr"),
    (UnitOfMeasure::ServiceUnit, "E48", "pak.", "svc"),
];

impl UnitOfMeasure {
    /// Every unit, in the order of the table above.
    pub const ALL: [UnitOfMeasure; 23] = [
        UnitOfMeasure::Piece,
        UnitOfMeasure::One,
        UnitOfMeasure::Set,
        UnitOfMeasure::Pair,
        UnitOfMeasure::Kilogram,
        UnitOfMeasure::Gram,
        UnitOfMeasure::Tonne,
        UnitOfMeasure::Metre,
        UnitOfMeasure::Centimetre,
        UnitOfMeasure::Millimetre,
        UnitOfMeasure::Kilometre,
        UnitOfMeasure::SquareMetre,
        UnitOfMeasure::CubicMetre,
        UnitOfMeasure::Litre,
        UnitOfMeasure::Millilitre,
        UnitOfMeasure::KilowattHour,
        UnitOfMeasure::Minute,
        UnitOfMeasure::Hour,
        UnitOfMeasure::Day,
        UnitOfMeasure::Week,
        UnitOfMeasure::Month,
        UnitOfMeasure::Year,
        UnitOfMeasure::ServiceUnit,
    ];

    fn row(self) -> (UnitOfMeasure, &'static str, &'static str, &'static str) {
        TABLE
            .iter()
            .copied()
            .find(|row| row.0 == self)
            .unwrap_or((self, "C62", "vien.", "unit"))
    }

    /// Returns the Recommendation 20 code, such as `H87`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::UnitOfMeasure;
    ///
    /// assert_eq!(UnitOfMeasure::Piece.code(), "H87");
    /// assert_eq!(UnitOfMeasure::Kilogram.code(), "KGM");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(self) -> &'static str {
        self.row().1
    }

    /// Returns the short form printed after a quantity: Latvian (`gab.`, `st.`) for Latvian,
    /// an English form for the other languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::UnitOfMeasure;
    /// use apkalpe_core::Language;
    ///
    /// assert_eq!(UnitOfMeasure::Kilogram.short_name(Language::Latvian), "kg");
    /// assert_eq!(UnitOfMeasure::Piece.short_name(Language::English), "pcs");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn short_name(self, language: Language) -> &'static str {
        match language {
            Language::Latvian => self.row().2,
            _ => self.row().3,
        }
    }

    /// Tells whether the unit is counted in whole numbers (pieces, sets, pairs, service
    /// units): a quantity of 1.5 pieces is refused.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::UnitOfMeasure;
    ///
    /// assert!(UnitOfMeasure::Piece.is_counted());
    /// assert!(!UnitOfMeasure::Kilogram.is_counted());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_counted(self) -> bool {
        matches!(
            self,
            UnitOfMeasure::Piece
                | UnitOfMeasure::One
                | UnitOfMeasure::Set
                | UnitOfMeasure::Pair
                | UnitOfMeasure::ServiceUnit
        )
    }
}

impl fmt::Display for UnitOfMeasure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for UnitOfMeasure {
    type Err = ParseUnitOfMeasureError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim();
        TABLE
            .iter()
            .find(|row| row.1.eq_ignore_ascii_case(wanted))
            .map(|row| row.0)
            .ok_or_else(|| ParseUnitOfMeasureError::Unknown {
                found: text.chars().take(16).collect(),
            })
    }
}

impl TryFrom<String> for UnitOfMeasure {
    type Error = ParseUnitOfMeasureError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<UnitOfMeasure> for &'static str {
    fn from(unit: UnitOfMeasure) -> Self {
        unit.code()
    }
}

/// The error returned for a quantity that is negative, too precise or not a number.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::Quantity;
///
/// assert_eq!("-1".parse::<Quantity>().unwrap_err().code(), "quantity.negative");
/// assert_eq!("1e3".parse::<Quantity>().unwrap_err().code(), "quantity.not_a_number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuantityError {
    /// The quantity is below zero.
    #[error("quantity {found} is negative")]
    Negative {
        /// The quantity.
        found: Decimal,
    },
    /// The quantity has more than [`Quantity::MAX_DECIMALS`] decimals.
    #[error("quantity {found} has more than {max} decimals")]
    TooPrecise {
        /// The quantity.
        found: Decimal,
        /// The most decimals allowed.
        max: u32,
    },
    /// The text is not a number in the amount grammar ("12", "1,5", "1 000").
    #[error("quantity is not a number: {source}")]
    NotANumber {
        /// Why the text was refused.
        source: apkalpe_core::ParseMoneyError,
    },
    /// The unit is counted in whole numbers and the quantity has a fraction.
    #[error("quantity {found} is not a whole number of {unit}")]
    NotWhole {
        /// The quantity.
        found: Decimal,
        /// The unit.
        unit: UnitOfMeasure,
    },
}

impl QuantityError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("1,0005".parse::<apkalpe_catalogue::Quantity>().unwrap_err().code(), "quantity.too_precise");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            QuantityError::Negative { .. } => "quantity.negative",
            QuantityError::TooPrecise { .. } => "quantity.too_precise",
            QuantityError::NotANumber { .. } => "quantity.not_a_number",
            QuantityError::NotWhole { .. } => "quantity.not_whole",
        }
    }
}

impl LocalizedError for QuantityError {
    fn code(&self) -> &'static str {
        QuantityError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            QuantityError::Negative { found } => write!(f, "daudzums {found} ir negatīvs"),
            QuantityError::TooPrecise { found, max } => write!(
                f,
                "daudzumā {found} aiz komata ir vairāk nekā {}",
                crate::error::latvian::DIGITS.count(Language::Latvian, u64::from(*max))
            ),
            QuantityError::NotANumber { source } => {
                f.write_str("daudzums nav skaitlis: ")?;
                source.fmt_in(language, f)
            }
            QuantityError::NotWhole { found, unit } => {
                write!(f, "daudzums {found} nav vesels skaitlis mērvienībā {unit}")
            }
        }
    }
}

/// A quantity (*daudzums*) of a product, in the product's unit: zero or more, with at most
/// [`Quantity::MAX_DECIMALS`] decimals.
///
/// Sign rule: never negative. Stock moves that take goods away are separate operations
/// (reserve, fulfil), not negative quantities.
///
/// **Name clash:** `apkalpe-accounting` has a `Quantity` too (an invoice line's quantity,
/// above zero). The [`prelude`](crate::prelude) exports this one as `CatalogueQuantity`, so
/// both crates' preludes import together.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Quantity, UnitOfMeasure};
/// use rust_decimal_macros::dec;
///
/// let q: Quantity = "2,5".parse()?;
/// assert_eq!(q.value(), dec!(2.5));
/// assert!(q.check_unit(UnitOfMeasure::Kilogram).is_ok());
/// assert_eq!(q.check_unit(UnitOfMeasure::Piece).unwrap_err().code(), "quantity.not_whole");
/// assert_eq!(Quantity::from_whole(3).to_string(), "3");
/// # Ok::<(), apkalpe_catalogue::QuantityError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Decimal", into = "Decimal"))]
pub struct Quantity(Decimal);

impl Quantity {
    /// The most decimals a quantity may have (grams of a kilogram).
    pub const MAX_DECIMALS: u32 = 3;

    /// Zero.
    pub const ZERO: Quantity = Quantity(Decimal::ZERO);

    /// Creates a quantity.
    ///
    /// # Errors
    ///
    /// [`QuantityError::Negative`] below zero, [`QuantityError::TooPrecise`] with more than
    /// three decimals.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Quantity::try_new(dec!(1.250))?.value(), dec!(1.25));
    /// assert!(Quantity::try_new(dec!(0.0001)).is_err());
    /// # Ok::<(), apkalpe_catalogue::QuantityError>(())
    /// ```
    pub fn try_new(value: Decimal) -> Result<Self, QuantityError> {
        let value = value.normalize();
        if value.is_sign_negative() && !value.is_zero() {
            return Err(QuantityError::Negative { found: value });
        }
        if value.scale() > Quantity::MAX_DECIMALS {
            return Err(QuantityError::TooPrecise {
                found: value,
                max: Quantity::MAX_DECIMALS,
            });
        }
        // -0 normalises to 0 with a positive sign.
        Ok(Quantity(value.abs()))
    }

    /// Creates a whole quantity, such as 3 pieces.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Quantity::from_whole(12).value(), dec!(12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_whole(count: u32) -> Self {
        Quantity(Decimal::from(count))
    }

    /// Returns the value.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!("1 000,5".parse::<apkalpe_catalogue::Quantity>()?.value(), dec!(1000.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(self) -> Decimal {
        self.0
    }

    /// Tells whether the quantity is zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    ///
    /// assert!(Quantity::ZERO.is_zero());
    /// assert!(!Quantity::from_whole(1).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Checks that the quantity suits `unit`: whole numbers for counted units.
    ///
    /// # Errors
    ///
    /// [`QuantityError::NotWhole`] for a fraction of a counted unit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Quantity, UnitOfMeasure};
    ///
    /// let half: Quantity = "0,5".parse()?;
    /// assert!(half.check_unit(UnitOfMeasure::Kilogram).is_ok());
    /// assert_eq!(half.check_unit(UnitOfMeasure::Piece).unwrap_err().code(), "quantity.not_whole");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_unit(self, unit: UnitOfMeasure) -> Result<Self, QuantityError> {
        if unit.is_counted() && !self.0.fract().is_zero() {
            return Err(QuantityError::NotWhole {
                found: self.0,
                unit,
            });
        }
        Ok(self)
    }

    /// Adds two quantities; `None` on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    ///
    /// assert_eq!(Quantity::from_whole(2).checked_add(Quantity::from_whole(3)), Some(Quantity::from_whole(5)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: Quantity) -> Option<Quantity> {
        self.0.checked_add(other.0).map(Quantity)
    }

    /// Subtracts a quantity; `None` if the result would be negative.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    ///
    /// assert_eq!(Quantity::from_whole(5).checked_sub(Quantity::from_whole(3)), Some(Quantity::from_whole(2)));
    /// assert_eq!(Quantity::from_whole(3).checked_sub(Quantity::from_whole(5)), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(self, other: Quantity) -> Option<Quantity> {
        if other.0 > self.0 {
            return None;
        }
        self.0.checked_sub(other.0).map(Quantity)
    }

    /// Returns the smaller of two quantities.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Quantity;
    ///
    /// assert_eq!(Quantity::from_whole(5).min(Quantity::from_whole(3)), Quantity::from_whole(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min(self, other: Quantity) -> Quantity {
        if other.0 < self.0 { other } else { self }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl FromStr for Quantity {
    type Err = QuantityError;

    /// Parses a quantity in the amount grammar of core ([`parse_amount`]): "3", "2,5",
    /// "1 000".
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let value = parse_amount(text).map_err(|source| QuantityError::NotANumber { source })?;
        Quantity::try_new(value)
    }
}

impl TryFrom<Decimal> for Quantity {
    type Error = QuantityError;

    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Quantity::try_new(value)
    }
}

impl From<Quantity> for Decimal {
    fn from(quantity: Quantity) -> Self {
        quantity.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn every_unit_round_trips_through_its_code() {
        for unit in UnitOfMeasure::ALL {
            assert_eq!(unit.code().parse::<UnitOfMeasure>().unwrap(), unit);
            let json = serde_json::to_string(&unit).unwrap();
            assert_eq!(serde_json::from_str::<UnitOfMeasure>(&json).unwrap(), unit);
        }
        assert_eq!(UnitOfMeasure::ALL.len(), TABLE.len());
    }

    #[test]
    fn quantity_normalises_and_refuses_negatives() {
        assert_eq!(Quantity::try_new(dec!(-0)).unwrap(), Quantity::ZERO);
        assert_eq!(
            Quantity::try_new(dec!(-1)).unwrap_err().code(),
            "quantity.negative"
        );
        assert_eq!(Quantity::try_new(dec!(2.500)).unwrap().to_string(), "2.5");
        assert_eq!(
            Quantity::from_whole(2).checked_sub(Quantity::from_whole(3)),
            None
        );
    }
}
