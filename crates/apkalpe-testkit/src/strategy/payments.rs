//! Strategies for `apkalpe-payments`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
//!
//! Aggregates (a [`ReceivableLedger`], an [`OpenShift`], a [`CardPayment`]) come from random
//! sequences of their operations; an operation the type refuses is skipped, as a program would
//! leave it (the operations are atomic). Values are weighted toward boundaries: one cent, zero
//! prices, full and partial payments, overpayments, Lithuanian cash rounding, archived
//! ledgers, declined and refunded card payments.

use apkalpe_core::{CashRounding, CountryCode, Currency, Money, VatRate};
use apkalpe_payments::{
    AllocationTarget, BankStatement, CardPayment, CashCount, CashCounterparty, CashDirection,
    CashLimitLedger, CashLimits, CashMovement, CashMovementKind, CashOperation, CashRegister,
    CashTender, CreditDebit, DeclineReason, Denomination, Discount, EntryTransaction,
    IdempotencyKey, IncomingPayment, OpenShift, PaymentRequest, Receipt, ReceiptLine, Receivable,
    ReceivableLedger, ReconciliationReport, RegisterIdentity, Remittance, SimulatedTerminal,
    StatementEntry, StatementKind, Tender, XReport, ZReport, reconcile,
};
use chrono::{DateTime, Days, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use rust_decimal::Decimal;

use super::{creditor_reference, iban};

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid literal date")
}

/// Whole euro cents from 1 to `max`, weighted toward 1 cent, 5 cents and round euros.
fn cents(max: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 1..=max,
        1 => Just(1i64),
        1 => Just(5i64),
        1 => (1..=max / 100 + 1).prop_map(|euros| euros * 100),
    ]
}

/// The countries whose cash-rounding rules differ: Latvia (none), Lithuania and Estonia (0.05).
pub fn outlet_country() -> impl Strategy<Value = CountryCode> {
    prop_oneof![
        Just(CountryCode::LV),
        Just(CountryCode::LT),
        Just(CountryCode::EE)
    ]
}

/// Any euro note or coin.
pub fn denomination() -> impl Strategy<Value = Denomination> {
    select(Denomination::ALL.to_vec())
}

/// Notes and coins counted: empty, a few pieces, or a denomination at `u32::MAX` pieces.
pub fn cash_count() -> impl Strategy<Value = CashCount> {
    let pieces = prop_oneof![
        6 => 0u32..40,
        1 => Just(1u32),
        1 => Just(u32::MAX),
    ];
    prop::collection::vec((denomination(), pieces), 0..8).prop_map(|pieces| {
        pieces.into_iter().fold(CashCount::new(), |count, (d, n)| {
            count.with(d, n).unwrap_or(count)
        })
    })
}

/// A cash deposit or payout with its cash order.
pub fn cash_movement() -> impl Strategy<Value = CashMovement> {
    (
        prop_oneof![
            Just(CashMovementKind::Deposit),
            Just(CashMovementKind::Payout)
        ],
        cents(720_000),
        select(vec![
            "courier fee",
            " bank deposit ",
            "Iemaksa bankā",
            "float top-up",
        ]),
        select(vec!["KIO-2026-0001", "KIzO-2026-0012", " KIO-7 "]),
    )
        .prop_map(|(kind, amount, reason, document)| {
            CashMovement::try_new(kind, eur(amount), reason, document).expect("valid movement")
        })
}

