//! Payment terms (*apmaksas noteikumi*, T1.3, T4.5): when an invoice is due and how much,
//! from the invoice date, with due dates moved off days off by the core [`Calendar`].
//!
//! | terms | due date |
//! |---|---|
//! | prepayment (*priekšapmaksa*) | the invoice date, before delivery (next working day if a day off) |
//! | net N days | N calendar days after the invoice date, or N working days where the terms say so |
//! | end of month + N | N days after the last day of the invoice's month |
//! | cash on delivery (*pēcmaksa*) | the delivery date, paid to the courier |
//! | instalments (*nomaksa*) | one part every interval after the invoice date |
//!
//! A due date that falls on a Saturday, Sunday or public holiday moves to the next working day
//! (`docs/sources.md` §6 \[D8\], counting as `Calendar::deadline`), except cash on delivery, paid at the
//! door. Instalment amounts are `Money::allocate` parts: whole cents that add up exactly to the
//! total. An early-payment discount (*atlaide par priekšlaicīgu samaksu*) is a percentage of the
//! total, rounded to cents half away from zero, if paid within its days.
//!
//! Clauses and schedules as text are in the submodule `text`.

mod text;

use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    Calendar, CalendarError, CountNoun, Language, LocalizedError, Money, MoneyError, Period,
};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The error returned by payment terms.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DueRule, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Language, LocalizedError, Money};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::CashOnDelivery);
/// let error = terms.schedule(Money::new(dec!(10), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia()).unwrap_err();
/// assert_eq!(error.code(), "terms.missing_delivery_date");
/// assert_eq!(error.message_in(Language::Latvian), "apmaksai piegādes brīdī vajadzīgs piegādes datums");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaymentTermsError {
    /// An instalment plan has fewer than 2 or more than 120 parts.
    #[error("an instalment plan needs 2 to 120 parts, found {found}")]
    InstalmentCount {
        /// The number of parts.
        found: usize,
    },
    /// An instalment interval is zero.
    #[error("an instalment interval must be above zero")]
    ZeroInterval,
    /// An early-payment percentage is not above 0 and below 100.
    #[error("an early-payment discount of {found} % is outside (0, 100)")]
    InvalidDiscount {
        /// The percentage.
        found: Decimal,
    },
    /// Cash on delivery needs the delivery date.
    #[error("cash on delivery needs the delivery date")]
    MissingDeliveryDate,
    /// The total is negative.
    #[error("a payment schedule needs a total of zero or more")]
    NegativeTotal,
    /// Money arithmetic or allocation failed (a total with fractions of a cent).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The calendar could not count the days.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl PaymentTermsError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(apkalpe_catalogue::PaymentTermsError::ZeroInterval.code(), "terms.zero_interval");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PaymentTermsError::InstalmentCount { .. } => "terms.instalment_count",
            PaymentTermsError::ZeroInterval => "terms.zero_interval",
            PaymentTermsError::InvalidDiscount { .. } => "terms.invalid_discount",
            PaymentTermsError::MissingDeliveryDate => "terms.missing_delivery_date",
            PaymentTermsError::NegativeTotal => "terms.negative_total",
            PaymentTermsError::Money(error) => error.code(),
            PaymentTermsError::Calendar(error) => error.code(),
        }
    }
}

impl LocalizedError for PaymentTermsError {
    fn code(&self) -> &'static str {
        PaymentTermsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentTermsError::Money(error) => return error.fmt_in(language, f),
            PaymentTermsError::Calendar(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            PaymentTermsError::InstalmentCount { found } => write!(
                f,
                "nomaksas plānā jābūt no 2 līdz 120 daļām, bet ir {}",
                CountNoun::new("daļa", "daļas").count_of(Language::Latvian, *found)
            ),
            PaymentTermsError::ZeroInterval => {
                f.write_str("intervālam starp maksājumiem jābūt lielākam par nulli")
            }
            PaymentTermsError::InvalidDiscount { found } => write!(
                f,
                "atlaide par agrāku samaksu {found} % ir ārpus intervāla (0, 100)"
            ),
            PaymentTermsError::MissingDeliveryDate => {
                f.write_str("apmaksai piegādes brīdī vajadzīgs piegādes datums")
            }
            PaymentTermsError::NegativeTotal => {
                f.write_str("maksājumu grafika kopsumma nedrīkst būt negatīva")
            }
            // Handled above.
            PaymentTermsError::Money(error) => error.fmt_in(language, f),
            PaymentTermsError::Calendar(error) => error.fmt_in(language, f),
        }
    }
}

