//! Strategies for `apkalpe-documents`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
//!
//! Aggregates come from random sequences of their operations (refused operations included,
//! so every refusal path runs), weighted toward the boundaries where the rules bite: year
//! ends, the first and last sequence a pattern can show, texts at their length limits,
//! repeated ids, dates that go back.

use apkalpe_core::{Address, Calendar, CountryCode, Currency, Language, Money, Party, PartyName};
use apkalpe_documents::{
    AccessLevel, AccessLog, AccessLogEntry, AccountingRecord, AnswerDeadline, AnswerOutcome,
    AnswerRule, AnswerRules, AnsweredSubmission, ArchivePolicy, Assignee, CaseDescription,
    CaseIndex, Channel, ClaimPeriodCheck, ClosedCase, Contract, ContractTerm, CountingRule,
    DeadlineRegime, Decision, DestructionAct, DestructionEntry, Document, DocumentDraft,
    DocumentFlow, DocumentId, DocumentKind, DocumentVersion, FilePlan, FilePlanChange,
    FilePlanEntry, FilePlanEntryInput, FilePlanProblem, FlowAction, FlowEvent, FlowStatus,
    ForwardAction, ForwardedSubmission, Gender, KeepReason, LegalHold, Letter, Meeting, Minutes,
    MinutesBook, NewSubmission, OpenCase, OpenSubmission, ReadOutcome, Reader, RegimeKind,
    Register, RegisterError, RegisterKind, RegisteredDocument, RegistrationPattern, Renewal,
    Requisite, RequisiteProblem, RetentionDecision, RetentionFacts, RetentionObligation,
    RetentionPeriod, SaleChannel, Salutation, Signatory, SubmissionKind, TextProblem,
    TransferEntry, TransferList, WithdrawalException, WithdrawalInformation, WithdrawalOutcome,
    WithdrawalStart, claim_period, destruction_list, read_document, retention_decision,
    transfer_list, withdrawal_deadline,
};
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::select;

use super::{date, money_in};

/// The date `year`-`month`-`day`; panics on a date that does not exist (test data only).
fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid literal date")
}

/// `date` moved by `days` (either way).
fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    date + TimeDelta::days(days)
}

/// A one-line text as people type it: realistic Latvian phrases, random characters (with
/// surrounding spaces the constructors trim), and one of exactly `max` characters.
fn line(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "SIA Klients",
            "Anna Kalniņa",
            "Jānis Bērziņš",
            "Rīga",
            "Valdes loceklis P. Kalns",
            "Klientu apkalpošanas nodaļa",
            "Par rēķinu Nr. 2026/15",
            "\"Ķeizarmežs\" & Co",
        ])
        .prop_map(str::to_owned),
        3 => "[ ]{0,2}[A-Za-zĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž0-9][A-Za-zĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž0-9 .,;:()/-]{0,40}[ ]{0,2}",
        1 => Just("ž".repeat(max)),
    ]
}

/// A text that may span lines: a [`line`], or several with line breaks and tabs.
fn lines(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => line(max),
        1 => Just("Labdien!\n\n\tLūdzu apmainīt tējkannu.\r\nAr cieņu".to_owned()),
    ]
}

/// Any document kind.
pub fn document_kind() -> impl Strategy<Value = DocumentKind> {
    select(DocumentKind::ALL.to_vec())
}

/// Any access level.
pub fn access_level() -> impl Strategy<Value = AccessLevel> {
    select(vec![
        AccessLevel::Public,
        AccessLevel::Internal,
        AccessLevel::RestrictedAccess,
        AccessLevel::CommercialSecret,
    ])
}

