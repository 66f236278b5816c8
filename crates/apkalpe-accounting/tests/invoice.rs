//! Invoices and credit notes: lifecycle, requisites, rendering, the JSON draft.

use apkalpe_accounting::{
    CreditedLine, DocumentKind, DraftCreditNote, DraftInvoice, InvoiceDraftInput, InvoiceKind,
    IssueOptions, render_credit_note, render_invoice, retention_rules,
};
use apkalpe_core::{
    Address, CountryCode, Currency, Language, Party, PartyName, VatCategory, VatRateTable,
};
use rust_decimal_macros::dec;

use crate::support::{self, day, line, quantity, vat, zero};

#[test]
fn number_is_taken_only_by_a_valid_issue() {
    let mut series = support::invoices();
    let bad = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    );
    let error = bad.issue(&mut series, day(3, 2)).unwrap_err();
    assert_eq!(error.code(), "document.invalid");
    assert!(
        series.last_issued().is_none(),
        "an invalid draft took a number"
    );
    let good = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_line(line(
        "Tēja",
        dec!(1),
        apkalpe_accounting::UnitCode::PIECE,
        dec!(3.20),
        vat(dec!(21)),
    ))
    .with_due_date(day(3, 9));
    assert_eq!(
        good.issue(&mut series, day(3, 2))
            .unwrap()
            .number()
            .as_str(),
        "INV2026-00001"
    );
}

#[test]
fn validation_reports_every_requisite_at_once() {
    let riga =
        Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap();
    let anonymous = Party::organisation(PartyName::try_new("SIA Bez Datiem").unwrap(), riga);
    let draft = DraftInvoice::new(
        InvoiceKind::Invoice,
        anonymous.clone(),
        anonymous,
        Currency::EUR,
    )
    .with_line(line(
        "Būvdarbi",
        dec!(1),
        apkalpe_accounting::UnitCode::ONE,
        dec!(100),
        zero(VatCategory::ReverseCharge),
    ))
    .with_line(line(
        "Kursi",
        dec!(1),
        apkalpe_accounting::UnitCode::ONE,
        dec!(50),
        zero(VatCategory::Exempt),
    ))
    .with_line(
        line(
            "Paraugs",
            dec!(1),
            apkalpe_accounting::UnitCode::ONE,
            dec!(5),
            vat(dec!(22)),
        )
        .with_adjustment(support::adjustment(
            apkalpe_accounting::AdjustmentKind::Allowance,
            dec!(6),
            "Dāvana",
        )),
    )
    .with_due_date(day(2, 1));
    let options = IssueOptions::default().with_rate_table(VatRateTable::latvia());
    let report = draft.validate(day(3, 2), &options);
    assert_eq!(
        report.codes(),
        [
            "requisite.seller_registration_number",
            "requisite.seller_vat_number",
            "requisite.seller_iban",
            "requisite.buyer_identification",
            "requisite.buyer_vat_number",
            "requisite.exemption_reason",
            "line.negative_net",
            "vat.rate_not_in_table",
            "totals.negative_taxable",
            "requisite.due_date_before_issue",
        ]
    );
    insta::assert_json_snapshot!("validation__missing_requisites", report);
}

#[test]
fn simplified_invoice_is_capped() {
    let draft = DraftInvoice::new(
        InvoiceKind::Simplified,
        support::seller(),
        support::person(),
        Currency::EUR,
    )
    .with_line(line(
        "Vakariņas",
        dec!(1),
        apkalpe_accounting::UnitCode::ONE,
        dec!(90),
        vat(dec!(21)),
    ))
    .with_due_date(day(3, 2));
    assert_eq!(
        draft.validate(day(3, 2), &IssueOptions::default()).codes(),
        ["requisite.simplified_over_limit"]
    );
    let raised = IssueOptions::default().with_simplified_limit(support::eur(dec!(150)));
    assert!(draft.validate(day(3, 2), &raised).is_empty());
}

