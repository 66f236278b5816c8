//! The catalogue file: one JSON document holding a whole catalogue (products, categories,
//! price lists, promotions), its stock and incoming supplies, its carriers and default payment
//! terms. The schema is in `docs/model/catalogue.md`; `tests/fixtures/catalogue.json` is a
//! sample.

use std::collections::HashSet;

use apkalpe_core::{Currency, RestoreError, VatRateTable};
use serde::{Deserialize, Serialize, Serializer};

use crate::catalogue::{Catalogue, CatalogueParts, CatalogueSource, restore_error};
use crate::category::{Category, CategoryTree};
use crate::code::{CarrierId, OrderReference};
use crate::delivery::{Carrier, CompletedDelivery, DeliveryPlanner, ScheduledDelivery, Values};
use crate::error::CatalogueError;
use crate::price::{PriceList, Promotion};
use crate::product::Product;
use crate::stock::{
    IncomingSupply, IncomingView, LevelsView, Reservation, ReservationsView, Stock, StockLevel,
};
use crate::terms::PaymentTerms;

/// The format tag every catalogue file starts with.
pub const CATALOGUE_FORMAT: &str = "apkalpe-catalogue/1";

fn default_currency() -> Currency {
    Currency::EUR
}

/// A catalogue file as read: the documented schema.
#[derive(Debug, Deserialize)]
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
    #[serde(default)]
    payment_terms: Option<PaymentTerms>,
    #[serde(default)]
    reservations: Vec<Reservation>,
    #[serde(default)]
    open_deliveries: Vec<ScheduledDelivery>,
    #[serde(default)]
    completed_deliveries: Vec<CompletedDelivery>,
    #[serde(default)]
    vat_table: Option<VatRateTable>,
}

/// A catalogue file as written: borrowed from a [`CatalogueFile`], field for field the
/// schema of [`CatalogueDocument`].
#[derive(Serialize)]
struct CatalogueDocumentView<'a, 'b> {
    format: &'static str,
    currency: Currency,
    catalogues: &'a [CatalogueSource],
    categories: &'a CategoryTree,
    products: &'a [Product],
    price_lists: &'a [PriceList],
    promotions: &'a [Promotion],
    stock: LevelsView<'a, 'b>,
    incoming: IncomingView<'a, 'b>,
    carriers: Values<'a, CarrierId, Carrier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_terms: Option<&'a PaymentTerms>,
    #[serde(skip_serializing_if = "ReservationsView::is_empty")]
    reservations: ReservationsView<'a, 'b>,
    #[serde(skip_serializing_if = "Values::is_empty")]
    open_deliveries: Values<'a, OrderReference, ScheduledDelivery>,
    #[serde(skip_serializing_if = "Values::is_empty")]
    completed_deliveries: Values<'a, OrderReference, CompletedDelivery>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vat_table: Option<&'a VatRateTable>,
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
/// assert_eq!(file.catalogue().search(&SearchQuery::text("mouse")).total(), 1);
/// assert_eq!(file.stock().on_hand(&"MOUSE-1".parse()?), Quantity::from_whole(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// One format: serde reads and writes the catalogue file of `docs/model/catalogue.md`
/// (`"format": "apkalpe-catalogue/1"`), the same document as [`CatalogueFile::from_json`] and
/// [`CatalogueFile::to_json`]. Besides the catalogue, its stock levels, incoming supplies,
/// carriers and payment terms, the file carries the day's work when there is any:
/// `"reservations"`, `"open_deliveries"` and `"completed_deliveries"` (the forms of [`Stock`] and
/// [`DeliveryPlanner`]), and `"vat_table"` when the catalogue has another table than the
/// Latvian one; a file without them is a file with none. Deserialising checks everything
/// [`CatalogueFile::from_json`] checks, refusing with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, Quantity};
/// use chrono::NaiveDate;
///
/// let mut file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let day = NaiveDate::from_ymd_opt(2026, 12, 7).ok_or("bad date")?;
/// file.stock_mut().reserve("PAS-1".parse()?, &"LAP-E14-G5".parse()?, Quantity::from_whole(1), day, day)?;
/// let json = serde_json::to_string(&file)?;
/// let restored: CatalogueFile = serde_json::from_str(&json)?;
/// assert_eq!(restored, file);
/// assert_eq!(CatalogueFile::from_json(&json)?, file);
///
/// let edited = json.replace(r#""reference":"PAS-1","sku":"LAP-E14-G5""#, r#""reference":"PAS-1","sku":"LAP-X""#);
/// let error = serde_json::from_str::<CatalogueFile>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.missing: cannot restore CatalogueFile: reservations:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// assert_eq!(file.catalogue().products().len(), 31);
/// let again = CatalogueFile::from_json(&file.to_json()?)?;
/// assert_eq!(again, file);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "CatalogueDocument")]
pub struct CatalogueFile {
    catalogue: Catalogue,
    stock: Stock,
    delivery: DeliveryPlanner,
    payment_terms: Option<PaymentTerms>,
}

impl Serialize for CatalogueFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalogue = &self.catalogue;
        let stock = self.stock.view();
        CatalogueDocumentView {
            format: CATALOGUE_FORMAT,
            currency: catalogue.currency(),
            catalogues: catalogue.sources(),
            categories: catalogue.categories(),
            products: catalogue.products(),
            price_lists: catalogue.price_lists(),
            promotions: catalogue.promotions(),
            stock: stock.levels(),
            incoming: stock.incoming(),
            carriers: self.delivery.saved_carriers(),
            payment_terms: self.payment_terms.as_ref(),
            reservations: stock.reservations(),
            open_deliveries: self.delivery.saved_open(),
            completed_deliveries: self.delivery.saved_completed(),
            vat_table: catalogue.custom_vat_table(),
        }
        .serialize(serializer)
    }
}

