//! The file plan (*lietu nomenklatūra*, under MK 282 *dokumentu klasifikācijas shēma*): the
//! year's classification levels and cases with their retention periods.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use apkalpe_core::{CountNoun, Language, RestoreError};
use serde::{Deserialize, Serialize};

use crate::case_index::{CaseIndex, ParseCaseIndexError};
use crate::retention::{ParseRetentionError, RetentionCategory, RetentionPeriod};
use crate::text::{Lines, TaggedObject, TextProblem, clean, echo};

/// The first and last year a file plan may be for.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// The medium of a case (*lietas nesējs*, MK 282 column 6).
///
/// Parsed from `papīrs`/`paper`, `elektronisks`/`electronic`, `jaukts`/`hybrid`,
/// `cits`/`other` (any case); written in Latvian.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::Medium;
///
/// assert_eq!("Elektronisks".parse::<Medium>()?, Medium::Electronic);
/// assert_eq!(Medium::Paper.to_string(), "papīrs");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// Paper (*papīrs*).
    Paper,
    /// Electronic (*elektronisks*).
    Electronic,
    /// Hybrid: part paper, part electronic (*jaukts*).
    Hybrid,
    /// Another medium (*cits*): audiovisual, microfilm.
    Other,
}

impl Medium {
    /// Returns the Latvian name.
    pub const fn latvian_name(self) -> &'static str {
        match self {
            Medium::Paper => "papīrs",
            Medium::Electronic => "elektronisks",
            Medium::Hybrid => "jaukts",
            Medium::Other => "cits",
        }
    }
}

impl fmt::Display for Medium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.latvian_name())
    }
}

/// The error returned when text is not a medium.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("medium {found:?} is not papīrs, elektronisks, jaukts or cits")]
#[non_exhaustive]
pub struct ParseMediumError {
    /// The text, cut to 32 characters.
    pub found: String,
}

impl ParseMediumError {
    /// Returns the stable code, `medium.unknown`.
    pub fn code(&self) -> &'static str {
        "medium.unknown"
    }
}

impl FromStr for Medium {
    type Err = ParseMediumError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "papīrs" | "paper" => Ok(Medium::Paper),
            "elektronisks" | "electronic" => Ok(Medium::Electronic),
            "jaukts" | "hybrid" => Ok(Medium::Hybrid),
            "cits" | "other" => Ok(Medium::Other),
            _ => Err(ParseMediumError { found: echo(s) }),
        }
    }
}

/// A column of the file plan, in MK 282 order (`docs/sources.md` §13.5 \[N23\]), with the legal basis
/// of a temporary period as its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilePlanColumn {
    /// 1: classification level and case index.
    Index,
    /// 2: name of the classification level.
    LevelName,
    /// 3: case title.
    Title,
    /// 4: retention period.
    Retention,
    /// 4a: legal basis of a temporary retention period.
    LegalBasis,
    /// 5: unit or employee responsible.
    Responsible,
    /// 6: medium.
    Medium,
    /// 7: link to an information system.
    InformationSystem,
    /// 8: other data.
    Other,
}

impl FilePlanColumn {
    /// Every column, in file order.
    pub const ALL: [FilePlanColumn; 9] = [
        FilePlanColumn::Index,
        FilePlanColumn::LevelName,
        FilePlanColumn::Title,
        FilePlanColumn::Retention,
        FilePlanColumn::LegalBasis,
        FilePlanColumn::Responsible,
        FilePlanColumn::Medium,
        FilePlanColumn::InformationSystem,
        FilePlanColumn::Other,
    ];

    /// Returns the Latvian CSV header.
    pub const fn header(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "indekss",
            FilePlanColumn::LevelName => "līmeņa nosaukums",
            FilePlanColumn::Title => "lietas nosaukums",
            FilePlanColumn::Retention => "glabāšanas termiņš",
            FilePlanColumn::LegalBasis => "termiņa pamatojums",
            FilePlanColumn::Responsible => "atbildīgais",
            FilePlanColumn::Medium => "nesējs",
            FilePlanColumn::InformationSystem => "saite ar IS",
            FilePlanColumn::Other => "citas ziņas",
        }
    }

    /// Returns the English CSV header, also accepted on import.
    pub const fn english_header(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "index",
            FilePlanColumn::LevelName => "level name",
            FilePlanColumn::Title => "case title",
            FilePlanColumn::Retention => "retention",
            FilePlanColumn::LegalBasis => "legal basis",
            FilePlanColumn::Responsible => "responsible",
            FilePlanColumn::Medium => "medium",
            FilePlanColumn::InformationSystem => "information system",
            FilePlanColumn::Other => "other",
        }
    }

    /// Returns the field of [`FilePlanEntryInput`] (and of the saved entry) holding the
    /// column: `index`, `level_name`, `title`, …
    const fn field(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "index",
            FilePlanColumn::LevelName => "level_name",
            FilePlanColumn::Title => "title",
            FilePlanColumn::Retention => "retention",
            FilePlanColumn::LegalBasis => "legal_basis",
            FilePlanColumn::Responsible => "responsible",
            FilePlanColumn::Medium => "medium",
            FilePlanColumn::InformationSystem => "information_system",
            FilePlanColumn::Other => "other",
        }
    }

    /// The longest value accepted, in characters.
    const fn max_chars(self) -> usize {
        match self {
            FilePlanColumn::Index => 100,
            FilePlanColumn::Other => 1_000,
            _ => 300,
        }
    }
}

impl fmt::Display for FilePlanColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.header())
    }
}

