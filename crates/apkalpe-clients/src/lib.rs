//! Clients of a Latvian customer service specialist (*klientu apkalpošanas speciālists*, 4222 07):
//! the client register (*klientu reģistrs*) with needs and requests (*vajadzības un
//! pieprasījumi*), the contact history (*saziņas vēsture*), checks in the commercial register
//! (*komercreģistrs*), personal data protection (*personas datu aizsardzība*) and surveys
//! (*aptaujas*).
//!
//! Serves: S8 (register clients), C13 (a database of clients, their needs and requests), T2.1,
//! T2.2, T2.3, T2.6, T3.1, S10 (receive clients, listen, identify needs, answer calls, keep in
//! touch), S30 and knowledge 3.1 (check buyers and suppliers in the commercial register),
//! knowledge 1.2 (personal data protection), T5.7, T5.8, T5.9, S15 (surveys and their use). See
//! `docs/traceability.md`.
//!
//! The crate is pure, on top of `apkalpe-core`: no I/O, no clock, no randomness. Ids and times
//! are arguments; files come in through any `std::io::Read`.
//!
//! # Brief overview
//!
//! - [`ClientRegistry`]: registration with duplicate detection ([`Registration`]), updates
//!   with a per-field history ([`ClientChange`], [`FieldChange`]), search that ignores case,
//!   Latvian diacritics and word order, filters ([`ClientFilter`]), merge, the timeline.
//! - [`Client`], [`ClientDetails`], [`Person`], [`Organisation`], [`ClientStatus`],
//!   [`Segment`], [`Tag`]: who a client is.
//! - [`Need`], [`BudgetRange`], [`NeedStatus`]: structured needs with a life cycle.
//! - [`Interaction`], [`Channel`], [`Direction`], [`FollowUp`]: contacts and follow-up tasks.
//! - [`CompanyRegister`], `RegisterFile` (feature `csv`), [`RegisterRecord`], [`verify`],
//!   [`check_number`]:
//!   the Register of Enterprises' open data and the check of a client against it.
//! - [`Consent`], [`Purpose`], [`LegalBasis`], [`ContactDecision`], [`AccessExport`],
//!   [`RetentionHold`], [`ErasureReport`]: GDPR consents, access and erasure; a hold is stated
//!   in core's one retention model by [`RetentionHold::obligation`] and
//!   [`RetentionHold::facts`], scoped to the parts [`PersonalField::record_part`] names.
//! - [`Survey`], [`Question`], [`Response`], [`SurveyStats`], `read_responses_csv` and
//!   `responses_to_csv` (feature `csv`), [`decimal_sqrt`]: surveys, validation and statistics.
//! - Saving and restoring: every state type serialises with serde and deserialises through its
//!   checks; [`ClientRegistry`] rebuilds its indexes from the saved records, and a saved value
//!   edited into an illegal state is refused with an [`apkalpe_core::RestoreError`]
//!   (`docs/model/clients.md`, §9).
//! - [`ClientsError`]: every error of the crate, each with a stable code and a message in
//!   English or Latvian through [`apkalpe_core::LocalizedError`]; [`downcast_error`] finds
//!   them again behind a `Box<dyn Error>` (with [`apkalpe_core::find_localized`]).
//!
//! # Importing
//!
//! `use apkalpe_clients::prelude::*;` brings what a program uses ([`prelude`]). Three names
//! are used by other Apkalpe crates too (`Channel`, `RegisterError`, `Sku`); the prelude
//! exports them as [`prelude::ContactChannel`], [`prelude::CommercialRegisterError`] and
//! [`prelude::NeedSku`], so the preludes of several crates can be imported together.
//!
//! # Example
//!
//! ```
//! use apkalpe_clients::{
//!     Channel, ClientDetails, ClientId, ClientRegistry, Direction, Interaction, InteractionId,
//!     Need, NeedId, Person, StaffMember,
//! };
//! use apkalpe_core::PhoneNumber;
//! use chrono::{TimeZone, Utc};
//! use uuid::Uuid;
//!
//! let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
//! let staff = StaffMember::try_new("Ilze")?;
//! let mut registry = ClientRegistry::new();
//! let anna = registry
//!     .register(
//!         ClientId::new(Uuid::from_u128(1)),
//!         ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
//!             .with_phone(PhoneNumber::try_new("+371 2000 0001")?),
//!         now,
//!     )?
//!     .id();
//! registry.record_need(Need::try_new(NeedId::new(Uuid::from_u128(2)), anna, "bicycles", now)?)?;
//! registry.record_interaction(Interaction::try_new(
//!     InteractionId::new(Uuid::from_u128(3)),
//!     anna,
//!     Channel::Phone,
//!     Direction::Inbound,
//!     "Asked about children's bicycles",
//!     staff,
//!     now,
//! )?)?;
//! assert_eq!(registry.search("BERZINA").len(), 1);
//! assert_eq!(registry.timeline(anna)?.len(), 3);
//! # Ok::<(), apkalpe_clients::ClientsError>(())
//! ```
//!
//! # Crate features
//!
//! - `serde` (on by default): `Serialize` and `Deserialize` for every value and state type,
//!   and `AccessExport::to_json`. The JSON forms are part of the API; deserialising runs
//!   each type's checks and refuses a value edited into an illegal state with an
//!   [`apkalpe_core::RestoreError`]. Without it the crate has no serde or serde_json
//!   dependency of its own.
//! - `csv` (on by default): the Register of Enterprises' open-data file (`RegisterFile`,
//!   `RegisterLoad`) and survey responses as CSV (`read_responses_csv`, `responses_to_csv`,
//!   `RESPONSES_CSV_HEADER`). Without it the crate has no csv dependency; the register check
//!   ([`verify`], [`CompanyRegister`]) works with any register the program supplies.
//!
//! # Further reading
//!
//! The Apkalpe repository's `docs/` folder (not needed to use this crate) explains the domain
//! model with worked numbers (`docs/model/clients.md`, with the catalogue of error codes),
//! the glossary of Latvian terms and the design decisions.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod client;
mod error;
mod interaction;
mod need;
pub mod prelude;
mod privacy;
mod register;
mod registry;
#[cfg(feature = "serde")]
mod restore;
mod retention;
mod survey;
mod text;

