//! Document kinds and their requisites (*dokumenta rekvizīti*), checked all at once.

use std::collections::BTreeMap;
use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CountNoun, Language};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::access_level::AccessLevel;
#[cfg(feature = "serde")]
use crate::text::TaggedObject;
use crate::text::{Lines, TextProblem, clean};

/// The kind of a document (*dokumenta veids*): a closed set, each with its requisites.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{DocumentKind, Requisite};
///
/// let kind = DocumentKind::OutgoingLetter;
/// assert_eq!(kind.latvian_name(), "vēstule");
/// assert!(kind.required().contains(&Requisite::Addressee));
/// assert!(kind.allows(Requisite::ReferenceToReceived));
/// assert!(!DocumentKind::Minutes.allows(Requisite::Addressee));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// # Name
///
/// `apkalpe-accounting` has a `DocumentKind` too (invoice, credit note, …); the
/// [`prelude`](crate::prelude) exports this one as `RecordsDocumentKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DocumentKind {
    /// A letter received from outside (*saņemtā vēstule*).
    IncomingLetter,
    /// A letter sent out (*nosūtītā vēstule*).
    OutgoingLetter,
    /// An internal memo (*dienesta ziņojums*).
    InternalMemo,
    /// A contract (*līgums*).
    Contract,
    /// A statement or certificate (*izziņa*).
    Statement,
    /// A report (*pārskats*, *atskaite*).
    Report,
    /// Minutes of a meeting (*protokols*).
    Minutes,
    /// A complaint (*sūdzība*).
    Complaint,
    /// A proposal (*priekšlikums*).
    Proposal,
    /// An application (*iesniegums*).
    Application,
    /// A reclamation, a claim about goods or services (*pretenzija*, *reklamācija*).
    Reclamation,
    /// An order (*rīkojums*).
    Order,
    /// An act (*akts*): of acceptance, of destruction, of inspection.
    Act,
}

use Requisite as R;

/// Requisites every document needs for legal force: author, date, signature (DJSL §4(1)).
const LEGAL_FORCE: [Requisite; 3] = [R::Author, R::Date, R::Signature];

/// Requisites any kind may carry.
const ANY_KIND: [Requisite; 4] = [
    R::RestrictedAccessMark,
    R::ElectronicSignatureNote,
    R::Preparer,
    R::AnnexNote,
];

impl DocumentKind {
    /// Every kind, in declaration order.
    pub const ALL: [DocumentKind; 13] = [
        DocumentKind::IncomingLetter,
        DocumentKind::OutgoingLetter,
        DocumentKind::InternalMemo,
        DocumentKind::Contract,
        DocumentKind::Statement,
        DocumentKind::Report,
        DocumentKind::Minutes,
        DocumentKind::Complaint,
        DocumentKind::Proposal,
        DocumentKind::Application,
        DocumentKind::Reclamation,
        DocumentKind::Order,
        DocumentKind::Act,
    ];

