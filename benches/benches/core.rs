//! Benchmarks of apkalpe-core's hot paths. Targets from issue 2 are noted beside each group;
//! `benches/README.md` keeps the last measured medians.
// A bench harness: unwrap on fixed, known-good inputs is fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    Calendar, CentsStyle, CountingRule, CreditorReference, Currency, Iban, Language, LegalHold,
    LocalizedError, Money, PersonalCode, RecordPart, RegistrationNumber, RetentionEvent,
    RetentionFacts, RetentionObligation, RetentionPeriod, RetentionScope, RetentionStart,
    VatAmounts, VatNumber, VatRate, WordsOptions, amount_in_words, parse_amount,
};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal_macros::dec;

/// Target: an identifier check ≤ 100 ns.
fn identifiers(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/identifier");
    group.bench_function("personal_code/old_format", |b| {
        b.iter(|| black_box("161175-19997").parse::<PersonalCode>())
    });
    group.bench_function("personal_code/new_format", |b| {
        b.iter(|| black_box("32867300679").parse::<PersonalCode>())
    });
    group.bench_function("registration_number/valid", |b| {
        b.iter(|| black_box("40003521600").parse::<RegistrationNumber>())
    });
    group.bench_function("vat_number/valid_lv", |b| {
        b.iter(|| black_box("LV40003521600").parse::<VatNumber>())
    });
    group.bench_function("creditor_reference/valid", |b| {
        b.iter(|| black_box("RF18539007547034").parse::<CreditorReference>())
    });
    group.finish();
}

/// Target: an IBAN ≤ 150 ns.
fn iban(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/iban");
    group.bench_function("valid_lv", |b| {
        b.iter(|| black_box("LV80BANK0000435195001").parse::<Iban>())
    });
    group.bench_function("valid_de_print_form", |b| {
        b.iter(|| black_box("DE89 3704 0044 0532 0130 00").parse::<Iban>())
    });
    group.bench_function("invalid_checksum", |b| {
        b.iter(|| black_box("LV80BANK0000435195002").parse::<Iban>())
    });
    group.finish();
}

/// Target: an amount in words ≤ 1 µs.
fn words(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/words");
    let amount = Money::new(dec!(21000000.21), Currency::EUR);
    let options = WordsOptions::default();
    for language in Language::ALL {
        group.bench_function(format!("{language}/21000000.21"), |b| {
            b.iter(|| amount_in_words(black_box(&amount), language, &options))
        });
    }
    let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
    let invoice = Money::new(dec!(1234.56), Currency::EUR);
    group.bench_function("lv/1234.56_cents_in_figures", |b| {
        b.iter(|| amount_in_words(black_box(&invoice), Language::Latvian, &figures))
    });
    group.finish();
}

/// VAT and money arithmetic on one invoice line.
fn vat(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/vat");
    let rate = VatRate::try_new(dec!(21)).unwrap();
    let net = Money::new(dec!(1234.56), Currency::EUR);
    let gross = Money::new(dec!(1493.82), Currency::EUR);
    let cents = Rounding::CENTS_HALF_AWAY_FROM_ZERO;
    group.bench_function("from_net/21", |b| {
        b.iter(|| VatAmounts::from_net(black_box(net), rate, cents))
    });
    group.bench_function("from_gross/21", |b| {
        b.iter(|| VatAmounts::from_gross(black_box(gross), rate, cents))
    });
    group.bench_function("parse_amount/1_234_56", |b| {
        b.iter(|| parse_amount(black_box("1 234,56")))
    });
    let total = Money::new(dec!(100.00), Currency::EUR);
    group.bench_function("allocate/3_even", |b| {
        b.iter(|| black_box(total).allocate_evenly(3))
    });
    // Issue 15: a quote looks up the class of the supply date, then its rate (no target; it
    // runs once per quote line).
    let table = apkalpe_core::VatRateTable::latvia();
    let bread = apkalpe_core::VatClassSchedule::latvian_staple_food();
    let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    group.bench_function("entry_for/staple_food_schedule", |b| {
        b.iter(|| {
            table
                .entry_for(black_box(&bread), black_box(day))
                .unwrap()
                .rate
        })
    });
    group.finish();
}

