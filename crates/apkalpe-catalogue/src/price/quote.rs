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
/// Produced inside a [`PriceQuote`] and read through its getters. It deserialises from the
/// form it serialises to, each field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// assert_eq!(laptop.source().list().as_str(), "base-2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceSource {
    /// The price list.
    pub(crate) list: PriceListId,
    /// The list's segment, or `None` for a general list.
    pub(crate) segment: Option<ClientSegment>,
    /// The quantity break that applied.
    pub(crate) min_quantity: Quantity,
    /// The list's first day.
    pub(crate) valid_from: NaiveDate,
}

impl PriceSource {
    /// Returns the price list.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let source = laptop.source();
    /// assert_eq!(source.list().as_str(), "base-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn list(&self) -> &PriceListId {
        &self.list
    }

    /// Returns the list's segment, or `None` for a general list.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let source = laptop.source();
    /// assert_eq!(source.segment(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns the quantity break that applied.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let source = laptop.source();
    /// assert!(source.min_quantity().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min_quantity(&self) -> Quantity {
        self.min_quantity
    }

    /// Returns the list's first day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let source = laptop.source();
    /// assert_eq!(source.valid_from(), Calendar::date(2026, 1, 1)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }
}

/// One discount a quote applied, and why.
///
/// Produced inside a [`PriceQuote`] and read through its getters. It deserialises from the
/// form it serialises to, each field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// let winter = &laptop.discounts()[0];
/// assert_eq!(winter.promotion().as_str(), "winter-2026");
/// assert_eq!(winter.unit_amount().to_string(), "74.90 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AppliedDiscount {
    /// The promotion.
    pub(crate) promotion: PromotionId,
    /// Its name.
    pub(crate) name: LocalizedText,
    /// The discount it gives.
    pub(crate) discount: Discount,
    /// How it combined.
    pub(crate) combination: Combination,
    /// Its last day.
    pub(crate) valid_until: NaiveDate,
    /// What it took off one unit.
    pub(crate) unit_amount: Money,
    /// What it took off the line (the line total before it minus the line total after it,
    /// both rounded to cents: the line amounts add up to the list total minus the net).
    pub(crate) line_amount: Money,
}

impl AppliedDiscount {
    /// Returns the promotion.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.promotion().as_str(), "winter-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotion(&self) -> &PromotionId {
        &self.promotion
    }

    /// Returns the promotion's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::{Calendar, Language};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.name().get(Language::English), "Winter sale: laptops -10 %");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the discount the promotion gives.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Discount, Quantity};
    /// use apkalpe_core::Calendar;
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.discount(), Discount::Percent(dec!(10)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discount(&self) -> Discount {
        self.discount
    }

    /// Returns how the promotion combined.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Combination, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.combination(), Combination::Exclusive);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn combination(&self) -> Combination {
        self.combination
    }

    /// Returns the promotion's last day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.valid_until(), Calendar::date(2026, 12, 31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_until(&self) -> NaiveDate {
        self.valid_until
    }

    /// Returns what the discount took off one unit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.unit_amount().to_string(), "74.90 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit_amount(&self) -> Money {
        self.unit_amount
    }

    /// Returns what the discount took off the line: the line total before it minus the line
    /// total after it, both rounded to cents, so the line amounts add up to the list total minus
    /// the net.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let winter = &laptop.discounts()[0];
    /// assert_eq!(winter.line_amount().to_string(), "74.90 EUR");
    /// assert_eq!(laptop.list_total().checked_sub(winter.line_amount())?, laptop.net());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_amount(&self) -> Money {
        self.line_amount
    }
}