    /// Returns the document type name as written on the document (*dokumenta veida
    /// nosaukums*), in Latvian.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(DocumentKind::Minutes.latvian_name(), "protokols");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn latvian_name(self) -> &'static str {
        match self {
            DocumentKind::IncomingLetter | DocumentKind::OutgoingLetter => "vēstule",
            DocumentKind::InternalMemo => "dienesta ziņojums",
            DocumentKind::Contract => "līgums",
            DocumentKind::Statement => "izziņa",
            DocumentKind::Report => "pārskats",
            DocumentKind::Minutes => "protokols",
            DocumentKind::Complaint => "sūdzība",
            DocumentKind::Proposal => "priekšlikums",
            DocumentKind::Application => "iesniegums",
            DocumentKind::Reclamation => "pretenzija",
            DocumentKind::Order => "rīkojums",
            DocumentKind::Act => "akts",
        }
    }

    /// Returns the snake_case name used in JSON and CSV (`incoming_letter`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(DocumentKind::InternalMemo.as_str(), "internal_memo");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DocumentKind::IncomingLetter => "incoming_letter",
            DocumentKind::OutgoingLetter => "outgoing_letter",
            DocumentKind::InternalMemo => "internal_memo",
            DocumentKind::Contract => "contract",
            DocumentKind::Statement => "statement",
            DocumentKind::Report => "report",
            DocumentKind::Minutes => "minutes",
            DocumentKind::Complaint => "complaint",
            DocumentKind::Proposal => "proposal",
            DocumentKind::Application => "application",
            DocumentKind::Reclamation => "reclamation",
            DocumentKind::Order => "order",
            DocumentKind::Act => "act",
        }
    }

    /// Returns the requisites a document of this kind must carry before it can be registered.
    ///
    /// Author, date and signature always (DJSL §4(1)); the signature may be replaced by the
    /// electronic-signature line (see [`Requisite::ElectronicSignatureNote`]). The
    /// registration number is not listed: the register assigns it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert!(DocumentKind::OutgoingLetter.required().contains(&Requisite::Signature));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn required(self) -> Vec<Requisite> {
        let extra: &[Requisite] = match self {
            DocumentKind::IncomingLetter => &[R::Text],
            DocumentKind::OutgoingLetter | DocumentKind::InternalMemo => {
                &[R::Addressee, R::Title, R::Text]
            }
            DocumentKind::Contract
            | DocumentKind::Minutes
            | DocumentKind::Order
            | DocumentKind::Act => &[R::PlaceOfIssue, R::Title, R::Text],
            DocumentKind::Statement => &[R::Addressee, R::Title, R::Text],
            DocumentKind::Report => &[R::Title, R::Text],
            DocumentKind::Complaint
            | DocumentKind::Proposal
            | DocumentKind::Application
            | DocumentKind::Reclamation => &[R::Addressee, R::Text],
        };
        LEGAL_FORCE.iter().chain(extra).copied().collect()
    }

    /// Returns the requisites a document of this kind may carry besides the required ones.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert!(DocumentKind::OutgoingLetter.optional().contains(&Requisite::AnnexNote));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn optional(self) -> Vec<Requisite> {
        let extra: &[Requisite] = match self {
            DocumentKind::IncomingLetter => &[
                R::Addressee,
                R::Title,
                R::ReferenceToReceived,
                R::PlaceOfIssue,
                R::Seal,
            ],
            DocumentKind::OutgoingLetter => &[
                R::ReferenceToReceived,
                R::PlaceOfIssue,
                R::Seal,
                R::CoordinationInscription,
            ],
            DocumentKind::InternalMemo => &[R::ReferenceToReceived],
            DocumentKind::Contract => {
                &[R::Seal, R::CoordinationInscription, R::ApprovalInscription]
            }
            DocumentKind::Statement => &[R::PlaceOfIssue, R::Seal, R::ReferenceToReceived],
            DocumentKind::Report => &[
                R::Addressee,
                R::PlaceOfIssue,
                R::ApprovalInscription,
                R::CoordinationInscription,
            ],
            DocumentKind::Minutes => &[R::ApprovalInscription],
            DocumentKind::Complaint | DocumentKind::Proposal | DocumentKind::Application => {
                &[R::Title, R::PlaceOfIssue, R::ReferenceToReceived]
            }
            DocumentKind::Reclamation => &[R::Title, R::PlaceOfIssue, R::ReferenceToReceived],
            DocumentKind::Order => &[R::ApprovalInscription, R::CoordinationInscription, R::Seal],
            DocumentKind::Act => &[R::ApprovalInscription, R::CoordinationInscription, R::Seal],
        };
        ANY_KIND.iter().chain(extra).copied().collect()
    }

    /// Tells whether a document of this kind may carry `requisite` (required or optional).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert!(DocumentKind::OutgoingLetter.allows(Requisite::Title));
    /// assert!(!DocumentKind::Minutes.allows(Requisite::Addressee));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allows(self, requisite: Requisite) -> bool {
        self.required().contains(&requisite) || self.optional().contains(&requisite)
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A requisite (*rekvizīts*) of a document, per MK noteikumi Nr. 558 (2018).
///
/// The set follows the typical list in `docs/sources.md` §5a \[R2\]\[R3\] (confidence L: the full
/// enumerated list of MK 558 was not read, `docs/sources.md` §13.3); the legal-force requisites (author,
/// date, signature) are confirmed (DJSL §4(1), `docs/sources.md` §13.3 \[R1\]). The document type name
/// is not a requisite value here: it follows from [`DocumentKind::latvian_name`].
///
/// # Examples
///
/// ```
/// use apkalpe_documents::Requisite;
///
/// assert_eq!(Requisite::PlaceOfIssue.latvian_name(), "dokumenta izdošanas vieta");
/// assert_eq!(Requisite::PlaceOfIssue.as_str(), "place_of_issue");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Requisite {
    /// The author (*dokumenta autors*): an organisation's full name, or a person's given name
    /// and surname.
    Author,
    /// The date (*datums*), an ISO date `YYYY-MM-DD`.
    Date,
    /// The registration number (*reģistrācijas numurs*); assigned by the register, never set
    /// on a draft.
    RegistrationNumber,
    /// The place of issue (*dokumenta izdošanas vieta*), such as "Rīga".
    PlaceOfIssue,
    /// The addressee (*adresāts*).
    Addressee,
    /// The title or heading (*dokumenta nosaukums*).
    Title,
    /// The reference to the received document (*atsauce uz saņemto dokumentu*): its date and
    /// number.
    ReferenceToReceived,
    /// The text (*teksts*).
    Text,
    /// The annex note (*norāde par pielikumu*).
    AnnexNote,
    /// The signature (*paraksts*): position, name and the signature itself.
    Signature,
    /// The approval inscription (*apstiprinājuma uzraksts*).
    ApprovalInscription,
    /// The co-ordination inscription (*saskaņojuma uzraksts*).
    CoordinationInscription,
    /// The seal imprint (*zīmoga nospiedums*).
    Seal,
    /// The restricted-access mark (*ierobežotas pieejamības atzīme*).
    RestrictedAccessMark,
    /// The preparer's name and contact (*dokumenta sagatavotājs*).
    Preparer,
    /// The line of an electronically signed document: "DOKUMENTS IR PARAKSTĪTS AR DROŠU
    /// ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU". It stands in for [`Requisite::Signature`].
    ElectronicSignatureNote,
}