#[test]
fn readable_invoice() {
    let invoice = support::several_rates();
    let text = render_invoice(&invoice).unwrap();
    assert!(text.contains("Summa apmaksai:"));
    // 179.80 + 14.88 + 43.50 = 238.18; VAT 37.76 + 1.79 + 2.18 = 41.73
    assert_eq!(invoice.totals().amount_due().to_string(), "279.91 EUR");
    insta::assert_snapshot!("render__invoice_several_rates", text);
}

#[test]
fn readable_prepaid_invoice_and_credit_note() {
    let (_, final_invoice) = support::prepayment();
    assert_eq!(final_invoice.totals().prepaid().to_string(), "605.00 EUR");
    insta::assert_snapshot!(
        "render__invoice_prepaid",
        render_invoice(&final_invoice).unwrap()
    );
    let (_, credit) = support::returned_item();
    assert_eq!(credit.totals().tax_inclusive().to_string(), "108.78 EUR");
    insta::assert_snapshot!(
        "render__credit_note_returned_item",
        render_credit_note(&credit).unwrap()
    );
}

#[test]
fn amount_due_in_words() {
    let invoice = support::several_rates();
    assert_eq!(
        invoice.amount_due_in_words(Language::Latvian).unwrap(),
        "divi simti septiņdesmit deviņi euro un 91 cents"
    );
}

#[test]
fn credit_notes_never_exceed_their_invoice() {
    let invoice = support::several_rates();
    let mut series = support::credit_notes();
    let first = DraftCreditNote::for_lines(
        &invoice,
        "Viens krēsls",
        &[CreditedLine::new(1, quantity(dec!(1)))],
    )
    .unwrap()
    .issue(&mut series, day(3, 5), &[])
    .unwrap();
    // A cancellation after a partial credit would credit line 1 three times.
    let error = DraftCreditNote::cancellation(&invoice, "Anulēts")
        .unwrap()
        .issue(&mut series, day(3, 6), std::slice::from_ref(&first))
        .unwrap_err();
    assert_eq!(error.code(), "credit_note.line_exceeded");
    let rest = DraftCreditNote::for_lines(
        &invoice,
        "Pārējais",
        &[
            CreditedLine::new(1, quantity(dec!(1))),
            CreditedLine::new(2, quantity(dec!(12.5))),
            CreditedLine::new(3, quantity(dec!(3))),
        ],
    )
    .unwrap()
    .issue(&mut series, day(3, 6), std::slice::from_ref(&first))
    .unwrap();
    let credited = first
        .totals()
        .tax_inclusive()
        .checked_add(rest.totals().tax_inclusive())
        .unwrap();
    // Rounding per document can make two partial credits a cent apart from the whole.
    assert!(credited.amount() <= invoice.totals().tax_inclusive().amount());
    assert_eq!(
        DraftCreditNote::for_lines(&invoice, "x", &[CreditedLine::new(4, quantity(dec!(1)))])
            .unwrap_err()
            .code(),
        "credit_note.no_such_line"
    );
    let mut other_series = apkalpe_core::NumberSeries::try_new(
        "other",
        "X{year}-{seq}".parse().unwrap(),
        apkalpe_core::YearReset::EachYear,
    )
    .unwrap();
    let other = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_line(line(
        "Tēja",
        dec!(1),
        apkalpe_accounting::UnitCode::PIECE,
        dec!(3.20),
        vat(dec!(21)),
    ))
    .with_due_date(day(3, 9))
    .issue(&mut other_series, day(3, 2))
    .unwrap();
    let foreign = DraftCreditNote::cancellation(&other, "x")
        .unwrap()
        .issue(&mut series, day(3, 7), &[first])
        .unwrap_err();
    assert_eq!(foreign.code(), "credit_note.foreign_credit_note");
}

