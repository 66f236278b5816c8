//! Unit tests of the office: each operation's outcome, its refusals, and that a refusal
//! leaves the office unchanged.
use super::test_desk::Desk;
use super::*;
use apkalpe_catalogue::{Quantity as CatalogueQuantity, Sku};
use apkalpe_clients::PersonalField;
use apkalpe_core::Money;
use apkalpe_payments::{Denomination, MaskedPan, ReceiptKind};
use chrono::TimeZone;
use rust_decimal::Decimal;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

fn company() -> ClientInput {
    ClientInput {
        organisation: Some("Ziemeļu Rati".into()),
        legal_form: Some("SIA".into()),
        registration_number: Some("40203990007".into()),
        vat_number: Some("LV40203990007".into()),
        street: Some("Brīvības iela 101".into()),
        city: Some("Rīga".into()),
        postcode: Some("LV-1001".into()),
        ..ClientInput::default()
    }
}

#[test]
fn a_contract_is_registered_and_filed_in_the_contracts_case() {
    let mut office = Desk::new().unwrap();
    let Outcome::Client { id, .. } = office
        .apply(&Operation::RegisterClient { client: company() }, at())
        .unwrap()
    else {
        panic!("no client");
    };
    let outcome = office.apply(
        &Operation::RegisterContract {
            client: id.as_uuid(),
            title: "Piegādes līgums".into(),
            text: "Puses vienojas par piegādi.".into(),
        },
        at(),
    );
    let Ok(Outcome::Contract(filed)) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(filed.case.to_string(), cases::CONTRACTS);
    assert_eq!(filed.kind, "contract");
    assert_eq!(office.filed_today().len(), 1);
}