/// What is wrong in a file plan.
///
/// Serialised flat, tagged by the problem's code suffix (`{"problem":"blank"}`,
/// `{"problem":"index","error":{"error":"segment","position":3,"found":""}}`). Before issue
/// 13 a text problem repeated the tag and the parse errors of `index` and `retention` were
/// left out; the doubled tag is still read, but an `index` or `retention` problem without its
/// `error` cannot be restored (its cause was never saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "PlanProblemRepr")]
#[non_exhaustive]
pub enum FilePlanProblemKind {
    /// The index does not parse.
    Index {
        /// Why.
        error: ParseCaseIndexError,
    },
    /// A text value breaks a text rule.
    Text(TextProblem),
    /// The retention period does not parse.
    Retention {
        /// Why.
        error: ParseRetentionError,
    },
    /// The medium is not one of the known ones.
    Medium {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// A value the entry needs is absent: a case's title, retention, responsible or medium,
    /// a level's name.
    Missing,
    /// A temporary retention period without its legal basis.
    TemporaryWithoutBasis,
    /// Two entries share an index.
    DuplicateIndex {
        /// The line of the first entry, when read from CSV.
        first_line: Option<u64>,
    },
    /// The level above the index is not in the plan.
    MissingParent {
        /// The parent index.
        parent: String,
    },
    /// A change names an index the plan does not have.
    UnknownEntry,
    /// A CSV row has the wrong number of columns.
    RowColumns {
        /// The number expected (9).
        expected: usize,
        /// The number found.
        found: usize,
    },
    /// The CSV header is not the expected one.
    Header {
        /// The header found, cut to 32 characters.
        found: String,
    },
    /// The CSV text is malformed.
    Csv,
    /// The plan has no entries.
    Empty,
}

/// The saved form of a [`FilePlanProblemKind`]: the text problem flattened into the tag.
#[derive(Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)]
enum PlanProblemRepr {
    Index { error: ParseCaseIndexError },
    Blank,
    TooLong { max: usize, found: usize },
    ControlCharacter,
    Retention { error: ParseRetentionError },
    Medium { found: String },
    Missing,
    TemporaryWithoutBasis,
    DuplicateIndex { first_line: Option<u64> },
    MissingParent { parent: String },
    UnknownEntry,
    RowColumns { expected: usize, found: usize },
    Header { found: String },
    Csv,
    Empty,
}

impl From<FilePlanProblemKind> for PlanProblemRepr {
    fn from(kind: FilePlanProblemKind) -> Self {
        use FilePlanProblemKind as K;
        use PlanProblemRepr as R;
        match kind {
            K::Index { error } => R::Index { error },
            K::Text(TextProblem::Blank) => R::Blank,
            K::Text(TextProblem::TooLong { max, found }) => R::TooLong { max, found },
            K::Text(TextProblem::ControlCharacter) => R::ControlCharacter,
            K::Retention { error } => R::Retention { error },
            K::Medium { found } => R::Medium { found },
            K::Missing => R::Missing,
            K::TemporaryWithoutBasis => R::TemporaryWithoutBasis,
            K::DuplicateIndex { first_line } => R::DuplicateIndex { first_line },
            K::MissingParent { parent } => R::MissingParent { parent },
            K::UnknownEntry => R::UnknownEntry,
            K::RowColumns { expected, found } => R::RowColumns { expected, found },
            K::Header { found } => R::Header { found },
            K::Csv => R::Csv,
            K::Empty => R::Empty,
        }
    }
}

impl From<PlanProblemRepr> for FilePlanProblemKind {
    fn from(repr: PlanProblemRepr) -> Self {
        use FilePlanProblemKind as K;
        use PlanProblemRepr as R;
        match repr {
            R::Index { error } => K::Index { error },
            R::Blank => K::Text(TextProblem::Blank),
            R::TooLong { max, found } => K::Text(TextProblem::TooLong { max, found }),
            R::ControlCharacter => K::Text(TextProblem::ControlCharacter),
            R::Retention { error } => K::Retention { error },
            R::Medium { found } => K::Medium { found },
            R::Missing => K::Missing,
            R::TemporaryWithoutBasis => K::TemporaryWithoutBasis,
            R::DuplicateIndex { first_line } => K::DuplicateIndex { first_line },
            R::MissingParent { parent } => K::MissingParent { parent },
            R::UnknownEntry => K::UnknownEntry,
            R::RowColumns { expected, found } => K::RowColumns { expected, found },
            R::Header { found } => K::Header { found },
            R::Csv => K::Csv,
            R::Empty => K::Empty,
        }
    }
}

impl<'de> Deserialize<'de> for FilePlanProblemKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr: PlanProblemRepr =
            TaggedObject::deserialize(deserializer)?.read("problem", "text")?;
        Ok(repr.into())
    }
}

/// One problem in a file plan, with where it is.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::FilePlan;
///
/// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
///            1;Vadība;;;;;;;\n\
///            1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
/// let error = FilePlan::from_csv(2026, csv).unwrap_err();
/// let problem = &error.problems()[0];
/// assert_eq!((problem.line(), problem.code()), (Some(3), "file_plan.temporary_without_basis"));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePlanProblem {
    line: Option<u64>,
    index: Option<String>,
    column: Option<FilePlanColumn>,
    kind: FilePlanProblemKind,
}

impl FilePlanProblem {
    fn new(
        line: Option<u64>,
        index: Option<&str>,
        column: Option<FilePlanColumn>,
        kind: FilePlanProblemKind,
    ) -> Self {
        FilePlanProblem {
            line,
            index: index.map(echo),
            column,
            kind,
        }
    }

    /// Returns the CSV line (from 1, the header being line 1), if read from CSV.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// Returns the entry's index text, if known.
    pub fn index(&self) -> Option<&str> {
        self.index.as_deref()
    }

    /// Returns the column concerned, if one.
    pub fn column(&self) -> Option<FilePlanColumn> {
        self.column
    }

    /// Returns what is wrong.
    pub fn kind(&self) -> &FilePlanProblemKind {
        &self.kind
    }

