//! Shared value types of Apkalpe, the library of a Latvian customer service specialist
//! (*klientu apkalpošanas speciālists*, profession code 4222 07).
//!
//! Every other Apkalpe crate is built on these values: money and its rounding, VAT rates,
//! Latvian identifiers, languages, amounts in words (*summa vārdiem*), the Latvian working-day
//! calendar, parties and gapless document number series.
//!
//! Serves: T1.3, T4.2, T4.5, T4.6, S12, S27, S33 (see `docs/traceability.md`).
//!
//! The crate is pure: no I/O, no clock, no randomness. Dates such as `today` come in as arguments.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod calendar;
mod cash_rounding;
mod country;
mod error;
mod identifier;
mod language;
mod money;
mod number_series;
mod party;
mod riga;
pub mod rounding;
mod vat;
mod words;

pub use calendar::*;
pub use cash_rounding::*;
pub use country::*;
pub use error::*;
pub use identifier::*;
pub use language::*;
pub use money::*;
pub use number_series::*;
pub use party::*;
pub use riga::{riga_date, riga_offset};
pub use rounding::{Rounding, RoundingStrategy};
pub use vat::*;
pub use words::*;
