//! The received document: every EN 16931 business term as the sender wrote it.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::{CreditorReference, Currency, Money, VatCategory};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::ReceivedFinding;

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

/// Serde of decimals as text: written with their scale ("10.50"), read as `xs:decimal`
/// (never `Decimal::from_str`, which rounds and accepts other grammars).
pub(crate) mod decimal_text {
    use rust_decimal::Decimal;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StatedAmount {
    /// The amount, with the decimals the document writes.
    #[serde(with = "decimal_text")]
    pub amount: Decimal,
    /// The currency of its `currencyID` attribute.
    pub currency: CurrencyCode,
}

impl StatedAmount {
    /// Makes an amount.
    pub const fn new(amount: Decimal, currency: CurrencyCode) -> Self {
        StatedAmount { amount, currency }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
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

/// An identifier with its scheme, as sent: `schemeID` (an ISO 6523 ICD such as `0088`, or a
/// Peppol EAS code such as `9939`) and the value. Checked only where the scheme is one we
/// know (see [`ReceivedFindingKind`](crate::ReceivedFindingKind)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedIdentifier {
    /// The scheme (`schemeID`), if stated.
    pub scheme: Option<String>,
    /// The identifier, whitespace normalised.
    pub value: String,
}

impl ReceivedIdentifier {
    /// Makes an identifier.
    pub fn new(scheme: Option<String>, value: impl Into<String>) -> Self {
        ReceivedIdentifier {
            scheme,
            value: value.into(),
        }
    }
}

/// A postal address (BG-5, BG-8, BG-12, BG-15): any part may be absent but the country, and
/// even that is kept as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedAddress {
    /// Address lines 1–3 (BT-35, BT-36, BT-162): street name, additional street name,
    /// address line.
    pub lines: Vec<String>,
    /// The city (BT-37).
    pub city: Option<String>,
    /// The post code (BT-38).
    pub postal_code: Option<String>,
    /// The country subdivision (BT-39).
    pub subdivision: Option<String>,
    /// The ISO 3166-1 alpha-2 country code (BT-40), as sent.
    pub country: Option<String>,
}

/// A contact (BG-6, BG-9): name, phone and e-mail, each any text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedContact {
    /// The contact point (BT-41, BT-56).
    pub name: Option<String>,
    /// The telephone number (BT-42, BT-57), as written.
    pub phone: Option<String>,
    /// The e-mail address (BT-43, BT-58), as written.
    pub email: Option<String>,
}

/// The seller (BG-4) or the buyer (BG-7) of a received document, from any country.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedParty {
    /// The legal name (BT-27, BT-44).
    pub name: Option<String>,
    /// The trading name (BT-28, BT-45).
    pub trading_name: Option<String>,
    /// Identifiers (BT-29, BT-46), with their schemes; the SEPA creditor identifier is the
    /// direct debit's (BT-90), not here.
    pub identifiers: Vec<ReceivedIdentifier>,
    /// The legal registration identifier (BT-30, BT-47).
    pub legal_registration: Option<ReceivedIdentifier>,
    /// The VAT identifier (BT-31, BT-48), with its country prefix.
    pub vat_id: Option<String>,
    /// The seller's tax registration identifier (BT-32), a non-VAT tax scheme.
    pub tax_registration: Option<String>,
    /// Additional legal information (BT-33), such as share capital.
    pub legal_information: Option<String>,
    /// The electronic address (BT-34, BT-49), with its EAS scheme.
    pub electronic_address: Option<ReceivedIdentifier>,
    /// The postal address (BG-5, BG-8).
    pub address: ReceivedAddress,
    /// The contact (BG-6, BG-9).
    pub contact: Option<ReceivedContact>,
}

/// The payee (BG-10), when someone else than the seller is paid (a factoring company).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedPayee {
    /// The payee name (BT-59).
    pub name: Option<String>,
    /// The payee identifier (BT-60).
    pub identifier: Option<ReceivedIdentifier>,
    /// The payee legal registration identifier (BT-61).
    pub legal_registration: Option<ReceivedIdentifier>,
}

/// The seller's tax representative (BG-11).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedTaxRepresentative {
    /// The name (BT-62).
    pub name: Option<String>,
    /// The VAT identifier (BT-63).
    pub vat_id: Option<String>,
    /// The postal address (BG-12).
    pub address: ReceivedAddress,
}