/// How days of a net term are counted.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DayCount, DueRule, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let working = PaymentTerms::new(DueRule::Net { days: 5, counting: DayCount::Working });
/// let schedule = working.schedule(Money::new(dec!(100), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// // Five working days after Monday 7 December.
/// assert_eq!(schedule.instalments()[0].due(), Calendar::date(2026, 12, 14)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DayCount {
    /// Calendar days.
    Calendar,
    /// Working days of the Latvian calendar.
    Working,
}

/// An instalment plan: the weights of the parts (equal parts: all 1) and the interval between
/// due dates; the first part is due one interval after the invoice date.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DueRule, InstalmentPlan, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money, Period};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::Instalments(InstalmentPlan::equal(3, Period::Months(1))?));
/// let schedule = terms.schedule(Money::new(dec!(100), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// let amounts: Vec<String> = schedule.instalments().iter().map(|i| i.amount().to_string()).collect();
/// assert_eq!(amounts, ["33.34 EUR", "33.33 EUR", "33.33 EUR"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PlanFields", into = "PlanFields"))]
pub struct InstalmentPlan {
    weights: Vec<Decimal>,
    interval: Period,
}

impl Instalment {
    /// Returns its number, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let first = &schedule.instalments()[0];
    /// assert_eq!(first.number(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> usize {
        self.number
    }

    /// Returns its due date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let first = &schedule.instalments()[0];
    /// assert_eq!(first.due(), Calendar::date(2026, 12, 21)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Returns its amount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let first = &schedule.instalments()[0];
    /// assert_eq!(first.amount().to_string(), "1000.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PlanFields {
    weights: Vec<Decimal>,
    interval: String,
}

#[cfg(feature = "serde")]
impl TryFrom<PlanFields> for InstalmentPlan {
    type Error = String;

    fn try_from(fields: PlanFields) -> Result<Self, Self::Error> {
        let interval: Period = fields.interval.parse().map_err(|e| format!("{e}"))?;
        InstalmentPlan::weighted(fields.weights, interval).map_err(|e| e.to_string())
    }
}

#[cfg(feature = "serde")]
impl From<InstalmentPlan> for PlanFields {
    fn from(plan: InstalmentPlan) -> Self {
        PlanFields {
            weights: plan.weights,
            interval: plan.interval.to_string(),
        }
    }
}

impl InstalmentPlan {
    /// `count` equal parts, one every `interval`.
    ///
    /// # Errors
    ///
    /// [`PaymentTermsError::InstalmentCount`] outside 2–120, [`PaymentTermsError::ZeroInterval`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::InstalmentPlan;
    /// use apkalpe_core::Period;
    ///
    /// let plan = InstalmentPlan::equal(3, Period::Months(1))?;
    /// assert_eq!(plan.count(), 3);
    /// # Ok::<(), apkalpe_catalogue::PaymentTermsError>(())
    /// ```
    pub fn equal(count: usize, interval: Period) -> Result<Self, PaymentTermsError> {
        InstalmentPlan::weighted(vec![Decimal::ONE; count], interval)
    }

