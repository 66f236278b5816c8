//! Search (T1.4, T1.8): text, category, attribute and price filters over the indexed
//! catalogue, in stable pages.

use apkalpe_core::Money;

use super::Catalogue;
use crate::search::{SearchHit, SearchQuery, SearchResults, StatusFilter};
use crate::unit::Quantity;

impl Catalogue {
    /// Searches the catalogue (T1.4, T1.8); see "The search rule" in the crate docs.
    ///
    /// # Examples
    ///
    /// See [`Catalogue`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, SearchQuery};
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let found = file.catalogue().search(&SearchQuery::text("klepjdators").in_category("it/laptops".parse()?));
    /// assert_eq!(found.total(), 4); // the discontinued one is left out
    /// assert!(found.render(Language::English).starts_with("4 results for"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
}
