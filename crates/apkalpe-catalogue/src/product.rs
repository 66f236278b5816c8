//! Products and services (*preces un pakalpojumi*): the records a specialist informs clients
//! about (T1.2, S4).

use std::collections::{BTreeMap, BTreeSet};

use apkalpe_core::{
    Language, LocalizedText, VatClassSchedule, VatError, VatRateClass, parse_amount,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::category::CategoryPath;
use crate::code::{AttributeKey, CatalogueId, Sku, SupplierReference};
use crate::delivery::ServiceDuration;
use crate::text::same_text;
use crate::unit::UnitOfMeasure;

/// Whether a product is goods (*prece*) or a service (*pakalpojums*).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, ProductKind};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// assert_eq!(file.catalogue().product(&"SRV-DIAG".parse()?).ok_or("none")?.kind(), ProductKind::Service);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProductKind {
    /// Goods: kept in stock, delivered.
    Goods,
    /// A service: not stocked; done within a duration.
    Service,
}

impl ProductKind {
    /// Returns the snake_case name used in files: `goods` or `service`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::ProductKind::Goods.as_str(), "goods");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ProductKind::Goods => "goods",
            ProductKind::Service => "service",
        }
    }
}

/// Whether a product is still sold.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, ProductStatus};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let asus = file.catalogue().product(&"LAP-ASUS-X515".parse()?).ok_or("none")?;
/// assert_eq!(asus.status(), ProductStatus::Discontinued);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProductStatus {
    /// Sold: found by search, quoted and recommended.
    Active,
    /// No longer sold (*izņemts no sortimenta*): kept for old documents, found by search only
    /// on request, never quoted or recommended.
    Discontinued,
}

impl ProductStatus {
    /// Returns the snake_case name used in files: `active` or `discontinued`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::ProductStatus::Discontinued.as_str(), "discontinued");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ProductStatus::Active => "active",
            ProductStatus::Discontinued => "discontinued",
        }
    }
}

/// The error returned when a product record breaks a rule of the model.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Product, ProductInput, ProductKind};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let mut input = ProductInput::new(
///     "LAP-1".parse()?,
///     ProductKind::Goods,
///     "own".parse()?,
///     LocalizedText::new(Language::English, "Laptop"),
///     "it/laptops".parse()?,
/// );
/// let error = Product::try_from(input.clone()).unwrap_err();
/// assert_eq!(error.code(), "product.missing_latvian_name");
/// input.name = input.name.with(Language::Latvian, "Klēpjdators");
/// assert!(Product::try_from(input).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProductError {
    /// The name has no Latvian text (the state language is required).
    #[error("product {sku} has no latvian name")]
    MissingLatvianName {
        /// The product.
        sku: Sku,
    },
    /// A description is given without a Latvian text.
    #[error("product {sku} has a description without a latvian text")]
    MissingLatvianDescription {
        /// The product.
        sku: Sku,
    },
    /// An attribute value is empty.
    #[error("product {sku} has an empty value for attribute {key}")]
    EmptyAttributeValue {
        /// The product.
        sku: Sku,
        /// The attribute.
        key: AttributeKey,
    },
    /// A tag is empty or longer than 32 characters.
    #[error("product {sku} has an empty or over-long tag")]
    InvalidTag {
        /// The product.
        sku: Sku,
    },
    /// Goods were given a service duration.
    #[error("product {sku} is goods but has a service duration")]
    DurationOnGoods {
        /// The product.
        sku: Sku,
    },
}

impl ProductError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::ProductError;
    ///
    /// let error = ProductError::InvalidTag { sku: "LAP-1".parse()? };
    /// assert_eq!(error.code(), "product.invalid_tag");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ProductError::MissingLatvianName { .. } => "product.missing_latvian_name",
            ProductError::MissingLatvianDescription { .. } => "product.missing_latvian_description",
            ProductError::EmptyAttributeValue { .. } => "product.empty_attribute_value",
            ProductError::InvalidTag { .. } => "product.invalid_tag",
            ProductError::DurationOnGoods { .. } => "product.duration_on_goods",
        }
    }
}

