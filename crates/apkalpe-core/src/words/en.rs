//! English numerals (short scale, no "and" inside a number) and currency nouns.

use super::{CurrencyNouns, Gender, Noun, PluralForm, WordsError, pick};

/// 0–19.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens 20–90 at their tens digit.
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Returns the nouns of a currency, or `None` if it has none in English.
pub(super) fn currency_nouns(code: &str) -> Option<CurrencyNouns> {
    let cent = Noun::new("cent", "cents", "cents", Gender::Masculine);
    let nouns = match code {
        // EU legislation writes the plural of "euro" as "euro".
        "EUR" => CurrencyNouns {
            major: Noun::invariable("euro", Gender::Masculine),
            minor: Some(cent),
        },
        "USD" => CurrencyNouns {
            major: Noun::new("dollar", "dollars", "dollars", Gender::Masculine),
            minor: Some(cent),
        },
        "GBP" => CurrencyNouns {
            major: Noun::new("pound", "pounds", "pounds", Gender::Masculine),
            minor: Some(Noun::new("penny", "pence", "pence", Gender::Masculine)),
        },
        "JPY" => CurrencyNouns {
            major: Noun::invariable("yen", Gender::Masculine),
            minor: None,
        },
        _ => return None,
    };
    Some(nouns)
}

/// Returns the form of a noun after `n`: singular after exactly one, plural otherwise
/// ("twenty-one cents", "zero cents").
pub(super) fn plural(n: u64) -> PluralForm {
    match crate::PluralCategory::of(crate::Language::English, n) {
        crate::PluralCategory::One => PluralForm::One,
        _ => PluralForm::Many,
    }
}

/// Writes `n` (at most 999 999 999 999) in words. English numerals have no gender.
pub(super) fn write_number(out: &mut String, n: u64, _gender: Gender) -> Result<(), WordsError> {
    if n == 0 {
        out.push_str("zero");
        return Ok(());
    }
    let mut first = true;
    for (group, scale) in [
        (n / 1_000_000_000 % 1000, " billion"),
        (n / 1_000_000 % 1000, " million"),
        (n / 1000 % 1000, " thousand"),
        (n % 1000, ""),
    ] {
        if group == 0 {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        write_below_thousand(out, group)?;
        out.push_str(scale);
    }
    Ok(())
}

/// Writes 1–999: "one hundred twenty-three".
fn write_below_thousand(out: &mut String, n: u64) -> Result<(), WordsError> {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push_str(pick(&SMALL, hundreds, "en.hundreds")?);
        out.push_str(" hundred");
        if rest > 0 {
            out.push(' ');
        }
    }
    if rest == 0 {
        return Ok(());
    }
    if rest < 20 {
        out.push_str(pick(&SMALL, rest, "en.small")?);
        return Ok(());
    }
    out.push_str(pick(&TENS, rest / 10, "en.tens")?);
    let units = rest % 10;
    if units > 0 {
        out.push('-');
        out.push_str(pick(&SMALL, units, "en.units")?);
    }
    Ok(())
}
