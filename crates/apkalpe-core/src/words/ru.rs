//! Russian numerals (with gender agreement) and currency nouns.

use super::{CurrencyNouns, Gender, Noun, PluralForm, WordsError, pick};

/// 0–19, masculine.
const SMALL: [&str; 20] = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];

/// The tens 20–90 at their tens digit.
const TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];

/// The hundreds 100–900 at their hundreds digit.
const HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

const THOUSAND: Noun = Noun::new("тысяча", "тысячи", "тысяч", Gender::Feminine);
const MILLION: Noun = Noun::new("миллион", "миллиона", "миллионов", Gender::Masculine);
const BILLION: Noun = Noun::new("миллиард", "миллиарда", "миллиардов", Gender::Masculine);

/// Returns the nouns of a currency, or `None` if it has none in Russian.
pub(super) fn currency_nouns(code: &str) -> Option<CurrencyNouns> {
    let cent = Noun::new("цент", "цента", "центов", Gender::Masculine);
    let nouns = match code {
        // "евро" is indeclinable and masculine: "один евро", "два евро".
        "EUR" => CurrencyNouns {
            major: Noun::invariable("евро", Gender::Masculine),
            minor: Some(cent),
        },
        "USD" => CurrencyNouns {
            major: Noun::new("доллар", "доллара", "долларов", Gender::Masculine),
            minor: Some(cent),
        },
        "GBP" => CurrencyNouns {
            major: Noun::new(
                "фунт стерлингов",
                "фунта стерлингов",
                "фунтов стерлингов",
                Gender::Masculine,
            ),
            minor: Some(Noun::new("пенс", "пенса", "пенсов", Gender::Masculine)),
        },
        "JPY" => CurrencyNouns {
            major: Noun::new("иена", "иены", "иен", Gender::Feminine),
            minor: None,
        },
        _ => return None,
    };
    Some(nouns)
}

/// Returns the form of a noun after `n`: singular after 1, 21… (not 11), genitive singular
/// after 2–4, 22–24… (not 12–14), genitive plural otherwise and after zero.
pub(super) fn plural(n: u64) -> PluralForm {
    match crate::PluralCategory::of(crate::Language::Russian, n) {
        crate::PluralCategory::One => PluralForm::One,
        crate::PluralCategory::Few => PluralForm::Few,
        crate::PluralCategory::Other => PluralForm::Many,
    }
}

/// Writes `n` (at most 999 999 999 999) in words, agreeing with a noun of `gender`.
pub(super) fn write_number(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    if n == 0 {
        out.push_str("ноль");
        return Ok(());
    }
    let mut first = true;
    for (group, scale) in [
        (n / 1_000_000_000 % 1000, Some(BILLION)),
        (n / 1_000_000 % 1000, Some(MILLION)),
        (n / 1000 % 1000, Some(THOUSAND)),
        (n % 1000, None),
    ] {
        if group == 0 {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        match scale {
            Some(scale) => {
                write_below_thousand(out, group, scale.gender)?;
                out.push(' ');
                out.push_str(scale.form(plural(group)));
            }
            None => write_below_thousand(out, group, gender)?,
        }
    }
    Ok(())
}

/// Writes 1–999: "сто двадцать одна".
fn write_below_thousand(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    let hundreds = n / 100;
    let rest = n % 100;
    let hundreds_word = if hundreds > 0 {
        Some(pick(&HUNDREDS, hundreds, "ru.hundreds")?)
    } else {
        None
    };
    let (tens_word, units) = if rest < 20 {
        (None, rest)
    } else {
        (Some(pick(&TENS, rest / 10, "ru.tens")?), rest % 10)
    };
    let units_word = match (units, gender) {
        (0, _) => None,
        (1, Gender::Feminine) => Some("одна"),
        (2, Gender::Feminine) => Some("две"),
        _ => Some(pick(&SMALL, units, "ru.small")?),
    };
    let mut first = true;
    for word in [hundreds_word, tens_word, units_word].into_iter().flatten() {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(word);
    }
    Ok(())
}
