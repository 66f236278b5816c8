//! Cash (*skaidra nauda*): euro notes and coins, the drawer counted by denomination, tender
//! and change under the cash-rounding policy, cash deposits and payouts, and the legal cash
//! limits.
//!
//! # Legal basis
//!
//! `docs/sources.md` §1 (cash rounding: none in Latvia, 0.05 in Estonia and Lithuania, only the cash
//! part rounded \[S1\]\[S4\]\[S5\]\[S7\]); `docs/sources.md` §10 (cash receipt and disbursement orders
//! \[C1\]\[C2\]; the 7 200 EUR cap and the 1 500 EUR monthly declaration \[C4\]\[C5\]).
//!
//! Serves: T4.2, T4.4, S33, S35.

use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use apkalpe_core::rounding::Rounding;
use apkalpe_core::{CashRounding, CashSettlement, CountryCode, Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::ser::{SerializeMap, SerializeStruct};
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A euro banknote or coin (*banknote*, *monēta*).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::Denomination;
///
/// assert_eq!(Denomination::Euro20.value().to_string(), "20.00 EUR");
/// assert!(Denomination::Euro20.is_note());
/// assert!(!Denomination::Cent50.is_note());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Denomination {
    /// 500 euro note (no longer issued, still legal tender).
    Euro500,
    /// 200 euro note.
    Euro200,
    /// 100 euro note.
    Euro100,
    /// 50 euro note.
    Euro50,
    /// 20 euro note.
    Euro20,
    /// 10 euro note.
    Euro10,
    /// 5 euro note.
    Euro5,
    /// 2 euro coin.
    Euro2,
    /// 1 euro coin.
    Euro1,
    /// 50 cent coin.
    Cent50,
    /// 20 cent coin.
    Cent20,
    /// 10 cent coin.
    Cent10,
    /// 5 cent coin.
    Cent5,
    /// 2 cent coin.
    Cent2,
    /// 1 cent coin.
    Cent1,
}

impl Denomination {
    /// Every denomination, largest first.
    pub const ALL: [Denomination; 15] = [
        Denomination::Euro500,
        Denomination::Euro200,
        Denomination::Euro100,
        Denomination::Euro50,
        Denomination::Euro20,
        Denomination::Euro10,
        Denomination::Euro5,
        Denomination::Euro2,
        Denomination::Euro1,
        Denomination::Cent50,
        Denomination::Cent20,
        Denomination::Cent10,
        Denomination::Cent5,
        Denomination::Cent2,
        Denomination::Cent1,
    ];

    /// Returns the value in cents.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Denomination;
    ///
    /// assert_eq!(Denomination::Euro10.cents(), 1000);
    /// assert_eq!(Denomination::Cent5.cents(), 5);
    /// ```
    pub const fn cents(self) -> u64 {
        match self {
            Denomination::Euro500 => 50_000,
            Denomination::Euro200 => 20_000,
            Denomination::Euro100 => 10_000,
            Denomination::Euro50 => 5_000,
            Denomination::Euro20 => 2_000,
            Denomination::Euro10 => 1_000,
            Denomination::Euro5 => 500,
            Denomination::Euro2 => 200,
            Denomination::Euro1 => 100,
            Denomination::Cent50 => 50,
            Denomination::Cent20 => 20,
            Denomination::Cent10 => 10,
            Denomination::Cent5 => 5,
            Denomination::Cent2 => 2,
            Denomination::Cent1 => 1,
        }
    }

    /// Returns the value in euro.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Denomination;
    ///
    /// assert_eq!(Denomination::Cent50.value().to_string(), "0.50 EUR");
    /// ```
    pub fn value(self) -> Money {
        Money::new(Decimal::new(cents_i64(self.cents()), 2), Currency::EUR)
    }

    /// Returns whether it is a banknote.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Denomination;
    ///
    /// assert!(Denomination::Euro5.is_note());
    /// assert!(!Denomination::Euro2.is_note());
    /// ```
    pub const fn is_note(self) -> bool {
        self.cents() >= 500
    }

    /// Returns the key of the denomination in a saved [`CashCount`]: its value in euro with
    /// two decimals (`"500.00"`, `"0.05"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::Denomination;
    ///
    /// assert_eq!(Denomination::Euro20.as_key(), "20.00");
    /// ```
    pub const fn as_key(self) -> &'static str {
        match self {
            Denomination::Euro500 => "500.00",
            Denomination::Euro200 => "200.00",
            Denomination::Euro100 => "100.00",
            Denomination::Euro50 => "50.00",
            Denomination::Euro20 => "20.00",
            Denomination::Euro10 => "10.00",
            Denomination::Euro5 => "5.00",
            Denomination::Euro2 => "2.00",
            Denomination::Euro1 => "1.00",
            Denomination::Cent50 => "0.50",
            Denomination::Cent20 => "0.20",
            Denomination::Cent10 => "0.10",
            Denomination::Cent5 => "0.05",
            Denomination::Cent2 => "0.02",
            Denomination::Cent1 => "0.01",
        }
    }

    const fn index(self) -> usize {
        match self {
            Denomination::Euro500 => 0,
            Denomination::Euro200 => 1,
            Denomination::Euro100 => 2,
            Denomination::Euro50 => 3,
            Denomination::Euro20 => 4,
            Denomination::Euro10 => 5,
            Denomination::Euro5 => 6,
            Denomination::Euro2 => 7,
            Denomination::Euro1 => 8,
            Denomination::Cent50 => 9,
            Denomination::Cent20 => 10,
            Denomination::Cent10 => 11,
            Denomination::Cent5 => 12,
            Denomination::Cent2 => 13,
            Denomination::Cent1 => 14,
        }
    }
}

