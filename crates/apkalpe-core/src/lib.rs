//! Shared value types of Apkalpe, the library of a Latvian customer service specialist
//! (*klientu apkalpošanas speciālists*, profession code 4222 07).
//!
//! Every other Apkalpe crate is built on these values: exact money and its rounding, the
//! cash-rounding policy (*skaidrās naudas noapaļošana*), VAT (*PVN*) categories and rates,
//! Latvian identifiers (*personas kods*, *reģistrācijas numurs*, *PVN numurs*), IBAN and RF
//! creditor references, the four languages of customer service, amounts in words (*summa
//! vārdiem*), the Latvian working-day calendar with statutory deadlines, parties, gapless
//! document number series, the rules for short texts and tokens that the domain crates'
//! codes and ids share, errors in Latvian and English, and the one retention model that tells
//! whether a record may be erased or destroyed.
//!
//! Serves the tasks T1.3, T2.8, T3.4, T3.7, T4.2, T4.4, T4.5, T4.6, T6.3, the skills S12,
//! S13, S27, S30, S33, S35, the competence C17 and the knowledge K1.2, K2.5 of the profession
//! standard.
//!
//! The crate is pure: no I/O, no clock, no randomness. Dates such as `today` come in as
//! arguments; [`riga_date`] is the one function that turns an instant into a Riga date.
//!
//! # Brief overview
//!
//! - [`Money`], [`Currency`], [`parse_amount`]: exact amounts, checked arithmetic,
//!   [`Money::allocate`] by the largest remainder, [`Money::to_localized_string`].
//! - [`rounding::Rounding`]: a strategy and an increment; every rounding names both.
//! - [`CashRounding`]: effective-dated cash-rounding rules per country (EE, LT, LV).
//! - [`VatCategory`], [`VatRate`], [`VatRateTable`], [`VatAmounts`]: EN 16931 categories, the
//!   Latvian rate table with its dates, net ↔ VAT ↔ gross.
//! - [`VatClassSchedule`]: the rate class of a product over time (the 12 % staple-food pilot,
//!   the 5 % book rate and its language condition), taken on the supply date.
//! - [`CountNoun`], [`PluralCategory`]: counts that agree in number ("1 lieta", "21
//!   dokuments", "2 lietas"), the one helper every text with a count goes through.
//! - [`PersonalCode`], [`RegistrationNumber`], [`VatNumber`], [`Iban`], [`CreditorReference`],
//!   [`CountryCode`]: validated identifiers with stable error codes.
//! - [`Language`], [`LocalizedText`]: Latvian, English, German and Russian.
//! - [`amount_in_words`]: grammatical amounts in words in the four languages.
//! - [`Calendar`], [`Period`], [`Deadline`]: public holidays 1991–2100, working days,
//!   deadlines that move off days off.
//! - [`Party`], [`PartyInput`], [`Address`], [`EmailAddress`], [`PhoneNumber`]: the parties of
//!   documents; [`PartyIdentifier`], [`IdentifierScheme`]: identifiers of any state as scheme
//!   and value.
//! - [`NumberSeries`], [`DocumentNumber`]: gapless numbers, given only on issue.
//! - [`TextRule`], [`TokenRule`], [`TextRuleError`]: the checks behind short validated texts
//!   and tokens (trimmed, bounded, no control characters, a token's own alphabet and case).
//! - [`RetentionFacts`], [`RetentionObligation`], [`LegalHold`], [`RetentionDecision`]: the
//!   one retention model for documents, accounting records and personal data; it answers
//!   "may this be erased or destroyed, and if not, why and until when", for the whole record
//!   or one of its parts.
//! - [`LocalizedError`]: the stable code and the message in a [`Language`] of every error;
//!   [`find_localized`] and [`downcast_error`] recover it from a `Box<dyn Error>`.
//!   [`CoreError`] gathers every error of the crate.
//! - [`RestoreError`], [`RestoreProblem`], [`HasCode`]: why a saved value (a snapshot) cannot
//!   be restored; every state type's `Deserialize` runs its constructor's checks, and
//!   [`RestoreProblem::from_message`] recovers the code from serde's text.
//!
//! # Example
//!
//! ```
//! use apkalpe_core::rounding::Rounding;
//! use apkalpe_core::{
//!     amount_in_words, Calendar, CentsStyle, Currency, Language, Money, Period, VatAmounts,
//!     VatRateClass, VatRateTable, WordsOptions,
//! };
//! use chrono::NaiveDate;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
//! let net = Money::parse("100,00", Currency::EUR)?;
//! let rate = VatRateTable::latvia().rate(VatRateClass::Standard, today)?;
//! let bill = VatAmounts::from_net(net, rate, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
//! assert_eq!(bill.gross().to_string(), "121.00 EUR");
//!
//! let options = WordsOptions::default().with_cents(CentsStyle::Figures);
//! let words = amount_in_words(&bill.gross(), Language::Latvian, &options)?;
//! assert_eq!(words, "viens simts divdesmit viens euro un 00 centu");
//!
//! let due = Calendar::latvia().deadline(today, Period::WorkingDays(10))?;
//! assert_eq!(due.date(), NaiveDate::from_ymd_opt(2026, 12, 11).unwrap());
//! # Ok::<(), apkalpe_core::CoreError>(())
//! ```
//!
//! # Errors in two languages
//!
//! Every error has a stable code (`iban.checksum`), never renamed or reused, and a message in
//! English (its `Display`) and Latvian; German and Russian fall back to English. A
//! `Box<dyn LocalizedError>` keeps both through `?`:
//!
//! ```
//! use apkalpe_core::{Iban, Language, LocalizedError, PersonalCode};
//!
//! fn check(iban: &str, code: &str) -> Result<(), Box<dyn LocalizedError>> {
//!     iban.parse::<Iban>()?;
//!     code.parse::<PersonalCode>()?;
//!     Ok(())
//! }
//! let error = check("LV80BANK0000435195001", "161175-19998").unwrap_err();
//! assert_eq!(error.code(), "personal_code.checksum");
//! assert_eq!(error.message_in(Language::English), "personal code check digit should be 7, found 8");
//! assert_eq!(error.message_in(Language::Latvian), "personas koda kontrolciparam jābūt 7, bet ir 8");
//! ```
//!
//! # Retention: may this be erased?
//!
//! ```
//! use apkalpe_core::{
//!     CountingRule, Language, RecordPart, RetentionEvent, RetentionFacts, RetentionObligation,
//!     RetentionPeriod, RetentionScope, RetentionStart, RetentionVerdict,
//! };
//! use chrono::NaiveDate;
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! // An invoice names the client: kept 5 years from 1 January after its date.
//! let invoice = RetentionObligation::try_new(
//!     "invoice INV-2026-17",
//!     "Grāmatvedības likums, 28. pants",
//!     RetentionPeriod::Years(5),
//!     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
//! )?
//! .with_scope(RetentionScope::try_parts(["name", "addresses"])?);
//! let facts = RetentionFacts::new().with_obligation(invoice);
//! let today = day(2026, 11, 27)?;
//! let name = facts.decide_part(&RecordPart::try_new("name")?, today)?;
//! assert_eq!(name.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
//! assert_eq!(name.lines(Language::Latvian)[0], "glabāt līdz 2031-12-31");
//! let phones = facts.decide_part(&RecordPart::try_new("phones")?, today)?;
//! assert!(phones.may_erase());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde` (on by default): `Serialize` and `Deserialize` for every value and state type.
//!   The JSON forms are part of the API; deserialising runs each type's checks and refuses a
//!   value edited into an illegal state with a [`RestoreError`]. Without it the crate has no
//!   serde dependency.
//!
//! # Further reading
//!
//! The Apkalpe repository's `docs/` folder (not needed to use this crate) explains the domain
//! model with worked numbers, the glossary of Latvian terms, the legal sources cited in these
//! pages as "`docs/sources.md` §N", the design decisions and the mapping of the profession
//! standard's tasks to the API.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod calendar;
#[deny(clippy::arithmetic_side_effects)]
mod cash_rounding;
mod count;
mod country;
mod error;
mod identifier;
mod language;
mod localized;
#[deny(clippy::arithmetic_side_effects)]
mod money;
mod number_series;
mod party;
mod restore;
mod retention;
mod riga;
#[deny(clippy::arithmetic_side_effects)]
pub mod rounding;
mod text;
#[deny(clippy::arithmetic_side_effects)]
mod vat;
mod vat_schedule;
mod words;

