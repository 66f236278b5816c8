//! The retention engine on the question the issue asked: may this client's personal data be
//! erased, and if not, why and until when, for a client with invoices, a complaint and a
//! contract (issue 16, part 3).

use apkalpe_core::{
    CountingRule, KeepReasonKind, Language, LegalHold, RecordPart, RetentionEvent, RetentionFacts,
    RetentionObligation, RetentionPeriod, RetentionScope, RetentionStart, RetentionVerdict,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The personal data of a client, as the clients crate names its parts.
const PARTS: [&str; 6] = [
    "name",
    "personal_code",
    "addresses",
    "emails",
    "phones",
    "tags",
];

/// A client with two invoices (one of 2019, past its period), a closed complaint, a running
/// contract and a consumer dispute about the complaint.
fn client() -> RetentionFacts {
    let invoice = |number: &str, issued: NaiveDate| {
        RetentionObligation::try_new(
            &format!("invoice {number}"),
            "Grāmatvedības likums, 28. pants",
            RetentionPeriod::Years(5),
            RetentionStart::on(
                RetentionEvent::RecordDate,
                issued,
                CountingRule::FromFirstJanuaryAfter,
            ),
        )
        .unwrap()
        .with_scope(RetentionScope::try_parts(["name", "addresses", "emails"]).unwrap())
    };
    let complaint = RetentionObligation::try_new(
        "complaint S-2026-4 (case 5-3)",
        "dokumentu klasifikācijas shēma, lieta 5-3: 3 gadi",
        "3 gadi".parse().unwrap(),
        RetentionStart::on(
            RetentionEvent::CaseClosed,
            day(2026, 6, 30),
            CountingRule::FromFirstJanuaryAfter,
        ),
    )
    .unwrap()
    .with_scope(RetentionScope::try_parts(["name", "emails", "phones"]).unwrap());
    let contract = RetentionObligation::try_new(
        "contract L-2025-9",
        "Civillikums, 1895. pants (prasījuma noilgums)",
        RetentionPeriod::Years(10),
        RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
    )
    .unwrap()
    .with_scope(RetentionScope::try_parts(["name", "personal_code", "addresses"]).unwrap());
    let dispute = LegalHold::try_new(
        "PTAC-2026-118",
        "patērētāja strīds par sūdzību S-2026-4",
        day(2026, 10, 1),
    )
    .unwrap()
    .until(day(2027, 3, 31))
    .unwrap()
    .with_scope(RetentionScope::try_parts(["name", "phones"]).unwrap());
    RetentionFacts::new()
        .with_obligation(invoice("INV-2019-2", day(2019, 3, 1)))
        .with_obligation(invoice("INV-2024-31", day(2024, 5, 14)))
        .with_obligation(complaint)
        .with_obligation(contract)
        .with_hold(dispute)
}

#[test]
fn a_client_with_invoices_a_complaint_and_a_contract() {
    let facts = client();
    let today = day(2026, 11, 27);
    let verdicts: Vec<(&str, RetentionVerdict)> = PARTS
        .iter()
        .map(|name| {
            let part = RecordPart::try_new(name).unwrap();
            (*name, facts.decide_part(&part, today).unwrap().verdict())
        })
        .collect();
    let until = |y, m, d| RetentionVerdict::KeepUntil {
        last_day: day(y, m, d),
    };
    assert_eq!(
        verdicts,
        [
            ("name", RetentionVerdict::KeepOpenEnded),
            ("personal_code", RetentionVerdict::KeepOpenEnded),
            ("addresses", RetentionVerdict::KeepOpenEnded),
            ("emails", until(2029, 12, 31)),
            ("phones", until(2029, 12, 31)),
            ("tags", RetentionVerdict::MayErase { since: None }),
        ]
    );
    let whole = facts.decide(today).unwrap();
    assert_eq!(whole.verdict(), RetentionVerdict::KeepOpenEnded);
    // The 2019 invoice has ended: it is no reason any more.
    let kinds: Vec<KeepReasonKind> = whole.reasons().iter().map(|reason| reason.kind()).collect();
    assert_eq!(
        kinds,
        [
            KeepReasonKind::Running,
            KeepReasonKind::Running,
            KeepReasonKind::StartPending,
            KeepReasonKind::LegalHold
        ]
    );
    let mut lines = Vec::new();
    for language in [Language::Latvian, Language::English] {
        lines.push(format!("[{language}] whole record"));
        lines.extend(whole.lines(language));
        for part in ["emails", "tags"] {
            lines.push(format!("[{language}] {part}"));
            lines.extend(
                facts
                    .decide_part(&RecordPart::try_new(part).unwrap(), today)
                    .unwrap()
                    .lines(language),
            );
        }
    }
    insta::assert_snapshot!("retention__client", lines.join("\n"));
}

#[test]
fn when_the_contract_ends_everything_may_be_erased_in_time() {
    let mut ended = RetentionFacts::new();
    for obligation in client().obligations() {
        let obligation = match obligation.start().event() {
            RetentionEvent::ContractEnded => obligation.clone().with_event_on(day(2027, 6, 30)),
            _ => obligation.clone(),
        };
        ended.add_obligation(obligation);
    }
    for hold in client().holds() {
        ended.add_hold(hold.clone());
    }
    assert_eq!(
        ended.decide(day(2037, 6, 30)).unwrap().verdict(),
        RetentionVerdict::KeepUntil {
            last_day: day(2037, 6, 30)
        }
    );
    assert_eq!(
        ended.decide(day(2040, 1, 1)).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: Some(day(2037, 7, 1))
        }
    );
}

