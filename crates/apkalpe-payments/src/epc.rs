//! Bank transfer requests and the EPC QR code (*EPC QR kods*, the "Girocode" of SEPA credit
//! transfers): the payload of EPC069-12 version 002, as text and as an SVG QR code.
//!
//! # Legal basis
//!
//! `docs/sources.md` §8: the twelve lines (`BCD`, `002`, charset `1` = UTF-8, `SCT`, BIC, name ≤ 70, IBAN,
//! `EUR` + 0.01–999 999 999.99, purpose, RF reference ≤ 35 *or* text ≤ 140,
//! information ≤ 70), payload ≤ 331 bytes, error level M, QR version ≤ 13 \[P3\]\[P4\].
//! Trailing empty lines are left out, as the EPC guideline allows.
//!
//! Serves: T4.3, T4.5, S33.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{CreditorReference, Currency, Iban, Money};
#[cfg(feature = "qr")]
use qrcode::bits::Bits;
#[cfg(feature = "qr")]
use qrcode::render::svg;
#[cfg(feature = "qr")]
use qrcode::{EcLevel, QrCode, Version};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The longest beneficiary name (field 6).
const MAX_NAME: usize = 70;
/// The longest unstructured remittance text (field 11).
const MAX_TEXT: usize = 140;
/// The longest beneficiary-to-originator information (field 12).
const MAX_INFORMATION: usize = 70;
/// The largest payload in bytes.
const MAX_PAYLOAD_BYTES: usize = 331;
#[cfg(feature = "qr")]
/// The largest QR version.
const MAX_QR_VERSION: i16 = 13;

/// A bank identifier code (BIC, ISO 9362): 4 letters of the bank, 2 of the country, 2 letters
/// or digits of the location, optionally 3 of the branch. Parsing ignores spaces and
/// upper-cases letters. Core has no BIC type; this one lives here until another crate needs
/// it.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::Bic;
///
/// let bic: Bic = "habalv22".parse()?;
/// assert_eq!(bic.as_str(), "HABALV22");
/// assert_eq!(bic.country(), "LV");
/// assert_eq!("HABA22".parse::<Bic>().unwrap_err().code(), "bic.length");
/// # Ok::<(), apkalpe_payments::ParseBicError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Bic(String);

/// The error returned when text is not a BIC.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{Bic, ParseBicError};
///
/// assert_eq!("HABA22".parse::<Bic>().unwrap_err(), ParseBicError::Length { found: 6 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseBicError {
    /// Not 8 or 11 characters.
    #[error("a BIC has 8 or 11 characters, found {found}")]
    Length {
        /// The number of characters found.
        found: usize,
    },
    /// A character of the wrong class at a position.
    #[error("a BIC needs {expected} at position {position}")]
    Format {
        /// The position, from 0, in the text without spaces.
        position: usize,
        /// `a letter` or `a letter or digit`.
        expected: &'static str,
    },
}

impl ParseBicError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Bic;
    ///
    /// assert_eq!("HAB1LV22".parse::<Bic>().unwrap_err().code(), "bic.format");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseBicError::Length { .. } => "bic.length",
            ParseBicError::Format { .. } => "bic.format",
        }
    }
}

impl Bic {
    /// Parses a BIC.
    ///
    /// # Errors
    ///
    /// [`ParseBicError::Length`] unless 8 or 11 characters; [`ParseBicError::Format`] when
    /// the first 6 are not letters or the rest not letters or digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Bic;
    ///
    /// let bic = Bic::try_new("habalv22")?;
    /// assert_eq!(bic.as_str(), "HABALV22");
    /// # Ok::<(), apkalpe_payments::ParseBicError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Bic, ParseBicError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let count = compact.chars().count();
        if count != 8 && count != 11 {
            return Err(ParseBicError::Length { found: count });
        }
        for (position, c) in compact.chars().enumerate() {
            let (ok, expected) = if position < 6 {
                (c.is_ascii_uppercase(), "a letter")
            } else {
                (
                    c.is_ascii_uppercase() || c.is_ascii_digit(),
                    "a letter or digit",
                )
            };
            if !ok {
                return Err(ParseBicError::Format { position, expected });
            }
        }
        Ok(Bic(compact))
    }

    /// Returns the BIC.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Bic;
    ///
    /// assert_eq!("HABALV22XXX".parse::<Bic>()?.as_str(), "HABALV22XXX");
    /// # Ok::<(), apkalpe_payments::ParseBicError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the country code (characters 5–6).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Bic;
    ///
    /// assert_eq!("HABALV22".parse::<Bic>()?.country(), "LV");
    /// # Ok::<(), apkalpe_payments::ParseBicError>(())
    /// ```
    pub fn country(&self) -> &str {
        self.0.get(4..6).unwrap_or_default()
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Bic {
    type Err = ParseBicError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Bic::try_new(s)
    }
}

