//! Products and services, catalogues, prices and promotions, payment terms, stock, delivery
//! schedules and recommendations: what a customer service specialist tells a client about the
//! organisation's range (*produktu katalogs*, *cenrādis*, *akcijas*, *apmaksas noteikumi*,
//! *krājumi*, *piegādes grafiks*).
//!
//! The specialist knows the lines of business, informs clients about products, prices and
//! payment terms, works with the organisation's and other catalogues, tells when a product can
//! be received and when a service will be done, draws up and monitors delivery schedules,
//! announces promotions and price changes, and helps clients choose the most suitable products.
//!
//! Serves: T1.1, T1.2, T1.3, T1.4, T1.5, T1.8, T1.9, T2.3, T2.4, T2.5, T4.5, T5.4, T5.6, T6.3,
//! S1, S4, S5, S9, S16, S31, S32 (task and scenario ids of the Apkalpe repository's
//! `docs/traceability.md`).
//!
//! The crate is pure: no I/O, no clock, no randomness. Dates (`today`), order references and
//! the calendar come in as arguments; CSV comes in through any `std::io::Read`, JSON as text.
//!
//! # Brief overview
//!
//! - [`Product`], [`ProductInput`], [`Sku`], [`UnitOfMeasure`], [`Quantity`], [`CategoryPath`],
//!   [`Category`], [`CategoryTree`]: products and services with names in four languages
//!   (Latvian required), UN/ECE Recommendation 20 units, VAT classes, the category tree of the
//!   lines of business.
//! - [`Catalogue`], [`CatalogueSource`], [`SearchQuery`], [`SearchResults`], [`Page`]: several
//!   catalogues (own, partners', suppliers') in one index; search by text in any language
//!   ignoring case and diacritics, by category subtree, attributes and price; stable pages.
//! - [`PriceList`], [`Promotion`], [`Catalogue::quote`], [`PriceQuote`],
//!   [`Catalogue::changes`]: effective-dated prices with quantity breaks and segments,
//!   promotions with a combination rule, quotes with every discount and VAT, change notices.
//! - [`PaymentTerms`], [`PaymentSchedule`]: prepayment, net N days, end of month + N, cash on
//!   delivery, early-payment discount, instalments that add up exactly.
//! - [`Stock`], [`Availability`]: stock per location, reservations with expiry, incoming
//!   supplies; "in stock", "from a date", "part now", "unavailable".
//! - [`DeliveryPlanner`], [`Carrier`], [`ScheduledDelivery`], [`service_completion`]: lead
//!   times in working days, capacity per day, promised dates, dispatch lists, late deliveries.
//! - [`recommend`], [`NeedQuery`], [`Recommendations`]: products ranked for a need with the
//!   reasons shown.
//! - `CatalogueFile` (feature `serde`), `import_products_csv` and `import_price_lists_csv`
//!   (feature `csv`): the JSON catalogue file and CSV imports, all or nothing.
//! - Saving and restoring (feature `serde`): every state type (`CatalogueFile`,
//!   [`Catalogue`], [`Stock`], [`DeliveryPlanner`], …) is `Serialize` and `Deserialize`;
//!   reading back runs the checks of
//!   its constructors and operations and refuses an illegal value with a
//!   [`RestoreError`](apkalpe_core::RestoreError). Operations are atomic (a refused one changes
//!   nothing); [`DeliveryPlanner::archive_before`] and [`Stock::expire`] keep the history
//!   bounded.
//! - [`CatalogueError`]: every error of the crate, each with a stable code.
//!
//! # Importing
//!
//! `use apkalpe_catalogue::prelude::*;` brings what an embedding program uses, the error
//! trait of core included. Two names clash with other Apkalpe crates and the prelude renames them:
//! [`Quantity`] is `CatalogueQuantity` (`apkalpe-accounting` has a `Quantity`), [`Discount`]
//! is `PromotionDiscount` (`apkalpe-payments` has a `Discount`); see [`prelude`].
//!
//! # Example
//!
//! ```
//! use apkalpe_catalogue::prelude::*;
//! use apkalpe_core::{Calendar, Currency, Language, Money};
//! use rust_decimal_macros::dec;
//!
//! let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
//! let today = Calendar::date(2026, 12, 7)?;
//!
//! // A quote with the winter promotion.
//! let quote = file.catalogue().quote(&"LAP-E14-G5".parse()?, CatalogueQuantity::from_whole(1), None, today)?;
//! assert_eq!(quote.discounts().len(), 1);
//! assert_eq!(quote.gross().to_string(), "815.66 EUR");
//!
//! // Laptops within 1 000 EUR with VAT, ready by 18 December, preferably with 16 GB.
//! let need = NeedQuery::new(CatalogueQuantity::from_whole(1))
//!     .in_category("it/laptops".parse()?)
//!     .with_budget(Budget::Gross(Money::new(dec!(1000), Currency::EUR)))
//!     .needed_by(Calendar::date(2026, 12, 18)?)
//!     .preferring(AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16))));
//! let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, today, 3)?;
//! assert!(found.render(Language::English).starts_with("1. LAP-E14-G5"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde` (on by default): `Serialize` and `Deserialize` for every value and state type,
//!   and the catalogue file (`CatalogueFile`, `CATALOGUE_FORMAT`), which is JSON. The JSON
//!   forms are part of the API; deserialising runs each type's checks and refuses a value
//!   edited into an illegal state with an [`apkalpe_core::RestoreError`]. Without it the crate
//!   has no serde or serde_json dependency of its own.
//! - `csv` (on by default): the CSV imports of products and price lists
//!   (`import_products_csv`, `import_price_lists_csv`, `CsvOptions`, `ImportError`). Without
//!   it the crate has no csv dependency; products and price lists are built with
//!   [`Product::try_from`] and [`PriceList::try_new`].
//!
//! # Further reading
//!
//! The Apkalpe repository's `docs/` folder (not needed to use this crate) explains the domain
//! model with worked numbers and the catalogue file's schema (`docs/model/catalogue.md`, with
//! the catalogue of error codes), the glossary of Latvian terms and the design decisions.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod catalogue;
mod category;
mod code;
mod delivery;
mod error;
#[cfg(feature = "serde")]
mod file;
#[cfg(feature = "csv")]
mod import;
pub mod prelude;
#[deny(clippy::arithmetic_side_effects)]
mod price;
mod product;
mod recommend;
mod search;
#[deny(clippy::arithmetic_side_effects)]
mod stock;
#[deny(clippy::arithmetic_side_effects)]
mod terms;
mod text;
#[deny(clippy::arithmetic_side_effects)]
mod unit;

