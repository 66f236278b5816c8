//! The error catalogue of apkalpe-accounting: every error code of the crate, with a sample
//! message in English and Latvian, reached from public input where it can be. Codes are API:
//! the snapshot shows any rename, the test fails on a code sampled twice or a code of the
//! source that has no sample, and `docs/model/accounting.md` carries the same table (set
//! `APKALPE_WRITE_DOCS=1` to rewrite it after a reviewed change of the snapshot).

use std::collections::BTreeMap;
use std::error::Error;

use apkalpe_accounting::{
    AccountingError, CashError, CreditNoteError, CurrencyCode, DocumentPart, DraftInvoice,
    GoodsError, InvoiceKind, InvoiceLine, LineError, Quantity, ReadInvoiceError, ReadUblError,
    ReceivedVatCategory, ServicesError, UnitCode, downcast_error, read_received_invoice,
};
use apkalpe_core::{Currency, Language, LocalizedError, Money, VatRate, find_localized};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support;

fn err<T, E: Into<AccountingError>>(result: Result<T, E>) -> AccountingError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

/// One sample per code of the crate, in the order of the error types.
fn samples() -> Vec<AccountingError> {
    let date = support::day(3, 2);
    let part = || Box::new(DocumentPart::Totals);
    let price = |amount| Money::new(amount, Currency::EUR);
    vec![
        // The invoice without lines: every missing requisite at once.
        err(DraftInvoice::new(
            InvoiceKind::Invoice,
            support::seller(),
            support::company(),
            Currency::EUR,
        )
        .issue(&mut support::invoices(), date)),
        // Lines.
        err("-1".parse::<Quantity>()),
        err("x".parse::<Quantity>()),
        err("kg".parse::<UnitCode>()),
        err(InvoiceLine::try_new(
            " ",
            support::quantity(dec!(1)),
            UnitCode::PIECE,
            price(dec!(1)),
            support::vat(dec!(21)),
        )),
        err(InvoiceLine::try_new(
            "Krēsls",
            support::quantity(dec!(1)),
            UnitCode::PIECE,
            price(dec!(-1)),
            support::vat(dec!(21)),
        )),
        LineError::AllowanceAmount {
            found: Decimal::ZERO,
        }
        .into(),
        LineError::CategoryRate {
            category: "S",
            rate: VatRate::ZERO,
        }
        .into(),
        LineError::UnsupportedCategory { category: "L" }.into(),
        LineError::PayableRounding {
            increment: Decimal::new(3, 3),
        }
        .into(),
        LineError::ExchangeRate {
            found: Decimal::ZERO,
        }
        .into(),
        LineError::ExchangeRateOfEuro.into(),
        // Credit notes.
        CreditNoteError::NoSuchLine {
            invoice: "INV2026-00001".into(),
            line: 4,
        }
        .into(),
        CreditNoteError::LineExceeded {
            invoice: "INV2026-00001".into(),
            line: 1,
            invoiced: Decimal::ONE,
            credited: Decimal::TWO,
        }
        .into(),
        CreditNoteError::ExceedsInvoice {
            invoice: "INV2026-00001".into(),
            invoiced: Decimal::ONE,
            credited: Decimal::TWO,
        }
        .into(),
        CreditNoteError::ForeignCreditNote {
            credit_note: "KR2026-0001".into(),
            credits: "INV2026-00002".into(),
            invoice: "INV2026-00001".into(),
        }
        .into(),
        CreditNoteError::Empty.into(),
        // The reader of this crate's own UBL.
        ReadUblError::Xml { position: 12 }.into(),
        ReadUblError::TooDeep { max: 64 }.into(),
        ReadUblError::Root {
            found: "Order".into(),
        }
        .into(),
        ReadUblError::Missing { path: "cbc:ID" }.into(),
        ReadUblError::Value {
            path: "cbc:IssueDate",
            expected: "a date",
            found: "1.1.2026".into(),
        }
        .into(),
        ReadUblError::TotalsMismatch {
            term: "BT-115",
            stated: Decimal::ONE,
            computed: Decimal::TWO,
        }
        .into(),
        // Received e-invoices.
        err(read_received_invoice(
            &"x".repeat(apkalpe_accounting::MAX_RECEIVED_BYTES + 1),
        )),
        err(read_received_invoice("<Invoice><cbc:ID>1</Invoice>")),
        err(read_received_invoice(&"<a>".repeat(100))),
        err(read_received_invoice("<Order/>")),
        ReadInvoiceError::Missing {
            rule: "UBL-2.1-XSD",
            part: Box::new(DocumentPart::Document),
            term: "BT-1",
            path: "cbc:ID",
        }
        .into(),
        ReadInvoiceError::Value {
            rule: "UBL-2.1-XSD",
            part: Box::new(DocumentPart::Document),
            term: "BT-2",
            path: "cbc:IssueDate",
            expected: "a date (xs:date)",
            found: "2.3.2026".into(),
        }
        .into(),
        ReadInvoiceError::Contradiction {
            rule: "BR-CO-10",
            part: part(),
            term: "BT-106",
            stated: Some(Decimal::new(10001, 2)),
            expected: Decimal::new(10000, 2),
        }
        .into(),
        ReadInvoiceError::Breakdown {
            rule: "BR-S-01",
            category: "S".into(),
            found: 0,
            expected: "at least one",
        }
        .into(),
        ReadInvoiceError::Overflow {
            part: part(),
            term: "BT-112",
        }
        .into(),
        // Cash.
        CashError::WrongSeries {
            direction: "receipt",
            expected: "kio".into(),
            found: "kizo".into(),
        }
        .into(),
        CashError::SharedSeries {
            series: "kase".into(),
        }
        .into(),
        CashError::NegativeBalance {
            date,
            amount: Decimal::TEN,
            balance: Decimal::NEGATIVE_ONE,
        }
        .into(),
        CashError::OutOfOrder {
            date,
            last: support::day(3, 5),
        }
        .into(),
        CashError::AlreadyPosted {
            number: "KIO26-0001".into(),
        }
        .into(),
        CashError::Currency {
            expected: "EUR",
            found: "USD",
        }
        .into(),
        CashError::OtherBusiness {
            number: "KIO26-0001".into(),
            business: "SIA Klients".into(),
        }
        .into(),
        CashError::BusinessIdentifier.into(),
        // Goods.
        GoodsError::NoSuchOrderLine {
            order: "PAS2026-0001".into(),
            line: 4,
        }
        .into(),
        GoodsError::DuplicateReceivedLine { line: 1 }.into(),
        GoodsError::ReceivedQuantity {
            line: 1,
            found: Decimal::NEGATIVE_ONE,
        }
        .into(),
        GoodsError::DamagedExceedsReceived {
            line: 1,
            received: Decimal::ONE,
            damaged: Decimal::TWO,
        }
        .into(),
        GoodsError::ReceiptBeforeOrder {
            order_date: support::day(3, 5),
            receipt_date: date,
        }
        .into(),
        // Services.
        ServicesError::DuplicateRecord { id: "S-1".into() }.into(),
        ServicesError::UnknownRecord { id: "S-9".into() }.into(),
        ServicesError::AlreadyBilled {
            id: "S-1".into(),
            invoice: "INV2026-00001".into(),
        }
        .into(),
        ServicesError::NothingToBill {
            client: "K-7".into(),
        }
        .into(),
        ServicesError::RepeatedRecord { id: "S-1".into() }.into(),
        // The journal.
        AccountingError::Csv {
            reason: "the record could not be written",
        },
        // Internal errors: bugs, never reached from input; built by hand to show the message.
        AccountingError::Internal {
            code: "ubl.write_failed",
        },
        AccountingError::Internal {
            code: "ubl.write_not_utf8",
        },
        AccountingError::Internal {
            code: "cash.entry_missing",
        },
        AccountingError::Internal {
            code: "acceptance_act.signatories_checked",
        },
        AccountingError::Internal {
            code: "waybill.transport_checked",
        },
    ]
}