impl fmt::Display for Denomination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = self.cents();
        if cents >= 100 {
            write!(f, "{} EUR", cents / 100)
        } else {
            write!(f, "{cents} c")
        }
    }
}

fn cents_i64(cents: u64) -> i64 {
    i64::try_from(cents).unwrap_or(i64::MAX)
}

/// The error returned by cash operations.
///
/// `apkalpe-accounting` has a `CashError` too (cash orders and the cash book);
/// [`prelude`](crate::prelude) exports this one as `CashHandlingError`.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashCount, CashError, Denomination};
///
/// let error = CashCount::new().remove(Denomination::Euro5, 1).unwrap_err();
/// assert_eq!(error, CashError::DrawerShort { denomination: Denomination::Euro5, held: 0, requested: 1 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CashError {
    /// Cash must be in euro.
    #[error("cash is counted in EUR, found {found}")]
    Currency {
        /// The currency found.
        found: Currency,
    },
    /// The amount has fractions of a cent, or is negative where it must not be.
    #[error("{amount} is not a non-negative amount in whole cents")]
    NotWholeCents {
        /// The amount.
        amount: Money,
    },
    /// The drawer does not hold the notes and coins to make this change.
    #[error("the drawer cannot make change of {amount} from what it holds")]
    ChangeUnavailable {
        /// The change asked for.
        amount: Money,
    },
    /// Less cash tendered than the cash part due.
    #[error("tendered {tendered} is less than the {due} due in cash")]
    InsufficientTender {
        /// The cash due after rounding.
        due: Money,
        /// What the customer handed over.
        tendered: Money,
    },
    /// More taken out of the drawer than it holds.
    #[error("the drawer holds {held} of {denomination}, {requested} requested")]
    DrawerShort {
        /// The denomination.
        denomination: Denomination,
        /// How many the drawer holds.
        held: u32,
        /// How many were asked for.
        requested: u32,
    },
    /// A cash deposit or payout without a reason or document reference.
    #[error("a cash {field} must not be empty")]
    Empty {
        /// `reason` or `document reference`.
        field: &'static str,
    },
    /// A deposit or payout of zero or less.
    #[error("a cash movement must be positive, found {amount}")]
    NonPositive {
        /// The amount.
        amount: Money,
    },
    /// A count overflowed.
    #[error("a count overflowed")]
    Overflow,
    /// The cash-rounding policy failed.
    #[error(transparent)]
    CashRounding(#[from] apkalpe_core::CashRoundingError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] apkalpe_core::MoneyError),
}

impl CashError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// assert_eq!(CashCount::new().remove(Denomination::Euro5, 1).unwrap_err().code(), "cash.drawer_short");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CashError::Currency { .. } => "cash.currency",
            CashError::NotWholeCents { .. } => "cash.not_whole_cents",
            CashError::ChangeUnavailable { .. } => "cash.change_unavailable",
            CashError::InsufficientTender { .. } => "cash.insufficient_tender",
            CashError::DrawerShort { .. } => "cash.drawer_short",
            CashError::Empty { .. } => "cash.empty",
            CashError::NonPositive { .. } => "cash.non_positive",
            CashError::Overflow => "cash.overflow",
            CashError::CashRounding(error) => error.code(),
            CashError::Money(error) => error.code(),
        }
    }
}

/// Converts a euro amount in whole cents to a cent count.
pub(crate) fn to_cents(amount: Money) -> Result<u64, CashError> {
    if amount.currency() != Currency::EUR {
        return Err(CashError::Currency {
            found: amount.currency(),
        });
    }
    let cents = amount
        .amount()
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or(CashError::Overflow)?;
    if cents.is_sign_negative() && !cents.is_zero() || cents.fract() != Decimal::ZERO {
        return Err(CashError::NotWholeCents { amount });
    }
    u64::try_from(cents).map_err(|_| CashError::NotWholeCents { amount })
}

fn from_cents(cents: u64) -> Money {
    Money::new(Decimal::new(cents_i64(cents), 2), Currency::EUR)
}

/// Notes and coins counted by denomination: a drawer's content, a count at shift close, or
/// the change handed out.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashCount, Denomination};
///
/// let count = CashCount::new()
///     .with(Denomination::Euro20, 3)?
///     .with(Denomination::Cent50, 4)?;
/// assert_eq!(count.total().to_string(), "62.00 EUR");
/// assert_eq!(count.count(Denomination::Euro20), 3);
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
///
/// # Saved form
///
/// The pieces of every denomination, keyed by its value in euro ([`Denomination::as_key`]),
/// largest first, zeros included: `{"pieces": {"500.00": 0, …, "20.00": 3, …, "0.50": 4, …,
/// "0.01": 0}}`. Reading accepts any subset of the keys (a missing one counts 0) and refuses an
/// unknown or repeated key. The older positional form `{"counts": [15 numbers, 500 EUR
/// first]}`, which earlier versions wrote, is still read.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_payments::{CashCount, Denomination};
///
/// let count = CashCount::new().with(Denomination::Euro20, 3)?;
/// let json = serde_json::to_string(&count).unwrap();
/// assert!(json.starts_with(r#"{"pieces":{"500.00":0,"200.00":0,"100.00":0,"50.00":0,"20.00":3,"#));
/// let short: CashCount = serde_json::from_str(r#"{"pieces": {"20.00": 3}}"#).unwrap();
/// let old: CashCount = serde_json::from_str(r#"{"counts": [0,0,0,0,3,0,0,0,0,0,0,0,0,0,0]}"#).unwrap();
/// assert_eq!((short, old), (count, count));
/// assert!(serde_json::from_str::<CashCount>(r#"{"pieces": {"0.03": 1}}"#).is_err());
/// # }
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CashCount {
    counts: [u32; 15],
}