    /// Returns the stable code (`file_plan.index`, `file_plan.blank`, `file_plan.too_long`,
    /// `file_plan.control_character`, `file_plan.retention`, `file_plan.medium`,
    /// `file_plan.missing`, `file_plan.temporary_without_basis`, `file_plan.duplicate_index`,
    /// `file_plan.missing_parent`, `file_plan.unknown_entry`, `file_plan.row_columns`,
    /// `file_plan.header`, `file_plan.csv`, `file_plan.empty`).
    pub fn code(&self) -> &'static str {
        match &self.kind {
            FilePlanProblemKind::Index { .. } => "file_plan.index",
            FilePlanProblemKind::Text(TextProblem::Blank) => "file_plan.blank",
            FilePlanProblemKind::Text(TextProblem::TooLong { .. }) => "file_plan.too_long",
            FilePlanProblemKind::Text(TextProblem::ControlCharacter) => {
                "file_plan.control_character"
            }
            FilePlanProblemKind::Retention { .. } => "file_plan.retention",
            FilePlanProblemKind::Medium { .. } => "file_plan.medium",
            FilePlanProblemKind::Missing => "file_plan.missing",
            FilePlanProblemKind::TemporaryWithoutBasis => "file_plan.temporary_without_basis",
            FilePlanProblemKind::DuplicateIndex { .. } => "file_plan.duplicate_index",
            FilePlanProblemKind::MissingParent { .. } => "file_plan.missing_parent",
            FilePlanProblemKind::UnknownEntry => "file_plan.unknown_entry",
            FilePlanProblemKind::RowColumns { .. } => "file_plan.row_columns",
            FilePlanProblemKind::Header { .. } => "file_plan.header",
            FilePlanProblemKind::Csv => "file_plan.csv",
            FilePlanProblemKind::Empty => "file_plan.empty",
        }
    }

    /// Returns the problem as a sentence, without its place.
    pub fn message(&self) -> String {
        match &self.kind {
            FilePlanProblemKind::Index { error } => error.to_string(),
            FilePlanProblemKind::Text(problem) => format!("value {problem}"),
            FilePlanProblemKind::Retention { error } => error.to_string(),
            FilePlanProblemKind::Medium { found } => {
                format!("medium {found:?} is not papīrs, elektronisks, jaukts or cits")
            }
            FilePlanProblemKind::Missing => "value is required".to_owned(),
            FilePlanProblemKind::TemporaryWithoutBasis => {
                "a temporary retention period needs its legal basis".to_owned()
            }
            FilePlanProblemKind::DuplicateIndex { first_line } => match first_line {
                Some(line) => format!("index is already used on line {line}"),
                None => "index is already used".to_owned(),
            },
            FilePlanProblemKind::MissingParent { parent } => {
                format!("level {parent} above this index is not in the plan")
            }
            FilePlanProblemKind::UnknownEntry => "the plan has no entry with this index".to_owned(),
            FilePlanProblemKind::RowColumns { expected, found } => {
                format!("row has {found} columns, expected {expected}")
            }
            FilePlanProblemKind::Header { found } => {
                format!("header {found:?} is not the file plan header")
            }
            FilePlanProblemKind::Csv => "malformed csv".to_owned(),
            FilePlanProblemKind::Empty => "the plan has no entries".to_owned(),
        }
    }
}

impl fmt::Display for FilePlanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        if let Some(index) = &self.index {
            place.push(format!("index {index}"));
        }
        if let Some(column) = self.column {
            place.push(format!("column {:?}", column.header()));
        }
        if place.is_empty() {
            write!(f, "{}: {}", self.code(), self.message())
        } else {
            write!(
                f,
                "{}: {}: {}",
                place.join(", "),
                self.code(),
                self.message()
            )
        }
    }
}

/// The error returned by file-plan operations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FilePlanError {
    /// The plan or its entries break rules: every problem found.
    #[error("file plan has {}, the first: {}", PROBLEMS.count_of(Language::English, .problems.len()), first(.problems))]
    Invalid {
        /// Every problem, in line (then index) order.
        problems: Vec<FilePlanProblem>,
    },
    /// The year is outside 1900–9999.
    #[error("file plan year {year} is outside 1900-9999")]
    YearOutOfRange {
        /// The year given.
        year: i32,
    },
}

/// "1 problem", "8 problems".
const PROBLEMS: CountNoun<'static> = CountNoun::new("problem", "problems");

fn first(problems: &[FilePlanProblem]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

impl FilePlanError {
    /// Returns the stable code: `file_plan.invalid` or `file_plan.year_out_of_range`.
    pub fn code(&self) -> &'static str {
        match self {
            FilePlanError::Invalid { .. } => "file_plan.invalid",
            FilePlanError::YearOutOfRange { .. } => "file_plan.year_out_of_range",
        }
    }

    /// Returns the problems (empty for a year error).
    pub fn problems(&self) -> &[FilePlanProblem] {
        match self {
            FilePlanError::Invalid { problems } => problems,
            FilePlanError::YearOutOfRange { .. } => &[],
        }
    }

    /// Renders the error as the validation report `desk fileplan check` prints: a head line,
    /// then one problem per line.
    pub fn render_text(&self) -> String {
        match self {
            FilePlanError::Invalid { problems } => {
                let mut text = format!(
                    "file plan is invalid: {}\n",
                    PROBLEMS.count_of(Language::English, problems.len())
                );
                for problem in problems {
                    text.push_str(&format!("  {problem}\n"));
                }
                text
            }
            FilePlanError::YearOutOfRange { .. } => format!("{}: {self}\n", self.code()),
        }
    }
}

/// A file-plan row as entered (a form, a CSV row, JSON): every value as text, blank for
/// absent. [`FilePlanEntry::try_from`] checks it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FilePlanEntryInput {
    /// Column 1: index.
    pub index: String,
    /// Column 2: level name.
    pub level_name: String,
    /// Column 3: case title (blank for a classification level).
    pub title: String,
    /// Column 4: retention period.
    pub retention: String,
    /// Column 4a: legal basis of a temporary period.
    pub legal_basis: String,
    /// Column 5: responsible unit or employee.
    pub responsible: String,
    /// Column 6: medium.
    pub medium: String,
    /// Column 7: information system.
    pub information_system: String,
    /// Column 8: other data.
    pub other: String,
}

impl FilePlanEntryInput {
    fn values(&self) -> [(FilePlanColumn, &str); 9] {
        [
            (FilePlanColumn::Index, &self.index),
            (FilePlanColumn::LevelName, &self.level_name),
            (FilePlanColumn::Title, &self.title),
            (FilePlanColumn::Retention, &self.retention),
            (FilePlanColumn::LegalBasis, &self.legal_basis),
            (FilePlanColumn::Responsible, &self.responsible),
            (FilePlanColumn::Medium, &self.medium),
            (FilePlanColumn::InformationSystem, &self.information_system),
            (FilePlanColumn::Other, &self.other),
        ]
    }
}

/// The case part of a file-plan entry: what a case opened under it is.
///
/// Deserialises from `{"title", "retention", "legal_basis", "responsible", "medium"}` through
/// the checks of a file-plan row (texts of at most 300 characters on one line, a temporary
/// period with its legal basis), refusing a failing value with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CaseDescriptionRecord")]
pub struct CaseDescription {
    title: String,
    retention: RetentionPeriod,
    legal_basis: Option<String>,
    responsible: String,
    medium: Medium,
}

