//! Cases (*lietas*): opened per file-plan entry per year, documents filed into them, closed,
//! kept for their retention period.

use std::collections::HashSet;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{Datelike, NaiveDate};

use crate::case_index::CaseIndex;
#[cfg(feature = "serde")]
use crate::file_plan::CaseDescriptionRecord;
#[cfg(feature = "serde")]
use crate::file_plan::FilePlanError;
#[cfg(feature = "serde")]
use crate::file_plan::YEARS;
use crate::file_plan::{FilePlan, Medium};
use crate::register::DocumentId;
#[cfg(feature = "serde")]
use crate::retention::RetentionObligationRecord;
#[cfg(feature = "serde")]
use crate::retention::hold::LegalHoldRecord;
use crate::retention::{
    CountingRule, LegalHold, RetentionCategory, RetentionError, RetentionFacts,
    RetentionObligation, RetentionPeriod,
};

/// The error returned by case operations.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
/// # let plan = FilePlan::from_csv(2026, csv)?;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
/// # case.file(DocumentId::from_u128(1))?;
/// # let _ = (&date,);
/// let error = OpenCase::open(&plan, &"2".parse::<CaseIndex>()?, day(1, 2)?).unwrap_err();
/// assert_eq!(error.code(), "case.not_a_case");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The plan has no entry with this index.
    #[error("file plan {year} has no entry {index}")]
    UnknownEntry {
        /// The plan's year.
        year: i32,
        /// The index asked for.
        index: String,
    },
    /// The entry is a classification level, not a case.
    #[error("file plan entry {index} is a classification level, no case is opened under it")]
    NotACase {
        /// The index.
        index: String,
    },
    /// The opening date is not in the plan's year.
    #[error("case {index} of the {year} plan cannot be opened on {date}")]
    OutsidePlanYear {
        /// The index.
        index: String,
        /// The plan's year.
        year: i32,
        /// The date given.
        date: NaiveDate,
    },
    /// The document is already in the case.
    #[error("document {document} is already filed in case {index}")]
    AlreadyFiled {
        /// The index.
        index: String,
        /// The document id.
        document: DocumentId,
    },
    /// The closing date is before the opening date.
    #[error("case {index} opened on {opened_on} cannot be closed on {closed_on}")]
    ClosedBeforeOpened {
        /// The index.
        index: String,
        /// When it was opened.
        opened_on: NaiveDate,
        /// The closing date given.
        closed_on: NaiveDate,
    },
    /// The case is already transferred to the archive.
    #[error("case {index} was already transferred to the archive on {on}")]
    AlreadyTransferred {
        /// The index.
        index: String,
        /// When.
        on: NaiveDate,
    },
    /// The transfer date is before the closing.
    #[error("case {index} closed on {closed_on} cannot be transferred on {on}")]
    TransferBeforeClosing {
        /// The index.
        index: String,
        /// When it was closed.
        closed_on: NaiveDate,
        /// The transfer date given.
        on: NaiveDate,
    },
    /// No hold with this id on the case.
    #[error("case {index} has no legal hold {id}")]
    UnknownHold {
        /// The index.
        index: String,
        /// The hold id.
        id: String,
    },
    /// A retention computation failed.
    #[error(transparent)]
    Retention(#[from] RetentionError),
}

impl CaseError {
    /// Returns the stable code (`case.unknown_entry`, `case.not_a_case`,
    /// `case.outside_plan_year`, `case.already_filed`, `case.closed_before_opened`,
    /// `case.already_transferred`, `case.transfer_before_closing`, `case.unknown_hold`, or
    /// the retention error's code).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// let error = case.file(DocumentId::from_u128(1)).unwrap_err();
    /// assert_eq!(error.code(), "case.already_filed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CaseError::UnknownEntry { .. } => "case.unknown_entry",
            CaseError::NotACase { .. } => "case.not_a_case",
            CaseError::OutsidePlanYear { .. } => "case.outside_plan_year",
            CaseError::AlreadyFiled { .. } => "case.already_filed",
            CaseError::ClosedBeforeOpened { .. } => "case.closed_before_opened",
            CaseError::AlreadyTransferred { .. } => "case.already_transferred",
            CaseError::TransferBeforeClosing { .. } => "case.transfer_before_closing",
            CaseError::UnknownHold { .. } => "case.unknown_hold",
            CaseError::Retention(error) => error.code(),
        }
    }
}