impl CashCount {
    /// Creates an empty count.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashCount;
    ///
    /// assert!(CashCount::new().total().is_zero());
    /// ```
    pub const fn new() -> Self {
        CashCount { counts: [0; 15] }
    }

    /// Returns the count with `pieces` more of `denomination`.
    ///
    /// # Errors
    ///
    /// [`CashError::Overflow`] beyond `u32::MAX` pieces.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// assert_eq!(drawer.total().to_string(), "22.00 EUR");
    /// drawer.add(Denomination::Cent5, 0)?;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn with(mut self, denomination: Denomination, pieces: u32) -> Result<Self, CashError> {
        self.add(denomination, pieces)?;
        Ok(self)
    }

    /// Adds `pieces` of `denomination`.
    ///
    /// # Errors
    ///
    /// [`CashError::Overflow`] beyond `u32::MAX` pieces.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// drawer.add(Denomination::Euro5, 1)?;
    /// assert_eq!(drawer.count(Denomination::Euro5), 1);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn add(&mut self, denomination: Denomination, pieces: u32) -> Result<(), CashError> {
        let slot = self
            .counts
            .get_mut(denomination.index())
            .ok_or(CashError::Overflow)?;
        *slot = slot.checked_add(pieces).ok_or(CashError::Overflow)?;
        Ok(())
    }

    /// Takes `pieces` of `denomination` out.
    ///
    /// # Errors
    ///
    /// [`CashError::DrawerShort`] when fewer are held.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// drawer.remove(Denomination::Euro10, 1)?;
    /// assert_eq!(drawer.count(Denomination::Euro10), 1);
    /// assert!(drawer.remove(Denomination::Euro10, 2).is_err());
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn remove(&mut self, denomination: Denomination, pieces: u32) -> Result<(), CashError> {
        let slot = self
            .counts
            .get_mut(denomination.index())
            .ok_or(CashError::Overflow)?;
        *slot = slot.checked_sub(pieces).ok_or(CashError::DrawerShort {
            denomination,
            held: *slot,
            requested: pieces,
        })?;
        Ok(())
    }

    /// Adds every piece of `other`.
    ///
    /// # Errors
    ///
    /// [`CashError::Overflow`]; the count is then unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// let takings = CashCount::new().with(Denomination::Euro10, 1)?;
    /// drawer.add_all(&takings)?;
    /// assert_eq!(drawer.count(Denomination::Euro10), 3);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn add_all(&mut self, other: &CashCount) -> Result<(), CashError> {
        let mut copy = *self;
        for denomination in Denomination::ALL {
            copy.add(denomination, other.count(denomination))?;
        }
        *self = copy;
        Ok(())
    }

    /// Takes every piece of `other` out.
    ///
    /// # Errors
    ///
    /// [`CashError::DrawerShort`] when a denomination runs short; the count is then unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// let change = CashCount::new().with(Denomination::Cent50, 3)?;
    /// drawer.remove_all(&change)?;
    /// assert_eq!(drawer.count(Denomination::Cent50), 1);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn remove_all(&mut self, other: &CashCount) -> Result<(), CashError> {
        let mut copy = *self;
        for denomination in Denomination::ALL {
            copy.remove(denomination, other.count(denomination))?;
        }
        *self = copy;
        Ok(())
    }

    /// Returns how many pieces of `denomination` are counted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// assert_eq!((drawer.count(Denomination::Euro10), drawer.count(Denomination::Euro5)), (2, 0));
    /// drawer.add(Denomination::Euro5, 0)?;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn count(&self, denomination: Denomination) -> u32 {
        self.counts
            .get(denomination.index())
            .copied()
            .unwrap_or_default()
    }

    /// Returns the pieces counted, largest first, skipping zeros.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// let pieces: Vec<_> = drawer.pieces().collect();
    /// assert_eq!(pieces, [(Denomination::Euro10, 2), (Denomination::Cent50, 4)]);
    /// drawer.add(Denomination::Euro5, 0)?;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn pieces(&self) -> impl Iterator<Item = (Denomination, u32)> + '_ {
        Denomination::ALL
            .into_iter()
            .map(|d| (d, self.count(d)))
            .filter(|(_, n)| *n > 0)
    }

    /// Returns the value in cents (a `u32` count times at most 50 000 cents always fits).
    fn total_cents(&self) -> u64 {
        Denomination::ALL.iter().fold(0u64, |sum, d| {
            sum.saturating_add(u64::from(self.count(*d)).saturating_mul(d.cents()))
        })
    }

    /// Returns the total value.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    ///
    /// let mut drawer = CashCount::new().with(Denomination::Euro10, 2)?.with(Denomination::Cent50, 4)?;
    /// assert_eq!(drawer.total().to_string(), "22.00 EUR");
    /// drawer.add(Denomination::Euro5, 0)?;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn total(&self) -> Money {
        from_cents(self.total_cents())
    }

    /// Breaks `amount` into the notes and coins this count holds: largest first, and
    /// backtracking when the greedy choice leaves a remainder the smaller pieces cannot make
    /// (0.06 from one 5-cent and three 2-cent coins is 3 × 2 c).
    ///
    /// # Errors
    ///
    /// [`CashError::Currency`], [`CashError::NotWholeCents`] for an amount that is not whole
    /// euro cents; [`CashError::ChangeUnavailable`] when no combination of the pieces held
    /// makes the amount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashCount, Denomination};
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let drawer = CashCount::new()
    ///     .with(Denomination::Euro5, 2)?
    ///     .with(Denomination::Cent5, 1)?
    ///     .with(Denomination::Cent2, 3)?;
    /// let change = drawer.make_change(Money::new(dec!(5.06), Currency::EUR))?;
    /// assert_eq!(change.count(Denomination::Euro5), 1);
    /// assert_eq!(change.count(Denomination::Cent2), 3);
    /// assert_eq!(change.count(Denomination::Cent5), 0);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn make_change(&self, amount: Money) -> Result<CashCount, CashError> {
        let cents = to_cents(amount)?;
        // suffix[i]: the value of everything held from denomination i down.
        let mut suffix = [0u64; 16];
        for i in (0..15).rev() {
            let here = Denomination::ALL
                .get(i)
                .map(|d| u64::from(self.count(*d)).saturating_mul(d.cents()))
                .unwrap_or_default();
            let below = suffix.get(i + 1).copied().unwrap_or_default();
            if let Some(slot) = suffix.get_mut(i) {
                *slot = here.saturating_add(below);
            }
        }
        let mut out = CashCount::new();
        if self.search(0, cents, &suffix, &mut out) {
            Ok(out)
        } else {
            Err(CashError::ChangeUnavailable { amount })
        }
    }

    /// Depth-first search, largest denomination first, most pieces first; prunes when the
    /// smaller denominations together cannot reach the remainder.
    fn search(
        &self,
        index: usize,
        remaining: u64,
        suffix: &[u64; 16],
        out: &mut CashCount,
    ) -> bool {
        if remaining == 0 {
            return true;
        }
        let (Some(denomination), Some(&available_here_and_below)) =
            (Denomination::ALL.get(index), suffix.get(index))
        else {
            return false;
        };
        if available_here_and_below < remaining {
            return false;
        }
        let value = denomination.cents();
        let held = u64::from(self.count(*denomination));
        let below = suffix.get(index + 1).copied().unwrap_or_default();
        let most = held.min(remaining / value);
        // At least this many pieces are needed, or the smaller ones cannot make the rest.
        let least = remaining.saturating_sub(below).div_ceil(value);
        let mut pieces = most;
        loop {
            if pieces < least {
                return false;
            }
            let rest = remaining.saturating_sub(pieces.saturating_mul(value));
            if self.search(index + 1, rest, suffix, out) {
                if let Some(slot) = out.counts.get_mut(index) {
                    *slot = u32::try_from(pieces).unwrap_or(u32::MAX);
                }
                return true;
            }
            if pieces == 0 {
                return false;
            }
            pieces -= 1;
        }
    }
}

