//! Benchmarks of apkalpe-clients. Targets from issue 3 are noted beside each group;
//! `benches/README.md` keeps the last measured medians.
// A bench harness: unwrap on fixed, known-good inputs is fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;

use apkalpe_clients::{
    AggregateOptions, Answer, ClientDetails, ClientId, ClientRegistry, OptionId, Organisation,
    Person, QuestionId, RegisterFile, Response, ResponseId, Segment, Survey,
};
use apkalpe_core::EmailAddress;
use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use uuid::Uuid;

const CLIENTS: u32 = 100_000;

const GIVEN: [&str; 20] = [
    "Anna",
    "Jānis",
    "Līga",
    "Māris",
    "Ilze",
    "Andris",
    "Inese",
    "Pēteris",
    "Dace",
    "Edgars",
    "Kristīne",
    "Guntis",
    "Sanita",
    "Raimonds",
    "Žanete",
    "Ģirts",
    "Ņina",
    "Ķirsis",
    "Laura",
    "Aivars",
];
const FAMILY: [&str; 25] = [
    "Bērziņa",
    "Ozoliņš",
    "Kalniņa",
    "Šķēle",
    "Ūdre",
    "Čakste",
    "Ļaviņa",
    "Zīle",
    "Liepa",
    "Kļaviņš",
    "Vītola",
    "Krūmiņš",
    "Balode",
    "Jansons",
    "Eglīte",
    "Pētersons",
    "Siliņa",
    "Vanags",
    "Strazdiņa",
    "Zariņš",
    "Lapiņa",
    "Kārkliņš",
    "Priede",
    "Rozīte",
    "Āboliņš",
];

/// A deterministic pseudo-random sequence (a 64-bit LCG), so fixtures are the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn registry_of(count: u32) -> ClientRegistry {
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let mut registry = ClientRegistry::new();
    for n in 0..count {
        let given = GIVEN[(n % 20) as usize];
        let family = FAMILY[((n / 20) % 25) as usize];
        let details = ClientDetails::person(Person::try_new(given, family).unwrap())
            .with_email(EmailAddress::try_new(&format!("client{n}@example.lv")).unwrap());
        registry
            .register(
                ClientId::new(Uuid::from_u128(u128::from(n) + 1)),
                details,
                at,
            )
            .unwrap();
    }
    registry
}

/// Targets: register ≤ 5 µs each, name search ≤ 2 ms, with 100 000 clients.
fn registry(c: &mut Criterion) {
    let mut group = c.benchmark_group("clients/registry");
    let at = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let mut registry = registry_of(CLIENTS);
    let mut next: u128 = 1_000_000;
    group.bench_function("register/into_100k", |b| {
        b.iter_batched(
            || {
                next += 1;
                let details = ClientDetails::organisation(
                    Organisation::try_new(&format!("Ziemeļu Rati {next}")).unwrap(),
                )
                .with_email(EmailAddress::try_new(&format!("info{next}@example.lv")).unwrap());
                (ClientId::new(Uuid::from_u128(next)), details)
            },
            |(id, details)| black_box(registry.register(id, details, at)),
            BatchSize::SmallInput,
        )
    });
    let registry = registry_of(CLIENTS);
    group.bench_function("search/full_name_100k", |b| {
        b.iter(|| black_box(registry.search(black_box("berzina anna"))).len())
    });
    group.bench_function("search/prefix_100k", |b| {
        b.iter(|| black_box(registry.search(black_box("ozol"))).len())
    });
    group.finish();
}

/// Target: aggregation of 100 000 responses ≤ 50 ms.
fn survey(c: &mut Criterion) {
    let survey: Survey = serde_json::from_str(include_str!(
        "../../crates/apkalpe-clients/tests/fixtures/survey.json"
    ))
    .unwrap();
    let mut random = Lcg(42);
    let heard = ["web", "friend", "ad", "other"];
    let channels = ["visit", "phone", "email", "chat"];
    let segments = [
        Segment::try_new("retail").unwrap(),
        Segment::try_new("wholesale").unwrap(),
    ];
    let q = |id: &str| QuestionId::try_new(id).unwrap();
    let responses: Vec<Response> = (0..100_000)
        .map(|n| {
            let chosen: Vec<OptionId> = channels
                .iter()
                .filter(|_| random.next(2) == 0)
                .map(|id| OptionId::try_new(id).unwrap())
                .collect();
            Response::new(ResponseId::try_new(&format!("r{n}")).unwrap())
                .with_segment(segments[random.next(2) as usize].clone())
                .with_answer(
                    q("heard"),
                    Answer::Choice(OptionId::try_new(heard[random.next(4) as usize]).unwrap()),
                )
                .with_answer(q("channels"), Answer::Choices(chosen))
                .with_answer(q("satisfaction"), Answer::Scale(1 + random.next(5) as u8))
                .with_answer(q("nps"), Answer::Scale(random.next(11) as u8))
        })
        .collect();
    let options = AggregateOptions::default().with_invited(250_000);
    let mut group = c.benchmark_group("clients/survey");
    group.sample_size(20);
    group.bench_function("aggregate/100k_responses", |b| {
        b.iter(|| black_box(survey.aggregate(black_box(&responses), &options).unwrap()))
    });
    group.finish();
}

