//! The crate's errors: [`ClientsError`] at the root and the narrower enums it wraps. Every error
//! has a stable dotted code; messages never hold a personal code.

mod localized;

pub use localized::downcast_error;

use apkalpe_core::RestoreError;
use apkalpe_core::{
    MoneyError, ParseEmailAddressError, ParseMoneyError, ParsePersonalCodeError,
    ParsePhoneNumberError, ParseRegistrationNumberError, ParseVatNumberError, PartyError,
};
use uuid::Uuid;

/// A free text (subject, summary, note, category) that breaks its rule.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::StaffMember;
///
/// let error = StaffMember::try_new("").unwrap_err();
/// assert_eq!(error.code(), "text.blank");
/// assert_eq!(error.to_string(), "staff must not be blank");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseTextError {
    /// Empty after trimming.
    #[error("{field} must not be blank")]
    Blank {
        /// The field.
        field: &'static str,
    },
    /// Longer than allowed.
    #[error("{field} has {found} characters, at most {max} are allowed")]
    TooLong {
        /// The field.
        field: &'static str,
        /// The limit.
        max: usize,
        /// The length found.
        found: usize,
    },
    /// Holds a control character.
    #[error("{field} has a control character at position {position}")]
    ControlCharacter {
        /// The field.
        field: &'static str,
        /// Position in characters from 0, after trimming.
        position: usize,
    },
}

impl ParseTextError {
    /// Returns the stable code: `text.blank`, `text.too_long` or `text.control_character`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::StaffMember;
    ///
    /// assert_eq!(StaffMember::try_new(" ").unwrap_err().code(), "text.blank");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseTextError::Blank { .. } => "text.blank",
            ParseTextError::TooLong { .. } => "text.too_long",
            ParseTextError::ControlCharacter { .. } => "text.control_character",
        }
    }
}

/// A token (segment, tag, SKU, legal form, survey, question, option or response id) that breaks
/// its rule: 1–64 letters, digits, `-`, `_`, `.` or `/`.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::Segment;
///
/// let error = Segment::try_new("a b").unwrap_err();
/// assert_eq!(error.to_string(), "unexpected character ' ' at position 1 of the segment");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseTokenError {
    /// Empty after trimming.
    #[error("{kind} must not be blank")]
    Blank {
        /// What the token is.
        kind: &'static str,
    },
    /// Longer than 64 characters.
    #[error("{kind} has {found} characters, at most {max} are allowed")]
    TooLong {
        /// What the token is.
        kind: &'static str,
        /// The limit.
        max: usize,
        /// The length found.
        found: usize,
    },
    /// A character other than a letter, digit, `-`, `_`, `.` or `/`.
    #[error("unexpected character {found:?} at position {position} of the {kind}")]
    Character {
        /// What the token is.
        kind: &'static str,
        /// Position in characters from 0, after trimming.
        position: usize,
        /// The character.
        found: char,
    },
}

impl ParseTokenError {
    /// Returns the stable code: `token.blank`, `token.too_long` or `token.character`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Tag;
    ///
    /// assert_eq!(Tag::try_new("a b").unwrap_err().code(), "token.character");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseTokenError::Blank { .. } => "token.blank",
            ParseTokenError::TooLong { .. } => "token.too_long",
            ParseTokenError::Character { .. } => "token.character",
        }
    }
}

/// Kinds of records the registry holds, named in [`RegistryError`].
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RecordKind;
///
/// assert_eq!(RecordKind::FollowUp.to_string(), "follow-up");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RecordKind {
    /// A client.
    Client,
    /// A need or request.
    Need,
    /// An interaction.
    Interaction,
    /// A follow-up task.
    FollowUp,
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RecordKind::Client => "client",
            RecordKind::Need => "need",
            RecordKind::Interaction => "interaction",
            RecordKind::FollowUp => "follow-up",
        })
    }
}

