//! Shared fixtures: parties, rates, series and the scenario documents of the UBL tests.

use apkalpe_accounting::{
    Adjustment, AdjustmentKind, CreditedLine, DocumentAdjustment, DraftCreditNote, DraftInvoice,
    ExchangeRate, InvoiceKind, InvoiceLine, IssuedCreditNote, IssuedInvoice, LineVat, Quantity,
    RoundingPolicy, UnitCode, VatExemption,
};
use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{
    Address, AddressInput, CountryCode, Currency, IdentifierScheme, Money, NumberSeries, Party,
    PartyIdentifier, PartyName, VatCategory, VatRate, YearReset,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

pub fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

pub fn quantity(value: Decimal) -> Quantity {
    Quantity::try_new(value).unwrap()
}

pub fn vat(percent: Decimal) -> LineVat {
    LineVat::standard(VatRate::try_new(percent).unwrap()).unwrap()
}

pub fn zero(category: VatCategory) -> LineVat {
    LineVat::zero(category).unwrap()
}

pub fn riga(street: &str) -> Address {
    Address::try_new(street, "Rīga", Some("LV-1010"), CountryCode::LV).unwrap()
}

/// The seller: SIA Apkalpe, VAT payer with an IBAN, e-mail and phone.
pub fn seller() -> Party {
    Party::organisation(
        PartyName::try_new("SIA Apkalpe").unwrap(),
        riga("Brīvības iela 1"),
    )
    .try_with_registration_number("40003521600".parse().unwrap())
    .unwrap()
    .try_with_vat_number("LV40003521600".parse().unwrap())
    .unwrap()
    .with_iban("LV44HABA0551000000001".parse().unwrap())
    .with_email("rekini@apkalpe.example".parse().unwrap())
    .with_phone("+371 6700 0000".parse().unwrap())
}

/// A Latvian company buyer with a VAT number.
pub fn company() -> Party {
    let address = Address::try_from(apkalpe_core::AddressInput {
        lines: vec!["Krišjāņa Valdemāra iela 21".into(), "3. stāvs".into()],
        city: "Rīga".into(),
        postal_code: Some("LV-1010".into()),
        region: None,
        country: "LV".into(),
    })
    .unwrap();
    Party::organisation(
        PartyName::try_new("SIA Klients & Partneri").unwrap(),
        address,
    )
    .try_with_registration_number("40103471306".parse().unwrap())
    .unwrap()
    .try_with_vat_number("LV40103471306".parse().unwrap())
    .unwrap()
}

/// A Latvian company without a VAT number (public body style buyer).
pub fn public_buyer() -> Party {
    Party::organisation(
        PartyName::try_new("Rīgas valstspilsētas pašvaldība").unwrap(),
        riga("Rātslaukums 1"),
    )
    .try_with_registration_number("90011524360".parse().unwrap())
    .unwrap()
}

/// An Estonian company buyer.
pub fn estonian() -> Party {
    let address =
        Address::try_new("Narva mnt 7", "Tallinn", Some("10117"), CountryCode::EE).unwrap();
    Party::organisation(PartyName::try_new("OÜ Põhjanael").unwrap(), address)
        .try_with_vat_number("EE100247019".parse().unwrap())
        .unwrap()
        .with_email("arved@pohjanael.example".parse().unwrap())
}

/// A private person buyer with an e-mail address.
pub fn person() -> Party {
    Party::person(
        PartyName::try_new("Anna Bērziņa").unwrap(),
        riga("Rīgas iela 5-12"),
    )
    .with_email("anna@example.lv".parse().unwrap())
}

pub fn invoices() -> NumberSeries {
    NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:5}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap()
}