/// A valid document of `kind` dated `date`: every required requisite (the signature or the
/// e-signature line), sometimes an optional one, any access level.
pub fn document_of(kind: DocumentKind, date: NaiveDate) -> impl Strategy<Value = Document> {
    (
        access_level(),
        prop::collection::vec(lines(300), 3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(access, values, electronic, optional)| {
            let mut draft = DocumentDraft::new(kind).with_access(access);
            for (requisite, value) in kind.required().into_iter().zip(values.iter().cycle()) {
                draft = match requisite {
                    Requisite::Date => draft.with_date(date),
                    Requisite::Signature if electronic => draft.with(
                        Requisite::ElectronicSignatureNote,
                        Requisite::ELECTRONIC_SIGNATURE_LINE,
                    ),
                    // The single-line requisites take no line breaks.
                    Requisite::Text
                    | Requisite::Addressee
                    | Requisite::Signature
                    | Requisite::AnnexNote => draft.with(requisite, value.clone()),
                    _ => draft.with(requisite, value.replace(['\n', '\r', '\t'], " ")),
                };
            }
            if optional {
                draft = draft.with(Requisite::Preparer, "K. Kalna, 67000000");
            }
            draft
                .validate()
                .expect("every required requisite is set with a valid value")
        })
}

/// Any valid document of any kind, dated in 2026.
pub fn document() -> impl Strategy<Value = Document> {
    (document_kind(), 1_u32..=365)
        .prop_flat_map(|(kind, day)| document_of(kind, shift(ymd(2025, 12, 31), i64::from(day))))
}

/// A case index of a small plan (`1`, `2.1`, …) or a deep one, weighted to the short ones.
pub fn case_index() -> impl Strategy<Value = CaseIndex> {
    prop_oneof![
        4 => select(vec!["1", "1.1", "2", "2.1", "2.2", "2.10", "3.1a"]).prop_map(str::to_owned),
        1 => Just("1.2.3.4.5.6.7.8".to_owned()),
        1 => Just("abcdefghij.1".to_owned()),
    ]
    .prop_map(|text| text.parse().expect("a valid index"))
}

/// Any registration pattern of the set a desk uses, and the narrow `{seq:1}` ones that run
/// out after 9 documents a year.
pub fn registration_pattern() -> impl Strategy<Value = RegistrationPattern> {
    select(PATTERNS.to_vec())
        .prop_map(|text| RegistrationPattern::try_new(text).expect("a valid pattern"))
}

/// The patterns the register strategies use.
const PATTERNS: [&str; 6] = [
    "{index}/{seq}",
    "{yy}-{index}/{seq}",
    "L-{index}/{seq:3}",
    "{year}/{seq:2}",
    "{index}/{seq:1}",
    "{seq}",
];

/// One operation on a [`Register`], for properties that replay a register's life.
#[derive(Debug, Clone)]
pub enum RegisterOp {
    /// [`Register::register`].
    Register {
        /// The id, from a small range so repeats happen.
        id: DocumentId,
        /// The document (of any kind, so some are refused).
        document: Document,
        /// The case.
        index: CaseIndex,
        /// The registration date.
        on: NaiveDate,
    },
    /// [`Register::correct`] with a document of the kind the id was registered with, if any.
    Correct {
        /// The id.
        id: DocumentId,
        /// The reason (blank or too long ones are refused).
        reason: String,
        /// The correction date.
        on: NaiveDate,
    },
    /// [`Register::archive_before`].
    Archive {
        /// The horizon.
        before: NaiveDate,
    },
}

impl RegisterOp {
    /// Applies the operation; a correction re-records the current document with a changed
    /// preparer. Returns the number a registration issued.
    ///
    /// # Errors
    ///
    /// The register's refusal.
    pub fn apply(&self, register: &mut Register) -> Result<Option<String>, RegisterError> {
        match self {
            RegisterOp::Register {
                id,
                document,
                index,
                on,
            } => register
                .register(*id, document.clone(), index, *on)
                .map(|record| Some(record.number().to_owned())),
            RegisterOp::Correct { id, reason, on } => {
                let corrected = register.get(*id).map(|record| {
                    record
                        .current()
                        .to_draft()
                        .with(Requisite::Preparer, format!("labots {on}"))
                        .validate()
                        .expect("a valid document with a valid preparer stays valid")
                });
                match corrected {
                    Some(corrected) => register.correct(*id, corrected, reason, *on).map(|_| None),
                    None => {
                        let document = DocumentDraft::new(DocumentKind::IncomingLetter)
                            .with(Requisite::Author, "A")
                            .with_date(*on)
                            .with(Requisite::Text, "T")
                            .with(Requisite::Signature, "S")
                            .validate()
                            .expect("a valid letter");
                        register.correct(*id, document, reason, *on).map(|_| None)
                    }
                }
            }
            RegisterOp::Archive { before } => {
                register.archive_before(*before);
                Ok(None)
            }
        }
    }
}

/// How the register's clock moves between operations: mostly forward a few days, sometimes
/// weeks, sometimes back (within a year a register takes earlier dates; across a year end it
/// refuses them).
fn step() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => 0_i64..4,
        2 => 4_i64..60,
        1 => -40_i64..0,
    ]
}

/// One operation of kind `choice` on the day `on`.
fn register_op(on: NaiveDate) -> impl Strategy<Value = RegisterOp> {
    let register =
        (0_u128..40, document_kind(), case_index()).prop_flat_map(move |(id, kind, index)| {
            document_of(kind, on).prop_map(move |document| RegisterOp::Register {
                id: DocumentId::from_u128(id),
                document,
                index: index.clone(),
                on,
            })
        });
    let correct = (
        0_u128..40,
        prop_oneof![4 => line(500), 1 => Just(" ".to_owned()), 1 => Just("x".repeat(501))],
        -3_i64..3,
    )
        .prop_map(move |(id, reason, back)| RegisterOp::Correct {
            id: DocumentId::from_u128(id),
            reason,
            on: shift(on, back),
        });
    let archive = (-120_i64..10).prop_map(move |back| RegisterOp::Archive {
        before: shift(on, back),
    });
    prop_oneof![24 => register, 8 => correct, 1 => archive]
}

/// A register's kind, pattern and a life of 0 to 60 operations starting in mid-November
/// 2025 (so most lives cross a year end).
pub fn register_life() -> impl Strategy<Value = (RegisterKind, RegistrationPattern, Vec<RegisterOp>)>
{
    (
        select(vec![
            RegisterKind::Incoming,
            RegisterKind::Outgoing,
            RegisterKind::Internal,
        ]),
        registration_pattern(),
        prop::collection::vec(step(), 0..60),
    )
        .prop_flat_map(|(kind, pattern, steps)| {
            let mut day = ymd(2025, 11, 15);
            let days: Vec<NaiveDate> = steps
                .into_iter()
                .map(|step| {
                    day = shift(day, step);
                    day
                })
                .collect();
            let ops: Vec<_> = days.into_iter().map(register_op).collect();
            (Just(kind), Just(pattern), ops)
        })
}

