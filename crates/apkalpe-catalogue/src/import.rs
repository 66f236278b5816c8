//! CSV import of products and price lists (T6.3: keeping the product database up to date).
//!
//! All or nothing: an import returns every product (or price list) of the file, or an
//! [`ImportError`] listing every bad row with its line, column and reason, and nothing else.
//!
//! # Products CSV
//!
//! A header row, then one product per row. Columns (any order; `*` required):
//!
//! | column | value |
//! |---|---|
//! | `sku`* | the SKU, `LAP-E14-G5` |
//! | `kind`* | `goods` or `service` |
//! | `catalogue`* | a catalogue id, `own` |
//! | `category`* | a category path, `it/laptops` |
//! | `name_lv`* | the Latvian name |
//! | `name_en`, `name_de`, `name_ru` | names in the other languages |
//! | `description_lv`, `description_en`, `description_de`, `description_ru` | descriptions (Latvian required if any is given) |
//! | `unit` | a Recommendation 20 code; `H87` if empty |
//! | `vat_class` | `standard`, `reduced`, `second_reduced`, `zero`, or a dated schedule of them: `standard; reduced from 2026-07-01; standard from 2027-07-01` (see `VatClassSchedule`); `standard` if empty |
//! | `status` | `active` or `discontinued`; `active` if empty |
//! | `attributes` | `key=value` pairs separated by `;`: `ram_gb=16; colour=melns` |
//! | `tags` | tags separated by `;` |
//! | `supplier_reference` | the supplier's code |
//! | `duration` | a service's duration: `3wd` (working days) or `12h` (hours) |
//!
//! # Price list CSV
//!
//! A header row, then one price per row; rows with the same `price_list` form one list and must
//! agree on its `currency`, `segment`, `valid_from` and `valid_until`.
//!
//! | column | value |
//! |---|---|
//! | `price_list`* | the list id, `base-2026` |
//! | `currency`* | `EUR` |
//! | `valid_from`* | `2026-01-01` |
//! | `valid_until` | the last day, empty if open-ended |
//! | `segment` | a client segment, empty for every client |
//! | `sku`* | the SKU |
//! | `min_quantity` | the quantity break, `0` if empty |
//! | `unit_price`* | the net unit price, `749.00` or `749,00`, at most 4 decimals |

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::Read;

use apkalpe_core::{
    CountNoun, Currency, Language, LocalizedError, LocalizedText, Money, VatClassSchedule,
    parse_amount,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::category::CategoryPath;
use crate::code::{AttributeKey, CatalogueId, ClientSegment, PriceListId, Sku, SupplierReference};
use crate::delivery::ServiceDuration;
use crate::price::{PriceEntry, PriceList, PricingError};
use crate::product::{Product, ProductError, ProductInput, ProductKind, ProductStatus};
use crate::unit::{Quantity, UnitOfMeasure};

/// Why a row (or the header) was refused.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CsvOptions, ImportReason, import_products_csv};
///
/// let csv = "sku,kind,catalogue,category\n";
/// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
/// assert_eq!(error.problems()[0].reason(), &ImportReason::MissingColumn);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportReason {
    /// A required column is missing from the header.
    MissingColumn,
    /// The header names a column the format does not have.
    UnknownColumn,
    /// The header names a column twice.
    DuplicateColumn,
    /// The row has another number of fields than the header.
    RowColumns {
        /// The header's number of columns.
        expected: usize,
        /// The row's number of fields.
        found: usize,
    },
    /// A required value is empty.
    MissingValue,
    /// A value is not of the expected form.
    Invalid {
        /// What the column expects.
        expected: &'static str,
        /// The value found (at most 40 characters).
        found: String,
    },
    /// The value repeats one of an earlier row (a SKU, a price of a list).
    Duplicate {
        /// The earlier row's line.
        first_line: u64,
    },
    /// A price list's own value differs from its first row.
    Differs {
        /// The list's first row's line.
        first_line: u64,
    },
    /// The product breaks a rule of the model.
    Product(ProductError),
    /// The price list breaks a rule of the model.
    Pricing(PricingError),
    /// The CSV cannot be read here (bad quoting, not UTF-8, a read error).
    Malformed,
}

