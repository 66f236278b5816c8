//! The error catalogue: every code of the crate with a sample message, through
//! `DocumentsError`.

use std::collections::BTreeMap;

use apkalpe_core::{Calendar, Language, LocalizedError, Period, RestoreError, find_localized};
use serde_json::json;

use crate::restore::{Sample, edited, flow_json, plan_json, register_json};
use apkalpe_documents::{
    AccessError, AccessLevel, ArchiveError, CaseError, ContractError, DocumentDraft, DocumentId,
    DocumentKind, DocumentsError, FilePlan, FilePlanError, FlowError, FlowState, MinutesError,
    RegisterError, RegisterKind, Requisite, RetentionError, SubmissionError, TextProblem,
    downcast_error,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn samples() -> Vec<DocumentsError> {
    let blank = TextProblem::Blank;
    let mut errors: Vec<DocumentsError> = vec![
        DocumentDraft::new(DocumentKind::Act)
            .validate()
            .unwrap_err()
            .into(),
        "".parse::<apkalpe_documents::CaseIndex>()
            .unwrap_err()
            .into(),
        "a.".parse::<apkalpe_documents::CaseIndex>()
            .unwrap_err()
            .into(),
        "1.2.3.4.5.6.7.8.9"
            .parse::<apkalpe_documents::CaseIndex>()
            .unwrap_err()
            .into(),
        "".parse::<apkalpe_documents::RetentionPeriod>()
            .unwrap_err()
            .into(),
        "ilgi"
            .parse::<apkalpe_documents::RetentionPeriod>()
            .unwrap_err()
            .into(),
        "5 mēneši"
            .parse::<apkalpe_documents::RetentionPeriod>()
            .unwrap_err()
            .into(),
        "5 gadi no \u{7}"
            .parse::<apkalpe_documents::RetentionPeriod>()
            .unwrap_err()
            .into(),
        "disketes"
            .parse::<apkalpe_documents::Medium>()
            .unwrap_err()
            .into(),
        RetentionError::DateOutOfRange {
            start: day(2026, 1, 1),
            years: 999,
        }
        .into(),
        RetentionError::Text {
            field: "hold reason",
            problem: blank.clone(),
        }
        .into(),
        RetentionError::Text {
            field: "hold reason",
            problem: TextProblem::TooLong {
                max: 500,
                found: 501,
            },
        }
        .into(),
        RetentionError::Text {
            field: "hold reason",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        RetentionError::LiftedBeforePlaced {
            id: "LH-1".into(),
            placed_on: day(2026, 2, 1),
            lifted_on: day(2026, 1, 1),
        }
        .into(),
        RetentionError::AlreadyLifted { id: "LH-1".into() }.into(),
        FilePlan::from_csv(2026, "").unwrap_err().into(),
        FilePlanError::YearOutOfRange { year: 1800 }.into(),
        CaseError::UnknownEntry {
            year: 2026,
            index: "9".into(),
        }
        .into(),
        CaseError::NotACase { index: "1".into() }.into(),
        CaseError::OutsidePlanYear {
            index: "1.1".into(),
            year: 2026,
            date: day(2025, 12, 31),
        }
        .into(),
        CaseError::AlreadyFiled {
            index: "1.1".into(),
            document: DocumentId::from_u128(1),
        }
        .into(),
        CaseError::ClosedBeforeOpened {
            index: "1.1".into(),
            opened_on: day(2026, 3, 1),
            closed_on: day(2026, 2, 1),
        }
        .into(),
        CaseError::AlreadyTransferred {
            index: "1.1".into(),
            on: day(2027, 2, 1),
        }
        .into(),
        CaseError::TransferBeforeClosing {
            index: "1.1".into(),
            closed_on: day(2026, 12, 31),
            on: day(2026, 6, 1),
        }
        .into(),
        CaseError::UnknownHold {
            index: "1.1".into(),
            id: "LH-9".into(),
        }
        .into(),
        RegisterError::Pattern {
            template: "{index}".into(),
            problem: "needs exactly one {seq} token",
        }
        .into(),
        RegisterError::AlreadyRegistered {
            id: DocumentId::from_u128(1),
            number: "2.1/1".into(),
        }
        .into(),
        RegisterError::KindNotAccepted {
            register: RegisterKind::Incoming,
            kind: DocumentKind::InternalMemo,
        }
        .into(),
        RegisterError::UnknownDocument {
            id: DocumentId::from_u128(9),
        }
        .into(),
        RegisterError::KindChanged {
            from: DocumentKind::IncomingLetter,
            to: DocumentKind::Complaint,
        }
        .into(),
        RegisterError::InvalidReason {
            problem: blank.clone(),
        }
        .into(),
        RegisterError::CorrectionBeforeRegistration {
            number: "2.1/1".into(),
            registered_on: day(2026, 3, 2),
            on: day(2026, 3, 1),
        }
        .into(),
        RegisterError::DateBeforeCurrentYear {
            register: RegisterKind::Incoming,
            date: day(2026, 12, 31),
            current_year: 2027,
        }
        .into(),
        RegisterError::SequenceExhausted {
            register: RegisterKind::Internal,
            year: 2026,
            max: 9999,
        }
        .into(),
        RegisterError::Archived {
            id: DocumentId::from_u128(1),
            before: day(2026, 3, 3),
        }
        .into(),
        AccessError::Denied {
            reader: "k.kalna".into(),
            clearance: AccessLevel::Internal,
            document: "1.3/4".into(),
            level: AccessLevel::CommercialSecret,
        }
        .into(),
        AccessError::InvalidReader { found: "".into() }.into(),
        FlowError::NotAllowed {
            action: "start",
            state: FlowState::Done,
        }
        .into(),
        FlowError::OutOfOrder {
            at: chrono::DateTime::UNIX_EPOCH,
            last: chrono::DateTime::UNIX_EPOCH,
        }
        .into(),
        FlowError::Text {
            field: "instruction",
            problem: blank.clone(),
        }
        .into(),
        FlowError::Text {
            field: "instruction",
            problem: TextProblem::TooLong {
                max: 2000,
                found: 2001,
            },
        }
        .into(),
        FlowError::Text {
            field: "actor",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        SubmissionError::UnknownRegime {
            found: "tax".into(),
        }
        .into(),
        SubmissionError::NoRule {
            regime: apkalpe_documents::DeadlineRegime::Consumer,
            received_on: day(2026, 3, 2),
        }
        .into(),
        SubmissionError::Text {
            field: "summary",
            problem: blank.clone(),
        }
        .into(),
        SubmissionError::Text {
            field: "summary",
            problem: TextProblem::TooLong {
                max: 2000,
                found: 2001,
            },
        }
        .into(),
        SubmissionError::Text {
            field: "summary",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        SubmissionError::AnsweredBeforeReceived {
            number: "2.1/1".into(),
            received_on: day(2026, 3, 2),
            answered_on: day(2026, 3, 1),
        }
        .into(),
        SubmissionError::NoForwardingRule {
            received_on: day(2026, 3, 2),
        }
        .into(),
        SubmissionError::NotForwardable {
            number: "2.1/1".into(),
            regime: apkalpe_documents::DeadlineRegime::Consumer,
        }
        .into(),
        SubmissionError::ForwardedBeforeReceived {
            number: "2.1/1".into(),
            received_on: day(2026, 3, 2),
            forwarded_on: day(2026, 3, 1),
        }
        .into(),
        SubmissionError::MustForward {
            number: "2.1/1".into(),
        }
        .into(),
        ContractError::TooFewParties { found: 1 }.into(),
        ContractError::Text {
            field: "subject",
            problem: blank.clone(),
        }
        .into(),
        ContractError::Text {
            field: "subject",
            problem: TextProblem::TooLong {
                max: 2000,
                found: 2001,
            },
        }
        .into(),
        ContractError::Text {
            field: "subject",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        ContractError::NegativePrice {
            price: apkalpe_core::Money::new(
                rust_decimal_macros::dec!(-1.00),
                apkalpe_core::Currency::EUR,
            ),
        }
        .into(),
        ContractError::EndsBeforeStart {
            from: day(2026, 3, 2),
            until: day(2026, 3, 1),
        }
        .into(),
        ContractError::MissingSignatory { party: 1 }.into(),
        ContractError::UnknownParty {
            name: "J. Ozols".into(),
            party: 2,
            parties: 2,
        }
        .into(),
        ContractError::InvalidRenewal.into(),
        MinutesError::Text {
            field: "title",
            problem: blank.clone(),
        }
        .into(),
        MinutesError::Text {
            field: "title",
            problem: TextProblem::TooLong {
                max: 300,
                found: 301,
            },
        }
        .into(),
        MinutesError::Text {
            field: "title",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        MinutesError::Empty { what: "attendee" }.into(),
        MinutesError::UnknownAgendaItem { item: 3, items: 2 }.into(),
        MinutesError::Internal {
            code: "minutes.pattern",
        }
        .into(),
        ArchiveError::Text {
            field: "act number",
            problem: blank,
        }
        .into(),
        ArchiveError::Text {
            field: "act number",
            problem: TextProblem::TooLong { max: 50, found: 51 },
        }
        .into(),
        ArchiveError::Text {
            field: "act number",
            problem: TextProblem::ControlCharacter,
        }
        .into(),
        ArchiveError::NothingDue {
            date: day(2026, 3, 2),
        }
        .into(),
        ArchiveError::NoCommission.into(),
    ];
    errors.push(
        Calendar::latvia()
            .deadline(day(2100, 12, 1), Period::Months(1))
            .unwrap_err()
            .into(),
    );
    errors.extend(
        restore_samples_with_input()
            .into_iter()
            .map(|(_, error)| DocumentsError::from(error)),
    );
    errors
}

/// Restore errors of the catalogue, each with the saved value (edited) that gives it: the
/// restore tests check the real restore gives exactly this error.
pub(crate) fn restore_samples_with_input() -> Vec<(Sample, RestoreError)> {
    vec![
        (
            Sample::Register(edited(
                register_json(),
                "/documents/1/id",
                json!(DocumentId::from_u128(1)),
            )),
            RestoreError::duplicate(
                "Register",
                "documents[1].id",
                "00000000-0000-0000-0000-000000000001",
            ),
        ),
        (
            Sample::Register(edited(
                edited(register_json(), "/documents/2/sequence", json!(4)),
                "/documents/2/number",
                json!("1.1/4"),
            )),
            RestoreError::inconsistent(
                "Register",
                "documents[2].sequence",
                "expected 3: sequences run 1, 2, 3, … each year without gaps",
            )
            .with_latvian_reason(
                "gaidīts 3: kārtas numuri katru gadu iet 1, 2, 3, … bez iztrūkumiem",
            ),
        ),
        (
            Sample::Register(edited(register_json(), "/pattern", json!("{index}{seq}"))),
            RestoreError::invalid(
                "Register",
                "pattern",
                RegisterError::Pattern {
                    template: "{index}{seq}".into(),
                    problem: "needs a character other than a letter, digit or dot between {index} and {seq}",
                },
            ),
        ),
        (
            Sample::Register(edited(register_json(), "/current/sequence", json!(7))),
            RestoreError::inconsistent(
                "Register",
                "current",
                "the last record is sequence 1 of 2027",
            )
            .with_latvian_reason("pēdējā ieraksta kārtas numurs ir 1 2027. gadā"),
        ),
        (
            Sample::Flow(edited(flow_json(), "/status/deadline", json!(null))),
            RestoreError::inconsistent(
                "DocumentFlow",
                "status",
                "the trail replays to in_progress (assignee person k.kalna, deadline 2026-03-09), not to the saved status",
            )
            .with_latvian_reason(
                "notikumu vēsture dod stāvokli \"izpildē\" (izpildītājs persona k.kalna, termiņš 2026-03-09), nevis saglabāto statusu",
            ),
        ),
        (
            Sample::Plan(edited(plan_json(), "/entries/4/index", json!("3.1"))),
            RestoreError::missing(
                "FilePlan",
                "entries[4].index",
                "the level 3 above 3.1 is not in the plan",
            )
            .with_latvian_reason("nomenklatūrā nav līmeņa 3, kas ir virs 3.1"),
        ),
    ]
}

/// The problems of a file plan and of a draft, from public input: every problem code once.
fn problem_samples() -> Vec<Box<dyn LocalizedError>> {
    let header = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas";
    let rows = [
        "1;Vadība;;;;;;;",
        "1..2;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
        "1.3;;\u{7}Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
        "1.4;;Rīkojumi;ilgi;MK 282;Valde;papīrs;;",
        "1.5;;Rīkojumi;5 gadi;MK 282;Valde;disketes;;",
        "1.6;;Rīkojumi;;MK 282;Valde;papīrs;;",
        "1.7;;Rīkojumi;5 gadi;;Valde;papīrs;;",
        "1.7;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
        "9.1;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
        "1.8;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;;",
        &format!("1.9;;{};5 gadi;MK 282;Valde;papīrs;;", "R".repeat(301)),
        "1.11;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
        "1.11;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;",
    ];
    let csv = format!("{header}\n{}\n", rows.join("\n"));
    let mut samples: Vec<Box<dyn LocalizedError>> = FilePlan::from_csv(2026, &csv)
        .unwrap_err()
        .problems()
        .iter()
        .map(|problem| Box::new(problem.clone()) as Box<dyn LocalizedError>)
        .collect();
    // A blank value and malformed CSV cannot come from text a `&str` holds (blank cells are
    // absent values); their saved forms show them.
    for saved in [
        json!({"line": 3, "index": "1.1", "column": "title", "kind": {"problem": "blank"}}),
        json!({"line": 7, "index": null, "column": null, "kind": {"problem": "csv"}}),
    ] {
        let problem: apkalpe_documents::FilePlanProblem = serde_json::from_value(saved).unwrap();
        samples.push(Box::new(problem));
    }
    for csv in ["", "a;b\n1;2\n"] {
        if let Err(error) = FilePlan::from_csv(2026, csv) {
            samples.extend(
                error
                    .problems()
                    .iter()
                    .map(|problem| Box::new(problem.clone()) as Box<dyn LocalizedError>),
            );
        }
    }
    let plan = FilePlan::from_csv(
        2026,
        &format!("{header}\n1;Vadība;;;;;;;\n1.1;;Rīkojumi;5 gadi;MK 282;Valde;papīrs;;\n"),
    )
    .unwrap();
    if let Err(error) = plan.copy_to_next_year(vec![apkalpe_documents::FilePlanChange::Remove(
        "7.7".parse().unwrap(),
    )]) {
        samples.extend(
            error
                .problems()
                .iter()
                .map(|problem| Box::new(problem.clone()) as Box<dyn LocalizedError>),
        );
    }
    let drafts = [DocumentDraft::new(DocumentKind::Minutes)
        .with(Requisite::Author, "SIA Apkalpe")
        .with(Requisite::Date, "2026-13-01")
        .with(Requisite::Addressee, "Valdei")
        .with(Requisite::RegistrationNumber, "1/1")
        .with(Requisite::Title, " ")
        .with(Requisite::Text, "a\u{7}b")
        .with(Requisite::PlaceOfIssue, "R".repeat(5001))];
    for draft in drafts {
        let error = draft.validate().unwrap_err();
        samples.extend(
            error
                .problems()
                .iter()
                .map(|problem| Box::new(problem.clone()) as Box<dyn LocalizedError>),
        );
    }
    samples
}

/// Codes written as literals in the source that are not error codes of this crate: the
/// places an internal error names and the paths of a meeting's fields.
const NOT_SAMPLED: &[&str] = &[
    "meeting.title",
    "meeting.place",
    "meeting.chair",
    "meeting.secretary",
    "meeting.attendees",
    "meeting.agenda",
    "meeting.decisions",
];

/// Codes of other crates the catalogue shows because the crate's errors carry them.
fn foreign(code: &str) -> bool {
    ["restore.", "calendar.", "number_series.", "number_pattern."]
        .iter()
        .any(|prefix| code.starts_with(prefix))
}

/// Every dotted string literal of `src/` outside tests whose first part is the first part of
/// a sampled code or of a literal in a `match` arm (`=> "case.not_a_case"`, as every
/// `code()` writes them): the codes the source can produce.
fn source_codes(prefixes: &[&str]) -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_by_area(&files, prefixes)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/documents.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-documents/tests/errors.rs -->";
const END: &str = "<!-- end of error catalogue -->";

/// The catalogue: every code of the crate once, with its English and Latvian message,
/// reached through `DocumentsError` (and, for the problems of a plan or a draft, alone).
/// Codes are API: the snapshot shows any rename, the test fails on a code sampled twice or a
/// code of the source without a sample, and `docs/model/documents.md` carries the same table
/// (set `APKALPE_WRITE_DOCS=1` to rewrite it after a reviewed change of the snapshot).
#[test]
fn error_catalogue() {
    let mut catalogue: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    for error in samples() {
        let code = error.code();
        assert_eq!(LocalizedError::code(&error), code);
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        // Through `DocumentsError` and boxed alone, the same code and messages.
        let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
        let found =
            find_localized(&*boxed, &[apkalpe_core::downcast_error, downcast_error]).unwrap();
        assert_eq!(found.code(), code);
        assert_eq!(found.message_in(Language::Latvian), messages.1);
        if code.starts_with("restore.") {
            catalogue.entry(code).or_insert(messages);
        } else {
            assert!(
                catalogue.insert(code, messages).is_none(),
                "{code} is sampled twice"
            );
        }
    }
    for error in problem_samples() {
        catalogue.entry(error.code()).or_insert_with(|| {
            (
                error.message_in(Language::English),
                error.message_in(Language::Latvian),
            )
        });
    }
    for (code, (english, latvian)) in &catalogue {
        assert_ne!(english, latvian, "{code} has no Latvian message");
        assert!(
            !latvian.is_empty() && !latvian.ends_with('.'),
            "{code}: {latvian}"
        );
    }
    let prefixes: Vec<&str> = catalogue
        .keys()
        .filter(|code| !foreign(code))
        .filter_map(|code| code.split('.').next())
        .collect();
    let in_source = source_codes(&prefixes);
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |code| NOT_SAMPLED.contains(&code) || code == "minutes.pattern",
        foreign,
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("catalogue", table);
    check_docs(&table);
}

/// The table in `docs/model/documents.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-documents",
    );
}

/// Latvian counts agree with their number, and a boxed error keeps its code.
#[test]
fn latvian_counts_agree() {
    let one = ContractError::TooFewParties { found: 1 };
    assert_eq!(
        one.message_in(Language::Latvian),
        "līgumā jābūt vismaz divām pusēm, bet ir 1 puse"
    );
    let error = DocumentDraft::new(DocumentKind::Act)
        .validate()
        .unwrap_err();
    assert_eq!(
        error.message_in(Language::Latvian),
        "dokumenta projekta (akts) rekvizītos ir 6 kļūdas, pirmā: rekvizīts \"dokumenta autors\" nav norādīts"
    );
    let boxed: Box<dyn LocalizedError> = error.into();
    assert_eq!(boxed.code(), "requisite.invalid");
    assert_eq!(
        ContractError::TooFewParties { found: 1 }.message_in(Language::German),
        "a contract needs at least two parties, found 1"
    );
}

#[test]
fn codes_are_dotted_snake_case() {
    for error in samples() {
        let code = error.code();
        assert!(code.contains('.'), "{code}");
        assert!(
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
            "{code}"
        );
    }
}