pub fn credit_notes() -> NumberSeries {
    NumberSeries::try_new(
        "credit_notes",
        "KR{year}-{seq:4}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap()
}

pub fn line(item: &str, qty: Decimal, unit: UnitCode, price: Decimal, vat: LineVat) -> InvoiceLine {
    InvoiceLine::try_new(item, quantity(qty), unit, eur(price), vat).unwrap()
}

pub fn adjustment(kind: AdjustmentKind, amount: Decimal, reason: &str) -> Adjustment {
    Adjustment::try_new(kind, eur(amount), reason).unwrap()
}

/// An invoice with 21 %, 12 % and 5 % lines.
pub fn several_rates() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(
            line(
                "Biroja krēsls",
                dec!(2),
                UnitCode::PIECE,
                dec!(89.90),
                vat(dec!(21)),
            )
            .try_with_seller_item_id("KR-100")
            .unwrap(),
        )
        .with_line(line(
            "Svaigi āboli",
            dec!(12.5),
            UnitCode::KILOGRAM,
            dec!(1.19),
            vat(dec!(12)),
        ))
        .with_line(line(
            "Grāmata \"Latvijas vēsture\"",
            dec!(3),
            UnitCode::PIECE,
            dec!(14.50),
            vat(dec!(5)),
        ))
        .with_supply_date(day(2, 27))
        .with_due_date(day(3, 16))
        .try_with_buyer_reference("Līgums 2026/7")
        .unwrap()
        .try_with_note("Paldies par sadarbību!")
        .unwrap()
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// Line and document allowances and charges.
pub fn allowances_charges() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(
            line(
                "Klēpjdators",
                dec!(3),
                UnitCode::PIECE,
                dec!(749.00),
                vat(dec!(21)),
            )
            .with_adjustment(adjustment(
                AdjustmentKind::Allowance,
                dec!(45.00),
                "Apjoma atlaide",
            )),
        )
        .with_line(
            line(
                "Uzstādīšana",
                dec!(2.5),
                UnitCode::HOUR,
                dec!(38.00),
                vat(dec!(21)),
            )
            .with_adjustment(adjustment(
                AdjustmentKind::Charge,
                dec!(10.00),
                "Steidzamības piemaksa",
            )),
        )
        .with_adjustment(DocumentAdjustment::new(
            adjustment(
                AdjustmentKind::Allowance,
                dec!(50.00),
                "Pastāvīgā klienta atlaide",
            ),
            vat(dec!(21)),
        ))
        .with_adjustment(DocumentAdjustment::new(
            adjustment(AdjustmentKind::Charge, dec!(9.90), "Piegāde"),
            vat(dec!(21)),
        ))
        .with_due_date(day(3, 16))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// An advance invoice and the final invoice that deducts it.
pub fn prepayment() -> (IssuedInvoice, IssuedInvoice) {
    let mut series = invoices();
    let advance = DraftInvoice::new(
        InvoiceKind::Advance,
        seller(),
        public_buyer(),
        Currency::EUR,
    )
    .with_line(line(
        "Avanss par mēbelēm",
        dec!(1),
        UnitCode::ONE,
        dec!(500.00),
        vat(dec!(21)),
    ))
    .with_due_date(day(2, 10))
    .with_payment_reference("RF18539007547034".parse().unwrap())
    .issue(&mut series, day(2, 3))
    .unwrap();
    let final_invoice = DraftInvoice::new(
        InvoiceKind::Invoice,
        seller(),
        public_buyer(),
        Currency::EUR,
    )
    .with_line(line(
        "Rakstāmgalds",
        dec!(4),
        UnitCode::PIECE,
        dec!(310.00),
        vat(dec!(21)),
    ))
    .with_line(line(
        "Grāmatplaukts",
        dec!(2),
        UnitCode::PIECE,
        dec!(120.00),
        vat(dec!(21)),
    ))
    .try_with_advance(&advance)
    .unwrap()
    .try_with_order_reference("PAS-2026-114")
    .unwrap()
    .with_supply_date(day(3, 1))
    .with_due_date(day(3, 20))
    .issue(&mut series, day(3, 2))
    .unwrap();
    (advance, final_invoice)
}

/// The invoice and a credit note for one returned item.
pub fn returned_item() -> (IssuedInvoice, IssuedCreditNote) {
    let invoice = several_rates();
    let credit = DraftCreditNote::for_lines(
        &invoice,
        "Atgriezts viens biroja krēsls (bojāts)",
        &[CreditedLine::new(1, quantity(dec!(1)))],
    )
    .unwrap()
    .issue(&mut credit_notes(), day(3, 9), &[])
    .unwrap();
    (invoice, credit)
}

/// A cancellation of the allowances invoice (full credit with document adjustments).
pub fn cancellation() -> (IssuedInvoice, IssuedCreditNote) {
    let invoice = allowances_charges();
    let credit = DraftCreditNote::cancellation(&invoice, "Rēķins anulēts: dubults")
        .unwrap()
        .issue(&mut credit_notes(), day(3, 3), &[])
        .unwrap();
    (invoice, credit)
}

/// 2 × 166.03 EUR at 21 % credited one unit per credit note: the second note's VAT is rounded
/// cumulatively (69.73 − 34.87 = 34.86).
pub fn last_unit() -> (IssuedInvoice, IssuedCreditNote, IssuedCreditNote) {
    let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(line(
            "Putekļsūcējs",
            dec!(2),
            UnitCode::PIECE,
            dec!(166.03),
            vat(dec!(21)),
        ))
        .with_due_date(day(3, 16))
        .issue(&mut invoices(), day(3, 2))
        .unwrap();
    let mut series = credit_notes();
    let one = [CreditedLine::new(1, quantity(dec!(1)))];
    let first = DraftCreditNote::for_lines(&invoice, "Atgriezts viens putekļsūcējs", &one)
        .unwrap()
        .issue(&mut series, day(3, 9), &[])
        .unwrap();
    let second = DraftCreditNote::for_lines(&invoice, "Atgriezts otrs putekļsūcējs", &one)
        .unwrap()
        .issue(&mut series, day(3, 10), std::slice::from_ref(&first))
        .unwrap();
    (invoice, first, second)
}

/// Reverse charge (construction services between VAT payers).
pub fn reverse_charge() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(line(
            "Būvdarbi: jumta remonts",
            dec!(1),
            UnitCode::ONE,
            dec!(4200.00),
            zero(VatCategory::ReverseCharge),
        ))
        .with_due_date(day(4, 1))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// Intra-EU supply of goods at 0 %.
pub fn intra_eu() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), estonian(), Currency::EUR)
        .with_line(line(
            "Koka palete",
            dec!(40),
            UnitCode::PIECE,
            dec!(12.35),
            zero(VatCategory::IntraCommunitySupply),
        ))
        .with_due_date(day(4, 1))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// An exempt service with the exempting article.
