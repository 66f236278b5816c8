//! The archive: transfer list and destruction act over the sample plan's cases.

use apkalpe_documents::{
    ArchivePolicy, CaseIndex, ClosedCase, CountingRule, DestructionAct, DocumentId, FilePlan,
    LegalHold, Medium, OpenCase, TransferTerm, TransferTerms, destruction_list, transfer_list,
    transfer_list_with_terms,
};
use chrono::NaiveDate;

use crate::file_plan::FILE_PLAN;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every case of the sample plan opened in `year` and closed on 31 December, with
/// `documents` documents each; personnel files with a birth date in 1950.
fn year_of_cases(year: i32, documents: u128) -> Vec<ClosedCase> {
    let plan = FilePlan::from_csv(year, FILE_PLAN).unwrap();
    let mut next_id = u128::try_from(year).unwrap() * 1_000_000;
    plan.cases()
        .map(|entry| {
            let mut case = OpenCase::open(&plan, entry.index(), day(year, 1, 2)).unwrap();
            for _ in 0..documents {
                next_id += 1;
                case.file(DocumentId::from_u128(next_id)).unwrap();
            }
            let birth = (entry.index().as_str() == "5.1").then(|| day(1950, 4, 1));
            case.close(day(year, 12, 31), birth, CountingRule::default())
                .unwrap()
        })
        .collect()
}

#[test]
fn transfer_list_of_2019_and_2020() {
    let mut cases = year_of_cases(2019, 3);
    cases.extend(year_of_cases(2020, 2));
    cases[0].mark_transferred(day(2021, 2, 1)).unwrap();
    let list = transfer_list(
        "SIA Apkalpe",
        &cases,
        day(2021, 3, 1),
        ArchivePolicy::default(),
    );
    // 2019 and 2020 permanent and long-term cases (7 each), less the one transferred.
    assert_eq!(list.entries().len(), 13);
    insta::assert_snapshot!("transfer_list", list.render_text());
    insta::assert_json_snapshot!("transfer_list_json", list.entries()[0]);
}

#[test]
fn transfer_terms_follow_the_medium_and_the_date() {
    // Cases of 2022 listed in 2026, under MK 282: paper 15 years, electronic 5.
    let cases = year_of_cases(2022, 1);
    let list = transfer_list(
        "SIA Apkalpe",
        &cases,
        day(2026, 3, 2),
        ArchivePolicy::default(),
    );
    let by_medium: Vec<(String, String)> = list
        .entries()
        .iter()
        .map(|e| {
            (
                e.medium().latvian_name().to_owned(),
                e.transfer_by().to_string(),
            )
        })
        .collect();
    assert!(
        by_medium
            .iter()
            .all(|(medium, by)| (medium == "papīrs") == (by == "2037-12-31")
                && (medium == "elektronisks") == (by == "2027-12-31")),
        "{by_medium:?}"
    );
    assert!(by_medium.iter().any(|(medium, _)| medium == "papīrs"));
    assert!(by_medium.iter().any(|(medium, _)| medium == "elektronisks"));
    // The organisation's own shorter term wins over the law's longer one.
    let own = transfer_list(
        "SIA Apkalpe",
        &cases,
        day(2026, 3, 2),
        ArchivePolicy::default().with_transfer_within_years(10),
    );
    assert!(own.entries().iter().all(|e| e.transfer_by().to_string()
        == if e.medium().latvian_name() == "papīrs" {
            "2032-12-31"
        } else {
            "2027-12-31"
        }));
    // Other terms: a caller's table (here: paper 20 years from 2030).
    let terms = TransferTerms::from_terms(vec![TransferTerm {
        media: vec![Medium::Paper],
        valid_from: Some(day(2030, 1, 1)),
        valid_until: None,
        within_years: 20,
        basis: "a future law".into(),
    }]);
    let later = transfer_list_with_terms(
        "SIA Apkalpe",
        &cases,
        day(2030, 1, 2),
        ArchivePolicy::default().with_transfer_within_years(30),
        &terms,
    );
    let paper = later
        .entries()
        .iter()
        .find(|e| e.medium() == Medium::Paper)
        .unwrap();
    assert_eq!(paper.transfer_by(), day(2042, 12, 31));
    let electronic = later
        .entries()
        .iter()
        .find(|e| e.medium() == Medium::Electronic)
        .unwrap();
    assert_eq!(
        electronic.transfer_by(),
        day(2052, 12, 31),
        "no term: the policy"
    );
    let json = serde_json::to_string(&TransferTerms::latvia()).unwrap();
    assert_eq!(
        serde_json::from_str::<TransferTerms>(&json).unwrap(),
        TransferTerms::latvia()
    );
}

#[test]
fn destruction_act_with_a_hold() {
    let mut cases = year_of_cases(2019, 4);
    let index: CaseIndex = "2.1".parse().unwrap();
    let held = cases
        .iter_mut()
        .find(|case| case.index() == &index)
        .unwrap();
    held.place_hold(
        LegalHold::try_new(
            "LH-2026-1",
            "PTAC izskata patērētāja sūdzību",
            day(2026, 1, 15),
        )
        .unwrap(),
    );
    let today = day(2026, 3, 2);
    let list = destruction_list(&cases, today);
    assert_eq!(list.held().len(), 1);
    assert_eq!(list.held()[0].index(), &index);
    let act = DestructionAct::try_new(
        "1/2026",
        "SIA Apkalpe",
        &list,
        vec![
            "Valdes loceklis J. Ozols".into(),
            "Lietvede K. Kalna".into(),
        ],
    )
    .unwrap();
    insta::assert_snapshot!("destruction_act", act.render_text());
    assert_eq!(act.document_count(), act.entries().len() * 4);
}

#[test]
fn an_act_needs_due_cases_and_a_commission() {
    let cases = year_of_cases(2025, 1);
    let list = destruction_list(&cases, day(2026, 3, 2));
    assert_eq!(
        DestructionAct::try_new("1", "SIA", &list, vec!["A".into()])
            .unwrap_err()
            .code(),
        "archive.nothing_due"
    );
    assert_eq!(
        DestructionAct::try_new("1", "SIA", &list, Vec::new())
            .unwrap_err()
            .code(),
        "archive.no_commission"
    );
}