/// What a case carries from its file-plan line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CaseHeader {
    index: CaseIndex,
    year: i32,
    title: String,
    retention: RetentionPeriod,
    basis: String,
    responsible: String,
    medium: Medium,
}

impl CaseHeader {
    #[cfg(feature = "serde")]
    /// Checks a saved header as the file plan checked its line: the year of a plan, the
    /// texts and the retention with its basis (a case entry's checks).
    fn check(&self, what: &'static str) -> Result<(), RestoreError> {
        if !YEARS.contains(&self.year) {
            return Err(RestoreError::invalid(
                what,
                "year",
                FilePlanError::YearOutOfRange { year: self.year },
            ));
        }
        let description = CaseDescriptionRecord {
            title: self.title.clone(),
            retention: self.retention.clone(),
            legal_basis: Some(self.basis.clone()),
            responsible: self.responsible.clone(),
            medium: self.medium,
        };
        description.check(what, "basis")?;
        Ok(())
    }
}

#[cfg(feature = "serde")]
/// Checks that the documents of a case are unique, in O(n).
fn check_documents(what: &'static str, documents: &[DocumentId]) -> Result<(), RestoreError> {
    let mut seen = HashSet::with_capacity(documents.len());
    for (position, document) in documents.iter().enumerate() {
        if !seen.insert(*document) {
            return Err(RestoreError::duplicate(
                what,
                format!("documents[{position}]"),
                document,
            ));
        }
    }
    Ok(())
}

#[cfg(feature = "serde")]
/// Checks that a case was opened in its plan's year.
fn check_opened(what: &'static str, year: i32, opened_on: NaiveDate) -> Result<(), RestoreError> {
    if opened_on.year() != year {
        return Err(RestoreError::inconsistent(
            what,
            "opened_on",
            format_args!("{opened_on} is not in the plan year {year}"),
        )
        .with_latvian_reason(format_args!("{opened_on} nav nomenklatūras {year}. gadā")));
    }
    Ok(())
}

/// An open case (*lieta*, current records): documents are filed into it.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{CaseIndex, CountingRule, DocumentId, FilePlan, OpenCase};
/// use chrono::NaiveDate;
///
/// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
///            2;Klientu apkalpošana;;;;;;;\n\
///            2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
/// let plan = FilePlan::from_csv(2026, csv)?;
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
/// case.file(DocumentId::from_u128(1))?;
/// let closed = case.close(day(12, 31)?, None, CountingRule::default())?;
/// assert_eq!(closed.retention_ends_on(), NaiveDate::from_ymd_opt(2031, 12, 31));
/// assert_eq!(closed.documents().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"index": "2.1", "year": 2026, "title": "…", "retention": "5 gadi", "basis": "…",
/// "responsible": "…", "medium": "elektronisks", "opened_on": "2026-01-02", "documents":
/// ["…uuid…"]}`. Deserialising re-checks the header as the file plan checked its line (year,
/// texts, a temporary retention's basis), that the case was opened in its year and that no
/// document is filed twice; a failing value is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OpenCaseRecord"))]
pub struct OpenCase {
    #[cfg_attr(feature = "serde", serde(flatten))]
    header: CaseHeader,
    opened_on: NaiveDate,
    documents: Vec<DocumentId>,
    /// The documents as a set, so filing checks for a repeat in constant time (a year's
    /// case of invoices holds thousands); rebuilt on restore, never saved.
    #[cfg_attr(feature = "serde", serde(skip))]
    filed: HashSet<DocumentId>,
}

/// The saved form of an [`OpenCase`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct OpenCaseRecord {
    index: CaseIndex,
    year: i32,
    title: String,
    retention: RetentionPeriod,
    basis: String,
    responsible: String,
    medium: Medium,
    opened_on: NaiveDate,
    documents: Vec<DocumentId>,
}

