//! One line of a file plan: a classification level or a case, as entered and as checked, and
//! the changes for next year's plan.

use super::*;

/// A file-plan row as entered (a form, a CSV row, JSON): every value as text, blank for
/// absent. A plain record the caller fills in; [`FilePlanEntry::try_from`] checks it.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let input = FilePlanEntryInput {
/// #     index: "2.1".into(),
/// #     title: "Klientu sūdzības".into(),
/// #     retention: "5 gadi".into(),
/// #     legal_basis: "PTAL 26.1 p.".into(),
/// #     responsible: "Klientu nodaļa".into(),
/// #     medium: "elektronisks".into(),
/// #     information_system: "CRM".into(),
/// #     ..FilePlanEntryInput::default()
/// # };
/// # let entry = FilePlanEntry::try_from(input.clone())?;
/// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
/// # let _ = (&entry, &level,);
/// assert_eq!(FilePlanEntryInput::from(entry.clone()), input);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields, default))]
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
    pub(super) fn values(&self) -> [(FilePlanColumn, &str); 9] {
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
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let input = FilePlanEntryInput {
/// #     index: "2.1".into(),
/// #     title: "Klientu sūdzības".into(),
/// #     retention: "5 gadi".into(),
/// #     legal_basis: "PTAL 26.1 p.".into(),
/// #     responsible: "Klientu nodaļa".into(),
/// #     medium: "elektronisks".into(),
/// #     information_system: "CRM".into(),
/// #     ..FilePlanEntryInput::default()
/// # };
/// # let entry = FilePlanEntry::try_from(input.clone())?;
/// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
/// # let _ = (&entry, &level,);
/// let case = entry.case().ok_or("a case")?;
/// assert_eq!(case.title(), "Klientu sūdzības");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CaseDescriptionRecord"))]
pub struct CaseDescription {
    pub(super) title: String,
    pub(super) retention: RetentionPeriod,
    pub(super) legal_basis: Option<String>,
    pub(super) responsible: String,
    pub(super) medium: Medium,
}

/// The saved form of a [`CaseDescription`], read before its checks (a case's header is
/// checked through it too).
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct CaseDescriptionRecord {
    pub(crate) title: String,
    pub(crate) retention: RetentionPeriod,
    pub(crate) legal_basis: Option<String>,
    pub(crate) responsible: String,
    pub(crate) medium: Medium,
}

#[cfg(feature = "serde")]
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
                None => RestoreError::inconsistent(what, "", "is not the case part of a plan line")
                    .with_latvian_reason("nav nomenklatūras rindas lietas daļa"),
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
            )
            .with_latvian_reason(
                "nav tādā formā, kādu dod nomenklatūras rinda (atstarpes sākumā vai beigās vai tukšs tiesiskais pamatojums)",
            ));
        }
        Ok(description)
    }
}

#[cfg(feature = "serde")]
impl TryFrom<CaseDescriptionRecord> for CaseDescription {
    type Error = RestoreError;

    fn try_from(record: CaseDescriptionRecord) -> Result<Self, Self::Error> {
        record.check("CaseDescription", "legal_basis")
    }
}

impl CaseDescription {
    /// Returns the case title.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.case().map(CaseDescription::title), Some("Klientu sūdzības"));
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
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.case().map(|c| c.retention().to_string()), Some("5 gadi".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention(&self) -> &RetentionPeriod {
        &self.retention
    }

    /// Returns the legal basis (always present for a temporary period).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.case().and_then(CaseDescription::legal_basis), Some("PTAL 26.1 p."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_basis(&self) -> Option<&str> {
        self.legal_basis.as_deref()
    }

    /// Returns the responsible unit or employee.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.case().map(CaseDescription::responsible), Some("Klientu nodaļa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responsible(&self) -> &str {
        &self.responsible
    }

    /// Returns the medium.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.case().map(CaseDescription::medium), Some(Medium::Electronic));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FilePlanEntryRecord"))]
#[cfg_attr(feature = "serde", serde(into = "FilePlanEntryInput"))]
pub struct FilePlanEntry {
    pub(super) index: CaseIndex,
    pub(super) level_name: Option<String>,
    pub(super) case: Option<CaseDescription>,
    pub(super) information_system: Option<String>,
    pub(super) other: Option<String>,
}