/// The saved form of a [`CaseDescription`], read before its checks (a case's header is
/// checked through it too).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseDescriptionRecord {
    pub(crate) title: String,
    pub(crate) retention: RetentionPeriod,
    pub(crate) legal_basis: Option<String>,
    pub(crate) responsible: String,
    pub(crate) medium: Medium,
}

impl CaseDescriptionRecord {
    /// Checks the saved case part of a plan line (of a [`CaseDescription`], or of a case's
    /// header, whose legal basis is the field `basis_field`) as a file-plan row is checked,
    /// and returns it; a value the check refuses or would change is refused.
    pub(crate) fn check(
        self,
        what: &'static str,
        basis_field: &'static str,
    ) -> Result<CaseDescription, RestoreError> {
        let input = FilePlanEntryInput {
            index: "1".to_owned(),
            title: self.title.clone(),
            retention: self.retention.to_string(),
            legal_basis: self.legal_basis.clone().unwrap_or_default(),
            responsible: self.responsible.clone(),
            medium: self.medium.to_string(),
            ..FilePlanEntryInput::default()
        };
        let field = |column: Option<FilePlanColumn>| match column {
            Some(FilePlanColumn::LegalBasis) => basis_field,
            Some(column) => column.field(),
            None => "",
        };
        let entry =
            FilePlanEntry::check(&input, None).map_err(|problems| match problems.first() {
                Some(problem) => {
                    RestoreError::invalid(what, field(problem.column), problem.clone())
                }
                None => RestoreError::inconsistent(what, "", "is not the case part of a plan line"),
            })?;
        let description = CaseDescription {
            title: self.title,
            retention: self.retention,
            legal_basis: self.legal_basis,
            responsible: self.responsible,
            medium: self.medium,
        };
        if entry.case.as_ref() != Some(&description) {
            return Err(RestoreError::inconsistent(
                what,
                "",
                "is not in the form a file-plan row gives (surrounding whitespace or a blank legal basis)",
            ));
        }
        Ok(description)
    }
}

impl TryFrom<CaseDescriptionRecord> for CaseDescription {
    type Error = RestoreError;

    fn try_from(record: CaseDescriptionRecord) -> Result<Self, Self::Error> {
        record.check("CaseDescription", "legal_basis")
    }
}

impl CaseDescription {
    /// Returns the case title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Returns the retention period.
    pub fn retention(&self) -> &RetentionPeriod {
        &self.retention
    }

    /// Returns the legal basis (always present for a temporary period).
    pub fn legal_basis(&self) -> Option<&str> {
        self.legal_basis.as_deref()
    }

    /// Returns the responsible unit or employee.
    pub fn responsible(&self) -> &str {
        &self.responsible
    }

    /// Returns the medium.
    pub fn medium(&self) -> Medium {
        self.medium
    }
}

/// One line of the file plan: a classification level (a heading, no case) or a case entry.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{FilePlanEntry, FilePlanEntryInput, Medium};
///
/// let entry = FilePlanEntry::try_from(FilePlanEntryInput {
///     index: "2.1".into(),
///     title: "Klientu sūdzības un atbildes".into(),
///     retention: "5 gadi".into(),
///     legal_basis: "Patērētāju tiesību aizsardzības likums, 26.1 pants".into(),
///     responsible: "Klientu apkalpošanas nodaļa".into(),
///     medium: "elektronisks".into(),
///     ..FilePlanEntryInput::default()
/// })?;
/// let case = entry.case().ok_or("a case entry")?;
/// assert_eq!(case.medium(), Medium::Electronic);
/// assert!(entry.is_case());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// The entry serialises as its [`FilePlanEntryInput`] (every column as text, blank when
/// absent) and deserialises through the same checks as a CSV row; a refused row is a
/// [`RestoreError`] naming the first problem's column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "FilePlanEntryRecord", into = "FilePlanEntryInput")]
pub struct FilePlanEntry {
    index: CaseIndex,
    level_name: Option<String>,
    case: Option<CaseDescription>,
    information_system: Option<String>,
    other: Option<String>,
}

impl FilePlanEntry {
    /// Returns the index.
    pub fn index(&self) -> &CaseIndex {
        &self.index
    }

    /// Returns the classification level's name, if given.
    pub fn level_name(&self) -> Option<&str> {
        self.level_name.as_deref()
    }

    /// Returns the case description, for a case entry.
    pub fn case(&self) -> Option<&CaseDescription> {
        self.case.as_ref()
    }

    /// Tells whether cases are opened under this entry.
    pub fn is_case(&self) -> bool {
        self.case.is_some()
    }

    /// Returns the link to an information system, if given.
    pub fn information_system(&self) -> Option<&str> {
        self.information_system.as_deref()
    }

    /// Returns the other data, if given.
    pub fn other(&self) -> Option<&str> {
        self.other.as_deref()
    }

