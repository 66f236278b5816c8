//! ISO 4217 currencies with their minor units.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::{Language, LocalizedError};

/// A currency: its ISO 4217 code and the number of its minor units (decimal places).
///
/// Only currencies in the built-in table can exist, so a `Currency` always knows how many
/// decimal places its amounts are shown and rounded to. Serialised as the code.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Currency;
///
/// let currency: Currency = "eur".parse()?;
/// assert_eq!(currency, Currency::EUR);
/// assert_eq!(currency.minor_units(), 2);
/// assert_eq!(Currency::ISK.minor_units(), 0);
/// # Ok::<(), apkalpe_core::ParseCurrencyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(into = "&'static str"))]
pub struct Currency {
    code: &'static str,
    minor_units: u8,
    symbol: Option<&'static str>,
}

macro_rules! currencies {
    ($($(#[$doc:meta])* $name:ident = ($code:literal, $minor:literal, $symbol:expr);)*) => {
        impl Currency {
            $(
                $(#[$doc])*
                pub const $name: Currency = Currency { code: $code, minor_units: $minor, symbol: $symbol };
            )*

            /// Every currency in the built-in table, sorted by code.
            pub const ALL: &'static [Currency] = &[$(Currency::$name),*];
        }
    };
}

currencies! {
    /// Swiss franc.
    CHF = ("CHF", 2, None);
    /// Czech koruna.
    CZK = ("CZK", 2, None);
    /// Danish krone.
    DKK = ("DKK", 2, None);
    /// Euro, the currency of Latvia since 1 January 2014.
    EUR = ("EUR", 2, Some("€"));
    /// Pound sterling.
    GBP = ("GBP", 2, Some("£"));
    /// Hungarian forint.
    HUF = ("HUF", 2, None);
    /// Icelandic króna (no minor units).
    ISK = ("ISK", 0, None);
    /// Japanese yen (no minor units).
    JPY = ("JPY", 0, Some("¥"));
    /// Norwegian krone.
    NOK = ("NOK", 2, None);
    /// Polish złoty.
    PLN = ("PLN", 2, None);
    /// Romanian leu.
    RON = ("RON", 2, None);
    /// Swedish krona.
    SEK = ("SEK", 2, None);
    /// Ukrainian hryvnia.
    UAH = ("UAH", 2, None);
    /// US dollar.
    USD = ("USD", 2, Some("$"));
}

impl Currency {
    /// Returns the ISO 4217 alphabetic code, such as `EUR`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Currency;
    ///
    /// assert_eq!(Currency::EUR.code(), "EUR");
    /// ```
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// Returns the number of decimal places of the minor unit (2 for EUR: cents).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Currency;
    ///
    /// assert_eq!(Currency::EUR.minor_units(), 2);
    /// assert_eq!(Currency::JPY.minor_units(), 0);
    /// ```
    pub const fn minor_units(&self) -> u32 {
        self.minor_units as u32
    }

    /// Returns the symbol used in localised forms (`€`), or `None` where the code is used.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Currency;
    ///
    /// assert_eq!(Currency::EUR.symbol(), Some("€"));
    /// ```
    pub const fn symbol(&self) -> Option<&'static str> {
        self.symbol
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// The error returned when text is not a currency of the built-in table.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, ParseCurrencyError};
///
/// assert_eq!("LVL".parse::<Currency>(), Err(ParseCurrencyError::Unknown { found: "LVL".to_owned() }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCurrencyError {
    /// Not a code in the built-in ISO 4217 table.
    #[error("unknown currency {found:?}: not in the built-in ISO 4217 table")]
    Unknown {
        /// The text that was given, cut to 8 characters.
        found: String,
    },
}

impl ParseCurrencyError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Currency;
    ///
    /// assert_eq!("XYZ".parse::<Currency>().unwrap_err().code(), "currency.unknown");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCurrencyError::Unknown { .. } => "currency.unknown",
        }
    }
}

impl LocalizedError for ParseCurrencyError {
    fn code(&self) -> &'static str {
        ParseCurrencyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCurrencyError::Unknown { found } => write!(
                f,
                "nezināma valūta {found:?}: tās nav iebūvētajā ISO 4217 tabulā"
            ),
        }
    }
}

impl FromStr for Currency {
    type Err = ParseCurrencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::ALL
            .iter()
            .find(|currency| currency.code.eq_ignore_ascii_case(s))
            .copied()
            .ok_or_else(|| ParseCurrencyError::Unknown {
                found: s.chars().take(8).collect(),
            })
    }
}

impl TryFrom<String> for Currency {
    type Error = ParseCurrencyError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

impl From<Currency> for &'static str {
    fn from(currency: Currency) -> Self {
        currency.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_parses_every_code() {
        assert!(
            Currency::ALL
                .windows(2)
                .all(|pair| pair[0].code < pair[1].code)
        );
        for currency in Currency::ALL {
            assert_eq!(currency.code.parse::<Currency>(), Ok(*currency));
        }
        assert_eq!(
            "LVL".parse::<Currency>().unwrap_err().code(),
            "currency.unknown"
        );
    }
}
