//! Money: an exact decimal amount in a known currency.

mod currency;

pub use currency::{Currency, ParseCurrencyError};

pub use encapsulate::Money;

mod encapsulate {
    use rust_decimal::Decimal;

    use super::Currency;

    /// An exact amount of money in one currency.
    ///
    /// The amount is a [`Decimal`]; there is no float constructor. Two values are equal only
    /// when their currencies are equal and their amounts are numerically equal.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct Money {
        amount: Decimal,
        currency: Currency,
    }

    impl Money {
        /// Creates an amount of money. Every `Decimal` is a legal amount.
        pub const fn new(amount: Decimal, currency: Currency) -> Self {
            Money { amount, currency }
        }

        /// Returns the amount.
        pub const fn amount(&self) -> Decimal {
            self.amount
        }

        /// Returns the currency.
        pub const fn currency(&self) -> Currency {
            self.currency
        }
    }
}
