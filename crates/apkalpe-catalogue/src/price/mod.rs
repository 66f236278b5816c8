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
//!
//! The rounding rules and the pricing error are here; price lists, promotions, the quote and
//! its rendering are in the submodules of the same names.

mod list;
mod promotion;
mod quote;
mod render;

pub use list::{PriceEntry, PriceList};
pub use promotion::{Combination, Discount, Promotion, PromotionTarget};
pub use quote::{AppliedDiscount, PriceQuote, PriceSource, QuoteError};
pub(crate) use quote::{best_discounts, line, vat};

use std::fmt;

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{Currency, Language};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::code::{PriceListId, PromotionId, Sku};
use crate::unit::Quantity;

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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::PricingError;
    ///
    /// assert_eq!(PricingError::EmptyTarget { promotion: "p".parse()? }.code(), "promotion.empty_target");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::{LocalizedText, Money};
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
