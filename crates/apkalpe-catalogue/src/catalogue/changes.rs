//! Change notices (T1.9): price, VAT and promotion changes between two dates, and their
//! rendering in a language.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use apkalpe_core::{Language, LocalizedText, Money, VatRate, VatRateClass};
use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::Catalogue;
use super::quote::IndexedPrice;
use crate::code::{ClientSegment, Sku};
use crate::price::Promotion;
use crate::unit::Quantity;

/// A price change for a client notice (T1.9): the price of one SKU, segment and quantity
/// break before and from a date.
///
/// Produced by [`Catalogue::changes`] and read through its getters. It deserialises from the
/// form it serialises to, each field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
/// let paper = notice.price_changes().iter().find(|c| c.sku().as_str() == "PAP-A4-80").unwrap();
/// assert_eq!(paper.old().unwrap().to_string(), "4.20 EUR");
/// assert_eq!(paper.new_value().unwrap().to_string(), "4.40 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceChange {
    /// The first day of the new price.
    pub(crate) date: NaiveDate,
    /// The product.
    pub(crate) sku: Sku,
    /// Its name.
    pub(crate) name: LocalizedText,
    /// The segment, or `None` for every client.
    pub(crate) segment: Option<ClientSegment>,
    /// The quantity break.
    pub(crate) min_quantity: Quantity,
    /// The price the day before, or `None` if it had none.
    pub(crate) old: Option<Money>,
    /// The price from `date`, or `None` if it is no longer listed.
    pub(crate) new: Option<Money>,
}

impl PriceChange {
    /// Returns the first day of the new price.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert_eq!(paper.date(), day(2027, 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the product's SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert_eq!(paper.sku().as_str(), "PAP-A4-80");
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
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert_eq!(paper.name().get(Language::English), "Copy paper A4, 80 g/m², 500 sheets");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the client segment, or `None` for every client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert_eq!(paper.segment(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&ClientSegment> {
        self.segment.as_ref()
    }

    /// Returns the quantity break.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert!(paper.min_quantity().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min_quantity(&self) -> Quantity {
        self.min_quantity
    }

    /// Returns the price the day before, or `None` if it had none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let paper = notice.price_changes().iter()
    ///     .find(|c| c.sku().as_str() == "PAP-A4-80" && c.segment().is_none())
    ///     .ok_or("no change")?;
    /// assert_eq!(paper.old().map(|m| m.to_string()).as_deref(), Some("4.20 EUR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn old(&self) -> Option<Money> {
        self.old
    }

    /// Returns the price from [`PriceChange::date`], or `None` if it is no longer listed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// // The wholesale list ends on 31 December: its price is gone from 1 January.
    /// let wholesale = notice.price_changes().iter().find(|c| c.segment().is_some()).ok_or("none")?;
    /// assert_eq!(wholesale.new_value(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Named `new_value`, not `new`, as the clients crate's `FieldChange::new_value`: a method
    /// `new` reads as a constructor. The saved form keeps the key `new`.
    pub fn new_value(&self) -> Option<Money> {
        self.new
    }
}

/// A change of a product's VAT on a date: its class moved (a dated [`VatClassSchedule`] of
/// the product), or its class's rate changed in the VAT table. The net price stays; the gross
/// price a client pays moves.
///
/// Produced by [`Catalogue::changes`] and read through its getters. It deserialises from the
/// form it serialises to, each field through its own type's checks.
///
/// [`VatClassSchedule`]: apkalpe_core::VatClassSchedule
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // The sample's VAT classes do not change in December: no VAT changes.
/// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
/// assert!(notice.vat_changes().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VatChange {
    /// The first day of the new VAT.
    pub(crate) date: NaiveDate,
    /// The product.
    pub(crate) sku: Sku,
    /// Its name.
    pub(crate) name: LocalizedText,
    /// The class the day before, or `None` if it had none.
    pub(crate) old_class: Option<VatRateClass>,
    /// The class from `date`.
    pub(crate) new_class: Option<VatRateClass>,
    /// The rate the day before, or `None` if there was none.
    pub(crate) old_rate: Option<VatRate>,
    /// The rate from `date`, or `None` if there is none.
    pub(crate) new_rate: Option<VatRate>,
}

