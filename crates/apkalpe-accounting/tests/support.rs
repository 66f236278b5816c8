//! Shared fixtures: parties, rates, series and the scenario documents of the UBL tests.

use apkalpe_accounting::{
    Adjustment, AdjustmentKind, CreditedLine, DocumentAdjustment, DraftCreditNote, DraftInvoice,
    InvoiceKind, InvoiceLine, IssuedCreditNote, IssuedInvoice, LineVat, Quantity, UnitCode,
    VatExemption,
};
use apkalpe_core::{
    Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatCategory, VatRate,
    YearReset,
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
