use super::*;
use crate::{Language, LocalizedError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn obligation(period: RetentionPeriod, start: RetentionStart) -> RetentionObligation {
    RetentionObligation::try_new(
        "invoice INV-1",
        "Grāmatvedības likums, 28. pants",
        period,
        start,
    )
    .unwrap()
}

#[test]
fn no_facts_may_be_erased_with_no_date() {
    let decision = RetentionFacts::new().decide(day(2026, 1, 1)).unwrap();
    assert_eq!(
        decision.verdict(),
        RetentionVerdict::MayErase { since: None }
    );
    assert!(decision.may_erase());
    assert!(decision.reasons().is_empty());
    assert_eq!(
        decision.lines(Language::English),
        ["may be erased or destroyed: nothing requires keeping it"]
    );
}

#[test]
fn the_last_day_is_still_kept_and_the_next_is_free() {
    let start = RetentionStart::on(
        RetentionEvent::RecordDate,
        day(2020, 6, 30),
        CountingRule::FromFirstJanuaryAfter,
    );
    let facts = RetentionFacts::new().with_obligation(obligation(RetentionPeriod::Years(5), start));
    assert_eq!(
        facts.decide(day(2025, 12, 31)).unwrap().verdict(),
        RetentionVerdict::KeepUntil {
            last_day: day(2025, 12, 31)
        }
    );
    assert_eq!(
        facts.decide(day(2026, 1, 1)).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: Some(day(2026, 1, 1))
        }
    );
}

#[test]
fn the_longest_obligation_wins_and_open_ended_beats_dated() {
    let from = |date| RetentionStart::on(RetentionEvent::RecordDate, date, CountingRule::FromDate);
    let facts = RetentionFacts::new()
        .with_obligation(obligation(RetentionPeriod::Years(5), from(day(2024, 1, 1))))
        .with_obligation(obligation(
            RetentionPeriod::Years(10),
            from(day(2024, 1, 1)),
        ));
    let decision = facts.decide(day(2026, 1, 1)).unwrap();
    assert_eq!(
        decision.verdict(),
        RetentionVerdict::KeepUntil {
            last_day: day(2034, 1, 1)
        }
    );
    assert_eq!(decision.reasons().len(), 2);
    assert!(
        decision
            .reasons()
            .iter()
            .all(|reason| reason.kind() == KeepReasonKind::Running)
    );
    let permanent = facts.clone().with_obligation(obligation(
        RetentionPeriod::Permanent,
        from(day(2024, 1, 1)),
    ));
    let decision = permanent.decide(day(2040, 1, 1)).unwrap();
    assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    assert_eq!(decision.reasons().len(), 1);
    assert_eq!(decision.reasons()[0].kind(), KeepReasonKind::Permanent);
    assert_eq!(
        decision.reasons()[0].describe(Language::Latvian),
        "invoice INV-1: glabā pastāvīgi (Grāmatvedības likums, 28. pants)"
    );
}

#[test]
fn a_pending_event_keeps_until_it_happens() {
    let contract = RetentionObligation::try_new(
        "contract L-1",
        "Civillikums, 1895. pants",
        RetentionPeriod::Years(10),
        RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
    )
    .unwrap();
    let decision = RetentionFacts::new()
        .with_obligation(contract.clone())
        .decide(day(2090, 1, 1))
        .unwrap();
    assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    assert_eq!(decision.reasons()[0].kind(), KeepReasonKind::StartPending);
    assert_eq!(
        decision.reasons()[0].describe(Language::English),
        "contract L-1: kept 10 years from the end of the contract, which has not happened yet (Civillikums, 1895. pants)"
    );
    let ended = RetentionFacts::new().with_obligation(contract.with_event_on(day(2027, 6, 30)));
    assert_eq!(
        ended.decide(day(2037, 7, 1)).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: Some(day(2037, 7, 1))
        }
    );
}