/// Runs a register's life, ignoring refusals.
pub fn live(kind: RegisterKind, pattern: &RegistrationPattern, ops: &[RegisterOp]) -> Register {
    let mut register =
        Register::try_new(kind, &pattern.to_string()).expect("a pattern that parsed parses");
    for op in ops {
        let _ = op.apply(&mut register);
    }
    register
}

/// Any register a program can reach: a random life of registrations, corrections and
/// archiving.
pub fn register() -> impl Strategy<Value = Register> {
    register_life().prop_map(|(kind, pattern, ops)| live(kind, &pattern, &ops))
}

/// A register with at least one record kept, for its records.
fn busy_register() -> impl Strategy<Value = Register> {
    register().prop_filter("a record kept", |register| !register.documents().is_empty())
}

/// Any registered record (with its corrections) of a reachable register.
pub fn registered_document() -> impl Strategy<Value = RegisteredDocument> {
    (busy_register(), any::<prop::sample::Index>())
        .prop_map(|(register, at)| at.get(register.documents()).clone())
}

/// Any version of a registered record.
pub fn document_version() -> impl Strategy<Value = DocumentVersion> {
    (registered_document(), any::<prop::sample::Index>()).prop_map(|(record, at)| {
        let versions: Vec<DocumentVersion> = record.versions().cloned().collect();
        at.get(&versions).clone()
    })
}

/// The file plan the case strategies open cases from: levels, permanent, short- and
/// long-term cases, one counted from an event.
const PLAN: &str = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
    1;Vadība;;;;;;;\n\
    1.1;;Valdes lēmumi;pastāvīgi;;Valde;elektronisks;DVS;\n\
    1.2;;Personāla lietas;90 gadi no personas dzimšanas;MK 690;Personāldaļa;papīrs;;\n\
    2;Klientu apkalpošana;;;;;;;\n\
    2.1;;Klientu sūdzības un atbildes;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n\
    2.2;;Sarakste ar klientiem;2 gadi;uzņēmuma noteikumi;Klientu nodaļa;jaukts;;\n\
    2.3;;Līgumi ar klientiem;11 gadi;Civillikums;Juridiskā nodaļa;papīrs;;ar pielikumiem\n";

/// The case entries of [`PLAN`].
const CASES: [&str; 5] = ["1.1", "1.2", "2.1", "2.2", "2.3"];

/// The sample plan for `year`.
fn plan(year: i32) -> FilePlan {
    FilePlan::from_csv(year, PLAN).expect("the sample plan is valid")
}

/// One file-plan row as entered: a level or a case with any retention (temporary ones with
/// their basis), any medium, optional columns set or not.
pub fn file_plan_entry() -> impl Strategy<Value = FilePlanEntry> {
    (
        case_index(),
        any::<bool>(),
        line(300),
        select(vec![
            "pastāvīgi",
            "1 gads",
            "5 gadi",
            "10y",
            "11 gadi",
            "999 gadi",
            "90 gadi no personas dzimšanas",
            "0 gadi no darbības izbeigšanas",
        ]),
        line(300),
        line(300),
        select(vec!["papīrs", "elektronisks", "jaukts", "cits"]),
        proptest::option::of(line(300)),
        proptest::option::of(line(1000)),
    )
        .prop_map(
            |(index, is_case, title, retention, basis, responsible, medium, system, other)| {
                let input = FilePlanEntryInput {
                    index: index.to_string(),
                    level_name: if is_case {
                        String::new()
                    } else {
                        title.clone()
                    },
                    title: if is_case { title } else { String::new() },
                    retention: if is_case {
                        retention.to_owned()
                    } else {
                        String::new()
                    },
                    legal_basis: if is_case { basis } else { String::new() },
                    responsible: if is_case { responsible } else { String::new() },
                    medium: if is_case {
                        medium.to_owned()
                    } else {
                        String::new()
                    },
                    information_system: system.unwrap_or_default(),
                    other: other.unwrap_or_default(),
                };
                FilePlanEntry::try_from(input).expect("a complete row is valid")
            },
        )
}

/// The case part of a case entry.
pub fn case_description() -> impl Strategy<Value = CaseDescription> {
    file_plan_entry().prop_filter_map("a case entry", |entry| entry.case().cloned())
}

/// A change for next year's plan.
pub fn file_plan_change() -> impl Strategy<Value = FilePlanChange> {
    prop_oneof![
        file_plan_entry().prop_map(FilePlanChange::Add),
        file_plan_entry().prop_map(FilePlanChange::Replace),
        case_index().prop_map(FilePlanChange::Remove),
    ]
}

/// Any valid file plan: the sample plan of a year from 1900 to 9999, copied to the next year
/// with random changes (refused copies skipped), or a plan of random entries that has every
/// parent.
pub fn file_plan() -> impl Strategy<Value = FilePlan> {
    let copied = (
        prop_oneof![1 => Just(1900_i32), 1 => Just(9998), 4 => 2000_i32..2100],
        prop::collection::vec(file_plan_change(), 0..6),
    )
        .prop_map(|(year, changes)| {
            let sample = plan(year);
            sample.copy_to_next_year(changes).unwrap_or(sample)
        });
    let random = prop::collection::vec(file_plan_entry(), 1..12)
        .prop_filter_map("entries whose parents are present", |entries| {
            FilePlan::try_new(2026, entries).ok()
        });
    prop_oneof![3 => copied, 1 => random]
}