/// A period (BG-14 for the document, BG-26 for a line): start and end dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedPeriod {
    /// The first day (BT-73, BT-134).
    pub start: Option<NaiveDate>,
    /// The last day (BT-74, BT-135).
    pub end: Option<NaiveDate>,
}

/// Delivery information (BG-13).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedDelivery {
    /// The deliver-to party name (BT-70).
    pub party_name: Option<String>,
    /// The deliver-to location identifier (BT-71).
    pub location: Option<ReceivedIdentifier>,
    /// The actual delivery date (BT-72).
    pub date: Option<NaiveDate>,
    /// The deliver-to address (BG-15).
    pub address: Option<ReceivedAddress>,
}

/// A credit transfer account (BG-17).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedAccount {
    /// The payment account identifier (BT-84): an IBAN or any other account number.
    pub id: String,
    /// The account name (BT-85).
    pub name: Option<String>,
    /// The payment service provider identifier (BT-86), a BIC or a national bank code.
    pub service_provider: Option<String>,
}

/// Card information (BG-18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedCard {
    /// The primary account number (BT-87), as sent: EN 16931 sends only the last 4–6
    /// digits.
    pub account_number: String,
    /// The card holder name (BT-88).
    pub holder_name: Option<String>,
}

/// A direct debit (BG-19).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedDirectDebit {
    /// The mandate reference (BT-89).
    pub mandate: Option<String>,
    /// The bank assigned creditor identifier (BT-90): the seller's or payee's identifier of
    /// scheme `SEPA`.
    pub creditor_id: Option<String>,
    /// The debited account (BT-91).
    pub debited_account: Option<String>,
}

/// One way of paying (a UBL `PaymentMeans`, BG-16): any UNCL 4461 means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedPaymentMeans {
    /// The payment means type code (BT-81), UNCL 4461: 30 credit transfer, 58 SEPA credit
    /// transfer, 49 and 59 direct debit, 48 and 54 card, 10 cash, 1 not defined…
    pub code: String,
    /// The payment means text (BT-82).
    pub text: Option<String>,
    /// The remittance information (BT-83), the payment reference exactly as sent.
    pub reference: Option<String>,
    /// The credit transfer accounts (BG-17).
    pub accounts: Vec<ReceivedAccount>,
    /// The card (BG-18).
    pub card: Option<ReceivedCard>,
    /// The direct debit (BG-19).
    pub direct_debit: Option<ReceivedDirectDebit>,
}

impl ReceivedPaymentMeans {
    /// Returns the Latvian name of the means (`pārskaitījums`, `tiešais debets`, `karte`…),
    /// or `None` for a code without one.
    pub fn latvian_name(&self) -> Option<&'static str> {
        Some(match self.code.as_str() {
            "1" | "ZZZ" => "nav noteikts",
            "10" => "skaidrā naudā",
            "20" => "čeks",
            "30" | "31" | "42" => "pārskaitījums",
            "58" => "SEPA pārskaitījums",
            "49" | "59" => "tiešais debets",
            "48" | "54" | "55" => "maksājumu karte",
            "57" => "pastāvīgais rīkojums",
            "68" => "tiešsaistes maksājums",
            "97" => "ieskaits",
            _ => return None,
        })
    }

    /// Returns the payment reference as an ISO 11649 creditor reference, when it is a valid
    /// one.
    pub fn creditor_reference(&self) -> Option<CreditorReference> {
        self.reference
            .as_deref()
            .and_then(|reference| CreditorReference::try_new(reference).ok())
    }
}

/// Whether an allowance or charge lowers or raises the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceChargeKind {
    /// An allowance (`ChargeIndicator` false or 0): lowers the amount.
    Allowance,
    /// A charge (`ChargeIndicator` true or 1): raises the amount.
    Charge,
}

