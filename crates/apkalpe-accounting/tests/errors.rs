//! The error catalogue: every error code with a sample message.

use apkalpe_accounting::{
    AccountingError, CashError, CreditNoteError, GoodsError, LineError, ReadUblError, ServicesError,
};
use apkalpe_core::VatRate;
use rust_decimal::Decimal;

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
    ];
    let catalogue: Vec<String> = errors
        .iter()
        .map(|error| format!("{}\t{error}", error.code()))
        .collect();
    let mut codes: Vec<&str> = errors.iter().map(AccountingError::code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), errors.len(), "codes are unique");
    insta::assert_snapshot!("errors__catalogue", catalogue.join("\n"));
}