#[cfg(feature = "serde")]
/// The pieces of a [`CashCount`] in its saved form: a map from denomination key to pieces.
struct PiecesView<'a>(&'a CashCount);

#[cfg(feature = "serde")]
impl Serialize for PiecesView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Denomination::ALL.len()))?;
        for denomination in Denomination::ALL {
            map.serialize_entry(denomination.as_key(), &self.0.count(denomination))?;
        }
        map.end()
    }
}

#[cfg(feature = "serde")]
impl Serialize for CashCount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CashCount", 1)?;
        s.serialize_field("pieces", &PiecesView(self))?;
        s.end()
    }
}

#[cfg(feature = "serde")]
/// A map read in order, repeated keys kept, so that restoring can refuse them by name.
pub(crate) struct Entries<V>(pub(crate) Vec<(String, V)>);

#[cfg(feature = "serde")]
impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Entries<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = access.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// The saved form of a [`CashCount`]: `pieces` (named), or the older positional `counts`.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashCountRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    pieces: Option<Entries<u32>>,
    #[cfg_attr(feature = "serde", serde(default))]
    counts: Option<[u32; 15]>,
}

#[cfg(feature = "serde")]
impl TryFrom<CashCountRecord> for CashCount {
    type Error = RestoreError;

    fn try_from(record: CashCountRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashCount";
        match (record.pieces, record.counts) {
            (Some(_), Some(_)) => Err(RestoreError::inconsistent(
                WHAT,
                "counts",
                "give the pieces by denomination, or the older counts, not both",
            )
            .with_latvian_reason(
                "norādiet gabalus pa nominālvērtībām vai vecākās formas skaitus (counts), ne abus",
            )),
            (None, None) => {
                Err(
                    RestoreError::missing(WHAT, "pieces", "the pieces by denomination are missing")
                        .with_latvian_reason("nav norādīti gabali pa nominālvērtībām"),
                )
            }
            (None, Some(counts)) => Ok(CashCount { counts }),
            (Some(Entries(entries)), None) => {
                let mut count = CashCount::new();
                let mut seen = [false; 15];
                for (key, pieces) in entries {
                    let field = || format!("pieces[{key:?}]");
                    let Some(denomination) =
                        Denomination::ALL.into_iter().find(|d| d.as_key() == key)
                    else {
                        return Err(RestoreError::missing(
                            WHAT,
                            field(),
                            "no euro note or coin has this value (keys run from \"500.00\" to \"0.01\")",
                        )
                        .with_latvian_reason(
                            "nevienai eiro banknotei vai monētai nav šādas vērtības (atslēgas ir no \"500.00\" līdz \"0.01\")",
                        ));
                    };
                    match seen.get_mut(denomination.index()) {
                        Some(slot) if !*slot => *slot = true,
                        _ => return Err(RestoreError::duplicate(WHAT, field(), &key)),
                    }
                    count
                        .add(denomination, pieces)
                        .map_err(|error| RestoreError::invalid(WHAT, field(), error))?;
                }
                Ok(count)
            }
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for CashCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = CashCountRecord::deserialize(deserializer)?;
        CashCount::try_from(record).map_err(serde::de::Error::custom)
    }
}

/// The outcome of taking a payment partly or wholly in cash: the rounding settlement, the
/// cash tendered and the change.
///
/// Invariant: `change + settlement.difference = tendered − (total − non_cash)`, exactly.
/// Computed by [`CashTender::settle`]: its fields are read through getters.
///
/// It deserializes through its checks: the settlement is settled again under its rule, which
/// must be a row of the built-in table ([`CashRounding::builtin`]; a rule of another table
/// cannot be read back, since its legal basis is program text), and the change must be what
/// that settlement gives.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
/// use apkalpe_payments::CashTender;
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
/// // In Lithuania, 4.98 in cash is rounded to 5.00.
/// let tender = CashTender::settle(&CashRounding::builtin(), CountryCode::LT, day, eur(dec!(4.98)), eur(dec!(0)), eur(dec!(10)))?;
/// assert_eq!((tender.settlement().cash_due(), tender.change()), (eur(dec!(5.00)), eur(dec!(5.00))));
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashTenderRecord"))]
pub struct CashTender {
    /// How the bill splits into non-cash and rounded cash parts (core's settlement).
    pub(crate) settlement: CashSettlement,
    /// What the customer handed over in cash.
    pub(crate) tendered: Money,
    /// `tendered − settlement.cash_due`.
    pub(crate) change: Money,
}

impl CashTender {
    /// Returns how the bill splits into non-cash and rounded cash parts (core's settlement).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// # use apkalpe_payments::CashTender;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// // In Lithuania, 4.98 in cash is rounded to 5.00.
    /// let tender = CashTender::settle(&CashRounding::builtin(), CountryCode::LT, day, eur(dec!(4.98)), eur(dec!(0)), eur(dec!(10)))?;
    /// assert_eq!(tender.settlement().cash_due(), eur(dec!(5.00)));
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn settlement(&self) -> &CashSettlement {
        &self.settlement
    }

