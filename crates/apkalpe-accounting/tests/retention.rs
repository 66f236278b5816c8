//! Retention in core's model (decision 0008): the crate's rules state the same end dates as
//! before, years counted in whole years from 1 January after the document's date, and one
//! decision answers for every document of a client.

use apkalpe_accounting::{DocumentKind, retention_rules};
use apkalpe_core::{
    CountingRule, RetentionEvent, RetentionFacts, RetentionPeriod, RetentionVerdict,
};
use chrono::{Datelike, NaiveDate};

use crate::support::{self, day};

/// The end date the accounting rules meant before core's model: the last day of the
/// `minimum_years`-th whole year after the document's year.
fn end_as_before(date: NaiveDate, years: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year() + i32::from(years), 12, 31).unwrap()
}

#[test]
fn every_rule_gives_the_same_end_dates_as_before() {
    let dates = [
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
        NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    ];
    for rule in retention_rules() {
        for date in dates {
            let obligation = rule.obligation("dokuments", date).unwrap();
            assert_eq!(
                obligation.period(),
                RetentionPeriod::Years(rule.minimum_years())
            );
            assert_eq!(obligation.start().event(), &RetentionEvent::RecordDate);
            assert_eq!(
                obligation.start().counting(),
                CountingRule::FromFirstJanuaryAfter
            );
            assert_eq!(obligation.basis(), rule.legal_basis());
            assert_eq!(
                obligation.ends_on().unwrap(),
                Some(end_as_before(date, rule.minimum_years())),
                "{:?} of {date}",
                rule.kind()
            );
        }
    }
    // The facts: the cash book 10 years, a VAT invoice at least 5.
    let issued = day(3, 2);
    assert_eq!(
        DocumentKind::CashBook
            .retention()
            .obligation("Kases grāmata", issued)
            .unwrap()
            .ends_on(),
        Ok(NaiveDate::from_ymd_opt(2036, 12, 31))
    );
    assert_eq!(
        DocumentKind::Invoice
            .retention()
            .obligation("PVN rēķins", issued)
            .unwrap()
            .ends_on(),
        Ok(NaiveDate::from_ymd_opt(2031, 12, 31))
    );
}

#[test]
fn kinds_kept_while_traceable_have_a_second_obligation() {
    let issued = day(3, 2);
    for rule in retention_rules() {
        let open = rule.obligations("dokuments", issued, None).unwrap();
        let closed = rule
            .obligations("dokuments", issued, Some(day(4, 1)))
            .unwrap();
        if rule.is_kept_while_traceable() {
            assert_eq!(open.len(), 2);
            assert_eq!(open[1].start().event(), &RetentionEvent::TransactionClosed);
            assert_eq!(open[1].start().date(), None);
            assert_eq!(open[1].ends_on(), Ok(None));
            assert_eq!(closed[1].ends_on(), Ok(Some(day(4, 1))));
        } else {
            assert_eq!(open.len(), 1);
            assert_eq!(closed, open);
        }
        assert_eq!(open[0], rule.obligation("dokuments", issued).unwrap());
    }
    assert!(!DocumentKind::CashBook.retention().is_kept_while_traceable());
}

/// A client with an invoice and its credit note: one decision for both documents.
#[test]
fn one_decision_for_a_clients_invoices() {
    let (invoice, credit_note) = support::returned_item();
    let mut facts = RetentionFacts::new();
    for obligation in invoice
        .retention_obligations(Some(day(3, 20)))
        .unwrap()
        .into_iter()
        .chain(credit_note.retention_obligations(None).unwrap())
    {
        facts.add_obligation(obligation);
    }
    assert_eq!(facts.obligations()[0].record(), "PVN rēķins INV2026-00001");
    assert_eq!(facts.obligations()[2].record(), "Kredītrēķins KR2026-0001");
    let later = NaiveDate::from_ymd_opt(2032, 1, 1).unwrap();
    // The credit note's refund is still open: kept, with no end yet.
    assert_eq!(
        facts.decide(later).unwrap().verdict(),
        RetentionVerdict::KeepOpenEnded
    );
    // Once it is settled, the five years of both decide.
    let mut settled = RetentionFacts::new();
    for obligation in invoice
        .retention_obligations(Some(day(3, 20)))
        .unwrap()
        .into_iter()
        .chain(credit_note.retention_obligations(Some(day(3, 25))).unwrap())
    {
        settled.add_obligation(obligation);
    }
    assert_eq!(
        settled.decide(day(6, 1)).unwrap().verdict(),
        RetentionVerdict::KeepUntil {
            last_day: NaiveDate::from_ymd_opt(2031, 12, 31).unwrap()
        }
    );
    assert_eq!(
        settled.decide(later).unwrap().verdict(),
        RetentionVerdict::MayErase {
            since: NaiveDate::from_ymd_opt(2032, 1, 1)
        }
    );
}
