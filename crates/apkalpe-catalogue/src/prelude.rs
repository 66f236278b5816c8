//! What a program that embeds the crate uses, in one import:
//! `use apkalpe_catalogue::prelude::*;`.
//!
//! This is the way to import the crate. Most names are the crate's own. Two names are used by
//! other Apkalpe crates too, so the prelude exports them under a name that says which one this
//! is; a program can then glob-import the preludes of several crates without a clash:
//!
//! | here | the crate's own name | also in |
//! |---|---|---|
//! | [`CatalogueQuantity`] | [`Quantity`](crate::Quantity) | `apkalpe-accounting` (an invoice line's quantity) |
//! | [`PromotionDiscount`] | [`Discount`](crate::Discount) | `apkalpe-payments` (a discount on a receipt line) |
//!
//! [`Sku`] keeps its name: it is the catalogue's own product code, and `apkalpe-clients`
//! exports its free-text product code as `NeedSku`. The crate's own names stay at its root
//! (`apkalpe_catalogue::Quantity`); use them by path when that reads better. The prelude also
//! brings core's [`LocalizedError`], so `code()` and `message_in(Language)` work on every
//! error without a further import.
//!
//! # Examples
//!
//! ```
//! use apkalpe_catalogue::prelude::*;
//! use apkalpe_core::{Calendar, Language};
//!
//! let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
//! let today = Calendar::date(2026, 12, 7)?;
//! let laptop: Sku = "LAP-E14-G5".parse()?;
//! let quote = file.catalogue().quote(&laptop, CatalogueQuantity::from_whole(1), None, today)?;
//! assert_eq!(quote.gross().to_string(), "815.66 EUR");
//!
//! let error = file
//!     .catalogue()
//!     .quote(&"NONE-1".parse()?, CatalogueQuantity::from_whole(1), None, today)
//!     .unwrap_err();
//! assert_eq!(error.code(), "quote.unknown_product");
//! assert_eq!(error.message_in(Language::Latvian), "nav produkta NONE-1");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use apkalpe_core::LocalizedError;

pub use crate::{
    AttributeCondition, AttributeKey, AttributeRequirement, Availability, Budget, Carrier,
    CarrierId, Catalogue, CatalogueError, CatalogueId, CatalogueOrigin, CatalogueParts,
    CatalogueSource, Category, CategoryPath, CategoryTree, ChangeNotice, ClientSegment,
    Combination, DeliveryError, DeliveryPlanner, DeliveryWindow, DueRule, EarlyPaymentDiscount,
    IncomingSupply, InstalmentPlan, LocationId, NeedQuery, OrderReference, Page, PaymentSchedule,
    PaymentTerms, PaymentTermsError, PriceEntry, PriceList, PriceListId, PriceQuote, PricingError,
    Product, ProductError, ProductInput, ProductKind, ProductStatus, Promotion, PromotionId,
    PromotionTarget, QuoteError, Recommendations, Reservation, ScheduledDelivery, SearchQuery,
    SearchResults, ServiceDuration, Sku, Stock, StockError, UnitOfMeasure, downcast_error,
    recommend, service_completion,
};

#[cfg(feature = "serde")]
pub use crate::CatalogueFile;

#[cfg(feature = "csv")]
pub use crate::{CsvOptions, ImportError, import_price_lists_csv, import_products_csv};

/// A quantity of a product in its unit: [`Quantity`](crate::Quantity), named so it does not
/// clash with `apkalpe_accounting::Quantity`.
pub use crate::Quantity as CatalogueQuantity;

/// A promotion's discount per unit: [`Discount`](crate::Discount), named so it does not clash
/// with `apkalpe_payments::Discount`.
pub use crate::Discount as PromotionDiscount;