    /// Returns what the customer handed over in cash.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// # use apkalpe_payments::CashTender;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// // In Lithuania, 4.98 in cash is rounded to 5.00.
    /// let tender = CashTender::settle(&CashRounding::builtin(), CountryCode::LT, day, eur(dec!(4.98)), eur(dec!(0)), eur(dec!(10)))?;
    /// assert_eq!(tender.tendered(), eur(dec!(10)));
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn tendered(&self) -> Money {
        self.tendered
    }

    /// Returns the change: `tendered − settlement.cash_due`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// # use apkalpe_payments::CashTender;
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// // In Lithuania, 4.98 in cash is rounded to 5.00.
    /// let tender = CashTender::settle(&CashRounding::builtin(), CountryCode::LT, day, eur(dec!(4.98)), eur(dec!(0)), eur(dec!(10)))?;
    /// assert_eq!(tender.change(), eur(dec!(5.00)));
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn change(&self) -> Money {
        self.change
    }

    /// Settles a bill of `total`, of which `non_cash` is paid by card or transfer, with
    /// `tendered` cash: rounds the cash part under the policy in force in `country` on `date`
    /// and computes the change.
    ///
    /// # Errors
    ///
    /// The errors of [`CashRounding::settle`] (as [`CashError::CashRounding`]);
    /// [`CashError::InsufficientTender`] when less cash is tendered than due;
    /// [`CashError::Money`] on a currency mismatch.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::CashTender;
    /// use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let policy = CashRounding::builtin();
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// // Vilnius: 7.98 due, rounded to 8.00; 10.00 tendered, 2.00 change.
    /// let lt = CashTender::settle(&policy, CountryCode::LT, day, eur(dec!(7.98)), eur(dec!(0)), eur(dec!(10)))?;
    /// assert_eq!((lt.settlement().cash_due().to_string(), lt.change().to_string()), ("8.00 EUR".into(), "2.00 EUR".into()));
    /// // Riga: no rounding, 2.02 change.
    /// let lv = CashTender::settle(&policy, CountryCode::LV, day, eur(dec!(7.98)), eur(dec!(0)), eur(dec!(10)))?;
    /// assert_eq!(lv.change().to_string(), "2.02 EUR");
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn settle(
        policy: &CashRounding,
        country: CountryCode,
        date: NaiveDate,
        total: Money,
        non_cash: Money,
        tendered: Money,
    ) -> Result<CashTender, CashError> {
        let settlement = policy.settle(country, date, total, non_cash)?;
        if tendered.try_cmp(&settlement.cash_due())? == std::cmp::Ordering::Less {
            return Err(CashError::InsufficientTender {
                due: settlement.cash_due(),
                tendered,
            });
        }
        let change = tendered.checked_sub(settlement.cash_due())?;
        Ok(CashTender {
            settlement,
            tendered,
            change,
        })
    }
}

/// The saved form of a [`CashTender`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashTenderRecord {
    settlement: SettlementRecord,
    tendered: Money,
    change: Money,
}

/// The saved form of core's `CashSettlement`.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SettlementRecord {
    total: Money,
    non_cash: Money,
    cash_unrounded: Money,
    cash_due: Money,
    difference: Money,
    rule: RuleRecord,
}

/// The saved form of core's `CashRoundingRule`.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RuleRecord {
    country: CountryCode,
    currency: Currency,
    effective_from: NaiveDate,
    rounding: Option<Rounding>,
    legal_basis: String,
}

#[cfg(feature = "serde")]
impl TryFrom<CashTenderRecord> for CashTender {
    type Error = RestoreError;

