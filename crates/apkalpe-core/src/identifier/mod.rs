//! Identifiers a customer-service desk takes from clients and prints on documents: the Latvian
//! personal code (*personas kods*) and registration number (*reģistrācijas numurs*), EU VAT
//! numbers (*PVN reģistrācijas numurs*), IBANs and ISO 11649 creditor references.
//!
//! Each is a newtype over its canonical form whose only way in is a validating constructor
//! (`try_new`, also behind `FromStr`, `TryFrom<String>` and serde). Each has its own error enum
//! with stable codes (`personal_code.checksum`, `iban.length`, …). No parser panics, whatever the
//! input.
//!
//! | type | example (canonical form) | check |
//! |---|---|---|
//! | [`PersonalCode`] | `161175-19997` | birth date, century digit, weighted mod 11 |
//! | [`RegistrationNumber`] | `40003521600` | issuer digit, weighted mod 11 = 3 |
//! | [`VatNumber`] | `LV40003521600` | per-state format; Latvian body in full |
//! | [`Iban`] | `LV80BANK0000435195001` | ISO 13616 registry, MOD 97-10 |
//! | [`CreditorReference`] | `RF18539007547034` | ISO 11649, MOD 97-10 |
//!
//! Serves: S8, S27, S30, S33, T4.3, T4.6.

mod ascii;
mod checksum;
mod creditor_reference;
mod iban;
mod personal_code;
mod registration_number;
mod vat_number;

pub use creditor_reference::{CreditorReference, ParseCreditorReferenceError};
pub use iban::{Iban, ParseIbanError};
pub use personal_code::{ParsePersonalCodeError, PersonalCode, PersonalCodeFormat};
pub use registration_number::{
    ParseRegistrationNumberError, RegistrationNumber, RegistrationNumberKind,
};
pub use vat_number::{ParseVatNumberError, VatNumber};
