//! The card terminal port (*maksājumu termināļa saskarne*) and a deterministic simulated
//! terminal for tests and the demo.
//!
//! Integrators implement [`CardTerminal`] over their acquirer's or terminal vendor's API.
//! Every request carries an [`IdempotencyKey`]: a terminal that receives a key it has
//! already answered must answer the same again without acting twice, so a request that timed
//! out can be retried safely.
//!
//! Serves: T4.3, S34, C20.

use std::collections::BTreeMap;
use std::fmt;

use apkalpe_core::Money;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::card::{CardBrand, CardExpiry, CardNumber, MaskedPan};

/// The longest idempotency key or token, in characters.
const MAX_KEY_CHARS: usize = 64;

/// The error returned when an identifier of the terminal protocol is malformed.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{IdempotencyKey, ParseTerminalIdError};
///
/// let error = IdempotencyKey::try_new("two words").unwrap_err();
/// assert_eq!(error, ParseTerminalIdError::Format { what: "idempotency key" });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseTerminalIdError {
    /// Empty, longer than 64 characters, or with characters other than printable ASCII.
    #[error("the {what} must be 1 to 64 printable ASCII characters without spaces")]
    Format {
        /// What was parsed: `idempotency key`, `card token`, `authorisation code`.
        what: &'static str,
    },
    /// A token holding a run of 12 or more digits could be a card number, and is refused.
    #[error("a card token must not contain a run of 12 or more digits")]
    LooksLikeCardNumber,
}

impl ParseTerminalIdError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardToken;
    ///
    /// assert_eq!(CardToken::try_new("").unwrap_err().code(), "terminal_id.format");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseTerminalIdError::Format { .. } => "terminal_id.format",
            ParseTerminalIdError::LooksLikeCardNumber => "terminal_id.looks_like_card_number",
        }
    }
}

fn check_id(text: &str, what: &'static str) -> Result<(), ParseTerminalIdError> {
    let ok = !text.is_empty()
        && text.len() <= MAX_KEY_CHARS
        && text.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(())
    } else {
        Err(ParseTerminalIdError::Format { what })
    }
}

