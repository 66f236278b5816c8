//! A card payment's life cycle (*kartes maksājums*): initiated → authorised → captured →
//! refunded (partly or fully), or voided, or declined.
//!
//! Each state is a variant carrying only the data that exists in it (no captured amount
//! before capture). The transitions are methods that talk to a [`CardTerminal`] and change
//! the state only on the terminal's success. Every request carries an [`IdempotencyKey`]: a
//! repeated request with a key the payment already recorded changes nothing and returns
//! `Ok`; the same key with a different request is an error. States are not separate types
//! here because a repeated request must be answerable in any state, and the terminal's answer
//! decides the next state at run time.
//!
//! Serves: T4.3, S34, C20.

use apkalpe_core::Money;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::card::{CardExpiry, CardNumber};
use crate::terminal::{
    AuthorisationCode, AuthorisationRequest, CardOnFile, CardTerminal, DeclineReason,
    IdempotencyKey, TerminalError, TokenRequest,
};

/// The state of a [`CardPayment`], with the data of that state.
///
/// It deserializes through its checks: a captured payment's amount is positive, its refunds
/// are positive, in its currency, add up to `refunded` and never exceed the capture.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let mut terminal = SimulatedTerminal::new();
/// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
/// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
/// assert!(matches!(payment.state(), apkalpe_payments::CardPaymentState::Authorised { .. }));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "state"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(try_from = "StateRecord"))]
#[non_exhaustive]
pub enum CardPaymentState {
    /// Created, not yet sent to the terminal.
    Initiated,
    /// The issuer declined the authorisation. Final.
    Declined {
        /// Why.
        reason: DeclineReason,
    },
    /// The amount is reserved on the card.
    Authorised {
        /// The card as kept after authorisation.
        card: CardOnFile,
        /// The issuer's code.
        code: AuthorisationCode,
    },
    /// The authorisation was released without capture. Final.
    Voided {
        /// The card as kept after authorisation.
        card: CardOnFile,
        /// The issuer's code.
        code: AuthorisationCode,
    },
    /// Captured; refunds, if any, are listed and never exceed the captured amount.
    Captured {
        /// The card as kept after authorisation.
        card: CardOnFile,
        /// The issuer's code.
        code: AuthorisationCode,
        /// The captured amount.
        captured: Money,
        /// The refunds so far, in order.
        refunds: Vec<Money>,
        /// The sum of `refunds`.
        refunded: Money,
    },
}

/// The saved form of a [`CardPaymentState`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(tag = "state"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
enum StateRecord {
    Initiated,
    Declined {
        reason: DeclineReason,
    },
    Authorised {
        card: CardOnFile,
        code: AuthorisationCode,
    },
    Voided {
        card: CardOnFile,
        code: AuthorisationCode,
    },
    Captured {
        card: CardOnFile,
        code: AuthorisationCode,
        captured: Money,
        refunds: Vec<Money>,
        refunded: Money,
    },
}

#[cfg(feature = "serde")]
impl TryFrom<StateRecord> for CardPaymentState {
    type Error = RestoreError;

    fn try_from(record: StateRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CardPaymentState";
        Ok(match record {
            StateRecord::Initiated => CardPaymentState::Initiated,
            StateRecord::Declined { reason } => CardPaymentState::Declined { reason },
            StateRecord::Authorised { card, code } => CardPaymentState::Authorised { card, code },
            StateRecord::Voided { card, code } => CardPaymentState::Voided { card, code },
            StateRecord::Captured {
                card,
                code,
                captured,
                refunds,
                refunded,
            } => {
                let currency = captured.currency();
                if !captured.is_positive() {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "captured",
                        CardPaymentError::Amount {
                            expected: currency,
                            found: captured,
                        },
                    ));
                }
                for (index, refund) in refunds.iter().enumerate() {
                    if !refund.is_positive() || refund.currency() != currency {
                        return Err(RestoreError::invalid(
                            WHAT,
                            format!("refunds[{index}]"),
                            CardPaymentError::Amount {
                                expected: currency,
                                found: *refund,
                            },
                        ));
                    }
                }
                let sum = Money::try_sum(currency, refunds.iter().copied())
                    .map_err(|error| RestoreError::invalid(WHAT, "refunds", error))?;
                if sum != refunded || refunded.currency() != currency {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "refunded",
                        format!("is {refunded}, but the refunds add up to {sum}"),
                    )
                    .with_latvian_reason(format_args!(
                        "ir {refunded}, bet atmaksu summa ir {sum}"
                    )));
                }
                if refunded.amount() > captured.amount() {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "refunded",
                        format!("{refunded} refunded exceeds the {captured} captured"),
                    )
                    .with_latvian_reason(format_args!(
                        "atmaksātie {refunded} pārsniedz iekasētos {captured}"
                    )));
                }
                CardPaymentState::Captured {
                    card,
                    code,
                    captured,
                    refunds,
                    refunded,
                }
            }
        })
    }
}

