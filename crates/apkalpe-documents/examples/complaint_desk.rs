//! An integrator's view: register a consumer complaint, compute its answer deadline, answer
//! it by letter and file both in the case of the file plan.
// An example: unwrap on fixed, known-good inputs keeps it short.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use apkalpe_core::{Calendar, Language};
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel, DeadlineRegime, DocumentDraft, DocumentId,
    DocumentKind, FilePlan, Letter, NewSubmission, OpenCase, OpenSubmission, Register,
    RegisterKind, Requisite, Salutation, SubmissionKind,
};
use chrono::NaiveDate;

fn main() {
    let plan = FilePlan::from_csv(2026, include_str!("../tests/fixtures/fileplan.csv")).unwrap();
    let received = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let index: CaseIndex = "2.1".parse().unwrap();

    let mut incoming = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
    let complaint = DocumentDraft::new(DocumentKind::Complaint)
        .with(Requisite::Author, "Anna Kalniņa")
        .with_date(received)
        .with(Requisite::Addressee, "SIA Apkalpe")
        .with(
            Requisite::Text,
            "Tējkanna pārstāja sildīt. Lūdzu to apmainīt.",
        )
        .with(Requisite::Signature, "A. Kalniņa")
        .validate()
        .unwrap();
    let number = incoming
        .register(DocumentId::from_u128(1), complaint, &index, received)
        .unwrap()
        .number()
        .to_owned();

    let open = OpenSubmission::register(
        NewSubmission {
            number: number.clone(),
            kind: SubmissionKind::Reclamation,
            received_on: received,
            channel: Channel::Email,
            client_id: "C-1042".into(),
            invoice_number: Some("AP-2026-00077".into()),
            summary: "Bojāta tējkanna".into(),
        },
        DeadlineRegime::Consumer,
        &AnswerRules::latvia(),
        &Calendar::latvia(),
    )
    .unwrap();
    for line in open.deadline().lines() {
        println!("{line}");
    }

    let answered = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let letter = Letter {
        language: Language::Latvian,
        author: "SIA Apkalpe".into(),
        date: answered,
        place: "Rīga".into(),
        addressee: "Annai Kalniņai".into(),
        reference: Some(format!("Uz pretenziju Nr. {number}")),
        title: "Par preces apmaiņu".into(),
        salutation: Salutation::Named("Anna Kalniņa".into()),
        body: "Tējkanna tiks apmainīta.".into(),
        signatory: "K. Kalna".into(),
        preparer: None,
    };
    let mut outgoing = Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}").unwrap();
    outgoing
        .register(
            DocumentId::from_u128(2),
            letter.to_draft().validate().unwrap(),
            &index,
            answered,
        )
        .unwrap();
    let done = open
        .answer(
            answered,
            AnswerOutcome::Accepted,
            "Tējkanna tiks apmainīta.",
        )
        .unwrap();
    println!("answered in time: {}", done.is_in_time());

    let mut case =
        OpenCase::open(&plan, &index, NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()).unwrap();
    case.file(DocumentId::from_u128(1)).unwrap();
    case.file(DocumentId::from_u128(2)).unwrap();
    print!("{}", incoming.render_day(received));
}