pub fn exempt() -> IssuedInvoice {
    DraftInvoice::new(
        InvoiceKind::Invoice,
        seller(),
        public_buyer(),
        Currency::EUR,
    )
    .with_line(line(
        "Valodas kursi",
        dec!(8),
        UnitCode::HOUR,
        dec!(25.00),
        zero(VatCategory::Exempt),
    ))
    .with_line(line(
        "Mācību grāmata",
        dec!(1),
        UnitCode::PIECE,
        dec!(18.40),
        vat(dec!(5)),
    ))
    .with_exemption(
        VatExemption::try_new(
            VatCategory::Exempt,
            Some("VATEX-EU-132-1I"),
            "PVN likuma 52. panta pirmās daļas 10. punkts (izglītības pakalpojumi)",
        )
        .unwrap(),
    )
    .with_due_date(day(3, 16))
    .issue(&mut invoices(), day(3, 2))
    .unwrap()
}

/// Amounts that round at half a cent: lines 0.125 → 0.13, VAT 0.525 → 0.53.
pub fn half_cent() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(line(
            "Skrūve M4",
            dec!(1),
            UnitCode::PIECE,
            dec!(0.125),
            vat(dec!(21)),
        ))
        .with_line(line(
            "Uzgrieznis M4",
            dec!(3),
            UnitCode::PIECE,
            dec!(0.0425),
            vat(dec!(21)),
        ))
        .with_line(line(
            "Paplāksne",
            dec!(19),
            UnitCode::PIECE,
            dec!(0.1250),
            vat(dec!(21)),
        ))
        .with_due_date(day(3, 16))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// A 1 000-line invoice at three rates with prices that do not divide evenly.