    /// Checks an input row; `line` is used in problems.
    fn check(input: &FilePlanEntryInput, line: Option<u64>) -> Result<Self, Vec<FilePlanProblem>> {
        let index_text = input.index.trim();
        let label = (!index_text.is_empty()).then_some(index_text);
        let mut problems = Vec::new();
        let mut push = |column, kind| {
            problems.push(FilePlanProblem::new(line, label, Some(column), kind));
        };
        let index = match CaseIndex::try_new(index_text) {
            Ok(index) => Some(index),
            Err(error) => {
                push(FilePlanColumn::Index, FilePlanProblemKind::Index { error });
                None
            }
        };
        let mut texts: BTreeMap<FilePlanColumn, String> = BTreeMap::new();
        for (column, value) in input.values() {
            if column == FilePlanColumn::Index || value.trim().is_empty() {
                continue;
            }
            match clean(value, column.max_chars(), Lines::Single) {
                Ok(value) => {
                    texts.insert(column, value);
                }
                Err(problem) => push(column, FilePlanProblemKind::Text(problem)),
            }
        }
        let retention = texts
            .get(&FilePlanColumn::Retention)
            .and_then(|text| match text.parse::<RetentionPeriod>() {
                Ok(period) => Some(period),
                Err(error) => {
                    push(
                        FilePlanColumn::Retention,
                        FilePlanProblemKind::Retention { error },
                    );
                    None
                }
            });
        let medium =
            texts
                .get(&FilePlanColumn::Medium)
                .and_then(|text| match text.parse::<Medium>() {
                    Ok(medium) => Some(medium),
                    Err(error) => {
                        push(
                            FilePlanColumn::Medium,
                            FilePlanProblemKind::Medium { found: error.found },
                        );
                        None
                    }
                });
        let blank = |column: FilePlanColumn| {
            input
                .values()
                .iter()
                .any(|(c, value)| *c == column && value.trim().is_empty())
        };
        let title = texts.get(&FilePlanColumn::Title).cloned();
        let is_case = !blank(FilePlanColumn::Title)
            || [
                FilePlanColumn::Retention,
                FilePlanColumn::LegalBasis,
                FilePlanColumn::Responsible,
                FilePlanColumn::Medium,
            ]
            .iter()
            .any(|column| !blank(*column));
        if is_case {
            for column in [
                FilePlanColumn::Title,
                FilePlanColumn::Retention,
                FilePlanColumn::Responsible,
                FilePlanColumn::Medium,
            ] {
                if blank(column) {
                    push(column, FilePlanProblemKind::Missing);
                }
            }
            if retention
                .as_ref()
                .is_some_and(RetentionPeriod::is_temporary)
                && blank(FilePlanColumn::LegalBasis)
            {
                push(
                    FilePlanColumn::LegalBasis,
                    FilePlanProblemKind::TemporaryWithoutBasis,
                );
            }
        } else if blank(FilePlanColumn::LevelName) {
            push(FilePlanColumn::LevelName, FilePlanProblemKind::Missing);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let case = match (title, retention, medium) {
            (Some(title), Some(retention), Some(medium)) if is_case => Some(CaseDescription {
                title,
                retention,
                legal_basis: texts.get(&FilePlanColumn::LegalBasis).cloned(),
                responsible: texts
                    .get(&FilePlanColumn::Responsible)
                    .cloned()
                    .unwrap_or_default(),
                medium,
            }),
            _ => None,
        };
        match index {
            Some(index) => Ok(FilePlanEntry {
                index,
                level_name: texts.get(&FilePlanColumn::LevelName).cloned(),
                case,
                information_system: texts.get(&FilePlanColumn::InformationSystem).cloned(),
                other: texts.get(&FilePlanColumn::Other).cloned(),
            }),
            None => Err(Vec::new()),
        }
    }
}

impl TryFrom<FilePlanEntryInput> for FilePlanEntry {
    type Error = FilePlanError;

    /// Checks a row, reporting every problem at once.
    fn try_from(input: FilePlanEntryInput) -> Result<Self, Self::Error> {
        FilePlanEntry::check(&input, None).map_err(|problems| FilePlanError::Invalid { problems })
    }
}

/// The saved form of a [`FilePlanEntry`]: its input row, read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub(crate) struct FilePlanEntryRecord(FilePlanEntryInput);

impl TryFrom<FilePlanEntryRecord> for FilePlanEntry {
    type Error = RestoreError;

    /// Checks the saved row as a CSV row is checked; the first problem names the field.
    fn try_from(record: FilePlanEntryRecord) -> Result<Self, Self::Error> {
        FilePlanEntry::check(&record.0, None).map_err(|problems| match problems.first() {
            Some(problem) => RestoreError::invalid(
                "FilePlanEntry",
                problem.column.map_or("index", FilePlanColumn::field),
                problem.clone(),
            ),
            None => RestoreError::invalid_with(
                "FilePlanEntry",
                "index",
                "file_plan.index",
                "is not a case index",
            ),
        })
    }
}

impl From<FilePlanEntry> for FilePlanEntryInput {
    fn from(entry: FilePlanEntry) -> Self {
        let case = entry.case.as_ref();
        FilePlanEntryInput {
            index: entry.index.to_string(),
            level_name: entry.level_name.clone().unwrap_or_default(),
            title: case.map(|c| c.title.clone()).unwrap_or_default(),
            retention: case.map(|c| c.retention.to_string()).unwrap_or_default(),
            legal_basis: case.and_then(|c| c.legal_basis.clone()).unwrap_or_default(),
            responsible: case.map(|c| c.responsible.clone()).unwrap_or_default(),
            medium: case.map(|c| c.medium.to_string()).unwrap_or_default(),
            information_system: entry.information_system.clone().unwrap_or_default(),
            other: entry.other.clone().unwrap_or_default(),
        }
    }
}

/// A change for the next year's plan: [`FilePlan::copy_to_next_year`].
///
/// Serialised tagged by `change`: `{"change": "add", "index": "2.4", …}` (the entry's
/// columns), `{"change": "remove", "index": "2.4"}`; each entry deserialises through its
/// checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "ChangeRepr", from = "ChangeRepr")]
pub enum FilePlanChange {
    /// Adds a new entry.
    Add(FilePlanEntry),
    /// Replaces the entry with the same index.
    Replace(FilePlanEntry),
    /// Removes the entry with this index (its sub-entries must go too).
    Remove(CaseIndex),
}

/// The saved form of a [`FilePlanChange`]: a removal names its index in a field (a tagged
/// string cannot be written).
#[derive(Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
enum ChangeRepr {
    Add(FilePlanEntry),
    Replace(FilePlanEntry),
    Remove { index: CaseIndex },
}

impl From<FilePlanChange> for ChangeRepr {
    fn from(change: FilePlanChange) -> Self {
        match change {
            FilePlanChange::Add(entry) => ChangeRepr::Add(entry),
            FilePlanChange::Replace(entry) => ChangeRepr::Replace(entry),
            FilePlanChange::Remove(index) => ChangeRepr::Remove { index },
        }
    }
}

impl From<ChangeRepr> for FilePlanChange {
    fn from(repr: ChangeRepr) -> Self {
        match repr {
            ChangeRepr::Add(entry) => FilePlanChange::Add(entry),
            ChangeRepr::Replace(entry) => FilePlanChange::Replace(entry),
            ChangeRepr::Remove { index } => FilePlanChange::Remove(index),
        }
    }
}

/// The file plan of one year (*lietu nomenklatūra*; *dokumentu klasifikācijas shēma* in MK
/// noteikumi Nr. 282 (2024), which replaced No. 748).
///
/// Invariants: at least one entry; indexes unique; the parent of every index is in the plan;
/// every case entry has a title, retention, responsible unit and medium, and a temporary
/// period names its legal basis. Entries are kept in index order.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{CaseIndex, FilePlan, FilePlanChange};
///
/// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
///            1;Vadība;;;;;;;\n\
///            1.1;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;;\n\
///            1.2;;Rīkojumi par personālsastāvu;75 gadi;MK 690;Personāldaļa;papīrs;;\n";
/// let plan = FilePlan::from_csv(2026, csv)?;
/// assert_eq!(plan.entries().len(), 3);
/// assert_eq!(plan.cases().count(), 2);
/// let next = plan.copy_to_next_year(vec![FilePlanChange::Remove("1.2".parse::<CaseIndex>()?)])?;
/// assert_eq!((next.year(), next.entries().len()), (2027, 2));
/// assert_eq!(FilePlan::from_csv(2026, &plan.to_csv())?, plan);
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §5b, §13.5 \[N23\] (columns, categories); private companies need no scheme agreed
/// with LNA, but one is the way to follow records-management rules (T3.4, T3.9, C17).
///
/// # Saved form
///
/// `{"year": 2026, "entries": [{"index": "1", "level_name": "Vadība", …}, …]}`, each entry
/// as its input row. Deserialising checks every entry as a CSV row, then the plan: the year
/// in 1900–9999, at least one entry, entries in strictly increasing index order (so indexes
/// are unique), the parent of every index present. A failing value is refused with a
/// [`RestoreError`] naming the entry (`entries[3].index`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FilePlanRecord")]
pub struct FilePlan {
    year: i32,
    entries: Vec<FilePlanEntry>,
}

/// The saved form of a [`FilePlan`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePlanRecord {
    year: i32,
    entries: Vec<FilePlanEntryRecord>,
}

