//! Strategies for money and amounts, cash rounding and VAT.

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{
    CashRounding, CashRoundingRule, CashSettlement, CountryCode, Currency, Money,
    PublicationLanguage, VatAmounts, VatCategory, VatClassSchedule, VatRate, VatRateClass,
    VatRateEntry, VatRateTable,
};
use chrono::{Days, NaiveDate};
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

/// Any rounding strategy.
fn rounding_strategy() -> impl Strategy<Value = RoundingStrategy> {
    proptest::sample::select(vec![
        RoundingStrategy::HalfAwayFromZero,
        RoundingStrategy::HalfEven,
        RoundingStrategy::TowardZero,
        RoundingStrategy::AwayFromZero,
    ])
}

/// A rounding: to cents or 0.05 (the cash increments), or to 0–4 decimal places, with any
/// strategy.
pub fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![
        2 => Just(Rounding::CASH_5_CENTS),
        2 => Just(Rounding::CENTS_HALF_AWAY_FROM_ZERO),
        2 => rounding_strategy().prop_map(Rounding::to_cents),
        1 => (rounding_strategy(), 0_u32..=4)
            .prop_map(|(strategy, places)| Rounding::to_places(strategy, places)),
        1 => (rounding_strategy(), prop::sample::select(vec![5_i64, 10, 50, 100]))
            .prop_map(|(strategy, cents)| {
                Rounding::try_new(strategy, Decimal::new(cents, 2)).expect("a positive increment")
            }),
    ]
}

/// A date of 2011–2031, the years of the euro in the Baltic states and of the cash-rounding
/// laws.
fn euro_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2011, 1, 1).expect("a valid date");
    prop_oneof![
        4 => (0_u64..=7670).prop_map(move |offset| first + Days::new(offset)),
        1 => prop::sample::select(vec![
            NaiveDate::from_ymd_opt(2024, 12, 31).expect("a valid date"),
            NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date"),
            NaiveDate::from_ymd_opt(2025, 4, 30).expect("a valid date"),
            NaiveDate::from_ymd_opt(2025, 5, 1).expect("a valid date"),
        ]),
    ]
}

/// A row of a cash-rounding table, built with [`CashRoundingRule::new`]: a country, a currency,
/// a start date, a rounding or none, and a legal basis.
pub fn cash_rounding_rule() -> impl Strategy<Value = CashRoundingRule> {
    let countries = vec![
        CountryCode::LV,
        CountryCode::EE,
        CountryCode::LT,
        CountryCode::DE,
    ];
    let bases = vec![
        "hypothetical law",
        "Likums par skaidrās naudas noapaļošanu",
        "",
    ];
    (
        prop::sample::select(countries),
        prop_oneof![3 => Just(Currency::EUR), 1 => currency()],
        euro_date(),
        proptest::option::of(rounding()),
        prop::sample::select(bases),
    )
        .prop_map(|(country, currency, from, rounding, basis)| {
            CashRoundingRule::new(country, currency, from, rounding, basis)
        })
}

/// A cash-rounding policy: the built-in table with a few rules added by
/// [`CashRounding::with_rule`], or any rules given to [`CashRounding::from_rules`] (which may
/// hold two rows for one country and date).
pub fn cash_rounding() -> impl Strategy<Value = CashRounding> {
    prop_oneof![
        2 => prop::collection::vec(cash_rounding_rule(), 0..4).prop_map(|rules| {
            rules
                .into_iter()
                .fold(CashRounding::builtin(), CashRounding::with_rule)
        }),
        1 => prop::collection::vec(cash_rounding_rule(), 0..6).prop_map(CashRounding::from_rules),
    ]
}

/// A settlement of the built-in policy: a euro bill in Latvia, Estonia or Lithuania paid
/// partly or wholly in cash (refunds included), on a date of 2014–2031.
pub fn cash_settlement() -> impl Strategy<Value = CashSettlement> {
    let countries = vec![CountryCode::LV, CountryCode::EE, CountryCode::LT];
    (
        prop::sample::select(countries),
        euro_date(),
        money_in(Currency::EUR),
        prop_oneof![Just(0_u32), 0_u32..=100],
    )
        .prop_filter_map(
            "no rule on the date, or arithmetic overflow",
            |(country, date, total, percent)| {
                let share = total.amount() * Decimal::from(percent) / Decimal::ONE_HUNDRED;
                let non_cash = Money::new(
                    Rounding::CENTS_HALF_AWAY_FROM_ZERO.apply(share).ok()?,
                    Currency::EUR,
                );
                let non_cash = if total.is_negative() {
                    Money::zero(Currency::EUR)
                } else {
                    non_cash
                };
                CashRounding::builtin()
                    .settle(country, date, total, non_cash)
                    .ok()
            },
        )
}