#[test]
fn holds_block_until_released() {
    let hold = LegalHold::try_new(" LH-1 ", "audit", day(2026, 3, 1)).unwrap();
    assert_eq!(hold.id(), "LH-1");
    // Not lifted: blocks even before its placing date.
    assert!(hold.is_active_on(day(2026, 1, 1)));
    assert_eq!(hold.released_on(), None);
    let dated = hold.clone().until(day(2026, 6, 30)).unwrap();
    assert_eq!(dated.released_on(), Some(day(2026, 7, 1)));
    let lifted_early = dated.clone().lift(day(2026, 4, 1)).unwrap();
    assert_eq!(lifted_early.released_on(), Some(day(2026, 4, 1)));
    assert_eq!(
        hold.clone().until(day(2026, 2, 1)).unwrap_err().code(),
        "retention.hold_ends_before_placed"
    );
    assert_eq!(
        hold.clone().lift(day(2026, 2, 1)).unwrap_err().code(),
        "retention.lifted_before_placed"
    );
    assert_eq!(
        lifted_early.clone().lift(day(2026, 5, 1)).unwrap_err(),
        RetentionError::AlreadyLifted {
            id: "LH-1".to_owned()
        }
    );
    let facts = RetentionFacts::new().with_hold(dated.clone());
    let decision = facts.decide(day(2026, 5, 1)).unwrap();
    assert_eq!(
        decision.verdict(),
        RetentionVerdict::KeepUntil {
            last_day: day(2026, 6, 30)
        }
    );
    assert_eq!(
        decision.lines(Language::Latvian),
        [
            "glabāt līdz 2026-06-30",
            "- iznīcināšanas aizliegums LH-1 kopš 2026-03-01: audit, līdz 2026-06-30"
        ]
    );
    assert_eq!(
        facts.decide(day(2026, 7, 1)).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: Some(day(2026, 7, 1))
        }
    );
    // The release of a hold later than an obligation's end sets the day erasure was allowed.
    let start = RetentionStart::on(
        RetentionEvent::RecordDate,
        day(2020, 1, 1),
        CountingRule::FromFirstJanuaryAfter,
    );
    let both = RetentionFacts::new()
        .with_obligation(obligation(RetentionPeriod::Years(1), start))
        .with_hold(lifted_early);
    assert_eq!(
        both.decide(day(2027, 1, 1)).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: Some(day(2026, 4, 1))
        }
    );
}

#[test]
fn parts_are_decided_by_the_scopes_that_cover_them() {
    let start = RetentionStart::on(
        RetentionEvent::RecordDate,
        day(2026, 3, 2),
        CountingRule::FromFirstJanuaryAfter,
    );
    let mut facts = RetentionFacts::new();
    facts.add_obligation(
        obligation(RetentionPeriod::Years(5), start)
            .with_scope(RetentionScope::try_parts(["name", "addresses"]).unwrap()),
    );
    facts.add_hold(
        LegalHold::try_new("LH-2", "strīds", day(2026, 10, 1))
            .unwrap()
            .with_scope(RetentionScope::try_parts(["phones"]).unwrap()),
    );
    let today = day(2026, 11, 27);
    let part = |name: &str| RecordPart::try_new(name).unwrap();
    let verdict = |name: &str| facts.decide_part(&part(name), today).unwrap().verdict();
    assert_eq!(
        verdict("name"),
        RetentionVerdict::KeepUntil {
            last_day: day(2031, 12, 31)
        }
    );
    assert_eq!(verdict("phones"), RetentionVerdict::KeepOpenEnded);
    assert_eq!(verdict("tags"), RetentionVerdict::MayErase { since: None });
    assert_eq!(facts.decide(today).unwrap().reasons().len(), 2);
}

#[test]
fn texts_and_parts_are_checked() {
    let start = RetentionStart::pending(RetentionEvent::CaseClosed, CountingRule::FromDate);
    let error =
        RetentionObligation::try_new(" ", "basis", RetentionPeriod::Years(1), start.clone())
            .unwrap_err();
    assert_eq!(error.code(), "retention.blank");
    assert_eq!(error.to_string(), "record: text must not be blank");
    assert_eq!(
        error.message_in(Language::Latvian),
        "record: teksts nedrīkst būt tukšs"
    );
    let long = "x".repeat(301);
    assert_eq!(
        RetentionObligation::try_new("r", &long, RetentionPeriod::Years(1), start.clone())
            .unwrap_err()
            .code(),
        "retention.too_long"
    );
    assert_eq!(
        LegalHold::try_new("a\nb", "r", day(2026, 1, 1))
            .unwrap_err()
            .code(),
        "retention.control_character"
    );
    assert_eq!(
        RecordPart::try_new("").unwrap_err().code(),
        "retention.part"
    );
    assert_eq!(
        RecordPart::try_new(&"a".repeat(33)).unwrap_err().code(),
        "retention.part"
    );
    assert_eq!(RecordPart::try_new(" phones ").unwrap().as_str(), "phones");
    assert_eq!(
        RetentionScope::try_parts(["name", "Name"])
            .unwrap_err()
            .code(),
        "retention.part"
    );
}

