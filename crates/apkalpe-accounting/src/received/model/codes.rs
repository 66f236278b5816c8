//! Codes and amounts as the sender wrote them: currency codes (ISO 4217), stated amounts,
//! the document kind and the EN 16931 VAT categories.

use apkalpe_core::{Currency, Money, VatCategory};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// Every currency code of ISO 4217 that EN 16931 accepts (code list BR-CL-04), sorted.
const ISO_4217: [&str; 178] = [
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD",
    "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CLF", "CLP", "CNH", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
    "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
    "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
    "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD",
    "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT",
    "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
    "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP",
    "STD", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
    "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST",
    "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF",
    "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

#[cfg(feature = "serde")]
/// Serde of decimals as text: written with their scale ("10.50"), read as `xs:decimal`
/// (never `Decimal::from_str`, which rounds and accepts other grammars).
pub(crate) mod decimal_text {
    use rust_decimal::Decimal;
    #[cfg(feature = "serde")]
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Decimal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::received::xsd::decimal(&text)
            .ok_or_else(|| serde::de::Error::custom(format_args!("{text:?} is not a decimal")))
    }

    /// The same for an optional decimal (`null` when absent).
    pub(crate) mod option {
        use rust_decimal::Decimal;
        #[cfg(feature = "serde")]
        use serde::{Deserialize, Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(value) => serializer.collect_str(value),
                None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Decimal>, D::Error> {
            let Some(text) = Option::<String>::deserialize(deserializer)? else {
                return Ok(None);
            };
            crate::received::xsd::decimal(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format_args!("{text:?} is not a decimal")))
        }
    }
}

/// A currency as an ISO 4217 alphabetic code, as a received document states it: any three
/// upper-case letters, since documents come in currencies the built-in
/// [`Currency`] table does not hold (DKK is there, ISK too, but not KRW or ZAR).
///
/// [`CurrencyCode::is_iso_4217`] tells whether the code is one EN 16931 accepts;
/// [`CurrencyCode::to_currency`] gives the core currency where the table has it (for amounts
/// in words, minor units). Serialized as the code.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::CurrencyCode;
/// use apkalpe_core::Currency;
///
/// let krone: CurrencyCode = "DKK".parse()?;
/// assert_eq!(krone.to_currency(), Some(Currency::DKK));
/// let rand: CurrencyCode = "ZAR".parse()?;
/// assert!(rand.is_iso_4217());
/// assert_eq!(rand.to_currency(), None);
/// assert!("eur".parse::<CurrencyCode>().is_err());
/// # Ok::<(), apkalpe_accounting::ParseCurrencyCodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CurrencyCode([u8; 3]);

/// The error returned when text is not three upper-case ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCurrencyCodeError {
    /// Not three upper-case ASCII letters.
    #[error("currency code needs three upper-case letters, found {found:?}")]
    Format {
        /// The text, cut to 8 characters.
        found: String,
    },
}

impl ParseCurrencyCodeError {
    /// Returns the stable error code, `currency_code.format`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseCurrencyCodeError::Format { .. } => "currency_code.format",
        }
    }
}

impl CurrencyCode {
    /// The euro.
    pub const EUR: CurrencyCode = CurrencyCode(*b"EUR");

    /// Reads a code: three upper-case ASCII letters; see the type's example.
    ///
    /// # Errors
    ///
    /// [`ParseCurrencyCodeError::Format`] for anything else.
    pub fn try_new(text: &str) -> Result<Self, ParseCurrencyCodeError> {
        match text.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|byte| byte.is_ascii_uppercase()) => {
                Ok(CurrencyCode([*a, *b, *c]))
            }
            _ => Err(ParseCurrencyCodeError::Format {
                found: text.chars().take(8).collect(),
            }),
        }
    }

    /// Returns the code.
    pub fn as_str(&self) -> &str {
        // Three ASCII letters, checked by the constructor.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Tells whether the code is in ISO 4217 as EN 16931 lists it (BR-CL-04).
    pub fn is_iso_4217(&self) -> bool {
        ISO_4217.binary_search(&self.as_str()).is_ok()
    }

    /// Returns the core currency of the same code, where the built-in table has it.
    pub fn to_currency(&self) -> Option<Currency> {
        self.as_str().parse().ok()
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CurrencyCode {
    type Err = ParseCurrencyCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CurrencyCode::try_new(s)
    }
}

impl TryFrom<String> for CurrencyCode {
    type Error = ParseCurrencyCodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CurrencyCode::try_new(&value)
    }
}