macro_rules! terminal_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
        pub struct $name(String);

        impl $name {
            /// Returns the text.
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_payments::CardToken;
            ///
            /// assert_eq!(CardToken::try_new("tok-000001")?.as_str(), "tok-000001");
            /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ParseTerminalIdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::try_new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ParseTerminalIdError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::try_new(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

terminal_id!(
    /// The key that makes a terminal request idempotent: the caller picks one per intended
    /// operation and repeats it on every retry of that operation.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::IdempotencyKey;
    ///
    /// let key = IdempotencyKey::try_new("sale-0001-auth")?;
    /// assert_eq!(key.as_str(), "sale-0001-auth");
    /// assert!(IdempotencyKey::try_new("has space").is_err());
    /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
    /// ```
    IdempotencyKey,
    "idempotency key"
);

terminal_id!(
    /// The terminal's or acquirer's token standing for a card: what a payment keeps instead
    /// of the card number. A token with a run of 12 or more digits is refused, so a card
    /// number cannot be smuggled in as a token.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardToken;
    ///
    /// assert!(CardToken::try_new("tok-000001").is_ok());
    /// assert_eq!(CardToken::try_new("4111111111111111").unwrap_err().code(), "terminal_id.looks_like_card_number");
    /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
    /// ```
    CardToken,
    "card token"
);

terminal_id!(
    /// The authorisation code the issuer returns (*autorizācijas kods*), printed on the card
    /// slip.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::AuthorisationCode;
    ///
    /// assert_eq!(AuthorisationCode::try_new("A00001")?.to_string(), "A00001");
    /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
    /// ```
    AuthorisationCode,
    "authorisation code"
);

impl IdempotencyKey {
    /// Checks and wraps a key.
    ///
    /// # Errors
    ///
    /// [`ParseTerminalIdError::Format`]: empty, over 64 characters, or not printable ASCII.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::IdempotencyKey;
    ///
    /// assert_eq!(IdempotencyKey::try_new("sale-1-capture")?.as_str(), "sale-1-capture");
    /// assert!(IdempotencyKey::try_new(&"k".repeat(65)).is_err());
    /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseTerminalIdError> {
        check_id(text, "idempotency key")?;
        Ok(IdempotencyKey(text.to_owned()))
    }
}

impl AuthorisationCode {
    /// Checks and wraps a code.
    ///
    /// # Errors
    ///
    /// [`ParseTerminalIdError::Format`]: empty, over 64 characters, or not printable ASCII.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::AuthorisationCode;
    ///
    /// assert_eq!(AuthorisationCode::try_new("A00042")?.as_str(), "A00042");
    /// # Ok::<(), apkalpe_payments::ParseTerminalIdError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseTerminalIdError> {
        check_id(text, "authorisation code")?;
        Ok(AuthorisationCode(text.to_owned()))
    }
}

impl CardToken {
    /// Checks and wraps a token.
    ///
    /// # Errors
    ///
    /// [`ParseTerminalIdError::Format`]: empty, over 64 characters, or not printable ASCII;
    /// [`ParseTerminalIdError::LooksLikeCardNumber`]: a run of 12 or more digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CardToken;
    ///
    /// assert!(CardToken::try_new("tok-7").is_ok());
    /// assert!(CardToken::try_new("tok-411111111111").is_err(), "12 digits in a row could be a card number");
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseTerminalIdError> {
        check_id(text, "card token")?;
        let mut run = 0usize;
        for b in text.bytes() {
            run = if b.is_ascii_digit() {
                run.saturating_add(1)
            } else {
                0
            };
            if run >= 12 {
                return Err(ParseTerminalIdError::LooksLikeCardNumber);
            }
        }
        Ok(CardToken(text.to_owned()))
    }
}

/// What a payment keeps of a card after authorisation: the masked number, brand, expiry and
/// the terminal's token. Never the full number.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_payments::{CardNumber, CardOnFile, CardToken};
///
/// let card: CardNumber = "4111111111111111".parse()?;
/// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
/// drop(card);
/// let json = serde_json::to_string(&on_file).unwrap();
/// assert!(json.contains("411111******1111") && !json.contains("4111111111111111"));
/// # }
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// It deserializes through its checks: the masked number, expiry and token by their own
/// constructors, and the brand must be the one the masked number's IIN and length give.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CardOnFileRecord"))]
pub struct CardOnFile {
    masked: MaskedPan,
    brand: CardBrand,
    expiry: CardExpiry,
    token: CardToken,
}

/// The saved form of a [`CardOnFile`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CardOnFileRecord {
    masked: MaskedPan,
    brand: CardBrand,
    expiry: CardExpiry,
    token: CardToken,
}

#[cfg(feature = "serde")]
impl TryFrom<CardOnFileRecord> for CardOnFile {
    type Error = RestoreError;

    fn try_from(record: CardOnFileRecord) -> Result<Self, Self::Error> {
        let masked = record.masked.as_str();
        let brand = CardBrand::of_masked(masked);
        if brand != Some(record.brand) {
            return Err(RestoreError::inconsistent(
                "CardOnFile",
                "brand",
                format!(
                    "{} does not issue the masked number {masked}",
                    record.brand.name()
                ),
            )
            .with_latvian_reason(format_args!(
                "{} neizdod karti ar maskēto numuru {masked}",
                record.brand.name()
            )));
        }
        Ok(CardOnFile {
            masked: record.masked,
            brand: record.brand,
            expiry: record.expiry,
            token: record.token,
        })
    }
}

