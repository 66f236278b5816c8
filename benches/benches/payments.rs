//! Benchmarks of apkalpe-payments' hot paths. Targets from issue 7 are noted beside each group;
//! `benches/README.md` keeps the last measured medians.
// A bench harness: unwrap on fixed, known-good inputs is fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::hint::black_box;

use apkalpe_core::{CountryCode, Currency, Money, VatRate};
use apkalpe_payments::{
    BankStatement, CashCount, CashRegister, Denomination, Discount, OpenShift, ReceiptLine,
    ReceivableLedger, RegisterIdentity, ShiftTotals, Tender, read_receivables_csv, reconcile,
};
use chrono::{Duration, TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

/// Target: change ≤ 1 µs.
fn change(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments/cash");
    let mut drawer = CashCount::new();
    for d in Denomination::ALL {
        drawer.add(d, 10).unwrap();
    }
    let amount = eur(dec!(88.88));
    group.bench_function("make_change/88.88_full_drawer", |b| {
        b.iter(|| black_box(&drawer).make_change(black_box(amount)))
    });
    // A drawer that forces backtracking: 0.06 from one 5 c and three 2 c coins.
    let awkward = CashCount::new()
        .with(Denomination::Euro20, 3)
        .unwrap()
        .with(Denomination::Euro50, 1)
        .unwrap()
        .with(Denomination::Cent5, 1)
        .unwrap()
        .with(Denomination::Cent2, 3)
        .unwrap();
    let amount = eur(dec!(60.06));
    group.bench_function("make_change/60.06_backtracking", |b| {
        b.iter(|| black_box(&awkward).make_change(black_box(amount)))
    });
    group.finish();
}

/// Target: a Z report over 1 000 000 receipts ≤ 200 ms.
fn z_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments/register");
    group.sample_size(10);
    let identity = RegisterIdentity::try_new(
        "SIA Bench",
        "40003521600",
        "Rīga",
        "KA-1",
        "FM-1",
        CountryCode::LT,
    )
    .unwrap();
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 6, 0, 0).unwrap();
    let mut shift = CashRegister::new(identity, Currency::EUR)
        .open_shift("Bench", CashCount::new(), start)
        .unwrap();
    let rates = [dec!(21), dec!(12), dec!(5)].map(|r| VatRate::try_new(r).unwrap());
    for i in 0..1_000_000i64 {
        let price = eur(Decimal::new(100 + i % 5000, 2));
        let mut lines = vec![
            ReceiptLine::try_new("Prece", Decimal::ONE, price, rates[(i % 3) as usize]).unwrap(),
        ];
        if i % 4 == 0 {
            lines.push(
                ReceiptLine::try_new("Cita", Decimal::TWO, price, rates[((i + 1) % 3) as usize])
                    .unwrap(),
            );
        }
        let total = Money::try_sum(Currency::EUR, lines.iter().map(|l| l.amount())).unwrap();
        let tenders = match i % 3 {
            0 => vec![Tender::Cash {
                tendered: total.checked_add(eur(dec!(1))).unwrap(),
            }],
            1 => vec![Tender::Card {
                amount: total,
                reference: "card".into(),
            }],
            _ => vec![
                Tender::Card {
                    amount: eur(dec!(0.50)),
                    reference: "card".into(),
                },
                Tender::Cash { tendered: total },
            ],
        };
        shift
            .sell(lines, &tenders, start + Duration::milliseconds(i))
            .unwrap();
    }
    let float = Money::zero(Currency::EUR);
    group.bench_function("z_totals/1000000_receipts", |b| {
        b.iter(|| ShiftTotals::compute(black_box(float), black_box(shift.events())).unwrap())
    });
    group.finish();
}

