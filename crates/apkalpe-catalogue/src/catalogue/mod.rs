//! The catalogue: products of several catalogues in one category tree, with their price lists
//! and promotions, indexed once for quotes and search (T1.1–T1.4, T1.8, T1.9).
//!
//! The type and its building are here; quotes, search, change notices and the saved form are
//! in the submodules of the same names.

mod changes;
mod quote;
#[cfg(feature = "serde")]
mod saved;
mod search;

pub use changes::{ChangeNotice, PriceChange, VatChange};
use quote::IndexedPrice;
#[cfg(feature = "serde")]
use saved::CatalogueRecord;
#[cfg(feature = "serde")]
pub(crate) use saved::restore_error;

use std::collections::{BTreeMap, HashMap};

use apkalpe_core::{Currency, Language, LocalizedText, VatRateTable};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::category::{Category, CategoryPath, CategoryTree, TreeProblem};
use crate::code::{CatalogueId, PriceListId, Sku};
use crate::error::CatalogueError;
use crate::price::{self, PriceList, Promotion, PromotionTarget};
use crate::product::Product;
use crate::search::SearchIndex;

/// Whose catalogue it is (T1.8: the specialist also informs about partners' and suppliers'
/// ranges).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, CatalogueOrigin};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let partner = &file.catalogue().sources()[0];
/// assert_eq!(partner.id().as_str(), "ergo-partner");
/// assert_eq!(partner.origin(), CatalogueOrigin::Partner);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CatalogueSource {
    id: CatalogueId,
    name: LocalizedText,
    origin: CatalogueOrigin,
}

impl CatalogueSource {
    /// Creates a catalogue source; its Latvian name is checked when the catalogue is built.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueOrigin, CatalogueSource};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let own = CatalogueSource::new("own".parse()?, LocalizedText::new(Language::Latvian, "Mūsu sortiments"), CatalogueOrigin::Own);
    /// assert_eq!(own.id().as_str(), "own");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: CatalogueId, name: LocalizedText, origin: CatalogueOrigin) -> Self {
        CatalogueSource { id, name, origin }
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let ids: Vec<&str> = file.catalogue().sources().iter().map(|s| s.id().as_str()).collect();
    /// assert_eq!(ids, ["ergo-partner", "office-supplier", "own"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &CatalogueId {
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
    /// let own = &file.catalogue().sources()[2];
    /// assert_eq!(own.name().get(Language::Latvian), "Mūsu sortiments");
    /// assert_eq!(own.name().get(Language::English), "Our range");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns whose catalogue it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, CatalogueOrigin};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.catalogue().sources()[2].origin(), CatalogueOrigin::Own);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn origin(&self) -> CatalogueOrigin {
        self.origin
    }
}

/// The parts a [`Catalogue`] is built from.
///
/// A plain record the caller fills in, with public fields: [`Catalogue::try_new`] checks it
/// (no SKU or id twice, every reference listed, Latvian names, one currency).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Catalogue, CatalogueFile, CatalogueParts};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// // The parts of a loaded catalogue build the same catalogue again.
/// let catalogue = file.catalogue();
/// let mut parts = CatalogueParts::new(catalogue.currency());
/// parts.catalogues = catalogue.sources().to_vec();
/// parts.categories = catalogue.categories().iter().cloned().collect();
/// parts.products = catalogue.products().to_vec();
/// parts.price_lists = catalogue.price_lists().to_vec();
/// parts.promotions = catalogue.promotions().to_vec();
/// assert_eq!(&Catalogue::try_new(parts)?, catalogue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Catalogue, CatalogueParts};
    /// use apkalpe_core::Currency;
    ///
    /// let empty = Catalogue::try_new(CatalogueParts::new(Currency::EUR))?;
    /// assert!(empty.products().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
/// assert_eq!(quote.gross().to_string(), "48.40 EUR");
///
/// let found = catalogue.search(&SearchQuery::text("PELE"));
/// assert_eq!(found.total(), 1);
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
/// exactly as a new one; its refusals come as a [`RestoreError`](apkalpe_core::RestoreError) (`restore.duplicate` for a SKU
/// or id listed twice, `restore.missing` for a reference to something not listed,
/// `restore.invalid` for a name without Latvian, `restore.inconsistent` for another currency).
///
/// Two catalogues are equal when they hold the same parts.
///
/// ```
/// use apkalpe_catalogue::{Catalogue, CatalogueFile};
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let json = serde_json::to_string(file.catalogue())?;
/// let restored: Catalogue = serde_json::from_str(&json)?;
/// assert_eq!(&restored, file.catalogue());
///
/// let edited = json.replace(r#""category":"it/laptops""#, r#""category":"it/tablets""#);
/// let error = serde_json::from_str::<Catalogue>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.missing: cannot restore Catalogue: products: product "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CatalogueRecord"))]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Catalogue, CatalogueFile, CatalogueParts};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let catalogue = file.catalogue();
    /// let mut parts = CatalogueParts::new(catalogue.currency());
    /// parts.products = catalogue.products().to_vec();
    /// // Products name catalogues and categories that these parts do not list.
    /// let error = Catalogue::try_new(parts).unwrap_err();
    /// assert_eq!(error.code(), "catalogue.unknown_catalogue");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::VatRateTable;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let catalogue = file.catalogue().clone().with_vat_table(VatRateTable::latvia());
    /// assert_eq!(&catalogue, file.catalogue());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_vat_table(mut self, table: VatRateTable) -> Self {
        self.vat_table = table;
        self
    }

    /// Returns the VAT table when it is not the Latvian one: what the saved form carries.
    #[cfg(feature = "serde")]
    pub(crate) fn custom_vat_table(&self) -> Option<&VatRateTable> {
        (self.vat_table != VatRateTable::latvia()).then_some(&self.vat_table)
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
    /// assert_eq!(file.catalogue().currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the catalogues in id order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.catalogue().sources().len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sources(&self) -> &[CatalogueSource] {
        &self.sources
    }

    /// Returns the category tree: the lines of business and their groups (T1.1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let tree = file.catalogue().categories();
    /// assert_eq!(tree.len(), 19);
    /// assert!(tree.contains(&"it/laptops".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn categories(&self) -> &CategoryTree {
        &self.categories
    }

    /// Returns every product in SKU order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let products = file.catalogue().products();
    /// assert_eq!(products.len(), 31);
    /// assert!(products.windows(2).all(|w| w[0].sku() < w[1].sku()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn products(&self) -> &[Product] {
        &self.products
    }

    /// Returns the product with `sku`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.category().as_str(), "it/laptops");
    /// assert!(file.catalogue().product(&"NONE-1".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn product(&self, sku: &Sku) -> Option<&Product> {
        self.by_sku
            .get(sku)
            .and_then(|index| self.products.get(*index as usize))
    }

    /// Returns the products in a category or under it, in SKU order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let furniture = file.catalogue().products_in(&"furniture".parse()?);
    /// let skus: Vec<&str> = furniture.iter().map(|p| p.sku().as_str()).collect();
    /// assert_eq!(skus, ["CHR-ERGO-1", "CHR-VISIT", "DSK-BASIC-120", "DSK-LIFT-160"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let ids: Vec<&str> = file.catalogue().price_lists().iter().map(|l| l.id().as_str()).collect();
    /// assert_eq!(ids, ["base-2026", "update-2027", "wholesale-2026"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn price_lists(&self) -> &[PriceList] {
        &self.price_lists
    }

    /// Returns the promotions in id order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.catalogue().promotions().len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotions(&self) -> &[Promotion] {
        &self.promotions
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
            CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json")).unwrap();
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
