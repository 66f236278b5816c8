//! Registers of incoming, outgoing and internal documents (*dokumentu reģistri*), with
//! gapless registration numbers, immutable records and corrections as versions.

use std::collections::HashMap;
#[cfg(feature = "serde")]
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language};
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::case_index::CaseIndex;
#[cfg(feature = "serde")]
use crate::requisite::DocumentRecord;
use crate::requisite::{Document, DocumentKind};
#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean, echo};

mod error;
mod pattern;
mod record;

pub use error::*;
pub use pattern::*;
pub use record::*;

/// The id of a document, supplied by the caller (pure crates make no ids).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::DocumentId;
///
/// let id = DocumentId::from_u128(42);
/// assert_eq!(id.to_string(), "00000000-0000-0000-0000-00000000002a");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct DocumentId(Uuid);

impl DocumentId {
    /// Wraps a UUID.
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
    /// let id = DocumentId::new(uuid::Uuid::from_u128(7));
    /// assert_eq!(id, DocumentId::from_u128(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(id: Uuid) -> Self {
        DocumentId(id)
    }

    /// Wraps a UUID given as a number (fixtures, tests).
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
    /// assert_eq!(DocumentId::from_u128(1), record.id());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn from_u128(id: u128) -> Self {
        DocumentId(Uuid::from_u128(id))
    }

    /// Returns the UUID.
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
    /// assert_eq!(record.id().as_uuid().as_u128(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The kind of a register.
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
/// assert!(RegisterKind::Incoming.accepts(DocumentKind::Complaint));
/// assert!(!RegisterKind::Incoming.accepts(DocumentKind::InternalMemo));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RegisterKind {
    /// Incoming documents (*saņemto dokumentu reģistrs*).
    Incoming,
    /// Outgoing documents (*nosūtīto dokumentu reģistrs*).
    Outgoing,
    /// Internal documents (*iekšējo dokumentu reģistrs*).
    Internal,
}

impl RegisterKind {
    /// Returns the word that tells the register apart in Latvian ("saņemto" in "saņemto
    /// dokumentu reģistrs"), for the Latvian error messages.
    pub(crate) const fn latvian_qualifier(self) -> &'static str {
        match self {
            RegisterKind::Incoming => "saņemto",
            RegisterKind::Outgoing => "nosūtīto",
            RegisterKind::Internal => "iekšējo",
        }
    }

    /// Returns the snake_case name.
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
    /// assert_eq!(RegisterKind::Outgoing.as_str(), "outgoing");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RegisterKind::Incoming => "incoming",
            RegisterKind::Outgoing => "outgoing",
            RegisterKind::Internal => "internal",
        }
    }

    /// Tells whether documents of `kind` go into this register.
    ///
    /// Incoming: letters received, complaints, proposals, applications, reclamations,
    /// contracts, statements, reports, acts. Outgoing: letters sent, statements, contracts,
    /// reports, acts, reclamations (to suppliers). Internal: memos, minutes, orders, reports,
    /// acts, contracts.
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
    /// assert!(RegisterKind::Internal.accepts(DocumentKind::Minutes));
    /// assert!(!RegisterKind::Outgoing.accepts(DocumentKind::IncomingLetter));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accepts(self, kind: DocumentKind) -> bool {
        use DocumentKind as K;
        match self {
            RegisterKind::Incoming => matches!(
                kind,
                K::IncomingLetter
                    | K::Complaint
                    | K::Proposal
                    | K::Application
                    | K::Reclamation
                    | K::Contract
                    | K::Statement
                    | K::Report
                    | K::Act
            ),
            RegisterKind::Outgoing => matches!(
                kind,
                K::OutgoingLetter
                    | K::Statement
                    | K::Contract
                    | K::Report
                    | K::Act
                    | K::Reclamation
            ),
            RegisterKind::Internal => matches!(
                kind,
                K::InternalMemo | K::Minutes | K::Order | K::Report | K::Act | K::Contract
            ),
        }
    }
}