impl ImportReason {
    /// Returns the stable error code of the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::ImportReason::MissingValue.code(), "import.missing_value");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ImportReason::MissingColumn => "import.missing_column",
            ImportReason::UnknownColumn => "import.unknown_column",
            ImportReason::DuplicateColumn => "import.duplicate_column",
            ImportReason::RowColumns { .. } => "import.row_columns",
            ImportReason::MissingValue => "import.missing_value",
            ImportReason::Invalid { .. } => "import.invalid_value",
            ImportReason::Duplicate { .. } => "import.duplicate",
            ImportReason::Differs { .. } => "import.differs",
            ImportReason::Product(error) => error.code(),
            ImportReason::Pricing(error) => error.code(),
            ImportReason::Malformed => "import.malformed",
        }
    }
}

impl fmt::Display for ImportReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportReason::MissingColumn => f.write_str("required column is missing"),
            ImportReason::UnknownColumn => f.write_str("unknown column"),
            ImportReason::DuplicateColumn => f.write_str("column named twice"),
            ImportReason::RowColumns { expected, found } => {
                write!(f, "expected {expected} fields, found {found}")
            }
            ImportReason::MissingValue => f.write_str("value is required"),
            ImportReason::Invalid { expected, found } => {
                write!(f, "expected {expected}, found {found:?}")
            }
            ImportReason::Duplicate { first_line } => {
                write!(f, "repeats line {first_line}")
            }
            ImportReason::Differs { first_line } => {
                write!(f, "differs from the list's first row on line {first_line}")
            }
            ImportReason::Product(error) => write!(f, "{error}"),
            ImportReason::Pricing(error) => write!(f, "{error}"),
            ImportReason::Malformed => f.write_str("malformed csv"),
        }
    }
}

impl ImportReason {
    /// Returns the reason in `language`: English is the `Display` text; Latvian is
    /// translated; German and Russian fall back to English, as errors do
    /// ([`LocalizedError`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{import_products_csv, CsvOptions};
    /// use apkalpe_core::Language;
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nB,thing,own,it,Tastatūra\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// let reason = error.problems()[0].reason();
    /// assert_eq!(reason.message_in(Language::Latvian), "gaidīts goods vai service, norādīts \"thing\"");
    /// ```
    pub fn message_in(&self, language: Language) -> String {
        if language != Language::Latvian {
            return self.to_string();
        }
        match self {
            ImportReason::MissingColumn => "trūkst obligātas kolonnas".to_owned(),
            ImportReason::UnknownColumn => "nezināma kolonna".to_owned(),
            ImportReason::DuplicateColumn => "kolonna norādīta divreiz".to_owned(),
            ImportReason::RowColumns { expected, found } => format!(
                "rindā jābūt {}, bet ir {}",
                CountNoun::new("laukam", "laukiem").count_of(Language::Latvian, *expected),
                CountNoun::new("lauks", "lauki").count_of(Language::Latvian, *found)
            ),
            ImportReason::MissingValue => "vērtība ir obligāta".to_owned(),
            ImportReason::Invalid { expected, found } => {
                format!("{}, norādīts {found:?}", latvian_expected(expected))
            }
            ImportReason::Duplicate { first_line } => {
                format!("atkārto {first_line}. rindu")
            }
            ImportReason::Differs { first_line } => {
                format!("atšķiras no cenrāža pirmās rindas ({first_line}. rinda)")
            }
            ImportReason::Product(error) => error.message_in(language),
            ImportReason::Pricing(error) => error.message_in(language),
            ImportReason::Malformed => "CSV nav pareizi veidots".to_owned(),
        }
    }
}

