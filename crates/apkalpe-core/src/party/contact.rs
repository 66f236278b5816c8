//! Contact details of a party: e-mail address and phone number.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The longest e-mail address, in characters (RFC 5321 path limit).
const MAX_EMAIL_CHARS: usize = 254;

/// An e-mail address (*e-pasta adrese*), checked with the HTML standard's rule for a valid
/// e-mail address, with internationalised domain names allowed.
///
/// The rule: a local part of 1 to 64 of the characters ``A–Z a–z 0–9 . ! # $ % & ' * + / = ?
/// ^ _ ` { | } ~ -``; `@`; a domain of at most 255 characters made of labels separated by dots,
/// each 1 to 63 letters or digits with hyphens only inside, letters being any Unicode letters
/// (`ēpasts.lv`), or an IP address in brackets (`[192.0.2.1]`). Quoted local parts and
/// comments, which RFC 5322 allows and few mail systems accept, are refused. (Checked by hand
/// since issue 16: the same answers as the `validator` crate's rule on ASCII addresses, which a
/// property test shows, without its regular-expression engine; unlike it, text before a
/// bracketed IP address, `a@x[192.0.2.1]`, is refused.)
///
/// Surrounding whitespace is ignored; the address is otherwise kept exactly as given (no case
/// folding: the part before `@` may be case-sensitive). Serialised as the text.
///
/// # Examples
///
/// ```
/// use apkalpe_core::EmailAddress;
///
/// let email: EmailAddress = " birojs@example.lv ".parse()?;
/// assert_eq!(email.as_str(), "birojs@example.lv");
/// assert_eq!(EmailAddress::try_new("birojs.example.lv").unwrap_err().code(), "email.format");
/// # Ok::<(), apkalpe_core::ParseEmailAddressError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct EmailAddress(String);

/// The error returned when text is not an e-mail address.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{EmailAddress, ParseEmailAddressError};
///
/// assert_eq!("birojs".parse::<EmailAddress>(), Err(ParseEmailAddressError::Format));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseEmailAddressError {
    /// The text is not an e-mail address (no `@`, an invalid domain, spaces…).
    #[error("not a valid e-mail address")]
    Format,
    /// The address is longer than 254 characters.
    #[error("e-mail address has {found} characters, at most {max} are allowed")]
    TooLong {
        /// The limit.
        max: usize,
        /// The address's length in characters.
        found: usize,
    },
}

impl ParseEmailAddressError {
    /// Returns the stable error code: `email.format` or `email.too_long`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::EmailAddress;
    ///
    /// assert_eq!("birojs@".parse::<EmailAddress>().unwrap_err().code(), "email.format");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseEmailAddressError::Format => "email.format",
            ParseEmailAddressError::TooLong { .. } => "email.too_long",
        }
    }
}

impl LocalizedError for ParseEmailAddressError {
    fn code(&self) -> &'static str {
        ParseEmailAddressError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseEmailAddressError::Format => f.write_str("nederīga e-pasta adrese"),
            ParseEmailAddressError::TooLong { max, found } => write!(
                f,
                "e-pasta adresē ir {}, atļauts ne vairāk kā {max}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
        }
    }
}

impl EmailAddress {
    /// Parses an e-mail address; surrounding whitespace is ignored.
    ///
    /// # Errors
    ///
    /// [`ParseEmailAddressError::TooLong`] above 254 characters,
    /// [`ParseEmailAddressError::Format`] when the syntax is not that of an e-mail address (see
    /// the type's rule).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::EmailAddress;
    ///
    /// assert_eq!(EmailAddress::try_new("Anna.Berzina@example.com")?.as_str(), "Anna.Berzina@example.com");
    /// assert!(EmailAddress::try_new("anna@").is_err());
    /// # Ok::<(), apkalpe_core::ParseEmailAddressError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseEmailAddressError> {
        let text = text.trim();
        let found = text.chars().count();
        if found > MAX_EMAIL_CHARS {
            return Err(ParseEmailAddressError::TooLong {
                max: MAX_EMAIL_CHARS,
                found,
            });
        }
        if !is_email(text) {
            return Err(ParseEmailAddressError::Format);
        }
        Ok(EmailAddress(text.to_owned()))
    }

    /// Returns the address.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::EmailAddress;
    ///
    /// assert_eq!(EmailAddress::try_new(" birojs@example.lv ")?.as_str(), "birojs@example.lv");
    /// # Ok::<(), apkalpe_core::ParseEmailAddressError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The characters of an e-mail address's local part, besides ASCII letters and digits.