/// A cash operation of November 2026: one of three clients (two taxpayers) or none, maybe
/// an invoice of two, received or paid, from one cent to 5 000 EUR (weighted to the 1 500 EUR
/// threshold).
pub fn cash_operation(reference: String) -> impl Strategy<Value = CashOperation> {
    let client = prop_oneof![
        Just(None),
        Just(Some(("C-1", "SIA Koks", Some("40003521600")))),
        Just(Some(("C-2", "SIA Ābele", Some("40103471306")))),
        Just(Some(("C-3", "Jānis Ozols", None))),
    ];
    let amount = prop_oneof![Just(150_000_i64), Just(150_001), 1_i64..=500_000,];
    (
        1_u32..=30,
        select(vec![CashDirection::Received, CashDirection::Paid]),
        amount,
        client,
        select(vec![None, Some("AP-1"), Some("AP-2")]),
    )
        .prop_map(move |(date, direction, cents, client, invoice)| {
            let mut operation =
                CashOperation::try_new(&reference, day(2026, 11, date), direction, eur(cents))
                    .expect("a valid operation");
            if let Some((key, name, number)) = client {
                let party = match number {
                    Some(number) => CashCounterparty::taxpayer(key, name, number),
                    None => CashCounterparty::private(key, name),
                };
                operation = operation.with_counterparty(party.expect("a valid party"));
            }
            if let Some(invoice) = invoice {
                operation = operation.with_invoice(invoice).expect("a valid invoice");
            }
            operation
        })
}

/// A cash-limit ledger from up to 12 operations recorded in turn under [`cash_limits`]; the
/// ones the limits refuse are left out, as a program would.
pub fn cash_limit_ledger() -> impl Strategy<Value = CashLimitLedger> {
    let operations = (0_usize..12).prop_flat_map(|count| {
        (0..count)
            .map(|index| cash_operation(format!("KIO-{index}")))
            .collect::<Vec<_>>()
    });
    (cash_limits(), operations).prop_map(|(limits, operations)| {
        let mut ledger = CashLimitLedger::new(limits);
        for operation in operations {
            let _refused = ledger.record(operation);
        }
        ledger
    })
}

/// The Latvian cash limits, or other limits with the threshold at or below the cap.
pub fn cash_limits() -> impl Strategy<Value = CashLimits> {
    prop_oneof![
        Just(CashLimits::latvia()),
        (cents(1_000_000), cents(1_000_000)).prop_map(|(a, b)| {
            CashLimits::try_new(eur(a.max(b)), eur(a.min(b))).expect("threshold within cap")
        }),
    ]
}

/// A payment settled with cash under the built-in cash-rounding table, partly by card.
pub fn cash_tender() -> impl Strategy<Value = CashTender> {
    (
        outlet_country(),
        prop_oneof![
            Just(day(2024, 12, 31)),
            Just(day(2025, 5, 1)),
            Just(day(2026, 11, 27))
        ],
        cents(100_000),
        0i64..=100,
        0i64..=20_000,
    )
        .prop_filter_map(
            "a settled tender",
            |(country, date, total, card_share, extra)| {
                let non_cash = total * card_share / 100;
                CashTender::settle(
                    &CashRounding::builtin(),
                    country,
                    date,
                    eur(total),
                    eur(non_cash),
                    eur(total - non_cash + extra),
                )
                .ok()
            },
        )
}

/// A receipt line: a quantity (up to three decimals) at a price (zero included) and a rate of
/// the Latvian table or another, sometimes with a discount.
pub fn receipt_line() -> impl Strategy<Value = ReceiptLine> {
    let quantity = prop_oneof![
        3 => (1i64..=5, Just(0u32)),
        1 => (1i64..=5000, 0u32..=3),
    ]
    .prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale));
    let rate = select(vec![
        Decimal::new(21, 0),
        Decimal::new(12, 0),
        Decimal::new(5, 0),
        Decimal::ZERO,
        Decimal::new(95, 1),
    ])
    .prop_map(|percent| VatRate::try_new(percent).expect("a rate from 0 to 100"));
    let price = prop_oneof![4 => cents(50_000), 1 => Just(0i64)];
    let discount = prop_oneof![
        3 => Just(None),
        1 => (1i64..=10_000).prop_map(|bp| Some(Discount::Percent(Decimal::new(bp, 2)))),
        1 => cents(5_000).prop_map(|c| Some(Discount::Amount(eur(c)))),
    ];
    (
        select(vec!["Kafija", "Maize", "Āboli", "Krēsls", "Grāmata"]),
        quantity,
        price,
        rate,
        discount,
    )
        .prop_map(|(description, quantity, price, rate, discount)| {
            let line = ReceiptLine::try_new(description, quantity, eur(price), rate)
                .expect("a valid line");
            match discount {
                // A discount larger than the line is refused: the line stays as it was.
                Some(discount) => line
                    .clone()
                    .with_discount(discount, "lojalitātes karte")
                    .unwrap_or(line),
                None => line,
            }
        })
}

