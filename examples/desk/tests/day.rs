//! Random days at the service desk, across every crate, with the day's invariants checked
//! after every operation (issue 8): documents filed in exactly one case, gapless number series
//! across restarts, the cash drawer, the Z report as the sum of its receipts, receivables, and
//! erasure of personal data.

use std::collections::BTreeMap;

use apkalpe_accounting::{
    CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, IssuedCreditNote,
    IssuedInvoice, LineVat, Quantity as InvoiceQuantity, UnitCode,
};
use apkalpe_clients::{
    Channel as ContactChannel, ClientChange, ClientDetails, ClientId, ClientRegistry, Direction,
    Interaction, InteractionId, Person, PersonalField, RetentionHold, StaffMember,
};
use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    Address, CountryCode, Currency, EmailAddress, Money, NumberSeries, Party, PartyName,
    PersonalCode, PhoneNumber, VatRate, YearReset,
};
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel as SubmissionChannel, DeadlineRegime,
    DocumentDraft, DocumentId, DocumentKind, FilePlan, Letter, NewSubmission, OpenCase,
    OpenSubmission, Register, RegisterKind, Requisite, Salutation, SubmissionKind,
};
use apkalpe_payments::{
    AllocationTarget, CashCount, CashMovement, CashMovementKind, CashRegister, Denomination,
    IncomingPayment, MethodTotals, OpenShift, PaymentMethod, RateTotals, Receipt, ReceiptKind,
    ReceiptLine, Receivable, ReceivableLedger, RegisterIdentity, Tender, VatLine, ZReport,
};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

const FILE_PLAN_CSV: &str =
    include_str!("../../../crates/apkalpe-documents/tests/fixtures/fileplan.csv");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

fn zero() -> Money {
    Money::zero(Currency::EUR)
}

fn add(a: Money, b: Money) -> Money {
    a.checked_add(b).unwrap()
}

fn sub(a: Money, b: Money) -> Money {
    a.checked_sub(b).unwrap()
}

fn rate(percent: u8) -> VatRate {
    VatRate::try_new(Decimal::from(percent)).unwrap()
}

/// A customer's wallet: enough of every denomination to hand over any amount.
fn wallet() -> CashCount {
    Denomination::ALL
        .iter()
        .try_fold(CashCount::new(), |count, d| count.with(*d, 10_000))
        .unwrap()
}

fn pieces(amount: Money) -> CashCount {
    wallet().make_change(amount).unwrap()
}

const BUYERS: [(&str, &str); 2] = [
    ("SIA \"Ziemeļu Rati\"", "40203990007"),
    ("SIA \"Dienvidu Laivas\"", "40003521600"),
];

fn seller() -> Party {
    Party::organisation(
        PartyName::try_new("SIA Apkalpe").unwrap(),
        Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap(),
    )
    .try_with_registration_number("40003521600".parse().unwrap())
    .unwrap()
    .try_with_vat_number("LV40003521600".parse().unwrap())
    .unwrap()
    .with_iban("LV80BANK0000435195001".parse().unwrap())
}

fn buyer(index: usize) -> Party {
    let (name, number) = BUYERS[index];
    Party::organisation(
        PartyName::try_new(name).unwrap(),
        Address::try_new(
            "Brīvības iela 101",
            "Rīga",
            Some("LV-1001"),
            CountryCode::LV,
        )
        .unwrap(),
    )
    .try_with_registration_number(number.parse().unwrap())
    .unwrap()
    .try_with_vat_number(format!("LV{number}").parse().unwrap())
    .unwrap()
}

/// How a cash customer pays: the exact amount, or rounded up to a whole note.
#[derive(Debug, Clone, Copy)]
enum CashHanded {
    Exact,
    UpTo(i64),
}

#[derive(Debug, Clone)]
enum Pay {
    Cash(CashHanded),
    Card,
    /// A card for part (per mille of the total, at least one cent), the rest in cash.
    Split(u16, CashHanded),
}

/// A person who complains: given name, family name, personal code, phone digits.
#[derive(Debug, Clone)]
struct PersonSeed {
    given: &'static str,
    family: &'static str,
    code: PersonalCode,
    phone: u32,
}

#[derive(Debug, Clone)]
enum Op {
    Sell {
        lines: Vec<(u8, i64, u8)>,
        pay: Pay,
    },
    Refund {
        receipt: usize,
        line: usize,
        cash: bool,
    },
    Deposit(i64),
    Payout(i64),
    IssueInvoice {
        buyer: usize,
        lines: Vec<(u8, i64, u8)>,
    },
    CreditNote {
        invoice: usize,
        line: usize,
    },
    Payment {
        invoice: usize,
        cents: i64,
    },
    Restart,
    /// The shift closes with the drawer counted (Z report) and the next one opens with the
    /// drawer as its float.
    CloseShift,
    Complaint {
        person: PersonSeed,
        reply: bool,
    },
    EraseClient {
        client: usize,
        held: Vec<PersonalField>,
    },
    /// The client gives a new e-mail address; the old one stays in the change history.
    ChangeEmail {
        client: usize,
    },
}

fn handed() -> impl Strategy<Value = CashHanded> {
    prop_oneof![
        Just(CashHanded::Exact),
        prop::sample::select(vec![500_i64, 1_000, 2_000, 5_000, 10_000]).prop_map(CashHanded::UpTo),
    ]
}