impl apkalpe_core::LocalizedError for ProductError {
    fn code(&self) -> &'static str {
        ProductError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if language != Language::Latvian {
            return std::fmt::Display::fmt(self, f);
        }
        match self {
            ProductError::MissingLatvianName { sku } => {
                write!(f, "produktam {sku} nav nosaukuma latviešu valodā")
            }
            ProductError::MissingLatvianDescription { sku } => {
                write!(f, "produkta {sku} aprakstam nav teksta latviešu valodā")
            }
            ProductError::EmptyAttributeValue { sku, key } => {
                write!(f, "produkta {sku} atribūtam {key} nav vērtības")
            }
            ProductError::InvalidTag { sku } => {
                write!(f, "produktam {sku} ir tukša vai pārāk gara birka")
            }
            ProductError::DurationOnGoods { sku } => write!(
                f,
                "produkts {sku} ir prece, bet tam norādīts pakalpojuma izpildes ilgums"
            ),
        }
    }
}

/// The raw input of a product (*preces kartiņa*) before its rules are checked: what a form,
/// a CSV row or a JSON file gives. A plain record the caller fills in, with public fields:
/// [`Product::try_from`] checks it.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Product, ProductInput, ProductKind, UnitOfMeasure};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let mut input = ProductInput::new(
///     "APPLE-KG".parse()?,
///     ProductKind::Goods,
///     "own".parse()?,
///     LocalizedText::new(Language::Latvian, "Āboli"),
///     "food/fruit".parse()?,
/// );
/// input.unit = UnitOfMeasure::Kilogram;
/// input.tags.insert("vietējie".into());
/// let apples = Product::try_from(input)?;
/// assert_eq!(apples.unit(), UnitOfMeasure::Kilogram);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Refusals: see [`ProductError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ProductInput {
    /// The SKU.
    pub sku: Sku,
    /// Goods or a service.
    pub kind: ProductKind,
    /// The catalogue that lists the product.
    pub catalogue: CatalogueId,
    /// The name; Latvian required.
    pub name: LocalizedText,
    /// The description; if given, Latvian required.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<LocalizedText>,
    /// The unit of measure; pieces (`H87`) if not given.
    #[cfg_attr(feature = "serde", serde(default = "default_unit"))]
    pub unit: UnitOfMeasure,
    /// The VAT rate class over time; the standard class, constant, if not given. A file
    /// writes a constant class as before (`"vat_class": "reduced"`) and a dated schedule as
    /// its periods (`"vat_class": [{"class": "standard"}, {"from": "2026-07-01", "class":
    /// "reduced"}, …]`): see [`VatClassSchedule`].
    #[cfg_attr(feature = "serde", serde(default))]
    pub vat_class: VatClassSchedule,
    /// The place in the category tree.
    pub category: CategoryPath,
    /// Attributes (*īpašības*): key → value, such as `ram_gb` → `16`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub attributes: BTreeMap<AttributeKey, String>,
    /// Free tags for search (`akcija`, `eco`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "BTreeSet::is_empty")
    )]
    pub tags: BTreeSet<String>,
    /// Active or discontinued; active if not given.
    #[cfg_attr(feature = "serde", serde(default = "default_status"))]
    pub status: ProductStatus,
    /// The supplier's code for the product.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub supplier_reference: Option<SupplierReference>,
    /// For a service: how long it takes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub duration: Option<ServiceDuration>,
}

fn default_unit() -> UnitOfMeasure {
    UnitOfMeasure::Piece
}

fn default_status() -> ProductStatus {
    ProductStatus::Active
}

impl ProductInput {
    /// Creates an input with the required fields; the others take their defaults (pieces,
    /// standard VAT, active, no attributes).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Product, ProductInput, ProductKind, UnitOfMeasure};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let input = ProductInput::new(
    ///     "MOUSE-1".parse()?,
    ///     ProductKind::Goods,
    ///     "own".parse()?,
    ///     LocalizedText::new(Language::Latvian, "Bezvadu pele"),
    ///     "it/accessories".parse()?,
    /// );
    /// let mouse = Product::try_from(input)?;
    /// assert_eq!(mouse.unit(), UnitOfMeasure::Piece);
    /// assert!(mouse.is_active());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        sku: Sku,
        kind: ProductKind,
        catalogue: CatalogueId,
        name: LocalizedText,
        category: CategoryPath,
    ) -> Self {
        ProductInput {
            sku,
            kind,
            catalogue,
            name,
            description: None,
            unit: default_unit(),
            vat_class: VatClassSchedule::default(),
            category,
            attributes: BTreeMap::new(),
            tags: BTreeSet::new(),
            status: default_status(),
            supplier_reference: None,
            duration: None,
        }
    }
}

