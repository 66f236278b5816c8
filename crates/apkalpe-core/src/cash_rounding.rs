//! Cash rounding (*skaidrās naudas noapaļošana*) as an effective-dated policy per country.
//!
//! Estonia (from 1 January 2025) and Lithuania (from 1 May 2025) round the final total of a
//! cash payment to the nearest 0.05 EUR: endings 1, 2 and 6, 7 go down, 3, 4 and 8, 9 go up.
//! Only the part of a bill paid in cash is rounded, never card or transfer payments, and VAT
//! stays computed on the unrounded amount. Latvia has no such law (sources §1), so its
//! preset rounds nothing. The presets are rows of one table: when a country adopts a rule,
//! adding it is one row ([`CashRoundingRule`]), and callers can add their own with
//! [`CashRounding::with_rule`].
//!
//! # Legal basis
//!
//! `docs/sources.md` §1: no Latvian law \[S1\]\[S2\]\[S8\]; EE and LT rule and last-digit table \[S4\]\[S5\]\[S6\];
//! mixed tender and VAT on the unrounded amount \[S7\].

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::rounding::Rounding;
use crate::{CountryCode, Currency, Language, LocalizedError, Money, MoneyError};

/// One row of the cash-rounding table: from a date on, a country rounds cash payments in a
/// currency with a rounding, or not at all.
///
/// # Examples
///
/// ```
/// use apkalpe_core::rounding::Rounding;
/// use apkalpe_core::{CashRounding, CashRoundingRule, CountryCode, Currency};
/// use chrono::NaiveDate;
///
/// // If Latvia adopted a 0.05 rule from 1 July 2027, this row would be all it takes.
/// let rule = CashRoundingRule::new(
///     CountryCode::LV,
///     Currency::EUR,
///     NaiveDate::from_ymd_opt(2027, 7, 1).unwrap(),
///     Some(Rounding::CASH_5_CENTS),
///     "hypothetical Latvian law",
/// );
/// let policy = CashRounding::builtin().with_rule(rule);
/// let date = NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
/// assert!(policy.rule_in_force(CountryCode::LV, date)?.rounding().is_some());
/// # Ok::<(), apkalpe_core::CashRoundingError>(())
/// ```
///
/// Saved as `{"country": "EE", "currency": "EUR", "effective_from": "2025-01-01",
/// "rounding": {…} or null, "legal_basis": "…"}`; each field is read through its own type's
/// checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashRoundingRule {
    country: CountryCode,
    currency: Currency,
    effective_from: NaiveDate,
    rounding: Option<Rounding>,
    legal_basis: Cow<'static, str>,
}

impl CashRoundingRule {
    /// Creates a rule: from `effective_from` on, cash payments in `currency` in `country` are
    /// rounded with `rounding` (`None`: not rounded). `legal_basis` names the law.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRoundingRule, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let rule = CashRoundingRule::new(
    ///     CountryCode::LV,
    ///     Currency::EUR,
    ///     NaiveDate::from_ymd_opt(2027, 7, 1).ok_or("date")?,
    ///     Some(Rounding::CASH_5_CENTS),
    ///     "hypothetical Latvian law",
    /// );
    /// assert_eq!(rule.country(), CountryCode::LV);
    /// assert_eq!(rule.legal_basis(), "hypothetical Latvian law");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(
        country: CountryCode,
        currency: Currency,
        effective_from: NaiveDate,
        rounding: Option<Rounding>,
        legal_basis: &'static str,
    ) -> Self {
        CashRoundingRule {
            country,
            currency,
            effective_from,
            rounding,
            legal_basis: Cow::Borrowed(legal_basis),
        }
    }

    /// Returns the country.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let rule = CashRounding::builtin().rule_in_force(CountryCode::EE, day)?.clone();
    /// assert_eq!(rule.country(), CountryCode::EE);
    /// # let _ = (Currency::EUR, Rounding::CASH_5_CENTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn country(&self) -> CountryCode {
        self.country
    }

    /// Returns the currency of the cash payments the rule covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let rule = CashRounding::builtin().rule_in_force(CountryCode::EE, day)?.clone();
    /// assert_eq!(rule.currency(), Currency::EUR);
    /// # let _ = (Currency::EUR, Rounding::CASH_5_CENTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the first day the rule applies.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let rule = CashRounding::builtin().rule_in_force(CountryCode::EE, day)?.clone();
    /// assert_eq!(rule.effective_from().to_string(), "2025-01-01");
    /// # let _ = (Currency::EUR, Rounding::CASH_5_CENTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn effective_from(&self) -> NaiveDate {
        self.effective_from
    }

    /// Returns the rounding, or `None` when cash is not rounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let rule = CashRounding::builtin().rule_in_force(CountryCode::EE, day)?.clone();
    /// assert_eq!(rule.rounding(), Some(Rounding::CASH_5_CENTS));
    /// # let _ = (Currency::EUR, Rounding::CASH_5_CENTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rounding(&self) -> Option<Rounding> {
        self.rounding
    }

    /// Returns the law or source the rule rests on.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let rule = CashRounding::builtin().rule_in_force(CountryCode::EE, day)?.clone();
    /// assert!(!rule.legal_basis().is_empty());
    /// # let _ = (Currency::EUR, Rounding::CASH_5_CENTS);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_basis(&self) -> &str {
        &self.legal_basis
    }
}