/// What the `vat_class` column expects.
const VAT_CLASS_EXPECTED: &str = "standard, reduced, second_reduced or zero, or a dated schedule such as \"standard; reduced from 2026-07-01\"";
/// What the `unit_price` column expects.
const PRICE_EXPECTED: &str = "a price of zero or more with at most 4 decimals";

/// What a column expects, in Latvian, with the participle that agrees with it.
fn latvian_expected(expected: &str) -> String {
    let phrase = match expected {
        "a sku" => "gaidīts SKU",
        "goods or service" => "gaidīts goods vai service",
        "a catalogue id" => "gaidīts kataloga identifikators",
        "a category path" => "gaidīts kategorijas ceļš",
        "a unit of measure code" => "gaidīts mērvienības kods",
        VAT_CLASS_EXPECTED => {
            "gaidīts standard, reduced, second_reduced vai zero, vai grafiks ar datumiem, \
             piemēram, \"standard; reduced from 2026-07-01\""
        }
        "active or discontinued" => "gaidīts active vai discontinued",
        "key=value pairs separated by ;" => "gaidīti pāri key=value, atdalīti ar ;",
        "a supplier reference" => "gaidīts piegādātāja kods",
        "working days (3wd) or hours (12h)" => "gaidītas darba dienas (3wd) vai stundas (12h)",
        "a price list id" => "gaidīts cenrāža identifikators",
        "a currency code" => "gaidīts valūtas kods",
        "a segment" => "gaidīts klientu segments",
        "a date YYYY-MM-DD" => "gaidīts datums formā YYYY-MM-DD",
        "a quantity" => "gaidīts daudzums",
        PRICE_EXPECTED => "gaidīta cena, kas nav negatīva, ar ne vairāk kā 4 cipariem aiz komata",
        other => return format!("gaidīts: {other}"),
    };
    phrase.to_owned()
}

/// One problem of an import: where and why.
///
/// Produced by the imports ([`import_products_csv`], [`import_price_lists_csv`]) inside their
/// [`ImportError`], and read through its getters.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CsvOptions, import_products_csv};
///
/// let csv = "sku,kind,catalogue,category,name_lv\nA,goods,own,it,\n";
/// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
/// let problem = &error.problems()[0];
/// assert_eq!((problem.line(), problem.column()), (2, Some("name_lv")));
/// assert_eq!(problem.to_string(), "line 2, column name_lv: value is required");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The line, from 1 (the header is line 1).
    pub(crate) line: u64,
    /// The column's header name, if the problem is in one column.
    pub(crate) column: Option<String>,
    /// Why.
    pub(crate) reason: ImportReason,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {}: {}", self.line, column, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

impl ImportProblem {
    /// Returns the line, from 1 (the header is line 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CsvOptions, import_products_csv};
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nA,goods,own,it,\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// let problem = &error.problems()[0];
    /// assert_eq!(problem.line(), 2);
    /// ```
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Returns the column's header name, if the problem is in one column.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CsvOptions, import_products_csv};
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nA,goods,own,it,\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// let problem = &error.problems()[0];
    /// assert_eq!(problem.column(), Some("name_lv"));
    /// ```
    pub fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// Returns why.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CsvOptions, ImportReason, import_products_csv};
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nA,goods,own,it,\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// let problem = &error.problems()[0];
    /// assert_eq!(problem.reason(), &ImportReason::MissingValue);
    /// ```
    pub fn reason(&self) -> &ImportReason {
        &self.reason
    }

    /// Returns the problem in `language`, as [`ImportReason::message_in`] does: "2. rinda,
    /// kolonna sku: …" in Latvian.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{import_products_csv, CsvOptions};
    /// use apkalpe_core::Language;
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nA 1,goods,own,it,Pele\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// assert_eq!(
    ///     error.problems()[0].message_in(Language::Latvian),
    ///     "2. rinda, kolonna sku: gaidīts SKU, norādīts \"A 1\""
    /// );
    /// ```
    pub fn message_in(&self, language: Language) -> String {
        if language != Language::Latvian {
            return self.to_string();
        }
        let reason = self.reason.message_in(language);
        match &self.column {
            Some(column) => format!("{}. rinda, kolonna {column}: {reason}", self.line),
            None => format!("{}. rinda: {reason}", self.line),
        }
    }
}

