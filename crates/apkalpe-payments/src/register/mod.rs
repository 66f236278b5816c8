//! The cash register (*kases aparāts*): shifts, numbered sale and return receipts (*čeki*),
//! and the X and Z reports, computed by one pure function over the shift's events.
//!
//! A [`CashRegister`] holds the counters that outlive shifts (the next receipt number, the
//! next Z number, the perpetual grand total). Opening a shift moves the register into an
//! [`OpenShift`]; closing it with a count returns the register and the numbered [`ZReport`]:
//! a register can never have two open shifts, and a closed shift cannot take a sale.
//!
//! # Legal basis
//!
//! `docs/sources.md` §9 (MK noteikumi Nr. 96 and 95; card payments go through the register too; X =
//! interim, Z = day close that zeroes the day counters \[K1\]\[K2\]\[K3\]); `docs/sources.md` §13.2 (receipt
//! elements per VID's restatement of MK 96: taxpayer, "čeks" and number, fiscal module code,
//! date and time, per line name + VAT sign + quantity + price, each VAT rate with net and VAT,
//! grand total, device serial \[N17\]; Z carries its own number and date \[K7\]). The exact X/Z
//! field lists are not public (`docs/sources.md` §13.2, U): the reports carry what peers and VID's receipt
//! list suggest, and say so. Cash rounding only on the cash part (`docs/sources.md` §1 \[S7\]).
//!
//! Serves: T4.4, S35, T4.2, T4.3.

mod cash_register;
mod error;
mod identity;
mod receipt;
mod render;
mod totals;

#[cfg(test)]
mod tests;

pub use cash_register::{CashRegister, FiscalDevice, OpenShift};
pub use error::{FiscalDeviceError, RegisterError};
pub use identity::RegisterIdentity;
pub use receipt::{
    Discount, LineDiscount, PaymentMethod, Receipt, ReceiptKind, ReceiptLine, ReceiptPayment,
    Tender, VatLine, vat_sign,
};
pub use totals::{MethodTotals, RateTotals, ShiftEvent, ShiftTotals, XReport, ZReport};