/// The problems of a broken file plan, as validation reports them.
pub fn file_plan_problem() -> impl Strategy<Value = FilePlanProblem> {
    let broken = select(vec![
        "1;Vadība;;;;;;;\n1.1;;;5 gadi;;;;;\n",
        "1;;;;;;;;\n",
        "1.;x;;;;;;;\n",
        "1;Vadība;;;;;;;\n1.1;;T;5 mēneši;B;R;papīrs;;\n",
        "1;Vadība;;;;;;;\n1.1;;T;pastāvīgi;;R;disketes;;\n",
        "1;Vadība;;;;;;;\n1;Vadība;;;;;;;\n",
        "2.1;;T;pastāvīgi;;R;papīrs;;\n",
        "1;x\n",
        "1;\u{7};;;;;;;\n",
    ]);
    let header = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n";
    let csv = prop_oneof![
        6 => broken.prop_map(move |rows| format!("{header}{rows}")),
        1 => Just(String::new()),
        1 => Just("a;b\n".to_owned()),
        1 => Just(format!("{header}1;\"Vadība;;;;;;;;\n")),
    ];
    (csv, any::<prop::sample::Index>()).prop_map(|(csv, at)| {
        let error = FilePlan::from_csv(2026, &csv).expect_err("a broken plan");
        at.get(error.problems()).clone()
    })
}

/// Any requisite problem validation reports.
pub fn requisite_problem() -> impl Strategy<Value = RequisiteProblem> {
    (
        document_kind(),
        prop::collection::vec(
            (
                select(vec![
                    Requisite::Author,
                    Requisite::Date,
                    Requisite::RegistrationNumber,
                    Requisite::Title,
                    Requisite::Seal,
                    Requisite::Text,
                ]),
                select(vec!["", " ", "2026-02-30", "x\u{7}", "Teksts"]).prop_map(str::to_owned),
            ),
            0..4,
        ),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(kind, values, at)| {
            let mut draft = DocumentDraft::new(kind);
            for (requisite, value) in values {
                draft = draft.with(requisite, value);
            }
            draft = draft.with(Requisite::Title, "t".repeat(301));
            let error = draft
                .validate()
                .expect_err("a long title is always a problem");
            at.get(error.problems()).clone()
        })
}

/// Any text problem.
pub fn text_problem() -> impl Strategy<Value = TextProblem> {
    requisite_problem().prop_filter_map("a text problem", |problem| problem.text_problem().cloned())
}

/// One closed case of the sample plan's `year`, or `None` when its life refused to close it.
fn close(
    case: OpenCase,
    closed_after: i64,
    event: Option<NaiveDate>,
    counting: CountingRule,
) -> Option<ClosedCase> {
    let closed_on = shift(case.opened_on(), closed_after);
    case.close(closed_on, event, counting).ok()
}

/// Any open case of the sample plan: opened in a year of 1900–9999 (year ends weighted),
/// with up to 20 documents filed (repeats refused).
pub fn open_case() -> impl Strategy<Value = OpenCase> {
    (
        prop_oneof![1 => Just(1900_i32), 1 => Just(9999), 4 => 1990_i32..2100],
        select(CASES.to_vec()),
        prop_oneof![1 => Just(0_u32), 1 => Just(364), 3 => 0_u32..365],
        prop::collection::vec(0_u128..25, 0..20),
    )
        .prop_map(|(year, index, day, documents)| {
            let opened_on = shift(ymd(year, 1, 1), i64::from(day));
            let opened_on = if opened_on.year() == year {
                opened_on
            } else {
                ymd(year, 12, 31)
            };
            let mut case = OpenCase::open(
                &plan(year),
                &index.parse().expect("a case index"),
                opened_on,
            )
            .expect("a case entry of the plan's year");
            for document in documents {
                let _ = case.file(DocumentId::from_u128(document));
            }
            case
        })
}

/// Any closed case: an open case closed on its opening day or later, counted from the
/// closing or from an event (a birth, for a personnel file), then held, lifted and
/// transferred at random.
pub fn closed_case() -> impl Strategy<Value = ClosedCase> {
    (
        open_case(),
        prop_oneof![1 => Just(0_i64), 3 => 0_i64..400],
        proptest::option::of(date()),
        select(vec![
            CountingRule::FromFirstJanuaryAfter,
            CountingRule::FromDate,
        ]),
        prop::collection::vec((0_u8..3, -30_i64..800, any::<bool>(), 0_i64..400), 0..4),
        proptest::option::of(-10_i64..3000),
    )
        .prop_filter_map(
            "a case that closes",
            |(case, after, event, counting, holds, transfer)| {
                let mut closed = close(case, after, event, counting)?;
                for (id, placed, lift, lifted_after) in holds {
                    let placed_on = shift(closed.closed_on(), placed);
                    if let Ok(hold) =
                        LegalHold::try_new(&format!("LH-{id}"), "tiesvedība", placed_on)
                    {
                        closed.place_hold(hold);
                    }
                    if lift {
                        let _ =
                            closed.lift_hold(&format!("LH-{id}"), shift(placed_on, lifted_after));
                    }
                }
                if let Some(transfer) = transfer {
                    let _ = closed.mark_transferred(shift(closed.closed_on(), transfer));
                }
                Some(closed)
            },
        )
}