impl Requisite {
    /// The standard electronic-signature line (`docs/sources.md` §5a).
    pub const ELECTRONIC_SIGNATURE_LINE: &'static str =
        "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU";

    /// Returns the snake_case name (`place_of_issue`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(Requisite::Addressee.as_str(), "addressee");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            R::Author => "author",
            R::Date => "date",
            R::RegistrationNumber => "registration_number",
            R::PlaceOfIssue => "place_of_issue",
            R::Addressee => "addressee",
            R::Title => "title",
            R::ReferenceToReceived => "reference_to_received",
            R::Text => "text",
            R::AnnexNote => "annex_note",
            R::Signature => "signature",
            R::ApprovalInscription => "approval_inscription",
            R::CoordinationInscription => "coordination_inscription",
            R::Seal => "seal",
            R::RestrictedAccessMark => "restricted_access_mark",
            R::Preparer => "preparer",
            R::ElectronicSignatureNote => "electronic_signature_note",
        }
    }

    /// Returns the Latvian name of the requisite.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(Requisite::Addressee.latvian_name(), "adresāts");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn latvian_name(self) -> &'static str {
        match self {
            R::Author => "dokumenta autors",
            R::Date => "datums",
            R::RegistrationNumber => "reģistrācijas numurs",
            R::PlaceOfIssue => "dokumenta izdošanas vieta",
            R::Addressee => "adresāts",
            R::Title => "dokumenta nosaukums",
            R::ReferenceToReceived => "atsauce uz saņemto dokumentu",
            R::Text => "teksts",
            R::AnnexNote => "norāde par pielikumu",
            R::Signature => "paraksts",
            R::ApprovalInscription => "apstiprinājuma uzraksts",
            R::CoordinationInscription => "saskaņojuma uzraksts",
            R::Seal => "zīmoga nospiedums",
            R::RestrictedAccessMark => "ierobežotas pieejamības atzīme",
            R::Preparer => "dokumenta sagatavotājs",
            R::ElectronicSignatureNote => "elektroniskā paraksta atzīme",
        }
    }

    /// The longest value accepted, in characters, and whether it may span lines.
    fn limits(self) -> (usize, Lines) {
        match self {
            R::Text => (20_000, Lines::Multi),
            R::Addressee | R::AnnexNote | R::Signature | R::ApprovalInscription => {
                (1_000, Lines::Multi)
            }
            R::CoordinationInscription | R::Preparer => (1_000, Lines::Multi),
            _ => (300, Lines::Single),
        }
    }
}

impl fmt::Display for Requisite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with one requisite.
///
/// Serialised flat, tagged by the problem's code suffix: `{"problem":"missing"}`,
/// `{"problem":"too_long","max":300,"found":301}`. Before issue 13 a text problem repeated the
/// tag (`{"problem":"text","problem":"blank"}`); that shape is still read.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
/// #     .with(Requisite::Author, "SIA Apkalpe")
/// #     .with_date(date(2026, 3, 2)?)
/// #     .with(Requisite::Addressee, "Anna Kalniņa")
/// #     .with(Requisite::Title, "Par sūdzību")
/// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
/// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
/// # let letter = draft.clone().validate()?;
/// # let _ = (&letter,);
/// let error = DocumentDraft::new(DocumentKind::Act).validate().unwrap_err();
/// assert_eq!(error.problems()[0].kind(), &RequisiteProblemKind::Missing);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "ProblemRepr"))]
#[non_exhaustive]
pub enum RequisiteProblemKind {
    /// A required requisite is absent.
    Missing,
    /// The kind does not carry this requisite.
    NotAllowed,
    /// The registration number was set on a draft; the register assigns it.
    AssignedOnRegistration,
    /// The value breaks a text rule.
    Text(TextProblem),
    /// The date is not an ISO date `YYYY-MM-DD`.
    MalformedDate,
}