/// A register's identity in `country`.
pub fn register_identity(country: CountryCode) -> impl Strategy<Value = RegisterIdentity> {
    (
        select(vec![
            "SIA Apkalpe Demo",
            " SIA Kafejnīca ",
            "UAB Parduotuvė",
        ]),
        select(vec!["KA-000123", "KA-1"]),
    )
        .prop_map(move |(name, serial)| {
            RegisterIdentity::try_new(
                name,
                "40003521600",
                "Brīvības iela 1, Rīga",
                serial,
                "FM-7781",
                country,
            )
            .expect("a valid identity")
        })
}

/// A register between shifts: new, or continuing counters from its fiscal memory.
pub fn cash_register() -> impl Strategy<Value = CashRegister> {
    (
        outlet_country().prop_flat_map(register_identity),
        prop_oneof![
            2 => Just(None),
            1 => (prop_oneof![Just(0u64), Just(1), 2u64..500, Just(u64::MAX - 1)], 0u64..100, -1_000_000i64..=10_000_000)
                .prop_map(Some),
        ],
    )
        .prop_map(|(identity, counters)| {
            let register = CashRegister::new(identity, Currency::EUR);
            match counters {
                Some((last_receipt, last_z, grand)) => register
                    .with_counters(last_receipt, last_z, eur(grand))
                    .expect("a grand total in euro"),
                None => register,
            }
        })
}

/// How a sale or return is paid.
#[derive(Debug, Clone)]
enum Pay {
    /// Cash: the total and this much more handed over.
    Cash(i64),
    /// Card, with the masked number as the reference.
    Card,
    /// Bank transfer.
    Transfer,
    /// This share (percent) by card, the rest in cash.
    Mixed(i64),
}

/// One operation on an open shift.
#[derive(Debug, Clone)]
enum ShiftOp {
    Sell(Vec<ReceiptLine>, Pay),
    /// A return of the sale picked by the index (of the shift's sales, or of the receipts
    /// before the shift).
    Refund(Index, Vec<ReceiptLine>, Pay),
    Movement(CashMovement),
}

fn shift_op() -> impl Strategy<Value = ShiftOp> {
    let pay = prop_oneof![
        3 => prop_oneof![Just(0i64), Just(5), 1i64..5_000].prop_map(Pay::Cash),
        2 => Just(Pay::Card),
        1 => Just(Pay::Transfer),
        1 => (1i64..100).prop_map(Pay::Mixed),
    ];
    let lines = || prop::collection::vec(receipt_line(), 1..4);
    prop_oneof![
        6 => (lines(), pay.clone()).prop_map(|(lines, pay)| ShiftOp::Sell(lines, pay)),
        2 => (any::<Index>(), lines(), pay).prop_map(|(pick, lines, pay)| ShiftOp::Refund(pick, lines, pay)),
        1 => cash_movement().prop_map(ShiftOp::Movement),
    ]
}

fn tenders(lines: &[ReceiptLine], pay: &Pay) -> Vec<Tender> {
    let total = Money::try_sum(Currency::EUR, lines.iter().map(ReceiptLine::amount))
        .expect("euro lines add up");
    let reference = "411111******1111".to_owned();
    match pay {
        _ if total.is_zero() => Vec::new(),
        Pay::Cash(extra) => vec![Tender::Cash {
            tendered: total.checked_add(eur(*extra + 5)).expect("no overflow"),
        }],
        Pay::Card => vec![Tender::Card {
            amount: total,
            reference,
        }],
        Pay::Transfer => vec![Tender::Transfer {
            amount: total,
            reference: "RF18539007547034".to_owned(),
        }],
        Pay::Mixed(share) => {
            let card = total
                .checked_mul(Decimal::new(*share, 2))
                .and_then(|m| {
                    m.round_to_minor_units(apkalpe_core::rounding::RoundingStrategy::TowardZero)
                })
                .expect("no overflow");
            let mut tenders = vec![Tender::Cash {
                tendered: total.checked_add(eur(5)).expect("no overflow"),
            }];
            if card.is_positive() {
                tenders.push(Tender::Card {
                    amount: card,
                    reference,
                });
            }
            tenders
        }
    }
}

