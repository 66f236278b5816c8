//! The error catalogue: every code of the crate with a sample message, through
//! `DocumentsError`.

use apkalpe_core::{Calendar, Period, RestoreError};
use serde_json::json;

use crate::restore::{Sample, edited, flow_json, plan_json, register_json};
use apkalpe_documents::{
    AccessError, AccessLevel, ArchiveError, CaseError, ContractError, DocumentDraft, DocumentId,
    DocumentKind, DocumentsError, FilePlan, FilePlanError, FlowError, FlowState, MinutesError,
    RegisterError, RegisterKind, RetentionError, SubmissionError, TextProblem,
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
            ),
        ),
        (
            Sample::Flow(edited(flow_json(), "/status/deadline", json!(null))),
            RestoreError::inconsistent(
                "DocumentFlow",
                "status",
                "the trail replays to in_progress (assignee person k.kalna, deadline 2026-03-09), not to the saved status",
            ),
        ),
        (
            Sample::Plan(edited(plan_json(), "/entries/4/index", json!("3.1"))),
            RestoreError::missing(
                "FilePlan",
                "entries[4].index",
                "the level 3 above 3.1 is not in the plan",
            ),
        ),
    ]
}

#[test]
fn error_catalogue() {
    let lines: Vec<String> = samples()
        .iter()
        .map(|error| format!("{:<42} {error}", error.code()))
        .collect();
    insta::assert_snapshot!("catalogue", lines.join("\n"));
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