/// A price quote (*cenas piedāvājums*): the base price, every discount and why, net, VAT and
/// gross for a quantity of one product on a date (T1.3, S5).
///
/// Produced by [`crate::Catalogue::quote`]; see the module rule for how each figure is made.
/// `list_total − Σ line_amount = net`, `net + vat = gross`, and no figure is negative.
///
/// Read through its getters. It deserialises from the form it serialises to, each field
/// through its own type's checks (a stored quote is kept as quoted, not re-priced).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
/// assert_eq!(laptop.list_unit_price().to_string(), "749.00 EUR");
/// assert_eq!(laptop.unit_price().to_string(), "674.10 EUR");
/// assert_eq!(laptop.gross().to_string(), "815.66 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceQuote {
    /// The product.
    pub(crate) sku: Sku,
    /// Its name.
    pub(crate) name: LocalizedText,
    /// The quantity.
    pub(crate) quantity: Quantity,
    /// Its unit.
    pub(crate) unit: UnitOfMeasure,
    /// The client's segment.
    pub(crate) segment: Option<ClientSegment>,
    /// The date of the prices.
    pub(crate) date: NaiveDate,
    /// The base price's origin.
    pub(crate) source: PriceSource,
    /// The base net unit price.
    pub(crate) list_unit_price: Money,
    /// The discounts, in the order applied.
    pub(crate) discounts: Vec<AppliedDiscount>,
    /// The net unit price after the discounts.
    pub(crate) unit_price: Money,
    /// Base unit price × quantity, rounded to cents.
    pub(crate) list_total: Money,
    /// The sum of the discounts' line amounts.
    pub(crate) discount_total: Money,
    /// The net line total.
    pub(crate) net: Money,
    /// The VAT rate class.
    pub(crate) vat_class: VatRateClass,
    /// The VAT rate on the date.
    pub(crate) vat_rate: VatRate,
    /// The VAT.
    pub(crate) vat: Money,
    /// The gross line total.
    pub(crate) gross: Money,
}

impl PriceQuote {
    /// Returns the product's SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.sku().as_str(), "LAP-E14-G5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the product's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::{Calendar, Language};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.name().get(Language::English), "Laptop Lenovo ThinkPad E14 Gen 5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.quantity(), Quantity::from_whole(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the quantity's unit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity, UnitOfMeasure};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.unit(), UnitOfMeasure::Piece);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> UnitOfMeasure {
        self.unit
    }

    /// Returns the client's segment, or `None` for a quote to every client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.segment(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns the date of the prices.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.date(), Calendar::date(2026, 12, 7)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns where the base price came from.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.source().list().as_str(), "base-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self) -> &PriceSource {
        &self.source
    }

    /// Returns the base net unit price.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.list_unit_price().to_string(), "749.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn list_unit_price(&self) -> Money {
        self.list_unit_price
    }

    /// Returns the discounts, in the order applied.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.discounts().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discounts(&self) -> &[AppliedDiscount] {
        &self.discounts
    }

    /// Returns the net unit price after the discounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.unit_price().to_string(), "674.10 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the base unit price × quantity, rounded to cents.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.list_total().to_string(), "749.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn list_total(&self) -> Money {
        self.list_total
    }

    /// Returns the sum of the discounts' line amounts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.discount_total().to_string(), "74.90 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discount_total(&self) -> Money {
        self.discount_total
    }

    /// Returns the net line total: the list total less the discount total.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.net().to_string(), "674.10 EUR");
    /// assert_eq!(laptop.list_total().checked_sub(laptop.discount_total())?, laptop.net());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn net(&self) -> Money {
        self.net
    }

    /// Returns the VAT rate class on the date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::{Calendar, VatRateClass};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.vat_class(), VatRateClass::Standard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_class(&self) -> VatRateClass {
        self.vat_class
    }

    /// Returns the VAT rate on the date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.vat_rate().to_string(), "21%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_rate(&self) -> VatRate {
        self.vat_rate
    }

    /// Returns the VAT of the line.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.vat().to_string(), "141.56 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat(&self) -> Money {
        self.vat
    }

    /// Returns the gross line total: the net plus the VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(laptop.gross().to_string(), "815.66 EUR");
    /// assert_eq!(laptop.net().checked_add(laptop.vat())?, laptop.gross());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gross(&self) -> Money {
        self.gross
    }
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
    pub(crate) list_total: Money,
    pub(crate) discounts: Vec<AppliedDiscount>,
    pub(crate) discount_total: Money,
    pub(crate) net: Money,
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