    /// Parts in proportion to `weights` (a down payment of 40 % then three of 20 %:
    /// `[40, 20, 20, 20]`), one every `interval`.
    ///
    /// # Errors
    ///
    /// As [`InstalmentPlan::equal`]; [`PaymentTermsError::Money`] for a negative or all-zero
    /// weight list.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::InstalmentPlan;
    /// use apkalpe_core::Period;
    /// use rust_decimal_macros::dec;
    ///
    /// let plan = InstalmentPlan::weighted(vec![dec!(40), dec!(20), dec!(20), dec!(20)], Period::Months(1))?;
    /// assert_eq!(plan.count(), 4);
    /// assert_eq!(InstalmentPlan::weighted(vec![dec!(1)], Period::Months(1)).unwrap_err().code(), "terms.instalment_count");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn weighted(weights: Vec<Decimal>, interval: Period) -> Result<Self, PaymentTermsError> {
        if !(2..=120).contains(&weights.len()) {
            return Err(PaymentTermsError::InstalmentCount {
                found: weights.len(),
            });
        }
        if interval.count() == 0 {
            return Err(PaymentTermsError::ZeroInterval);
        }
        // Checks the weights the way allocation will use them.
        Money::zero(apkalpe_core::Currency::EUR).allocate(&weights)?;
        Ok(InstalmentPlan { weights, interval })
    }

    /// Returns the number of parts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::InstalmentPlan;
    /// use apkalpe_core::Period;
    ///
    /// assert_eq!(InstalmentPlan::equal(6, Period::Months(1))?.count(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> usize {
        self.weights.len()
    }

    /// Returns the interval.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::InstalmentPlan;
    /// use apkalpe_core::Period;
    ///
    /// assert_eq!(InstalmentPlan::equal(6, Period::Days(14))?.interval(), Period::Days(14));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn interval(&self) -> Period {
        self.interval
    }
}

/// When an invoice is due.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DueRule, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// // End of month + 15 days: invoiced 7 December, due 15 January.
/// let terms = PaymentTerms::new(DueRule::EndOfMonth { days: 15 });
/// let schedule = terms.schedule(Money::new(dec!(100), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// assert_eq!(schedule.instalments()[0].due(), Calendar::date(2027, 1, 15)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DueRule {
    /// Before delivery, on the invoice date.
    Prepayment,
    /// A number of days after the invoice date.
    Net {
        /// The days.
        days: u32,
        /// How they are counted.
        counting: DayCount,
    },
    /// A number of days after the end of the invoice's month.
    EndOfMonth {
        /// The days.
        days: u32,
    },
    /// On delivery.
    CashOnDelivery,
    /// In instalments.
    Instalments(InstalmentPlan),
}

/// An early-payment discount: a percentage off the total if paid within a number of days.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::EarlyPaymentDiscount;
/// use rust_decimal_macros::dec;
///
/// let two_ten = EarlyPaymentDiscount::try_new(dec!(2), 10)?;
/// assert_eq!((two_ten.percent(), two_ten.within_days()), (dec!(2), 10));
/// assert_eq!(EarlyPaymentDiscount::try_new(dec!(0), 10).unwrap_err().code(), "terms.invalid_discount");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "EarlyFields"))]
pub struct EarlyPaymentDiscount {
    percent: Decimal,
    within_days: u32,
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct EarlyFields {
    percent: Decimal,
    within_days: u32,
}

#[cfg(feature = "serde")]
impl TryFrom<EarlyFields> for EarlyPaymentDiscount {
    type Error = PaymentTermsError;

    fn try_from(fields: EarlyFields) -> Result<Self, Self::Error> {
        EarlyPaymentDiscount::try_new(fields.percent, fields.within_days)
    }
}

impl EarlyPaymentDiscount {
    /// Creates a discount of `percent` if paid within `within_days` calendar days.
    ///
    /// # Errors
    ///
    /// [`PaymentTermsError::InvalidDiscount`] for a percentage not in (0, 100).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::EarlyPaymentDiscount;
    /// use rust_decimal_macros::dec;
    ///
    /// let two_ten = EarlyPaymentDiscount::try_new(dec!(2), 10)?;
    /// assert_eq!(two_ten.percent(), dec!(2));
    /// # Ok::<(), apkalpe_catalogue::PaymentTermsError>(())
    /// ```
    pub fn try_new(percent: Decimal, within_days: u32) -> Result<Self, PaymentTermsError> {
        if percent <= Decimal::ZERO || percent >= Decimal::ONE_HUNDRED {
            return Err(PaymentTermsError::InvalidDiscount { found: percent });
        }
        Ok(EarlyPaymentDiscount {
            percent,
            within_days,
        })
    }

    /// Returns the percentage.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(apkalpe_catalogue::EarlyPaymentDiscount::try_new(dec!(2.5), 10)?.percent(), dec!(2.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn percent(&self) -> Decimal {
        self.percent
    }