const LOCAL_PART_SIGNS: &[u8] = b".!#$%&'*+/=?^_`{|}~-";

/// Whether `text` is an e-mail address under [`EmailAddress`]'s rule.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    if local.chars().count() > 64 || domain.chars().count() > 255 {
        return false;
    }
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || LOCAL_PART_SIGNS.contains(&b));
    local_ok && is_domain(domain)
}

/// Whether `domain` is a domain name (labels of letters, digits and inner hyphens) or an IP
/// address in brackets.
fn is_domain(domain: &str) -> bool {
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        let ip_characters = !literal.is_empty()
            && literal
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        return ip_characters && literal.parse::<std::net::IpAddr>().is_ok();
    }
    !domain.is_empty() && domain.split('.').all(is_label)
}

/// Whether `label` is one label of a domain name: 1 to 63 letters or digits (any script),
/// hyphens inside but not at either end.
fn is_label(label: &str) -> bool {
    let count = label.chars().count();
    let letter_or_digit =
        |c: char| c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric());
    (1..=63).contains(&count)
        && label.chars().all(|c| letter_or_digit(c) || c == '-')
        && label.chars().next().is_some_and(letter_or_digit)
        && label.chars().last().is_some_and(letter_or_digit)
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for EmailAddress {
    type Err = ParseEmailAddressError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EmailAddress::try_new(s)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = ParseEmailAddressError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        EmailAddress::try_new(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(email: EmailAddress) -> Self {
        email.0
    }
}

/// The fewest and most digits of an E.164 number (country code included).
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

/// Latvia's country calling code.
const LATVIA: &str = "371";

/// Digits after `+371`: every Latvian number has 8.
const LATVIAN_NATIONAL_DIGITS: usize = 8;

/// A phone number (*tālruņa numurs*) in E.164 form: `+`, the country code and the number,
/// 8 to 15 digits in all, such as `+37120000000`.
///
/// Input may group digits with spaces, hyphens and parentheses (`+371 2000-0000`,
/// `+44 (20) 7946 0000`); they are dropped. The `+` and country code are required: a number
/// written without them is refused ([`ParsePhoneNumberError::CountryCodeMissing`]) rather
/// than guessed to be Latvian, since a guess would change the data. A `+371` number must have
/// 8 digits after the country code. Serialised as the E.164 text.
///
/// # Examples
///
/// ```
/// use apkalpe_core::PhoneNumber;
///
/// let phone: PhoneNumber = "+371 2000-0000".parse()?;
/// assert_eq!(phone.as_str(), "+37120000000");
/// assert!(phone.is_latvian());
///
/// let local = PhoneNumber::try_new("20000000").unwrap_err();
/// assert_eq!(local.code(), "phone.country_code_missing");
/// # Ok::<(), apkalpe_core::ParsePhoneNumberError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct PhoneNumber(String);

/// The error returned when text is not a phone number in international form.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{ParsePhoneNumberError, PhoneNumber};
///
/// assert_eq!("20000000".parse::<PhoneNumber>(), Err(ParsePhoneNumberError::CountryCodeMissing));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParsePhoneNumberError {
    /// A character other than a digit, a leading `+`, space, hyphen or parenthesis.
    #[error("unexpected character {found:?} at position {position} of the phone number")]
    Character {
        /// Where the character is, counting characters from 0 after trimming.
        position: usize,
        /// The character.
        found: char,
    },
    /// The number does not start with `+` and the country code.
    #[error("phone number must start with + and the country code (+371 for latvia)")]
    CountryCodeMissing,
    /// Fewer than 8 or more than 15 digits.
    #[error("phone number needs 8 to 15 digits with the country code, found {found}")]
    Length {
        /// The number of digits found.
        found: usize,
    },
    /// The first digit after `+` is 0: no country code starts with 0.
    #[error("country code of the phone number cannot start with 0")]
    LeadingZero,
    /// A `+371` number without exactly 8 digits after the country code.
    #[error("latvian phone number needs 8 digits after +371, found {found}")]
    LatvianLength {
        /// The number of digits after `+371`.
        found: usize,
    },
}

impl ParsePhoneNumberError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::PhoneNumber;
    ///
    /// assert_eq!("+371 2000 000".parse::<PhoneNumber>().unwrap_err().code(), "phone.latvian_length");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParsePhoneNumberError::Character { .. } => "phone.character",
            ParsePhoneNumberError::CountryCodeMissing => "phone.country_code_missing",
            ParsePhoneNumberError::Length { .. } => "phone.length",
            ParsePhoneNumberError::LeadingZero => "phone.leading_zero",
            ParsePhoneNumberError::LatvianLength { .. } => "phone.latvian_length",
        }
    }
}

