//! Payment cards (*maksājumu kartes*): the full card number that never leaves memory, its
//! brand by IIN range, the masked number and the expiry date.
//!
//! The full card number (PAN) exists only as a [`CardNumber`]: it has no `Display`, no
//! `Serialize`, no `Clone`, its `Debug` prints the masked number, and its digits are
//! overwritten when it is dropped. What outlives the authorisation is a
//! [`CardOnFile`](crate::CardOnFile): the [`MaskedPan`] (first 6 and last 4 digits) and the
//! terminal's token.
//!
//! Serves: T4.3, S34, C20, knowledge 3.15–3.16.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The most digits a card number has (ISO/IEC 7812).
const MAX_DIGITS: usize = 19;
/// The fewest digits a card number has (Maestro).
const MIN_DIGITS: usize = 12;
/// Digits shown at the start of a masked number.
const SHOWN_FIRST: usize = 6;
/// Digits shown at the end of a masked number.
const SHOWN_LAST: usize = 4;

/// A card brand (*kartes zīmols*), recognised by the issuer identification number (IIN)
/// at the start of the card number.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CardBrand, CardNumber};
///
/// let card: CardNumber = "5555 5555 5555 4444".parse()?;
/// assert_eq!(card.brand(), CardBrand::Mastercard);
/// assert_eq!(CardBrand::Mastercard.to_string(), "Mastercard");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CardBrand {
    /// Visa: IIN 4, 13, 16 or 19 digits.
    Visa,
    /// Mastercard: IIN 51–55 and the 2-series 2221–2720, 16 digits.
    Mastercard,
    /// Maestro: IIN 5018, 5020, 5038, 5893, 6304, 6759, 6761–6763 and the rest of 50,
    /// 56–58; 12–19 digits.
    Maestro,
    /// American Express: IIN 34, 37, 15 digits.
    AmericanExpress,
    /// Discover: IIN 6011, 622126–622925, 644–649, 65; 16–19 digits.
    Discover,
    /// JCB: IIN 3528–3589, 16–19 digits.
    Jcb,
    /// UnionPay: IIN 62 (outside the Discover range), 16–19 digits.
    UnionPay,
    /// Diners Club: IIN 300–305, 3095, 36, 38–39; 14–19 digits.
    Diners,
}

impl CardBrand {
    /// Every brand, in the order of the enum.
    pub const ALL: [CardBrand; 8] = [
        CardBrand::Visa,
        CardBrand::Mastercard,
        CardBrand::Maestro,
        CardBrand::AmericanExpress,
        CardBrand::Discover,
        CardBrand::Jcb,
        CardBrand::UnionPay,
        CardBrand::Diners,
    ];

