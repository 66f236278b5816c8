//! The crate's errors: [`ClientsError`] at the root and the narrower enums it wraps. Every error
//! has a stable dotted code; messages never hold a personal code.

mod localized;

#[cfg(feature = "serde")]
pub(crate) use localized::client_kind;
pub use localized::downcast_error;
mod register;
mod survey;

pub use register::{RegisterError, RegisterRowError, RegisterRowProblem};
pub use survey::{ResponseError, ResponsesCsvError, SurveyError};

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