impl TryFrom<String> for Bic {
    type Error = ParseBicError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Bic::try_new(&value)
    }
}

impl From<Bic> for String {
    fn from(value: Bic) -> Self {
        value.0
    }
}

/// The error returned when a payment request breaks an EPC QR rule. Each variant names the
/// rule.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{PaymentRequest, Remittance};
/// use rust_decimal_macros::dec;
///
/// let request = PaymentRequest::try_new(
///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
/// )?;
/// let error = request.with_purpose("G1").unwrap_err();
/// assert_eq!(error, apkalpe_payments::EpcQrError::Purpose);
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EpcQrError {
    /// The beneficiary name is empty.
    #[error("the beneficiary name must not be empty (EPC field 6)")]
    NameEmpty,
    /// The beneficiary name is longer than 70 characters.
    #[error("the beneficiary name has {found} characters, EPC allows at most 70 (field 6)")]
    NameLength {
        /// The number of characters.
        found: usize,
    },
    /// Both an RF reference and a remittance text were given.
    #[error(
        "give either a structured RF reference or a remittance text, not both (EPC fields 10 and 11)"
    )]
    BothRemittances,
    /// The remittance text is longer than 140 characters.
    #[error("the remittance text has {found} characters, EPC allows at most 140 (field 11)")]
    TextLength {
        /// The number of characters.
        found: usize,
    },
    /// The information line is longer than 70 characters.
    #[error(
        "the beneficiary-to-originator information has {found} characters, EPC allows at most 70 (field 12)"
    )]
    InformationLength {
        /// The number of characters.
        found: usize,
    },
    /// The purpose code is not 4 letters.
    #[error("the purpose code must be 4 letters (EPC field 9)")]
    Purpose,
    /// A field holds a line break, which would shift every later field.
    #[error("the {field} must not contain a line break")]
    LineBreak {
        /// The field.
        field: &'static str,
    },
    /// The amount is not in euro.
    #[error("EPC QR amounts are in EUR, found {found}")]
    Currency {
        /// The currency given.
        found: Currency,
    },
    /// The amount is outside 0.01–999 999 999.99 or has fractions of a cent.
    #[error("the amount {amount} is outside EUR 0.01 to 999999999.99 in whole cents (EPC field 8)")]
    AmountRange {
        /// The amount given.
        amount: Money,
    },
    /// The payload is longer than 331 bytes.
    #[error("the payload has {found} bytes, EPC allows at most 331")]
    PayloadLength {
        /// The number of bytes.
        found: usize,
    },
    /// The QR code would need a version above 13.
    #[error("the QR code needs version {found}, EPC allows at most 13")]
    QrVersion {
        /// The version needed.
        found: i16,
    },
    /// The QR encoder failed.
    #[error("the QR code cannot hold the payload")]
    QrEncoding,
    /// The BIC is malformed.
    #[error(transparent)]
    Bic(#[from] ParseBicError),
    /// The RF reference is malformed.
    #[error(transparent)]
    Reference(#[from] apkalpe_core::ParseCreditorReferenceError),
}

impl EpcQrError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// let error = request.with_information(&"i".repeat(71)).unwrap_err();
    /// assert_eq!(error.code(), "epc.information_length");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            EpcQrError::NameEmpty => "epc.name_empty",
            EpcQrError::NameLength { .. } => "epc.name_length",
            EpcQrError::BothRemittances => "epc.both_remittances",
            EpcQrError::TextLength { .. } => "epc.text_length",
            EpcQrError::InformationLength { .. } => "epc.information_length",
            EpcQrError::Purpose => "epc.purpose",
            EpcQrError::LineBreak { .. } => "epc.line_break",
            EpcQrError::Currency { .. } => "epc.currency",
            EpcQrError::AmountRange { .. } => "epc.amount_range",
            EpcQrError::PayloadLength { .. } => "epc.payload_length",
            EpcQrError::QrVersion { .. } => "epc.qr_version",
            EpcQrError::QrEncoding => "epc.qr_encoding",
            EpcQrError::Bic(error) => error.code(),
            EpcQrError::Reference(error) => error.code(),
        }
    }
}