    fn try_from(record: CashTenderRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashTender";
        let saved = record.settlement;
        let rule = CashRounding::builtin()
            .rules()
            .iter()
            .find(|rule| {
                rule.country() == saved.rule.country
                    && rule.currency() == saved.rule.currency
                    && rule.effective_from() == saved.rule.effective_from
                    && rule.rounding() == saved.rule.rounding
                    && rule.legal_basis() == saved.rule.legal_basis
            })
            .cloned()
            .ok_or_else(|| {
                RestoreError::missing(
                    WHAT,
                    "settlement.rule",
                    "not a row of the built-in cash-rounding table",
                )
                .with_latvian_reason("nav iebūvētās skaidras naudas noapaļošanas tabulas rinda")
            })?;
        let policy = CashRounding::from_rules(vec![rule.clone()]);
        let tender = CashTender::settle(
            &policy,
            rule.country(),
            rule.effective_from(),
            saved.total,
            saved.non_cash,
            record.tendered,
        )
        .map_err(|error| RestoreError::invalid(WHAT, "settlement", error))?;
        let checks = [
            (
                "settlement.cash_unrounded",
                saved.cash_unrounded,
                tender.settlement.cash_unrounded(),
            ),
            (
                "settlement.cash_due",
                saved.cash_due,
                tender.settlement.cash_due(),
            ),
            (
                "settlement.difference",
                saved.difference,
                tender.settlement.difference(),
            ),
            ("change", record.change, tender.change),
        ];
        for (field, saved, computed) in checks {
            if saved != computed {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format!("is {saved}, but the settlement gives {computed}"),
                )
                .with_latvian_reason(format_args!(
                    "ir {saved}, bet pēc norēķina sanāk {computed}"
                )));
            }
        }
        Ok(tender)
    }
}

/// The direction of a cash movement not tied to a sale.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashMovement, CashMovementKind};
/// use rust_decimal_macros::dec;
///
/// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
/// assert_eq!(payout.kind(), CashMovementKind::Payout);
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CashMovementKind {
    /// Cash put into the drawer (*iemaksa*), backed by a cash receipt order (KIO).
    Deposit,
    /// Cash taken out of the drawer (*izmaksa*), backed by a cash disbursement order (KIzO).
    Payout,
}

/// A cash deposit or payout with its reason and the reference of the cash order behind it
/// (`docs/sources.md` §10: a KIO for a deposit, a KIzO for a payout; the accounting crate models the
/// orders, and the application links them: this value only carries the reference).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashMovement, CashMovementKind};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let payout = CashMovement::try_new(
///     CashMovementKind::Payout,
///     Money::new(dec!(40.00), Currency::EUR),
///     "courier fee",
///     "KIzO-2026-0012",
/// )?;
/// assert_eq!(payout.signed_amount().to_string(), "-40.00 EUR");
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
///
/// It deserializes through [`CashMovement::try_new`]: a saved movement of zero, in another
/// currency or without a reason is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashMovementRecord"))]
pub struct CashMovement {
    kind: CashMovementKind,
    amount: Money,
    reason: String,
    document: String,
}

impl CashMovement {
    /// Creates a movement.
    ///
    /// # Errors
    ///
    /// [`CashError::NonPositive`] for an amount ≤ 0; [`CashError::Currency`] or
    /// [`CashError::NotWholeCents`] for anything but whole euro cents; [`CashError::Empty`]
    /// for a blank reason or document reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.amount().to_string(), "20.00 EUR");
    /// let error = CashMovement::try_new(CashMovementKind::Deposit, Money::new(dec!(5), Currency::EUR), " ", "KIO-1").unwrap_err();
    /// assert_eq!(error.code(), "cash.empty");
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn try_new(
        kind: CashMovementKind,
        amount: Money,
        reason: &str,
        document: &str,
    ) -> Result<CashMovement, CashError> {
        if !amount.is_positive() {
            return Err(CashError::NonPositive { amount });
        }
        to_cents(amount)?;
        if reason.trim().is_empty() {
            return Err(CashError::Empty { field: "reason" });
        }
        if document.trim().is_empty() {
            return Err(CashError::Empty {
                field: "document reference",
            });
        }
        Ok(CashMovement {
            kind,
            amount,
            reason: reason.trim().to_owned(),
            document: document.trim().to_owned(),
        })
    }

    /// Returns the direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.kind(), CashMovementKind::Payout);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn kind(&self) -> CashMovementKind {
        self.kind
    }

    /// Returns the (positive) amount.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.amount(), Money::new(dec!(20), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the amount signed as the drawer sees it: + deposit, − payout.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.signed_amount(), Money::new(dec!(-20), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn signed_amount(&self) -> Money {
        match self.kind {
            CashMovementKind::Deposit => self.amount,
            CashMovementKind::Payout => self.amount.negated(),
        }
    }

    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.reason(), "kurjera pakalpojums");
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the reference of the cash order (KIO / KIzO) behind the movement.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashMovement, CashMovementKind};
    /// use rust_decimal_macros::dec;
    ///
    /// let payout = CashMovement::try_new(CashMovementKind::Payout, Money::new(dec!(20), Currency::EUR), "kurjera pakalpojums", "KIzO-12")?;
    /// assert_eq!(payout.document(), "KIzO-12");
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn document(&self) -> &str {
        &self.document
    }
}

/// The saved form of a [`CashMovement`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct CashMovementRecord {
    kind: CashMovementKind,
    amount: Money,
    reason: String,
    document: String,
}

#[cfg(feature = "serde")]
impl TryFrom<CashMovementRecord> for CashMovement {
    type Error = RestoreError;

    fn try_from(record: CashMovementRecord) -> Result<Self, Self::Error> {
        CashMovement::try_new(record.kind, record.amount, &record.reason, &record.document).map_err(
            |error| {
                let field = match error {
                    CashError::Empty { field: "reason" } => "reason",
                    CashError::Empty { .. } => "document",
                    _ => "amount",
                };
                RestoreError::invalid("CashMovement", field, error)
            },
        )
    }
}

