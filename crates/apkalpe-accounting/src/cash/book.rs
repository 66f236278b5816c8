//! The cash book (*kases grāmata*) and its entries.

#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, CashError};
use apkalpe_core::Money;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;
use std::collections::HashSet;

use super::*;

/// One line of the cash book: an order posted, and the balance after it.
///
/// # Saved form
///
/// `{"date", "number", "direction", "counterparty", "basis", "amount", "balance"}`. On its
/// own it deserialises through the checks an issued order passed (a number, a basis, an
/// amount above zero in whole cents) and a balance not below zero in the amount's currency;
/// inside a [`CashBook`] the book checks the running balance too.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashBookEntryRecord"))]
pub struct CashBookEntry {
    date: NaiveDate,
    number: String,
    direction: CashDirection,
    counterparty: Option<String>,
    basis: String,
    amount: Money,
    balance: Money,
}

#[cfg(feature = "serde")]
/// The saved form of a [`CashBookEntry`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashBookEntryRecord {
    date: NaiveDate,
    number: String,
    direction: CashDirection,
    counterparty: Option<String>,
    basis: String,
    amount: Money,
    balance: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<CashBookEntryRecord> for CashBookEntry {
    type Error = RestoreError;

    fn try_from(record: CashBookEntryRecord) -> Result<Self, Self::Error> {
        CashBookEntry::restore(record, "CashBookEntry")
    }
}

impl CashBookEntry {
    #[cfg(feature = "serde")]
    /// Restores a saved entry for `what` (the value holding it).
    fn restore(record: CashBookEntryRecord, what: &'static str) -> Result<Self, RestoreError> {
        let number = saved::text(what, "number", &record.number, "number")?;
        if number != record.number {
            return Err(RestoreError::inconsistent(
                what,
                "number",
                "a number has no surrounding whitespace",
            )
            .with_latvian_reason("numura sākumā un beigās nav atstarpju"));
        }
        let basis = saved::note(what, "basis", &record.basis, "basis")?;
        if !record.amount.is_positive() || !record.amount.is_in_minor_units() {
            return Err(RestoreError::inconsistent(
                what,
                "amount",
                format_args!(
                    "an order's amount is above zero in whole cents, found {}",
                    record.amount
                ),
            )
            .with_latvian_reason(format_args!(
                "ordera summai jābūt lielākai par nulli un veselos centos, bet ir {}",
                record.amount
            )));
        }
        if record.balance.currency() != record.amount.currency() {
            return Err(RestoreError::inconsistent(
                what,
                "balance",
                format_args!(
                    "in {}, the amount in {}",
                    record.balance.currency(),
                    record.amount.currency()
                ),
            )
            .with_latvian_reason(format_args!(
                "valūtā {}, bet summa valūtā {}",
                record.balance.currency(),
                record.amount.currency()
            )));
        }
        if record.balance.is_negative() {
            return Err(RestoreError::inconsistent(
                what,
                "balance",
                format_args!("{} is below zero", record.balance),
            )
            .with_latvian_reason(format_args!("{} ir zem nulles", record.balance)));
        }
        Ok(CashBookEntry {
            date: record.date,
            number: record.number,
            direction: record.direction,
            counterparty: record.counterparty,
            basis,
            amount: record.amount,
            balance: record.balance,
        })
    }
}

impl CashBookEntry {
    /// Returns the order date.
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
    /// assert_eq!(book.entries()[0].date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the order number.
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
    /// assert_eq!(book.entries()[0].number(), "KIO26-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the direction.
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
    /// assert_eq!(book.entries()[0].direction(), CashDirection::Receipt);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn direction(&self) -> CashDirection {
        self.direction
    }

    /// Returns the counterparty's name, if any.
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
    /// assert_eq!(book.entries()[0].counterparty(), Some("Anna Bērziņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counterparty(&self) -> Option<&str> {
        self.counterparty.as_deref()
    }

    /// Returns the basis.
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
    /// assert_eq!(book.entries()[0].basis(), "Apmaksa par rēķinu INV2026-00001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the amount (positive).
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
    /// assert_eq!(book.entries()[0].amount(), Money::new(dec!(120.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the balance after the entry.
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
    /// // 100.00 in the desk, 120.00 received.
    /// assert_eq!(book.entries()[0].balance(), Money::new(dec!(220.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn balance(&self) -> Money {
        self.balance
    }
}

