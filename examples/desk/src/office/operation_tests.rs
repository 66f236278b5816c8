//! Unit tests of orders, waybills, survey reports and credit notes.

use super::test_desk::Desk;
use super::*;
use apkalpe_accounting::{AccountingError, IssuedInvoice};
use apkalpe_catalogue::{Quantity as CatalogueQuantity, Sku};
use apkalpe_core::{Currency, Money};
use rust_decimal::Decimal;

use chrono::TimeZone;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

fn line(sku: &str, quantity: u32) -> ItemLine {
    ItemLine {
        sku: sku.into(),
        quantity,
    }
}

/// An open day with one company client (with an address, for invoices).
fn office() -> (Desk, Uuid) {
    let mut office = Desk::new().unwrap();
    office.apply(&Operation::OpenDay, at()).unwrap();
    let client = ClientInput {
        organisation: Some("Ziemeļu Rati".into()),
        legal_form: Some("SIA".into()),
        registration_number: Some("40203990007".into()),
        vat_number: Some("LV40203990007".into()),
        street: Some("Brīvības iela 101".into()),
        city: Some("Rīga".into()),
        postcode: Some("LV-1001".into()),
        consents: vec!["surveys".into()],
        ..ClientInput::default()
    };
    let Outcome::Client { id, .. } = office
        .apply(&Operation::RegisterClient { client }, at())
        .unwrap()
    else {
        panic!("not a client")
    };
    (office, id.as_uuid())
}

