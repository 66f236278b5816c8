//! Strategies for money and amounts.

use apkalpe_core::{Currency, Money};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Any currency of the built-in table.
pub fn currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(Currency::ALL.to_vec())
}

/// An amount in minor units of a currency with `minor_units` decimals, weighted toward the
/// boundaries: zero, one minor unit, half a cent steps, 0.99, 1.00, large values.
pub fn amount_in_minor_units(minor_units: u32) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => -100_000_000i64..=100_000_000i64,
        1 => prop::sample::select(vec![0i64, 1, -1, 5, 99, 100, 101, 999, 1000, 1001]),
        1 => -99_999_999_999_999i64..=99_999_999_999_999i64,
    ]
    .prop_map(move |units| Decimal::new(units, minor_units))
}

/// Any amount in `currency`, in whole minor units.
pub fn money_in(currency: Currency) -> impl Strategy<Value = Money> {
    amount_in_minor_units(currency.minor_units())
        .prop_map(move |amount| Money::new(amount, currency))
}

/// Any amount in any currency, in whole minor units.
pub fn money() -> impl Strategy<Value = Money> {
    currency().prop_flat_map(money_in)
}

/// A euro amount with up to six decimals (unit prices, VAT before rounding), including
/// the halfway cases 0.005 and 0.015.
pub fn precise_eur() -> impl Strategy<Value = Money> {
    prop_oneof![
        (-10_000_000_000i64..=10_000_000_000i64, 0u32..=6)
            .prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
        prop::sample::select(vec![
            Decimal::new(5, 3),
            Decimal::new(15, 3),
            Decimal::new(-5, 3),
            Decimal::new(2345, 3),
        ]),
    ]
    .prop_map(|amount| Money::new(amount, Currency::EUR))
}

/// Allocation ratios: 1 to 12 non-negative ratios with up to 3 decimals, at least one positive.
pub fn ratios() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec((0i64..=100_000, 0u32..=3), 1..=12)
        .prop_map(|parts| {
            parts
                .into_iter()
                .map(|(mantissa, scale)| Decimal::new(mantissa, scale))
                .collect::<Vec<_>>()
        })
        .prop_filter("at least one positive ratio", |ratios| {
            ratios.iter().any(|ratio| !ratio.is_zero())
        })
}