/// The cash book (*kases grāmata*) of one business: every KIO and KIzO posted in date order,
/// with the running balance, which never goes below zero.
///
/// KIO and KIzO are numbered in two separate series (MK 625; sources §10 \[C3\]); the book
/// knows both ids and refuses an order from the wrong one, or of another business.
///
/// Serves: T4.6, T4.7, S27.
///
/// # Saved form
///
/// `{"business", "opening_balance", "receipt_series", "disbursement_series", "entries",
/// "balance"}` with the [`CashBusiness`] and [`CashBookEntry`] saved forms (a book saved
/// before issue 15 has no business and is refused with `restore.missing`). It deserialises
/// through the checks of
/// [`CashBook::try_new`] and [`CashBook::post`], replayed entry by entry: two different
/// series; each entry in the book's currency, dated no earlier than the one before, with a
/// number not posted before, and a balance that is the previous balance plus a receipt or
/// minus a disbursement and never below zero; the book's balance is the last entry's (the
/// opening balance without entries). `restore.inconsistent` or `restore.invalid` (with the
/// cash error as cause) names the entry's field, e.g. `entries[3].balance`.
///
/// An entry keeps its order's number as text, so which series an entry's number came from
/// is checked when it is posted, not on restore. The book does not require numbers without
/// gaps: an order refused by [`CashBook::post`] keeps its number; the batch completeness
/// check ([`AccountingBatch::check`](crate::AccountingBatch::check)) reports gaps.
///
/// ```
/// use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder, PayeeOmission};
/// use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let mut kizo = NumberSeries::try_new("kizo", "KIZO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
/// let deposit = DraftCashOrder::try_new(
///     business,
///     CashDirection::Disbursement,
///     CashCounterparty::Omitted(PayeeOmission::BankDeposit),
///     "Iemaksa bankā",
///     Money::new(dec!(60.00), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kizo, NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?)?;
/// book.post(&deposit)?;
///
/// let json = serde_json::to_string(&book)?;
/// let mut restored: CashBook = serde_json::from_str(&json)?;
/// assert_eq!(restored, book);
/// // The restored book still knows what was posted.
/// assert_eq!(restored.post(&deposit).unwrap_err().code(), "cash.already_posted");
///
/// let edited = json.replace(r#""balance":{"amount":"40.00""#, r#""balance":{"amount":"140.00""#);
/// let error = serde_json::from_str::<CashBook>(&edited).unwrap_err().to_string();
/// assert!(error.starts_with("restore.inconsistent: cannot restore CashBook: entries[0].balance:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// See [`DraftCashOrder`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashBookRecord"))]
pub struct CashBook {
    business: CashBusiness,
    opening_balance: Money,
    receipt_series: String,
    disbursement_series: String,
    entries: Vec<CashBookEntry>,
    balance: Money,
    /// The numbers posted, for the duplicate check; rebuilt on restore, never saved.
    #[cfg_attr(feature = "serde", serde(skip))]
    posted: HashSet<String>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`CashBook`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashBookRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    business: Option<CashBusiness>,
    opening_balance: Money,
    receipt_series: String,
    disbursement_series: String,
    entries: Vec<CashBookEntryRecord>,
    balance: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<CashBookRecord> for CashBook {
    type Error = RestoreError;

    fn try_from(record: CashBookRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashBook";
        let business = record.business.ok_or_else(|| {
            RestoreError::missing(
                WHAT,
                "business",
                "a cash book is the book of a business, named with its registration number (MK 625)",
            )
            .with_latvian_reason(
                "kases grāmata ir uzņēmuma grāmata, kurā norādīts tā nosaukums un reģistrācijas numurs (MK 625)",
            )
        })?;
        let mut book = CashBook::try_new(
            business,
            record.opening_balance,
            &record.receipt_series,
            &record.disbursement_series,
        )
        .map_err(|error| RestoreError::invalid(WHAT, "disbursement_series", error))?;
        book.entries.reserve(record.entries.len());
        book.posted.reserve(record.entries.len());
        for (index, entry) in record.entries.into_iter().enumerate() {
            let at = |field: &str| format!("entries[{index}].{field}");
            let entry = CashBookEntry::restore(entry, WHAT)
                .map_err(|error| error.within(format_args!("entries[{index}]")))?;
            let balance = book
                .balance_after(entry.date, &entry.number, entry.direction, entry.amount)
                .map_err(|error| match error {
                    AccountingError::Cash(CashError::AlreadyPosted { .. }) => {
                        RestoreError::duplicate(WHAT, at("number"), &entry.number)
                    }
                    AccountingError::Cash(CashError::OutOfOrder { .. }) => {
                        RestoreError::invalid(WHAT, at("date"), error)
                    }
                    AccountingError::Cash(CashError::NegativeBalance { .. }) => {
                        RestoreError::invalid(WHAT, at("balance"), error)
                    }
                    other => RestoreError::invalid(WHAT, at("amount"), other),
                })?;
            if balance != entry.balance {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("balance"),
                    format_args!(
                        "saved {}, the previous balance and the amount give {balance}",
                        entry.balance
                    ),
                )
                .with_latvian_reason(format_args!(
                    "saglabāts {}, bet pēc iepriekšējā atlikuma un summas sanāk {balance}",
                    entry.balance
                )));
            }
            book.push(entry);
        }
        if record.balance != book.balance {
            return Err(RestoreError::inconsistent(
                WHAT,
                "balance",
                format_args!(
                    "saved {}, the entries give {}",
                    record.balance, book.balance
                ),
            )
            .with_latvian_reason(format_args!(
                "saglabāts {}, bet pēc ierakstiem sanāk {}",
                record.balance, book.balance
            )));
        }
        Ok(book)
    }
}