impl VatChange {
    /// Returns the first day of the new VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.date(), chrono::NaiveDate::from_ymd_opt(2026, 7, 1).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the product's SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.sku().as_str(), "MILK-1L");
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
    /// use apkalpe_catalogue::VatChange;
    /// use apkalpe_core::Language;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.name().get(Language::English), "Milk 1 l");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the class the day before, or `None` if it had none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    /// use apkalpe_core::VatRateClass;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.old_class(), Some(VatRateClass::Standard));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn old_class(&self) -> Option<VatRateClass> {
        self.old_class
    }

    /// Returns the class from [`VatChange::date`], or `None` if it has none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    /// use apkalpe_core::VatRateClass;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.new_class(), Some(VatRateClass::Reduced));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new_class(&self) -> Option<VatRateClass> {
        self.new_class
    }

    /// Returns the rate the day before, or `None` if there was none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.old_rate().map(|r| r.to_string()).as_deref(), Some("21%"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn old_rate(&self) -> Option<VatRate> {
        self.old_rate
    }

    /// Returns the rate from [`VatChange::date`], or `None` if there is none.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::VatChange;
    ///
    /// let change: VatChange = serde_json::from_str(r#"{"date": "2026-07-01", "sku": "MILK-1L",
    ///     "name": {"lv": "Piens 1 l", "en": "Milk 1 l"}, "old_class": "standard",
    ///     "new_class": "reduced", "old_rate": "21", "new_rate": "12"}"#)?;
    /// assert_eq!(change.new_rate().map(|r| r.to_string()).as_deref(), Some("12%"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new_rate(&self) -> Option<VatRate> {
        self.new_rate
    }
}

/// What changed in a period, for a client notice (T1.9): price changes, VAT changes (a
/// product's class or its rate) and promotions that start or end.
///
/// Produced by [`Catalogue::changes`] and read through its getters. It deserialises from the
/// form it serialises to, each field through its own type's checks. `vat_changes` is left out
/// when empty, and a notice saved before it existed reads with none.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
/// assert!(notice.promotions_started().iter().any(|p| p.id().as_str() == "furniture-5"));
/// assert!(serde_json::to_value(&notice)?.is_object());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ChangeNotice {
    /// The day after which changes count.
    pub(crate) since: NaiveDate,
    /// The last day counted.
    pub(crate) until: NaiveDate,
    /// Price changes by date, SKU, segment, quantity break.
    pub(crate) price_changes: Vec<PriceChange>,
    /// VAT changes by date, then SKU.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub(crate) vat_changes: Vec<VatChange>,
    /// Promotions starting in the period, by start date then id.
    pub(crate) promotions_started: Vec<Promotion>,
    /// Promotions whose last day is in the period, by last day then id.
    pub(crate) promotions_ending: Vec<Promotion>,
}

