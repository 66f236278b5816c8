//! The file plan (*lietu nomenklatūra*, under MK 282 *dokumentu klasifikācijas shēma*): the
//! year's classification levels and cases with their retention periods.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language};
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::case_index::{CaseIndex, ParseCaseIndexError};
use crate::retention::{ParseRetentionError, RetentionCategory, RetentionPeriod};
#[cfg(feature = "serde")]
use crate::text::TaggedObject;
use crate::text::{Lines, TextProblem, clean, echo};

mod column;
#[cfg(feature = "csv")]
mod csv;
mod entry;
mod medium;
mod problem;

pub use column::*;
pub use entry::*;
pub use medium::*;
pub use problem::*;

/// The first and last year a file plan may be for.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FilePlanRecord"))]
pub struct FilePlan {
    year: i32,
    entries: Vec<FilePlanEntry>,
}

/// The saved form of a [`FilePlan`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct FilePlanRecord {
    year: i32,
    entries: Vec<FilePlanEntryRecord>,
}

#[cfg(feature = "serde")]
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
            )
            .with_latvian_reason("lietu nomenklatūrā ir vismaz viens ieraksts"));
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
                        )
                        .with_latvian_reason(format_args!(
                            "{} ir aiz {}: ieraksti ir sakārtoti pēc indeksa",
                            entry.index, previous.index
                        )));
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
                )
                .with_latvian_reason(format_args!(
                    "nomenklatūrā nav līmeņa {parent}, kas ir virs {}",
                    entry.index
                )));
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