/// An allowance or charge: of the document (BG-20, BG-21, with a VAT category) or of a line
/// (BG-27, BG-28, without one). Zero amounts are kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedAllowanceCharge {
    /// Allowance or charge.
    pub kind: AllowanceChargeKind,
    /// The amount (BT-92, BT-99, BT-136, BT-141).
    pub amount: StatedAmount,
    /// The base amount (BT-93, BT-100, BT-137, BT-142).
    pub base_amount: Option<StatedAmount>,
    /// The percentage (BT-94, BT-101, BT-138, BT-143).
    #[serde(with = "decimal_text::option")]
    pub percentage: Option<Decimal>,
    /// The VAT category (BT-95, BT-102), for document level ones.
    pub vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-96, BT-103), for document level ones.
    #[serde(with = "decimal_text::option")]
    pub vat_rate: Option<Decimal>,
    /// The reason (BT-97, BT-104, BT-139, BT-144).
    pub reason: Option<String>,
    /// The reason code (BT-98, BT-105, BT-140, BT-145): UNCL 5189 or 7161.
    pub reason_code: Option<String>,
}

impl ReceivedAllowanceCharge {
    /// Returns the amount with its sign in the totals: negative for an allowance.
    pub fn signed_amount(&self) -> Decimal {
        match self.kind {
            AllowanceChargeKind::Allowance => -self.amount.amount,
            AllowanceChargeKind::Charge => self.amount.amount,
        }
    }
}

/// The document totals (BG-22) as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedTotals {
    /// The sum of line net amounts (BT-106).
    pub line_net_total: StatedAmount,
    /// The sum of document level allowances (BT-107).
    pub allowance_total: Option<StatedAmount>,
    /// The sum of document level charges (BT-108).
    pub charge_total: Option<StatedAmount>,
    /// The total without VAT (BT-109).
    pub tax_exclusive: StatedAmount,
    /// The total VAT (BT-110), in the document currency.
    pub vat_total: StatedAmount,
    /// The total VAT in the VAT accounting currency (BT-111), when BT-6 is given.
    pub vat_total_in_accounting_currency: Option<StatedAmount>,
    /// The total with VAT (BT-112).
    pub tax_inclusive: StatedAmount,
    /// The paid amount (BT-113).
    pub prepaid: Option<StatedAmount>,
    /// The rounding amount (BT-114).
    pub rounding: Option<StatedAmount>,
    /// The amount due for payment (BT-115).
    pub amount_due: StatedAmount,
}

/// A row of the VAT breakdown (BG-23).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedVatBreakdown {
    /// The taxable amount (BT-116).
    pub taxable_amount: StatedAmount,
    /// The VAT amount (BT-117).
    pub vat_amount: StatedAmount,
    /// The category (BT-118).
    pub category: ReceivedVatCategory,
    /// The rate in percent (BT-119); EN 16931 omits it only for category O.
    #[serde(with = "decimal_text::option")]
    pub rate: Option<Decimal>,
    /// The exemption reason text (BT-120).
    pub exemption_reason: Option<String>,
    /// The exemption reason code (BT-121), VATEX.
    pub exemption_reason_code: Option<String>,
}

/// A note (BG-1): an optional UNCL 4451 subject code (BT-21) and the text (BT-22).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedNote {
    /// The subject code (BT-21), from the `#AAI#` prefix convention.
    pub subject_code: Option<String>,
    /// The text, line breaks kept.
    pub text: String,
}

/// A preceding invoice reference (BG-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedPrecedingInvoice {
    /// The number (BT-25).
    pub number: String,
    /// The issue date (BT-26).
    pub issue_date: Option<NaiveDate>,
}

/// An attached document (BT-125): kept as sent, base64 text without whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedAttachment {
    /// The MIME code (`application/pdf`).
    pub mime_code: Option<String>,
    /// The file name.
    pub filename: Option<String>,
    /// The content, base64 as in the document.
    pub content_base64: String,
}

/// A supporting document (BG-24), or the invoiced object identifier (BT-18) when its type
/// code is 130.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedSupportingDocument {
    /// The reference (BT-122).
    pub id: ReceivedIdentifier,
    /// The document type code (130 marks BT-18).
    pub type_code: Option<String>,
    /// The description (BT-123).
    pub description: Option<String>,
    /// The external location (BT-124).
    pub uri: Option<String>,
    /// The attached document (BT-125).
    pub attachment: Option<ReceivedAttachment>,
}