impl ChangeNotice {
    /// Returns the day after which changes count.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
    /// assert_eq!(notice.since(), day(2026, 12, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn since(&self) -> NaiveDate {
        self.since
    }

    /// Returns the last day counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
    /// assert_eq!(notice.until(), day(2026, 12, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveDate {
        self.until
    }

    /// Returns the price changes, by date, SKU, segment and quantity break.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// assert!(notice.price_changes().iter().any(|c| c.sku().as_str() == "PAP-A4-80"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn price_changes(&self) -> &[PriceChange] {
        &self.price_changes
    }

    /// Returns the VAT changes (a product's class or its rate), by date, then SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
    /// // The sample's VAT classes and rates do not change in December.
    /// assert!(notice.vat_changes().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_changes(&self) -> &[VatChange] {
        &self.vat_changes
    }

    /// Returns the promotions starting in the period, by start date, then id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
    /// let ids: Vec<&str> = notice.promotions_started().iter().map(|p| p.id().as_str()).collect();
    /// // `since` itself does not count: the promotions starting on 1 December are left out.
    /// assert_eq!(ids, ["furniture-5"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotions_started(&self) -> &[Promotion] {
        &self.promotions_started
    }

    /// Returns the promotions whose last day is in the period, by last day, then id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 1), day(2026, 12, 31));
    /// let ids: Vec<&str> = notice.promotions_ending().iter().map(|p| p.id().as_str()).collect();
    /// assert_eq!(ids, ["furniture-5", "chair-advent", "winter-2026"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotions_ending(&self) -> &[Promotion] {
        &self.promotions_ending
    }

    /// Renders the notice as text in `language`: its words, the products' names, and amounts,
    /// discounts and VAT rates as people in `language` write them (`4,40 €`, `12 %` in
    /// Latvian).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// let text = notice.render(Language::Latvian);
    /// assert!(text.contains("PAP-A4-80"), "{text}");
    /// assert!(text.contains("4,20\u{a0}€ → 4,40\u{a0}€"), "{text}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let l = notice_labels(language);
        let mut out = String::new();
        let _ = writeln!(out, "{} {} – {}", l.changes, self.since, self.until);
        for change in &self.price_changes {
            let show = |m: Option<Money>| {
                m.map_or_else(|| "-".to_owned(), |m| m.to_localized_string(language))
            };
            let segment = change.segment.as_ref().map_or(l.all, ClientSegment::as_str);
            let quantity_break = if change.min_quantity.is_zero() {
                String::new()
            } else {
                format!(", {} {}", l.from_quantity, change.min_quantity)
            };
            let _ = writeln!(
                out,
                "{}  {:<14} {:<40} {} → {} ({} {segment}{quantity_break})",
                change.date,
                change.sku.as_str(),
                change.name.get(language),
                show(change.old),
                show(change.new),
                l.segment,
            );
        }
        for change in &self.vat_changes {
            let show = |rate: Option<VatRate>| {
                rate.map_or_else(|| "-".to_owned(), |r| r.to_localized_string(language))
            };
            let _ = writeln!(
                out,
                "{}  {:<14} {:<40} {} {} → {}",
                change.date,
                change.sku.as_str(),
                change.name.get(language),
                l.vat,
                show(change.old_rate),
                show(change.new_rate),
            );
        }
        for promotion in &self.promotions_started {
            let _ = writeln!(
                out,
                "{}  {} {} {} ({}) {} {}",
                promotion.valid_from(),
                l.promotion,
                promotion.id(),
                promotion.name().get(language),
                promotion.discount().to_localized_string(language),
                l.until,
                promotion.valid_until(),
            );
        }
        for promotion in &self.promotions_ending {
            let _ = writeln!(
                out,
                "{}  {} {} {} {}",
                promotion.valid_until(),
                l.promotion,
                promotion.id(),
                promotion.name().get(language),
                l.ends,
            );
        }
        out
    }
}

/// The words of a change notice in one language.
struct NoticeLabels {
    changes: &'static str,
    all: &'static str,
    segment: &'static str,
    from_quantity: &'static str,
    vat: &'static str,
    promotion: &'static str,
    until: &'static str,
    ends: &'static str,
}

fn notice_labels(language: Language) -> NoticeLabels {
    match language {
        Language::Latvian => NoticeLabels {
            changes: "Izmaiņas",
            all: "visi",
            segment: "segments",
            from_quantity: "no daudzuma",
            vat: "PVN",
            promotion: "akcija",
            until: "līdz",
            ends: "beidzas",
        },
        Language::German => NoticeLabels {
            changes: "Änderungen",
            all: "alle",
            segment: "Segment",
            from_quantity: "ab Menge",
            vat: "MwSt.",
            promotion: "Aktion",
            until: "bis",
            ends: "endet",
        },
        Language::Russian => NoticeLabels {
            changes: "Изменения",
            all: "все",
            segment: "сегмент",
            from_quantity: "от количества",
            vat: "НДС",
            promotion: "акция",
            until: "до",
            ends: "заканчивается",
        },
        Language::English => NoticeLabels {
            changes: "Changes",
            all: "all",
            segment: "segment",
            from_quantity: "from quantity",
            vat: "VAT",
            promotion: "promotion",
            until: "until",
            ends: "ends",
        },
    }
}

