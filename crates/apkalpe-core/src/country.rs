//! ISO 3166-1 alpha-2 country codes.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::{Language, LocalizedError};

/// Every officially assigned ISO 3166-1 alpha-2 code (249 codes), sorted for binary search.
const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The 27 EU member states, as ISO 3166-1 codes.
const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// A country as its ISO 3166-1 alpha-2 code (`LV`, `EE`, `DE`).
///
/// Only officially assigned codes are accepted; input is upper-cased first. Serialised as the code.
///
/// # Examples
///
/// ```
/// use apkalpe_core::CountryCode;
///
/// let country: CountryCode = "lv".parse()?;
/// assert_eq!(country, CountryCode::LV);
/// assert!(country.is_eu_member());
/// assert!("XX".parse::<CountryCode>().is_err());
/// # Ok::<(), apkalpe_core::ParseCountryCodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CountryCode([u8; 2]);

/// The error returned when text is not an assigned ISO 3166-1 alpha-2 code.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, ParseCountryCodeError};
///
/// assert_eq!(
///     "XX".parse::<CountryCode>(),
///     Err(ParseCountryCodeError::Unknown { code: "XX".to_owned() })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCountryCodeError {
    /// The text is not two ASCII letters.
    #[error("country code needs two letters, found {found:?}")]
    Format {
        /// The text that was given, cut to 8 characters.
        found: String,
    },
    /// Two letters, but not an assigned ISO 3166-1 code.
    #[error("{code} is not an assigned ISO 3166-1 country code")]
    Unknown {
        /// The upper-cased code.
        code: String,
    },
}

impl ParseCountryCodeError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    ///
    /// assert_eq!("Latvia".parse::<CountryCode>().unwrap_err().code(), "country.format");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCountryCodeError::Format { .. } => "country.format",
            ParseCountryCodeError::Unknown { .. } => "country.unknown",
        }
    }
}

impl LocalizedError for ParseCountryCodeError {
    fn code(&self) -> &'static str {
        ParseCountryCodeError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCountryCodeError::Format { found } => {
                write!(f, "valsts kodā jābūt diviem burtiem, norādīts {found:?}")
            }
            ParseCountryCodeError::Unknown { code } => {
                write!(f, "{code} nav piešķirts ISO 3166-1 valsts kods")
            }
        }
    }
}

impl CountryCode {
    /// Latvia.
    pub const LV: CountryCode = CountryCode(*b"LV");
    /// Estonia.
    pub const EE: CountryCode = CountryCode(*b"EE");
    /// Lithuania.
    pub const LT: CountryCode = CountryCode(*b"LT");
    /// Germany.
    pub const DE: CountryCode = CountryCode(*b"DE");

    /// Parses a two-letter code from text, in either case.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    ///
    /// assert_eq!(CountryCode::try_new("lv")?, CountryCode::LV);
    /// assert_eq!(CountryCode::try_new("ZZ").unwrap_err().code(), "country.unknown");
    /// # Ok::<(), apkalpe_core::ParseCountryCodeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseCountryCodeError::Format`] unless two ASCII letters;
    /// [`ParseCountryCodeError::Unknown`] for a code ISO 3166-1 has not assigned.
    pub fn try_new(text: &str) -> Result<Self, ParseCountryCodeError> {
        let bytes = text.as_bytes();
        let [a, b] = bytes else {
            return Err(ParseCountryCodeError::Format {
                found: text.chars().take(8).collect(),
            });
        };
        if !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() {
            return Err(ParseCountryCodeError::Format {
                found: text.chars().take(8).collect(),
            });
        }
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        let upper = std::str::from_utf8(&code).unwrap_or_default();
        if ASSIGNED.binary_search(&upper).is_err() {
            return Err(ParseCountryCodeError::Unknown {
                code: upper.to_owned(),
            });
        }
        Ok(CountryCode(code))
    }

    /// Returns the two-letter code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    ///
    /// assert_eq!(CountryCode::LT.as_str(), "LT");
    /// ```
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters, checked by the constructor.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Tells whether the country is one of the 27 EU member states.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    ///
    /// assert!(CountryCode::LV.is_eu_member());
    /// assert!(!CountryCode::try_new("NO")?.is_eu_member());
    /// # Ok::<(), apkalpe_core::ParseCountryCodeError>(())
    /// ```
    pub fn is_eu_member(&self) -> bool {
        EU_MEMBERS.contains(&self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CountryCode {
    type Err = ParseCountryCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CountryCode::try_new(s)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = ParseCountryCodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::try_new(&value)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(ASSIGNED.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(EU_MEMBERS.iter().all(|code| ASSIGNED.contains(code)));
    }

    #[test]
    fn parses_assigned_codes_and_rejects_the_rest() {
        assert_eq!(CountryCode::try_new("ee"), Ok(CountryCode::EE));
        assert_eq!(
            CountryCode::try_new("XK").unwrap_err().code(),
            "country.unknown"
        );
        assert_eq!(
            CountryCode::try_new("L1").unwrap_err().code(),
            "country.format"
        );
        assert_eq!(
            CountryCode::try_new("LVA").unwrap_err().code(),
            "country.format"
        );
        assert_eq!(
            CountryCode::try_new("Ļ").unwrap_err().code(),
            "country.format"
        );
        assert!(!CountryCode::try_new("NO").unwrap().is_eu_member());
    }
}