/// An operation on the [`ClientRegistry`](crate::ClientRegistry) that cannot be done.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientId, ClientRegistry};
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let registry = ClientRegistry::new();
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let error = registry.access_export(ClientId::new(Uuid::from_u128(9)), at).unwrap_err();
/// assert_eq!(error.code(), "registry.unknown_record");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// No record with that id.
    #[error("no {kind} with id {id}")]
    UnknownRecord {
        /// The kind of record.
        kind: RecordKind,
        /// The id asked for.
        id: Uuid,
    },
    /// The id is already used by another record of that kind.
    #[error("a {kind} with id {id} already exists")]
    DuplicateId {
        /// The kind of record.
        kind: RecordKind,
        /// The id given.
        id: Uuid,
    },
    /// An update would give a client an identifier another client holds.
    #[error("the {identifier} is already held by client {holder}")]
    IdentifierTaken {
        /// Which identifier: `personal_code`, `registration_number` or `vat_number`.
        identifier: &'static str,
        /// The client that holds it.
        holder: Uuid,
    },
    /// A registration gives an identifier that a client under another name holds: a
    /// mistyped code, or someone else's. Nothing was registered, and the name given is not
    /// silently dropped for the holder's.
    #[error(
        "the {identifier} given is held by client {holder} under another name; check the \
         {identifier}, or change that client's name first"
    )]
    IdentifierUnderAnotherName {
        /// Which identifier: `personal_code`, `registration_number` or `vat_number`.
        identifier: &'static str,
        /// The client that holds it.
        holder: Uuid,
    },
    /// A change that does not fit the kind of client (a personal code for an organisation).
    #[error("field {field} does not apply to {kind}")]
    FieldNotApplicable {
        /// The field.
        field: &'static str,
        /// `person` or `organisation`.
        kind: &'static str,
    },
    /// Merging a client into itself.
    #[error("cannot merge client {id} into itself")]
    MergeSelf {
        /// The client.
        id: Uuid,
    },
    /// Merging a person with an organisation.
    #[error("cannot merge a client of kind {absorbed} into one of kind {kept}")]
    MergeKinds {
        /// The kind of the kept client.
        kept: &'static str,
        /// The kind of the absorbed client.
        absorbed: &'static str,
    },
    /// The client's personal data was erased; it takes no new data.
    #[error("client {id} was erased and takes no new data")]
    Erased {
        /// The client.
        id: Uuid,
    },
    /// The follow-up task is already done.
    #[error("follow-up {id} is already done")]
    FollowUpDone {
        /// The task.
        id: Uuid,
    },
}

impl RegistryError {
    /// Returns the stable code, such as `registry.identifier_taken`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, ClientRegistry};
    ///
    /// let error = ClientRegistry::new().history(ClientId::from_u128(1)).unwrap_err();
    /// assert_eq!(error.code(), "registry.unknown_record");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegistryError::UnknownRecord { .. } => "registry.unknown_record",
            RegistryError::DuplicateId { .. } => "registry.duplicate_id",
            RegistryError::IdentifierTaken { .. } => "registry.identifier_taken",
            RegistryError::IdentifierUnderAnotherName { .. } => {
                "registry.identifier_under_another_name"
            }
            RegistryError::FieldNotApplicable { .. } => "registry.field_not_applicable",
            RegistryError::MergeSelf { .. } => "registry.merge_self",
            RegistryError::MergeKinds { .. } => "registry.merge_kinds",
            RegistryError::Erased { .. } => "registry.erased",
            RegistryError::FollowUpDone { .. } => "registry.follow_up_done",
        }
    }
}

