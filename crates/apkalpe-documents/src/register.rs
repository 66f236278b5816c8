//! Registers of incoming, outgoing and internal documents (*dokumentu reģistri*), with
//! gapless registration numbers, immutable records and corrections as versions.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use apkalpe_core::{CountNoun, Language, RestoreError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::case_index::CaseIndex;
use crate::requisite::{Document, DocumentKind, DocumentRecord};
use crate::text::{Lines, TextProblem, check_saved, clean, echo};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(Uuid);

impl DocumentId {
    /// Wraps a UUID.
    pub const fn new(id: Uuid) -> Self {
        DocumentId(id)
    }

    /// Wraps a UUID given as a number (fixtures, tests).
    pub const fn from_u128(id: u128) -> Self {
        DocumentId(Uuid::from_u128(id))
    }

    /// Returns the UUID.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterKind {
    /// Incoming documents (*saņemto dokumentu reģistrs*).
    Incoming,
    /// Outgoing documents (*nosūtīto dokumentu reģistrs*).
    Outgoing,
    /// Internal documents (*iekšējo dokumentu reģistrs*).
    Internal,
}

impl RegisterKind {
    /// Returns the snake_case name.
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

/// One piece of a registration pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    Literal(String),
    Index,
    Year,
    ShortYear,
    Sequence(Option<u8>),
}

/// The template of registration numbers: literal text plus `{index}` (the case index),
/// `{year}`, `{yy}`, `{seq}` or `{seq:N}` (zero-padded to N digits, 1–10).
///
/// Core's `NumberPattern` has no `{index}` token, so the register renders its numbers itself
/// with this pattern. It also keeps its own gapless counter per year instead of a core
/// `NumberSeries`, whose `issue` allocates two strings per number: registering a million
/// documents must take under a second. The rules are the series' rules: a sequence per year
/// from 1, years only move forward, a fixed width caps the sequence.
///
/// A pattern with `{index}` must separate it from `{seq}` with a literal holding a character
/// that is not a letter, digit or dot (`{index}/{seq}`, not `{index}{seq}`): case indexes are
/// letters, digits and dots, so without one "1" + "11" and "11" + "1" would both render as
/// "111", and two documents of a year could share a number.
///
/// Serialised as its template string and deserialised through [`RegistrationPattern::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_documents::RegistrationPattern;
///
/// let pattern = RegistrationPattern::try_new("{index}/{seq}")?;
/// assert_eq!(pattern.to_string(), "{index}/{seq}");
/// assert_eq!(RegistrationPattern::try_new("{index}").unwrap_err().code(), "register.pattern");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegistrationPattern {
    template: String,
    parts: Vec<Part>,
    width: Option<u8>,
}

impl TryFrom<String> for RegistrationPattern {
    type Error = RegisterError;

    fn try_from(template: String) -> Result<Self, Self::Error> {
        RegistrationPattern::try_new(&template)
    }
}

impl From<RegistrationPattern> for String {
    fn from(pattern: RegistrationPattern) -> Self {
        pattern.template
    }
}

/// Tells whether a literal separates an `{index}` from `{seq}`: it holds a character no
/// case index and no sequence holds.
fn separates(part: &Part) -> bool {
    match part {
        Part::Literal(literal) => literal
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '.')),
        _ => false,
    }
}