/// The instant a shift of these strategies opens.
fn opening() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        Just(
            Utc.with_ymd_and_hms(2026, 11, 27, 6, 0, 0)
                .single()
                .expect("a valid instant")
        ),
        // Lithuania's rounding starts on 2025-05-01 (Riga time): a shift across midnight.
        Just(
            Utc.with_ymd_and_hms(2025, 4, 30, 20, 30, 0)
                .single()
                .expect("a valid instant")
        ),
        (0i64..2_000).prop_map(|hours| {
            Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
                .single()
                .expect("a valid instant")
                + Duration::hours(hours)
        }),
    ]
}

/// An open shift after a random sequence of sales, returns (of the shift's sales and of
/// receipts before it), deposits and payouts, each a minute after the one before.
pub fn open_shift() -> impl Strategy<Value = OpenShift> {
    (
        cash_register(),
        select(vec!["Anna Liepa", " Ilze Kalna "]),
        cash_count(),
        opening(),
        prop::collection::vec(shift_op(), 0..12),
    )
        .prop_filter_map(
            "a register that has room for receipts",
            |(register, cashier, float, opened, ops)| {
                if register.last_receipt() > u64::MAX - 100 {
                    return None;
                }
                let before = register.last_receipt();
                let mut shift = register.open_shift(cashier, float, opened).ok()?;
                let mut sales: Vec<u64> = (1..=before.min(3)).collect();
                for (minute, op) in (1i64..).zip(ops) {
                    let at = opened + Duration::minutes(minute);
                    match op {
                        ShiftOp::Sell(lines, pay) => {
                            let tenders = tenders(&lines, &pay);
                            if let Ok(receipt) = shift.sell(lines, &tenders, at) {
                                sales.push(receipt.number());
                            }
                        }
                        ShiftOp::Refund(pick, lines, pay) => {
                            if sales.is_empty() {
                                continue;
                            }
                            let original = *pick.get(&sales);
                            let tenders = tenders(&lines, &pay);
                            let _refused = shift.refund(original, lines, &tenders, at);
                        }
                        ShiftOp::Movement(movement) => shift.record_cash_movement(movement),
                    }
                }
                Some(shift)
            },
        )
}

/// A receipt of a shift: its last one, when it has one.
pub fn receipt() -> impl Strategy<Value = Receipt> {
    open_shift().prop_filter_map("a shift with a receipt", |shift| {
        shift.events().iter().rev().find_map(|event| match event {
            apkalpe_payments::ShiftEvent::Receipt(receipt) => Some(receipt.clone()),
            apkalpe_payments::ShiftEvent::CashMovement(_) => None,
        })
    })
}

/// An X report of a shift.
pub fn x_report() -> impl Strategy<Value = XReport> {
    open_shift().prop_filter_map("totals that fit", |shift| {
        let at = shift.opened_at() + Duration::hours(1);
        shift.x_report(at).ok()
    })
}

/// The Z report of a shift closed with a count.
pub fn z_report() -> impl Strategy<Value = ZReport> {
    (open_shift(), cash_count()).prop_filter_map("totals that fit", |(shift, counted)| {
        let at = shift.opened_at() + Duration::hours(12);
        shift.close(counted, at).ok().map(|(_, z)| z)
    })
}