/// The status of a card payment as shown to people: the state, with "captured" split by
/// refunds.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let mut terminal = SimulatedTerminal::new();
/// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
/// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
/// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Authorised);
/// assert_eq!(payment.status().to_string(), "authorised");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CardPaymentStatus {
    /// Created.
    Initiated,
    /// Declined.
    Declined,
    /// Authorised.
    Authorised,
    /// Voided.
    Voided,
    /// Captured, nothing refunded.
    Captured,
    /// Captured, part refunded.
    PartlyRefunded,
    /// Captured and fully refunded.
    Refunded,
}

/// The error returned by a card payment transition.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let mut terminal = SimulatedTerminal::new();
/// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
/// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
/// let error = payment.capture(&mut terminal, eur(dec!(25)), &IdempotencyKey::try_new("c-1")?).unwrap_err();
/// assert!(matches!(error, apkalpe_payments::CardPaymentError::Exceeds { operation: "capture", .. }));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CardPaymentError {
    /// The transition is not allowed from the current state.
    #[error("cannot {operation} a payment that is {status}")]
    State {
        /// The operation asked for.
        operation: &'static str,
        /// The payment's status.
        status: CardPaymentStatus,
    },
    /// The amount is zero, negative or in another currency than the payment.
    #[error("the amount {found} is not a positive amount in {expected}")]
    Amount {
        /// The payment's currency.
        expected: apkalpe_core::Currency,
        /// The amount given.
        found: Money,
    },
    /// Capturing more than authorised, or refunding more than captured minus refunds.
    #[error("{operation} of {requested} exceeds the {available} available")]
    Exceeds {
        /// `capture` or `refund`.
        operation: &'static str,
        /// The amount asked for.
        requested: Money,
        /// What is left to capture or refund.
        available: Money,
    },
    /// The card expired before the payment date.
    #[error("the card expired at the end of {expiry}")]
    CardExpired {
        /// The card's expiry month.
        expiry: CardExpiry,
    },
    /// The idempotency key was used by this payment for a different request.
    #[error("idempotency key {key} was already used for a different request")]
    KeyConflict {
        /// The key.
        key: IdempotencyKey,
    },
    /// The terminal answered with an error (a decline also moves the payment to `Declined`).
    #[error(transparent)]
    Terminal(#[from] TerminalError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] apkalpe_core::MoneyError),
}

impl std::fmt::Display for CardPaymentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CardPaymentStatus::Initiated => "initiated",
            CardPaymentStatus::Declined => "declined",
            CardPaymentStatus::Authorised => "authorised",
            CardPaymentStatus::Voided => "voided",
            CardPaymentStatus::Captured => "captured",
            CardPaymentStatus::PartlyRefunded => "partly refunded",
            CardPaymentStatus::Refunded => "refunded",
        })
    }
}

impl CardPaymentError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// let error = payment.refund(&mut terminal, eur(dec!(5)), &IdempotencyKey::try_new("r-1")?).unwrap_err();
    /// assert_eq!(error.code(), "card_payment.state");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CardPaymentError::State { .. } => "card_payment.state",
            CardPaymentError::Amount { .. } => "card_payment.amount",
            CardPaymentError::Exceeds { .. } => "card_payment.exceeds",
            CardPaymentError::CardExpired { .. } => "card_payment.card_expired",
            CardPaymentError::KeyConflict { .. } => "card_payment.key_conflict",
            CardPaymentError::Terminal(error) => error.code(),
            CardPaymentError::Money(error) => error.code(),
        }
    }
}

/// One request the payment has carried out, kept for idempotency and audit. The payment
/// records it: its fields are read through getters.
///
/// It deserializes through its checks: the operation is one of the four, the amount positive.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let mut terminal = SimulatedTerminal::new();
/// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
/// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
/// let event = &payment.events()[0];
/// assert_eq!((event.key().as_str(), event.operation()), ("a-1", "authorise"));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct CardPaymentEvent {
    /// The request's key.
    pub(crate) key: IdempotencyKey,
    /// `authorise`, `capture`, `void`, `refund`.
    pub(crate) operation: &'static str,
    /// The amount of the request.
    pub(crate) amount: Money,
}