/// The error of an import: every problem found, in line order. Nothing was imported.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{import_products_csv, CsvOptions};
///
/// let csv = "sku,kind,catalogue,category,name_lv\nA 1,goods,own,it,Pele\nB,thing,own,it,Tastatūra\n";
/// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
/// assert_eq!(error.problems().len(), 2);
/// assert_eq!(error.problems()[0].to_string(), "line 2, column sku: expected a sku, found \"A 1\"");
/// assert_eq!(error.problems()[1].reason().code(), "import.invalid_value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{count} in the import, first: {first}", count = CountNoun::new("problem", "problems").count_of(Language::English, self.problems.len()), first = self.first())]
pub struct ImportError {
    problems: Vec<ImportProblem>,
}

impl ImportError {
    /// Returns the problems in line order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CsvOptions, import_products_csv};
    ///
    /// let csv = "sku,kind,catalogue,category,name_lv\nA,x,own,it,Pele\nB,y,own,it,Tastatūra\n";
    /// let error = import_products_csv(csv.as_bytes(), &CsvOptions::default()).unwrap_err();
    /// assert_eq!(error.problems().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problems(&self) -> &[ImportProblem] {
        &self.problems
    }

    /// Returns the stable error code: `import.rows`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CsvOptions, import_products_csv};
    ///
    /// let error = import_products_csv("sku\n".as_bytes(), &CsvOptions::default()).unwrap_err();
    /// assert_eq!(error.code(), "import.rows");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        "import.rows"
    }

    fn first(&self) -> String {
        self.problems
            .first()
            .map_or_else(String::new, ToString::to_string)
    }
}

impl LocalizedError for ImportError {
    fn code(&self) -> &'static str {
        ImportError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        let first = self
            .problems
            .first()
            .map_or_else(String::new, |problem| problem.message_in(language));
        write!(
            f,
            "importā ir {}, pirmā: {first}",
            CountNoun::new("problēma", "problēmas").count_of(language, self.problems.len())
        )
    }
}

/// Settings of a CSV import.
///
/// A plain record the caller fills in (its public fields, or [`CsvOptions::with_delimiter`]);
/// the imports that take it use it as given, any byte being a valid delimiter.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CsvOptions, import_products_csv};
///
/// let csv = "sku;kind;catalogue;category;name_lv\nPEN-1;goods;own;office;Pildspalva\n";
/// let products = import_products_csv(csv.as_bytes(), &CsvOptions::default().with_delimiter(b';'))?;
/// assert_eq!(products[0].sku().as_str(), "PEN-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CsvOptions {
    /// The field delimiter: `,` by default; `;` for files from a Latvian spreadsheet.
    pub delimiter: u8,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions { delimiter: b',' }
    }
}

impl CsvOptions {
    /// Returns the options with another delimiter.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CsvOptions;
    ///
    /// assert_eq!(CsvOptions::default().with_delimiter(b';').delimiter, b';');
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }
}

