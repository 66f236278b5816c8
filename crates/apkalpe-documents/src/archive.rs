//! The archive: cases due for transfer, cases due for destruction, the transfer list and
//! the destruction act (*dokumentu iznīcināšanas akts*).

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language};
use chrono::{Datelike, NaiveDate};

use crate::case::ClosedCase;
#[cfg(feature = "serde")]
use crate::case_index::CaseIndex;
use crate::file_plan::Medium;
use crate::retention::{RetentionCategory, RetentionPeriod};
#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean};

/// "1 lieta", "2 lietas".
const CASES: CountNoun<'static> = CountNoun::new("lieta", "lietas");

/// "1 dokuments", "2 dokumenti".
const DOCUMENTS: CountNoun<'static> = CountNoun::new("dokuments", "dokumenti");

/// When closed cases with archival value go to the archive: the organisation's own part of
/// the rule. The legal term by medium is a [`TransferTerms`] table.
///
/// A plain record of settings the caller fills in (start from the default, change it with
/// the `with_*` methods); any number of years is valid, so nothing checks it, and
/// [`transfer_list`] applies it.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::ArchivePolicy;
///
/// let policy = ArchivePolicy::default();
/// assert_eq!((policy.transfer_after_years, policy.transfer_within_years), (1, 15));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ArchivePolicy {
    /// A case is due from 1 January of the closing year + this many years (default 1: the
    /// year after the records-management year).
    pub transfer_after_years: u16,
    /// The organisation's own latest term: transferred by 31 December of the closing year +
    /// this many years. The legal term of the case's medium ([`TransferTerms`]: paper 15
    /// years, electronic 5) applies too, and the earlier date wins. Default 15, the longest
    /// legal term, so by default the law alone decides.
    pub transfer_within_years: u16,
}

impl Default for ArchivePolicy {
    fn default() -> Self {
        ArchivePolicy {
            transfer_after_years: 1,
            transfer_within_years: 15,
        }
    }
}

/// One dated rule of a [`TransferTerms`] table: the media it covers, the dates it is in force
/// (by the date the transfer list is drawn up), the years after the closing year by which
/// cases go to the National Archives, and the legal basis.
///
/// A plain record the caller fills in (a dated fact of law, as in [`TransferTerms::latvia`]);
/// each field is checked by its own type, and [`TransferTerms::from_terms`] takes the rows as
/// given.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{Medium, TransferTerm, TransferTerms};
/// use chrono::NaiveDate;
///
/// let term = TransferTerm {
///     media: vec![Medium::Paper],
///     valid_from: None,
///     valid_until: None,
///     within_years: 10,
///     basis: "iestādes noteikumi".into(),
/// };
/// let terms = TransferTerms::from_terms(vec![term]);
/// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// assert_eq!(terms.term(Medium::Paper, today).map(|t| t.within_years), Some(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TransferTerm {
    /// The media the term covers.
    pub media: Vec<Medium>,
    /// The first day the term is in force; `None` for open.
    pub valid_from: Option<NaiveDate>,
    /// The last day the term is in force; `None` for open.
    pub valid_until: Option<NaiveDate>,
    /// Transferred by 31 December of the closing year + this many years.
    pub within_years: u16,
    /// The legal basis.
    pub basis: String,
}

impl TransferTerm {
    fn applies(&self, medium: Medium, on: NaiveDate) -> bool {
        self.media.contains(&medium)
            && self.valid_from.is_none_or(|from| from <= on)
            && self.valid_until.is_none_or(|until| on <= until)
    }
}

