//! The error catalogue: every error code with a sample message.

use apkalpe_accounting::{
    AccountingError, CashError, CreditNoteError, DocumentPart, Finding, GoodsError,
    IssuedCreditNote, IssuedInvoice, LineError, ReadInvoiceError, ReadUblError, ServiceLedger,
    ServicesError, read_received_invoice,
};
use apkalpe_core::{RestoreError, VatRate};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::support;

/// The message of restoring an edited saved value, which must be refused.
fn refusal<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    value: impl serde::Serialize,
    edit: impl FnOnce(&mut Value),
) -> String {
    let mut value = serde_json::to_value(value).unwrap();
    edit(&mut value);
    serde_json::from_value::<T>(value).unwrap_err().to_string()
}

#[test]
fn error_catalogue() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let errors: Vec<AccountingError> = vec![
        LineError::Quantity {
            found: Decimal::ZERO,
        }
        .into(),
        LineError::QuantityFormat { found: "x".into() }.into(),
        LineError::UnitCode { found: "kg".into() }.into(),
        LineError::Text {
            field: "item name",
            max: 200,
        }
        .into(),
        LineError::NegativePrice {
            found: Decimal::NEGATIVE_ONE,
        }
        .into(),
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
        // A received e-invoice refused: the reader's codes pass through.
        read_received_invoice(&"x".repeat(apkalpe_accounting::MAX_RECEIVED_BYTES + 1))
            .unwrap_err()
            .into(),
        read_received_invoice("<Invoice><cbc:ID>1</Invoice>")
            .unwrap_err()
            .into(),
        read_received_invoice(&"<a>".repeat(100))
            .unwrap_err()
            .into(),
        read_received_invoice("<Order/>").unwrap_err().into(),
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
            part: Box::new(DocumentPart::Totals),
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
            part: Box::new(DocumentPart::Totals),
            term: "BT-112",
        }
        .into(),
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
        CashError::OutOfOrder { date, last: date }.into(),
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
            order_date: date,
            receipt_date: date,
        }
        .into(),
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
        AccountingError::Csv {
            reason: "the record could not be written",
        },
        AccountingError::Internal {
            code: "ubl.write_failed",
        },
        RestoreError::missing(
            "IssuedCreditNote",
            "original.issue_date",
            "a credit note refers to an issued invoice and its issue date",
        )
        .into(),
    ];
    let mut catalogue: Vec<String> = errors
        .iter()
        .map(|error| format!("{}\t{error}", error.code()))
        .collect();
    // Saved values edited into illegal states, one per restore problem: serde carries the
    // refusal as text that starts with its code. The `AccountingError::Restore` above is the
    // one a credit note without its invoice's issue date gets.
    let missing = refusal::<IssuedCreditNote>(support::returned_item().1, |value| {
        value["original"]
            .as_object_mut()
            .unwrap()
            .remove("issue_date");
    });
    assert_eq!(errors.last().unwrap().to_string(), missing);
    let restores = [
        refusal::<IssuedInvoice>(support::several_rates(), |value| {
            value["totals"]["amount_due"]["amount"] = json!("279.90");
        }),
        refusal::<ServiceLedger>(crate::restore::sample_ledger(), |value| {
            value[1]["record"]["id"] = value[0]["record"]["id"].clone();
        }),
        refusal::<Finding>(
            Finding::new("lines", "requisite.lines_missing", "no lines"),
            |value| value["code"] = json!("requisite.made_up"),
        ),
    ];
    for text in restores {
        let (code, _) = text.split_once(':').unwrap();
        catalogue.push(format!("{code}\t{text}"));
    }
    let received: Vec<&str> = errors
        .iter()
        .filter_map(|error| match error {
            AccountingError::Received(inner) => {
                assert_eq!(error.code(), inner.code());
                assert_eq!(error.to_string(), inner.to_string());
                Some(error.code())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        received,
        [
            "received.too_large",
            "received.xml",
            "received.too_deep",
            "received.not_ubl",
            "received.missing",
            "received.value",
            "received.totals_contradict",
            "received.breakdown",
            "received.overflow",
        ]
    );
    let mut codes: Vec<&str> = errors.iter().map(AccountingError::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), errors.len(), "codes are unique");
    insta::assert_snapshot!("errors__catalogue", catalogue.join("\n"));
}
