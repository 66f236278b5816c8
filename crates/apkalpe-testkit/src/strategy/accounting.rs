//! Strategies for `apkalpe-accounting`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
//!
//! Documents are drawn up and issued as a program would (drafts with setters, `issue` with
//! a number series); aggregates come from random sequences of their operations, refused
//! operations included (a refused operation changes nothing, so the sequence goes on).
//! Weighted toward the boundaries: quantities of 0.000001, prices of half a cent, VAT that
//! rounds at half a cent, a cash balance taken to exactly zero, the last number a pattern can
//! show, 31 December, credit notes that credit a line unit by unit; and what Latvian law
//! allows since issue 12: negative lines, invoices in US dollars with their exchange rate, an
//! amount due rounded to 5 cents or whole euros, exports to buyers outside the EU identified
//! by foreign identifiers.

use apkalpe_accounting::{
    AcceptanceAct, AccountMapping, AccountingBatch, Adjustment, AdjustmentKind, BatchEntry,
    CashBook, CashBusiness, CashCounterparty, CashDirection, CashOrder, CreditedLine,
    DocumentAdjustment, DocumentKind, DocumentTotals, DraftAcceptanceAct, DraftCashOrder,
    DraftCreditNote, DraftInvoice, DraftPurchaseOrder, DraftWaybill, ExchangeRate, Finding,
    GoodsReceiptNote, InvoiceDraftInput, InvoiceKind, InvoiceLine, IssueOptions, IssuedCreditNote,
    IssuedInvoice, ItemLine, LineInput, LineVat, PayeeOmission, PaymentMeans, PurchaseOrder,
    Quantity, ReceivedLine, RetentionRule, RoundingPolicy, ServiceBilling, ServiceLedger,
    ServiceRecord, Signatory, UnitCode, ValidationReport, VatExemption, Waybill, retention_rules,
};
use apkalpe_core::{
    Address, AddressInput, CountryCode, Currency, IdentifierScheme, Money, NumberPattern,
    NumberSeries, Party, PartyIdentifier, PartyInput, PartyName, RoundingStrategy, VatCategory,
    VatRate, YearReset,
};
use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{business_date, creditor_reference, iban, personal_code, registration_number};

/// A euro amount.
fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

/// The business keeping the cash desk of the cash strategies.
fn business() -> CashBusiness {
    CashBusiness::organisation(
        "SIA Apkalpe",
        "40003521600".parse().expect("a valid registration number"),
    )
    .expect("a valid name")
}

/// A day `offset` days after `date`.
fn after(date: NaiveDate, offset: u64) -> NaiveDate {
    date.checked_add_days(Days::new(offset))
        .expect("a date within chrono's range")
}

/// Item names: ordinary ones, one with surrounding spaces (trimmed on entry), one of the
/// longest length (200 characters), one with quotes.
fn item_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Biroja krēsls",
            "Konsultācija",
            "Svaigi āboli",
            "Grāmata \"Latvijas vēsture\"",
            "Skrūve M4",
        ])
        .prop_map(str::to_owned),
        1 => Just("  Tēja  ".to_owned()),
        1 => Just("ā".repeat(200)),
    ]
}

/// Addresses in Latvia and one in Estonia.
fn address(country: CountryCode) -> Address {
    match country {
        CountryCode::EE => Address::try_new("Narva mnt 7", "Tallinn", Some("10117"), country),
        _ => Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), country),
    }
    .expect("a valid fixed address")
}

/// A Latvian VAT payer that sells: registration number, the matching VAT number, an IBAN,
/// sometimes e-mail and phone.
pub fn seller() -> impl Strategy<Value = Party> {
    (registration_number(), iban(), any::<bool>()).prop_map(|(number, iban, contact)| {
        let vat = format!("LV{number}")
            .parse()
            .expect("LV and a registration number");
        let party = Party::organisation(
            PartyName::try_new("SIA Apkalpe").expect("a valid name"),
            address(CountryCode::LV),
        )
        .try_with_registration_number(number)
        .expect("an organisation takes a registration number")
        .try_with_vat_number(vat)
        .expect("the VAT number matches the registration number")
        .with_iban(iban);
        if contact {
            party
                .with_email("rekini@apkalpe.example".parse().expect("a valid e-mail"))
                .with_phone("+371 6700 0000".parse().expect("a valid phone"))
        } else {
            party
        }
    })
}

/// Who buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BuyerKind {
    /// A Latvian VAT payer.
    VatPayer,
    /// A Latvian organisation without a VAT number.
    Organisation,
    /// A private person.
    Person,
    /// An Estonian VAT payer.
    Foreign,
    /// A company outside the EU: a US one (employer identification number, a number without a
    /// scheme) or a Norwegian one (VAT number, organisation number).
    Outside,
}

/// A buyer of the given kind.
fn buyer_of(kind: BuyerKind) -> BoxedStrategy<Party> {
    let name = |text: &str| PartyName::try_new(text).expect("a valid name");
    match kind {
        BuyerKind::VatPayer => registration_number()
            .prop_map(move |number| {
                Party::organisation(name("SIA Klients & Partneri"), address(CountryCode::LV))
                    .try_with_registration_number(number)
                    .expect("an organisation takes a registration number")
                    .try_with_vat_number(format!("LV{number}").parse().expect("a VAT number"))
                    .expect("the VAT number matches")
            })
            .boxed(),
        BuyerKind::Organisation => registration_number()
            .prop_map(move |number| {
                Party::organisation(name("Rīgas pašvaldība"), address(CountryCode::LV))
                    .try_with_registration_number(number)
                    .expect("an organisation takes a registration number")
            })
            .boxed(),
        BuyerKind::Person => prop::option::of(personal_code())
            .prop_map(move |code| {
                let person = Party::person(name("Anna Bērziņa"), address(CountryCode::LV));
                match code {
                    Some(code) => person
                        .try_with_personal_code(code)
                        .expect("a person takes a personal code"),
                    None => person,
                }
            })
            .boxed(),
        BuyerKind::Foreign => Just(
            Party::organisation(name("OÜ Põhjanael"), address(CountryCode::EE))
                .try_with_vat_number("EE100247019".parse().expect("a valid VAT number"))
                .expect("a foreign VAT number"),
        )
        .boxed(),
        BuyerKind::Outside => prop_oneof![Just(us_company()), Just(norwegian_company())].boxed(),
    }
}

/// A US company identified by its employer identification number (EAS 9959) and a Delaware
/// file number without a scheme.
fn us_company() -> Party {
    let address = Address::try_new(
        "1200 Market Street",
        "Wilmington",
        Some("19801"),
        CountryCode::try_new("US").expect("a country"),
    )
    .expect("a valid address");
    Party::organisation(
        PartyName::try_new("Acme Tools Inc.").expect("a valid name"),
        address,
    )
    .try_with_identifier(
        PartyIdentifier::try_new(Some("9959".parse().expect("a scheme")), "12-3456789")
            .expect("an identifier"),
    )
    .expect("one per scheme")
    .try_with_identifier(PartyIdentifier::try_new(None, "Delaware 7654321").expect("an identifier"))
    .expect("one per scheme")
}