/// Reads the header and rows; returns column positions and the rows with their lines.
struct Table {
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

fn read_table<R: Read>(
    input: R,
    options: &CsvOptions,
    known: &[&str],
    required: &[&str],
    problems: &mut Vec<ImportProblem>,
) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(options.delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .has_headers(false)
        .from_reader(input);
    let mut records = reader.records();
    let mut columns = HashMap::new();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(_)) => {
            problems.push(ImportProblem {
                line: 1,
                column: None,
                reason: ImportReason::Malformed,
            });
            return Table {
                columns,
                rows: Vec::new(),
            };
        }
        None => csv::StringRecord::new(),
    };
    for (position, name) in header.iter().enumerate() {
        let name = name.trim_start_matches('\u{feff}').to_ascii_lowercase();
        let column = Some(name.clone());
        if !known.contains(&name.as_str()) {
            problems.push(ImportProblem {
                line: 1,
                column,
                reason: ImportReason::UnknownColumn,
            });
        } else if columns.insert(name, position).is_some() {
            problems.push(ImportProblem {
                line: 1,
                column,
                reason: ImportReason::DuplicateColumn,
            });
        }
    }
    for name in required {
        if !columns.contains_key(*name) {
            problems.push(ImportProblem {
                line: 1,
                column: Some((*name).to_owned()),
                reason: ImportReason::MissingColumn,
            });
        }
    }
    let mut rows = Vec::new();
    let mut last_line: u64 = 1;
    for record in records {
        match record {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(last_line.saturating_add(1), |p| p.line());
                last_line = line;
                if record.iter().all(str::is_empty) {
                    continue;
                }
                if record.len() != header.len() {
                    problems.push(ImportProblem {
                        line,
                        column: None,
                        reason: ImportReason::RowColumns {
                            expected: header.len(),
                            found: record.len(),
                        },
                    });
                    continue;
                }
                rows.push((line, record));
            }
            Err(error) => {
                let line = error
                    .position()
                    .map_or(last_line.saturating_add(1), |p| p.line());
                problems.push(ImportProblem {
                    line,
                    column: None,
                    reason: ImportReason::Malformed,
                });
                // After a read error the reader's position is unreliable: stop.
                break;
            }
        }
    }
    Table { columns, rows }
}

/// One row being read: its line and a sink for its problems.
struct Row<'a> {
    line: u64,
    record: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
    problems: Vec<ImportProblem>,
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

impl Row<'_> {
    fn text(&self, column: &str) -> Option<&str> {
        let position = self.columns.get(column)?;
        self.record.get(*position).filter(|v| !v.is_empty())
    }

    fn problem(&mut self, column: &str, reason: ImportReason) {
        self.problems.push(ImportProblem {
            line: self.line,
            column: Some(column.to_owned()),
            reason,
        });
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let value = self.text(column).map(str::to_owned);
        if value.is_none() && self.columns.contains_key(column) {
            self.problem(column, ImportReason::MissingValue);
        }
        value
    }

    /// Parses an optional value with `parse`; on failure records `expected`.
    fn parse<T, E: fmt::Display>(
        &mut self,
        column: &str,
        expected: &'static str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let text = self.text(column)?.to_owned();
        match parse(&text) {
            Ok(value) => Some(value),
            Err(_) => {
                self.problem(
                    column,
                    ImportReason::Invalid {
                        expected,
                        found: shorten(&text),
                    },
                );
                None
            }
        }
    }
}

const PRODUCT_COLUMNS: [&str; 19] = [
    "sku",
    "kind",
    "catalogue",
    "category",
    "unit",
    "vat_class",
    "status",
    "name_lv",
    "name_en",
    "name_de",
    "name_ru",
    "description_lv",
    "description_en",
    "description_de",
    "description_ru",
    "attributes",
    "tags",
    "supplier_reference",
    "duration",
];

const PRODUCT_REQUIRED: [&str; 5] = ["sku", "kind", "catalogue", "category", "name_lv"];

fn parse_kind(text: &str) -> Result<ProductKind, ()> {
    match text.to_ascii_lowercase().as_str() {
        "goods" => Ok(ProductKind::Goods),
        "service" => Ok(ProductKind::Service),
        _ => Err(()),
    }
}

/// A class (`reduced`) or a dated schedule (`standard; reduced from 2026-07-01`), in any
/// case.
fn parse_vat_class(text: &str) -> Result<VatClassSchedule, ()> {
    text.to_ascii_lowercase().parse().map_err(|_| ())
}