/// What the law says about a cash deal of a given size.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{CashLimitCheck, CashLimits};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let limits = CashLimits::latvia();
/// assert_eq!(limits.check(eur(dec!(1500)))?, CashLimitCheck::Allowed);
/// assert_eq!(limits.check(eur(dec!(1500.01)))?, CashLimitCheck::Declarable);
/// assert_eq!(limits.check(eur(dec!(7200.01)))?, CashLimitCheck::Forbidden);
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "verdict"))]
pub enum CashLimitCheck {
    /// Allowed, nothing to report.
    Allowed,
    /// Allowed, but between taxpayers it goes into the monthly declaration to VID (due by
    /// the 15th of the next month).
    Declarable,
    /// Forbidden: above the cap for cash deals.
    Forbidden,
}

/// The legal cash limits: a cap on cash deals and a threshold for the monthly declaration.
///
/// The amounts are data (`docs/sources.md` §10 tags them confirmed, but laws change):
/// [`CashLimits::latvia`] is the law "Par nodokļiem un nodevām" art. 30 (no cash deal over
/// 7 200 EUR, one operation or several linked ones) and MK noteikumi Nr. 237 (cash deals
/// between taxpayers over 1 500 EUR declared monthly).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashLimitCheck, CashLimits};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let limits = CashLimits::latvia();
/// let eur = |d| Money::new(d, Currency::EUR);
/// assert_eq!(limits.check(eur(dec!(1500.00)))?, CashLimitCheck::Allowed);
/// assert_eq!(limits.check(eur(dec!(1500.01)))?, CashLimitCheck::Declarable);
/// assert_eq!(limits.check(eur(dec!(7200.00)))?, CashLimitCheck::Declarable);
/// assert_eq!(limits.check(eur(dec!(7200.01)))?, CashLimitCheck::Forbidden);
/// # Ok::<(), apkalpe_payments::CashError>(())
/// ```
///
/// It deserializes through [`CashLimits::try_new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashLimitsRecord"))]
pub struct CashLimits {
    cap: Money,
    declaration_threshold: Money,
}

/// The saved form of [`CashLimits`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashLimitsRecord {
    cap: Money,
    declaration_threshold: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<CashLimitsRecord> for CashLimits {
    type Error = RestoreError;

    fn try_from(record: CashLimitsRecord) -> Result<Self, Self::Error> {
        let field = if record.cap.is_positive() {
            "declaration_threshold"
        } else {
            "cap"
        };
        CashLimits::try_new(record.cap, record.declaration_threshold)
            .map_err(|error| RestoreError::invalid("CashLimits", field, error))
    }
}