impl TryFrom<CatalogueDocument> for CatalogueFile {
    type Error = RestoreError;

    fn try_from(document: CatalogueDocument) -> Result<Self, Self::Error> {
        const WHAT: &str = "CatalogueFile";
        if document.format != CATALOGUE_FORMAT {
            return Err(RestoreError::invalid_with(
                WHAT,
                "format",
                "file.json",
                format_error(&document.format),
            )
            .with_latvian_reason(format_args!(
                "formāts ir {:?}, gaidīts {CATALOGUE_FORMAT:?}",
                document.format.chars().take(40).collect::<String>()
            )));
        }
        CatalogueFile::assemble(document).map_err(|error| restore_error(WHAT, error))
    }
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

/// Why a file's `format` is refused.
fn format_error(found: &str) -> String {
    format!(
        "format is {:?}, expected {CATALOGUE_FORMAT:?}",
        found.chars().take(40).collect::<String>()
    )
}

impl CatalogueFile {
    /// Loads a catalogue file from JSON text.
    ///
    /// # Errors
    ///
    /// - [`CatalogueError::Json`]: not JSON of the schema, an unknown field, another
    ///   `format`, or a value its type refuses (the reason says which).
    /// - The errors of [`Catalogue::try_new`] for the parts.
    /// - [`CatalogueError::UnknownSku`] for stock, a supply or a reservation of a SKU that is
    ///   not a product; [`CatalogueError::DuplicateId`] for a stock line repeated.
    /// - [`CatalogueError::Delivery`] for a carrier listed twice.
    /// - [`CatalogueError::Restore`] when the supplies, reservations or deliveries break what
    ///   [`Stock`] and [`DeliveryPlanner`] guarantee (see their saved forms): a quantity of
    ///   zero, a reference listed twice, more reserved than on hand and incoming, a delivery of
    ///   an unknown carrier or above its capacity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.catalogue().currency().to_string(), "EUR");
    /// assert_eq!(CatalogueFile::from_json("{").unwrap_err().code(), "file.json");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Self, CatalogueError> {
        let document: CatalogueDocument = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        if document.format != CATALOGUE_FORMAT {
            return Err(CatalogueError::Json {
                line: 1,
                column: 1,
                reason: format_error(&document.format),
            });
        }
        CatalogueFile::assemble(document)
    }