/// The remittance information of a transfer: a structured RF creditor reference or free
/// text, never both.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::Remittance;
///
/// let r = Remittance::from_parts(Some("RF18 5390 0754 7034"), None)?;
/// assert_eq!(r, Remittance::Reference("RF18539007547034".parse().unwrap()));
/// assert_eq!(Remittance::from_parts(Some("RF18539007547034"), Some("x")).unwrap_err().code(), "epc.both_remittances");
/// # Ok::<(), apkalpe_payments::EpcQrError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Remittance {
    /// An ISO 11649 RF creditor reference (EPC field 10).
    Reference(CreditorReference),
    /// Unstructured text (EPC field 11).
    Text(String),
    /// Nothing.
    None,
}

impl Remittance {
    /// Builds the remittance from the two optional inputs a form or command line has.
    ///
    /// # Errors
    ///
    /// [`EpcQrError::BothRemittances`] when both are given; [`EpcQrError::Reference`] for a
    /// malformed RF reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Remittance;
    ///
    /// assert_eq!(Remittance::from_parts(None, Some("Rēķins 7"))?, Remittance::Text("Rēķins 7".into()));
    /// assert_eq!(Remittance::from_parts(None, None)?, Remittance::None);
    /// assert!(Remittance::from_parts(Some("RF18539007547034"), Some("x")).is_err());
    /// # Ok::<(), apkalpe_payments::EpcQrError>(())
    /// ```
    pub fn from_parts(reference: Option<&str>, text: Option<&str>) -> Result<Self, EpcQrError> {
        match (reference, text) {
            (Some(_), Some(_)) => Err(EpcQrError::BothRemittances),
            (Some(reference), None) => Ok(Remittance::Reference(reference.parse()?)),
            (None, Some(text)) => Ok(Remittance::Text(text.to_owned())),
            (None, None) => Ok(Remittance::None),
        }
    }
}

/// A request to pay by SEPA credit transfer (*maksājuma pieprasījums*): beneficiary, IBAN,
/// optional BIC, amount and remittance. Validated against the EPC QR rules when built.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "qr")] {
/// use apkalpe_payments::{PaymentRequest, Remittance};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let request = PaymentRequest::try_new(
///     "SIA Apkalpe Demo",
///     "LV80BANK0000435195001".parse()?,
///     None,
///     Money::new(dec!(121.00), Currency::EUR),
///     Remittance::from_parts(Some("RF18539007547034"), None)?,
/// )?;
/// assert_eq!(
///     request.epc_payload()?,
///     "BCD\n002\n1\nSCT\n\nSIA Apkalpe Demo\nLV80BANK0000435195001\nEUR121.00\n\nRF18539007547034"
/// );
/// assert!(request.epc_svg()?.starts_with("<?xml"));
/// # }
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// It deserializes through [`PaymentRequest::try_new`], [`PaymentRequest::with_purpose`] and
/// [`PaymentRequest::with_information`]: a saved request breaking an EPC rule is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PaymentRequestRecord"))]
pub struct PaymentRequest {
    name: String,
    iban: Iban,
    bic: Option<Bic>,
    amount: Money,
    remittance: Remittance,
    purpose: Option<String>,
    information: Option<String>,
}

