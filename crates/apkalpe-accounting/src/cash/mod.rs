//! Cash orders (*kases orderi*, KIO and KIzO) and the cash book (*kases grāmata*) they post
//! to, as Cabinet Regulation No. 625 (2021) requires.

use rust_decimal::Decimal;

use crate::document::DocumentKind;

/// The cash transaction limit between a business and another party: law "Par nodokļiem un
/// nodevām" art. 30, more than EUR 7 200 may not be paid in cash (sources §10, C \[C4\]\[C5\]).
pub const CASH_TRANSACTION_LIMIT_EUR: Decimal = Decimal::from_parts(7200, 0, 0, false, 0);

/// Whether cash comes in (a receipt order, KIO) or goes out (a disbursement order, KIzO).
///
/// Saved as `"receipt"` or `"disbursement"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CashDirection {
    /// Cash received: *kases ieņēmumu orderis* (KIO).
    Receipt,
    /// Cash paid out: *kases izdevumu orderis* (KIzO).
    Disbursement,
}

impl CashDirection {
    /// Returns the document kind.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(CashDirection::Receipt.document_kind(), DocumentKind::CashReceiptOrder);
    /// assert_eq!(CashDirection::Disbursement.document_kind(), DocumentKind::CashDisbursementOrder);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn document_kind(self) -> DocumentKind {
        match self {
            CashDirection::Receipt => DocumentKind::CashReceiptOrder,
            CashDirection::Disbursement => DocumentKind::CashDisbursementOrder,
        }
    }

    const fn code(self) -> &'static str {
        match self {
            CashDirection::Receipt => "receipt",
            CashDirection::Disbursement => "disbursement",
        }
    }
}

/// Why a disbursement order names no payee (MK 625 p. 4: cash handed to a cash-in-transit
/// carrier, paid into a bank by the cashier, or exchanged for other denominations).
///
/// Saved as `"cash_in_transit"`, `"bank_deposit"` or `"change_of_denominations"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PayeeOmission {
    /// Handed to a cash-in-transit carrier (*inkasācija*).
    CashInTransit,
    /// Paid into the business's bank account by the cashier.
    BankDeposit,
    /// Exchanged for other denominations.
    ChangeOfDenominations,
}

mod book;
mod order;
mod parties;

pub use book::{CashBook, CashBookEntry};
pub use order::{CashOrder, DraftCashOrder};
pub use parties::{CashBusiness, CashCounterparty};
