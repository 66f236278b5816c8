//! Complaints and submissions: deadline lines as `desk complaint deadline` prints them,
//! answers, the overdue report; reclamations and withdrawal.

use apkalpe_core::Calendar;
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, Channel, DeadlineRegime, NewSubmission, OpenSubmission,
    SubmissionKind, WithdrawalInformation, WithdrawalOutcome, WithdrawalStart,
    overdue_submissions_report, withdrawal_deadline,
};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn lines(regime: &str, received: NaiveDate) -> String {
    let regime: DeadlineRegime = regime.parse().unwrap();
    AnswerRules::latvia()
        .deadline(regime, received, &Calendar::latvia())
        .unwrap()
        .lines()
        .join("\n")
}

#[test]
fn consumer_deadline_over_christmas() {
    insta::assert_snapshot!("consumer_2026_12_10", lines("consumer", day(2026, 12, 10)));
}

#[test]
fn submission_deadline_before_and_after_the_amendment() {
    insta::assert_snapshot!(
        "submission_2026_02_27",
        lines("submission", day(2026, 2, 27))
    );
    insta::assert_snapshot!(
        "submission_2026_03_02",
        lines("submission", day(2026, 3, 2))
    );
}

fn complaint(number: &str, received_on: NaiveDate) -> OpenSubmission {
    OpenSubmission::register(
        NewSubmission {
            number: number.into(),
            kind: SubmissionKind::Complaint,
            received_on,
            channel: Channel::Email,
            client_id: "C-1042".into(),
            invoice_number: None,
            summary: "Prece neatbilst līgumam".into(),
        },
        DeadlineRegime::Consumer,
        &AnswerRules::latvia(),
        &Calendar::latvia(),
    )
    .unwrap()
}

#[test]
fn overdue_report_and_answers() {
    let open = vec![
        complaint("2.1/3", day(2026, 2, 2)),
        complaint("2.1/9", day(2026, 2, 20)),
        complaint("2.1/12", day(2026, 3, 2)),
    ];
    let today = day(2026, 3, 20);
    insta::assert_snapshot!("overdue_report", overdue_submissions_report(&open, today));
    let late = open[0]
        .clone()
        .answer(today, AnswerOutcome::Refused, "Pretenzija noraidīta, jo…")
        .unwrap();
    assert!(!late.is_in_time());
    let early = open[0]
        .clone()
        .answer(day(2026, 1, 30), AnswerOutcome::Accepted, "x")
        .unwrap_err();
    assert_eq!(early.code(), "submission.answered_before_received");
}

#[test]
fn withdrawal_lines() {
    let outcome = withdrawal_deadline(
        WithdrawalStart::LastItemReceived(day(2026, 12, 10)),
        WithdrawalInformation::NotInformed,
        None,
        &Calendar::latvia(),
    )
    .unwrap();
    let WithdrawalOutcome::Until { date, lines } = outcome else {
        panic!("a right to withdraw");
    };
    assert_eq!(date, day(2027, 12, 27));
    insta::assert_snapshot!("withdrawal_not_informed", lines.join("\n"));
}

// Forwarding a submission that belongs to another institution (issue 15, part 7).

fn application(received: NaiveDate, regime: DeadlineRegime) -> OpenSubmission {
    OpenSubmission::register(
        NewSubmission {
            number: "3.1/9".into(),
            kind: SubmissionKind::Application,
            received_on: received,
            channel: Channel::EAddress,
            client_id: "C-7".into(),
            invoice_number: None,
            summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
        },
        regime,
        &AnswerRules::latvia(),
        &Calendar::latvia(),
    )
    .unwrap()
}

