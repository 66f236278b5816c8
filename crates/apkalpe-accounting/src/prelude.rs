//! The items an embedder uses, for one glob import:
//!
//! ```
//! use apkalpe_accounting::prelude::*;
//! # let _: Option<DraftInvoice> = None;
//! ```
//!
//! This is the way to import the crate next to other Apkalpe crates. Five names of this
//! crate are also names of other Apkalpe crates: [`Quantity`](crate::Quantity)
//! (`apkalpe_catalogue`), [`ReceiptLine`](crate::ReceiptLine) (`apkalpe_payments`),
//! [`DocumentKind`](crate::DocumentKind) (`apkalpe_documents`),
//! [`Signatory`](crate::Signatory) (`apkalpe_documents`) and [`CashError`](crate::CashError)
//! (`apkalpe_payments`). The prelude exports them only under names that say whose they are
//! ([`AccountingQuantity`], [`AccountingReceiptLine`], [`AccountingDocumentKind`],
//! [`AccountingSignatory`], [`AccountingCashError`]), so globbing several crates' preludes
//! never makes a name ambiguous; the plain names stay at the crate root
//! (`apkalpe_accounting::Quantity`). The crate's [`downcast_error`](crate::downcast_error)
//! shares its name with every crate's and is not in the prelude: write
//! `apkalpe_accounting::downcast_error`.
//!
//! Deprecated items are not in the prelude.
//!
//! # Examples
//!
//! ```
//! use apkalpe_accounting::prelude::*;
//! use apkalpe_core::{Currency, Money, VatRate};
//! use rust_decimal_macros::dec;
//!
//! let line = InvoiceLine::try_new(
//!     "Biroja krēsls",
//!     AccountingQuantity::try_new(dec!(2))?,
//!     UnitCode::PIECE,
//!     Money::new(dec!(89.90), Currency::EUR),
//!     LineVat::standard(VatRate::try_new(dec!(21))?)?,
//! )?;
//! assert_eq!(line.quantity().value(), dec!(2));
//! assert_eq!(AccountingDocumentKind::CashBook.retention().minimum_years(), 10);
//! let error = AccountingQuantity::try_new(dec!(0)).unwrap_err();
//! assert_eq!(error.code(), "line.quantity");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use crate::ServiceRecord;
pub use crate::{
    AcceptanceAct, AccountMapping, AccountingBatch, AccountingError, Adjustment, AdjustmentKind,
    BatchEntry, CashBook, CashBookEntry, CashBusiness, CashCounterparty, CashDirection, CashOrder,
    CreditNoteError, CreditedLine, DiscrepancyKind, DocumentAdjustment, DocumentTotals,
    DraftAcceptanceAct, DraftCashOrder, DraftCreditNote, DraftInvoice, DraftPurchaseOrder,
    DraftWaybill, ExchangeRate, Finding, GoodsError, GoodsReceiptNote, InvoiceContent,
    InvoiceDraftInput, InvoiceKind, InvoiceLine, InvoiceReference, IssueOptions, IssuedCreditNote,
    IssuedInvoice, ItemLine, LineError, LineVat, PaymentMeans, PurchaseOrder, ReadInvoiceError,
    ReceivedFinding, ReceivedFindingKind, ReceivedInvoice, ReceivedInvoiceKind, ReceivedLine,
    RetentionRule, RoundingPolicy, ServiceBilling, ServiceLedger, ServicesError, Transport,
    UnitCode, ValidationReport, VatBreakdown, VatExemption, Waybill, render_acceptance_act_in,
    render_cash_book_in, render_cash_order_in, render_credit_note_in, render_goods_receipt_note_in,
    render_invoice_in, render_purchase_order_in, render_received_invoice_in, render_waybill_in,
    retention_rules,
};
#[cfg(feature = "xml")]
pub use crate::{read_received_invoice, write_ubl_credit_note, write_ubl_invoice};

/// [`apkalpe_accounting::CashError`](crate::CashError), named so that it cannot be taken for
/// `apkalpe_payments::CashError`.
pub use crate::CashError as AccountingCashError;
/// [`apkalpe_accounting::DocumentKind`](crate::DocumentKind), named so that it cannot be
/// taken for `apkalpe_documents::DocumentKind`.
pub use crate::DocumentKind as AccountingDocumentKind;
/// [`apkalpe_accounting::Quantity`](crate::Quantity), named so that it cannot be taken for
/// `apkalpe_catalogue::Quantity`.
pub use crate::Quantity as AccountingQuantity;
/// [`apkalpe_accounting::ReceiptLine`](crate::ReceiptLine), named so that it cannot be taken
/// for `apkalpe_payments::ReceiptLine`.
pub use crate::ReceiptLine as AccountingReceiptLine;
/// [`apkalpe_accounting::Signatory`](crate::Signatory), named so that it cannot be taken for
/// `apkalpe_documents::Signatory`.
pub use crate::Signatory as AccountingSignatory;
