//! The crate's root error, [`CatalogueError`], which every narrower error converts into.

use apkalpe_core::{CalendarError, Currency, HasCode, RestoreError};

use crate::category::CategoryPath;
use crate::code::{CatalogueId, ParseCodeError, Sku};
use crate::delivery::DeliveryError;
use crate::import::ImportError;
use crate::price::{PricingError, QuoteError};
use crate::product::ProductError;
use crate::stock::StockError;
use crate::terms::PaymentTermsError;
use crate::unit::{ParseUnitOfMeasureError, QuantityError};

/// Any error of `apkalpe-catalogue`.
///
/// Functions return the narrow error of their operation ([`QuoteError`], [`StockError`], …)
/// so callers can branch on it; `CatalogueError` gathers them for callers that pass errors on
/// with `?`, and adds the errors of building a catalogue from its parts. Every error has a
/// stable code from [`CatalogueError::code`], the same as the narrow error's own `code()`.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let error = CatalogueFile::from_json("{\"format\": \"other/9\"}").unwrap_err();
/// assert_eq!(error.code(), "file.json");
/// let error = CatalogueFile::from_json("[").unwrap_err();
/// assert_eq!(error.code(), "file.json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// See [`ParseCodeError`].
    #[error(transparent)]
    Code(#[from] ParseCodeError),
    /// See [`ParseUnitOfMeasureError`].
    #[error(transparent)]
    Unit(#[from] ParseUnitOfMeasureError),
    /// See [`QuantityError`].
    #[error(transparent)]
    Quantity(#[from] QuantityError),
    /// See [`ProductError`].
    #[error(transparent)]
    Product(#[from] ProductError),
    /// See [`PricingError`].
    #[error(transparent)]
    Pricing(#[from] PricingError),
    /// See [`QuoteError`].
    #[error(transparent)]
    Quote(#[from] QuoteError),
    /// See [`StockError`].
    #[error(transparent)]
    Stock(#[from] StockError),
    /// See [`DeliveryError`].
    #[error(transparent)]
    Delivery(#[from] DeliveryError),
    /// See [`PaymentTermsError`].
    #[error(transparent)]
    PaymentTerms(#[from] PaymentTermsError),
    /// See [`ImportError`].
    #[error(transparent)]
    Import(#[from] ImportError),
    /// See [`CalendarError`].
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A catalogue file is not valid JSON of the documented schema, or a value in it breaks
    /// its type's rule (the reason names it).
    #[error("catalogue file at line {line}, column {column}: {reason}")]
    Json {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong, as serde and the value's constructor say it.
        reason: String,
    },
    /// Two products have the same SKU.
    #[error("sku {sku} is listed twice")]
    DuplicateSku {
        /// The SKU.
        sku: Sku,
    },
    /// Two catalogues, price lists or promotions have the same id.
    #[error("{what} {id} is listed twice")]
    DuplicateId {
        /// `catalogue`, `price list`, `promotion`, `category`.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A product names a catalogue that is not listed.
    #[error("product {sku} is in catalogue {catalogue}, which is not listed")]
    UnknownCatalogue {
        /// The product.
        sku: Sku,
        /// The catalogue.
        catalogue: CatalogueId,
    },
    /// A product, promotion or category names a category that is not in the tree.
    #[error("{what} {id} names category {category}, which is not in the tree")]
    UnknownCategory {
        /// `product`, `promotion` or `category` (a missing parent).
        what: &'static str,
        /// The id of the one that names it.
        id: String,
        /// The category.
        category: CategoryPath,
    },
    /// A price list, promotion, stock line or supply names a SKU that is not a product.
    #[error("{what} {id} names sku {sku}, which is not a product")]
    UnknownSku {
        /// `price list`, `promotion`, `stock`, `supply`.
        what: &'static str,
        /// The id of the one that names it.
        id: String,
        /// The SKU.
        sku: Sku,
    },
    /// A catalogue or category name has no Latvian text.
    #[error("{what} {id} has no latvian name")]
    MissingLatvianName {
        /// `catalogue` or `category`.
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// A price list or promotion amount is not in the catalogue's currency.
    #[error("{what} {id} is in {found}, the catalogue is in {expected}")]
    CurrencyMismatch {
        /// `price list` or `promotion`.
        what: &'static str,
        /// Its id.
        id: String,
        /// The catalogue's currency.
        expected: Currency,
        /// The currency found.
        found: Currency,
    },
    /// A page number or size is out of range.
    #[error("page {number} of size {size} is out of range (number from 1, size 1 to 500)")]
    InvalidPage {
        /// The page number.
        number: usize,
        /// The page size.
        size: usize,
    },
    /// A saved value (a catalogue file's reservations or deliveries, a stock, a planner) breaks
    /// an invariant of its type; the code is the restore code (`restore.duplicate`, …).
    #[error(transparent)]
    Restore(#[from] RestoreError),
}

impl CatalogueError {
    /// Returns the stable error code, such as `quote.no_price` or `stock.insufficient`.
    /// Codes are never renamed or reused.
    pub fn code(&self) -> &'static str {
        match self {
            CatalogueError::Code(error) => error.code(),
            CatalogueError::Unit(error) => error.code(),
            CatalogueError::Quantity(error) => error.code(),
            CatalogueError::Product(error) => error.code(),
            CatalogueError::Pricing(error) => error.code(),
            CatalogueError::Quote(error) => error.code(),
            CatalogueError::Stock(error) => error.code(),
            CatalogueError::Delivery(error) => error.code(),
            CatalogueError::PaymentTerms(error) => error.code(),
            CatalogueError::Import(error) => error.code(),
            CatalogueError::Calendar(error) => error.code(),
            CatalogueError::Json { .. } => "file.json",
            CatalogueError::DuplicateSku { .. } => "catalogue.duplicate_sku",
            CatalogueError::DuplicateId { .. } => "catalogue.duplicate_id",
            CatalogueError::UnknownCatalogue { .. } => "catalogue.unknown_catalogue",
            CatalogueError::UnknownCategory { .. } => "catalogue.unknown_category",
            CatalogueError::UnknownSku { .. } => "catalogue.unknown_sku",
            CatalogueError::MissingLatvianName { .. } => "catalogue.missing_latvian_name",
            CatalogueError::CurrencyMismatch { .. } => "catalogue.currency_mismatch",
            CatalogueError::InvalidPage { .. } => "search.invalid_page",
            CatalogueError::Restore(error) => error.code(),
        }
    }
}

macro_rules! has_code {
    ($($error:ty),* $(,)?) => {
        $(impl HasCode for $error {
            fn code(&self) -> &'static str {
                <$error>::code(self)
            }
        })*
    };
}

has_code!(
    CatalogueError,
    ParseCodeError,
    ParseUnitOfMeasureError,
    QuantityError,
    ProductError,
    PricingError,
    QuoteError,
    StockError,
    DeliveryError,
    PaymentTermsError,
    ImportError,
);