/// A registration number with a valid check digit after the 10-digit prefix, if one exists.
fn registration_number(prefix: u64) -> Option<String> {
    const WEIGHTS: [u64; 11] = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];
    let digits = format!("{prefix:010}");
    let sum: u64 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(digit, weight)| u64::from(digit - b'0') * weight)
        .sum();
    (0..10)
        .find(|check| (sum + check) % 11 == 3)
        .map(|check| format!("{digits}{check}"))
}

/// Target: loading register.csv ≥ 50 MB/s.
fn register(c: &mut Criterion) {
    let mut text = String::from(
        "regcode;sepa;name;name_before_quotes;name_in_quotes;name_after_quotes;without_quotes;regtype;regtype_text;type;type_text;registered;terminated;closed;address;index;addressid;region;city;atvk;reregistration_term\n",
    );
    let mut prefix = 4_000_300_000_u64;
    let mut rows = 0;
    while rows < 50_000 {
        prefix += 1;
        let Some(number) = registration_number(prefix) else {
            continue;
        };
        rows += 1;
        let name = format!("{} {}", FAMILY[rows % 25], GIVEN[rows % 20]);
        let (terminated, closed) = if rows % 10 == 0 {
            ("2020-05-01", "L")
        } else {
            ("", "")
        };
        text.push_str(&format!(
            "{number};LV{rows:02}ZZZ{number};\"SIA \"\"{name}\"\"\";SIA;{name};;{name};K;Komercreģistrs;SIA;Sabiedrība ar ierobežotu atbildību;2005-03-{:02};{terminated};{closed};Rīga, Brīvības iela {rows};LV-1010;{rows};Rīga;Rīga;0010000;\n",
            1 + rows % 28
        ));
    }
    let bytes = text.into_bytes();
    let mut group = c.benchmark_group("clients/register");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("load/synthetic_50k_rows", |b| {
        b.iter(|| {
            let loaded = RegisterFile::from_reader(black_box(bytes.as_slice())).unwrap();
            black_box(loaded.register().len())
        })
    });
    let register = RegisterFile::from_reader(bytes.as_slice())
        .unwrap()
        .into_register();
    let number = apkalpe_core::RegistrationNumber::try_new(
        &registration_number(4_000_312_345)
            .unwrap_or_else(|| registration_number(4_000_312_346).unwrap()),
    )
    .unwrap();
    group.throughput(Throughput::Elements(1));
    group.bench_function("look_up/50k_rows", |b| {
        b.iter(|| black_box(register.get(black_box(&number))))
    });
    group.finish();
}

/// Issue 13: restoring a saved registry (serialise + deserialise, the indexes rebuilt) must
/// stay linear-ish. Target: 10 000 clients in a few milliseconds, so a desk opening a store of
/// that size stays well under 100 ms; 100 000 reported for scale.
fn restore(c: &mut Criterion) {
    let mut group = c.benchmark_group("clients/restore");
    group.sample_size(10);
    for count in [10_000, CLIENTS] {
        let registry = registry_of(count);
        let json = serde_json::to_string(&registry).unwrap();
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(format!("registry_{count}"), |b| {
            b.iter(|| {
                let json = serde_json::to_string(black_box(&registry)).unwrap();
                let restored: ClientRegistry = serde_json::from_str(&json).unwrap();
                black_box(restored.len())
            })
        });
        group.bench_function(format!("deserialize_only_{count}"), |b| {
            b.iter(|| {
                let restored: ClientRegistry = serde_json::from_str(black_box(&json)).unwrap();
                black_box(restored.len())
            })
        });
    }
    group.finish();
}

/// Issue 16: a client's retention holds as core facts, decided field by field, and the
/// crate's errors in Latvian. Targets: the facts and a decision per field ≤ 20 µs for a
/// client with a dozen holds; one Latvian message ≤ 1 µs.
fn retention_and_messages(c: &mut Criterion) {
    use apkalpe_clients::{PersonalField, RetentionHold};
    use apkalpe_core::{Language, LocalizedError};
    let mut group = c.benchmark_group("clients/issue16");
    let client = ClientId::new(Uuid::from_u128(1));
    let holds: Vec<RetentionHold> = (0..12_u32)
        .map(|n| {
            let fields = match n % 3 {
                0 => vec![PersonalField::Name, PersonalField::Addresses],
                1 => vec![
                    PersonalField::Name,
                    PersonalField::Emails,
                    PersonalField::FreeTexts,
                ],
                _ => vec![PersonalField::PersonalCode],
            };
            RetentionHold::try_new(
                &format!("invoice INV-2026-{n}"),
                chrono::NaiveDate::from_ymd_opt(2027 + n as i32, 12, 31).unwrap(),
                fields,
            )
            .unwrap()
        })
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2030, 6, 1).unwrap();
    let parts: Vec<_> = PersonalField::ALL
        .iter()
        .map(|field| field.record_part().unwrap())
        .collect();
    group.bench_function("retention/facts_and_every_field_12_holds", |b| {
        b.iter(|| {
            let facts = RetentionHold::facts(client, black_box(&holds)).unwrap();
            parts
                .iter()
                .filter(|part| !facts.decide_part(part, today).unwrap().may_erase())
                .count()
        })
    });
    let error = apkalpe_clients::StaffMember::try_new(&"x".repeat(101)).unwrap_err();
    group.bench_function("message/latvian_text_too_long", |b| {
        b.iter(|| black_box(&error).message_in(Language::Latvian))
    });
    group.finish();
}

criterion_group!(
    benches,
    registry,
    survey,
    register,
    restore,
    retention_and_messages
);
criterion_main!(benches);