impl RegistrationPattern {
    /// Parses a template.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Pattern`] unless `{seq}` / `{seq:N}` occurs exactly once, every token
    /// is known, every brace is closed, `N` is 1 to 10, every `{index}` is separated from
    /// `{seq}` by a character other than a letter, digit or dot, and the template is 1 to 64
    /// characters without control characters.
    pub fn try_new(template: &str) -> Result<Self, RegisterError> {
        let error = |problem: &'static str| RegisterError::Pattern {
            template: echo(template),
            problem,
        };
        if template.is_empty() || template.chars().count() > 64 {
            return Err(error("must be 1 to 64 characters"));
        }
        if template.chars().any(char::is_control) {
            return Err(error("has a control character"));
        }
        let mut parts = Vec::new();
        let mut width = None;
        let mut sequences = 0_u8;
        let mut rest = template;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let close = rest
                        .find('}')
                        .ok_or_else(|| error("has an unclosed token"))?;
                    let token = rest.get(1..close).unwrap_or_default();
                    let part = match token {
                        "index" => Part::Index,
                        "year" => Part::Year,
                        "yy" => Part::ShortYear,
                        "seq" => Part::Sequence(None),
                        _ => match token.strip_prefix("seq:").map(str::parse::<u8>) {
                            Some(Ok(n)) if (1..=10).contains(&n) => Part::Sequence(Some(n)),
                            Some(_) => return Err(error("has a seq width outside 1-10")),
                            None => return Err(error("has an unknown token")),
                        },
                    };
                    if let Part::Sequence(w) = part {
                        sequences = sequences.saturating_add(1);
                        width = w;
                    }
                    parts.push(part);
                    rest = rest.get(close.saturating_add(1)..).unwrap_or_default();
                }
                found => {
                    let end = found.unwrap_or(rest.len());
                    let literal = rest.get(..end).unwrap_or_default();
                    if literal.contains('}') {
                        return Err(error("has an unmatched closing brace"));
                    }
                    parts.push(Part::Literal(literal.to_owned()));
                    rest = rest.get(end..).unwrap_or_default();
                }
            }
        }
        if sequences != 1 {
            return Err(error("needs exactly one {seq} token"));
        }
        let sequence_at = parts
            .iter()
            .position(|part| matches!(part, Part::Sequence(_)))
            .unwrap_or_default();
        for (index_at, _) in parts
            .iter()
            .enumerate()
            .filter(|(_, part)| matches!(part, Part::Index))
        {
            let between = parts
                .get(index_at.min(sequence_at)..index_at.max(sequence_at))
                .unwrap_or_default();
            if !between.iter().any(separates) {
                return Err(error(
                    "needs a character other than a letter, digit or dot between {index} and {seq}",
                ));
            }
        }
        Ok(RegistrationPattern {
            template: template.to_owned(),
            parts,
            width,
        })
    }

    /// Renders a number.
    fn render(&self, index: &CaseIndex, year: i32, sequence: u32) -> String {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(16);
        for part in &self.parts {
            // Writing to a String cannot fail.
            let _ = match part {
                Part::Literal(literal) => text.write_str(literal),
                Part::Index => text.write_str(index.as_str()),
                Part::Year => write!(text, "{year:04}"),
                Part::ShortYear => write!(text, "{:02}", year.rem_euclid(100)),
                Part::Sequence(None) => write!(text, "{sequence}"),
                Part::Sequence(Some(width)) => {
                    write!(text, "{sequence:0width$}", width = usize::from(*width))
                }
            };
        }
        text
    }

    /// Returns the largest sequence the pattern can show.
    fn max_sequence(&self) -> u32 {
        match self.width {
            Some(width) => 10_u32
                .checked_pow(u32::from(width))
                .and_then(|power| power.checked_sub(1))
                .unwrap_or(u32::MAX),
            None => u32::MAX,
        }
    }
}

impl fmt::Display for RegistrationPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.template)
    }
}

/// The error returned by register operations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The registration pattern is malformed.
    #[error("registration pattern {template:?} {problem}")]
    Pattern {
        /// The template, cut to 32 characters.
        template: String,
        /// What is wrong, as a fixed phrase.
        problem: &'static str,
    },
    /// A document with this id is already registered.
    #[error("document {id} is already registered as {number}")]
    AlreadyRegistered {
        /// The id.
        id: DocumentId,
        /// Its number.
        number: String,
    },
    /// The register does not take documents of this kind.
    #[error("the {register} register does not take {kind} documents")]
    KindNotAccepted {
        /// The register.
        register: RegisterKind,
        /// The document's kind.
        kind: DocumentKind,
    },
    /// No document with this id is registered.
    #[error("document {id} is not registered")]
    UnknownDocument {
        /// The id.
        id: DocumentId,
    },
    /// A correction changes the document's kind.
    #[error("a correction cannot change the kind from {from} to {to}")]
    KindChanged {
        /// The registered kind.
        from: DocumentKind,
        /// The kind of the correction.
        to: DocumentKind,
    },
    /// The correction's reason is blank, too long (500) or multi-line.
    #[error("correction reason {problem}")]
    InvalidReason {
        /// What is wrong.
        problem: TextProblem,
    },
    /// A correction dated before the registration.
    #[error("document {number} registered on {registered_on} cannot be corrected on {on}")]
    CorrectionBeforeRegistration {
        /// The number.
        number: String,
        /// The registration date.
        registered_on: NaiveDate,
        /// The correction date given.
        on: NaiveDate,
    },
    /// The date is in a year before the register's current year: a register never goes
    /// back.
    #[error("the {register} register is numbering {current_year}, cannot register on {date}")]
    DateBeforeCurrentYear {
        /// The register.
        register: RegisterKind,
        /// The date given.
        date: NaiveDate,
        /// The year being numbered.
        current_year: i32,
    },
    /// The next sequence does not fit the pattern's `{seq:N}` width.
    #[error("the {register} register has no numbers left after {max} in {year}")]
    SequenceExhausted {
        /// The register.
        register: RegisterKind,
        /// The year.
        year: i32,
        /// The largest sequence the pattern can show.
        max: u32,
    },
    /// No document with this id is in the register, which has archived its documents
    /// registered before `before` ([`Register::archive_before`]): the id is unknown or one
    /// of them, and an archived document cannot be corrected here.
    #[error(
        "document {id} is not in the register, which archived its documents registered before {before}"
    )]
    Archived {
        /// The id.
        id: DocumentId,
        /// The archive horizon.
        before: NaiveDate,
    },
}

