//! `desk simulate`: weeks of synthetic traffic through the same [`Operation`]s and the same
//! [`Store`] as the other commands, with a progress bar and the throughput at the end.
//!
//! # The traffic
//!
//! Each working day of the Latvian calendar from `--start` is a plan of slots drawn from
//! `--seed` and the day's number alone: the day is opened, a shift opened with a float,
//! then, shuffled, this day's share of the `--clients` registrations (persons, and one in
//! seven a company with an address), sales (card, cash with change, or both), refunds,
//! invoices to companies, credit notes, contracts, complaints and the answers to yesterday's,
//! orders that reserve stock and book a delivery, waybills for the day's invoices, and a few
//! cash receipt orders (KIO) from companies, some paying an open invoice; a few cash sales
//! are to a known client, and about one sale in a hundred is a large one in cash, so the
//! cash limit links, declares and refuses at scale (`cash_limit.exceeded` in the refusals);
//! at the end of the day a camt.053 statement pays some of the open invoices by their RF
//! reference, the notes of 50 EUR and more go to the bank with a cash disbursement order
//! (KIzO), and the shift closes with the drawer counted. Each slot becomes one operation,
//! drawn from the seed, the slot and the office as it stands, so the same arguments always
//! give the same operations, numbers and documents.
//!
//! An operation the office refuses (say, a refund of a line already refunded, or change the
//! drawer cannot give) is counted by its error code and the run goes on, as at a real desk.
//!
//! # Several desks at once
//!
//! Desks on one database (a PostgreSQL server, or one SQLite file) can simulate together:
//! start one `desk simulate` per desk with the same arguments and `DESK_SEAT=N/M` (desk N of
//! M). Together they do the day plan one desk alone would do, each desk the slots of its
//! share (slot `i` of the day belongs to desk `i % M + 1`). Each day has a head desk (day
//! `d`'s is desk `d % M + 1`, so every desk's cashier opens shifts): it opens the day and
//! its shift, and after every desk has done its share it applies the bank statement and
//! closes the shift. The office has one cash register, so the other desks sell in the head
//! desk's shift. Where two desks could pick the same thing (a receipt to refund, an invoice
//! to credit or ship, a complaint to answer), each picks only among its own: those whose
//! number falls to it. The desks wait for each other through a small table of their own,
//! `simulation_progress`, each desk's last finished phase, so they never run ahead of the
//! day. Several desks start on a new database; a run of several desks is not resumed.
//!
//! # Killed and started again
//!
//! Every operation is its own transaction. A run killed at any moment leaves the journal
//! with the operations committed before the kill and nothing of the one in flight. Started
//! again with the same arguments, the run replays the plan in memory, checks that each
//! operation it would apply is the one the journal holds, and goes on from the first slot
//! not in the journal; the end state is the same as a run never interrupted. A database
//! made by other arguments is refused (`simulate.mismatch`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use apkalpe_accounting::PayeeOmission;
use apkalpe_catalogue::{Quantity, Sku};
use apkalpe_clients::ClientId;
use apkalpe_core::{Calendar, Currency, Money, Period};
use apkalpe_payments::{CashCount, Denomination, MaskedPan, PaymentMethod, ReceiptKind};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{CommandError, parse_date};
use crate::office::{
    CardCapture, CashFlow, CashParty, ClientInput, ItemLine, MemoryHistory, Office, OfficeError,
    Operation, Outcome,
};
use crate::store::{Durability, Location, Store};
use crate::{Context, Report, Seat};

/// The cashiers of the desks, desk by desk (then again from the first).
const CASHIERS: [&str; 8] = [
    "Ilze Kalna",
    "Jānis Ozols",
    "Līga Zariņa",
    "Andris Vītols",
    "Marta Eglīte",
    "Kārlis Siliņš",
    "Dace Liepa",
    "Oskars Krūmiņš",
];

/// How long a desk waits for the others at a barrier of the day before it gives up.
const WAIT_FOR_DESKS: std::time::Duration = std::time::Duration::from_secs(120);

/// Whether `key` (a receipt, invoice or complaint number) falls to this desk, so two desks
/// never pick the same one (FNV-1a of the key, by the number of desks). One desk alone
/// picks among all.
fn mine(seat: Seat, key: &str) -> bool {
    if seat.desks() <= 1 {
        return true;
    }
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    hash % u64::from(seat.desks()) == u64::from(seat.desk() - 1)
}

/// Working days in a month of the throughput report.
const WORKING_DAYS_A_MONTH: usize = 21;

/// The options of `desk simulate`.
pub(super) struct SimulateArgs<'a> {
    /// `--clients`.
    pub(super) clients: u32,
    /// `--days`.
    pub(super) days: u32,
    /// `--start`.
    pub(super) start: Option<&'a str>,
    /// `--seed`.
    pub(super) seed: u64,
    /// `--db`.
    pub(super) db: &'a Path,
}

/// splitmix64: a tiny, well-mixed generator; the same seed gives the same numbers on every
/// machine. Not for anything secret.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// The generator of one slot of one day: independent of every other slot.
    fn of(seed: u64, day: u64, slot: u64) -> Rng {
        let mut rng = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
        let a = rng.next() ^ day.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let mut rng = Rng(a);
        let b = rng.next() ^ slot.wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng(b)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let index = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(index)
    }
}

/// What a slot of the day does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    OpenDay,
    OpenShift,
    Register,
    Sale,
    Refund,
    Invoice,
    CreditNote,
    Contract,
    Complaint,
    Answer,
    Order,
    Waybill,
    CashOrder,
    Statement,
    BankDeposit,
    CloseShift,
}

