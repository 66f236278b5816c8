//! The crate's root error, [`CatalogueError`], which every narrower error converts into.

use std::error::Error;
use std::fmt;

use apkalpe_core::{CalendarError, Currency, Language, LocalizedError, RestoreError};

use crate::category::CategoryPath;
use crate::code::{CatalogueId, ParseCodeError, Sku};
use crate::delivery::DeliveryError;
#[cfg(feature = "csv")]
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
    /// See [`ImportError`] (feature `csv`).
    #[cfg(feature = "csv")]
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueError, Sku};
    ///
    /// let error: CatalogueError = "".parse::<Sku>().unwrap_err().into();
    /// assert_eq!(error.code(), "code.empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
            #[cfg(feature = "csv")]
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

impl LocalizedError for CatalogueError {
    fn code(&self) -> &'static str {
        CatalogueError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use latvian::noun;
        match self {
            CatalogueError::Code(error) => return error.fmt_in(language, f),
            CatalogueError::Unit(error) => return error.fmt_in(language, f),
            CatalogueError::Quantity(error) => return error.fmt_in(language, f),
            CatalogueError::Product(error) => return error.fmt_in(language, f),
            CatalogueError::Pricing(error) => return error.fmt_in(language, f),
            CatalogueError::Quote(error) => return error.fmt_in(language, f),
            CatalogueError::Stock(error) => return error.fmt_in(language, f),
            CatalogueError::Delivery(error) => return error.fmt_in(language, f),
            CatalogueError::PaymentTerms(error) => return error.fmt_in(language, f),
            #[cfg(feature = "csv")]
            CatalogueError::Import(error) => return error.fmt_in(language, f),
            CatalogueError::Calendar(error) => return error.fmt_in(language, f),
            CatalogueError::Restore(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            CatalogueError::Json {
                line,
                column,
                reason,
            } => write!(
                f,
                "kataloga failā {line}. rindā, {column}. kolonnā: {reason}"
            ),
            CatalogueError::DuplicateSku { sku } => write!(f, "SKU {sku} ir norādīts divreiz"),
            CatalogueError::DuplicateId { what, id } => {
                let what = noun(what);
                write!(
                    f,
                    "{} {id} ir norādīt{} divreiz",
                    what.nominative,
                    what.ending()
                )
            }
            CatalogueError::UnknownCatalogue { sku, catalogue } => write!(
                f,
                "produkts {sku} ir katalogā {catalogue}, kura nav sarakstā"
            ),
            CatalogueError::UnknownCategory { what, id, category } => write!(
                f,
                "{} {id} norāda kategoriju {category}, kuras nav kategoriju kokā",
                noun(what).nominative
            ),
            CatalogueError::UnknownSku { what, id, sku } => write!(
                f,
                "{} {id} norāda SKU {sku}, bet tāda produkta nav",
                noun(what).nominative
            ),
            CatalogueError::MissingLatvianName { what, id } => write!(
                f,
                "{} {id} nosaukums nav norādīts latviešu valodā",
                noun(what).genitive
            ),
            CatalogueError::CurrencyMismatch {
                what,
                id,
                expected,
                found,
            } => write!(
                f,
                "{} {id} valūta ir {found}, bet kataloga valūta ir {expected}",
                noun(what).genitive
            ),
            CatalogueError::InvalidPage { number, size } => write!(
                f,
                "{number}. lappuse ar izmēru {size} ir ārpus robežām (numurs no 1, izmērs no 1 \
                 līdz 500)"
            ),
            // Handled above.
            _ => fmt::Display::fmt(self, f),
        }
    }
}

/// Recognises every error type of `apkalpe-catalogue` behind a `&dyn Error`: the crate's
/// [`ErrorDowncast`](apkalpe_core::ErrorDowncast), for
/// [`find_localized`](apkalpe_core::find_localized).
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_catalogue::{downcast_error, Sku};
/// use apkalpe_core::{find_localized, Language};
///
/// let boxed: Box<dyn Error> = Box::new("LAP 1".parse::<Sku>().unwrap_err());
/// let found = find_localized(&*boxed, &[downcast_error, apkalpe_core::downcast_error])
///     .ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "code.invalid_character");
/// assert_eq!(
///     found.message_in(Language::Latvian),
///     "SKU pozīcijā 3 ir neatļauta rakstzīme ' '"
/// );
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    use crate::*;
    apkalpe_core::downcast_localized!(
        error,
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
    )
    .or_else(|| downcast_import(error))
}

