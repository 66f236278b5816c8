//! Retention: ends never before closing; holds always block; the fast check agrees with the
//! engine.

use apkalpe_documents::{
    ClosedCase, CountingRule, DocumentId, FilePlan, FilePlanEntry, FilePlanEntryInput, LegalHold,
    OpenCase, RetentionDecision, RetentionFacts, RetentionObligation, RetentionPeriod,
    destruction_list, retention_decision,
};
use apkalpe_testkit::strategy::date;
use chrono::NaiveDate;
use proptest::prelude::*;

/// Retention periods, weighted toward the category edges.
pub fn retention_period() -> impl Strategy<Value = RetentionPeriod> {
    prop_oneof![
        Just(RetentionPeriod::Permanent),
        prop_oneof![Just(1_u16), Just(10), Just(11), 1_u16..=999].prop_map(RetentionPeriod::Years),
        (0_u16..=120).prop_map(|years| RetentionPeriod::YearsFromEvent {
            years,
            event: "personas dzimšanas".to_owned()
        }),
    ]
}

fn counting_rule() -> impl Strategy<Value = CountingRule> {
    prop_oneof![
        Just(CountingRule::FromFirstJanuaryAfter),
        Just(CountingRule::FromDate)
    ]
}

/// A closed case of a one-entry plan, opened in `year` and closed `days` later.
pub fn closed_case(
    period: RetentionPeriod,
    opened_on: NaiveDate,
    days_open: u16,
    event: Option<NaiveDate>,
    counting: CountingRule,
) -> ClosedCase {
    use chrono::Datelike;
    let entry = FilePlanEntry::try_from(FilePlanEntryInput {
        index: "1".into(),
        title: "Lieta".into(),
        retention: period.to_string(),
        legal_basis: "pamatojums".into(),
        responsible: "Nodaļa".into(),
        medium: "papīrs".into(),
        ..FilePlanEntryInput::default()
    })
    .unwrap();
    let plan = FilePlan::try_new(opened_on.year(), vec![entry]).unwrap();
    let mut case = OpenCase::open(&plan, &"1".parse().unwrap(), opened_on).unwrap();
    case.file(DocumentId::from_u128(1)).unwrap();
    let closed_on = opened_on + chrono::Days::new(u64::from(days_open));
    case.close(closed_on, event, counting).unwrap()
}