/// A product or service in a catalogue (T1.2): SKU, kind, names and descriptions in the four
/// languages (Latvian required), unit of measure, VAT rate class over time (a
/// [`VatClassSchedule`]), category, attributes, tags, status and supplier reference.
///
/// Built only from a [`ProductInput`] through [`Product::try_from`]; serialised in the same
/// shape.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Product, ProductInput, ProductKind, UnitOfMeasure};
/// use apkalpe_core::{Language, LocalizedText, VatClassSchedule, VatRateClass};
/// use chrono::NaiveDate;
///
/// let mut input = ProductInput::new(
///     "APPLE-KG".parse()?,
///     ProductKind::Goods,
///     "own".parse()?,
///     LocalizedText::new(Language::Latvian, "Āboli").with(Language::English, "Apples"),
///     "food/fruit".parse()?,
/// );
/// input.unit = UnitOfMeasure::Kilogram;
/// input.vat_class = VatClassSchedule::latvian_fresh_produce();
/// input.attributes.insert("origin".parse()?, "Latvija".into());
/// let apples = Product::try_from(input)?;
/// assert_eq!(apples.name().get(Language::English), "Apples");
/// assert_eq!(apples.attribute(&"origin".parse()?), Some("Latvija"));
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// assert_eq!(apples.vat_class_on(day(2023, 12, 31)?)?, VatRateClass::SecondReduced);
/// assert_eq!(apples.vat_class_on(day(2024, 1, 1)?)?, VatRateClass::Reduced);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ProductInput", into = "ProductInput")
)]
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
/// use apkalpe_core::Language;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
/// assert_eq!(laptop.name().get(Language::English), "Laptop Lenovo ThinkPad E14 Gen 5");
/// assert_eq!(laptop.attribute(&"ram_gb".parse()?), Some("16"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Product {
    input: ProductInput,
}

impl TryFrom<ProductInput> for Product {
    type Error = ProductError;

    fn try_from(mut input: ProductInput) -> Result<Self, Self::Error> {
        let sku = input.sku.clone();
        if input
            .name
            .exact(Language::Latvian)
            .is_none_or(|t| t.trim().is_empty())
        {
            return Err(ProductError::MissingLatvianName { sku });
        }
        if let Some(description) = &input.description
            && description.exact(Language::Latvian).is_none()
        {
            return Err(ProductError::MissingLatvianDescription { sku });
        }
        for (key, value) in &mut input.attributes {
            let trimmed = value.trim();
            if trimmed.is_empty() {
                return Err(ProductError::EmptyAttributeValue {
                    sku,
                    key: key.clone(),
                });
            }
            *value = trimmed.to_owned();
        }
        let mut tags = BTreeSet::new();
        for tag in &input.tags {
            let trimmed = tag.trim();
            if trimmed.is_empty() || trimmed.chars().count() > 32 {
                return Err(ProductError::InvalidTag { sku });
            }
            tags.insert(trimmed.to_owned());
        }
        input.tags = tags;
        if input.kind == ProductKind::Goods && input.duration.is_some() {
            return Err(ProductError::DurationOnGoods { sku });
        }
        Ok(Product { input })
    }
}

impl From<Product> for ProductInput {
    fn from(product: Product) -> Self {
        product.input
    }
}

