//! The price quote: where its base price came from, the discounts applied, the line amounts
//! and VAT, by the rule of the module [`price`](super).

use std::fmt;

use apkalpe_core::{
    Language, LocalizedText, Money, MoneyError, VatAmounts, VatError, VatRate, VatRateClass,
};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Combination, Discount, LINE_ROUNDING, Promotion};
use crate::code::{ClientSegment, PriceListId, PromotionId, Sku};
use crate::unit::{Quantity, QuantityError, UnitOfMeasure};

/// Where a quote's base price came from.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// assert_eq!(laptop.source.list.as_str(), "base-2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceSource {
    /// The price list.
    pub list: PriceListId,
    /// The list's segment, or `None` for a general list.
    pub segment: Option<ClientSegment>,
    /// The quantity break that applied.
    pub min_quantity: Quantity,
    /// The list's first day.
    pub valid_from: NaiveDate,
}

/// One discount a quote applied, and why.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// let winter = &laptop.discounts[0];
/// assert_eq!(winter.promotion.as_str(), "winter-2026");
/// assert_eq!(winter.unit_amount.to_string(), "74.90 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AppliedDiscount {
    /// The promotion.
    pub promotion: PromotionId,
    /// Its name.
    pub name: LocalizedText,
    /// The discount it gives.
    pub discount: Discount,
    /// How it combined.
    pub combination: Combination,
    /// Its last day.
    pub valid_until: NaiveDate,
    /// What it took off one unit.
    pub unit_amount: Money,
    /// What it took off the line (the line total before it minus the line total after it,
    /// both rounded to cents: the line amounts add up to the list total minus the net).
    pub line_amount: Money,
}

/// A price quote (*cenas piedāvājums*): the base price, every discount and why, net, VAT and
/// gross for a quantity of one product on a date (T1.3, S5).
///
/// Produced by [`crate::Catalogue::quote`]; see the module rule for how each figure is made.
/// `list_total − Σ line_amount = net`, `net + vat = gross`, and no figure is negative.
///
/// A record with public fields, so a value need not come from a quote: it deserialises from
/// the form it serialises to, each field through its own type's checks (a stored quote is
/// kept as quoted, not re-priced).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// assert_eq!(laptop.list_unit_price.to_string(), "749.00 EUR");
/// assert_eq!(laptop.unit_price.to_string(), "674.10 EUR");
/// assert_eq!(laptop.gross.to_string(), "815.66 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceQuote {
    /// The product.
    pub sku: Sku,
    /// Its name.
    pub name: LocalizedText,
    /// The quantity.
    pub quantity: Quantity,
    /// Its unit.
    pub unit: UnitOfMeasure,
    /// The client's segment.
    pub segment: Option<ClientSegment>,
    /// The date of the prices.
    pub date: NaiveDate,
    /// The base price's origin.
    pub source: PriceSource,
    /// The base net unit price.
    pub list_unit_price: Money,
    /// The discounts, in the order applied.
    pub discounts: Vec<AppliedDiscount>,
    /// The net unit price after the discounts.
    pub unit_price: Money,
    /// Base unit price × quantity, rounded to cents.
    pub list_total: Money,
    /// The sum of the discounts' line amounts.
    pub discount_total: Money,
    /// The net line total.
    pub net: Money,
    /// The VAT rate class.
    pub vat_class: VatRateClass,
    /// The VAT rate on the date.
    pub vat_rate: VatRate,
    /// The VAT.
    pub vat: Money,
    /// The gross line total.
    pub gross: Money,
}

/// The error returned by [`crate::Catalogue::quote`].
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let error = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::ZERO, None, Calendar::date(2026, 12, 7)?).unwrap_err();
/// assert_eq!(error.code(), "quote.zero_quantity");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QuoteError {
    /// No product has this SKU.
    #[error("no product {sku}")]
    UnknownProduct {
        /// The SKU.
        sku: Sku,
    },
    /// The product is discontinued.
    #[error("product {sku} is discontinued")]
    Discontinued {
        /// The SKU.
        sku: Sku,
    },
    /// The quantity is zero.
    #[error("the quantity of {sku} is zero")]
    ZeroQuantity {
        /// The SKU.
        sku: Sku,
    },
    /// The quantity does not suit the unit.
    #[error(transparent)]
    Quantity(#[from] QuantityError),
    /// No price list has a price for the product, quantity, segment and date.
    #[error("no price for {sku} on {date}")]
    NoPrice {
        /// The SKU.
        sku: Sku,
        /// The date.
        date: NaiveDate,
        /// The segment.
        segment: Option<ClientSegment>,
    },
    /// The VAT table has no rate for the date.
    #[error(transparent)]
    Vat(#[from] VatError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl QuoteError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::QuoteError::Discontinued { sku: "LAP-1".parse()? }.code(), "quote.discontinued");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            QuoteError::UnknownProduct { .. } => "quote.unknown_product",
            QuoteError::Discontinued { .. } => "quote.discontinued",
            QuoteError::ZeroQuantity { .. } => "quote.zero_quantity",
            QuoteError::Quantity(error) => error.code(),
            QuoteError::NoPrice { .. } => "quote.no_price",
            QuoteError::Vat(error) => error.code(),
            QuoteError::Money(error) => error.code(),
        }
    }
}

