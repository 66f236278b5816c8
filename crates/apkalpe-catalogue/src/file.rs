//! The catalogue file: one JSON document holding a whole catalogue (products, categories,
//! price lists, promotions), its stock and incoming supplies, its carriers and default payment
//! terms. The schema is in `docs/model/catalogue.md`; `tests/fixtures/catalogue.json` is a
//! sample.

use std::collections::HashSet;

use apkalpe_core::Currency;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, CatalogueParts, CatalogueSource};
use crate::category::Category;
use crate::delivery::{Carrier, DeliveryPlanner};
use crate::error::CatalogueError;
use crate::price::{PriceList, Promotion};
use crate::product::Product;
use crate::stock::{IncomingSupply, Stock, StockLevel};
use crate::terms::PaymentTerms;

/// The format tag every catalogue file starts with.
pub const CATALOGUE_FORMAT: &str = "apkalpe-catalogue/1";

fn default_currency() -> Currency {
    Currency::EUR
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueDocument {
    format: String,
    #[serde(default = "default_currency")]
    currency: Currency,
    catalogues: Vec<CatalogueSource>,
    categories: Vec<Category>,
    products: Vec<Product>,
    #[serde(default)]
    price_lists: Vec<PriceList>,
    #[serde(default)]
    promotions: Vec<Promotion>,
    #[serde(default)]
    stock: Vec<StockLevel>,
    #[serde(default)]
    incoming: Vec<IncomingSupply>,
    #[serde(default)]
    carriers: Vec<Carrier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payment_terms: Option<PaymentTerms>,
}

/// A loaded catalogue file: the [`Catalogue`], its [`Stock`], its [`DeliveryPlanner`] and its
/// default [`PaymentTerms`].
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity, SearchQuery};
///
/// let json = r#"{
///   "format": "apkalpe-catalogue/1",
///   "catalogues": [{"id": "own", "name": {"lv": "Mūsu"}, "origin": "own"}],
///   "categories": [{"path": "it", "name": {"lv": "IT"}}],
///   "products": [{"sku": "MOUSE-1", "kind": "goods", "catalogue": "own",
///                 "name": {"lv": "Pele", "en": "Mouse"}, "category": "it"}],
///   "price_lists": [{"id": "base", "currency": "EUR", "valid_from": "2026-01-01",
///                    "entries": [{"sku": "MOUSE-1", "unit_price": {"amount": "20.00", "currency": "EUR"}}]}],
///   "stock": [{"sku": "MOUSE-1", "location": "riga", "on_hand": "3"}]
/// }"#;
/// let file = CatalogueFile::from_json(json)?;
/// assert_eq!(file.catalogue().search(&SearchQuery::text("mouse")).total, 1);
/// assert_eq!(file.stock().on_hand(&"MOUSE-1".parse()?), Quantity::from_whole(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CatalogueFile {
    catalogue: Catalogue,
    stock: Stock,
    delivery: DeliveryPlanner,
    payment_terms: Option<PaymentTerms>,
}

fn json_error(error: &serde_json::Error) -> CatalogueError {
    let message = error.to_string();
    let reason = match message.rfind(" at line ") {
        Some(cut) => message.get(..cut).unwrap_or(&message).to_owned(),
        None => message,
    };
    CatalogueError::Json {
        line: error.line(),
        column: error.column(),
        reason,
    }
}

