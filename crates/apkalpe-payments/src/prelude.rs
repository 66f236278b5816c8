//! What a program that embeds the crate uses, in one import:
//! `use apkalpe_payments::prelude::*;`.
//!
//! This is the way to import the crate, alone or next to the preludes of other Apkalpe crates.
//! Most names are the crate's own. Six names of this crate are also names of other Apkalpe
//! crates, so the prelude exports them only under a name that says which one this is, and
//! globbing several crates' preludes never makes a name ambiguous:
//!
//! | here | the crate's own name | also in |
//! |---|---|---|
//! | [`CashReceiptLine`] | [`ReceiptLine`](crate::ReceiptLine) | `apkalpe-accounting` (a line of a goods receipt note) |
//! | [`ReceiptDiscount`] | [`Discount`](crate::Discount) | `apkalpe-catalogue` (a discount of a price list) |
//! | [`CashHandlingError`] | [`CashError`](crate::CashError) | `apkalpe-accounting` (cash orders and the cash book) |
//! | [`CashRegisterError`] | [`RegisterError`](crate::RegisterError) | `apkalpe-clients` (commercial register), `apkalpe-documents` (records register) |
//! | [`CashLimitCounterparty`] | [`CashCounterparty`](crate::CashCounterparty) | `apkalpe-accounting` (the other party of a cash order) |
//! | [`CashLimitDirection`] | [`CashDirection`](crate::CashDirection) | `apkalpe-accounting` (receipt or disbursement order) |
//!
//! The crate's own names stay at its root (`apkalpe_payments::ReceiptLine`); use them by path
//! when that reads better. [`downcast_error`](crate::downcast_error) shares its name with
//! every crate's and is not in the prelude: write `apkalpe_payments::downcast_error`. The
//! prelude also brings core's [`LocalizedError`], so `code()` and `message_in(Language)` work
//! on every error without a further import.
//!
//! # Examples
//!
//! ```
//! use apkalpe_core::{CountryCode, Currency, Language, Money, VatRate};
//! use apkalpe_payments::prelude::*;
//! use chrono::{TimeZone, Utc};
//! use rust_decimal_macros::dec;
//!
//! let eur = |d| Money::new(d, Currency::EUR);
//! let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
//! let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
//! let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
//! let line = CashReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?
//!     .with_discount(ReceiptDiscount::Percent(dec!(10)), "akcija")?;
//! let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
//! assert_eq!(receipt.total(), eur(dec!(3.58)));
//!
//! let error: CashRegisterError = shift.sell(vec![], &[], at).unwrap_err();
//! assert_eq!(error.code(), "register.no_lines");
//! assert_eq!(error.message_in(Language::Latvian), "čekā jābūt vismaz vienai rindai");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub use apkalpe_core::LocalizedError;

pub use crate::{
    Allocation, AllocationPart, AllocationTarget, AuthorisationCode, AuthorisationRequest,
    BankStatement, Bic, CardBrand, CardExpiry, CardNumber, CardOnFile, CardPayment,
    CardPaymentError, CardPaymentEvent, CardPaymentState, CardPaymentStatus, CardTerminal,
    CardToken, CashCount, CashDeclaration, CashLimitCheck, CashLimitError, CashLimitLedger,
    CashLimitVerdict, CashLimits, CashMovement, CashMovementKind, CashOperation, CashRegister,
    CashTender, CreditDebit, DeclarationLine, DeclineReason, Denomination, EntryOutcome,
    EntryStatus, EntryTransaction, EpcQrError, FiscalDevice, FiscalDeviceError, IdempotencyKey,
    IncomingPayment, LineDiscount, MaskedPan, MatchRule, MatchStatus, MethodTotals, OpenShift,
    ParseBicError, ParseCardExpiryError, ParseCardNumberError, ParseMaskedPanError,
    ParseTerminalIdError, PaymentMethod, PaymentReminder, PaymentRequest, PaymentsError,
    RateTotals, Receipt, ReceiptKind, ReceiptPayment, Receivable, ReceivableError,
    ReceivableLedger, ReceivableStatus, ReceivablesCsvError, ReconciliationReport,
    RegisterIdentity, ReminderItem, Remittance, ShiftEvent, ShiftTotals, SimulatedTerminal,
    StatementEntry, StatementError, StatementKind, Tender, TerminalAuthorisation, TerminalError,
    TokenRequest, VatLine, XReport, ZReport, reconcile, vat_sign,
};
#[cfg(feature = "csv")]
pub use crate::{RECEIVABLES_CSV_HEADER, read_receivables_csv};

/// A line of a cash register receipt: [`ReceiptLine`](crate::ReceiptLine), named so it does
/// not clash with `apkalpe_accounting::ReceiptLine` (a line of a goods receipt note).
pub use crate::ReceiptLine as CashReceiptLine;

/// A discount on a receipt line: [`Discount`](crate::Discount), named so it does not clash
/// with `apkalpe_catalogue::Discount` (a discount of a price list).
pub use crate::Discount as ReceiptDiscount;

/// An error of counting, tendering and moving cash: [`CashError`](crate::CashError), named so
/// it does not clash with `apkalpe_accounting::CashError` (cash orders and the cash book).
pub use crate::CashError as CashHandlingError;

/// An error of the cash register: [`RegisterError`](crate::RegisterError), named so it does
/// not clash with the `RegisterError` of `apkalpe-clients` and `apkalpe-documents`.
pub use crate::RegisterError as CashRegisterError;

/// The other party of a cash operation under the cash limits:
/// [`CashCounterparty`](crate::CashCounterparty), named so it does not clash with
/// `apkalpe_accounting::CashCounterparty`.
pub use crate::CashCounterparty as CashLimitCounterparty;

/// Which way cash went in the cash-limit engine: [`CashDirection`](crate::CashDirection),
/// named so it does not clash with `apkalpe_accounting::CashDirection`.
pub use crate::CashDirection as CashLimitDirection;