impl apkalpe_core::LocalizedError for QuoteError {
    fn code(&self) -> &'static str {
        QuoteError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteError::Quantity(error) => return error.fmt_in(language, f),
            QuoteError::Vat(error) => return error.fmt_in(language, f),
            QuoteError::Money(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            QuoteError::UnknownProduct { sku } => write!(f, "nav produkta {sku}"),
            QuoteError::Discontinued { sku } => {
                write!(f, "produkts {sku} ir izņemts no sortimenta")
            }
            QuoteError::ZeroQuantity { sku } => write!(f, "produkta {sku} daudzums ir nulle"),
            QuoteError::NoPrice { sku, date, .. } => {
                write!(f, "produktam {sku} {date} nav cenas")
            }
            // Handled above.
            _ => fmt::Display::fmt(self, f),
        }
    }
}

/// Applies the combination rule to the promotions that apply; returns the discounted unit
/// price and the promotions used, in the order applied.
/// The promotions applied, in order, each with the unit price it left.
pub(crate) type Steps<'a> = Vec<(&'a Promotion, Money)>;

pub(crate) fn best_discounts(
    base: Money,
    mut applicable: Vec<&Promotion>,
) -> Result<(Money, Steps<'_>), MoneyError> {
    applicable.sort_by(|a, b| a.id.cmp(&b.id));
    applicable.dedup_by(|a, b| a.id == b.id);
    let mut stackable: Vec<&Promotion> = applicable
        .iter()
        .copied()
        .filter(|p| p.combination == Combination::Stackable)
        .collect();
    // Percentages first, then amounts off; each group stays in id order (stable sort).
    stackable.sort_by_key(|p| matches!(p.discount, Discount::AmountOff(_)));
    let mut best_price = base;
    let mut best: Vec<(&Promotion, Money)> = Vec::new();
    if !stackable.is_empty() {
        let mut price = base;
        for promotion in stackable {
            let after = promotion.apply(price)?;
            best.push((promotion, after));
            price = after;
        }
        best_price = price;
    }
    for promotion in applicable
        .iter()
        .copied()
        .filter(|p| p.combination == Combination::Exclusive)
    {
        let after = promotion.apply(base)?;
        if after.amount() < best_price.amount() {
            best_price = after;
            best = vec![(promotion, after)];
        }
    }
    Ok((best_price, best))
}

/// Builds the line figures of a quote from the base and discounted prices.
pub(crate) struct Line {
    pub list_total: Money,
    pub discounts: Vec<AppliedDiscount>,
    pub discount_total: Money,
    pub net: Money,
}

pub(crate) fn line(
    base: Money,
    quantity: Quantity,
    steps: &[(&Promotion, Money)],
) -> Result<Line, MoneyError> {
    let list_total = base.checked_mul(quantity.value())?.round(LINE_ROUNDING)?;
    let mut before_unit = base;
    let mut before_total = list_total;
    let mut discounts = Vec::with_capacity(steps.len());
    for (promotion, after_unit) in steps {
        let after_total = after_unit
            .checked_mul(quantity.value())?
            .round(LINE_ROUNDING)?;
        discounts.push(AppliedDiscount {
            promotion: promotion.id.clone(),
            name: promotion.name.clone(),
            discount: promotion.discount,
            combination: promotion.combination,
            valid_until: promotion.valid_until,
            unit_amount: normalized(before_unit.checked_sub(*after_unit)?),
            line_amount: before_total.checked_sub(after_total)?,
        });
        before_unit = *after_unit;
        before_total = after_total;
    }
    let discount_total = list_total.checked_sub(before_total)?;
    Ok(Line {
        list_total,
        discounts,
        discount_total,
        net: before_total,
    })
}

fn normalized(money: Money) -> Money {
    Money::new(money.amount().normalize(), money.currency())
}

pub(crate) fn vat(net: Money, rate: VatRate) -> Result<VatAmounts, VatError> {
    VatAmounts::from_net(net, rate, LINE_ROUNDING)
}