/// The legal terms for transferring cases of permanent value to the National Archives, by
/// medium, effective-dated (T3.4).
///
/// [`TransferTerms::latvia`] holds MK noteikumi Nr. 282 (2024): paper within 15 years,
/// electronic and audiovisual within 5 (`docs/sources.md` §5b \[R5\]\[R10\]). A hybrid case
/// takes the electronic term (its electronic part may not wait longer), and so does "other"
/// (audiovisual, microfilm). The regulation's day in force is taken as the day after its
/// publication (9 May 2024), the usual rule for Cabinet regulations; the terms of the
/// regulations before it are not collected, so a list drawn up before 10 May 2024 falls back
/// to the [`ArchivePolicy`] alone. These are data: a caller with better knowledge replaces or
/// extends them with [`TransferTerms::from_terms`].
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{Medium, TransferTerms};
/// use chrono::NaiveDate;
///
/// let terms = TransferTerms::latvia();
/// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// assert_eq!(terms.term(Medium::Paper, today).map(|t| t.within_years), Some(15));
/// assert_eq!(terms.term(Medium::Electronic, today).map(|t| t.within_years), Some(5));
/// let before = NaiveDate::from_ymd_opt(2024, 5, 9).ok_or("date")?;
/// assert!(terms.term(Medium::Paper, before).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Saved as `{"terms": [TransferTerm, …]}`; like [`TransferTerms::from_terms`], reading checks
/// nothing beyond each term's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TransferTerms {
    terms: Vec<TransferTerm>,
}

impl TransferTerms {
    /// The Latvian terms (see the type's documentation).
    pub fn latvia() -> Self {
        let from = NaiveDate::from_ymd_opt(2024, 5, 10);
        let basis = "MK noteikumi Nr. 282 (2024) \"Dokumentu un arhīvu pārvaldības noteikumi\"";
        TransferTerms {
            terms: vec![
                TransferTerm {
                    media: vec![Medium::Paper],
                    valid_from: from,
                    valid_until: None,
                    within_years: 15,
                    basis: basis.to_owned(),
                },
                TransferTerm {
                    media: vec![Medium::Electronic, Medium::Hybrid, Medium::Other],
                    valid_from: from,
                    valid_until: None,
                    within_years: 5,
                    basis: basis.to_owned(),
                },
            ],
        }
    }

    /// Creates a table from terms; where two cover the same medium and day, the first wins.
    pub fn from_terms(terms: Vec<TransferTerm>) -> Self {
        TransferTerms { terms }
    }

    /// Returns the terms.
    pub fn terms(&self) -> &[TransferTerm] {
        &self.terms
    }

    /// Returns the term for `medium` in force on `on`, if any.
    pub fn term(&self, medium: Medium, on: NaiveDate) -> Option<&TransferTerm> {
        self.terms.iter().find(|term| term.applies(medium, on))
    }
}

impl ArchivePolicy {
    /// Sets the years after closing when transfer becomes due.
    #[must_use]
    pub fn with_transfer_after_years(mut self, years: u16) -> Self {
        self.transfer_after_years = years;
        self
    }

    /// Sets the years after closing by which the transfer should happen.
    #[must_use]
    pub fn with_transfer_within_years(mut self, years: u16) -> Self {
        self.transfer_within_years = years;
        self
    }
}

/// One case on a transfer list, as [`transfer_list`] computes it: its fields are read through
/// getters.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
/// # let plan = FilePlan::from_csv(2025, csv)?;
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
/// # case.file(DocumentId::from_u128(1))?;
/// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
/// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
/// let entry = &list.entries()[0];
/// assert_eq!((entry.index(), entry.transfer_by()), ("1.1", day(2040, 12, 31)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TransferEntry {
    /// The case index.
    pub(crate) index: String,
    /// The plan year.
    pub(crate) year: i32,
    /// The title.
    pub(crate) title: String,
    /// The retention period.
    pub(crate) retention: RetentionPeriod,
    /// The category (long-term or permanent).
    pub(crate) category: RetentionCategory,
    /// The closing date.
    pub(crate) closed_on: NaiveDate,
    /// The number of documents.
    pub(crate) documents: usize,
    /// The medium.
    pub(crate) medium: Medium,
    /// Transfer should happen by this day.
    pub(crate) transfer_by: NaiveDate,
}