/// The error types that are not reached through [`AccountingError`].
fn other_samples() -> Vec<Box<dyn LocalizedError>> {
    vec![
        Box::new("eur".parse::<CurrencyCode>().unwrap_err()),
        Box::new("X".parse::<ReceivedVatCategory>().unwrap_err()),
    ]
}

/// The error codes the source can produce: the literals of the `code()` methods of the
/// error types (`SomeError::Variant … => "family.name"`) and the codes of internal errors
/// (`Internal { code: "family.name" }`). Finding codes are not errors and are not listed.
fn source_codes() -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_in_error_arms(&files)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/accounting.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-accounting/tests/error_catalogue.rs -->";
const END: &str = "<!-- end of error catalogue -->";

#[test]
fn error_catalogue() {
    let mut catalogue: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    let mut add = |error: &dyn LocalizedError| {
        let code = error.code();
        assert!(
            code.split('.').count() == 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'),
            "{code} is not dotted snake_case"
        );
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        // German and Russian fall back to English.
        assert_eq!(error.message_in(Language::German), messages.0);
        assert!(
            catalogue.insert(code, messages).is_none(),
            "{code} is sampled twice"
        );
    };
    for error in samples() {
        // Through `AccountingError` and through `downcast_error`, the same code.
        assert_eq!(LocalizedError::code(&error), AccountingError::code(&error));
        let erased: &(dyn Error + 'static) = &error;
        assert_eq!(
            downcast_error(erased).map(|found| found.code()),
            Some(error.code())
        );
        add(&error);
    }
    for error in other_samples() {
        let erased: &(dyn Error + 'static) = &*error;
        assert_eq!(
            find_localized(erased, &[downcast_error]).map(|found| found.code()),
            Some(error.code())
        );
        add(&*error);
    }
    for (code, (english, latvian)) in &catalogue {
        assert_ne!(english, latvian, "{code} has no Latvian message");
        assert!(
            !latvian.is_empty() && !latvian.ends_with('.'),
            "{code}: {latvian}"
        );
    }
    // Every code the source can produce has a sample, and every sample a code in the source.
    let in_source = source_codes();
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |_| false,
        |_| false,
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("error_catalogue__accounting", table);
    check_docs(&table);
}

/// A core error inside an accounting error keeps core's Latvian message.
#[test]
fn core_errors_pass_through_in_latvian() {
    let error: AccountingError = Money::new(dec!(1), Currency::EUR)
        .checked_add(Money::new(dec!(1), Currency::USD))
        .unwrap_err()
        .into();
    assert_eq!(error.code(), "money.currency_mismatch");
    assert_eq!(
        error.message_in(Language::Latvian),
        "nevar saskaitīt summas valūtās EUR un USD"
    );
}

/// The table in `docs/model/accounting.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-accounting",
    );
}

