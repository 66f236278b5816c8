//! UBL 2.1 output: committed files under `tests/ubl/` (validated by `shared/harness/validate-ubl`
//! in CI), and reading every one back into the model.
//!
//! `UPDATE_UBL=1 cargo test -p apkalpe-accounting` rewrites the files.

use std::path::PathBuf;

use apkalpe_accounting::{
    AccountingError, AdjustmentKind, DocumentTotals, InvoiceContent, IssuedCreditNote,
    IssuedInvoice, ReadUblError, ReceivedInvoice, ReceivedInvoiceKind, ReceivedKind, ReceivedParty,
    StatedAmount, read_received_invoice, read_ubl, write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_core::{IdentifierScheme, Money, Party};
use rust_decimal::Decimal;

use crate::support;

/// Every UBL case: (file stem, XML).
fn cases() -> Vec<(&'static str, String)> {
    let (advance, final_invoice) = support::prepayment();
    let (_, returned) = support::returned_item();
    let (_, cancellation) = support::cancellation();
    let (_, _, last_unit) = support::last_unit();
    vec![
        (
            "invoice-several-rates",
            write_ubl_invoice(&support::several_rates()).unwrap(),
        ),
        (
            "invoice-allowances-charges",
            write_ubl_invoice(&support::allowances_charges()).unwrap(),
        ),
        ("invoice-advance", write_ubl_invoice(&advance).unwrap()),
        (
            "invoice-prepaid",
            write_ubl_invoice(&final_invoice).unwrap(),
        ),
        (
            "credit-note-returned-item",
            write_ubl_credit_note(&returned).unwrap(),
        ),
        (
            "credit-note-cancellation",
            write_ubl_credit_note(&cancellation).unwrap(),
        ),
        (
            "credit-note-last-unit",
            write_ubl_credit_note(&last_unit).unwrap(),
        ),
        (
            "invoice-reverse-charge",
            write_ubl_invoice(&support::reverse_charge()).unwrap(),
        ),
        (
            "invoice-intra-eu",
            write_ubl_invoice(&support::intra_eu()).unwrap(),
        ),
        (
            "invoice-exempt",
            write_ubl_invoice(&support::exempt()).unwrap(),
        ),
        (
            "invoice-half-cent",
            write_ubl_invoice(&support::half_cent()).unwrap(),
        ),
        (
            "invoice-1000-lines",
            write_ubl_invoice(&support::thousand_lines()).unwrap(),
        ),
        (
            "invoice-foreign-currency",
            write_ubl_invoice(&support::foreign_currency()).unwrap(),
        ),
        (
            "credit-note-foreign-currency",
            write_ubl_credit_note(&support::foreign_currency_credit().1).unwrap(),
        ),
        (
            "invoice-negative-lines",
            write_ubl_invoice(&support::negative_lines()).unwrap(),
        ),
        (
            "invoice-export-us",
            write_ubl_invoice(&support::export_us()).unwrap(),
        ),
        (
            "invoice-export-norway",
            write_ubl_invoice(&support::export_norway()).unwrap(),
        ),
        (
            "invoice-rounded",
            write_ubl_invoice(&support::rounded()).unwrap(),
        ),
    ]
}

fn path(stem: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ubl")
        .join(format!("{stem}.xml"))
}

#[test]
fn ubl_files_match_committed() {
    let update = std::env::var_os("UPDATE_UBL").is_some_and(|value| value == "1");
    for (stem, xml) in cases() {
        let file = path(stem);
        if update {
            std::fs::write(&file, &xml).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_UBL=1", file.display()));
        assert_eq!(
            committed, xml,
            "{stem}.xml differs from the rendering: run with UPDATE_UBL=1 and validate"
        );
    }
}

#[test]
fn invoice_round_trip_keeps_every_amount_and_party() {
    let invoices = [
        support::several_rates(),
        support::allowances_charges(),
        support::prepayment().0,
        support::prepayment().1,
        support::reverse_charge(),
        support::intra_eu(),
        support::exempt(),
        support::half_cent(),
        support::thousand_lines(),
    ];
    for invoice in invoices {
        let read = read_ubl(&write_ubl_invoice(&invoice).unwrap()).unwrap();
        assert_eq!(read.kind(), ReceivedKind::Invoice(invoice.kind()));
        assert_eq!(read.number(), invoice.number().as_str());
        assert_eq!(read.issue_date(), invoice.issue_date());
        assert_eq!(read.content(), invoice.content(), "{}", invoice.number());
        assert_eq!(read.totals(), invoice.totals());
    }
}

#[test]
fn credit_note_round_trip_keeps_its_link_and_reason() {
    for (invoice, credit) in [support::returned_item(), support::cancellation()] {
        let read = read_ubl(&write_ubl_credit_note(&credit).unwrap()).unwrap();
        assert_eq!(read.kind(), ReceivedKind::CreditNote);
        assert_eq!(read.original(), Some(&invoice.reference()));
        assert_eq!(read.reason(), Some(credit.reason()));
        assert_eq!(read.content(), credit.content());
        assert_eq!(read.totals(), credit.totals());
    }
}

#[test]
fn cumulatively_rounded_credit_note_round_trips() {
    let (invoice, first, second) = support::last_unit();
    for credit in [first, second] {
        let xml = write_ubl_credit_note(&credit).unwrap();
        let read = read_ubl(&xml).unwrap();
        assert_eq!(read.original(), Some(&invoice.reference()));
        assert_eq!(read.content(), credit.content());
        assert_eq!(read.totals(), credit.totals());
    }
    let xml = write_ubl_credit_note(&support::last_unit().2).unwrap();
    assert!(xml.contains(r#"<cbc:TaxAmount currencyID="EUR">34.86</cbc:TaxAmount>"#));
    // BR-CO-17: one cent from round(166.03 × 21 %) = 34.87 is accepted, two are not.
    let two_cents = xml
        .replace(
            r#"<cbc:TaxAmount currencyID="EUR">34.86</cbc:TaxAmount>"#,
            r#"<cbc:TaxAmount currencyID="EUR">34.85</cbc:TaxAmount>"#,
        )
        .replace("200.89", "200.88");
    match read_ubl(&two_cents).unwrap_err() {
        AccountingError::ReadUbl(ReadUblError::TotalsMismatch { term, .. }) => {
            assert_eq!(term, "BT-117");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn amounts_in_the_xml_are_the_fact_examples() {
    let xml = write_ubl_invoice(&support::half_cent()).unwrap();
    // 1 × 0.125 → 0.13; 3 × 0.0425 = 0.1275 → 0.13; 19 × 0.125 = 2.375 → 2.38
    assert!(
        xml.contains(r#"<cbc:LineExtensionAmount currencyID="EUR">2.64</cbc:LineExtensionAmount>"#)
    );
    // 2.64 × 21 % = 0.5544 → 0.55
    assert!(xml.contains(r#"<cbc:TaxAmount currencyID="EUR">0.55</cbc:TaxAmount>"#));
    assert!(xml.contains(r#"<cbc:EndpointID schemeID="9939">LV40003521600</cbc:EndpointID>"#));
}

#[test]
fn tampered_total_is_refused() {
    let xml = write_ubl_invoice(&support::several_rates()).unwrap();
    let tampered = xml.replacen(
        "<cbc:PayableAmount currencyID=\"EUR\">",
        "<cbc:PayableAmount currencyID=\"EUR\">1",
        1,
    );
    let error = read_ubl(&tampered).unwrap_err();
    assert_eq!(error.code(), "ubl.totals_mismatch");
}

#[test]
fn reader_errors_have_codes() {
    let cases: [(&str, &str); 4] = [
        ("<Invoice><cbc:ID>1</Invoice>", "ubl.xml"),
        ("<Order/>", "ubl.root"),
        (
            "<Invoice xmlns:cbc=\"x\"><cbc:IssueDate>2026-01-01</cbc:IssueDate></Invoice>",
            "ubl.missing",
        ),
        (
            "<Invoice xmlns:cbc=\"x\"><cbc:ID>1</cbc:ID><cbc:IssueDate>1.1.2026</cbc:IssueDate></Invoice>",
            "ubl.value",
        ),
    ];
    for (xml, code) in cases {
        let error: AccountingError = read_ubl(xml).unwrap_err();
        assert_eq!(error.code(), code, "{xml}");
    }
    let deep = "<a>".repeat(100);
    assert_eq!(read_ubl(&deep).unwrap_err().code(), "ubl.too_deep");
}

#[test]
fn private_person_has_no_electronic_address() {
    use apkalpe_accounting::{DraftInvoice, InvoiceKind};
    use apkalpe_core::Currency;
    use rust_decimal_macros::dec;
    let invoice = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::seller(),
        support::person(),
        Currency::EUR,
    )
    .with_line(support::line(
        "Konsultācija",
        dec!(1),
        apkalpe_accounting::UnitCode::HOUR,
        dec!(30),
        support::vat(dec!(21)),
    ))
    .with_due_date(support::day(3, 16))
    .issue(&mut support::invoices(), support::day(3, 2))
    .unwrap();
    let error = write_ubl_invoice(&invoice).unwrap_err();
    assert_eq!(error.findings()[0].code(), "ubl.endpoint_missing");
    assert_eq!(error.findings()[0].field(), "buyer");
}

// ---------------------------------------------------------------------------------------
// What Latvian law allows us to issue (issue 12 part 4), read back by the reader of received
// invoices: every value as issued, no refusal.

/// An issued invoice or credit note, as the comparison needs it.
struct Issued<'a> {
    number: &'a str,
    issue_date: chrono::NaiveDate,
    content: &'a InvoiceContent,
    totals: &'a DocumentTotals,
    vat_in_euro: Option<Money>,
    credit_note: bool,
}

impl<'a> From<&'a IssuedInvoice> for Issued<'a> {
    fn from(invoice: &'a IssuedInvoice) -> Self {
        Issued {
            number: invoice.number().as_str(),
            issue_date: invoice.issue_date(),
            content: invoice.content(),
            totals: invoice.totals(),
            vat_in_euro: invoice.vat_total_in_euro().unwrap(),
            credit_note: false,
        }
    }
}

impl<'a> From<&'a IssuedCreditNote> for Issued<'a> {
    fn from(note: &'a IssuedCreditNote) -> Self {
        Issued {
            number: note.number().as_str(),
            issue_date: note.issue_date(),
            content: note.content(),
            totals: note.totals(),
            vat_in_euro: note.vat_total_in_euro().unwrap(),
            credit_note: true,
        }
    }
}

fn stated(amount: StatedAmount) -> (Decimal, String) {
    (amount.amount(), amount.currency().to_string())
}

fn money(amount: Money) -> (Decimal, String) {
    (amount.amount(), amount.currency().code().to_owned())
}

/// Compares a party as issued with the party the reader found.
fn assert_party(issued: &Party, read: &ReceivedParty) {
    assert_eq!(read.name(), Some(issued.name()));
    assert_eq!(read.vat_id(), issued.vat_identifier());
    assert_eq!(
        read.address().country(),
        Some(issued.address().country().as_str())
    );
    assert_eq!(read.address().city(), Some(issued.address().city()));
    assert_eq!(read.address().lines(), issued.address().lines());
    assert_eq!(read.address().postal_code(), issued.address().postal_code());
    // Every identifier is in the document under its scheme: the electronic address, the
    // legal registration, or a party identification.
    let mut found: Vec<(Option<String>, String)> = read
        .identifiers()
        .iter()
        .chain(read.legal_registration())
        .chain(read.electronic_address())
        .map(|id| (id.scheme().map(str::to_owned), id.value().to_owned()))
        .collect();
    found.sort();
    if let Some(registration) = issued.registration_number() {
        assert!(found.contains(&(Some("0218".to_owned()), registration.as_str().to_owned())));
    }
    for identifier in issued.identifiers() {
        let value = identifier.value().to_owned();
        match identifier.scheme() {
            Some(IdentifierScheme::VAT) => assert_eq!(read.vat_id(), Some(&*value)),
            Some(scheme) => assert!(
                found.contains(&(Some(scheme.to_string()), value.clone())),
                "{scheme} {value} not in {found:?}"
            ),
            None => assert!(
                found.contains(&(None, value.clone())),
                "{value} not in {found:?}"
            ),
        }
    }
}

/// Reads `xml` with `read_received_invoice` and compares every value with the issued document.
fn assert_reads_back(xml: &str, issued: &Issued<'_>) -> ReceivedInvoice {
    let read = read_received_invoice(xml)
        .unwrap_or_else(|error| panic!("{} refused: {error}", issued.number));
    let content = issued.content;
    let totals = issued.totals;
    let kind = if issued.credit_note {
        ReceivedInvoiceKind::CreditNote
    } else {
        ReceivedInvoiceKind::Invoice
    };
    assert_eq!(read.kind(), kind);
    assert_eq!(read.number(), issued.number);
    assert_eq!(read.issue_date(), issued.issue_date);
    assert_eq!(read.due_date(), content.due_date());
    assert_eq!(read.currency().as_str(), content.currency().code());
    // BT-6 and BT-111: the VAT in euro of a document in another currency.
    assert_eq!(
        read.vat_accounting_currency().map(|code| code.to_string()),
        issued.vat_in_euro.map(|_| "EUR".to_owned())
    );
    assert_eq!(
        read.totals().vat_total_in_accounting_currency().map(stated),
        issued.vat_in_euro.map(money)
    );
    // Totals BT-106 … BT-115.
    let stated_totals = read.totals();
    assert_eq!(
        stated(stated_totals.line_net_total()),
        money(totals.line_total())
    );
    assert_eq!(
        stated(stated_totals.tax_exclusive()),
        money(totals.tax_exclusive())
    );
    assert_eq!(stated(stated_totals.vat_total()), money(totals.vat_total()));
    assert_eq!(
        stated(stated_totals.tax_inclusive()),
        money(totals.tax_inclusive())
    );
    assert_eq!(
        stated(stated_totals.amount_due()),
        money(totals.amount_due())
    );
    assert_eq!(
        stated_totals.allowance_total().map(|total| total.amount()),
        content
            .adjustments()
            .iter()
            .any(|a| a.adjustment().kind() == AdjustmentKind::Allowance)
            .then(|| totals.allowance_total().amount())
    );
    assert_eq!(
        stated_totals.charge_total().map(|total| total.amount()),
        content
            .adjustments()
            .iter()
            .any(|a| a.adjustment().kind() == AdjustmentKind::Charge)
            .then(|| totals.charge_total().amount())
    );
    assert_eq!(
        stated_totals.prepaid().map(|prepaid| prepaid.amount()),
        content.prepaid().map(|_| totals.prepaid().amount())
    );
    assert_eq!(
        stated_totals.rounding().map(|rounding| rounding.amount()),
        content
            .rounding()
            .payable()
            .map(|_| totals.rounding().amount())
    );
    // Every VAT breakdown row.
    assert_eq!(read.vat_breakdown().len(), totals.vat_breakdown().len());
    for (row, issued_row) in read.vat_breakdown().iter().zip(totals.vat_breakdown()) {
        assert_eq!(row.category().code(), issued_row.category().code());
        assert_eq!(row.rate(), Some(issued_row.rate().percent()));
        assert_eq!(
            stated(row.taxable_amount()),
            money(issued_row.taxable_amount())
        );
        assert_eq!(stated(row.vat_amount()), money(issued_row.vat_amount()));
    }
    // Every line: quantity with its sign, net amount, price, VAT.
    assert_eq!(read.lines().len(), content.lines().len());
    for ((line, issued_line), net) in read
        .lines()
        .iter()
        .zip(content.lines())
        .zip(totals.line_nets())
    {
        assert_eq!(line.item().name(), Some(issued_line.item()));
        assert_eq!(line.quantity(), Some(issued_line.signed_quantity()));
        assert_eq!(line.unit_code(), Some(issued_line.unit().as_str()));
        assert_eq!(stated(line.net_amount()), money(*net));
        assert_eq!(
            line.price().net().map(|price| price.amount().normalize()),
            Some(issued_line.unit_price().amount().normalize())
        );
        assert_eq!(
            line.vat_category().map(|category| category.code()),
            Some(issued_line.vat().category().code())
        );
    }
    // Parties, payment means and reference.
    assert_party(content.seller(), read.seller());
    assert_party(content.buyer(), read.buyer());
    let means = &read.payment_means()[0];
    assert_eq!(means.code(), content.payment_means().code());
    let reference = content
        .payment_reference()
        .map_or(issued.number, |reference| reference.as_str());
    assert_eq!(means.reference(), Some(reference));
    assert_eq!(
        means.accounts().first().map(|account| account.id()),
        content.seller().iban().map(|iban| iban.as_str())
    );
    read
}

#[test]
fn what_latvian_law_allows_reads_back_as_issued() {
    let foreign = support::foreign_currency();
    let (_, foreign_credit) = support::foreign_currency_credit();
    let negative = support::negative_lines();
    let export_us = support::export_us();
    let export_norway = support::export_norway();
    let rounded = support::rounded();
    let cases: Vec<(&str, Issued<'_>, String, Vec<&str>)> = vec![
        (
            "foreign currency",
            Issued::from(&foreign),
            write_ubl_invoice(&foreign).unwrap(),
            vec![],
        ),
        (
            "foreign currency credit note",
            Issued::from(&foreign_credit),
            write_ubl_credit_note(&foreign_credit).unwrap(),
            vec![],
        ),
        (
            "negative lines",
            Issued::from(&negative),
            write_ubl_invoice(&negative).unwrap(),
            vec![],
        ),
        (
            // A US company has no VAT number, and an export asks for none.
            "export to the US",
            Issued::from(&export_us),
            write_ubl_invoice(&export_us).unwrap(),
            vec![],
        ),
        (
            "export to Norway",
            Issued::from(&export_norway),
            write_ubl_invoice(&export_norway).unwrap(),
            vec![],
        ),
        (
            "rounded amount due",
            Issued::from(&rounded),
            write_ubl_invoice(&rounded).unwrap(),
            vec![],
        ),
    ];
    for (name, issued, xml, findings) in cases {
        let read = assert_reads_back(&xml, &issued);
        let codes: Vec<&str> = read
            .findings()
            .iter()
            .map(|finding| finding.code())
            .collect();
        assert_eq!(codes, findings, "{name}: {:?}", read.findings());
    }
}

#[test]
fn what_latvian_law_allows_has_the_fact_amounts() {
    // 25 × 48.00 + 6.5 × 95.00 = 1 817.50 at 21 % → 381.675 → 381.68;
    // 3 × 24.90 = 74.70 at 12 % → 8.964 → 8.96; VAT 390.64 USD ÷ 1.0856 = 359.837… → 359.84 EUR
    let foreign = support::foreign_currency();
    assert_eq!(foreign.totals().vat_total().to_string(), "390.64 USD");
    assert_eq!(
        foreign.vat_total_in_euro().unwrap().unwrap().to_string(),
        "359.84 EUR"
    );
    let xml = write_ubl_invoice(&foreign).unwrap();
    assert!(xml.contains("<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>"));
    assert!(xml.contains(r#"<cbc:TaxAmount currencyID="EUR">359.84</cbc:TaxAmount>"#));
    assert!(xml.contains(
        "<cbc:Note>Maksājums ASV dolāros.\nValūtas kurss: 1 EUR = 1,0856 USD (2026-02-27)</cbc:Note>"
    ));
    // Returns: 3 × 89.90 − 1 × 89.90 = 179.80 at 21 % (37.76); −12.5 × 0.10 = −1.25 at 12 %
    // (−0.15); 2 × 14.50 = 29.00 at 5 % (1.45): 207.55 + 39.06 = 246.61
    let negative = support::negative_lines();
    assert_eq!(negative.totals().line_nets()[1].to_string(), "-89.90 EUR");
    let rows: Vec<String> = negative
        .totals()
        .vat_breakdown()
        .iter()
        .map(|row| format!("{} {}", row.taxable_amount(), row.vat_amount()))
        .collect();
    assert_eq!(
        rows,
        [
            "179.80 EUR 37.76 EUR",
            "-1.25 EUR -0.15 EUR",
            "29.00 EUR 1.45 EUR"
        ]
    );
    assert_eq!(negative.totals().amount_due().to_string(), "246.61 EUR");
    let xml = write_ubl_invoice(&negative).unwrap();
    assert!(xml.contains(r#"<cbc:InvoicedQuantity unitCode="H87">-1</cbc:InvoicedQuantity>"#));
    // Rounding: 279.91 → 280.00, BT-114 0.09.
    let rounded = support::rounded();
    assert_eq!(rounded.totals().rounding().to_string(), "0.09 EUR");
    assert_eq!(rounded.totals().amount_due().to_string(), "280.00 EUR");
    let xml = write_ubl_invoice(&rounded).unwrap();
    assert!(xml.contains(
        r#"<cbc:PayableRoundingAmount currencyID="EUR">0.09</cbc:PayableRoundingAmount>"#
    ));
    // Export: 120 × 13.40 + 85.00 = 1 693.00 USD at 0 %, VAT 0.00 EUR.
    let export = support::export_us();
    assert_eq!(export.totals().amount_due().to_string(), "1693.00 USD");
    let xml = write_ubl_invoice(&export).unwrap();
    assert!(xml.contains(r#"<cbc:EndpointID schemeID="9959">12-3456789</cbc:EndpointID>"#));
    assert!(xml.contains("<cbc:TaxExemptionReasonCode>VATEX-EU-G</cbc:TaxExemptionReasonCode>"));
    let norway = write_ubl_invoice(&support::export_norway()).unwrap();
    assert!(norway.contains(r#"<cbc:EndpointID schemeID="0192">123456785</cbc:EndpointID>"#));
    assert!(norway.contains("<cbc:CompanyID>NO123456785MVA</cbc:CompanyID>"));
    assert!(norway.contains(r#"<cbc:CompanyID schemeID="0192">123456785</cbc:CompanyID>"#));
}

#[test]
fn what_latvian_law_allows_round_trips_through_read_ubl() {
    let invoices = [
        support::foreign_currency(),
        support::negative_lines(),
        support::export_us(),
        support::export_norway(),
    ];
    for invoice in invoices {
        let read = read_ubl(&write_ubl_invoice(&invoice).unwrap()).unwrap();
        assert_eq!(read.content(), invoice.content(), "{}", invoice.number());
        assert_eq!(read.totals(), invoice.totals());
    }
    let (invoice, credit) = support::foreign_currency_credit();
    let read = read_ubl(&write_ubl_credit_note(&credit).unwrap()).unwrap();
    assert_eq!(read.original(), Some(&invoice.reference()));
    assert_eq!(read.reason(), Some(credit.reason()));
    assert_eq!(read.content(), credit.content());
    assert_eq!(read.totals(), credit.totals());
    // The rule that rounded the amount due is not in UBL: the amount is read as stated, the
    // totals are equal, and the content has no payable rounding.
    let rounded = support::rounded();
    let read = read_ubl(&write_ubl_invoice(&rounded).unwrap()).unwrap();
    assert_eq!(read.totals(), rounded.totals());
    assert_eq!(read.content().rounding().payable(), None);
    assert_eq!(read.content().lines(), rounded.content().lines());
    // A tampered VAT in euro is refused.
    let xml = write_ubl_invoice(&support::foreign_currency())
        .unwrap()
        .replace(">359.84<", ">359.85<");
    match read_ubl(&xml).unwrap_err() {
        AccountingError::ReadUbl(ReadUblError::TotalsMismatch { term, .. }) => {
            assert_eq!(term, "BT-111");
        }
        other => panic!("{other:?}"),
    }
}

/// `read_ubl` is deprecated: its replacement `read_received_invoice` reads every document
/// the old reader read, with the same number, kind and amount due.
#[test]
fn the_deprecated_reader_and_its_replacement_agree() {
    let (_, returned) = support::returned_item();
    let documents = [
        write_ubl_invoice(&support::several_rates()).unwrap(),
        write_ubl_invoice(&support::allowances_charges()).unwrap(),
        write_ubl_credit_note(&returned).unwrap(),
    ];
    for xml in documents {
        let old = read_ubl(&xml).unwrap();
        let new = read_received_invoice(&xml).unwrap();
        assert_eq!(new.number(), old.number());
        let kind = match old.kind() {
            ReceivedKind::Invoice(_) => ReceivedInvoiceKind::Invoice,
            ReceivedKind::CreditNote => ReceivedInvoiceKind::CreditNote,
        };
        assert_eq!(new.kind(), kind);
        assert_eq!(
            new.totals().amount_due().amount(),
            old.totals().amount_due().amount()
        );
        assert!(new.findings().is_empty(), "{:?}", new.findings());
    }
}