    /// Returns the days.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(apkalpe_catalogue::EarlyPaymentDiscount::try_new(dec!(2), 10)?.within_days(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn within_days(&self) -> u32 {
        self.within_days
    }
}

/// Payment terms (*apmaksas noteikumi*): a due rule and an optional early-payment discount.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
/// let invoice = Calendar::date(2026, 12, 10)?;
/// let schedule = terms.schedule(Money::new(dec!(121.00), Currency::EUR), invoice, None, &Calendar::latvia())?;
/// // 10 Dec + 14 days = Thu 24 Dec, a holiday → Mon 28 Dec.
/// assert_eq!(schedule.instalments()[0].due(), Calendar::date(2026, 12, 28)?);
/// let early = schedule.early_payment().unwrap();
/// assert_eq!(early.pay().to_string(), "118.58 EUR"); // 121.00 − 2.42
/// assert_eq!(early.pay_by(), Calendar::date(2026, 12, 17)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let terms = file.payment_terms().ok_or("no terms")?;
/// assert_eq!(terms.to_string(), "net 14 days, 2 % discount within 7 days");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PaymentTerms {
    due: DueRule,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    early_payment: Option<EarlyPaymentDiscount>,
}

/// One payment of a schedule.
///
/// Produced by [`PaymentTerms::schedule`] inside a [`PaymentSchedule`] and read through its
/// getters. It deserialises from the form it serialises to; the schedule that holds it checks
/// the numbering, order and sum.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
/// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// let first = &schedule.instalments()[0];
/// assert_eq!((first.number(), first.due()), (1, Calendar::date(2026, 12, 21)?));
/// assert_eq!(first.amount().to_string(), "1000.00 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Instalment {
    /// Its number, from 1.
    pub(crate) number: usize,
    /// Its due date.
    pub(crate) due: NaiveDate,
    /// Its amount.
    pub(crate) amount: Money,
}

/// What to pay to earn an early-payment discount.
///
/// Produced by [`PaymentTerms::schedule`] inside a [`PaymentSchedule`] and read through its
/// getters. It deserialises from the form it serialises to; the schedule that holds it checks
/// that the discount and the payment add up to the total.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
/// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// let offer = schedule.early_payment().ok_or("no offer")?;
/// assert_eq!(offer.pay_by(), Calendar::date(2026, 12, 14)?);
/// assert_eq!((offer.discount().to_string(), offer.pay().to_string()), ("20.00 EUR".into(), "980.00 EUR".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EarlyPaymentOffer {
    /// The last day to pay (moved off a day off).
    pub(crate) pay_by: NaiveDate,
    /// The discount.
    pub(crate) discount: Money,
    /// The total less the discount.
    pub(crate) pay: Money,
}

impl EarlyPaymentOffer {
    /// Returns the last day to pay (moved off a day off).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let offer = schedule.early_payment().ok_or("no offer")?;
    /// assert_eq!(offer.pay_by(), Calendar::date(2026, 12, 14)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pay_by(&self) -> NaiveDate {
        self.pay_by
    }

    /// Returns the discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let offer = schedule.early_payment().ok_or("no offer")?;
    /// assert_eq!(offer.discount().to_string(), "20.00 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discount(&self) -> Money {
        self.discount
    }

    /// Returns what to pay: the total less the discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// let offer = schedule.early_payment().ok_or("no offer")?;
    /// assert_eq!(offer.pay().to_string(), "980.00 EUR");
    /// assert_eq!(offer.pay().checked_add(offer.discount())?, schedule.total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pay(&self) -> Money {
        self.pay
    }
}