impl RegisterError {
    /// Returns the stable code (`register.pattern`, `register.already_registered`,
    /// `register.kind_not_accepted`, `register.unknown_document`, `register.kind_changed`,
    /// `register.invalid_reason`, `register.correction_before_registration`,
    /// `register.date_before_current_year`, `register.sequence_exhausted`,
    /// `register.archived`).
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::Pattern { .. } => "register.pattern",
            RegisterError::AlreadyRegistered { .. } => "register.already_registered",
            RegisterError::KindNotAccepted { .. } => "register.kind_not_accepted",
            RegisterError::UnknownDocument { .. } => "register.unknown_document",
            RegisterError::KindChanged { .. } => "register.kind_changed",
            RegisterError::InvalidReason { .. } => "register.invalid_reason",
            RegisterError::CorrectionBeforeRegistration { .. } => {
                "register.correction_before_registration"
            }
            RegisterError::DateBeforeCurrentYear { .. } => "register.date_before_current_year",
            RegisterError::SequenceExhausted { .. } => "register.sequence_exhausted",
            RegisterError::Archived { .. } => "register.archived",
        }
    }
}

/// One version of a registered document: the first as registered, later ones corrections
/// with their reason.
///
/// Deserialises from `{"version": 2, "recorded_on": "…", "reason": "…", "document": {…}}`
/// through the checks of [`Register::correct`]: version from 1, a reason exactly on the
/// corrections (a non-blank line of at most 500 characters), the document through its own
/// checks; a failing value is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DocumentVersionRecord")]
pub struct DocumentVersion {
    version: u32,
    recorded_on: NaiveDate,
    reason: Option<String>,
    document: Document,
}