#[cfg(feature = "serde")]
/// The saved form of a [`RequisiteProblemKind`]: the text problem flattened into the tag.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)
)]
enum ProblemRepr {
    Missing,
    NotAllowed,
    AssignedOnRegistration,
    Blank,
    TooLong { max: usize, found: usize },
    ControlCharacter,
    MalformedDate,
}

#[cfg(feature = "serde")]
impl From<RequisiteProblemKind> for ProblemRepr {
    fn from(kind: RequisiteProblemKind) -> Self {
        match kind {
            RequisiteProblemKind::Missing => ProblemRepr::Missing,
            RequisiteProblemKind::NotAllowed => ProblemRepr::NotAllowed,
            RequisiteProblemKind::AssignedOnRegistration => ProblemRepr::AssignedOnRegistration,
            RequisiteProblemKind::Text(TextProblem::Blank) => ProblemRepr::Blank,
            RequisiteProblemKind::Text(TextProblem::TooLong { max, found }) => {
                ProblemRepr::TooLong { max, found }
            }
            RequisiteProblemKind::Text(TextProblem::ControlCharacter) => {
                ProblemRepr::ControlCharacter
            }
            RequisiteProblemKind::MalformedDate => ProblemRepr::MalformedDate,
        }
    }
}

#[cfg(feature = "serde")]
impl From<ProblemRepr> for RequisiteProblemKind {
    fn from(repr: ProblemRepr) -> Self {
        match repr {
            ProblemRepr::Missing => RequisiteProblemKind::Missing,
            ProblemRepr::NotAllowed => RequisiteProblemKind::NotAllowed,
            ProblemRepr::AssignedOnRegistration => RequisiteProblemKind::AssignedOnRegistration,
            ProblemRepr::Blank => RequisiteProblemKind::Text(TextProblem::Blank),
            ProblemRepr::TooLong { max, found } => {
                RequisiteProblemKind::Text(TextProblem::TooLong { max, found })
            }
            ProblemRepr::ControlCharacter => {
                RequisiteProblemKind::Text(TextProblem::ControlCharacter)
            }
            ProblemRepr::MalformedDate => RequisiteProblemKind::MalformedDate,
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for RequisiteProblemKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr: ProblemRepr = TaggedObject::deserialize(deserializer)?.read("problem", "text")?;
        Ok(repr.into())
    }
}

/// One problem with one requisite, found by [`DocumentDraft::validate`].
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{DocumentDraft, DocumentKind, Requisite};
///
/// let error = DocumentDraft::new(DocumentKind::Act).validate().unwrap_err();
/// let first = &error.problems()[0];
/// assert_eq!(first.requisite(), Requisite::Author);
/// assert_eq!(first.code(), "requisite.missing");
/// assert_eq!(first.to_string(), "author (dokumenta autors) is missing");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RequisiteProblem {
    requisite: Requisite,
    kind: RequisiteProblemKind,
}

impl RequisiteProblem {
    /// Returns the requisite concerned.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = draft.with(Requisite::Date, "2026-13-01").validate().unwrap_err();
    /// assert_eq!(error.problems()[0].requisite(), Requisite::Date);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn requisite(&self) -> Requisite {
        self.requisite
    }

    /// Returns what is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = draft.with(Requisite::Date, "2026-13-01").validate().unwrap_err();
    /// assert_eq!(error.problems()[0].kind(), &RequisiteProblemKind::MalformedDate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &RequisiteProblemKind {
        &self.kind
    }

    /// Returns the text problem, if the problem is one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = draft.with(Requisite::Title, " ").validate().unwrap_err();
    /// assert_eq!(error.problems()[0].text_problem(), Some(&TextProblem::Blank));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text_problem(&self) -> Option<&TextProblem> {
        match &self.kind {
            RequisiteProblemKind::Text(problem) => Some(problem),
            _ => None,
        }
    }

    /// Returns the stable code: `requisite.missing`, `requisite.not_allowed`,
    /// `requisite.assigned_on_registration`, `requisite.blank`, `requisite.too_long`,
    /// `requisite.control_character` or `requisite.malformed_date`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = draft.with(Requisite::Title, " ").validate().unwrap_err();
    /// assert_eq!(error.problems()[0].code(), "requisite.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match &self.kind {
            RequisiteProblemKind::Missing => "requisite.missing",
            RequisiteProblemKind::NotAllowed => "requisite.not_allowed",
            RequisiteProblemKind::AssignedOnRegistration => "requisite.assigned_on_registration",
            RequisiteProblemKind::Text(TextProblem::Blank) => "requisite.blank",
            RequisiteProblemKind::Text(TextProblem::TooLong { .. }) => "requisite.too_long",
            RequisiteProblemKind::Text(TextProblem::ControlCharacter) => {
                "requisite.control_character"
            }
            RequisiteProblemKind::MalformedDate => "requisite.malformed_date",
        }
    }
}

