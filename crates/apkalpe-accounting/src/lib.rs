//! Primary accounting documents (*grāmatvedības attaisnojuma dokumenti*) of a Latvian
//! business: VAT invoices (*PVN rēķini*), simplified and advance invoices, credit notes
//! (*kredītrēķini*), cash receipt and disbursement orders (*kases ieņēmumu / izdevumu
//! orderi*, KIO / KIzO) with the cash book (*kases grāmata*), EN 16931 e-invoices in UBL 2.1
//! (Peppol BIS Billing 3.0), waybills (*preču pavadzīmes*), acceptance–transfer acts
//! (*pieņemšanas–nodošanas akti*), purchase orders and goods receipt notes, the ledger of
//! services rendered, and accounting batches with journal lines for accounting
//! software. Every document is checked against the requisites of the VAT law (art. 125) and
//! the accounting law (art. 11), numbered only on issue from a gapless core
//! [`NumberSeries`](apkalpe_core::NumberSeries), and frozen once issued.
//!
//! Serves: T4.1, T4.6, T4.7, T4.8, S25, S26, S27, S28, S29, C18 (see `docs/traceability.md`).
//!
//! The crate is pure: no I/O, no clock. Issue dates come in as arguments; UBL and CSV are
//! written to and read from strings.
//!
//! # Brief overview
//!
//! - [`DraftInvoice`] → [`IssuedInvoice`]: the lifecycle; issuing takes the number.
//!   [`InvoiceDraftInput`] is the JSON form of a draft. What Latvian law allows besides:
//!   negative lines ([`InvoiceLine::negated`]), another currency with its [`ExchangeRate`]
//!   and the VAT in euro, exports to buyers identified by foreign identifiers, a rounded
//!   amount due ([`RoundingPolicy::try_with_payable`]).
//! - [`InvoiceLine`], [`Quantity`], [`UnitCode`], [`LineVat`], [`Adjustment`],
//!   [`DocumentAdjustment`]: lines, VAT treatment, allowances and charges.
//! - [`DocumentTotals`], [`VatBreakdown`], [`RoundingPolicy`]: totals rounded the EN 16931
//!   way (per line net, per VAT category and rate).
//! - [`ValidationReport`], [`Finding`], [`IssueOptions`]: every missing requisite at once.
//! - [`DraftCreditNote`] → [`IssuedCreditNote`]: corrections and cancellations that never
//!   exceed their invoice.
//! - [`write_ubl_invoice`], [`write_ubl_credit_note`]: e-invoices of our own documents.
//! - [`read_received_invoice`] → [`ReceivedInvoice`], with its [`ReceivedFinding`]s or a
//!   [`ReadInvoiceError`]: e-invoices and credit notes from any sender, every EN 16931
//!   business term as sent (reading is not issuing); [`render_received_invoice_in`]. It
//!   supersedes the older [`read_ubl`] → [`ReceivedDocument`], which is deprecated.
//! - [`render_invoice_in`], [`render_credit_note_in`]: readable text in a
//!   [`Language`](apkalpe_core::Language); every renderer of the crate takes one.
//! - [`DraftCashOrder`] → [`CashOrder`], [`CashBook`], [`CashBusiness`]: KIO, KIzO and the
//!   cash book of a business; [`render_cash_order_in`], [`render_cash_book_in`].
//! - [`AccountingBatch`], [`BatchEntry`], [`AccountMapping`]: completeness check and journal
//!   CSV.
//! - [`DraftWaybill`] → [`Waybill`] with its [`Transport`], [`ItemLine`]: the waybill
//!   (*preču pavadzīme*) accompanying goods; [`render_waybill_in`].
//! - [`DraftAcceptanceAct`] → [`AcceptanceAct`], [`Signatory`]: services handed over and
//!   accepted; [`render_acceptance_act_in`].
//! - [`DraftPurchaseOrder`] → [`PurchaseOrder`], [`GoodsReceiptNote`] with [`ReceivedLine`],
//!   [`ReceiptLine`], [`DiscrepancyKind`]: ordering and receiving goods, short, over and
//!   damaged quantities line by line; [`render_purchase_order_in`],
//!   [`render_goods_receipt_note_in`].
//! - [`ServiceLedger`], [`ServiceRecord`], [`ServiceBilling`]: services rendered, billed into
//!   one draft invoice per client, never twice.
//! - [`DocumentKind`], [`RetentionRule`], [`retention_rules`]: kinds and their retention;
//!   [`RetentionRule::obligations`] and [`IssuedInvoice::retention_obligations`] state it as
//!   core [`RetentionObligation`](apkalpe_core::RetentionObligation)s for one
//!   [`RetentionFacts::decide`](apkalpe_core::RetentionFacts::decide) with the facts of the
//!   other crates.
//! - [`AccountingError`]: every error, each with a stable code and a message in Latvian or
//!   English (core's [`LocalizedError`](apkalpe_core::LocalizedError)); [`downcast_error`]
//!   finds them behind a `Box<dyn Error>`.
//!
//! # Importing
//!
//! `use apkalpe_accounting::prelude::*;` imports what an embedder uses. Five names of this
//! crate are names in other Apkalpe crates too (`Quantity`, `ReceiptLine`, `DocumentKind`,
//! `Signatory`, `CashError`): the [`prelude`] exports them as `AccountingQuantity`,
//! `AccountingReceiptLine`, `AccountingDocumentKind`, `AccountingSignatory` and
//! `AccountingCashError`, so the preludes of several Apkalpe crates can be globbed together.
//!
//! # Example
//!
//! ```
//! use apkalpe_accounting::{
//!     read_received_invoice, render_invoice_in, write_ubl_invoice, DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode,
//! };
//! use apkalpe_core::{Address, CountryCode, Currency, Language, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
//! use chrono::NaiveDate;
//! use rust_decimal_macros::dec;
//!
//! let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
//! let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
//!     .try_with_registration_number("40003521600".parse()?)?
//!     .try_with_vat_number("LV40003521600".parse()?)?
//!     .with_iban("LV44HABA0551000000001".parse()?);
//! let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
//!     .try_with_registration_number("40103471306".parse()?)?
//!     .try_with_vat_number("LV40103471306".parse()?)?;
//! let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
//! let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
//!
//! let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
//!     .with_line(InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
//!         Money::new(dec!(89.90), Currency::EUR), vat)?)
//!     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("bad date")?)
//!     .issue(&mut NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?, day)?;
//! // 2 × 89.90 = 179.80; VAT 21 % = 37.758 → 37.76
//! assert_eq!(invoice.totals().amount_due().to_string(), "217.56 EUR");
//! assert_eq!(invoice.amount_due_in_words(Language::Latvian)?, "divi simti septiņpadsmit euro un 56 centi");
//!
//! let xml = write_ubl_invoice(&invoice)?;
//! let read = read_received_invoice(&xml)?;
//! assert_eq!(read.number(), "INV2026-00001");
//! assert!(read.findings().is_empty());
//!
//! let text = render_invoice_in(&invoice, Language::English)?;
//! assert!(text.starts_with("VAT invoice No. INV2026-00001"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde` (on by default): `Serialize` and `Deserialize` for every value and state type.
//!   The JSON forms are part of the API; deserialising runs each type's checks and refuses a
//!   value edited into an illegal state with a core `RestoreError`.
//! - `xml` (on by default): EN 16931 UBL 2.1 e-invoices: `write_ubl_invoice`,
//!   `write_ubl_credit_note`, `read_received_invoice` (and the deprecated `read_ubl`). The
//!   received-invoice types and `render_received_invoice_in` stay without it. Brings in
//!   `quick-xml`.
//! - `csv` (on by default): `AccountingBatch::journal_csv`. Brings in `csv`.
//!
//! Without any of them the crate still drafts, checks, issues, totals and renders every
//! document.
//!
//! # Further reading
//!
//! The Apkalpe repository's `docs/` folder (not needed to use this crate) explains the domain
//! model with worked numbers and the lifecycle diagrams (`docs/model/accounting.md`), reading
//! e-invoices from other senders (`docs/model/received-invoices.md`), the legal sources cited
//! in these pages as "sources §N" and the design decisions.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

