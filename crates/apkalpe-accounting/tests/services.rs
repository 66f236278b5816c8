//! Acceptance–transfer acts and the ledger of services rendered (S25, S26).

use apkalpe_accounting::{
    DraftAcceptanceAct, ItemLine, ServiceLedger, ServiceRecord, Signatory, UnitCode,
    render_acceptance_act_in,
};
use apkalpe_core::Language;
use apkalpe_core::{Party, PartyName};
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::goods::series;
use crate::support::{company, day, eur, invoices, quantity, riga, seller, vat};

fn record(
    id: &str,
    client: &str,
    service: &str,
    hours: rust_decimal::Decimal,
    date: u32,
) -> ServiceRecord {
    ServiceRecord::try_new(
        id,
        client,
        service,
        quantity(hours),
        UnitCode::HOUR,
        eur(dec!(40)),
        vat(dec!(21)),
        day(3, date),
    )
    .unwrap()
}

#[test]
fn acceptance_act_rendering() {
    let act = DraftAcceptanceAct::new(seller(), company(), day(2, 1), day(2, 28))
        .with_line(
            ItemLine::try_new(
                "Klientu apkalpošana tālrunī",
                quantity(dec!(40)),
                UnitCode::HOUR,
            )
            .unwrap()
            .with_unit_price(eur(dec!(25))),
        )
        .with_line(
            ItemLine::try_new("Zvanu ierakstu analīze", quantity(dec!(1)), UnitCode::MONTH)
                .unwrap()
                .with_unit_price(eur(dec!(150))),
        )
        .with_provider_signatory(Signatory::try_new("Anna Bērziņa", "valdes locekle").unwrap())
        .with_client_signatory(Signatory::try_new("Jānis Kalniņš", "direktors").unwrap())
        .issue(&mut series("acts", "AKTS{year}-{seq:3}"), day(3, 2))
        .unwrap();
    assert_eq!(act.value().unwrap().to_string(), "1150.00 EUR");
    insta::assert_snapshot!(
        "services__acceptance_act",
        render_acceptance_act_in(&act, Language::Latvian)
    );
    let english = render_acceptance_act_in(&act, Language::English);
    assert!(
        english.starts_with("Acceptance certificate No. "),
        "{english}"
    );
    assert!(english.contains("The provider hands over and the client accepts"));
    assert!(!english.contains("Izpildītājs"), "{english}");
}

#[test]
fn acceptance_act_reports_every_problem_at_once() {
    let nameless = Party::organisation(PartyName::try_new("SIA Bez").unwrap(), riga("Iela 1"));
    let draft = DraftAcceptanceAct::new(nameless, company(), day(2, 28), day(2, 1));
    assert_eq!(
        draft.validate().codes(),
        [
            "requisite.lines_missing",
            "requisite.seller_registration_number",
            "requisite.period_order",
            "requisite.provider_signatory",
            "requisite.client_signatory",
        ]
    );
}

#[test]
fn services_are_billed_once_into_one_invoice() {
    let mut ledger = ServiceLedger::new();
    ledger
        .record(record("S-1", "K-7", "Konsultācija", dec!(2), 2))
        .unwrap();
    ledger
        .record(record("S-2", "K-8", "Apmācība", dec!(1), 3))
        .unwrap();
    ledger
        .record(record("S-3", "K-7", "Konsultācija", dec!(1.5), 5))
        .unwrap();

    let billing = ledger.bill_client("K-7", seller(), company()).unwrap();
    assert_eq!(billing.record_ids(), ["S-1", "S-3"]);
    let (draft, ids) = billing.into_parts();
    assert_eq!(draft.content().supply_date(), Some(day(3, 5)));
    let invoice = draft
        .with_due_date(day(3, 20))
        .issue(&mut invoices(), day(3, 6))
        .unwrap();
    // 3.5 h × 40 = 140.00; VAT 21 % = 29.40
    assert_eq!(invoice.totals().amount_due().to_string(), "169.40 EUR");
    ledger.mark_billed(&ids, invoice.number()).unwrap();

    let twice = ledger.mark_billed(&ids, invoice.number()).unwrap_err();
    assert_eq!(twice.code(), "services.already_billed");
    assert_eq!(
        ledger
            .bill_client("K-7", seller(), company())
            .unwrap_err()
            .code(),
        "services.nothing_to_bill"
    );
    assert_eq!(ledger.unbilled("K-8").count(), 1);
    assert_eq!(ledger.billed_by("S-3"), Some(invoice.number().as_str()));
    assert!(ledger.billed_by("S-2").is_none());
}

/// An action on the ledger: record a service for one of 3 clients, or bill a client.
#[derive(Debug, Clone)]
enum Action {
    Record(u8),
    Bill(u8),
    /// Try to bill again the records of an earlier billing, by index.
    Rebill(usize),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0u8..3).prop_map(Action::Record),
        2 => (0u8..3).prop_map(Action::Bill),
        1 => (0usize..8).prop_map(Action::Rebill),
    ]
}

proptest! {
    /// Whatever the order of recording and billing, no record is billed twice: every record
    /// appears in at most one billing, a rebilling fails, and billed records keep the number
    /// of their first invoice.
    #[test]
    fn billing_never_bills_a_record_twice(actions in proptest::collection::vec(action(), 1..40)) {
        let mut ledger = ServiceLedger::new();
        let mut numbers = invoices();
        let mut billings: Vec<(Vec<String>, apkalpe_core::DocumentNumber)> = Vec::new();
        let mut next = 0u32;
        for action in actions {
            match action {
                Action::Record(client) => {
                    next += 1;
                    ledger.record(record(&format!("S-{next}"), &format!("K-{client}"), "Darbs", dec!(1), 2)).unwrap();
                }
                Action::Bill(client) => {
                    match ledger.bill_client(&format!("K-{client}"), seller(), company()) {
                        Ok(billing) => {
                            let (draft, ids) = billing.into_parts();
                            let invoice = draft.with_due_date(day(3, 20)).issue(&mut numbers, day(3, 6)).unwrap();
                            ledger.mark_billed(&ids, invoice.number()).unwrap();
                            billings.push((ids, invoice.number().clone()));
                        }
                        Err(error) => {
                            prop_assert_eq!(error.code(), "services.nothing_to_bill");
                            prop_assert_eq!(ledger.unbilled(&format!("K-{client}")).count(), 0);
                        }
                    }
                }
                Action::Rebill(index) => {
                    if let Some((ids, _)) = billings.get(index) {
                        let other = numbers.issue(day(3, 6)).unwrap();
                        let error = ledger.mark_billed(ids, &other).unwrap_err();
                        prop_assert_eq!(error.code(), "services.already_billed");
                    }
                }
            }
        }
        let mut all: Vec<&String> = billings.iter().flat_map(|(ids, _)| ids).collect();
        let count = all.len();
        all.sort();
        all.dedup();
        prop_assert_eq!(all.len(), count, "a record appears in two billings");
        for (ids, number) in &billings {
            for id in ids {
                prop_assert_eq!(ledger.billed_by(id), Some(number.as_str()));
            }
        }
        let unbilled: usize = (0..3).map(|client| ledger.unbilled(&format!("K-{client}")).count()).sum();
        prop_assert_eq!(unbilled + count, ledger.records().count());
    }
}