impl CardOnFile {
    /// Keeps what may be kept of `card`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber, CardOnFile, CardToken};
    ///
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
    /// assert_eq!(on_file.masked().as_str(), "411111******1111");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn new(card: &CardNumber, expiry: CardExpiry, token: CardToken) -> Self {
        CardOnFile {
            masked: card.masked(),
            brand: card.brand(),
            expiry,
            token,
        }
    }

    /// Returns the masked number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber, CardOnFile, CardToken};
    ///
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
    /// assert_eq!(on_file.masked().last_four(), "1111");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn masked(&self) -> &MaskedPan {
        &self.masked
    }

    /// Returns the brand.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber, CardOnFile, CardToken};
    ///
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
    /// assert_eq!(on_file.brand(), CardBrand::Visa);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn brand(&self) -> CardBrand {
        self.brand
    }

    /// Returns the expiry month.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber, CardOnFile, CardToken};
    ///
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
    /// assert_eq!(on_file.expiry().to_string(), "12/2030");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn expiry(&self) -> CardExpiry {
        self.expiry
    }

    /// Returns the token.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardBrand, CardNumber, CardOnFile, CardToken};
    ///
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let on_file = CardOnFile::new(&card, "12/30".parse()?, CardToken::try_new("tok-1")?);
    /// assert_eq!(on_file.token().as_str(), "tok-1");
    /// let _ = CardBrand::Visa;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn token(&self) -> &CardToken {
        &self.token
    }
}

/// Why the issuer or terminal declined.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::DeclineReason;
///
/// assert_eq!(DeclineReason::InsufficientFunds.to_string(), "insufficient funds");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DeclineReason {
    /// Not enough funds or credit.
    InsufficientFunds,
    /// The card is expired.
    ExpiredCard,
    /// The issuer refused without a reason (do not honour).
    DoNotHonour,
    /// The card is reported lost or stolen.
    LostOrStolen,
}

impl fmt::Display for DeclineReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DeclineReason::InsufficientFunds => "insufficient funds",
            DeclineReason::ExpiredCard => "expired card",
            DeclineReason::DoNotHonour => "do not honour",
            DeclineReason::LostOrStolen => "lost or stolen card",
        })
    }
}

/// The error a [`CardTerminal`] returns.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LocalizedError};
/// use apkalpe_payments::{DeclineReason, TerminalError};
///
/// let error = TerminalError::Declined { reason: DeclineReason::InsufficientFunds };
/// assert_eq!(error.to_string(), "declined: insufficient funds");
/// assert_eq!(error.message_in(Language::Latvian), "atteikts: nepietiek līdzekļu");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TerminalError {
    /// The issuer or terminal declined the request.
    #[error("declined: {reason}")]
    Declined {
        /// Why.
        reason: DeclineReason,
    },
    /// No answer in time: the request may or may not have been carried out. Retry with the
    /// same idempotency key.
    #[error("the terminal did not answer in time; retry with the same idempotency key")]
    TimedOut,
    /// The terminal cannot be reached.
    #[error("the terminal is unavailable")]
    Unavailable,
    /// The terminal does not know the token or transaction.
    #[error("the terminal does not know this card token")]
    UnknownToken,
    /// The same idempotency key was used before for a different request.
    #[error("idempotency key {key} was used for a different request")]
    KeyReused {
        /// The key.
        key: IdempotencyKey,
    },
}

impl TerminalError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::TerminalError;
    ///
    /// assert_eq!(TerminalError::TimedOut.code(), "terminal.timed_out");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            TerminalError::Declined { .. } => "terminal.declined",
            TerminalError::TimedOut => "terminal.timed_out",
            TerminalError::Unavailable => "terminal.unavailable",
            TerminalError::UnknownToken => "terminal.unknown_token",
            TerminalError::KeyReused { .. } => "terminal.key_reused",
        }
    }
}