impl From<CurrencyCode> for String {
    fn from(code: CurrencyCode) -> Self {
        code.as_str().to_owned()
    }
}

impl From<Currency> for CurrencyCode {
    fn from(currency: Currency) -> Self {
        let bytes = currency.code().as_bytes();
        match bytes {
            [a, b, c] => CurrencyCode([*a, *b, *c]),
            // Every code of the built-in table has three letters.
            _ => CurrencyCode(*b"XXX"),
        }
    }
}

/// An amount as a received document states it: the decimal as written (its scale kept) and
/// the currency of its `currencyID`. Serialized like [`Money`]:
/// `{"amount": "12.50", "currency": "EUR"}`.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{CurrencyCode, StatedAmount};
/// use rust_decimal_macros::dec;
///
/// let amount = StatedAmount::new(dec!(12.50), CurrencyCode::EUR);
/// assert_eq!(amount.to_string(), "12.50 EUR");
/// assert_eq!(amount.to_money().map(|money| money.to_string()), Some("12.50 EUR".to_owned()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct StatedAmount {
    /// The amount, with the decimals the document writes.
    #[cfg_attr(feature = "serde", serde(with = "decimal_text"))]
    pub(crate) amount: Decimal,
    /// The currency of its `currencyID` attribute.
    pub(crate) currency: CurrencyCode,
}

impl StatedAmount {
    /// Makes an amount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::StatedAmount;
    /// use rust_decimal_macros::dec;
    ///
    /// let amount = StatedAmount::new(dec!(1702.05), "NOK".parse()?);
    /// assert_eq!(amount.to_string(), "1702.05 NOK");
    /// // A currency outside core's table is kept as well, without a `Money`.
    /// let rand = StatedAmount::new(dec!(1656.25), "ZAR".parse()?);
    /// assert_eq!(rand.to_money(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(amount: Decimal, currency: CurrencyCode) -> Self {
        StatedAmount { amount, currency }
    }

    /// Returns the amount, with the decimals the document writes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{CurrencyCode, StatedAmount};
    /// use rust_decimal_macros::dec;
    ///
    /// let amount = StatedAmount::new(dec!(12.50), CurrencyCode::EUR);
    /// assert_eq!(amount.amount(), dec!(12.50));
    /// // The scale is kept as written.
    /// assert_eq!(amount.amount().scale(), 2);
    /// ```
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// Returns the currency of its `currencyID` attribute.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{CurrencyCode, StatedAmount};
    /// use rust_decimal_macros::dec;
    ///
    /// let amount = StatedAmount::new(dec!(12.50), CurrencyCode::EUR);
    /// assert_eq!(amount.currency(), CurrencyCode::EUR);
    /// ```
    pub const fn currency(&self) -> CurrencyCode {
        self.currency
    }

    /// Returns the amount as core [`Money`], where the built-in table has its currency.
    pub fn to_money(&self) -> Option<Money> {
        self.currency
            .to_currency()
            .map(|currency| Money::new(self.amount, currency))
    }
}

impl fmt::Display for StatedAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// Whether a UBL document read is an `Invoice` or a `CreditNote`. EN 16931 has one semantic
/// model for both; the type code (BT-3) says which kind of invoice or credit note it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReceivedInvoiceKind {
    /// A UBL `Invoice` (type codes 380, 384, 386, 389…).
    Invoice,
    /// A UBL `CreditNote` (type codes 381, 396…).
    CreditNote,
}

/// A VAT category code of EN 16931 (BT-95, BT-102, BT-118, BT-151): the nine of core's
/// [`VatCategory`] and `B`, Italy's split payment, which only received documents carry.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ReceivedVatCategory;
/// use apkalpe_core::VatCategory;
///
/// let category: ReceivedVatCategory = "B".parse()?;
/// assert_eq!(category, ReceivedVatCategory::SplitPayment);
/// assert_eq!(category.to_vat_category(), None);
/// assert_eq!(ReceivedVatCategory::ReverseCharge.to_vat_category(), Some(VatCategory::ReverseCharge));
/// # Ok::<(), apkalpe_accounting::ParseReceivedVatCategoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "&'static str"))]
pub enum ReceivedVatCategory {
    /// `S`: standard rate.
    Standard,
    /// `Z`: zero rated goods.
    ZeroRated,
    /// `E`: exempt from VAT.
    Exempt,
    /// `AE`: reverse charge.
    ReverseCharge,
    /// `K`: intra-community supply.
    IntraCommunitySupply,
    /// `G`: export outside the EU.
    Export,
    /// `O`: not subject to VAT.
    OutsideScope,
    /// `L`: Canary Islands general indirect tax (IGIC).
    CanaryIslands,
    /// `M`: Ceuta and Melilla tax (IPSI).
    CeutaMelilla,
    /// `B`: split payment (Italy's *scissione dei pagamenti*).
    SplitPayment,
}