    /// Returns the brand's name as printed on receipts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardBrand;
    ///
    /// assert_eq!(CardBrand::AmericanExpress.name(), "American Express");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::Maestro => "Maestro",
            CardBrand::AmericanExpress => "American Express",
            CardBrand::Discover => "Discover",
            CardBrand::Jcb => "JCB",
            CardBrand::UnionPay => "UnionPay",
            CardBrand::Diners => "Diners Club",
        }
    }

    /// Returns the lengths in digits the brand issues, as text for messages ("16", "13, 16 or
    /// 19", "12–19").
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardBrand;
    ///
    /// assert_eq!(CardBrand::Visa.lengths_text(), "13, 16 or 19");
    /// ```
    pub const fn lengths_text(self) -> &'static str {
        match self {
            CardBrand::Visa => "13, 16 or 19",
            CardBrand::Mastercard => "16",
            CardBrand::Maestro => "12-19",
            CardBrand::AmericanExpress => "15",
            CardBrand::Discover | CardBrand::Jcb | CardBrand::UnionPay => "16-19",
            CardBrand::Diners => "14-19",
        }
    }

    /// Returns whether the brand issues card numbers of `digits` digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardBrand;
    ///
    /// assert!(CardBrand::Visa.accepts_length(16));
    /// assert!(!CardBrand::Visa.accepts_length(15));
    /// ```
    pub const fn accepts_length(self, digits: usize) -> bool {
        match self {
            CardBrand::Visa => matches!(digits, 13 | 16 | 19),
            CardBrand::Mastercard => digits == 16,
            CardBrand::Maestro => digits >= 12 && digits <= 19,
            CardBrand::AmericanExpress => digits == 15,
            CardBrand::Discover | CardBrand::Jcb | CardBrand::UnionPay => {
                digits >= 16 && digits <= 19
            }
            CardBrand::Diners => digits >= 14 && digits <= 19,
        }
    }

    /// Returns the brand whose IIN range contains the start of `digits` (ASCII digits), or
    /// `None`. More specific ranges win (Discover's 622126–622925 before UnionPay's 62).
    fn from_iin(digits: &[u8]) -> Option<CardBrand> {
        let prefix = |n: usize| -> u32 {
            digits
                .iter()
                .take(n)
                .fold(0u32, |acc, d| acc * 10 + u32::from(d.wrapping_sub(b'0')))
        };
        let (p1, p2, p3, p4, p6) = (prefix(1), prefix(2), prefix(3), prefix(4), prefix(6));
        let brand = if p2 == 34 || p2 == 37 {
            CardBrand::AmericanExpress
        } else if (300..=305).contains(&p3) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39 {
            CardBrand::Diners
        } else if (3528..=3589).contains(&p4) {
            CardBrand::Jcb
        } else if p1 == 4 {
            CardBrand::Visa
        } else if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) {
            CardBrand::Mastercard
        } else if p4 == 6011
            || (622_126..=622_925).contains(&p6)
            || (644..=649).contains(&p3)
            || p2 == 65
        {
            CardBrand::Discover
        } else if p2 == 62 {
            CardBrand::UnionPay
        } else if matches!(
            p4,
            5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763
        ) || p2 == 50
            || (56..=58).contains(&p2)
        {
            CardBrand::Maestro
        } else {
            return None;
        };
        Some(brand)
    }
}

impl CardBrand {
    #[cfg(feature = "serde")]
    /// Returns the brand of a masked number (its first six digits and its length), as
    /// [`CardNumber`] recognised it: `None` when no brand issues such a number.
    pub(crate) fn of_masked(masked: &str) -> Option<CardBrand> {
        let brand = CardBrand::from_iin(masked.as_bytes().get(..SHOWN_FIRST)?)?;
        brand.accepts_length(masked.len()).then_some(brand)
    }
}

impl fmt::Display for CardBrand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error returned when text is not a valid card number. It never repeats the number.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::CardNumber;
///
/// let error = "4111 1111 1111 1112".parse::<CardNumber>().unwrap_err();
/// assert_eq!(error.code(), "card.checksum");
/// assert!(!error.to_string().contains("4111"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCardNumberError {
    /// No digits at all.
    #[error("the card number is empty")]
    Empty,
    /// A character other than a digit, a space or a hyphen.
    #[error(
        "the card number has a character other than a digit, space or hyphen at position {position}"
    )]
    InvalidCharacter {
        /// The character position in the input, from 0.
        position: usize,
    },
    /// Fewer than 12 or more than 19 digits.
    #[error("a card number has 12 to 19 digits, found {found}")]
    Length {
        /// The number of digits found.
        found: usize,
    },
    /// The Luhn check digit does not match.
    #[error("the card number fails the Luhn check")]
    Checksum,
    /// No brand's IIN range covers the number.
    #[error("the card number's IIN belongs to no known brand")]
    UnknownBrand,
    /// The brand does not issue numbers of this length.
    #[error("{brand} card numbers have {expected} digits, found {found}")]
    BrandLength {
        /// The brand recognised from the IIN.
        brand: CardBrand,
        /// The lengths the brand issues.
        expected: &'static str,
        /// The number of digits found.
        found: usize,
    },
}