fn receipt_lines() -> impl Strategy<Value = Vec<(u8, i64, u8)>> {
    prop::collection::vec(
        (
            1_u8..4,
            prop_oneof![1_i64..100, 100_i64..20_000],
            prop::sample::select(vec![21_u8, 12, 5, 0]),
        ),
        1..4,
    )
}

fn invoice_lines() -> impl Strategy<Value = Vec<(u8, i64, u8)>> {
    prop::collection::vec(
        (
            1_u8..5,
            prop_oneof![1_i64..100, 100_i64..50_000],
            prop::sample::select(vec![21_u8, 12]),
        ),
        1..4,
    )
}

const GIVEN: [&str; 4] = ["Anna", "Jānis", "Ilze", "Pēteris"];
const FAMILY: [&str; 4] = ["Bērziņa", "Kalniņš", "Ozoliņa", "Liepiņš"];

fn person() -> impl Strategy<Value = PersonSeed> {
    (
        prop::sample::select(GIVEN.to_vec()),
        prop::sample::select(FAMILY.to_vec()),
        apkalpe_testkit::strategy::personal_code(),
        1_000_000_u32..9_999_999,
    )
        .prop_map(|(given, family, code, phone)| PersonSeed {
            given,
            family,
            code,
            phone,
        })
}

fn held_fields() -> impl Strategy<Value = Vec<PersonalField>> {
    prop::sample::subsequence(PersonalField::ALL.to_vec(), 0..=3)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (
            receipt_lines(),
            prop_oneof![
                handed().prop_map(Pay::Cash),
                Just(Pay::Card),
                (1_u16..1000, handed()).prop_map(|(part, cash)| Pay::Split(part, cash)),
            ]
        )
            .prop_map(|(lines, pay)| Op::Sell { lines, pay }),
        2 => (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(receipt, line, cash)| Op::Refund { receipt, line, cash }),
        1 => (1_i64..20_000).prop_map(Op::Deposit),
        1 => (1_i64..20_000).prop_map(Op::Payout),
        3 => (0..BUYERS.len(), invoice_lines())
            .prop_map(|(buyer, lines)| Op::IssueInvoice { buyer, lines }),
        2 => (any::<usize>(), any::<usize>())
            .prop_map(|(invoice, line)| Op::CreditNote { invoice, line }),
        2 => (any::<usize>(), 1_i64..100_000)
            .prop_map(|(invoice, cents)| Op::Payment { invoice, cents }),
        1 => Just(Op::Restart),
        1 => Just(Op::CloseShift),
        2 => (person(), any::<bool>()).prop_map(|(person, reply)| Op::Complaint { person, reply }),
        1 => (any::<usize>(), held_fields())
            .prop_map(|(client, held)| Op::EraseClient { client, held }),
        1 => any::<usize>().prop_map(|client| Op::ChangeEmail { client }),
    ]
}

/// What the test remembers of a registered client, to look for in the access export.
struct Known {
    id: ClientId,
    family: &'static str,
    values: Vec<(PersonalField, String)>,
    erased: Option<Vec<PersonalField>>,
}

/// What the test remembers of an invoice: its document id, and the figures of the model.
struct InvoiceRecord {
    invoice: IssuedInvoice,
    debtor: &'static str,
    credit_notes: Vec<IssuedCreditNote>,
    credited: Money,
    paid: Money,
}

/// The state of the day, and the independent model the invariants compare it with.
struct Day {
    // Register and drawer.
    shift: Option<OpenShift>,
    drawer: CashCount,
    float: Money,
    /// Every receipt of the day; those of the open shift; the Z reports of closed shifts.
    receipts: Vec<Receipt>,
    shift_receipts: Vec<Receipt>,
    z_reports: Vec<ZReport>,
    model_cash: Money,
    // Invoicing.
    invoice_series: NumberSeries,
    credit_series: NumberSeries,
    invoices: Vec<InvoiceRecord>,
    credit_note_count: u32,
    ledger: ReceivableLedger,
    allocated: Money,
    overpaid: BTreeMap<String, Money>,
    payment_count: u32,
    // Documents.
    plan: FilePlan,
    cases: Vec<OpenCase>,
    filed: BTreeMap<DocumentId, CaseIndex>,
    next_document: u128,
    incoming: Register,
    outgoing: Register,
    // Clients.
    registry: ClientRegistry,
    clients: Vec<Known>,
}

fn invoice_case() -> CaseIndex {
    "4.2".parse().unwrap()
}

fn complaint_case() -> CaseIndex {
    "2.1".parse().unwrap()
}

