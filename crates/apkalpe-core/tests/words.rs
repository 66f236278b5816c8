//! Amounts in words: one snapshot table per language, plus properties over the whole range.
// clippy.toml's allow-unwrap-in-tests covers `#[test]` functions only, not the table helpers.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use apkalpe_core::{
    Capitalization, CentsStyle, Currency, Language, LatvianEuroWord, Money, WordsError,
    WordsOptions, amount_in_words,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The amounts of every table: boundaries of each grammar rule, then realistic totals.
const AMOUNTS: &[&str] = &[
    "0.00",
    "0.01",
    "0.02",
    "0.04",
    "0.05",
    "0.10",
    "0.11",
    "0.12",
    "0.14",
    "0.21",
    "0.22",
    "0.25",
    "0.99",
    "1.00",
    "1.01",
    "2.00",
    "3.03",
    "4.00",
    "5.00",
    "6.00",
    "7.00",
    "8.00",
    "9.00",
    "10.00",
    "11.00",
    "12.00",
    "13.00",
    "14.00",
    "15.00",
    "16.00",
    "17.00",
    "19.00",
    "20.00",
    "21.00",
    "22.00",
    "25.00",
    "30.00",
    "40.00",
    "50.00",
    "60.00",
    "70.00",
    "80.00",
    "90.00",
    "99.00",
    "100.00",
    "101.00",
    "110.00",
    "111.00",
    "121.00",
    "123.45",
    "200.00",
    "300.00",
    "400.00",
    "500.00",
    "999.00",
    "1000.00",
    "1001.00",
    "1100.00",
    "1234.56",
    "2000.00",
    "5000.00",
    "11000.00",
    "21000.00",
    "22000.00",
    "100000.00",
    "101000.00",
    "121121.21",
    "999999.00",
    "1000000.00",
    "1000001.00",
    "2000000.00",
    "5000000.00",
    "21000000.21",
    "101000000.00",
    "1000000000.00",
    "2000000000.00",
    "21000000000.00",
    "999999999999.99",
    "-0.01",
    "-5.25",
    "-1234.56",
];

fn table(language: Language, options: &WordsOptions) -> String {
    let mut table = String::new();
    for text in AMOUNTS {
        let amount = Decimal::from_str_exact(text).unwrap();
        let words = amount_in_words(&Money::new(amount, Currency::EUR), language, options).unwrap();
        table.push_str(text);
        table.push('\t');
        table.push_str(&words);
        table.push('\n');
    }
    table
}