/// The payments an invoice's terms call for (T4.5): their amounts add up exactly to the
/// total.
///
/// # Saved form
///
/// `{"total": {…}, "instalments": [{"number": 1, "due": "2026-12-28", "amount": {…}}, …],
/// "early_payment": {"pay_by", "discount", "pay"} or null}`. Deserialising checks what
/// [`PaymentTerms::schedule`] guarantees: a total of zero or more; instalments numbered 1, 2, 3…
/// in due-date order, in the total's currency, adding up exactly to the total; an early-payment
/// offer whose discount and payment add up to the total. Anything else is refused with a
/// [`RestoreError`](apkalpe_core::RestoreError).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
/// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
/// assert_eq!(schedule.total().to_string(), "1000.00 EUR");
/// assert_eq!(schedule.instalments().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PaymentScheduleRecord"))]
pub struct PaymentSchedule {
    total: Money,
    instalments: Vec<Instalment>,
    early_payment: Option<EarlyPaymentOffer>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`PaymentSchedule`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PaymentScheduleRecord {
    total: Money,
    instalments: Vec<Instalment>,
    early_payment: Option<EarlyPaymentOffer>,
}

#[cfg(feature = "serde")]
impl TryFrom<PaymentScheduleRecord> for PaymentSchedule {
    type Error = RestoreError;

    fn try_from(record: PaymentScheduleRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "PaymentSchedule";
        let PaymentScheduleRecord {
            total,
            instalments,
            early_payment,
        } = record;
        if total.is_negative() {
            return Err(RestoreError::invalid(
                WHAT,
                "total",
                PaymentTermsError::NegativeTotal,
            ));
        }
        if instalments.is_empty() {
            return Err(RestoreError::missing(
                WHAT,
                "instalments",
                "a schedule has at least one payment",
            )
            .with_latvian_reason("grafikā ir vismaz viens maksājums"));
        }
        let mut sum = Money::zero(total.currency());
        let mut previous_due: Option<NaiveDate> = None;
        for (index, instalment) in instalments.iter().enumerate() {
            if instalment.number != index.saturating_add(1) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("instalments[{index}].number"),
                    format!(
                        "payment {} is numbered {}",
                        index.saturating_add(1),
                        instalment.number
                    ),
                )
                .with_latvian_reason(format_args!(
                    "{}. maksājumam ir numurs {}",
                    index.saturating_add(1),
                    instalment.number
                )));
            }
            if previous_due.is_some_and(|due| instalment.due < due) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("instalments[{index}].due"),
                    "payments are listed in due-date order",
                )
                .with_latvian_reason("maksājumi ir sakārtoti pēc apmaksas termiņa"));
            }
            previous_due = Some(instalment.due);
            sum = sum.checked_add(instalment.amount).map_err(|error| {
                RestoreError::invalid(WHAT, format!("instalments[{index}].amount"), error)
            })?;
        }
        if sum != total {
            return Err(RestoreError::inconsistent(
                WHAT,
                "instalments",
                format!("the payments add up to {sum}, the total is {total}"),
            )
            .with_latvian_reason(format_args!(
                "maksājumu summa ir {sum}, bet kopsumma ir {total}"
            )));
        }
        if let Some(offer) = &early_payment {
            let adds_up = offer
                .discount
                .checked_add(offer.pay)
                .is_ok_and(|paid| paid == total);
            if !adds_up || offer.discount.is_negative() || offer.pay.is_negative() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "early_payment",
                    format!(
                        "a discount of {} and a payment of {} do not make up the total {total}",
                        offer.discount, offer.pay
                    ),
                )
                .with_latvian_reason(format_args!(
                    "atlaide {} un maksājums {} kopā nedod kopsummu {total}",
                    offer.discount, offer.pay
                )));
            }
        }
        Ok(PaymentSchedule {
            total,
            instalments,
            early_payment,
        })
    }
}

impl PaymentSchedule {
    /// Returns the total.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// assert_eq!(schedule.total(), Money::new(dec!(1000), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self) -> Money {
        self.total
    }

    /// Returns the payments in due-date order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// assert_eq!(schedule.instalments()[0].due(), Calendar::date(2026, 12, 21)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn instalments(&self) -> &[Instalment] {
        &self.instalments
    }

    /// Returns the early-payment offer, if the terms have one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// assert_eq!(schedule.early_payment().map(|o| o.pay().to_string()), Some("980.00 EUR".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn early_payment(&self) -> Option<&EarlyPaymentOffer> {
        self.early_payment.as_ref()
    }
}

fn multiply(period: Period, times: u32) -> Option<Period> {
    Some(match period {
        Period::Days(n) => Period::Days(n.checked_mul(times)?),
        Period::WorkingDays(n) => Period::WorkingDays(n.checked_mul(times)?),
        Period::Months(n) => Period::Months(n.checked_mul(times)?),
    })
}