/// The error returned when no cash-rounding rule applies or rounding fails.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
/// let error = CashRounding::builtin()
///     .settle_cash(CountryCode::DE, day, Money::new(dec!(1), Currency::EUR))
///     .unwrap_err();
/// assert_eq!(error.code(), "cash_rounding.no_rule");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CashRoundingError {
    /// The table has no row for the country on that date (a date before the first row, or a
    /// country not in the table). The table does not guess.
    #[error("no cash-rounding rule for {country} on {date}")]
    NoRule {
        /// The country asked for.
        country: CountryCode,
        /// The date asked for.
        date: NaiveDate,
    },
    /// The payment is in another currency than the rule in force covers.
    #[error("the cash-rounding rule of {country} covers {expected}, the payment is in {found}")]
    Currency {
        /// The country.
        country: CountryCode,
        /// The rule's currency.
        expected: Currency,
        /// The payment's currency.
        found: Currency,
    },
    /// The non-cash part is larger than the total, or in another currency.
    #[error("non-cash payments of {non_cash} exceed the total of {total}")]
    NonCashExceedsTotal {
        /// The total.
        total: Money,
        /// The non-cash part.
        non_cash: Money,
    },
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl CashRoundingError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let error = CashRounding::builtin()
    ///     .settle(CountryCode::EE, day, Money::new(dec!(1), Currency::EUR), Money::new(dec!(2), Currency::EUR))
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "cash_rounding.non_cash_exceeds_total");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CashRoundingError::NoRule { .. } => "cash_rounding.no_rule",
            CashRoundingError::Currency { .. } => "cash_rounding.currency",
            CashRoundingError::NonCashExceedsTotal { .. } => "cash_rounding.non_cash_exceeds_total",
            CashRoundingError::Money(error) => error.code(),
        }
    }
}

impl LocalizedError for CashRoundingError {
    fn code(&self) -> &'static str {
        CashRoundingError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            CashRoundingError::NoRule { country, date } => write!(
                f,
                "valstij {country} {date} nav skaidras naudas noapaļošanas noteikuma"
            ),
            CashRoundingError::Currency {
                country,
                expected,
                found,
            } => write!(
                f,
                "valsts {country} skaidras naudas noapaļošanas noteikums attiecas uz {expected}, bet maksājums ir valūtā {found}"
            ),
            CashRoundingError::NonCashExceedsTotal { total, non_cash } => write!(
                f,
                "bezskaidras naudas maksājumi {non_cash} pārsniedz kopsummu {total}"
            ),
            CashRoundingError::Money(error) => error.fmt_in(language, f),
        }
    }
}