impl Day {
    fn new() -> Day {
        let float = Denomination::ALL
            .iter()
            .filter(|d| d.cents() <= 5_000)
            .try_fold(CashCount::new(), |count, d| count.with(*d, 20))
            .unwrap();
        let identity = RegisterIdentity::try_new(
            "SIA Apkalpe",
            "40003521600",
            "Brīvības iela 1, Rīga",
            "KA-0001",
            "FM-0001",
            CountryCode::LV,
        )
        .unwrap();
        let shift = CashRegister::new(identity, Currency::EUR)
            .open_shift("Ilze Kalna", float, at())
            .unwrap();
        let plan = FilePlan::from_csv(today().year(), FILE_PLAN_CSV).unwrap();
        let opened = NaiveDate::from_ymd_opt(today().year(), 1, 2).unwrap();
        let cases = vec![
            OpenCase::open(&plan, &invoice_case(), opened).unwrap(),
            OpenCase::open(&plan, &complaint_case(), opened).unwrap(),
        ];
        Day {
            shift: Some(shift),
            drawer: float,
            float: float.total(),
            receipts: Vec::new(),
            shift_receipts: Vec::new(),
            z_reports: Vec::new(),
            model_cash: float.total(),
            invoice_series: NumberSeries::try_new(
                "invoices",
                "INV{year}-{seq:5}".parse().unwrap(),
                YearReset::EachYear,
            )
            .unwrap(),
            credit_series: NumberSeries::try_new(
                "credit-notes",
                "KR{year}-{seq:5}".parse().unwrap(),
                YearReset::EachYear,
            )
            .unwrap(),
            invoices: Vec::new(),
            credit_note_count: 0,
            ledger: ReceivableLedger::new(),
            allocated: zero(),
            overpaid: BTreeMap::new(),
            payment_count: 0,
            plan,
            cases,
            filed: BTreeMap::new(),
            next_document: 1,
            incoming: Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap(),
            outgoing: Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}").unwrap(),
            registry: ClientRegistry::new(),
            clients: Vec::new(),
        }
    }

    fn shift(&mut self) -> &mut OpenShift {
        self.shift.as_mut().unwrap()
    }

    fn file(&mut self, index: CaseIndex) -> DocumentId {
        let id = DocumentId::from_u128(self.next_document);
        self.next_document += 1;
        let case = self.cases.iter_mut().find(|c| *c.index() == index).unwrap();
        case.file(id).unwrap();
        assert!(self.filed.insert(id, index).is_none());
        id
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Sell { lines, pay } => self.sell(lines, pay),
            Op::Refund {
                receipt,
                line,
                cash,
            } => self.refund(*receipt, *line, *cash),
            Op::Deposit(cents) => {
                let amount = eur(*cents);
                let movement = CashMovement::try_new(
                    CashMovementKind::Deposit,
                    amount,
                    "Maiņas nauda",
                    "KIO-1",
                )
                .unwrap();
                self.drawer.add_all(&pieces(amount)).unwrap();
                self.shift().record_cash_movement(movement);
                self.model_cash = add(self.model_cash, amount);
            }
            Op::Payout(cents) => {
                let amount = eur(*cents);
                let Ok(out) = self.drawer.make_change(amount) else {
                    return;
                };
                let movement =
                    CashMovement::try_new(CashMovementKind::Payout, amount, "Uz banku", "KIO-2")
                        .unwrap();
                self.drawer.remove_all(&out).unwrap();
                self.shift().record_cash_movement(movement);
                self.model_cash = sub(self.model_cash, amount);
            }
            Op::IssueInvoice { buyer, lines } => self.issue_invoice(*buyer, lines),
            Op::CreditNote { invoice, line } => self.credit_note(*invoice, *line),
            Op::Payment { invoice, cents } => self.payment(*invoice, *cents),
            Op::CloseShift => {
                let z = self.close_shift();
                let register = z.0;
                self.float = self.drawer.total();
                self.shift = Some(
                    register
                        .open_shift("Jānis Ozols", self.drawer, at())
                        .unwrap(),
                );
            }
            Op::Restart => {
                for series in [&mut self.invoice_series, &mut self.credit_series] {
                    let json = serde_json::to_string(series).unwrap();
                    let restored: NumberSeries = serde_json::from_str(&json).unwrap();
                    assert_eq!(&restored, series);
                    *series = restored;
                }
            }
            Op::Complaint { person, reply } => self.complaint(person, *reply),
            Op::ChangeEmail { client } => {
                if self.clients.is_empty() {
                    return;
                }
                let count = self.clients.len();
                let known = &mut self.clients[client % count];
                let email = EmailAddress::try_new(&format!(
                    "jauna.{}.{}@example.lv",
                    client % count,
                    known.values.len()
                ))
                .unwrap();
                let changed = self.registry.update(
                    known.id,
                    vec![ClientChange::Emails(vec![email.clone()])],
                    &StaffMember::try_new("Ilze Kalna").unwrap(),
                    at(),
                );
                match changed {
                    Ok(changes) => {
                        assert!(known.erased.is_none());
                        assert_eq!(changes.len(), 1);
                        known
                            .values
                            .push((PersonalField::Emails, erased::Value::json(&email)));
                    }
                    Err(error) => {
                        assert_eq!(error.code(), "registry.erased");
                        assert!(known.erased.is_some());
                    }
                }
            }
            Op::EraseClient { client, held } => {
                if self.clients.is_empty() {
                    return;
                }
                let index = client % self.clients.len();
                let known = &mut self.clients[index];
                let hold = RetentionHold::try_new(
                    "pretenziju lieta",
                    NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
                    held.iter().copied(),
                )
                .unwrap();
                match self.registry.erase(known.id, &[hold], today(), at()) {
                    Ok(report) => {
                        assert!(known.erased.is_none(), "erased twice");
                        for field in PersonalField::ALL {
                            assert_eq!(
                                report.is_erased(field),
                                !held.contains(&field),
                                "{field:?}"
                            );
                        }
                        known.erased = Some(held.clone());
                    }
                    Err(error) => {
                        assert_eq!(error.code(), "privacy.already_erased");
                        assert!(known.erased.is_some());
                    }
                }
            }
        }
    }

    fn sell(&mut self, lines: &[(u8, i64, u8)], pay: &Pay) {
        let lines: Vec<ReceiptLine> = lines
            .iter()
            .map(|&(quantity, cents, percent)| {
                ReceiptLine::try_new("Prece", Decimal::from(quantity), eur(cents), rate(percent))
                    .unwrap()
            })
            .collect();
        let total = Money::try_sum(Currency::EUR, lines.iter().map(ReceiptLine::amount)).unwrap();
        let (card, cash, how) = match pay {
            Pay::Cash(how) => (zero(), total, Some(*how)),
            Pay::Card => (total, zero(), None),
            Pay::Split(per_mille, how) => {
                let cents = (total.amount() * Decimal::from(*per_mille) / Decimal::from(1000))
                    .trunc_with_scale(2)
                    .max(Decimal::new(1, 2));
                let card = Money::new(cents, Currency::EUR);
                if card == total {
                    (total, zero(), None)
                } else {
                    (card, sub(total, card), Some(*how))
                }
            }
        };
        let mut tenders = Vec::new();
        if card.is_positive() {
            tenders.push(Tender::Card {
                amount: card,
                reference: "************1111".into(),
            });
        }
        let mut handed = CashCount::new();
        let mut change = CashCount::new();
        if let Some(how) = how {
            let tendered = match how {
                CashHanded::Exact => cash,
                CashHanded::UpTo(note) => {
                    let cents = (cash.amount() * Decimal::from(100)).trunc();
                    let note_d = Decimal::from(note);
                    let up = ((cents + note_d - Decimal::ONE) / note_d).trunc() * note_d;
                    Money::new(up / Decimal::from(100), Currency::EUR)
                }
            };
            handed = pieces(tendered);
            let mut drawer = self.drawer;
            drawer.add_all(&handed).unwrap();
            let Ok(given) = drawer.make_change(sub(tendered, cash)) else {
                return;
            };
            change = given;
            tenders.push(Tender::Cash { tendered });
        }
        let receipt = self.shift().sell(lines, &tenders, at()).unwrap();
        assert_eq!(receipt.total(), total);
        assert_eq!(receipt.change(), change.total());
        assert!(receipt.rounding().is_zero(), "Latvia has no cash rounding");
        self.drawer.add_all(&handed).unwrap();
        self.drawer.remove_all(&change).unwrap();
        self.model_cash = add(self.model_cash, cash);
        self.shift_receipts.push(receipt.clone());
        self.receipts.push(receipt);
    }

    fn refund(&mut self, pick: usize, line: usize, cash: bool) {
        let sales: Vec<&Receipt> = self
            .receipts
            .iter()
            .filter(|r| r.kind() == ReceiptKind::Sale)
            .collect();
        if sales.is_empty() {
            return;
        }
        let original = sales[pick % sales.len()];
        let returned = original.lines()[line % original.lines().len()].clone();
        let amount = returned.amount();
        let number = original.number();
        let tender = if cash {
            let Ok(out) = self.drawer.make_change(amount) else {
                return;
            };
            self.drawer.remove_all(&out).unwrap();
            self.model_cash = sub(self.model_cash, amount);
            Tender::Cash { tendered: amount }
        } else {
            Tender::Card {
                amount,
                reference: "************1111".into(),
            }
        };
        let receipt = self
            .shift()
            .refund(number, vec![returned], &[tender], at())
            .unwrap();
        assert_eq!(receipt.kind(), ReceiptKind::Return { original: number });
        assert_eq!(receipt.total(), amount);
        self.shift_receipts.push(receipt.clone());
        self.receipts.push(receipt);
    }

    fn issue_invoice(&mut self, buyer_index: usize, lines: &[(u8, i64, u8)]) {
        let mut draft = DraftInvoice::new(
            InvoiceKind::Invoice,
            seller(),
            buyer(buyer_index),
            Currency::EUR,
        )
        .with_due_date(today() + chrono::Days::new(14));
        for &(quantity, cents, percent) in lines {
            draft.push_line(
                InvoiceLine::try_new(
                    "Biroja prece",
                    InvoiceQuantity::try_new(Decimal::from(quantity)).unwrap(),
                    UnitCode::PIECE,
                    eur(cents),
                    LineVat::standard(rate(percent)).unwrap(),
                )
                .unwrap(),
            );
        }
        let invoice = draft.issue(&mut self.invoice_series, today()).unwrap();
        // Independently: VAT per rate on the sum of that rate's line nets, half away from zero.
        let mut nets: BTreeMap<u8, Decimal> = BTreeMap::new();
        for &(quantity, cents, percent) in lines {
            *nets.entry(percent).or_default() += Decimal::from(quantity) * Decimal::new(cents, 2);
        }
        let expected = nets.iter().fold(Decimal::ZERO, |sum, (percent, net)| {
            let vat = Rounding::CENTS_HALF_AWAY_FROM_ZERO
                .apply(*net * rate(*percent).as_fraction())
                .unwrap();
            sum + net + vat
        });
        assert_eq!(
            invoice.totals().tax_inclusive(),
            Money::new(expected, Currency::EUR)
        );
        assert_eq!(
            invoice.totals().amount_due(),
            invoice.totals().tax_inclusive()
        );
        let debtor = BUYERS[buyer_index].0;
        self.ledger
            .add(
                Receivable::try_new(
                    invoice.number().as_str(),
                    debtor,
                    invoice.totals().amount_due(),
                    today() + chrono::Days::new(14),
                    None,
                )
                .unwrap(),
            )
            .unwrap();
        self.file(invoice_case());
        self.invoices.push(InvoiceRecord {
            invoice,
            debtor,
            credit_notes: Vec::new(),
            credited: zero(),
            paid: zero(),
        });
    }

    fn credit_note(&mut self, pick: usize, line: usize) {
        if self.invoices.is_empty() {
            return;
        }
        let index = pick % self.invoices.len();
        let record = &self.invoices[index];
        let line = line % record.invoice.content().lines().len() + 1;
        let before = self.credit_series.last_issued();
        let issued = DraftCreditNote::for_lines(
            &record.invoice,
            "Atgriezta viena prece",
            &[CreditedLine::new(
                line,
                InvoiceQuantity::try_new(Decimal::ONE).unwrap(),
            )],
        )
        .unwrap()
        .issue(&mut self.credit_series, today(), &record.credit_notes);
        let note = match issued {
            Ok(note) => note,
            Err(error) => {
                // Everything of that line was credited already; no number may be taken.
                assert_eq!(error.code(), "credit_note.line_exceeded", "{error}");
                assert_eq!(self.credit_series.last_issued(), before);
                return;
            }
        };
        assert_eq!(note.original().number(), record.invoice.number().as_str());
        let amount = note.totals().tax_inclusive();
        self.file(invoice_case());
        self.credit_note_count += 1;
        let record = &mut self.invoices[index];
        record.credited = add(record.credited, amount);
        record.credit_notes.push(note);
    }

    fn payment(&mut self, pick: usize, cents: i64) {
        if self.invoices.is_empty() {
            return;
        }
        let count = self.invoices.len();
        let record = &mut self.invoices[pick % count];
        let amount = eur(cents);
        self.payment_count += 1;
        let payment = IncomingPayment::new(
            format!("BANK-{}", self.payment_count),
            record.debtor.to_owned(),
            amount,
            today(),
        );
        let number = record.invoice.number().as_str().to_owned();
        let open = sub(record.invoice.totals().amount_due(), record.paid);
        let allocation = self
            .ledger
            .apply(&payment, &AllocationTarget::Receivable(number.clone()))
            .unwrap();
        let applied = if amount.amount() < open.amount() {
            amount
        } else {
            open
        };
        let parts =
            Money::try_sum(Currency::EUR, allocation.parts().iter().map(|p| p.amount())).unwrap();
        assert_eq!(parts, applied);
        assert_eq!(add(parts, allocation.credit()), amount);
        assert!(allocation.parts().iter().all(|p| p.receivable() == number));
        record.paid = add(record.paid, applied);
        self.allocated = add(self.allocated, applied);
        if allocation.credit().is_positive() {
            let entry = self
                .overpaid
                .entry(record.debtor.to_owned())
                .or_insert(zero());
            *entry = add(*entry, allocation.credit());
        }
    }

    fn complaint(&mut self, seed: &PersonSeed, reply: bool) {
        let email = format!(
            "{}.{}@example.lv",
            seed.code.to_string().replace('-', ""),
            self.clients.len()
        );
        let phone = format!("+371 2{:07}", seed.phone);
        let details = ClientDetails::person(
            Person::try_new(seed.given, seed.family)
                .unwrap()
                .with_personal_code(seed.code),
        )
        .with_email(EmailAddress::try_new(&email).unwrap())
        .with_phone(PhoneNumber::try_new(&phone).unwrap());
        let id = ClientId::new(Uuid::from_u128(1_000 + self.clients.len() as u128));
        let registration = self.registry.register(id, details, at()).unwrap();
        if registration.id() == id {
            let json = |value: &dyn erased::Value| value.json();
            let subject = format!("Zvans par pretenziju zk{}kz", self.clients.len());
            self.registry
                .record_interaction(
                    Interaction::try_new(
                        InteractionId::new(Uuid::from_u128(5_000 + self.clients.len() as u128)),
                        id,
                        ContactChannel::Phone,
                        Direction::Inbound,
                        &subject,
                        StaffMember::try_new("Ilze Kalna").unwrap(),
                        at(),
                    )
                    .unwrap(),
                )
                .unwrap();
            self.clients.push(Known {
                id,
                family: seed.family,
                values: vec![
                    (PersonalField::Name, seed.family.to_owned()),
                    (PersonalField::PersonalCode, json(&seed.code)),
                    (
                        PersonalField::Emails,
                        json(&EmailAddress::try_new(&email).unwrap()),
                    ),
                    (
                        PersonalField::Phones,
                        json(&PhoneNumber::try_new(&phone).unwrap()),
                    ),
                    (PersonalField::FreeTexts, subject),
                ],
                erased: None,
            });
        }

        let index = complaint_case();
        let draft = DocumentDraft::new(DocumentKind::Complaint)
            .with(Requisite::Author, format!("{} {}", seed.given, seed.family))
            .with_date(today())
            .with(Requisite::Addressee, "SIA Apkalpe")
            .with(Requisite::Text, "Prece pēc nedēļas pārstāja darboties.")
            .with(Requisite::Signature, seed.family)
            .validate()
            .unwrap();
        let id = self.file(index.clone());
        let number = self
            .incoming
            .register(id, draft, &index, today())
            .unwrap()
            .number()
            .to_owned();
        let open = OpenSubmission::register(
            NewSubmission {
                number: number.clone(),
                kind: SubmissionKind::Reclamation,
                received_on: today(),
                channel: SubmissionChannel::Email,
                client_id: email,
                invoice_number: None,
                summary: "Bojāta prece".into(),
            },
            DeadlineRegime::Consumer,
            &AnswerRules::latvia(),
            &apkalpe_core::Calendar::latvia(),
        )
        .unwrap();
        assert!(open.deadline().date() > today());
        if !reply {
            return;
        }
        let letter = Letter {
            language: apkalpe_core::Language::Latvian,
            author: "SIA Apkalpe".into(),
            date: today(),
            place: "Rīga".into(),
            addressee: seed.family.into(),
            reference: Some(format!("Uz pretenziju Nr. {number}")),
            title: "Par pretenziju".into(),
            salutation: Salutation::Named(format!("{} {}", seed.given, seed.family)),
            body: "Jūsu pretenzija ir apmierināta.".into(),
            signatory: "I. Kalna".into(),
            preparer: None,
        };
        let id = self.file(index.clone());
        self.outgoing
            .register(id, letter.to_draft().validate().unwrap(), &index, today())
            .unwrap();
        let answered = open
            .answer(today(), AnswerOutcome::Accepted, "Prece tiks apmainīta.")
            .unwrap();
        assert!(answered.is_in_time());
    }

    /// Checks every invariant of the day.
    fn check(&self) {
        self.check_filing();
        self.check_numbers();
        self.check_cash();
        self.check_receivables();
        self.check_erasure();
    }

    /// Every issued document is filed in exactly one case, the one the map names.
    fn check_filing(&self) {
        let issued = self.invoices.len() as u128
            + u128::from(self.credit_note_count)
            + self.incoming.documents().len() as u128
            + self.outgoing.documents().len() as u128;
        assert_eq!(self.filed.len() as u128, issued);
        let filed: usize = self.cases.iter().map(|c| c.documents().len()).sum();
        assert_eq!(filed, self.filed.len());
        for (id, index) in &self.filed {
            let holding: Vec<&CaseIndex> = self
                .cases
                .iter()
                .filter(|c| c.documents().contains(id))
                .map(OpenCase::index)
                .collect();
            assert_eq!(holding, vec![index], "{id:?}");
        }
        for registered in self
            .incoming
            .documents()
            .iter()
            .chain(self.outgoing.documents())
        {
            assert_eq!(
                self.filed.get(&registered.id()),
                Some(registered.case_index())
            );
        }
        assert_eq!(self.plan.year(), today().year());
    }

    /// The invoice and credit-note numbers of the year are exactly 1..=n.
    fn check_numbers(&self) {
        let sequences: Vec<u32> = self
            .invoices
            .iter()
            .map(|r| r.invoice.number().sequence())
            .collect();
        let expected: Vec<u32> = (1..=self.invoices.len() as u32).collect();
        assert_eq!(sequences, expected);
        assert_eq!(
            self.invoice_series.last_issued().map(|n| n.sequence()),
            sequences.last().copied()
        );
        for record in &self.invoices {
            assert_eq!(record.invoice.number().year(), today().year());
            assert!(self.invoice_series.has_issued(record.invoice.number()));
        }
        let mut notes: Vec<u32> = self
            .invoices
            .iter()
            .flat_map(|r| r.credit_notes.iter().map(|n| n.number().sequence()))
            .collect();
        notes.sort_unstable();
        assert_eq!(notes, (1..=self.credit_note_count).collect::<Vec<u32>>());
    }

    /// The drawer holds float + cash sales − cash refunds + deposits − payouts, and the
    /// register's totals are the sums of its receipts.
    fn check_cash(&self) {
        let shift = self.shift.as_ref().unwrap();
        let totals = shift.totals().unwrap();
        assert_eq!(totals.float(), self.float);
        assert_eq!(totals.expected_cash(), self.model_cash);
        assert_eq!(self.drawer.total(), self.model_cash);
        check_totals_are_sums(totals.methods(), &self.shift_receipts);
        check_rates_are_sums(totals.rates(), &self.shift_receipts);
        let sales = self
            .shift_receipts
            .iter()
            .filter(|r| r.kind() == ReceiptKind::Sale);
        assert_eq!(totals.sale_count(), sales.clone().count() as u64);
        assert_eq!(
            totals.sales_total(),
            Money::try_sum(Currency::EUR, sales.map(Receipt::total)).unwrap()
        );
        let returns = self
            .shift_receipts
            .iter()
            .filter(|r| r.kind() != ReceiptKind::Sale);
        assert_eq!(totals.return_count(), returns.clone().count() as u64);
        assert_eq!(
            totals.returns_total(),
            Money::try_sum(Currency::EUR, returns.map(Receipt::total)).unwrap()
        );
        assert_eq!(
            totals.receipt_numbers(),
            self.shift_receipts
                .first()
                .zip(self.shift_receipts.last())
                .map(|(a, b)| (a.number(), b.number()))
        );
    }

    /// Receivables = invoices − credit notes − allocated payments.
    fn check_receivables(&self) {
        let invoiced = Money::try_sum(
            Currency::EUR,
            self.invoices
                .iter()
                .map(|r| r.invoice.totals().amount_due()),
        )
        .unwrap();
        let credited = Money::try_sum(
            Currency::EUR,
            self.invoices
                .iter()
                .flat_map(|r| r.credit_notes.iter().map(|n| n.totals().tax_inclusive())),
        )
        .unwrap();
        let expected = sub(sub(invoiced, credited), self.allocated);
        let mut from_ledger = zero();
        for record in &self.invoices {
            let number = record.invoice.number().as_str();
            assert_eq!(self.ledger.paid(number).unwrap(), record.paid);
            let open = self.ledger.open(number).unwrap();
            assert_eq!(
                open,
                sub(record.invoice.totals().amount_due(), record.paid),
                "{number}"
            );
            assert!(record.credited.amount() <= record.invoice.totals().tax_inclusive().amount());
            from_ledger = add(from_ledger, sub(open, record.credited));
        }
        assert_eq!(from_ledger, expected);
        assert_eq!(self.ledger.receivables().len(), self.invoices.len());
        let credits: BTreeMap<String, Money> = self
            .ledger
            .credits()
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .filter(|(_, v)| !v.is_zero())
            .collect();
        assert_eq!(credits, self.overpaid);
    }

    /// No personal data survives an erasure except the held fields.
    fn check_erasure(&self) {
        for known in &self.clients {
            let json = self
                .registry
                .access_export(
                    known.id,
                    chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 1, 9, 0, 0).unwrap(),
                )
                .unwrap()
                .to_json()
                .unwrap();
            for (field, value) in &known.values {
                let present = json.contains(value.as_str());
                let kept = known
                    .erased
                    .as_ref()
                    .is_none_or(|held| held.contains(field));
                assert_eq!(present, kept, "{field:?} {value} in {json}");
            }
            let found = self
                .registry
                .search(known.family)
                .iter()
                .any(|c| c.id() == known.id);
            let name_kept = known
                .erased
                .as_ref()
                .is_none_or(|held| held.contains(&PersonalField::Name));
            assert_eq!(found, name_kept, "search {}", known.family);
        }
    }

    /// Closes the shift counting the drawer: the Z report balances with the drawer, equals
    /// the sum of the shift's receipts, and the counters run on without a gap.
    fn close_shift(&mut self) -> (CashRegister, ZReport) {
        let shift = self.shift.take().unwrap();
        let (register, z) = shift.close(self.drawer, at()).unwrap();
        assert_eq!(z.totals().expected_cash(), self.model_cash);
        assert_eq!(z.counted(), self.drawer);
        assert!(z.over_short().is_zero(), "over/short {}", z.over_short());
        check_totals_are_sums(z.totals().methods(), &self.shift_receipts);
        check_rates_are_sums(z.totals().rates(), &self.shift_receipts);
        assert_eq!(
            z.totals().sale_count() + z.totals().return_count(),
            self.shift_receipts.len() as u64
        );
        let signed = Money::try_sum(
            Currency::EUR,
            self.receipts.iter().map(|r| match r.kind() {
                ReceiptKind::Sale => r.total(),
                ReceiptKind::Return { .. } => r.total().negated(),
            }),
        )
        .unwrap();
        assert_eq!(z.grand_total(), signed);
        assert_eq!(register.grand_total(), signed);
        assert_eq!(z.number(), self.z_reports.len() as u64 + 1);
        assert_eq!(register.last_z(), z.number());
        assert_eq!(register.last_receipt(), self.receipts.len() as u64);
        let numbers: Vec<u64> = self.receipts.iter().map(Receipt::number).collect();
        assert_eq!(
            numbers,
            (1..=self.receipts.len() as u64).collect::<Vec<u64>>()
        );
        self.shift_receipts.clear();
        self.z_reports.push(z.clone());
        (register, z)
    }
}

