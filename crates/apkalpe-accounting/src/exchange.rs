//! The exchange rate of an invoice in a currency other than the euro.

use std::fmt;

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{Currency, Money, MoneyError, RestoreError};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::LineError;

/// The most decimal places of an exchange rate.
const RATE_PLACES: u32 = 6;

/// The exchange rate of a document in a currency other than the euro (*valūtas kurss*): how
/// many units of the document currency one euro is worth, the way the European Central Bank
/// and Latvijas Banka publish rates ("1 EUR = 1.0856 USD"), and the date of the rate.
///
/// The caller chooses the rate (whose, of which day); the document shows it, and states its
/// VAT in euro too: EN 16931 BT-6 (VAT accounting currency, EUR) and BT-111 (the VAT total
/// in euro), which is `round(BT-110 ÷ rate)` to the cent with the document's VAT rounding.
///
/// # Legal basis
///
/// PVN likums art. 125(1): the VAT amounts of a VAT invoice are stated in euro (sources §3a
/// row 14, L \[I1\]). Which rate the law asks for was not confirmed (U), so the rate and its
/// date are the caller's.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ExchangeRate;
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
/// assert_eq!(rate.to_string(), "1 EUR = 1.0856 USD (2026-03-02)");
/// // 41.73 USD ÷ 1.0856 = 38.4396… → 38.44 EUR
/// let vat = rate.to_euro(Money::new(dec!(41.73), Currency::USD), apkalpe_core::rounding::Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
/// assert_eq!(vat.to_string(), "38.44 EUR");
///
/// assert_eq!(ExchangeRate::try_new(Currency::EUR, dec!(1), day).unwrap_err().code(), "exchange_rate.euro");
/// assert_eq!(ExchangeRate::try_new(Currency::USD, dec!(0), day).unwrap_err().code(), "exchange_rate.value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"currency", "per_euro", "date"}` (`per_euro` as a string); it deserialises through
/// [`ExchangeRate::try_new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ExchangeRateFields"))]
pub struct ExchangeRate {
    currency: Currency,
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    per_euro: Decimal,
    date: NaiveDate,
}

/// The saved form of an [`ExchangeRate`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ExchangeRateFields {
    currency: Currency,
    per_euro: String,
    date: NaiveDate,
}

impl TryFrom<ExchangeRateFields> for ExchangeRate {
    type Error = RestoreError;

    fn try_from(fields: ExchangeRateFields) -> Result<Self, Self::Error> {
        let rate = apkalpe_core::parse_amount(&fields.per_euro)
            .map_err(|error| RestoreError::invalid("ExchangeRate", "per_euro", error))?;
        ExchangeRate::try_new(fields.currency, rate, fields.date).map_err(|error| {
            let field = match error {
                LineError::ExchangeRateOfEuro => "currency",
                _ => "per_euro",
            };
            RestoreError::invalid("ExchangeRate", field, error)
        })
    }
}

impl ExchangeRate {
    /// Creates an exchange rate: `per_euro` units of `currency` for one euro, as of `date`.
    ///
    /// # Errors
    ///
    /// [`LineError::ExchangeRateOfEuro`] for the euro; [`LineError::ExchangeRate`] for a
    /// rate not above zero or with more than 6 decimal places.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::ExchangeRate;
    /// # use apkalpe_core::Currency;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
    /// # let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
    /// assert_eq!(rate.per_euro(), dec!(1.0856));
    /// assert_eq!(ExchangeRate::try_new(Currency::EUR, dec!(1), day).unwrap_err().code(), "exchange_rate.euro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        currency: Currency,
        per_euro: Decimal,
        date: NaiveDate,
    ) -> Result<Self, LineError> {
        if currency == Currency::EUR {
            return Err(LineError::ExchangeRateOfEuro);
        }
        let per_euro = per_euro.normalize();
        if per_euro <= Decimal::ZERO || per_euro.scale() > RATE_PLACES {
            return Err(LineError::ExchangeRate { found: per_euro });
        }
        Ok(ExchangeRate {
            currency,
            per_euro,
            date,
        })
    }

    /// Returns the currency the rate is of.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::ExchangeRate;
    /// # use apkalpe_core::Currency;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
    /// # let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
    /// assert_eq!(rate.currency(), Currency::USD);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns how many units of the currency one euro is worth.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::ExchangeRate;
    /// # use apkalpe_core::Currency;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
    /// # let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
    /// assert_eq!(rate.per_euro(), dec!(1.0856));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn per_euro(&self) -> Decimal {
        self.per_euro
    }

    /// Returns the date of the rate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::ExchangeRate;
    /// # use apkalpe_core::Currency;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
    /// # let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
    /// assert_eq!(rate.date(), day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Converts an amount in the rate's currency to euro: `amount ÷ rate`, rounded with
    /// `rounding`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for an amount in another currency;
    /// [`MoneyError::Overflow`] when it does not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::ExchangeRate;
    /// # use apkalpe_core::Currency;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let day = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
    /// # let rate = ExchangeRate::try_new(Currency::USD, dec!(1.0856), day)?;
    /// use apkalpe_core::Money;
    /// use apkalpe_core::rounding::Rounding;
    /// let vat = Money::new(dec!(77.70), Currency::USD);
    /// // 77.70 / 1.0856 = 71.573…
    /// assert_eq!(rate.to_euro(vat, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?, Money::new(dec!(71.57), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_euro(&self, amount: Money, rounding: Rounding) -> Result<Money, MoneyError> {
        if amount.currency() != self.currency {
            return Err(MoneyError::CurrencyMismatch {
                operation: "convert",
                left: self.currency,
                right: amount.currency(),
            });
        }
        let euro = amount.checked_div(self.per_euro)?.amount();
        Money::new(euro, Currency::EUR).round(rounding)
    }

    /// Returns the rate in Latvian text: `1 EUR = 1,0856 USD (2026-03-02)`.
    pub(crate) fn latvian_text(&self) -> String {
        format!(
            "1 EUR = {} {} ({})",
            self.per_euro.to_string().replace('.', ","),
            self.currency,
            self.date
        )
    }

    #[cfg(feature = "xml")]
    /// Reads the rate back from [`ExchangeRate::latvian_text`].
    pub(crate) fn from_latvian_text(text: &str, currency: Currency) -> Option<Self> {
        let rest = text.strip_prefix("1 EUR = ")?;
        let (rate, rest) = rest.split_once(' ')?;
        let rest = rest.strip_prefix(currency.code())?;
        let date = rest.strip_prefix(" (")?.strip_suffix(')')?;
        let rate = apkalpe_core::parse_amount(rate).ok()?;
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        ExchangeRate::try_new(currency, rate, date).ok()
    }
}

impl fmt::Display for ExchangeRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "1 EUR = {} {} ({})",
            self.per_euro, self.currency, self.date
        )
    }
}