impl ParseCardNumberError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardNumber;
    ///
    /// assert_eq!("4111 1111 1111 1112".parse::<CardNumber>().unwrap_err().code(), "card.checksum");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCardNumberError::Empty => "card.empty",
            ParseCardNumberError::InvalidCharacter { .. } => "card.invalid_character",
            ParseCardNumberError::Length { .. } => "card.length",
            ParseCardNumberError::Checksum => "card.checksum",
            ParseCardNumberError::UnknownBrand => "card.unknown_brand",
            ParseCardNumberError::BrandLength { .. } => "card.brand_length",
        }
    }
}

/// Returns whether ASCII digits pass the Luhn (mod 10) check.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    let sum = digits.iter().rev().enumerate().fold(0u32, |sum, (i, d)| {
        let value = u32::from(d.wrapping_sub(b'0'));
        let value = if i % 2 == 1 {
            let doubled = value * 2;
            if doubled > 9 { doubled - 9 } else { doubled }
        } else {
            value
        };
        sum + value
    });
    sum % 10 == 0
}

/// A full card number (primary account number, PAN), valid by length, Luhn check and brand.
///
/// It lives only as long as an authorisation needs it: it has no `Display`, no `Serialize`
/// and no `Clone`; `Debug` prints the masked number; its digits are overwritten with zeros when
/// it is dropped (a best effort: the compiler is kept from removing the writes, but copies made
/// earlier by the operating system or the caller are out of its reach). Keep the
/// [`MaskedPan`] and the terminal's token instead (see [`CardOnFile`](crate::CardOnFile)).
///
/// Parsing accepts spaces and hyphens between digits.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CardBrand, CardNumber};
///
/// let card: CardNumber = "4111 1111 1111 1111".parse()?;
/// assert_eq!(card.brand(), CardBrand::Visa);
/// assert_eq!(card.masked().to_string(), "411111******1111");
/// assert_eq!(format!("{card:?}"), "CardNumber(411111******1111)");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// # Errors
///
/// See [`CardNumber::try_new`].
///
/// Serves: T4.3, S34, C20.
pub struct CardNumber {
    digits: [u8; MAX_DIGITS],
    len: u8,
    brand: CardBrand,
}