#[cfg(feature = "serde")]
impl TryFrom<OpenCaseRecord> for OpenCase {
    type Error = RestoreError;

    fn try_from(record: OpenCaseRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "OpenCase";
        let header = CaseHeader {
            index: record.index,
            year: record.year,
            title: record.title,
            retention: record.retention,
            basis: record.basis,
            responsible: record.responsible,
            medium: record.medium,
        };
        header.check(WHAT)?;
        check_opened(WHAT, header.year, record.opened_on)?;
        check_documents(WHAT, &record.documents)?;
        Ok(OpenCase {
            header,
            opened_on: record.opened_on,
            filed: record.documents.iter().copied().collect(),
            documents: record.documents,
        })
    }
}

impl OpenCase {
    /// Opens the case of `index` in `plan` on `opened_on` (a date in the plan's year).
    ///
    /// # Errors
    ///
    /// [`CaseError::UnknownEntry`], [`CaseError::NotACase`] for a classification level,
    /// [`CaseError::OutsidePlanYear`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// let case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(3, 2)?)?;
    /// assert_eq!(case.opened_on(), day(3, 2)?);
    /// let early = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, date(2025, 12, 31)?);
    /// assert_eq!(early.unwrap_err().code(), "case.outside_plan_year");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(
        plan: &FilePlan,
        index: &CaseIndex,
        opened_on: NaiveDate,
    ) -> Result<Self, CaseError> {
        let entry = plan.entry(index).ok_or_else(|| CaseError::UnknownEntry {
            year: plan.year(),
            index: index.to_string(),
        })?;
        let case = entry.case().ok_or_else(|| CaseError::NotACase {
            index: index.to_string(),
        })?;
        if opened_on.year() != plan.year() {
            return Err(CaseError::OutsidePlanYear {
                index: index.to_string(),
                year: plan.year(),
                date: opened_on,
            });
        }
        Ok(OpenCase {
            header: CaseHeader {
                index: index.clone(),
                year: plan.year(),
                title: case.title().to_owned(),
                retention: case.retention().clone(),
                basis: case
                    .legal_basis()
                    .unwrap_or("lietu nomenklatūra")
                    .to_owned(),
                responsible: case.responsible().to_owned(),
                medium: case.medium(),
            },
            opened_on,
            documents: Vec::new(),
            filed: HashSet::new(),
        })
    }

    /// Files a document into the case.
    ///
    /// # Errors
    ///
    /// [`CaseError::AlreadyFiled`] if it is already in the case.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// case.file(DocumentId::from_u128(2))?;
    /// assert_eq!(case.documents().len(), 2);
    /// assert_eq!(case.file(DocumentId::from_u128(2)).unwrap_err().code(), "case.already_filed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn file(&mut self, document: DocumentId) -> Result<(), CaseError> {
        if !self.filed.insert(document) {
            return Err(CaseError::AlreadyFiled {
                index: self.header.index.to_string(),
                document,
            });
        }
        self.documents.push(document);
        Ok(())
    }

    /// Returns the index.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.index(), &"2.1".parse::<CaseIndex>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &CaseIndex {
        &self.header.index
    }

    /// Returns the plan year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.year(), 2026);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.header.year
    }

    /// Returns the title.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.title(), "Klientu sūdzības");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> &str {
        &self.header.title
    }

    /// Returns the retention period from the case's file-plan line.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.retention(), &RetentionPeriod::Years(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention(&self) -> &RetentionPeriod {
        &self.header.retention
    }

    /// Returns the legal basis of the retention ("lietu nomenklatūra" when the plan gives
    /// none for a permanent case).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.basis(), "PTAL 26.1 p.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.header.basis
    }

    /// Returns the opening date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.opened_on(), day(1, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// Returns the documents filed, in filing order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// assert_eq!(case.documents(), [DocumentId::from_u128(1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn documents(&self) -> &[DocumentId] {
        &self.documents
    }

    /// Closes the case on `closed_on` and computes its retention end by `counting`.
    ///
    /// `event_date` is the date of the event a [`RetentionPeriod::YearsFromEvent`] counts
    /// from (a person's birth); it is ignored for other periods. The retention end is never
    /// before the closing date.
    ///
    /// # Errors
    ///
    /// [`CaseError::ClosedBeforeOpened`]; [`CaseError::Retention`] when the end cannot be
    /// represented.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let _ = (&date,);
    /// let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// assert_eq!(closed.retention_ends_on(), Some(date(2031, 12, 31)?));
    /// let early = case.close(day(1, 1)?, None, CountingRule::default());
    /// assert_eq!(early.unwrap_err().code(), "case.closed_before_opened");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn close(
        self,
        closed_on: NaiveDate,
        event_date: Option<NaiveDate>,
        counting: CountingRule,
    ) -> Result<ClosedCase, CaseError> {
        if closed_on < self.opened_on {
            return Err(CaseError::ClosedBeforeOpened {
                index: self.header.index.to_string(),
                opened_on: self.opened_on,
                closed_on,
            });
        }
        let counted_from = match self.header.retention {
            RetentionPeriod::YearsFromEvent { .. } => event_date,
            _ => Some(closed_on),
        };
        let obligation = RetentionObligation::try_new(
            self.header.retention.clone(),
            counted_from,
            counting,
            &self.header.basis,
        )?;
        let retention_ends_on = obligation.ends_on()?.map(|end| end.max(closed_on));
        Ok(ClosedCase {
            header: self.header,
            opened_on: self.opened_on,
            closed_on,
            documents: self.documents,
            obligation,
            retention_ends_on,
            holds: Vec::new(),
            transferred_on: None,
        })
    }
}