/// A need (*vajadzība*) that cannot be built or moved to another state.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{BudgetRange};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal::Decimal;
///
/// let error = BudgetRange::try_new(
///     Some(Money::new(Decimal::from(500), Currency::EUR)),
///     Some(Money::new(Decimal::from(300), Currency::EUR)),
/// ).unwrap_err();
/// assert_eq!(error.code(), "need.budget_order");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NeedError {
    /// A budget range with neither bound.
    #[error("a budget range needs a lower or an upper bound")]
    BudgetEmpty,
    /// A negative budget bound.
    #[error("budget bound {amount} is negative")]
    BudgetNegative {
        /// The bound, as `Money` prints it.
        amount: String,
    },
    /// Bounds in different currencies.
    #[error("budget bounds are in {min} and {max}")]
    BudgetCurrency {
        /// Currency of the lower bound.
        min: &'static str,
        /// Currency of the upper bound.
        max: &'static str,
    },
    /// The lower bound is above the upper bound.
    #[error("budget lower bound {min} is above the upper bound {max}")]
    BudgetOrder {
        /// The lower bound.
        min: String,
        /// The upper bound.
        max: String,
    },
    /// A quantity of zero or less.
    #[error("quantity must be positive, found {found}")]
    QuantityNotPositive {
        /// The quantity given.
        found: rust_decimal::Decimal,
    },
    /// An offer without any product.
    #[error("an offer needs at least one product sku")]
    NoSkus,
    /// A move the need's life cycle does not allow.
    #[error("a need cannot go from {from} to {to}")]
    Transition {
        /// The current state.
        from: &'static str,
        /// The state asked for.
        to: &'static str,
    },
}

impl NeedError {
    /// Returns the stable code, such as `need.transition`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::BudgetRange;
    ///
    /// assert_eq!(BudgetRange::try_new(None, None).unwrap_err().code(), "need.budget_empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            NeedError::BudgetEmpty => "need.budget_empty",
            NeedError::BudgetNegative { .. } => "need.budget_negative",
            NeedError::BudgetCurrency { .. } => "need.budget_currency",
            NeedError::BudgetOrder { .. } => "need.budget_order",
            NeedError::QuantityNotPositive { .. } => "need.quantity_not_positive",
            NeedError::NoSkus => "need.no_skus",
            NeedError::Transition { .. } => "need.transition",
        }
    }
}

/// A personal-data operation that cannot be done (consents, erasure).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Consent, LegalBasis, Purpose};
/// use chrono::{TimeZone, Utc};
///
/// let granted = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
/// let mut consent = Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, granted);
/// let error = consent.withdraw(Utc.with_ymd_and_hms(2026, 2, 1, 10, 0, 0).unwrap()).unwrap_err();
/// assert_eq!(error.code(), "privacy.withdrawn_before_granted");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrivacyError {
    /// The consent was already withdrawn.
    #[error("the consent was already withdrawn")]
    AlreadyWithdrawn,
    /// A withdrawal dated before the grant.
    #[error("a consent cannot be withdrawn before it was granted")]
    WithdrawnBeforeGranted,
    /// No consent for the purpose to withdraw.
    #[error("no active consent for {purpose}")]
    NoActiveConsent {
        /// The purpose, snake_case.
        purpose: &'static str,
    },
    /// Erasure asked for an organisation: it holds no personal data of a data subject.
    #[error("only a natural person's data can be erased")]
    NotANaturalPerson,
    /// The client was already erased.
    #[error("the client's personal data was already erased")]
    AlreadyErased,
}

impl PrivacyError {
    /// Returns the stable code, such as `privacy.not_a_natural_person`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Consent, LegalBasis, Purpose};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
    /// let mut consent = Consent::new(Purpose::Surveys, LegalBasis::Consent, at);
    /// consent.withdraw(at)?;
    /// assert_eq!(consent.withdraw(at).unwrap_err().code(), "privacy.already_withdrawn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PrivacyError::AlreadyWithdrawn => "privacy.already_withdrawn",
            PrivacyError::WithdrawnBeforeGranted => "privacy.withdrawn_before_granted",
            PrivacyError::NoActiveConsent { .. } => "privacy.no_active_consent",
            PrivacyError::NotANaturalPerson => "privacy.not_a_natural_person",
            PrivacyError::AlreadyErased => "privacy.already_erased",
        }
    }
}