#[test]
fn a_complaint_is_registered_answered_and_both_filed() {
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    let mut office = Desk::new().unwrap();
    let person = ClientInput {
        given: "Anna".into(),
        family: "Bērziņa".into(),
        personal_code: Some("161175-19997".into()),
        ..ClientInput::default()
    };
    let Outcome::Client { id, .. } = office
        .apply(&Operation::RegisterClient { client: person }, at)
        .unwrap()
    else {
        panic!("no client");
    };
    let registered = office
        .apply(
            &Operation::RegisterComplaint {
                client: id.as_uuid(),
                text: "Prece pēc nedēļas pārstāja darboties.".into(),
                invoice: None,
            },
            at,
        )
        .unwrap();
    let Outcome::Complaint { filed, due } = registered else {
        panic!("{registered:?}");
    };
    assert_eq!(due, NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
    let answered = office.apply(
        &Operation::AnswerComplaint {
            number: filed.number.clone(),
            accepted: false,
            text: "Prece tiks apmainīta.".into(),
        },
        at,
    );
    let Ok(Outcome::Answer { in_time, .. }) = answered else {
        panic!("{answered:?}");
    };
    assert!(in_time);
    assert_eq!(office.filed_today().len(), 2);
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

/// Ten of every coin and note up to 20 €.
fn float() -> CashCount {
    Denomination::ALL
        .iter()
        .filter(|d| d.cents() <= 2_000)
        .try_fold(CashCount::new(), |count, d| count.with(*d, 10))
        .unwrap()
}

fn paper(quantity: u32) -> Vec<ItemLine> {
    vec![ItemLine {
        sku: "PAP-A4-80".into(),
        quantity,
    }]
}

fn masked() -> MaskedPan {
    "411111******1111".parse().unwrap()
}

/// An office with the day open, a company client and a shift with the float.
fn open_office() -> (Desk, Uuid) {
    let mut office = Desk::new().unwrap();
    office.apply(&Operation::OpenDay, at()).unwrap();
    let Outcome::Client { id, .. } = office
        .apply(&Operation::RegisterClient { client: company() }, at())
        .unwrap()
    else {
        panic!("no client");
    };
    office
        .apply(
            &Operation::OpenShift {
                cashier: "Ilze Kalna".into(),
                float: float(),
            },
            at(),
        )
        .unwrap();
    (office, id.as_uuid())
}

/// What the tests compare of two offices: the whole office, as its snapshot holds it.
fn fingerprint(office: &Office) -> String {
    serde_json::to_string(office).unwrap()
}

#[test]
fn opening_the_day_opens_the_desks_cases_once() {
    let mut office = Desk::new().unwrap();
    let Outcome::DayOpened { year, opened } = office.apply(&Operation::OpenDay, at()).unwrap()
    else {
        panic!("not opened");
    };
    assert_eq!(year, 2026);
    assert_eq!(opened.len(), cases::ALL.len());
    let Outcome::DayOpened { opened, .. } = office.apply(&Operation::OpenDay, at()).unwrap() else {
        panic!("not opened");
    };
    assert!(opened.is_empty());
    assert!(office.plan(2026).is_some());
}

#[test]
fn a_cash_sale_gives_change_from_the_drawer() {
    let (mut office, _) = open_office();
    let before = office.drawer().total();
    let outcome = office
        .apply(
            &Operation::Sell {
                lines: paper(2),
                card: None,
                cash: Some(eur(2_000)),
                client: None,
            },
            at(),
        )
        .unwrap();
    let Outcome::Receipt(receipt, _) = outcome else {
        panic!("no receipt");
    };
    assert_eq!(receipt.number(), 1);
    assert_eq!(
        receipt.change(),
        eur(2_000).checked_sub(receipt.total()).unwrap()
    );
    // The drawer gained exactly the sale.
    assert_eq!(
        office.drawer().total(),
        before.checked_add(receipt.total()).unwrap()
    );
}

#[test]
fn a_mixed_payment_and_a_card_refund_keep_the_drawer_right() {
    let (mut office, _) = open_office();
    let Outcome::Receipt(sale, _) = office
        .apply(
            &Operation::Sell {
                lines: paper(3),
                card: Some(CardCapture {
                    amount: eur(1_000),
                    masked: masked(),
                }),
                cash: Some(eur(5_000)),
                client: None,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no receipt");
    };
    let cash_part = sale.total().checked_sub(eur(1_000)).unwrap();
    let drawer = office.drawer().total();
    assert_eq!(
        drawer,
        float().total().checked_add(cash_part).unwrap(),
        "the drawer holds the float and the cash part only"
    );
    let Outcome::Receipt(refund, _) = office
        .apply(
            &Operation::Refund {
                receipt: sale.number(),
                line: 1,
                card: Some(masked()),
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no refund");
    };
    assert_eq!(refund.kind(), ReceiptKind::Return { original: 1 });
    assert_eq!(
        office.drawer().total(),
        drawer,
        "a card refund takes no cash"
    );
}

#[test]
fn refusals_leave_the_office_unchanged() {
    let (mut office, client) = open_office();
    office
        .apply(
            &Operation::Sell {
                lines: paper(1),
                card: None,
                cash: Some(eur(500)),
                client: None,
            },
            at(),
        )
        .unwrap();
    let before = fingerprint(&office);
    let refused = [
        (
            Operation::Sell {
                lines: vec![ItemLine {
                    sku: "NO-SUCH".into(),
                    quantity: 1,
                }],
                card: None,
                cash: Some(eur(500)),
                client: None,
            },
            "quote.unknown_product",
        ),
        (
            // 500 € for a few reams: the drawer has no 200 € of change in small notes.
            Operation::Sell {
                lines: paper(1),
                card: None,
                cash: Some(eur(50_000)),
                client: None,
            },
            "office.no_change",
        ),
        (
            Operation::Sell {
                lines: paper(1),
                card: None,
                cash: Some(eur(1)),
                client: None,
            },
            "cash.insufficient_tender",
        ),
        (
            Operation::OpenShift {
                cashier: "Jānis".into(),
                float: float(),
            },
            "office.shift_open",
        ),
        (
            Operation::Refund {
                receipt: 9,
                line: 1,
                card: None,
            },
            "office.unknown",
        ),
        (
            Operation::IssueInvoice {
                client: Uuid::from_u128(7),
                lines: paper(1),
                due_in_working_days: 10,
            },
            "office.unknown_client",
        ),
        (
            Operation::IssueInvoice {
                client,
                lines: vec![ItemLine {
                    sku: "NO-SUCH".into(),
                    quantity: 1,
                }],
                due_in_working_days: 10,
            },
            "quote.unknown_product",
        ),
        (
            Operation::IssueCreditNote {
                invoice: "INV2026-00009".into(),
                line: 1,
                quantity: 1,
                reason: "x".into(),
            },
            "office.unknown",
        ),
        (
            Operation::AnswerComplaint {
                number: "2.1/1".into(),
                accepted: true,
                text: "x".into(),
            },
            "office.unknown",
        ),
        (
            Operation::ApplyStatement {
                xml: "<not-camt/>".into(),
            },
            "",
        ),
        (
            Operation::RegisterClient {
                client: ClientInput {
                    given: "Anna".into(),
                    family: "Bērziņa".into(),
                    consents: vec!["spam".into()],
                    ..ClientInput::default()
                },
            },
            "office.input",
        ),
    ];
    for (operation, code) in refused {
        let error = office.apply(&operation, at()).unwrap_err();
        if !code.is_empty() {
            assert_eq!(error.code(), code, "{operation:?}: {error}");
        }
        assert!(!error.to_string().is_empty());
        assert_eq!(
            fingerprint(&office),
            before,
            "{operation:?} changed the office"
        );
    }
}

#[test]
fn an_invoice_is_booked_filed_and_paid_once_by_a_statement() {
    let (mut office, client) = open_office();
    let Outcome::Invoice(issued) = office
        .apply(
            &Operation::IssueInvoice {
                client,
                lines: paper(10),
                due_in_working_days: 10,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no invoice");
    };
    let (invoice, filed) = (issued.document, issued.filed);
    assert_eq!(invoice.number().as_str(), "INV2026-00001");
    assert_eq!(filed.case.to_string(), cases::INVOICES);
    let number = invoice.number().as_str().to_owned();
    let due = invoice.totals().amount_due();
    assert_eq!(office.ledger().open(&number).unwrap(), due);
    let reference = office
        .ledger()
        .get(&number)
        .and_then(|r| r.reference())
        .unwrap()
        .to_string();
    let xml = format!(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\
         <BkToCstmrStmt><GrpHdr><MsgId>T</MsgId><CreDtTm>2026-11-27T18:00:00+02:00</CreDtTm></GrpHdr>\
         <Stmt><Id>S</Id><CreDtTm>2026-11-27T18:00:00+02:00</CreDtTm>\
         <Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></Acct>\
         <Ntry><NtryRef>1</NtryRef><Amt Ccy=\"EUR\">{}</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
         <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-27</Dt></BookgDt>\
         <AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls>\
         <RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>\
         </TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>",
        due.amount()
    );
    let statement = Operation::ApplyStatement { xml };
    let Outcome::Reconciled(first) = office.apply(&statement, at()).unwrap() else {
        panic!("not reconciled");
    };
    assert_eq!(first.entries().len(), 1);
    assert!(office.ledger().open(&number).unwrap().is_zero());
    let Outcome::Reconciled(_) = office.apply(&statement, at()).unwrap() else {
        panic!("not reconciled");
    };
    assert!(office.ledger().open(&number).unwrap().is_zero());
    assert_eq!(office.ledger().paid(&number).unwrap(), due, "paid twice");

    // A credit note for one ream is linked to the invoice and filed beside it.
    let Outcome::CreditNote(issued) = office
        .apply(
            &Operation::IssueCreditNote {
                invoice: number.clone(),
                line: 1,
                quantity: 1,
                reason: "Atgriezta viena paka".into(),
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no credit note");
    };
    let (note, filed) = (issued.document, issued.filed);
    assert_eq!(note.original().number(), number);
    assert_eq!(filed.case.to_string(), cases::INVOICES);
    // The invoice was paid in full, so the credit note leaves the buyer a credit balance.
    let credit = office
        .ledger()
        .credits()
        .values()
        .copied()
        .try_fold(eur(0), |sum, c| sum.checked_add(c))
        .unwrap();
    assert_eq!(credit, note.totals().tax_inclusive());
}

#[test]
fn a_credit_note_settles_part_of_an_open_invoice() {
    let (mut office, client) = open_office();
    let Outcome::Invoice(issued) = office
        .apply(
            &Operation::IssueInvoice {
                client,
                lines: paper(10),
                due_in_working_days: 10,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no invoice");
    };
    let invoice = issued.document;
    let number = invoice.number().as_str().to_owned();
    let Outcome::CreditNote(issued) = office
        .apply(
            &Operation::IssueCreditNote {
                invoice: number.clone(),
                line: 1,
                quantity: 3,
                reason: "Atgrieztas trīs pakas".into(),
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no credit note");
    };
    let note = issued.document;
    assert_eq!(
        office.ledger().open(&number).unwrap(),
        invoice
            .totals()
            .amount_due()
            .checked_sub(note.totals().tax_inclusive())
            .unwrap()
    );
    assert!(office.ledger().credits().values().all(|c| c.is_zero()));
}

#[test]
fn closing_the_shift_files_the_z_report_and_a_new_shift_can_open() {
    let (mut office, _) = open_office();
    office
        .apply(
            &Operation::Sell {
                lines: paper(1),
                card: None,
                cash: Some(eur(1_000)),
                client: None,
            },
            at(),
        )
        .unwrap();
    let counted = office.drawer();
    let Outcome::ShiftClosed(z, filed) = office
        .apply(&Operation::CloseShift { counted }, at())
        .unwrap()
    else {
        panic!("not closed");
    };
    assert!(z.over_short().is_zero());
    assert_eq!(filed.number, "Z-1");
    assert_eq!(filed.case.to_string(), cases::CASH);
    assert_eq!(
        office
            .apply(&Operation::CloseShift { counted }, at())
            .unwrap_err()
            .code(),
        "office.no_shift"
    );
    office
        .apply(
            &Operation::OpenShift {
                cashier: "Jānis Ozols".into(),
                float: counted,
            },
            at(),
        )
        .unwrap();
}

#[test]
fn every_operation_round_trips_through_its_journal_json() {
    let operations = [
        Operation::OpenDay,
        Operation::Sell {
            lines: paper(2),
            card: Some(CardCapture {
                amount: eur(100),
                masked: masked(),
            }),
            cash: Some(eur(500)),
            client: None,
        },
        Operation::CloseShift { counted: float() },
    ];
    for operation in operations {
        let json = serde_json::to_string(&operation).unwrap();
        assert!(
            json.starts_with(&format!("{{\"op\":\"{}\"", operation.kind())),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Operation>(&json).unwrap(), operation);
    }
    // A full card number never fits the journal: the masked form is all it takes.
    let json = r#"{"op":"sell","lines":[],"card":{"amount":"1.00","masked":"4111111111111111"}}"#;
    assert!(serde_json::from_str::<Operation>(json).is_err());
}

#[test]
fn a_catalogue_file_becomes_the_desks_catalogue_unless_a_delivery_is_pending() {
    let (mut office, client) = open_office();
    let mut json: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
    let products = json["products"].as_array_mut().unwrap();
    let before = products.len();
    for product in products.iter_mut() {
        if product["sku"] == "PAP-A4-80" {
            product["name"]["lv"] = "Papīrs A4, jaunais nosaukums".into();
        }
    }
    let smaller = json.to_string();
    let Outcome::CatalogueLoaded {
        products,
        reservations,
    } = office
        .apply(
            &Operation::LoadCatalogue {
                json: smaller.clone(),
            },
            at(),
        )
        .unwrap()
    else {
        panic!("not loaded");
    };
    assert_eq!((products, reservations), (before, 0));
    let name = |office: &Office| {
        let sku: Sku = "PAP-A4-80".parse().unwrap();
        office
            .catalogue()
            .catalogue()
            .product(&sku)
            .unwrap()
            .name()
            .get(apkalpe_core::Language::Latvian)
            .to_owned()
    };
    assert_eq!(name(&office), "Papīrs A4, jaunais nosaukums");

    // A broken file is refused and changes nothing.
    let error = office
        .apply(
            &Operation::LoadCatalogue {
                json: "{\"format\": 7}".into(),
            },
            at(),
        )
        .unwrap_err();
    assert_eq!(error.code(), "file.json", "{error}");
    assert_eq!(name(&office), "Papīrs A4, jaunais nosaukums");

    // While an order waits for its delivery, the catalogue that booked it stays.
    office
        .apply(
            &Operation::ReserveOrder {
                client,
                lines: paper(2),
                carrier: "courier".into(),
                hold_working_days: 5,
                need: None,
            },
            at(),
        )
        .unwrap();
    let error = office
        .apply(&Operation::LoadCatalogue { json: smaller }, at())
        .unwrap_err();
    assert_eq!(error.code(), "office.input");
    assert!(
        error.to_string().contains("still to be delivered"),
        "{error}"
    );
}

#[test]
fn a_waybill_for_an_order_takes_its_goods_out_of_stock_once() {
    let (mut office, client) = open_office();
    let sku: Sku = "PAP-A4-80".parse().unwrap();
    let on_hand = office.catalogue().stock().on_hand(&sku);
    let Outcome::Order { reference, .. } = office
        .apply(
            &Operation::ReserveOrder {
                client,
                lines: paper(4),
                carrier: "courier".into(),
                hold_working_days: 5,
                need: None,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no order");
    };
    let reference = reference.to_string();
    assert_eq!(
        office.catalogue().stock().reserved(&sku),
        CatalogueQuantity::from_whole(4)
    );
    let Outcome::Invoice(issued) = office
        .apply(
            &Operation::IssueInvoice {
                client,
                lines: paper(4),
                due_in_working_days: 10,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no invoice");
    };
    let invoice = issued.document;
    let waybill = |order: &str| Operation::IssueWaybill {
        invoice: invoice.number().as_str().to_owned(),
        vehicle: "VW Caddy, KA-1234".into(),
        dispatch: at().date_naive(),
        order: Some(order.to_owned()),
    };
    // An unknown order is refused, and nothing leaves stock.
    let before = fingerprint(&office);
    assert_eq!(
        office
            .apply(&waybill("PAS-2026/9999"), at())
            .unwrap_err()
            .code(),
        "office.unknown"
    );
    assert_eq!(fingerprint(&office), before);

    office.apply(&waybill(&reference), at()).unwrap();
    let stock = office.catalogue().stock();
    assert_eq!(
        stock.on_hand(&sku),
        on_hand
            .checked_sub(CatalogueQuantity::from_whole(4))
            .unwrap()
    );
    assert!(stock.reserved(&sku).is_zero());
    assert!(office.orders()[&reference].dispatched.is_some());
    // The same goods cannot leave twice.
    let error = office.apply(&waybill(&reference), at()).unwrap_err();
    assert_eq!(error.code(), "office.input");
    assert!(error.to_string().contains("left already"), "{error}");
}

fn anna() -> ClientInput {
    ClientInput {
        given: "Anna".into(),
        family: "Bērziņa".into(),
        personal_code: Some("161175-19997".into()),
        street: Some("Brīvības iela 5".into()),
        city: Some("Rīga".into()),
        postcode: Some("LV-1010".into()),
        email: Some("anna@example.lv".into()),
        phone: Some("+371 20000001".into()),
        ..ClientInput::default()
    }
}

fn register(office: &mut Desk, client: ClientInput) -> Uuid {
    let Outcome::Client { id, .. } = office
        .apply(&Operation::RegisterClient { client }, at())
        .unwrap()
    else {
        panic!("no client");
    };
    id.as_uuid()
}

#[test]
fn an_erasure_keeps_only_what_filed_documents_need_until_their_retention_ends() {
    let (mut office, company) = open_office();
    // A person with no document: everything goes, the name too.
    let bare = register(
        &mut office,
        ClientInput {
            given: "Jānis".into(),
            family: "Ozols".into(),
            email: Some("janis@example.lv".into()),
            ..ClientInput::default()
        },
    );
    let Outcome::Erased(report) = office
        .apply(&Operation::EraseClient { client: bare }, at())
        .unwrap()
    else {
        panic!("not erased");
    };
    assert!(report.is_erased(PersonalField::Name));
    assert!(report.kept().is_empty());
    assert!(office.registry().search("ozols").is_empty());

    // A person with an invoice and a complaint: the name and address stay for the invoice
    // (case 4.2, 5 years from the end of 2026), the name for the complaint (2.1, 5 years).
    let anna = register(&mut office, anna());
    office
        .apply(
            &Operation::IssueInvoice {
                client: anna,
                lines: paper(1),
                due_in_working_days: 10,
            },
            at(),
        )
        .unwrap();
    office
        .apply(
            &Operation::RegisterComplaint {
                client: anna,
                text: "Papīrs bija mitrs.".into(),
                invoice: None,
            },
            at(),
        )
        .unwrap();
    let Outcome::Erased(report) = office
        .apply(&Operation::EraseClient { client: anna }, at())
        .unwrap()
    else {
        panic!("not erased");
    };
    for field in [PersonalField::PersonalCode, PersonalField::Phones] {
        assert!(report.is_erased(field), "{field:?}");
    }
    // The invoice was issued to her e-mail address: kept with it, as issued.
    assert!(!report.is_erased(PersonalField::Emails));
    let kept: Vec<(PersonalField, NaiveDate)> = report
        .kept()
        .iter()
        .flat_map(|kept| {
            kept.holds()
                .iter()
                .map(move |hold| (kept.field(), hold.until()))
        })
        .collect();
    let end = NaiveDate::from_ymd_opt(2031, 12, 31).unwrap();
    assert!(kept.contains(&(PersonalField::Name, end)), "{kept:?}");
    assert!(kept.contains(&(PersonalField::Addresses, end)), "{kept:?}");
    assert!(kept.contains(&(PersonalField::Emails, end)), "{kept:?}");
    let export = office
        .registry()
        .access_export(ClientId::new(anna), at())
        .unwrap()
        .to_json()
        .unwrap();
    assert!(!export.contains("161175") && export.contains("anna@example.lv"));
    assert!(export.contains("Bērziņa"));

    // Twice is refused, and so is a company (not a natural person).
    let before = fingerprint(&office);
    assert_eq!(
        office
            .apply(&Operation::EraseClient { client: anna }, at())
            .unwrap_err()
            .code(),
        "privacy.already_erased"
    );
    assert!(
        office
            .apply(&Operation::EraseClient { client: company }, at())
            .unwrap_err()
            .code()
            .starts_with("privacy."),
    );
    assert_eq!(fingerprint(&office), before);
}

#[test]
fn a_redacted_registration_replays_to_the_same_client() {
    let input = anna();
    let redacted = input.redacted(|field| field != PersonalField::Name);
    assert_eq!(redacted.given, "Anna");
    assert_eq!(redacted.personal_code, None);
    assert_eq!(redacted.email, None);
    assert_eq!(redacted.street, None);
    let mut office = Desk::new().unwrap();
    let first = register(&mut office, input);
    let mut replayed = Desk::new().unwrap();
    let Outcome::Client { id, existing, .. } = replayed
        .apply(
            &Operation::RegisterClientRedacted {
                id: first,
                existing: false,
                client: redacted,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no client");
    };
    assert_eq!((id.as_uuid(), existing), (first, false));
    // A pinned id out of the journal's order is refused.
    let error = replayed
        .apply(
            &Operation::RegisterClientRedacted {
                id: Uuid::from_u128(7),
                existing: false,
                client: anna().redacted(|_| true),
            },
            at(),
        )
        .unwrap_err();
    assert_eq!(error.code(), "office.input");
}

#[test]
fn an_order_answers_its_clients_need_and_only_that() {
    let (mut office, company) = open_office();
    let person = register(&mut office, anna());
    let need = |office: &mut Desk, client: Uuid| {
        let Outcome::Need { id } = office
            .apply(
                &Operation::RecordNeed {
                    client,
                    category: "office/paper".into(),
                    quantity: 5,
                    budget: None,
                    needed_by: None,
                    preferred: Vec::new(),
                },
                at(),
            )
            .unwrap()
        else {
            panic!("no need");
        };
        id
    };
    let theirs = need(&mut office, person);
    let ours = need(&mut office, company);
    let order = |need| Operation::ReserveOrder {
        client: company,
        lines: paper(5),
        carrier: "courier".into(),
        hold_working_days: 5,
        need: Some(need),
    };
    // Another client's need is not this order's to answer: refused, nothing reserved.
    let before = fingerprint(&office);
    let reserved = office
        .catalogue()
        .stock()
        .reserved(&"PAP-A4-80".parse().unwrap());
    assert_eq!(
        office
            .apply(&order(theirs.as_uuid()), at())
            .unwrap_err()
            .code(),
        "office.unknown"
    );
    assert_eq!(fingerprint(&office), before);
    assert_eq!(
        office
            .catalogue()
            .stock()
            .reserved(&"PAP-A4-80".parse().unwrap()),
        reserved
    );
    office.apply(&order(ours.as_uuid()), at()).unwrap();
    assert_eq!(
        office.registry().need(ours).unwrap().status().name(),
        "accepted"
    );
    assert_eq!(
        office.registry().need(theirs).unwrap().status().name(),
        "open"
    );
}