fn opened() -> impl Strategy<Value = NaiveDate> {
    (1991_i32..2090, 1_u32..=12, 1_u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

proptest! {
    #[test]
    fn retention_end_is_never_before_closing(
        period in retention_period(),
        opened_on in opened(),
        days_open in 0_u16..2_000,
        event in proptest::option::of(date()),
        counting in counting_rule(),
    ) {
        let case = closed_case(period.clone(), opened_on, days_open, event, counting);
        if let Some(end) = case.retention_ends_on() {
            prop_assert!(end >= case.closed_on(), "{end} before {}", case.closed_on());
        } else {
            let open_ended = period == RetentionPeriod::Permanent
                || (matches!(period, RetentionPeriod::YearsFromEvent { .. }) && event.is_none());
            prop_assert!(open_ended);
        }
    }

    #[test]
    fn a_legal_hold_always_blocks_destruction(
        period in retention_period(),
        opened_on in opened(),
        days_open in 0_u16..2_000,
        event in proptest::option::of(date()),
        counting in counting_rule(),
        placed_offset in -20_000_i64..20_000,
        lifted_after_today in proptest::option::of(1_u64..5_000),
        today_offset in 0_u64..60_000,
    ) {
        let mut case = closed_case(period, opened_on, days_open, event, counting);
        let today = case.closed_on() + chrono::Days::new(today_offset);
        let placed_on = today.checked_add_signed(chrono::TimeDelta::days(placed_offset)).unwrap();
        let mut hold = LegalHold::try_new("LH", "strīds", placed_on).unwrap();
        if let Some(after) = lifted_after_today {
            let lift_on = (today + chrono::Days::new(after)).max(placed_on);
            hold = hold.lift(lift_on).unwrap();
        }
        prop_assert!(hold.is_active_on(today));
        case.place_hold(hold);
        prop_assert!(!case.is_due_for_destruction(today));
        let cases = [case];
        let list = destruction_list(&cases, today);
        prop_assert!(list.due().is_empty());
        let decision = retention_decision(&cases[0].retention_facts(), today).unwrap();
        prop_assert!(!decision.may_destroy(), "{decision:?}");
    }

    #[test]
    fn fast_check_agrees_with_the_engine(
        period in retention_period(),
        opened_on in opened(),
        days_open in 0_u16..2_000,
        event in proptest::option::of(date()),
        counting in counting_rule(),
        today_offset in 1_u64..60_000,
    ) {
        let case = closed_case(period, opened_on, days_open, event, counting);
        let today = case.closed_on() + chrono::Days::new(today_offset);
        let decision = retention_decision(&case.retention_facts(), today).unwrap();
        prop_assert_eq!(decision.may_destroy(), case.is_due_for_destruction(today));
    }
}

#[test]
fn decision_lines_explain_why_and_until_when() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let facts = RetentionFacts::new()
        .with_obligation(RetentionObligation::accounting(
            apkalpe_documents::AccountingRecord::SupportingDocument,
            Some(day(2024, 5, 31)),
        ))
        .with_obligation(RetentionObligation::personnel_file(None))
        .with_hold(LegalHold::try_new("LH-3", "VID audits", day(2026, 2, 1)).unwrap());
    let decision = retention_decision(&facts, day(2026, 3, 2)).unwrap();
    assert!(matches!(
        decision,
        RetentionDecision::Keep { until: None, .. }
    ));
    insta::assert_snapshot!("keep_lines", decision.lines().join("\n"));
}

/// The crate's old decision, read as core's verdict.
fn as_core_verdict(decision: &RetentionDecision) -> apkalpe_core::RetentionVerdict {
    use apkalpe_core::RetentionVerdict;
    match decision {
        RetentionDecision::MayDestroy { since } => RetentionVerdict::MayErase { since: *since },
        RetentionDecision::Keep {
            until: Some(last_day),
            ..
        } => RetentionVerdict::KeepUntil {
            last_day: *last_day,
        },
        RetentionDecision::Keep { until: None, .. } => RetentionVerdict::KeepOpenEnded,
    }
}

proptest! {
    /// A closed case stated in core's model ends on the same day as the case says: kept
    /// through `retention_ends_on`, free the day after, open-ended when it has no end.
    #[test]
    fn core_gives_the_cases_end_dates(
        period in retention_period(),
        opened_on in opened(),
        days_open in 0_u16..2_000,
        event in proptest::option::of(date()),
        counting in counting_rule(),
        today_offset in 0_u64..60_000,
    ) {
        use apkalpe_core::RetentionVerdict;
        let case = closed_case(period, opened_on, days_open, event, counting);
        let today = case.closed_on() + chrono::Days::new(today_offset);
        let decision = case.core_retention_facts().unwrap().decide(today).unwrap();
        match case.retention_ends_on() {
            Some(end) if end >= today => {
                prop_assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day: end });
            }
            Some(end) => {
                prop_assert_eq!(decision.verdict(), RetentionVerdict::MayErase { since: end.succ_opt() });
            }
            None => prop_assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded),
        }
        prop_assert_eq!(decision.may_erase(), case.is_due_for_destruction(today));
    }

    /// With holds, core's decision agrees with the crate's engine on whether the case may be
    /// destroyed, and with the fast check.
    #[test]
    fn core_agrees_with_the_old_engine_under_holds(
        period in retention_period(),
        opened_on in opened(),
        days_open in 0_u16..2_000,
        event in proptest::option::of(date()),
        counting in counting_rule(),
        placed_offset in -20_000_i64..20_000,
        lifted_offset in proptest::option::of(0_u64..20_000),
        today_offset in 1_u64..60_000,
    ) {
        let mut case = closed_case(period, opened_on, days_open, event, counting);
        let today = case.closed_on() + chrono::Days::new(today_offset);
        let placed_on = today.checked_add_signed(chrono::TimeDelta::days(placed_offset)).unwrap();
        let mut hold = LegalHold::try_new("LH", "strīds", placed_on).unwrap();
        if let Some(after) = lifted_offset {
            hold = hold.lift(placed_on + chrono::Days::new(after)).unwrap();
        }
        case.place_hold(hold);
        let core = case.core_retention_facts().unwrap().decide(today).unwrap();
        let old = retention_decision(&case.retention_facts(), today).unwrap();
        prop_assert_eq!(core.may_erase(), old.may_destroy());
        prop_assert_eq!(core.may_erase(), case.is_due_for_destruction(today));
    }

    /// The crate's facts (accounting records, personnel files, any obligation) give core the
    /// same verdict as the crate's engine, end dates included, when no hold is lifted.
    #[test]
    fn facts_map_onto_core_with_the_same_verdict(
        periods in proptest::collection::vec(retention_period(), 1..4),
        starts in proptest::collection::vec(proptest::option::of(opened()), 4),
        counting in counting_rule(),
        today in opened(),
        held in proptest::bool::ANY,
    ) {
        let mut facts = RetentionFacts::new();
        for (period, start) in periods.into_iter().zip(starts) {
            facts = facts.with_obligation(
                RetentionObligation::try_new(period, start, counting, "pamatojums").unwrap(),
            );
        }
        if held {
            facts = facts.with_hold(LegalHold::try_new("LH-1", "audits", today).unwrap());
        }
        let old = retention_decision(&facts, today).unwrap();
        let core = facts.to_core("ieraksts").unwrap().decide(today).unwrap();
        prop_assert_eq!(core.verdict(), as_core_verdict(&old));
    }
}