impl fmt::Display for RequisiteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let requisite = self.requisite;
        write!(f, "{requisite} ({}) ", requisite.latvian_name())?;
        match &self.kind {
            RequisiteProblemKind::Missing => f.write_str("is missing"),
            RequisiteProblemKind::NotAllowed => f.write_str("is not a requisite of this kind"),
            RequisiteProblemKind::AssignedOnRegistration => {
                f.write_str("is assigned by the register, not set on a draft")
            }
            RequisiteProblemKind::Text(problem) => write!(f, "{problem}"),
            RequisiteProblemKind::MalformedDate => f.write_str("is not a date YYYY-MM-DD"),
        }
    }
}

/// The error returned when a draft's requisites are incomplete or malformed: every problem at
/// once.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{DocumentDraft, DocumentKind, Requisite};
///
/// let error = DocumentDraft::new(DocumentKind::Minutes)
///     .with(Requisite::Author, "SIA Apkalpe")
///     .with(Requisite::Date, "2026-13-01")
///     .with(Requisite::Addressee, "Valdei")
///     .validate()
///     .unwrap_err();
/// assert_eq!(error.code(), "requisite.invalid");
/// let codes: Vec<&str> = error.problems().iter().map(|p| p.code()).collect();
/// assert_eq!(
///     codes,
///     ["requisite.malformed_date", "requisite.missing", "requisite.not_allowed",
///      "requisite.missing", "requisite.missing", "requisite.missing"]
/// );
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} draft has {}, the first: {}", PROBLEMS.count_of(Language::English, .problems.len()), first(.problems))]
#[non_exhaustive]
pub struct RequisiteError {
    kind: DocumentKind,
    problems: Vec<RequisiteProblem>,
}

/// "1 requisite problem", "6 requisite problems".
const PROBLEMS: CountNoun<'static> = CountNoun::new("requisite problem", "requisite problems");

fn first(problems: &[RequisiteProblem]) -> String {
    problems
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

impl RequisiteError {
    /// Returns the kind of the draft.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = DocumentDraft::new(DocumentKind::Act).validate().unwrap_err();
    /// assert_eq!(error.document_kind(), DocumentKind::Act);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document_kind(&self) -> DocumentKind {
        self.kind
    }

    /// Returns every problem, in requisite order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = DocumentDraft::new(DocumentKind::Act).validate().unwrap_err();
    /// assert_eq!(error.problems().len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problems(&self) -> &[RequisiteProblem] {
        &self.problems
    }

    /// Returns the stable code, `requisite.invalid`; each problem has its own code too.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let error = DocumentDraft::new(DocumentKind::Act).validate().unwrap_err();
    /// assert_eq!(error.code(), "requisite.invalid");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        "requisite.invalid"
    }

    /// Renders the problems as a report, one per line, for a person to fix them.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{DocumentDraft, DocumentKind};
    ///
    /// let error = DocumentDraft::new(DocumentKind::Report).validate().unwrap_err();
    /// assert!(error.render_text().starts_with("report (pārskats): 5 problems\n"));
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn render_text(&self) -> String {
        let mut text = format!(
            "{} ({}): {}\n",
            self.kind,
            self.kind.latvian_name(),
            CountNoun::new("problem", "problems").count_of(Language::English, self.problems.len())
        );
        for problem in &self.problems {
            text.push_str(&format!("  {:<35} {problem}\n", problem.code()));
        }
        text
    }
}

