//! Quotes (T1.3): the base price of a product for a quantity, segment and date, the
//! promotions that apply, and VAT.

use apkalpe_core::Money;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Catalogue;
use crate::code::{ClientSegment, Sku};
use crate::price::{self, PriceList, PriceQuote, PriceSource, Promotion, QuoteError};
use crate::product::Product;
use crate::unit::Quantity;

/// The figures of a quote that ranking needs.
pub(crate) struct PriceSummary<'a> {
    pub(crate) net: Money,
    pub(crate) gross: Money,
    pub(crate) promotion: Option<&'a Promotion>,
}

/// A price entry as indexed: the list it belongs to and its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IndexedPrice {
    pub(super) list: u32,
    pub(super) min_quantity: Decimal,
    pub(super) unit_price: Money,
}

impl Catalogue {
    /// Returns the promotions that apply to `product` for `segment` on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// let found = file.catalogue().promotions_for(laptop, None, day(2026, 12, 7));
    /// let ids: Vec<&str> = found.iter().map(|p| p.id().as_str()).collect();
    /// assert_eq!(ids, ["winter-2026"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotions_for(
        &self,
        product: &Product,
        segment: Option<&ClientSegment>,
        date: NaiveDate,
    ) -> Vec<&Promotion> {
        let by_sku = self
            .promotions_by_sku
            .get(product.sku())
            .into_iter()
            .flatten();
        let mut found: Vec<&Promotion> = Vec::new();
        let mut add = |index: &u32| {
            if let Some(promotion) = self.promotions.get(*index as usize)
                && promotion.is_valid_on(date)
                && promotion.is_for_segment(segment)
            {
                found.push(promotion);
            }
        };
        by_sku.for_each(&mut add);
        if !self.promotions_by_category.is_empty() {
            for path in product.category().ancestors_and_self() {
                if let Some(indices) = self.promotions_by_category.get(path) {
                    indices.iter().for_each(&mut add);
                }
            }
        }
        found
    }

    /// Quotes `quantity` of `sku` for a client of `segment` on `date` (T1.3, S5): the base
    /// price from the price lists, every promotion applied and why, net, VAT from the VAT
    /// table, gross. The rule is in the crate docs ("The quote rule"); the same inputs always
    /// give the same quote.
    ///
    /// # Errors
    ///
    /// - [`QuoteError::UnknownProduct`], [`QuoteError::Discontinued`].
    /// - [`QuoteError::ZeroQuantity`]; [`QuoteError::Quantity`] for a fraction of a counted
    ///   unit.
    /// - [`QuoteError::NoPrice`]: no price entry fits.
    /// - [`QuoteError::Vat`]: no VAT rate for the date.
    /// - [`QuoteError::Money`] on overflow.
    ///
    /// # Examples
    ///
    /// See [`Catalogue`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let quote = file.catalogue().quote(&"PAP-A4-80".parse()?, Quantity::from_whole(60), None, day(2026, 12, 7))?;
    /// // The 50+ break (3.60) with 0.30 off.
    /// assert_eq!(quote.unit_price().to_string(), "3.30 EUR");
    /// assert_eq!(quote.net().to_string(), "198.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quote(
        &self,
        sku: &Sku,
        quantity: Quantity,
        segment: Option<&ClientSegment>,
        date: NaiveDate,
    ) -> Result<PriceQuote, QuoteError> {
        let product = self
            .product(sku)
            .ok_or_else(|| QuoteError::UnknownProduct { sku: sku.clone() })?;
        let (entry, list) = self.priced_entry(product, quantity, segment, date)?;
        let base = entry.unit_price;
        let (unit_price, steps) =
            price::best_discounts(base, self.promotions_for(product, segment, date))?;
        let line = price::line(base, quantity, &steps)?;
        // The class of the supply date, then that class's rate on the same date.
        let vat_class = product.vat_class_on(date)?;
        let rate = self.vat_table.rate(vat_class, date)?;
        let amounts = price::vat(line.net, rate)?;
        Ok(PriceQuote {
            sku: sku.clone(),
            name: product.name().clone(),
            quantity,
            unit: product.unit(),
            segment: segment.cloned(),
            date,
            source: PriceSource {
                list: list.id().clone(),
                segment: list.segment().cloned(),
                min_quantity: Quantity::try_new(entry.min_quantity).unwrap_or_default(),
                valid_from: list.valid_from(),
            },
            list_unit_price: base,
            discounts: line.discounts,
            unit_price,
            list_total: line.list_total,
            discount_total: line.discount_total,
            net: line.net,
            vat_class,
            vat_rate: rate,
            vat: amounts.vat(),
            gross: amounts.gross(),
        })
    }

    /// The net and gross of a quote and its first promotion, without building the quote:
    /// the same figures as [`Catalogue::quote`], for ranking many products.
    pub(crate) fn price_summary(
        &self,
        product: &Product,
        quantity: Quantity,
        segment: Option<&ClientSegment>,
        date: NaiveDate,
    ) -> Result<PriceSummary<'_>, QuoteError> {
        let (entry, _) = self.priced_entry(product, quantity, segment, date)?;
        let (unit_price, steps) = price::best_discounts(
            entry.unit_price,
            self.promotions_for(product, segment, date),
        )?;
        let net = unit_price
            .checked_mul(quantity.value())?
            .round(price::LINE_ROUNDING)?;
        let rate = self.vat_table.entry_for(product.vat_classes(), date)?.rate;
        let amounts = price::vat(net, rate)?;
        Ok(PriceSummary {
            net,
            gross: amounts.gross(),
            promotion: steps.first().map(|(promotion, _)| *promotion),
        })
    }

    /// The base price entry by the quote rule's step 1.
    /// The checks every price goes through (an active product, a non-zero quantity in the
    /// product's unit) and the price-list entry that applies: shared by [`Catalogue::quote`]
    /// and `price_summary`, so a recommendation and a quote always agree.
    fn priced_entry(
        &self,
        product: &Product,
        quantity: Quantity,
        segment: Option<&ClientSegment>,
        date: NaiveDate,
    ) -> Result<(IndexedPrice, &PriceList), QuoteError> {
        let sku = product.sku();
        if !product.is_active() {
            return Err(QuoteError::Discontinued { sku: sku.clone() });
        }
        if quantity.is_zero() {
            return Err(QuoteError::ZeroQuantity { sku: sku.clone() });
        }
        quantity.check_unit(product.unit())?;
        self.base_price(sku, quantity, segment, date)
            .ok_or_else(|| QuoteError::NoPrice {
                sku: sku.clone(),
                date,
                segment: segment.cloned(),
            })
    }

    fn base_price(
        &self,
        sku: &Sku,
        quantity: Quantity,
        segment: Option<&ClientSegment>,
        date: NaiveDate,
    ) -> Option<(IndexedPrice, &PriceList)> {
        let mut best: Option<(IndexedPrice, &PriceList, bool)> = None;
        for entry in self.prices.get(sku)? {
            let Some(list) = self.price_lists.get(entry.list as usize) else {
                continue;
            };
            if entry.min_quantity > quantity.value() || !list.is_valid_on(date) {
                continue;
            }
            let for_segment = match list.segment() {
                None => false,
                Some(wanted) if Some(wanted) == segment => true,
                Some(_) => continue,
            };
            let better = match &best {
                None => true,
                Some((current, current_list, current_for_segment)) => {
                    (
                        for_segment,
                        list.valid_from(),
                        std::cmp::Reverse(list.id()),
                        entry.min_quantity,
                    ) > (
                        *current_for_segment,
                        current_list.valid_from(),
                        std::cmp::Reverse(current_list.id()),
                        current.min_quantity,
                    )
                }
            };
            if better {
                best = Some((*entry, list, for_segment));
            }
        }
        best.map(|(entry, list, _)| (entry, list))
    }
}
