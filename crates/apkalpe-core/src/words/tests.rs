//! Unit tests of amounts in words: the facts' examples and each grammar rule.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;

fn words(amount: Decimal, language: Language) -> String {
    words_with(amount, Currency::EUR, language, WordsOptions::default())
}

fn words_with(
    amount: Decimal,
    currency: Currency,
    language: Language,
    options: WordsOptions,
) -> String {
    amount_in_words(&Money::new(amount, currency), language, &options).unwrap()
}

/// Only the number: the text before the currency word.
fn number(n: u64, language: Language) -> String {
    let mut out = String::new();
    (Grammar::of(language).write_number)(&mut out, n, Gender::Masculine).unwrap();
    out
}

fn feminine(n: u64, language: Language) -> String {
    let mut out = String::new();
    (Grammar::of(language).write_number)(&mut out, n, Gender::Feminine).unwrap();
    out
}

// ---------------------------------------------------------------- `docs/sources.md` §11

#[test]
fn facts_examples_latvian() {
    // The invoice example of `docs/sources.md` §11, in words and with cents in figures.
    assert_eq!(
        words(dec!(123.45), Language::Latvian),
        "viens simts divdesmit trīs euro un četrdesmit pieci centi"
    );
    let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
    assert_eq!(
        words_with(dec!(123.45), Currency::EUR, Language::Latvian, figures),
        "viens simts divdesmit trīs euro un 45 centi"
    );
    // The num2words cases, without its gotchas.
    assert_eq!(
        words(dec!(1), Language::Latvian),
        "viens euro un nulle centu"
    );
    assert_eq!(
        words(dec!(21), Language::Latvian),
        "divdesmit viens euro un nulle centu"
    );
    assert_eq!(
        words(dec!(0.01), Language::Latvian),
        "nulle euro un viens cents"
    );
    let eiro = WordsOptions::default().with_latvian_euro_word(LatvianEuroWord::Eiro);
    assert_eq!(
        words_with(dec!(123.45), Currency::EUR, Language::Latvian, eiro),
        "viens simts divdesmit trīs eiro un četrdesmit pieci centi"
    );
}

#[test]
fn num2words_gotchas_are_not_repeated() {
    // "simts" always has its count, 101 is not "simtu viens", 1000 has "viens".
    assert_eq!(number(100, Language::Latvian), "viens simts");
    assert_eq!(number(101, Language::Latvian), "viens simts viens");
    assert_eq!(number(1000, Language::Latvian), "viens tūkstotis");
    // An integer amount is whole euro, not cents.
    assert_eq!(
        words(Decimal::from(21_u32), Language::Latvian),
        "divdesmit viens euro un nulle centu"
    );
    // Unrounded amounts are rejected, never rounded.
    let error = amount_in_words(
        &Money::new(dec!(1.005), Currency::EUR),
        Language::Latvian,
        &WordsOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error,
        WordsError::TooPrecise {
            amount: dec!(1.005),
            currency: Currency::EUR,
            minor_units: 2
        }
    );
}

// ---------------------------------------------------------------- Latvian

#[test]
fn latvian_units_teens_and_tens() {
    let expected = [
        (0, "nulle"),
        (1, "viens"),
        (2, "divi"),
        (3, "trīs"),
        (4, "četri"),
        (5, "pieci"),
        (6, "seši"),
        (7, "septiņi"),
        (8, "astoņi"),
        (9, "deviņi"),
        (10, "desmit"),
        (11, "vienpadsmit"),
        (19, "deviņpadsmit"),
        (20, "divdesmit"),
        (30, "trīsdesmit"),
        (90, "deviņdesmit"),
        (99, "deviņdesmit deviņi"),
    ];
    for (n, text) in expected {
        assert_eq!(number(n, Language::Latvian), text, "{n}");
    }
}