/// A register after some shifts closed: its counters moved on.
pub fn closed_register() -> impl Strategy<Value = CashRegister> {
    (open_shift(), cash_count()).prop_filter_map("totals that fit", |(shift, counted)| {
        let at = shift.opened_at() + Duration::hours(12);
        shift.close(counted, at).ok().map(|(register, _)| register)
    })
}

/// Card numbers the simulated terminal accepts, of several brands and lengths.
const CARDS: [&str; 5] = [
    "4111111111111111",
    "5555555555554444",
    "378282246310005",
    "6011111111111117",
    "501800000009",
];

/// One request on a card payment.
#[derive(Debug, Clone)]
enum CardOp {
    Authorise(usize, &'static str, u8),
    Capture(i64, u8),
    Void(u8),
    Refund(i64, u8),
}

fn card_op() -> impl Strategy<Value = CardOp> {
    let key = prop_oneof![3 => 0u8..6, 1 => 10u8..15];
    prop_oneof![
        2 => (0..CARDS.len(), select(vec!["12/30", "01/20"]), key.clone())
            .prop_map(|(card, expiry, key)| CardOp::Authorise(card, expiry, key)),
        2 => (cents(20_000), key.clone()).prop_map(|(c, key)| CardOp::Capture(c, key)),
        1 => key.clone().prop_map(CardOp::Void),
        2 => (cents(20_000), key).prop_map(|(c, key)| CardOp::Refund(c, key)),
    ]
}

/// The requests of a card payment's usual paths: nothing; authorised; captured (in full or
/// less); refunded in part, or in full in two refunds; voided.
fn card_path(amount: i64, path: u8, share: i64) -> Vec<CardOp> {
    let part = (amount * share / 100).max(1);
    let capture = if share % 2 == 0 { amount } else { part };
    let mut ops = Vec::new();
    if path >= 1 {
        ops.push(CardOp::Authorise(path as usize % CARDS.len(), "12/30", 10));
    }
    match path {
        2..=4 => {
            ops.push(CardOp::Capture(capture, 11));
            if path >= 3 {
                ops.push(CardOp::Refund((capture / 2).max(1), 12));
            }
            if path == 4 && capture > 1 {
                ops.push(CardOp::Refund(capture - (capture / 2).max(1), 13));
            }
        }
        5 => ops.push(CardOp::Void(14)),
        _ => {}
    }
    ops
}

/// A card payment after one of its usual paths and then random requests on the simulated
/// terminal (some cards declined or expired, some requests timing out, keys repeated), in any
/// state.
pub fn card_payment() -> impl Strategy<Value = CardPayment> {
    (
        cents(20_000),
        prop_oneof![3 => Just(None), 1 => Just(Some("1111")), 1 => Just(Some("0005"))],
        prop_oneof![3 => Just(None), 1 => (1u64..4).prop_map(Some)],
        (0u8..6, 1i64..100),
        prop::collection::vec(card_op(), 0..4),
    )
        .prop_map(|(amount, declined, timeout, (path, share), extra)| {
            let ops = card_path(amount, path, share).into_iter().chain(extra);
            let mut terminal = SimulatedTerminal::new();
            if let Some(last_four) = declined {
                terminal = terminal.declining_card_ending_in(last_four, DeclineReason::DoNotHonour);
            }
            if let Some(call) = timeout {
                terminal = terminal.timing_out_on_call(call);
            }
            let mut payment = CardPayment::try_new(eur(amount)).expect("a positive amount");
            let key = |k: u8| IdempotencyKey::try_new(&format!("k-{k}")).expect("a valid key");
            let today = day(2026, 11, 27);
            for op in ops {
                let _refused = match op {
                    CardOp::Authorise(card, expiry, k) => payment.authorise(
                        &mut terminal,
                        CARDS
                            .get(card)
                            .copied()
                            .unwrap_or("4111111111111111")
                            .parse()
                            .expect("a valid card"),
                        expiry.parse().expect("a valid expiry"),
                        &key(k),
                        today,
                    ),
                    CardOp::Capture(c, k) => {
                        payment.capture(&mut terminal, eur(c.min(amount)), &key(k))
                    }
                    CardOp::Void(k) => payment.void(&mut terminal, &key(k)),
                    CardOp::Refund(c, k) => payment.refund(&mut terminal, eur(c), &key(k)),
                };
            }
            payment
        })
}

/// A SEPA transfer request that passes the EPC QR rules.
pub fn payment_request() -> impl Strategy<Value = PaymentRequest> {
    let remittance = prop_oneof![
        creditor_reference().prop_map(Remittance::Reference),
        "[A-Za-zĀ-ž0-9 ]{0,140}".prop_map(Remittance::Text),
        Just(Remittance::None),
    ];
    (
        select(vec!["SIA Apkalpe Demo", "Jānis Bērziņš"]),
        iban(),
        prop_oneof![
            Just(None),
            Just(Some("HABALV22")),
            Just(Some("UNLALV2XXXX"))
        ],
        prop_oneof![cents(1_000_000), Just(99_999_999_999i64)],
        remittance,
        prop_oneof![Just(None), Just(Some("gdds")), Just(Some("SALA"))],
        prop_oneof![Just(None), "[a-z ]{0,70}".prop_map(Some)],
    )
        .prop_filter_map(
            "a request within EPC limits",
            |(name, iban, bic, amount, remittance, purpose, info)| {
                let bic = bic.map(|b| b.parse().expect("a valid BIC"));
                let mut request =
                    PaymentRequest::try_new(name, iban, bic, eur(amount), remittance).ok()?;
                if let Some(purpose) = purpose {
                    request = request.with_purpose(purpose).ok()?;
                }
                if let Some(info) = info {
                    request = request.with_information(&info).ok()?;
                }
                Some(request)
            },
        )
}

/// Invoice numbers of a small pool, in either case, so that repeats (refused) happen.
fn invoice_number() -> impl Strategy<Value = String> {
    (0u32..12, any::<bool>()).prop_map(|(n, lower)| {
        let number = format!("INV-2026-{n:03}");
        if lower { number.to_lowercase() } else { number }
    })
}

/// Debtors of a small pool, written in several ways that match the same debtor.
fn debtor() -> impl Strategy<Value = String> {
    select(vec![
        "SIA Klients",
        "sia klients",
        "Jānis Bērziņš",
        "SIA \"Cits\"",
    ])
    .prop_map(str::to_owned)
}

/// A receivable, mostly in euro, sometimes with an RF reference.
pub fn receivable() -> impl Strategy<Value = Receivable> {
    (
        invoice_number(),
        debtor(),
        cents(100_000),
        prop_oneof![8 => Just(Currency::EUR), 1 => Just(Currency::USD)],
        (0u64..400).prop_map(|d| day(2025, 1, 1) + Days::new(d)),
        prop_oneof![Just(None), creditor_reference().prop_map(Some)],
    )
        .prop_map(|(number, debtor, amount, currency, due, reference)| {
            Receivable::try_new(
                &number,
                &debtor,
                Money::new(Decimal::new(amount, 2), currency),
                due,
                reference,
            )
            .expect("a valid receivable")
        })
}

/// One operation on a ledger.
#[derive(Debug, Clone)]
enum LedgerOp {
    Add(Receivable),
    Apply {
        id: u32,
        target: u8,
        pick: Index,
        amount: i64,
        usd: bool,
        day: u64,
    },
    Archive(u64),
    Reconcile(Vec<(u32, Option<Index>, i64, u64)>),
}

fn ledger_op() -> impl Strategy<Value = LedgerOp> {
    prop_oneof![
        4 => receivable().prop_map(LedgerOp::Add),
        4 => (0u32..20, 0u8..3, any::<Index>(), cents(150_000), prop::bool::weighted(0.1), 0u64..700)
            .prop_map(|(id, target, pick, amount, usd, day)| LedgerOp::Apply { id, target, pick, amount, usd, day }),
        1 => (0u64..700).prop_map(LedgerOp::Archive),
        1 => prop::collection::vec((0u32..10, prop::option::weighted(0.8, any::<Index>()), cents(150_000), 0u64..700), 1..4)
            .prop_map(LedgerOp::Reconcile),
    ]
}

/// A booked credit entry paying `number` (by its number in the remittance text), or, when
/// `number` is `None`, naming only the payer (matched by amount and payer, if at all).
fn entry(
    index: usize,
    key: u32,
    number: Option<&str>,
    cents: i64,
    booked: NaiveDate,
) -> StatementEntry {
    let remittance = number.map_or_else(|| "Maksājums".to_owned(), |n| format!("Rēķins {n}"));
    // The statement numbers its entries; `index` is the place this one is given.
    let _ = index;
    StatementEntry::try_new(eur(cents), CreditDebit::Credit, "BOOK")
        .unwrap()
        .with_references(None, Some(&format!("B-{key}")))
        .with_dates(Some(booked), Some(booked))
        .try_with_transactions(vec![
            EntryTransaction::default()
                .with_remittance(vec![remittance])
                .with_debtor_name("SIA Klients"),
        ])
        .unwrap()
}

/// A statement of booked credit entries.
fn statement(entries: Vec<StatementEntry>) -> BankStatement {
    BankStatement::new(StatementKind::Camt053, "001.08", entries)
        .with_ids(Some("M-1"), Some("S-1"))
        .with_account_iban(Some("LV80BANK0000435195001"))
}

/// A ledger after a random sequence of additions, payments (to a number, a reference or a
/// debtor's oldest receivables; repeated ids; some in another currency), statements reconciled
/// and archives of settled receivables.
pub fn receivable_ledger() -> impl Strategy<Value = ReceivableLedger> {
    prop::collection::vec(ledger_op(), 0..24).prop_map(|ops| {
        let origin = day(2025, 1, 1);
        let mut ledger = ReceivableLedger::new();
        for op in ops {
            let numbers: Vec<String> = ledger
                .receivables()
                .iter()
                .map(|r| r.number().to_owned())
                .collect();
            match op {
                LedgerOp::Add(receivable) => {
                    let _refused = ledger.add(receivable);
                }
                LedgerOp::Apply {
                    id,
                    target,
                    pick,
                    amount,
                    usd,
                    day,
                } => {
                    if numbers.is_empty() {
                        continue;
                    }
                    let receivable = pick.get(ledger.receivables()).clone();
                    let target = match target {
                        0 => AllocationTarget::Receivable(receivable.number().to_owned()),
                        1 => match receivable.reference() {
                            Some(reference) => AllocationTarget::Reference(*reference),
                            None => {
                                AllocationTarget::Receivable(receivable.number().to_lowercase())
                            }
                        },
                        _ => AllocationTarget::OldestFirst {
                            debtor: receivable.debtor().to_uppercase(),
                        },
                    };
                    let currency = if usd { Currency::USD } else { Currency::EUR };
                    let payment = IncomingPayment::new(
                        format!("P-{id}"),
                        receivable.debtor().to_owned(),
                        Money::new(Decimal::new(amount, 2), currency),
                        origin + Days::new(day),
                    );
                    let _refused = ledger.apply(&payment, &target);
                }
                LedgerOp::Archive(day) => {
                    let _archived = ledger.archive_settled(origin + Days::new(day));
                }
                LedgerOp::Reconcile(entries) => {
                    if numbers.is_empty() {
                        continue;
                    }
                    let entries = entries
                        .into_iter()
                        .enumerate()
                        .map(|(index, (key, pick, cents, day))| {
                            entry(
                                index,
                                key,
                                pick.map(|pick| pick.get::<String>(&numbers).as_str()),
                                cents,
                                origin + Days::new(day),
                            )
                        })
                        .collect();
                    let _refused = reconcile(&statement(entries), &mut ledger);
                }
            }
        }
        ledger
    })
}

/// A ledger with receivables and a statement of booked credit entries paying some of them (by
/// invoice number, or naming only the payer): matched, partial, ambiguous, unmatched, already
/// applied and before-horizon entries, and some that fail (a receivable in dollars).
pub fn ledger_and_statement() -> impl Strategy<Value = (ReceivableLedger, BankStatement)> {
    (
        receivable_ledger(),
        prop::collection::vec(
            (
                0u32..10,
                prop::option::weighted(0.8, any::<Index>()),
                cents(150_000),
                0u64..700,
            ),
            1..6,
        ),
    )
        .prop_filter_map("a ledger with receivables", |(ledger, entries)| {
            let numbers: Vec<String> = ledger
                .receivables()
                .iter()
                .map(|r| r.number().to_owned())
                .collect();
            if numbers.is_empty() {
                return None;
            }
            let origin = day(2025, 1, 1);
            let entries = entries
                .into_iter()
                .enumerate()
                .map(|(index, (key, pick, cents, day))| {
                    entry(
                        index,
                        key,
                        pick.map(|pick| pick.get::<String>(&numbers).as_str()),
                        cents,
                        origin + Days::new(day),
                    )
                })
                .collect();
            Some((ledger, statement(entries)))
        })
}

/// The report of reconciling a statement against a ledger (see [`ledger_and_statement`]).
pub fn reconciliation_report() -> impl Strategy<Value = ReconciliationReport> {
    ledger_and_statement()
        .prop_filter_map("a statement that reconciles", |(mut ledger, statement)| {
            reconcile(&statement, &mut ledger).ok()
        })
}

/// A statement as read: entries of any direction and status, with and without transaction
/// details and dates.
pub fn bank_statement() -> impl Strategy<Value = BankStatement> {
    let transaction = (
        prop_oneof![Just(None), cents(10_000).prop_map(|c| Some(eur(c)))],
        prop_oneof![
            Just(None),
            Just(Some("E2E-1".to_owned())),
            Just(Some("NOTPROVIDED".to_owned()))
        ],
        prop::collection::vec("[A-Z0-9-]{1,16}", 0..2),
        prop::collection::vec("[A-Za-zĀ-ž0-9 ]{0,30}", 0..2),
        prop_oneof![Just(None), Just(Some("Jānis Bērziņš".to_owned()))],
    )
        .prop_map(
            |(amount, end_to_end_id, creditor_references, remittance, debtor_name)| {
                let mut transaction = EntryTransaction::default()
                    .with_creditor_references(creditor_references)
                    .with_remittance(remittance);
                if let Some(amount) = amount {
                    transaction = transaction.with_amount(amount);
                }
                if let Some(id) = end_to_end_id {
                    transaction = transaction.with_end_to_end_id(id);
                }
                if let Some(name) = debtor_name {
                    transaction = transaction.with_debtor_name(name);
                }
                transaction
            },
        );
    let entry = (
        prop_oneof![Just(None), "[A-Z0-9]{1,12}".prop_map(Some)],
        cents(1_000_000),
        prop_oneof![3 => Just(CreditDebit::Credit), 1 => Just(CreditDebit::Debit)],
        select(vec!["BOOK", "PDNG", "INFO", "FUTR", ""]),
        prop_oneof![
            Just(None),
            (0u64..700).prop_map(|d| Some(day(2025, 1, 1) + Days::new(d)))
        ],
        prop::collection::vec(transaction, 0..3),
    );
    (
        prop_oneof![
            Just(StatementKind::Camt052),
            Just(StatementKind::Camt053),
            Just(StatementKind::Camt054)
        ],
        prop::collection::vec(entry, 0..5),
    )
        .prop_map(|(kind, entries)| {
            let entries = entries
                .into_iter()
                .map(
                    |(reference, cents, direction, status, date, transactions)| {
                        StatementEntry::try_new(eur(cents), direction, status)
                            .unwrap()
                            .with_references(None, reference.as_deref())
                            .with_dates(date, date)
                            .try_with_transactions(transactions)
                            .unwrap()
                    },
                )
                .collect();
            BankStatement::new(kind, "001.08", entries).with_ids(None, Some("S-1"))
        })
}