/// A Norwegian company: a VAT number outside the EU and the organisation number (ICD 0192).
fn norwegian_company() -> Party {
    let address = Address::try_new(
        "Karl Johans gate 22",
        "Oslo",
        Some("0159"),
        CountryCode::try_new("NO").expect("a country"),
    )
    .expect("a valid address");
    Party::organisation(
        PartyName::try_new("Fjord Handel AS").expect("a valid name"),
        address,
    )
    .try_with_identifier(
        PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "NO123456785MVA")
            .expect("an identifier"),
    )
    .expect("one per scheme")
    .try_with_identifier(
        PartyIdentifier::try_new(Some("0192".parse().expect("a scheme")), "123456785")
            .expect("an identifier"),
    )
    .expect("one per scheme")
}

/// Any buyer.
pub fn buyer() -> impl Strategy<Value = Party> {
    buyer_kind().prop_flat_map(buyer_of)
}

fn buyer_kind() -> impl Strategy<Value = BuyerKind> {
    prop_oneof![
        3 => Just(BuyerKind::VatPayer),
        1 => Just(BuyerKind::Organisation),
        1 => Just(BuyerKind::Person),
        1 => Just(BuyerKind::Foreign),
        1 => Just(BuyerKind::Outside),
    ]
}

/// Quantities, weighted toward the smallest (0.000001), one, and six decimal places.
pub fn quantity() -> impl Strategy<Value = Quantity> {
    prop_oneof![
        4 => (1i64..=100_000, 0u32..=3).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        1 => prop::sample::select(vec![
            Decimal::new(1, 6),
            Decimal::ONE,
            Decimal::new(5, 1),
            Decimal::new(999_999_999_999, 6),
            Decimal::TWO,
        ]),
    ]
    .prop_map(|value| Quantity::try_new(value).expect("above zero, at most 6 places"))
}