impl FilePlanEntry {
    /// Returns the index.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.index().to_string(), "2.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &CaseIndex {
        &self.index
    }

    /// Returns the classification level's name, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(level.level_name(), Some("Klientu apkalpošana"));
    /// assert_eq!(entry.level_name(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level_name(&self) -> Option<&str> {
        self.level_name.as_deref()
    }

    /// Returns the case description, for a case entry.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert!(entry.case().is_some());
    /// assert!(level.case().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn case(&self) -> Option<&CaseDescription> {
        self.case.as_ref()
    }

    /// Tells whether cases are opened under this entry.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert!(entry.is_case());
    /// assert!(!level.is_case());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_case(&self) -> bool {
        self.case.is_some()
    }

    /// Returns the link to an information system, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.information_system(), Some("CRM"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn information_system(&self) -> Option<&str> {
        self.information_system.as_deref()
    }

    /// Returns the other data, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # let input = FilePlanEntryInput {
    /// #     index: "2.1".into(),
    /// #     title: "Klientu sūdzības".into(),
    /// #     retention: "5 gadi".into(),
    /// #     legal_basis: "PTAL 26.1 p.".into(),
    /// #     responsible: "Klientu nodaļa".into(),
    /// #     medium: "elektronisks".into(),
    /// #     information_system: "CRM".into(),
    /// #     ..FilePlanEntryInput::default()
    /// # };
    /// # let entry = FilePlanEntry::try_from(input.clone())?;
    /// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
    /// # let _ = (&entry, &level,);
    /// assert_eq!(entry.other(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn other(&self) -> Option<&str> {
        self.other.as_deref()
    }

    /// Checks an input row; `line` is used in problems.
    pub(super) fn check(
        input: &FilePlanEntryInput,
        line: Option<u64>,
    ) -> Result<Self, Vec<FilePlanProblem>> {
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
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct FilePlanEntryRecord(FilePlanEntryInput);

#[cfg(feature = "serde")]
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
            )
            .with_latvian_reason("nav lietas indekss"),
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
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # let input = FilePlanEntryInput {
/// #     index: "2.1".into(),
/// #     title: "Klientu sūdzības".into(),
/// #     retention: "5 gadi".into(),
/// #     legal_basis: "PTAL 26.1 p.".into(),
/// #     responsible: "Klientu nodaļa".into(),
/// #     medium: "elektronisks".into(),
/// #     information_system: "CRM".into(),
/// #     ..FilePlanEntryInput::default()
/// # };
/// # let entry = FilePlanEntry::try_from(input.clone())?;
/// # let level = FilePlanEntry::try_from(FilePlanEntryInput { index: "2".into(), level_name: "Klientu apkalpošana".into(), ..FilePlanEntryInput::default() })?;
/// # let _ = (&entry, &level,);
/// let plan = FilePlan::try_new(2026, vec![level, entry])?;
/// let next = plan.copy_to_next_year(vec![FilePlanChange::Remove("2.1".parse()?)])?;
/// assert_eq!((next.year(), next.entries().len()), (2027, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "ChangeRepr", from = "ChangeRepr"))]
pub enum FilePlanChange {
    /// Adds a new entry.
    Add(FilePlanEntry),
    /// Replaces the entry with the same index.
    Replace(FilePlanEntry),
    /// Removes the entry with this index (its sub-entries must go too).
    Remove(CaseIndex),
}

#[cfg(feature = "serde")]
/// The saved form of a [`FilePlanChange`]: a removal names its index in a field (a tagged
/// string cannot be written).
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "change", rename_all = "snake_case"))]
pub(super) enum ChangeRepr {
    Add(FilePlanEntry),
    Replace(FilePlanEntry),
    Remove { index: CaseIndex },
}

#[cfg(feature = "serde")]
impl From<FilePlanChange> for ChangeRepr {
    fn from(change: FilePlanChange) -> Self {
        match change {
            FilePlanChange::Add(entry) => ChangeRepr::Add(entry),
            FilePlanChange::Replace(entry) => ChangeRepr::Replace(entry),
            FilePlanChange::Remove(index) => ChangeRepr::Remove { index },
        }
    }
}

#[cfg(feature = "serde")]
impl From<ChangeRepr> for FilePlanChange {
    fn from(repr: ChangeRepr) -> Self {
        match repr {
            ChangeRepr::Add(entry) => FilePlanChange::Add(entry),
            ChangeRepr::Replace(entry) => FilePlanChange::Replace(entry),
            ChangeRepr::Remove { index } => FilePlanChange::Remove(index),
        }
    }
}