/// The saved form of a [`DocumentVersion`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentVersionRecord {
    version: u32,
    recorded_on: NaiveDate,
    reason: Option<String>,
    document: DocumentRecord,
}

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
                ));
            }
            (1, Some(_)) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "reason",
                    "the registered version 1 has no correction reason",
                ));
            }
            (_, None) if record.version > 1 => {
                return Err(RestoreError::missing(
                    WHAT,
                    "reason",
                    "a correction has its reason",
                ));
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
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Returns when the version was recorded.
    pub fn recorded_on(&self) -> NaiveDate {
        self.recorded_on
    }

    /// Returns the reason of a correction (`None` for version 1).
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Returns the document as of this version.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RegisteredDocumentRecord")]
pub struct RegisteredDocument {
    id: DocumentId,
    number: String,
    register: RegisterKind,
    year: i32,
    sequence: u32,
    case_index: CaseIndex,
    registered_on: NaiveDate,
    original: DocumentVersion,
    corrections: Vec<DocumentVersion>,
}

/// The saved form of a [`RegisteredDocument`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisteredDocumentRecord {
    id: DocumentId,
    number: String,
    register: RegisterKind,
    year: i32,
    sequence: u32,
    case_index: CaseIndex,
    registered_on: NaiveDate,
    original: DocumentVersionRecord,
    corrections: Vec<DocumentVersionRecord>,
}

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
            ));
        }
        if record.sequence == 0 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "sequence",
                "sequences are numbered from 1",
            ));
        }
        let original =
            DocumentVersion::try_from(record.original).map_err(|e| e.within("original"))?;
        if original.version != 1 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "original.version",
                "the registered version is version 1",
            ));
        }
        if original.recorded_on != record.registered_on {
            return Err(RestoreError::inconsistent(
                WHAT,
                "original.recorded_on",
                format_args!(
                    "the registered version is recorded on the registration date {}",
                    record.registered_on
                ),
            ));
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
                ));
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
    pub fn id(&self) -> DocumentId {
        self.id
    }

    /// Returns the registration number.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the register.
    pub fn register(&self) -> RegisterKind {
        self.register
    }

    /// Returns the register's year and the sequence within it.
    pub fn sequence(&self) -> (i32, u32) {
        (self.year, self.sequence)
    }

    /// Returns the case index the document is filed under.
    pub fn case_index(&self) -> &CaseIndex {
        &self.case_index
    }

    /// Returns the registration date.
    pub fn registered_on(&self) -> NaiveDate {
        self.registered_on
    }

    /// Returns every version, oldest first: the registered one, then each correction.
    pub fn versions(&self) -> impl Iterator<Item = &DocumentVersion> {
        std::iter::once(&self.original).chain(self.corrections.iter())
    }

    /// Returns the number of versions (1 plus the corrections).
    pub fn version_count(&self) -> usize {
        self.corrections.len().saturating_add(1)
    }

    /// Returns the current document (the last version).
    pub fn current(&self) -> &Document {
        &self.corrections.last().unwrap_or(&self.original).document
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "RegisterRecord")]
pub struct Register {
    kind: RegisterKind,
    pattern: RegistrationPattern,
    /// The year being numbered and its last sequence.
    current: Option<Numbering>,
    /// The archive horizon: the records registered before it were handed out.
    archived_before: Option<NaiveDate>,
    documents: Vec<RegisteredDocument>,
    /// Positions in `documents` by id: derived, rebuilt on restore, never saved.
    #[serde(skip)]
    by_id: HashMap<DocumentId, usize, BuildHasherDefault<IdHasher>>,
}

/// The year a register is numbering and the last sequence it issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRecord {
    kind: RegisterKind,
    pattern: String,
    current: Option<Numbering>,
    #[serde(default)]
    archived_before: Option<NaiveDate>,
    documents: Vec<RegisteredDocumentRecord>,
}

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
                ));
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
                ));
            }
            if document.sequence > max {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.sequence"),
                    format_args!(
                        "the pattern {} shows sequences up to {max}",
                        register.pattern
                    ),
                ));
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
                    ));
                }
            };
            if document.sequence != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("{at}.sequence"),
                    format_args!(
                        "expected {expected}: sequences run 1, 2, 3, … each year without gaps"
                    ),
                ));
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
                ));
            }
            (None, Some(_)) if register.archived_before.is_none() => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "current",
                    "an empty register that archived nothing has numbered nothing",
                ));
            }
            (None, None) if register.archived_before.is_some() => {
                return Err(RestoreError::missing(
                    WHAT,
                    "current",
                    "a register that archived records has numbered them",
                ));
            }
            (None, Some(current)) if current.sequence == 0 || current.sequence > max => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "current.sequence",
                    format_args!("a sequence runs from 1 to {max}"),
                ));
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
    pub fn reserve(&mut self, additional: usize) {
        self.documents.reserve(additional);
        self.by_id.reserve(additional);
    }

    /// Returns the kind.
    pub fn kind(&self) -> RegisterKind {
        self.kind
    }

    /// Returns the pattern.
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
    pub fn archived_before(&self) -> Option<NaiveDate> {
        self.archived_before
    }

    /// Returns the document with `id`.
    pub fn get(&self, id: DocumentId) -> Option<&RegisteredDocument> {
        self.by_id.get(&id).and_then(|at| self.documents.get(*at))
    }

    /// Returns every record kept, in registration order (archived ones are gone).
    pub fn documents(&self) -> &[RegisteredDocument] {
        &self.documents
    }

    /// Returns the records registered on `date`.
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
    pub fn current_year(&self) -> Option<i32> {
        self.current.map(|current| current.year)
    }

    /// Tells whether `date` is in a year the register can still number.
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
}