impl TransferEntry {
    /// Returns the case index.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.index(), "1.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &str {
        &self.index
    }

    /// Returns the plan year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.year(), 2025);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Returns the case title.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.title(), "Valdes lēmumi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Returns the retention period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert!(!entry.retention().is_temporary());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention(&self) -> &RetentionPeriod {
        &self.retention
    }

    /// Returns the category (long-term or permanent).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.category(), RetentionCategory::Permanent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn category(&self) -> RetentionCategory {
        self.category
    }

    /// Returns the closing date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.closed_on(), day(2025, 12, 31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed_on(&self) -> NaiveDate {
        self.closed_on
    }

    /// Returns the number of documents.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.documents(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Returns the medium.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.medium(), Medium::Paper);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn medium(&self) -> Medium {
        self.medium
    }

    /// Returns the day by which the case should be transferred.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Vadība;;;;;;;\n1.1;;Valdes lēmumi;pastāvīgi;;Valde;papīrs;;\n";
    /// # let plan = FilePlan::from_csv(2025, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.1".parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let cases = [case.close(day(2025, 12, 31)?, None, CountingRule::default())?];
    /// let list = transfer_list("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default());
    /// let entry = &list.entries()[0];
    /// assert_eq!(entry.transfer_by(), day(2040, 12, 31)?); // paper: 15 years
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transfer_by(&self) -> NaiveDate {
        self.transfer_by
    }
}

/// The list of cases due for transfer to the archive (*arhīvā nododamo lietu saraksts*).
///
/// Saved as `{"organisation", "date", "entries": [TransferEntry, …]}`; deserialising checks
/// what [`transfer_list`] guarantees as far as the list shows it (the policy is not saved):
/// every entry a long-term or permanent case whose category is its retention's, closed no
/// later than the list's year, to be transferred by a 31 December no earlier than its
/// closing; entries in index, then year order. A failing value is refused with a
/// [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "TransferListRecord"))]
pub struct TransferList {
    organisation: String,
    date: NaiveDate,
    entries: Vec<TransferEntry>,
}

/// The saved form of a [`TransferList`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct TransferListRecord {
    organisation: String,
    date: NaiveDate,
    entries: Vec<TransferEntry>,
}

#[cfg(feature = "serde")]
/// Parses the index of a saved list entry.
fn entry_index(what: &'static str, at: &str, index: &str) -> Result<CaseIndex, RestoreError> {
    CaseIndex::try_new(index)
        .map_err(|error| RestoreError::invalid(what, format!("{at}.index"), error))
}

#[cfg(feature = "serde")]
impl TryFrom<TransferListRecord> for TransferList {
    type Error = RestoreError;

    fn try_from(record: TransferListRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "TransferList";
        let mut previous: Option<(CaseIndex, i32)> = None;
        for (position, entry) in record.entries.iter().enumerate() {
            let at = format!("entries[{position}]");
            let key = (entry_index(WHAT, &at, &entry.index)?, entry.year);
            if entry.category != entry.retention.category() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.category"),
                    format_args!(
                        "the retention {} is {}",
                        entry.retention,
                        entry.retention.category().latvian_name()
                    ),
                )
                .with_latvian_reason(format_args!(
                    "glabāšanas termiņam {} atbilst kategorija \"{}\"",
                    entry.retention,
                    entry.retention.category().latvian_name()
                )));
            }
            if !entry.category.has_archival_value() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.category"),
                    "short-term cases are destroyed when due, not transferred",
                )
                .with_latvian_reason(
                    "īslaicīgi glabājamās lietas pēc termiņa iznīcina, nevis nodod arhīvā",
                ));
            }
            if record.date.year() < entry.closed_on.year() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.closed_on"),
                    format_args!(
                        "a case closed in {} is not due in {}",
                        entry.closed_on.year(),
                        record.date.year()
                    ),
                )
                .with_latvian_reason(format_args!(
                    "{}. gadā slēgtu lietu nav jānodod {}. gadā",
                    entry.closed_on.year(),
                    record.date.year()
                )));
            }
            if (entry.transfer_by.month(), entry.transfer_by.day()) != (12, 31)
                || entry.transfer_by.year() < entry.closed_on.year()
            {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.transfer_by"),
                    "a transfer is due by 31 December of the closing year or later",
                )
                .with_latvian_reason(
                    "lieta jānodod līdz slēgšanas gada vai kāda vēlāka gada 31. decembrim",
                ));
            }
            if previous.as_ref().is_some_and(|previous| *previous > key) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.index"),
                    "entries are in index, then year order",
                )
                .with_latvian_reason("ieraksti ir sakārtoti pēc indeksa, tad pēc gada"));
            }
            previous = Some(key);
        }
        Ok(TransferList {
            organisation: record.organisation,
            date: record.date,
            entries: record.entries,
        })
    }
}