impl Product {
    /// Returns the SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.sku().as_str(), "LAP-E14-G5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.input.sku
    }

    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, ProductKind};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.kind(), ProductKind::Goods);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> ProductKind {
        self.input.kind
    }

    /// Returns the catalogue that lists the product.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.catalogue().as_str(), "own");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn catalogue(&self) -> &CatalogueId {
        &self.input.catalogue
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.name().get(Language::Latvian), "Klēpjdators Lenovo ThinkPad E14 Gen 5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.input.name
    }

    /// Returns the description.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// let description = laptop.description().ok_or("no description")?;
    /// assert!(description.get(Language::English).starts_with("14-inch business laptop"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn description(&self) -> Option<&LocalizedText> {
        self.input.description.as_ref()
    }

    /// Returns the unit of measure.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, UnitOfMeasure};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.unit(), UnitOfMeasure::Piece);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit(&self) -> UnitOfMeasure {
        self.input.unit
    }

    /// Returns the VAT rate class in force from the schedule's last change on: the
    /// product's class today when every change is past. A quote, a sale or an invoice takes
    /// the class of its supply date instead: [`Product::vat_class_on`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::VatRateClass;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.vat_class(), VatRateClass::Standard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_class(&self) -> VatRateClass {
        self.input.vat_class.latest()
    }

    /// Returns the VAT rate class over time.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.vat_classes().to_string(), "standard");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_classes(&self) -> &VatClassSchedule {
        &self.input.vat_class
    }

    /// Returns the VAT rate class in force on `date` (the supply date).
    ///
    /// # Errors
    ///
    /// [`VatError::ClassNotInSchedule`] for a date before the schedule's first dated period.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::{Calendar, VatRateClass};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.vat_class_on(Calendar::date(2026, 12, 7)?)?, VatRateClass::Standard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_class_on(&self, date: NaiveDate) -> Result<VatRateClass, VatError> {
        self.input.vat_class.class_on(date)
    }

    /// Returns the category.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert!(laptop.category().is_within(&"it".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn category(&self) -> &CategoryPath {
        &self.input.category
    }

    /// Returns the attributes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// let keys: Vec<&str> = laptop.attributes().keys().map(|k| k.as_str()).collect();
    /// assert_eq!(keys, ["colour", "ram_gb", "screen_in", "storage_gb", "weight_kg"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attributes(&self) -> &BTreeMap<AttributeKey, String> {
        &self.input.attributes
    }

    /// Returns one attribute's value.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.attribute(&"weight_kg".parse()?), Some("1.41"));
    /// assert_eq!(laptop.attribute(&"gpu".parse()?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attribute(&self, key: &AttributeKey) -> Option<&str> {
        self.input.attributes.get(key).map(String::as_str)
    }

    /// Returns the tags.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert!(laptop.tags().contains("bizness"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tags(&self) -> &BTreeSet<String> {
        &self.input.tags
    }

    /// Returns the status.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, ProductStatus};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.status(), ProductStatus::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> ProductStatus {
        self.input.status
    }

    /// Tells whether the product is sold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert!(laptop.is_active());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_active(&self) -> bool {
        self.input.status == ProductStatus::Active
    }

    /// Returns the supplier's code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// assert_eq!(laptop.supplier_reference().map(|r| r.as_str()), Some("21JR0001MH"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn supplier_reference(&self) -> Option<&SupplierReference> {
        self.input.supplier_reference.as_ref()
    }

    /// Returns the duration of a service.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let diagnostics = file.catalogue().product(&"SRV-DIAG".parse()?).ok_or("none")?;
    /// assert_eq!(diagnostics.duration().map(|d| d.in_working_days()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn duration(&self) -> Option<ServiceDuration> {
        self.input.duration
    }
}

/// A condition on one attribute value.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, CatalogueFile};
/// use rust_decimal_macros::dec;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
/// let light = AttributeRequirement::new("weight_kg".parse()?, AttributeCondition::AtMost(dec!(1.5)));
/// let black = AttributeRequirement::new("colour".parse()?, AttributeCondition::Equals("Melns".into()));
/// assert!(light.is_met_by(laptop) && black.is_met_by(laptop));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AttributeCondition {
    /// The product has the attribute, whatever its value.
    Present,
    /// The value equals this text, ignoring case, diacritics and spacing.
    Equals(String),
    /// The value is a number of at least this (`ram_gb` ≥ 16).
    AtLeast(Decimal),
    /// The value is a number of at most this (`weight_kg` ≤ 1.5).
    AtMost(Decimal),
}

/// A required or preferred attribute: a key and a condition on its value.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement};
/// use rust_decimal_macros::dec;
///
/// let at_least_16_gb = AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16)));
/// assert_eq!(at_least_16_gb.to_string(), "ram_gb ≥ 16");
/// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AttributeRequirement {
    key: AttributeKey,
    condition: AttributeCondition,
}

