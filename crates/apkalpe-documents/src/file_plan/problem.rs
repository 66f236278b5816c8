//! What can be wrong in a file plan: its problems, where they are, and the error that lists them.

use super::*;

/// What is wrong in a file plan.
///
/// Serialised flat, tagged by the problem's code suffix (`{"problem":"blank"}`,
/// `{"problem":"index","error":{"error":"segment","position":3,"found":""}}`). Before issue
/// 13 a text problem repeated the tag and the parse errors of `index` and `retention` were
/// left out; the doubled tag is still read, but an `index` or `retention` problem without its
/// `error` cannot be restored (its cause was never saved).
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
/// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
/// # let problem = &error.problems()[0];
/// # let _ = (&problem,);
/// assert_eq!(problem.kind(), &FilePlanProblemKind::TemporaryWithoutBasis);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "PlanProblemRepr"))]
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

#[cfg(feature = "serde")]
/// The saved form of a [`FilePlanProblemKind`]: the text problem flattened into the tag.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)
)]
pub(super) enum PlanProblemRepr {
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

#[cfg(feature = "serde")]
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

#[cfg(feature = "serde")]
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

#[cfg(feature = "serde")]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FilePlanProblem {
    pub(super) line: Option<u64>,
    pub(super) index: Option<String>,
    pub(super) column: Option<FilePlanColumn>,
    pub(super) kind: FilePlanProblemKind,
}

impl FilePlanProblem {
    pub(super) fn new(
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.line(), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// Returns the entry's index text, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.index(), Some("1.1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> Option<&str> {
        self.index.as_deref()
    }

    /// Returns the column concerned, if one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.column(), Some(FilePlanColumn::LegalBasis));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self) -> Option<FilePlanColumn> {
        self.column
    }

    /// Returns what is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.kind(), &FilePlanProblemKind::TemporaryWithoutBasis);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &FilePlanProblemKind {
        &self.kind
    }

    /// Returns the stable code (`file_plan.index`, `file_plan.blank`, `file_plan.too_long`,
    /// `file_plan.control_character`, `file_plan.retention`, `file_plan.medium`,
    /// `file_plan.missing`, `file_plan.temporary_without_basis`, `file_plan.duplicate_index`,
    /// `file_plan.missing_parent`, `file_plan.unknown_entry`, `file_plan.row_columns`,
    /// `file_plan.header`, `file_plan.csv`, `file_plan.empty`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.code(), "file_plan.temporary_without_basis");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(problem.message(), "a temporary retention period needs its legal basis");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
/// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
/// # let problem = &error.problems()[0];
/// # let _ = (&problem,);
/// assert_eq!(error.code(), "file_plan.invalid");
/// assert_eq!(FilePlan::try_new(1800, vec![]).unwrap_err().code(), "file_plan.year_out_of_range");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
pub(super) const PROBLEMS: CountNoun<'static> = CountNoun::new("problem", "problems");

pub(super) fn first(problems: &[FilePlanProblem]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

impl FilePlanError {
    /// Returns the stable code: `file_plan.invalid` or `file_plan.year_out_of_range`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(error.code(), "file_plan.invalid");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            FilePlanError::Invalid { .. } => "file_plan.invalid",
            FilePlanError::YearOutOfRange { .. } => "file_plan.year_out_of_range",
        }
    }

    /// Returns the problems (empty for a year error).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert_eq!(error.problems().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problems(&self) -> &[FilePlanProblem] {
        match self {
            FilePlanError::Invalid { problems } => problems,
            FilePlanError::YearOutOfRange { .. } => &[],
        }
    }

    /// Renders the error as the validation report `desk fileplan check` prints: a head line,
    /// then one problem per line.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;;Valde;papīrs;;\n";
    /// # let error = FilePlan::from_csv(2026, csv).unwrap_err();
    /// # let problem = &error.problems()[0];
    /// # let _ = (&problem,);
    /// assert!(error.render_text().starts_with("file plan is invalid: 1 problem\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
