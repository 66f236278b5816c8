//! Promotions (*akcijas*): what they apply to, their discount and the combination rule.

use std::fmt;

use apkalpe_core::{Language, LocalizedText, Money, MoneyError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{PricingError, unit_price_rounding};
use crate::category::CategoryPath;
use crate::code::{ClientSegment, PromotionId, Sku};

/// What a promotion applies to.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, PromotionTarget};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
/// assert_eq!(winter.target(), &PromotionTarget::Category("it/laptops".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PromotionTarget {
    /// These products.
    Products(Vec<Sku>),
    /// Every product in this category or under it.
    Category(CategoryPath),
}

/// A discount per unit, on the net price: what a [`Promotion`] takes off.
///
/// **Name clash:** `apkalpe-payments` has a `Discount` too (a discount on a receipt line).
/// The [`prelude`](crate::prelude) exports this one as `PromotionDiscount`, so both crates'
/// preludes import together.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::prelude::*;
/// use apkalpe_core::{Currency, Language, Money};
/// use rust_decimal_macros::dec;
///
/// let ten_off = PromotionDiscount::Percent(dec!(10));
/// assert_eq!(ten_off.to_localized_string(Language::Latvian), "-10\u{a0}%");
/// let euro_off = PromotionDiscount::AmountOff(Money::new(dec!(5), Currency::EUR));
/// assert_ne!(ten_off, euro_off);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Discount {
    /// A percentage off, above 0 and at most 100.
    Percent(Decimal),
    /// An amount off each unit, above zero; never more than the price.
    AmountOff(Money),
}

impl Discount {
    /// Returns the discount as people in `language` write it: "-10 %" (a no-break space, a
    /// decimal comma in Latvian, German and Russian) or "-5,00 €".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Discount;
    /// use apkalpe_core::{Currency, Language, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(Discount::Percent(dec!(12.5)).to_localized_string(Language::Latvian), "-12,5\u{a0}%");
    /// let off = Discount::AmountOff(Money::new(dec!(1500), Currency::EUR));
    /// assert_eq!(off.to_localized_string(Language::Latvian), "-1\u{a0}500,00\u{a0}€");
    /// ```
    pub fn to_localized_string(&self, language: Language) -> String {
        match self {
            Discount::Percent(p) => {
                let number = p.normalize().to_string();
                match language {
                    Language::English => format!("-{number}%"),
                    _ => format!("-{}\u{a0}%", number.replace('.', ",")),
                }
            }
            Discount::AmountOff(amount) => format!("-{}", amount.to_localized_string(language)),
        }
    }
}

impl fmt::Display for Discount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Discount::Percent(p) => write!(f, "-{} %", p.normalize()),
            Discount::AmountOff(amount) => write!(f, "-{amount}"),
        }
    }
}

/// Whether a promotion combines with others (see the module's combination rule).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Combination};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
/// assert_eq!(winter.combination(), Combination::Exclusive);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Combination {
    /// Applies alone: competes with the stackable set and other exclusive promotions; the
    /// lowest price wins.
    Exclusive,
    /// Applies together with every other stackable promotion.
    Stackable,
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PromotionFields {
    id: PromotionId,
    name: LocalizedText,
    target: PromotionTarget,
    discount: Discount,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    #[cfg_attr(feature = "serde", serde(default))]
    segment: Option<ClientSegment>,
    combination: Combination,
}

#[cfg(feature = "serde")]
impl TryFrom<PromotionFields> for Promotion {
    type Error = PricingError;

    fn try_from(fields: PromotionFields) -> Result<Self, Self::Error> {
        Promotion::try_new(
            fields.id,
            fields.name,
            fields.target,
            fields.discount,
            (fields.valid_from, fields.valid_until),
            fields.segment,
            fields.combination,
        )
    }
}

/// A promotion (*akcija*): a percentage or an amount off, for products or a category, for a
/// period (both days included), for every client or one segment (T1.9).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Combination, Discount, Promotion, PromotionTarget};
/// use apkalpe_core::{Language, LocalizedText};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let winter = Promotion::try_new(
///     "winter-2026".parse()?,
///     LocalizedText::new(Language::Latvian, "Ziemas akcija").with(Language::English, "Winter sale"),
///     PromotionTarget::Category("it".parse()?),
///     Discount::Percent(dec!(10)),
///     (NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
///     None,
///     Combination::Exclusive,
/// )?;
/// assert!(winter.is_valid_on(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PromotionFields"))]
pub struct Promotion {
    pub(super) id: PromotionId,
    pub(super) name: LocalizedText,
    pub(super) target: PromotionTarget,
    pub(super) discount: Discount,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_until: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) segment: Option<ClientSegment>,
    pub(super) combination: Combination,
}

