//! The catalogue: products of several catalogues in one category tree, with their price lists
//! and promotions, indexed once for quotes and search (T1.1–T1.4, T1.8, T1.9).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use apkalpe_core::{
    Currency, Language, LocalizedText, Money, RestoreError, VatRate, VatRateClass, VatRateTable,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::category::{Category, CategoryPath, CategoryTree, TreeProblem};
use crate::code::{CatalogueId, ClientSegment, PriceListId, Sku};
use crate::delivery::DeliveryError;
use crate::error::CatalogueError;
use crate::price::{
    self, PriceList, PriceQuote, PriceSource, Promotion, PromotionTarget, QuoteError,
};
use crate::product::Product;
use crate::search::{SearchHit, SearchIndex, SearchQuery, SearchResults, StatusFilter};
use crate::unit::Quantity;

/// Whose catalogue it is (T1.8: the specialist also informs about partners' and suppliers'
/// ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueOrigin {
    /// The organisation's own range.
    Own,
    /// A partner's range, sold or recommended by the organisation.
    Partner,
    /// A supplier's range, orderable on request.
    Supplier,
}

/// One catalogue (*katalogs*): an id, a name and whose it is.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueOrigin, CatalogueSource};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let own = CatalogueSource::new(
///     "own".parse()?,
///     LocalizedText::new(Language::Latvian, "Mūsu sortiments"),
///     CatalogueOrigin::Own,
/// );
/// assert_eq!(own.origin(), CatalogueOrigin::Own);
/// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueSource {
    id: CatalogueId,
    name: LocalizedText,
    origin: CatalogueOrigin,
}

impl CatalogueSource {
    /// Creates a catalogue source; its Latvian name is checked when the catalogue is built.
    pub fn new(id: CatalogueId, name: LocalizedText, origin: CatalogueOrigin) -> Self {
        CatalogueSource { id, name, origin }
    }

    /// Returns the id.
    pub fn id(&self) -> &CatalogueId {
        &self.id
    }

    /// Returns the name.
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns whose catalogue it is.
    pub fn origin(&self) -> CatalogueOrigin {
        self.origin
    }
}

/// The parts a [`Catalogue`] is built from.
///
/// # Examples
///
/// See [`Catalogue`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogueParts {
    /// The currency of every price and amount.
    pub currency: Currency,
    /// The catalogues.
    pub catalogues: Vec<CatalogueSource>,
    /// The category tree's nodes.
    pub categories: Vec<Category>,
    /// The products.
    pub products: Vec<Product>,
    /// The price lists.
    pub price_lists: Vec<PriceList>,
    /// The promotions.
    pub promotions: Vec<Promotion>,
}

impl CatalogueParts {
    /// Creates empty parts in `currency`.
    pub fn new(currency: Currency) -> Self {
        CatalogueParts {
            currency,
            catalogues: Vec::new(),
            categories: Vec::new(),
            products: Vec::new(),
            price_lists: Vec::new(),
            promotions: Vec::new(),
        }
    }
}

/// The figures of a quote that ranking needs.
pub(crate) struct PriceSummary<'a> {
    pub(crate) net: Money,
    pub(crate) gross: Money,
    pub(crate) promotion: Option<&'a Promotion>,
}

/// A price entry as indexed: the list it belongs to and its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IndexedPrice {
    list: u32,
    min_quantity: Decimal,
    unit_price: Money,
}

/// A price change for a client notice (T1.9): the price of one SKU, segment and quantity
/// break before and from a date.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceChange {
    /// The first day of the new price.
    pub date: NaiveDate,
    /// The product.
    pub sku: Sku,
    /// Its name.
    pub name: LocalizedText,
    /// The segment, or `None` for every client.
    pub segment: Option<ClientSegment>,
    /// The quantity break.
    pub min_quantity: Quantity,
    /// The price the day before, or `None` if it had none.
    pub old: Option<Money>,
    /// The price from `date`, or `None` if it is no longer listed.
    pub new: Option<Money>,
}