/// Per VAT rate, the sales and returns are the sums of the receipts' VAT lines, and each
/// receipt's VAT lines add up to its total.
fn check_rates_are_sums(rates: &[RateTotals], receipts: &[Receipt]) {
    for receipt in receipts {
        let gross = Money::try_sum(Currency::EUR, receipt.vat().iter().map(|v| v.gross())).unwrap();
        assert_eq!(gross, receipt.total(), "receipt {}", receipt.number());
        for line in receipt.vat() {
            assert_eq!(add(line.net(), line.vat()), line.gross());
        }
    }
    for percent in [21_u8, 12, 5, 0] {
        let rate = rate(percent);
        let sum = |sale: bool, pick: fn(&VatLine) -> Money| {
            Money::try_sum(
                Currency::EUR,
                receipts
                    .iter()
                    .filter(|r| (r.kind() == ReceiptKind::Sale) == sale)
                    .flat_map(Receipt::vat)
                    .filter(|v| v.rate() == rate)
                    .map(pick),
            )
            .unwrap()
        };
        let found = rates.iter().find(|r| r.rate() == rate);
        for (sale, side) in [
            (true, found.map(|r| r.sales())),
            (false, found.map(|r| r.returns())),
        ] {
            let (net, vat, gross) =
                side.map_or((zero(), zero(), zero()), |v| (v.net(), v.vat(), v.gross()));
            assert_eq!(net, sum(sale, |v| v.net()), "{percent} % net, sales {sale}");
            assert_eq!(vat, sum(sale, |v| v.vat()), "{percent} % vat, sales {sale}");
            assert_eq!(
                gross,
                sum(sale, |v| v.gross()),
                "{percent} % gross, sales {sale}"
            );
        }
    }
}