/// A VAT rate: the Latvian ones (0, 5, 12, 21, 22 %) or any percentage from 0 to 100 with up
/// to two decimals.
pub fn vat_rate() -> impl Strategy<Value = VatRate> {
    prop_oneof![
        2 => prop::sample::select(vec![0_i64, 5, 12, 21, 22]).prop_map(Decimal::from),
        1 => (0_i64..=10_000).prop_map(|basis_points| Decimal::new(basis_points, 2)),
    ]
    .prop_map(|percent| VatRate::try_new(percent).expect("a rate from 0 to 100"))
}

/// VAT on a net or out of a gross euro amount ([`VatAmounts::from_net`],
/// [`VatAmounts::from_gross`]) with any [`rounding()`].
pub fn vat_amounts() -> impl Strategy<Value = VatAmounts> {
    (
        money_in(Currency::EUR),
        vat_rate(),
        rounding(),
        any::<bool>(),
    )
        .prop_filter_map(
            "arithmetic overflow",
            |(amount, rate, rounding, from_net)| {
                if from_net {
                    VatAmounts::from_net(amount, rate, rounding).ok()
                } else {
                    VatAmounts::from_gross(amount, rate, rounding).ok()
                }
            },
        )
}

/// A VAT rate table: the Latvian one with entries added by [`VatRateTable::with_entry`], or any
/// entries given to [`VatRateTable::from_entries`].
pub fn vat_rate_table() -> impl Strategy<Value = VatRateTable> {
    prop_oneof![
        2 => prop::collection::vec(vat_rate_entry(), 0..4).prop_map(|entries| {
            entries
                .into_iter()
                .fold(VatRateTable::latvia(), VatRateTable::with_entry)
        }),
        1 => prop::collection::vec(vat_rate_entry(), 0..6).prop_map(VatRateTable::from_entries),
    ]
}

/// Any VAT rate class.
pub fn vat_rate_class() -> impl Strategy<Value = VatRateClass> {
    prop::sample::select(vec![
        VatRateClass::Standard,
        VatRateClass::Reduced,
        VatRateClass::SecondReduced,
        VatRateClass::Zero,
    ])
}

/// A VAT class schedule: a constant class, one of the Latvian presets, or a preset with
/// changes added by [`VatClassSchedule::with_change`], with starts weighted to the dates the
/// law moves goods (2026-01-01, 2026-07-01, 2027-07-01) and their eves.
pub fn vat_class_schedule() -> impl Strategy<Value = VatClassSchedule> {
    let preset = prop_oneof![
        vat_rate_class().prop_map(VatClassSchedule::constant),
        Just(VatClassSchedule::latvian_staple_food()),
        Just(VatClassSchedule::latvian_fresh_produce()),
        Just(VatClassSchedule::latvian_book(
            PublicationLanguage::Qualifying
        )),
        Just(VatClassSchedule::latvian_book(PublicationLanguage::Other)),
    ];
    let change_date = prop_oneof![
        prop::sample::select(vec![
            (2026, 1, 1),
            (2026, 6, 30),
            (2026, 7, 1),
            (2027, 7, 1)
        ])
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a real date")),
        euro_date(),
    ];
    (
        preset,
        prop::collection::vec((change_date, vat_rate_class()), 0..3),
    )
        .prop_map(|(schedule, changes)| {
            changes
                .into_iter()
                .fold(schedule, |schedule, (from, class)| {
                    schedule.with_change(from, class)
                })
        })
}

/// A row of a VAT rate table: any class, start date, rate and category.
fn vat_rate_entry() -> impl Strategy<Value = VatRateEntry> {
    let class = prop::sample::select(vec![
        VatRateClass::Standard,
        VatRateClass::Reduced,
        VatRateClass::SecondReduced,
        VatRateClass::Zero,
    ]);
    (
        class,
        euro_date(),
        vat_rate(),
        prop::sample::select(VatCategory::ALL.to_vec()),
    )
        .prop_map(|(class, effective_from, rate, category)| VatRateEntry {
            class,
            effective_from,
            rate,
            category,
        })
}