#[test]
fn an_end_out_of_range_is_an_error_not_a_guess() {
    let start = RetentionStart::on(
        RetentionEvent::RecordDate,
        NaiveDate::MAX,
        CountingRule::FromDate,
    );
    let facts = RetentionFacts::new().with_obligation(obligation(RetentionPeriod::Years(1), start));
    let error = facts.decide(day(2026, 1, 1)).unwrap_err();
    assert_eq!(error.code(), "retention.date_out_of_range");
    assert_eq!(
        error.message_in(Language::Latvian),
        "1 gads, skaitot no +262142-12-31, iziet ārpus attēlojamo datumu robežām"
    );
}

#[cfg(feature = "serde")]
mod saved {
    use super::*;

    fn client_facts() -> RetentionFacts {
        let start = RetentionStart::on(
            RetentionEvent::RecordDate,
            day(2026, 3, 2),
            CountingRule::FromFirstJanuaryAfter,
        );
        RetentionFacts::new()
            .with_obligation(
                obligation(RetentionPeriod::Years(5), start)
                    .with_scope(RetentionScope::try_parts(["name", "addresses"]).unwrap()),
            )
            .with_hold(
                LegalHold::try_new("LH-2", "strīds", day(2026, 10, 1))
                    .unwrap()
                    .until(day(2027, 3, 31))
                    .unwrap(),
            )
    }

    #[cfg(feature = "serde")]
    #[test]
    fn facts_and_decisions_round_trip() {
        let facts = client_facts();
        let json = serde_json::to_value(&facts).unwrap();
        assert_eq!(json["obligations"][0]["period"], "5 gadi");
        assert_eq!(
            json["obligations"][0]["scope"],
            serde_json::json!(["addresses", "name"])
        );
        assert_eq!(json["holds"][0]["scope"], "whole");
        assert_eq!(
            json["obligations"][0]["start"],
            serde_json::json!({"event": "record_date", "date": "2026-03-02", "counting": "from_first_january_after"})
        );
        assert_eq!(
            serde_json::from_value::<RetentionFacts>(json).unwrap(),
            facts
        );
        let decision = facts.decide(day(2026, 11, 27)).unwrap();
        let json = serde_json::to_value(&decision).unwrap();
        assert_eq!(
            json["verdict"],
            serde_json::json!({"kind": "keep_until", "last_day": "2031-12-31"})
        );
        assert_eq!(json["reasons"][0]["kind"], "obligation");
        assert_eq!(json["reasons"][1]["kind"], "legal_hold");
        assert_eq!(
            serde_json::from_value::<RetentionDecision>(json).unwrap(),
            decision
        );
        let custom = RetentionEvent::Custom(crate::LocalizedText::new(
            Language::Latvian,
            "revīzijas beigām",
        ));
        let json = serde_json::to_value(&custom).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"custom": {"lv": "revīzijas beigām"}})
        );
        assert_eq!(
            serde_json::from_value::<RetentionEvent>(json).unwrap(),
            custom
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn restoring_runs_the_checks() {
        let facts = client_facts();
        let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut json = serde_json::to_value(&facts).unwrap();
            edit(&mut json);
            serde_json::from_value::<RetentionFacts>(json)
                .unwrap_err()
                .to_string()
        };
        assert!(
            refused(&|json| json["obligations"][0]["basis"] = " ".into())
                .starts_with("restore.invalid: cannot restore RetentionObligation: basis:")
        );
        assert!(
            refused(&|json| json["obligations"][0]["scope"] = serde_json::json!([]))
                .contains("[retention.scope_empty]")
        );
        assert!(
            refused(&|json| json["obligations"][0]["scope"] = "all".into())
                .starts_with("restore.invalid: cannot restore RetentionScope")
        );
        assert!(
            refused(&|json| json["obligations"][0]["period"] = "5 weeks".into())
                .contains("retention period unit")
        );
        assert!(
            refused(&|json| json["holds"][0]["lifted_on"] = "2026-09-01".into())
                .contains("[retention.lifted_before_placed]")
        );
        assert!(
            refused(&|json| json["holds"][0]["ends_on"] = "2026-09-01".into())
                .contains("[retention.hold_ends_before_placed]")
        );
        let decision = facts.decide(day(2026, 11, 27)).unwrap();
        let mut json = serde_json::to_value(&decision).unwrap();
        json["verdict"] = serde_json::json!({"kind": "may_erase", "since": null});
        let error = serde_json::from_value::<RetentionDecision>(json)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("restore.inconsistent: cannot restore RetentionDecision: verdict"),
            "{error}"
        );
        let mut json = serde_json::to_value(&decision).unwrap();
        json["reasons"][0]["kept_until"] = "2030-12-31".into();
        let error = serde_json::from_value::<RetentionDecision>(json)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("the obligation ends on 2031-12-31"),
            "{error}"
        );
    }
}