fn invoice(office: &mut Desk, client: Uuid) -> IssuedInvoice {
    let operation = Operation::IssueInvoice {
        client,
        lines: vec![line("LAP-E14-G5", 1), line("PAP-A4-80", 10)],
        due_in_working_days: 10,
    };
    match office.apply(&operation, at()).unwrap() {
        Outcome::Invoice(issued) => issued.document,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_need_is_recorded_and_a_bad_one_changes_nothing() {
    let (mut office, client) = office();
    let need = |quantity| Operation::RecordNeed {
        client,
        category: "it/laptops".into(),
        quantity,
        budget: Some(eur(100_000)),
        needed_by: Some(today()),
        preferred: vec!["16 GB RAM".into()],
    };
    let Outcome::Need { id } = office.apply(&need(1), at()).unwrap() else {
        panic!("not a need")
    };
    let recorded = office.registry().need(id).unwrap();
    assert_eq!(recorded.category(), "it/laptops");
    assert_eq!(recorded.budget().and_then(|b| b.max()), Some(&eur(100_000)));
    assert_eq!(recorded.preferred_features(), ["16 GB RAM"]);

    let error = office.apply(&need(0), at()).unwrap_err();
    assert_eq!(error.code(), "need.quantity_not_positive");
    let unknown = Operation::RecordNeed {
        client: Uuid::from_u128(7),
        category: "it/laptops".into(),
        quantity: 1,
        budget: None,
        needed_by: None,
        preferred: Vec::new(),
    };
    assert_eq!(
        office.apply(&unknown, at()).unwrap_err().code(),
        "office.unknown_client"
    );
    let client_id = office.client_id(client).unwrap();
    assert_eq!(office.registry().needs_of(client_id).unwrap().len(), 1);
    // The next need takes the next id: the refused one used none.
    let Outcome::Need { id: next } = office.apply(&need(2), at()).unwrap() else {
        panic!("not a need")
    };
    assert_eq!(next.as_uuid().as_u128(), id.as_uuid().as_u128() + 1);
}

#[test]
fn an_order_reserves_every_line_and_schedules_one_delivery() {
    let (mut office, client) = office();
    let order = Operation::ReserveOrder {
        client,
        lines: vec![line("LAP-E14-G5", 2), line("PAP-A4-80", 10)],
        carrier: "courier".into(),
        hold_working_days: 5,
        need: None,
    };
    let Outcome::Order {
        reference,
        reservations,
        order: taken,
    } = office.apply(&order, at()).unwrap()
    else {
        panic!("not an order")
    };
    let delivery = taken.delivery;
    assert_eq!(reference.as_str(), "PAS-2026/0001");
    let references: Vec<&str> = reservations
        .iter()
        .map(|r| r.reference().as_str())
        .collect();
    assert_eq!(references, ["PAS-2026/0001.1", "PAS-2026/0001.2"]);
    let laptop: Sku = "LAP-E14-G5".parse().unwrap();
    assert_eq!(
        office.catalogue().stock().reserved(&laptop),
        CatalogueQuantity::from_whole(2)
    );
    // In stock today: dispatched today, delivered the next working day.
    assert_eq!(delivery.ready(), today());
    assert_eq!(
        delivery.promised(),
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    );
    assert_eq!(office.orders().len(), 1);
    assert_eq!(office.orders()["PAS-2026/0001"].delivery, delivery);
    let Outcome::Order { reference, .. } = office.apply(&order, at()).unwrap() else {
        panic!("not an order")
    };
    assert_eq!(reference.as_str(), "PAS-2026/0002");
    assert_eq!(
        office.catalogue().stock().reserved(&laptop),
        CatalogueQuantity::from_whole(4)
    );
}

#[test]
fn an_order_that_cannot_be_covered_reserves_nothing() {
    let (mut office, client) = office();
    // The first line fits, the second does not (4 laptops are on hand, none incoming).
    let order = Operation::ReserveOrder {
        client,
        lines: vec![line("PAP-A4-80", 10), line("LAP-E14-G5", 5)],
        carrier: "courier".into(),
        hold_working_days: 5,
        need: None,
    };
    let error = office.apply(&order, at()).unwrap_err();
    assert_eq!(error.code(), "office.input");
    assert!(error.to_string().contains("LAP-E14-G5 × 5"), "{error}");
    let paper: Sku = "PAP-A4-80".parse().unwrap();
    assert_eq!(
        office.catalogue().stock().reserved(&paper),
        CatalogueQuantity::ZERO
    );
    assert!(office.catalogue().delivery().open_deliveries().is_empty());
    assert!(office.orders().is_empty());
    let unknown_carrier = Operation::ReserveOrder {
        client,
        lines: vec![line("PAP-A4-80", 1)],
        carrier: "pigeon".into(),
        hold_working_days: 5,
        need: None,
    };
    assert_eq!(
        office.apply(&unknown_carrier, at()).unwrap_err().code(),
        "delivery.unknown_carrier"
    );
    assert_eq!(
        office.catalogue().stock().reserved(&paper),
        CatalogueQuantity::ZERO
    );
}

#[test]
fn a_waybill_carries_the_invoice_lines_and_is_filed_with_the_invoices() {
    let (mut office, client) = office();
    let invoice = invoice(&mut office, client);
    let number = invoice.number().as_str().to_owned();
    let early = Operation::IssueWaybill {
        invoice: number.clone(),
        vehicle: "VW Caddy, KA-1234".into(),
        dispatch: today().pred_opt().unwrap(),
        order: None,
    };
    let filed_before = office.filed_today().len();
    let error = office.apply(&early, at()).unwrap_err();
    assert_eq!(error.code(), "document.invalid");
    let OfficeError::Accounting(AccountingError::Invalid(report)) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(report.codes(), ["requisite.dispatch_before_issue"]);
    assert_eq!(office.filed_today().len(), filed_before);
    assert!(!office.series().contains_key(WAYBILL_SERIES.0));

    let operation = Operation::IssueWaybill {
        invoice: number,
        vehicle: "VW Caddy, KA-1234".into(),
        dispatch: today(),
        order: None,
    };
    let Outcome::Waybill { waybill, filed, .. } = office.apply(&operation, at()).unwrap() else {
        panic!("not a waybill")
    };
    assert_eq!(waybill.number().as_str(), "PP2026-0001");
    assert_eq!(
        (filed.kind, filed.case.to_string()),
        ("waybill", "4.2".into())
    );
    let items: Vec<&str> = waybill.lines().iter().map(|l| l.item()).collect();
    let invoiced: Vec<&str> = invoice.content().lines().iter().map(|l| l.item()).collect();
    assert_eq!(items, invoiced);
    // Valued without VAT, as the invoice's net.
    assert_eq!(waybill.value(), Some(invoice.totals().tax_exclusive()));
    assert_eq!(office.history.waybills().len(), 1);
    let unknown = Operation::IssueWaybill {
        invoice: "INV2026-99999".into(),
        vehicle: "VW Caddy, KA-1234".into(),
        dispatch: today(),
        order: None,
    };
    assert_eq!(
        office.apply(&unknown, at()).unwrap_err().code(),
        "office.unknown"
    );
}

const SURVEY: &str = r#"{"id": "day", "title": {"lv": "Dienas aptauja", "en": "Survey of the day"},
    "questions": [
        {"id": "satisfaction", "text": {"lv": "Apmierinātība", "en": "Satisfaction"}, "required": true, "kind": {"type": "rating", "scale": 5}},
        {"id": "nps", "text": {"lv": "Ieteiktu?", "en": "Recommend?"}, "required": true, "kind": {"type": "nps"}}
    ]}"#;

#[test]
fn a_survey_report_lists_detractors_and_is_filed_in_the_surveys_case() {
    let (mut office, client) = office();
    let responses = format!(
        "response_id,client_id,segment,question_id,answer\n\
         r1,{client},business,satisfaction,2\n\
         r1,{client},business,nps,3\n\
         r2,,retail,satisfaction,5\n\
         r2,,retail,nps,10\n\
         r3,,retail,satisfaction,4\n\
         r3,,retail,nps,6\n"
    );
    let operation = Operation::FileSurveyReport {
        survey: SURVEY.into(),
        responses,
    };
    let Outcome::SurveyReport {
        filed,
        stats,
        detractors,
        text,
    } = office.apply(&operation, at()).unwrap()
    else {
        panic!("not a survey report")
    };
    assert_eq!(stats.responses(), 3);
    let scores: Vec<(&str, u8, bool)> = detractors
        .iter()
        .map(|d| (d.response.as_str(), d.score, d.client.is_some()))
        .collect();
    assert_eq!(scores, [("r1", 3, true), ("r3", 6, false)]);
    assert_eq!(
        (filed.kind, filed.case.to_string(), filed.number.as_str()),
        ("survey_report", "2.7".into(), "L-2.7/1")
    );
    assert!(text.contains("SIA \"Ziemeļu Rati\""), "{text}");
    assert!(text.contains("anonīms"), "{text}");

    // Answers that do not fit the survey: refused, nothing filed.
    let filed_before = office.filed_today().len();
    let bad = Operation::FileSurveyReport {
        survey: SURVEY.into(),
        responses: "response_id,client_id,segment,question_id,answer\nr1,,retail,nps,11\n".into(),
    };
    assert!(office.apply(&bad, at()).is_err());
    let not_json = Operation::FileSurveyReport {
        survey: "{".into(),
        responses: String::new(),
    };
    assert_eq!(
        office.apply(&not_json, at()).unwrap_err().code(),
        "office.input"
    );
    assert_eq!(office.filed_today().len(), filed_before);
    assert_eq!(office.registers()[2].documents().len(), 1);
}

#[test]
fn a_credit_note_settles_its_part_of_the_receivable() {
    let (mut office, client) = office();
    let invoice = invoice(&mut office, client);
    let number = invoice.number().as_str().to_owned();
    let due = invoice.totals().amount_due();
    assert_eq!(office.ledger().open(&number).unwrap(), due);
    let operation = Operation::IssueCreditNote {
        invoice: number.clone(),
        line: 2,
        quantity: 2,
        reason: "Divas paciņas samirka".into(),
    };
    let Outcome::CreditNote(issued) = office.apply(&operation, at()).unwrap() else {
        panic!("not a credit note")
    };
    let note = issued.document;
    let credited = note.totals().amount_due();
    assert_eq!(
        office.ledger().open(&number).unwrap(),
        due.checked_sub(credited).unwrap()
    );
    assert!(office.ledger().credits().is_empty());
}

#[test]
fn a_contract_is_registered_and_filed_in_the_contracts_case() {
    let (mut office, client) = office();
    let operation = Operation::RegisterContract {
        client,
        title: "Pirkuma līgums".into(),
        text: "Pārdevējs pārdod un pircējs pērk klēpjdatoru.".into(),
    };
    let Outcome::Contract(filed) = office.apply(&operation, at()).unwrap() else {
        panic!("not a contract")
    };
    assert_eq!(
        (filed.kind, filed.case.to_string(), filed.number.as_str()),
        ("contract", "3.1".into(), "L-3.1/1")
    );
}
