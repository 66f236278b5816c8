//! Benchmarks of apkalpe-documents. Targets from issue 5 are noted beside each bench;
//! fixtures are generated deterministically here, outside the timed closures.
// A bench harness: unwrap on fixed, known-good inputs is fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use apkalpe_core::Calendar;
use apkalpe_documents::{
    AnswerRules, Assignee, CaseIndex, ClosedCase, CountingRule, DeadlineRegime, Document,
    DocumentDraft, DocumentFlow, DocumentId, DocumentKind, FilePlan, FlowAction, FlowEvent,
    LegalHold, OpenCase, Register, RegisterKind, Requisite, destruction_list, overdue_list,
};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

const MILLION: usize = 1_000_000;

const PLAN: &str = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
    1;Vadība;;;;;;;\n\
    1.1;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;;\n\
    2;Klientu apkalpošana;;;;;;;\n\
    2.1;;Patērētāju pretenzijas;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n\
    2.2;;Sarakste ar klientiem;3 gadi;uzņēmuma noteikumi;Klientu nodaļa;elektronisks;;\n\
    2.3;;Klientu iesniegumi;10 gadi;uzņēmuma noteikumi;Klientu nodaļa;papīrs;;\n";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn letter(date: NaiveDate) -> Document {
    DocumentDraft::new(DocumentKind::IncomingLetter)
        .with(Requisite::Author, "SIA Klients")
        .with_date(date)
        .with(Requisite::Text, "Lūdzam pārskatīt rēķinu.")
        .with(Requisite::Signature, "P. Kalns")
        .validate()
        .unwrap()
}

/// Target: registering 1 000 000 documents ≤ 1 s in total (validated documents are built
/// outside the timed part; the register issues 1 000 000 gapless numbers and keeps every
/// record).
fn register(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents/register");
    group.sample_size(10);
    let prototype = letter(day(2026, 3, 2));
    let indexes: Vec<CaseIndex> = ["2.1", "2.2", "2.3"]
        .iter()
        .map(|i| i.parse().unwrap())
        .collect();
    group.bench_function("register/1_000_000", |b| {
        b.iter_batched(
            || vec![prototype.clone(); MILLION],
            |documents| {
                let mut register =
                    Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
                register.reserve(MILLION);
                let date = day(2026, 3, 2);
                for (n, (document, index)) in documents
                    .into_iter()
                    .zip(indexes.iter().cycle())
                    .enumerate()
                {
                    let id = DocumentId::from_u128(u128::try_from(n).unwrap());
                    register.register(id, document, index, date).unwrap();
                }
                black_box(register)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// 1 000 000 closed cases of 2015-2024 over a small plan; every 50th has a legal hold.
fn closed_cases() -> Vec<ClosedCase> {
    let mut prototypes = Vec::new();
    for year in 2015..=2024 {
        let plan = FilePlan::from_csv(year, PLAN).unwrap();
        for index in ["1.1", "2.1", "2.2", "2.3"] {
            let mut case = OpenCase::open(&plan, &index.parse().unwrap(), day(year, 1, 2)).unwrap();
            case.file(DocumentId::from_u128(1)).unwrap();
            prototypes.push(
                case.close(day(year, 12, 31), None, CountingRule::default())
                    .unwrap(),
            );
        }
    }
    let hold = LegalHold::try_new("LH-1", "tiesvedība", day(2025, 6, 1)).unwrap();
    prototypes
        .iter()
        .cycle()
        .take(MILLION)
        .enumerate()
        .map(|(n, prototype)| {
            let mut case = prototype.clone();
            if n % 50 == 0 {
                case.place_hold(hold.clone());
            }
            case
        })
        .collect()
}

/// Target: the destruction list over 1 000 000 cases ≤ 100 ms.
fn archive(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents/archive");
    group.sample_size(10);
    let cases = closed_cases();
    let today = day(2026, 3, 2);
    group.bench_function("destruction_list/1_000_000", |b| {
        b.iter(|| {
            black_box(destruction_list(black_box(&cases), today))
                .due()
                .len()
        })
    });
    group.finish();
}

/// 1 000 000 flows: a third with a resolution deadline in March 2026, some completed.
fn flows() -> Vec<DocumentFlow> {
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().unwrap();
    let person = Assignee::person("k.kalna").unwrap();
    let registered = day(2026, 3, 2);
    (0..MILLION)
        .map(|n| {
            let mut flow = DocumentFlow::new(
                DocumentId::from_u128(u128::try_from(n).unwrap()),
                registered,
            );
            let deadline = registered.checked_add_days(Days::new(u64::try_from(n % 30).unwrap()));
            let action =
                FlowAction::resolve(person.clone(), "Sagatavot atbildi", deadline).unwrap();
            flow.apply(FlowEvent::try_new(at, "valde", action).unwrap())
                .unwrap();
            if n % 3 == 0 {
                let done = FlowAction::complete("atbildēts").unwrap();
                flow.apply(FlowEvent::try_new(at, "k.kalna", done).unwrap())
                    .unwrap();
            }
            flow
        })
        .collect()
}

/// Target: the overdue list ≤ 50 ms (measured over 1 000 000 flows).
fn overdue(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents/flow");
    group.sample_size(10);
    let flows = flows();
    let today = day(2026, 3, 20);
    group.bench_function("overdue_list/1_000_000", |b| {
        b.iter(|| black_box(overdue_list(black_box(&flows), today)).len())
    });
    group.finish();
}

/// A complaint's answer deadline (no target; for reference).
fn deadline(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents/submission");
    let rules = AnswerRules::latvia();
    let calendar = Calendar::latvia();
    let received = day(2026, 12, 10);
    group.bench_function("deadline/consumer", |b| {
        b.iter(|| rules.deadline(DeadlineRegime::Consumer, black_box(received), &calendar))
    });
    group.bench_function("file_plan/parse_csv", |b| {
        b.iter(|| FilePlan::from_csv(2026, black_box(PLAN)))
    });
    group.finish();
}

/// A register of 10 000 documents over two years (2026 and 2027), every tenth corrected
/// once, saved as JSON.
fn saved_register() -> String {
    let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
    let indexes: Vec<CaseIndex> = ["2.1", "2.2", "2.3"]
        .iter()
        .map(|i| i.parse().unwrap())
        .collect();
    for (n, index) in (0..10_000_u32).zip(indexes.iter().cycle()) {
        let date = if n < 6_000 {
            day(2026, 1, 2) + Days::new(u64::from(n / 20))
        } else {
            day(2027, 1, 4) + Days::new(u64::from((n - 6_000) / 20))
        };
        let id = DocumentId::from_u128(u128::from(n));
        register.register(id, letter(date), index, date).unwrap();
        if n % 10 == 0 {
            let fixed = letter(date)
                .to_draft()
                .with(Requisite::Text, "Lūdzam pārskatīt rēķinu Nr. 2026/16.")
                .validate()
                .unwrap();
            register.correct(id, fixed, "numurs labots", date).unwrap();
        }
    }
    serde_json::to_string(&register).unwrap()
}

/// Issue 13: restoring an aggregate is O(n log n) at most; the register re-validates every
/// document, checks ids, numbers and sequences and rebuilds its id index. No numeric target
/// beyond that; for reference.
fn restore(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents/restore");
    group.sample_size(10);
    let json = saved_register();
    group.bench_function("register_10000_documents", |b| {
        b.iter(|| {
            let register: Register = serde_json::from_str(black_box(&json)).unwrap();
            black_box(register.documents().len())
        })
    });
    group.finish();
}

criterion_group!(benches, register, archive, overdue, deadline, restore);
criterion_main!(benches);
