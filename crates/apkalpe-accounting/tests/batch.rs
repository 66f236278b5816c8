//! Accounting batches: completeness and the journal CSV.

use apkalpe_accounting::{
    AccountMapping, AccountingBatch, BatchEntry, CashBook, CashDirection, DocumentKind,
    DraftCashOrder,
};
use apkalpe_core::YearReset;
use rust_decimal_macros::dec;

use crate::cash::{kio, kizo, payer};
use crate::support::{self, day, eur};

#[test]
fn complete_batch_has_no_findings_and_exports_journal() {
    let (advance, final_invoice) = support::prepayment();
    let (invoice, credit) = support::returned_item();
    let mut receipts = kio();
    let order = DraftCashOrder::try_new(
        crate::support::business(),
        CashDirection::Receipt,
        payer(),
        "Par rēķinu",
        eur(dec!(108.78)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut receipts, day(3, 10))
    .unwrap();
    let mut book =
        CashBook::try_new(crate::support::business(), eur(dec!(0)), "kio", "kizo").unwrap();
    book.post(&order).unwrap();

    let mut batch = AccountingBatch::try_new(day(2, 1), day(3, 31)).unwrap();
    batch.add(BatchEntry::from(&advance));
    batch.add(BatchEntry::from(&final_invoice));
    batch.add(BatchEntry::from(&credit));
    batch.add(BatchEntry::from(&order));
    // The returned item's invoice was issued from another copy of the series; a batch keeps one.
    batch.add_earlier_invoice(invoice.number().as_str());
    assert!(
        batch.check(Some(&book)).is_empty(),
        "{:?}",
        batch.check(Some(&book))
    );

    let csv = batch.journal_csv(&AccountMapping::default()).unwrap();
    assert!(csv.contains("2026-03-09,credit_note,KR2026-0001,SIA Klients & Partneri,6110,2310,5721,89.90,18.88,108.78,EUR\n"));
    insta::assert_snapshot!("journal__csv", csv);
}

#[test]
fn completeness_findings() {
    let mut series = apkalpe_core::NumberSeries::try_new(
        "sales",
        "R{year}-{seq:3}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut batch = AccountingBatch::try_new(day(3, 1), day(3, 31)).unwrap();
    let mut numbers = Vec::new();
    for _ in 0..8 {
        numbers.push(series.issue(day(3, 2)).unwrap());
    }
    let voided = series.void(&numbers[2], "sabojāta veidlapa").unwrap();
    batch.add_voided(voided);
    for (index, number) in numbers.iter().enumerate() {
        if index == 4 || index == 5 || index == 2 {
            continue; // 5 and 6 missing, 3 voided
        }
        let date = if index == 7 { day(4, 1) } else { day(3, 2) };
        batch.add(
            BatchEntry::new(
                DocumentKind::Invoice,
                number.clone(),
                date,
                "SIA Klients",
                eur(dec!(10)),
                eur(dec!(2.10)),
            )
            .unwrap(),
        );
    }
    batch.add(
        BatchEntry::new(
            DocumentKind::Invoice,
            numbers[0].clone(),
            day(3, 2),
            "SIA Klients",
            eur(dec!(10)),
            eur(dec!(2.10)),
        )
        .unwrap(),
    );
    let (_, credit) = support::returned_item();
    batch.add(BatchEntry::from(&credit));

    let mut payments = kizo();
    let paid = DraftCashOrder::try_new(
        crate::support::business(),
        CashDirection::Disbursement,
        payer(),
        "Avanss",
        eur(dec!(5)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut payments, day(3, 3))
    .unwrap();
    let unposted = DraftCashOrder::try_new(
        crate::support::business(),
        CashDirection::Disbursement,
        payer(),
        "Avanss",
        eur(dec!(1)),
        "Kasiere",
    )
    .unwrap()
    .issue(&mut payments, day(3, 4))
    .unwrap();
    let mut book =
        CashBook::try_new(crate::support::business(), eur(dec!(100)), "kio", "kizo").unwrap();
    book.post(&paid).unwrap();
    batch.add(BatchEntry::from(&unposted));

    let report = batch.check(Some(&book));
    assert_eq!(
        report.codes(),
        [
            "batch.outside_period",
            "batch.duplicate_number",
            "batch.number_gap",
            "batch.credit_note_without_original",
            "batch.cash_order_not_in_book",
            "batch.cash_book_entry_without_order",
        ]
    );
    insta::assert_json_snapshot!("validation__batch_completeness", report);
    assert_eq!(
        AccountingBatch::try_new(day(3, 2), day(3, 1))
            .unwrap_err()
            .findings()[0]
            .code(),
        "batch.period"
    );
}