/// A document being drafted: its kind, access level and requisite values as entered.
///
/// Setting a requisite twice keeps the last value. [`DocumentDraft::validate`] checks the
/// whole draft and lists every problem at once.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{AccessLevel, DocumentDraft, DocumentKind, Requisite};
/// use chrono::NaiveDate;
///
/// let memo = DocumentDraft::new(DocumentKind::InternalMemo)
///     .with(Requisite::Author, "Klientu apkalpošanas nodaļa")
///     .with_date(NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?)
///     .with(Requisite::Addressee, "Valdes priekšsēdētājai")
///     .with(Requisite::Title, "Par sūdzību skaitu februārī")
///     .with(Requisite::Text, "Februārī saņemtas 12 sūdzības.")
///     .with(Requisite::Signature, "Nodaļas vadītāja A. Liepa")
///     .with_access(AccessLevel::Internal)
///     .validate()?;
/// assert_eq!(memo.title(), Some("Par sūdzību skaitu februārī"));
/// assert_eq!(memo.date(), NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DocumentDraft {
    kind: DocumentKind,
    #[cfg_attr(feature = "serde", serde(default))]
    access: AccessLevel,
    #[cfg_attr(feature = "serde", serde(default))]
    requisites: BTreeMap<Requisite, String>,
}

impl DocumentDraft {
    /// Starts an empty draft of `kind`, with access level [`AccessLevel::Internal`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(DocumentDraft::new(DocumentKind::Report).kind(), DocumentKind::Report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(kind: DocumentKind) -> Self {
        DocumentDraft {
            kind,
            access: AccessLevel::default(),
            requisites: BTreeMap::new(),
        }
    }

    /// Sets a requisite's value (checked by [`DocumentDraft::validate`]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let memo = DocumentDraft::new(DocumentKind::InternalMemo).with(Requisite::Title, "Par atvaļinājumu");
    /// assert_eq!(memo.kind(), DocumentKind::InternalMemo);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with(mut self, requisite: Requisite, value: impl Into<String>) -> Self {
        self.requisites.insert(requisite, value.into());
        self
    }

    /// Sets the date requisite.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.date(), date(2026, 3, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_date(self, date: NaiveDate) -> Self {
        self.with(Requisite::Date, date.to_string())
    }

    /// Sets the access level (confidentiality); with a level above
    /// [`AccessLevel::Internal`], validation adds the restricted-access mark if absent.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let secret = draft.with_access(AccessLevel::CommercialSecret).validate()?;
    /// assert_eq!(secret.access(), AccessLevel::CommercialSecret);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_access(mut self, access: AccessLevel) -> Self {
        self.access = access;
        self
    }

    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(draft.kind(), DocumentKind::OutgoingLetter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Checks every requisite and returns the validated document.
    ///
    /// # Errors
    ///
    /// [`RequisiteError`] listing, in requisite order: values that break a text rule
    /// (`requisite.blank`, `requisite.too_long`, `requisite.control_character`), a date that is
    /// not `YYYY-MM-DD` (`requisite.malformed_date`), a requisite the kind does not carry
    /// (`requisite.not_allowed`), a registration number set on a draft
    /// (`requisite.assigned_on_registration`) and required requisites that are absent
    /// (`requisite.missing`; the signature is satisfied by the electronic-signature line).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{DocumentDraft, DocumentKind, Requisite};
    ///
    /// let application = DocumentDraft::new(DocumentKind::Application)
    ///     .with(Requisite::Author, "Jānis Bērziņš")
    ///     .with(Requisite::Date, "2026-03-02")
    ///     .with(Requisite::Addressee, "SIA Apkalpe")
    ///     .with(Requisite::Text, "Lūdzu izsniegt izziņu par norēķiniem.")
    ///     .with(Requisite::ElectronicSignatureNote, Requisite::ELECTRONIC_SIGNATURE_LINE)
    ///     .validate()?;
    /// assert_eq!(application.get(Requisite::Author), Some("Jānis Bērziņš"));
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §5a, §13.3 \[R1\]\[R3\]\[N24\] (author, date, signature; MK 558).
    pub fn validate(self) -> Result<Document, RequisiteError> {
        let DocumentDraft {
            kind,
            access,
            requisites,
        } = self;
        let mut problems = Vec::new();
        let mut clean_values = BTreeMap::new();
        let mut date = None;
        let allowed: Vec<Requisite> = kind.required().into_iter().chain(kind.optional()).collect();
        for (requisite, value) in requisites {
            let problem = |kind| RequisiteProblem { requisite, kind };
            if requisite == R::RegistrationNumber {
                problems.push(problem(RequisiteProblemKind::AssignedOnRegistration));
                continue;
            }
            if !allowed.contains(&requisite) {
                problems.push(problem(RequisiteProblemKind::NotAllowed));
                continue;
            }
            let (max, lines) = requisite.limits();
            match clean(&value, max, lines) {
                Err(text) => problems.push(problem(RequisiteProblemKind::Text(text))),
                Ok(value) => {
                    if requisite == R::Date {
                        match parse_iso_date(&value) {
                            Some(parsed) => date = Some(parsed),
                            None => {
                                problems.push(problem(RequisiteProblemKind::MalformedDate));
                                continue;
                            }
                        }
                    }
                    clean_values.insert(requisite, value);
                }
            }
        }
        if access > AccessLevel::Internal && !clean_values.contains_key(&R::RestrictedAccessMark) {
            clean_values.insert(R::RestrictedAccessMark, access.latvian_mark().to_owned());
        }
        for requisite in kind.required() {
            let present = clean_values.contains_key(&requisite)
                || (requisite == R::Signature
                    && clean_values.contains_key(&R::ElectronicSignatureNote));
            let reported = problems.iter().any(|p| p.requisite == requisite);
            if !present && !reported {
                problems.push(RequisiteProblem {
                    requisite,
                    kind: RequisiteProblemKind::Missing,
                });
            }
        }
        problems.sort_by_key(|p| p.requisite);
        match date {
            Some(date) if problems.is_empty() => Ok(Document {
                kind,
                access,
                date,
                requisites: clean_values,
            }),
            _ => {
                if problems.is_empty() {
                    // The date is required for every kind, so a valid draft has one.
                    debug_assert!(false, "a draft without a date passed validation");
                    problems.push(RequisiteProblem {
                        requisite: R::Date,
                        kind: RequisiteProblemKind::Missing,
                    });
                }
                Err(RequisiteError { kind, problems })
            }
        }
    }
}