// ---------------------------------------------------------------------------------------------
// Findings in Latvian (decision 0007).

/// Every `Finding::new(…)` of the crate's source (unit tests and comments left out), as
/// `file:line`, each with whether `.with_latvian(…)` follows it (`ReceivedFinding::new`
/// builds another type, whose messages are data, and is not counted).
fn finding_constructions() -> Vec<(String, bool)> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::calls_followed_by(&files, "Finding::new(", ".with_latvian(")
}

/// Every finding the crate makes has a Latvian message: each `Finding::new` of the source is
/// followed by `with_latvian` (the one in `ValidationReport::add`, which takes the Latvian
/// message of every check), and the findings of real checks read in Latvian.
#[test]
fn findings_are_written_in_latvian_too() {
    let constructions = finding_constructions();
    assert!(
        !constructions.is_empty(),
        "no Finding::new in the source: has the constructor moved?"
    );
    let english_only: Vec<&String> = constructions
        .iter()
        .filter(|(_, latvian)| !latvian)
        .map(|(place, _)| place)
        .collect();
    assert!(
        english_only.is_empty(),
        "findings with an English message only (add .with_latvian): {english_only:#?}"
    );

    // The requisite check of an empty draft, and the field check of a draft from JSON (core's
    // errors and parties' fields carry their own Latvian messages).
    let report = DraftInvoice::new(
        InvoiceKind::Invoice,
        support::person(),
        support::person(),
        Currency::EUR,
    )
    .validate(support::day(3, 2), &Default::default());
    let json = r#"{
      "kind": "bill", "currency": "EURO",
      "seller": {"kind": "organisation", "name": "SIA Apkalpe", "registration_number": "40003521601",
                 "address": {"lines": ["Brīvības iela 1"], "city": "Rīga", "postal_code": "1010", "country": "LV"}},
      "buyer": {"kind": "person", "name": "Anna Bērziņa", "address": {"lines": ["x"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
      "payment_means": "barter",
      "lines": [{"item": "Konsultācija", "quantity": "1", "unit": "HUR", "unit_price": "1,2,3", "vat_category": "S", "vat_rate": "21",
                 "adjustments": [{"kind": "discount", "amount": "1", "reason": "Atlaide"}]}]
    }"#;
    let input: apkalpe_accounting::InvoiceDraftInput = serde_json::from_str(json).unwrap();
    let error = DraftInvoice::try_from(input).unwrap_err();
    let findings: Vec<&apkalpe_accounting::Finding> =
        report.findings().iter().chain(error.findings()).collect();
    assert!(findings.len() >= 7, "{findings:#?}");
    for finding in &findings {
        let latvian = finding.message_in(Language::Latvian);
        assert_ne!(
            latvian,
            finding.message(),
            "{finding} has no Latvian message"
        );
        assert_eq!(finding.message_in(Language::English), finding.message());
    }
    let message = |code: &str| {
        let finding = findings
            .iter()
            .find(|finding| finding.code() == code)
            .unwrap();
        finding.message_in(Language::Latvian).to_owned()
    };
    assert_eq!(
        message("requisite.lines_missing"),
        "dokumentā jābūt vismaz vienai rindai"
    );
    assert_eq!(
        message("draft.kind"),
        "veidam jābūt invoice, simplified vai advance"
    );
    // A core error's own Latvian message, and a party field's.
    assert_eq!(
        message("currency.unknown"),
        "EURO"
            .parse::<Currency>()
            .unwrap_err()
            .message_in(Language::Latvian)
    );
    assert!(message("registration_number.checksum").contains("reģistrācijas numur"));

    // The Latvian message of the error names the first finding in Latvian.
    let invalid = AccountingError::Invalid(report.clone());
    let first = &report.findings()[0];
    assert_eq!(
        invalid.message_in(Language::Latvian),
        format!(
            "dokuments nav derīgs: {}, pirmā: {}: {} [{}]",
            apkalpe_core::CountNoun::new("problēma", "problēmas")
                .count_of(Language::Latvian, report.findings().len()),
            first.field(),
            first.message_in(Language::Latvian),
            first.code()
        )
    );
}