    /// Builds the file from its document: the catalogue through [`Catalogue::try_new`], the
    /// file's own cross-references, then the stock and the planner through their restores.
    fn assemble(document: CatalogueDocument) -> Result<Self, CatalogueError> {
        let mut parts = CatalogueParts::new(document.currency);
        parts.catalogues = document.catalogues;
        parts.categories = document.categories;
        parts.products = document.products;
        parts.price_lists = document.price_lists;
        parts.promotions = document.promotions;
        let mut catalogue = Catalogue::try_new(parts)?;
        if let Some(table) = document.vat_table {
            catalogue = catalogue.with_vat_table(table);
        }
        let mut seen = HashSet::new();
        for level in &document.stock {
            if catalogue.product(&level.sku).is_none() {
                return Err(CatalogueError::UnknownSku {
                    what: "stock",
                    id: level.location.to_string(),
                    sku: level.sku.clone(),
                });
            }
            if !seen.insert((&level.sku, &level.location)) {
                return Err(CatalogueError::DuplicateId {
                    what: "stock line",
                    id: format!("{} {}", level.sku, level.location),
                });
            }
        }
        for supply in &document.incoming {
            if catalogue.product(&supply.sku).is_none() {
                return Err(CatalogueError::UnknownSku {
                    what: "supply",
                    id: supply.reference.to_string(),
                    sku: supply.sku.clone(),
                });
            }
        }
        for reservation in &document.reservations {
            if catalogue.product(reservation.sku()).is_none() {
                return Err(CatalogueError::UnknownSku {
                    what: "reservation",
                    id: reservation.reference().to_string(),
                    sku: reservation.sku().clone(),
                });
            }
        }
        let stock = Stock::restore(document.stock, document.incoming, document.reservations)?;
        let mut delivery = DeliveryPlanner::try_new(document.carriers)?;
        delivery.restore_deliveries(document.open_deliveries, document.completed_deliveries)?;
        Ok(CatalogueFile {
            catalogue,
            stock,
            delivery,
            payment_terms: document.payment_terms,
        })
    }

    /// Writes the file as pretty JSON: the same document serde writes (see "Saved form"), so
    /// [`CatalogueFile::from_json`] reads back an equal file. Reservations and deliveries are
    /// written only when there are any.
    ///
    /// # Errors
    ///
    /// [`CatalogueError::Json`] if serialisation fails (it does not for values built by this
    /// crate).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let json = file.to_json()?;
    /// assert!(json.starts_with("{\n  \"format\": \"apkalpe-catalogue/1\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Result<String, CatalogueError> {
        serde_json::to_string_pretty(self).map_err(|e| json_error(&e))
    }

    /// Returns the catalogue.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert!(file.catalogue().product(&"LAP-E14-G5".parse()?).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Returns the stock.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.stock().on_hand(&"LAP-E14-G5".parse()?), Quantity::from_whole(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stock(&self) -> &Stock {
        &self.stock
    }

    /// Returns the stock to change it (reserve, fulfil).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = "LAP-E14-G5".parse()?;
    /// file.stock_mut().add_on_hand(&laptop, &"riga-central".parse()?, Quantity::from_whole(1))?;
    /// assert_eq!(file.stock().on_hand(&laptop), Quantity::from_whole(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stock_mut(&mut self) -> &mut Stock {
        &mut self.stock
    }

    /// Returns the delivery planner.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.delivery().carriers().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delivery(&self) -> &DeliveryPlanner {
        &self.delivery
    }

    /// Returns the delivery planner to schedule orders.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// file.delivery_mut().schedule(&Calendar::latvia(), "PAS-1".parse()?, &"courier".parse()?, Calendar::date(2026, 12, 7)?)?;
    /// assert_eq!(file.delivery().open_deliveries().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delivery_mut(&mut self) -> &mut DeliveryPlanner {
        &mut self.delivery
    }

    /// Returns the default payment terms.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert!(file.payment_terms().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_terms(&self) -> Option<&PaymentTerms> {
        self.payment_terms.as_ref()
    }

    /// Splits the file into its parts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let (catalogue, stock, delivery, terms) = file.into_parts();
    /// assert_eq!(catalogue.products().len(), 31);
    /// assert!(!stock.skus().is_empty() && delivery.carriers().count() == 2 && terms.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_parts(self) -> (Catalogue, Stock, DeliveryPlanner, Option<PaymentTerms>) {
        (
            self.catalogue,
            self.stock,
            self.delivery,
            self.payment_terms,
        )
    }
}