impl fmt::Display for RegisterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A register of one kind: numbers documents gaplessly per year, keeps every record and its
/// versions until they are archived.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{
///     CaseIndex, DocumentDraft, DocumentId, DocumentKind, Register, RegisterKind, Requisite,
/// };
/// use chrono::NaiveDate;
///
/// let mut incoming = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
///     .with(Requisite::Author, "SIA Klients")
///     .with_date(day)
///     .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/15.")
///     .with(Requisite::Signature, "Valdes loceklis P. Kalns")
///     .validate()?;
/// let index: CaseIndex = "2.3".parse()?;
/// let record = incoming.register(DocumentId::from_u128(1), letter.clone(), &index, day)?;
/// assert_eq!(record.number(), "2.3/1");
///
/// let fixed = letter.to_draft().with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/16.").validate()?;
/// let record = incoming.correct(DocumentId::from_u128(1), fixed, "rēķina numurs pārrakstīts kļūdaini", day)?;
/// assert_eq!(record.version_count(), 2);
/// assert_eq!(record.number(), "2.3/1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// ```json
/// {
///   "kind": "incoming",
///   "pattern": "{index}/{seq}",
///   "current": {"year": 2026, "sequence": 1},
///   "archived_before": null,
///   "documents": [{"id": "…", "number": "2.3/1", "register": "incoming", "year": 2026,
///                  "sequence": 1, "case_index": "2.3", "registered_on": "2026-03-02",
///                  "original": {…}, "corrections": [{…}]}]
/// }
/// ```
///
/// `current` is the numbering state (the year being numbered and its last sequence), kept
/// even when every document has been archived. Deserialising rebuilds the id index and
/// checks everything registration guarantees: each record through its own checks and of
/// this register's kind; ids unique; numbers unique within a year; each number the pattern
/// rendered for its case index, year and sequence; in each year the sequences 1, 2, 3, …
/// in registration order (the first record kept may start later when earlier ones were
/// archived), none beyond the pattern's width; `current` the last record's year and
/// sequence. A failing value is refused with a [`RestoreError`] naming the record
/// (`documents[3].sequence`). Restoring is O(n).
///
/// # Bounded history
///
/// A register that runs for years need not keep every record: [`Register::archive_before`]
/// hands the oldest ones to the caller's archive and keeps the numbering state, so the next
/// number is the one it would have been.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RegisterRecord"))]
pub struct Register {
    kind: RegisterKind,
    pattern: RegistrationPattern,
    /// The year being numbered and its last sequence.
    current: Option<Numbering>,
    /// The archive horizon: the records registered before it were handed out.
    archived_before: Option<NaiveDate>,
    documents: Vec<RegisteredDocument>,
    /// Positions in `documents` by id: derived, rebuilt on restore, never saved.
    #[cfg_attr(feature = "serde", serde(skip))]
    by_id: HashMap<DocumentId, usize, BuildHasherDefault<IdHasher>>,
}

/// The year a register is numbering and the last sequence it issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Numbering {
    year: i32,
    sequence: u32,
}

/// Registers are equal when their kind, pattern, numbering state, archive horizon and
/// records are; the id index is derived from the records.
impl PartialEq for Register {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.pattern == other.pattern
            && self.current == other.current
            && self.archived_before == other.archived_before
            && self.documents == other.documents
    }
}

impl Eq for Register {}

