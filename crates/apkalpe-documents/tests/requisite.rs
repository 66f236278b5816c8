//! Requisites: every kind, the validation report.

use apkalpe_documents::{DocumentDraft, DocumentKind, Requisite};

#[test]
fn validation_report_of_a_bad_outgoing_letter() {
    let error = DocumentDraft::new(DocumentKind::OutgoingLetter)
        .with(Requisite::Author, "SIA Apkalpe")
        .with(Requisite::Date, "02.03.2026")
        .with(Requisite::Title, "   ")
        .with(Requisite::Text, "Teksts\u{7}")
        .with(Requisite::RegistrationNumber, "3.1/7")
        .with(Requisite::ApprovalInscription, "APSTIPRINU")
        .with(Requisite::PlaceOfIssue, "R".repeat(301))
        .validate()
        .unwrap_err();
    insta::assert_snapshot!("outgoing_letter_report", error.render_text());
}

#[test]
fn every_kind_accepts_a_complete_draft() {
    for kind in DocumentKind::ALL {
        let mut draft = DocumentDraft::new(kind)
            .with_date(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        for requisite in kind.required() {
            if requisite != Requisite::Date {
                draft = draft.with(requisite, format!("{} vērtība", requisite.latvian_name()));
            }
        }
        let document = draft.validate().unwrap();
        assert_eq!(document.kind(), kind);
        for requisite in kind.required() {
            assert!(document.get(requisite).is_some(), "{kind} {requisite}");
        }
    }
}
