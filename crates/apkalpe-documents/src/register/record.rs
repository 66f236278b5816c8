//! A registered document and its versions: immutable records, corrections as versions.

use super::*;

/// One version of a registered document: the first as registered, later ones corrections
/// with their reason.
///
/// Deserialises from `{"version": 2, "recorded_on": "…", "reason": "…", "document": {…}}`
/// through the checks of [`Register::correct`]: version from 1, a reason exactly on the
/// corrections (a non-blank line of at most 500 characters), the document through its own
/// checks; a failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
/// #     .with(Requisite::Author, "SIA Klients")
/// #     .with_date(date(2026, 3, 2)?)
/// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
/// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
/// # let index: CaseIndex = "2.3".parse()?;
/// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
/// # let _ = (&record,);
/// let first = record.versions().next().ok_or("a version")?;
/// assert_eq!((first.version(), first.reason()), (1, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DocumentVersionRecord"))]
pub struct DocumentVersion {
    pub(super) version: u32,
    pub(super) recorded_on: NaiveDate,
    pub(super) reason: Option<String>,
    pub(super) document: Document,
}

/// The saved form of a [`DocumentVersion`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct DocumentVersionRecord {
    pub(super) version: u32,
    pub(super) recorded_on: NaiveDate,
    pub(super) reason: Option<String>,
    pub(super) document: DocumentRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<DocumentVersionRecord> for DocumentVersion {
    type Error = RestoreError;

    fn try_from(record: DocumentVersionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "DocumentVersion";
        match (record.version, &record.reason) {
            (0, _) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "version",
                    "versions are numbered from 1",
                )
                .with_latvian_reason("versijas numurē no 1"));
            }
            (1, Some(_)) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "reason",
                    "the registered version 1 has no correction reason",
                )
                .with_latvian_reason("reģistrētajai 1. versijai nav labojuma iemesla"));
            }
            (_, None) if record.version > 1 => {
                return Err(
                    RestoreError::missing(WHAT, "reason", "a correction has its reason")
                        .with_latvian_reason("labojumam ir norādīts iemesls"),
                );
            }
            (_, Some(reason)) => check_saved(WHAT, "reason", reason, |v| {
                clean(v, 500, Lines::Single)
                    .map_err(|problem| RegisterError::InvalidReason { problem })
            })?,
            _ => {}
        }
        let document = Document::try_from(record.document).map_err(|e| e.within("document"))?;
        Ok(DocumentVersion {
            version: record.version,
            recorded_on: record.recorded_on,
            reason: record.reason,
            document,
        })
    }
}

impl DocumentVersion {
    /// Returns the version number, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.versions().map(|v| v.version()).collect::<Vec<_>>(), [1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Returns when the version was recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.versions().next().map(|v| v.recorded_on()), Some(date(2026, 3, 2)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recorded_on(&self) -> NaiveDate {
        self.recorded_on
    }

    /// Returns the reason of a correction (`None` for version 1).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// let fixed = letter.to_draft().with(Requisite::Text, "Labots teksts.").validate()?;
    /// let corrected = register.correct(DocumentId::from_u128(1), fixed, "pārrakstīšanās kļūda", date(2026, 3, 4)?)?;
    /// assert_eq!(corrected.versions().last().and_then(|v| v.reason()), Some("pārrakstīšanās kļūda"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Returns the document as of this version.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.versions().next().map(|v| v.document()), Some(&letter));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document(&self) -> &Document {
        &self.document
    }
}

/// A registered document: number, register, case and every version. Immutable: nothing
/// outside the register changes it, and a correction adds a version.
///
/// # Examples
///
/// See [`Register`].
///
/// # Saved form
///
/// `{"id", "number", "register", "year", "sequence", "case_index", "registered_on",
/// "original", "corrections"}`. Deserialising checks what [`Register::register`] and
/// [`Register::correct`] guarantee of one record: the register takes the document's kind;
/// the year is the registration date's; the sequence is at least 1; the original is version
/// 1 recorded on the registration date; the corrections are versions 2, 3, … of the same
/// kind, none before the registration. That the number is the pattern's is checked by the
/// [`Register`] that holds the record. A failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
/// #     .with(Requisite::Author, "SIA Klients")
/// #     .with_date(date(2026, 3, 2)?)
/// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
/// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
/// # let index: CaseIndex = "2.3".parse()?;
/// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
/// # let _ = (&record,);
/// assert_eq!(record.number(), "2.3/1");
/// assert_eq!(record.current(), &letter);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RegisteredDocumentRecord"))]
pub struct RegisteredDocument {
    pub(super) id: DocumentId,
    pub(super) number: String,
    pub(super) register: RegisterKind,
    pub(super) year: i32,
    pub(super) sequence: u32,
    pub(super) case_index: CaseIndex,
    pub(super) registered_on: NaiveDate,
    pub(super) original: DocumentVersion,
    pub(super) corrections: Vec<DocumentVersion>,
}