/// The saved form of a [`Register`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RegisterRecord {
    kind: RegisterKind,
    pattern: String,
    current: Option<Numbering>,
    #[cfg_attr(feature = "serde", serde(default))]
    archived_before: Option<NaiveDate>,
    documents: Vec<RegisteredDocumentRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<RegisterRecord> for Register {
    type Error = RestoreError;

    fn try_from(record: RegisterRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Register";
        let pattern = RegistrationPattern::try_new(&record.pattern)
            .map_err(|error| RestoreError::invalid(WHAT, "pattern", error))?;
        let max = pattern.max_sequence();
        let mut register = Register {
            kind: record.kind,
            pattern,
            current: record.current,
            archived_before: record.archived_before,
            documents: Vec::with_capacity(record.documents.len()),
            by_id: HashMap::default(),
        };
        register.by_id.reserve(record.documents.len());
        let mut numbers: HashSet<(i32, String)> = HashSet::with_capacity(record.documents.len());
        let mut previous: Option<Numbering> = None;
        for (position, document) in record.documents.into_iter().enumerate() {
            let at = format!("documents[{position}]");
            let document = RegisteredDocument::try_from(document).map_err(|e| e.within(&at))?;
            if document.register != register.kind {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.register"),
                    format_args!(
                        "the record is of the {} register, this is the {} register",
                        document.register, register.kind
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ieraksta reģistrs ir {} dokumentu reģistrs, bet šis ir {} dokumentu reģistrs",
                    document.register.latvian_qualifier(),
                    register.kind.latvian_qualifier()
                )));
            }
            if register.by_id.insert(document.id, position).is_some() {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("{at}.id"),
                    document.id,
                ));
            }
            if !numbers.insert((document.year, document.number.clone())) {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("{at}.number"),
                    &document.number,
                ));
            }
            let rendered =
                register
                    .pattern
                    .render(&document.case_index, document.year, document.sequence);
            if rendered != document.number {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.number"),
                    format_args!(
                        "the pattern {} gives {rendered} for this case index, year and sequence",
                        register.pattern
                    ),
                )
                .with_latvian_reason(format_args!(
                    "veidne {} šim lietas indeksam, gadam un kārtas numuram dod {rendered}",
                    register.pattern
                )));
            }
            if document.sequence > max {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.sequence"),
                    format_args!(
                        "the pattern {} shows sequences up to {max}",
                        register.pattern
                    ),
                )
                .with_latvian_reason(format_args!(
                    "veidne {} attēlo kārtas numurus līdz {max}",
                    register.pattern
                )));
            }
            let expected = match previous {
                None if register.archived_before.is_some() => document.sequence,
                None => 1,
                Some(last) if document.year == last.year => last.sequence.saturating_add(1),
                Some(last) if document.year > last.year => 1,
                Some(last) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        format!("{at}.year"),
                        format_args!(
                            "{} comes after {}: a register never goes back a year",
                            document.year, last.year
                        ),
                    )
                    .with_latvian_reason(format_args!(
                        "{} ir pēc {}: reģistrs nekad neatgriežas iepriekšējā gadā",
                        document.year, last.year
                    )));
                }
            };
            if document.sequence != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.sequence"),
                    format_args!(
                        "expected {expected}: sequences run 1, 2, 3, … each year without gaps"
                    ),
                )
                .with_latvian_reason(format_args!(
                    "gaidīts {expected}: kārtas numuri katru gadu iet 1, 2, 3, … bez iztrūkumiem"
                )));
            }
            previous = Some(Numbering {
                year: document.year,
                sequence: document.sequence,
            });
            register.documents.push(document);
        }
        match (previous, register.current) {
            (Some(last), current) if current != Some(last) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "current",
                    format_args!(
                        "the last record is sequence {} of {}",
                        last.sequence, last.year
                    ),
                )
                .with_latvian_reason(format_args!(
                    "pēdējā ieraksta kārtas numurs ir {} {}. gadā",
                    last.sequence, last.year
                )));
            }
            (None, Some(_)) if register.archived_before.is_none() => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "current",
                    "an empty register that archived nothing has numbered nothing",
                )
                .with_latvian_reason(
                    "tukšs reģistrs, kas neko nav arhivējis, nav neko numurējis",
                ));
            }
            (None, None) if register.archived_before.is_some() => {
                return Err(RestoreError::missing(
                    WHAT,
                    "current",
                    "a register that archived records has numbered them",
                )
                .with_latvian_reason("reģistrs, kas ir arhivējis ierakstus, tos ir numurējis"));
            }
            (None, Some(current)) if current.sequence == 0 || current.sequence > max => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "current.sequence",
                    format_args!("a sequence runs from 1 to {max}"),
                )
                .with_latvian_reason(format_args!("kārtas numuri ir no 1 līdz {max}")));
            }
            _ => {}
        }
        Ok(register)
    }
}

