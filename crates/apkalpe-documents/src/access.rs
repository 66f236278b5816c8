//! Confidentiality: readers' clearance, reading a document and the log of restricted reads.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, Utc};

use crate::access_level::AccessLevel;
use crate::register::RegisteredDocument;
#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, clean, echo};

/// A person who reads documents, with the highest level they are cleared for.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{AccessLevel, Reader};
///
/// let reader = Reader::try_new("a.liepa", AccessLevel::RestrictedAccess)?;
/// assert_eq!(reader.id(), "a.liepa");
/// assert!(reader.may_read(AccessLevel::Internal));
/// assert!(!reader.may_read(AccessLevel::CommercialSecret));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// Saved as `{"id": "a.liepa", "clearance": "restricted_access"}`; deserialising re-runs the
/// id check of [`Reader::try_new`] and refuses a failing id with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReaderRecord"))]
pub struct Reader {
    id: String,
    clearance: AccessLevel,
}

/// The saved form of a [`Reader`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReaderRecord {
    id: String,
    clearance: AccessLevel,
}

/// Checks a reader id as [`Reader::try_new`] does.
fn reader_id(id: &str) -> Result<String, AccessError> {
    clean(id, 100, Lines::Single).map_err(|_| AccessError::InvalidReader { found: echo(id) })
}

#[cfg(feature = "serde")]
impl TryFrom<ReaderRecord> for Reader {
    type Error = RestoreError;

    fn try_from(record: ReaderRecord) -> Result<Self, Self::Error> {
        check_saved("Reader", "id", &record.id, reader_id)?;
        Ok(Reader {
            id: record.id,
            clearance: record.clearance,
        })
    }
}

impl Reader {
    /// Creates a reader with a user id (1 to 100 characters on one line) and a clearance.
    ///
    /// # Errors
    ///
    /// [`AccessError::InvalidReader`] for a blank, too long or multi-line id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(Reader::try_new(" ", AccessLevel::Public).unwrap_err().code(), "access.invalid_reader");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(id: &str, clearance: AccessLevel) -> Result<Self, AccessError> {
        let id = reader_id(id)?;
        Ok(Reader { id, clearance })
    }

    /// Returns the user id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(board.id(), "j.ozols");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the clearance.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(clerk.clearance(), AccessLevel::Internal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clearance(&self) -> AccessLevel {
        self.clearance
    }

    /// Tells whether the reader may read a document of `level`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert!(board.may_read(AccessLevel::CommercialSecret));
    /// assert!(!clerk.may_read(AccessLevel::CommercialSecret));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn may_read(&self, level: AccessLevel) -> bool {
        level <= self.clearance
    }
}

/// Whether a logged read was allowed.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
/// #     .with(Requisite::Author, "Valde")
/// #     .with_date(day)
/// #     .with(Requisite::Addressee, "Valdei")
/// #     .with(Requisite::Title, "Cenu politika 2027")
/// #     .with(Requisite::Text, "Konfidenciāli.")
/// #     .with(Requisite::Signature, "J. Ozols")
/// #     .with_access(AccessLevel::CommercialSecret)
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
/// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
/// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
/// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
/// # let mut log = AccessLog::new();
/// # read_document(&record, &board, at, &mut log)?;
/// # let _ = (&clerk,);
/// assert!(read_document(&record, &clerk, at, &mut log).is_err());
/// assert_eq!(log.entries()[1].outcome(), ReadOutcome::Denied);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReadOutcome {
    /// The reader's clearance covered the document.
    Granted,
    /// The reader's clearance did not cover the document; nothing was shown.
    Denied,
}

/// One logged read of a restricted document.
///
/// Saved as `{"at", "reader", "document", "level", "outcome"}`; deserialising refuses, with a
/// [`RestoreError`], an entry [`read_document`] never writes: a reader id its check refuses,
/// a blank document number, or a level that is not logged.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
/// #     .with(Requisite::Author, "Valde")
/// #     .with_date(day)
/// #     .with(Requisite::Addressee, "Valdei")
/// #     .with(Requisite::Title, "Cenu politika 2027")
/// #     .with(Requisite::Text, "Konfidenciāli.")
/// #     .with(Requisite::Signature, "J. Ozols")
/// #     .with_access(AccessLevel::CommercialSecret)
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
/// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
/// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
/// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
/// # let mut log = AccessLog::new();
/// # read_document(&record, &board, at, &mut log)?;
/// # let _ = (&clerk,);
/// let entry = &log.entries()[0];
/// assert_eq!((entry.reader(), entry.outcome()), ("j.ozols", ReadOutcome::Granted));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AccessLogEntryRecord"))]
pub struct AccessLogEntry {
    at: DateTime<Utc>,
    reader: String,
    document: String,
    level: AccessLevel,
    outcome: ReadOutcome,
}