/// A problem with one row of a commercial register file; loading goes on with the next row.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RegisterFile;
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"A\";SIA;;\n123;SIA \"B\";SIA;;\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// assert_eq!(loaded.register().len(), 1);
/// let row = &loaded.row_errors()[0];
/// assert_eq!((row.line(), row.code()), (3, "register.row_registration_number"));
/// # Ok::<(), apkalpe_clients::RegisterError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RegisterRowError {
    pub(crate) line: u64,
    pub(crate) problem: RegisterRowProblem,
}

impl RegisterRowError {
    /// Returns the 1-based line of the row (the header is line 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.line(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Returns what is wrong with the row.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert!(matches!(row.problem(), apkalpe_clients::RegisterRowProblem::RegistrationNumber { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problem(&self) -> &RegisterRowProblem {
        &self.problem
    }

    /// Returns the stable code, such as `register.row_columns`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.code(), "register.row_registration_number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

/// What is wrong with one register row.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{RegisterFile, RegisterRowProblem};
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA A;SIA\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// assert_eq!(loaded.row_errors()[0].problem(), &RegisterRowProblem::Columns { expected: 5, found: 3 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterRowProblem {
    /// Not as many fields as the header has columns.
    #[error("row has {found} fields, the header has {expected}")]
    Columns {
        /// Columns in the header.
        expected: u64,
        /// Fields in the row.
        found: u64,
    },
    /// The `regcode` is not a valid registration number.
    #[error("invalid regcode: {source}")]
    RegistrationNumber {
        /// Why the number was refused.
        source: ParseRegistrationNumberError,
    },
    /// A `registered` or `terminated` value that is not a date `YYYY-MM-DD`.
    #[error("column {column} is not a date YYYY-MM-DD")]
    Date {
        /// The column.
        column: &'static str,
    },
    /// A field that is not UTF-8.
    #[error("row is not valid UTF-8")]
    Encoding,
    /// The same registration number on an earlier row; the earlier row is kept.
    #[error("regcode already seen on line {first_line}")]
    Duplicate {
        /// The line of the row that is kept.
        first_line: u64,
    },
}

impl RegisterRowProblem {
    /// Returns the stable code, such as `register.row_date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.problem().code(), "register.row_registration_number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegisterRowProblem::Columns { .. } => "register.row_columns",
            RegisterRowProblem::RegistrationNumber { .. } => "register.row_registration_number",
            RegisterRowProblem::Date { .. } => "register.row_date",
            RegisterRowProblem::Encoding => "register.row_encoding",
            RegisterRowProblem::Duplicate { .. } => "register.row_duplicate",
        }
    }
}

/// A commercial register file that cannot be loaded at all, or a look-up that failed.
///
/// **Name clash.** `apkalpe-documents` (the records register) and `apkalpe-payments` (the
/// cash register) have a `RegisterError` too. A program that uses several of them imports
/// this one from [`crate::prelude`] as
/// [`CommercialRegisterError`](crate::prelude::CommercialRegisterError), or names it by path
/// (`apkalpe_clients::RegisterError`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RegisterFile;
///
/// let error = RegisterFile::from_reader("regcode;name\n".as_bytes()).unwrap_err();
/// assert_eq!(error.code(), "register.missing_column");
/// assert_eq!(error.to_string(), "register file has no column type");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The header lacks a column the loader needs.
    #[error("register file has no column {column}")]
    MissingColumn {
        /// The column name.
        column: &'static str,
    },
    /// The reader failed.
    #[error("reading the register file failed: {kind}")]
    Io {
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
    /// The text of the file exceeds the loader's 4 GiB index.
    #[error("register file text exceeds 4 GiB")]
    TooLarge,
    /// An integrator's register could not answer.
    #[error("the commercial register {register} could not be reached")]
    Unavailable {
        /// The register's name, as the adapter calls it.
        register: String,
    },
}