/// Asserts a text snapshot under its explicit `words__<case>` name, without the module prefix.
macro_rules! snapshot {
    ($name:literal, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

fn eur(amount: Decimal, language: Language) -> String {
    amount_in_words(
        &Money::new(amount, Currency::EUR),
        language,
        &WordsOptions::default(),
    )
    .unwrap()
}

#[test]
fn latvian_table() {
    assert_eq!(
        eur(dec!(123.45), Language::Latvian),
        "viens simts divdesmit trīs euro un četrdesmit pieci centi"
    );
    snapshot!(
        "words__lv",
        table(Language::Latvian, &WordsOptions::default())
    );
}

#[test]
fn latvian_table_with_cents_in_figures() {
    let options = WordsOptions::default().with_cents(CentsStyle::Figures);
    let money = Money::new(dec!(123.45), Currency::EUR);
    assert_eq!(
        amount_in_words(&money, Language::Latvian, &options).unwrap(),
        "viens simts divdesmit trīs euro un 45 centi"
    );
    snapshot!("words__lv_figures", table(Language::Latvian, &options));
}

#[test]
fn english_table() {
    assert_eq!(
        eur(dec!(123.45), Language::English),
        "one hundred twenty-three euro and forty-five cents"
    );
    snapshot!(
        "words__en",
        table(Language::English, &WordsOptions::default())
    );
}

#[test]
fn german_table() {
    assert_eq!(
        eur(dec!(123.45), Language::German),
        "einhundertdreiundzwanzig Euro und fünfundvierzig Cent"
    );
    snapshot!(
        "words__de",
        table(Language::German, &WordsOptions::default())
    );
}

#[test]
fn russian_table() {
    assert_eq!(
        eur(dec!(123.45), Language::Russian),
        "сто двадцать три евро сорок пять центов"
    );
    snapshot!(
        "words__ru",
        table(Language::Russian, &WordsOptions::default())
    );
}

#[test]
fn other_currencies() {
    let options = WordsOptions::default();
    let mut lines = String::new();
    for (amount, currency) in [
        (dec!(1.01), Currency::USD),
        (dec!(22.05), Currency::USD),
        (dec!(1.01), Currency::GBP),
        (dec!(21.02), Currency::GBP),
        (dec!(1), Currency::JPY),
        (dec!(22), Currency::JPY),
    ] {
        for language in Language::ALL {
            let money = Money::new(amount, currency);
            let words = amount_in_words(&money, language, &options).unwrap();
            lines.push_str(&format!("{amount} {currency}\t{language}\t{words}\n"));
        }
    }
    let money = Money::new(dec!(21.02), Currency::GBP);
    assert_eq!(
        amount_in_words(&money, Language::Latvian, &options).unwrap(),
        "divdesmit viena mārciņa un divi pensi"
    );
    snapshot!("words__other_currencies", lines);
}

#[test]
fn errors_have_stable_codes() {
    let options = WordsOptions::default();
    let cases = [
        (
            Money::new(dec!(1000000000000), Currency::EUR),
            "words.out_of_range",
        ),
        (
            Money::new(dec!(-1000000000000.50), Currency::EUR),
            "words.out_of_range",
        ),
        (Money::new(dec!(0.001), Currency::EUR), "words.too_precise"),
        (Money::new(dec!(0.1), Currency::JPY), "words.too_precise"),
        (
            Money::new(dec!(1), Currency::SEK),
            "words.unsupported_currency",
        ),
    ];
    for (money, code) in cases {
        for language in Language::ALL {
            let error = amount_in_words(&money, language, &options).unwrap_err();
            assert_eq!(error.code(), code, "{money:?} {language}");
        }
    }
    assert_eq!(
        amount_in_words(
            &Money::new(dec!(1), Currency::CHF),
            Language::English,
            &options
        ),
        Err(WordsError::UnsupportedCurrency {
            currency: Currency::CHF,
            language: Language::English
        })
    );
}

/// Every option combination, so that each property covers them all.
fn all_options() -> Vec<WordsOptions> {
    let mut all = Vec::new();
    for cents in [CentsStyle::Words, CentsStyle::Figures] {
        for euro in [LatvianEuroWord::Euro, LatvianEuroWord::Eiro] {
            for capitalization in [Capitalization::Lowercase, Capitalization::FirstLetter] {
                all.push(
                    WordsOptions::default()
                        .with_cents(cents)
                        .with_latvian_euro_word(euro)
                        .with_capitalization(capitalization),
                );
            }
        }
    }
    all
}

/// Amounts in cents across the whole range, weighted toward small values and group edges.
fn cents_in_range() -> impl Strategy<Value = i64> {
    const MAX: i64 = 99_999_999_999_999;
    prop_oneof![
        -10_000_i64..=10_000,
        -MAX..=MAX,
        // One cent either side of 10^power whole units: 0.99, 1.00, 1.01, …, 99999999999.99.
        (0_u32..=11, -1_i64..=1, any::<bool>()).prop_map(|(power, offset, negative)| {
            let cents = 10_i64.pow(power) * 100 + offset;
            if negative { -cents } else { cents }
        }),
        Just(MAX),
        Just(-MAX),
    ]
}

fn assert_clean(words: &str) {
    assert!(!words.is_empty());
    assert!(!words.contains("  "), "double space in {words:?}");
    assert!(
        !words.starts_with(' ') && !words.ends_with(' '),
        "{words:?}"
    );
}

proptest! {
    #[test]
    fn every_amount_in_range_is_written(cents in cents_in_range()) {
        let amount = Decimal::new(cents, 2);
        for currency in [Currency::EUR, Currency::USD, Currency::GBP] {
            let money = Money::new(amount, currency);
            for language in Language::ALL {
                for options in all_options() {
                    let words = amount_in_words(&money, language, &options);
                    prop_assert!(words.is_ok(), "{amount} {currency} {language}: {words:?}");
                    let words = words.unwrap();
                    assert_clean(&words);
                    let negative = words.to_lowercase().starts_with("mīnus")
                        || words.to_lowercase().starts_with("minus")
                        || words.to_lowercase().starts_with("минус");
                    prop_assert_eq!(negative, cents < 0, "{}", words);
                }
            }
        }
    }

    #[test]
    fn whole_yen_in_range_are_written(yen in -999_999_999_999_i64..=999_999_999_999) {
        let money = Money::new(Decimal::from(yen), Currency::JPY);
        for language in Language::ALL {
            let words = amount_in_words(&money, language, &WordsOptions::default()).unwrap();
            assert_clean(&words);
        }
    }

    #[test]
    fn any_decimal_gives_words_or_a_documented_error(
        mantissa in -(1_i128 << 96) + 1..(1_i128 << 96),
        scale in 0_u32..=28,
    ) {
        let amount = Decimal::from_i128_with_scale(mantissa, scale);
        let money = Money::new(amount, Currency::EUR);
        for language in Language::ALL {
            match amount_in_words(&money, language, &WordsOptions::default()) {
                Ok(words) => assert_clean(&words),
                Err(error) => prop_assert!(
                    matches!(error.code(), "words.out_of_range" | "words.too_precise"),
                    "{error:?}"
                ),
            }
        }
    }

    #[test]
    fn trailing_zeros_do_not_change_the_words(cents in cents_in_range(), zeros in 1_u32..=10) {
        let amount = Decimal::new(cents, 2);
        let padded = Decimal::from_str(&format!("{amount}{}", "0".repeat(zeros as usize))).unwrap();
        prop_assume!(padded == amount);
        for language in Language::ALL {
            prop_assert_eq!(eur(amount, language), eur(padded, language));
        }
    }
}
