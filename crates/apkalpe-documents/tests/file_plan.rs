//! The file plan: the shipped fixtures, CSV round trip, next-year copy, rendered reports.

use apkalpe_documents::{
    CaseIndex, FilePlan, FilePlanChange, FilePlanEntry, FilePlanEntryInput, RetentionCategory,
};

pub const FILE_PLAN: &str = include_str!("fixtures/fileplan.csv");
const BROKEN: &str = include_str!("fixtures/fileplan-broken.csv");

#[test]
fn sample_plan_is_valid_and_summarised() {
    let plan = FilePlan::from_csv(2026, FILE_PLAN).unwrap();
    assert_eq!(plan.entries().len(), 27);
    let counts = plan.count_by_category();
    assert_eq!(counts[&RetentionCategory::Permanent], 5);
    assert_eq!(counts[&RetentionCategory::LongTerm], 2);
    assert_eq!(counts[&RetentionCategory::ShortTerm], 15);
    insta::assert_snapshot!("summary", plan.render_summary());
}

#[test]
fn broken_plan_lists_every_problem() {
    let error = FilePlan::from_csv(2026, BROKEN).unwrap_err();
    assert_eq!(error.code(), "file_plan.invalid");
    insta::assert_snapshot!("broken_report", error.render_text());
}

#[test]
fn csv_round_trip_of_the_sample() {
    let plan = FilePlan::from_csv(2026, FILE_PLAN).unwrap();
    let again = FilePlan::from_csv(2026, &plan.to_csv()).unwrap();
    assert_eq!(again, plan);
    assert_eq!(plan.to_csv(), FILE_PLAN);
}

#[test]
fn json_entry_round_trip() {
    let plan = FilePlan::from_csv(2026, FILE_PLAN).unwrap();
    for entry in plan.entries() {
        let json = serde_json::to_string(entry).unwrap();
        let back: FilePlanEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, entry);
    }
}

#[test]
fn copy_to_next_year_with_changes() {
    let plan = FilePlan::from_csv(2026, FILE_PLAN).unwrap();
    let new_case = FilePlanEntry::try_from(FilePlanEntryInput {
        index: "2.8".into(),
        title: "Klientu datu dzēšanas pieprasījumi".into(),
        retention: "3 gadi".into(),
        legal_basis: "VDAR 17. pants; uzņēmuma noteikumi".into(),
        responsible: "Datu aizsardzības speciālists".into(),
        medium: "elektronisks".into(),
        ..FilePlanEntryInput::default()
    })
    .unwrap();
    let changed = FilePlanEntry::try_from(FilePlanEntryInput {
        index: "2.3".into(),
        title: "Klientu priekšlikumi".into(),
        retention: "3 gadi".into(),
        legal_basis: "uzņēmuma noteikumi".into(),
        responsible: "Klientu apkalpošanas nodaļa".into(),
        medium: "elektronisks".into(),
        ..FilePlanEntryInput::default()
    })
    .unwrap();
    let next = plan
        .copy_to_next_year(vec![
            FilePlanChange::Add(new_case),
            FilePlanChange::Replace(changed),
            FilePlanChange::Remove("4.4".parse().unwrap()),
        ])
        .unwrap();
    assert_eq!(next.year(), 2027);
    assert_eq!(next.entries().len(), 27);
    let proposals = next.entry(&"2.3".parse::<CaseIndex>().unwrap()).unwrap();
    assert_eq!(proposals.case().unwrap().retention().to_string(), "3 gadi");
    assert!(next.entry(&"4.4".parse::<CaseIndex>().unwrap()).is_none());
    // The old plan is untouched.
    assert_eq!(plan.year(), 2026);

    // Removing a level leaves its cases orphaned.
    let error = plan
        .copy_to_next_year(vec![FilePlanChange::Remove("5".parse().unwrap())])
        .unwrap_err();
    assert!(
        error
            .problems()
            .iter()
            .all(|p| p.code() == "file_plan.missing_parent")
    );
    assert_eq!(error.problems().len(), 3);
}

#[test]
fn english_headers_are_accepted() {
    let english = FILE_PLAN.replacen(
        "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas",
        "index;level name;case title;retention;legal basis;responsible;medium;information system;other",
        1,
    );
    assert_eq!(
        FilePlan::from_csv(2026, &english).unwrap(),
        FilePlan::from_csv(2026, FILE_PLAN).unwrap()
    );
}
