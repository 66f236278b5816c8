use rust_decimal_macros::dec;

use super::*;
use crate::Language;

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

#[test]
fn display_pads_to_minor_units_and_keeps_extra_digits() {
    assert_eq!(eur(dec!(1234.5)).to_string(), "1234.50 EUR");
    assert_eq!(eur(dec!(-0.05)).to_string(), "-0.05 EUR");
    assert_eq!(eur(dec!(0.1234)).to_string(), "0.1234 EUR");
    assert_eq!(Money::new(dec!(12), Currency::JPY).to_string(), "12 JPY");
    assert_eq!(eur(-Decimal::ZERO).to_string(), "0.00 EUR");
}

#[test]
fn debug_is_compact() {
    // Issue 16: `Money`'s Debug output was the long struct of a `Decimal` and a `Currency`.
    assert_eq!(format!("{:?}", eur(dec!(12.50))), "Money(12.50 EUR)");
    assert_eq!(format!("{:?}", eur(dec!(0.1234))), "Money(0.1234 EUR)");
    assert_eq!(
        format!("{:?}", Money::new(dec!(-3), Currency::JPY)),
        "Money(-3 JPY)"
    );
    assert_eq!(
        format!("{:?}", [eur(dec!(1)), eur(dec!(2.5))]),
        "[Money(1.00 EUR), Money(2.50 EUR)]"
    );
    assert_eq!(
        format!("{:#?}", Some(eur(dec!(1)))),
        "Some(\n    Money(1.00 EUR),\n)"
    );
}

#[test]
fn parses_the_issue_examples() {
    assert_eq!(parse_amount("12.34"), Ok(dec!(12.34)));
    assert_eq!(parse_amount("12,34"), Ok(dec!(12.34)));
    assert_eq!(parse_amount("1 234,56"), Ok(dec!(1234.56)));
    assert_eq!(parse_amount("-0,05"), Ok(dec!(-0.05)));
    assert_eq!(parse_amount("1\u{a0}234\u{a0}567,8"), Ok(dec!(1234567.8)));
    assert_eq!(parse_amount("0"), Ok(dec!(0)));
    assert_eq!(parse_amount(" 7 "), Ok(dec!(7)));
}

#[test]
fn rejects_everything_else_with_the_place() {
    let cases: [(&str, &str); 16] = [
        ("", "amount.empty"),
        ("   ", "amount.empty"),
        ("-", "amount.missing_digits"),
        (".5", "amount.missing_digits"),
        ("5.", "amount.missing_digits"),
        ("1,234.56", "amount.unexpected_character"),
        ("1e5", "amount.unexpected_character"),
        ("1_000", "amount.unexpected_character"),
        ("+5", "amount.unexpected_character"),
        ("€5", "amount.unexpected_character"),
        ("12 34", "amount.grouping"),
        ("1234 567", "amount.grouping"),
        ("1 2345", "amount.grouping"),
        ("1  234", "amount.unexpected_character"),
        ("012", "amount.leading_zero"),
        ("12345678901234567890123456789", "amount.too_many_digits"),
    ];
    for (text, code) in cases {
        let error = parse_amount(text).unwrap_err();
        assert_eq!(error.code(), code, "{text:?}: {error}");
    }
    assert_eq!(
        parse_amount("12.3x"),
        Err(ParseMoneyError::UnexpectedCharacter {
            position: 4,
            found: 'x'
        })
    );
    assert_eq!(
        parse_amount("12 34"),
        Err(ParseMoneyError::Grouping { position: 4 })
    );
}

#[test]
fn money_parse_limits_decimals_to_minor_units() {
    assert_eq!(Money::parse("1,5", Currency::EUR), Ok(eur(dec!(1.5))));
    assert_eq!(
        Money::parse("1,234", Currency::EUR),
        Err(ParseMoneyError::TooManyDecimals {
            found: 3,
            max: 2,
            currency: Currency::EUR
        })
    );
    assert!(Money::parse("1.5", Currency::JPY).is_err());
}

#[test]
fn from_str_reads_display() {
    assert_eq!("1234.56 EUR".parse::<Money>(), Ok(eur(dec!(1234.56))));
    assert_eq!("1 234,56 eur".parse::<Money>(), Ok(eur(dec!(1234.56))));
    assert_eq!(
        "12.50".parse::<Money>().unwrap_err().code(),
        "amount.missing_currency"
    );
    assert_eq!(
        "12.50 XYZ".parse::<Money>().unwrap_err().code(),
        "currency.unknown"
    );
}