/// Generates a camt.053.001.08 statement with `n` credit entries and a receivables CSV with
/// `n` receivables: a quarter paid by RF reference, a quarter by invoice number, a quarter by
/// amount and payer, a quarter unmatched.
fn fixtures(n: usize) -> (String, String) {
    let mut csv = String::from("number,debtor,amount,currency,due_date,reference\n");
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></Acct>"#,
    );
    for i in 0..n {
        let cents = 1000 + (i * 37) % 90_000;
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let reference =
            apkalpe_core::CreditorReference::from_payment_reference(&format!("{i}")).unwrap();
        let _ = writeln!(
            csv,
            "INV-{i:07},Klients {i},{amount},EUR,2026-12-01,{reference}"
        );
        let remittance = match i % 4 {
            0 => format!("<Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd>"),
            1 => format!("<Ustrd>Rekins INV-{i:07} paldies</Ustrd>"),
            2 => "<Ustrd>par precem</Ustrd>".to_owned(),
            _ => "<Ustrd>cits maksajums</Ustrd>".to_owned(),
        };
        let payer = if i % 4 == 3 {
            format!("Nezinams {i}")
        } else {
            format!("Klients {i}")
        };
        let _ = write!(
            xml,
            r#"<Ntry><NtryRef>{i}</NtryRef><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-27</Dt></BookgDt><ValDt><Dt>2026-11-27</Dt></ValDt><AcctSvcrRef>B{i:09}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E{i}</EndToEndId></Refs><Amt Ccy="EUR">{amount}</Amt><RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>LV97HABA0012345678910</IBAN></Id></DbtrAcct></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>"#
        );
    }
    xml.push_str("</Stmt></BkToCstmrStmt></Document>");
    (xml, csv)
}

/// Generates a camt.053.001.08 statement of the same `n` payments as [`fixtures`], booked as
/// SEPA batch credits of `per` transactions each (one entry, its total, a `TxDtls` with its own
/// amount per payment), so reconciliation splits every entry.
fn batched_fixture(n: usize, per: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></Acct>"#,
    );
    for first in (0..n).step_by(per) {
        let payments: Vec<usize> = (first..(first + per).min(n)).collect();
        let cents = |i: usize| 1000 + (i * 37) % 90_000;
        let total: usize = payments.iter().map(|&i| cents(i)).sum();
        let _ = write!(
            xml,
            r#"<Ntry><Amt Ccy="EUR">{}.{:02}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-27</Dt></BookgDt><AcctSvcrRef>B{first:09}</AcctSvcrRef><NtryDtls>"#,
            total / 100,
            total % 100
        );
        for i in payments {
            let reference =
                apkalpe_core::CreditorReference::from_payment_reference(&format!("{i}")).unwrap();
            let remittance = match i % 4 {
                0 => format!("<Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd>"),
                1 => format!("<Ustrd>Rekins INV-{i:07} paldies</Ustrd>"),
                2 => "<Ustrd>par precem</Ustrd>".to_owned(),
                _ => "<Ustrd>cits maksajums</Ustrd>".to_owned(),
            };
            let payer = if i % 4 == 3 {
                format!("Nezinams {i}")
            } else {
                format!("Klients {i}")
            };
            let _ = write!(
                xml,
                r#"<TxDtls><Refs><EndToEndId>E2E{i}</EndToEndId></Refs><Amt Ccy="EUR">{}.{:02}</Amt><RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls>"#,
                cents(i) / 100,
                cents(i) % 100
            );
        }
        xml.push_str("</NtryDtls></Ntry>");
    }
    xml.push_str("</Stmt></BkToCstmrStmt></Document>");
    xml
}