/// The saved form of a [`PaymentRequest`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct PaymentRequestRecord {
    name: String,
    iban: Iban,
    bic: Option<Bic>,
    amount: Money,
    remittance: Remittance,
    purpose: Option<String>,
    information: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<PaymentRequestRecord> for PaymentRequest {
    type Error = RestoreError;

    fn try_from(record: PaymentRequestRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "PaymentRequest";
        let mut request = PaymentRequest::try_new(
            &record.name,
            record.iban,
            record.bic,
            record.amount,
            record.remittance,
        )
        .map_err(|error| {
            let field = match &error {
                EpcQrError::NameEmpty
                | EpcQrError::NameLength { .. }
                | EpcQrError::LineBreak {
                    field: "beneficiary name",
                } => "name",
                EpcQrError::Currency { .. } | EpcQrError::AmountRange { .. } => "amount",
                EpcQrError::PayloadLength { .. } => "",
                _ => "remittance",
            };
            RestoreError::invalid(WHAT, field, error)
        })?;
        if let Some(purpose) = &record.purpose {
            request = request
                .with_purpose(purpose)
                .map_err(|error| RestoreError::invalid(WHAT, "purpose", error))?;
        }
        if let Some(information) = &record.information {
            request = request
                .with_information(information)
                .map_err(|error| RestoreError::invalid(WHAT, "information", error))?;
        }
        Ok(request)
    }
}

fn no_line_break(text: &str, field: &'static str) -> Result<(), EpcQrError> {
    if text.contains(['\n', '\r']) {
        Err(EpcQrError::LineBreak { field })
    } else {
        Ok(())
    }
}