impl TransferList {
    /// Returns the organisation.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    /// Returns the date of the list.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the entries in index, then year order.
    pub fn entries(&self) -> &[TransferEntry] {
        &self.entries
    }

    /// Renders the list as text.
    pub fn render_text(&self) -> String {
        let mut text = format!(
            "{}\nARHĪVĀ NODODAMO LIETU SARAKSTS\n{}\n\n",
            self.organisation, self.date
        );
        text.push_str(&format!(
            "{:<4} {:<8} {:<5} {:<40} {:<30} {:<10} {:>4}  {:<12} {}\n",
            "Nr.",
            "indekss",
            "gads",
            "lietas nosaukums",
            "glabāšanas termiņš",
            "slēgta",
            "dok.",
            "nesējs",
            "nodot līdz"
        ));
        for (number, entry) in self.entries.iter().enumerate() {
            text.push_str(&format!(
                "{:<4} {:<8} {:<5} {:<40} {:<30} {:<10} {:>4}  {:<12} {}\n",
                number.saturating_add(1),
                entry.index,
                entry.year,
                cut(&entry.title, 40),
                entry.retention.to_string(),
                entry.closed_on,
                entry.documents,
                entry.medium.latvian_name(),
                entry.transfer_by
            ));
        }
        text.push_str(&format!(
            "\nKopā: {}\n",
            CASES.count_of(Language::Latvian, self.entries.len())
        ));
        text
    }
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Lists the closed cases due for transfer to the archive on `today`, with the Latvian legal
/// terms by medium ([`TransferTerms::latvia`]): [`transfer_list_with_terms`] with them.
///
/// # Examples
///
/// See [`destruction_list`].
pub fn transfer_list(
    organisation: &str,
    cases: &[ClosedCase],
    today: NaiveDate,
    policy: ArchivePolicy,
) -> TransferList {
    transfer_list_with_terms(organisation, cases, today, policy, &TransferTerms::latvia())
}

/// Lists the closed cases due for transfer to the archive on `today`: long-term and
/// permanent cases (archival value) not yet transferred whose closing year + the policy's
/// years has come. Each is to be transferred by 31 December of its closing year + the
/// legal term of its medium in force on `today` (paper 15 years, electronic 5), or the
/// policy's own term if that is earlier (or if no legal term applies). Short-term cases are
/// not transferred: they are destroyed when due (`docs/sources.md` §5b \[R8\]).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{
///     transfer_list_with_terms, ArchivePolicy, CaseIndex, CountingRule, DocumentId, FilePlan,
///     OpenCase, TransferTerms,
/// };
/// use chrono::NaiveDate;
///
/// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
///            1;Vadība;;;;;;;\n\
///            1.1;;Valdes lēmumi (papīrā);pastāvīgi;;Valde;papīrs;;\n\
///            1.2;;Valdes lēmumi (e-dokumenti);pastāvīgi;;Valde;elektronisks;;\n";
/// let plan = FilePlan::from_csv(2025, csv)?;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let mut cases = Vec::new();
/// for (index, id) in [("1.1", 1), ("1.2", 2)] {
///     let mut case = OpenCase::open(&plan, &index.parse::<CaseIndex>()?, day(2025, 1, 2)?)?;
///     case.file(DocumentId::from_u128(id))?;
///     cases.push(case.close(day(2025, 12, 31)?, None, CountingRule::default())?);
/// }
/// let list = transfer_list_with_terms("SIA Apkalpe", &cases, day(2026, 3, 2)?, ArchivePolicy::default(), &TransferTerms::latvia());
/// let by: Vec<_> = list.entries().iter().map(|e| e.transfer_by().to_string()).collect();
/// assert_eq!(by, ["2040-12-31", "2030-12-31"]); // paper 15 years, electronic 5
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn transfer_list_with_terms(
    organisation: &str,
    cases: &[ClosedCase],
    today: NaiveDate,
    policy: ArchivePolicy,
    terms: &TransferTerms,
) -> TransferList {
    let mut entries: Vec<TransferEntry> = cases
        .iter()
        .filter(|case| case.category().has_archival_value() && case.transferred_on().is_none())
        .filter_map(|case| {
            let closed_year = case.closed_on().year();
            let due_year = closed_year.checked_add(i32::from(policy.transfer_after_years))?;
            if today.year() < due_year {
                return None;
            }
            let within = terms
                .term(case.medium(), today)
                .map_or(policy.transfer_within_years, |term| {
                    term.within_years.min(policy.transfer_within_years)
                });
            let by_year = closed_year.checked_add(i32::from(within))?;
            Some(TransferEntry {
                index: case.index().to_string(),
                year: case.year(),
                title: case.title().to_owned(),
                retention: case.retention().clone(),
                category: case.category(),
                closed_on: case.closed_on(),
                documents: case.documents().len(),
                medium: case.medium(),
                transfer_by: NaiveDate::from_ymd_opt(by_year, 12, 31)?,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        crate::CaseIndex::try_new(&a.index)
            .ok()
            .cmp(&crate::CaseIndex::try_new(&b.index).ok())
            .then_with(|| a.year.cmp(&b.year))
    });
    TransferList {
        organisation: organisation.to_owned(),
        date: today,
        entries,
    }
}

/// The cases due for destruction on a date, and those whose retention ended but a hold
/// keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DestructionList<'a> {
    date: NaiveDate,
    due: Vec<&'a ClosedCase>,
    held: Vec<&'a ClosedCase>,
}

impl<'a> DestructionList<'a> {
    /// Returns the date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the cases that may be destroyed, in input order.
    pub fn due(&self) -> &[&'a ClosedCase] {
        &self.due
    }

    /// Returns the cases whose retention has ended but that a legal hold keeps.
    pub fn held(&self) -> &[&'a ClosedCase] {
        &self.held
    }
}

/// Lists the closed cases that may be destroyed on `today` (retention ended, no active
/// legal hold) and those held back by a hold. Permanent cases never appear.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{
///     destruction_list, transfer_list, ArchivePolicy, CaseIndex, CountingRule, DestructionAct,
///     DocumentId, FilePlan, LegalHold, OpenCase,
/// };
/// use chrono::NaiveDate;
///
/// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
///            1;Vadība;;;;;;;\n\
///            1.1;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;;\n\
///            1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
/// let plan = FilePlan::from_csv(2020, csv)?;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let mut cases = Vec::new();
/// for (index, id) in [("1.1", 1), ("1.2", 2)] {
///     let mut case = OpenCase::open(&plan, &index.parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
///     case.file(DocumentId::from_u128(id))?;
///     cases.push(case.close(day(2020, 12, 31)?, None, CountingRule::default())?);
/// }
/// let today = day(2026, 3, 2)?;
/// let transfer = transfer_list("SIA Apkalpe", &cases, today, ArchivePolicy::default());
/// assert_eq!(transfer.entries().len(), 1); // the permanent case
///
/// let list = destruction_list(&cases, today);
/// assert_eq!(list.due().len(), 1); // correspondence, kept 2021-2022
/// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into(), "K. Kalna".into()])?;
/// assert!(act.render_text().contains("Sarakste ar klientiem"));
///
/// // A hold keeps the case.
/// cases[1].place_hold(LegalHold::try_new("LH-1", "tiesvedība", day(2026, 1, 10)?)?);
/// let list = destruction_list(&cases, today);
/// assert_eq!((list.due().len(), list.held().len()), (0, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn destruction_list(cases: &[ClosedCase], today: NaiveDate) -> DestructionList<'_> {
    let mut due = Vec::new();
    let mut held = Vec::new();
    for case in cases {
        if case
            .retention_ends_on()
            .is_some_and(|ends_on| ends_on < today)
        {
            if case.is_due_for_destruction(today) {
                due.push(case);
            } else {
                held.push(case);
            }
        }
    }
    DestructionList {
        date: today,
        due,
        held,
    }
}

/// One case in a destruction act, as [`DestructionAct::try_new`] draws it up: its fields are
/// read through getters.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
/// # let plan = FilePlan::from_csv(2020, csv)?;
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
/// # case.file(DocumentId::from_u128(2))?;
/// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
/// let list = destruction_list(&cases, day(2026, 3, 2)?);
/// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
/// let entry = &act.entries()[0];
/// assert_eq!((entry.title(), entry.documents()), ("Sarakste ar klientiem", 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DestructionEntry {
    /// The case index.
    pub(crate) index: String,
    /// The plan year.
    pub(crate) year: i32,
    /// The title.
    pub(crate) title: String,
    /// The retention period.
    pub(crate) retention: RetentionPeriod,
    /// The last day the case had to be kept.
    pub(crate) retention_ended_on: NaiveDate,
    /// The number of documents.
    pub(crate) documents: usize,
    /// The medium.
    pub(crate) medium: Medium,
}