/// A closed case: no more documents; kept until its retention ends, transferred to the
/// archive if it has archival value, destroyed when due and not held.
///
/// # Examples
///
/// See [`OpenCase`] and [`destruction_list`](crate::destruction_list).
///
/// # Saved form
///
/// The open case's fields plus `closed_on`, `obligation` (a [`RetentionObligation`]),
/// `retention_ends_on`, `holds` and `transferred_on`. Deserialising re-checks what
/// [`OpenCase`] checks and what [`OpenCase::close`], [`ClosedCase::lift_hold`] and
/// [`ClosedCase::mark_transferred`] guarantee: closed on or after the opening; the
/// obligation has the header's period and basis and counts from the closing (or from the
/// event, for a period from an event); `retention_ends_on` is the obligation's end, never
/// before the closing; every hold restores through its checks; a transfer is on or after the
/// closing. A failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
/// # let plan = FilePlan::from_csv(2026, csv)?;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
/// # case.file(DocumentId::from_u128(1))?;
/// # let _ = (&date,);
/// let closed = case.close(day(12, 31)?, None, CountingRule::FromDate)?;
/// assert_eq!(closed.retention_ends_on(), Some(date(2031, 12, 31)?));
/// assert!(closed.is_due_for_destruction(date(2032, 1, 1)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClosedCaseRecord"))]
pub struct ClosedCase {
    #[cfg_attr(feature = "serde", serde(flatten))]
    header: CaseHeader,
    opened_on: NaiveDate,
    closed_on: NaiveDate,
    documents: Vec<DocumentId>,
    obligation: RetentionObligation,
    retention_ends_on: Option<NaiveDate>,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "crate::retention::hold::serialize")
    )]
    holds: Vec<LegalHold>,
    transferred_on: Option<NaiveDate>,
}