/// An authorisation request: the only place the full card number travels, borrowed.
///
/// A plain record the caller fills in ([`CardPayment::authorise`](crate::CardPayment::authorise)
/// builds one for each authorisation): each field is checked by its own type, and the
/// terminal behind [`CardTerminal::authorise`] decides on it.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
/// use rust_decimal_macros::dec;
///
/// let mut terminal = SimulatedTerminal::new();
/// let card: CardNumber = "4111111111111111".parse()?;
/// let key = IdempotencyKey::try_new("k-1")?;
/// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
/// let answer = terminal.authorise(&request)?;
/// assert!(!answer.token.as_str().is_empty());
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug)]
pub struct AuthorisationRequest<'a> {
    /// The request's idempotency key.
    pub key: &'a IdempotencyKey,
    /// The card, borrowed for the call.
    pub card: &'a CardNumber,
    /// The card's expiry month.
    pub expiry: CardExpiry,
    /// The amount to reserve.
    pub amount: Money,
}

/// A request about an authorised card: capture, void or refund.
///
/// A plain record the caller fills in (a [`CardPayment`](crate::CardPayment) builds one for
/// each capture, void and refund): each field is checked by its own type, and the terminal
/// behind [`CardTerminal::capture`], [`CardTerminal::void`] or [`CardTerminal::refund`]
/// decides on it. It serializes and deserializes as its fields, by name.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal, TokenRequest};
/// use rust_decimal_macros::dec;
///
/// let mut terminal = SimulatedTerminal::new();
/// let card: CardNumber = "4111111111111111".parse()?;
/// let key = IdempotencyKey::try_new("k-1")?;
/// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
/// let answer = terminal.authorise(&request)?;
/// let capture = TokenRequest { key: IdempotencyKey::try_new("k-2")?, token: answer.token.clone(), amount: Money::new(dec!(10), Currency::EUR) };
/// assert_eq!(capture.amount, request.amount);
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TokenRequest {
    /// The request's idempotency key.
    pub key: IdempotencyKey,
    /// The token returned by the authorisation.
    pub token: CardToken,
    /// The amount (for a void: the authorised amount).
    pub amount: Money,
}

/// A terminal's answer to an authorisation.
///
/// A plain record the adapter fills in: a [`CardTerminal`] implementation builds it as its
/// answer, and the token and code are checked by their own types (a
/// [`CardPayment`](crate::CardPayment) keeps them as given).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
/// use rust_decimal_macros::dec;
///
/// let mut terminal = SimulatedTerminal::new();
/// let card: CardNumber = "4111111111111111".parse()?;
/// let key = IdempotencyKey::try_new("k-1")?;
/// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
/// let answer = terminal.authorise(&request)?;
/// assert_eq!(terminal.authorise(&request)?, answer, "the same key gives the same answer");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TerminalAuthorisation {
    /// The card's token.
    pub token: CardToken,
    /// The issuer's authorisation code.
    pub code: AuthorisationCode,
}

/// The port to a card terminal or acquirer. Implementations must be idempotent per key.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let mut terminal = SimulatedTerminal::new();
/// let card: CardNumber = "4111111111111111".parse()?;
/// let key = IdempotencyKey::try_new("k1")?;
/// let request = AuthorisationRequest {
///     key: &key,
///     card: &card,
///     expiry: "12/30".parse()?,
///     amount: Money::new(dec!(10), Currency::EUR),
/// };
/// let first = terminal.authorise(&request)?;
/// assert_eq!(terminal.authorise(&request)?, first); // same key, same answer
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
pub trait CardTerminal {
    /// Reserves `amount` on the card.
    ///
    /// # Errors
    ///
    /// [`TerminalError`]: declined, timed out, unavailable, key reused.
    fn authorise(
        &mut self,
        request: &AuthorisationRequest<'_>,
    ) -> Result<TerminalAuthorisation, TerminalError>;

    /// Captures (settles) `amount` of an authorisation.
    ///
    /// # Errors
    ///
    /// [`TerminalError`].
    fn capture(&mut self, request: &TokenRequest) -> Result<(), TerminalError>;