/// Parses exactly `YYYY-MM-DD`.
pub(crate) fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A document whose requisites passed validation: it can be registered.
///
/// It has no setters: change a draft and validate again, or, once registered, record a
/// correction as a new version ([`Register::correct`](crate::Register::correct)).
///
/// # Saved form
///
/// `{"kind": "statement", "access": "restricted_access", "requisites": {"author": "…", …}}`
/// (the date is the `date` requisite). Deserialising goes through
/// [`DocumentDraft::validate`] and refuses, with a [`RestoreError`] naming the requisite, a
/// value validation refuses and a value it would change (surrounding whitespace, a missing
/// restricted-access mark): a restored document is exactly the one saved.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{AccessLevel, DocumentDraft, DocumentKind, Requisite};
///
/// let statement = DocumentDraft::new(DocumentKind::Statement)
///     .with(Requisite::Author, "SIA Apkalpe")
///     .with(Requisite::Date, "2026-03-02")
///     .with(Requisite::Addressee, "Iesniegšanai bankā")
///     .with(Requisite::Title, "Izziņa par norēķiniem")
///     .with(Requisite::Text, "Parāda nav.")
///     .with(Requisite::Signature, "Valdes loceklis J. Ozols")
///     .with_access(AccessLevel::RestrictedAccess)
///     .validate()?;
/// // A restricted document gets its mark.
/// assert_eq!(statement.get(Requisite::RestrictedAccessMark), Some("IEROBEŽOTAS PIEEJAMĪBAS INFORMĀCIJA"));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DocumentRecord"))]
pub struct Document {
    kind: DocumentKind,
    access: AccessLevel,
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    date: NaiveDate,
    requisites: BTreeMap<Requisite, String>,
}

/// The saved form of a [`Document`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct DocumentRecord {
    kind: DocumentKind,
    #[cfg_attr(feature = "serde", serde(default))]
    access: AccessLevel,
    #[cfg_attr(feature = "serde", serde(default))]
    requisites: BTreeMap<Requisite, String>,
}

#[cfg(feature = "serde")]
impl TryFrom<DocumentRecord> for Document {
    type Error = RestoreError;

    /// Validates the saved requisites and refuses a document validation would change.
    fn try_from(record: DocumentRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Document";
        let draft = DocumentDraft {
            kind: record.kind,
            access: record.access,
            requisites: record.requisites,
        };
        let saved = draft.requisites.clone();
        let document = draft.validate().map_err(|error| {
            let field = error.problems().first().map_or_else(
                || "requisites".to_owned(),
                |p| format!("requisites.{}", p.requisite),
            );
            RestoreError::invalid(WHAT, field, error)
        })?;
        let changed = document
            .requisites
            .iter()
            .find(|(requisite, value)| saved.get(requisite) != Some(*value));
        if let Some((requisite, _)) = changed {
            return Err(RestoreError::inconsistent(
                WHAT,
                format!("requisites.{requisite}"),
                "is not in its validated form (surrounding whitespace, or the restricted-access mark missing)",
            )
            .with_latvian_reason(
                "nav pārbaudītajā formā (atstarpes sākumā vai beigās vai trūkst ierobežotas pieejamības atzīmes)",
            ));
        }
        Ok(document)
    }
}

impl TryFrom<DocumentDraft> for Document {
    type Error = RequisiteError;