impl Promotion {
    /// Creates a promotion valid from `period.0` to `period.1`, both included.
    ///
    /// # Errors
    ///
    /// - [`PricingError::MissingLatvianName`]: the name has no Latvian text.
    /// - [`PricingError::EmptyTarget`]: an empty product list.
    /// - [`PricingError::InvalidPercent`]: a percentage not in (0, 100].
    /// - [`PricingError::InvalidAmount`]: an amount off that is not above zero.
    /// - [`PricingError::InvalidValidity`]: the period ends before it starts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Combination, Discount, Promotion, PromotionTarget};
    /// use apkalpe_core::{Calendar, Language, LocalizedText};
    /// use rust_decimal_macros::dec;
    ///
    /// let period = (Calendar::date(2026, 12, 1)?, Calendar::date(2026, 12, 31)?);
    /// let sale = Promotion::try_new(
    ///     "pens".parse()?,
    ///     LocalizedText::new(Language::Latvian, "Pildspalvu akcija"),
    ///     PromotionTarget::Category("office/writing".parse()?),
    ///     Discount::Percent(dec!(20)),
    ///     period,
    ///     None,
    ///     Combination::Stackable,
    /// )?;
    /// assert!(sale.is_valid_on(Calendar::date(2026, 12, 24)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: PromotionId,
        name: LocalizedText,
        target: PromotionTarget,
        discount: Discount,
        period: (NaiveDate, NaiveDate),
        segment: Option<ClientSegment>,
        combination: Combination,
    ) -> Result<Self, PricingError> {
        let (valid_from, valid_until) = period;
        if name.exact(Language::Latvian).is_none() {
            return Err(PricingError::MissingLatvianName { promotion: id });
        }
        if matches!(&target, PromotionTarget::Products(skus) if skus.is_empty()) {
            return Err(PricingError::EmptyTarget { promotion: id });
        }
        match discount {
            Discount::Percent(p) if p <= Decimal::ZERO || p > Decimal::ONE_HUNDRED => {
                return Err(PricingError::InvalidPercent {
                    promotion: id,
                    found: p,
                });
            }
            Discount::AmountOff(amount) if !amount.is_positive() => {
                return Err(PricingError::InvalidAmount { promotion: id });
            }
            _ => {}
        }
        if valid_until < valid_from {
            return Err(PricingError::InvalidValidity {
                what: "promotion",
                id: id.to_string(),
                from: valid_from,
                until: valid_until,
            });
        }
        Ok(Promotion {
            id,
            name,
            target,
            discount,
            valid_from,
            valid_until,
            segment,
            combination,
        })
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.id().as_str(), "winter-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &PromotionId {
        &self.id
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert!(!winter.name().get(Language::Latvian).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns what the promotion applies to.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, PromotionTarget};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert!(matches!(winter.target(), PromotionTarget::Category(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target(&self) -> &PromotionTarget {
        &self.target
    }

    /// Returns the discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Discount};
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.discount(), Discount::Percent(dec!(10)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discount(&self) -> Discount {
        self.discount
    }

    /// Returns the first day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.valid_from(), Calendar::date(2026, 12, 1)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// Returns the last day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.valid_until(), Calendar::date(2026, 12, 31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_until(&self) -> NaiveDate {
        self.valid_until
    }

    /// Returns the segment, or `None` for every client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.segment(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns how it combines with other promotions.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Combination};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert_eq!(winter.combination(), Combination::Exclusive);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn combination(&self) -> Combination {
        self.combination
    }

    /// Tells whether the promotion runs on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// assert!(winter.is_valid_on(Calendar::date(2026, 12, 31)?));
    /// assert!(!winter.is_valid_on(Calendar::date(2027, 1, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && date <= self.valid_until
    }

    /// Tells whether the promotion is for a client of `segment` (`None`: no segment).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let winter = file.catalogue().promotions().iter().find(|p| p.id().as_str() == "winter-2026").ok_or("none")?;
    /// // A promotion without a segment is for every client.
    /// assert!(winter.is_for_segment(None));
    /// assert!(winter.is_for_segment(Some(&"wholesale".parse()?)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_for_segment(&self, segment: Option<&ClientSegment>) -> bool {
        self.segment.is_none() || self.segment.as_ref() == segment
    }

    /// Returns the unit price after this discount: never below zero, never above `price`.
    pub(super) fn apply(&self, price: Money) -> Result<Money, MoneyError> {
        let discounted = match self.discount {
            Discount::Percent(percent) => {
                let keep = Decimal::ONE_HUNDRED
                    .checked_sub(percent)
                    .and_then(|keep| keep.checked_div(Decimal::ONE_HUNDRED))
                    .ok_or(MoneyError::Overflow {
                        operation: "multiply",
                    })?;
                price.checked_mul(keep)?.round(unit_price_rounding())?
            }
            Discount::AmountOff(amount) => price.checked_sub(amount)?,
        };
        if discounted.is_negative() {
            return Ok(Money::zero(price.currency()));
        }
        // Rounding half away from zero cannot exceed a price that has at most 4 decimals;
        // the guard keeps the rule even for a price with more.
        if discounted.amount() > price.amount() {
            return Ok(price);
        }
        // Trailing zeros of the 4-place rounding are dropped: 674.1000 shows as 674.10.
        Ok(Money::new(
            discounted.amount().normalize(),
            price.currency(),
        ))
    }
}
