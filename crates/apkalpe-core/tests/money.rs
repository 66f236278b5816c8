//! Properties of money, rounding, VAT and cash rounding.

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{CashRounding, CountryCode, Currency, Money, VatAmounts, VatRate, parse_amount};
use apkalpe_testkit::strategy;
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

proptest! {
    #[test]
    fn allocation_sums_to_the_total(total in strategy::money(), ratios in strategy::ratios()) {
        let parts = total.allocate(&ratios).unwrap();
        prop_assert_eq!(parts.len(), ratios.len());
        prop_assert_eq!(Money::try_sum(total.currency(), parts.iter().copied()).unwrap(), total);
        for (part, ratio) in parts.iter().zip(&ratios) {
            prop_assert!(part.is_in_minor_units());
            if ratio.is_zero() {
                prop_assert!(part.is_zero());
            }
        }
    }

    #[test]
    fn allocation_parts_differ_from_exact_shares_by_less_than_one_unit(
        total in strategy::money_in(Currency::EUR),
        parts in 1usize..=50,
    ) {
        let split = total.allocate_evenly(parts).unwrap();
        let max = split.iter().map(Money::amount).max().unwrap();
        let min = split.iter().map(Money::amount).min().unwrap();
        prop_assert!(max - min <= dec!(0.01));
    }

    #[test]
    fn display_parses_back(money in strategy::money()) {
        let shown = money.to_string();
        prop_assert_eq!(shown.parse::<Money>().unwrap(), money);
    }

    #[test]
    fn precise_display_parses_back(money in strategy::precise_eur()) {
        prop_assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
    }

    #[test]
    fn latvian_form_parses_back(money in strategy::money_in(Currency::EUR)) {
        let localized = money.to_localized_string(apkalpe_core::Language::Latvian);
        let number = localized.trim_end_matches('€').trim_end_matches('\u{a0}');
        prop_assert_eq!(parse_amount(number).unwrap(), money.amount());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip(money in strategy::precise_eur()) {
        let json = serde_json::to_string(&money).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }

    #[test]
    fn parser_never_panics(text in "\\PC*") {
        let _ = parse_amount(&text);
        let _ = text.parse::<Money>();
        let _ = Money::parse(&text, Currency::EUR);
    }

    #[test]
    fn parser_never_panics_on_amount_like_text(text in "[-+0-9 .,\u{a0}eE_]{0,40}") {
        if let Ok(value) = parse_amount(&text) {
            // Whatever parses has no more digits than were typed.
            let typed = text.chars().filter(char::is_ascii_digit).count();
            prop_assert!(value.mantissa().unsigned_abs().to_string().len() <= typed.max(1));
        }
    }

    #[test]
    fn rounding_lands_on_the_increment_within_one_step(
        money in strategy::precise_eur(),
        strategy_index in 0usize..4,
    ) {
        let strategies = [
            RoundingStrategy::HalfAwayFromZero,
            RoundingStrategy::HalfEven,
            RoundingStrategy::TowardZero,
            RoundingStrategy::AwayFromZero,
        ];
        for increment in [dec!(0.01), dec!(0.05)] {
            let rounding = Rounding::try_new(strategies[strategy_index], increment).unwrap();
            let rounded = money.round(rounding).unwrap().amount();
            prop_assert_eq!(rounded % increment, Decimal::ZERO);
            prop_assert!((rounded - money.amount()).abs() < increment);
        }
    }

    #[test]
    fn vat_parts_add_up(net in strategy::money_in(Currency::EUR), percent in 0u32..=100) {
        let rate = VatRate::try_new(Decimal::from(percent)).unwrap();
        let cents = Rounding::CENTS_HALF_AWAY_FROM_ZERO;
        let forward = VatAmounts::from_net(net, rate, cents).unwrap();
        prop_assert_eq!(forward.net().checked_add(forward.vat()).unwrap(), forward.gross());
        let back = VatAmounts::from_gross(forward.gross(), rate, cents).unwrap();
        prop_assert_eq!(back.net().checked_add(back.vat()).unwrap(), back.gross());
        // Taking VAT out of a gross amount lands within a cent of the original net.
        prop_assert!((back.net().amount() - net.amount()).abs() <= dec!(0.01));
    }

    #[test]
    fn cash_rounding_moves_at_most_two_cents_and_only_cash(
        total in strategy::money_in(Currency::EUR),
        card_share in 0u32..=100,
    ) {
        let policy = CashRounding::builtin();
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let non_cash = total
            .checked_mul(Decimal::from(card_share) / dec!(100))
            .unwrap()
            .round(Rounding::to_cents(RoundingStrategy::TowardZero))
            .unwrap();
        let settled = policy.settle(CountryCode::EE, date, total, non_cash).unwrap();
        prop_assert_eq!(settled.non_cash(), non_cash);
        prop_assert!(settled.difference().amount().abs() <= dec!(0.02));
        prop_assert_eq!(settled.cash_due().amount() % dec!(0.05), Decimal::ZERO);
        let latvia = policy.settle(CountryCode::LV, date, total, non_cash).unwrap();
        prop_assert!(latvia.difference().is_zero());
    }
}

#[test]
fn issue_examples_parse() {
    for (text, expected) in [
        ("12.34", dec!(12.34)),
        ("12,34", dec!(12.34)),
        ("1 234,56", dec!(1234.56)),
        ("-0,05", dec!(-0.05)),
    ] {
        assert_eq!(parse_amount(text).unwrap(), expected, "{text}");
    }
}
