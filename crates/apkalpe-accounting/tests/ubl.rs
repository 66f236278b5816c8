//! UBL 2.1 output: committed files under `tests/ubl/` (validated by `shared/harness/validate-ubl`
//! in CI), and reading every one back into the model.
//!
//! `UPDATE_UBL=1 cargo test -p apkalpe-accounting` rewrites the files.

use std::path::PathBuf;

use apkalpe_accounting::{
    AccountingError, ReadUblError, ReceivedKind, read_ubl, write_ubl_credit_note, write_ubl_invoice,
};

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