/// Target: `add_working_days(30)` ≤ 1 µs.
fn calendar(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/calendar");
    let calendar = Calendar::latvia();
    let start = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
    group.bench_function("add_working_days/30", |b| {
        b.iter(|| calendar.add_working_days(black_box(start), 30))
    });
    group.bench_function("is_working_day", |b| {
        b.iter(|| calendar.is_working_day(black_box(start)))
    });
    group.finish();
}

/// Restoring saved state (issue 13): O(n log n) at most. Target: reading back the Latvian
/// calendar costs no more than building it (one table build).
fn restore(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/restore");
    let json = serde_json::to_string(&Calendar::latvia()).unwrap();
    assert_eq!(
        serde_json::from_str::<Calendar>(&json).unwrap(),
        Calendar::latvia()
    );
    group.bench_function("calendar_latvia", |b| {
        b.iter(|| serde_json::from_str::<Calendar>(black_box(&json)))
    });
    // For comparison: building the same calendar from its built-in data.
    group.bench_function("calendar_latvia_built", |b| b.iter(Calendar::latvia));
    group.finish();
}

/// A client with invoices, a complaint, a contract and a dispute (issue 16): the facts an
/// erasure weighs.
fn client_facts() -> RetentionFacts {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let parts = |names: &[&str]| RetentionScope::try_parts(names).unwrap();
    let obligation = |record: &str, period, start, scope| {
        RetentionObligation::try_new(record, "Grāmatvedības likums, 28. pants", period, start)
            .unwrap()
            .with_scope(scope)
    };
    let on = |event, date| RetentionStart::on(event, date, CountingRule::FromFirstJanuaryAfter);
    RetentionFacts::new()
        .with_obligation(obligation(
            "invoice INV-2019-2",
            RetentionPeriod::Years(5),
            on(RetentionEvent::RecordDate, day(2019, 3, 1)),
            parts(&["name", "addresses", "emails"]),
        ))
        .with_obligation(obligation(
            "invoice INV-2024-31",
            RetentionPeriod::Years(5),
            on(RetentionEvent::RecordDate, day(2024, 5, 14)),
            parts(&["name", "addresses", "emails"]),
        ))
        .with_obligation(obligation(
            "complaint S-2026-4",
            RetentionPeriod::Years(3),
            on(RetentionEvent::CaseClosed, day(2026, 6, 30)),
            parts(&["name", "emails", "phones"]),
        ))
        .with_obligation(obligation(
            "contract L-2025-9",
            RetentionPeriod::Years(10),
            RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
            parts(&["name", "personal_code", "addresses"]),
        ))
        .with_hold(
            LegalHold::try_new("PTAC-2026-118", "patērētāja strīds", day(2026, 10, 1))
                .unwrap()
                .until(day(2027, 3, 31))
                .unwrap()
                .with_scope(parts(&["name", "phones"])),
        )
}

/// The retention engine (issue 16). Target: a client's erasure decision, every part, ≤ 10 µs.
fn retention(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/retention");
    let facts = client_facts();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let parts: Vec<RecordPart> = [
        "name",
        "personal_code",
        "addresses",
        "emails",
        "phones",
        "tags",
    ]
    .into_iter()
    .map(|name| RecordPart::try_new(name).unwrap())
    .collect();
    assert!(!facts.decide(today).unwrap().may_erase());
    group.bench_function("decide/client", |b| {
        b.iter(|| black_box(&facts).decide(black_box(today)))
    });
    group.bench_function("decide_part/client_6_parts", |b| {
        b.iter(|| {
            parts
                .iter()
                .map(|part| {
                    black_box(&facts)
                        .decide_part(part, today)
                        .map(|d| d.may_erase())
                })
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

/// Errors in two languages (issue 16). Target: a Latvian message ≤ 1 µs.
fn errors(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/error");
    let error = "LV80BANK000043519500".parse::<Iban>().unwrap_err();
    assert_eq!(
        error.message_in(Language::Latvian),
        "LV IBAN numurā jābūt 21 rakstzīmei, bet ir 20 rakstzīmes"
    );
    group.bench_function("message/lv_iban_length", |b| {
        b.iter(|| black_box(&error).message_in(Language::Latvian))
    });
    group.bench_function("message/en_iban_length", |b| {
        b.iter(|| black_box(&error).message_in(Language::English))
    });
    group.finish();
}

criterion_group!(
    benches,
    identifiers,
    iban,
    words,
    vat,
    calendar,
    restore,
    retention,
    errors
);
criterion_main!(benches);