/// A change of a product's VAT on a date: its class moved (a dated [`VatClassSchedule`] of
/// the product), or its class's rate changed in the VAT table. The net price stays; the gross
/// price a client pays moves.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks.
///
/// [`VatClassSchedule`]: apkalpe_core::VatClassSchedule
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VatChange {
    /// The first day of the new VAT.
    pub date: NaiveDate,
    /// The product.
    pub sku: Sku,
    /// Its name.
    pub name: LocalizedText,
    /// The class the day before, or `None` if it had none.
    pub old_class: Option<VatRateClass>,
    /// The class from `date`.
    pub new_class: Option<VatRateClass>,
    /// The rate the day before, or `None` if there was none.
    pub old_rate: Option<VatRate>,
    /// The rate from `date`, or `None` if there is none.
    pub new_rate: Option<VatRate>,
}

/// What changed in a period, for a client notice (T1.9): price changes, VAT changes (a
/// product's class or its rate) and promotions that start or end.
///
/// A plain record: it deserialises from the form it serialises to, each field through its own
/// type's checks. `vat_changes` is left out when empty, and a notice saved before it existed
/// reads with none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeNotice {
    /// The day after which changes count.
    pub since: NaiveDate,
    /// The last day counted.
    pub until: NaiveDate,
    /// Price changes by date, SKU, segment, quantity break.
    pub price_changes: Vec<PriceChange>,
    /// VAT changes by date, then SKU.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vat_changes: Vec<VatChange>,
    /// Promotions starting in the period, by start date then id.
    pub promotions_started: Vec<Promotion>,
    /// Promotions whose last day is in the period, by last day then id.
    pub promotions_ending: Vec<Promotion>,
}

impl ChangeNotice {
    /// Renders the notice as text in `language`: its words, the products' names, and amounts,
    /// discounts and VAT rates as people in `language` write them (`4,40 €`, `12 %` in
    /// Latvian).
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

/// The catalogue (*produktu katalogs*): every product of the organisation's, partners' and
/// suppliers' catalogues in one category tree, with price lists and promotions, indexed for
/// quotes (by SKU, prices by list validity) and text search (a normalised word index built
/// once).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::*;
/// use apkalpe_core::{Currency, Language, LocalizedText, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let lv = |t: &str| LocalizedText::new(Language::Latvian, t);
/// let mut parts = CatalogueParts::new(Currency::EUR);
/// parts.catalogues.push(CatalogueSource::new("own".parse()?, lv("Mūsu"), CatalogueOrigin::Own));
/// parts.categories.push(Category::new("it".parse()?, lv("IT preces")));
/// parts.products.push(Product::try_from(ProductInput::new(
///     "MOUSE-1".parse()?, ProductKind::Goods, "own".parse()?,
///     lv("Bezvadu pele").with(Language::English, "Wireless mouse"), "it".parse()?,
/// ))?);
/// let jan = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// parts.price_lists.push(PriceList::try_new(
///     "base".parse()?, Currency::EUR, None, jan, None,
///     vec![PriceEntry::new("MOUSE-1".parse()?, Quantity::ZERO, Money::new(dec!(20), Currency::EUR))],
/// )?);
/// let catalogue = Catalogue::try_new(parts)?;
///
/// let quote = catalogue.quote(&"MOUSE-1".parse()?, Quantity::from_whole(2), None, jan)?;
/// assert_eq!(quote.gross.to_string(), "48.40 EUR");
///
/// let found = catalogue.search(&SearchQuery::text("PELE"));
/// assert_eq!(found.total, 1);
/// assert!(found.render(Language::English).contains("Wireless mouse"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// The parts it was built from, as in the catalogue file (`docs/model/catalogue.md`):
/// `{"currency": "EUR", "catalogues": […], "categories": […], "products": […],
/// "price_lists": […], "promotions": […]}`, each list in id order, plus `"vat_table"` when it is
/// not the Latvian one. The indexes (by SKU, category and price, the search index) are rebuilt,
/// not saved. Deserialising goes through [`Catalogue::try_new`], so a saved catalogue is checked
/// exactly as a new one; its refusals come as a [`RestoreError`] (`restore.duplicate` for a SKU
/// or id listed twice, `restore.missing` for a reference to something not listed,
/// `restore.invalid` for a name without Latvian, `restore.inconsistent` for another currency).
///
/// Two catalogues are equal when they hold the same parts.
///
/// ```
/// use apkalpe_catalogue::{Catalogue, CatalogueFile};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let json = serde_json::to_string(file.catalogue())?;
/// let restored: Catalogue = serde_json::from_str(&json)?;
/// assert_eq!(&restored, file.catalogue());
///
/// let edited = json.replace(r#""category":"it/laptops""#, r#""category":"it/tablets""#);
/// let error = serde_json::from_str::<Catalogue>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.missing: cannot restore Catalogue: products: product "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "CatalogueRecord")]
pub struct Catalogue {
    currency: Currency,
    vat_table: VatRateTable,
    sources: Vec<CatalogueSource>,
    categories: CategoryTree,
    products: Vec<Product>,
    by_sku: HashMap<Sku, u32>,
    by_category: BTreeMap<CategoryPath, Vec<u32>>,
    price_lists: Vec<PriceList>,
    prices: HashMap<Sku, Vec<IndexedPrice>>,
    promotions: Vec<Promotion>,
    promotions_by_sku: HashMap<Sku, Vec<u32>>,
    promotions_by_category: HashMap<String, Vec<u32>>,
    search: SearchIndex,
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency
            && self.vat_table == other.vat_table
            && self.sources == other.sources
            && self.categories == other.categories
            && self.products == other.products
            && self.price_lists == other.price_lists
            && self.promotions == other.promotions
    }
}