impl TryFrom<FilePlanRecord> for FilePlan {
    type Error = RestoreError;

    fn try_from(record: FilePlanRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "FilePlan";
        if !YEARS.contains(&record.year) {
            return Err(RestoreError::invalid(
                WHAT,
                "year",
                FilePlanError::YearOutOfRange { year: record.year },
            ));
        }
        if record.entries.is_empty() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "entries",
                "a file plan has at least one entry",
            ));
        }
        let mut entries: Vec<FilePlanEntry> = Vec::with_capacity(record.entries.len());
        for (position, entry) in record.entries.into_iter().enumerate() {
            let at = format!("entries[{position}]");
            let entry = FilePlanEntry::try_from(entry).map_err(|error| error.within(&at))?;
            if let Some(previous) = entries.last() {
                match previous.index.cmp(&entry.index) {
                    std::cmp::Ordering::Less => {}
                    std::cmp::Ordering::Equal => {
                        return Err(RestoreError::duplicate(
                            WHAT,
                            format!("{at}.index"),
                            &entry.index,
                        ));
                    }
                    std::cmp::Ordering::Greater => {
                        return Err(RestoreError::inconsistent(
                            WHAT,
                            format!("{at}.index"),
                            format_args!(
                                "{} comes after {}: entries are kept in index order",
                                entry.index, previous.index
                            ),
                        ));
                    }
                }
            }
            entries.push(entry);
        }
        for (position, entry) in entries.iter().enumerate() {
            if let Some(parent) = entry.index.parent()
                && entries
                    .binary_search_by(|other| other.index.cmp(&parent))
                    .is_err()
            {
                return Err(RestoreError::missing(
                    WHAT,
                    format!("entries[{position}].index"),
                    format_args!(
                        "the level {parent} above {} is not in the plan",
                        entry.index
                    ),
                ));
            }
        }
        // The constructor's own checks, so restoring cannot drift from building.
        FilePlan::try_new(record.year, entries)
            .map_err(|error| RestoreError::invalid(WHAT, "entries", error))
    }
}

impl FilePlan {
    /// Creates a plan for `year` from entries, checking the whole plan.
    ///
    /// # Errors
    ///
    /// [`FilePlanError::YearOutOfRange`] outside 1900–9999; [`FilePlanError::Invalid`] with
    /// `file_plan.empty`, `file_plan.duplicate_index`, `file_plan.missing_parent`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{FilePlan, FilePlanEntry, FilePlanEntryInput};
    ///
    /// let orphan = FilePlanEntry::try_from(FilePlanEntryInput {
    ///     index: "4.1".into(),
    ///     title: "Līgumi".into(),
    ///     retention: "10 gadi".into(),
    ///     legal_basis: "Civillikums".into(),
    ///     responsible: "Juridiskā nodaļa".into(),
    ///     medium: "papīrs".into(),
    ///     ..FilePlanEntryInput::default()
    /// })?;
    /// let error = FilePlan::try_new(2026, vec![orphan]).unwrap_err();
    /// assert_eq!(error.problems()[0].code(), "file_plan.missing_parent");
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn try_new(year: i32, entries: Vec<FilePlanEntry>) -> Result<Self, FilePlanError> {
        let lines = vec![None; entries.len()];
        FilePlan::build(year, entries, &lines, Vec::new())
    }

    fn build(
        year: i32,
        entries: Vec<FilePlanEntry>,
        lines: &[Option<u64>],
        mut problems: Vec<FilePlanProblem>,
    ) -> Result<Self, FilePlanError> {
        if !YEARS.contains(&year) {
            return Err(FilePlanError::YearOutOfRange { year });
        }
        if entries.is_empty() && problems.is_empty() {
            problems.push(FilePlanProblem::new(
                None,
                None,
                None,
                FilePlanProblemKind::Empty,
            ));
        }
        let mut seen: BTreeMap<&CaseIndex, Option<u64>> = BTreeMap::new();
        for (entry, line) in entries.iter().zip(lines.iter().copied()) {
            match seen.get(&entry.index) {
                Some(first_line) => problems.push(FilePlanProblem::new(
                    line,
                    Some(entry.index.as_str()),
                    Some(FilePlanColumn::Index),
                    FilePlanProblemKind::DuplicateIndex {
                        first_line: *first_line,
                    },
                )),
                None => {
                    seen.insert(&entry.index, line);
                }
            }
        }
        for (entry, line) in entries.iter().zip(lines.iter().copied()) {
            if let Some(parent) = entry.index.parent()
                && !seen.contains_key(&parent)
            {
                problems.push(FilePlanProblem::new(
                    line,
                    Some(entry.index.as_str()),
                    Some(FilePlanColumn::Index),
                    FilePlanProblemKind::MissingParent {
                        parent: parent.to_string(),
                    },
                ));
            }
        }
        if !problems.is_empty() {
            problems.sort_by(|a, b| {
                (a.line.is_none(), a.line)
                    .cmp(&(b.line.is_none(), b.line))
                    .then_with(|| a.index.cmp(&b.index))
                    .then_with(|| a.column.cmp(&b.column))
            });
            return Err(FilePlanError::Invalid { problems });
        }
        let mut entries = entries;
        entries.sort_by(|a, b| a.index.cmp(&b.index));
        Ok(FilePlan { year, entries })
    }

