//! Cash receipt and disbursement orders (KIO, KIzO): the draft and the issued order.

use crate::document::check_note;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, ValidationReport};
use crate::line::{MAX_TEXT_CHARS, check_text};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{
    CentsStyle, Currency, DocumentNumber, Language, Money, NumberSeries, WordsOptions,
    amount_in_words,
};
use chrono::NaiveDate;

use super::*;

/// A cash order being prepared: the business, direction, counterparty, basis, amount, the
/// cashier.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
/// use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let order = DraftCashOrder::try_new(
///     business,
///     CashDirection::Receipt,
///     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
///     "Apmaksa par rēķinu INV2026-00001",
///     Money::new(dec!(36.30), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kio, day)?;
/// assert_eq!(order.number().as_str(), "KIO26-0001");
/// book.post(&order)?;
/// assert_eq!(book.balance().to_string(), "136.30 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"business", "direction", "counterparty", "basis", "amount", "cashier"}`, the business as
/// [`CashBusiness`] saves it; it deserialises through the checks of
/// [`DraftCashOrder::try_new`] (business, basis and cashier). An order saved before issue 15
/// has no business and is refused with `restore.missing` (field `business`): MK 625 p. 3
/// makes it a requisite.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftCashOrderRecord"))]
pub struct DraftCashOrder {
    business: CashBusiness,
    direction: CashDirection,
    counterparty: CashCounterparty,
    basis: String,
    amount: Money,
    cashier: String,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftCashOrder`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DraftCashOrderRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    business: Option<CashBusiness>,
    direction: CashDirection,
    counterparty: CashCounterparty,
    basis: String,
    amount: Money,
    cashier: String,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftCashOrderRecord> for DraftCashOrder {
    type Error = RestoreError;

    fn try_from(record: DraftCashOrderRecord) -> Result<Self, Self::Error> {
        DraftCashOrder::restore(record, "DraftCashOrder")
    }
}

impl DraftCashOrder {
    #[cfg(feature = "serde")]
    /// Restores a saved draft for `what` (the value holding it).
    fn restore(record: DraftCashOrderRecord, what: &'static str) -> Result<Self, RestoreError> {
        let business = record.business.ok_or_else(|| {
            RestoreError::missing(
                what,
                "business",
                "the business's name and registration number are requisites of a cash order (MK 625 p. 3)",
            )
            .with_latvian_reason(
                "uzņēmuma nosaukums un reģistrācijas numurs ir kases ordera rekvizīti (MK 625 3. p.)",
            )
        })?;
        Ok(DraftCashOrder {
            business,
            direction: record.direction,
            counterparty: record.counterparty,
            basis: saved::note(what, "basis", &record.basis, "basis")?,
            amount: record.amount,
            cashier: saved::text(what, "cashier", &record.cashier, "cashier")?,
        })
    }
}

impl DraftCashOrder {
    /// Creates a draft order of `business`.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank basis (above 1 000 characters) or cashier name
    /// (above 200).
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
    /// assert!(draft.validate().is_empty());
    /// let blank = DraftCashOrder::try_new(business.clone(), CashDirection::Receipt,
    ///     CashCounterparty::person("Anna Bērziņa", None)?, " ", Money::new(dec!(1), Currency::EUR), "Līga Kasiere");
    /// assert_eq!(blank.unwrap_err().code(), "line.text");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        business: CashBusiness,
        direction: CashDirection,
        counterparty: CashCounterparty,
        basis: &str,
        amount: Money,
        cashier: &str,
    ) -> Result<Self, AccountingError> {
        Ok(DraftCashOrder {
            business,
            direction,
            counterparty,
            basis: check_note(basis, "basis")?,
            amount,
            cashier: check_text(cashier, "cashier", MAX_TEXT_CHARS)?,
        })
    }

    /// Checks the order: an amount above zero in whole cents; a payee may be omitted only on
    /// a disbursement; a resident person needs a personal code (`cash.personal_code_missing`
    /// is reported when a person has none: pass a code, or record the person as
    /// non-resident by accepting the finding in your own flow).
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
    /// assert!(draft.validate().is_empty());
    /// let no_code = DraftCashOrder::try_new(business.clone(), CashDirection::Receipt,
    ///     CashCounterparty::person("Anna Bērziņa", None)?, "Apmaksa", Money::new(dec!(1), Currency::EUR), "Līga Kasiere")?;
    /// assert_eq!(no_code.validate().codes(), ["cash.personal_code_missing"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        if !self.amount.is_positive() || !self.amount.is_in_minor_units() {
            report.add(
                "amount",
                "cash.amount",
                format!(
                    "amount must be above zero in whole cents, found {}",
                    self.amount
                ),
                format!(
                    "summai jābūt lielākai par nulli un veselos centos, bet ir {}",
                    self.amount
                ),
            );
        }
        match &self.counterparty {
            CashCounterparty::Omitted(_) if self.direction == CashDirection::Receipt => report.add(
                "counterparty",
                "cash.payer_missing",
                "a receipt order names its payer",
                "ieņēmumu orderī norāda maksātāju",
            ),
            CashCounterparty::Person {
                personal_code: None,
                ..
            } => report.add(
                "counterparty.personal_code",
                "cash.personal_code_missing",
                "a resident's personal code is a requisite of a cash order",
                "rezidenta personas kods ir kases ordera rekvizīts",
            ),
            _ => {}
        }
        report
    }

    /// Issues the order with the next number of its series (KIO and KIzO use separate
    /// series; the [`CashBook`] checks which).
    ///
    /// # Errors
    ///
    /// [`AccountingError::Invalid`] with the findings of [`DraftCashOrder::validate`];
    /// [`AccountingError::NumberSeries`] when the series refuses the date.
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
    /// let order = draft.issue(&mut kio, day)?;
    /// assert_eq!(order.number().as_str(), "KIO26-0002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        self,
        series: &mut NumberSeries,
        date: NaiveDate,
    ) -> Result<CashOrder, AccountingError> {
        self.validate().into_result()?;
        let number = series.issue(date)?;
        Ok(CashOrder {
            number,
            date,
            draft: self,
        })
    }

    /// Issues the order for a non-resident person, for whom no personal code exists: the
    /// `cash.personal_code_missing` finding is not raised.
    ///
    /// # Errors
    ///
    /// As [`DraftCashOrder::issue`].
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
    /// let visitor = DraftCashOrder::try_new(business.clone(), CashDirection::Receipt,
    ///     CashCounterparty::person("John Smith", None)?, "Apmaksa", Money::new(dec!(10), Currency::EUR), "Līga Kasiere")?;
    /// let order = visitor.issue_for_non_resident(&mut kio, day)?;
    /// assert_eq!(order.counterparty().name(), Some("John Smith"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue_for_non_resident(
        self,
        series: &mut NumberSeries,
        date: NaiveDate,
    ) -> Result<CashOrder, AccountingError> {
        self.validate_for_non_resident().into_result()?;
        let number = series.issue(date)?;
        Ok(CashOrder {
            number,
            date,
            draft: self,
        })
    }

    /// The findings of [`DraftCashOrder::validate`] but `cash.personal_code_missing`: what
    /// every issued order passed.
    fn validate_for_non_resident(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        for finding in self.validate().findings() {
            if finding.code() != "cash.personal_code_missing" {
                report.push(finding.clone());
            }
        }
        report
    }
}

/// An issued cash order (KIO or KIzO): numbered, dated, signed by the cashier only.
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3–4: name, number, date, the business, the payer or payee,
/// basis, amount; only the cashier signs; an electronic order shows the amount in figures
/// only, a paper one traditionally in words too (sources §10) \[C1\]\[C2\]\[C3\].
///
/// Serves: T4.6, S27.
///
/// # Saved form
///
/// `{"number", "date", "draft"}` with the [`DraftCashOrder`] saved form. It deserialises
/// through what issuing guaranteed: a well-formed number of the order date's year and a draft
/// that passes [`DraftCashOrder::validate`] (a person without a personal code is accepted, as
/// [`DraftCashOrder::issue_for_non_resident`] issues one).
///
/// # Examples
///
/// See [`DraftCashOrder`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashOrderRecord"))]
pub struct CashOrder {
    number: DocumentNumber,
    date: NaiveDate,
    draft: DraftCashOrder,
}

#[cfg(feature = "serde")]
/// The saved form of a [`CashOrder`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashOrderRecord {
    number: NumberRecord,
    date: NaiveDate,
    draft: DraftCashOrderRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<CashOrderRecord> for CashOrder {
    type Error = RestoreError;

    fn try_from(record: CashOrderRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashOrder";
        let number = saved::number_dated(record.number, WHAT, "number", record.date, "date")?;
        let draft =
            DraftCashOrder::restore(record.draft, WHAT).map_err(|error| error.within("draft"))?;
        saved::requisites(WHAT, "draft", draft.validate_for_non_resident())?;
        Ok(CashOrder {
            number,
            date: record.date,
            draft,
        })
    }
}

impl CashOrder {
    /// Returns the number.
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
    /// assert_eq!(order.number().as_str(), "KIO26-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the date.
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
    /// assert_eq!(order.date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the business whose cash it is.
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
    /// assert_eq!(order.business(), &business);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn business(&self) -> &CashBusiness {
        &self.draft.business
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
    /// assert_eq!(order.direction(), CashDirection::Receipt);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn direction(&self) -> CashDirection {
        self.draft.direction
    }

    /// Returns the payer or payee.
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
    /// assert_eq!(order.counterparty().name(), Some("Anna Bērziņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn counterparty(&self) -> &CashCounterparty {
        &self.draft.counterparty
    }

    /// Returns the basis (purpose).
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
    /// assert_eq!(order.basis(), "Apmaksa par rēķinu INV2026-00001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.draft.basis
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
    /// assert_eq!(order.amount(), Money::new(dec!(120.00), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount(&self) -> Money {
        self.draft.amount
    }

    /// Returns the cashier, the one person who signs.
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
    /// assert_eq!(order.cashier(), "Līga Kasiere");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cashier(&self) -> &str {
        &self.draft.cashier
    }

    /// Tells whether the amount is above the EUR 7 200 cash transaction limit
    /// ([`CASH_TRANSACTION_LIMIT_EUR`]); the limit applies to transactions with another
    /// party, not to cash taken to the bank, so it is a signal, not a refusal.
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
    /// assert!(!order.exceeds_cash_limit());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exceeds_cash_limit(&self) -> bool {
        self.draft.amount.currency() == Currency::EUR
            && self.draft.amount.amount() > CASH_TRANSACTION_LIMIT_EUR
    }

    /// Returns the amount in words, for a paper order.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Words`] for a currency without words.
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
    /// assert_eq!(order.amount_in_words(Language::Latvian)?, "viens simts divdesmit euro un 00 centu");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_in_words(&self, language: Language) -> Result<String, AccountingError> {
        Ok(amount_in_words(
            &self.draft.amount,
            language,
            &WordsOptions::default().with_cents(CentsStyle::Figures),
        )?)
    }
}