/// Any legal hold, lifted or not.
pub fn legal_hold() -> impl Strategy<Value = LegalHold> {
    (
        line(64),
        line(500),
        date(),
        proptest::option::of(0_i64..2000),
    )
        .prop_filter_map("a valid hold", |(id, reason, placed_on, lifted)| {
            let hold = LegalHold::try_new(&id, &reason, placed_on).ok()?;
            match lifted {
                Some(after) => hold.lift(shift(placed_on, after)).ok(),
                None => Some(hold),
            }
        })
}

/// Any retention period a file plan can give.
pub fn retention_period() -> impl Strategy<Value = RetentionPeriod> {
    prop_oneof![
        Just(RetentionPeriod::Permanent),
        (1_u16..=999).prop_map(RetentionPeriod::Years),
        (
            0_u16..=999,
            select(vec!["personas dzimšanas", "darbības izbeigšanas"])
        )
            .prop_map(|(years, event)| RetentionPeriod::YearsFromEvent {
                years,
                event: event.to_owned()
            }),
    ]
}

/// Any retention obligation: of a plan line, of an accounting record or of a personnel file.
pub fn retention_obligation() -> impl Strategy<Value = RetentionObligation> {
    let accounting = select(vec![
        AccountingRecord::AnnualReport,
        AccountingRecord::InventoryList,
        AccountingRecord::AccountingRegister,
        AccountingRecord::AccountingOrganisation,
        AccountingRecord::PayrollBefore1999,
        AccountingRecord::Payroll,
        AccountingRecord::SupportingDocument,
    ]);
    prop_oneof![
        2 => (
            retention_period(),
            proptest::option::of(date()),
            select(vec![CountingRule::FromFirstJanuaryAfter, CountingRule::FromDate]),
            line(300),
        )
            .prop_filter_map("a valid basis", |(period, from, counting, basis)| {
                RetentionObligation::try_new(period, from, counting, &basis).ok()
            }),
        1 => (accounting, proptest::option::of(date()))
            .prop_map(|(record, from)| RetentionObligation::accounting(record, from)),
        1 => proptest::option::of(date()).prop_map(RetentionObligation::personnel_file),
    ]
}

/// Any retention facts: up to 4 obligations and 3 holds.
pub fn retention_facts() -> impl Strategy<Value = RetentionFacts> {
    (
        prop::collection::vec(retention_obligation(), 0..4),
        prop::collection::vec(legal_hold(), 0..3),
    )
        .prop_map(|(obligations, holds)| {
            let facts = obligations
                .into_iter()
                .fold(RetentionFacts::new(), RetentionFacts::with_obligation);
            holds.into_iter().fold(facts, RetentionFacts::with_hold)
        })
}

/// Any decision of the retention engine.
pub fn retention_decision_value() -> impl Strategy<Value = RetentionDecision> {
    (retention_facts(), date()).prop_filter_map("a representable end", |(facts, today)| {
        retention_decision(&facts, today).ok()
    })
}

/// Any reason to keep a record.
pub fn keep_reason() -> impl Strategy<Value = KeepReason> {
    (retention_decision_value(), any::<prop::sample::Index>()).prop_filter_map(
        "a decision to keep",
        |(decision, at)| match decision {
            RetentionDecision::Keep { reasons, .. } if !reasons.is_empty() => {
                Some(at.get(&reasons).clone())
            }
            _ => None,
        },
    )
}

/// Any assignee.
pub fn assignee() -> impl Strategy<Value = Assignee> {
    (any::<bool>(), lines(100)).prop_filter_map("a valid name", |(person, name)| {
        if person {
            Assignee::person(&name).ok()
        } else {
            Assignee::unit(&name).ok()
        }
    })
}

/// Any flow action, built through its checked constructors.
pub fn flow_action() -> impl Strategy<Value = FlowAction> {
    prop_oneof![
        4 => assignee().prop_map(|to| FlowAction::Assign { to }),
        5 => (assignee(), lines(2_000), proptest::option::of(date())).prop_filter_map(
            "a valid instruction",
            |(to, instruction, deadline)| FlowAction::resolve(to, &instruction, deadline).ok()
        ),
        4 => Just(FlowAction::Start),
        1 => lines(2_000).prop_filter_map("a valid note", |note| FlowAction::complete(&note).ok()),
        1 => lines(500).prop_filter_map("a valid reason", |reason| FlowAction::cancel(&reason).ok()),
    ]
}

/// An instant of 2026, moved by `minutes`.
fn instant(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0)
        .single()
        .expect("a valid instant")
        + TimeDelta::minutes(minutes)
}

/// Any flow event.
pub fn flow_event() -> impl Strategy<Value = FlowEvent> {
    (-100_000_i64..100_000, line(100), flow_action())
        .prop_filter_map("a valid actor", |(minutes, actor, action)| {
            FlowEvent::try_new(instant(minutes), &actor, action).ok()
        })
}