pub fn thousand_lines() -> IssuedInvoice {
    let rates = [dec!(21), dec!(12), dec!(5)];
    let mut draft = DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_due_date(day(3, 31));
    for index in 0..1000u32 {
        let price = Decimal::new(i64::from(index % 97) * 37 + 105, 3);
        let qty = Decimal::new(i64::from(index % 7) + 1, u32::from(index % 3 == 0));
        let rate = rates[usize::try_from(index).unwrap() % 3];
        draft.push_line(line(
            &format!("Prece nr. {}", index + 1),
            qty,
            UnitCode::PIECE,
            price,
            vat(rate),
        ));
    }
    draft.issue(&mut invoices(), day(3, 2)).unwrap()
}

pub fn usd(amount: Decimal) -> Money {
    Money::new(amount, Currency::USD)
}

/// A US company: identified by its employer identification number (EAS 9959, its electronic
/// address too) and its Delaware file number (no scheme); no VAT number.
pub fn us_company() -> Party {
    let address = Address::try_from(AddressInput {
        lines: vec!["1200 Market Street".into(), "Suite 400".into()],
        city: "Wilmington".into(),
        postal_code: Some("19801".into()),
        region: Some("DE".into()),
        country: "US".into(),
    })
    .unwrap();
    Party::organisation(PartyName::try_new("Acme Tools Inc.").unwrap(), address)
        .try_with_identifier(
            PartyIdentifier::try_new(Some("9959".parse().unwrap()), "12-3456789").unwrap(),
        )
        .unwrap()
        .try_with_identifier(PartyIdentifier::try_new(None, "Delaware 7654321").unwrap())
        .unwrap()
        .with_email("ap@acme-tools.example".parse().unwrap())
        .with_phone("+1 302 555 0100".parse().unwrap())
}

/// A Norwegian company: a VAT number outside the EU and its organisation number under ICD
/// 0192 (its electronic address too).
pub fn norwegian() -> Party {
    let address = Address::try_new(
        "Karl Johans gate 22",
        "Oslo",
        Some("0159"),
        CountryCode::try_new("NO").unwrap(),
    )
    .unwrap();
    Party::organisation(PartyName::try_new("Fjord Handel AS").unwrap(), address)
        .try_with_identifier(
            PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "NO123456785MVA").unwrap(),
        )
        .unwrap()
        .try_with_identifier(
            PartyIdentifier::try_new(Some("0192".parse().unwrap()), "123456785").unwrap(),
        )
        .unwrap()
}

/// The ECB rate of the US dollar the day before the issue date.
pub fn dollar_rate() -> ExchangeRate {
    ExchangeRate::try_new(Currency::USD, dec!(1.0856), day(2, 27)).unwrap()
}

/// An invoice in US dollars to a Latvian company at 21 % and 12 %: VAT in euro too.
pub fn foreign_currency() -> IssuedInvoice {
    let usd_line = |item: &str, qty, unit, price, vat| {
        InvoiceLine::try_new(item, quantity(qty), unit, usd(price), vat).unwrap()
    };
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::USD)
        .with_line(usd_line(
            "Programmatūras licence (gada abonements, 25 lietotāji)",
            dec!(25),
            UnitCode::ONE,
            dec!(48.00),
            vat(dec!(21)),
        ))
        .with_line(usd_line(
            "Ieviešanas konsultācija",
            dec!(6.5),
            UnitCode::HOUR,
            dec!(95.00),
            vat(dec!(21)),
        ))
        .with_line(usd_line(
            "Mācību grāmata",
            dec!(3),
            UnitCode::PIECE,
            dec!(24.90),
            vat(dec!(12)),
        ))
        .with_exchange_rate(dollar_rate())
        .with_due_date(day(3, 30))
        .try_with_note("Maksājums ASV dolāros.")
        .unwrap()
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// The USD invoice's credit note for the returned book: converted at the invoice's rate.
pub fn foreign_currency_credit() -> (IssuedInvoice, IssuedCreditNote) {
    let invoice = foreign_currency();
    let credit = DraftCreditNote::for_lines(
        &invoice,
        "Atgriezta viena mācību grāmata",
        &[CreditedLine::new(3, quantity(dec!(1)))],
    )
    .unwrap()
    .issue(&mut credit_notes(), day(3, 9), &[])
    .unwrap();
    (invoice, credit)
}

