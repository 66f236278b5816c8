//! Payments at the customer service desk (*norēķini ar klientiem*): cash (*skaidra nauda*),
//! payment cards (*maksājumu kartes*), bank transfers with the EPC QR code, the cash register
//! (*kases aparāts*) with its X and Z reports (*X un Z atskaites*), receivables with payment
//! reminders, and the reconciliation of ISO 20022 bank statements (*bankas izraksts*) and
//! intraday account reports.
//!
//! Serves: T4.2 (cash deposits and payouts), T4.3 (payment cards and non-cash settlement),
//! T4.4 (the cash register), T4.5 (payment deadlines), S33, S34, S35, C20, knowledge 3.15–3.16
//! of the Latvian profession standard for customer service specialists.
//!
//! The crate is pure, like all of Apkalpe: no I/O, no clock, no randomness. Instants, dates,
//! idempotency keys and document references arrive as arguments; the card terminal and the
//! fiscal device are ports ([`CardTerminal`], [`FiscalDevice`]) that integrators implement.
//!
//! # Brief overview
//!
//! - [`CashTender`], [`CashCount`], [`Denomination`], [`CashMovement`], [`CashLimits`]: tender
//!   and change under core's [`CashRounding`](apkalpe_core::CashRounding), change by notes and
//!   coins, deposits and payouts backed by cash orders, the 7 200 / 1 500 EUR limits.
//! - [`CashLimitLedger`], [`CashOperation`], [`CashCounterparty`], [`CashDeclaration`]: the
//!   limits as an engine: linked cash operations (same client and day, same invoice) summed
//!   into deals, deals over the cap refused, deals over 1 500 EUR with taxpayers marked and
//!   reported monthly; a register given the cap ([`CashRegister::with_cash_limits`]) refuses a
//!   receipt whose cash part is over it.
//! - [`CardNumber`] (never printed, never serialised), [`MaskedPan`], [`CardBrand`],
//!   [`CardExpiry`]: card validation by Luhn, length and IIN range.
//! - [`CardPayment`], [`CardTerminal`], [`SimulatedTerminal`], [`IdempotencyKey`],
//!   [`CardOnFile`]: the card payment life cycle with idempotent requests.
//! - [`PaymentRequest`], [`Remittance`], [`Bic`]: SEPA transfer requests and the EPC QR
//!   payload and SVG.
//! - [`CashRegister`], [`OpenShift`], [`Receipt`], [`ShiftTotals`], [`XReport`], [`ZReport`],
//!   [`FiscalDevice`]: shifts, numbered receipts, X and Z from one computation.
//! - [`Discount`], [`LineDiscount`]: discounts on receipt lines, printed in money and counted
//!   in X and Z.
//! - [`Receivable`], [`ReceivableLedger`], [`PaymentReminder`], [`read_receivables_csv`]:
//!   what clients owe, allocation of payments, reminders, settled receivables archived behind
//!   a horizon.
//! - [`BankStatement`], [`EntryStatus`], [`reconcile`], [`ReconciliationReport`]: camt.052 /
//!   camt.053 / camt.054 reading and matching; a batch entry (one booked amount, a `TxDtls`
//!   per payment) is split and each payment matched on its own when its parts add up, and
//!   entries not booked (`PDNG`, `INFO`) are reported, never applied.
//! - [`PaymentsError`]: every error of the crate, each with a stable code and a message in
//!   English and Latvian (core's [`LocalizedError`](apkalpe_core::LocalizedError));
//!   [`downcast_error`] finds them behind a `Box<dyn Error>`.
//!
//! # Importing
//!
//! `use apkalpe_payments::prelude::*;` brings what a program uses ([`prelude`]). Six names are
//! used by other Apkalpe crates too (`ReceiptLine`, `Discount`, `CashError`, `RegisterError`,
//! `CashCounterparty`, `CashDirection`); the prelude exports them as
//! [`prelude::CashReceiptLine`], [`prelude::ReceiptDiscount`], [`prelude::CashHandlingError`],
//! [`prelude::CashRegisterError`], [`prelude::CashLimitCounterparty`] and
//! [`prelude::CashLimitDirection`], so the preludes of several crates can be imported together.
//!
//! # Saving and restoring
//!
//! With the `serde` feature (on by default), every state and report type implements
//! `Deserialize` as well as `Serialize`, with a named,
//! documented JSON form (see the "Saved form" of [`ReceivableLedger`], [`OpenShift`],
//! [`CashRegister`], [`CardPayment`], [`CashCount`]). Restoring goes through the same checks as
//! the operations, rebuilding indexes rather than trusting saved ones, and refuses a value edited
//! into an illegal state with core's [`RestoreError`](apkalpe_core::RestoreError), whose text
//! starts with its code. A long-running ledger stays bounded with
//! [`ReceivableLedger::archive_settled`].
//!
//! # Example
//!
//! ```
//! use apkalpe_core::{CountryCode, Currency, Money, VatRate};
//! use apkalpe_payments::{
//!     CardPayment, CashCount, CashRegister, Denomination, IdempotencyKey, ReceiptLine,
//!     RegisterIdentity, SimulatedTerminal, Tender,
//! };
//! use chrono::{TimeZone, Utc};
//! use rust_decimal_macros::dec;
//!
//! let eur = |d| Money::new(d, Currency::EUR);
//! let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
//! let identity = RegisterIdentity::try_new(
//!     "SIA Apkalpe Demo", "40003521600", "Gedimino pr. 1, Vilnius", "KA-1", "FM-1", CountryCode::LT,
//! )?;
//! let float = CashCount::new().with(Denomination::Euro10, 5)?;
//! let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", float, at)?;
//! let vat = VatRate::try_new(dec!(21))?;
//!
//! // A cash sale in Lithuania: 4.98 is rounded to 5.00 in cash.
//! let bread = ReceiptLine::try_new("Duona", dec!(2), eur(dec!(2.49)), vat)?;
//! let cash = shift.sell(vec![bread], &[Tender::Cash { tendered: eur(dec!(10)) }], at)?;
//! assert_eq!((cash.rounding().to_string(), cash.change().to_string()), ("0.02 EUR".into(), "5.00 EUR".into()));
//!
//! // A card sale on the simulated terminal: card payments are never rounded.
//! let mut terminal = SimulatedTerminal::new();
//! let mut payment = CardPayment::try_new(eur(dec!(4.98)))?;
//! let today = at.date_naive();
//! payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("s2-auth")?, today)?;
//! payment.capture(&mut terminal, eur(dec!(4.98)), &IdempotencyKey::try_new("s2-capture")?)?;
//! let masked = payment.card().map(|c| c.masked().to_string()).unwrap_or_default();
//! let bread = ReceiptLine::try_new("Duona", dec!(2), eur(dec!(2.49)), vat)?;
//! shift.sell(vec![bread], &[Tender::Card { amount: eur(dec!(4.98)), reference: masked }], at)?;
//!
//! let (_register, z) = shift.close(CashCount::new().with(Denomination::Euro10, 5)?.with(Denomination::Euro5, 1)?, at)?;
//! assert_eq!(z.totals().sales_total().to_string(), "9.96 EUR");
//! assert!(z.over_short().is_zero());
//! # Ok::<(), apkalpe_payments::PaymentsError>(())
//! ```
//!
//! # Crate features
//!
//! All are on by default; each can be left out (`default-features = false`) when a program
//! does not need it, and its dependency goes with it.
//!
//! - `serde`: `Serialize` and `Deserialize` for every value, state and report type. The JSON
//!   forms are part of the API; deserialising runs each type's checks and refuses a value
//!   edited into an illegal state with core's [`RestoreError`](apkalpe_core::RestoreError).
//! - `xml`: the ISO 20022 camt.052/053/054 reader, [`BankStatement::read`] (quick-xml).
//!   Without it, statements are built with [`BankStatement::new`] and reconciled the same way.
//! - `csv`: the receivables CSV reader, `read_receivables_csv` (no dependency).
//! - `qr`: the EPC QR code as SVG, [`PaymentRequest::epc_svg`] (qrcode). The EPC payload text,
//!   [`PaymentRequest::epc_payload`], needs no feature.
//!
//! # Further reading
//!
//! The Apkalpe repository's `docs/` folder (not needed to use this crate) explains the domain
//! model with worked numbers (`docs/model/payments.md`), the glossary of Latvian terms, the
//! legal sources cited in these pages as "`docs/sources.md` §N", and the mapping of the
//! profession standard's tasks to the API.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
// Errors carry the amounts they are about (`Money` is 56 bytes) so messages and callers can
// name them; an error is the rare path, so its size costs nothing that matters.
#![allow(clippy::result_large_err)]