/// Any document flow: a random trail applied in order (refused events skipped), with
/// instants that sometimes go back.
pub fn document_flow() -> impl Strategy<Value = DocumentFlow> {
    (
        0_u128..1000,
        date(),
        prop::collection::vec(
            (
                flow_action(),
                prop_oneof![4 => 0_i64..600, 1 => -60_i64..0],
                line(100),
            ),
            0..30,
        ),
    )
        .prop_map(|(id, registered_on, steps)| {
            let mut flow = DocumentFlow::new(DocumentId::from_u128(id), registered_on);
            let mut clock = 0_i64;
            for (action, step, actor) in steps {
                clock += step;
                if let Ok(event) = FlowEvent::try_new(instant(clock), &actor, action) {
                    let _ = flow.apply(event);
                }
            }
            flow
        })
}

/// Any status a flow reaches.
pub fn flow_status() -> impl Strategy<Value = FlowStatus> {
    document_flow().prop_map(|flow| flow.status().clone())
}

/// Any deadline regime: the two legal ones and a company's own term.
pub fn deadline_regime() -> impl Strategy<Value = DeadlineRegime> {
    prop_oneof![
        Just(DeadlineRegime::Consumer),
        Just(DeadlineRegime::Submission),
        super::period().prop_map(DeadlineRegime::Company),
    ]
}

/// Any answer rule.
pub fn answer_rule() -> impl Strategy<Value = AnswerRule> {
    (
        select(vec![RegimeKind::Consumer, RegimeKind::Submission]),
        proptest::option::of(date()),
        proptest::option::of(date()),
        super::period(),
        proptest::option::of((super::period(), line(300))),
        line(300),
        prop::collection::vec(line(300), 0..3),
        proptest::option::of((
            super::period(),
            select(vec![
                ForwardAction::Forwarded,
                ForwardAction::ApplicantInformed,
            ]),
        )),
    )
        .prop_map(
            |(regime, from, until, period, extension, basis, notes, forwarding)| {
                let rule = AnswerRule::new(regime, from, until, period, extension, basis, notes);
                match forwarding {
                    Some((period, action)) => rule.with_forwarding(period, action),
                    None => rule,
                }
            },
        )
}

/// The Latvian rules, or a table of random rules.
pub fn answer_rules() -> impl Strategy<Value = AnswerRules> {
    prop_oneof![
        Just(AnswerRules::latvia()),
        prop::collection::vec(answer_rule(), 0..4).prop_map(AnswerRules::from_rules),
    ]
}

/// Any answer deadline the Latvian rules give with the Latvian calendar.
pub fn answer_deadline() -> impl Strategy<Value = AnswerDeadline> {
    (deadline_regime(), date()).prop_filter_map(
        "a date the calendar counts",
        |(regime, received)| {
            AnswerRules::latvia()
                .deadline(regime, received, &Calendar::latvia())
                .ok()
        },
    )
}

/// Any submission as received.
pub fn new_submission() -> impl Strategy<Value = NewSubmission> {
    (
        line(50),
        select(vec![
            SubmissionKind::Complaint,
            SubmissionKind::Proposal,
            SubmissionKind::Application,
            SubmissionKind::Reclamation,
        ]),
        date(),
        select(vec![
            Channel::InPerson,
            Channel::Post,
            Channel::Email,
            Channel::Phone,
            Channel::Website,
            Channel::EAddress,
        ]),
        line(100),
        proptest::option::of(prop_oneof![3 => line(50), 1 => Just("  ".to_owned())]),
        lines(2_000),
    )
        .prop_map(
            |(number, kind, received_on, channel, client_id, invoice_number, summary)| {
                NewSubmission {
                    number,
                    kind,
                    received_on,
                    channel,
                    client_id,
                    invoice_number,
                    summary,
                }
            },
        )
}

/// Any open submission registered under any regime with the Latvian rules and calendar.
pub fn open_submission() -> impl Strategy<Value = OpenSubmission> {
    (new_submission(), deadline_regime()).prop_filter_map(
        "a registrable submission",
        |(new, regime)| {
            OpenSubmission::register(new, regime, &AnswerRules::latvia(), &Calendar::latvia()).ok()
        },
    )
}

/// Any answered submission: answered on its receipt day or up to 200 days later.
pub fn answered_submission() -> impl Strategy<Value = AnsweredSubmission> {
    (
        open_submission(),
        prop_oneof![1 => Just(0_i64), 3 => 0_i64..200],
        select(vec![
            AnswerOutcome::Accepted,
            AnswerOutcome::PartlyAccepted,
            AnswerOutcome::Refused,
            AnswerOutcome::Informed,
        ]),
        lines(5_000),
    )
        .prop_filter_map("a valid answer", |(open, after, outcome, answer)| {
            let on = shift(open.deadline().received_on(), after);
            open.answer(on, outcome, &answer).ok()
        })
}

/// Any submission under the Law on Submissions forwarded (or its applicant informed) on its
/// receipt day or up to 20 days later, with the Latvian rules and calendar.
pub fn forwarded_submission() -> impl Strategy<Value = ForwardedSubmission> {
    (
        new_submission(),
        prop_oneof![1 => Just(0_i64), 3 => 0_i64..20],
        select(vec![
            ForwardAction::Forwarded,
            ForwardAction::ApplicantInformed,
        ]),
        line(200),
    )
        .prop_filter_map("a forwardable submission", |(new, after, action, to)| {
            let (rules, calendar) = (AnswerRules::latvia(), Calendar::latvia());
            let open = OpenSubmission::register(new, DeadlineRegime::Submission, &rules, &calendar)
                .ok()?;
            let on = shift(open.deadline().received_on(), after);
            open.forward(on, &to, action, &rules, &calendar).ok()
        })
}