/// The outcome of settling a bill in which part is paid in cash.
///
/// `cash_due` is what the customer hands over in cash; `difference` = `cash_due` −
/// `cash_unrounded` is the rounding difference (positive when rounded up). The VAT of the bill
/// is unaffected: it is computed on the unrounded `total`.
///
/// Computed by [`CashRounding::settle`]: its fields are read through getters. It
/// deserialises from the form it serialises to, each amount through [`Money`]'s checks.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
/// let settlement = CashRounding::builtin().settle_cash(CountryCode::EE, day, Money::new(dec!(10.33), Currency::EUR))?;
/// assert_eq!(settlement.cash_due().to_string(), "10.35 EUR");
/// assert_eq!(settlement.difference().to_string(), "0.02 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CashSettlement {
    /// The bill's total before cash rounding.
    pub(crate) total: Money,
    /// The part paid by card, transfer or other non-cash means: never rounded.
    pub(crate) non_cash: Money,
    /// The part to be paid in cash before rounding: `total − non_cash`.
    pub(crate) cash_unrounded: Money,
    /// The cash part after rounding: what the customer pays in cash.
    pub(crate) cash_due: Money,
    /// `cash_due − cash_unrounded`.
    pub(crate) difference: Money,
    /// The rule applied.
    pub(crate) rule: CashRoundingRule,
}

impl CashSettlement {
    /// Returns the bill's total before cash rounding.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.total(), eur(dec!(12.33)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> Money {
        self.total
    }

    /// Returns the part paid by card, transfer or other non-cash means: never rounded.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.non_cash(), eur(dec!(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn non_cash(&self) -> Money {
        self.non_cash
    }

    /// Returns the part to be paid in cash before rounding: `total − non_cash`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.cash_unrounded(), eur(dec!(10.33)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cash_unrounded(&self) -> Money {
        self.cash_unrounded
    }

    /// Returns the cash part after rounding: what the customer pays in cash.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.cash_due(), eur(dec!(10.35)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cash_due(&self) -> Money {
        self.cash_due
    }

    /// Returns the rounding difference, `cash_due − cash_unrounded` (positive when rounded up).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.difference(), eur(dec!(0.02)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn difference(&self) -> Money {
        self.difference
    }

    /// Returns the rule applied.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.rule().country(), CountryCode::EE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rule(&self) -> &CashRoundingRule {
        &self.rule
    }

    /// Returns what is paid in all: `non_cash + cash_due`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.total_paid()?.to_string(), "12.35 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] in theory only (both parts are at most the total plus 0.02).
    pub fn total_paid(&self) -> Result<Money, MoneyError> {
        self.non_cash.checked_add(self.cash_due)
    }
}

/// The cash-rounding policy: a table of effective-dated rules per country.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let policy = CashRounding::builtin();
/// let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let bill = Money::new(dec!(12.33), Currency::EUR);
/// let card = Money::new(dec!(2.00), Currency::EUR);
///
/// // Estonia: the 10.33 paid in cash becomes 10.35.
/// let estonia = policy.settle(CountryCode::EE, date, bill, card)?;
/// assert_eq!(estonia.cash_due().to_string(), "10.35 EUR");
/// assert_eq!(estonia.difference().to_string(), "0.02 EUR");
///
/// // Latvia: no rounding law, the cash part stays 10.33.
/// let latvia = policy.settle(CountryCode::LV, date, bill, card)?;
/// assert_eq!(latvia.cash_due().to_string(), "10.33 EUR");
/// assert!(latvia.difference().is_zero());
/// # Ok::<(), apkalpe_core::CashRoundingError>(())
/// ```
///
/// # Saved form
///
/// `{"rules": [{"country": "EE", …}, …]}`. Deserialising goes through
/// [`CashRounding::from_rules`], so the rules are sorted by country and date as the policy
/// needs them, whatever order they were saved in.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::CashRounding;
///
/// let policy = CashRounding::builtin();
/// let json = serde_json::to_string(&policy)?;
/// assert_eq!(serde_json::from_str::<CashRounding>(&json)?, policy);
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "CashRoundingRecord"))]
pub struct CashRounding {
    // Sorted by country, then effective date.
    rules: Vec<CashRoundingRule>,
}

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The built-in table. One row per change of law.
const BUILTIN: [CashRoundingRule; 5] = [
    CashRoundingRule::new(
        CountryCode::EE,
        Currency::EUR,
        date(2011, 1, 1),
        None,
        "euro adopted 2011-01-01; no cash rounding before 2025",
    ),
    CashRoundingRule::new(
        CountryCode::EE,
        Currency::EUR,
        date(2025, 1, 1),
        Some(Rounding::CASH_5_CENTS),
        "Estonia: cash totals rounded to 0.05 EUR from 2025-01-01 (sources §1 [S5])",
    ),
    CashRoundingRule::new(
        CountryCode::LT,
        Currency::EUR,
        date(2015, 1, 1),
        None,
        "euro adopted 2015-01-01; no cash rounding before 2025-05-01",
    ),
    CashRoundingRule::new(
        CountryCode::LT,
        Currency::EUR,
        date(2025, 5, 1),
        Some(Rounding::CASH_5_CENTS),
        "Lithuania: cash totals rounded to 0.05 EUR from 2025-05-01 (sources §1 [S4][S6])",
    ),
    CashRoundingRule::new(
        CountryCode::LV,
        Currency::EUR,
        date(2014, 1, 1),
        None,
        "Latvia: euro adopted 2014-01-01; no cash-rounding law in the sources (sources §1 [S1][S2])",
    ),
];