mod camt;
mod card;
mod card_payment;
mod cash;
mod cash_limit;
mod epc;
mod error;
mod localized;
mod receivable;
mod reconcile;
mod register;
mod terminal;

pub mod prelude;

pub use camt::{
    BankStatement, CreditDebit, EntryStatus, EntryTransaction, StatementEntry, StatementError,
    StatementKind,
};
pub use card::{
    CardBrand, CardExpiry, CardNumber, MaskedPan, ParseCardExpiryError, ParseCardNumberError,
    ParseMaskedPanError,
};
pub use card_payment::{
    CardPayment, CardPaymentError, CardPaymentEvent, CardPaymentState, CardPaymentStatus,
};
pub use cash::{
    CashCount, CashError, CashLimitCheck, CashLimits, CashMovement, CashMovementKind, CashTender,
    Denomination,
};
pub use cash_limit::{
    CashCounterparty, CashDeclaration, CashDirection, CashLimitError, CashLimitLedger,
    CashLimitVerdict, CashOperation, DeclarationLine,
};
pub use epc::{Bic, EpcQrError, ParseBicError, PaymentRequest, Remittance};
pub use error::PaymentsError;
pub use localized::downcast_error;
pub use receivable::{
    Allocation, AllocationPart, AllocationTarget, IncomingPayment, PaymentReminder, Receivable,
    ReceivableError, ReceivableLedger, ReceivableStatus, ReceivablesCsvError, ReminderItem,
};
#[cfg(feature = "csv")]
pub use receivable::{RECEIVABLES_CSV_HEADER, read_receivables_csv};
pub use reconcile::{EntryOutcome, MatchRule, MatchStatus, ReconciliationReport, reconcile};
pub use register::{
    CashRegister, Discount, FiscalDevice, FiscalDeviceError, LineDiscount, MethodTotals, OpenShift,
    PaymentMethod, RateTotals, Receipt, ReceiptKind, ReceiptLine, ReceiptPayment, RegisterError,
    RegisterIdentity, ShiftEvent, ShiftTotals, Tender, VatLine, XReport, ZReport, vat_sign,
};
pub use terminal::{
    AuthorisationCode, AuthorisationRequest, CardOnFile, CardTerminal, CardToken, DeclineReason,
    IdempotencyKey, ParseTerminalIdError, SimulatedTerminal, TerminalAuthorisation, TerminalError,
    TokenRequest,
};