#[test]
fn forwarding_terms_are_dated() {
    let rules = AnswerRules::latvia();
    let calendar = Calendar::latvia();
    // Up to 28 Feb 2026: 7 working days, forwarding only.
    let old = rules
        .forwarding_deadline(day(2026, 2, 27), &calendar)
        .unwrap();
    assert_eq!(old.date(), day(2026, 3, 10));
    assert!(!old.may_inform_instead());
    // From 1 Mar 2026: 5 working days, or tell the applicant where to turn.
    let new = rules
        .forwarding_deadline(day(2026, 3, 2), &calendar)
        .unwrap();
    assert_eq!(new.date(), day(2026, 3, 9));
    assert!(new.may_inform_instead());
    // Over Easter 2026 (3 and 6 April off): received Thu 2 Apr, five working days are
    // 7, 8, 9, 10 and 13 April.
    assert_eq!(
        rules
            .forwarding_deadline(day(2026, 4, 2), &calendar)
            .unwrap()
            .date(),
        day(2026, 4, 13)
    );
    // A table without forwarding terms.
    let bare = AnswerRules::from_rules(Vec::new());
    assert_eq!(
        bare.forwarding_deadline(day(2026, 3, 2), &calendar)
            .unwrap_err()
            .code(),
        "submission.no_forwarding_rule"
    );
}

#[test]
fn a_forwarded_submission_knows_whether_it_was_in_time() {
    let rules = AnswerRules::latvia();
    let calendar = Calendar::latvia();
    let forwarded = application(day(2026, 3, 2), DeadlineRegime::Submission)
        .forward(
            day(2026, 3, 10),
            "Valsts ieņēmumu dienests",
            apkalpe_documents::ForwardAction::Forwarded,
            &rules,
            &calendar,
        )
        .unwrap();
    assert!(!forwarded.is_in_time());
    insta::assert_snapshot!("forwarded_late", forwarded.lines().join("\n"));
    // Under the old rule only forwarding counts; from March telling the applicant does.
    let informed = application(day(2026, 2, 27), DeadlineRegime::Submission).forward(
        day(2026, 3, 2),
        "VID",
        apkalpe_documents::ForwardAction::ApplicantInformed,
        &rules,
        &calendar,
    );
    assert_eq!(informed.unwrap_err().code(), "submission.must_forward");
    let informed = application(day(2026, 3, 2), DeadlineRegime::Submission)
        .forward(
            day(2026, 3, 9),
            "VID",
            apkalpe_documents::ForwardAction::ApplicantInformed,
            &rules,
            &calendar,
        )
        .unwrap();
    assert!(informed.is_in_time());
    // Restores through its checks.
    let json = serde_json::to_value(&informed).unwrap();
    let back: apkalpe_documents::ForwardedSubmission =
        serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, informed);
    let mut edited = json.clone();
    edited["deadline"]["deadline"]["date"] = "2026-03-20".into();
    let error = serde_json::from_value::<apkalpe_documents::ForwardedSubmission>(edited)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("restore.inconsistent"), "{error}");
    let mut edited = json.clone();
    edited["deadline"]["may_inform_instead"] = false.into();
    let error = serde_json::from_value::<apkalpe_documents::ForwardedSubmission>(edited)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("restore.invalid"), "{error}");
    let mut edited = json;
    edited["forwarded_on"] = "2026-03-01".into();
    let error = serde_json::from_value::<apkalpe_documents::ForwardedSubmission>(edited)
        .unwrap_err()
        .to_string();
    assert!(error.contains("forwarded_on"), "{error}");
}

#[test]
fn only_submissions_to_institutions_are_forwarded() {
    let rules = AnswerRules::latvia();
    let calendar = Calendar::latvia();
    let claim = application(day(2026, 3, 2), DeadlineRegime::Consumer).forward(
        day(2026, 3, 3),
        "PTAC",
        apkalpe_documents::ForwardAction::Forwarded,
        &rules,
        &calendar,
    );
    assert_eq!(claim.unwrap_err().code(), "submission.not_forwardable");
    let early = application(day(2026, 3, 2), DeadlineRegime::Submission).forward(
        day(2026, 3, 1),
        "VID",
        apkalpe_documents::ForwardAction::Forwarded,
        &rules,
        &calendar,
    );
    assert_eq!(
        early.unwrap_err().code(),
        "submission.forwarded_before_received"
    );
    let blank = application(day(2026, 3, 2), DeadlineRegime::Submission).forward(
        day(2026, 3, 3),
        " ",
        apkalpe_documents::ForwardAction::Forwarded,
        &rules,
        &calendar,
    );
    assert_eq!(blank.unwrap_err().code(), "submission.blank");
}