impl CardNumber {
    /// Parses a card number.
    ///
    /// # Errors
    ///
    /// - [`ParseCardNumberError::Empty`]: no digits.
    /// - [`ParseCardNumberError::InvalidCharacter`]: a character other than a digit, space or
    ///   hyphen.
    /// - [`ParseCardNumberError::Length`]: fewer than 12 or more than 19 digits.
    /// - [`ParseCardNumberError::Checksum`]: the Luhn check fails.
    /// - [`ParseCardNumberError::UnknownBrand`]: no known IIN range.
    /// - [`ParseCardNumberError::BrandLength`]: a length the brand does not issue.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardNumber;
    ///
    /// let amex = CardNumber::try_new("3782-822463-10005")?;
    /// assert_eq!(amex.masked().as_str(), "378282*****0005");
    /// assert_eq!(CardNumber::try_new("4111 1111 1111 116").unwrap_err().code(), "card.brand_length");
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<CardNumber, ParseCardNumberError> {
        let mut digits = [0u8; MAX_DIGITS];
        let mut len = 0usize;
        for (position, c) in text.chars().enumerate() {
            match c {
                '0'..='9' => {
                    if let Some(slot) = digits.get_mut(len) {
                        *slot = c as u8;
                    }
                    len = len.saturating_add(1);
                }
                ' ' | '-' => {}
                _ => {
                    digits.fill(0);
                    return Err(ParseCardNumberError::InvalidCharacter { position });
                }
            }
        }
        let number = CardNumber {
            digits,
            len: u8::try_from(len.min(MAX_DIGITS)).unwrap_or(0),
            brand: CardBrand::Visa,
        };
        // `number` is dropped (and zeroed) on every error path below.
        if len == 0 {
            return Err(ParseCardNumberError::Empty);
        }
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&len) {
            return Err(ParseCardNumberError::Length { found: len });
        }
        if !luhn_valid(number.as_digits()) {
            return Err(ParseCardNumberError::Checksum);
        }
        let brand =
            CardBrand::from_iin(number.as_digits()).ok_or(ParseCardNumberError::UnknownBrand)?;
        if !brand.accepts_length(len) {
            return Err(ParseCardNumberError::BrandLength {
                brand,
                expected: brand.lengths_text(),
                found: len,
            });
        }
        let mut number = number;
        number.brand = brand;
        Ok(number)
    }

    fn as_digits(&self) -> &[u8] {
        self.digits.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// Returns the brand.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert_eq!(card.brand(), CardBrand::Mastercard);
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn brand(&self) -> CardBrand {
        self.brand
    }

    /// Returns the number of digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert_eq!(card.len(), 16);
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Returns `false`: a valid card number has at least 12 digits (for clippy's `len`
    /// convention).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert!(!card.is_empty());
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Returns the masked number: the first 6 and last 4 digits, the rest `*`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert_eq!(card.masked().as_str(), "555555******4444");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn masked(&self) -> MaskedPan {
        MaskedPan::from_digits(self.as_digits())
    }

    /// Returns the last four digits, as printed on receipts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert_eq!(card.last_four(), "4444");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn last_four(&self) -> String {
        let digits = self.as_digits();
        let start = digits.len().saturating_sub(SHOWN_LAST);
        digits
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|&d| char::from(d))
            .collect()
    }

    /// Returns the full digits for a card terminal adapter that must send them on (to the
    /// acquirer, over its own PCI DSS–compliant channel). Never store, log or print them.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber};
    ///
    /// let card: CardNumber = "5555 5555 5555 4444".parse()?;
    /// assert_eq!(card.expose_digits_for_terminal(), b"5555555555554444");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::ParseCardNumberError>(())
    /// ```
    pub fn expose_digits_for_terminal(&self) -> &[u8] {
        self.as_digits()
    }
}

impl Drop for CardNumber {
    fn drop(&mut self) {
        self.digits.fill(0);
        self.len = 0;
        // Keep the optimiser from treating the writes above as dead stores.
        std::hint::black_box(&mut self.digits);
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({})", self.masked())
    }
}

impl FromStr for CardNumber {
    type Err = ParseCardNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CardNumber::try_new(s)
    }
}

/// A masked card number: at most the first 6 and the last 4 digits, every other digit `*`
/// (`411111******1111`). It can never hold a full card number: the constructor refuses more
/// than 10 digits, or a masked part shorter than 2 characters.
///
/// Serialised as its text, deserialised through [`MaskedPan::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_payments::MaskedPan;
///
/// let masked = MaskedPan::try_new("411111******1111")?;
/// assert_eq!(masked.last_four(), "1111");
/// assert_eq!(MaskedPan::try_new("4111111111111111").unwrap_err().code(), "masked_pan.format");
/// # Ok::<(), apkalpe_payments::ParseMaskedPanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct MaskedPan(String);

/// The error returned when text is not a masked card number.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{MaskedPan, ParseMaskedPanError};
///
/// let error = MaskedPan::try_new("4111111111111111").unwrap_err();
/// assert_eq!(error, ParseMaskedPanError::Format { found: 16 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseMaskedPanError {
    /// Not 12–19 characters of 6 digits, at least 2 `*` and 4 digits.
    #[error(
        "a masked card number is 6 digits, at least 2 '*' and 4 digits (12 to 19 characters), found {found} characters"
    )]
    Format {
        /// The number of characters found.
        found: usize,
    },
}

