//! Price lists (*cenrāži*), promotions (*akcijas*) and the price quote (T1.3, T1.9, S5).
//!
//! # The quote rule
//!
//! 1. **Base price.** Among the price entries of the SKU whose list is valid on the date, whose
//!    list is for the client's segment or for every segment, and whose quantity break
//!    (`min_quantity`) is at most the quantity, the first by: a list for the client's segment
//!    before a general list; the latest `valid_from` (a newer list replaces an older one for the
//!    SKUs it prices, quantity breaks included); the smallest price list id; the highest
//!    quantity break.
//! 2. **Promotions.** A promotion applies when it is valid on the date, is for the client's
//!    segment or for every segment, and names the SKU or a category that holds the product.
//!    The combination rule: all *stackable* promotions together (percentages first, each on
//!    the price left by the one before, then amounts off; each group in promotion id order)
//!    form one candidate; every *exclusive* promotion alone forms another. The candidate with
//!    the lowest unit price wins; on a tie, the stackable set, then the exclusive promotion with
//!    the smallest id. A discount never takes the unit price below zero, so a promotion never
//!    raises a price and a quote is never negative.
//! 3. **Rounding.** The unit price after each discount is rounded to 4 decimals, half away from
//!    zero (price lists hold at most 4); line amounts (list total, total after each discount,
//!    net) are the unit price × quantity rounded to cents, half away from zero; the VAT is
//!    `VatAmounts::from_net` on the net with the same cent rounding (per line).
//!
//! The same inputs always give the same quote: the rule has no hidden state and every tie
//! has a named winner.

use std::fmt::{self, Write as _};

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{
    Currency, Language, LocalizedText, Money, MoneyError, VatAmounts, VatError, VatRate,
    VatRateClass,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::category::CategoryPath;
use crate::code::{ClientSegment, PriceListId, PromotionId, Sku};
use crate::unit::{Quantity, QuantityError, UnitOfMeasure};

/// The rounding of a unit price after a discount: 4 decimals, half away from zero.
pub(crate) fn unit_price_rounding() -> Rounding {
    Rounding::to_places(RoundingStrategy::HalfAwayFromZero, 4)
}

/// The rounding of line amounts and VAT: cents, half away from zero.
pub(crate) const LINE_ROUNDING: Rounding = Rounding::CENTS_HALF_AWAY_FROM_ZERO;

/// The error returned when a price list or a promotion breaks a rule.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{PriceEntry, PriceList};
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let entry = PriceEntry::new("LAP-1".parse()?, Default::default(), Money::new(dec!(-1), Currency::EUR));
/// let error = PriceList::try_new("base".parse()?, Currency::EUR, None, from, None, vec![entry]).unwrap_err();
/// assert_eq!(error.code(), "price_list.negative_price");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PricingError {
    /// A list or promotion ends before it starts.
    #[error("{what} {id} ends on {until} before it starts on {from}")]
    InvalidValidity {
        /// `price list` or `promotion`.
        what: &'static str,
        /// Its id.
        id: String,
        /// The first day.
        from: NaiveDate,
        /// The last day.
        until: NaiveDate,
    },
    /// A unit price is below zero.
    #[error("price list {list} has a negative price for {sku}")]
    NegativePrice {
        /// The list.
        list: PriceListId,
        /// The product.
        sku: Sku,
    },
    /// A unit price has more than 4 decimals.
    #[error("price list {list} has a price for {sku} with more than 4 decimals")]
    TooPrecise {
        /// The list.
        list: PriceListId,
        /// The product.
        sku: Sku,
    },
    /// An amount is in another currency than the list's or the catalogue's.
    #[error("{what} {id} has an amount in {found}, expected {expected}")]
    CurrencyMismatch {
        /// `price list` or `promotion`.
        what: &'static str,
        /// Its id.
        id: String,
        /// The currency expected.
        expected: Currency,
        /// The currency found.
        found: Currency,
    },
    /// A list has two prices for the same SKU and quantity break.
    #[error("price list {list} has two prices for {sku} from quantity {min_quantity}")]
    DuplicateEntry {
        /// The list.
        list: PriceListId,
        /// The product.
        sku: Sku,
        /// The quantity break.
        min_quantity: Quantity,
    },
    /// A percentage discount is not above 0 and at most 100.
    #[error("promotion {promotion} has a percentage {found} outside (0, 100]")]
    InvalidPercent {
        /// The promotion.
        promotion: PromotionId,
        /// The percentage.
        found: Decimal,
    },
    /// An amount-off discount is not above zero.
    #[error("promotion {promotion} takes off an amount that is not above zero")]
    InvalidAmount {
        /// The promotion.
        promotion: PromotionId,
    },
    /// A promotion names no products.
    #[error("promotion {promotion} names no products")]
    EmptyTarget {
        /// The promotion.
        promotion: PromotionId,
    },
    /// A promotion's name has no Latvian text.
    #[error("promotion {promotion} has no latvian name")]
    MissingLatvianName {
        /// The promotion.
        promotion: PromotionId,
    },
}

