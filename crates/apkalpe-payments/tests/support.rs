//! Shared helpers and proptest strategies for this crate's own types.

use apkalpe_core::{CountryCode, Currency, Money};
use apkalpe_payments::{CashRegister, RegisterIdentity};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;

pub fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, min, 0).unwrap()
}

pub fn register(country: CountryCode) -> CashRegister {
    let identity = RegisterIdentity::try_new(
        "SIA Apkalpe Demo",
        "40003521600",
        "Brīvības iela 1, Rīga, LV-1010",
        "KA-000123",
        "FM-7781",
        country,
    )
    .unwrap();
    CashRegister::new(identity, Currency::EUR)
}

/// Whole euro cents from 0.01 to `max_cents`.
pub fn cents(max_cents: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![Just(1i64), Just(5), Just(99), 1i64..=max_cents,].prop_map(|c| Decimal::new(c, 2))
}

/// Card numbers of known brands with a valid Luhn digit.
pub fn card_number() -> impl Strategy<Value = String> {
    let prefixes = prop_oneof![
        Just(("4", 16usize)),
        Just(("4", 13)),
        Just(("4", 19)),
        Just(("51", 16)),
        Just(("2221", 16)),
        Just(("34", 15)),
        Just(("6011", 16)),
        Just(("3528", 19)),
        Just(("62", 17)),
        Just(("36", 14)),
        Just(("6759", 12)),
    ];
    (prefixes, proptest::collection::vec(0u8..10, 19)).prop_map(|((prefix, len), body)| {
        let mut digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
        digits.extend(body.into_iter().take(len - 1 - prefix.len()));
        let sum: u32 = digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                let d = u32::from(d);
                if i % 2 == 0 {
                    let x = d * 2;
                    if x > 9 { x - 9 } else { x }
                } else {
                    d
                }
            })
            .sum();
        digits.push(((10 - sum % 10) % 10) as u8);
        digits.iter().map(|d| char::from(b'0' + d)).collect()
    })
}