    /// Releases an authorisation that was not captured.
    ///
    /// # Errors
    ///
    /// [`TerminalError`].
    fn void(&mut self, request: &TokenRequest) -> Result<(), TerminalError>;

    /// Refunds `amount` of a capture to the card.
    ///
    /// # Errors
    ///
    /// [`TerminalError`].
    fn refund(&mut self, request: &TokenRequest) -> Result<(), TerminalError>;
}

/// One recorded request of the simulated terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Recorded {
    operation: &'static str,
    amount: Money,
    outcome: Result<Option<TerminalAuthorisation>, TerminalError>,
}

/// A deterministic card terminal for tests and the demo: tokens `tok-000001`, codes
/// `A00001`, in the order of authorisations; declines and time-outs configured up front.
///
/// A time-out is simulated *after* the terminal acted (the worst case for a caller): the
/// retry with the same key gets the recorded answer, and nothing is done twice.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{DeclineReason, SimulatedTerminal};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let terminal = SimulatedTerminal::new()
///     .declining_card_ending_in("0002", DeclineReason::InsufficientFunds)
///     .declining_amounts_above(Money::new(dec!(5000), Currency::EUR))
///     .timing_out_on_call(2);
/// assert_eq!(terminal.calls(), 0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SimulatedTerminal {
    declined_last_four: Vec<(String, DeclineReason)>,
    decline_above: Option<Money>,
    timeout_calls: Vec<u64>,
    calls: u64,
    authorisations: u64,
    journal: BTreeMap<IdempotencyKey, Recorded>,
    tokens: BTreeMap<CardToken, ()>,
}

impl SimulatedTerminal {
    /// Creates a terminal that approves everything.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
    /// use rust_decimal_macros::dec;
    ///
    /// let mut terminal = SimulatedTerminal::new();
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let key = IdempotencyKey::try_new("k-1")?;
    /// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
    /// let answer = terminal.authorise(&request)?;
    /// assert_eq!(terminal.calls(), 1);
    /// let _ = answer;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn new() -> Self {
        SimulatedTerminal::default()
    }

    /// Declines authorisations of cards whose number ends in `last_four`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, DeclineReason, IdempotencyKey, SimulatedTerminal, TerminalError};
    /// use rust_decimal_macros::dec;
    ///
    /// let mut terminal = SimulatedTerminal::new().declining_card_ending_in("1111", DeclineReason::LostOrStolen);
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let key = IdempotencyKey::try_new("k-1")?;
    /// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
    /// assert_eq!(terminal.authorise(&request).unwrap_err(), TerminalError::Declined { reason: DeclineReason::LostOrStolen });
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn declining_card_ending_in(mut self, last_four: &str, reason: DeclineReason) -> Self {
        self.declined_last_four.push((last_four.to_owned(), reason));
        self
    }

    /// Declines authorisations above `limit` with insufficient funds.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
    /// use rust_decimal_macros::dec;
    ///
    /// let mut terminal = SimulatedTerminal::new().declining_amounts_above(Money::new(dec!(100), Currency::EUR));
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let key = IdempotencyKey::try_new("k-1")?;
    /// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(150), Currency::EUR) };
    /// assert_eq!(terminal.authorise(&request).unwrap_err().code(), "terminal.declined");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn declining_amounts_above(mut self, limit: Money) -> Self {
        self.decline_above = Some(limit);
        self
    }

    /// Makes the `call`-th request (counting from 1, retries included) time out after the
    /// terminal acted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal, TerminalError};
    /// use rust_decimal_macros::dec;
    ///
    /// let mut terminal = SimulatedTerminal::new().timing_out_on_call(1);
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let key = IdempotencyKey::try_new("k-1")?;
    /// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
    /// assert_eq!(terminal.authorise(&request).unwrap_err(), TerminalError::TimedOut);
    /// assert!(terminal.authorise(&request).is_ok(), "a retry with the same key goes through");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn timing_out_on_call(mut self, call: u64) -> Self {
        self.timeout_calls.push(call);
        self
    }

    /// Returns how many requests the terminal received.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{AuthorisationRequest, CardNumber, CardTerminal, IdempotencyKey, SimulatedTerminal};
    /// use rust_decimal_macros::dec;
    ///
    /// let mut terminal = SimulatedTerminal::new();
    /// let card: CardNumber = "4111111111111111".parse()?;
    /// let key = IdempotencyKey::try_new("k-1")?;
    /// let request = AuthorisationRequest { key: &key, card: &card, expiry: "12/30".parse()?, amount: Money::new(dec!(10), Currency::EUR) };
    /// let answer = terminal.authorise(&request)?;
    /// assert_eq!(terminal.calls(), 1);
    /// let _ = answer;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn calls(&self) -> u64 {
        self.calls
    }

    fn answer(
        &mut self,
        key: &IdempotencyKey,
        operation: &'static str,
        amount: Money,
        act: impl FnOnce(&mut Self) -> Result<Option<TerminalAuthorisation>, TerminalError>,
    ) -> Result<Option<TerminalAuthorisation>, TerminalError> {
        self.calls = self.calls.saturating_add(1);
        let outcome = match self.journal.get(key) {
            Some(recorded) if recorded.operation == operation && recorded.amount == amount => {
                recorded.outcome.clone()
            }
            Some(_) => return Err(TerminalError::KeyReused { key: key.clone() }),
            None => {
                let outcome = act(self);
                self.journal.insert(
                    key.clone(),
                    Recorded {
                        operation,
                        amount,
                        outcome: outcome.clone(),
                    },
                );
                outcome
            }
        };
        if self.timeout_calls.contains(&self.calls) {
            return Err(TerminalError::TimedOut);
        }
        outcome
    }

    fn token_request(
        &mut self,
        request: &TokenRequest,
        operation: &'static str,
    ) -> Result<(), TerminalError> {
        let token = request.token.clone();
        self.answer(&request.key, operation, request.amount, move |terminal| {
            if terminal.tokens.contains_key(&token) {
                Ok(None)
            } else {
                Err(TerminalError::UnknownToken)
            }
        })
        .map(|_| ())
    }
}