fn parse_status(text: &str) -> Result<ProductStatus, ()> {
    match text.to_ascii_lowercase().as_str() {
        "active" => Ok(ProductStatus::Active),
        "discontinued" => Ok(ProductStatus::Discontinued),
        _ => Err(()),
    }
}

fn parse_duration(text: &str) -> Result<ServiceDuration, ()> {
    if let Some(days) = text.strip_suffix("wd") {
        let days: u32 = days.trim().parse().map_err(|_| ())?;
        return ServiceDuration::working_days(days).map_err(|_| ());
    }
    if let Some(hours) = text.strip_suffix('h') {
        let hours = parse_amount(hours.trim()).map_err(|_| ())?;
        return ServiceDuration::hours(hours).map_err(|_| ());
    }
    Err(())
}

fn parse_attributes(text: &str) -> Result<BTreeMap<AttributeKey, String>, ()> {
    let mut map = BTreeMap::new();
    for pair in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').ok_or(())?;
        let key = AttributeKey::try_new(key).map_err(|_| ())?;
        let value = value.trim();
        if value.is_empty() || map.insert(key, value.to_owned()).is_some() {
            return Err(());
        }
    }
    Ok(map)
}

fn localized(row: &Row<'_>, prefix: &str) -> Option<LocalizedText> {
    let mut texts = BTreeMap::new();
    for language in Language::ALL {
        let column = format!("{prefix}_{}", language.code());
        if let Some(text) = row.text(&column) {
            texts.insert(language, text.to_owned());
        }
    }
    LocalizedText::try_from(texts).ok()
}

/// Imports products from CSV (format in the module docs): all or nothing.
///
/// # Errors
///
/// [`ImportError`] with every problem: header columns missing, unknown or repeated; rows with
/// the wrong number of fields, empty required values, values of the wrong form, repeated SKUs,
/// products that break a rule ([`ProductError`]); malformed CSV.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{import_products_csv, CsvOptions, UnitOfMeasure};
///
/// let csv = "sku;kind;catalogue;category;name_lv;name_en;unit;attributes\n\
///            APPLE;goods;own;food;Āboli;Apples;KGM;origin=Latvija\n";
/// let products = import_products_csv(csv.as_bytes(), &CsvOptions::default().with_delimiter(b';'))?;
/// assert_eq!(products[0].unit(), UnitOfMeasure::Kilogram);
/// # Ok::<(), apkalpe_catalogue::ImportError>(())
/// ```
pub fn import_products_csv<R: Read>(
    input: R,
    options: &CsvOptions,
) -> Result<Vec<Product>, ImportError> {
    let mut problems = Vec::new();
    let table = read_table(
        input,
        options,
        &PRODUCT_COLUMNS,
        &PRODUCT_REQUIRED,
        &mut problems,
    );
    let mut products = Vec::with_capacity(table.rows.len());
    let mut seen: HashMap<Sku, u64> = HashMap::new();
    for (line, record) in &table.rows {
        let mut row = Row {
            line: *line,
            record,
            columns: &table.columns,
            problems: Vec::new(),
        };
        let sku = row.required("sku");
        let sku = sku.and_then(|_| row.parse("sku", "a sku", Sku::try_new));
        if let Some(sku) = &sku {
            if let Some(first_line) = seen.get(sku) {
                row.problem(
                    "sku",
                    ImportReason::Duplicate {
                        first_line: *first_line,
                    },
                );
            } else {
                seen.insert(sku.clone(), *line);
            }
        }
        let kind = row
            .required("kind")
            .and_then(|_| row.parse("kind", "goods or service", parse_kind_display));
        let catalogue = row
            .required("catalogue")
            .and_then(|_| row.parse("catalogue", "a catalogue id", CatalogueId::try_new));
        let category = row
            .required("category")
            .and_then(|_| row.parse("category", "a category path", CategoryPath::try_new));
        row.required("name_lv");
        let name = localized(&row, "name");
        let description = localized(&row, "description");
        let unit = row.parse("unit", "a unit of measure code", |t| {
            t.parse::<UnitOfMeasure>()
        });
        let vat_class = row.parse("vat_class", VAT_CLASS_EXPECTED, |t| {
            parse_vat_class(t).map_err(|()| Unit)
        });
        let status = row.parse("status", "active or discontinued", |t| {
            parse_status(t).map_err(|()| Unit)
        });
        let attributes = row.parse("attributes", "key=value pairs separated by ;", |t| {
            parse_attributes(t).map_err(|()| Unit)
        });
        let tags: BTreeSet<String> = row
            .text("tags")
            .map(|t| {
                t.split(';')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let supplier_reference = row.parse(
            "supplier_reference",
            "a supplier reference",
            SupplierReference::try_new,
        );
        let duration = row.parse("duration", "working days (3wd) or hours (12h)", |t| {
            parse_duration(t).map_err(|()| Unit)
        });
        if row.problems.is_empty()
            && let (Some(sku), Some(kind), Some(catalogue), Some(category), Some(name)) =
                (sku, kind, catalogue, category, name)
        {
            let mut input = ProductInput::new(sku, kind, catalogue, name, category);
            input.description = description;
            input.unit = unit.unwrap_or(UnitOfMeasure::Piece);
            input.vat_class = vat_class.unwrap_or_default();
            input.status = status.unwrap_or(ProductStatus::Active);
            input.attributes = attributes.unwrap_or_default();
            input.tags = tags;
            input.supplier_reference = supplier_reference;
            input.duration = duration;
            match Product::try_from(input) {
                Ok(product) => products.push(product),
                Err(error) => row.problems.push(ImportProblem {
                    line: *line,
                    column: None,
                    reason: ImportReason::Product(error),
                }),
            }
        }
        problems.append(&mut row.problems);
    }
    finish(problems, products)
}

/// A unit error for parsers whose failure says nothing more than "not of the form".
struct Unit;

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid")
    }
}