impl PaymentTerms {
    /// Creates terms with no early-payment discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, PaymentTerms};
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar });
    /// assert!(terms.early_payment().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(due: DueRule) -> Self {
        PaymentTerms {
            due,
            early_payment: None,
        }
    }

    /// Returns the terms with an early-payment discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar }).with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// assert_eq!(terms.early_payment().map(|d| d.within_days()), Some(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_early_payment(mut self, discount: EarlyPaymentDiscount) -> Self {
        self.early_payment = Some(discount);
        self
    }

    /// Returns the due rule.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, PaymentTerms};
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar });
    /// assert_eq!(terms.due(), &DueRule::Net { days: 14, counting: DayCount::Calendar });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> &DueRule {
        &self.due
    }

    /// Returns the early-payment discount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let terms = file.payment_terms().ok_or("no terms")?;
    /// assert_eq!(terms.early_payment().map(|d| d.within_days()), Some(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn early_payment(&self) -> Option<EarlyPaymentDiscount> {
        self.early_payment
    }

    /// Returns the payments for an invoice of `total` issued on `invoice_date` (and delivered
    /// on `delivery_date`, needed for cash on delivery).
    ///
    /// # Errors
    ///
    /// - [`PaymentTermsError::NegativeTotal`].
    /// - [`PaymentTermsError::MissingDeliveryDate`]: cash on delivery without the date.
    /// - [`PaymentTermsError::Money`]: instalments of a total with fractions of a cent.
    /// - [`PaymentTermsError::Calendar`]: a date outside 1991–2100.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let schedule = terms.schedule(Money::new(dec!(1000), Currency::EUR), Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// // Net 14 from Monday 7 December: Monday 21 December; 2 % off if paid by the 14th.
    /// assert_eq!(schedule.instalments()[0].due(), Calendar::date(2026, 12, 21)?);
    /// assert_eq!(schedule.early_payment().map(|o| o.discount().to_string()), Some("20.00 EUR".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(
        &self,
        total: Money,
        invoice_date: NaiveDate,
        delivery_date: Option<NaiveDate>,
        calendar: &Calendar,
    ) -> Result<PaymentSchedule, PaymentTermsError> {
        if total.is_negative() {
            return Err(PaymentTermsError::NegativeTotal);
        }
        let single = |due: NaiveDate| {
            vec![Instalment {
                number: 1,
                due,
                amount: total,
            }]
        };
        let instalments = match &self.due {
            DueRule::Prepayment => single(calendar.deadline(invoice_date, Period::Days(0))?.date()),
            DueRule::Net { days, counting } => {
                let period = match counting {
                    DayCount::Calendar => Period::Days(*days),
                    DayCount::Working => Period::WorkingDays(*days),
                };
                single(calendar.deadline(invoice_date, period)?.date())
            }
            DueRule::EndOfMonth { days } => {
                let end = end_of_month(invoice_date)?;
                single(calendar.deadline(end, Period::Days(*days))?.date())
            }
            DueRule::CashOnDelivery => {
                single(delivery_date.ok_or(PaymentTermsError::MissingDeliveryDate)?)
            }
            DueRule::Instalments(plan) => {
                let amounts = total.allocate(&plan.weights)?;
                let mut list = Vec::with_capacity(amounts.len());
                for (index, amount) in amounts.into_iter().enumerate() {
                    let number = index.saturating_add(1);
                    let times = u32::try_from(number).map_err(|_| overflow(invoice_date))?;
                    let period = multiply(plan.interval, times).ok_or(overflow(invoice_date))?;
                    let due = calendar.deadline(invoice_date, period)?.date();
                    list.push(Instalment {
                        number,
                        due,
                        amount,
                    });
                }
                list
            }
        };
        let early_payment = match self.early_payment {
            Some(discount) => {
                let pay_by = calendar
                    .deadline(invoice_date, Period::Days(discount.within_days))?
                    .date();
                let fraction = discount.percent.checked_div(Decimal::ONE_HUNDRED).ok_or(
                    MoneyError::Overflow {
                        operation: "divide",
                    },
                )?;
                let amount = total
                    .checked_mul(fraction)?
                    .round(Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
                Some(EarlyPaymentOffer {
                    pay_by,
                    discount: amount,
                    pay: total.checked_sub(amount)?,
                })
            }
            None => None,
        };
        Ok(PaymentSchedule {
            total,
            instalments,
            early_payment,
        })
    }
}