#[test]
fn crediting_each_unit_separately_rounds_vat_cumulatively() {
    let (invoice, first, second) = support::last_unit();
    // 2 × 166.03 = 332.06; 332.06 × 21 % = 69.7326 → 69.73
    assert_eq!(invoice.totals().vat_total().amount(), dec!(69.73));
    assert_eq!(invoice.totals().tax_inclusive().amount(), dec!(401.79));
    // 166.03 × 21 % = 34.8663 → 34.87
    assert_eq!(first.totals().vat_total().amount(), dec!(34.87));
    assert_eq!(first.totals().tax_inclusive().amount(), dec!(200.90));
    // round(332.06 × 21 %) − 34.87 = 69.73 − 34.87 = 34.86
    let rows = second.totals().vat_breakdown();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].taxable_amount().amount(), dec!(166.03));
    assert_eq!(rows[0].vat_amount().amount(), dec!(34.86));
    assert_eq!(second.totals().vat_total().amount(), dec!(34.86));
    assert_eq!(second.totals().tax_inclusive().amount(), dec!(200.89));
    assert_eq!(second.totals().amount_due().amount(), dec!(200.89));
    let vat = first
        .totals()
        .vat_total()
        .checked_add(second.totals().vat_total())
        .unwrap();
    assert_eq!(vat, invoice.totals().vat_total());
    let gross = first
        .totals()
        .tax_inclusive()
        .checked_add(second.totals().tax_inclusive())
        .unwrap();
    assert_eq!(gross, invoice.totals().tax_inclusive());
}

#[test]
fn draft_json_fixture_issues() {
    let json = include_str!("fixtures/draft-invoice.json");
    let input: InvoiceDraftInput = serde_json::from_str(json).unwrap();
    let draft = DraftInvoice::try_from(input).unwrap();
    let invoice = draft.issue(&mut support::invoices(), day(3, 2)).unwrap();
    // (179.80 − 10.00 + 9.90) × 21 % = 37.737 → 37.74; 14.88 × 12 % = 1.7856 → 1.79; 43.50 × 5 % = 2.175 → 2.18
    assert_eq!(invoice.totals().vat_total().to_string(), "41.71 EUR");
    assert_eq!(invoice.totals().amount_due().to_string(), "279.79 EUR");
    insta::assert_snapshot!(
        "render__invoice_from_draft_json",
        render_invoice(&invoice).unwrap()
    );
}

#[test]
fn draft_json_reports_every_field() {
    let json = r#"{
      "kind": "invoice", "currency": "EURO",
      "seller": {"kind": "organisation", "name": "SIA Apkalpe", "registration_number": "40003521601",
                 "address": {"lines": ["Brīvības iela 1"], "city": "Rīga", "postal_code": "1010", "country": "LV"}},
      "buyer": {"kind": "company", "name": "SIA Klients", "address": {"lines": ["x"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
      "payment_means": "barter", "payment_reference": "RF00 1234",
      "lines": [{"item": " ", "quantity": "1e3", "unit": "H87", "unit_price": "1,2,3", "vat_category": "X", "vat_rate": "21",
                 "adjustments": [{"kind": "discount", "amount": "-1", "reason": "?"}]}],
      "adjustments": [{"kind": "charge", "amount": "0,001", "reason": "Piegāde", "vat_category": "S", "vat_rate": "0"}],
      "prepaid": "abc"
    }"#;
    let input: InvoiceDraftInput = serde_json::from_str(json).unwrap();
    let error = DraftInvoice::try_from(input).unwrap_err();
    insta::assert_json_snapshot!("validation__draft_json_fields", error.findings());
}

#[test]
fn retention_rules_are_data() {
    let rules = retention_rules();
    let cash_book = rules
        .iter()
        .find(|rule| rule.kind() == DocumentKind::CashBook)
        .unwrap();
    assert_eq!(cash_book.minimum_years(), 10);
    assert!(!cash_book.is_kept_while_traceable());
    insta::assert_json_snapshot!("retention__rules", rules);
}
