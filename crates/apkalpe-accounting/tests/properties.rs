//! Properties: totals add up, VAT breakdown adds up, credit notes never exceed their invoice,
//! UBL write then read preserves every amount, the reader never panics.

use apkalpe_accounting::{
    CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, IssuedInvoice, LineVat,
    Quantity, UnitCode, read_received_invoice, read_ubl, write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_core::{Currency, Money, VatCategory, VatRate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support;

/// A VAT treatment: the Latvian rates and the zero categories.
fn line_vat() -> impl Strategy<Value = LineVat> {
    prop_oneof![
        Just(support::vat(Decimal::new(21, 0))),
        Just(support::vat(Decimal::new(12, 0))),
        Just(support::vat(Decimal::new(5, 0))),
        Just(LineVat::zero(VatCategory::ZeroRated).unwrap()),
        Just(
            LineVat::try_new(
                VatCategory::Standard,
                VatRate::try_new(Decimal::new(225, 1)).unwrap()
            )
            .unwrap()
        ),
    ]
}

/// A line with a price of up to 4 decimals (half-cent cases included) and a quantity of up to
/// 3 decimals.
fn invoice_line() -> impl Strategy<Value = InvoiceLine> {
    (
        1i64..=100_000,
        0u32..=3,
        0i64..=10_000_000,
        0u32..=4,
        line_vat(),
    )
        .prop_map(|(qty, qty_scale, price, price_scale, vat)| {
            InvoiceLine::try_new(
                "Prece",
                Quantity::try_new(Decimal::new(qty, qty_scale)).unwrap(),
                UnitCode::PIECE,
                Money::new(Decimal::new(price, price_scale), Currency::EUR),
                vat,
            )
            .unwrap()
        })
}

fn invoice(lines: Vec<InvoiceLine>) -> IssuedInvoice {
    let mut draft = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_due_date(support::day(3, 16));
    for line in lines {
        draft.push_line(line);
    }
    draft
        .issue(&mut support::invoices(), support::day(3, 2))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn line_nets_sum_to_the_taxable_total(lines in prop::collection::vec(invoice_line(), 1..40)) {
        let invoice = invoice(lines);
        let totals = invoice.totals();
        let sum = Money::try_sum(Currency::EUR, totals.line_nets().iter().copied()).unwrap();
        prop_assert_eq!(sum, totals.line_total());
        let taxable = Money::try_sum(Currency::EUR, totals.vat_breakdown().iter().map(|row| row.taxable_amount())).unwrap();
        prop_assert_eq!(taxable, totals.tax_exclusive());
        for net in totals.line_nets() {
            prop_assert!(net.is_in_minor_units());
        }
    }

    #[test]
    fn vat_breakdown_sums_to_the_vat_total(lines in prop::collection::vec(invoice_line(), 1..40)) {
        let invoice = invoice(lines);
        let totals = invoice.totals();
        let vat = Money::try_sum(Currency::EUR, totals.vat_breakdown().iter().map(|row| row.vat_amount())).unwrap();
        prop_assert_eq!(vat, totals.vat_total());
        prop_assert_eq!(totals.tax_exclusive().checked_add(totals.vat_total()).unwrap(), totals.tax_inclusive());
        for row in totals.vat_breakdown() {
            // Each row's VAT is its taxable amount × rate, within half a cent.
            let exact = row.taxable_amount().amount() * row.rate().as_fraction();
            prop_assert!((row.vat_amount().amount() - exact).abs() <= Decimal::new(5, 3));
        }
    }

    #[test]
    fn credit_notes_never_exceed_their_invoice(
        lines in prop::collection::vec(invoice_line(), 1..6),
        picks in prop::collection::vec((0usize..6, 1i64..=100_000, 0u32..=3), 1..12),
    ) {
        let invoice = invoice(lines);
        let mut series = support::credit_notes();
        let mut issued = Vec::new();
        for (line, qty, scale) in picks {
            let credited = [CreditedLine::new(line + 1, Quantity::try_new(Decimal::new(qty, scale)).unwrap())];
            let Ok(draft) = DraftCreditNote::for_lines(&invoice, "Atgriešana", &credited) else { continue };
            if let Ok(note) = draft.issue(&mut series, support::day(3, 9), &issued) {
                issued.push(note);
            }
        }
        let credited = Money::try_sum(Currency::EUR, issued.iter().map(|note| note.totals().tax_inclusive())).unwrap();
        prop_assert!(credited.amount() <= invoice.totals().tax_inclusive().amount());
        for (index, line) in invoice.content().lines().iter().enumerate() {
            let sum: Decimal = issued
                .iter()
                .flat_map(|note| note.credited_lines())
                .filter(|credited| credited.original_line() == index + 1)
                .map(|credited| credited.quantity().value())
                .sum();
            prop_assert!(sum <= line.quantity().value());
        }
    }

    #[test]
    fn crediting_every_unit_separately_credits_the_whole_invoice(
        lines in prop::collection::vec(
            (1i64..=100_000, 1u8..=5, prop::sample::select(vec![21i64, 12, 5])),
            1..=3,
        ),
    ) {
        let invoice = invoice(
            lines
                .iter()
                .map(|&(cents, qty, percent)| {
                    InvoiceLine::try_new(
                        "Prece",
                        Quantity::try_new(Decimal::from(qty)).unwrap(),
                        UnitCode::PIECE,
                        Money::new(Decimal::new(cents, 2), Currency::EUR),
                        support::vat(Decimal::from(percent)),
                    )
                    .unwrap()
                })
                .collect(),
        );
        let mut series = support::credit_notes();
        let mut issued = Vec::new();
        for (index, &(_, qty, _)) in lines.iter().enumerate() {
            for _ in 0..qty {
                let one = [CreditedLine::new(index + 1, Quantity::try_new(Decimal::ONE).unwrap())];
                let note = DraftCreditNote::for_lines(&invoice, "Atgriezta viena prece", &one)
                    .unwrap()
                    .issue(&mut series, support::day(3, 9), &issued);
                prop_assert!(note.is_ok(), "{:?}", note.err());
                issued.extend(note);
            }
        }
        let gross = Money::try_sum(Currency::EUR, issued.iter().map(|note| note.totals().tax_inclusive())).unwrap();
        prop_assert_eq!(gross, invoice.totals().tax_inclusive());
        let vat = Money::try_sum(Currency::EUR, issued.iter().map(|note| note.totals().vat_total())).unwrap();
        prop_assert_eq!(vat, invoice.totals().vat_total());
        for note in &issued {
            let totals = note.totals();
            let rows = Money::try_sum(Currency::EUR, totals.vat_breakdown().iter().map(|row| row.vat_amount())).unwrap();
            prop_assert_eq!(rows, totals.vat_total());
            prop_assert_eq!(totals.tax_exclusive().checked_add(totals.vat_total()).unwrap(), totals.tax_inclusive());
            let read = read_ubl(&write_ubl_credit_note(note).unwrap()).unwrap();
            prop_assert_eq!(read.totals(), totals);
        }
    }

    #[test]
    fn ubl_write_then_read_preserves_every_amount(lines in prop::collection::vec(invoice_line(), 1..30)) {
        let invoice = invoice(lines);
        let read = read_ubl(&write_ubl_invoice(&invoice).unwrap()).unwrap();
        prop_assert_eq!(read.totals(), invoice.totals());
        prop_assert_eq!(read.content(), invoice.content());
    }

    /// Every invoice a program can issue (negative lines, US dollars with their rate, a
    /// rounded amount due, buyers outside the EU…) that has electronic addresses is written
    /// as UBL that the reader of received invoices reads without a refusal, with the issued
    /// totals, the VAT in euro and the quantities with their signs; `read_ubl` gives back its
    /// totals where it was rounded the EN 16931 way.
    #[test]
    fn issued_invoices_read_back_as_received(invoice in apkalpe_testkit::strategy::accounting::issued_invoice()) {
        let Ok(xml) = write_ubl_invoice(&invoice) else {
            // A private person has no electronic address: no Peppol e-invoice.
            prop_assert!(invoice.content().buyer().kind() == apkalpe_core::PartyKind::Person);
            return Ok(());
        };
        let read = read_received_invoice(&xml);
        prop_assert!(read.is_ok(), "{:?}\n{}", read.err(), xml);
        let read = read.unwrap();
        let totals = invoice.totals();
        prop_assert_eq!(read.totals().amount_due().amount(), totals.amount_due().amount());
        prop_assert_eq!(read.totals().tax_inclusive().amount(), totals.tax_inclusive().amount());
        prop_assert_eq!(read.totals().vat_total().amount(), totals.vat_total().amount());
        prop_assert_eq!(
            read.totals().rounding().map(|rounding| rounding.amount()),
            invoice.content().rounding().payable().map(|_| totals.rounding().amount())
        );
        prop_assert_eq!(
            read.totals().vat_total_in_accounting_currency().map(|vat| vat.amount()),
            invoice.vat_total_in_euro().unwrap().map(|vat| vat.amount())
        );
        let quantities: Vec<Option<Decimal>> = read.lines().iter().map(|line| line.quantity()).collect();
        let issued: Vec<Option<Decimal>> = invoice
            .content()
            .lines()
            .iter()
            .map(|line| Some(line.signed_quantity()))
            .collect();
        prop_assert_eq!(quantities, issued);
        // `read_ubl` recomputes with the EN 16931 rounding; the policy is not in UBL.
        let policy = invoice.content().rounding();
        let en_16931 = apkalpe_accounting::RoundingPolicy::EN_16931;
        if policy.line_net() == en_16931.line_net() && policy.vat() == en_16931.vat() {
            let back = read_ubl(&xml).unwrap();
            prop_assert_eq!(back.totals(), totals);
        }
    }

    #[test]
    fn reader_never_panics_on_text(text in "\\PC{0,400}") {
        let _ = read_ubl(&text);
    }

    #[test]
    fn reader_never_panics_on_mangled_ubl(cut in 0usize..6000, insert in "[<>&/a-zA-Z0-9 \"=]{0,12}") {
        let xml = write_ubl_invoice(&support::allowances_charges()).unwrap();
        let mut position = cut.min(xml.len());
        while !xml.is_char_boundary(position) {
            position -= 1;
        }
        let mangled = format!("{}{}{}", &xml[..position], insert, &xml[position..]);
        let _ = read_ubl(&mangled);
    }
}