/// The saved form of a [`RegisteredDocument`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct RegisteredDocumentRecord {
    pub(super) id: DocumentId,
    pub(super) number: String,
    pub(super) register: RegisterKind,
    pub(super) year: i32,
    pub(super) sequence: u32,
    pub(super) case_index: CaseIndex,
    pub(super) registered_on: NaiveDate,
    pub(super) original: DocumentVersionRecord,
    pub(super) corrections: Vec<DocumentVersionRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<RegisteredDocumentRecord> for RegisteredDocument {
    type Error = RestoreError;

    fn try_from(record: RegisteredDocumentRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "RegisteredDocument";
        if record.year != record.registered_on.year() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "year",
                format_args!(
                    "{} is not the year of registration on {}",
                    record.year, record.registered_on
                ),
            )
            .with_latvian_reason(format_args!(
                "{} nav reģistrācijas datuma {} gads",
                record.year, record.registered_on
            )));
        }
        if record.sequence == 0 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "sequence",
                "sequences are numbered from 1",
            )
            .with_latvian_reason("kārtas numuri sākas ar 1"));
        }
        let original =
            DocumentVersion::try_from(record.original).map_err(|e| e.within("original"))?;
        if original.version != 1 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "original.version",
                "the registered version is version 1",
            )
            .with_latvian_reason("reģistrētā versija ir 1. versija"));
        }
        if original.recorded_on != record.registered_on {
            return Err(RestoreError::inconsistent(
                WHAT,
                "original.recorded_on",
                format_args!(
                    "the registered version is recorded on the registration date {}",
                    record.registered_on
                ),
            )
            .with_latvian_reason(format_args!(
                "reģistrētā versija ir ierakstīta reģistrācijas datumā {}",
                record.registered_on
            )));
        }
        let kind = original.document.kind();
        if !record.register.accepts(kind) {
            return Err(RestoreError::invalid(
                WHAT,
                "original.document.kind",
                RegisterError::KindNotAccepted {
                    register: record.register,
                    kind,
                },
            ));
        }
        let mut corrections = Vec::with_capacity(record.corrections.len());
        for (position, correction) in record.corrections.into_iter().enumerate() {
            let at = format!("corrections[{position}]");
            let correction = DocumentVersion::try_from(correction).map_err(|e| e.within(&at))?;
            let expected = u32::try_from(position)
                .ok()
                .and_then(|position| position.checked_add(2));
            if Some(correction.version) != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.version"),
                    "corrections are versions 2, 3, … in order",
                )
                .with_latvian_reason("labojumi ir versijas 2, 3, … pēc kārtas"));
            }
            if correction.document.kind() != kind {
                return Err(RestoreError::invalid(
                    WHAT,
                    format!("{at}.document.kind"),
                    RegisterError::KindChanged {
                        from: kind,
                        to: correction.document.kind(),
                    },
                ));
            }
            if correction.recorded_on < record.registered_on {
                return Err(RestoreError::invalid(
                    WHAT,
                    format!("{at}.recorded_on"),
                    RegisterError::CorrectionBeforeRegistration {
                        number: record.number,
                        registered_on: record.registered_on,
                        on: correction.recorded_on,
                    },
                ));
            }
            corrections.push(correction);
        }
        Ok(RegisteredDocument {
            id: record.id,
            number: record.number,
            register: record.register,
            year: record.year,
            sequence: record.sequence,
            case_index: record.case_index,
            registered_on: record.registered_on,
            original,
            corrections,
        })
    }
}

impl RegisteredDocument {
    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.id(), DocumentId::from_u128(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> DocumentId {
        self.id
    }

    /// Returns the registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.number(), "2.3/1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the register.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.register(), RegisterKind::Incoming);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(&self) -> RegisterKind {
        self.register
    }

    /// Returns the register's year and the sequence within it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.sequence(), (2026, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sequence(&self) -> (i32, u32) {
        (self.year, self.sequence)
    }

    /// Returns the case index the document is filed under.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.case_index(), &index);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn case_index(&self) -> &CaseIndex {
        &self.case_index
    }

    /// Returns the registration date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.registered_on(), date(2026, 3, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered_on(&self) -> NaiveDate {
        self.registered_on
    }

    /// Returns every version, oldest first: the registered one, then each correction.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.versions().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn versions(&self) -> impl Iterator<Item = &DocumentVersion> {
        std::iter::once(&self.original).chain(self.corrections.iter())
    }

    /// Returns the number of versions (1 plus the corrections).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.version_count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn version_count(&self) -> usize {
        self.corrections.len().saturating_add(1)
    }

    /// Returns the current document (the last version).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    /// #     .with(Requisite::Author, "SIA Klients")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// # let index: CaseIndex = "2.3".parse()?;
    /// # let record = register.register(DocumentId::from_u128(1), letter.clone(), &index, date(2026, 3, 2)?)?.clone();
    /// # let _ = (&record,);
    /// assert_eq!(record.current().kind(), DocumentKind::IncomingLetter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn current(&self) -> &Document {
        &self.corrections.last().unwrap_or(&self.original).document
    }
}