fn overflow(date: NaiveDate) -> PaymentTermsError {
    PaymentTermsError::Calendar(CalendarError::Overflow { date })
}

fn end_of_month(date: NaiveDate) -> Result<NaiveDate, PaymentTermsError> {
    let first = date.with_day(1).ok_or(overflow(date))?;
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .ok_or(overflow(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::Currency;
    use rust_decimal_macros::dec;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn eur(a: Decimal) -> Money {
        Money::new(a, Currency::EUR)
    }

    #[test]
    fn end_of_month_plus_days() {
        let terms = PaymentTerms::new(DueRule::EndOfMonth { days: 15 });
        let s = terms
            .schedule(eur(dec!(10)), date(2026, 1, 20), None, &Calendar::latvia())
            .unwrap();
        // 31 Jan + 15 = Sun 15 Feb → Mon 16 Feb.
        assert_eq!(s.instalments()[0].due, date(2026, 2, 16));
    }

    #[test]
    fn working_days_and_cash_on_delivery() {
        let calendar = Calendar::latvia();
        let net5 = PaymentTerms::new(DueRule::Net {
            days: 5,
            counting: DayCount::Working,
        });
        let s = net5
            .schedule(eur(dec!(10)), date(2026, 12, 21), None, &calendar)
            .unwrap();
        assert_eq!(s.instalments()[0].due, date(2026, 12, 30));
        let cod = PaymentTerms::new(DueRule::CashOnDelivery);
        assert_eq!(
            cod.schedule(eur(dec!(10)), date(2026, 12, 21), None, &calendar)
                .unwrap_err()
                .code(),
            "terms.missing_delivery_date"
        );
        let delivered = date(2026, 12, 26);
        let s = cod
            .schedule(
                eur(dec!(10)),
                date(2026, 12, 21),
                Some(delivered),
                &calendar,
            )
            .unwrap();
        assert_eq!(s.instalments()[0].due, delivered);
    }

    #[test]
    fn instalments_add_up_and_fall_on_working_days() {
        let plan = InstalmentPlan::equal(3, Period::Months(1)).unwrap();
        let terms = PaymentTerms::new(DueRule::Instalments(plan));
        let calendar = Calendar::latvia();
        let s = terms
            .schedule(eur(dec!(100.00)), date(2026, 1, 31), None, &calendar)
            .unwrap();
        let amounts: Vec<String> = s
            .instalments()
            .iter()
            .map(|i| i.amount.to_string())
            .collect();
        assert_eq!(amounts, ["33.34 EUR", "33.33 EUR", "33.33 EUR"]);
        // 31 Jan + 1 m = Sat 28 Feb → Mon 2 Mar; + 2 m = Tue 31 Mar; + 3 m = Thu 30 Apr.
        let dues: Vec<NaiveDate> = s.instalments().iter().map(|i| i.due).collect();
        assert_eq!(
            dues,
            [date(2026, 3, 2), date(2026, 3, 31), date(2026, 4, 30)]
        );
        assert_eq!(
            terms
                .schedule(eur(dec!(100.005)), date(2026, 1, 31), None, &calendar)
                .unwrap_err()
                .code(),
            "money.not_in_minor_units"
        );
    }

    #[test]
    fn plans_and_discounts_are_validated() {
        assert_eq!(
            InstalmentPlan::equal(1, Period::Months(1))
                .unwrap_err()
                .code(),
            "terms.instalment_count"
        );
        assert_eq!(
            InstalmentPlan::equal(2, Period::Days(0))
                .unwrap_err()
                .code(),
            "terms.zero_interval"
        );
        assert_eq!(
            EarlyPaymentDiscount::try_new(dec!(100), 5)
                .unwrap_err()
                .code(),
            "terms.invalid_discount"
        );
    }
}