impl ParseMaskedPanError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MaskedPan;
    ///
    /// assert_eq!(MaskedPan::try_new("4111").unwrap_err().code(), "masked_pan.format");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseMaskedPanError::Format { .. } => "masked_pan.format",
        }
    }
}

impl MaskedPan {
    /// Checks and wraps a masked number.
    ///
    /// # Errors
    ///
    /// [`ParseMaskedPanError::Format`] unless the text is 12–19 characters: 6 digits, then only
    /// `*`, then 4 digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MaskedPan;
    ///
    /// let masked = MaskedPan::try_new("411111******1111")?;
    /// assert_eq!(masked.to_string(), "411111******1111");
    /// assert!(MaskedPan::try_new("4111111111111111").is_err(), "never a full number");
    /// # Ok::<(), apkalpe_payments::ParseMaskedPanError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<MaskedPan, ParseMaskedPanError> {
        let bytes = text.as_bytes();
        let error = ParseMaskedPanError::Format {
            found: text.chars().count(),
        };
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&bytes.len()) {
            return Err(error);
        }
        let masked_end = bytes.len().saturating_sub(SHOWN_LAST);
        let ok = bytes.iter().enumerate().all(|(i, b)| {
            if i < SHOWN_FIRST || i >= masked_end {
                b.is_ascii_digit()
            } else {
                *b == b'*'
            }
        });
        if ok {
            Ok(MaskedPan(text.to_owned()))
        } else {
            Err(error)
        }
    }

    fn from_digits(digits: &[u8]) -> MaskedPan {
        let masked_end = digits.len().saturating_sub(SHOWN_LAST);
        let text = digits
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                if i < SHOWN_FIRST || i >= masked_end {
                    char::from(d)
                } else {
                    '*'
                }
            })
            .collect();
        MaskedPan(text)
    }

    /// Returns the text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MaskedPan;
    ///
    /// let masked = MaskedPan::try_new("411111******1111")?;
    /// assert_eq!(masked.as_str(), "411111******1111");
    /// # Ok::<(), apkalpe_payments::ParseMaskedPanError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the last four digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MaskedPan;
    ///
    /// let masked = MaskedPan::try_new("411111******1111")?;
    /// assert_eq!(masked.last_four(), "1111");
    /// # Ok::<(), apkalpe_payments::ParseMaskedPanError>(())
    /// ```
    pub fn last_four(&self) -> &str {
        let start = self.0.len().saturating_sub(SHOWN_LAST);
        self.0.get(start..).unwrap_or_default()
    }

    /// Returns the IIN: the first six digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MaskedPan;
    ///
    /// let masked = MaskedPan::try_new("411111******1111")?;
    /// assert_eq!(masked.iin(), "411111");
    /// # Ok::<(), apkalpe_payments::ParseMaskedPanError>(())
    /// ```
    pub fn iin(&self) -> &str {
        self.0.get(..SHOWN_FIRST).unwrap_or_default()
    }
}

impl fmt::Display for MaskedPan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for MaskedPan {
    type Err = ParseMaskedPanError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MaskedPan::try_new(s)
    }
}

impl TryFrom<String> for MaskedPan {
    type Error = ParseMaskedPanError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        MaskedPan::try_new(&value)
    }
}

impl From<MaskedPan> for String {
    fn from(value: MaskedPan) -> Self {
        value.0
    }
}

/// A card's expiry month (*derīguma termiņš*): the card is valid through the last day of it.
///
/// Parsed from `MM/YY` or `MM/YYYY`; serialised as `MM/YYYY`.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::CardExpiry;
/// use chrono::NaiveDate;
///
/// let expiry: CardExpiry = "11/26".parse()?;
/// let last_day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// assert!(!expiry.is_expired_on(last_day));
/// assert!(expiry.is_expired_on(last_day.succ_opt().unwrap()));
/// assert_eq!(expiry.to_string(), "11/2026");
/// # Ok::<(), apkalpe_payments::ParseCardExpiryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CardExpiry {
    year: u16,
    month: u8,
}

