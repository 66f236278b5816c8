//! What a program that embeds the crate uses, in one import: `use apkalpe_clients::prelude::*;`.
//!
//! This is the way to import the crate. Most names are the crate's own. A few names are used
//! by other Apkalpe crates too, so the prelude exports them under a name that says which one
//! this is. A program can then glob-import the preludes of several crates without a clash:
//!
//! | here | the crate's own name | also in |
//! |---|---|---|
//! | [`ContactChannel`] | [`Channel`](crate::Channel) | `apkalpe-documents` (how a document was submitted) |
//! | [`CommercialRegisterError`] | [`RegisterError`](crate::RegisterError) | `apkalpe-documents` (records register), `apkalpe-payments` (cash register) |
//! | [`NeedSku`] | [`Sku`](crate::Sku) | `apkalpe-catalogue` (the catalogue's own product code) |
//!
//! The crate's own names stay at its root (`apkalpe_clients::Channel`); use them by path when
//! that reads better. The prelude also brings core's [`LocalizedError`], so `code()` and
//! `message_in(Language)` work on every error without a further import.
//!
//! # Examples
//!
//! ```
//! use apkalpe_clients::prelude::*;
//! use apkalpe_core::Language;
//! use chrono::{TimeZone, Utc};
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
//! let mut registry = ClientRegistry::new();
//! let anna = registry
//!     .register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), now)?
//!     .id();
//! registry.record_interaction(Interaction::try_new(
//!     InteractionId::from_u128(2),
//!     anna,
//!     ContactChannel::Phone,
//!     Direction::Inbound,
//!     "Asked about bicycles",
//!     StaffMember::try_new("Ilze")?,
//!     now,
//! )?)?;
//! let error = registry.merge(anna, anna, &StaffMember::try_new("Ilze")?, now).unwrap_err();
//! assert_eq!(error.code(), "registry.merge_self");
//! assert!(error.message_in(Language::Latvian).starts_with("klientu"));
//! # Ok::<(), ClientsError>(())
//! ```

pub use apkalpe_core::LocalizedError;

pub use crate::{
    AccessExport, AggregateOptions, Answer, BudgetRange, Client, ClientChange, ClientDetails,
    ClientFilter, ClientId, ClientRegistry, ClientStatus, ClientsError, CompanyRegister, Consent,
    ContactDecision, Direction, ErasureReport, FollowUp, FollowUpId, Interaction, InteractionId,
    LegalBasis, LegalForm, Need, NeedError, NeedId, NeedStatus, Organisation, Person,
    PersonalField, PrivacyError, Purpose, QuestionId, Registration, RegistryError, Response,
    ResponseId, RetentionHold, Segment, StaffMember, Survey, SurveyStats, Tag, Verification,
    downcast_error, verify,
};

#[cfg(feature = "csv")]
pub use crate::{RegisterFile, read_responses_csv};

/// The channel of a contact: [`Channel`](crate::Channel), named so it does not clash with
/// `apkalpe_documents::Channel`.
pub use crate::Channel as ContactChannel;

/// A commercial register file or look-up that failed: [`RegisterError`](crate::RegisterError),
/// named so it does not clash with the `RegisterError` of `apkalpe-documents` and
/// `apkalpe-payments`.
pub use crate::RegisterError as CommercialRegisterError;

/// A product code a need or an offer names: [`Sku`](crate::Sku), named so it does not clash
/// with `apkalpe_catalogue::Sku`.
pub use crate::Sku as NeedSku;
