//! The `desk demo` scene: a consumer complaint registered with its deadline, answered and
//! filed; the file plan and the day's register shown.

use apkalpe_core::Calendar;
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel, DeadlineRegime, DocumentDraft, DocumentId,
    DocumentKind, FilePlan, Letter, NewSubmission, OpenCase, OpenSubmission, Register,
    RegisterKind, Requisite, Salutation,
};
use chrono::NaiveDate;

use crate::file_plan::FILE_PLAN;

fn scene() -> String {
    let mut out = String::new();
    let calendar = Calendar::latvia();
    let received = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let answered = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let plan = FilePlan::from_csv(2026, FILE_PLAN).unwrap();
    out.push_str(&plan.render_summary());

    let index: CaseIndex = "2.1".parse().unwrap();
    let mut incoming = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
    let complaint = DocumentDraft::new(DocumentKind::Complaint)
        .with(Requisite::Author, "Anna Kalniņa")
        .with_date(received)
        .with(Requisite::Addressee, "SIA Apkalpe")
        .with(
            Requisite::Text,
            "Tējkanna (rēķins AP-2026-00077) pēc nedēļas pārstāja sildīt. Lūdzu to apmainīt.",
        )
        .with(Requisite::Signature, "A. Kalniņa")
        .validate()
        .unwrap();
    let record = incoming
        .register(DocumentId::from_u128(1), complaint, &index, received)
        .unwrap();
    let number = record.number().to_owned();
    let open = OpenSubmission::register(
        NewSubmission {
            number: number.clone(),
            kind: apkalpe_documents::SubmissionKind::Reclamation,
            received_on: received,
            channel: Channel::Email,
            client_id: "C-1042".into(),
            invoice_number: Some("AP-2026-00077".into()),
            summary: "Bojāta tējkanna, lūdz apmaiņu".into(),
        },
        DeadlineRegime::Consumer,
        &AnswerRules::latvia(),
        &calendar,
    )
    .unwrap();
    out.push_str(&format!(
        "\ncomplaint {number} registered, answer due {}\n",
        open.deadline().date()
    ));
    for line in open.deadline().lines().iter().skip(1) {
        out.push_str(&format!("  {line}\n"));
    }

    let letter = Letter {
        language: apkalpe_core::Language::Latvian,
        author: "SIA Apkalpe".into(),
        date: answered,
        place: "Rīga".into(),
        addressee: "Annai Kalniņai".into(),
        reference: Some(format!("Uz {received} pretenziju Nr. {number}")),
        title: "Par preces apmaiņu".into(),
        salutation: Salutation::Named("Anna Kalniņa".into()),
        body: "Jūsu pretenzija ir apmierināta: tējkanna tiks apmainīta veikalā vai ar kurjeru."
            .into(),
        signatory: "Klientu apkalpošanas speciāliste K. Kalna".into(),
        preparer: None,
    };
    let mut outgoing = Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}").unwrap();
    let reply = outgoing
        .register(
            DocumentId::from_u128(2),
            letter.to_draft().validate().unwrap(),
            &index,
            answered,
        )
        .unwrap();
    let reply_number = reply.number().to_owned();
    let done = open
        .answer(
            answered,
            AnswerOutcome::Accepted,
            "Tējkanna tiks apmainīta.",
        )
        .unwrap();
    out.push_str(&format!(
        "answered {} by letter {reply_number} ({}in time)\n",
        done.answered_on(),
        if done.is_in_time() { "" } else { "not " }
    ));

    let mut case =
        OpenCase::open(&plan, &index, NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()).unwrap();
    case.file(DocumentId::from_u128(1)).unwrap();
    case.file(DocumentId::from_u128(2)).unwrap();
    out.push_str(&format!(
        "filed in case {} \"{}\": {}\n\n",
        case.index(),
        case.title(),
        apkalpe_core::CountNoun::new("document", "documents")
            .count_of(apkalpe_core::Language::English, case.documents().len())
    ));
    out.push_str(&incoming.render_day(received));
    out.push_str(&outgoing.render_day(answered));
    out.push('\n');
    out.push_str(&letter.render_text(Some(&reply_number)));
    out
}

#[test]
fn demo_scene() {
    insta::assert_snapshot!("demo", scene());
}
