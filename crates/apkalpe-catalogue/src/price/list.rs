//! Price lists (*cenrāži*): effective-dated net prices with quantity breaks and segments.

use apkalpe_core::{Currency, Money};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::PricingError;
use crate::code::{ClientSegment, PriceListId, Sku};
use crate::unit::Quantity;

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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceEntry {
    sku: Sku,
    #[cfg_attr(feature = "serde", serde(default))]
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

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PriceListFields {
    id: PriceListId,
    currency: Currency,
    #[cfg_attr(feature = "serde", serde(default))]
    segment: Option<ClientSegment>,
    valid_from: NaiveDate,
    #[cfg_attr(feature = "serde", serde(default))]
    valid_until: Option<NaiveDate>,
    entries: Vec<PriceEntry>,
}

#[cfg(feature = "serde")]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PriceListFields"))]
pub struct PriceList {
    id: PriceListId,
    currency: Currency,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    segment: Option<ClientSegment>,
    valid_from: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
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