impl RegisterError {
    /// Returns the stable code, such as `register.missing_column`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let error = RegisterFile::from_reader("regcode;name\n".as_bytes()).unwrap_err();
    /// assert_eq!(error.code(), "register.missing_column");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::MissingColumn { .. } => "register.missing_column",
            RegisterError::Io { .. } => "register.io",
            RegisterError::TooLarge => "register.too_large",
            RegisterError::Unavailable { .. } => "register.unavailable",
        }
    }
}

/// A survey definition that breaks a rule.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::Survey;
///
/// let error = serde_json::from_str::<Survey>(r#"{"id": "s", "title": {"en": "S"}, "questions": []}"#)
///     .unwrap_err();
/// assert!(error.to_string().contains("a survey needs at least one question"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SurveyError {
    /// No questions.
    #[error("a survey needs at least one question")]
    NoQuestions,
    /// Two questions with the same id.
    #[error("question id {question} is used twice")]
    DuplicateQuestion {
        /// The id.
        question: String,
    },
    /// Two options of a question with the same id.
    #[error("option {option} of question {question} is used twice")]
    DuplicateOption {
        /// The question.
        question: String,
        /// The option id.
        option: String,
    },
    /// A choice question with fewer than two options.
    #[error("choice question {question} needs at least 2 options, found {found}")]
    TooFewOptions {
        /// The question.
        question: String,
        /// Options found.
        found: usize,
    },
    /// A rating scale outside 2..=10 points.
    #[error("rating question {question} needs a scale of 2 to 10 points, found {found}")]
    Scale {
        /// The question.
        question: String,
        /// The number of points given.
        found: u8,
    },
    /// A response that does not fit the survey, met while aggregating.
    #[error("response {response}: {source}")]
    InvalidResponse {
        /// The response id.
        response: String,
        /// The first problem found.
        source: ResponseError,
    },
    /// A question id asked for that the survey does not have.
    #[error("the survey has no question {question}")]
    UnknownQuestion {
        /// The id.
        question: String,
    },
    /// A question of another kind than the operation needs (detractors need an NPS question).
    #[error("question {question} is not of kind {expected}")]
    QuestionKind {
        /// The question.
        question: String,
        /// The kind needed.
        expected: &'static str,
    },
}

impl SurveyError {
    /// Returns the stable code, such as `survey.duplicate_question`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Survey, SurveyId};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let error = Survey::try_new(SurveyId::try_new("s")?, LocalizedText::new(Language::English, "S"), Vec::new()).unwrap_err();
    /// assert_eq!(error.code(), "survey.no_questions");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            SurveyError::NoQuestions => "survey.no_questions",
            SurveyError::DuplicateQuestion { .. } => "survey.duplicate_question",
            SurveyError::DuplicateOption { .. } => "survey.duplicate_option",
            SurveyError::TooFewOptions { .. } => "survey.too_few_options",
            SurveyError::Scale { .. } => "survey.scale",
            SurveyError::InvalidResponse { .. } => "survey.invalid_response",
            SurveyError::UnknownQuestion { .. } => "survey.unknown_question",
            SurveyError::QuestionKind { .. } => "survey.question_kind",
        }
    }
}