impl PaymentRequest {
    /// Builds a request and checks it against the EPC QR rules.
    ///
    /// # Errors
    ///
    /// - [`EpcQrError::NameEmpty`], [`EpcQrError::NameLength`] (over 70 characters).
    /// - [`EpcQrError::Currency`], [`EpcQrError::AmountRange`] (0.01–999 999 999.99 EUR).
    /// - [`EpcQrError::TextLength`] (over 140 characters), [`EpcQrError::LineBreak`].
    /// - [`EpcQrError::PayloadLength`] (over 331 bytes).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.amount().to_string(), "12.30 EUR");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn try_new(
        name: &str,
        iban: Iban,
        bic: Option<Bic>,
        amount: Money,
        remittance: Remittance,
    ) -> Result<PaymentRequest, EpcQrError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(EpcQrError::NameEmpty);
        }
        no_line_break(name, "beneficiary name")?;
        let chars = name.chars().count();
        if chars > MAX_NAME {
            return Err(EpcQrError::NameLength { found: chars });
        }
        if amount.currency() != Currency::EUR {
            return Err(EpcQrError::Currency {
                found: amount.currency(),
            });
        }
        let max = Decimal::new(99_999_999_999, 2);
        if amount.amount() < Decimal::new(1, 2)
            || amount.amount() > max
            || !amount.is_in_minor_units()
        {
            return Err(EpcQrError::AmountRange { amount });
        }
        if let Remittance::Text(text) = &remittance {
            no_line_break(text, "remittance text")?;
            let chars = text.chars().count();
            if chars > MAX_TEXT {
                return Err(EpcQrError::TextLength { found: chars });
            }
        }
        let request = PaymentRequest {
            name: name.to_owned(),
            iban,
            bic,
            amount,
            remittance,
            purpose: None,
            information: None,
        };
        request.check_length()?;
        Ok(request)
    }

    fn check_length(&self) -> Result<(), EpcQrError> {
        let found = self.render().len();
        if found > MAX_PAYLOAD_BYTES {
            return Err(EpcQrError::PayloadLength { found });
        }
        Ok(())
    }

    /// Returns the request with a 4-letter ISO 20022 purpose code (EPC field 9).
    ///
    /// # Errors
    ///
    /// [`EpcQrError::Purpose`] unless 4 ASCII letters; [`EpcQrError::PayloadLength`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// let request = request.with_purpose("GDSV")?;
    /// assert!(request.epc_payload()?.contains("\nGDSV\n"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_purpose(mut self, purpose: &str) -> Result<Self, EpcQrError> {
        if purpose.len() != 4 || !purpose.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(EpcQrError::Purpose);
        }
        self.purpose = Some(purpose.to_ascii_uppercase());
        self.check_length()?;
        Ok(self)
    }

    /// Returns the request with a beneficiary-to-originator information line (EPC field 12).
    ///
    /// # Errors
    ///
    /// [`EpcQrError::InformationLength`] over 70 characters; [`EpcQrError::LineBreak`];
    /// [`EpcQrError::PayloadLength`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// let request = request.with_information("Paldies!")?;
    /// assert!(request.epc_payload()?.ends_with("\nPaldies!"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_information(mut self, information: &str) -> Result<Self, EpcQrError> {
        no_line_break(information, "information")?;
        let chars = information.chars().count();
        if chars > MAX_INFORMATION {
            return Err(EpcQrError::InformationLength { found: chars });
        }
        self.information = Some(information.to_owned());
        self.check_length()?;
        Ok(self)
    }

    /// Returns the beneficiary's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.name(), "SIA Apkalpe");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the beneficiary's IBAN.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.iban().to_string(), "LV80BANK0000435195001");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn iban(&self) -> &Iban {
        &self.iban
    }

    /// Returns the BIC, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.bic().map(|b| b.as_str()), Some("HABALV22"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn bic(&self) -> Option<&Bic> {
        self.bic.as_ref()
    }

    /// Returns the amount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.amount(), Money::new(dec!(12.30), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the remittance.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// assert_eq!(request.remittance(), &Remittance::Text("Rēķins INV-7".into()));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn remittance(&self) -> &Remittance {
        &self.remittance
    }

    fn render(&self) -> String {
        let (reference, text) = match &self.remittance {
            Remittance::Reference(reference) => (reference.to_string(), String::new()),
            Remittance::Text(text) => (String::new(), text.clone()),
            Remittance::None => (String::new(), String::new()),
        };
        let amount = format!("EUR{}", self.amount);
        let amount = amount.trim_end_matches(" EUR").to_owned();
        let fields = [
            "BCD".to_owned(),
            "002".to_owned(),
            "1".to_owned(),
            "SCT".to_owned(),
            self.bic.as_ref().map(Bic::to_string).unwrap_or_default(),
            self.name.clone(),
            self.iban.to_string(),
            amount,
            self.purpose.clone().unwrap_or_default(),
            reference,
            text,
            self.information.clone().unwrap_or_default(),
        ];
        let used = fields
            .iter()
            .rposition(|field| !field.is_empty())
            .map_or(0, |last| last.saturating_add(1));
        fields.get(..used).unwrap_or_default().join("\n")
    }

    /// Returns the EPC QR payload: lines joined by LF, from `BCD`, trailing empty lines left
    /// out.
    ///
    /// # Errors
    ///
    /// [`EpcQrError::PayloadLength`] (cannot happen for a request built by
    /// [`PaymentRequest::try_new`], which checks it).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// let payload = request.epc_payload()?;
    /// assert!(payload.starts_with("BCD\n002\n1\nSCT\nHABALV22\nSIA Apkalpe\n"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn epc_payload(&self) -> Result<String, EpcQrError> {
        let payload = self.render();
        if payload.len() > MAX_PAYLOAD_BYTES {
            return Err(EpcQrError::PayloadLength {
                found: payload.len(),
            });
        }
        Ok(payload)
    }

    #[cfg(feature = "qr")]
    /// Returns the payload as a QR code in SVG: error level M, version at most 13.
    ///
    /// # Errors
    ///
    /// [`EpcQrError::QrVersion`] when the code needs a version above 13;
    /// [`EpcQrError::QrEncoding`] when the encoder fails.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "qr")] {
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{PaymentRequest, Remittance};
    /// use rust_decimal_macros::dec;
    ///
    /// let request = PaymentRequest::try_new(
    ///     "SIA Apkalpe", "LV80BANK0000435195001".parse()?, Some("HABALV22".parse()?),
    ///     Money::new(dec!(12.30), Currency::EUR), Remittance::Text("Rēķins INV-7".into()),
    /// )?;
    /// let svg = request.epc_svg()?;
    /// assert!(svg.contains("<svg"));
    /// # }
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn epc_svg(&self) -> Result<String, EpcQrError> {
        let payload = self.epc_payload()?;
        let code = encode_byte_mode(payload.as_bytes())?;
        Ok(code
            .render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build())
    }
}

