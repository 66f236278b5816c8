//! The error catalogue of apkalpe-core: one sample of every error code, reached from public
//! input and passed through `CoreError`, with its message. Codes are API: this snapshot shows
//! any rename, and the test fails on a duplicate.

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{
    Calendar, CashRounding, CoreError, CountryCode, CreditorReference, Currency, HolidayName, Iban,
    Language, LocalizedText, Money, NumberPattern, NumberSeries, Party, PartyInput, Period,
    PersonalCode, RegistrationNumber, Transfer, VatCategory, VatClassSchedule, VatNumber, VatRate,
    VatRateClass, VatRateTable, WordsOptions, YearReset, amount_in_words, parse_amount,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

fn err<T, E: Into<CoreError>>(result: Result<T, E>) -> CoreError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

/// One sample per code, in the order of the modules.
fn samples() -> Vec<CoreError> {
    let calendar = Calendar::latvia();
    let policy = CashRounding::builtin();
    let mut series = NumberSeries::try_new(
        "inv",
        "INV{year}-{seq:1}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut other =
        NumberSeries::try_new("other", "O-{seq}".parse().unwrap(), YearReset::Never).unwrap();
    let first = series.issue(day(2026, 1, 5)).unwrap();
    let foreign = other.issue(day(2026, 1, 5)).unwrap();
    let mut samples = vec![
        // Money and amounts.
        err(eur(dec!(1)).checked_add(Money::new(dec!(1), Currency::USD))),
        err(eur(Decimal::MAX).checked_add(eur(dec!(1)))),
        err(eur(dec!(1)).checked_div(dec!(0))),
        err(eur(dec!(1.001)).allocate_evenly(2)),
        err(eur(dec!(1)).allocate(&[])),
        err(eur(dec!(1)).allocate(&[dec!(-1)])),
        err(eur(dec!(1)).allocate(&[dec!(0)])),
        err(parse_amount("")),
        err(parse_amount("12.3x")),
        err(parse_amount("1.")),
        err(parse_amount("12 34")),
        err(parse_amount("012")),
        err(parse_amount("12345678901234567890123456789")),
        err(Money::parse("1,234", Currency::EUR)),
        err("12.50".parse::<Money>()),
        err("12.50 LVL".parse::<Money>()),
        err(Rounding::try_new(RoundingStrategy::HalfEven, dec!(0))),
        err(Rounding::CASH_5_CENTS.apply(Decimal::MAX)),
        // Cash rounding.
        err(policy.settle_cash(CountryCode::DE, day(2026, 1, 5), eur(dec!(1)))),
        err(policy.settle_cash(
            CountryCode::EE,
            day(2026, 1, 5),
            Money::new(dec!(1), Currency::SEK),
        )),
        err(policy.settle(CountryCode::EE, day(2026, 1, 5), eur(dec!(1)), eur(dec!(2)))),
        // VAT.
        err("X".parse::<VatCategory>()),
        err(VatRate::try_new(dec!(120))),
        err("twenty".parse::<VatRate>()),
        err(VatRateTable::latvia().rate(VatRateClass::Standard, day(2010, 1, 1))),
        err(VatClassSchedule::latvian_fresh_produce().class_on(day(2017, 1, 1))),
        err(VatClassSchedule::try_new(Vec::new())),
        err("standard from 2030-01-01; reduced".parse::<VatClassSchedule>()),
        err("standard from 1 July".parse::<VatClassSchedule>()),
        // Countries, languages, texts.
        err("L1".parse::<CountryCode>()),
        err("XX".parse::<CountryCode>()),
        err("fr".parse::<Language>()),
        err(serde_json::from_str::<LocalizedText>("{}")
            .map_err(|_| apkalpe_core::LocalizedTextError::Empty)),
        // Identifiers.
        err("16117a-19997".parse::<PersonalCode>()),
        err("161175-1999".parse::<PersonalCode>()),
        err("161175-39997".parse::<PersonalCode>()),
        err("310299-11111".parse::<PersonalCode>()),
        err("161175-19998".parse::<PersonalCode>()),
        err("4000352160x".parse::<RegistrationNumber>()),
        err("4000352160".parse::<RegistrationNumber>()),
        err("10003521600".parse::<RegistrationNumber>()),
        err("40003521601".parse::<RegistrationNumber>()),
        err("XX123456789".parse::<VatNumber>()),
        err("DE12345678".parse::<VatNumber>()),
        err("DE12345678X".parse::<VatNumber>()),
        err("LV40003521601".parse::<VatNumber>()),
        err("LV16117519998".parse::<VatNumber>()),
        err("LV80BANK00004351950*1".parse::<Iban>()),
        err("ZZ80BANK0000435195001".parse::<Iban>()),
        err("LV80BANK000043519500".parse::<Iban>()),
        err("LV801ANK0000435195001".parse::<Iban>()),
        err("LV80BANK0000435195002".parse::<Iban>()),
        err("RF18-5390".parse::<CreditorReference>()),
        err("XX18539007547034".parse::<CreditorReference>()),
        err("RF1".parse::<CreditorReference>()),
        err(CreditorReference::from_payment_reference(
            "1234567890123456789012",
        )),
        err("RF18539007547035".parse::<CreditorReference>()),
        // Calendar and periods.
        err(calendar.holidays(1990)),
        err(Calendar::date(2026, 2, 30)),
        err(Calendar::latvia().with_festival_closing_day(day(2013, 7, 7))),
        err(Calendar::latvia().with_one_off_day_off(day(2018, 9, 24), HolidayName::new("a", "b"))),
        err(Transfer::try_new(day(2026, 1, 3), day(2026, 1, 17))),
        err(Transfer::try_new(day(2026, 1, 2), day(2026, 1, 16))),
        err("".parse::<Period>()),
        err("d".parse::<Period>()),
        err("99999999999d".parse::<Period>()),
        err("10y".parse::<Period>()),
        // Amounts in words.
        err(amount_in_words(
            &eur(dec!(1000000000000)),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        err(amount_in_words(
            &eur(dec!(1.005)),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        err(amount_in_words(
            &Money::new(dec!(1), Currency::SEK),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        // Number series and patterns.
        err("INV-".parse::<NumberPattern>()),
        err(NumberSeries::try_new(
            "y",
            "N-{seq}".parse().unwrap(),
            YearReset::EachYear,
        )),
        err(series.issue(day(2025, 12, 31))),
        err({
            series.issue(day(2026, 1, 6)).unwrap();
            (3..=9).for_each(|_| {
                series.issue(day(2026, 1, 6)).unwrap();
            });
            series.issue(day(2026, 1, 6))
        }),
        err(series.void(&foreign, "typo")),
        err({
            series.void(&first, "typo").unwrap();
            series.void(&first, "again").map(|_| ())
        }),
        // Parties.
        err(Party::try_from(PartyInput {
            kind: "organisation".into(),
            name: " ".into(),
            ..PartyInput::default()
        })),
    ];
    samples.push(err("+371 2".parse::<apkalpe_core::PhoneNumber>()));
    samples.push(err("not-an-email".parse::<apkalpe_core::EmailAddress>()));
    samples
}

/// One failing restore per restore code: saved values edited into an illegal state. serde
/// carries the `RestoreError` as text that starts with its code.
fn restore_samples() -> Vec<(&'static str, String)> {
    fn refused<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> (&'static str, String) {
        let message = match serde_json::from_value::<T>(value) {
            Ok(_) => panic!("expected a refusal"),
            Err(error) => error.to_string(),
        };
        let problem = apkalpe_core::RestoreProblem::from_message(&message)
            .unwrap_or_else(|| panic!("not a restore error: {message}"));
        (problem.code(), message)
    }
    let calendar = || serde_json::to_value(Calendar::latvia()).unwrap();
    let mut twice = calendar();
    let first = twice["one_off_days_off"][0].clone();
    twice["one_off_days_off"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let mut too_late = calendar();
    too_late["one_off_days_off"][0]["date"] = serde_json::json!("2101-09-24");
    let deadline = serde_json::to_value(
        Calendar::latvia()
            .deadline(day(2026, 1, 31), Period::Months(1))
            .unwrap(),
    )
    .unwrap();
    let mut no_steps = deadline.clone();
    no_steps["steps"] = serde_json::json!([]);
    let mut wrong_date = deadline;
    wrong_date["date"] = serde_json::json!("2026-03-03");
    vec![
        refused::<Calendar>(too_late),
        refused::<Calendar>(twice),
        refused::<apkalpe_core::Deadline>(no_steps),
        refused::<apkalpe_core::Deadline>(wrong_date),
    ]
}

#[test]
fn error_catalogue() {
    let samples = samples();
    let mut lines = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for error in &samples {
        let code = error.code();
        assert!(
            code.split('.').count() == 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{code} is not dotted snake_case"
        );
        assert!(seen.insert(code), "{code} is sampled twice");
        lines.push(format!("{code}\t{error}"));
    }
    for (code, message) in restore_samples() {
        assert!(seen.insert(code), "{code} is sampled twice");
        lines.push(format!("{code}\t{message}"));
    }
    // A fact example: the mistyped check digit of the facts' personal code.
    let error: CoreError = "161175-19998".parse::<PersonalCode>().unwrap_err().into();
    assert_eq!(error.code(), "personal_code.checksum");
    insta::assert_snapshot!("error_catalogue__core", lines.join("\n"));
}