impl AttributeRequirement {
    /// Creates a requirement.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement};
    ///
    /// let with_ports = AttributeRequirement::new("usb_c".parse()?, AttributeCondition::Present);
    /// assert_eq!(with_ports.key().as_str(), "usb_c");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(key: AttributeKey, condition: AttributeCondition) -> Self {
        AttributeRequirement { key, condition }
    }

    /// Returns the key.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement};
    ///
    /// let requirement = AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::Present);
    /// assert_eq!(requirement.key().as_str(), "ram_gb");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn key(&self) -> &AttributeKey {
        &self.key
    }

    /// Returns the condition.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement};
    ///
    /// let requirement = AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::Present);
    /// assert_eq!(requirement.condition(), &AttributeCondition::Present);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn condition(&self) -> &AttributeCondition {
        &self.condition
    }

    /// Tells whether `product` meets the requirement. A numeric condition on a value that is
    /// not a number is not met.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, CatalogueFile};
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().product(&"LAP-E14-G5".parse()?).ok_or("no laptop")?;
    /// let big_memory = AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(32)));
    /// assert!(!big_memory.is_met_by(laptop));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_met_by(&self, product: &Product) -> bool {
        let Some(value) = product.attribute(&self.key) else {
            return false;
        };
        match &self.condition {
            AttributeCondition::Present => true,
            AttributeCondition::Equals(wanted) => same_text(value, wanted),
            AttributeCondition::AtLeast(limit) => parse_amount(value).is_ok_and(|v| v >= *limit),
            AttributeCondition::AtMost(limit) => parse_amount(value).is_ok_and(|v| v <= *limit),
        }
    }
}

impl std::fmt::Display for AttributeRequirement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.condition {
            AttributeCondition::Present => write!(f, "{}", self.key),
            AttributeCondition::Equals(value) => write!(f, "{} = {value}", self.key),
            AttributeCondition::AtLeast(limit) => write!(f, "{} ≥ {limit}", self.key),
            AttributeCondition::AtMost(limit) => write!(f, "{} ≤ {limit}", self.key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn laptop() -> Product {
        let mut input = ProductInput::new(
            Sku::try_new("LAP-1").unwrap(),
            ProductKind::Goods,
            CatalogueId::try_new("own").unwrap(),
            LocalizedText::new(Language::Latvian, "Klēpjdators"),
            CategoryPath::try_new("it/laptops").unwrap(),
        );
        input
            .attributes
            .insert(AttributeKey::try_new("ram_gb").unwrap(), " 16 ".into());
        input
            .attributes
            .insert(AttributeKey::try_new("colour").unwrap(), "Melns".into());
        input.tags.insert(" eco ".into());
        Product::try_from(input).unwrap()
    }

    #[test]
    fn values_and_tags_are_trimmed() {
        let product = laptop();
        assert_eq!(
            product.attribute(&AttributeKey::try_new("ram_gb").unwrap()),
            Some("16")
        );
        assert!(product.tags().contains("eco"));
    }

    #[test]
    fn requirements_compare_numbers_and_text() {
        let product = laptop();
        let key = |k: &str| AttributeKey::try_new(k).unwrap();
        let met = |r: AttributeRequirement| r.is_met_by(&product);
        assert!(met(AttributeRequirement::new(
            key("ram_gb"),
            AttributeCondition::AtLeast(dec!(16))
        )));
        assert!(!met(AttributeRequirement::new(
            key("ram_gb"),
            AttributeCondition::AtLeast(dec!(16.5))
        )));
        assert!(met(AttributeRequirement::new(
            key("ram_gb"),
            AttributeCondition::AtMost(dec!(16))
        )));
        assert!(met(AttributeRequirement::new(
            key("colour"),
            AttributeCondition::Equals("MELNS".into())
        )));
        assert!(!met(AttributeRequirement::new(
            key("colour"),
            AttributeCondition::AtLeast(dec!(1))
        )));
        assert!(!met(AttributeRequirement::new(
            key("gpu"),
            AttributeCondition::Present
        )));
    }

    #[test]
    fn goods_cannot_have_a_duration() {
        let mut input = ProductInput::from(laptop());
        input.duration = Some(ServiceDuration::working_days(2).unwrap());
        assert_eq!(
            Product::try_from(input).unwrap_err().code(),
            "product.duration_on_goods"
        );
    }
}