/// A fast hasher for [`DocumentId`]s: ids are UUIDs the caller supplies (random or
/// sequential), so mixing their halves with multiplications and a final avalanche spreads
/// them well at a fraction of SipHash's cost. Not meant for attacker-chosen keys.
#[derive(Debug, Default, Clone, Copy)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    /// Finishes with murmur3's 64-bit mix, so every input bit reaches the low bits the table
    /// indexes by (sequential UUIDs differ only in their last bytes).
    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        hash ^ (hash >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0_u8; 8];
            for (slot, byte) in word.iter_mut().zip(chunk) {
                *slot = *byte;
            }
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Register {
    /// Creates an empty register with a number pattern such as `{index}/{seq}`.
    ///
    /// The sequence restarts at 1 each year (a date in a later year starts the new year;
    /// earlier years are refused), so numbers are unique within a year: the year of the
    /// registration date completes them.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Pattern`] for a malformed pattern.
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
    /// let internal = Register::try_new(RegisterKind::Internal, "IE-{year}-{seq:4}")?;
    /// assert_eq!(internal.kind(), RegisterKind::Internal);
    /// assert_eq!(Register::try_new(RegisterKind::Internal, "{index}").unwrap_err().code(), "register.pattern");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(kind: RegisterKind, pattern: &str) -> Result<Self, RegisterError> {
        let pattern = RegistrationPattern::try_new(pattern)?;
        Ok(Register {
            kind,
            pattern,
            current: None,
            archived_before: None,
            documents: Vec::new(),
            by_id: HashMap::default(),
        })
    }

    /// Reserves room for `additional` more documents.
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
    /// register.reserve(10_000);
    /// assert_eq!(register.documents().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reserve(&mut self, additional: usize) {
        self.documents.reserve(additional);
        self.by_id.reserve(additional);
    }

    /// Returns the kind.
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
    /// assert_eq!(register.kind(), RegisterKind::Incoming);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> RegisterKind {
        self.kind
    }

    /// Returns the pattern.
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
    /// assert_eq!(register.pattern().to_string(), "{index}/{seq}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pattern(&self) -> &RegistrationPattern {
        &self.pattern
    }

    /// Registers a validated document under `case_index` on `registered_on`, giving it the
    /// next number.
    ///
    /// Every check comes before the number is issued, so a refused registration uses no
    /// number: the sequence stays gapless.
    ///
    /// # Errors
    ///
    /// [`RegisterError::KindNotAccepted`], [`RegisterError::AlreadyRegistered`],
    /// [`RegisterError::DateBeforeCurrentYear`], [`RegisterError::SequenceExhausted`].
    ///
    /// An id archived with [`Register::archive_before`] is no longer known, so registering
    /// it again is not detected as a duplicate: the caller's archive must keep ids unique.
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
    /// let second = register.register(DocumentId::from_u128(2), letter.clone(), &index, date(2026, 3, 3)?)?;
    /// assert_eq!(second.number(), "2.3/2");
    /// let again = register.register(DocumentId::from_u128(2), letter, &index, date(2026, 3, 3)?);
    /// assert_eq!(again.unwrap_err().code(), "register.already_registered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(
        &mut self,
        id: DocumentId,
        document: Document,
        case_index: &CaseIndex,
        registered_on: NaiveDate,
    ) -> Result<&RegisteredDocument, RegisterError> {
        if !self.kind.accepts(document.kind()) {
            return Err(RegisterError::KindNotAccepted {
                register: self.kind,
                kind: document.kind(),
            });
        }
        if let Some(existing) = self.by_id.get(&id).and_then(|at| self.documents.get(*at)) {
            return Err(RegisterError::AlreadyRegistered {
                id,
                number: existing.number.clone(),
            });
        }
        let (year, sequence) = self.next_sequence(registered_on)?;
        let number = self.pattern.render(case_index, year, sequence);
        let position = self.documents.len();
        self.documents.push(RegisteredDocument {
            id,
            number,
            register: self.kind,
            year,
            sequence,
            case_index: case_index.clone(),
            registered_on,
            original: DocumentVersion {
                version: 1,
                recorded_on: registered_on,
                reason: None,
                document,
            },
            corrections: Vec::new(),
        });
        self.by_id.insert(id, position);
        self.current = Some(Numbering { year, sequence });
        self.documents
            .get(position)
            .ok_or(RegisterError::UnknownDocument { id })
    }

    /// Works out the next (year, sequence) for `date` without changing the register.
    fn next_sequence(&self, date: NaiveDate) -> Result<(i32, u32), RegisterError> {
        let year = date.year();
        let sequence = match self.current {
            None => 1,
            Some(current) if year < current.year => {
                return Err(RegisterError::DateBeforeCurrentYear {
                    register: self.kind,
                    date,
                    current_year: current.year,
                });
            }
            Some(current) if year == current.year => current.sequence.saturating_add(1),
            Some(_) => 1,
        };
        let max = self.pattern.max_sequence();
        if sequence > max || sequence == u32::MAX {
            return Err(RegisterError::SequenceExhausted {
                register: self.kind,
                year,
                max,
            });
        }
        Ok((year, sequence))
    }

    /// Records a correction of a registered document as a new version with its reason; the
    /// earlier versions stay.
    ///
    /// # Errors
    ///
    /// [`RegisterError::UnknownDocument`], or [`RegisterError::Archived`] once the register
    /// has archived records (it cannot tell an unknown id from an archived one);
    /// [`RegisterError::KindChanged`], [`RegisterError::InvalidReason`] (blank, above 500
    /// characters, multi-line), [`RegisterError::CorrectionBeforeRegistration`].
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
    /// let fixed = letter.to_draft().with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/16.").validate()?;
    /// let corrected = register.correct(DocumentId::from_u128(1), fixed, "numurs pārrakstīts kļūdaini", date(2026, 3, 4)?)?;
    /// assert_eq!(corrected.version_count(), 2);
    /// assert_eq!(corrected.number(), "2.3/1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn correct(
        &mut self,
        id: DocumentId,
        corrected: Document,
        reason: &str,
        on: NaiveDate,
    ) -> Result<&RegisteredDocument, RegisterError> {
        let reason = clean(reason, 500, Lines::Single)
            .map_err(|problem| RegisterError::InvalidReason { problem })?;
        let unknown = match self.archived_before {
            Some(before) => RegisterError::Archived { id, before },
            None => RegisterError::UnknownDocument { id },
        };
        let record = self
            .by_id
            .get(&id)
            .and_then(|at| self.documents.get_mut(*at))
            .ok_or(unknown)?;
        let from = record.current().kind();
        if corrected.kind() != from {
            return Err(RegisterError::KindChanged {
                from,
                to: corrected.kind(),
            });
        }
        if on < record.registered_on {
            return Err(RegisterError::CorrectionBeforeRegistration {
                number: record.number.clone(),
                registered_on: record.registered_on,
                on,
            });
        }
        let version = u32::try_from(record.version_count())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        record.corrections.push(DocumentVersion {
            version,
            recorded_on: on,
            reason: Some(reason),
            document: corrected,
        });
        Ok(record)
    }

    /// Removes and returns the oldest records, those registered before `date`, keeping the
    /// numbering state: the next number is exactly the one it would have been. Records are
    /// taken in registration order up to the first one registered on or after `date` (a
    /// register may take an earlier date within its year; such a record stays with the ones
    /// after it), so the records kept are one gapless run of numbers.
    ///
    /// The register then remembers only the archive horizon (the latest `date` that archived
    /// something, [`Register::archived_before`]): an archived id is forgotten, so
    /// [`Register::get`] no longer finds it, [`Register::correct`] refuses it with
    /// [`RegisterError::Archived`] (`register.archived`), and registering the same id again
    /// is not detected as a duplicate. Keep the returned records in your archive (they
    /// serialise as the records of a saved register do).
    ///
    /// Nothing happens (and an empty list is returned) when the oldest record is registered
    /// on or after `date`. O(n) in the records kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{
    ///     CaseIndex, DocumentDraft, DocumentId, DocumentKind, Register, RegisterKind, Requisite,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    /// let index: CaseIndex = "2.1".parse()?;
    /// for (n, m, d) in [(1_u128, 3, 2), (2, 6, 1), (3, 9, 1)] {
    ///     let day = NaiveDate::from_ymd_opt(2026, m, d).ok_or("date")?;
    ///     let letter = DocumentDraft::new(DocumentKind::IncomingLetter)
    ///         .with(Requisite::Author, "SIA Klients")
    ///         .with_date(day)
    ///         .with(Requisite::Text, "Lūdzam pārskatīt rēķinu.")
    ///         .with(Requisite::Signature, "P. Kalns")
    ///         .validate()?;
    ///     register.register(DocumentId::from_u128(n), letter, &index, day)?;
    /// }
    /// let archived = register.archive_before(NaiveDate::from_ymd_opt(2026, 7, 1).ok_or("date")?);
    /// assert_eq!(archived.len(), 2);
    /// assert_eq!(register.documents().len(), 1);
    /// assert_eq!(register.documents()[0].number(), "2.1/3");
    /// assert_eq!(register.archived_before(), NaiveDate::from_ymd_opt(2026, 7, 1));
    /// assert_eq!(
    ///     register.correct(DocumentId::from_u128(1), archived[0].current().clone(), "x", NaiveDate::from_ymd_opt(2026, 9, 2).ok_or("date")?)
    ///         .unwrap_err()
    ///         .code(),
    ///     "register.archived"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn archive_before(&mut self, date: NaiveDate) -> Vec<RegisteredDocument> {
        let count = self
            .documents
            .iter()
            .take_while(|record| record.registered_on < date)
            .count();
        if count == 0 {
            return Vec::new();
        }
        let archived: Vec<RegisteredDocument> = self.documents.drain(..count).collect();
        self.archived_before = Some(self.archived_before.map_or(date, |before| before.max(date)));
        self.by_id.clear();
        for (position, record) in self.documents.iter().enumerate() {
            self.by_id.insert(record.id, position);
        }
        archived
    }

    /// Returns the archive horizon: the records registered before it were archived with
    /// [`Register::archive_before`]; `None` if nothing was archived.
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
    /// assert_eq!(register.archived_before(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn archived_before(&self) -> Option<NaiveDate> {
        self.archived_before
    }

    /// Returns the document with `id`.
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
    /// assert_eq!(register.get(DocumentId::from_u128(1)).map(|r| r.number()), Some("2.3/1"));
    /// assert!(register.get(DocumentId::from_u128(9)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, id: DocumentId) -> Option<&RegisteredDocument> {
        self.by_id.get(&id).and_then(|at| self.documents.get(*at))
    }

    /// Returns every record kept, in registration order (archived ones are gone).
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
    /// assert_eq!(register.documents().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn documents(&self) -> &[RegisteredDocument] {
        &self.documents
    }

    /// Returns the records registered on `date`.
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
    /// assert_eq!(register.registered_on(date(2026, 3, 2)?).count(), 1);
    /// assert_eq!(register.registered_on(date(2026, 3, 3)?).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered_on(&self, date: NaiveDate) -> impl Iterator<Item = &RegisteredDocument> {
        self.documents
            .iter()
            .filter(move |record| record.registered_on == date)
    }

    /// Renders the day's register as a table: number, kind, date of the document, author,
    /// title, case.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{Register, RegisterKind};
    /// use chrono::NaiveDate;
    ///
    /// let register = Register::try_new(RegisterKind::Outgoing, "{index}/{seq}")?;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// assert_eq!(register.render_day(day), "outgoing register 2026-03-02: 0 documents\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_day(&self, date: NaiveDate) -> String {
        let records: Vec<&RegisteredDocument> = self.registered_on(date).collect();
        let mut text = format!(
            "{} register {date}: {}\n",
            self.kind,
            CountNoun::new("document", "documents").count_of(Language::English, records.len())
        );
        if records.is_empty() {
            return text;
        }
        text.push_str(&format!(
            "{:<12}  {:<16}  {:<10}  {:<24}  {:<36}  {}\n",
            "number", "kind", "dated", "author", "title", "case"
        ));
        for record in records {
            let document = record.current();
            let author = document
                .get(crate::requisite::Requisite::Author)
                .unwrap_or("");
            let title = document
                .title()
                .or_else(|| document.get(crate::requisite::Requisite::Text))
                .unwrap_or("");
            let title = title.lines().next().unwrap_or("");
            text.push_str(&format!(
                "{:<12}  {:<16}  {:<10}  {:<24}  {:<36}  {}\n",
                record.number,
                document.kind().as_str(),
                document.date(),
                cut(author, 24),
                cut(title, 36),
                record.case_index
            ));
        }
        text
    }

    /// Returns the year being numbered, if anything was registered.
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
    /// assert_eq!(register.current_year(), Some(2026));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn current_year(&self) -> Option<i32> {
        self.current.map(|current| current.year)
    }

    /// Tells whether `date` is in a year the register can still number.
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
    /// assert!(register.accepts_date(date(2026, 12, 31)?));
    /// assert!(!register.accepts_date(date(2025, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accepts_date(&self, date: NaiveDate) -> bool {
        self.current_year().is_none_or(|year| date.year() >= year)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requisite::{DocumentDraft, Requisite};

    fn letter(day: NaiveDate) -> Document {
        DocumentDraft::new(DocumentKind::IncomingLetter)
            .with(Requisite::Author, "SIA Klients")
            .with_date(day)
            .with(Requisite::Text, "Teksts")
            .with(Requisite::Signature, "P. Kalns")
            .validate()
            .unwrap()
    }

    #[test]
    fn id_hasher_spreads_sequential_ids_over_low_bits() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<IdHasher>::default();
        let buckets: std::collections::BTreeSet<u64> = (0_u128..1024)
            .map(|n| build.hash_one(DocumentId::from_u128(n)) & 1023)
            .collect();
        assert!(buckets.len() > 600, "{} buckets", buckets.len());
    }

    #[test]
    fn patterns() {
        let index = CaseIndex::try_new("2.1").unwrap();
        let pattern = RegistrationPattern::try_new("{yy}-{index}/{seq:3}").unwrap();
        assert_eq!(pattern.render(&index, 2026, 7), "26-2.1/007");
        for bad in [
            "",
            "{index}",
            "{seq}{seq}",
            "{seq",
            "a}{seq}",
            "{seq:0}",
            "{month}{seq}",
            "{index}{seq}",
            "{seq}{index}",
            "{index}.{seq}",
            "{index}{yy}{seq:3}",
        ] {
            assert_eq!(
                RegistrationPattern::try_new(bad).unwrap_err().code(),
                "register.pattern",
                "{bad}"
            );
        }
    }

    #[test]
    fn index_and_sequence_need_a_separator() {
        for good in [
            "{index}/{seq}",
            "{index} {seq}",
            "{seq}-{index}",
            "{index}/{yy}{seq}",
            "{index}{index}/{seq}",
            "{seq}",
            "{yy}{seq:4}",
        ] {
            assert!(RegistrationPattern::try_new(good).is_ok(), "{good}");
        }
        // With a separator, numbers of different (index, sequence) never collide.
        let pattern = RegistrationPattern::try_new("{index}/{seq}").unwrap();
        let one = CaseIndex::try_new("1").unwrap();
        let eleven = CaseIndex::try_new("11").unwrap();
        assert_ne!(
            pattern.render(&one, 2026, 11),
            pattern.render(&eleven, 2026, 1)
        );
    }

    #[test]
    fn refusals_use_no_number() {
        let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let index = CaseIndex::try_new("2.1").unwrap();
        register
            .register(DocumentId::from_u128(1), letter(day), &index, day)
            .unwrap();
        assert_eq!(
            register
                .register(DocumentId::from_u128(1), letter(day), &index, day)
                .unwrap_err()
                .code(),
            "register.already_registered"
        );
        let memo = DocumentDraft::new(DocumentKind::InternalMemo)
            .with(Requisite::Author, "A")
            .with_date(day)
            .with(Requisite::Addressee, "B")
            .with(Requisite::Title, "C")
            .with(Requisite::Text, "D")
            .with(Requisite::Signature, "E")
            .validate()
            .unwrap();
        assert_eq!(
            register
                .register(DocumentId::from_u128(2), memo, &index, day)
                .unwrap_err()
                .code(),
            "register.kind_not_accepted"
        );
        let next = register
            .register(DocumentId::from_u128(3), letter(day), &index, day)
            .unwrap();
        assert_eq!(next.number(), "2.1/2");
    }

    #[test]
    fn corrections_keep_versions() {
        let mut register = Register::try_new(RegisterKind::Incoming, "{seq}").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let index = CaseIndex::try_new("1").unwrap();
        let id = DocumentId::from_u128(1);
        register.register(id, letter(day), &index, day).unwrap();
        assert_eq!(
            register
                .correct(id, letter(day), " ", day)
                .unwrap_err()
                .code(),
            "register.invalid_reason"
        );
        assert_eq!(
            register
                .correct(id, letter(day), "x", day.pred_opt().unwrap())
                .unwrap_err()
                .code(),
            "register.correction_before_registration"
        );
        assert_eq!(
            register
                .correct(DocumentId::from_u128(9), letter(day), "x", day)
                .unwrap_err()
                .code(),
            "register.unknown_document"
        );
        let record = register.correct(id, letter(day), "typo", day).unwrap();
        let reasons: Vec<Option<&str>> = record.versions().map(DocumentVersion::reason).collect();
        assert_eq!(reasons, [None, Some("typo")]);
    }

    /// Restores `value` through the saved record and its checks, as `Register`'s
    /// `Deserialize` does, and returns the refusal's English and Latvian messages; the
    /// English one is the text the public `Deserialize` gives (serde carries only that).
    #[cfg(feature = "serde")]
    fn refusal(value: serde_json::Value) -> (String, String) {
        use apkalpe_core::LocalizedError;
        let public = serde_json::from_value::<Register>(value.clone())
            .unwrap_err()
            .to_string();
        let record: RegisterRecord = serde_json::from_value(value).unwrap();
        let error = Register::try_from(record).unwrap_err();
        assert_eq!(error.to_string(), public);
        (public, error.message_in(Language::Latvian))
    }

    /// Decision 0007: a restore failure reads in Latvian with its reason in Latvian, not the
    /// English reason inside a Latvian frame (the integration test
    /// `restore_reasons_are_written_in_latvian_too` checks that every place has one).
    #[cfg(feature = "serde")]
    #[test]
    fn restore_failures_read_in_latvian() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
        register
            .register(
                DocumentId::from_u128(1),
                letter(day),
                &CaseIndex::try_new("2.2").unwrap(),
                day,
            )
            .unwrap();
        let saved = serde_json::to_value(&register).unwrap();
        let empty = serde_json::to_value(
            Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap(),
        )
        .unwrap();
        let mut year = saved.clone();
        year["documents"][0]["year"] = serde_json::json!(2025);
        let mut current = saved;
        current["current"]["sequence"] = serde_json::json!(7);
        let mut archived = empty.clone();
        archived["archived_before"] = serde_json::json!("2026-01-01");
        let mut numbered = empty;
        numbered["current"] = serde_json::json!({"year": 2026, "sequence": 3});
        let cases = [
            (
                year,
                "2025 is not the year of registration on 2026-03-02",
                "restore.inconsistent: nevar atjaunot RegisteredDocument: documents[0].year: \
                 2025 nav reģistrācijas datuma 2026-03-02 gads",
            ),
            (
                current,
                "the last record is sequence 1 of 2026",
                "restore.inconsistent: nevar atjaunot Register: current: \
                 pēdējā ieraksta kārtas numurs ir 1 2026. gadā",
            ),
            (
                archived,
                "a register that archived records has numbered them",
                "restore.missing: nevar atjaunot Register: current: \
                 reģistrs, kas ir arhivējis ierakstus, tos ir numurējis",
            ),
            (
                numbered,
                "an empty register that archived nothing has numbered nothing",
                "restore.inconsistent: nevar atjaunot Register: current: \
                 tukšs reģistrs, kas neko nav arhivējis, nav neko numurējis",
            ),
        ];
        for (value, english, latvian) in cases {
            let (public, message) = refusal(value);
            assert!(public.ends_with(english), "{public}");
            assert_eq!(message, latvian);
            assert!(!message.contains(english), "{message}");
        }
    }
}
