//! Benchmarks of apkalpe-accounting's hot paths. Targets from issue 6 are noted beside each
//! group; `benches/README.md` keeps the last measured medians.
// A bench harness: unwrap and indexing on fixed, known-good inputs are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;

use apkalpe_accounting::{
    AccountingBatch, BatchEntry, CashBook, CashBusiness, CashCounterparty, CashDirection,
    DocumentKind, DocumentTotals, DraftCashOrder, DraftInvoice, InvoiceKind, InvoiceLine,
    IssuedInvoice, LineVat, PayeeOmission, Quantity, RoundingPolicy, UnitCode, write_ubl_invoice,
};
use apkalpe_core::{
    Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset,
};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// The business keeping the cash desk.
fn business() -> CashBusiness {
    CashBusiness::organisation("SIA Apkalpe", "40003521600".parse().unwrap()).unwrap()
}

/// `count` lines at 21, 12 and 5 %, prices and quantities that round (deterministic).
fn lines(count: u32) -> Vec<InvoiceLine> {
    let rates = [21, 12, 5]
        .map(|rate| LineVat::standard(VatRate::try_new(Decimal::from(rate)).unwrap()).unwrap());
    (0..count)
        .map(|index| {
            let price = Decimal::new(i64::from(index % 97) * 37 + 105, 3);
            let quantity = Decimal::new(i64::from(index % 7) + 1, u32::from(index % 3 == 0));
            InvoiceLine::try_new(
                "Prece",
                Quantity::try_new(quantity).unwrap(),
                UnitCode::PIECE,
                Money::new(price, Currency::EUR),
                rates[usize::try_from(index % 3).unwrap()],
            )
            .unwrap()
        })
        .collect()
}

fn invoice(count: u32) -> IssuedInvoice {
    let riga =
        Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap();
    let seller = Party::organisation(PartyName::try_new("SIA Apkalpe").unwrap(), riga.clone())
        .try_with_registration_number("40003521600".parse().unwrap())
        .unwrap()
        .try_with_vat_number("LV40003521600".parse().unwrap())
        .unwrap()
        .with_iban("LV44HABA0551000000001".parse().unwrap());
    let buyer = Party::organisation(PartyName::try_new("SIA Klients").unwrap(), riga)
        .try_with_registration_number("40103471306".parse().unwrap())
        .unwrap();
    let mut draft =
        DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR).with_due_date(day());
    for line in lines(count) {
        draft.push_line(line);
    }
    let mut series = NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:5}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    draft.issue(&mut series, day()).unwrap()
}

/// Target: the totals of a 1 000-line invoice ≤ 100 µs.
fn totals(c: &mut Criterion) {
    let lines = lines(1000);
    c.bench_function("accounting/totals/1000_lines", |b| {
        b.iter(|| {
            DocumentTotals::compute(
                Currency::EUR,
                black_box(&lines),
                &[],
                None,
                &RoundingPolicy::EN_16931,
            )
        })
    });
}

/// Target: the UBL of a 100-line invoice ≤ 200 µs.
fn ubl(c: &mut Criterion) {
    let invoice = invoice(100);
    c.bench_function("accounting/ubl/write_100_lines", |b| {
        b.iter(|| write_ubl_invoice(black_box(&invoice)))
    });
}

/// Target: the completeness check of a batch of 100 000 documents ≤ 200 ms.
fn batch(c: &mut Criterion) {
    let mut batch = AccountingBatch::try_new(
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    )
    .unwrap();
    let mut invoices = NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:6}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut orders = NumberSeries::try_new(
        "kio",
        "KIO{yy}-{seq:6}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let net = Money::new(Decimal::new(10000, 2), Currency::EUR);
    let vat = Money::new(Decimal::new(2100, 2), Currency::EUR);
    for index in 0..100_000u32 {
        let date = NaiveDate::from_yo_opt(2026, index % 365 + 1).unwrap();
        let (kind, series) = if index % 4 == 0 {
            (DocumentKind::CashReceiptOrder, &mut orders)
        } else {
            (DocumentKind::Invoice, &mut invoices)
        };
        let number = series.issue(day()).unwrap();
        // Leave a gap now and then so the check has something to report.
        if index % 10_007 != 0 {
            batch.add(BatchEntry::new(kind, number, date, "SIA Klients", net, vat).unwrap());
        }
    }
    let mut group = c.benchmark_group("accounting/batch");
    group.sample_size(20);
    group.bench_function("check_100000", |b| b.iter(|| black_box(&batch).check(None)));
    group.finish();
}

/// A cash book of `count` entries over a year: receipts of 1.00–100.00 EUR, every third
/// order a disbursement of less than the balance.
fn cash_book(count: u32) -> CashBook {
    let mut receipts = NumberSeries::try_new(
        "kio",
        "KIO{yy}-{seq:6}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut disbursements = NumberSeries::try_new(
        "kizo",
        "KIZO{yy}-{seq:6}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut book = CashBook::try_new(
        business(),
        Money::new(Decimal::new(10000, 2), Currency::EUR),
        "kio",
        "kizo",
    )
    .unwrap();
    for index in 0..count {
        let date = NaiveDate::from_yo_opt(2026, index * 365 / count + 1).unwrap();
        let (direction, counterparty, series) = if index % 3 == 2 {
            (
                CashDirection::Disbursement,
                CashCounterparty::Omitted(PayeeOmission::BankDeposit),
                &mut disbursements,
            )
        } else {
            (
                CashDirection::Receipt,
                CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse().unwrap()))
                    .unwrap(),
                &mut receipts,
            )
        };
        let amount = Money::new(
            Decimal::new(i64::from(index % 9_900) + 100, 2),
            Currency::EUR,
        );
        let order = DraftCashOrder::try_new(
            business(),
            direction,
            counterparty,
            "Apmaksa par rēķinu",
            amount,
            "Līga Kasiere",
        )
        .unwrap()
        .issue(series, date)
        .unwrap();
        // A disbursement above the balance is refused and leaves the book as it was.
        let _ = book.post(&order);
    }
    book
}

/// Target (issue 13): restoring is O(n log n) at most; no quadratic index rebuild.
fn restore(c: &mut Criterion) {
    let invoice = serde_json::to_string(&invoice(1000)).unwrap();
    let book = cash_book(10_000);
    assert!(book.entries().len() > 9_000);
    let book = serde_json::to_string(&book).unwrap();
    let mut group = c.benchmark_group("accounting/restore");
    group.sample_size(20);
    group.bench_function("invoice_1000_lines", |b| {
        b.iter(|| serde_json::from_str::<IssuedInvoice>(black_box(&invoice)).unwrap())
    });
    group.bench_function("cash_book_10000", |b| {
        b.iter(|| serde_json::from_str::<CashBook>(black_box(&book)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, totals, ubl, batch, restore);
criterion_main!(benches);