/// One way a response does not fit its survey.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Answer, QuestionId, Response, ResponseId, Survey};
///
/// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "required": true, "kind": {"type": "nps"}}]}"#)?;
/// let response = Response::new(ResponseId::try_new("r1")?)
///     .with_answer(QuestionId::try_new("nps")?, Answer::Scale(11));
/// let errors = survey.validate(&response).unwrap_err();
/// assert_eq!(errors[0].code(), "response.value_out_of_range");
/// assert_eq!(errors[0].to_string(), "answer 11 to question nps is outside 0 to 10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// An answer to a question the survey does not have.
    #[error("the survey has no question {question}")]
    UnknownQuestion {
        /// The question id.
        question: String,
    },
    /// A choice the question does not offer.
    #[error("question {question} has no option {option}")]
    UnknownOption {
        /// The question.
        question: String,
        /// The option given.
        option: String,
    },
    /// The same option chosen twice in a multiple-choice answer.
    #[error("option {option} of question {question} is chosen twice")]
    RepeatedOption {
        /// The question.
        question: String,
        /// The option.
        option: String,
    },
    /// A scale or NPS value outside its range.
    #[error("answer {value} to question {question} is outside {min} to {max}")]
    ValueOutOfRange {
        /// The question.
        question: String,
        /// The value given.
        value: u8,
        /// The lowest allowed value.
        min: u8,
        /// The highest allowed value.
        max: u8,
    },
    /// An answer of the wrong kind (text for a rating question).
    #[error("question {question} wants {expected}")]
    AnswerKind {
        /// The question.
        question: String,
        /// What the question wants.
        expected: &'static str,
    },
    /// No answer to a required question.
    #[error("required question {question} has no answer")]
    MissingRequired {
        /// The question.
        question: String,
    },
}

impl ResponseError {
    /// Returns the stable code, such as `response.missing_required`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ResponseError;
    ///
    /// assert_eq!(ResponseError::MissingRequired { question: "nps".to_owned() }.code(), "response.missing_required");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ResponseError::UnknownQuestion { .. } => "response.unknown_question",
            ResponseError::UnknownOption { .. } => "response.unknown_option",
            ResponseError::RepeatedOption { .. } => "response.repeated_option",
            ResponseError::ValueOutOfRange { .. } => "response.value_out_of_range",
            ResponseError::AnswerKind { .. } => "response.answer_kind",
            ResponseError::MissingRequired { .. } => "response.missing_required",
        }
    }
}

/// A responses CSV file that cannot be read.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{read_responses_csv, Survey};
///
/// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
/// let error = read_responses_csv(&survey, "id,answer\n".as_bytes()).unwrap_err();
/// assert_eq!(error.code(), "responses_csv.header");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponsesCsvError {
    /// The header is not `response_id,client_id,segment,question_id,answer`.
    #[error("header must be response_id,client_id,segment,question_id,answer")]
    Header,
    /// A row without five fields.
    #[error("line {line}: row has {found} fields, expected 5")]
    Columns {
        /// The 1-based line.
        line: u64,
        /// Fields found.
        found: u64,
    },
    /// A field that is not valid.
    #[error("line {line}: column {column}: {message}")]
    Field {
        /// The 1-based line.
        line: u64,
        /// The column name.
        column: &'static str,
        /// What is wrong, lower case.
        message: String,
        /// What is wrong, in Latvian.
        latvian_message: String,
        /// The stable code of the leaf error.
        leaf_code: &'static str,
    },
    /// Two rows of one response answer the same question.
    #[error("line {line}: response {response} already answers question {question}")]
    DuplicateAnswer {
        /// The 1-based line.
        line: u64,
        /// The response id.
        response: String,
        /// The question id.
        question: String,
    },
    /// Rows of one response disagree on its client or segment.
    #[error("line {line}: response {response} has another client or segment on an earlier row")]
    Inconsistent {
        /// The 1-based line.
        line: u64,
        /// The response id.
        response: String,
    },
    /// The file is not UTF-8.
    #[error("line {line}: not valid UTF-8")]
    Encoding {
        /// The 1-based line.
        line: u64,
    },
    /// The reader failed.
    #[error("reading the responses failed: {kind}")]
    Io {
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
}