    /// Reads a plan from CSV: `;`-separated, the header row first (Latvian or English
    /// headers, see [`FilePlanColumn`]), nine columns per row, blank rows skipped.
    ///
    /// # Errors
    ///
    /// [`FilePlanError::Invalid`] listing every problem of every row (with its line), then
    /// the plan-wide ones; [`FilePlanError::YearOutOfRange`].
    ///
    /// # Examples
    ///
    /// See [`FilePlan`].
    pub fn from_csv(year: i32, text: &str) -> Result<Self, FilePlanError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut problems = Vec::new();
        let mut entries = Vec::new();
        let mut lines = Vec::new();
        let mut header_seen = false;
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(error) => {
                    let line = error.position().map(csv::Position::line);
                    problems.push(FilePlanProblem::new(
                        line,
                        None,
                        None,
                        FilePlanProblemKind::Csv,
                    ));
                    break;
                }
            };
            let line = record.position().map(csv::Position::line);
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            if !header_seen {
                header_seen = true;
                let lower: Vec<String> = record
                    .iter()
                    .map(|field| field.trim().trim_start_matches('\u{feff}').to_lowercase())
                    .collect();
                let latvian = FilePlanColumn::ALL
                    .iter()
                    .map(|c| c.header().to_lowercase());
                let english = FilePlanColumn::ALL
                    .iter()
                    .map(|c| c.english_header().to_owned());
                if !lower.iter().cloned().eq(latvian) && !lower.iter().cloned().eq(english) {
                    problems.push(FilePlanProblem::new(
                        line,
                        None,
                        None,
                        FilePlanProblemKind::Header {
                            found: echo(&lower.join(";")),
                        },
                    ));
                    break;
                }
                continue;
            }
            let fields: Vec<&str> = record.iter().collect();
            let [
                index,
                level_name,
                title,
                retention,
                legal_basis,
                responsible,
                medium,
                information_system,
                other,
            ] = fields.as_slice()
            else {
                problems.push(FilePlanProblem::new(
                    line,
                    record.get(0).map(str::trim).filter(|t| !t.is_empty()),
                    None,
                    FilePlanProblemKind::RowColumns {
                        expected: FilePlanColumn::ALL.len(),
                        found: record.len(),
                    },
                ));
                continue;
            };
            let input = FilePlanEntryInput {
                index: (*index).to_owned(),
                level_name: (*level_name).to_owned(),
                title: (*title).to_owned(),
                retention: (*retention).to_owned(),
                legal_basis: (*legal_basis).to_owned(),
                responsible: (*responsible).to_owned(),
                medium: (*medium).to_owned(),
                information_system: (*information_system).to_owned(),
                other: (*other).to_owned(),
            };
            match FilePlanEntry::check(&input, line) {
                Ok(entry) => {
                    entries.push(entry);
                    lines.push(line);
                }
                Err(mut found) => problems.append(&mut found),
            }
        }
        if !header_seen && problems.is_empty() {
            problems.push(FilePlanProblem::new(
                None,
                None,
                None,
                FilePlanProblemKind::Empty,
            ));
        }
        FilePlan::build(year, entries, &lines, problems)
    }

    /// Writes the plan as CSV in the form [`FilePlan::from_csv`] reads: Latvian header,
    /// `;`-separated, values quoted where needed, `\n` line ends.
    pub fn to_csv(&self) -> String {
        let mut text = String::new();
        let header: Vec<&str> = FilePlanColumn::ALL.iter().map(|c| c.header()).collect();
        push_row(&mut text, &header);
        for entry in &self.entries {
            let input = FilePlanEntryInput::from(entry.clone());
            let values = input.values();
            let row: Vec<&str> = values.iter().map(|(_, value)| *value).collect();
            push_row(&mut text, &row);
        }
        text
    }

    /// Returns the year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Returns the entries in index order.
    pub fn entries(&self) -> &[FilePlanEntry] {
        &self.entries
    }

    /// Returns the entry with `index`.
    pub fn entry(&self, index: &CaseIndex) -> Option<&FilePlanEntry> {
        self.entries
            .binary_search_by(|entry| entry.index.cmp(index))
            .ok()
            .and_then(|position| self.entries.get(position))
    }

    /// Returns the case entries.
    pub fn cases(&self) -> impl Iterator<Item = &FilePlanEntry> {
        self.entries.iter().filter(|entry| entry.is_case())
    }

    /// Copies the plan to the next year with changes applied in order, then checks it.
    ///
    /// # Errors
    ///
    /// [`FilePlanError::Invalid`] with `file_plan.unknown_entry` for a replace or remove of
    /// an absent index, `file_plan.duplicate_index` for an add of a present one, and the
    /// plan-wide problems of the result; [`FilePlanError::YearOutOfRange`] after 9999.
    pub fn copy_to_next_year(
        &self,
        changes: Vec<FilePlanChange>,
    ) -> Result<FilePlan, FilePlanError> {
        let year = self
            .year
            .checked_add(1)
            .ok_or(FilePlanError::YearOutOfRange { year: self.year })?;
        let mut entries = self.entries.clone();
        let mut problems = Vec::new();
        let unknown = |index: &CaseIndex| {
            FilePlanProblem::new(
                None,
                Some(index.as_str()),
                Some(FilePlanColumn::Index),
                FilePlanProblemKind::UnknownEntry,
            )
        };
        for change in changes {
            match change {
                FilePlanChange::Add(entry) => entries.push(entry),
                FilePlanChange::Replace(entry) => {
                    match entries.iter_mut().find(|e| e.index == entry.index) {
                        Some(slot) => *slot = entry,
                        None => problems.push(unknown(&entry.index)),
                    }
                }
                FilePlanChange::Remove(index) => {
                    let before = entries.len();
                    entries.retain(|e| e.index != index);
                    if entries.len() == before {
                        problems.push(unknown(&index));
                    }
                }
            }
        }
        let lines = vec![None; entries.len()];
        FilePlan::build(year, entries, &lines, problems)
    }

    /// Counts the case entries per retention category.
    pub fn count_by_category(&self) -> BTreeMap<RetentionCategory, usize> {
        let mut counts = BTreeMap::new();
        for case in self.cases().filter_map(FilePlanEntry::case) {
            let count = counts.entry(case.retention.category()).or_insert(0_usize);
            *count = count.saturating_add(1);
        }
        counts
    }

    /// Renders the plan as the summary table `desk fileplan check` prints for a valid file.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::FilePlan;
    ///
    /// let csv = "index;level name;case title;retention;legal basis;responsible;medium;information system;other\n\
    ///            1;Vadība;;;;;;;\n\
    ///            1.1;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;;\n";
    /// let summary = FilePlan::from_csv(2026, csv)?.render_summary();
    /// assert!(summary.starts_with("file plan 2026: 2 entries (1 level, 1 case)\n"));
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn render_summary(&self) -> String {
        let cases = self.cases().count();
        let levels = self.entries.len().saturating_sub(cases);
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut text = format!(
            "file plan {}: {} ({}, {})\n",
            self.year,
            plural(self.entries.len(), "entry", "entries"),
            plural(levels, "level", "levels"),
            plural(cases, "case", "cases"),
        );
        let width = self
            .entries
            .iter()
            .map(|entry| entry.index.as_str().chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        let title_width = 44;
        text.push_str(&format!(
            "{:<width$}  {:<title_width$}  {:<30}  {:<10}  {:<28}  {}\n",
            "index", "title", "retention", "category", "responsible", "medium"
        ));
        for entry in &self.entries {
            let indent = "  ".repeat(entry.index.depth().saturating_sub(1));
            match &entry.case {
                Some(case) => text.push_str(&format!(
                    "{:<width$}  {:<title_width$}  {:<30}  {:<10}  {:<28}  {}\n",
                    entry.index.as_str(),
                    cut(&format!("{indent}{}", case.title), title_width),
                    case.retention.to_string(),
                    case.retention.category().latvian_name(),
                    cut(&case.responsible, 28),
                    case.medium
                )),
                None => text.push_str(&format!(
                    "{:<width$}  {}\n",
                    entry.index.as_str(),
                    cut(
                        &format!("{indent}{}", entry.level_name.as_deref().unwrap_or("")),
                        title_width
                    ),
                )),
            }
        }
        let counts = self.count_by_category();
        let count = |category| counts.get(&category).copied().unwrap_or(0);
        text.push_str(&format!(
            "cases by retention: pastāvīgi {}, ilgstoši {}, īslaicīgi {}\n",
            count(RetentionCategory::Permanent),
            count(RetentionCategory::LongTerm),
            count(RetentionCategory::ShortTerm),
        ));
        text
    }
}

