//! Invoices and credit notes: lifecycle, requisites, rendering, the JSON draft.

use apkalpe_accounting::{
    CreditedLine, DocumentKind, DraftCreditNote, DraftInvoice, InvoiceDraftInput, InvoiceKind,
    IssueOptions, UnitCode, render_credit_note_in, render_invoice_in, retention_rules,
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
    let text = render_invoice_in(&invoice, Language::Latvian).unwrap();
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
        render_invoice_in(&final_invoice, Language::Latvian).unwrap()
    );
    let (_, credit) = support::returned_item();
    assert_eq!(credit.totals().tax_inclusive().to_string(), "108.78 EUR");
    insta::assert_snapshot!(
        "render__credit_note_returned_item",
        render_credit_note_in(&credit, Language::Latvian).unwrap()
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
        render_invoice_in(&invoice, Language::Latvian).unwrap()
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

#[test]
fn negative_lines_returns_and_corrections() {
    let invoice = support::negative_lines();
    assert!(invoice.content().lines()[1].is_negative());
    // An invoice may take a row below zero with a correction (12 % here), not below zero
    // in all: that is a credit note.
    let all_back = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_line(line(
        "Krēsls",
        dec!(1),
        UnitCode::PIECE,
        dec!(10),
        vat(dec!(21)),
    ))
    .with_line(
        line(
            "Atgriezts galds",
            dec!(1),
            UnitCode::PIECE,
            dec!(50),
            vat(dec!(21)),
        )
        .negated(),
    )
    .with_due_date(day(3, 16));
    assert_eq!(
        all_back
            .validate(day(3, 2), &IssueOptions::default())
            .codes(),
        ["totals.negative_total"]
    );
    // A charge above what a negative line takes back, and an allowance above a supply line.
    let charged = line(
        "Atgriezts galds",
        dec!(1),
        UnitCode::PIECE,
        dec!(5),
        vat(dec!(21)),
    )
    .negated()
    .with_adjustment(support::adjustment(
        apkalpe_accounting::AdjustmentKind::Charge,
        dec!(6),
        "Apstrāde",
    ));
    assert_eq!(
        charged
            .net_amount(&apkalpe_accounting::RoundingPolicy::EN_16931)
            .unwrap()
            .to_string(),
        "1.00 EUR"
    );
    let draft = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_line(line(
        "Krēsls",
        dec!(2),
        UnitCode::PIECE,
        dec!(10),
        vat(dec!(21)),
    ))
    .with_line(charged)
    .with_due_date(day(3, 16));
    assert_eq!(
        draft.validate(day(3, 2), &IssueOptions::default()).codes(),
        ["line.return_net_positive"]
    );
    // A cancellation credits every line, the negative one too: exactly the invoice.
    let cancellation = DraftCreditNote::cancellation(&invoice, "Anulēts")
        .unwrap()
        .issue(&mut support::credit_notes(), day(3, 5), &[])
        .unwrap();
    assert!(cancellation.content().lines()[1].is_negative());
    assert_eq!(cancellation.totals(), invoice.totals());
    // Saved and restored with the sign.
    let json = serde_json::to_value(&invoice).unwrap();
    assert_eq!(json["content"]["lines"][1]["quantity"], "-1");
    assert_eq!(
        serde_json::from_value::<apkalpe_accounting::IssuedInvoice>(json).unwrap(),
        invoice
    );
}

#[test]
fn foreign_currency_export_and_foreign_buyers_on_issue() {
    // A foreign buyer identified by any identifier is identified; without one it is not.
    assert!(
        support::export_us()
            .content()
            .buyer()
            .registration_number()
            .is_none()
    );
    let unidentified = Party::organisation(
        PartyName::try_new("Acme Tools Inc.").unwrap(),
        support::us_company().address().clone(),
    );
    let export = |buyer: Party| {
        DraftInvoice::new(
            InvoiceKind::Invoice,
            support::seller(),
            buyer,
            Currency::EUR,
        )
        .with_line(line(
            "Koka palete",
            dec!(10),
            UnitCode::PIECE,
            dec!(13.40),
            zero(VatCategory::Export),
        ))
        .with_due_date(day(3, 16))
    };
    assert_eq!(
        export(unidentified)
            .validate(day(3, 2), &IssueOptions::default())
            .codes(),
        ["requisite.buyer_identification"]
    );
    assert!(
        export(support::norwegian())
            .validate(day(3, 2), &IssueOptions::default())
            .is_empty()
    );
    // An export goes outside the EU.
    assert_eq!(
        export(support::estonian())
            .validate(day(3, 2), &IssueOptions::default())
            .codes(),
        ["vat.export_buyer_country"]
    );
    // A document in another currency needs the rate of its own currency.
    let dollars = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::USD,
    )
    .with_line(
        apkalpe_accounting::InvoiceLine::try_new(
            "Licence",
            quantity(dec!(1)),
            UnitCode::ONE,
            support::usd(dec!(100)),
            vat(dec!(21)),
        )
        .unwrap(),
    )
    .with_due_date(day(3, 16));
    assert_eq!(
        dollars
            .validate(day(3, 2), &IssueOptions::default())
            .codes(),
        ["requisite.vat_in_euro"]
    );
    let pound_rate =
        apkalpe_accounting::ExchangeRate::try_new(Currency::GBP, dec!(0.8612), day(2, 27)).unwrap();
    assert_eq!(
        dollars
            .clone()
            .with_exchange_rate(pound_rate)
            .validate(day(3, 2), &IssueOptions::default())
            .codes(),
        ["requisite.exchange_rate_currency"]
    );
    assert!(
        dollars
            .with_exchange_rate(support::dollar_rate())
            .validate(day(3, 2), &IssueOptions::default())
            .is_empty()
    );
    // The rounding of the amount due is to whole cents.
    let third_of_a_cent = apkalpe_core::rounding::Rounding::try_new(
        apkalpe_core::RoundingStrategy::HalfAwayFromZero,
        dec!(0.003),
    )
    .unwrap();
    assert_eq!(
        apkalpe_accounting::RoundingPolicy::EN_16931
            .try_with_payable(third_of_a_cent)
            .unwrap_err()
            .code(),
        "line.payable_rounding"
    );
    // The credit note of a foreign-currency invoice is converted at the invoice's rate.
    let (invoice, credit) = support::foreign_currency_credit();
    assert_eq!(
        credit.content().exchange_rate(),
        invoice.content().exchange_rate()
    );
    // 24.90 × 12 % = 2.988 → 2.99 USD ÷ 1.0856 = 2.754… → 2.75 EUR
    assert_eq!(
        credit.vat_total_in_euro().unwrap().unwrap().to_string(),
        "2.75 EUR"
    );
}