/// Recognises an `ImportError` (feature `csv`).
#[cfg(feature = "csv")]
fn downcast_import<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    apkalpe_core::downcast_localized!(error, ImportError)
}

/// Without the `csv` feature there is no import error to recognise.
#[cfg(not(feature = "csv"))]
fn downcast_import<'a>(_error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    None
}

/// Latvian words the crate's messages share: the names of the things an error's `what`
/// names, and nouns that agree with a count.
pub(crate) mod latvian {
    use apkalpe_core::CountNoun;

    /// A Latvian noun phrase in the two cases the messages use, and its gender.
    #[derive(Debug, Clone, Copy)]
    pub(crate) struct Noun {
        /// Nominative: "cenrādis".
        pub(crate) nominative: &'static str,
        /// Genitive: "cenrāža".
        pub(crate) genitive: &'static str,
        /// Feminine: "akcija".
        pub(crate) feminine: bool,
    }

    impl Noun {
        /// The ending of a past participle that agrees with the noun: `s` or `a`
        /// ("norādīts", "norādīta").
        pub(crate) fn ending(self) -> &'static str {
            if self.feminine { "a" } else { "s" }
        }
    }

    const fn m(nominative: &'static str, genitive: &'static str) -> Noun {
        Noun {
            nominative,
            genitive,
            feminine: false,
        }
    }

    const fn f(nominative: &'static str, genitive: &'static str) -> Noun {
        Noun {
            nominative,
            genitive,
            feminine: true,
        }
    }

    /// The Latvian noun for an error's `what` (`"price list"`, `"sku"`, …); an unknown one is
    /// shown as given.
    pub(crate) fn noun(what: &'static str) -> Noun {
        match what {
            "sku" => m("SKU", "SKU"),
            "supplier reference" => m("piegādātāja kods", "piegādātāja koda"),
            "catalogue id" => m("kataloga identifikators", "kataloga identifikatora"),
            "segment" => m("klientu segments", "klientu segmenta"),
            "attribute key" => f("atribūta atslēga", "atribūta atslēgas"),
            "price list id" => m("cenrāža identifikators", "cenrāža identifikatora"),
            "promotion id" => m("akcijas identifikators", "akcijas identifikatora"),
            "location id" => m("vietas identifikators", "vietas identifikatora"),
            "carrier id" => m("pārvadātāja identifikators", "pārvadātāja identifikatora"),
            "order reference" => m("pasūtījuma numurs", "pasūtījuma numura"),
            "category path" => m("kategorijas ceļš", "kategorijas ceļa"),
            "category depth" => m("kategorijas dziļums", "kategorijas dziļuma"),
            "catalogue" => m("katalogs", "kataloga"),
            "price list" => m("cenrādis", "cenrāža"),
            "promotion" => f("akcija", "akcijas"),
            "category" => f("kategorija", "kategorijas"),
            "product" => m("produkts", "produkta"),
            "stock" => f("krājumu rinda vietā", "krājumu rindas vietā"),
            "stock line" => f("krājumu rinda", "krājumu rindas"),
            "supply" => f("gaidāmā piegāde", "gaidāmās piegādes"),
            "reservation" => f("rezervācija", "rezervācijas"),
            "index beyond 4 294 967 295 items at" => m(
                "indekss aiz 4 294 967 295 vienībām pozīcijā",
                "indeksa aiz 4 294 967 295 vienībām pozīcijā",
            ),
            other => m(other, other),
        }
    }

    /// Characters, nominative: "ir 41 rakstzīme".
    pub(crate) const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīme", "rakstzīmes");
    /// Digits, nominative: "4 cipari".
    pub(crate) const DIGITS: CountNoun<'static> = CountNoun::new("cipars", "cipari");
}