impl CardPaymentEvent {
    /// Returns the request's idempotency key.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// # let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// let event = &payment.events()[0];
    /// assert_eq!(event.key().as_str(), "a-1");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn key(&self) -> &IdempotencyKey {
        &self.key
    }

    /// Returns the operation: `authorise`, `capture`, `void` or `refund`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// # let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// let event = &payment.events()[0];
    /// assert_eq!(event.operation(), "authorise");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Returns the amount of the request.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Currency, Money};
    /// # use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// # let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// let event = &payment.events()[0];
    /// assert_eq!(event.amount(), eur(dec!(20)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

#[cfg(feature = "serde")]
/// The operations a [`CardPaymentEvent`] records.
const OPERATIONS: [&str; 4] = ["authorise", "capture", "void", "refund"];

/// The Latvian genitive of an operation's name, before "pieprasījums" ("iekasēšanas
/// pieprasījums"); the name itself when it is not one of [`OPERATIONS`].
#[cfg(feature = "serde")]
fn operation_genitive(operation: &str) -> &str {
    match operation {
        "authorise" => "autorizācijas",
        "capture" => "iekasēšanas",
        "void" => "anulēšanas",
        "refund" => "atmaksas",
        other => other,
    }
}

/// The saved form of a [`CardPaymentEvent`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct EventRecord {
    key: IdempotencyKey,
    operation: String,
    amount: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<EventRecord> for CardPaymentEvent {
    type Error = RestoreError;

    fn try_from(record: EventRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CardPaymentEvent";
        let operation = OPERATIONS
            .into_iter()
            .find(|name| *name == record.operation)
            .ok_or_else(|| {
                RestoreError::missing(
                    WHAT,
                    "operation",
                    format!(
                        "{:?} is not authorise, capture, void or refund",
                        record.operation
                    ),
                )
                .with_latvian_reason(format_args!(
                    "{:?} nav ne authorise, ne capture, ne void, ne refund",
                    record.operation
                ))
            })?;
        if !record.amount.is_positive() {
            return Err(RestoreError::invalid(
                WHAT,
                "amount",
                CardPaymentError::Amount {
                    expected: record.amount.currency(),
                    found: record.amount,
                },
            ));
        }
        Ok(CardPaymentEvent {
            key: record.key,
            operation,
            amount: record.amount,
        })
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for CardPaymentEvent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = EventRecord::deserialize(deserializer)?;
        CardPaymentEvent::try_from(record).map_err(serde::de::Error::custom)
    }
}

/// A card payment and its life cycle.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CardPayment, CardPaymentStatus, IdempotencyKey, SimulatedTerminal};
/// use apkalpe_core::{Currency, Money};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let mut terminal = SimulatedTerminal::new();
/// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// let eur = |d| Money::new(d, Currency::EUR);
/// let mut payment = CardPayment::try_new(eur(dec!(25.00)))?;
/// let card = "4111 1111 1111 1111".parse()?;
/// payment.authorise(&mut terminal, card, "12/30".parse()?, &IdempotencyKey::try_new("a1")?, today)?;
/// payment.capture(&mut terminal, eur(dec!(25.00)), &IdempotencyKey::try_new("c1")?)?;
/// payment.refund(&mut terminal, eur(dec!(5.00)), &IdempotencyKey::try_new("r1")?)?;
/// // The same refund again, with the same key: nothing changes.
/// payment.refund(&mut terminal, eur(dec!(5.00)), &IdempotencyKey::try_new("r1")?)?;
/// assert_eq!(payment.status(), CardPaymentStatus::PartlyRefunded);
/// assert_eq!(payment.refundable()?.to_string(), "20.00 EUR");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// # Saved form
///
/// `{"amount": {…}, "state": {"state": "captured", "card": {…}, "code": "A00001",
/// "captured": {…}, "refunds": [{…}], "refunded": {…}}, "events": [{"key": "a1",
/// "operation": "authorise", "amount": {…}}, …]}`. It deserializes through its checks: the
/// amount is positive, the keys are unique, and the events are exactly the requests that lead
/// to the state (an authorisation of the amount; then a void, or a capture of at most the
/// amount followed by the refunds in order). The full card number is never part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CardPaymentRecord"))]
pub struct CardPayment {
    amount: Money,
    state: CardPaymentState,
    events: Vec<CardPaymentEvent>,
}