/// The saved form of an [`AccessLogEntry`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AccessLogEntryRecord {
    at: DateTime<Utc>,
    reader: String,
    document: String,
    level: AccessLevel,
    outcome: ReadOutcome,
}

#[cfg(feature = "serde")]
impl TryFrom<AccessLogEntryRecord> for AccessLogEntry {
    type Error = RestoreError;

    fn try_from(record: AccessLogEntryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AccessLogEntry";
        check_saved(WHAT, "reader", &record.reader, reader_id)?;
        if record.document.trim().is_empty() {
            return Err(RestoreError::missing(
                WHAT,
                "document",
                "a logged read names the document's registration number",
            )
            .with_latvian_reason(
                "žurnālā ierakstītā lasīšana norāda dokumenta reģistrācijas numuru",
            ));
        }
        if !record.level.is_logged() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "level",
                format_args!("reads of {} documents are not logged", record.level),
            )
            .with_latvian_reason(format_args!(
                "dokumentu ar piekļuves līmeni \"{}\" lasīšanu žurnālā neieraksta",
                record.level.latvian_name()
            )));
        }
        Ok(AccessLogEntry {
            at: record.at,
            reader: record.reader,
            document: record.document,
            level: record.level,
            outcome: record.outcome,
        })
    }
}

impl AccessLogEntry {
    /// Returns when the read happened.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries()[0].at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Returns the reader's id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries()[0].reader(), "j.ozols");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reader(&self) -> &str {
        &self.reader
    }

    /// Returns the document's registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries()[0].document(), "1.3/1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document(&self) -> &str {
        &self.document
    }

    /// Returns the document's access level.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries()[0].level(), AccessLevel::CommercialSecret);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn level(&self) -> AccessLevel {
        self.level
    }

    /// Returns whether the read was granted.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries()[0].outcome(), ReadOutcome::Granted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome(&self) -> ReadOutcome {
        self.outcome
    }
}

/// The append-only log of reads of restricted documents (*piekļuves žurnāls*).
///
/// Every read of a document whose level [`is_logged`](AccessLevel::is_logged) is recorded,
/// granted or denied; entries are never removed or changed.
///
/// # Examples
///
/// See [`read_document`].
///
/// Saved as `{"entries": […]}`, each entry restored through its checks. The log is
/// append-only and grows with every restricted read: keep it with the records it protects.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
/// #     .with(Requisite::Author, "Valde")
/// #     .with_date(day)
/// #     .with(Requisite::Addressee, "Valdei")
/// #     .with(Requisite::Title, "Cenu politika 2027")
/// #     .with(Requisite::Text, "Konfidenciāli.")
/// #     .with(Requisite::Signature, "J. Ozols")
/// #     .with_access(AccessLevel::CommercialSecret)
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
/// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
/// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
/// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
/// # let mut log = AccessLog::new();
/// # read_document(&record, &board, at, &mut log)?;
/// # let _ = (&clerk,);
/// assert_eq!(log.entries().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AccessLog {
    entries: Vec<AccessLogEntry>,
}

impl AccessLog {
    /// Creates an empty log.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert!(AccessLog::new().entries().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        AccessLog::default()
    }

    /// Returns the entries, oldest first.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(log.entries().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entries(&self) -> &[AccessLogEntry] {
        &self.entries
    }
}

/// The error returned by access checks.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::{TimeZone, Utc};
/// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
/// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
/// #     .with(Requisite::Author, "Valde")
/// #     .with_date(day)
/// #     .with(Requisite::Addressee, "Valdei")
/// #     .with(Requisite::Title, "Cenu politika 2027")
/// #     .with(Requisite::Text, "Konfidenciāli.")
/// #     .with(Requisite::Signature, "J. Ozols")
/// #     .with_access(AccessLevel::CommercialSecret)
/// #     .validate()?;
/// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
/// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
/// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
/// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
/// # let mut log = AccessLog::new();
/// # read_document(&record, &board, at, &mut log)?;
/// # let _ = (&clerk,);
/// let error = read_document(&record, &clerk, at, &mut log).unwrap_err();
/// assert_eq!(error.code(), "access.denied");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AccessError {
    /// The reader's clearance is below the document's level.
    #[error("reader {reader} with clearance {clearance} may not read {document} ({level})")]
    Denied {
        /// The reader's id.
        reader: String,
        /// The reader's clearance.
        clearance: AccessLevel,
        /// The document's registration number.
        document: String,
        /// The document's level.
        level: AccessLevel,
    },
    /// A reader id is blank, longer than 100 characters or spans lines.
    #[error("reader id must be 1 to 100 characters on one line, found {found:?}")]
    InvalidReader {
        /// The id given, cut to 32 characters.
        found: String,
    },
}