pub use catalogue::{
    Catalogue, CatalogueOrigin, CatalogueParts, CatalogueSource, ChangeNotice, PriceChange,
    VatChange,
};
pub use category::{Category, CategoryPath, CategoryTree};
pub use code::{
    AttributeKey, CarrierId, CatalogueId, ClientSegment, LocationId, OrderReference,
    ParseCodeError, PriceListId, PromotionId, Sku, SupplierReference,
};
pub use delivery::{
    Carrier, CompletedDelivery, DeliveryError, DeliveryPlanner, DeliveryWindow,
    HOURS_PER_WORKING_DAY, LateDelivery, SCHEDULING_HORIZON_WORKING_DAYS, ScheduledDelivery,
    ServiceDuration, service_completion,
};
pub use error::{CatalogueError, downcast_error};
#[cfg(feature = "serde")]
pub use file::{CATALOGUE_FORMAT, CatalogueFile};
#[cfg(feature = "csv")]
pub use import::{
    CsvOptions, ImportError, ImportProblem, ImportReason, import_price_lists_csv,
    import_products_csv,
};
pub use price::{
    AppliedDiscount, Combination, Discount, PriceEntry, PriceList, PriceQuote, PriceSource,
    PricingError, Promotion, PromotionTarget, QuoteError,
};
pub use product::{
    AttributeCondition, AttributeRequirement, Product, ProductError, ProductInput, ProductKind,
    ProductStatus,
};
pub use recommend::{
    Budget, NeedQuery, Recommendation, RecommendationReason, Recommendations, recommend,
};
pub use search::{Page, PriceFilter, SearchHit, SearchQuery, SearchResults, StatusFilter};
pub use stock::{Availability, IncomingSupply, Reservation, Stock, StockError, StockLevel};
pub use terms::{
    DayCount, DueRule, EarlyPaymentDiscount, EarlyPaymentOffer, Instalment, InstalmentPlan,
    PaymentSchedule, PaymentTerms, PaymentTermsError,
};
pub use unit::{ParseUnitOfMeasureError, Quantity, QuantityError, UnitOfMeasure};