/// An invoice with negative lines: a returned chair from an earlier invoice and a price
/// correction of apples delivered before, beside this delivery's lines.
pub fn negative_lines() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(line(
            "Biroja krēsls",
            dec!(3),
            UnitCode::PIECE,
            dec!(89.90),
            vat(dec!(21)),
        ))
        .with_line(
            line(
                "Atgriezts biroja krēsls (rēķins INV2026-00001, bojāts)",
                dec!(1),
                UnitCode::PIECE,
                dec!(89.90),
                vat(dec!(21)),
            )
            .negated(),
        )
        .with_line(
            line(
                "Cenas korekcija: svaigi āboli (rēķins INV2026-00001)",
                dec!(12.5),
                UnitCode::KILOGRAM,
                dec!(0.10),
                vat(dec!(12)),
            )
            .negated(),
        )
        .with_line(line(
            "Grāmata \"Latvijas vēsture\"",
            dec!(2),
            UnitCode::PIECE,
            dec!(14.50),
            vat(dec!(5)),
        ))
        .with_due_date(day(3, 16))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// Export outside the EU (category G) to a US company, in US dollars.
pub fn export_us() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), us_company(), Currency::USD)
        .with_line(
            InvoiceLine::try_new(
                "Koka palete EUR 1200×800, termiski apstrādāta (ISPM 15)",
                quantity(dec!(120)),
                UnitCode::PIECE,
                usd(dec!(13.40)),
                zero(VatCategory::Export),
            )
            .unwrap(),
        )
        .with_adjustment(DocumentAdjustment::new(
            Adjustment::try_new(AdjustmentKind::Charge, usd(dec!(85.00)), "Iepakojums").unwrap(),
            zero(VatCategory::Export),
        ))
        .with_exchange_rate(dollar_rate())
        .with_supply_date(day(2, 27))
        .with_due_date(day(4, 1))
        .try_with_order_reference("PO-88412")
        .unwrap()
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// Export outside the EU (category G) to a Norwegian company identified by its VAT number
/// and organisation number, in euro.
pub fn export_norway() -> IssuedInvoice {
    DraftInvoice::new(InvoiceKind::Invoice, seller(), norwegian(), Currency::EUR)
        .with_line(line(
            "Skujkoku zāģmateriāli 50×150 mm",
            dec!(12.5),
            UnitCode::try_new("MTQ").unwrap(),
            dec!(245.00),
            zero(VatCategory::Export),
        ))
        .with_line(line(
            "Transports līdz Oslo ostai",
            dec!(1),
            UnitCode::ONE,
            dec!(640.00),
            zero(VatCategory::Export),
        ))
        .with_supply_date(day(2, 26))
        .with_due_date(day(3, 31))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// The amount due rounded to whole euros (BT-114): 279.91 → 280.00, rounding 0.09.
pub fn rounded() -> IssuedInvoice {
    let whole_euros = Rounding::try_new(RoundingStrategy::HalfAwayFromZero, Decimal::ONE).unwrap();
    DraftInvoice::new(InvoiceKind::Invoice, seller(), company(), Currency::EUR)
        .with_line(line(
            "Biroja krēsls",
            dec!(2),
            UnitCode::PIECE,
            dec!(89.90),
            vat(dec!(21)),
        ))
        .with_line(line(
            "Svaigi āboli",
            dec!(12.5),
            UnitCode::KILOGRAM,
            dec!(1.19),
            vat(dec!(12)),
        ))
        .with_line(line(
            "Grāmata \"Latvijas vēsture\"",
            dec!(3),
            UnitCode::PIECE,
            dec!(14.50),
            vat(dec!(5)),
        ))
        .with_rounding_policy(
            RoundingPolicy::EN_16931
                .try_with_payable(whole_euros)
                .unwrap(),
        )
        .with_due_date(day(3, 16))
        .issue(&mut invoices(), day(3, 2))
        .unwrap()
}

/// The business keeping the cash desk: the seller.
pub fn business() -> apkalpe_accounting::CashBusiness {
    apkalpe_accounting::CashBusiness::try_from_party(&seller()).unwrap()
}