impl CashBook {
    /// Opens the cash book of a business with an opening balance and the ids of the KIO and
    /// KIzO series.
    ///
    /// # Errors
    ///
    /// [`CashError::SharedSeries`] when both ids are the same.
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
    /// let book = CashBook::try_new(business.clone(), Money::new(dec!(0), Currency::EUR), "kio", "kizo")?;
    /// assert!(book.entries().is_empty());
    /// let shared = CashBook::try_new(business.clone(), Money::new(dec!(0), Currency::EUR), "kase", "kase");
    /// assert_eq!(shared.unwrap_err().code(), "cash.shared_series");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        business: CashBusiness,
        opening_balance: Money,
        receipt_series: &str,
        disbursement_series: &str,
    ) -> Result<Self, CashError> {
        if receipt_series == disbursement_series {
            return Err(CashError::SharedSeries {
                series: receipt_series.to_owned(),
            });
        }
        Ok(CashBook {
            business,
            opening_balance,
            receipt_series: receipt_series.to_owned(),
            disbursement_series: disbursement_series.to_owned(),
            entries: Vec::new(),
            balance: opening_balance,
            posted: HashSet::new(),
        })
    }

    /// Posts an order. A refused order leaves the book as it was.
    ///
    /// # Errors
    ///
    /// - [`CashError::OtherBusiness`] for an order of another business;
    /// - [`CashError::WrongSeries`] for an order numbered in the other direction's series;
    /// - [`CashError::Currency`] for an order in another currency;
    /// - [`CashError::AlreadyPosted`] for an order posted before;
    /// - [`CashError::OutOfOrder`] for an order dated before the last entry;
    /// - [`CashError::NegativeBalance`] when a disbursement exceeds the cash in the desk.
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
    /// let mut book = CashBook::try_new(business.clone(), Money::new(dec!(0), Currency::EUR), "kio", "kizo")?;
    /// let entry = book.post(&order)?;
    /// assert_eq!(entry.balance(), Money::new(dec!(120.00), Currency::EUR));
    /// // Posting the same order twice is refused, and the book is unchanged.
    /// assert_eq!(book.post(&order).unwrap_err().code(), "cash.already_posted");
    /// assert_eq!(book.entries().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn post(&mut self, order: &CashOrder) -> Result<&CashBookEntry, AccountingError> {
        if order.business() != &self.business {
            return Err(CashError::OtherBusiness {
                number: order.number().to_string(),
                business: order.business().name().to_owned(),
            }
            .into());
        }
        let expected = match order.direction() {
            CashDirection::Receipt => &self.receipt_series,
            CashDirection::Disbursement => &self.disbursement_series,
        };
        if order.number().series_id() != expected {
            return Err(CashError::WrongSeries {
                direction: order.direction().code(),
                expected: expected.clone(),
                found: order.number().series_id().to_owned(),
            }
            .into());
        }
        let balance = self.balance_after(
            order.date(),
            order.number().as_str(),
            order.direction(),
            order.amount(),
        )?;
        self.push(CashBookEntry {
            date: order.date(),
            number: order.number().to_string(),
            direction: order.direction(),
            counterparty: order.counterparty().name().map(str::to_owned),
            basis: order.basis().to_owned(),
            amount: order.amount(),
            balance,
        });
        self.entries.last().ok_or(AccountingError::Internal {
            code: "cash.entry_missing",
        })
    }

    /// Checks an order against the book as posting does, without changing it, and returns
    /// the balance after it.
    fn balance_after(
        &self,
        date: NaiveDate,
        number: &str,
        direction: CashDirection,
        amount: Money,
    ) -> Result<Money, AccountingError> {
        if amount.currency() != self.balance.currency() {
            return Err(CashError::Currency {
                expected: self.balance.currency().code(),
                found: amount.currency().code(),
            }
            .into());
        }
        if self.posted.contains(number) {
            return Err(CashError::AlreadyPosted {
                number: number.to_owned(),
            }
            .into());
        }
        if let Some(last) = self.entries.last()
            && date < last.date
        {
            return Err(CashError::OutOfOrder {
                date,
                last: last.date,
            }
            .into());
        }
        let balance = match direction {
            CashDirection::Receipt => self.balance.checked_add(amount)?,
            CashDirection::Disbursement => self.balance.checked_sub(amount)?,
        };
        if balance.is_negative() {
            return Err(CashError::NegativeBalance {
                date,
                amount: amount.amount(),
                balance: balance.amount(),
            }
            .into());
        }
        Ok(balance)
    }

    /// Appends an entry [`CashBook::balance_after`] accepted.
    fn push(&mut self, entry: CashBookEntry) {
        self.balance = entry.balance;
        self.posted.insert(entry.number.clone());
        self.entries.push(entry);
    }

    /// Returns the business whose cash book it is.
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
    /// assert_eq!(book.business().name(), "SIA Apkalpe");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn business(&self) -> &CashBusiness {
        &self.business
    }

    /// Returns the opening balance.
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
    /// assert_eq!(book.opening_balance(), Money::new(dec!(100.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn opening_balance(&self) -> Money {
        self.opening_balance
    }

    /// Returns the current balance.
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
    /// assert_eq!(book.balance(), Money::new(dec!(220.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn balance(&self) -> Money {
        self.balance
    }

    /// Returns the entries in posting order.
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
    /// assert_eq!(book.entries().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entries(&self) -> &[CashBookEntry] {
        &self.entries
    }

    /// Returns the id of the KIO series.
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
    /// assert_eq!(book.receipt_series(), "kio");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn receipt_series(&self) -> &str {
        &self.receipt_series
    }

    /// Returns the id of the KIzO series.
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
    /// assert_eq!(book.disbursement_series(), "kizo");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disbursement_series(&self) -> &str {
        &self.disbursement_series
    }
}