impl DestructionEntry {
    /// Returns the case index.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.index(), "1.2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &str {
        &self.index
    }

    /// Returns the plan year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.year(), 2020);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Returns the case title.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.title(), "Sarakste ar klientiem");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Returns the retention period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert!(entry.retention().is_temporary());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention(&self) -> &RetentionPeriod {
        &self.retention
    }

    /// Returns the last day the case had to be kept.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.retention_ended_on(), day(2022, 12, 31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_ended_on(&self) -> NaiveDate {
        self.retention_ended_on
    }

    /// Returns the number of documents.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.documents(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Returns the medium.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n1;Klienti;;;;;;;\n1.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2020, csv)?;
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"1.2".parse::<CaseIndex>()?, day(2020, 1, 2)?)?;
    /// # case.file(DocumentId::from_u128(2))?;
    /// # let cases = [case.close(day(2020, 12, 31)?, None, CountingRule::default())?];
    /// let list = destruction_list(&cases, day(2026, 3, 2)?);
    /// let act = DestructionAct::try_new("1/2026", "SIA Apkalpe", &list, vec!["A. Liepa".into()])?;
    /// let entry = &act.entries()[0];
    /// assert_eq!(entry.medium(), Medium::Electronic);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn medium(&self) -> Medium {
        self.medium
    }
}