impl ResponsesCsvError {
    /// Returns the stable code, such as `responses_csv.columns`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ResponsesCsvError;
    ///
    /// assert_eq!(ResponsesCsvError::Header.code(), "responses_csv.header");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ResponsesCsvError::Header => "responses_csv.header",
            ResponsesCsvError::Columns { .. } => "responses_csv.columns",
            ResponsesCsvError::Field { .. } => "responses_csv.field",
            ResponsesCsvError::DuplicateAnswer { .. } => "responses_csv.duplicate_answer",
            ResponsesCsvError::Inconsistent { .. } => "responses_csv.inconsistent",
            ResponsesCsvError::Encoding { .. } => "responses_csv.encoding",
            ResponsesCsvError::Io { .. } => "responses_csv.io",
        }
    }
}

/// Every error of apkalpe-clients, each with a stable code.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientsError, Tag};
///
/// let error: ClientsError = Tag::try_new("").unwrap_err().into();
/// assert_eq!(error.code(), "token.blank");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientsError {
    /// A free text field.
    #[error(transparent)]
    Text(#[from] ParseTextError),
    /// A token.
    #[error(transparent)]
    Token(#[from] ParseTokenError),
    /// A name, address or contact, checked by apkalpe-core.
    #[error(transparent)]
    Party(#[from] PartyError),
    /// A personal code.
    #[error(transparent)]
    PersonalCode(#[from] ParsePersonalCodeError),
    /// A registration number.
    #[error(transparent)]
    RegistrationNumber(#[from] ParseRegistrationNumberError),
    /// A VAT number.
    #[error(transparent)]
    VatNumber(#[from] ParseVatNumberError),
    /// An e-mail address.
    #[error(transparent)]
    Email(#[from] ParseEmailAddressError),
    /// A phone number.
    #[error(transparent)]
    Phone(#[from] ParsePhoneNumberError),
    /// An amount of money as text.
    #[error(transparent)]
    ParseMoney(#[from] ParseMoneyError),
    /// Money arithmetic.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The registry.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    /// A need.
    #[error(transparent)]
    Need(#[from] NeedError),
    /// Consents and erasure.
    #[error(transparent)]
    Privacy(#[from] PrivacyError),
    /// The commercial register.
    #[error(transparent)]
    Register(#[from] RegisterError),
    /// A survey definition or aggregation.
    #[error(transparent)]
    Survey(#[from] SurveyError),
    /// A response.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// A responses CSV file.
    #[error(transparent)]
    ResponsesCsv(#[from] ResponsesCsvError),
    /// A saved value (a registry, a client, a need…) that breaks an invariant of its type:
    /// the error serde reports when deserialising it (`restore.invalid`, `restore.duplicate`,
    /// `restore.missing` or `restore.inconsistent`).
    #[error(transparent)]
    Restore(#[from] RestoreError),
}

impl ClientsError {
    /// Returns the stable code of the wrapped error.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientsError, Tag};
    ///
    /// let error: ClientsError = Tag::try_new("").unwrap_err().into();
    /// assert_eq!(error.code(), "token.blank");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ClientsError::Text(error) => error.code(),
            ClientsError::Token(error) => error.code(),
            ClientsError::Party(error) => error.code(),
            ClientsError::PersonalCode(error) => error.code(),
            ClientsError::RegistrationNumber(error) => error.code(),
            ClientsError::VatNumber(error) => error.code(),
            ClientsError::Email(error) => error.code(),
            ClientsError::Phone(error) => error.code(),
            ClientsError::ParseMoney(error) => error.code(),
            ClientsError::Money(error) => error.code(),
            ClientsError::Registry(error) => error.code(),
            ClientsError::Need(error) => error.code(),
            ClientsError::Privacy(error) => error.code(),
            ClientsError::Register(error) => error.code(),
            ClientsError::Survey(error) => error.code(),
            ClientsError::Response(error) => error.code(),
            ClientsError::ResponsesCsv(error) => error.code(),
            ClientsError::Restore(error) => error.code(),
        }
    }
}