pub use client::{
    Client, ClientChange, ClientDetails, ClientField, ClientId, ClientStatus, FieldChange,
    FollowUpId, Identity, InteractionId, NeedId, Organisation, Person,
};
pub use error::{
    ClientsError, NeedError, ParseTextError, ParseTokenError, PrivacyError, RecordKind,
    RegisterError, RegisterRowError, RegisterRowProblem, RegistryError, ResponseError,
    ResponsesCsvError, SurveyError, downcast_error,
};
pub use interaction::{Channel, Direction, FollowUp, Interaction};
pub use need::{BudgetRange, Need, NeedStatus};
pub use privacy::{
    ACCESS_EXPORT_SCHEMA, AccessExport, Consent, ContactDecision, DenialReason, ErasureReport,
    HoldNote, KeptField, LegalBasis, PersonalField, Purpose, RetentionHold,
};
pub use register::{
    CompanyRegister, Discrepancy, EntityStatus, RegisterRecord, Verification, check_number, verify,
};
#[cfg(feature = "csv")]
pub use register::{RegisterFile, RegisterLoad};
pub use registry::{ClientFilter, ClientRegistry, DuplicateMatch, Registration, TimelineEntry};
#[cfg(feature = "serde")]
pub use registry::{SavedClient, SavedMerges};
pub use survey::{
    AggregateOptions, Answer, ChoiceOption, Detractor, OptionStats, Question, QuestionDetail,
    QuestionKind, QuestionStats, Response, ScaleSummary, SegmentScore, SegmentStats, Survey,
    SurveyStats, decimal_sqrt,
};
#[cfg(feature = "csv")]
pub use survey::{RESPONSES_CSV_HEADER, read_responses_csv, responses_to_csv};
pub use text::{
    LegalForm, OptionId, QuestionId, ResponseId, Segment, Sku, StaffMember, SurveyId, Tag,
    name_tokens,
};