impl Eq for Catalogue {}

/// The saved form of a [`Catalogue`], as written: borrowed from it.
#[derive(Serialize)]
struct CatalogueView<'a> {
    currency: Currency,
    catalogues: &'a [CatalogueSource],
    categories: &'a CategoryTree,
    products: &'a [Product],
    price_lists: &'a [PriceList],
    promotions: &'a [Promotion],
    #[serde(skip_serializing_if = "Option::is_none")]
    vat_table: Option<&'a VatRateTable>,
}

impl Serialize for Catalogue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CatalogueView {
            currency: self.currency,
            catalogues: &self.sources,
            categories: &self.categories,
            products: &self.products,
            price_lists: &self.price_lists,
            promotions: &self.promotions,
            vat_table: self.custom_vat_table(),
        }
        .serialize(serializer)
    }
}

/// The saved form of a [`Catalogue`], as read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueRecord {
    currency: Currency,
    catalogues: Vec<CatalogueSource>,
    categories: Vec<Category>,
    products: Vec<Product>,
    #[serde(default)]
    price_lists: Vec<PriceList>,
    #[serde(default)]
    promotions: Vec<Promotion>,
    #[serde(default)]
    vat_table: Option<VatRateTable>,
}

impl TryFrom<CatalogueRecord> for Catalogue {
    type Error = RestoreError;

    fn try_from(record: CatalogueRecord) -> Result<Self, Self::Error> {
        let mut parts = CatalogueParts::new(record.currency);
        parts.catalogues = record.catalogues;
        parts.categories = record.categories;
        parts.products = record.products;
        parts.price_lists = record.price_lists;
        parts.promotions = record.promotions;
        let catalogue =
            Catalogue::try_new(parts).map_err(|error| restore_error("Catalogue", error))?;
        Ok(match record.vat_table {
            Some(table) => catalogue.with_vat_table(table),
            None => catalogue,
        })
    }
}

/// The field of a saved catalogue or catalogue file that holds the things an error's `what`
/// names.
fn field_of(what: &str) -> &'static str {
    match what {
        "catalogue" => "catalogues",
        "category" => "categories",
        "product" => "products",
        "price list" => "price_lists",
        "promotion" => "promotions",
        "stock" | "stock line" => "stock",
        "supply" => "incoming",
        "reservation" => "reservations",
        _ => "",
    }
}