/// Any claim-period check.
pub fn claim_period_check() -> impl Strategy<Value = ClaimPeriodCheck> {
    (date(), -100_i64..900).prop_filter_map("a representable end", |(received, after)| {
        claim_period(received, shift(received, after)).ok()
    })
}

/// Any withdrawal outcome.
pub fn withdrawal_outcome() -> impl Strategy<Value = WithdrawalOutcome> {
    (
        date(),
        0_u8..4,
        any::<bool>(),
        proptest::option::of(select(vec![
            WithdrawalException::PersonalisedGoods,
            WithdrawalException::PerishableGoods,
            WithdrawalException::DatedLeisureService,
        ])),
    )
        .prop_filter_map(
            "a date the calendar counts",
            |(day, start, informed, exception)| {
                let start = match start {
                    0 => WithdrawalStart::GoodsReceived(day),
                    1 => WithdrawalStart::LastItemReceived(day),
                    2 => WithdrawalStart::FirstRegularDelivery(day),
                    _ => WithdrawalStart::ContractConcluded(day),
                };
                let information = if informed {
                    WithdrawalInformation::Informed
                } else {
                    WithdrawalInformation::NotInformed
                };
                withdrawal_deadline(start, information, exception, &Calendar::latvia()).ok()
            },
        )
}

/// A party of a contract: an organisation or a person in Riga.
fn party() -> impl Strategy<Value = Party> {
    (any::<bool>(), line(200)).prop_filter_map("a valid name", |(organisation, name)| {
        let name = PartyName::try_new(&name).ok()?;
        let address =
            Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).ok()?;
        Some(if organisation {
            Party::organisation(name, address)
        } else {
            Party::person(name, address)
        })
    })
}

/// Any signatory (for party 0 to 3).
pub fn signatory() -> impl Strategy<Value = Signatory> {
    (0_usize..4, lines(200), lines(200))
        .prop_filter_map("valid texts", |(party, name, position)| {
            Signatory::try_new(party, &name, &position).ok()
        })
}

/// Any contract term.
pub fn contract_term() -> impl Strategy<Value = ContractTerm> {
    (date(), proptest::option::of(0_i64..2000)).prop_map(|(from, days)| match days {
        Some(days) => ContractTerm::Fixed {
            from,
            until: shift(from, days),
        },
        None => ContractTerm::Indefinite { from },
    })
}

/// Any renewal rule.
pub fn renewal() -> impl Strategy<Value = Renewal> {
    prop_oneof![
        Just(Renewal::None),
        (1_u32..=36, 0_u32..=90).prop_map(|(months, notice_days)| Renewal::Automatic {
            months,
            notice_days
        }),
    ]
}

/// Any valid contract: 2 to 4 parties, each with a signatory, any price from zero up.
pub fn contract() -> impl Strategy<Value = Contract> {
    (
        line(50),
        prop::collection::vec(party(), 2..5),
        lines(2_000),
        money_in(Currency::EUR),
        contract_term(),
        prop::collection::vec(signatory(), 0..3),
        date(),
        renewal(),
        select(vec![
            SaleChannel::OnPremises,
            SaleChannel::Distance,
            SaleChannel::OffPremises,
        ]),
    )
        .prop_filter_map(
            "a valid contract",
            |(number, parties, subject, price, term, extra, signed_on, renewal, channel)| {
                let mut signatories: Vec<Signatory> = (0..parties.len())
                    .map(|party| Signatory::try_new(party, "J. Ozols", "valdes loceklis"))
                    .collect::<Result<_, _>>()
                    .ok()?;
                signatories.extend(extra.into_iter().filter(|s| s.party() < parties.len()));
                let price = Money::new(price.amount().abs(), Currency::EUR);
                Contract::try_new(
                    &number,
                    parties,
                    &subject,
                    price,
                    term,
                    signatories,
                    signed_on,
                    renewal,
                    channel,
                )
                .ok()
            },
        )
}

/// Any decision on agenda item 1 to 4.
pub fn decision() -> impl Strategy<Value = Decision> {
    (
        1_usize..5,
        lines(2_000),
        lines(200),
        proptest::option::of(date()),
    )
        .prop_filter_map("valid texts", |(item, text, responsible, deadline)| {
            Decision::try_new(item, &text, &responsible, deadline).ok()
        })
}

/// Any meeting (its texts as entered; recording checks them).
pub fn meeting() -> impl Strategy<Value = Meeting> {
    (
        lines(300),
        date(),
        lines(200),
        lines(200),
        lines(200),
        prop::collection::vec(lines(200), 0..4),
        prop::collection::vec(lines(500), 0..5),
        prop::collection::vec(decision(), 0..4),
    )
        .prop_map(
            |(title, date, place, chair, secretary, attendees, agenda, decisions)| Meeting {
                title,
                date,
                place,
                chair,
                secretary,
                attendees,
                agenda,
                decisions,
            },
        )
}

