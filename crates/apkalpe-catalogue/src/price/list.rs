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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{PriceEntry, Quantity};
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let entry = PriceEntry::new("PEN-1".parse()?, Quantity::ZERO, Money::new(dec!(0.50), Currency::EUR));
    /// assert_eq!(entry.unit_price().to_string(), "0.50 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(sku: Sku, min_quantity: Quantity, unit_price: Money) -> Self {
        PriceEntry {
            sku,
            min_quantity,
            unit_price,
        }
    }

    /// Returns the SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.entries()[0].sku().as_str(), "LAP-E14-G5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the quantity break: the price applies from this quantity up (0: any quantity).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// let paper: Vec<String> = base.entries().iter().filter(|e| e.sku().as_str() == "PAP-A4-80").map(|e| e.min_quantity().to_string()).collect();
    /// assert_eq!(paper, ["0", "10", "50"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min_quantity(&self) -> Quantity {
        self.min_quantity
    }

    /// Returns the net unit price.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// let laptop = base.entries().iter().find(|e| e.sku().as_str() == "LAP-E14-G5").ok_or("none")?;
    /// assert_eq!(laptop.unit_price().to_string(), "749.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{PriceEntry, PriceList, Quantity};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let entry = PriceEntry::new("PEN-1".parse()?, Quantity::ZERO, Money::new(dec!(0.50), Currency::EUR));
    /// let error = PriceList::try_new("base".parse()?, Currency::EUR, None, Calendar::date(2026, 1, 1)?, None, vec![entry.clone(), entry]).unwrap_err();
    /// assert_eq!(error.code(), "price_list.duplicate_entry");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.id().as_str(), "base-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &PriceListId {
        &self.id
    }

    /// Returns the currency.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Currency;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the segment the list is for, or `None` for every client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let wholesale = &file.catalogue().price_lists()[2];
    /// assert_eq!(wholesale.segment().map(|s| s.as_str()), Some("wholesale"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
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
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.valid_from(), Calendar::date(2026, 1, 1)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// Returns the last day, or `None` if open-ended.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.valid_until(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// Returns the entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert_eq!(base.entries().len(), 35);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entries(&self) -> &[PriceEntry] {
        &self.entries
    }

    /// Tells whether the list is valid on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let base = &file.catalogue().price_lists()[0];
    /// assert!(base.is_valid_on(Calendar::date(2026, 12, 7)?));
    /// assert!(!base.is_valid_on(Calendar::date(2025, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|until| date <= until)
    }
}
