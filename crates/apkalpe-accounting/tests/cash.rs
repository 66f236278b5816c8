//! KIO, KIzO and the cash book.

use apkalpe_accounting::{
    CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder, PayeeOmission,
    render_cash_book_in, render_cash_order_in,
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
    let mut book =
        CashBook::try_new(crate::support::business(), eur(dec!(50.00)), "kio", "kizo").unwrap();
    let kio1 = DraftCashOrder::try_new(
        crate::support::business(),
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
        crate::support::business(),
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
    let mut book =
        CashBook::try_new(crate::support::business(), eur(dec!(10.00)), "kio", "kizo").unwrap();
    let too_much = DraftCashOrder::try_new(
        crate::support::business(),
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
        crate::support::business(),
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
        crate::support::business(),
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
        crate::support::business(),
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
        CashBook::try_new(crate::support::business(), eur(dec!(0)), "kase", "kase")
            .unwrap_err()
            .code(),
        "cash.shared_series"
    );
}

#[test]
fn order_requisites() {
    let no_payer = DraftCashOrder::try_new(
        crate::support::business(),
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
        crate::support::business(),
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

#[test]
fn orders_and_the_book_name_their_business() {
    let mut book =
        CashBook::try_new(crate::support::business(), eur(dec!(50.00)), "kio", "kizo").unwrap();
    assert_eq!(book.business().name(), "SIA Apkalpe");
    assert_eq!(
        book.business().registration_number().map(|n| n.as_str()),
        Some("40003521600")
    );
    // An order of another business does not go into this book.
    let other = CashBusiness::organisation("SIA Klients", "40103471306".parse().unwrap()).unwrap();
    let foreign = DraftCashOrder::try_new(
        other,
        CashDirection::Receipt,
        payer(),
        "Iemaksa",
        eur(dec!(1)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut kio(), day(3, 2))
    .unwrap();
    let before = book.clone();
    assert_eq!(
        book.post(&foreign).unwrap_err().code(),
        "cash.other_business"
    );
    assert_eq!(book, before);
    // A self-employed person's taxpayer code; a party without either identifier is refused.
    let self_employed = CashBusiness::try_from_party(
        &crate::support::person()
            .try_with_personal_code("161175-19997".parse().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        self_employed.to_string(),
        "Anna Bērziņa, nodokļu maksātāja kods 161175-19997"
    );
    assert_eq!(
        CashBusiness::try_from_party(&crate::support::person())
            .unwrap_err()
            .code(),
        "cash.business_identifier"
    );
}

#[test]
fn orders_and_the_book_in_latvian() {
    let (mut receipts, mut payments) = (kio(), kizo());
    let business = crate::support::business();
    let order = |direction, counterparty, basis: &str, amount| {
        DraftCashOrder::try_new(
            business.clone(),
            direction,
            counterparty,
            basis,
            eur(amount),
            "Līga Kasiere",
        )
        .unwrap()
    };
    let courier = CashCounterparty::person("Jānis Ozols", Some("161175-19997".parse().unwrap()))
        .unwrap()
        .try_on_behalf_of("SIA Kurjers", "40003584818".parse().unwrap())
        .unwrap();
    let kio1 = order(
        CashDirection::Receipt,
        courier,
        "Apmaksa par rēķinu INV2026-00001 (biroja krēsli un galds, piegāde uz Valmieru)",
        dec!(1234.56),
    )
    .issue(&mut receipts, day(3, 2))
    .unwrap();
    let tourist = CashCounterparty::person("John Smith", None).unwrap();
    let kio2 = order(CashDirection::Receipt, tourist, "Par precēm", dec!(18.40))
        .issue_for_non_resident(&mut receipts, day(3, 2))
        .unwrap();
    let supplier =
        CashCounterparty::organisation("SIA Tīrība", "40103471306".parse().unwrap()).unwrap();
    let kizo1 = order(
        CashDirection::Disbursement,
        supplier,
        "Biroja uzkopšana, februāris",
        dec!(120.00),
    )
    .issue(&mut payments, day(3, 3))
    .unwrap();
    let kizo2 = order(
        CashDirection::Disbursement,
        CashCounterparty::Omitted(PayeeOmission::BankDeposit),
        "Iemaksa bankā",
        dec!(1000.00),
    )
    .issue(&mut payments, day(3, 3))
    .unwrap();
    let kio_text = render_cash_order_in(&kio1, Language::Latvian).unwrap();
    // MK 625 p. 3: the business with its registration number, the payer with the personal
    // code and the company they act for, the basis, the amount; the cashier signs.
    assert!(kio_text.starts_with("SIA Apkalpe\nReģ. Nr. 40003521600\n"));
    assert!(kio_text.contains(
        "Pieņemts no: Jānis Ozols, personas kods 161175-19997, pārstāvot SIA Kurjers, reģ. Nr. 40003584818"
    ));
    assert!(kio_text.contains("Summa: 1 234,56 €"));
    insta::assert_snapshot!("cash__receipt_order", kio_text);
    let kizo_text = render_cash_order_in(&kizo2, Language::Latvian).unwrap();
    assert!(kizo_text.contains("Izsniegts: nav norādīts: nauda iemaksāta bankā"));
    insta::assert_snapshot!("cash__disbursement_order", kizo_text);
    assert!(
        render_cash_order_in(&kio2, Language::Latvian)
            .unwrap()
            .contains("Pieņemts no: John Smith (nerezidents)")
    );
    assert!(
        render_cash_order_in(&kizo1, Language::Latvian)
            .unwrap()
            .contains("Izsniegts: SIA Tīrība, reģ. Nr. 40103471306")
    );
    let mut book = CashBook::try_new(business.clone(), eur(dec!(50.00)), "kio", "kizo").unwrap();
    for posted in [&kio1, &kio2, &kizo1, &kizo2] {
        book.post(posted).unwrap();
    }
    let book_text = render_cash_book_in(&book, Language::Latvian).unwrap();
    // 50.00 + 1 234.56 + 18.40 − 120.00 − 1 000.00 = 182.96
    assert!(book_text.contains("Beigu atlikums: 182,96 €"));
    assert!(book_text.contains("Ieņēmumi kopā: 1 252,96 €"));
    insta::assert_snapshot!("cash__book_text", book_text);
    // The same documents in English: English labels, amounts and words.
    let english = render_cash_order_in(&kio1, Language::English).unwrap();
    assert!(english.starts_with("SIA Apkalpe\nReg. No. 40003521600\n\nCash receipt order No. "));
    assert!(english.contains(
        "Received from: Jānis Ozols, personal code 161175-19997, for SIA Kurjers, reg. No. 40003584818"
    ));
    assert!(english.contains("Amount: €1,234.56"), "{english}");
    assert!(
        english.contains("Amount in words: one thousand two hundred thirty-four euro"),
        "{english}"
    );
    assert!(
        render_cash_order_in(&kizo2, Language::English)
            .unwrap()
            .contains("Paid to: not named: cash deposited at a bank")
    );
    let english_book = render_cash_book_in(&book, Language::English).unwrap();
    assert!(
        english_book.contains("Closing balance: €182.96"),
        "{english_book}"
    );
    assert!(!english_book.contains("Beigu atlikums"));
    insta::assert_snapshot!("cash__book_text_english", english_book);
}