#[test]
fn the_file_plans_words_become_core_events() {
    use apkalpe_core::RetentionEvent;
    let period: RetentionPeriod = "90 gadi no personas dzimšanas".parse().unwrap();
    assert_eq!(period.to_core().1, RetentionEvent::Birth);
    let annual = apkalpe_documents::AccountingRecord::AnnualReport.period();
    assert_eq!(annual.to_core().1, RetentionEvent::BusinessEnded);
    let custom: RetentionPeriod = "3 gadi no līguma izbeigšanas".parse().unwrap();
    assert!(matches!(custom.to_core().1, RetentionEvent::Custom(_)));
    // A level has no case and so no obligation.
    let level = FilePlanEntry::try_from(FilePlanEntryInput {
        index: "1".into(),
        level_name: "Vadība".into(),
        ..FilePlanEntryInput::default()
    })
    .unwrap();
    assert_eq!(
        level
            .retention_obligation("lieta 1", None, CountingRule::default())
            .unwrap(),
        None
    );
}

#[test]
fn a_hold_saved_in_a_case_reads_as_before() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut case = closed_case(
        RetentionPeriod::Years(5),
        day(2026, 1, 5),
        30,
        None,
        CountingRule::default(),
    );
    case.place_hold(LegalHold::try_new("LH-1", "tiesvedība", day(2026, 3, 1)).unwrap());
    let json = serde_json::to_value(&case).unwrap();
    assert_eq!(
        json["holds"],
        serde_json::json!([{"id": "LH-1", "reason": "tiesvedība", "placed_on": "2026-03-01", "lifted_on": null}])
    );
    let back: ClosedCase = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, case);
    // A hold with a last day keeps it; one lifted before it was placed is refused.
    let mut edited = json.clone();
    edited["holds"][0]["ends_on"] = serde_json::json!("2026-02-01");
    let error = serde_json::from_value::<ClosedCase>(edited).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("retention.hold_ends_before_placed"),
        "{error}"
    );
    let mut edited = json;
    edited["holds"][0]["lifted_on"] = serde_json::json!("2026-02-01");
    let error = serde_json::from_value::<ClosedCase>(edited).unwrap_err();
    assert!(
        error.to_string().contains("retention.lifted_before_placed"),
        "{error}"
    );
}