#[test]
fn arithmetic_is_checked() {
    let max = eur(Decimal::MAX);
    assert_eq!(
        max.checked_add(eur(dec!(1))).unwrap_err().code(),
        "money.overflow"
    );
    assert_eq!(
        max.checked_mul(dec!(2)).unwrap_err().code(),
        "money.overflow"
    );
    assert_eq!(
        eur(dec!(1)).checked_sub(Money::new(dec!(1), Currency::SEK)),
        Err(MoneyError::CurrencyMismatch {
            operation: "subtract",
            left: Currency::EUR,
            right: Currency::SEK
        })
    );
    assert_eq!(
        Money::try_sum(
            Currency::EUR,
            [eur(dec!(1)), Money::new(dec!(1), Currency::PLN)]
        )
        .unwrap_err()
        .code(),
        "money.currency_mismatch"
    );
    assert_eq!(
        Money::try_sum(Currency::EUR, []),
        Ok(Money::zero(Currency::EUR))
    );
    assert!(
        eur(dec!(-1)).is_negative() && !eur(dec!(0)).is_negative() && eur(dec!(1)).is_positive()
    );
}

#[test]
fn equality_needs_the_same_currency() {
    assert_eq!(eur(dec!(1.5)), eur(dec!(1.50)));
    assert_ne!(eur(dec!(1)), Money::new(dec!(1), Currency::USD));
}

#[test]
fn allocation_gives_cents_to_the_largest_remainders() {
    let parts = eur(dec!(10.00))
        .allocate(&[dec!(1), dec!(2), dec!(3)])
        .unwrap();
    assert_eq!(
        parts.iter().map(Money::amount).collect::<Vec<_>>(),
        [dec!(1.67), dec!(3.33), dec!(5.00)]
    );
    let negative = eur(dec!(-0.03)).allocate_evenly(2).unwrap();
    assert_eq!(
        negative.iter().map(Money::amount).collect::<Vec<_>>(),
        [dec!(-0.02), dec!(-0.01)]
    );
    let zero_ratio = eur(dec!(1)).allocate(&[dec!(0), dec!(1)]).unwrap();
    assert_eq!(zero_ratio[0].amount(), dec!(0));
    assert_eq!(
        eur(dec!(1)).allocate(&[]).unwrap_err().code(),
        "money.no_parts"
    );
    assert_eq!(
        eur(dec!(1)).allocate(&[dec!(0)]).unwrap_err().code(),
        "money.zero_ratios"
    );
    assert_eq!(
        eur(dec!(1))
            .allocate(&[dec!(-1), dec!(2)])
            .unwrap_err()
            .code(),
        "money.negative_ratio"
    );
    assert_eq!(
        eur(dec!(1.001)).allocate_evenly(2).unwrap_err().code(),
        "money.not_in_minor_units"
    );
    assert_eq!(
        eur(dec!(1)).allocate_evenly(0).unwrap_err().code(),
        "money.no_parts"
    );
}

#[test]
fn localized_forms() {
    let nbsp = '\u{a0}';
    assert_eq!(
        eur(dec!(1234.56)).to_localized_string(Language::Latvian),
        format!("1{nbsp}234,56{nbsp}€")
    );
    assert_eq!(
        eur(dec!(-1234567)).to_localized_string(Language::Russian),
        format!("-1{nbsp}234{nbsp}567,00{nbsp}€")
    );
    assert_eq!(
        eur(dec!(999)).to_localized_string(Language::German),
        format!("999,00{nbsp}€")
    );
    assert_eq!(
        Money::new(dec!(-5), Currency::USD).to_localized_string(Language::English),
        "-$5.00"
    );
    assert_eq!(
        Money::new(dec!(5), Currency::SEK).to_localized_string(Language::English),
        format!("5.00{nbsp}SEK")
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_shape_is_amount_string_and_code() {
    let json = serde_json::to_string(&eur(dec!(12.5))).unwrap();
    assert_eq!(json, r#"{"amount":"12.50","currency":"EUR"}"#);
    assert_eq!(
        serde_json::from_str::<Money>(&json).unwrap(),
        eur(dec!(12.5))
    );
    assert!(serde_json::from_str::<Money>(r#"{"amount":"1e3","currency":"EUR"}"#).is_err());
    assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"EUR","x":1}"#).is_err());
}

#[test]
fn negation_and_absolute_value() {
    assert_eq!(eur(dec!(1.5)).negated(), eur(dec!(-1.5)));
    assert_eq!(eur(dec!(-2)).negated(), eur(dec!(2)));
    assert_eq!(eur(dec!(0)).negated().to_string(), "0.00 EUR");
    assert_eq!(eur(Decimal::MIN).negated(), eur(Decimal::MAX));
    assert_eq!(eur(dec!(-3.10)).abs(), eur(dec!(3.1)));
}