/// The slots of working day `day` (0-based), in order.
fn plan_day(seed: u64, day: u64, registrations: u64) -> Vec<Slot> {
    let mut rng = Rng::of(seed, day, u64::MAX);
    let mut body = Vec::new();
    let counts = [
        (Slot::Register, registrations),
        (Slot::Sale, 250 + rng.below(150)),
        (Slot::Refund, 4 + rng.below(6)),
        (Slot::Invoice, 25 + rng.below(20)),
        (Slot::CreditNote, 2 + rng.below(4)),
        (Slot::Contract, 1 + rng.below(3)),
        (Slot::Complaint, 2 + rng.below(4)),
        (Slot::Answer, 4),
        (Slot::Order, 1 + rng.below(3)),
        (Slot::Waybill, 2 + rng.below(4)),
        (Slot::CashOrder, 2 + rng.below(3)),
    ];
    for (slot, count) in counts {
        body.extend(std::iter::repeat_n(
            slot,
            usize::try_from(count).unwrap_or(0),
        ));
    }
    // Fisher–Yates, so the day's work comes in a mixed order.
    for i in (1..body.len()).rev() {
        let j = usize::try_from(rng.below(i as u64 + 1)).unwrap_or(0);
        body.swap(i, j);
    }
    let mut slots = vec![Slot::OpenDay, Slot::OpenShift];
    slots.extend(body);
    slots.push(Slot::Statement);
    slots.push(Slot::BankDeposit);
    slots.push(Slot::CloseShift);
    slots
}

const GIVEN: [&str; 12] = [
    "Anna", "Jānis", "Ilze", "Pēteris", "Līga", "Andris", "Marta", "Kārlis", "Elīna", "Rūdolfs",
    "Dace", "Oskars",
];
const FAMILY: [&str; 12] = [
    "Bērziņa",
    "Kalniņš",
    "Ozola",
    "Liepiņš",
    "Krūmiņa",
    "Zariņš",
    "Vītola",
    "Kļaviņš",
    "Eglīte",
    "Jansons",
    "Siliņa",
    "Pētersons",
];
const COMPANY: [&str; 8] = [
    "Ziemeļu", "Dienvidu", "Rīgas", "Kurzemes", "Vidzemes", "Latgales", "Zemgales", "Daugavas",
];
const TRADE: [&str; 6] = ["Rati", "Koks", "Maize", "Laivas", "Birojs", "Serviss"];
const CITIES: [&str; 5] = ["Rīga", "Jelgava", "Liepāja", "Daugavpils", "Valmiera"];

/// A valid code made of `prefix`, eight digits from `n` and a check digit of core's rule;
/// `n`'s eight digits are `n × 10 + k` for the first `k` that has a check digit, so codes
/// never repeat for `n` below ten million.
fn with_check_digit<T: std::str::FromStr>(prefix: &str, n: u64) -> Option<T> {
    (0..10).find_map(|k| {
        let stem = format!("{prefix}{:08}", (n * 10 + k) % 100_000_000);
        (0..10).find_map(|digit| format!("{stem}{digit}").parse().ok())
    })
}

/// The `n`-th synthetic client: a person, or one in seven a company.
fn client_input(n: u64, rng: &mut Rng) -> ClientInput {
    let mut consents = Vec::new();
    for (purpose, percent) in [
        ("surveys", 60),
        ("marketing_email", 30),
        ("phone_calls", 20),
    ] {
        if rng.chance(percent) {
            consents.push(purpose.to_owned());
        }
    }
    if n % 7 == 3 {
        let number: Option<apkalpe_core::RegistrationNumber> = with_check_digit("40", n);
        let number = number.map(|n| n.to_string());
        let name = format!(
            "{} {} {}",
            rng.pick(&COMPANY).unwrap_or(&"Rīgas"),
            rng.pick(&TRADE).unwrap_or(&"Birojs"),
            n
        );
        ClientInput {
            organisation: Some(name),
            legal_form: Some("SIA".into()),
            vat_number: number.as_ref().map(|n| format!("LV{n}")),
            registration_number: number,
            street: Some(format!("Brīvības iela {}", 1 + n % 200)),
            city: Some((*rng.pick(&CITIES).unwrap_or(&"Rīga")).to_owned()),
            postcode: Some(format!("LV-{:04}", 1001 + n % 900)),
            email: Some(format!("birojs{n}@example.lv")),
            consents,
            ..ClientInput::default()
        }
    } else {
        // New-format personal codes (32…), one per client.
        let code: Option<apkalpe_core::PersonalCode> = with_check_digit("32", n);
        ClientInput {
            given: (*rng.pick(&GIVEN).unwrap_or(&"Anna")).to_owned(),
            family: (*rng.pick(&FAMILY).unwrap_or(&"Bērziņa")).to_owned(),
            personal_code: code.map(|c| c.to_string()),
            email: Some(format!("klients{n}@example.lv")),
            phone: Some(format!("+371 2{:07}", n % 10_000_000)),
            consents,
            ..ClientInput::default()
        }
    }
}