/// The error returned when a destruction act cannot be drawn up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// The list has no case due.
    #[error("nothing is due for destruction on {date}")]
    NothingDue {
        /// The list's date.
        date: NaiveDate,
    },
    /// A commission needs at least one member.
    #[error("a destruction act needs at least one commission member")]
    NoCommission,
}

impl ArchiveError {
    /// Returns the stable code (`archive.blank`, `archive.too_long`,
    /// `archive.control_character`, `archive.nothing_due`, `archive.no_commission`).
    pub fn code(&self) -> &'static str {
        match self {
            ArchiveError::Text { problem, .. } => match problem {
                TextProblem::Blank => "archive.blank",
                TextProblem::TooLong { .. } => "archive.too_long",
                TextProblem::ControlCharacter => "archive.control_character",
            },
            ArchiveError::NothingDue { .. } => "archive.nothing_due",
            ArchiveError::NoCommission => "archive.no_commission",
        }
    }
}

fn check(field: &'static str, value: &str, max: usize) -> Result<String, ArchiveError> {
    clean(value, max, Lines::Single).map_err(|problem| ArchiveError::Text { field, problem })
}

/// The act of destroying documents (*dokumentu iznīcināšanas akts*): the cases whose
/// retention has ended and no hold keeps, signed by a commission.
///
/// A private company needs no approval of the National Archives for it; an institution gets
/// the act approved by the LNA before destroying (`docs/sources.md` §5b \[R7\]\[R12\]).
///
/// # Examples
///
/// See [`destruction_list`].
///
/// # Saved form
///
/// `{"number", "organisation", "date", "commission": […], "entries": [DestructionEntry, …]}`;
/// deserialising re-runs the checks of [`DestructionAct::try_new`] (texts, a commission, at
/// least one case) and checks what a destruction list guarantees: every case temporary,
/// its retention ended before the act's date; entries in year, then index order. A failing
/// value is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DestructionActRecord"))]
pub struct DestructionAct {
    number: String,
    organisation: String,
    date: NaiveDate,
    commission: Vec<String>,
    entries: Vec<DestructionEntry>,
}