#[test]
fn readable_documents_a_latvian_accountant_accepts() {
    // An exempt line prints the exemption, not a rate; a delivery charge is "piemaksa".
    let exempt = render_invoice_in(&support::exempt(), Language::Latvian).unwrap();
    assert!(!exempt.contains("PVN E 0%"), "{exempt}");
    assert!(exempt.contains("Atbrīvots no PVN, summa 200,00 €:"));
    insta::assert_snapshot!("render__invoice_exempt", exempt);
    let charges = render_invoice_in(&support::allowances_charges(), Language::Latvian).unwrap();
    assert!(!charges.to_lowercase().contains("uzcenojums"), "{charges}");
    assert!(charges.contains("Piemaksa (Piegāde):"));
    assert!(charges.contains("piemaksa: 10,00 € (Steidzamības piemaksa)"));
    // Amounts the Latvian way, with thousands grouped.
    assert!(
        charges.contains("2 202,00 €") && charges.contains("2 742,95 €"),
        "{charges}"
    );
    // A credit note says what it credits.
    let (_, credit) = support::returned_item();
    let credit_text = render_credit_note_in(&credit, Language::Latvian).unwrap();
    assert!(!credit_text.contains("Summa apmaksai"));
    assert!(credit_text.contains("Kreditējamā summa:"));
    // Item names whole, wrapped in their column.
    let long_name =
        "Ergonomisks biroja krēsls ar regulējamu atzveltni, roku balstiem un galvas balstu";
    let long = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        Currency::EUR,
    )
    .with_line(line(
        long_name,
        dec!(1200),
        UnitCode::PIECE,
        dec!(1234.5),
        vat(dec!(21)),
    ))
    .with_due_date(day(3, 16))
    .issue(&mut support::invoices(), day(3, 2))
    .unwrap();
    let text = render_invoice_in(&long, Language::Latvian).unwrap();
    for word in long_name.split(' ') {
        assert!(text.contains(word), "{word} cut off:\n{text}");
    }
    assert!(
        text.contains("1 200") && text.contains("1 234,50"),
        "{text}"
    );
    insta::assert_snapshot!("render__invoice_long_names", text);
    // What Latvian law allows: another currency, returns, exports, a rounded amount due.
    for (name, text) in [
        (
            "foreign_currency",
            render_invoice_in(&support::foreign_currency(), Language::Latvian),
        ),
        (
            "negative_lines",
            render_invoice_in(&support::negative_lines(), Language::Latvian),
        ),
        (
            "export_us",
            render_invoice_in(&support::export_us(), Language::Latvian),
        ),
        (
            "export_norway",
            render_invoice_in(&support::export_norway(), Language::Latvian),
        ),
        (
            "rounded",
            render_invoice_in(&support::rounded(), Language::Latvian),
        ),
        (
            "credit_note_foreign_currency",
            render_credit_note_in(&support::foreign_currency_credit().1, Language::Latvian),
        ),
    ] {
        insta::assert_snapshot!(format!("render__{name}"), text.unwrap());
    }
    let foreign = render_invoice_in(&support::foreign_currency(), Language::Latvian).unwrap();
    assert!(foreign.contains("Valūtas kurss: 1 EUR = 1,0856 USD (2026-02-27)"));
    assert!(foreign.contains("PVN kopā euro:"));
    assert!(foreign.contains("359,84 €"));
}