#[test]
fn latvian_hundreds_thousands_millions_billions() {
    let expected = [
        (100, "viens simts"),
        (101, "viens simts viens"),
        (200, "divi simti"),
        (300, "trīs simti"),
        (1000, "viens tūkstotis"),
        (1001, "viens tūkstotis viens"),
        (2000, "divi tūkstoši"),
        (11_000, "vienpadsmit tūkstoši"),
        (21_000, "divdesmit viens tūkstotis"),
        (111_000, "viens simts vienpadsmit tūkstoši"),
        (1_000_000, "viens miljons"),
        (2_000_000, "divi miljoni"),
        (11_000_000, "vienpadsmit miljoni"),
        (21_000_000, "divdesmit viens miljons"),
        (1_000_000_000, "viens miljards"),
        (2_000_000_000, "divi miljardi"),
        (
            1_002_003_004,
            "viens miljards divi miljoni trīs tūkstoši četri",
        ),
    ];
    for (n, text) in expected {
        assert_eq!(number(n, Language::Latvian), text, "{n}");
    }
}

#[test]
fn latvian_cents_agree_with_their_number() {
    let cases = [
        (dec!(1.00), "viens euro un nulle centu"),
        (dec!(0.01), "nulle euro un viens cents"),
        (dec!(0.02), "nulle euro un divi centi"),
        (dec!(0.11), "nulle euro un vienpadsmit centi"),
        (dec!(0.21), "nulle euro un divdesmit viens cents"),
    ];
    for (amount, text) in cases {
        assert_eq!(words(amount, Language::Latvian), text);
    }
}

#[test]
fn latvian_cents_in_figures_agree_with_their_value() {
    let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
    let cases = [
        (dec!(150), "viens simts piecdesmit euro un 00 centu"),
        (dec!(2.01), "divi euro un 01 cents"),
        (dec!(2.11), "divi euro un 11 centi"),
        (dec!(2.45), "divi euro un 45 centi"),
    ];
    for (amount, text) in cases {
        assert_eq!(
            words_with(amount, Currency::EUR, Language::Latvian, figures),
            text
        );
    }
}

#[test]
fn latvian_feminine_currency() {
    assert_eq!(feminine(1, Language::Latvian), "viena");
    assert_eq!(feminine(2, Language::Latvian), "divas");
    assert_eq!(feminine(21, Language::Latvian), "divdesmit viena");
    assert_eq!(feminine(11, Language::Latvian), "vienpadsmit");
    // Hundreds and thousands are masculine nouns whatever follows.
    assert_eq!(
        feminine(201_002, Language::Latvian),
        "divi simti viens tūkstotis divas"
    );
    let options = WordsOptions::default();
    assert_eq!(
        words_with(dec!(21.01), Currency::GBP, Language::Latvian, options),
        "divdesmit viena mārciņa un viens penss"
    );
    assert_eq!(
        words_with(dec!(2), Currency::JPY, Language::Latvian, options),
        "divas jenas"
    );
    assert_eq!(
        words_with(dec!(0), Currency::JPY, Language::Latvian, options),
        "nulle jenu"
    );
}

// ---------------------------------------------------------------- English