/// The error returned when text is not a card expiry month.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CardExpiry, ParseCardExpiryError};
///
/// assert_eq!("13/27".parse::<CardExpiry>().unwrap_err(), ParseCardExpiryError::Month { found: 13 });
/// assert_eq!("1227".parse::<CardExpiry>().unwrap_err(), ParseCardExpiryError::Format);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCardExpiryError {
    /// Not `MM/YY` or `MM/YYYY`.
    #[error("a card expiry is written MM/YY or MM/YYYY")]
    Format,
    /// The month is not 1–12.
    #[error("the expiry month must be 1 to 12, found {found}")]
    Month {
        /// The month found.
        found: u32,
    },
}

impl ParseCardExpiryError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardExpiry;
    ///
    /// assert_eq!("13/27".parse::<CardExpiry>().unwrap_err().code(), "card_expiry.month");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCardExpiryError::Format => "card_expiry.format",
            ParseCardExpiryError::Month { .. } => "card_expiry.month",
        }
    }
}

impl CardExpiry {
    /// Creates an expiry from a year (2000–2099) and month.
    ///
    /// # Errors
    ///
    /// [`ParseCardExpiryError::Month`] for a month outside 1–12;
    /// [`ParseCardExpiryError::Format`] for a year outside 2000–2099.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardExpiry;
    ///
    /// assert_eq!(CardExpiry::try_new(2027, 3)?.to_string(), "03/2027");
    /// # Ok::<(), apkalpe_payments::ParseCardExpiryError>(())
    /// ```
    pub fn try_new(year: u32, month: u32) -> Result<CardExpiry, ParseCardExpiryError> {
        if !(1..=12).contains(&month) {
            return Err(ParseCardExpiryError::Month { found: month });
        }
        if !(2000..=2099).contains(&year) {
            return Err(ParseCardExpiryError::Format);
        }
        Ok(CardExpiry {
            year: u16::try_from(year).map_err(|_| ParseCardExpiryError::Format)?,
            month: u8::try_from(month).map_err(|_| ParseCardExpiryError::Format)?,
        })
    }

    /// Returns the year.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardExpiry;
    ///
    /// let expiry: CardExpiry = "12/30".parse()?;
    /// assert_eq!(expiry.year(), 2030);
    /// # Ok::<(), apkalpe_payments::ParseCardExpiryError>(())
    /// ```
    pub fn year(&self) -> u32 {
        u32::from(self.year)
    }

    /// Returns the month (1–12).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardExpiry;
    ///
    /// let expiry: CardExpiry = "12/30".parse()?;
    /// assert_eq!(expiry.month(), 12);
    /// # Ok::<(), apkalpe_payments::ParseCardExpiryError>(())
    /// ```
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// Returns whether the card is expired on `today`: after the last day of the expiry month.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardExpiry;
    ///
    /// let expiry: CardExpiry = "12/30".parse()?;
    /// use chrono::NaiveDate;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(!expiry.is_expired_on(day(2030, 12, 31)));
    /// assert!(expiry.is_expired_on(day(2031, 1, 1)));
    /// # Ok::<(), apkalpe_payments::ParseCardExpiryError>(())
    /// ```
    pub fn is_expired_on(&self, today: NaiveDate) -> bool {
        let today_key = (today.year(), today.month());
        let expiry_key = (i32::from(self.year), u32::from(self.month));
        today_key > expiry_key
    }
}

impl fmt::Display for CardExpiry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:04}", self.month, self.year)
    }
}