/// Net unit prices in euro, up to 4 decimal places, weighted toward zero and half cents.
pub fn unit_price() -> impl Strategy<Value = Money> {
    prop_oneof![
        4 => (0i64..=10_000_000, 0u32..=4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        1 => prop::sample::select(vec![
            Decimal::ZERO,
            Decimal::new(5, 3),
            Decimal::new(1, 2),
            Decimal::new(125, 3),
            Decimal::new(16603, 2),
            Decimal::new(425, 4),
        ]),
    ]
    .prop_map(eur)
}

/// The VAT treatment a choice stands for, given what the buyer allows: 21, 12, 5 and 22.5 %,
/// zero-rated, exempt, export (a buyer outside the EU), and reverse charge (a Latvian VAT
/// payer buyer) or intra-Community supply (an EU one).
fn vat_of(choice: u8, buyer: BuyerKind) -> LineVat {
    let standard = |percent: Decimal| {
        LineVat::standard(VatRate::try_new(percent).expect("a valid rate")).expect("S above 0")
    };
    let zero = |category| LineVat::zero(category).expect("a zero category");
    match (choice % 9, buyer) {
        (1, _) => standard(Decimal::new(12, 0)),
        (2, _) => standard(Decimal::new(5, 0)),
        (3, _) => standard(Decimal::new(225, 1)),
        (4, _) => zero(VatCategory::ZeroRated),
        (5, _) => zero(VatCategory::Exempt),
        (6 | 7, BuyerKind::Outside) => zero(VatCategory::Export),
        (7, BuyerKind::VatPayer) => zero(VatCategory::ReverseCharge),
        (7, BuyerKind::Foreign) => zero(VatCategory::IntraCommunitySupply),
        _ => standard(Decimal::new(21, 0)),
    }
}

/// One line's choices: item, quantity, price, VAT choice, a seller item id, a charge and an
/// allowance in cents, and whether the line is negative (a return or a correction).
type LineChoices = (
    String,
    Quantity,
    Money,
    u8,
    bool,
    Option<u32>,
    Option<u32>,
    bool,
);

/// Boxed: the tuple's value tree is large, and nested in invoices, batches and reports it
/// would overflow a test thread's stack.
fn line_choices() -> BoxedStrategy<LineChoices> {
    (
        item_name(),
        quantity(),
        unit_price(),
        prop_oneof![3 => Just(0u8), 1 => 0u8..9],
        prop::bool::weighted(0.2),
        prop::option::weighted(0.15, 1u32..=2_000),
        prop::option::weighted(0.15, 1u32..=100),
        prop::bool::weighted(0.1),
    )
        .boxed()
}

/// Builds a line from its choices, in `currency`.
fn line_from(choices: &LineChoices, buyer: BuyerKind, currency: Currency) -> InvoiceLine {
    let (item, quantity, price, vat, with_id, charge, allowance, negative) = choices;
    let money = |amount: Decimal| Money::new(amount, currency);
    let mut line = InvoiceLine::try_new(
        item,
        *quantity,
        UnitCode::PIECE,
        money(price.amount()),
        vat_of(*vat, buyer),
    )
    .expect("a valid line");
    if *with_id {
        line = line.try_with_seller_item_id("KR-100").expect("a valid id");
    }
    if let Some(cents) = charge {
        line = line.with_adjustment(
            Adjustment::try_new(
                AdjustmentKind::Charge,
                money(Decimal::new((*cents).into(), 2)),
                "Piegāde",
            )
            .expect("a valid charge"),
        );
    }
    if let Some(cents) = allowance {
        line = line.with_adjustment(
            Adjustment::try_new(
                AdjustmentKind::Allowance,
                money(Decimal::new((*cents).into(), 2)),
                "Atlaide",
            )
            .expect("a valid allowance"),
        );
    }
    if *negative { line.negated() } else { line }
}

/// Invoice lines, as a program adds them.
pub fn invoice_line() -> impl Strategy<Value = InvoiceLine> {
    (line_choices(), buyer_kind())
        .prop_map(|(choices, buyer)| line_from(&choices, buyer, Currency::EUR))
}

/// The choices of a draft's header: payment means, terms, note, references, a structured
/// payment reference, the rounding policy, document adjustments.
#[derive(Debug, Clone)]
struct HeaderChoices {
    means: PaymentMeans,
    terms: bool,
    note: bool,
    buyer_reference: bool,
    order_reference: bool,
    payment_reference: Option<apkalpe_core::CreditorReference>,
    rounding: RoundingPolicy,
    adjustments: Vec<(AdjustmentKind, u32, u8)>,
    /// A document in US dollars at this many dollars per euro (4 decimals), or in euro.
    dollars_per_euro: Option<u32>,
}

fn header_choices() -> BoxedStrategy<HeaderChoices> {
    (
        prop::sample::select(vec![
            PaymentMeans::CreditTransfer,
            PaymentMeans::CreditTransfer,
            PaymentMeans::SepaCreditTransfer,
            PaymentMeans::Cash,
            PaymentMeans::PaymentCard,
        ]),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        prop::option::weighted(0.3, creditor_reference()),
        prop::sample::select(vec![
            RoundingPolicy::EN_16931,
            RoundingPolicy::new(RoundingStrategy::HalfEven, RoundingStrategy::HalfEven),
            RoundingPolicy::new(
                RoundingStrategy::HalfAwayFromZero,
                RoundingStrategy::HalfEven,
            ),
            RoundingPolicy::EN_16931
                .try_with_payable(apkalpe_core::Rounding::CASH_5_CENTS)
                .expect("whole cents"),
            RoundingPolicy::EN_16931
                .try_with_payable(
                    apkalpe_core::Rounding::try_new(RoundingStrategy::TowardZero, Decimal::ONE)
                        .expect("a rounding"),
                )
                .expect("whole cents"),
        ]),
        prop::collection::vec(
            (
                prop::sample::select(vec![AdjustmentKind::Allowance, AdjustmentKind::Charge]),
                1u32..=500,
                prop_oneof![3 => Just(0u8), 1 => 0u8..9],
            ),
            0..=2,
        ),
        prop::option::weighted(0.15, 5_000u32..=15_000),
    )
        .prop_map(
            |(
                means,
                (terms, note, buyer_reference, order_reference),
                payment_reference,
                rounding,
                adjustments,
                dollars_per_euro,
            )| {
                HeaderChoices {
                    means,
                    terms,
                    note,
                    buyer_reference,
                    order_reference,
                    payment_reference,
                    rounding,
                    adjustments,
                    dollars_per_euro,
                }
            },
        )
        .boxed()
}

/// Builds a draft from its choices; `issue_date` places the supply and due dates.
fn draft_from(
    kind: InvoiceKind,
    seller: Party,
    (buyer_kind, buyer): (BuyerKind, Party),
    lines: &[LineChoices],
    header: &HeaderChoices,
    issue_date: NaiveDate,
    (supply_back, due_ahead): (Option<u64>, Option<u64>),
) -> DraftInvoice {
    let currency = match header.dollars_per_euro {
        Some(_) => Currency::USD,
        None => Currency::EUR,
    };
    let mut draft = DraftInvoice::new(kind, seller, buyer, currency)
        .with_payment_means(header.means)
        .with_rounding_policy(header.rounding);
    if let Some(rate) = header.dollars_per_euro {
        draft = draft.with_exchange_rate(
            ExchangeRate::try_new(Currency::USD, Decimal::new(rate.into(), 4), issue_date)
                .expect("a rate above zero"),
        );
    }
    for choices in lines {
        draft.push_line(line_from(choices, buyer_kind, currency));
    }
    for (adjustment_kind, cents, vat) in &header.adjustments {
        draft = draft.with_adjustment(DocumentAdjustment::new(
            Adjustment::try_new(
                *adjustment_kind,
                Money::new(Decimal::new((*cents).into(), 2), currency),
                "Pastāvīgā klienta atlaide",
            )
            .expect("a valid adjustment"),
            vat_of(*vat, buyer_kind),
        ));
    }
    if lines.iter().any(|(_, _, _, vat, ..)| *vat % 9 == 5)
        || header.adjustments.iter().any(|(_, _, vat)| *vat % 9 == 5)
    {
        draft = draft.with_exemption(
            VatExemption::try_new(
                VatCategory::Exempt,
                Some("VATEX-EU-132-1I"),
                "PVN likuma 52. panta pirmās daļas 10. punkts",
            )
            .expect("a valid wording"),
        );
    }
    if header.terms {
        draft = draft
            .try_with_payment_terms("Apmaksa 14 dienu laikā")
            .expect("valid terms");
    }
    if header.note {
        draft = draft
            .try_with_note("Paldies par sadarbību!\nAr cieņu")
            .expect("a valid note");
    }
    if header.buyer_reference {
        draft = draft
            .try_with_buyer_reference("Līgums 2026/7")
            .expect("a valid reference");
    }
    if header.order_reference {
        draft = draft
            .try_with_order_reference("PAS-2026-114")
            .expect("a valid reference");
    }
    if let Some(reference) = header.payment_reference {
        draft = draft.with_payment_reference(reference);
    }
    if let Some(back) = supply_back {
        draft = draft.with_supply_date(
            issue_date
                .checked_sub_days(Days::new(back))
                .expect("a date"),
        );
    }
    if let Some(ahead) = due_ahead {
        draft = draft.with_due_date(after(issue_date, ahead));
    }
    draft
}

/// Number series of the shapes programs use, some continuing near the largest sequence the
/// pattern shows, for `date`'s year.
fn series_for(id: &'static str, choice: u8, date: NaiveDate) -> NumberSeries {
    let (template, reset, last) = match choice % 5 {
        0 => ("INV{year}-{seq:5}", YearReset::EachYear, 0),
        1 => ("R{yy}/{seq}", YearReset::EachYear, 57),
        2 => ("{{A}}-{seq:2}", YearReset::Never, 98),
        3 => ("INV{year}-{seq:5}", YearReset::EachYear, 99_998),
        _ => ("Nr. 0{seq}", YearReset::Never, 0),
    };
    let pattern: NumberPattern = template.parse().expect("a valid pattern");
    NumberSeries::try_continue_from(id, pattern, reset, date.year(), last).expect("a valid series")
}

/// Everything an issued invoice is drawn from.
type InvoiceChoices = (
    (InvoiceKind, Party, (BuyerKind, Party)),
    Vec<LineChoices>,
    HeaderChoices,
    NaiveDate,
    (Option<u64>, Option<u64>),
    (u8, u8),
);

fn invoice_choices(lines: std::ops::RangeInclusive<usize>) -> BoxedStrategy<InvoiceChoices> {
    (
        (
            prop_oneof![
                4 => Just(InvoiceKind::Invoice),
                1 => Just(InvoiceKind::Simplified),
                1 => Just(InvoiceKind::Advance),
            ],
            seller(),
            buyer_kind().prop_flat_map(|kind| buyer_of(kind).prop_map(move |party| (kind, party))),
        ),
        prop::collection::vec(line_choices(), lines),
        header_choices(),
        business_date(),
        (
            prop::option::weighted(0.4, prop_oneof![Just(0u64), 1u64..=40]),
            prop::option::weighted(0.9, prop_oneof![Just(0u64), 1u64..=60]),
        ),
        (
            any::<u8>(),
            prop_oneof![3 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        ),
    )
        .boxed()
}

/// Issues a drawn invoice: `prepaid` 0 none, 1 half the total, 2 all of it; a simplified
/// invoice with a limit above its total (the issuer's setting). `None` when the draft is
/// refused (an allowance above its line, say).
fn issue_from(choices: InvoiceChoices) -> Option<IssuedInvoice> {
    let ((kind, seller, buyer), lines, header, issue_date, dates, (series, prepaid)) = choices;
    let mut draft = draft_from(kind, seller, buyer, &lines, &header, issue_date, dates);
    let total = draft.totals().ok()?.tax_inclusive();
    draft = match prepaid {
        1 => draft.with_prepaid(
            Money::new(total.amount() / Decimal::TWO, total.currency())
                .round(apkalpe_core::Rounding::CENTS_HALF_AWAY_FROM_ZERO)
                .ok()?,
        ),
        2 => draft.with_prepaid(total),
        _ => draft,
    };
    let options = IssueOptions::default()
        .with_simplified_limit(eur(total.amount().max(Decimal::new(100, 0))));
    draft
        .issue_with(
            &mut series_for("invoices", series, issue_date),
            issue_date,
            &options,
        )
        .ok()
}

/// Drafts as a program builds them, issuable or not (no lines, missing dates).
pub fn draft_invoice() -> impl Strategy<Value = DraftInvoice> {
    (invoice_choices(0..=6), any::<bool>()).prop_map(|(choices, drop_parties)| {
        let ((kind, seller, buyer), lines, header, issue_date, dates, _) = choices;
        let draft = draft_from(kind, seller, buyer, &lines, &header, issue_date, dates);
        if drop_parties {
            let nobody = Party::organisation(
                PartyName::try_new("SIA Nezināms").expect("a valid name"),
                address(CountryCode::LV),
            );
            draft.with_seller(nobody.clone()).with_buyer(nobody)
        } else {
            draft
        }
    })
}

/// Issued invoices of every kind, 1–8 lines, with allowances, charges, exempt, reverse
/// charge and export lines, negative lines, prepayments, every rounding policy (the amount due
/// rounded too), invoices in US dollars, buyers outside the EU and numbers near a pattern's
/// limit.
pub fn issued_invoice() -> impl Strategy<Value = IssuedInvoice> {
    invoice_choices(1..=8).prop_filter_map("the draft is refused", issue_from)
}

/// Issued invoices with `lines` lines.
pub fn issued_invoice_with(
    lines: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = IssuedInvoice> {
    invoice_choices(lines).prop_filter_map("the draft is refused", issue_from)
}

/// What a credit note credits.
#[derive(Debug, Clone)]
enum CreditChoice {
    /// The whole invoice.
    Cancellation,
    /// Lines chosen by position (modulo the line count), each all of it (`0`), one unit
    /// (`1`) or half of it (`2`).
    Lines(Vec<(usize, u8)>),
}

fn credit_choice() -> impl Strategy<Value = CreditChoice> {
    prop_oneof![
        1 => Just(CreditChoice::Cancellation),
        6 => prop::collection::vec(
            (any::<usize>(), prop_oneof![1 => Just(0u8), 4 => Just(1u8), 2 => Just(2u8)]),
            1..=3,
        )
        .prop_map(CreditChoice::Lines),
    ]
}

/// Draws up a credit note for `invoice`.
fn credit_draft(invoice: &IssuedInvoice, choice: &CreditChoice) -> Option<DraftCreditNote> {
    let reason = "Atgriezta prece";
    match choice {
        CreditChoice::Cancellation => DraftCreditNote::cancellation(invoice, reason).ok(),
        CreditChoice::Lines(picks) => {
            let lines = invoice.content().lines();
            let credited: Vec<CreditedLine> = picks
                .iter()
                .filter_map(|(position, amount)| {
                    let index = position % lines.len();
                    let invoiced = lines.get(index)?.quantity();
                    let quantity = match amount {
                        1 => Quantity::try_new(Decimal::ONE.min(invoiced.value())).ok()?,
                        2 => Quantity::try_new(invoiced.value() / Decimal::TWO).ok()?,
                        _ => invoiced,
                    };
                    Some(CreditedLine::new(index + 1, quantity))
                })
                .collect();
            DraftCreditNote::for_lines(invoice, reason, &credited).ok()
        }
    }
}

/// An invoice and the credit notes a program issued for it, in order: random corrections
/// and cancellations, each checked against the earlier ones (refused ones are skipped), so
/// later notes round their VAT cumulatively.
pub fn credit_history() -> impl Strategy<Value = (IssuedInvoice, Vec<IssuedCreditNote>)> {
    (
        issued_invoice_with(1..=4),
        prop::collection::vec((credit_choice(), prop_oneof![Just(0u64), 1u64..=40]), 1..=6),
        any::<u8>(),
    )
        .prop_map(|(invoice, choices, series)| {
            let mut numbers = series_for("credit_notes", series, invoice.issue_date());
            let mut notes: Vec<IssuedCreditNote> = Vec::new();
            let mut date = invoice.issue_date();
            for (choice, days) in choices {
                date = after(date, days);
                let Some(draft) = credit_draft(&invoice, &choice) else {
                    continue;
                };
                if let Ok(note) = draft.issue(&mut numbers, date, &notes) {
                    notes.push(note);
                }
            }
            (invoice, notes)
        })
}

/// Issued credit notes: any note of a [`credit_history`].
pub fn issued_credit_note() -> impl Strategy<Value = IssuedCreditNote> {
    (credit_history(), any::<usize>()).prop_filter_map(
        "no note was issued",
        |((_, notes), pick)| {
            let count = notes.len();
            notes.into_iter().nth(pick.checked_rem(count)?)
        },
    )
}

/// Credit note drafts for issued invoices.
pub fn draft_credit_note() -> impl Strategy<Value = DraftCreditNote> {
    (issued_invoice_with(1..=4), credit_choice())
        .prop_filter_map("no line to credit", |(invoice, choice)| {
            credit_draft(&invoice, &choice)
        })
}

/// Totals of lines and document adjustments, with or without a prepaid amount.
pub fn document_totals() -> impl Strategy<Value = DocumentTotals> {
    (
        prop::collection::vec(invoice_line(), 0..=8),
        header_choices(),
        prop::option::of(0u32..=100_000),
    )
        .prop_filter_map("the amounts overflow", |(lines, header, prepaid)| {
            let adjustments: Vec<DocumentAdjustment> = header
                .adjustments
                .iter()
                .map(|(kind, cents, vat)| {
                    DocumentAdjustment::new(
                        Adjustment::try_new(
                            *kind,
                            eur(Decimal::new((*cents).into(), 2)),
                            "Atlaide",
                        )
                        .expect("a valid adjustment"),
                        vat_of(*vat, BuyerKind::VatPayer),
                    )
                })
                .collect();
            DocumentTotals::compute(
                Currency::EUR,
                &lines,
                &adjustments,
                prepaid.map(|cents| eur(Decimal::new(cents.into(), 2))),
                &header.rounding,
            )
            .ok()
        })
}

/// A counterparty of a cash order: a resident with a personal code, possibly acting for a
/// company; a non-resident; a business; no payee (disbursements only).
fn counterparty(direction: CashDirection) -> impl Strategy<Value = CashCounterparty> {
    let omitted = match direction {
        CashDirection::Receipt => 0,
        CashDirection::Disbursement => 1,
    };
    prop_oneof![
        3 => (personal_code(), any::<bool>(), registration_number()).prop_map(|(code, company, number)| {
            let person = CashCounterparty::person("Anna Bērziņa", Some(code)).expect("a valid name");
            if company {
                person.try_on_behalf_of("SIA Kurjers", number).expect("a valid company")
            } else {
                person
            }
        }),
        1 => Just(CashCounterparty::person("John Smith", None).expect("a valid name")),
        1 => registration_number().prop_map(|number| {
            CashCounterparty::organisation("SIA Piegādātājs", number).expect("a valid name")
        }),
        omitted => prop::sample::select(vec![
            PayeeOmission::CashInTransit,
            PayeeOmission::BankDeposit,
            PayeeOmission::ChangeOfDenominations,
        ])
        .prop_map(CashCounterparty::Omitted),
    ]
}

/// A cash amount: what a book holds matters, so a choice, resolved against the balance.
#[derive(Debug, Clone, Copy)]
enum CashAmount {
    /// A number of cents.
    Cents(u32),
    /// All of the balance (a disbursement to zero).
    Balance,
    /// One cent more than the balance (refused for a disbursement).
    AboveBalance,
    /// Just above the cash transaction limit.
    AboveLimit,
}

fn cash_amount() -> impl Strategy<Value = CashAmount> {
    prop_oneof![
        5 => prop_oneof![Just(1u32), 1u32..=1_000_000].prop_map(CashAmount::Cents),
        1 => Just(CashAmount::Balance),
        1 => Just(CashAmount::AboveBalance),
        1 => Just(CashAmount::AboveLimit),
    ]
}

/// One operation on a cash book.
#[derive(Debug, Clone)]
enum CashOperation {
    /// Issue an order from the right series and post it, some days after the last.
    Post(CashDirection, CashCounterparty, CashAmount, u64),
    /// Post an order posted before again (refused).
    Repost(usize),
    /// Post a receipt numbered in the disbursement series (refused).
    WrongSeries(u32),
    /// Post an order dated before the last entry (refused when there is one).
    Backdated(u32),
}

fn cash_operation() -> impl Strategy<Value = CashOperation> {
    let post = prop::sample::select(vec![CashDirection::Receipt, CashDirection::Disbursement])
        .prop_flat_map(|direction| {
            (
                counterparty(direction),
                cash_amount(),
                prop_oneof![2 => Just(0u64), 1 => 1u64..=40, 1 => Just(366u64)],
            )
                .prop_map(move |(party, amount, days)| {
                    CashOperation::Post(direction, party, amount, days)
                })
        });
    prop_oneof![
        8 => post,
        1 => any::<usize>().prop_map(CashOperation::Repost),
        1 => (1u32..=10_000).prop_map(CashOperation::WrongSeries),
        1 => (1u32..=10_000).prop_map(CashOperation::Backdated),
    ]
}

/// Issues a cash order for `amount` cents, or `None` when the draft is refused.
fn cash_order_of(
    direction: CashDirection,
    party: CashCounterparty,
    amount: Money,
    series: &mut NumberSeries,
    date: NaiveDate,
) -> Option<CashOrder> {
    let draft = DraftCashOrder::try_new(
        business(),
        direction,
        party,
        "Apmaksa par rēķinu",
        amount,
        "Līga Kasiere",
    )
    .expect("a valid basis and cashier");
    draft.issue_for_non_resident(series, date).ok()
}

/// Cash books after random sequences of posts, refused ones included: receipts and
/// disbursements of a cent, of the whole balance and above it, above the EUR 7 200 limit,
/// on the same day, across year ends (the KIO and KIzO series restart each year).
pub fn cash_book() -> impl Strategy<Value = CashBook> {
    cash_book_with(0..=30)
}

/// Cash books after `operations` random operations.
pub fn cash_book_with(
    operations: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = CashBook> {
    (
        prop_oneof![Just(0u32), 0u32..=100_000],
        business_date(),
        prop::collection::vec(cash_operation(), operations),
    )
        .prop_map(|(opening, start, operations)| {
            let mut receipts = NumberSeries::try_new(
                "kio",
                "KIO{yy}-{seq:4}".parse().expect("a pattern"),
                YearReset::EachYear,
            )
            .expect("a valid series");
            let mut disbursements = NumberSeries::try_new(
                "kizo",
                "KIZO{yy}-{seq:4}".parse().expect("a pattern"),
                YearReset::EachYear,
            )
            .expect("a valid series");
            let mut book = CashBook::try_new(
                business(),
                eur(Decimal::new(opening.into(), 2)),
                "kio",
                "kizo",
            )
            .expect("two series");
            let mut posted: Vec<CashOrder> = Vec::new();
            let mut date = start;
            for operation in operations {
                match operation {
                    CashOperation::Post(direction, party, amount, days) => {
                        date = after(date, days);
                        let cent = Decimal::new(1, 2);
                        let amount = match amount {
                            CashAmount::Cents(cents) => Decimal::new(cents.into(), 2),
                            CashAmount::Balance => book.balance().amount(),
                            CashAmount::AboveBalance => book.balance().amount() + cent,
                            CashAmount::AboveLimit => Decimal::new(720_001, 2),
                        };
                        let series = match direction {
                            CashDirection::Receipt => &mut receipts,
                            CashDirection::Disbursement => &mut disbursements,
                        };
                        if let Some(order) =
                            cash_order_of(direction, party, eur(amount), series, date)
                            && book.post(&order).is_ok()
                        {
                            posted.push(order);
                        }
                    }
                    CashOperation::Repost(index) => {
                        if let Some(order) = posted
                            .len()
                            .checked_sub(1)
                            .and_then(|last| posted.get(index % (last + 1)))
                        {
                            assert!(
                                book.post(&order.clone()).is_err(),
                                "a second post is refused"
                            );
                        }
                    }
                    CashOperation::WrongSeries(cents) => {
                        let party = CashCounterparty::person("John Smith", None).expect("a name");
                        if let Some(order) = cash_order_of(
                            CashDirection::Receipt,
                            party,
                            eur(Decimal::new(cents.into(), 2)),
                            &mut disbursements,
                            date,
                        ) {
                            assert!(book.post(&order).is_err(), "the wrong series is refused");
                        }
                    }
                    CashOperation::Backdated(cents) => {
                        if let Some(earlier) = date
                            .checked_sub_days(Days::new(1))
                            .filter(|day| day.year() == date.year())
                        {
                            let party =
                                CashCounterparty::person("John Smith", None).expect("a name");
                            if let Some(order) = cash_order_of(
                                CashDirection::Receipt,
                                party,
                                eur(Decimal::new(cents.into(), 2)),
                                &mut receipts,
                                earlier,
                            ) {
                                let before = book.clone();
                                if book.post(&order).is_err() {
                                    assert_eq!(book, before, "a refused post changes nothing");
                                }
                            }
                        }
                    }
                }
            }
            book
        })
}

/// Issued cash orders: receipts and disbursements, every kind of counterparty, amounts from a
/// cent to above the cash limit.
pub fn cash_order() -> impl Strategy<Value = CashOrder> {
    (
        prop::sample::select(vec![CashDirection::Receipt, CashDirection::Disbursement])
            .prop_flat_map(|direction| (Just(direction), counterparty(direction))),
        prop_oneof![Just(1u32), 1u32..=1_000_000, Just(720_001u32)],
        business_date(),
        any::<u8>(),
    )
        .prop_map(|((direction, party), cents, date, series)| {
            let mut numbers = series_for("kio", series, date);
            cash_order_of(
                direction,
                party,
                eur(Decimal::new(cents.into(), 2)),
                &mut numbers,
                date,
            )
            .expect("a valid order")
        })
}

/// Draft cash orders, valid or not (zero amounts, a receipt without a payer).
pub fn draft_cash_order() -> impl Strategy<Value = DraftCashOrder> {
    (
        prop::sample::select(vec![CashDirection::Receipt, CashDirection::Disbursement]),
        counterparty(CashDirection::Disbursement),
        prop_oneof![Just(0i64), Just(-1i64), 1i64..=1_000_000, Just(5i64)],
        prop::sample::select(vec![2u32, 3]),
    )
        .prop_map(|(direction, party, mantissa, scale)| {
            DraftCashOrder::try_new(
                business(),
                direction,
                party,
                "Avanss\nkomandējumam",
                eur(Decimal::new(mantissa, scale)),
                "Kasiere",
            )
            .expect("a valid basis and cashier")
        })
}

/// Batches of a period: invoices, credit notes and cash orders added as a program adds
/// them, entries of other kinds, numbers with gaps and voided numbers, earlier invoices.
pub fn accounting_batch() -> impl Strategy<Value = AccountingBatch> {
    (
        credit_history(),
        cash_order(),
        prop::collection::vec((0u8..4, 0u64..=60, 0u32..=100_000, any::<bool>()), 0..=12),
        prop::collection::vec("INV20[0-9]{2}-0000[1-9]", 0..=3),
        (0u64..=31, 0u64..=62),
    )
        .prop_map(
            |((invoice, notes), order, others, earlier, (back, length))| {
                let start = invoice
                    .issue_date()
                    .checked_sub_days(Days::new(back))
                    .expect("a date");
                let mut batch =
                    AccountingBatch::try_new(start, after(start, length)).expect("a period");
                batch.add(BatchEntry::from(&invoice));
                for note in &notes {
                    batch.add(BatchEntry::from(note));
                }
                batch.add(BatchEntry::from(&order));
                let mut series = NumberSeries::try_new(
                    "waybills",
                    "PP{year}-{seq:4}".parse().expect("a pattern"),
                    YearReset::EachYear,
                )
                .expect("a valid series");
                for (kind, days, cents, void) in others {
                    let date = after(start, days);
                    let Ok(number) = series.issue(date) else {
                        continue;
                    };
                    if void {
                        if let Ok(voided) = series.void(&number, "sabojāta veidlapa") {
                            batch.add_voided(voided);
                        }
                        continue;
                    }
                    let kind = match kind {
                        0 => DocumentKind::Waybill,
                        1 => DocumentKind::AcceptanceAct,
                        2 => DocumentKind::Invoice,
                        _ => DocumentKind::CashReceiptOrder,
                    };
                    let net = eur(Decimal::new(cents.into(), 2));
                    batch.add(
                        BatchEntry::new(kind, number, date, "SIA Klients", net, eur(Decimal::ZERO))
                            .expect("one currency"),
                    );
                }
                for number in earlier {
                    batch.add_earlier_invoice(&number);
                }
                batch
            },
        )
}

/// Batch entries of every source.
pub fn batch_entry() -> impl Strategy<Value = BatchEntry> {
    accounting_batch().prop_flat_map(|batch| {
        let entries = batch.entries().to_vec();
        prop::sample::select(entries)
    })
}

/// Account mappings, default or changed.
pub fn account_mapping() -> impl Strategy<Value = AccountMapping> {
    ("[0-9]{4}", "[0-9]{4}", any::<bool>()).prop_map(|(revenue, cash, change)| {
        if change {
            AccountMapping::default()
                .with_revenue(&revenue)
                .with_cash(&cash)
        } else {
            AccountMapping::default()
        }
    })
}

/// Lines of goods documents, priced or not.
fn item_line(priced: bool) -> impl Strategy<Value = ItemLine> {
    (
        item_name(),
        quantity(),
        prop::sample::select(vec![UnitCode::PIECE, UnitCode::KILOGRAM, UnitCode::HOUR]),
        unit_price(),
    )
        .prop_map(move |(item, quantity, unit, price)| {
            let line = ItemLine::try_new(&item, quantity, unit).expect("a valid line");
            if priced {
                line.with_unit_price(price)
            } else {
                line
            }
        })
}

/// Item lines, priced or not.
pub fn any_item_line() -> impl Strategy<Value = ItemLine> {
    any::<bool>().prop_flat_map(item_line)
}

/// A Latvian organisation with a registration number (an author of goods documents).
fn organisation() -> impl Strategy<Value = Party> {
    buyer_of(BuyerKind::Organisation)
}

/// Issued waybills: 1–6 priced lines, dispatch on or after the issue date.
pub fn waybill() -> impl Strategy<Value = Waybill> {
    (
        organisation(),
        organisation(),
        prop::collection::vec(item_line(true), 1..=6),
        business_date(),
        prop_oneof![Just(0u64), 1u64..=10],
        any::<u8>(),
    )
        .prop_map(|(supplier, receiver, lines, date, dispatch, series)| {
            let mut draft = DraftWaybill::new(supplier.clone(), receiver);
            for line in lines {
                draft = draft.with_line(line);
            }
            draft
                .with_carrier(supplier)
                .try_with_vehicle("VW Crafter, LA-1234")
                .expect("a valid vehicle")
                .with_loading_address(address(CountryCode::LV))
                .with_unloading_address(address(CountryCode::EE))
                .with_dispatch_date(after(date, dispatch))
                .issue(&mut series_for("waybills", series, date), date)
                .expect("a complete waybill")
        })
}

/// Waybill drafts, complete or not.
pub fn draft_waybill() -> impl Strategy<Value = DraftWaybill> {
    (
        organisation(),
        organisation(),
        prop::collection::vec(any_item_line(), 0..=4),
        any::<bool>(),
        prop::option::of(business_date()),
    )
        .prop_map(|(supplier, receiver, lines, vehicle, dispatch)| {
            let mut draft = DraftWaybill::new(supplier, receiver);
            for line in lines {
                draft = draft.with_line(line);
            }
            if vehicle {
                draft = draft.try_with_vehicle("LA-1234").expect("a valid vehicle");
            }
            if let Some(date) = dispatch {
                draft = draft.with_dispatch_date(date);
            }
            draft
        })
}

/// Purchase order drafts.
pub fn draft_purchase_order() -> impl Strategy<Value = DraftPurchaseOrder> {
    (
        organisation(),
        organisation(),
        prop::collection::vec(any_item_line(), 0..=5),
        prop::option::of(business_date()),
        any::<bool>(),
    )
        .prop_map(|(buyer, supplier, lines, delivery, address_given)| {
            let mut draft = DraftPurchaseOrder::new(buyer, supplier);
            for line in lines {
                draft = draft.with_line(line);
            }
            if let Some(date) = delivery {
                draft = draft.with_delivery_date(date);
            }
            if address_given {
                draft = draft.with_delivery_address(address(CountryCode::LV));
            }
            draft
        })
}

/// Issued purchase orders: priced and unpriced lines, a delivery date on or after the order.
pub fn purchase_order() -> impl Strategy<Value = PurchaseOrder> {
    (
        organisation(),
        organisation(),
        prop::collection::vec(any_item_line(), 1..=6),
        business_date(),
        prop::option::of(0u64..=30),
        any::<u8>(),
    )
        .prop_map(|(buyer, supplier, lines, date, delivery, series)| {
            let mut draft = DraftPurchaseOrder::new(buyer, supplier);
            for line in lines {
                draft = draft.with_line(line);
            }
            if let Some(days) = delivery {
                draft = draft.with_delivery_date(after(date, days));
            }
            draft
                .issue(&mut series_for("orders", series, date), date)
                .expect("a complete order")
        })
}

/// Goods receipt notes: for each order line nothing, exactly the order, less, more, or some
/// of it damaged; received on the order day or later.
pub fn goods_receipt_note() -> impl Strategy<Value = GoodsReceiptNote> {
    (
        purchase_order(),
        prop::collection::vec((any::<bool>(), 0u8..5, 0u8..3), 6),
        prop_oneof![Just(0u64), 1u64..=400],
        any::<u8>(),
    )
        .prop_map(|(order, choices, days, series)| {
            let received: Vec<ReceivedLine> = order
                .lines()
                .iter()
                .zip(&choices)
                .enumerate()
                .filter(|(_, (_, (arrived, ..)))| *arrived)
                .map(|(index, (line, (_, amount, damage)))| {
                    let ordered = line.quantity().value();
                    let received = match amount {
                        0 => ordered,
                        1 => Decimal::ZERO,
                        2 => half(ordered),
                        3 => ordered + Decimal::ONE,
                        _ => Decimal::new(1, 6),
                    };
                    let damaged = match damage {
                        1 => received,
                        2 => half(received),
                        _ => Decimal::ZERO,
                    };
                    ReceivedLine::new(index + 1, received).with_damaged(damaged)
                })
                .collect();
            let date = after(order.order_date(), days);
            GoodsReceiptNote::issue(
                &order,
                &received,
                &mut series_for("receipts", series, date),
                date,
            )
            .expect("what arrived fits the order")
        })
}

/// Half of a quantity, to 6 decimal places.
fn half(quantity: Decimal) -> Decimal {
    (quantity / Decimal::TWO)
        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Received lines as a program passes them, valid or not.
pub fn received_line() -> impl Strategy<Value = ReceivedLine> {
    (0usize..=10, -2i64..=1_000_000, 0u32..=7, 0i64..=100).prop_map(
        |(line, received, scale, damaged)| {
            ReceivedLine::new(line, Decimal::new(received, scale))
                .with_damaged(Decimal::new(damaged, 1))
        },
    )
}

/// Signatories.
pub fn signatory() -> impl Strategy<Value = Signatory> {
    prop::sample::select(vec![
        ("Anna Bērziņa", "valdes locekle"),
        ("Jānis Kalniņš", "direktors"),
        (" Līga ", " grāmatvede "),
    ])
    .prop_map(|(name, position)| Signatory::try_new(name, position).expect("a valid signatory"))
}

/// Acceptance act drafts, complete or not.
pub fn draft_acceptance_act() -> impl Strategy<Value = DraftAcceptanceAct> {
    (
        organisation(),
        organisation(),
        business_date(),
        0i64..=40,
        prop::collection::vec(any_item_line(), 0..=4),
        prop::option::of(signatory()),
        prop::option::of(signatory()),
    )
        .prop_map(
            |(provider, client, start, length, lines, provider_signatory, client_signatory)| {
                let end = if length >= 35 {
                    start.checked_sub_days(Days::new(1)).expect("a date")
                } else {
                    after(start, length.unsigned_abs())
                };
                let mut draft = DraftAcceptanceAct::new(provider, client, start, end);
                for line in lines {
                    draft = draft.with_line(line);
                }
                if let Some(signatory) = provider_signatory {
                    draft = draft.with_provider_signatory(signatory);
                }
                if let Some(signatory) = client_signatory {
                    draft = draft.with_client_signatory(signatory);
                }
                draft
            },
        )
}

/// Issued acceptance acts: a period of a day or more, priced lines, both signatories.
pub fn acceptance_act() -> impl Strategy<Value = AcceptanceAct> {
    (
        organisation(),
        organisation(),
        business_date(),
        0u64..=62,
        prop::collection::vec(item_line(true), 1..=5),
        signatory(),
        signatory(),
        any::<u8>(),
    )
        .prop_map(
            |(
                provider,
                client,
                start,
                length,
                lines,
                provider_signatory,
                client_signatory,
                series,
            )| {
                let end = after(start, length);
                let mut draft = DraftAcceptanceAct::new(provider, client, start, end)
                    .with_provider_signatory(provider_signatory)
                    .with_client_signatory(client_signatory);
                for line in lines {
                    draft = draft.with_line(line);
                }
                draft
                    .issue(&mut series_for("acts", series, end), end)
                    .expect("a complete act")
            },
        )
}

/// Service records with ids from a small pool (so that ids repeat), clients K-1…K-3.
pub fn service_record() -> impl Strategy<Value = ServiceRecord> {
    (
        0u8..12,
        1u8..=3,
        quantity(),
        unit_price(),
        0u8..9,
        business_date(),
    )
        .prop_map(|(id, client, quantity, price, vat, date)| {
            ServiceRecord::try_new(
                &format!("S-{id}"),
                &format!("K-{client}"),
                "Konsultācija",
                quantity,
                UnitCode::HOUR,
                price,
                vat_of(vat, BuyerKind::VatPayer),
                date,
            )
            .expect("a valid record")
        })
}

/// One operation on a services ledger.
#[derive(Debug, Clone)]
enum LedgerOperation {
    /// Record a service (refused for an id recorded before).
    Record(ServiceRecord),
    /// Bill a client's unbilled records and mark them billed by the next invoice number.
    Bill(u8),
    /// Mark records billed again, or unknown ones (refused).
    Remark(Vec<u8>),
}

fn ledger_operation() -> impl Strategy<Value = LedgerOperation> {
    prop_oneof![
        4 => service_record().prop_map(LedgerOperation::Record),
        2 => (1u8..=3).prop_map(LedgerOperation::Bill),
        1 => prop::collection::vec(0u8..14, 1..=3).prop_map(LedgerOperation::Remark),
    ]
}

/// Service ledgers after random sequences of recording, billing and repeated billing.
pub fn service_ledger() -> impl Strategy<Value = ServiceLedger> {
    (seller(), prop::collection::vec(ledger_operation(), 0..=20)).prop_map(
        |(seller, operations)| {
            let mut ledger = ServiceLedger::new();
            let mut invoices = NumberSeries::try_new(
                "inv",
                "INV-{seq}".parse().expect("a pattern"),
                YearReset::Never,
            )
            .expect("a valid series");
            let day = NaiveDate::from_ymd_opt(2026, 3, 4).expect("a date");
            for operation in operations {
                match operation {
                    LedgerOperation::Record(record) => {
                        let _refused_when_repeated = ledger.record(record);
                    }
                    LedgerOperation::Bill(client) => {
                        let client = format!("K-{client}");
                        if let Ok(billing) =
                            ledger.bill_client(&client, seller.clone(), seller.clone())
                        {
                            let number = invoices.issue(day).expect("a number");
                            ledger
                                .mark_billed(billing.record_ids(), &number)
                                .expect("unbilled records");
                        }
                    }
                    LedgerOperation::Remark(ids) => {
                        let ids: Vec<String> = ids.iter().map(|id| format!("S-{id}")).collect();
                        let number = invoices.issue(day).expect("a number");
                        let before = ledger.clone();
                        if ledger.mark_billed(&ids, &number).is_err() {
                            assert_eq!(ledger, before, "a refused marking changes nothing");
                        }
                    }
                }
            }
            ledger
        },
    )
}

/// The billings of clients with unbilled services.
pub fn service_billing() -> impl Strategy<Value = ServiceBilling> {
    (service_ledger(), seller(), buyer(), 1u8..=3).prop_filter_map(
        "the client has nothing to bill",
        |(ledger, seller, buyer, client)| {
            ledger
                .bill_client(&format!("K-{client}"), seller, buyer)
                .ok()
        },
    )
}

/// Reports of every check: requisites of drafts (issuable or not), every field of a broken
/// JSON draft (codes of core's parsers among them), batch completeness, cash orders.
pub fn validation_report() -> impl Strategy<Value = ValidationReport> {
    prop_oneof![
        (draft_invoice(), business_date())
            .prop_map(|(draft, date)| draft.validate(date, &IssueOptions::default())),
        broken_draft_input(),
        accounting_batch().prop_map(|batch| batch.check(None)),
        draft_cash_order().prop_map(|draft| draft.validate()),
        draft_waybill()
            .prop_map(|draft| draft.validate(NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date"))),
    ]
}

/// The findings of a JSON draft with broken fields.
fn broken_draft_input() -> impl Strategy<Value = ValidationReport> {
    (
        prop::sample::select(vec!["invoice", "bill"]),
        prop::sample::select(vec!["EUR", "XXX"]),
        prop::sample::select(vec!["40003521600", "40003521601", "4000352160"]),
        prop::sample::select(vec!["LV44HABA0551000000001", "LV00HABA0551000000001", ""]),
        prop::sample::select(vec!["2", "0", "x", "1,5"]),
        prop::sample::select(vec!["H87", "kg"]),
        prop::sample::select(vec!["89,90", "1e3", "-1"]),
        prop::sample::select(vec![("S", "21"), ("S", "0"), ("Q", "21"), ("E", "5x")]),
        prop::sample::select(vec!["LV-1010", "1010", ""]),
    )
        .prop_map(
            |(
                kind,
                currency,
                registration,
                iban,
                quantity,
                unit,
                price,
                (category, rate),
                postal,
            )| {
                let address = |postal: &str| AddressInput {
                    lines: vec!["Brīvības iela 1".to_owned()],
                    city: "Rīga".to_owned(),
                    postal_code: Some(postal.to_owned()),
                    region: None,
                    country: "LV".to_owned(),
                };
                let input = InvoiceDraftInput {
                    kind: kind.to_owned(),
                    currency: Some(currency.to_owned()),
                    exchange_rate: None,
                    payable_rounding: None,
                    seller: PartyInput {
                        kind: "organisation".to_owned(),
                        name: "SIA Apkalpe".to_owned(),
                        registration_number: Some(registration.to_owned()),
                        iban: Some(iban.to_owned()),
                        address: address(postal),
                        ..PartyInput::default()
                    },
                    buyer: PartyInput {
                        kind: "person".to_owned(),
                        name: "Anna".to_owned(),
                        address: address("LV-1010"),
                        ..PartyInput::default()
                    },
                    supply_date: None,
                    due_date: None,
                    payment_terms: None,
                    payment_means: None,
                    payment_reference: None,
                    buyer_reference: None,
                    order_reference: None,
                    note: None,
                    lines: vec![LineInput {
                        item: "Tēja".to_owned(),
                        seller_item_id: None,
                        quantity: quantity.to_owned(),
                        unit: unit.to_owned(),
                        unit_price: price.to_owned(),
                        vat_category: category.to_owned(),
                        vat_rate: rate.to_owned(),
                        adjustments: Vec::new(),
                    }],
                    adjustments: Vec::new(),
                    exemptions: Vec::new(),
                    prepaid: None,
                };
                let mut report = ValidationReport::default();
                if let Err(error) = DraftInvoice::try_from(input) {
                    for finding in error.findings() {
                        report.push(finding.clone());
                    }
                }
                report
            },
        )
}

/// Findings of every check.
pub fn finding() -> impl Strategy<Value = Finding> {
    validation_report().prop_filter_map("no findings", |report| report.findings().first().cloned())
}

/// The retention rules of the document kinds.
pub fn retention_rule() -> impl Strategy<Value = RetentionRule> {
    prop::sample::select(retention_rules())
}
