//! Unit tests of the cash limit and the cash orders (issue 15): which operations count and
//! link, the boundary of the cap, refusals that leave the office unchanged, the drawer and
//! the Z report, and the rules an entry is applied under.

use super::test_desk::Desk;
use super::*;
use apkalpe_accounting::PayeeOmission;
use apkalpe_clients::PersonalField;
use apkalpe_core::Money;
use apkalpe_payments::Denomination;
use chrono::TimeZone;
use rust_decimal::Decimal;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
}

fn days_later(days: i64) -> DateTime<Utc> {
    at() + chrono::Duration::days(days)
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
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

fn anna() -> ClientInput {
    ClientInput {
        given: "Anna".into(),
        family: "Bērziņa".into(),
        personal_code: Some("161175-19997".into()),
        street: Some("Brīvības iela 5".into()),
        city: Some("Rīga".into()),
        postcode: Some("LV-1010".into()),
        ..ClientInput::default()
    }
}

fn register(desk: &mut Desk, client: ClientInput) -> Uuid {
    let Outcome::Client { id, .. } = desk
        .apply(&Operation::RegisterClient { client }, at())
        .unwrap()
    else {
        panic!("no client");
    };
    id.as_uuid()
}

/// Fifty of every note up to 200 € and of every coin: change for anything.
fn float() -> CashCount {
    Denomination::ALL
        .iter()
        .filter(|d| d.cents() <= 20_000)
        .try_fold(CashCount::new(), |count, d| count.with(*d, 50))
        .unwrap()
}

/// The day open, a company and a person registered, a shift open with the float.
fn desk() -> (Desk, Uuid, Uuid) {
    let mut desk = Desk::new().unwrap();
    desk.apply(&Operation::OpenDay, at()).unwrap();
    let company = register(&mut desk, company());
    let anna = register(&mut desk, anna());
    desk.apply(
        &Operation::OpenShift {
            cashier: "Ilze Kalna".into(),
            float: float(),
        },
        at(),
    )
    .unwrap();
    (desk, company, anna)
}

fn fingerprint(office: &Office) -> String {
    serde_json::to_string(office).unwrap()
}

fn kio(client: Uuid, cents: i64, invoice: Option<&str>) -> Operation {
    Operation::CashOrder {
        direction: CashFlow::In,
        amount: eur(cents),
        party: CashParty::Client(client),
        basis: "Avanss".into(),
        invoice: invoice.map(str::to_owned),
    }
}

fn kizo(party: CashParty, cents: i64) -> Operation {
    Operation::CashOrder {
        direction: CashFlow::Out,
        amount: eur(cents),
        party,
        basis: "Izmaksa".into(),
        invoice: None,
    }
}

fn items(sku: &str, quantity: u32) -> Vec<ItemLine> {
    vec![ItemLine {
        sku: sku.into(),
        quantity,
    }]
}

/// A cash sale of `lines`, paid exactly, by `client`.
fn cash_sale(desk: &Desk, lines: Vec<ItemLine>, client: Option<Uuid>) -> Operation {
    let total = desk.office.sale_total(&lines, at().date_naive()).unwrap();
    Operation::Sell {
        lines,
        card: None,
        cash: Some(total),
        client,
    }
}

/// Applies `operation`, expects `cash_limit.exceeded` and an office unchanged; returns the
/// refusal.
fn refused(desk: &mut Desk, operation: &Operation, at: DateTime<Utc>) -> OfficeError {
    let before = fingerprint(desk);
    let error = desk.apply(operation, at).unwrap_err();
    assert_eq!(error.code(), "cash_limit.exceeded", "{error}");
    assert_eq!(fingerprint(desk), before, "a refusal changed the office");
    error
}

fn issued(outcome: Outcome) -> IssuedCashOrder {
    match outcome {
        Outcome::CashOrder(issued) => *issued,
        other => panic!("not a cash order: {other:?}"),
    }
}

#[test]
fn exactly_the_limit_is_allowed_and_a_cent_more_is_refused_taking_no_number() {
    // "Over 7 200 EUR" is forbidden (law "Par nodokļiem un nodevām" art. 30).
    let (mut desk, company, _) = desk();
    let error = refused(&mut desk, &kio(company, 720_001, None), at());
    let OfficeError::CashLimit(refusal) = &error else {
        panic!("{error:?}");
    };
    let CashLimitExceeded {
        what,
        cash,
        deal,
        cap,
        linked,
    } = refusal.as_ref();
    assert_eq!(
        (*what, *cash, *deal, *cap),
        (
            "cash receipt order",
            eur(720_001),
            eur(720_001),
            eur(720_000)
        )
    );
    assert!(linked.is_empty());
    assert_eq!(
        error.to_string(),
        "the cash of this cash receipt order, 7200.01 EUR, over the cash limit of 7200.00 EUR \
         (law \"Par nodokļiem un nodevām\" art. 30: one operation or several linked ones); pay \
         the rest by card or transfer"
    );
    let order = issued(desk.apply(&kio(company, 720_000, None), at()).unwrap());
    // The refused order took no number.
    assert_eq!(order.order.number().as_str(), "KIO2026-00001");
    let cash = order.cash.unwrap();
    assert_eq!(cash.verdict.deal(), eur(720_000));
    assert!(
        cash.verdict.declarable(),
        "a taxpayer's deal over 1 500 EUR"
    );
}

#[test]
fn cash_of_one_client_is_linked_on_the_same_day_and_not_the_next() {
    let (mut desk, company, _) = desk();
    desk.apply(&kio(company, 500_000, None), at()).unwrap();
    let sale = cash_sale(&desk, items("PAP-A4-80", 2), Some(company));
    let Outcome::Receipt(receipt, Some(cash)) = desk.apply(&sale, at()).unwrap() else {
        panic!("no cash recorded");
    };
    assert_eq!(cash.verdict.linked(), ["KIO2026-00001"]);
    assert_eq!(
        cash.verdict.deal(),
        eur(500_000).checked_add(receipt.total()).unwrap()
    );
    // With both, 2 200 EUR more the same day is over the cap.
    let error = refused(&mut desk, &kio(company, 220_000, None), at());
    let OfficeError::CashLimit(refusal) = &error else {
        panic!("{error:?}");
    };
    let CashLimitExceeded { linked, deal, .. } = refusal.as_ref();
    assert_eq!(
        linked,
        &["KIO2026-00001".to_owned(), "čeks Nr. 00000001".to_owned()]
    );
    assert_eq!(*deal, eur(720_000).checked_add(receipt.total()).unwrap());
    assert!(
        error
            .to_string()
            .contains("(KIO2026-00001, čeks Nr. 00000001: the same client"),
        "{error}"
    );
    // The next day it is a deal of its own.
    desk.apply(&Operation::OpenDay, days_later(1)).unwrap();
    let order = issued(
        desk.apply(&kio(company, 220_000, None), days_later(1))
            .unwrap(),
    );
    assert!(order.cash.unwrap().verdict.linked().is_empty());
}

#[test]
fn cash_for_one_invoice_is_linked_on_any_day_whoever_pays() {
    let (mut desk, company, anna) = desk();
    let Outcome::Invoice(invoice) = desk
        .apply(
            &Operation::IssueInvoice {
                client: company,
                lines: items("LAP-E14-G5", 12),
                due_in_working_days: 10,
            },
            at(),
        )
        .unwrap()
    else {
        panic!("no invoice");
    };
    let number = invoice.document.number().as_str().to_owned();
    let due = invoice.document.totals().amount_due();
    assert!(due.amount() > Decimal::from(7_200), "{due}");
    let order = issued(
        desk.apply(&kio(company, 500_000, Some(&number)), at())
            .unwrap(),
    );
    assert_eq!(order.invoice.as_deref(), Some(number.as_str()));
    // The receivable took the payment.
    assert_eq!(
        desk.ledger().open(&number).unwrap(),
        due.checked_sub(eur(500_000)).unwrap()
    );
    // A week later another payer's cash for the same invoice is the same deal.
    desk.apply(&Operation::OpenDay, days_later(7)).unwrap();
    let error = refused(&mut desk, &kio(anna, 230_000, Some(&number)), days_later(7));
    let OfficeError::CashLimit(refusal) = &error else {
        panic!("{error:?}");
    };
    let CashLimitExceeded { linked, deal, .. } = refusal.as_ref();
    assert_eq!(linked, &["KIO2026-00001".to_owned()]);
    assert_eq!(*deal, eur(730_000));
    // The same cash not for the invoice is allowed: Anna's own deal of the day.
    let order = issued(
        desk.apply(&kio(anna, 230_000, None), days_later(7))
            .unwrap(),
    );
    let cash = order.cash.unwrap();
    assert!(cash.verdict.linked().is_empty());
    assert!(!cash.verdict.declarable(), "a person is not a taxpayer");
}

#[test]
fn only_the_cash_part_of_a_mixed_sale_counts() {
    let (mut desk, company, _) = desk();
    let lines = items("LAP-E14-G5", 12);
    let total = desk.sale_total(&lines, at().date_naive()).unwrap();
    assert!(total.amount() > Decimal::from(9_000), "{total}");
    // All in cash: refused, for the client and for a walk-in alike.
    let all_cash = cash_sale(&desk, lines.clone(), Some(company));
    refused(&mut desk, &all_cash, at());
    let walk_in = cash_sale(&desk, lines.clone(), None);
    refused(&mut desk, &walk_in, at());
    // 2 000 EUR in cash and the rest by card: only the 2 000 EUR count.
    let mixed = Operation::Sell {
        lines,
        card: Some(CardCapture {
            amount: total.checked_sub(eur(200_000)).unwrap(),
            masked: "411111******1111".parse().unwrap(),
        }),
        cash: Some(eur(200_000)),
        client: Some(company),
    };
    let Outcome::Receipt(_, Some(cash)) = desk.apply(&mixed, at()).unwrap() else {
        panic!("no cash recorded");
    };
    assert_eq!(cash.operation.cash(), eur(200_000));
    assert_eq!(cash.verdict.deal(), eur(200_000));
    assert!(cash.verdict.declarable());
    // A card payment has no cash part: nothing is checked or recorded.
    let card = Operation::Sell {
        lines: items("PAP-A4-80", 1),
        card: Some(CardCapture {
            amount: desk
                .sale_total(&items("PAP-A4-80", 1), at().date_naive())
                .unwrap(),
            masked: "411111******1111".parse().unwrap(),
        }),
        cash: None,
        client: Some(company),
    };
    let Outcome::Receipt(_, cash) = desk.apply(&card, at()).unwrap() else {
        panic!("no receipt");
    };
    assert!(cash.is_none());
}

#[test]
fn a_walk_in_sale_is_linked_with_nothing_and_not_kept() {
    let (mut desk, company, _) = desk();
    desk.apply(&kio(company, 700_000, None), at()).unwrap();
    let sale = cash_sale(&desk, items("LAP-E14-G5", 1), None);
    let Outcome::Receipt(_, cash) = desk.apply(&sale, at()).unwrap() else {
        panic!("no receipt");
    };
    assert!(cash.is_none(), "a walk-in's cash is a deal of its own");
    assert_eq!(desk.cash_limits().operations().count(), 1);
    // The same sale by the company joins its deal, and is over the cap.
    let sale = cash_sale(&desk, items("LAP-E14-G5", 1), Some(company));
    refused(&mut desk, &sale, at());
}

#[test]
fn a_cash_refund_is_linked_with_the_client_of_the_sale_and_paid_out_cash() {
    let (mut desk, _, anna) = desk();
    let sale = cash_sale(&desk, items("PAP-A4-80", 2), Some(anna));
    let Outcome::Receipt(receipt, Some(_)) = desk.apply(&sale, at()).unwrap() else {
        panic!("no cash recorded");
    };
    let line = receipt.lines()[0].amount();
    // Cash paid to Anna the same day, up to the cap with the refund.
    let payout = eur(720_000).checked_sub(line).unwrap();
    let payout_cents = i64::try_from((payout.amount() * Decimal::from(100)).trunc()).unwrap();
    let order = issued(
        desk.apply(&kizo(CashParty::Client(anna), payout_cents + 1), at())
            .unwrap(),
    );
    // Paid out is never added to received: the KIzO is a deal of its own.
    assert!(order.cash.unwrap().verdict.linked().is_empty());
    // The refund of the sale is Anna's too: with the KIzO it is over the cap by a cent.
    let refund = Operation::Refund {
        receipt: receipt.number(),
        line: 1,
        card: None,
    };
    let error = refused(&mut desk, &refund, at());
    let OfficeError::CashLimit(refusal) = &error else {
        panic!("{error:?}");
    };
    let CashLimitExceeded { what, linked, .. } = refusal.as_ref();
    assert_eq!(*what, "refund");
    assert_eq!(linked, &["KIZO2026-00001".to_owned()]);
    assert!(
        error
            .to_string()
            .ends_with("refund it to a card or by transfer")
    );
    // To a card it is no cash at all.
    let refund = Operation::Refund {
        receipt: receipt.number(),
        line: 1,
        card: Some("411111******1111".parse().unwrap()),
    };
    assert!(matches!(
        desk.apply(&refund, at()).unwrap(),
        Outcome::Receipt(_, None)
    ));
}

#[test]
fn the_ledger_forgets_what_can_no_longer_link_when_a_day_opens() {
    let (mut desk, company, _) = desk();
    desk.apply(&kio(company, 100_000, None), at()).unwrap();
    desk.apply(&Operation::OpenDay, days_later(KEEP_CASH_LINK_DAYS))
        .unwrap();
    assert_eq!(desk.cash_limits().operations().count(), 1);
    desk.apply(&Operation::OpenDay, days_later(KEEP_CASH_LINK_DAYS + 1))
        .unwrap();
    assert_eq!(desk.cash_limits().operations().count(), 0);
}

#[test]
fn a_cash_order_moves_the_drawer_and_the_z_report_counts_it() {
    let (mut desk, company, _) = desk();
    let drawer = desk.drawer().total();
    let order = issued(desk.apply(&kio(company, 10_000, None), at()).unwrap());
    assert_eq!(order.filed.kind, "cash_receipt_order");
    assert_eq!(order.filed.case.to_string(), cases::CASH);
    assert_eq!(
        order.filed.client,
        Some(apkalpe_clients::ClientId::new(company))
    );
    assert!(
        order.text.starts_with(
            "SIA Apkalpe\nReģ. Nr. 40003521600\n\nKases ieņēmumu orderis Nr. KIO2026-00001\n"
        ),
        "{}",
        order.text
    );
    assert!(
        order
            .text
            .contains("Pieņemts no: SIA \"Ziemeļu Rati\", reģ. Nr. 40203990007")
    );
    assert!(order.text.contains("Kasieris: Ilze Kalna"));
    assert!(order.cash.is_some_and(|cash| !cash.verdict.declarable()));
    // Paid into the bank: no payee named, no cash limit, its own series.
    let bank = issued(
        desk.apply(
            &kizo(CashParty::Omitted(PayeeOmission::BankDeposit), 4_000),
            at(),
        )
        .unwrap(),
    );
    assert_eq!(bank.order.number().as_str(), "KIZO2026-00001");
    assert!(bank.cash.is_none());
    assert_eq!(bank.filed.client, None);
    assert_eq!(
        desk.drawer().total(),
        drawer.checked_add(eur(6_000)).unwrap()
    );
    let counted = desk.drawer();
    let Outcome::ShiftClosed(z, _) = desk
        .apply(&Operation::CloseShift { counted }, at())
        .unwrap()
    else {
        panic!("not closed");
    };
    assert_eq!(z.totals().deposits(), eur(10_000));
    assert_eq!(z.totals().payouts(), eur(4_000));
    assert!(z.over_short().is_zero());
}

#[test]
fn refused_cash_orders_leave_the_office_unchanged_and_take_no_number() {
    let (mut desk, company, _) = desk();
    let bare = register(
        &mut desk,
        ClientInput {
            given: "Jānis".into(),
            family: "Ozols".into(),
            ..ClientInput::default()
        },
    );
    let cases: [(Operation, &str); 6] = [
        // More than the drawer holds.
        (
            kizo(CashParty::Omitted(PayeeOmission::BankDeposit), 10_000_000),
            "office.drawer_short",
        ),
        // An invoice that is not open.
        (kio(company, 1_000, Some("INV2026-09999")), "office.unknown"),
        // A payout does not pay an invoice.
        (
            Operation::CashOrder {
                direction: CashFlow::Out,
                amount: eur(1_000),
                party: CashParty::Client(company),
                basis: "Atmaksa".into(),
                invoice: Some("INV2026-00001".into()),
            },
            "office.input",
        ),
        // A receipt order names its payer.
        (
            Operation::CashOrder {
                direction: CashFlow::In,
                amount: eur(1_000),
                party: CashParty::Omitted(PayeeOmission::BankDeposit),
                basis: "Iemaksa".into(),
                invoice: None,
            },
            "cash.payer_missing",
        ),
        // A resident person is named with a personal code.
        (kio(bare, 1_000, None), "cash.personal_code_missing"),
        (
            kio(Uuid::from_u128(7), 1_000, None),
            "office.unknown_client",
        ),
    ];
    for (operation, code) in cases {
        let before = fingerprint(&desk);
        let error = desk.apply(&operation, at()).unwrap_err();
        let codes = match &error {
            // The accounting crate refuses a draft with its findings.
            OfficeError::Accounting(error) => error.findings().iter().map(|f| f.code()).collect(),
            other => vec![other.code()],
        };
        assert_eq!(codes, [code], "{error}");
        assert_eq!(fingerprint(&desk), before, "{code} changed the office");
    }
    let order = issued(desk.apply(&kio(company, 1_000, None), at()).unwrap());
    assert_eq!(order.order.number().as_str(), "KIO2026-00001");
    // Without a shift there is no drawer to take it.
    let counted = desk.drawer();
    desk.apply(&Operation::CloseShift { counted }, at())
        .unwrap();
    assert_eq!(
        desk.apply(&kio(company, 1_000, None), at())
            .unwrap_err()
            .code(),
        "office.no_shift"
    );
}

#[test]
fn under_the_rules_before_the_limit_cash_is_neither_checked_nor_recorded() {
    let (mut desk, company, _) = desk();
    let sale = cash_sale(&desk, items("LAP-E14-G5", 12), Some(company));
    let outcome = desk
        .office
        .apply_under(&sale, at(), &desk.history, Rules::BeforeCashLimit)
        .unwrap();
    assert!(matches!(outcome, Outcome::Receipt(_, None)));
    assert_eq!(desk.cash_limits().operations().count(), 0);
    // The same sale under today's rules is refused.
    refused(&mut desk, &sale, at());
    assert_eq!(Rules::CURRENT, Rules::CashLimit);
    for rules in [Rules::BeforeCashLimit, Rules::CashLimit] {
        assert_eq!(Rules::from_number(rules.number()), Some(rules));
    }
    assert_eq!(Rules::from_number(3), None);
}

#[test]
fn an_erased_person_keeps_the_name_and_personal_code_a_cash_order_names() {
    let (mut desk, _, anna) = desk();
    desk.apply(&kio(anna, 5_000, None), at()).unwrap();
    let Outcome::Erased(report) = desk
        .apply(&Operation::EraseClient { client: anna }, at())
        .unwrap()
    else {
        panic!("not erased");
    };
    assert!(!report.is_erased(PersonalField::Name));
    assert!(!report.is_erased(PersonalField::PersonalCode));
    assert!(report.is_erased(PersonalField::Addresses));
    // The ledger never held her name: only her id.
    let ledger = serde_json::to_string(desk.cash_limits()).unwrap();
    assert!(!ledger.contains("Bērziņa"), "{ledger}");
}

#[test]
fn cash_orders_and_sales_of_a_client_round_trip_through_the_journal_json() {
    let operations = [
        kio(Uuid::from_u128(1), 12_345, Some("INV2026-00001")),
        kizo(CashParty::Omitted(PayeeOmission::CashInTransit), 100),
        kizo(CashParty::Client(Uuid::from_u128(2)), 100),
        Operation::Sell {
            lines: items("PAP-A4-80", 1),
            card: None,
            cash: Some(eur(500)),
            client: Some(Uuid::from_u128(3)),
        },
    ];
    for operation in operations {
        let json = serde_json::to_string(&operation).unwrap();
        assert_eq!(serde_json::from_str::<Operation>(&json).unwrap(), operation);
    }
    assert_eq!(
        serde_json::to_string(&kizo(CashParty::Omitted(PayeeOmission::BankDeposit), 100)).unwrap(),
        r#"{"op":"cash_order","direction":"out","amount":{"amount":"1.00","currency":"EUR"},"party":{"omitted":"bank_deposit"},"basis":"Izmaksa"}"#
    );
    // A walk-in sale is journalled as before issue 15: no `client`.
    let walk_in = Operation::Sell {
        lines: items("PAP-A4-80", 1),
        card: None,
        cash: Some(eur(500)),
        client: None,
    };
    assert!(!serde_json::to_string(&walk_in).unwrap().contains("client"));
}