#[cfg(feature = "serde")]
/// A card payment's state and events, each restored through its own checks.
struct Checked {
    state: CardPaymentState,
    events: Vec<CardPaymentEvent>,
}

/// The saved form of a [`CardPayment`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CardPaymentRecord {
    amount: Money,
    state: StateRecord,
    events: Vec<EventRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<CardPaymentRecord> for CardPayment {
    type Error = RestoreError;

    fn try_from(record: CardPaymentRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CardPayment";
        let payment = CardPayment::try_new(record.amount)
            .map_err(|error| RestoreError::invalid(WHAT, "amount", error))?;
        let amount = payment.amount;
        let state =
            CardPaymentState::try_from(record.state).map_err(|error| error.within("state"))?;
        let events = record
            .events
            .into_iter()
            .enumerate()
            .map(|(index, event)| {
                CardPaymentEvent::try_from(event)
                    .map_err(|error| error.within(format!("events[{index}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let record = Checked { state, events };
        let mut keys = std::collections::HashSet::with_capacity(record.events.len());
        for (index, event) in record.events.iter().enumerate() {
            if !keys.insert(&event.key) {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("events[{index}].key"),
                    &event.key,
                ));
            }
        }
        // The requests that lead to the state, in order.
        let mut expected: Vec<(&'static str, Money)> = Vec::new();
        match &record.state {
            CardPaymentState::Initiated => {}
            CardPaymentState::Declined { .. } | CardPaymentState::Authorised { .. } => {
                expected.push(("authorise", amount));
            }
            CardPaymentState::Voided { .. } => {
                expected.extend([("authorise", amount), ("void", amount)]);
            }
            CardPaymentState::Captured {
                captured, refunds, ..
            } => {
                if captured.currency() != amount.currency() || captured.amount() > amount.amount() {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "state.captured",
                        format!("{captured} captured is not within the {amount} authorised"),
                    )
                    .with_latvian_reason(format_args!(
                        "iekasētie {captured} neietilpst autorizētajos {amount}"
                    )));
                }
                expected.extend([("authorise", amount), ("capture", *captured)]);
                expected.extend(refunds.iter().map(|refund| ("refund", *refund)));
            }
        }
        for (index, (operation, amount)) in expected.iter().enumerate() {
            let Some(event) = record.events.get(index) else {
                return Err(RestoreError::missing(
                    WHAT,
                    format!("events[{index}]"),
                    format!("the {operation} of {amount} that leads to the state is not recorded"),
                )
                .with_latvian_reason(format_args!(
                    "nav ierakstīts {} pieprasījums par {amount}, kas noved pie šī stāvokļa",
                    operation_genitive(operation)
                )));
            };
            if event.operation != *operation || event.amount != *amount {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("events[{index}]"),
                    format!(
                        "records a {} of {}, but the state needs a {operation} of {amount}",
                        event.operation, event.amount
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ierakstīts {} pieprasījums par {}, bet stāvoklim vajag {} pieprasījumu par {amount}",
                    operation_genitive(event.operation),
                    event.amount,
                    operation_genitive(operation)
                )));
            }
        }
        if record.events.len() > expected.len() {
            return Err(RestoreError::inconsistent(
                WHAT,
                format!("events[{}]", expected.len()),
                "a request the state does not show",
            )
            .with_latvian_reason("pieprasījums, kas stāvoklī neparādās"));
        }
        Ok(CardPayment {
            amount,
            state: record.state,
            events: record.events,
        })
    }
}

impl CardPayment {
    /// Creates a payment of `amount` in the `Initiated` state.
    ///
    /// # Errors
    ///
    /// [`CardPaymentError::Amount`] when the amount is not positive.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, CardPaymentStatus};
    /// use rust_decimal_macros::dec;
    ///
    /// let payment = CardPayment::try_new(Money::new(dec!(20), Currency::EUR))?;
    /// assert_eq!(payment.status(), CardPaymentStatus::Initiated);
    /// assert!(CardPayment::try_new(Money::new(dec!(0), Currency::EUR)).is_err());
    /// # Ok::<(), apkalpe_payments::CardPaymentError>(())
    /// ```
    pub fn try_new(amount: Money) -> Result<CardPayment, CardPaymentError> {
        if !amount.is_positive() {
            return Err(CardPaymentError::Amount {
                expected: amount.currency(),
                found: amount,
            });
        }
        Ok(CardPayment {
            amount,
            state: CardPaymentState::Initiated,
            events: Vec::new(),
        })
    }

