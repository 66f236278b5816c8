//! KIO, KIzO and the cash book.

use apkalpe_accounting::{
    CashBook, CashCounterparty, CashDirection, DraftCashOrder, PayeeOmission,
};
use apkalpe_core::{Language, NumberSeries, YearReset};
use rust_decimal_macros::dec;

use crate::support::{day, eur};

pub fn kio() -> NumberSeries {
    NumberSeries::try_new(
        "kio",
        "KIO{yy}-{seq:4}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap()
}

pub fn kizo() -> NumberSeries {
    NumberSeries::try_new(
        "kizo",
        "KIZO{yy}-{seq:4}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap()
}

pub fn payer() -> CashCounterparty {
    CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse().unwrap())).unwrap()
}

#[test]
fn receipts_and_disbursements_post_to_the_book() {
    let (mut receipts, mut payments) = (kio(), kizo());
    let mut book = CashBook::try_new(eur(dec!(50.00)), "kio", "kizo").unwrap();
    let kio1 = DraftCashOrder::try_new(
        CashDirection::Receipt,
        payer(),
        "Par rēķinu INV2026-00001",
        eur(dec!(257.97)),
        "Līga Kasiere",
    )
    .unwrap()
    .issue(&mut receipts, day(3, 2))
    .unwrap();
    let kizo1 = DraftCashOrder::try_new(
        CashDirection::Disbursement,
        CashCounterparty::Omitted(PayeeOmission::BankDeposit),
        "Iemaksa bankā",
        eur(dec!(300.00)),
        "Līga Kasiere",
    )
    .unwrap()
    .issue(&mut payments, day(3, 3))
    .unwrap();
    assert_eq!(
        (kio1.number().as_str(), kizo1.number().as_str()),
        ("KIO26-0001", "KIZO26-0001")
    );
    book.post(&kio1).unwrap();
    assert_eq!(book.post(&kizo1).unwrap().balance().to_string(), "7.97 EUR");
    assert_eq!(
        kio1.amount_in_words(Language::Latvian).unwrap(),
        "divi simti piecdesmit septiņi euro un 97 centi"
    );
    assert_eq!(book.post(&kio1).unwrap_err().code(), "cash.already_posted");
    insta::assert_json_snapshot!("cash__book", book.entries());
}

#[test]
fn the_book_refuses_what_the_rules_forbid() {
    let (mut receipts, mut payments) = (kio(), kizo());
    let mut book = CashBook::try_new(eur(dec!(10.00)), "kio", "kizo").unwrap();
    let too_much = DraftCashOrder::try_new(
        CashDirection::Disbursement,
        payer(),
        "Avanss",
        eur(dec!(10.01)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut payments, day(3, 2))
    .unwrap();
    assert_eq!(
        book.post(&too_much).unwrap_err().code(),
        "cash.negative_balance"
    );
    let wrong_series = DraftCashOrder::try_new(
        CashDirection::Disbursement,
        payer(),
        "Avanss",
        eur(dec!(1)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut receipts, day(3, 2))
    .unwrap();
    assert_eq!(
        book.post(&wrong_series).unwrap_err().code(),
        "cash.wrong_series"
    );
    let later = DraftCashOrder::try_new(
        CashDirection::Receipt,
        payer(),
        "Iemaksa",
        eur(dec!(1)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut receipts, day(3, 5))
    .unwrap();
    book.post(&later).unwrap();
    let earlier = DraftCashOrder::try_new(
        CashDirection::Receipt,
        payer(),
        "Iemaksa",
        eur(dec!(1)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut receipts, day(3, 4))
    .unwrap();
    assert_eq!(book.post(&earlier).unwrap_err().code(), "cash.out_of_order");
    assert_eq!(
        CashBook::try_new(eur(dec!(0)), "kase", "kase")
            .unwrap_err()
            .code(),
        "cash.shared_series"
    );
}

#[test]
fn order_requisites() {
    let no_payer = DraftCashOrder::try_new(
        CashDirection::Receipt,
        CashCounterparty::Omitted(PayeeOmission::CashInTransit),
        "Ieņēmumi",
        eur(dec!(0.001)),
        "Kasiere",
    )
    .unwrap();
    assert_eq!(
        no_payer.validate().codes(),
        ["cash.amount", "cash.payer_missing"]
    );
    let tourist = CashCounterparty::person("John Smith", None).unwrap();
    let order = DraftCashOrder::try_new(
        CashDirection::Receipt,
        tourist,
        "Par precēm",
        eur(dec!(7200.01)),
        "Kasiere",
    )
    .unwrap();
    assert_eq!(order.validate().codes(), ["cash.personal_code_missing"]);
    let issued = order.issue_for_non_resident(&mut kio(), day(3, 2)).unwrap();
    assert!(issued.exceeds_cash_limit());
}