use apkalpe_testkit::strategy::{RECORD_PARTS, business_date, retention_facts};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The verdict is the one the reasons give: no reason, may erase; every reason dated, the
    /// latest date; a reason without a date, no end date. Every reason still applies today.
    #[test]
    fn the_verdict_follows_from_the_reasons(facts in retention_facts(), today in business_date()) {
        let decision = facts.decide(today).unwrap();
        let ends: Vec<Option<NaiveDate>> = decision.reasons().iter().map(|r| r.kept_until()).collect();
        prop_assert!(ends.iter().flatten().all(|end| *end >= today));
        match decision.verdict() {
            RetentionVerdict::MayErase { since } => {
                prop_assert!(ends.is_empty());
                prop_assert!(since.is_none_or(|since| since <= today));
            }
            RetentionVerdict::KeepUntil { last_day } => {
                prop_assert!(!ends.is_empty());
                prop_assert_eq!(ends.iter().copied().max().flatten(), Some(last_day));
                prop_assert!(ends.iter().all(Option::is_some));
            }
            RetentionVerdict::KeepOpenEnded => prop_assert!(ends.iter().any(Option::is_none)),
        }
    }

    /// Time only frees: what may be erased today may be erased on every later day, and a
    /// record kept until a day may be erased the day after (unless it is open-ended).
    #[test]
    fn time_only_frees(facts in retention_facts(), today in business_date(), later in 0_u64..5000) {
        let now = facts.decide(today).unwrap();
        let then = facts.decide(today + chrono::Days::new(later)).unwrap();
        if now.may_erase() {
            prop_assert!(then.may_erase());
        }
        if let RetentionVerdict::KeepUntil { last_day } = now.verdict() {
            let after = facts.decide(last_day.succ_opt().unwrap()).unwrap();
            prop_assert!(after.may_erase(), "{:?}", after);
        }
        prop_assert!(then.reasons().len() <= now.reasons().len());
    }

    /// A part is kept by a subset of what keeps the whole record, so never longer.
    #[test]
    fn a_part_is_never_kept_longer_than_the_record(facts in retention_facts(), today in business_date()) {
        let whole = facts.decide(today).unwrap();
        for name in RECORD_PARTS {
            let part = facts.decide_part(&RecordPart::try_new(name).unwrap(), today).unwrap();
            prop_assert!(part.reasons().iter().all(|reason| whole.reasons().contains(reason)));
            if whole.may_erase() {
                prop_assert!(part.may_erase());
            }
        }
    }

    /// Saved facts and decisions read back as themselves.
    #[cfg(feature = "serde")]
    #[test]
    fn facts_and_decisions_round_trip(facts in retention_facts(), today in business_date()) {
        let json = serde_json::to_string(&facts).unwrap();
        prop_assert_eq!(&serde_json::from_str::<RetentionFacts>(&json).unwrap(), &facts);
        let decision = facts.decide(today).unwrap();
        let json = serde_json::to_string(&decision).unwrap();
        prop_assert_eq!(serde_json::from_str::<apkalpe_core::RetentionDecision>(&json).unwrap(), decision);
    }
}