impl PricingError {
    /// Returns the stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            PricingError::InvalidValidity { .. } => "price_list.invalid_validity",
            PricingError::NegativePrice { .. } => "price_list.negative_price",
            PricingError::TooPrecise { .. } => "price_list.too_precise",
            PricingError::CurrencyMismatch { .. } => "price_list.currency_mismatch",
            PricingError::DuplicateEntry { .. } => "price_list.duplicate_entry",
            PricingError::InvalidPercent { .. } => "promotion.invalid_percent",
            PricingError::InvalidAmount { .. } => "promotion.invalid_amount",
            PricingError::EmptyTarget { .. } => "promotion.empty_target",
            PricingError::MissingLatvianName { .. } => "promotion.missing_latvian_name",
        }
    }
}

impl apkalpe_core::LocalizedError for PricingError {
    fn code(&self) -> &'static str {
        PricingError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::error::latvian::noun;
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            PricingError::InvalidValidity {
                what,
                id,
                from,
                until,
            } => write!(
                f,
                "{} {id} derīgums beidzas {until}, pirms tas sākas {from}",
                noun(what).genitive
            ),
            PricingError::NegativePrice { list, sku } => {
                write!(f, "cenrādī {list} produkta {sku} cena ir negatīva")
            }
            PricingError::TooPrecise { list, sku } => write!(
                f,
                "cenrādī {list} produkta {sku} cenā aiz komata ir vairāk nekā 4 cipari"
            ),
            PricingError::CurrencyMismatch {
                what,
                id,
                expected,
                found,
            } => write!(
                f,
                "{} {id} summa ir valūtā {found}, gaidīta {expected}",
                noun(what).genitive
            ),
            PricingError::DuplicateEntry {
                list,
                sku,
                min_quantity,
            } => write!(
                f,
                "cenrādī {list} produktam {sku} ir divas cenas no daudzuma {min_quantity}"
            ),
            PricingError::InvalidPercent { promotion, found } => write!(
                f,
                "akcijas {promotion} atlaides procents {found} nav intervālā (0, 100]"
            ),
            PricingError::InvalidAmount { promotion } => write!(
                f,
                "akcijas {promotion} atlaides summai jābūt lielākai par nulli"
            ),
            PricingError::EmptyTarget { promotion } => {
                write!(f, "akcija {promotion} neattiecas ne uz vienu produktu")
            }
            PricingError::MissingLatvianName { promotion } => {
                write!(f, "akcijai {promotion} nav nosaukuma latviešu valodā")
            }
        }
    }
}

/// One price in a price list: a SKU, a quantity break and a net unit price (without VAT,
/// `docs/sources.md` §3a \[I1\] field 9).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{PriceEntry, Quantity};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let from_ten = PriceEntry::new("PEN-1".parse()?, Quantity::from_whole(10), Money::new(dec!(0.45), Currency::EUR));
/// assert_eq!(from_ten.min_quantity(), Quantity::from_whole(10));
/// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceEntry {
    sku: Sku,
    #[serde(default)]
    min_quantity: Quantity,
    unit_price: Money,
}

impl PriceEntry {
    /// Creates an entry; it is checked when its list is built.
    pub fn new(sku: Sku, min_quantity: Quantity, unit_price: Money) -> Self {
        PriceEntry {
            sku,
            min_quantity,
            unit_price,
        }
    }

    /// Returns the SKU.
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the quantity break: the price applies from this quantity up (0: any quantity).
    pub fn min_quantity(&self) -> Quantity {
        self.min_quantity
    }

