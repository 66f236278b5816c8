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