/// Price details of a line (BG-29).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedPrice {
    /// The item net price (BT-146).
    pub net: Option<StatedAmount>,
    /// The item price discount (BT-147).
    pub discount: Option<StatedAmount>,
    /// The item gross price (BT-148).
    pub gross: Option<StatedAmount>,
    /// The item price base quantity (BT-149).
    #[serde(with = "decimal_text::option")]
    pub base_quantity: Option<Decimal>,
    /// The unit of the base quantity (BT-150).
    pub base_quantity_unit: Option<String>,
}

/// An item classification (BT-158) with its list and version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedClassification {
    /// The code.
    pub code: String,
    /// The list (`listID`, UNTDID 7143: `STI`, `CV`, …).
    pub list: Option<String>,
    /// The list version (`listVersionID`).
    pub list_version: Option<String>,
}

/// An item attribute (BG-32).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedItemAttribute {
    /// The name (BT-160).
    pub name: String,
    /// The value (BT-161).
    pub value: String,
}

/// The item of a line (BG-31).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedItem {
    /// The item name (BT-153).
    pub name: Option<String>,
    /// The description (BT-154).
    pub description: Option<String>,
    /// The seller's identifier (BT-155).
    pub seller_id: Option<String>,
    /// The buyer's identifier (BT-156).
    pub buyer_id: Option<String>,
    /// The standard identifier (BT-157), such as a GTIN with scheme 0160.
    pub standard_id: Option<ReceivedIdentifier>,
    /// Classifications (BT-158).
    pub classifications: Vec<ReceivedClassification>,
    /// The country of origin (BT-159).
    pub origin_country: Option<String>,
    /// Attributes (BG-32).
    pub attributes: Vec<ReceivedItemAttribute>,
}

/// An invoice line (BG-25), or a credit note line: quantities and amounts may be negative,
/// as EN 16931 permits for corrections and returns.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedInvoiceLine {
    /// The line identifier (BT-126).
    pub id: String,
    /// The line note (BT-127).
    pub note: Option<String>,
    /// The invoiced object identifier (BT-128).
    pub object_identifier: Option<ReceivedIdentifier>,
    /// The invoiced quantity (BT-129).
    #[serde(with = "decimal_text::option")]
    pub quantity: Option<Decimal>,
    /// The unit of measure code (BT-130), UN/ECE Rec. 20 or 21.
    pub unit_code: Option<String>,
    /// The line net amount (BT-131).
    pub net_amount: StatedAmount,
    /// The referenced purchase order line (BT-132).
    pub order_line_reference: Option<String>,
    /// The buyer's accounting reference (BT-133).
    pub buyer_accounting_reference: Option<String>,
    /// The line period (BG-26).
    pub period: Option<ReceivedPeriod>,
    /// Line allowances and charges (BG-27, BG-28).
    pub allowances_charges: Vec<ReceivedAllowanceCharge>,
    /// Price details (BG-29).
    pub price: ReceivedPrice,
    /// The VAT category (BT-151).
    pub vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-152).
    #[serde(with = "decimal_text::option")]
    pub vat_rate: Option<Decimal>,
    /// The item (BG-31).
    pub item: ReceivedItem,
}