    /// Returns the net unit price.
    pub fn unit_price(&self) -> Money {
        self.unit_price
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceListFields {
    id: PriceListId,
    currency: Currency,
    #[serde(default)]
    segment: Option<ClientSegment>,
    valid_from: NaiveDate,
    #[serde(default)]
    valid_until: Option<NaiveDate>,
    entries: Vec<PriceEntry>,
}

impl TryFrom<PriceListFields> for PriceList {
    type Error = PricingError;

    fn try_from(fields: PriceListFields) -> Result<Self, Self::Error> {
        PriceList::try_new(
            fields.id,
            fields.currency,
            fields.segment,
            fields.valid_from,
            fields.valid_until,
            fields.entries,
        )
    }
}

/// A price list (*cenrādis*): net unit prices with quantity breaks, valid from a date until an
/// optional last day, for every client or for one segment.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{PriceEntry, PriceList, Quantity};
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |a| Money::new(a, Currency::EUR);
/// let list = PriceList::try_new(
///     "base-2026".parse()?,
///     Currency::EUR,
///     None,
///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
///     None,
///     vec![
///         PriceEntry::new("PEN-1".parse()?, Quantity::ZERO, eur(dec!(0.50))),
///         PriceEntry::new("PEN-1".parse()?, Quantity::from_whole(10), eur(dec!(0.45))),
///     ],
/// )?;
/// assert!(list.is_valid_on(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()));
/// assert_eq!(list.entries().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PriceListFields")]
pub struct PriceList {
    id: PriceListId,
    currency: Currency,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<ClientSegment>,
    valid_from: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<NaiveDate>,
    entries: Vec<PriceEntry>,
}

impl PriceList {
    /// Creates a price list.
    ///
    /// # Errors
    ///
    /// - [`PricingError::InvalidValidity`]: `valid_until` before `valid_from`.
    /// - [`PricingError::NegativePrice`], [`PricingError::TooPrecise`] (more than 4
    ///   decimals), [`PricingError::CurrencyMismatch`]: an entry's price.
    /// - [`PricingError::DuplicateEntry`]: two entries for one SKU and quantity break.
    pub fn try_new(
        id: PriceListId,
        currency: Currency,
        segment: Option<ClientSegment>,
        valid_from: NaiveDate,
        valid_until: Option<NaiveDate>,
        entries: Vec<PriceEntry>,
    ) -> Result<Self, PricingError> {
        if let Some(until) = valid_until
            && until < valid_from
        {
            return Err(PricingError::InvalidValidity {
                what: "price list",
                id: id.to_string(),
                from: valid_from,
                until,
            });
        }
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        for entry in &entries {
            let price = entry.unit_price;
            if price.currency() != currency {
                return Err(PricingError::CurrencyMismatch {
                    what: "price list",
                    id: id.to_string(),
                    expected: currency,
                    found: price.currency(),
                });
            }
            if price.is_negative() {
                return Err(PricingError::NegativePrice {
                    list: id,
                    sku: entry.sku.clone(),
                });
            }
            if price.amount().normalize().scale() > 4 {
                return Err(PricingError::TooPrecise {
                    list: id,
                    sku: entry.sku.clone(),
                });
            }
            if !seen.insert((&entry.sku, entry.min_quantity)) {
                return Err(PricingError::DuplicateEntry {
                    list: id,
                    sku: entry.sku.clone(),
                    min_quantity: entry.min_quantity,
                });
            }
        }
        Ok(PriceList {
            id,
            currency,
            segment,
            valid_from,
            valid_until,
            entries,
        })
    }

    /// Returns the id.
    pub fn id(&self) -> &PriceListId {
        &self.id
    }

    /// Returns the currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the segment the list is for, or `None` for every client.
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns the first day.
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// Returns the last day, or `None` if open-ended.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// Returns the entries.
    pub fn entries(&self) -> &[PriceEntry] {
        &self.entries
    }

    /// Tells whether the list is valid on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|until| date <= until)
    }
}

/// What a promotion applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combination {
    /// Applies alone: competes with the stackable set and other exclusive promotions; the
    /// lowest price wins.
    Exclusive,
    /// Applies together with every other stackable promotion.
    Stackable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromotionFields {
    id: PromotionId,
    name: LocalizedText,
    target: PromotionTarget,
    discount: Discount,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    #[serde(default)]
    segment: Option<ClientSegment>,
    combination: Combination,
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PromotionFields")]
pub struct Promotion {
    id: PromotionId,
    name: LocalizedText,
    target: PromotionTarget,
    discount: Discount,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<ClientSegment>,
    combination: Combination,
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
    pub fn id(&self) -> &PromotionId {
        &self.id
    }

    /// Returns the name.
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns what the promotion applies to.
    pub fn target(&self) -> &PromotionTarget {
        &self.target
    }

    /// Returns the discount.
    pub fn discount(&self) -> Discount {
        self.discount
    }

    /// Returns the first day.
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// Returns the last day.
    pub fn valid_until(&self) -> NaiveDate {
        self.valid_until
    }

    /// Returns the segment, or `None` for every client.
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns how it combines with other promotions.
    pub fn combination(&self) -> Combination {
        self.combination
    }

    /// Tells whether the promotion runs on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && date <= self.valid_until
    }

    /// Tells whether the promotion is for a client of `segment` (`None`: no segment).
    pub fn is_for_segment(&self, segment: Option<&ClientSegment>) -> bool {
        self.segment.is_none() || self.segment.as_ref() == segment
    }

    /// Returns the unit price after this discount: never below zero, never above `price`.
    fn apply(&self, price: Money) -> Result<Money, MoneyError> {
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

/// Where a quote's base price came from.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

struct Labels {
    quote: &'static str,
    segment: &'static str,
    list_price: &'static str,
    per: &'static str,
    from: &'static str,
    until: &'static str,
    unit_price: &'static str,
    net: &'static str,
    vat: &'static str,
    gross: &'static str,
    all_clients: &'static str,
}

fn labels(language: Language) -> Labels {
    match language {
        Language::Latvian => Labels {
            quote: "Cenas piedāvājums",
            segment: "segments",
            list_price: "Cenrāža cena",
            per: "par",
            from: "no",
            until: "līdz",
            unit_price: "Vienības cena",
            net: "Summa bez PVN",
            vat: "PVN",
            gross: "Summa ar PVN",
            all_clients: "visi klienti",
        },
        Language::German => Labels {
            quote: "Preisangebot",
            segment: "Segment",
            list_price: "Listenpreis",
            per: "je",
            from: "ab",
            until: "bis",
            unit_price: "Einzelpreis",
            net: "Netto",
            vat: "MwSt.",
            gross: "Brutto",
            all_clients: "alle Kunden",
        },
        Language::Russian => Labels {
            quote: "Ценовое предложение",
            segment: "сегмент",
            list_price: "Цена по прейскуранту",
            per: "за",
            from: "от",
            until: "до",
            unit_price: "Цена за единицу",
            net: "Сумма без НДС",
            vat: "НДС",
            gross: "Сумма с НДС",
            all_clients: "все клиенты",
        },
        _ => Labels {
            quote: "Quote",
            segment: "segment",
            list_price: "List price",
            per: "per",
            from: "from",
            until: "until",
            unit_price: "Unit price",
            net: "Net",
            vat: "VAT",
            gross: "Gross",
            all_clients: "all clients",
        },
    }
}

impl PriceQuote {
    /// Renders the quote as text for a client, labels in `language`, amounts and rates as
    /// people in `language` write them (`1 234,56 €` and `21 %` in Latvian, see
    /// [`Money::to_localized_string`]), dates ISO 8601.
    ///
    /// # Examples
    ///
    /// See [`crate::Catalogue::quote`].
    pub fn render(&self, language: Language) -> String {
        let l = labels(language);
        let money = |m: Money| m.to_localized_string(language);
        let unit = self.unit.short_name(language);
        let mut out = String::new();
        let segment = self
            .segment
            .as_ref()
            .map_or(l.all_clients, ClientSegment::as_str);
        let _ = writeln!(
            out,
            "{} {} × {} {unit}, {} ({}: {segment})",
            l.quote, self.sku, self.quantity, self.date, l.segment
        );
        let _ = writeln!(out, "{}", self.name.get(language));
        let quantity_break = if self.source.min_quantity.is_zero() {
            String::new()
        } else {
            format!(", {} {} {unit}", l.from, self.source.min_quantity)
        };
        let _ = writeln!(
            out,
            "{:<22}{:>16} {} {unit} ({} {}{quantity_break})",
            l.list_price,
            money(self.list_unit_price),
            l.per,
            self.source.list,
            self.source.valid_from,
        );
        for discount in &self.discounts {
            let _ = writeln!(
                out,
                "  {} {} ({}, {} {}): -{} {} {unit}, -{}",
                discount.discount.to_localized_string(language),
                discount.name.get(language),
                discount.promotion,
                l.until,
                discount.valid_until,
                money(discount.unit_amount),
                l.per,
                money(discount.line_amount),
            );
        }
        let _ = writeln!(out, "{:<22}{:>16}", l.unit_price, money(self.unit_price));
        let _ = writeln!(out, "{:<22}{:>16}", l.net, money(self.net));
        let vat_label = format!("{} {}", l.vat, self.vat_rate.to_localized_string(language));
        let _ = writeln!(out, "{vat_label:<22}{:>16}", money(self.vat));
        let _ = writeln!(out, "{:<22}{:>16}", l.gross, money(self.gross));
        out
    }
}

impl fmt::Display for PriceQuote {
    /// The English rendering, [`PriceQuote::render`] with [`Language::English`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn eur(amount: Decimal) -> Money {
        Money::new(amount, Currency::EUR)
    }

    fn promotion(id: &str, discount: Discount, combination: Combination) -> Promotion {
        Promotion::try_new(
            PromotionId::try_new(id).unwrap(),
            LocalizedText::new(Language::Latvian, id),
            PromotionTarget::Products(vec![Sku::try_new("A").unwrap()]),
            discount,
            (day(1), day(31)),
            None,
            combination,
        )
        .unwrap()
    }

    #[test]
    fn stackable_percentages_then_amounts() {
        let ten = promotion("a-ten", Discount::Percent(dec!(10)), Combination::Stackable);
        let five = promotion(
            "b-five",
            Discount::AmountOff(eur(dec!(5))),
            Combination::Stackable,
        );
        let twenty = promotion(
            "c-twenty",
            Discount::Percent(dec!(20)),
            Combination::Stackable,
        );
        let (price, steps) = best_discounts(eur(dec!(100)), vec![&five, &twenty, &ten]).unwrap();
        // 100 × 0.9 = 90; × 0.8 = 72; − 5 = 67.
        assert_eq!(price, eur(dec!(67)));
        let ids: Vec<_> = steps.iter().map(|(p, _)| p.id.as_str()).collect();
        assert_eq!(ids, ["a-ten", "c-twenty", "b-five"]);
    }

    #[test]
    fn best_exclusive_beats_a_weaker_stack() {
        let ten = promotion("a", Discount::Percent(dec!(10)), Combination::Stackable);
        let quarter = promotion("b", Discount::Percent(dec!(25)), Combination::Exclusive);
        let (price, steps) = best_discounts(eur(dec!(100)), vec![&ten, &quarter]).unwrap();
        assert_eq!(price, eur(dec!(75)));
        assert_eq!(steps.len(), 1);
        // A tie goes to the stackable set.
        let also_ten = promotion("c", Discount::Percent(dec!(10)), Combination::Exclusive);
        let (_, steps) = best_discounts(eur(dec!(100)), vec![&also_ten, &ten]).unwrap();
        assert_eq!(steps[0].0.id.as_str(), "a");
    }

    #[test]
    fn amount_off_stops_at_zero() {
        let big = promotion(
            "a",
            Discount::AmountOff(eur(dec!(50))),
            Combination::Stackable,
        );
        let (price, _) = best_discounts(eur(dec!(20)), vec![&big]).unwrap();
        assert_eq!(price, eur(dec!(0)));
    }

    #[test]
    fn line_amounts_add_up() {
        let third = promotion(
            "a",
            Discount::Percent(dec!(33.3333)),
            Combination::Stackable,
        );
        let cent = promotion(
            "b",
            Discount::AmountOff(eur(dec!(0.0049))),
            Combination::Stackable,
        );
        let base = eur(dec!(0.1235));
        let (_, steps) = best_discounts(base, vec![&third, &cent]).unwrap();
        let line = line(base, Quantity::from_whole(7), &steps).unwrap();
        let sum =
            Money::try_sum(Currency::EUR, line.discounts.iter().map(|d| d.line_amount)).unwrap();
        assert_eq!(line.list_total.checked_sub(sum).unwrap(), line.net);
        assert_eq!(sum, line.discount_total);
    }

    #[test]
    fn invalid_promotions_are_refused() {
        let name = LocalizedText::new(Language::Latvian, "x");
        let id = PromotionId::try_new("p").unwrap();
        let target = PromotionTarget::Products(vec![]);
        let error = Promotion::try_new(
            id.clone(),
            name.clone(),
            target,
            Discount::Percent(dec!(10)),
            (day(1), day(2)),
            None,
            Combination::Exclusive,
        )
        .unwrap_err();
        assert_eq!(error.code(), "promotion.empty_target");
        let target = PromotionTarget::Products(vec![Sku::try_new("A").unwrap()]);
        let error = Promotion::try_new(
            id,
            name,
            target,
            Discount::Percent(dec!(101)),
            (day(1), day(2)),
            None,
            Combination::Exclusive,
        )
        .unwrap_err();
        assert_eq!(error.code(), "promotion.invalid_percent");
    }
}