#[test]
fn draft_json_carries_what_latvian_law_allows() {
    let json = r#"{
      "kind": "invoice", "currency": "USD",
      "exchange_rate": {"per_euro": "1,0856", "date": "2026-02-27"},
      "payable_rounding": {"strategy": "half_away_from_zero", "increment": "1.00"},
      "seller": {"kind": "organisation", "name": "SIA Apkalpe", "registration_number": "40003521600",
                 "vat_number": "LV40003521600", "iban": "LV44HABA0551000000001",
                 "address": {"lines": ["Brīvības iela 1"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
      "buyer": {"kind": "organisation", "name": "Acme Tools Inc.",
                "identifiers": [{"scheme": "9959", "value": "12-3456789"}],
                "address": {"lines": ["1200 Market Street"], "city": "Wilmington", "postal_code": "19801", "country": "US"}},
      "due_date": "2026-04-01",
      "lines": [
        {"item": "Koka palete", "quantity": "120", "unit": "H87", "unit_price": "13,40", "vat_category": "G", "vat_rate": "0"},
        {"item": "Atgriezta palete", "quantity": "-2", "unit": "H87", "unit_price": "13,40", "vat_category": "G", "vat_rate": "0"}
      ]
    }"#;
    let input: InvoiceDraftInput = serde_json::from_str(json).unwrap();
    let invoice = DraftInvoice::try_from(input)
        .unwrap()
        .issue(&mut support::invoices(), day(3, 2))
        .unwrap();
    // 118 × 13.40 = 1 581.20 → 1 581.00, rounding −0.20
    assert_eq!(invoice.totals().amount_due().to_string(), "1581.00 USD");
    assert_eq!(invoice.totals().rounding().to_string(), "-0.20 USD");
    assert!(invoice.content().lines()[1].is_negative());
    assert_eq!(
        invoice.content().exchange_rate(),
        Some(&support::dollar_rate())
    );
    let bad: InvoiceDraftInput = serde_json::from_str(
        &json
            .replace("1,0856", "0")
            .replace(r#""increment": "1.00""#, r#""increment": "0.001""#)
            .replace(r#""quantity": "-2""#, r#""quantity": "--2""#),
    )
    .unwrap();
    let error = DraftInvoice::try_from(bad).unwrap_err();
    let fields: Vec<(&str, &str)> = error
        .findings()
        .iter()
        .map(|finding| (finding.field(), finding.code()))
        .collect();
    assert_eq!(
        fields,
        [
            ("lines[1].quantity", "line.quantity"),
            ("exchange_rate", "exchange_rate.value"),
            ("payable_rounding", "line.payable_rounding"),
        ]
    );
}

/// Every renderer takes a language: Latvian is what the renderers wrote before, byte for
/// byte (the deprecated one-argument functions give the same text); English has English
/// labels, English number formats and the amount in words in English; German and Russian
/// take the English labels with their own number formats.
#[test]
#[allow(deprecated)]
fn renderers_take_a_language() {
    let invoice = support::several_rates();
    let (_, credit) = support::returned_item();
    let latvian = render_invoice_in(&invoice, Language::Latvian).unwrap();
    assert_eq!(
        apkalpe_accounting::render_invoice(&invoice).unwrap(),
        latvian
    );
    assert_eq!(
        apkalpe_accounting::render_credit_note(&credit).unwrap(),
        render_credit_note_in(&credit, Language::Latvian).unwrap()
    );
    let english = render_invoice_in(&invoice, Language::English).unwrap();
    assert_ne!(english, latvian);
    for latvian_label in [
        "Datums",
        "Piegādātājs",
        "Summa apmaksai",
        "PVN kopā",
        "Nr. ",
    ] {
        assert!(
            !english.contains(latvian_label),
            "{latvian_label} in\n{english}"
        );
    }
    insta::assert_snapshot!("render__invoice_english", english);
    insta::assert_snapshot!(
        "render__credit_note_english",
        render_credit_note_in(&credit, Language::English).unwrap()
    );
    let german = render_invoice_in(&invoice, Language::German).unwrap();
    assert!(german.starts_with("VAT invoice No. "), "{german}");
    assert!(
        german.contains(" €"),
        "German amounts put the sign after: {german}"
    );
    let foreign = render_invoice_in(&support::foreign_currency(), Language::English).unwrap();
    assert!(
        foreign.contains("Exchange rate: 1 EUR = 1.0856 USD (2026-02-27)"),
        "{foreign}"
    );
}