/// Turns a refusal of [`Catalogue::try_new`] (or of the catalogue file's own checks) into the
/// restore error of the saved `what`: duplicates, missing references, invalid values and
/// disagreeing currencies, each on the list that holds the culprit (the message names it).
pub(crate) fn restore_error(what: &'static str, error: CatalogueError) -> RestoreError {
    let latvian = apkalpe_core::LocalizedError::message_in(&error, apkalpe_core::Language::Latvian);
    match error {
        CatalogueError::Restore(error) => error,
        CatalogueError::DuplicateSku { sku } => RestoreError::duplicate(what, "products", sku),
        CatalogueError::DuplicateId { what: kind, id } => {
            RestoreError::duplicate(what, field_of(kind), id)
        }
        CatalogueError::UnknownCatalogue { .. } => {
            RestoreError::missing(what, "products", error).with_latvian_reason(latvian)
        }
        CatalogueError::UnknownCategory { what: kind, .. }
        | CatalogueError::UnknownSku { what: kind, .. } => {
            RestoreError::missing(what, field_of(kind), error).with_latvian_reason(latvian)
        }
        CatalogueError::MissingLatvianName { what: kind, .. } => {
            RestoreError::invalid(what, field_of(kind), error)
        }
        CatalogueError::CurrencyMismatch { what: kind, .. } => {
            RestoreError::inconsistent(what, field_of(kind), error).with_latvian_reason(latvian)
        }
        CatalogueError::Delivery(DeliveryError::DuplicateCarrier { carrier }) => {
            RestoreError::duplicate(what, "carriers", carrier)
        }
        error => RestoreError::invalid(what, "", error),
    }
}

fn tree_error(problem: TreeProblem) -> CatalogueError {
    match problem {
        TreeProblem::Duplicate(path) => CatalogueError::DuplicateId {
            what: "category",
            id: path.to_string(),
        },
        TreeProblem::MissingParent(path) => CatalogueError::UnknownCategory {
            what: "category",
            id: path.to_string(),
            category: path.parent().unwrap_or(path),
        },
        TreeProblem::MissingLatvianName(path) => CatalogueError::MissingLatvianName {
            what: "category",
            id: path.to_string(),
        },
    }
}

fn index_of(position: usize) -> Result<u32, CatalogueError> {
    u32::try_from(position).map_err(|_| CatalogueError::DuplicateId {
        what: "index beyond 4 294 967 295 items at",
        id: position.to_string(),
    })
}