/// The saved form of a [`CashRounding`], as read back.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashRoundingRecord {
    rules: Vec<CashRoundingRule>,
}

#[cfg(feature = "serde")]
impl From<CashRoundingRecord> for CashRounding {
    fn from(record: CashRoundingRecord) -> Self {
        CashRounding::from_rules(record.rules)
    }
}

impl CashRounding {
    /// Returns the built-in table: Estonia, Lithuania and Latvia, from their euro adoption.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode};
    ///
    /// let countries: Vec<CountryCode> = CashRounding::builtin().rules().iter().map(|rule| rule.country()).collect();
    /// assert!(countries.contains(&CountryCode::LV));
    /// assert!(countries.contains(&CountryCode::EE));
    /// ```
    pub fn builtin() -> Self {
        CashRounding::from_rules(BUILTIN.to_vec())
    }

    /// Creates a policy from any rules (for another country, or a future law).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CashRoundingRule, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2014, 1, 1).ok_or("date")?;
    /// let latvia = CashRounding::from_rules(vec![CashRoundingRule::new(CountryCode::LV, Currency::EUR, start, None, "no rounding")]);
    /// assert_eq!(latvia.rules().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_rules(mut rules: Vec<CashRoundingRule>) -> Self {
        rules.sort_by(|a, b| {
            a.country
                .cmp(&b.country)
                .then(a.effective_from.cmp(&b.effective_from))
        });
        CashRounding { rules }
    }

    /// Returns the policy with a rule added. A rule for the same country and date replaces
    /// the old one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{CashRounding, CashRoundingRule, CountryCode, Currency};
    /// use chrono::NaiveDate;
    ///
    /// let from = NaiveDate::from_ymd_opt(2027, 7, 1).ok_or("date")?;
    /// let rule = CashRoundingRule::new(CountryCode::LV, Currency::EUR, from, Some(Rounding::CASH_5_CENTS), "a future law");
    /// let policy = CashRounding::builtin().with_rule(rule);
    /// assert!(policy.rule_in_force(CountryCode::LV, from)?.rounding().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rule(mut self, rule: CashRoundingRule) -> Self {
        self.rules
            .retain(|r| !(r.country == rule.country && r.effective_from == rule.effective_from));
        self.rules.push(rule);
        CashRounding::from_rules(self.rules)
    }

    /// Returns every rule, sorted by country and date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CashRounding;
    ///
    /// let rules = CashRounding::builtin();
    /// let rules = rules.rules();
    /// assert!(rules.windows(2).all(|pair| (pair[0].country(), pair[0].effective_from()) <= (pair[1].country(), pair[1].effective_from())));
    /// ```
    pub fn rules(&self) -> &[CashRoundingRule] {
        &self.rules
    }

    /// Returns the rule in force in `country` on `date`: the latest row that starts on or
    /// before it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode};
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let policy = CashRounding::builtin();
    /// assert!(policy.rule_in_force(CountryCode::EE, day)?.rounding().is_some());
    /// assert_eq!(policy.rule_in_force(CountryCode::DE, day).unwrap_err().code(), "cash_rounding.no_rule");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`CashRoundingError::NoRule`] when no row covers the date.
    pub fn rule_in_force(
        &self,
        country: CountryCode,
        date: NaiveDate,
    ) -> Result<&CashRoundingRule, CashRoundingError> {
        self.rules
            .iter()
            .rfind(|rule| rule.country == country && rule.effective_from <= date)
            .ok_or(CashRoundingError::NoRule { country, date })
    }

    /// Settles a bill of `total`, of which `non_cash` is paid by card, transfer or other
    /// non-cash means and the rest in cash; only the cash part is rounded, under the rule in
    /// force. A refund (negative total) is rounded the same way, symmetric around zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// // 12.33 EUR, 2.00 EUR by card: the 10.33 in cash becomes 10.35 in Estonia.
    /// let settlement = CashRounding::builtin().settle(CountryCode::EE, day, eur(dec!(12.33)), eur(dec!(2)))?;
    /// assert_eq!(settlement.cash_due(), eur(dec!(10.35)));
    /// assert_eq!(settlement.non_cash(), eur(dec!(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// - [`CashRoundingError::NoRule`]: no rule for the country on the date.
    /// - [`CashRoundingError::Currency`]: the bill is not in the rule's currency.
    /// - [`CashRoundingError::NonCashExceedsTotal`]: more paid by non-cash means than the total
    ///   (for a positive total), or a non-cash part in another currency.
    /// - [`CashRoundingError::Money`]: arithmetic overflow.
    pub fn settle(
        &self,
        country: CountryCode,
        date: NaiveDate,
        total: Money,
        non_cash: Money,
    ) -> Result<CashSettlement, CashRoundingError> {
        let rule = self.rule_in_force(country, date)?;
        if total.currency() != rule.currency {
            return Err(CashRoundingError::Currency {
                country,
                expected: rule.currency,
                found: total.currency(),
            });
        }
        let exceeds = || CashRoundingError::NonCashExceedsTotal { total, non_cash };
        if non_cash.currency() != total.currency() {
            return Err(exceeds());
        }
        let cash_unrounded = total.checked_sub(non_cash)?;
        if cash_unrounded.is_negative() != total.is_negative() && !cash_unrounded.is_zero() {
            return Err(exceeds());
        }
        let cash_due = match rule.rounding {
            Some(rounding) => cash_unrounded.round(rounding)?,
            None => cash_unrounded,
        };
        let difference = cash_due.checked_sub(cash_unrounded)?;
        Ok(CashSettlement {
            total,
            non_cash,
            cash_unrounded,
            cash_due,
            difference,
            rule: rule.clone(),
        })
    }

    /// Rounds a payment made wholly in cash: [`CashRounding::settle`] with no non-cash part.
    ///
    /// # Errors
    ///
    /// As [`CashRounding::settle`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let policy = CashRounding::builtin();
    /// let may = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap();
    /// let settled = policy.settle_cash(CountryCode::LT, may, Money::new(dec!(7.98), Currency::EUR))?;
    /// assert_eq!(settled.cash_due().to_string(), "8.00 EUR");
    /// # Ok::<(), apkalpe_core::CashRoundingError>(())
    /// ```
    pub fn settle_cash(
        &self,
        country: CountryCode,
        date: NaiveDate,
        total: Money,
    ) -> Result<CashSettlement, CashRoundingError> {
        self.settle(country, date, total, Money::zero(total.currency()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur(amount: rust_decimal::Decimal) -> Money {
        Money::new(amount, Currency::EUR)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn effective_dates_switch_rounding_on() {
        let policy = CashRounding::builtin();
        let before = policy
            .settle_cash(CountryCode::EE, day(2024, 12, 31), eur(dec!(1.01)))
            .unwrap();
        assert_eq!(before.cash_due, eur(dec!(1.01)));
        let after = policy
            .settle_cash(CountryCode::EE, day(2025, 1, 1), eur(dec!(1.01)))
            .unwrap();
        assert_eq!(after.cash_due, eur(dec!(1.00)));
        assert_eq!(after.difference, eur(dec!(-0.01)));
        let lt_april = policy
            .settle_cash(CountryCode::LT, day(2025, 4, 30), eur(dec!(1.03)))
            .unwrap();
        assert_eq!(lt_april.cash_due, eur(dec!(1.03)));
        let lt_may = policy
            .settle_cash(CountryCode::LT, day(2025, 5, 1), eur(dec!(1.03)))
            .unwrap();
        assert_eq!(lt_may.cash_due, eur(dec!(1.05)));
    }

    #[test]
    fn latvia_rounds_nothing_and_unknown_countries_are_errors() {
        let policy = CashRounding::builtin();
        let lv = policy
            .settle_cash(CountryCode::LV, day(2026, 11, 27), eur(dec!(9.99)))
            .unwrap();
        assert_eq!(lv.cash_due, eur(dec!(9.99)));
        assert!(lv.difference.is_zero());
        assert_eq!(
            policy
                .settle_cash(CountryCode::DE, day(2026, 1, 1), eur(dec!(1)))
                .unwrap_err()
                .code(),
            "cash_rounding.no_rule"
        );
        assert_eq!(
            policy
                .settle_cash(CountryCode::LV, day(2013, 12, 31), eur(dec!(1)))
                .unwrap_err()
                .code(),
            "cash_rounding.no_rule"
        );
    }

    #[test]
    fn only_the_cash_part_is_rounded() {
        let policy = CashRounding::builtin();
        let split = policy
            .settle(
                CountryCode::EE,
                day(2026, 1, 5),
                eur(dec!(20.07)),
                eur(dec!(10.00)),
            )
            .unwrap();
        assert_eq!(split.non_cash, eur(dec!(10.00)));
        assert_eq!(split.cash_due, eur(dec!(10.05)));
        assert_eq!(split.total_paid().unwrap(), eur(dec!(20.05)));
        let card_only = policy
            .settle(
                CountryCode::EE,
                day(2026, 1, 5),
                eur(dec!(20.07)),
                eur(dec!(20.07)),
            )
            .unwrap();
        assert!(card_only.cash_due.is_zero() && card_only.difference.is_zero());
        assert_eq!(
            policy
                .settle(CountryCode::EE, day(2026, 1, 5), eur(dec!(5)), eur(dec!(6)))
                .unwrap_err()
                .code(),
            "cash_rounding.non_cash_exceeds_total"
        );
        assert_eq!(
            policy
                .settle_cash(
                    CountryCode::EE,
                    day(2026, 1, 5),
                    Money::new(dec!(1), Currency::SEK)
                )
                .unwrap_err()
                .code(),
            "cash_rounding.currency"
        );
    }

    #[test]
    fn refunds_round_symmetrically() {
        let policy = CashRounding::builtin();
        let refund = policy
            .settle_cash(CountryCode::LT, day(2026, 1, 5), eur(dec!(-4.97)))
            .unwrap();
        assert_eq!(refund.cash_due, eur(dec!(-4.95)));
        assert_eq!(refund.difference, eur(dec!(0.02)));
    }

    #[test]
    fn a_new_law_is_one_row() {
        let policy = CashRounding::builtin().with_rule(CashRoundingRule::new(
            CountryCode::LV,
            Currency::EUR,
            day(2028, 1, 1),
            Some(Rounding::CASH_5_CENTS),
            "test",
        ));
        let old = policy
            .settle_cash(CountryCode::LV, day(2027, 12, 31), eur(dec!(1.02)))
            .unwrap();
        let new = policy
            .settle_cash(CountryCode::LV, day(2028, 1, 1), eur(dec!(1.02)))
            .unwrap();
        assert_eq!(
            (old.cash_due, new.cash_due),
            (eur(dec!(1.02)), eur(dec!(1.00)))
        );
    }
}