/// The saved form of a [`ClosedCase`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ClosedCaseRecord {
    index: CaseIndex,
    year: i32,
    title: String,
    retention: RetentionPeriod,
    basis: String,
    responsible: String,
    medium: Medium,
    opened_on: NaiveDate,
    closed_on: NaiveDate,
    documents: Vec<DocumentId>,
    obligation: RetentionObligationRecord,
    retention_ends_on: Option<NaiveDate>,
    holds: Vec<LegalHoldRecord>,
    transferred_on: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<ClosedCaseRecord> for ClosedCase {
    type Error = RestoreError;

    fn try_from(record: ClosedCaseRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ClosedCase";
        let header = CaseHeader {
            index: record.index,
            year: record.year,
            title: record.title,
            retention: record.retention,
            basis: record.basis,
            responsible: record.responsible,
            medium: record.medium,
        };
        header.check(WHAT)?;
        check_opened(WHAT, header.year, record.opened_on)?;
        check_documents(WHAT, &record.documents)?;
        if record.closed_on < record.opened_on {
            return Err(RestoreError::invalid(
                WHAT,
                "closed_on",
                CaseError::ClosedBeforeOpened {
                    index: header.index.to_string(),
                    opened_on: record.opened_on,
                    closed_on: record.closed_on,
                },
            ));
        }
        let obligation =
            RetentionObligation::try_from(record.obligation).map_err(|e| e.within("obligation"))?;
        if obligation.period() != &header.retention {
            return Err(RestoreError::inconsistent(
                WHAT,
                "obligation.period",
                format_args!(
                    "{} is not the case's retention {}",
                    obligation.period(),
                    header.retention
                ),
            )
            .with_latvian_reason(format_args!(
                "{} nav lietas glabāšanas termiņš {}",
                obligation.period(),
                header.retention
            )));
        }
        if obligation.basis() != header.basis {
            return Err(RestoreError::inconsistent(
                WHAT,
                "obligation.basis",
                "is not the case's retention basis",
            )
            .with_latvian_reason("nav lietas glabāšanas termiņa pamatojums"));
        }
        if !matches!(header.retention, RetentionPeriod::YearsFromEvent { .. })
            && obligation.counted_from() != Some(record.closed_on)
        {
            return Err(RestoreError::inconsistent(
                WHAT,
                "obligation.counted_from",
                format_args!(
                    "the retention counts from the closing on {}",
                    record.closed_on
                ),
            )
            .with_latvian_reason(format_args!(
                "glabāšanas termiņu skaita no lietas slēgšanas {}",
                record.closed_on
            )));
        }
        let ends_on = obligation
            .ends_on()
            .map_err(|error| RestoreError::invalid(WHAT, "obligation", error))?
            .map(|end| end.max(record.closed_on));
        if ends_on != record.retention_ends_on {
            return Err(RestoreError::inconsistent(
                WHAT,
                "retention_ends_on",
                match ends_on {
                    Some(end) => format!("the obligation ends on {end}"),
                    None => "the obligation has no end date".to_owned(),
                },
            )
            .with_latvian_reason(match ends_on {
                Some(end) => format!("glabāšanas pienākums beidzas {end}"),
                None => "glabāšanas pienākumam nav beigu datuma".to_owned(),
            }));
        }
        let holds = record
            .holds
            .into_iter()
            .enumerate()
            .map(|(position, hold)| {
                LegalHold::try_from(hold).map_err(|e| e.within(format_args!("holds[{position}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(on) = record.transferred_on
            && on < record.closed_on
        {
            return Err(RestoreError::invalid(
                WHAT,
                "transferred_on",
                CaseError::TransferBeforeClosing {
                    index: header.index.to_string(),
                    closed_on: record.closed_on,
                    on,
                },
            ));
        }
        Ok(ClosedCase {
            header,
            opened_on: record.opened_on,
            closed_on: record.closed_on,
            documents: record.documents,
            obligation,
            retention_ends_on: ends_on,
            holds,
            transferred_on: record.transferred_on,
        })
    }
}

impl ClosedCase {
    /// Returns the index.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.index().to_string(), "2.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &CaseIndex {
        &self.header.index
    }

    /// Returns the plan year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.year(), 2026);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.header.year
    }

    /// Returns the title.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.title(), "Klientu sūdzības");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> &str {
        &self.header.title
    }

    /// Returns the retention period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.retention().to_string(), "5 gadi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention(&self) -> &RetentionPeriod {
        &self.header.retention
    }

    /// Returns the retention category.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.category(), RetentionCategory::ShortTerm);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn category(&self) -> RetentionCategory {
        self.header.retention.category()
    }

    /// Returns the legal basis of the retention.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.basis(), "PTAL 26.1 p.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.header.basis
    }

    /// Returns the responsible unit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.responsible(), "Klientu nodaļa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responsible(&self) -> &str {
        &self.header.responsible
    }

    /// Returns the medium.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.medium(), Medium::Electronic);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn medium(&self) -> Medium {
        self.header.medium
    }

    /// Returns the opening date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.opened_on(), day(1, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// Returns the closing date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.closed_on(), day(12, 31)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed_on(&self) -> NaiveDate {
        self.closed_on
    }

    /// Returns the documents.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.documents(), [DocumentId::from_u128(1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn documents(&self) -> &[DocumentId] {
        &self.documents
    }

    /// Returns the last day the case must be kept (never before the closing date), or
    /// `None` for a permanent case or an unknown event date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.retention_ends_on(), Some(date(2031, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_ends_on(&self) -> Option<NaiveDate> {
        self.retention_ends_on
    }

    /// Returns the retention obligation the case was closed with.
    pub(crate) fn obligation(&self) -> &RetentionObligation {
        &self.obligation
    }

    /// Returns the legal holds, lifted ones included.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let mut closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// closed.place_hold(LegalHold::try_new("LH-1", "tiesvedība", date(2027, 6, 1)?)?);
    /// assert_eq!(closed.holds().len(), 1);
    /// assert_eq!(closed.holds()[0].id(), "LH-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(&self) -> &[LegalHold] {
        &self.holds
    }

    /// Returns when the case went to the archive, if it did.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let mut closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert_eq!(closed.transferred_on(), None);
    /// closed.mark_transferred(date(2027, 1, 15)?)?;
    /// assert_eq!(closed.transferred_on(), Some(date(2027, 1, 15)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transferred_on(&self) -> Option<NaiveDate> {
        self.transferred_on
    }

    /// Places a legal hold on the case.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let mut closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// closed.place_hold(LegalHold::try_new("LH-1", "tiesvedība", date(2027, 6, 1)?)?);
    /// assert!(!closed.is_due_for_destruction(date(2040, 1, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn place_hold(&mut self, hold: LegalHold) {
        self.holds.push(hold);
    }

    /// Lifts the hold `id` from `on`.
    ///
    /// # Errors
    ///
    /// [`CaseError::UnknownHold`]; [`CaseError::Retention`] if the hold is already lifted or
    /// `on` is before its placing.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let mut closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// closed.place_hold(LegalHold::try_new("LH-1", "tiesvedība", date(2027, 6, 1)?)?);
    /// closed.lift_hold("LH-1", date(2032, 3, 1)?)?;
    /// assert!(closed.is_due_for_destruction(date(2032, 3, 1)?));
    /// assert_eq!(closed.lift_hold("LH-9", date(2032, 3, 1)?).unwrap_err().code(), "case.unknown_hold");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lift_hold(&mut self, id: &str, on: NaiveDate) -> Result<(), CaseError> {
        let slot = self
            .holds
            .iter_mut()
            .find(|hold| hold.id() == id && hold.lifted_on().is_none())
            .ok_or_else(|| CaseError::UnknownHold {
                index: self.header.index.to_string(),
                id: id.to_owned(),
            })?;
        *slot = slot.clone().lift(on).map_err(RetentionError::from)?;
        Ok(())
    }

    /// Records the transfer to the archive on `on`.
    ///
    /// # Errors
    ///
    /// [`CaseError::AlreadyTransferred`], [`CaseError::TransferBeforeClosing`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let mut closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// closed.mark_transferred(date(2027, 1, 15)?)?;
    /// let again = closed.mark_transferred(date(2027, 2, 1)?);
    /// assert_eq!(again.unwrap_err().code(), "case.already_transferred");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mark_transferred(&mut self, on: NaiveDate) -> Result<(), CaseError> {
        if let Some(done) = self.transferred_on {
            return Err(CaseError::AlreadyTransferred {
                index: self.header.index.to_string(),
                on: done,
            });
        }
        if on < self.closed_on {
            return Err(CaseError::TransferBeforeClosing {
                index: self.header.index.to_string(),
                closed_on: self.closed_on,
                on,
            });
        }
        self.transferred_on = Some(on);
        Ok(())
    }

    /// Returns the retention facts of the case (its obligation and holds), for
    /// [`retention_decision`](crate::retention_decision).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// let decision = retention_decision(&closed.retention_facts(), date(2032, 1, 1)?)?;
    /// assert!(decision.may_destroy());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_facts(&self) -> RetentionFacts {
        self.holds.iter().cloned().fold(
            RetentionFacts::new().with_obligation(self.obligation.clone()),
            RetentionFacts::with_hold,
        )
    }

    /// Tells, without allocating, whether the case may be destroyed on `today`: its retention
    /// has ended (the day after [`ClosedCase::retention_ends_on`]) and no hold is active.
    /// Agrees with [`retention_decision`](crate::retention_decision) on
    /// [`ClosedCase::retention_facts`] once `today` is after the closing.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n2;Klientu apkalpošana;;;;;;;\n2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// # let plan = FilePlan::from_csv(2026, csv)?;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let mut case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// # case.file(DocumentId::from_u128(1))?;
    /// # let closed = case.clone().close(day(12, 31)?, None, CountingRule::default())?;
    /// # let _ = (&date, &closed,);
    /// assert!(!closed.is_due_for_destruction(date(2031, 12, 31)?));
    /// assert!(closed.is_due_for_destruction(date(2032, 1, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_due_for_destruction(&self, today: NaiveDate) -> bool {
        self.retention_ends_on.is_some_and(|end| end < today)
            && !self.holds.iter().any(|hold| hold.is_active_on(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
        1;Personāls;;;;;;;\n\
        1.1;;Personāla lietas;90 gadi no personas dzimšanas;MK 690;Personāldaļa;papīrs;;\n\
        1.2;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;;\n";

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn open_checks_entry_and_year() {
        let plan = FilePlan::from_csv(2026, CSV).unwrap();
        let level = "1".parse().unwrap();
        assert_eq!(
            OpenCase::open(&plan, &level, day(2026, 1, 1))
                .unwrap_err()
                .code(),
            "case.not_a_case"
        );
        let unknown = "7".parse().unwrap();
        assert_eq!(
            OpenCase::open(&plan, &unknown, day(2026, 1, 1))
                .unwrap_err()
                .code(),
            "case.unknown_entry"
        );
        let index = "1.2".parse().unwrap();
        assert_eq!(
            OpenCase::open(&plan, &index, day(2025, 12, 31))
                .unwrap_err()
                .code(),
            "case.outside_plan_year"
        );
    }

    #[test]
    fn event_based_retention_is_clamped_to_closing() {
        let plan = FilePlan::from_csv(2026, CSV).unwrap();
        let index = "1.1".parse().unwrap();
        let case = OpenCase::open(&plan, &index, day(2026, 1, 5)).unwrap();
        let closed = case
            .clone()
            .close(
                day(2026, 6, 1),
                Some(day(1930, 2, 1)),
                CountingRule::FromDate,
            )
            .unwrap();
        assert_eq!(closed.retention_ends_on(), Some(day(2026, 6, 1)));
        let young = case
            .close(
                day(2026, 6, 1),
                Some(day(1990, 2, 1)),
                CountingRule::FromDate,
            )
            .unwrap();
        assert_eq!(young.retention_ends_on(), Some(day(2080, 2, 1)));
    }

    #[test]
    fn filing_twice_and_closing_early_fail() {
        let plan = FilePlan::from_csv(2026, CSV).unwrap();
        let index = "1.2".parse().unwrap();
        let mut case = OpenCase::open(&plan, &index, day(2026, 3, 1)).unwrap();
        case.file(DocumentId::from_u128(1)).unwrap();
        assert_eq!(
            case.file(DocumentId::from_u128(1)).unwrap_err().code(),
            "case.already_filed"
        );
        assert_eq!(
            case.close(day(2026, 2, 1), None, CountingRule::default())
                .unwrap_err()
                .code(),
            "case.closed_before_opened"
        );
    }
}