/// Target: reconciling 100 000 entries against 100 000 receivables ≤ 300 ms, near-linear
/// (10 000 and 100 000 side by side); the same 100 000 payments in batch entries of 4
/// transactions, split by reconciliation, within the same target.
fn reconciliation(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments/reconcile");
    group.sample_size(10);
    for n in [10_000usize, 100_000] {
        let (xml, csv) = fixtures(n);
        let statement = BankStatement::read(xml.as_bytes()).unwrap();
        let ledger =
            ReceivableLedger::try_from_receivables(read_receivables_csv(&csv).unwrap()).unwrap();
        group.bench_function(format!("match/{n}_entries"), |b| {
            b.iter_batched(
                || ledger.clone(),
                |mut ledger| reconcile(black_box(&statement), &mut ledger).unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    let (_, csv) = fixtures(100_000);
    let statement = BankStatement::read(batched_fixture(100_000, 4).as_bytes()).unwrap();
    let ledger =
        ReceivableLedger::try_from_receivables(read_receivables_csv(&csv).unwrap()).unwrap();
    // Every entry adds up, so it is split: one outcome per transaction.
    let split = reconcile(&statement, &mut ledger.clone()).unwrap();
    assert_eq!(
        (statement.entries().len(), split.entries().len()),
        (25_000, 100_000)
    );
    group.bench_function("match_batched/100000_transactions_in_25000_entries", |b| {
        b.iter_batched(
            || ledger.clone(),
            |mut ledger| reconcile(black_box(&statement), &mut ledger).unwrap(),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Target: camt.053 reading ≥ 50 MB/s.
fn camt(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments/camt053");
    group.sample_size(10);
    let (xml, _) = fixtures(40_000);
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function(format!("read/{}_bytes", xml.len()), |b| {
        b.iter(|| BankStatement::read(black_box(xml.as_bytes())).unwrap())
    });
    group.finish();
}

/// A Lithuanian shift of `n` receipts: cash sales rounded, card and mixed sales, discounts, and
/// every tenth receipt a return of the sale before it.
fn shift_of(n: i64) -> OpenShift {
    let identity = RegisterIdentity::try_new(
        "SIA Bench",
        "40003521600",
        "Vilnius",
        "KA-1",
        "FM-1",
        CountryCode::LT,
    )
    .unwrap();
    let start = Utc.with_ymd_and_hms(2026, 11, 27, 6, 0, 0).unwrap();
    let float = CashCount::new().with(Denomination::Euro10, 20).unwrap();
    let mut shift = CashRegister::new(identity, Currency::EUR)
        .with_counters(10_000, 41, eur(dec!(123456.78)))
        .unwrap()
        .open_shift("Bench", float, start)
        .unwrap();
    let rates = [dec!(21), dec!(12), dec!(5)].map(|r| VatRate::try_new(r).unwrap());
    let mut last_sale = 0;
    for i in 0..n {
        let at = start + Duration::seconds(i * 60);
        let price = eur(Decimal::new(100 + (i * 37) % 5000, 2));
        let mut lines = vec![
            ReceiptLine::try_new("Prece", Decimal::ONE, price, rates[(i % 3) as usize]).unwrap(),
            ReceiptLine::try_new(
                "Cita",
                Decimal::new(1235, 3),
                price,
                rates[((i + 1) % 3) as usize],
            )
            .unwrap(),
        ];
        if i % 5 == 0 {
            lines[0] = lines[0]
                .clone()
                .with_discount(Discount::Percent(dec!(10)), "klienta karte")
                .unwrap();
        }
        let total = Money::try_sum(Currency::EUR, lines.iter().map(|l| l.amount())).unwrap();
        let tenders = match i % 3 {
            0 => vec![Tender::Cash {
                tendered: total.checked_add(eur(dec!(5))).unwrap(),
            }],
            1 => vec![Tender::Card {
                amount: total,
                reference: "411111******1111".into(),
            }],
            _ => vec![
                Tender::Card {
                    amount: eur(dec!(0.50)),
                    reference: "411111******1111".into(),
                },
                Tender::Cash { tendered: total },
            ],
        };
        if i % 10 == 9 {
            shift.refund(last_sale, lines, &tenders, at).unwrap();
        } else {
            last_sale = shift.sell(lines, &tenders, at).unwrap().number();
        }
    }
    shift
}

/// Target (issue 13): restoring is linear in what is saved, so a desk opening from its latest
/// snapshot pays for what is open, not for its history. Each iteration serializes the value to
/// JSON and restores it, every check and index rebuilt.
fn restore(c: &mut Criterion) {
    let mut group = c.benchmark_group("payments/restore");
    group.sample_size(10);
    // 100 000 receivables, three quarters of them reconciled: paid, partly paid, credits, keys.
    let (xml, csv) = fixtures(100_000);
    let mut ledger =
        ReceivableLedger::try_from_receivables(read_receivables_csv(&csv).unwrap()).unwrap();
    reconcile(&BankStatement::read(xml.as_bytes()).unwrap(), &mut ledger).unwrap();
    let back: ReceivableLedger =
        serde_json::from_str(&serde_json::to_string(&ledger).unwrap()).unwrap();
    assert_eq!(back, ledger);
    group.bench_function("ledger_100000_receivables", |b| {
        b.iter(|| {
            let json = serde_json::to_string(black_box(&ledger)).unwrap();
            serde_json::from_str::<ReceivableLedger>(&json).unwrap()
        })
    });
    let shift = shift_of(400);
    let back: OpenShift = serde_json::from_str(&serde_json::to_string(&shift).unwrap()).unwrap();
    assert_eq!(back, shift);
    group.bench_function("shift_400_receipts", |b| {
        b.iter(|| {
            let json = serde_json::to_string(black_box(&shift)).unwrap();
            serde_json::from_str::<OpenShift>(&json).unwrap()
        })
    });
    group.finish();
}

/// Target (issue 15; the issue names none, this is ours): checking one more cash operation
/// against a year of them, linked by client and day and by invoice, ≤ 10 µs; a deal of 10 000
/// operations linked through one invoice ≤ 5 ms.
fn cash_limit(c: &mut Criterion) {
    use apkalpe_payments::{
        CashCounterparty, CashDirection, CashLimitLedger, CashLimits, CashOperation,
    };
    let mut group = c.benchmark_group("payments/cash_limit");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let clients: Vec<CashCounterparty> = (0..500)
        .map(|i| {
            if i % 5 == 0 {
                CashCounterparty::taxpayer(&format!("C-{i}"), "SIA Klients", "40003521600").unwrap()
            } else {
                CashCounterparty::private(&format!("C-{i}"), "Klients").unwrap()
            }
        })
        .collect();
    // A year: 100 000 operations over 250 days, 500 clients, every tenth for an invoice.
    let mut year = CashLimitLedger::new(CashLimits::latvia());
    for i in 0..100_000_usize {
        let date = start + chrono::Days::new((i % 250) as u64);
        let mut operation = CashOperation::try_new(
            &format!("R-{i}"),
            date,
            CashDirection::Received,
            eur(Decimal::new(1_000 + (i as i64 * 7_919) % 90_000, 2)),
        )
        .unwrap()
        .with_counterparty(clients[i % 500].clone());
        if i % 10 == 0 {
            operation = operation
                .with_invoice(&format!("AP-{}", i % 5_000))
                .unwrap();
        }
        let _refused = year.record(operation);
    }
    let probe = CashOperation::try_new(
        "R-probe",
        start + chrono::Days::new(100),
        CashDirection::Received,
        eur(dec!(120)),
    )
    .unwrap()
    .with_counterparty(clients[100].clone())
    .with_invoice("AP-100")
    .unwrap();
    group.bench_function("check/in_a_year_of_100000_operations", |b| {
        b.iter(|| black_box(&year).check(black_box(&probe)).unwrap())
    });
    // One invoice paid in 10 000 one-cent parts over a year by one client.
    let mut chain = CashLimitLedger::new(CashLimits::latvia());
    for i in 0..10_000_u64 {
        let operation = CashOperation::try_new(
            &format!("K-{i}"),
            start + chrono::Days::new(i % 365),
            CashDirection::Received,
            eur(dec!(0.01)),
        )
        .unwrap()
        .with_counterparty(clients[1].clone())
        .with_invoice("AP-1")
        .unwrap();
        chain.record(operation).unwrap();
    }
    let next = CashOperation::try_new("K-next", start, CashDirection::Received, eur(dec!(1)))
        .unwrap()
        .with_invoice("AP-1")
        .unwrap();
    group.sample_size(20);
    group.bench_function("check/deal_of_10000_linked_operations", |b| {
        b.iter(|| black_box(&chain).check(black_box(&next)).unwrap())
    });
    group.finish();
}

criterion_group!(
    benches,
    change,
    z_report,
    reconciliation,
    camt,
    restore,
    cash_limit
);
criterion_main!(benches);