/// The float every shift opens with: plenty of every coin and small note.
fn float() -> Result<CashCount, OfficeError> {
    let mut count = CashCount::new();
    for denomination in Denomination::ALL {
        let pieces = match denomination.cents() {
            0..=50 => 200,
            51..=500 => 60,
            501..=2_000 => 20,
            _ => 0,
        };
        count = count.with(denomination, pieces)?;
    }
    Ok(count)
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

/// The traffic generator: the catalogue's sellable SKUs, and the office to draw from.
struct Traffic {
    seed: u64,
    seat: Seat,
    skus: Vec<String>,
    masked: MaskedPan,
}

impl Traffic {
    fn new(
        seed: u64,
        seat: Seat,
        office: &Office,
        first_day: NaiveDate,
    ) -> Result<Traffic, OfficeError> {
        let catalogue = office.catalogue().catalogue();
        let mut skus = Vec::new();
        for product in catalogue.products() {
            let sku: &Sku = product.sku();
            if catalogue
                .quote(sku, Quantity::from_whole(1), None, first_day)
                .is_ok()
            {
                skus.push(sku.to_string());
            }
        }
        Ok(Traffic {
            seed,
            seat,
            skus,
            masked: "411111******1111"
                .parse()
                .map_err(|error| OfficeError::Input {
                    field: "card",
                    message: format!("{error}"),
                    latvian: apkalpe_core::LocalizedError::message_in(
                        &error,
                        apkalpe_core::Language::Latvian,
                    ),
                })?,
        })
    }

    /// The operation of `slot`, slot number `index` of working day `day` (dated `date`), the
    /// `client`-th registration of the run when it registers one.
    fn operation(
        &self,
        slot: Slot,
        index: u64,
        day: u64,
        date: NaiveDate,
        client: u64,
        office: &Office,
    ) -> Result<Option<Operation>, OfficeError> {
        let mut rng = Rng::of(self.seed, day, index);
        Ok(match slot {
            Slot::OpenDay => Some(Operation::OpenDay),
            Slot::OpenShift => Some(Operation::OpenShift {
                cashier: match self.seat.desks() {
                    // One desk alone: two cashiers, day by day.
                    1 => CASHIERS.get(usize::from(day % 2 == 1)),
                    // Several: the head desk's own cashier.
                    _ => CASHIERS
                        .get(usize::try_from(self.seat.desk() - 1).unwrap_or(0) % CASHIERS.len()),
                }
                .copied()
                .unwrap_or("Ilze Kalna")
                .into(),
                float: float()?,
            }),
            Slot::Register => Some(Operation::RegisterClient {
                client: client_input(client, &mut rng),
            }),
            Slot::Sale => Some(self.sale(&mut rng, date, office)?),
            Slot::Refund => {
                // The office holds the open shift's receipts.
                let sales: Vec<u64> = office
                    .receipts()
                    .iter()
                    .filter(|(number, r)| {
                        r.kind() == ReceiptKind::Sale && mine(self.seat, &number.to_string())
                    })
                    .map(|(number, _)| *number)
                    .collect();
                rng.pick(&sales).map(|&receipt| {
                    let by_card = office.receipts().get(&receipt).is_some_and(|r| {
                        r.payments()
                            .iter()
                            .all(|p| p.method() == PaymentMethod::Card)
                    });
                    Operation::Refund {
                        receipt,
                        line: 1,
                        card: by_card.then(|| self.masked.clone()),
                    }
                })
            }
            Slot::Invoice => match company(&mut rng, office) {
                Some(client) => {
                    let lines = (0..1 + rng.below(3))
                        .filter_map(|_| {
                            rng.pick(&self.skus).map(|sku| ItemLine {
                                sku: sku.clone(),
                                quantity: u32::try_from(1 + rng.below(20)).unwrap_or(1),
                            })
                        })
                        .collect();
                    Some(Operation::IssueInvoice {
                        client,
                        lines,
                        due_in_working_days: 10,
                    })
                }
                None => None,
            },
            Slot::CreditNote => {
                // The invoices whose receivable the ledger still holds.
                let numbers: Vec<&str> = office
                    .ledger()
                    .receivables()
                    .iter()
                    .map(|r| r.number())
                    .filter(|number| mine(self.seat, number))
                    .collect();
                rng.pick(&numbers).map(|number| Operation::IssueCreditNote {
                    invoice: (*number).to_owned(),
                    line: 1,
                    quantity: 1,
                    reason: "Atgriezta viena vienība".into(),
                })
            }
            Slot::Contract => company(&mut rng, office).map(|client| Operation::RegisterContract {
                client,
                title: "Piegādes līgums".into(),
                text: "Puses vienojas par biroja preču piegādi un apmaksu 10 darba dienu laikā."
                    .into(),
            }),
            Slot::Complaint => {
                person(&mut rng, office).map(|client| Operation::RegisterComplaint {
                    client,
                    text: "Prece pēc nedēļas pārstāja darboties; lūdzu to apmainīt.".into(),
                    invoice: None,
                })
            }
            Slot::Answer => office
                .open_complaints()
                .find(|(number, _, _)| mine(self.seat, number))
                .map(|(number, _, _)| Operation::AnswerComplaint {
                    number: number.to_owned(),
                    accepted: rng.chance(70),
                    text: "Jūsu pretenzija ir izskatīta; prece tiks apmainīta.".into(),
                }),
            Slot::Order => match company(&mut rng, office) {
                Some(client) => {
                    let lines = (0..1 + rng.below(2))
                        .filter_map(|_| {
                            rng.pick(&self.skus).map(|sku| ItemLine {
                                sku: sku.clone(),
                                quantity: u32::try_from(1 + rng.below(3)).unwrap_or(1),
                            })
                        })
                        .collect();
                    Some(Operation::ReserveOrder {
                        client,
                        lines,
                        carrier: "courier".into(),
                        hold_working_days: 5,
                        need: None,
                    })
                }
                None => None,
            },
            Slot::Waybill => {
                // Goods of an invoice issued today leave in the desk's van.
                let today: Vec<&String> = office
                    .filed_today()
                    .iter()
                    .filter(|filed| filed.kind == "invoice" && mine(self.seat, &filed.number))
                    .map(|filed| &filed.number)
                    .collect();
                rng.pick(&today).map(|number| Operation::IssueWaybill {
                    invoice: (*number).clone(),
                    vehicle: format!("Ford Transit, LX-{:04}", 1000 + rng.below(9000)),
                    dispatch: date,
                    order: None,
                })
            }
            Slot::Statement => Some(Operation::ApplyStatement {
                xml: statement(&mut rng, day, date, office),
            }),
            Slot::CashOrder => cash_order(&mut rng, office)?,
            Slot::BankDeposit => {
                // The notes of 50 EUR and more leave the drawer for the bank: no payee.
                let notes = office
                    .drawer()
                    .pieces()
                    .filter(|(denomination, _)| denomination.cents() >= 5_000)
                    .map(|(denomination, pieces)| {
                        i64::try_from(denomination.cents()).unwrap_or(0) * i64::from(pieces)
                    })
                    .sum::<i64>();
                (notes > 0).then(|| Operation::CashOrder {
                    direction: CashFlow::Out,
                    amount: eur(notes),
                    party: CashParty::Omitted(PayeeOmission::BankDeposit),
                    basis: "Iemaksa bankā".into(),
                    invoice: None,
                })
            }
            Slot::CloseShift => Some(Operation::CloseShift {
                counted: office.drawer(),
            }),
        })
    }

    fn sale(
        &self,
        rng: &mut Rng,
        date: NaiveDate,
        office: &Office,
    ) -> Result<Operation, OfficeError> {
        let catalogue = office.catalogue().catalogue();
        let mut lines = Vec::new();
        let mut total = eur(0);
        // About one sale in a hundred is a large one, paid in cash by a company: near the
        // cash limit, over it now and then.
        if rng.chance(1)
            && let Some(client) = company(rng, office)
            && let Some(sku) = rng.pick(&self.skus)
            && let Ok(parsed) = sku.parse::<Sku>()
            && let Ok(quote) = catalogue.quote(&parsed, Quantity::from_whole(1), None, date)
            && quote.gross().is_positive()
        {
            // Units for 4 000 to 9 000 EUR.
            let target = Decimal::from(4_000 + rng.below(5_001));
            let units = (target / quote.gross().amount()).ceil().max(Decimal::ONE);
            let quantity = u32::try_from(units).unwrap_or(1);
            let total = quote.gross().checked_mul(Decimal::from(quantity))?;
            return Ok(Operation::Sell {
                lines: vec![ItemLine {
                    sku: sku.clone(),
                    quantity,
                }],
                card: None,
                cash: Some(total),
                client: Some(client),
            });
        }
        for _ in 0..1 + rng.below(3) {
            let Some(sku) = rng.pick(&self.skus) else {
                continue;
            };
            // The price of the day: price lists and promotions change over the run.
            let parsed: Sku = sku.parse().map_err(|error| OfficeError::Input {
                field: "sku",
                message: format!("{error}"),
                latvian: apkalpe_core::LocalizedError::message_in(
                    &error,
                    apkalpe_core::Language::Latvian,
                ),
            })?;
            if let Ok(quote) = catalogue.quote(&parsed, Quantity::from_whole(1), None, date) {
                let gross = quote.gross();
                let quantity = 1 + rng.below(3);
                let amount = gross
                    .checked_mul(Decimal::from(quantity))
                    .and_then(|a| total.checked_add(a))?;
                total = amount;
                lines.push(ItemLine {
                    sku: sku.clone(),
                    quantity: u32::try_from(quantity).unwrap_or(1),
                });
            }
        }
        let cents = (total.amount() * Decimal::from(100)).trunc();
        let cents = i64::try_from(cents).unwrap_or(0);
        let (card, cash) = match rng.below(10) {
            // Card only.
            0..=4 => (Some(total), None),
            // Both: about half on the card, the rest in cash, exact.
            5 => {
                let card = eur(cents / 2);
                (Some(card), Some(total.checked_sub(card)?))
            }
            // Cash, exact.
            6 => (None, Some(total)),
            // Cash, rounded up to a note.
            _ => {
                let note = 500_i64 << rng.below(4).min(3);
                (None, Some(eur((cents + note - 1) / note * note)))
            }
        };
        // A few cash sales are to a known client, a company or a person.
        let client = match cash.is_some() && rng.chance(3) {
            true if rng.chance(50) => company(rng, office),
            true => person(rng, office),
            false => None,
        };
        Ok(Operation::Sell {
            lines,
            card: card.filter(Money::is_positive).map(|amount| CardCapture {
                amount,
                masked: self.masked.clone(),
            }),
            cash: cash.filter(Money::is_positive),
            client,
        })
    }
}

/// The id of the `n`-th registration of the run (from 0), as the office numbers clients.
fn client_id(n: u64) -> Uuid {
    Uuid::from_u128(0x_c11e_0000 + u128::from(n) + 1)
}

/// A registered company with an address, drawn in constant time: the run registers a company
/// as every seventh client (`n % 7 == 3`, see [`client_input`]), so one is drawn by number and
/// checked in the register. `None` when none is registered yet.
fn company(rng: &mut Rng, office: &Office) -> Option<Uuid> {
    let registered = office.registry().len() as u64;
    let companies = registered.saturating_add(3) / 7;
    if companies == 0 {
        return None;
    }
    let id = client_id(rng.below(companies) * 7 + 3);
    office
        .registry()
        .get(ClientId::new(id))
        .filter(|c| c.organisation().is_some() && !c.addresses().is_empty())
        .map(|_| id)
}

/// A registered person, drawn in constant time (every client that is not a company).
fn person(rng: &mut Rng, office: &Office) -> Option<Uuid> {
    let registered = office.registry().len() as u64;
    if registered == 0 {
        return None;
    }
    let mut n = rng.below(registered);
    if n % 7 == 3 {
        n = n.checked_sub(1).unwrap_or(n.saturating_add(1));
    }
    let id = client_id(n);
    office
        .registry()
        .get(ClientId::new(id))
        .filter(|c| c.person().is_some())
        .map(|_| id)
}

/// A cash receipt order from a registered company: mostly a small advance, now and then over
/// the declaration threshold or over the cash limit; three in ten draw an invoice of the
/// ledger and, when it is still open, pay it (all of what is open, or 5 000 EUR of a larger
/// one, so a second payment of it is linked with the first). `None` while no company is
/// registered.
fn cash_order(rng: &mut Rng, office: &Office) -> Result<Option<Operation>, OfficeError> {
    let Some(client) = company(rng, office) else {
        return Ok(None);
    };
    // One receivable drawn, and paid when it is open: not every receivable's open amount
    // computed for one slot (the ledger holds a quarter's invoices).
    if rng.chance(30)
        && let Some(receivable) = rng.pick(office.ledger().receivables())
        && let number = receivable.number()
        && let Ok(open) = office.ledger().open(number)
        && open.is_positive()
    {
        let amount = if open.amount() <= Decimal::from(7_200) {
            open
        } else {
            eur(500_000)
        };
        return Ok(Some(Operation::CashOrder {
            direction: CashFlow::In,
            amount,
            party: CashParty::Client(client),
            basis: format!("Apmaksa par rēķinu {number}"),
            invoice: Some(number.to_owned()),
        }));
    }
    let cents = match rng.below(100) {
        0..=79 => 5_000 + rng.below(135_000),
        80..=94 => 150_001 + rng.below(200_000),
        _ => 720_001 + rng.below(200_000),
    };
    Ok(Some(Operation::CashOrder {
        direction: CashFlow::In,
        amount: eur(i64::try_from(cents).unwrap_or(5_000)),
        party: CashParty::Client(client),
        basis: "Avanss par precēm".into(),
        invoice: None,
    }))
}

/// The day's bank statement: about half the open invoices are paid, most in full, by their
/// RF reference.
fn statement(rng: &mut Rng, day: u64, date: NaiveDate, office: &Office) -> String {
    let mut entries = String::new();
    let mut count = 0_u32;
    for receivable in office.ledger().receivables() {
        let Ok(open) = office.ledger().open(receivable.number()) else {
            continue;
        };
        if !open.is_positive() || !rng.chance(40) {
            continue;
        }
        let amount = if rng.chance(85) {
            open
        } else {
            let cents = (open.amount() * Decimal::from(50)).trunc();
            eur(i64::try_from(cents).unwrap_or(1).max(1))
        };
        let reference = receivable
            .reference()
            .map(ToString::to_string)
            .unwrap_or_default();
        count += 1;
        entries.push_str(&format!(
            "<Ntry><NtryRef>{count}</NtryRef><Amt Ccy=\"EUR\">{amount}</Amt>\
             <CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
             <BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt>\
             <AcctSvcrRef>SIM{day:04}{count:06}</AcctSvcrRef><NtryDtls><TxDtls>\
             <RltdPties><Dbtr><Pty><Nm>{debtor}</Nm></Pty></Dbtr></RltdPties>\
             <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>\
             <Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>",
            amount = amount.amount(),
            debtor = xml_escape(receivable.debtor()),
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\
         <GrpHdr><MsgId>SIM-{day}</MsgId><CreDtTm>{date}T18:00:00+02:00</CreDtTm></GrpHdr>\
         <Stmt><Id>SIM-STMT-{day}</Id><CreDtTm>{date}T18:00:00+02:00</CreDtTm>\
         <Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id><Ccy>EUR</Ccy></Acct>{entries}\
         </Stmt></BkToCstmrStmt></Document>"
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The working days of the run.
fn working_days(start: NaiveDate, days: u32) -> Result<Vec<NaiveDate>, OfficeError> {
    let calendar = Calendar::latvia();
    let mut dates = Vec::new();
    let mut date = if calendar.is_working_day(start)? {
        start
    } else {
        calendar.add_working_days(start, 1)?
    };
    for _ in 0..days {
        dates.push(date);
        date = calendar.deadline(date, Period::WorkingDays(1))?.date();
    }
    Ok(dates)
}

/// What the run did, for the closing table.
#[derive(Debug, Default)]
struct Tally {
    /// Operations applied now (not replayed) and the time they took, by month of 21
    /// working days: throughput must not fall as the history grows.
    months: Vec<(u64, std::time::Duration)>,
    applied: BTreeMap<&'static str, u64>,
    refused: BTreeMap<&'static str, (u64, String)>,
    skipped: u64,
    resumed_from: i64,
}

impl Tally {
    /// Counts a refusal, keeping the first message of each code as its example.
    fn refuse(&mut self, error: &OfficeError) {
        let entry = self
            .refused
            .entry(error.code())
            .or_insert_with(|| (0, error.to_string()));
        entry.0 += 1;
    }
}

pub(super) fn run(
    args: &SimulateArgs<'_>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let start = match args.start {
        Some(text) => match parse_date(text, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => context.today,
    };
    let simulated = match context.seat.desks() {
        1 => simulate(args, start, report),
        _ => together(args, context.seat, start, report),
    };
    match simulated {
        Ok(()) => {}
        Err(SimulateError::Office(error)) => report.error(&error),
        Err(SimulateError::Store(error)) => report.error(&error),
        Err(SimulateError::Waited { desk, phase }) => report.invalid_in(
            "simulate.waited",
            &format!(
                "waited {} s for desk {desk} to reach {phase}; is every desk of the run \
                 started (DESK_SEAT=N/M), with the same arguments?",
                WAIT_FOR_DESKS.as_secs()
            ),
            &format!(
                "gaidīts {} s, līdz darba vieta {desk} sasniegs {phase}; vai visas šīs \
                 simulācijas darba vietas ir palaistas (DESK_SEAT=N/M) ar tiem pašiem \
                 argumentiem?",
                WAIT_FOR_DESKS.as_secs()
            ),
        ),
        Err(SimulateError::Mismatch { seq }) => report.invalid_in(
            "simulate.mismatch",
            &format!(
                "{} holds another run: its journal entry {seq} is not what these arguments \
                 make; use another --db",
                Location::of(args.db)
            ),
            &format!(
                "{} glabā citu simulāciju: tās žurnāla ieraksts {seq} nav tas, ko dod šie \
                 argumenti; norādiet citu --db",
                Location::of(args.db)
            ),
        ),
    }
    Ok(())
}

enum SimulateError {
    Office(OfficeError),
    Store(crate::store::StoreError),
    Mismatch {
        seq: i64,
    },
    /// Another desk of a run with several did not reach a phase in time.
    Waited {
        desk: u32,
        phase: String,
    },
}

impl From<OfficeError> for SimulateError {
    fn from(error: OfficeError) -> Self {
        SimulateError::Office(error)
    }
}

impl From<crate::store::StoreError> for SimulateError {
    fn from(error: crate::store::StoreError) -> Self {
        SimulateError::Store(error)
    }
}

fn simulate(
    args: &SimulateArgs<'_>,
    start: NaiveDate,
    report: &mut Report<'_>,
) -> Result<(), SimulateError> {
    let began = Instant::now();
    let dates = working_days(start, args.days)?;
    let plans = plans(args);
    let total: u64 = plans.iter().map(|p| p.len() as u64).sum();

    let mut store = Store::open_with(args.db, Durability::Process)?;
    let journal = store.journal()?;
    let opened = Instant::now();
    // A fresh office replays the plan up to where the journal ends: the check that the file
    // holds this run, and the position to go on from.
    let mut shadow = Office::new()?;
    let mut shadow_history = MemoryHistory::new();
    let traffic = Traffic::new(
        args.seed,
        Seat::default(),
        &shadow,
        dates.first().copied().unwrap_or(start),
    )?;
    let mut tally = Tally {
        resumed_from: store.journal_len(),
        ..Tally::default()
    };
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{elapsed_precise} [{bar:40}] {pos}/{len} operations ({rate}) {msg}",
    ) {
        bar.set_style(
            style
                .with_key(
                    "rate",
                    |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                        let _ = write!(out, "{}", rate_label(state.per_sec()));
                    },
                )
                .progress_chars("=> "),
        );
    }
    let mut replayed = 0_usize;
    let mut registered = 0_u64;
    let mut month_started = Instant::now();
    let mut month_applied = 0_u64;
    for (day, (plan, date)) in plans.iter().zip(&dates).enumerate() {
        if day > 0 && day % WORKING_DAYS_A_MONTH == 0 {
            tally.months.push((month_applied, month_started.elapsed()));
            month_started = Instant::now();
            month_applied = 0;
        }
        bar.set_message(date.to_string());
        let day = day as u64;
        let morning = Utc
            .from_utc_datetime(&date.and_hms_opt(7, 0, 0).unwrap_or_default())
            .to_owned();
        for (index, slot) in plan.iter().enumerate() {
            let at: DateTime<Utc> = morning + Duration::seconds(index as i64 * 3);
            let catching_up = replayed < journal.len();
            let office = if catching_up { &shadow } else { store.office() };
            let operation =
                traffic.operation(*slot, index as u64, day, *date, registered, office)?;
            if *slot == Slot::Register {
                registered += 1;
            }
            bar.inc(1);
            let Some(operation) = operation else {
                tally.skipped += 1;
                continue;
            };
            if catching_up {
                match shadow.apply(&operation, at, &shadow_history) {
                    Ok(outcome) => {
                        shadow_history.record(&outcome);
                        if journal.get(replayed) != Some(&operation) {
                            return Err(SimulateError::Mismatch {
                                seq: replayed as i64 + 1,
                            });
                        }
                        replayed += 1;
                        *tally.applied.entry(operation.kind()).or_default() += 1;
                    }
                    Err(error) => tally.refuse(&error),
                }
                continue;
            }
            match store.apply(&operation, at) {
                Ok(applied) => {
                    month_applied += 1;
                    *tally.applied.entry(operation.kind()).or_default() += 1;
                    if let Outcome::ShiftClosed(z, _) = applied.outcome
                        && !z.over_short().is_zero()
                    {
                        report.text(&format!("Z {}: over/short {}", z.number(), z.over_short()));
                    }
                }
                Err(crate::store::StoreError::Office(error)) => tally.refuse(&error),
                Err(error) => return Err(error.into()),
            }
        }
    }
    tally.months.push((month_applied, month_started.elapsed()));
    bar.finish_and_clear();
    if replayed < journal.len() {
        return Err(SimulateError::Mismatch {
            seq: replayed as i64 + 1,
        });
    }
    print_tally(args, &dates, &tally, &store, report);
    let elapsed = began.elapsed();
    let applied: u64 = tally.applied.values().sum();
    let new = applied.saturating_sub(u64::try_from(tally.resumed_from).unwrap_or(0));
    let rate = (u128::from(new) * 1000)
        .checked_div(elapsed.as_millis().max(1))
        .unwrap_or(0);
    report.text(&format!(
        "Time: {:.1?} in all, {:.1?} to open and replay the database; {new} operations applied \
         now, {rate} per second.",
        elapsed,
        opened.duration_since(began),
    ));
    if tally.months.len() > 1 {
        let rates: Vec<String> = tally
            .months
            .iter()
            .map(|(applied, took)| {
                let rate = (u128::from(*applied) * 1000)
                    .checked_div(took.as_millis().max(1))
                    .unwrap_or(0);
                rate.to_string()
            })
            .collect();
        report.text(&format!(
            "Operations per second, month by month (21 working days each): {}.",
            rates.join(", ")
        ));
    }
    if let Some(peak) = peak_memory() {
        report.text(&format!("Peak memory: {peak}."));
    }
    Ok(())
}

/// The plans of the run's days: the slots of each working day.
fn plans(args: &SimulateArgs<'_>) -> Vec<Vec<Slot>> {
    let days = u64::from(args.days.max(1));
    let clients = u64::from(args.clients);
    (0..u64::from(args.days))
        .map(|day| {
            let share = clients / days + u64::from(day < clients % days);
            plan_day(args.seed, day, share)
        })
        .collect()
}

/// The phases of a run with several desks, as the numbers `simulation_progress` keeps:
/// day `d` opened (its shift too) is `2d + 1`, day `d` done is `2d + 2`.
fn opened(day: u64) -> i64 {
    i64::try_from(day).unwrap_or(i64::MAX / 4) * 2 + 1
}

fn done(day: u64) -> i64 {
    opened(day) + 1
}

/// The head desk of day `day`: it opens the day and its shift, and closes them.
fn head(seat: Seat, day: u64) -> u32 {
    u32::try_from(day % u64::from(seat.desks())).unwrap_or(0) + 1
}

/// Waits until every desk of `desks` has reached `phase`, then brings the office up to
/// what they committed.
fn wait_for(
    store: &mut Store,
    desks: &[u32],
    phase: i64,
    what: impl Fn() -> String,
) -> Result<(), SimulateError> {
    let began = Instant::now();
    loop {
        if !store.exists() {
            store.refresh()?;
        }
        let progress = store.progress()?;
        let behind = desks
            .iter()
            .find(|desk| progress.get(desk).is_none_or(|mark| *mark < phase));
        match behind {
            None => {
                store.refresh()?;
                return Ok(());
            }
            Some(desk) if began.elapsed() > WAIT_FOR_DESKS => {
                return Err(SimulateError::Waited {
                    desk: *desk,
                    phase: what(),
                });
            }
            Some(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
}

/// One desk of several simulating together on one database (see the module's notes).
fn together(
    args: &SimulateArgs<'_>,
    seat: Seat,
    start: NaiveDate,
    report: &mut Report<'_>,
) -> Result<(), SimulateError> {
    let began = Instant::now();
    let dates = working_days(start, args.days)?;
    let plans = plans(args);
    // Another desk may be creating the database right now: it opens once that is done.
    let mut store = loop {
        match Store::open_with(args.db, Durability::Process) {
            Ok(store) => break store,
            Err(_) if began.elapsed() < WAIT_FOR_DESKS => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(error) => return Err(error.into()),
        }
    };
    let opened_at = Instant::now();
    let traffic = Traffic::new(
        args.seed,
        seat,
        store.office(),
        dates.first().copied().unwrap_or(start),
    )?;
    let mut tally = Tally::default();
    let others: Vec<u32> = (1..=seat.desks()).filter(|d| *d != seat.desk()).collect();
    let mut registered = 0_u64;
    let mut month_started = Instant::now();
    let mut month_applied = 0_u64;
    for (day, (plan, date)) in plans.iter().zip(&dates).enumerate() {
        if day > 0 && day % WORKING_DAYS_A_MONTH == 0 {
            tally.months.push((month_applied, month_started.elapsed()));
            month_started = Instant::now();
            month_applied = 0;
        }
        let day = day as u64;
        let head = head(seat, day);
        let leading = head == seat.desk();
        if leading {
            // The day before is closed.
            if day > 0 {
                let before = self::head(seat, day - 1);
                wait_for(&mut store, &[before], done(day - 1), || {
                    format!("the end of day {day}")
                })?;
            }
        } else {
            // The head desk opened the day and its shift.
            wait_for(&mut store, &[head], opened(day), || {
                format!("the opening of day {}", day + 1)
            })?;
        }
        let morning = Utc
            .from_utc_datetime(&date.and_hms_opt(7, 0, 0).unwrap_or_default())
            .to_owned();
        for (index, slot) in plan.iter().enumerate() {
            let owner = match slot {
                Slot::OpenDay
                | Slot::OpenShift
                | Slot::Statement
                | Slot::BankDeposit
                | Slot::CloseShift => head,
                _ => u32::try_from(index % seat.desks() as usize).unwrap_or(0) + 1,
            };
            let client = registered;
            if *slot == Slot::Register {
                registered += 1;
            }
            if owner != seat.desk() {
                continue;
            }
            if *slot == Slot::Statement {
                // Every other desk has done its share of the day.
                wait_for(&mut store, &others, done(day), || {
                    format!("the end of its share of day {}", day + 1)
                })?;
            }
            let at: DateTime<Utc> = morning + Duration::seconds(index as i64 * 3);
            let Some(operation) =
                traffic.operation(*slot, index as u64, day, *date, client, store.office())?
            else {
                tally.skipped += 1;
                continue;
            };
            match store.apply(&operation, at) {
                Ok(_) => {
                    month_applied += 1;
                    *tally.applied.entry(operation.kind()).or_default() += 1;
                }
                Err(crate::store::StoreError::Office(error)) => tally.refuse(&error),
                Err(error) => return Err(error.into()),
            }
            if *slot == Slot::OpenShift {
                store.mark_progress(seat.desk(), opened(day))?;
            }
        }
        store.mark_progress(seat.desk(), done(day))?;
    }
    tally.months.push((month_applied, month_started.elapsed()));
    report.text(&format!(
        "Desk {} of {} (cashier {}).",
        seat.desk(),
        seat.desks(),
        CASHIERS
            .get(usize::try_from(seat.desk() - 1).unwrap_or(0) % CASHIERS.len())
            .copied()
            .unwrap_or_default()
    ));
    print_tally(args, &dates, &tally, &store, report);
    let elapsed = began.elapsed();
    let applied: u64 = tally.applied.values().sum();
    let rate = (u128::from(applied) * 1000)
        .checked_div(elapsed.as_millis().max(1))
        .unwrap_or(0);
    report.text(&format!(
        "Time: {:.1?} in all, {:.1?} to open the database; {applied} operations applied by \
         this desk, {rate} per second.",
        elapsed,
        opened_at.duration_since(began),
    ));
    Ok(())
}

fn print_tally(
    args: &SimulateArgs<'_>,
    dates: &[NaiveDate],
    tally: &Tally,
    store: &Store,
    report: &mut Report<'_>,
) {
    let office = store.office();
    let first = dates.first().map(ToString::to_string).unwrap_or_default();
    let last = dates.last().map(ToString::to_string).unwrap_or_default();
    report.text(&format!(
        "Simulated {} working days ({first} to {last}), seed {}, into {}.",
        dates.len(),
        args.seed,
        Location::of(args.db)
    ));
    if tally.resumed_from > 0 {
        if i64::try_from(tally.applied.values().sum::<u64>()).unwrap_or(i64::MAX)
            == tally.resumed_from
        {
            report.text("The journal holds the whole run already: nothing was added.");
        } else {
            report.text(&format!(
                "Went on from journal entry {} (the operations before it were checked, not repeated).",
                tally.resumed_from + 1
            ));
        }
    }
    report.text("Operations applied:");
    for (kind, count) in &tally.applied {
        report.text(&format!("  {kind:<20} {count:>7}"));
    }
    let refused: u64 = tally.refused.values().map(|(count, _)| count).sum();
    report.text(&format!(
        "Refused by the office: {refused}; slots with nothing to do: {}.",
        tally.skipped
    ));
    for (code, (count, example)) in &tally.refused {
        report.text(&format!("  {code:<32} {count:>7}  e.g. {example}"));
    }
    let open: Money = office
        .ledger()
        .receivables()
        .iter()
        .filter_map(|r| office.ledger().open(r.number()).ok())
        .try_fold(eur(0), |sum, open| sum.checked_add(open))
        .unwrap_or(eur(0));
    let tally = match store.tally() {
        Ok(tally) => tally,
        Err(error) => {
            report.error(&error);
            return;
        }
    };
    report.text(&format!(
        "State: {} clients, {} receipts, {} invoices, {} credit notes, {} documents filed in {} cases, {} Z reports; open receivables {}.",
        office.registry().len(),
        tally.receipts,
        tally.invoices,
        tally.credit_notes,
        tally.documents,
        office.cases().count(),
        tally.z_reports,
        open,
    ));
}

/// The process's peak resident memory (Linux `VmHWM`), if the system tells.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .map(|value| value.trim().to_owned())
}

/// The progress bar's rate, in whole operations a second with a space between thousands
/// ("13 044 operations/s"): indicatif's own `{per_sec}` prints "13,044.3615/s".
fn rate_label(per_second: f64) -> String {
    // The rate is a display figure of the progress bar, not money nor a quantity of the
    // domain: rounding it to a whole number is all it needs.
    let whole = if per_second.is_finite() && per_second > 0.0 {
        per_second.round() as u64
    } else {
        0
    };
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    format!("{grouped} operations/s")
}

#[cfg(test)]
mod rate_tests {
    use super::rate_label;

    #[test]
    fn the_rate_is_whole_operations_with_grouped_thousands() {
        assert_eq!(rate_label(13_044.361_5), "13 044 operations/s");
        assert_eq!(rate_label(999.6), "1 000 operations/s");
        assert_eq!(rate_label(7.2), "7 operations/s");
        assert_eq!(rate_label(f64::NAN), "0 operations/s");
        assert_eq!(rate_label(1_234_567.0), "1 234 567 operations/s");
    }
}
