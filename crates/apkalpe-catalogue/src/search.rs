//! Catalogue search (T1.4, T1.8): text in any of the four languages ignoring case and
//! diacritics, category subtree, attributes, price range, stable pagination.
//!
//! # The search rule
//!
//! The text is split into words after [normalisation](crate) (lower case, diacritics
//! removed); a product matches when every word is the start of a word of its SKU, names,
//! descriptions, tags, attribute values or supplier reference, in any language ("klepj"
//! finds "Klēpjdators", "lap e14" finds "LAP-E14-G5"). Empty text matches every product.
//! Results are ordered by SKU, except that a product whose SKU equals the text (ignoring case)
//! comes first; the order is total, so pages never overlap or skip a product.

use std::fmt::{self, Write as _};

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language, Money};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::category::CategoryPath;
use crate::code::{CatalogueId, ClientSegment};
use crate::error::CatalogueError;
use crate::product::{AttributeRequirement, Product};
use crate::text::{normalize, words};

/// A page of results: its number from 1 and its size, 1–500.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::Page;
///
/// let second = Page::try_new(2, 20)?;
/// assert_eq!(second.offset(), 20);
/// assert!(Page::try_new(0, 20).is_err());
/// # Ok::<(), apkalpe_catalogue::CatalogueError>(())
/// ```
///
/// Saved as `{"number": 2, "size": 20}`; deserialising goes through [`Page::try_new`] and
/// refuses a page out of range with a [`RestoreError`](apkalpe_core::RestoreError).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PageRecord"))]
pub struct Page {
    number: usize,
    size: usize,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Page`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PageRecord {
    number: usize,
    size: usize,
}

#[cfg(feature = "serde")]
impl TryFrom<PageRecord> for Page {
    type Error = RestoreError;

    fn try_from(record: PageRecord) -> Result<Self, Self::Error> {
        let field = if record.number == 0 { "number" } else { "size" };
        Page::try_new(record.number, record.size)
            .map_err(|error| RestoreError::invalid("Page", field, error))
    }
}

impl Default for Page {
    /// The first page of 20.
    fn default() -> Self {
        Page {
            number: 1,
            size: 20,
        }
    }
}

impl Page {
    /// The largest page size.
    pub const MAX_SIZE: usize = 500;

    /// Creates a page.
    ///
    /// # Errors
    ///
    /// [`CatalogueError::InvalidPage`] for number 0 or a size outside 1–500.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Page;
    ///
    /// let second = Page::try_new(2, 20)?;
    /// assert_eq!(second.offset(), 20);
    /// assert_eq!(Page::try_new(0, 20).unwrap_err().code(), "search.invalid_page");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(number: usize, size: usize) -> Result<Self, CatalogueError> {
        if number == 0 || size == 0 || size > Page::MAX_SIZE {
            return Err(CatalogueError::InvalidPage { number, size });
        }
        Ok(Page { number, size })
    }

    /// Returns the page number, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::Page::try_new(3, 10)?.number(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> usize {
        self.number
    }

    /// Returns the page size.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::Page::try_new(3, 10)?.size(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn size(&self) -> usize {
        self.size
    }

    /// Returns how many results come before the page.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::Page::try_new(3, 10)?.offset(), 20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn offset(&self) -> usize {
        self.number.saturating_sub(1).saturating_mul(self.size)
    }
}

/// Which statuses a search finds.
///
/// Serialised as `"ActiveOnly"` or `"All"` (the form it has always had); read back from that
/// form or the snake_case one (`"active_only"`, `"all"`).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, SearchQuery, StatusFilter};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let query = SearchQuery::text("asus");
/// assert_eq!(file.catalogue().search(&query).total(), 0);
/// assert_eq!(file.catalogue().search(&query.with_statuses(StatusFilter::All)).total(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub enum StatusFilter {
    /// Active products only.
    #[default]
    #[cfg_attr(feature = "serde", serde(alias = "active_only"))]
    ActiveOnly,
    /// Active and discontinued products.
    #[cfg_attr(feature = "serde", serde(alias = "all"))]
    All,
}

/// Prices to show with the results, and optionally a range they must fall in: the net unit
/// price of a one-unit quote (after promotions) for a segment on a date.
///
/// Built by [`SearchQuery::priced_on`] and [`SearchQuery::priced_between`], which check
/// nothing beyond the fields' types, so it deserialises from the form it serialises to.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let under_10 = SearchQuery::text("").priced_between(None, Some(Money::new(dec!(10), Currency::EUR)), Calendar::date(2026, 12, 7)?, None);
/// let found = file.catalogue().search(&under_10);
/// assert!(found.hits().iter().all(|h| h.unit_price().is_some_and(|p| p.amount() <= dec!(10))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceFilter {
    pub(crate) date: NaiveDate,
    pub(crate) segment: Option<ClientSegment>,
    pub(crate) min: Option<Money>,
    pub(crate) max: Option<Money>,
}

/// A catalogue search: text and filters, built step by step.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Page, SearchQuery};
///
/// let query = SearchQuery::text("klepjdators")
///     .in_category("it".parse()?)
///     .on_page(Page::try_new(1, 10)?);
/// assert_eq!(query.text_value(), "klepjdators");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    text: String,
    catalogue: Option<CatalogueId>,
    category: Option<CategoryPath>,
    attributes: Vec<AttributeRequirement>,
    price: Option<PriceFilter>,
    statuses: StatusFilter,
    page: Page,
}

impl SearchQuery {
    /// A search for `text` (empty: every product), first page of 20, active products only.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// // Case and diacritics do not matter.
    /// assert_eq!(file.catalogue().search(&SearchQuery::text("KLĒPJDATORS")).total(), file.catalogue().search(&SearchQuery::text("klepjdators")).total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }

    /// Returns the text searched for.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::SearchQuery::text("pele").text_value(), "pele");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text_value(&self) -> &str {
        &self.text
    }

    /// Only products of one catalogue.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let partner = file.catalogue().search(&SearchQuery::text("").in_catalogue("ergo-partner".parse()?));
    /// assert!(partner.hits().iter().all(|h| h.product().catalogue().as_str() == "ergo-partner"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_catalogue(mut self, catalogue: CatalogueId) -> Self {
        self.catalogue = Some(catalogue);
        self
    }

    /// Only products in a category or under it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let monitors = file.catalogue().search(&SearchQuery::text("").in_category("it/monitors".parse()?));
    /// assert_eq!(monitors.total(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_category(mut self, category: CategoryPath) -> Self {
        self.category = Some(category);
        self
    }

    /// Only products that meet a requirement (several: all of them).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, CatalogueFile, SearchQuery};
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let query = SearchQuery::text("").in_category("it/laptops".parse()?)
    ///     .with_attribute(AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16))));
    /// assert!(file.catalogue().search(&query).hits().iter().any(|h| h.product().sku().as_str() == "LAP-E14-G5"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_attribute(mut self, requirement: AttributeRequirement) -> Self {
        self.attributes.push(requirement);
        self
    }

    /// Shows each result's net unit price on `date` for `segment`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("ThinkPad").priced_on(Calendar::date(2026, 12, 7)?, None));
    /// assert_eq!(found.hits()[0].unit_price().map(|p| p.to_string()), Some("674.10 EUR".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn priced_on(mut self, date: NaiveDate, segment: Option<ClientSegment>) -> Self {
        let (min, max) = self.price.as_ref().map_or((None, None), |p| (p.min, p.max));
        self.price = Some(PriceFilter {
            date,
            segment,
            min,
            max,
        });
        self
    }

    /// Only products whose net unit price on `date` for `segment` lies in `min..=max` (either
    /// bound may be open); products without a price are left out.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let eur = |n| Money::new(n, Currency::EUR);
    /// let query = SearchQuery::text("").in_category("it/laptops".parse()?)
    ///     .priced_between(Some(eur(dec!(600))), Some(eur(dec!(700))), Calendar::date(2026, 12, 7)?, None);
    /// assert!(file.catalogue().search(&query).hits().iter().all(|h| h.unit_price().is_some()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn priced_between(
        mut self,
        min: Option<Money>,
        max: Option<Money>,
        date: NaiveDate,
        segment: Option<ClientSegment>,
    ) -> Self {
        self.price = Some(PriceFilter {
            date,
            segment,
            min,
            max,
        });
        self
    }

    /// Which statuses to find.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery, StatusFilter};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let all = SearchQuery::text("").with_statuses(StatusFilter::All);
    /// assert_eq!(file.catalogue().search(&all).total(), 31);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_statuses(mut self, statuses: StatusFilter) -> Self {
        self.statuses = statuses;
        self
    }

    /// Which page to return.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Page, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let second = file.catalogue().search(&SearchQuery::text("").on_page(Page::try_new(2, 10)?));
    /// assert_eq!(second.hits().len(), 10);
    /// assert_eq!(second.page_count(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn on_page(mut self, page: Page) -> Self {
        self.page = page;
        self
    }

    pub(crate) fn catalogue(&self) -> Option<&CatalogueId> {
        self.catalogue.as_ref()
    }

    pub(crate) fn category(&self) -> Option<&CategoryPath> {
        self.category.as_ref()
    }

    pub(crate) fn attributes(&self) -> &[AttributeRequirement] {
        &self.attributes
    }

    pub(crate) fn price(&self) -> Option<&PriceFilter> {
        self.price.as_ref()
    }

    pub(crate) fn statuses(&self) -> StatusFilter {
        self.statuses
    }

    pub(crate) fn page(&self) -> Page {
        self.page
    }
}

/// One search result: the product and, if the query asked for prices, its net unit price.
///
/// Produced by [`Catalogue::search`](crate::Catalogue::search) inside [`SearchResults`] and
/// read through its getters.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let found = file.catalogue().search(&SearchQuery::text("ThinkPad"));
/// assert_eq!(found.hits()[0].product().sku().as_str(), "LAP-E14-G5");
/// assert_eq!(found.hits()[0].unit_price(), None); // no price asked for
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct SearchHit<'a> {
    /// The product.
    pub(crate) product: &'a Product,
    /// Its net unit price on the query's date, if asked for and priced.
    pub(crate) unit_price: Option<Money>,
}

impl<'a> SearchHit<'a> {
    /// Returns the product.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("ThinkPad"));
    /// assert_eq!(found.hits()[0].product().sku().as_str(), "LAP-E14-G5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn product(&self) -> &'a Product {
        self.product
    }

    /// Returns the product's net unit price on the query's date, if the query asked for
    /// prices and the product has one then.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let query = SearchQuery::text("ThinkPad");
    /// let plain = file.catalogue().search(&query);
    /// let priced = file.catalogue().search(&query.priced_on(Calendar::date(2026, 12, 7)?, None));
    /// assert_eq!(plain.hits()[0].unit_price(), None); // no price asked for
    /// assert_eq!(priced.hits()[0].unit_price().map(|p| p.to_string()).as_deref(), Some("674.10 EUR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit_price(&self) -> Option<Money> {
        self.unit_price
    }
}

/// A page of search results and how many there are in all.
///
/// Produced by [`Catalogue::search`](crate::Catalogue::search) and read through its getters.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let found = file.catalogue().search(&SearchQuery::text("pele"));
/// assert_eq!(found.text(), "pele");
/// assert_eq!(found.page().number(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct SearchResults<'a> {
    /// The text searched for.
    pub(crate) text: String,
    /// How many products matched, on every page.
    pub(crate) total: usize,
    /// The page returned.
    pub(crate) page: Page,
    /// The products on the page.
    pub(crate) hits: Vec<SearchHit<'a>>,
}

impl<'a> SearchResults<'a> {
    /// Returns the text searched for.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("pele"));
    /// assert_eq!(found.text(), "pele");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns how many products matched, on every page.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Page, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("").on_page(Page::try_new(1, 5)?));
    /// assert_eq!(found.total(), 30);
    /// assert_eq!(found.hits().len(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> usize {
        self.total
    }

    /// Returns the page returned.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("pele"));
    /// assert_eq!(found.page().number(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn page(&self) -> Page {
        self.page
    }

    /// Returns the products on the page.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("ThinkPad"));
    /// assert_eq!(found.hits()[0].product().sku().as_str(), "LAP-E14-G5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hits(&self) -> &[SearchHit<'a>] {
        &self.hits
    }
}

impl SearchResults<'_> {
    /// Returns the number of pages (at least 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Page, SearchQuery};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("").on_page(Page::try_new(1, 5)?));
    /// assert_eq!(found.page_count(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn page_count(&self) -> usize {
        self.total.div_ceil(self.page.size()).max(1)
    }

    /// Renders the results as text in `language`: a heading whose count agrees in number
    /// ("1 rezultāts", "2 rezultāti"), then one line per product (SKU, name, category, the
    /// price as people in `language` write it, if asked for).
    ///
    /// # Examples
    ///
    /// See [`crate::Catalogue::search`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("ThinkPad"));
    /// assert!(found.render(Language::Latvian).starts_with("1 rezultāts meklējot \"ThinkPad\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        let (results, query, page, of) = match language {
            Language::Latvian => (
                CountNoun::new("rezultāts", "rezultāti"),
                "meklējot",
                "lapa",
                "no",
            ),
            Language::German => (CountNoun::new("Treffer", "Treffer"), "für", "Seite", "von"),
            Language::Russian => (
                CountNoun::with_few("результат", "результата", "результатов"),
                "по запросу",
                "страница",
                "из",
            ),
            Language::English => (CountNoun::new("result", "results"), "for", "page", "of"),
        };
        let _ = writeln!(
            out,
            "{} {query} \"{}\", {page} {} {of} {}",
            results.count_of(language, self.total),
            self.text,
            self.page.number(),
            self.page_count()
        );
        for hit in &self.hits {
            let product = hit.product;
            let price = hit
                .unit_price
                .map_or_else(|| "-".to_owned(), |p| p.to_localized_string(language));
            let _ = writeln!(
                out,
                "{:<14} {:<44} {:<20} {:>14}",
                product.sku().as_str(),
                product.name().get(language),
                product.category().as_str(),
                price,
            );
        }
        out
    }
}

impl fmt::Display for SearchResults<'_> {
    /// [`SearchResults::render`] in Latvian.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::Latvian))
    }
}

/// Prefix search over the normalised words of every product, built once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SearchIndex {
    /// Sorted by word; postings are sorted product indices.
    words: Vec<(Box<str>, Vec<u32>)>,
    products: usize,
}

fn product_text(product: &Product) -> String {
    let mut text = String::new();
    let mut add = |part: &str| {
        text.push_str(part);
        text.push(' ');
    };
    add(product.sku().as_str());
    for language in Language::ALL {
        if let Some(name) = product.name().exact(language) {
            add(name);
        }
        if let Some(description) = product.description().and_then(|d| d.exact(language)) {
            add(description);
        }
    }
    for tag in product.tags() {
        add(tag);
    }
    for value in product.attributes().values() {
        add(value);
    }
    if let Some(reference) = product.supplier_reference() {
        add(reference.as_str());
    }
    text
}

impl SearchIndex {
    /// Builds the index of `products` (their position is the product index).
    pub(crate) fn build(products: &[Product]) -> Self {
        let mut pairs: Vec<(Box<str>, u32)> = Vec::new();
        for (index, product) in products.iter().enumerate() {
            let Ok(index) = u32::try_from(index) else {
                break;
            };
            let normalized = normalize(&product_text(product));
            let mut own: Vec<&str> = words(&normalized).collect();
            own.sort_unstable();
            own.dedup();
            pairs.extend(own.into_iter().map(|word| (Box::from(word), index)));
        }
        pairs.sort_unstable();
        let mut grouped: Vec<(Box<str>, Vec<u32>)> = Vec::new();
        for (word, index) in pairs {
            match grouped.last_mut() {
                Some((last, postings)) if *last == word => postings.push(index),
                _ => grouped.push((word, vec![index])),
            }
        }
        SearchIndex {
            words: grouped,
            products: products.len(),
        }
    }

    /// Returns the sorted indices of the products matching every word of `text`, or `None`
    /// when the text has no words (every product matches).
    pub(crate) fn matching(&self, text: &str) -> Option<Vec<u32>> {
        let normalized = normalize(text);
        let mut terms: Vec<&str> = words(&normalized).collect();
        if terms.is_empty() {
            return None;
        }
        terms.sort_unstable();
        terms.dedup();
        let blocks = self.products.div_ceil(64);
        let mut result: Option<Vec<u64>> = None;
        for term in terms {
            let mut bits = vec![0_u64; blocks];
            let start = self.words.partition_point(|(word, _)| &**word < term);
            for (_, postings) in self
                .words
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|(word, _)| word.starts_with(term))
            {
                for index in postings {
                    let index = *index as usize;
                    if let Some(block) = bits.get_mut(index / 64) {
                        *block |= 1_u64 << (index % 64);
                    }
                }
            }
            result = Some(match result {
                None => bits,
                Some(mut acc) => {
                    for (a, b) in acc.iter_mut().zip(bits) {
                        *a &= b;
                    }
                    acc
                }
            });
        }
        let bits = result.unwrap_or_default();
        let mut out = Vec::new();
        for (block_index, block) in bits.into_iter().enumerate() {
            let mut block = block;
            while block != 0 {
                let bit = block.trailing_zeros() as usize;
                if let Ok(index) = u32::try_from(block_index * 64 + bit) {
                    out.push(index);
                }
                block &= block - 1;
            }
        }
        Some(out)
    }
}