/// The error returned for a VAT category code EN 16931 does not use (code list BR-CL-17/18).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseReceivedVatCategoryError {
    /// Not S, Z, E, AE, K, G, O, L, M or B.
    #[error("{found:?} is not an EN 16931 VAT category code")]
    Unknown {
        /// The text, cut to 8 characters.
        found: String,
    },
}

impl ParseReceivedVatCategoryError {
    /// Returns the stable error code, `received_vat_category.unknown`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseReceivedVatCategoryError::Unknown { .. } => "received_vat_category.unknown",
        }
    }
}

impl ReceivedVatCategory {
    /// All ten categories.
    pub const ALL: [ReceivedVatCategory; 10] = [
        ReceivedVatCategory::Standard,
        ReceivedVatCategory::ZeroRated,
        ReceivedVatCategory::Exempt,
        ReceivedVatCategory::ReverseCharge,
        ReceivedVatCategory::IntraCommunitySupply,
        ReceivedVatCategory::Export,
        ReceivedVatCategory::OutsideScope,
        ReceivedVatCategory::CanaryIslands,
        ReceivedVatCategory::CeutaMelilla,
        ReceivedVatCategory::SplitPayment,
    ];

    /// Returns the code: `S`, `Z`, `E`, `AE`, `K`, `G`, `O`, `L`, `M` or `B`.
    pub const fn code(self) -> &'static str {
        match self {
            ReceivedVatCategory::Standard => "S",
            ReceivedVatCategory::ZeroRated => "Z",
            ReceivedVatCategory::Exempt => "E",
            ReceivedVatCategory::ReverseCharge => "AE",
            ReceivedVatCategory::IntraCommunitySupply => "K",
            ReceivedVatCategory::Export => "G",
            ReceivedVatCategory::OutsideScope => "O",
            ReceivedVatCategory::CanaryIslands => "L",
            ReceivedVatCategory::CeutaMelilla => "M",
            ReceivedVatCategory::SplitPayment => "B",
        }
    }

    /// Returns core's category of the same code (every one but `B`).
    pub const fn to_vat_category(self) -> Option<VatCategory> {
        match self {
            ReceivedVatCategory::Standard => Some(VatCategory::Standard),
            ReceivedVatCategory::ZeroRated => Some(VatCategory::ZeroRated),
            ReceivedVatCategory::Exempt => Some(VatCategory::Exempt),
            ReceivedVatCategory::ReverseCharge => Some(VatCategory::ReverseCharge),
            ReceivedVatCategory::IntraCommunitySupply => Some(VatCategory::IntraCommunitySupply),
            ReceivedVatCategory::Export => Some(VatCategory::Export),
            ReceivedVatCategory::OutsideScope => Some(VatCategory::OutsideScope),
            ReceivedVatCategory::CanaryIslands => Some(VatCategory::CanaryIslands),
            ReceivedVatCategory::CeutaMelilla => Some(VatCategory::CeutaMelilla),
            ReceivedVatCategory::SplitPayment => None,
        }
    }
}

impl fmt::Display for ReceivedVatCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for ReceivedVatCategory {
    type Err = ParseReceivedVatCategoryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReceivedVatCategory::ALL
            .into_iter()
            .find(|category| category.code() == s)
            .ok_or_else(|| ParseReceivedVatCategoryError::Unknown {
                found: s.chars().take(8).collect(),
            })
    }
}

impl TryFrom<String> for ReceivedVatCategory {
    type Error = ParseReceivedVatCategoryError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<ReceivedVatCategory> for &'static str {
    fn from(category: ReceivedVatCategory) -> Self {
        category.code()
    }
}