impl AccessError {
    /// Returns the stable code: `access.denied` or `access.invalid_reader`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
    /// # let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let secret = DocumentDraft::new(DocumentKind::InternalMemo)
    /// #     .with(Requisite::Author, "Valde")
    /// #     .with_date(day)
    /// #     .with(Requisite::Addressee, "Valdei")
    /// #     .with(Requisite::Title, "Cenu politika 2027")
    /// #     .with(Requisite::Text, "Konfidenciāli.")
    /// #     .with(Requisite::Signature, "J. Ozols")
    /// #     .with_access(AccessLevel::CommercialSecret)
    /// #     .validate()?;
    /// # let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
    /// # let record = register.register(DocumentId::from_u128(1), secret, &"1.3".parse()?, day)?.clone();
    /// # let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
    /// # let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
    /// # let mut log = AccessLog::new();
    /// # read_document(&record, &board, at, &mut log)?;
    /// # let _ = (&clerk,);
    /// assert_eq!(Reader::try_new("", AccessLevel::Public).unwrap_err().code(), "access.invalid_reader");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            AccessError::Denied { .. } => "access.denied",
            AccessError::InvalidReader { .. } => "access.invalid_reader",
        }
    }
}

/// Reads a registered document for `reader`, checking the clearance and logging the read of
/// a restricted document (granted or denied) in `log`.
///
/// # Errors
///
/// [`AccessError::Denied`] when the document's level is above the reader's clearance (the
/// attempt is logged if the level is logged).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{
///     read_document, AccessLevel, AccessLog, CaseIndex, DocumentDraft, DocumentId,
///     DocumentKind, ReadOutcome, Reader, Register, RegisterKind, Requisite,
/// };
/// use chrono::{NaiveDate, TimeZone, Utc};
///
/// let mut register = Register::try_new(RegisterKind::Internal, "{index}/{seq}")?;
/// let date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let draft = DocumentDraft::new(DocumentKind::Report)
///     .with(Requisite::Author, "SIA Apkalpe")
///     .with_date(date)
///     .with(Requisite::Title, "Klientu datu audits")
///     .with(Requisite::Text, "…")
///     .with(Requisite::Signature, "J. Ozols")
///     .with_access(AccessLevel::CommercialSecret);
/// let index: CaseIndex = "1.3".parse()?;
/// let id = DocumentId::from_u128(7);
/// register.register(id, draft.validate()?, &index, date)?;
/// let document = register.get(id).ok_or("registered")?;
///
/// let mut log = AccessLog::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("time")?;
/// let clerk = Reader::try_new("k.kalna", AccessLevel::Internal)?;
/// let board = Reader::try_new("j.ozols", AccessLevel::CommercialSecret)?;
/// assert_eq!(read_document(document, &clerk, at, &mut log).unwrap_err().code(), "access.denied");
/// assert!(read_document(document, &board, at, &mut log).is_ok());
/// let outcomes: Vec<ReadOutcome> = log.entries().iter().map(|e| e.outcome()).collect();
/// assert_eq!(outcomes, [ReadOutcome::Denied, ReadOutcome::Granted]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_document<'a>(
    document: &'a RegisteredDocument,
    reader: &Reader,
    at: DateTime<Utc>,
    log: &mut AccessLog,
) -> Result<&'a RegisteredDocument, AccessError> {
    let level = document.current().access();
    let granted = reader.may_read(level);
    if level.is_logged() {
        log.entries.push(AccessLogEntry {
            at,
            reader: reader.id.clone(),
            document: document.number().to_owned(),
            level,
            outcome: if granted {
                ReadOutcome::Granted
            } else {
                ReadOutcome::Denied
            },
        });
    }
    if granted {
        Ok(document)
    } else {
        Err(AccessError::Denied {
            reader: reader.id.clone(),
            clearance: reader.clearance,
            document: document.number().to_owned(),
            level,
        })
    }
}