/// The saved form of a [`DestructionAct`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DestructionActRecord {
    number: String,
    organisation: String,
    date: NaiveDate,
    commission: Vec<String>,
    entries: Vec<DestructionEntry>,
}

#[cfg(feature = "serde")]
impl TryFrom<DestructionActRecord> for DestructionAct {
    type Error = RestoreError;

    fn try_from(record: DestructionActRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "DestructionAct";
        check_saved(WHAT, "number", &record.number, |v| {
            check("act number", v, 50)
        })?;
        check_saved(WHAT, "organisation", &record.organisation, |v| {
            check("organisation", v, 300)
        })?;
        for (position, member) in record.commission.iter().enumerate() {
            check_saved(WHAT, &format!("commission[{position}]"), member, |v| {
                check("commission member", v, 200)
            })?;
        }
        if record.commission.is_empty() {
            return Err(RestoreError::invalid(
                WHAT,
                "commission",
                ArchiveError::NoCommission,
            ));
        }
        if record.entries.is_empty() {
            return Err(RestoreError::invalid(
                WHAT,
                "entries",
                ArchiveError::NothingDue { date: record.date },
            ));
        }
        let mut previous: Option<(i32, CaseIndex)> = None;
        for (position, entry) in record.entries.iter().enumerate() {
            let at = format!("entries[{position}]");
            let key = (entry.year, entry_index(WHAT, &at, &entry.index)?);
            if !entry.retention.is_temporary() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.retention"),
                    "a permanent case is never destroyed",
                )
                .with_latvian_reason("pastāvīgi glabājamu lietu nekad neiznīcina"));
            }
            if entry.retention_ended_on >= record.date {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.retention_ended_on"),
                    format_args!(
                        "a case is destroyed after its retention ends, not on {}",
                        record.date
                    ),
                )
                .with_latvian_reason(format_args!(
                    "lietu iznīcina pēc tās glabāšanas termiņa beigām, nevis {}",
                    record.date
                )));
            }
            if previous.as_ref().is_some_and(|previous| *previous > key) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.year"),
                    "entries are in year, then index order",
                )
                .with_latvian_reason("ieraksti ir sakārtoti pēc gada, tad pēc indeksa"));
            }
            previous = Some(key);
        }
        Ok(DestructionAct {
            number: record.number,
            organisation: record.organisation,
            date: record.date,
            commission: record.commission,
            entries: record.entries,
        })
    }
}