impl CashLimits {
    /// Latvia's limits: cap 7 200 EUR, declaration above 1 500 EUR (`docs/sources.md` §10 \[C4\]\[C5\]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashLimitCheck, CashLimits};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let limits = CashLimits::latvia();
    /// assert_eq!((limits.cap(), limits.declaration_threshold()), (eur(dec!(7200)), eur(dec!(1500))));
    /// let _ = CashLimitCheck::Allowed;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn latvia() -> Self {
        CashLimits {
            cap: Money::new(Decimal::new(7200, 0), Currency::EUR),
            declaration_threshold: Money::new(Decimal::new(1500, 0), Currency::EUR),
        }
    }

    /// Returns the limits of `country`, if this library has them: Latvia's
    /// ([`CashLimits::latvia`]); other countries' limits are not collected (`None`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::CashLimits;
    ///
    /// assert_eq!(CashLimits::for_country(CountryCode::LV), Some(CashLimits::latvia()));
    /// assert_eq!(CashLimits::for_country(CountryCode::LT), None);
    /// ```
    pub fn for_country(country: CountryCode) -> Option<CashLimits> {
        (country == CountryCode::LV).then(CashLimits::latvia)
    }

    /// Creates other limits (a changed law).
    ///
    /// # Errors
    ///
    /// [`CashError::Money`] when the currencies differ; [`CashError::NonPositive`] when a
    /// limit is not positive or the threshold exceeds the cap.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashLimitCheck, CashLimits};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let limits = CashLimits::latvia();
    /// let stricter = CashLimits::try_new(eur(dec!(5000)), eur(dec!(1000)))?;
    /// assert_eq!(stricter.check(eur(dec!(5000.01)))?, CashLimitCheck::Forbidden);
    /// assert_ne!(stricter, limits);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn try_new(cap: Money, declaration_threshold: Money) -> Result<Self, CashError> {
        if !cap.is_positive() || !declaration_threshold.is_positive() {
            return Err(CashError::NonPositive {
                amount: if cap.is_positive() {
                    declaration_threshold
                } else {
                    cap
                },
            });
        }
        if declaration_threshold.try_cmp(&cap)? == std::cmp::Ordering::Greater {
            return Err(CashError::NonPositive {
                amount: declaration_threshold,
            });
        }
        Ok(CashLimits {
            cap,
            declaration_threshold,
        })
    }

    /// Returns the cap.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashLimitCheck, CashLimits};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let limits = CashLimits::latvia();
    /// assert_eq!(limits.cap(), eur(dec!(7200)));
    /// let _ = CashLimitCheck::Allowed;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn cap(&self) -> Money {
        self.cap
    }

    /// Returns the declaration threshold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashLimitCheck, CashLimits};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let limits = CashLimits::latvia();
    /// assert_eq!(limits.declaration_threshold(), eur(dec!(1500)));
    /// let _ = CashLimitCheck::Allowed;
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn declaration_threshold(&self) -> Money {
        self.declaration_threshold
    }

    /// Checks a cash deal (sum the linked operations first; the sign is ignored, so refunds
    /// are checked too).
    ///
    /// # Errors
    ///
    /// [`CashError::Money`] for another currency.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{CashLimitCheck, CashLimits};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let limits = CashLimits::latvia();
    /// // A refund is checked by its size too.
    /// assert_eq!(limits.check(eur(dec!(-8000)))?, CashLimitCheck::Forbidden);
    /// # Ok::<(), apkalpe_payments::CashError>(())
    /// ```
    pub fn check(&self, amount: Money) -> Result<CashLimitCheck, CashError> {
        let amount = amount.abs();
        if amount.try_cmp(&self.cap)? == std::cmp::Ordering::Greater {
            Ok(CashLimitCheck::Forbidden)
        } else if amount.try_cmp(&self.declaration_threshold)? == std::cmp::Ordering::Greater {
            Ok(CashLimitCheck::Declarable)
        } else {
            Ok(CashLimitCheck::Allowed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur(d: Decimal) -> Money {
        Money::new(d, Currency::EUR)
    }

    #[test]
    fn change_uses_greedy_when_it_can() {
        let mut drawer = CashCount::new();
        for d in Denomination::ALL {
            drawer.add(d, 10).unwrap();
        }
        let change = drawer.make_change(eur(dec!(88.88))).unwrap();
        assert_eq!(change.total(), eur(dec!(88.88)));
        let pieces: Vec<_> = change.pieces().collect();
        assert_eq!(
            pieces,
            vec![
                (Denomination::Euro50, 1),
                (Denomination::Euro20, 1),
                (Denomination::Euro10, 1),
                (Denomination::Euro5, 1),
                (Denomination::Euro2, 1),
                (Denomination::Euro1, 1),
                (Denomination::Cent50, 1),
                (Denomination::Cent20, 1),
                (Denomination::Cent10, 1),
                (Denomination::Cent5, 1),
                (Denomination::Cent2, 1),
                (Denomination::Cent1, 1),
            ]
        );
    }

    #[test]
    fn change_backtracks_and_fails_cleanly() {
        let drawer = CashCount::new()
            .with(Denomination::Euro50, 1)
            .unwrap()
            .with(Denomination::Euro20, 3)
            .unwrap();
        let change = drawer.make_change(eur(dec!(60))).unwrap();
        assert_eq!(change.count(Denomination::Euro20), 3);
        assert_eq!(
            drawer.make_change(eur(dec!(30))).unwrap_err().code(),
            "cash.change_unavailable"
        );
        assert_eq!(
            drawer.make_change(eur(dec!(0.005))).unwrap_err().code(),
            "cash.not_whole_cents"
        );
        assert!(drawer.make_change(eur(dec!(0))).unwrap().total().is_zero());
    }

    #[test]
    fn drawer_add_is_all_or_nothing() {
        let mut drawer = CashCount::new()
            .with(Denomination::Cent1, u32::MAX)
            .unwrap();
        let more = CashCount::new()
            .with(Denomination::Euro10, 1)
            .unwrap()
            .with(Denomination::Cent1, 1)
            .unwrap();
        assert_eq!(drawer.add_all(&more).unwrap_err().code(), "cash.overflow");
        assert_eq!(drawer.count(Denomination::Euro10), 0);
    }

    #[test]
    fn drawer_remove_is_all_or_nothing() {
        let mut drawer = CashCount::new().with(Denomination::Euro10, 1).unwrap();
        let take = CashCount::new()
            .with(Denomination::Euro10, 1)
            .unwrap()
            .with(Denomination::Euro5, 1)
            .unwrap();
        assert_eq!(
            drawer.remove_all(&take).unwrap_err().code(),
            "cash.drawer_short"
        );
        assert_eq!(drawer.count(Denomination::Euro10), 1);
    }

    #[test]
    fn mixed_tender_rounds_only_cash() {
        let policy = CashRounding::builtin();
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let t = CashTender::settle(
            &policy,
            CountryCode::EE,
            day,
            eur(dec!(20.07)),
            eur(dec!(10.00)),
            eur(dec!(20)),
        )
        .unwrap();
        assert_eq!(t.settlement.cash_due(), eur(dec!(10.05)));
        assert_eq!(t.change, eur(dec!(9.95)));
        let short = CashTender::settle(
            &policy,
            CountryCode::EE,
            day,
            eur(dec!(20.07)),
            eur(dec!(10.00)),
            eur(dec!(10)),
        );
        assert_eq!(short.unwrap_err().code(), "cash.insufficient_tender");
    }

    #[test]
    #[cfg(feature = "serde")]
    fn restore_reasons_reach_the_latvian_message() {
        use apkalpe_core::{Language, LocalizedError};
        let cases = [
            (
                serde_json::json!({"pieces": {"0.03": 1}}),
                "no euro note or coin has this value",
                "nevar atjaunot CashCount: pieces[\"0.03\"]: nevienai eiro banknotei vai monētai nav šādas vērtības (atslēgas ir no \"500.00\" līdz \"0.01\")",
            ),
            (
                serde_json::json!({}),
                "the pieces by denomination are missing",
                "nevar atjaunot CashCount: pieces: nav norādīti gabali pa nominālvērtībām",
            ),
        ];
        for (saved, english, latvian) in cases {
            let record: CashCountRecord = serde_json::from_value(saved.clone()).unwrap();
            let error = CashCount::try_from(record).unwrap_err();
            // The very refusal the public `Deserialize` reports (in English: serde keeps text).
            let public = serde_json::from_value::<CashCount>(saved).unwrap_err();
            assert_eq!(public.to_string(), error.to_string());
            assert!(error.to_string().contains(english), "{error}");
            let in_latvian = error.message_in(Language::Latvian);
            assert!(in_latvian.ends_with(latvian), "{in_latvian}");
            assert!(!in_latvian.contains(english), "{in_latvian}");
        }
    }
}