/// An e-invoice or credit note received from any sender, holding the EN 16931 business
/// terms exactly as sent, with the findings of reading it.
///
/// Reading is not issuing: nothing of the rules for what we issue (Latvian requisites and
/// formats, positive quantities, amounts in words) is applied. The reader refuses only a
/// document that is not a well-formed UBL 2.1 `Invoice`/`CreditNote` or whose amounts
/// contradict each other under the EN 16931 calculation rules; everything else our policy or
/// Latvian law would not accept is a [`ReceivedFinding`].
///
/// # Saved form
///
/// Serialized with named fields (`number`, `issue_date`, `seller`, `totals`, `lines`,
/// `findings`…; amounts as `{"amount": "12.50", "currency": "EUR"}`, dates ISO 8601).
/// Deserializing re-runs the reader's calculation checks, so a saved document edited into
/// contradicting amounts is refused with a [`RestoreError`](apkalpe_core::RestoreError), and
/// rebuilds the findings from the data (the saved `findings` are for readers of the JSON).
///
/// # Examples
///
/// See [`read_received_invoice`](crate::read_received_invoice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ReceivedInvoiceRecord")]
pub struct ReceivedInvoice {
    pub(crate) kind: ReceivedInvoiceKind,
    pub(crate) number: String,
    pub(crate) issue_date: NaiveDate,
    pub(crate) type_code: Option<String>,
    pub(crate) currency: CurrencyCode,
    pub(crate) vat_accounting_currency: Option<CurrencyCode>,
    pub(crate) tax_point_date: Option<NaiveDate>,
    pub(crate) tax_point_date_code: Option<String>,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) buyer_reference: Option<String>,
    pub(crate) project_reference: Option<String>,
    pub(crate) contract_reference: Option<String>,
    pub(crate) purchase_order_reference: Option<String>,
    pub(crate) sales_order_reference: Option<String>,
    pub(crate) receiving_advice_reference: Option<String>,
    pub(crate) despatch_advice_reference: Option<String>,
    pub(crate) tender_or_lot_reference: Option<String>,
    pub(crate) invoiced_object: Option<ReceivedIdentifier>,
    pub(crate) buyer_accounting_reference: Option<String>,
    pub(crate) payment_terms: Option<String>,
    pub(crate) notes: Vec<ReceivedNote>,
    pub(crate) business_process: Option<String>,
    pub(crate) specification: Option<String>,
    pub(crate) preceding_invoices: Vec<ReceivedPrecedingInvoice>,
    pub(crate) seller: ReceivedParty,
    pub(crate) buyer: ReceivedParty,
    pub(crate) payee: Option<ReceivedPayee>,
    pub(crate) tax_representative: Option<ReceivedTaxRepresentative>,
    pub(crate) delivery: Option<ReceivedDelivery>,
    pub(crate) invoicing_period: Option<ReceivedPeriod>,
    pub(crate) payment_means: Vec<ReceivedPaymentMeans>,
    pub(crate) allowances_charges: Vec<ReceivedAllowanceCharge>,
    pub(crate) totals: ReceivedTotals,
    pub(crate) vat_breakdown: Vec<ReceivedVatBreakdown>,
    pub(crate) supporting_documents: Vec<ReceivedSupportingDocument>,
    pub(crate) lines: Vec<ReceivedInvoiceLine>,
    pub(crate) findings: Vec<ReceivedFinding>,
}

/// The saved form of a [`ReceivedInvoice`], restored through the reader's checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReceivedInvoiceRecord {
    kind: ReceivedInvoiceKind,
    number: String,
    issue_date: NaiveDate,
    type_code: Option<String>,
    currency: CurrencyCode,
    vat_accounting_currency: Option<CurrencyCode>,
    tax_point_date: Option<NaiveDate>,
    tax_point_date_code: Option<String>,
    due_date: Option<NaiveDate>,
    buyer_reference: Option<String>,
    project_reference: Option<String>,
    contract_reference: Option<String>,
    purchase_order_reference: Option<String>,
    sales_order_reference: Option<String>,
    receiving_advice_reference: Option<String>,
    despatch_advice_reference: Option<String>,
    tender_or_lot_reference: Option<String>,
    invoiced_object: Option<ReceivedIdentifier>,
    buyer_accounting_reference: Option<String>,
    payment_terms: Option<String>,
    notes: Vec<ReceivedNote>,
    business_process: Option<String>,
    specification: Option<String>,
    preceding_invoices: Vec<ReceivedPrecedingInvoice>,
    seller: ReceivedParty,
    buyer: ReceivedParty,
    payee: Option<ReceivedPayee>,
    tax_representative: Option<ReceivedTaxRepresentative>,
    delivery: Option<ReceivedDelivery>,
    invoicing_period: Option<ReceivedPeriod>,
    payment_means: Vec<ReceivedPaymentMeans>,
    allowances_charges: Vec<ReceivedAllowanceCharge>,
    totals: ReceivedTotals,
    vat_breakdown: Vec<ReceivedVatBreakdown>,
    supporting_documents: Vec<ReceivedSupportingDocument>,
    lines: Vec<ReceivedInvoiceLine>,
    /// Rebuilt from the data on restore.
    #[serde(default, rename = "findings")]
    _findings: serde::de::IgnoredAny,
}

impl TryFrom<ReceivedInvoiceRecord> for ReceivedInvoice {
    type Error = apkalpe_core::RestoreError;