/// Per payment method, sales and returns are the sums of the receipts' payments.
fn check_totals_are_sums(methods: &[MethodTotals], receipts: &[Receipt]) {
    for method in [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Transfer,
    ] {
        let sum = |sale: bool| {
            Money::try_sum(
                Currency::EUR,
                receipts
                    .iter()
                    .filter(|r| (r.kind() == ReceiptKind::Sale) == sale)
                    .flat_map(Receipt::payments)
                    .filter(|p| p.method() == method)
                    .map(|p| p.amount()),
            )
            .unwrap()
        };
        let found = methods.iter().find(|m| m.method() == method);
        let (sales, returns) = found.map_or((zero(), zero()), |m| (m.sales(), m.returns()));
        assert_eq!(sales, sum(true), "{method:?} sales");
        assert_eq!(returns, sum(false), "{method:?} returns");
    }
}

/// JSON text of a value as the access export writes it (without the quotes).
mod erased {
    pub trait Value {
        fn json(&self) -> String;
    }

    impl<T: serde::Serialize> Value for T {
        fn json(&self) -> String {
            serde_json::to_string(self)
                .unwrap()
                .trim_matches('"')
                .to_owned()
        }
    }
}

proptest! {
    // No regression files: failures are reported with their minimal case instead.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(64)
    })]

    /// A random day at the desk keeps every invariant after every operation, and the Z report
    /// at its close balances with the counted drawer and equals the sum of its receipts.
    #[test]
    fn a_random_day_keeps_every_invariant(ops in prop::collection::vec(op(), 1..30)) {
        let mut day = Day::new();
        day.check();
        for op in &ops {
            day.apply(op);
            day.check();
        }
        let shifts = day.z_reports.len();
        let (_register, z) = day.close_shift();
        prop_assert_eq!(z.number(), shifts as u64 + 1);
    }

    /// Returned goods are credited one unit at a time, each on its own credit note (the
    /// customer brings them back on different days). Once every unit is credited, the credit
    /// notes must total exactly the invoice.
    #[test]
    fn crediting_every_unit_separately_credits_the_whole_invoice(
        quantity in 2_u8..5,
        cents in 1_i64..50_000,
        percent in prop::sample::select(vec![21_u8, 12]),
    ) {
        let mut day = Day::new();
        day.apply(&Op::IssueInvoice { buyer: 0, lines: vec![(quantity, cents, percent)] });
        let total = day.invoices[0].invoice.totals().tax_inclusive();
        let mut notes: Vec<IssuedCreditNote> = Vec::new();
        for _ in 0..quantity {
            let note = DraftCreditNote::for_lines(
                &day.invoices[0].invoice,
                "Atgriezta viena prece",
                &[CreditedLine::new(1, InvoiceQuantity::try_new(Decimal::ONE).unwrap())],
            )
            .unwrap()
            .issue(&mut day.credit_series, today(), &notes);
            prop_assert!(note.is_ok(), "{:?}", note.err());
            notes.extend(note);
        }
        let credited =
            Money::try_sum(Currency::EUR, notes.iter().map(|n| n.totals().tax_inclusive())).unwrap();
        prop_assert_eq!(credited, total);
    }

    /// Issuing invoices with restarts (the series saved as JSON and read back) at random
    /// points gives exactly 1..=n, with no gap and no repeat.
    #[test]
    fn invoice_numbers_stay_gapless_across_restarts(
        steps in prop::collection::vec(prop_oneof![3 => Just(false), 1 => Just(true)], 1..40),
    ) {
        let mut day = Day::new();
        for restart in steps {
            if restart {
                day.apply(&Op::Restart);
            } else {
                day.apply(&Op::IssueInvoice { buyer: 0, lines: vec![(1, 1_000, 21)] });
            }
            day.check_numbers();
        }
        let numbers: Vec<String> =
            day.invoices.iter().map(|r| r.invoice.number().as_str().to_owned()).collect();
        let expected: Vec<String> =
            (1..=numbers.len()).map(|n| format!("INV2026-{n:05}")).collect();
        prop_assert_eq!(numbers, expected);
    }

    /// Erasing a client with random holds leaves in the access export exactly the held
    /// fields of the client's personal data (current values, old e-mail addresses in the
    /// change history, interaction subjects), and search finds the client only by a held name.
    #[test]
    fn erasure_leaves_only_held_fields(
        people in prop::collection::vec(person(), 1..4),
        changes in prop::collection::vec(any::<usize>(), 0..4),
        erasures in prop::collection::vec((any::<usize>(), held_fields()), 1..4),
    ) {
        let mut day = Day::new();
        for person in &people {
            day.apply(&Op::Complaint { person: person.clone(), reply: true });
        }
        for client in changes {
            day.apply(&Op::ChangeEmail { client });
        }
        day.check_erasure();
        for (client, held) in erasures {
            day.apply(&Op::EraseClient { client, held });
            day.check_erasure();
        }
        prop_assert!(day.clients.iter().any(|c| c.erased.is_some()));
    }
}