pub use calendar::{
    Calendar, CalendarError, DayOffReason, Deadline, DeadlineStep, Holiday, HolidayKind,
    HolidayName, ParsePeriodError, Period, Transfer, TransferPolicy, easter_sunday,
};
pub use cash_rounding::{CashRounding, CashRoundingError, CashRoundingRule, CashSettlement};
pub use count::{CountNoun, PluralCategory};
pub use country::{CountryCode, ParseCountryCodeError};
pub use error::CoreError;
pub use identifier::{
    CreditorReference, Iban, ParseCreditorReferenceError, ParseIbanError, ParsePersonalCodeError,
    ParseRegistrationNumberError, ParseVatNumberError, PersonalCode, PersonalCodeFormat,
    RegistrationNumber, RegistrationNumberKind, VatNumber,
};
pub use language::{Language, LocalizedText, LocalizedTextError, ParseLanguageError};
pub use localized::{ErrorDowncast, LocalizedError, downcast_error, find_localized};
pub use money::{Currency, Money, MoneyError, ParseCurrencyError, ParseMoneyError, parse_amount};
pub use number_series::{
    DocumentNumber, NumberPattern, NumberSeries, NumberSeriesError, ParseNumberPatternError,
    VoidedNumber, YearReset,
};
pub use party::{
    Address, AddressInput, EmailAddress, FieldError, IdentifierScheme, ParseEmailAddressError,
    ParsePhoneNumberError, Party, PartyError, PartyIdentifier, PartyIdentifierInput, PartyInput,
    PartyKind, PartyName, PhoneNumber,
};
pub use restore::{HasCode, RestoreError, RestoreProblem, with_restore_error};
pub use retention::{
    CountingRule, KeepReason, KeepReasonKind, LegalHold, ParseRetentionPeriodError, RecordPart,
    RetentionDecision, RetentionError, RetentionEvent, RetentionFacts, RetentionObligation,
    RetentionPeriod, RetentionScope, RetentionStart, RetentionVerdict,
};
pub use riga::{riga_date, riga_offset};
pub use rounding::{Rounding, RoundingError, RoundingStrategy};
pub use text::{TextRule, TextRuleError, TokenCase, TokenLetters, TokenRule};
pub use vat::{
    VatAmounts, VatCategory, VatError, VatRate, VatRateClass, VatRateEntry, VatRateTable,
};
pub use vat_schedule::{PublicationLanguage, VatClassPeriod, VatClassSchedule};
pub use words::{
    Capitalization, CentsStyle, LatvianEuroWord, WordsError, WordsOptions, amount_in_words,
};