    /// Returns the amount to pay.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert_eq!(payment.amount(), eur(dec!(20)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the state.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert!(matches!(payment.state(), apkalpe_payments::CardPaymentState::Authorised { .. }));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn state(&self) -> &CardPaymentState {
        &self.state
    }

    /// Returns the requests carried out, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert_eq!(payment.events().len(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn events(&self) -> &[CardPaymentEvent] {
        &self.events
    }

    /// Returns the card as kept after authorisation, if authorised.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// let card = payment.card().ok_or(apkalpe_payments::TerminalError::UnknownToken)?;
    /// assert_eq!(card.masked().as_str(), "411111******1111");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn card(&self) -> Option<&CardOnFile> {
        match &self.state {
            CardPaymentState::Authorised { card, .. }
            | CardPaymentState::Voided { card, .. }
            | CardPaymentState::Captured { card, .. } => Some(card),
            CardPaymentState::Initiated | CardPaymentState::Declined { .. } => None,
        }
    }

    /// Returns the status.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Authorised);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn status(&self) -> CardPaymentStatus {
        match &self.state {
            CardPaymentState::Initiated => CardPaymentStatus::Initiated,
            CardPaymentState::Declined { .. } => CardPaymentStatus::Declined,
            CardPaymentState::Authorised { .. } => CardPaymentStatus::Authorised,
            CardPaymentState::Voided { .. } => CardPaymentStatus::Voided,
            CardPaymentState::Captured {
                captured, refunded, ..
            } => {
                if refunded.is_zero() {
                    CardPaymentStatus::Captured
                } else if refunded.amount() >= captured.amount() {
                    CardPaymentStatus::Refunded
                } else {
                    CardPaymentStatus::PartlyRefunded
                }
            }
        }
    }

    /// Returns the captured amount (zero before capture).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert!(payment.captured().is_zero());
    /// payment.capture(&mut terminal, eur(dec!(15)), &IdempotencyKey::try_new("c-1")?)?;
    /// assert_eq!(payment.captured(), eur(dec!(15)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn captured(&self) -> Money {
        match &self.state {
            CardPaymentState::Captured { captured, .. } => *captured,
            _ => Money::zero(self.amount.currency()),
        }
    }

    /// Returns the refunded amount (zero before any refund).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// payment.capture(&mut terminal, eur(dec!(20)), &IdempotencyKey::try_new("c-1")?)?;
    /// payment.refund(&mut terminal, eur(dec!(5)), &IdempotencyKey::try_new("r-1")?)?;
    /// assert_eq!(payment.refunded(), eur(dec!(5)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refunded(&self) -> Money {
        match &self.state {
            CardPaymentState::Captured { refunded, .. } => *refunded,
            _ => Money::zero(self.amount.currency()),
        }
    }

    /// Returns what may still be refunded: captured − refunded.
    ///
    /// # Errors
    ///
    /// [`CardPaymentError::Money`] in theory only.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// payment.capture(&mut terminal, eur(dec!(20)), &IdempotencyKey::try_new("c-1")?)?;
    /// payment.refund(&mut terminal, eur(dec!(5)), &IdempotencyKey::try_new("r-1")?)?;
    /// assert_eq!(payment.refundable()?, eur(dec!(15)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refundable(&self) -> Result<Money, CardPaymentError> {
        Ok(self.captured().checked_sub(self.refunded())?)
    }

    /// Whether the key was recorded: `Ok(true)` for the same request (nothing to do),
    /// an error for a different one.
    fn replayed(
        &self,
        key: &IdempotencyKey,
        operation: &'static str,
        amount: Money,
    ) -> Result<bool, CardPaymentError> {
        match self.events.iter().find(|event| event.key == *key) {
            Some(event) if event.operation == operation && event.amount == amount => Ok(true),
            Some(_) => Err(CardPaymentError::KeyConflict { key: key.clone() }),
            None => Ok(false),
        }
    }

    fn check_amount(&self, amount: Money) -> Result<(), CardPaymentError> {
        if !amount.is_positive() || amount.currency() != self.amount.currency() {
            return Err(CardPaymentError::Amount {
                expected: self.amount.currency(),
                found: amount,
            });
        }
        Ok(())
    }

    fn record(&mut self, key: &IdempotencyKey, operation: &'static str, amount: Money) {
        self.events.push(CardPaymentEvent {
            key: key.clone(),
            operation,
            amount,
        });
    }

    /// Authorises the payment's amount on `card`. The card number is taken by value and
    /// dropped (zeroed) when this returns; the payment keeps a [`CardOnFile`].
    ///
    /// A decline moves the payment to `Declined` and returns
    /// [`TerminalError::Declined`]; a time-out leaves it `Initiated` for a retry with the
    /// same key.
    ///
    /// # Errors
    ///
    /// - [`CardPaymentError::State`]: not `Initiated` (unless this key was already used for
    ///   this authorisation: then `Ok` and nothing changes).
    /// - [`CardPaymentError::CardExpired`]: the card expired before `today`.
    /// - [`CardPaymentError::KeyConflict`]: the key was used for another request.
    /// - [`CardPaymentError::Terminal`]: the terminal's error.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Authorised);
    /// assert_eq!(payment.events().len(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn authorise<T: CardTerminal + ?Sized>(
        &mut self,
        terminal: &mut T,
        card: CardNumber,
        expiry: CardExpiry,
        key: &IdempotencyKey,
        today: NaiveDate,
    ) -> Result<(), CardPaymentError> {
        if self.replayed(key, "authorise", self.amount)? {
            return Ok(());
        }
        if self.state != CardPaymentState::Initiated {
            return Err(CardPaymentError::State {
                operation: "authorise",
                status: self.status(),
            });
        }
        if expiry.is_expired_on(today) {
            return Err(CardPaymentError::CardExpired { expiry });
        }
        let request = AuthorisationRequest {
            key,
            card: &card,
            expiry,
            amount: self.amount,
        };
        match terminal.authorise(&request) {
            Ok(answer) => {
                self.record(key, "authorise", self.amount);
                self.state = CardPaymentState::Authorised {
                    card: CardOnFile::new(&card, expiry, answer.token),
                    code: answer.code,
                };
                Ok(())
            }
            Err(TerminalError::Declined { reason }) => {
                self.record(key, "authorise", self.amount);
                self.state = CardPaymentState::Declined { reason };
                Err(TerminalError::Declined { reason }.into())
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Captures `amount` (at most the authorised amount) and moves to `Captured`.
    ///
    /// # Errors
    ///
    /// [`CardPaymentError::State`] unless `Authorised`; [`CardPaymentError::Amount`],
    /// [`CardPaymentError::Exceeds`] over the authorised amount;
    /// [`CardPaymentError::KeyConflict`]; [`CardPaymentError::Terminal`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// payment.capture(&mut terminal, eur(dec!(18.50)), &IdempotencyKey::try_new("c-1")?)?;
    /// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Captured);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn capture<T: CardTerminal + ?Sized>(
        &mut self,
        terminal: &mut T,
        amount: Money,
        key: &IdempotencyKey,
    ) -> Result<(), CardPaymentError> {
        if self.replayed(key, "capture", amount)? {
            return Ok(());
        }
        self.check_amount(amount)?;
        let CardPaymentState::Authorised { card, code } = &self.state else {
            return Err(CardPaymentError::State {
                operation: "capture",
                status: self.status(),
            });
        };
        if amount.amount() > self.amount.amount() {
            return Err(CardPaymentError::Exceeds {
                operation: "capture",
                requested: amount,
                available: self.amount,
            });
        }
        terminal.capture(&TokenRequest {
            key: key.clone(),
            token: card.token().clone(),
            amount,
        })?;
        let (card, code) = (card.clone(), code.clone());
        self.record(key, "capture", amount);
        self.state = CardPaymentState::Captured {
            card,
            code,
            captured: amount,
            refunds: Vec::new(),
            refunded: Money::zero(amount.currency()),
        };
        Ok(())
    }

    /// Releases an authorisation that was not captured, and moves to `Voided`.
    ///
    /// # Errors
    ///
    /// [`CardPaymentError::State`] unless `Authorised`; [`CardPaymentError::KeyConflict`];
    /// [`CardPaymentError::Terminal`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// payment.void(&mut terminal, &IdempotencyKey::try_new("v-1")?)?;
    /// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Voided);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn void<T: CardTerminal + ?Sized>(
        &mut self,
        terminal: &mut T,
        key: &IdempotencyKey,
    ) -> Result<(), CardPaymentError> {
        if self.replayed(key, "void", self.amount)? {
            return Ok(());
        }
        let CardPaymentState::Authorised { card, code } = &self.state else {
            return Err(CardPaymentError::State {
                operation: "void",
                status: self.status(),
            });
        };
        terminal.void(&TokenRequest {
            key: key.clone(),
            token: card.token().clone(),
            amount: self.amount,
        })?;
        let (card, code) = (card.clone(), code.clone());
        self.record(key, "void", self.amount);
        self.state = CardPaymentState::Voided { card, code };
        Ok(())
    }

    /// Refunds `amount` of the capture. The refunds never exceed the captured amount.
    ///
    /// # Errors
    ///
    /// [`CardPaymentError::State`] unless `Captured` with something left to refund;
    /// [`CardPaymentError::Amount`]; [`CardPaymentError::Exceeds`] over what is left;
    /// [`CardPaymentError::KeyConflict`]; [`CardPaymentError::Terminal`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CardPayment, IdempotencyKey, SimulatedTerminal};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let mut terminal = SimulatedTerminal::new();
    /// let mut payment = CardPayment::try_new(eur(dec!(20)))?;
    /// payment.authorise(&mut terminal, "4111111111111111".parse()?, "12/30".parse()?, &IdempotencyKey::try_new("a-1")?, today)?;
    /// payment.capture(&mut terminal, eur(dec!(20)), &IdempotencyKey::try_new("c-1")?)?;
    /// payment.refund(&mut terminal, eur(dec!(20)), &IdempotencyKey::try_new("r-1")?)?;
    /// assert_eq!(payment.status(), apkalpe_payments::CardPaymentStatus::Refunded);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refund<T: CardTerminal + ?Sized>(
        &mut self,
        terminal: &mut T,
        amount: Money,
        key: &IdempotencyKey,
    ) -> Result<(), CardPaymentError> {
        if self.replayed(key, "refund", amount)? {
            return Ok(());
        }
        self.check_amount(amount)?;
        let available = self.refundable()?;
        let status = self.status();
        let CardPaymentState::Captured { card, .. } = &self.state else {
            return Err(CardPaymentError::State {
                operation: "refund",
                status,
            });
        };
        if amount.amount() > available.amount() {
            return Err(CardPaymentError::Exceeds {
                operation: "refund",
                requested: amount,
                available,
            });
        }
        // Computed before the terminal acts, so nothing can fail after it did.
        let total = self.refunded().checked_add(amount)?;
        terminal.refund(&TokenRequest {
            key: key.clone(),
            token: card.token().clone(),
            amount,
        })?;
        self.record(key, "refund", amount);
        if let CardPaymentState::Captured {
            refunds, refunded, ..
        } = &mut self.state
        {
            *refunded = total;
            refunds.push(amount);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminal::SimulatedTerminal;
    use apkalpe_core::Currency;
    use rust_decimal_macros::dec;

    fn eur(d: rust_decimal::Decimal) -> Money {
        Money::new(d, Currency::EUR)
    }
    fn key(k: &str) -> IdempotencyKey {
        IdempotencyKey::try_new(k).unwrap()
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }
    fn visa() -> CardNumber {
        "4111111111111111".parse().unwrap()
    }

    #[test]
    fn full_cycle_and_limits() {
        let mut t = SimulatedTerminal::new();
        let mut p = CardPayment::try_new(eur(dec!(10))).unwrap();
        assert_eq!(
            p.capture(&mut t, eur(dec!(10)), &key("c"))
                .unwrap_err()
                .code(),
            "card_payment.state"
        );
        p.authorise(&mut t, visa(), "12/30".parse().unwrap(), &key("a"), today())
            .unwrap();
        assert_eq!(
            p.capture(&mut t, eur(dec!(11)), &key("c"))
                .unwrap_err()
                .code(),
            "card_payment.exceeds"
        );
        p.capture(&mut t, eur(dec!(10)), &key("c")).unwrap();
        p.refund(&mut t, eur(dec!(4)), &key("r1")).unwrap();
        assert_eq!(
            p.refund(&mut t, eur(dec!(7)), &key("r2"))
                .unwrap_err()
                .code(),
            "card_payment.exceeds"
        );
        assert_eq!(
            p.refund(&mut t, eur(dec!(5)), &key("r1"))
                .unwrap_err()
                .code(),
            "card_payment.key_conflict"
        );
        p.refund(&mut t, eur(dec!(6)), &key("r2")).unwrap();
        assert_eq!(p.status(), CardPaymentStatus::Refunded);
        assert_eq!(
            p.void(&mut t, &key("v")).unwrap_err().code(),
            "card_payment.state"
        );
    }

    #[test]
    fn decline_timeout_and_retry() {
        let mut t = SimulatedTerminal::new()
            .declining_card_ending_in("1111", DeclineReason::InsufficientFunds);
        let mut p = CardPayment::try_new(eur(dec!(10))).unwrap();
        let e = p
            .authorise(&mut t, visa(), "12/30".parse().unwrap(), &key("a"), today())
            .unwrap_err();
        assert_eq!(e.code(), "terminal.declined");
        assert_eq!(p.status(), CardPaymentStatus::Declined);

        let mut t = SimulatedTerminal::new().timing_out_on_call(1);
        let mut p = CardPayment::try_new(eur(dec!(10))).unwrap();
        let e = p
            .authorise(&mut t, visa(), "12/30".parse().unwrap(), &key("a"), today())
            .unwrap_err();
        assert_eq!(e.code(), "terminal.timed_out");
        assert_eq!(p.status(), CardPaymentStatus::Initiated);
        p.authorise(&mut t, visa(), "12/30".parse().unwrap(), &key("a"), today())
            .unwrap();
        assert_eq!(p.status(), CardPaymentStatus::Authorised);
        // The terminal issued one token only: the retry got the recorded answer.
        assert_eq!(p.card().unwrap().token().as_str(), "tok-000001");
        p.void(&mut t, &key("v")).unwrap();
        assert_eq!(p.status(), CardPaymentStatus::Voided);
    }

    #[test]
    fn expired_card_is_refused_before_the_terminal() {
        let mut t = SimulatedTerminal::new();
        let mut p = CardPayment::try_new(eur(dec!(10))).unwrap();
        let e = p
            .authorise(&mut t, visa(), "10/26".parse().unwrap(), &key("a"), today())
            .unwrap_err();
        assert_eq!(e.code(), "card_payment.card_expired");
        assert_eq!(t.calls(), 0);
    }

    #[test]
    #[cfg(feature = "serde")]
    fn restore_reasons_reach_the_latvian_message() {
        use apkalpe_core::{Language, LocalizedError};
        let mut t = SimulatedTerminal::new();
        let mut p = CardPayment::try_new(eur(dec!(10))).unwrap();
        p.authorise(&mut t, visa(), "12/30".parse().unwrap(), &key("a"), today())
            .unwrap();
        p.capture(&mut t, eur(dec!(8)), &key("c")).unwrap();
        let saved = serde_json::to_value(&p).unwrap();
        // The capture's request not recorded; then recorded as a refund.
        let mut missing = saved.clone();
        missing["events"].as_array_mut().unwrap().pop();
        let mut other = saved;
        other["events"][1]["operation"] = serde_json::json!("refund");
        let cases = [
            (
                missing,
                "events[1]: the capture of 8.00 EUR that leads to the state is not recorded",
                "events[1]: nav ierakstīts iekasēšanas pieprasījums par 8.00 EUR, kas noved pie šī stāvokļa",
            ),
            (
                other,
                "events[1]: records a refund of 8.00 EUR, but the state needs a capture of 8.00 EUR",
                "events[1]: ierakstīts atmaksas pieprasījums par 8.00 EUR, bet stāvoklim vajag iekasēšanas pieprasījumu par 8.00 EUR",
            ),
        ];
        for (saved, english, latvian) in cases {
            let record: CardPaymentRecord = serde_json::from_value(saved.clone()).unwrap();
            let error = CardPayment::try_from(record).unwrap_err();
            // The very refusal the public `Deserialize` reports (in English: serde keeps text).
            let public = serde_json::from_value::<CardPayment>(saved).unwrap_err();
            assert_eq!(public.to_string(), error.to_string());
            assert!(error.to_string().ends_with(english), "{error}");
            let in_latvian = error.message_in(Language::Latvian);
            assert!(in_latvian.ends_with(latvian), "{in_latvian}");
            assert!(!in_latvian.contains(english), "{in_latvian}");
        }
    }
}