impl Catalogue {
    /// Returns what changed after `since` up to and including `until` (T1.9): price changes
    /// of every SKU, segment and quantity break, and promotions starting or ending. Pass a
    /// future `until` to announce changes already decided.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // The price list of the new year changes prices from 1 January.
    /// let notice = file.catalogue().changes(day(2026, 12, 31), day(2027, 1, 1));
    /// assert!(!notice.price_changes().is_empty());
    /// assert!(notice.price_changes().iter().all(|c| c.date() == day(2027, 1, 1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changes(&self, since: NaiveDate, until: NaiveDate) -> ChangeNotice {
        let mut price_changes = Vec::new();
        for product in &self.products {
            let Some(entries) = self.prices.get(product.sku()) else {
                continue;
            };
            let mut keys: BTreeSet<(Option<&ClientSegment>, Decimal)> = BTreeSet::new();
            let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
            for entry in entries {
                if let Some(list) = self.price_lists.get(entry.list as usize) {
                    keys.insert((list.segment(), entry.min_quantity));
                    dates.insert(list.valid_from());
                    if let Some(next) = list.valid_until().and_then(|d| d.succ_opt()) {
                        dates.insert(next);
                    }
                }
            }
            for date in dates.range(since.succ_opt().unwrap_or(since)..) {
                if *date > until {
                    break;
                }
                let Some(before) = date.pred_opt() else {
                    continue;
                };
                for (segment, min_quantity) in &keys {
                    let old = self.price_point(entries, *segment, *min_quantity, before);
                    let new = self.price_point(entries, *segment, *min_quantity, *date);
                    if old != new {
                        price_changes.push(PriceChange {
                            date: *date,
                            sku: product.sku().clone(),
                            name: product.name().clone(),
                            segment: segment.cloned(),
                            min_quantity: Quantity::try_new(*min_quantity).unwrap_or_default(),
                            old,
                            new,
                        });
                    }
                }
            }
        }
        price_changes.sort_by(|a, b| {
            (a.date, &a.sku, &a.segment, a.min_quantity).cmp(&(
                b.date,
                &b.sku,
                &b.segment,
                b.min_quantity,
            ))
        });
        let vat_changes = self.vat_changes(since, until);
        let in_period = |d: NaiveDate| since < d && d <= until;
        let mut promotions_started: Vec<Promotion> = self
            .promotions
            .iter()
            .filter(|p| in_period(p.valid_from()))
            .cloned()
            .collect();
        promotions_started.sort_by(|a, b| (a.valid_from(), a.id()).cmp(&(b.valid_from(), b.id())));
        let mut promotions_ending: Vec<Promotion> = self
            .promotions
            .iter()
            .filter(|p| in_period(p.valid_until()))
            .cloned()
            .collect();
        promotions_ending.sort_by(|a, b| (a.valid_until(), a.id()).cmp(&(b.valid_until(), b.id())));
        ChangeNotice {
            since,
            until,
            price_changes,
            vat_changes,
            promotions_started,
            promotions_ending,
        }
    }

    /// The VAT changes of every product in `(since, until]`: the dates its class schedule
    /// or the VAT table changes something, where the class or the rate really differs from
    /// the day before. By date, then SKU.
    fn vat_changes(&self, since: NaiveDate, until: NaiveDate) -> Vec<VatChange> {
        let table_dates: BTreeSet<NaiveDate> = self
            .vat_table
            .entries()
            .iter()
            .map(|entry| entry.effective_from)
            .filter(|date| since < *date && *date <= until)
            .collect();
        let mut changes = Vec::new();
        for product in &self.products {
            let schedule = product.vat_classes();
            let mut dates = table_dates.clone();
            dates.extend(
                schedule
                    .changes_between(since, until)
                    .filter_map(|period| period.from),
            );
            for date in dates {
                let Some(before) = date.pred_opt() else {
                    continue;
                };
                let at = |day: NaiveDate| {
                    let class = schedule.class_on(day).ok();
                    let rate = class.and_then(|class| self.vat_table.rate(class, day).ok());
                    (class, rate)
                };
                let ((old_class, old_rate), (new_class, new_rate)) = (at(before), at(date));
                if old_class != new_class || old_rate != new_rate {
                    changes.push(VatChange {
                        date,
                        sku: product.sku().clone(),
                        name: product.name().clone(),
                        old_class,
                        new_class,
                        old_rate,
                        new_rate,
                    });
                }
            }
        }
        changes.sort_by(|a, b| (a.date, &a.sku).cmp(&(b.date, &b.sku)));
        changes
    }

    /// The price of one SKU, segment and quantity break on a date: the list valid that day
    /// with the latest start, then the smallest id.
    fn price_point(
        &self,
        entries: &[IndexedPrice],
        segment: Option<&ClientSegment>,
        min_quantity: Decimal,
        date: NaiveDate,
    ) -> Option<Money> {
        entries
            .iter()
            .filter(|e| e.min_quantity == min_quantity)
            .filter_map(|e| {
                self.price_lists
                    .get(e.list as usize)
                    .map(|list| (e.unit_price, list))
            })
            .filter(|(_, list)| list.segment() == segment && list.is_valid_on(date))
            .max_by(|(_, a), (_, b)| {
                (a.valid_from(), std::cmp::Reverse(a.id()))
                    .cmp(&(b.valid_from(), std::cmp::Reverse(b.id())))
            })
            .map(|(price, _)| price)
    }
}