#[cfg(test)]
mod tests {
    use apkalpe_core::{Language, LocalizedError};
    use serde_json::json;

    use super::*;

    /// A saved entry whose balance is below zero, and a saved book whose closing balance is
    /// not what its entries give: the public `Deserialize` refuses both with the English
    /// reason, and the same refusals read in Latvian with their Latvian reasons.
    #[cfg(feature = "serde")]
    #[test]
    fn restore_reasons_are_written_in_latvian_too() {
        let eur = |amount: &str| json!({"amount": amount, "currency": "EUR"});
        let entry = |balance: &str| {
            json!({
                "date": "2026-03-02",
                "number": "KIO26-0001",
                "direction": "receipt",
                "counterparty": "Anna Bērziņa",
                "basis": "Par rēķinu INV2026-00001",
                "amount": eur("257.97"),
                "balance": eur(balance),
            })
        };
        let value = entry("-0.01");
        let public = serde_json::from_value::<CashBookEntry>(value.clone())
            .unwrap_err()
            .to_string();
        let record: CashBookEntryRecord = serde_json::from_value(value).unwrap();
        let error = CashBookEntry::try_from(record).unwrap_err();
        assert_eq!(public, error.to_string());
        assert!(
            public.ends_with("balance: -0.01 EUR is below zero"),
            "{public}"
        );
        let latvian = error.message_in(Language::Latvian);
        assert!(
            latvian.ends_with("balance: -0.01 EUR ir zem nulles"),
            "{latvian}"
        );
        assert!(!latvian.contains("below zero"), "{latvian}");

        let value = json!({
            "business": {"name": "SIA Apkalpe", "registration_number": "40003521600"},
            "opening_balance": eur("50.00"),
            "receipt_series": "kio",
            "disbursement_series": "kizo",
            "entries": [entry("307.97")],
            "balance": eur("307.98"),
        });
        let public = serde_json::from_value::<CashBook>(value.clone())
            .unwrap_err()
            .to_string();
        let record: CashBookRecord = serde_json::from_value(value).unwrap();
        let error = CashBook::try_from(record).unwrap_err();
        assert_eq!(public, error.to_string());
        assert!(
            public.ends_with("balance: saved 307.98 EUR, the entries give 307.97 EUR"),
            "{public}"
        );
        let latvian = error.message_in(Language::Latvian);
        assert!(
            latvian.ends_with("balance: saglabāts 307.98 EUR, bet pēc ierakstiem sanāk 307.97 EUR"),
            "{latvian}"
        );
        assert!(!latvian.contains("the entries give"), "{latvian}");
    }
}