    fn try_from(record: ReceivedInvoiceRecord) -> Result<Self, Self::Error> {
        let mut invoice = ReceivedInvoice {
            kind: record.kind,
            number: record.number,
            issue_date: record.issue_date,
            type_code: record.type_code,
            currency: record.currency,
            vat_accounting_currency: record.vat_accounting_currency,
            tax_point_date: record.tax_point_date,
            tax_point_date_code: record.tax_point_date_code,
            due_date: record.due_date,
            buyer_reference: record.buyer_reference,
            project_reference: record.project_reference,
            contract_reference: record.contract_reference,
            purchase_order_reference: record.purchase_order_reference,
            sales_order_reference: record.sales_order_reference,
            receiving_advice_reference: record.receiving_advice_reference,
            despatch_advice_reference: record.despatch_advice_reference,
            tender_or_lot_reference: record.tender_or_lot_reference,
            invoiced_object: record.invoiced_object,
            buyer_accounting_reference: record.buyer_accounting_reference,
            payment_terms: record.payment_terms,
            notes: record.notes,
            business_process: record.business_process,
            specification: record.specification,
            preceding_invoices: record.preceding_invoices,
            seller: record.seller,
            buyer: record.buyer,
            payee: record.payee,
            tax_representative: record.tax_representative,
            delivery: record.delivery,
            invoicing_period: record.invoicing_period,
            payment_means: record.payment_means,
            allowances_charges: record.allowances_charges,
            totals: record.totals,
            vat_breakdown: record.vat_breakdown,
            supporting_documents: record.supporting_documents,
            lines: record.lines,
            findings: Vec::new(),
        };
        if invoice.number.trim().is_empty() {
            return Err(apkalpe_core::RestoreError::missing(
                "ReceivedInvoice",
                "number",
                "the invoice number (BT-1) is empty",
            ));
        }
        if invoice.lines.is_empty() {
            return Err(apkalpe_core::RestoreError::missing(
                "ReceivedInvoice",
                "lines",
                "a received invoice has at least one line (BG-25)",
            ));
        }
        invoice.findings = super::rules::check(&invoice).map_err(|error| {
            apkalpe_core::RestoreError::invalid(
                "ReceivedInvoice",
                super::rules::field_of(&error),
                error,
            )
        })?;
        Ok(invoice)
    }
}

impl ReceivedInvoice {
    /// Returns whether it was a UBL `Invoice` or `CreditNote`.
    pub const fn kind(&self) -> ReceivedInvoiceKind {
        self.kind
    }

    /// Returns the number (BT-1), as the sender wrote it.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the issue date (BT-2).
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the type code (BT-3), UNTDID 1001: 380 commercial invoice, 381 credit note,
    /// 384 corrected invoice, 386 prepayment invoice, 389 self-billed invoice…
    pub fn type_code(&self) -> Option<&str> {
        self.type_code.as_deref()
    }

    /// Returns the document currency (BT-5).
    pub const fn currency(&self) -> CurrencyCode {
        self.currency
    }

    /// Returns the VAT accounting currency (BT-6), when VAT is also stated in it (BT-111).
    pub const fn vat_accounting_currency(&self) -> Option<CurrencyCode> {
        self.vat_accounting_currency
    }

    /// Returns the VAT point date (BT-7).
    pub const fn tax_point_date(&self) -> Option<NaiveDate> {
        self.tax_point_date
    }

    /// Returns the VAT point date code (BT-8), UNTDID 2005.
    pub fn tax_point_date_code(&self) -> Option<&str> {
        self.tax_point_date_code.as_deref()
    }

    /// Returns the due date (BT-9).
    pub const fn due_date(&self) -> Option<NaiveDate> {
        self.due_date
    }

    /// Returns the buyer reference (BT-10).
    pub fn buyer_reference(&self) -> Option<&str> {
        self.buyer_reference.as_deref()
    }

    /// Returns the project reference (BT-11).
    pub fn project_reference(&self) -> Option<&str> {
        self.project_reference.as_deref()
    }

    /// Returns the contract reference (BT-12).
    pub fn contract_reference(&self) -> Option<&str> {
        self.contract_reference.as_deref()
    }

    /// Returns the purchase order reference (BT-13).
    pub fn purchase_order_reference(&self) -> Option<&str> {
        self.purchase_order_reference.as_deref()
    }

    /// Returns the sales order reference (BT-14).
    pub fn sales_order_reference(&self) -> Option<&str> {
        self.sales_order_reference.as_deref()
    }