impl Catalogue {
    /// Builds and indexes a catalogue, with the Latvian VAT table
    /// ([`VatRateTable::latvia`]).
    ///
    /// # Errors
    ///
    /// - [`CatalogueError::DuplicateSku`], [`CatalogueError::DuplicateId`]: a SKU, catalogue,
    ///   category, price list or promotion listed twice.
    /// - [`CatalogueError::MissingLatvianName`]: a catalogue or category without a Latvian
    ///   name.
    /// - [`CatalogueError::UnknownCatalogue`], [`CatalogueError::UnknownCategory`],
    ///   [`CatalogueError::UnknownSku`]: a reference to something not listed.
    /// - [`CatalogueError::CurrencyMismatch`]: a price list or amount-off promotion in
    ///   another currency.
    pub fn try_new(parts: CatalogueParts) -> Result<Self, CatalogueError> {
        let CatalogueParts {
            currency,
            mut catalogues,
            categories,
            mut products,
            mut price_lists,
            mut promotions,
        } = parts;
        catalogues.sort_by(|a, b| a.id.cmp(&b.id));
        for pair in catalogues.windows(2) {
            if let [a, b] = pair
                && a.id == b.id
            {
                return Err(CatalogueError::DuplicateId {
                    what: "catalogue",
                    id: a.id.to_string(),
                });
            }
        }
        if let Some(source) = catalogues
            .iter()
            .find(|c| c.name.exact(Language::Latvian).is_none())
        {
            return Err(CatalogueError::MissingLatvianName {
                what: "catalogue",
                id: source.id.to_string(),
            });
        }
        let categories = CategoryTree::try_new(categories).map_err(tree_error)?;

        products.sort_by(|a, b| a.sku().cmp(b.sku()));
        let mut by_sku = HashMap::with_capacity(products.len());
        let mut by_category: BTreeMap<CategoryPath, Vec<u32>> = BTreeMap::new();
        for (position, product) in products.iter().enumerate() {
            let index = index_of(position)?;
            if by_sku.insert(product.sku().clone(), index).is_some() {
                return Err(CatalogueError::DuplicateSku {
                    sku: product.sku().clone(),
                });
            }
            if catalogues
                .binary_search_by(|c| c.id.cmp(product.catalogue()))
                .is_err()
            {
                return Err(CatalogueError::UnknownCatalogue {
                    sku: product.sku().clone(),
                    catalogue: product.catalogue().clone(),
                });
            }
            if !categories.contains(product.category()) {
                return Err(CatalogueError::UnknownCategory {
                    what: "product",
                    id: product.sku().to_string(),
                    category: product.category().clone(),
                });
            }
            by_category
                .entry(product.category().clone())
                .or_default()
                .push(index);
        }

        price_lists.sort_by(|a, b| a.id().cmp(b.id()));
        let mut prices: HashMap<Sku, Vec<IndexedPrice>> = HashMap::with_capacity(products.len());
        let mut previous: Option<&PriceListId> = None;
        for (position, list) in price_lists.iter().enumerate() {
            if previous == Some(list.id()) {
                return Err(CatalogueError::DuplicateId {
                    what: "price list",
                    id: list.id().to_string(),
                });
            }
            previous = Some(list.id());
            if list.currency() != currency {
                return Err(CatalogueError::CurrencyMismatch {
                    what: "price list",
                    id: list.id().to_string(),
                    expected: currency,
                    found: list.currency(),
                });
            }
            let index = index_of(position)?;
            for entry in list.entries() {
                if !by_sku.contains_key(entry.sku()) {
                    return Err(CatalogueError::UnknownSku {
                        what: "price list",
                        id: list.id().to_string(),
                        sku: entry.sku().clone(),
                    });
                }
                prices
                    .entry(entry.sku().clone())
                    .or_default()
                    .push(IndexedPrice {
                        list: index,
                        min_quantity: entry.min_quantity().value(),
                        unit_price: entry.unit_price(),
                    });
            }
        }
        for entries in prices.values_mut() {
            entries.sort_by_key(|e| {
                let list = price_lists.get(e.list as usize);
                (list.map(PriceList::valid_from), e.list, e.min_quantity)
            });
        }

        promotions.sort_by(|a, b| a.id().cmp(b.id()));
        let mut promotions_by_sku: HashMap<Sku, Vec<u32>> = HashMap::new();
        let mut promotions_by_category: HashMap<String, Vec<u32>> = HashMap::new();
        for (position, promotion) in promotions.iter().enumerate() {
            if position > 0
                && promotions
                    .get(position.saturating_sub(1))
                    .is_some_and(|p| p.id() == promotion.id())
            {
                return Err(CatalogueError::DuplicateId {
                    what: "promotion",
                    id: promotion.id().to_string(),
                });
            }
            if let price::Discount::AmountOff(amount) = promotion.discount()
                && amount.currency() != currency
            {
                return Err(CatalogueError::CurrencyMismatch {
                    what: "promotion",
                    id: promotion.id().to_string(),
                    expected: currency,
                    found: amount.currency(),
                });
            }
            let index = index_of(position)?;
            match promotion.target() {
                PromotionTarget::Products(skus) => {
                    for sku in skus {
                        if !by_sku.contains_key(sku) {
                            return Err(CatalogueError::UnknownSku {
                                what: "promotion",
                                id: promotion.id().to_string(),
                                sku: sku.clone(),
                            });
                        }
                        promotions_by_sku
                            .entry(sku.clone())
                            .or_default()
                            .push(index);
                    }
                }
                PromotionTarget::Category(path) => {
                    if !categories.contains(path) {
                        return Err(CatalogueError::UnknownCategory {
                            what: "promotion",
                            id: promotion.id().to_string(),
                            category: path.clone(),
                        });
                    }
                    promotions_by_category
                        .entry(path.to_string())
                        .or_default()
                        .push(index);
                }
            }
        }
        let search = SearchIndex::build(&products);
        Ok(Catalogue {
            currency,
            vat_table: VatRateTable::latvia(),
            sources: catalogues,
            categories,
            products,
            by_sku,
            by_category,
            price_lists,
            prices,
            promotions,
            promotions_by_sku,
            promotions_by_category,
            search,
        })
    }

