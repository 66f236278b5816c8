//! One fuzz target over every text parser of apkalpe-core. The first byte picks the parser,
//! the rest is the text. Oracle: nothing panics, whatever parses prints to a form that parses
//! back to the same value, and the position an identifier's error names holds, in the text as
//! typed, the character it names (decision 0003, issue 16).
//!
//! Fuzz with `cargo +nightly fuzz run parse_text`; without nightly, `cargo run --bin
//! parse_text -- FILE...` replays inputs (a corpus, or a crash) through the same checks.
#![cfg_attr(fuzzing, no_main)]

use std::fmt::Display;
use std::str::FromStr;

use apkalpe_core::{
    CountryCode, CreditorReference, Currency, Iban, Language, Money, NumberPattern,
    ParseCreditorReferenceError, ParseIbanError, ParseVatNumberError, Period, PersonalCode,
    RegistrationNumber, RetentionPeriod, VatCategory, VatNumber, VatRate, parse_amount,
};

/// Parses `text`; if it parses, printing and parsing again gives the same value.
fn round_trip<T>(text: &str)
where
    T: FromStr + Display + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = text.parse::<T>() {
        let printed = value.to_string();
        match printed.parse::<T>() {
            Ok(again) => assert_eq!(again, value, "{printed:?} parsed to another value"),
            Err(_) => panic!("{printed:?}, printed from a parsed value, does not parse"),
        }
    }
}

/// The character an identifier's `Character` error names stands, as typed, at its position in
/// `text`.
fn check_positions(text: &str) {
    let at = |position: usize| text.chars().nth(position);
    if let Err(ParseIbanError::Character { position, found }) = text.parse::<Iban>() {
        assert_eq!(at(position), Some(found), "iban {text:?}");
    }
    if let Err(ParseIbanError::BbanFormat { position, .. }) = text.parse::<Iban>() {
        assert!(at(position).is_some_and(|c| c.is_ascii_alphanumeric()), "iban {text:?}");
    }
    if let Err(ParseVatNumberError::Character { position, found }) = text.parse::<VatNumber>() {
        assert_eq!(at(position), Some(found), "vat number {text:?}");
    }
    if let Err(ParseCreditorReferenceError::Character { position, found }) =
        text.parse::<CreditorReference>()
    {
        assert_eq!(at(position), Some(found), "creditor reference {text:?}");
    }
}

fn check(data: &[u8]) {
    let Some((selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    check_positions(text);
    match selector % 15 {
        0 => {
            if let Ok(value) = parse_amount(text) {
                let printed = value.to_string();
                assert_eq!(parse_amount(&printed).ok(), Some(value), "{printed:?}");
            }
        }
        1 => round_trip::<Money>(text),
        2 => {
            let _ = Money::parse(text, Currency::EUR);
        }
        3 => round_trip::<PersonalCode>(text),
        4 => round_trip::<RegistrationNumber>(text),
        5 => round_trip::<VatNumber>(text),
        6 => round_trip::<Iban>(text),
        7 => round_trip::<CreditorReference>(text),
        8 => round_trip::<Period>(text),
        9 => round_trip::<NumberPattern>(text),
        10 => round_trip::<CountryCode>(text),
        11 => round_trip::<Language>(text),
        12 => round_trip::<VatRate>(text),
        13 => round_trip::<RetentionPeriod>(text),
        _ => {
            let _ = text.parse::<VatCategory>();
            let _ = CreditorReference::from_payment_reference(text);
        }
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));

#[cfg(not(fuzzing))]
fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(data) => check(&data),
            Err(error) => eprintln!("{path}: {error}"),
        }
    }
}