impl DestructionAct {
    /// Draws up the act from a destruction list.
    ///
    /// # Errors
    ///
    /// [`ArchiveError::Text`] for a blank number (50), organisation (300) or commission
    /// member (200); [`ArchiveError::NoCommission`]; [`ArchiveError::NothingDue`] for an
    /// empty list.
    pub fn try_new(
        number: &str,
        organisation: &str,
        list: &DestructionList<'_>,
        commission: Vec<String>,
    ) -> Result<Self, ArchiveError> {
        let number = check("act number", number, 50)?;
        let organisation = check("organisation", organisation, 300)?;
        let commission: Vec<String> = commission
            .iter()
            .map(|member| check("commission member", member, 200))
            .collect::<Result<_, _>>()?;
        if commission.is_empty() {
            return Err(ArchiveError::NoCommission);
        }
        if list.due.is_empty() {
            return Err(ArchiveError::NothingDue { date: list.date });
        }
        let mut entries: Vec<DestructionEntry> = list
            .due
            .iter()
            .filter_map(|case| {
                Some(DestructionEntry {
                    index: case.index().to_string(),
                    year: case.year(),
                    title: case.title().to_owned(),
                    retention: case.retention().clone(),
                    retention_ended_on: case.retention_ends_on()?,
                    documents: case.documents().len(),
                    medium: case.medium(),
                })
            })
            .collect();
        entries.sort_by(|a, b| {
            a.year.cmp(&b.year).then_with(|| {
                crate::CaseIndex::try_new(&a.index)
                    .ok()
                    .cmp(&crate::CaseIndex::try_new(&b.index).ok())
            })
        });
        Ok(DestructionAct {
            number,
            organisation,
            date: list.date,
            commission,
            entries,
        })
    }

    /// Returns the entries (by year, then index).
    pub fn entries(&self) -> &[DestructionEntry] {
        &self.entries
    }

    /// Returns the total number of documents.
    pub fn document_count(&self) -> usize {
        self.entries
            .iter()
            .fold(0_usize, |sum, entry| sum.saturating_add(entry.documents))
    }

    /// Renders the act as text, in Latvian.
    pub fn render_text(&self) -> String {
        let mut text = format!(
            "{}\nDOKUMENTU IZNĪCINĀŠANAS AKTS Nr. {}\n{}\n\n",
            self.organisation, self.number, self.date
        );
        text.push_str(
            "Komisija atlasīja iznīcināšanai šādas lietas, kuru glabāšanas termiņš ir beidzies un \
             kurām nav glabāšanas aizlieguma:\n\n",
        );
        text.push_str(&format!(
            "{:<4} {:<8} {:<5} {:<40} {:<30} {:<12} {:>4}  {}\n",
            "Nr.",
            "indekss",
            "gads",
            "lietas nosaukums",
            "glabāšanas termiņš",
            "beidzās",
            "dok.",
            "nesējs"
        ));
        for (number, entry) in self.entries.iter().enumerate() {
            text.push_str(&format!(
                "{:<4} {:<8} {:<5} {:<40} {:<30} {:<12} {:>4}  {}\n",
                number.saturating_add(1),
                entry.index,
                entry.year,
                cut(&entry.title, 40),
                entry.retention.to_string(),
                entry.retention_ended_on,
                entry.documents,
                entry.medium.latvian_name()
            ));
        }
        text.push_str(&format!(
            "\nKopā: {}, {}\n\nKomisija:\n",
            CASES.count_of(Language::Latvian, self.entries.len()),
            DOCUMENTS.count_of(Language::Latvian, self.document_count())
        ));
        for member in &self.commission {
            text.push_str(&format!("  ____________  {member}\n"));
        }
        text
    }
}
