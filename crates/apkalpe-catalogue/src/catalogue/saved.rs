//! The saved form of a [`Catalogue`]: its parts, read back through [`Catalogue::try_new`].

use apkalpe_core::{Currency, RestoreError, VatRateTable};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Catalogue, CatalogueParts, CatalogueSource};
use crate::category::{Category, CategoryTree};
use crate::delivery::DeliveryError;
use crate::error::CatalogueError;
use crate::price::{PriceList, Promotion};
use crate::product::Product;

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
#[cfg_attr(feature = "serde", derive(Serialize))]
struct CatalogueView<'a> {
    currency: Currency,
    catalogues: &'a [CatalogueSource],
    categories: &'a CategoryTree,
    products: &'a [Product],
    price_lists: &'a [PriceList],
    promotions: &'a [Promotion],
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
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
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct CatalogueRecord {
    currency: Currency,
    catalogues: Vec<CatalogueSource>,
    categories: Vec<Category>,
    products: Vec<Product>,
    #[cfg_attr(feature = "serde", serde(default))]
    price_lists: Vec<PriceList>,
    #[cfg_attr(feature = "serde", serde(default))]
    promotions: Vec<Promotion>,
    #[cfg_attr(feature = "serde", serde(default))]
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