/// Cuts text to `max` characters, marking the cut with `…`.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Appends a `;`-separated row, quoting fields that need it.
fn push_row(text: &mut String, fields: &[&str]) {
    for (position, field) in fields.iter().enumerate() {
        if position > 0 {
            text.push(';');
        }
        if field.contains([';', '"', '\n', '\r']) {
            text.push('"');
            text.push_str(&field.replace('"', "\"\""));
            text.push('"');
        } else {
            text.push_str(field);
        }
    }
    text.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n";

    #[test]
    fn collects_every_problem_with_lines() {
        let csv = format!(
            "{HEADER}1;Vadība;;;;;;;\n1.1;;;5 gadi;;;;;\n1.1;;Lēmumi;pastāvīgi;;Valde;disketes;;\n2.1;;Līgumi;10 gadi;CL;Jur;papīrs;;\n3;x\n"
        );
        let error = FilePlan::from_csv(2026, &csv).unwrap_err();
        let found: Vec<(Option<u64>, &str)> = error
            .problems()
            .iter()
            .map(|p| (p.line(), p.code()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(3), "file_plan.missing"),
                (Some(3), "file_plan.temporary_without_basis"),
                (Some(3), "file_plan.missing"),
                (Some(3), "file_plan.missing"),
                (Some(4), "file_plan.medium"),
                (Some(5), "file_plan.missing_parent"),
                (Some(6), "file_plan.row_columns"),
            ]
        );
    }

    #[test]
    fn header_and_empty() {
        assert_eq!(
            FilePlan::from_csv(2026, "").unwrap_err().problems()[0].code(),
            "file_plan.empty"
        );
        assert_eq!(
            FilePlan::from_csv(2026, "a;b\n").unwrap_err().problems()[0].code(),
            "file_plan.header"
        );
        assert_eq!(
            FilePlan::from_csv(2026, HEADER).unwrap_err().problems()[0].code(),
            "file_plan.empty"
        );
        assert_eq!(
            FilePlan::from_csv(1800, HEADER).unwrap_err().code(),
            "file_plan.year_out_of_range"
        );
    }

    #[test]
    fn csv_round_trip_quotes() {
        let csv = format!("{HEADER}1;\"Vadība; lēmumi\";;;;;;;\"ar \"\"pēdiņām\"\"\"\n");
        let plan = FilePlan::from_csv(2026, &csv).unwrap();
        assert_eq!(plan.entries()[0].other(), Some("ar \"pēdiņām\""));
        assert_eq!(FilePlan::from_csv(2026, &plan.to_csv()).unwrap(), plan);
    }

    #[test]
    fn copy_reports_unknown_and_duplicates() {
        let csv = format!("{HEADER}1;Vadība;;;;;;;\n");
        let plan = FilePlan::from_csv(2026, &csv).unwrap();
        let entry = plan.entries()[0].clone();
        let error = plan
            .copy_to_next_year(vec![
                FilePlanChange::Add(entry),
                FilePlanChange::Remove("9".parse().unwrap()),
            ])
            .unwrap_err();
        let codes: Vec<&str> = error.problems().iter().map(FilePlanProblem::code).collect();
        assert_eq!(
            codes,
            ["file_plan.duplicate_index", "file_plan.unknown_entry"]
        );
    }
}