impl CardTerminal for SimulatedTerminal {
    fn authorise(
        &mut self,
        request: &AuthorisationRequest<'_>,
    ) -> Result<TerminalAuthorisation, TerminalError> {
        let last_four = request.card.last_four();
        let amount = request.amount;
        let outcome = self.answer(request.key, "authorise", amount, |terminal| {
            if let Some((_, reason)) = terminal
                .declined_last_four
                .iter()
                .find(|(four, _)| *four == last_four)
            {
                return Err(TerminalError::Declined { reason: *reason });
            }
            if let Some(limit) = terminal.decline_above
                && limit.currency() == amount.currency()
                && amount.amount() > limit.amount()
            {
                return Err(TerminalError::Declined {
                    reason: DeclineReason::InsufficientFunds,
                });
            }
            terminal.authorisations = terminal.authorisations.saturating_add(1);
            let n = terminal.authorisations;
            let token = CardToken::try_new(&format!("tok-{n:06}"))
                .map_err(|_| TerminalError::Unavailable)?;
            let code = AuthorisationCode::try_new(&format!("A{n:05}"))
                .map_err(|_| TerminalError::Unavailable)?;
            terminal.tokens.insert(token.clone(), ());
            Ok(Some(TerminalAuthorisation { token, code }))
        })?;
        outcome.ok_or(TerminalError::Unavailable)
    }

    fn capture(&mut self, request: &TokenRequest) -> Result<(), TerminalError> {
        self.token_request(request, "capture")
    }

    fn void(&mut self, request: &TokenRequest) -> Result<(), TerminalError> {
        self.token_request(request, "void")
    }

    fn refund(&mut self, request: &TokenRequest) -> Result<(), TerminalError> {
        self.token_request(request, "refund")
    }
}