    fn try_from(draft: DocumentDraft) -> Result<Self, Self::Error> {
        draft.validate()
    }
}

impl Document {
    /// Returns the kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.kind(), DocumentKind::OutgoingLetter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Returns the access level.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.access(), AccessLevel::Internal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn access(&self) -> AccessLevel {
        self.access
    }

    /// Returns the document's date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.date(), date(2026, 3, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns a requisite's value.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.get(Requisite::Addressee), Some("Anna Kalniņa"));
    /// assert_eq!(letter.get(Requisite::AnnexNote), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, requisite: Requisite) -> Option<&str> {
        self.requisites.get(&requisite).map(String::as_str)
    }

    /// Returns the title, if the document has one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert_eq!(letter.title(), Some("Par sūdzību"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.get(Requisite::Title)
    }

    /// Returns every requisite with its value, in requisite order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// assert!(letter.requisites().any(|(requisite, value)| requisite == Requisite::Author && value == "SIA Apkalpe"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn requisites(&self) -> impl Iterator<Item = (Requisite, &str)> {
        self.requisites
            .iter()
            .map(|(requisite, value)| (*requisite, value.as_str()))
    }

    /// Returns the draft this document came from, to change it for a correction.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
    /// #     .with(Requisite::Author, "SIA Apkalpe")
    /// #     .with_date(date(2026, 3, 2)?)
    /// #     .with(Requisite::Addressee, "Anna Kalniņa")
    /// #     .with(Requisite::Title, "Par sūdzību")
    /// #     .with(Requisite::Text, "Jūsu tējkanna tiks apmainīta.")
    /// #     .with(Requisite::Signature, "Valdes loceklis P. Kalns");
    /// # let letter = draft.clone().validate()?;
    /// # let _ = (&letter,);
    /// let again = letter.to_draft().validate()?;
    /// assert_eq!(again, letter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_draft(&self) -> DocumentDraft {
        DocumentDraft {
            kind: self.kind,
            access: self.access,
            requisites: self.requisites.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memo() -> DocumentDraft {
        DocumentDraft::new(DocumentKind::InternalMemo)
            .with(R::Author, "Nodaļa")
            .with(R::Date, "2026-03-02")
            .with(R::Addressee, "Valdei")
            .with(R::Title, "Par")
            .with(R::Text, "Teksts")
            .with(R::Signature, "A. Liepa")
    }

    #[test]
    fn every_kind_requires_the_legal_force_requisites() {
        for kind in DocumentKind::ALL {
            for requisite in LEGAL_FORCE {
                assert!(kind.required().contains(&requisite), "{kind} {requisite}");
            }
            assert!(!kind.allows(R::RegistrationNumber));
            let required = kind.required();
            assert!(
                kind.optional().iter().all(|r| !required.contains(r)),
                "{kind}"
            );
        }
    }

    #[test]
    fn valid_memo_passes_and_electronic_line_replaces_signature() {
        assert!(memo().validate().is_ok());
        let mut draft = memo();
        draft.requisites.remove(&R::Signature);
        let error = draft.clone().validate().unwrap_err();
        assert_eq!(error.problems().len(), 1);
        assert_eq!(error.problems()[0].requisite(), R::Signature);
        let signed = draft.with(R::ElectronicSignatureNote, R::ELECTRONIC_SIGNATURE_LINE);
        assert!(signed.validate().is_ok());
    }

    #[test]
    fn every_problem_is_reported_once() {
        let error = DocumentDraft::new(DocumentKind::InternalMemo)
            .with(R::Title, " ")
            .with(R::RegistrationNumber, "1/1")
            .with(R::Seal, "z")
            .with(R::Date, "2.3.2026")
            .validate()
            .unwrap_err();
        let codes: Vec<(Requisite, &str)> = error
            .problems()
            .iter()
            .map(|p| (p.requisite(), p.code()))
            .collect();
        assert_eq!(
            codes,
            [
                (R::Author, "requisite.missing"),
                (R::Date, "requisite.malformed_date"),
                (R::RegistrationNumber, "requisite.assigned_on_registration"),
                (R::Addressee, "requisite.missing"),
                (R::Title, "requisite.blank"),
                (R::Text, "requisite.missing"),
                (R::Signature, "requisite.missing"),
                (R::Seal, "requisite.not_allowed"),
            ]
        );
    }

    #[test]
    fn serde_goes_through_validation() {
        let document = memo().validate().unwrap();
        let json = serde_json::to_string(&document).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, document);
        let bad = json.replace("2026-03-02", "2026-02-30");
        assert!(serde_json::from_str::<Document>(&bad).is_err());
    }
}