impl CatalogueFile {
    /// Loads a catalogue file from JSON text.
    ///
    /// # Errors
    ///
    /// - [`CatalogueError::Json`]: not JSON of the schema, an unknown field, another
    ///   `format`, or a value its type refuses (the reason says which).
    /// - The errors of [`Catalogue::try_new`] for the parts.
    /// - [`CatalogueError::UnknownSku`] for stock or a supply of a SKU that is not a product;
    ///   [`CatalogueError::DuplicateId`] for a stock line repeated.
    /// - [`CatalogueError::Stock`], [`CatalogueError::Delivery`] as the stock and planner
    ///   refuse them.
    pub fn from_json(text: &str) -> Result<Self, CatalogueError> {
        let document: CatalogueDocument = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        if document.format != CATALOGUE_FORMAT {
            return Err(CatalogueError::Json {
                line: 1,
                column: 1,
                reason: format!(
                    "format is {:?}, expected {CATALOGUE_FORMAT:?}",
                    document.format.chars().take(40).collect::<String>()
                ),
            });
        }
        let mut parts = CatalogueParts::new(document.currency);
        parts.catalogues = document.catalogues;
        parts.categories = document.categories;
        parts.products = document.products;
        parts.price_lists = document.price_lists;
        parts.promotions = document.promotions;
        let catalogue = Catalogue::try_new(parts)?;
        let mut stock = Stock::new();
        let mut seen = HashSet::new();
        for level in document.stock {
            if catalogue.product(&level.sku).is_none() {
                return Err(CatalogueError::UnknownSku {
                    what: "stock",
                    id: level.location.to_string(),
                    sku: level.sku,
                });
            }
            if !seen.insert((level.sku.clone(), level.location.clone())) {
                return Err(CatalogueError::DuplicateId {
                    what: "stock line",
                    id: format!("{} {}", level.sku, level.location),
                });
            }
            if !level.on_hand.is_zero() {
                stock.add_on_hand(&level.sku, &level.location, level.on_hand)?;
            }
        }
        for supply in document.incoming {
            if catalogue.product(&supply.sku).is_none() {
                return Err(CatalogueError::UnknownSku {
                    what: "supply",
                    id: supply.reference.to_string(),
                    sku: supply.sku,
                });
            }
            stock.expect_supply(supply)?;
        }
        let delivery = DeliveryPlanner::try_new(document.carriers)?;
        Ok(CatalogueFile {
            catalogue,
            stock,
            delivery,
            payment_terms: document.payment_terms,
        })
    }

    /// Writes the file back as pretty JSON (no reservations or deliveries: those are the
    /// day's work, not the catalogue).
    ///
    /// # Errors
    ///
    /// [`CatalogueError::Json`] if serialisation fails (it does not for values built by this
    /// crate).
    pub fn to_json(&self) -> Result<String, CatalogueError> {
        let catalogue = &self.catalogue;
        let mut stock = Vec::new();
        let mut incoming = Vec::new();
        for sku in self.stock.skus() {
            for supply in self.stock.supplies(sku) {
                incoming.push(supply.clone());
            }
            for (location, on_hand) in self.stock.levels(sku) {
                stock.push(StockLevel {
                    sku: sku.clone(),
                    location: location.clone(),
                    on_hand,
                });
            }
        }
        let document = CatalogueDocument {
            format: CATALOGUE_FORMAT.to_owned(),
            currency: catalogue.currency(),
            catalogues: catalogue.sources().to_vec(),
            categories: catalogue.categories().iter().cloned().collect(),
            products: catalogue.products().to_vec(),
            price_lists: catalogue.price_lists().to_vec(),
            promotions: catalogue.promotions().to_vec(),
            stock,
            incoming,
            carriers: self.delivery.carriers().cloned().collect(),
            payment_terms: self.payment_terms.clone(),
        };
        serde_json::to_string_pretty(&document).map_err(|e| json_error(&e))
    }

    /// Returns the catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Returns the stock.
    pub fn stock(&self) -> &Stock {
        &self.stock
    }

    /// Returns the stock to change it (reserve, fulfil).
    pub fn stock_mut(&mut self) -> &mut Stock {
        &mut self.stock
    }

    /// Returns the delivery planner.
    pub fn delivery(&self) -> &DeliveryPlanner {
        &self.delivery
    }

    /// Returns the delivery planner to schedule orders.
    pub fn delivery_mut(&mut self) -> &mut DeliveryPlanner {
        &mut self.delivery
    }

    /// Returns the default payment terms.
    pub fn payment_terms(&self) -> Option<&PaymentTerms> {
        self.payment_terms.as_ref()
    }

    /// Splits the file into its parts.
    pub fn into_parts(self) -> (Catalogue, Stock, DeliveryPlanner, Option<PaymentTerms>) {
        (
            self.catalogue,
            self.stock,
            self.delivery,
            self.payment_terms,
        )
    }
}