fn parse_kind_display(text: &str) -> Result<ProductKind, Unit> {
    parse_kind(text).map_err(|()| Unit)
}

fn finish<T>(mut problems: Vec<ImportProblem>, items: Vec<T>) -> Result<Vec<T>, ImportError> {
    if problems.is_empty() {
        return Ok(items);
    }
    problems.sort_by_key(|p| p.line);
    Err(ImportError { problems })
}

const PRICE_COLUMNS: [&str; 8] = [
    "price_list",
    "currency",
    "segment",
    "valid_from",
    "valid_until",
    "sku",
    "min_quantity",
    "unit_price",
];

const PRICE_REQUIRED: [&str; 5] = ["price_list", "currency", "valid_from", "sku", "unit_price"];

fn parse_date(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
}

/// The list-level values of a price list's first row.
struct ListHead {
    line: u64,
    currency: Currency,
    segment: Option<ClientSegment>,
    valid_from: NaiveDate,
    valid_until: Option<NaiveDate>,
    entries: Vec<PriceEntry>,
    seen: HashMap<(Sku, Quantity), u64>,
}

/// Imports price lists from CSV (format in the module docs): all or nothing. Lists come back
/// in id order.
///
/// # Errors
///
/// [`ImportError`] with every problem: header columns missing, unknown or repeated; rows with
/// the wrong number of fields, empty required values, values of the wrong form (a negative
/// price or one with more than 4 decimals), a list's rows disagreeing on its currency,
/// segment or dates, a SKU and quantity break repeated in a list; malformed CSV.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{import_price_lists_csv, CsvOptions};
///
/// let csv = "price_list,currency,valid_from,sku,min_quantity,unit_price\n\
///            base,EUR,2026-01-01,PEN,0,\"0,50\"\n\
///            base,EUR,2026-01-01,PEN,10,0.45\n";
/// let lists = import_price_lists_csv(csv.as_bytes(), &CsvOptions::default())?;
/// assert_eq!(lists[0].entries().len(), 2);
/// # Ok::<(), apkalpe_catalogue::ImportError>(())
/// ```
pub fn import_price_lists_csv<R: Read>(
    input: R,
    options: &CsvOptions,
) -> Result<Vec<PriceList>, ImportError> {
    let mut problems = Vec::new();
    let table = read_table(
        input,
        options,
        &PRICE_COLUMNS,
        &PRICE_REQUIRED,
        &mut problems,
    );
    let mut lists: BTreeMap<PriceListId, ListHead> = BTreeMap::new();
    for (line, record) in &table.rows {
        let mut row = Row {
            line: *line,
            record,
            columns: &table.columns,
            problems: Vec::new(),
        };
        let id = row
            .required("price_list")
            .and_then(|_| row.parse("price_list", "a price list id", PriceListId::try_new));
        let currency = row
            .required("currency")
            .and_then(|_| row.parse("currency", "a currency code", str::parse::<Currency>));
        let segment = row.parse("segment", "a segment", ClientSegment::try_new);
        let valid_from = row
            .required("valid_from")
            .and_then(|_| row.parse("valid_from", "a date YYYY-MM-DD", parse_date));
        let valid_until = row.parse("valid_until", "a date YYYY-MM-DD", parse_date);
        let sku = row
            .required("sku")
            .and_then(|_| row.parse("sku", "a sku", Sku::try_new));
        let min_quantity = row.parse("min_quantity", "a quantity", str::parse::<Quantity>);
        let price = row.required("unit_price").and_then(|_| {
            row.parse("unit_price", PRICE_EXPECTED, |t| {
                parse_amount(t)
                    .map_err(|_| Unit)
                    .and_then(|value: Decimal| {
                        let ok = (value.is_zero() || !value.is_sign_negative())
                            && value.normalize().scale() <= 4;
                        if ok { Ok(value) } else { Err(Unit) }
                    })
            })
        });
        if let (Some(id), Some(currency), Some(valid_from), Some(sku), Some(price)) =
            (id, currency, valid_from, sku, price)
            && row.problems.is_empty()
        {
            let min_quantity = min_quantity.unwrap_or_default();
            let head = lists.entry(id).or_insert_with(|| ListHead {
                line: *line,
                currency,
                segment: segment.clone(),
                valid_from,
                valid_until,
                entries: Vec::new(),
                seen: HashMap::new(),
            });
            let first_line = head.line;
            let differs = |row: &mut Row<'_>, column: &str| {
                row.problem(column, ImportReason::Differs { first_line });
            };
            if head.currency != currency {
                differs(&mut row, "currency");
            }
            if head.segment != segment {
                differs(&mut row, "segment");
            }
            if head.valid_from != valid_from {
                differs(&mut row, "valid_from");
            }
            if head.valid_until != valid_until {
                differs(&mut row, "valid_until");
            }
            if let Some(earlier) = head.seen.get(&(sku.clone(), min_quantity)) {
                row.problem(
                    "sku",
                    ImportReason::Duplicate {
                        first_line: *earlier,
                    },
                );
            } else if row.problems.is_empty() {
                head.seen.insert((sku.clone(), min_quantity), *line);
                head.entries.push(PriceEntry::new(
                    sku,
                    min_quantity,
                    Money::new(price, currency),
                ));
            }
        }
        problems.append(&mut row.problems);
    }
    let mut built = Vec::with_capacity(lists.len());
    for (id, head) in lists {
        match PriceList::try_new(
            id,
            head.currency,
            head.segment,
            head.valid_from,
            head.valid_until,
            head.entries,
        ) {
            Ok(list) => built.push(list),
            Err(error) => problems.push(ImportProblem {
                line: head.line,
                column: None,
                reason: ImportReason::Pricing(error),
            }),
        }
    }
    finish(problems, built)
}