impl LocalizedError for ParsePhoneNumberError {
    fn code(&self) -> &'static str {
        ParsePhoneNumberError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParsePhoneNumberError::Character { position, found } => write!(
                f,
                "tālruņa numurā ir negaidīta rakstzīme {found:?} pozīcijā {position}"
            ),
            ParsePhoneNumberError::CountryCodeMissing => {
                f.write_str("tālruņa numuram jāsākas ar + un valsts kodu (Latvijai +371)")
            }
            ParsePhoneNumberError::Length { found } => write!(
                f,
                "tālruņa numurā kopā ar valsts kodu jābūt no 8 līdz 15 cipariem, bet ir {}",
                latvian::count(latvian::DIGITS, *found)
            ),
            ParsePhoneNumberError::LeadingZero => {
                f.write_str("tālruņa numura valsts kods nevar sākties ar 0")
            }
            ParsePhoneNumberError::LatvianLength { found } => write!(
                f,
                "Latvijas tālruņa numurā pēc +371 jābūt 8 cipariem, bet ir {}",
                latvian::count(latvian::DIGITS, *found)
            ),
        }
    }
}

impl PhoneNumber {
    /// Parses a phone number in international form; surrounding whitespace, and spaces,
    /// hyphens and parentheses between digits, are dropped.
    ///
    /// # Errors
    ///
    /// - [`ParsePhoneNumberError::Character`] for any other character, or a `+` that is not
    ///   first;
    /// - [`ParsePhoneNumberError::CountryCodeMissing`] when digits come without a leading `+`
    ///   (also for `00371…`: write `+371…`);
    /// - [`ParsePhoneNumberError::Length`] unless there are 8 to 15 digits;
    /// - [`ParsePhoneNumberError::LeadingZero`] when the first digit is 0;
    /// - [`ParsePhoneNumberError::LatvianLength`] for `+371` without 8 more digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::PhoneNumber;
    ///
    /// assert_eq!(PhoneNumber::try_new("+49 (30) 1234567")?.as_str(), "+49301234567");
    /// assert_eq!(PhoneNumber::try_new("+371 2000 000").unwrap_err().code(), "phone.latvian_length");
    /// # Ok::<(), apkalpe_core::ParsePhoneNumberError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParsePhoneNumberError> {
        let mut digits = String::new();
        let mut plus = false;
        for (position, character) in text.trim().chars().enumerate() {
            match character {
                '0'..='9' => digits.push(character),
                '+' if position == 0 => plus = true,
                ' ' | '-' | '(' | ')' => {}
                found => return Err(ParsePhoneNumberError::Character { position, found }),
            }
        }
        if !plus && !digits.is_empty() {
            return Err(ParsePhoneNumberError::CountryCodeMissing);
        }
        if !PHONE_DIGITS.contains(&digits.len()) {
            return Err(ParsePhoneNumberError::Length {
                found: digits.len(),
            });
        }
        if digits.starts_with('0') {
            return Err(ParsePhoneNumberError::LeadingZero);
        }
        if let Some(national) = digits.strip_prefix(LATVIA)
            && national.len() != LATVIAN_NATIONAL_DIGITS
        {
            return Err(ParsePhoneNumberError::LatvianLength {
                found: national.len(),
            });
        }
        let mut canonical = String::with_capacity(digits.len().saturating_add(1));
        canonical.push('+');
        canonical.push_str(&digits);
        Ok(PhoneNumber(canonical))
    }

    /// Returns the E.164 text: `+` and digits only.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::PhoneNumber;
    ///
    /// assert_eq!(PhoneNumber::try_new("+371 2000-0000")?.as_str(), "+37120000000");
    /// # Ok::<(), apkalpe_core::ParsePhoneNumberError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Tells whether the number is Latvian (`+371`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::PhoneNumber;
    ///
    /// assert!(PhoneNumber::try_new("+371 2000 0000")?.is_latvian());
    /// assert!(!PhoneNumber::try_new("+49 30 1234567")?.is_latvian());
    /// # Ok::<(), apkalpe_core::ParsePhoneNumberError>(())
    /// ```
    pub fn is_latvian(&self) -> bool {
        self.0
            .strip_prefix('+')
            .is_some_and(|digits| digits.starts_with(LATVIA))
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PhoneNumber {
    type Err = ParsePhoneNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneNumber::try_new(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = ParsePhoneNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::try_new(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> Self {
        phone.0
    }
}