    /// Returns the catalogue with another VAT table (a test table, or a newer one).
    #[must_use]
    pub fn with_vat_table(mut self, table: VatRateTable) -> Self {
        self.vat_table = table;
        self
    }

    /// Returns the VAT table when it is not the Latvian one: what the saved form carries.
    pub(crate) fn custom_vat_table(&self) -> Option<&VatRateTable> {
        (self.vat_table != VatRateTable::latvia()).then_some(&self.vat_table)
    }

    /// Returns the currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the catalogues in id order.
    pub fn sources(&self) -> &[CatalogueSource] {
        &self.sources
    }

    /// Returns the category tree: the lines of business and their groups (T1.1).
    pub fn categories(&self) -> &CategoryTree {
        &self.categories
    }

    /// Returns every product in SKU order.
    pub fn products(&self) -> &[Product] {
        &self.products
    }

    /// Returns the product with `sku`.
    pub fn product(&self, sku: &Sku) -> Option<&Product> {
        self.by_sku
            .get(sku)
            .and_then(|index| self.products.get(*index as usize))
    }

    /// Returns the products in a category or under it, in SKU order.
    pub fn products_in(&self, category: &CategoryPath) -> Vec<&Product> {
        let mut indices = self.category_indices(category);
        indices.sort_unstable();
        indices
            .into_iter()
            .filter_map(|index| self.products.get(index as usize))
            .collect()
    }

    /// The indices of the products in a category subtree, unsorted.
    fn category_indices(&self, category: &CategoryPath) -> Vec<u32> {
        self.by_category
            .range(category.clone()..)
            .take_while(|(path, _)| path.as_str().starts_with(category.as_str()))
            .filter(|(path, _)| path.is_within(category))
            .flat_map(|(_, indices)| indices.iter().copied())
            .collect()
    }

    /// Returns the price lists in id order.
    pub fn price_lists(&self) -> &[PriceList] {
        &self.price_lists
    }

    /// Returns the promotions in id order.
    pub fn promotions(&self) -> &[Promotion] {
        &self.promotions
    }

    /// Returns the promotions that apply to `product` for `segment` on `date`.
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
            vat: amounts.vat,
            gross: amounts.gross,
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
            gross: amounts.gross,
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