/// A book's life: meetings recorded in order (refused ones skipped), with the minutes.
fn minutes_life() -> impl Strategy<Value = (MinutesBook, Vec<Minutes>)> {
    prop::collection::vec(meeting(), 0..8).prop_map(|mut meetings| {
        meetings.sort_by_key(|meeting| meeting.date);
        let mut book = MinutesBook::new().expect("the fixed pattern parses");
        let minutes = meetings
            .into_iter()
            .filter_map(|meeting| book.record(meeting).ok())
            .collect();
        (book, minutes)
    })
}

/// Any minutes book after recording meetings.
pub fn minutes_book() -> impl Strategy<Value = MinutesBook> {
    minutes_life().prop_map(|(book, _)| book)
}

/// Any recorded minutes.
pub fn minutes() -> impl Strategy<Value = Minutes> {
    (minutes_life(), any::<prop::sample::Index>())
        .prop_filter_map("something recorded", |((_, minutes), at)| {
            (!minutes.is_empty()).then(|| at.get(&minutes).clone())
        })
}

/// Any reader.
pub fn reader() -> impl Strategy<Value = Reader> {
    (line(100), access_level()).prop_filter_map("a valid id", |(id, clearance)| {
        Reader::try_new(&id, clearance).ok()
    })
}

/// Any access log: readers reading the records of a reachable register.
pub fn access_log() -> impl Strategy<Value = AccessLog> {
    (
        busy_register(),
        prop::collection::vec(
            (reader(), any::<prop::sample::Index>(), -10_000_i64..10_000),
            0..12,
        ),
    )
        .prop_map(|(register, reads)| {
            let mut log = AccessLog::new();
            for (reader, at, minutes) in reads {
                let document = at.get(register.documents());
                let _ = read_document(document, &reader, instant(minutes), &mut log);
            }
            log
        })
}

/// Any access-log entry.
pub fn access_log_entry() -> impl Strategy<Value = AccessLogEntry> {
    (access_log(), any::<prop::sample::Index>()).prop_filter_map("a logged read", |(log, at)| {
        (!log.entries().is_empty()).then(|| at.get(log.entries()).clone())
    })
}

/// Any read outcome.
pub fn read_outcome() -> impl Strategy<Value = ReadOutcome> {
    select(vec![ReadOutcome::Granted, ReadOutcome::Denied])
}

/// Any archive policy.
pub fn archive_policy() -> impl Strategy<Value = ArchivePolicy> {
    (0_u16..5, 0_u16..12).prop_map(|(after, within)| {
        ArchivePolicy::default()
            .with_transfer_after_years(after)
            .with_transfer_within_years(within)
    })
}

/// Closed cases of several years, for the archive lists.
fn closed_cases() -> impl Strategy<Value = Vec<ClosedCase>> {
    prop::collection::vec(closed_case(), 0..8)
}

/// Any transfer list.
pub fn transfer_list_value() -> impl Strategy<Value = TransferList> {
    (closed_cases(), date(), archive_policy(), line(300)).prop_map(
        |(cases, today, policy, organisation)| transfer_list(&organisation, &cases, today, policy),
    )
}

/// Any entry of a transfer list.
pub fn transfer_entry() -> impl Strategy<Value = TransferEntry> {
    (transfer_list_value(), any::<prop::sample::Index>())
        .prop_filter_map("a case due", |(list, at)| {
            (!list.entries().is_empty()).then(|| at.get(list.entries()).clone())
        })
}

/// Any destruction act drawn up from the cases due on a date.
pub fn destruction_act() -> impl Strategy<Value = DestructionAct> {
    (
        closed_cases(),
        date(),
        line(50),
        line(300),
        prop::collection::vec(line(200), 0..4),
    )
        .prop_filter_map(
            "something due and valid texts",
            |(cases, today, number, organisation, commission)| {
                let list = destruction_list(&cases, today);
                DestructionAct::try_new(&number, &organisation, &list, commission).ok()
            },
        )
}

/// Any entry of a destruction act.
pub fn destruction_entry() -> impl Strategy<Value = DestructionEntry> {
    (destruction_act(), any::<prop::sample::Index>())
        .prop_map(|(act, at)| at.get(act.entries()).clone())
}

/// Any salutation.
pub fn salutation() -> impl Strategy<Value = Salutation> {
    prop_oneof![
        line(200).prop_map(Salutation::Named),
        (
            line(100),
            prop_oneof![Just(Gender::Male), Just(Gender::Female)]
        )
            .prop_map(|(surname, gender)| Salutation::Titled { surname, gender }),
        Just(Salutation::Unnamed),
    ]
}

/// Any letter whose draft validates.
pub fn letter() -> impl Strategy<Value = Letter> {
    (
        select(Language::ALL.to_vec()),
        line(300),
        date(),
        line(300),
        lines(1_000),
        proptest::option::of(line(300)),
        line(300),
        salutation(),
        lines(5_000),
        lines(1_000),
        proptest::option::of(lines(1_000)),
    )
        .prop_filter_map(
            "a letter that validates",
            |(
                language,
                author,
                date,
                place,
                addressee,
                reference,
                title,
                salutation,
                body,
                signatory,
                preparer,
            )| {
                let letter = Letter {
                    language,
                    author,
                    date,
                    place,
                    addressee,
                    reference,
                    title,
                    salutation,
                    body,
                    signatory,
                    preparer,
                };
                letter.to_draft().validate().is_ok().then_some(letter)
            },
        )
}