mod batch;
mod cash;
mod credit_note;
mod document;
mod draft_input;
mod error;
mod exchange;
mod goods;
mod invoice;
#[deny(clippy::arithmetic_side_effects)]
mod line;
pub mod prelude;
mod received;
mod render;
mod requisite;
mod retention;
mod services;
#[deny(clippy::arithmetic_side_effects)]
mod totals;
#[cfg(feature = "xml")]
mod ubl;

pub use batch::{AccountMapping, AccountingBatch, BatchEntry};
pub use cash::{
    CASH_TRANSACTION_LIMIT_EUR, CashBook, CashBookEntry, CashBusiness, CashCounterparty,
    CashDirection, CashOrder, DraftCashOrder, PayeeOmission,
};
pub use credit_note::{CreditedLine, DraftCreditNote, IssuedCreditNote};
pub use document::{
    DocumentKind, InvoiceContent, InvoiceKind, InvoiceReference, PaymentMeans, RetentionRule,
    VatExemption, retention_rules,
};
pub use draft_input::{
    AdjustmentInput, DocumentAdjustmentInput, ExchangeRateInput, ExemptionInput, InvoiceDraftInput,
    LineInput,
};
pub use error::{
    AccountingError, CashError, CreditNoteError, Finding, GoodsError, LineError, ReadUblError,
    ServicesError, ValidationReport, downcast_error,
};
pub use exchange::ExchangeRate;
pub use goods::{
    DiscrepancyKind, DraftPurchaseOrder, DraftWaybill, GoodsReceiptNote, ItemLine, PurchaseOrder,
    ReceiptLine, ReceivedLine, Transport, Waybill,
};
pub use invoice::{DraftInvoice, IssuedInvoice};
pub use line::{
    Adjustment, AdjustmentKind, DocumentAdjustment, InvoiceLine, LineVat, Quantity, RoundingPolicy,
    UnitCode,
};
#[cfg(feature = "xml")]
pub use received::read_received_invoice;
#[allow(deprecated)]
pub use received::render_received_invoice;
pub use received::{
    AllowanceChargeKind, CurrencyCode, DocumentPart, MAX_RECEIVED_BYTES, ParseCurrencyCodeError,
    ParseReceivedVatCategoryError, ReadInvoiceError, ReceivedAccount, ReceivedAddress,
    ReceivedAllowanceCharge, ReceivedAttachment, ReceivedCard, ReceivedClassification,
    ReceivedContact, ReceivedDelivery, ReceivedDirectDebit, ReceivedFinding, ReceivedFindingKind,
    ReceivedIdentifier, ReceivedInvoice, ReceivedInvoiceKind, ReceivedInvoiceLine, ReceivedItem,
    ReceivedItemAttribute, ReceivedNote, ReceivedParty, ReceivedPayee, ReceivedPaymentMeans,
    ReceivedPeriod, ReceivedPrecedingInvoice, ReceivedPrice, ReceivedSupportingDocument,
    ReceivedTaxRepresentative, ReceivedTotals, ReceivedVatBreakdown, ReceivedVatCategory,
    StatedAmount, render_received_invoice_in,
};
#[cfg(feature = "xml")]
#[allow(deprecated)]
pub use render::render_received;
#[allow(deprecated)]
pub use render::{
    render_acceptance_act, render_cash_book, render_cash_order, render_credit_note,
    render_goods_receipt_note, render_invoice, render_purchase_order, render_waybill,
};
pub use render::{
    render_acceptance_act_in, render_cash_book_in, render_cash_order_in, render_credit_note_in,
    render_goods_receipt_note_in, render_invoice_in, render_purchase_order_in, render_waybill_in,
};
pub use requisite::IssueOptions;
pub use services::ServiceRecord;
pub use services::{AcceptanceAct, DraftAcceptanceAct, ServiceBilling, ServiceLedger, Signatory};
pub use totals::{DocumentTotals, VatBreakdown};
#[cfg(feature = "xml")]
#[allow(deprecated)]
pub use ubl::{ReceivedDocument, ReceivedKind, read_ubl};
#[cfg(feature = "xml")]
pub use ubl::{write_ubl_credit_note, write_ubl_invoice};