    /// Returns the receiving advice reference (BT-15).
    pub fn receiving_advice_reference(&self) -> Option<&str> {
        self.receiving_advice_reference.as_deref()
    }

    /// Returns the despatch advice reference (BT-16).
    pub fn despatch_advice_reference(&self) -> Option<&str> {
        self.despatch_advice_reference.as_deref()
    }

    /// Returns the tender or lot reference (BT-17).
    pub fn tender_or_lot_reference(&self) -> Option<&str> {
        self.tender_or_lot_reference.as_deref()
    }

    /// Returns the invoiced object identifier (BT-18).
    pub const fn invoiced_object(&self) -> Option<&ReceivedIdentifier> {
        self.invoiced_object.as_ref()
    }

    /// Returns the buyer accounting reference (BT-19).
    pub fn buyer_accounting_reference(&self) -> Option<&str> {
        self.buyer_accounting_reference.as_deref()
    }

    /// Returns the payment terms (BT-20).
    pub fn payment_terms(&self) -> Option<&str> {
        self.payment_terms.as_deref()
    }

    /// Returns the notes (BG-1).
    pub fn notes(&self) -> &[ReceivedNote] {
        &self.notes
    }

    /// Returns the business process (BT-23).
    pub fn business_process(&self) -> Option<&str> {
        self.business_process.as_deref()
    }

    /// Returns the specification identifier (BT-24), such as Peppol BIS Billing 3.0's.
    pub fn specification(&self) -> Option<&str> {
        self.specification.as_deref()
    }

    /// Tells whether the document claims Peppol BIS Billing 3.0 (its BT-24 names it), so
    /// Peppol's calculation rules apply to it as well.
    pub fn is_peppol(&self) -> bool {
        self.specification.as_deref().is_some_and(|specification| {
            specification.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0")
        })
    }

    /// Returns the preceding invoices (BG-3).
    pub fn preceding_invoices(&self) -> &[ReceivedPrecedingInvoice] {
        &self.preceding_invoices
    }

    /// Returns the seller (BG-4).
    pub const fn seller(&self) -> &ReceivedParty {
        &self.seller
    }

    /// Returns the buyer (BG-7).
    pub const fn buyer(&self) -> &ReceivedParty {
        &self.buyer
    }

    /// Returns the payee (BG-10).
    pub const fn payee(&self) -> Option<&ReceivedPayee> {
        self.payee.as_ref()
    }

    /// Returns the seller's tax representative (BG-11).
    pub const fn tax_representative(&self) -> Option<&ReceivedTaxRepresentative> {
        self.tax_representative.as_ref()
    }

    /// Returns the delivery information (BG-13).
    pub const fn delivery(&self) -> Option<&ReceivedDelivery> {
        self.delivery.as_ref()
    }

    /// Returns the invoicing period (BG-14).
    pub const fn invoicing_period(&self) -> Option<&ReceivedPeriod> {
        self.invoicing_period.as_ref()
    }

    /// Returns the payment instructions (BG-16), one per UBL `PaymentMeans`.
    pub fn payment_means(&self) -> &[ReceivedPaymentMeans] {
        &self.payment_means
    }

    /// Returns the document level allowances and charges (BG-20, BG-21).
    pub fn allowances_charges(&self) -> &[ReceivedAllowanceCharge] {
        &self.allowances_charges
    }

    /// Returns the totals (BG-22), as stated and checked.
    pub const fn totals(&self) -> &ReceivedTotals {
        &self.totals
    }

    /// Returns the VAT breakdown (BG-23).
    pub fn vat_breakdown(&self) -> &[ReceivedVatBreakdown] {
        &self.vat_breakdown
    }

    /// Returns the supporting documents (BG-24).
    pub fn supporting_documents(&self) -> &[ReceivedSupportingDocument] {
        &self.supporting_documents
    }

    /// Returns the lines (BG-25).
    pub fn lines(&self) -> &[ReceivedInvoiceLine] {
        &self.lines
    }

    /// Returns the findings: what our policy or Latvian law would not accept when issuing,
    /// and EN 16931 rules other than the calculation ones that the document breaks.
    pub fn findings(&self) -> &[ReceivedFinding] {
        &self.findings
    }
}