impl FromStr for CardExpiry {
    type Err = ParseCardExpiryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (month, year) = s
            .trim()
            .split_once('/')
            .ok_or(ParseCardExpiryError::Format)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(month) || !digits(year) || month.len() > 2 {
            return Err(ParseCardExpiryError::Format);
        }
        let month: u32 = month.parse().map_err(|_| ParseCardExpiryError::Format)?;
        let year: u32 = match year.len() {
            2 => {
                2000 + year
                    .parse::<u32>()
                    .map_err(|_| ParseCardExpiryError::Format)?
            }
            4 => year.parse().map_err(|_| ParseCardExpiryError::Format)?,
            _ => return Err(ParseCardExpiryError::Format),
        };
        CardExpiry::try_new(year, month)
    }
}

impl TryFrom<String> for CardExpiry {
    type Error = ParseCardExpiryError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<CardExpiry> for String {
    fn from(value: CardExpiry) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_by_iin_and_length() {
        let cases = [
            ("4111111111111111", CardBrand::Visa),
            ("4222222222222", CardBrand::Visa),
            ("5555555555554444", CardBrand::Mastercard),
            ("2221000000000009", CardBrand::Mastercard),
            ("2720999999999996", CardBrand::Mastercard),
            ("378282246310005", CardBrand::AmericanExpress),
            ("6011111111111117", CardBrand::Discover),
            ("6221260000000000", CardBrand::Discover),
            ("3530111333300000", CardBrand::Jcb),
            ("6200000000000005", CardBrand::UnionPay),
            ("30569309025904", CardBrand::Diners),
            ("6759649826438453", CardBrand::Maestro),
            ("501800000009", CardBrand::Maestro),
        ];
        for (number, brand) in cases {
            let parsed = CardNumber::try_new(number).unwrap_or_else(|e| panic!("{number}: {e}"));
            assert_eq!(parsed.brand(), brand, "{number}");
        }
    }

    #[test]
    fn errors_in_order() {
        let code = |t: &str| CardNumber::try_new(t).unwrap_err().code();
        assert_eq!(code(""), "card.empty");
        assert_eq!(code("  "), "card.empty");
        assert_eq!(code("4111x"), "card.invalid_character");
        assert_eq!(code("41111"), "card.length");
        assert_eq!(code("41111111111111111111"), "card.length");
        assert_eq!(code("4111111111111112"), "card.checksum");
        assert_eq!(code("9111111111111110"), "card.unknown_brand");
        assert_eq!(code("555555555555442"), "card.brand_length");
    }

    #[test]
    fn masking_and_debug_hide_the_middle() {
        let card = CardNumber::try_new("4111-1111-1111-1111").unwrap();
        assert_eq!(card.masked().as_str(), "411111******1111");
        assert_eq!(card.last_four(), "1111");
        assert!(!format!("{card:?}").contains("4111111111111111"));
        let maestro = CardNumber::try_new("501800000009").unwrap();
        assert_eq!(maestro.masked().as_str(), "501800**0009");
    }

    #[test]
    #[cfg(feature = "serde")]
    fn masked_pan_refuses_full_numbers() {
        assert!(MaskedPan::try_new("4111111111111111").is_err());
        assert!(MaskedPan::try_new("411111*1111").is_err());
        assert!(MaskedPan::try_new("41111*******1111").is_err());
        assert!(MaskedPan::try_new("411111******1111").is_ok());
        let json = serde_json::to_string(&MaskedPan::try_new("411111******1111").unwrap()).unwrap();
        assert_eq!(json, "\"411111******1111\"");
        assert!(serde_json::from_str::<MaskedPan>("\"4111111111111111\"").is_err());
    }

    #[test]
    fn expiry_parsing_and_check() {
        assert_eq!("1/27".parse::<CardExpiry>().unwrap().to_string(), "01/2027");
        assert_eq!(
            "13/27".parse::<CardExpiry>().unwrap_err().code(),
            "card_expiry.month"
        );
        assert_eq!(
            "12-27".parse::<CardExpiry>().unwrap_err().code(),
            "card_expiry.format"
        );
        let e = CardExpiry::try_new(2026, 2).unwrap();
        assert!(!e.is_expired_on(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()));
        assert!(e.is_expired_on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()));
    }
}