#[cfg(feature = "qr")]
/// Encodes the payload as one byte-mode segment (UTF-8, as EPC069-12 expects) at error level
/// M, in the smallest version that holds it. One byte segment of at most 331 bytes always fits
/// version 13-M; letting the encoder split mixed text into several segments can overflow it.
fn encode_byte_mode(payload: &[u8]) -> Result<QrCode, EpcQrError> {
    for version in 1..=MAX_QR_VERSION {
        let mut bits = Bits::new(Version::Normal(version));
        if bits.push_byte_data(payload).is_err() || bits.push_terminator(EcLevel::M).is_err() {
            continue;
        }
        return QrCode::with_bits(bits, EcLevel::M).map_err(|_| EpcQrError::QrEncoding);
    }
    Err(EpcQrError::QrVersion {
        found: MAX_QR_VERSION.saturating_add(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn iban() -> Iban {
        "LV80BANK0000435195001".parse().unwrap()
    }
    fn eur(d: Decimal) -> Money {
        Money::new(d, Currency::EUR)
    }

    #[test]
    fn payload_with_bic_and_text() {
        let r = PaymentRequest::try_new(
            "Jānis Bērziņš",
            iban(),
            Some("HABALV22".parse().unwrap()),
            eur(dec!(12.3)),
            Remittance::Text("Rēķins INV-2026-001".into()),
        )
        .unwrap();
        assert_eq!(
            r.epc_payload().unwrap(),
            "BCD\n002\n1\nSCT\nHABALV22\nJānis Bērziņš\nLV80BANK0000435195001\nEUR12.30\n\n\nRēķins INV-2026-001"
        );
    }

    #[test]
    fn rules_are_enforced() {
        let long = "x".repeat(71);
        let code = |r: Result<PaymentRequest, EpcQrError>| r.unwrap_err().code();
        assert_eq!(
            code(PaymentRequest::try_new(
                &long,
                iban(),
                None,
                eur(dec!(1)),
                Remittance::None
            )),
            "epc.name_length"
        );
        assert_eq!(
            code(PaymentRequest::try_new(
                "A",
                iban(),
                None,
                eur(dec!(0)),
                Remittance::None
            )),
            "epc.amount_range"
        );
        assert_eq!(
            code(PaymentRequest::try_new(
                "A",
                iban(),
                None,
                eur(dec!(1000000000)),
                Remittance::None
            )),
            "epc.amount_range"
        );
        assert_eq!(
            code(PaymentRequest::try_new(
                "A",
                iban(),
                None,
                Money::new(dec!(1), Currency::USD),
                Remittance::None
            )),
            "epc.currency"
        );
        assert_eq!(
            code(PaymentRequest::try_new(
                &"N".repeat(70),
                iban(),
                None,
                eur(dec!(1)),
                Remittance::Text("é".repeat(140))
            )),
            "epc.payload_length"
        );
        assert_eq!(
            code(PaymentRequest::try_new(
                "A\nB",
                iban(),
                None,
                eur(dec!(1)),
                Remittance::None
            )),
            "epc.line_break"
        );
    }

    #[test]
    fn largest_payload_fits_version_13() {
        let r = PaymentRequest::try_new(
            &"N".repeat(70),
            "MT84MALT011000012345MTLCAST001S".parse().unwrap(),
            Some("HABALV22XXX".parse().unwrap()),
            eur(dec!(999999999.99)),
            Remittance::Text("T".repeat(140)),
        )
        .unwrap()
        .with_purpose("GDDS")
        .unwrap()
        .with_information(&"I".repeat(39))
        .unwrap();
        assert!(r.epc_payload().unwrap().len() <= 331);
        assert!(r.epc_svg().is_ok());
    }
}