    /// Searches the catalogue (T1.4, T1.8); see "The search rule" in the crate docs.
    ///
    /// # Examples
    ///
    /// See [`Catalogue`].
    pub fn search(&self, query: &SearchQuery) -> SearchResults<'_> {
        let candidates = self.search.matching(query.text_value());
        let exact = query.text_value().trim();
        // The category filter as a bitset from the category index: candidates outside it are
        // skipped without reading their product.
        let in_category: Option<Vec<u64>> = query.category().map(|category| {
            let mut bits = vec![0_u64; self.products.len().div_ceil(64)];
            for index in self.category_indices(category) {
                let index = index as usize;
                if let Some(block) = bits.get_mut(index / 64) {
                    *block |= 1_u64 << (index % 64);
                }
            }
            bits
        });
        let mut matched: Vec<(usize, Option<Money>)> = Vec::new();
        let mut check = |index: usize| {
            if let Some(bits) = &in_category
                && bits
                    .get(index / 64)
                    .is_none_or(|block| block & (1_u64 << (index % 64)) == 0)
            {
                return;
            }
            let Some(product) = self.products.get(index) else {
                return;
            };
            if query.statuses() == StatusFilter::ActiveOnly && !product.is_active() {
                return;
            }
            if query.catalogue().is_some_and(|c| c != product.catalogue()) {
                return;
            }
            if query
                .category()
                .is_some_and(|c| !product.category().is_within(c))
            {
                return;
            }
            if !query.attributes().iter().all(|r| r.is_met_by(product)) {
                return;
            }
            let mut unit_price = None;
            if let Some(filter) = query.price() {
                unit_price = self
                    .quote(
                        product.sku(),
                        Quantity::from_whole(1),
                        filter.segment.as_ref(),
                        filter.date,
                    )
                    .ok()
                    .map(|q| q.unit_price);
                let bounded = filter.min.is_some() || filter.max.is_some();
                let inside = unit_price.is_some_and(|price| {
                    filter.min.is_none_or(|min| price.amount() >= min.amount())
                        && filter.max.is_none_or(|max| price.amount() <= max.amount())
                });
                if bounded && !inside {
                    return;
                }
            }
            matched.push((index, unit_price));
        };
        match candidates {
            Some(indices) => indices.into_iter().for_each(|i| check(i as usize)),
            None => (0..self.products.len()).for_each(&mut check),
        }
        if let Some(position) = matched.iter().position(|(index, _)| {
            self.products
                .get(*index)
                .is_some_and(|p| p.sku().as_str().eq_ignore_ascii_case(exact))
        }) {
            let first = matched.remove(position);
            matched.insert(0, first);
        }
        let page = query.page();
        let hits = matched
            .iter()
            .skip(page.offset())
            .take(page.size())
            .filter_map(|(index, unit_price)| {
                self.products.get(*index).map(|product| SearchHit {
                    product,
                    unit_price: *unit_price,
                })
            })
            .collect();
        SearchResults {
            text: query.text_value().to_owned(),
            total: matched.len(),
            page,
            hits,
        }
    }

    /// Returns what changed after `since` up to and including `until` (T1.9): price changes
    /// of every SKU, segment and quantity break, and promotions starting or ending. Pass a
    /// future `until` to announce changes already decided.
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

#[cfg(test)]
mod tests {
    use crate::CatalogueFile;
    use crate::Quantity;
    use chrono::NaiveDate;

    /// Recommendations rank by `price_summary`; what they show must be what `quote` says.
    #[test]
    fn price_summary_agrees_with_quote_for_every_sample_product() {
        let file =
            CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json")).unwrap();
        let catalogue = file.catalogue();
        let mut compared = 0;
        for product in catalogue.products() {
            for quantity in [1, 3, 10, 25] {
                for date in ["2026-11-27", "2026-12-07", "2027-01-15"] {
                    let date: NaiveDate = date.parse().unwrap();
                    let quantity = Quantity::from_whole(quantity);
                    let summary = catalogue.price_summary(product, quantity, None, date);
                    let quote = catalogue.quote(product.sku(), quantity, None, date);
                    match (summary, quote) {
                        (Ok(summary), Ok(quote)) => {
                            assert_eq!(summary.net, quote.net, "{} on {date}", product.sku());
                            assert_eq!(summary.gross, quote.gross, "{} on {date}", product.sku());
                            compared += 1;
                        }
                        (Err(a), Err(b)) => assert_eq!(a, b),
                        (a, b) => panic!(
                            "{}: summary ok={} but quote {b:?}",
                            product.sku(),
                            a.is_ok()
                        ),
                    }
                }
            }
        }
        assert!(compared > 100, "only {compared} prices compared");
    }
}