#[test]
fn english_numbers() {
    let expected = [
        (0, "zero"),
        (1, "one"),
        (11, "eleven"),
        (21, "twenty-one"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (101, "one hundred one"),
        (123, "one hundred twenty-three"),
        (1000, "one thousand"),
        (1001, "one thousand one"),
        (21_000, "twenty-one thousand"),
        (1_000_000, "one million"),
        (2_000_000, "two million"),
        (1_000_000_000, "one billion"),
    ];
    for (n, text) in expected {
        assert_eq!(number(n, Language::English), text, "{n}");
    }
}

#[test]
fn english_euro_is_invariable_and_cents_plural() {
    assert_eq!(
        words(dec!(123.45), Language::English),
        "one hundred twenty-three euro and forty-five cents"
    );
    assert_eq!(
        words(dec!(0.01), Language::English),
        "zero euro and one cent"
    );
    assert_eq!(words(dec!(1), Language::English), "one euro and zero cents");
    assert_eq!(
        words(dec!(21.21), Language::English),
        "twenty-one euro and twenty-one cents"
    );
    let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
    assert_eq!(
        words_with(dec!(123.45), Currency::EUR, Language::English, figures),
        "one hundred twenty-three euro and 45 cents"
    );
    let options = WordsOptions::default();
    assert_eq!(
        words_with(dec!(1.01), Currency::GBP, Language::English, options),
        "one pound and one penny"
    );
    assert_eq!(
        words_with(dec!(2.02), Currency::USD, Language::English, options),
        "two dollars and two cents"
    );
}

// ---------------------------------------------------------------- German

#[test]
fn german_numbers() {
    let expected = [
        (0, "null"),
        (1, "ein"),
        (2, "zwei"),
        (16, "sechzehn"),
        (17, "siebzehn"),
        (21, "einundzwanzig"),
        (30, "dreißig"),
        (77, "siebenundsiebzig"),
        (100, "einhundert"),
        (101, "einhunderteins"),
        (123, "einhundertdreiundzwanzig"),
        (1000, "eintausend"),
        (1001, "eintausendeins"),
        (21_000, "einundzwanzigtausend"),
        (101_000, "einhunderteintausend"),
        (
            999_999,
            "neunhundertneunundneunzigtausendneunhundertneunundneunzig",
        ),
        (1_000_000, "eine Million"),
        (1_000_001, "eine Million eins"),
        (2_000_000, "zwei Millionen"),
        (21_000_000, "einundzwanzig Millionen"),
        (2_300_000, "zwei Millionen dreihunderttausend"),
        (1_000_000_000, "eine Milliarde"),
        (2_000_000_000, "zwei Milliarden"),
    ];
    for (n, text) in expected {
        assert_eq!(number(n, Language::German), text, "{n}");
    }
    assert_eq!(feminine(1, Language::German), "eine");
}

#[test]
fn german_amounts() {
    assert_eq!(
        words(dec!(123.45), Language::German),
        "einhundertdreiundzwanzig Euro und fünfundvierzig Cent"
    );
    assert_eq!(words(dec!(1.01), Language::German), "ein Euro und ein Cent");
    assert_eq!(
        words(dec!(21.21), Language::German),
        "einundzwanzig Euro und einundzwanzig Cent"
    );
    let options = WordsOptions::default().with_capitalization(Capitalization::FirstLetter);
    assert_eq!(
        words_with(dec!(2.02), Currency::GBP, Language::German, options),
        "Zwei Pfund und zwei Pence"
    );
}

// ---------------------------------------------------------------- Russian

#[test]
fn russian_numbers_and_genders() {
    let expected = [
        (0, "ноль"),
        (1, "один"),
        (2, "два"),
        (11, "одиннадцать"),
        (19, "девятнадцать"),
        (100, "сто"),
        (200, "двести"),
        (300, "триста"),
        (400, "четыреста"),
        (500, "пятьсот"),
        (900, "девятьсот"),
        (1000, "одна тысяча"),
        (2000, "две тысячи"),
        (5000, "пять тысяч"),
        (21_000, "двадцать одна тысяча"),
        (22_000, "двадцать две тысячи"),
        (1_000_000, "один миллион"),
        (2_000_000, "два миллиона"),
        (5_000_000, "пять миллионов"),
        (1_000_000_000, "один миллиард"),
        (2_000_000_000, "два миллиарда"),
        (5_000_000_000, "пять миллиардов"),
    ];
    for (n, text) in expected {
        assert_eq!(number(n, Language::Russian), text, "{n}");
    }
    assert_eq!(feminine(2, Language::Russian), "две");
    assert_eq!(feminine(121, Language::Russian), "сто двадцать одна");
}

#[test]
fn russian_cents_plural_forms() {
    let cases = [
        (dec!(0.00), "ноль евро ноль центов"),
        (dec!(0.01), "ноль евро один цент"),
        (dec!(0.02), "ноль евро два цента"),
        (dec!(0.04), "ноль евро четыре цента"),
        (dec!(0.05), "ноль евро пять центов"),
        (dec!(0.11), "ноль евро одиннадцать центов"),
        (dec!(0.12), "ноль евро двенадцать центов"),
        (dec!(0.20), "ноль евро двадцать центов"),
        (dec!(0.21), "ноль евро двадцать один цент"),
        (dec!(0.22), "ноль евро двадцать два цента"),
    ];
    for (amount, text) in cases {
        assert_eq!(words(amount, Language::Russian), text);
    }
    assert_eq!(
        words(dec!(123.45), Language::Russian),
        "сто двадцать три евро сорок пять центов"
    );
    let options = WordsOptions::default();
    assert_eq!(
        words_with(dec!(21), Currency::JPY, Language::Russian, options),
        "двадцать одна иена"
    );
    assert_eq!(
        words_with(dec!(5.01), Currency::USD, Language::Russian, options),
        "пять долларов один цент"
    );
}

// ---------------------------------------------------------------- sign, range, precision

#[test]
fn negative_amounts_say_minus() {
    assert_eq!(
        words(dec!(-5.25), Language::Latvian),
        "mīnus pieci euro un divdesmit pieci centi"
    );
    assert_eq!(
        words(dec!(-5.25), Language::English),
        "minus five euro and twenty-five cents"
    );
    assert_eq!(
        words(dec!(-5.25), Language::German),
        "minus fünf Euro und fünfundzwanzig Cent"
    );
    assert_eq!(
        words(dec!(-5.25), Language::Russian),
        "минус пять евро двадцать пять центов"
    );
    // Negative zero is zero.
    assert_eq!(
        words(dec!(-0.00), Language::Latvian),
        "nulle euro un nulle centu"
    );
}

#[test]
fn range_limits() {
    assert_eq!(
        words(dec!(999999999999.99), Language::English),
        "nine hundred ninety-nine billion nine hundred ninety-nine million \
         nine hundred ninety-nine thousand nine hundred ninety-nine euro \
         and ninety-nine cents"
    );
    for amount in [
        dec!(1000000000000),
        dec!(-1000000000000.00),
        Decimal::MAX,
        Decimal::MIN,
    ] {
        let error = amount_in_words(
            &Money::new(amount, Currency::EUR),
            Language::Latvian,
            &WordsOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error, WordsError::OutOfRange { amount });
        assert_eq!(error.code(), "words.out_of_range");
    }
}

#[test]
fn precision_is_checked_not_rounded() {
    // Trailing zeros are not significant.
    assert_eq!(
        words(dec!(1.5000), Language::Latvian),
        "viens euro un piecdesmit centi"
    );
    assert_eq!(
        words(dec!(7.0), Language::English),
        "seven euro and zero cents"
    );
    for amount in [dec!(0.001), dec!(1.005), dec!(-2.999), Decimal::new(1, 28)] {
        let error = amount_in_words(
            &Money::new(amount, Currency::EUR),
            Language::German,
            &WordsOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.code(), "words.too_precise", "{amount}");
    }
    // No minor units: yen have no decimals.
    let error = amount_in_words(
        &Money::new(dec!(1.5), Currency::JPY),
        Language::English,
        &WordsOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error,
        WordsError::TooPrecise {
            amount: dec!(1.5),
            currency: Currency::JPY,
            minor_units: 0
        }
    );
    assert_eq!(
        words_with(
            dec!(3.00),
            Currency::JPY,
            Language::English,
            WordsOptions::default()
        ),
        "three yen"
    );
}

#[test]
fn unsupported_currencies() {
    for currency in Currency::ALL {
        let supported = matches!(currency.code(), "EUR" | "USD" | "GBP" | "JPY");
        for language in Language::ALL {
            let result = amount_in_words(
                &Money::new(dec!(1), *currency),
                language,
                &WordsOptions::default(),
            );
            if supported {
                assert!(result.is_ok(), "{currency} {language}");
            } else {
                let error = result.unwrap_err();
                assert_eq!(
                    error,
                    WordsError::UnsupportedCurrency {
                        currency: *currency,
                        language
                    }
                );
                assert_eq!(error.code(), "words.unsupported_currency");
            }
        }
    }
}

#[test]
fn capitalization() {
    let options = WordsOptions::default().with_capitalization(Capitalization::FirstLetter);
    assert_eq!(
        words_with(dec!(-1), Currency::EUR, Language::Latvian, options),
        "Mīnus viens euro un nulle centu"
    );
    assert_eq!(
        words_with(dec!(4), Currency::EUR, Language::Latvian, options),
        "Četri euro un nulle centu"
    );
    assert_eq!(capitalize_first(""), "");
}

#[test]
fn error_messages_are_lower_case() {
    let errors = [
        WordsError::OutOfRange { amount: dec!(1e12) },
        WordsError::TooPrecise {
            amount: dec!(1.005),
            currency: Currency::EUR,
            minor_units: 2,
        },
        WordsError::UnsupportedCurrency {
            currency: Currency::SEK,
            language: Language::German,
        },
        WordsError::Internal { place: "test" },
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.starts_with(|c: char| c.is_lowercase()), "{message}");
        assert!(!message.ends_with('.'), "{message}");
        assert!(error.code().starts_with("words."));
    }
}
