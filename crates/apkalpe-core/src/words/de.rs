//! German numerals (one word below a million) and currency nouns.

use super::{CurrencyNouns, Gender, Noun, PluralForm, WordsError, pick};

/// 0–19 as counted ("eins"); index 1 is replaced by the caller where "ein" is needed.
const SMALL: [&str; 20] = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
];

/// 1–9 in front of "hundert" or "und…zig": "einhundert", "einundzwanzig".
const PREFIX: [&str; 10] = [
    "", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
];

/// The tens 20–90 at their tens digit.
const TENS: [&str; 10] = [
    "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
];

/// Returns the nouns of a currency, or `None` if it has none in German.
pub(super) fn currency_nouns(code: &str) -> Option<CurrencyNouns> {
    // "ein" is the same before masculine and neuter nouns (das Pfund), so two genders suffice.
    let cent = Noun::invariable("Cent", Gender::Masculine);
    let nouns = match code {
        "EUR" => CurrencyNouns {
            major: Noun::invariable("Euro", Gender::Masculine),
            minor: Some(cent),
        },
        "USD" => CurrencyNouns {
            major: Noun::invariable("Dollar", Gender::Masculine),
            minor: Some(cent),
        },
        "GBP" => CurrencyNouns {
            major: Noun::invariable("Pfund", Gender::Masculine),
            minor: Some(Noun::new("Penny", "Pence", "Pence", Gender::Masculine)),
        },
        "JPY" => CurrencyNouns {
            major: Noun::invariable("Yen", Gender::Masculine),
            minor: None,
        },
        _ => return None,
    };
    Some(nouns)
}

/// Returns the form of a noun after `n`: singular after exactly one, plural otherwise.
pub(super) fn plural(n: u64) -> PluralForm {
    match crate::PluralCategory::of(crate::Language::German, n) {
        crate::PluralCategory::One => PluralForm::One,
        _ => PluralForm::Many,
    }
}

/// Writes `n` (at most 999 999 999 999) in words before a noun of `gender`.
///
/// Exactly one is "ein"/"eine"; a larger number ending in one ends in "eins"
/// ("einhunderteins"), the uninflected form written on cheques.
pub(super) fn write_number(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    match n {
        0 => out.push_str("null"),
        1 => out.push_str(match gender {
            Gender::Masculine => "ein",
            Gender::Feminine => "eine",
        }),
        _ => write_compound(out, n)?,
    }
    Ok(())
}

/// Writes 2–999 999 999 999: "zwei Millionen dreihunderttausendeins".
fn write_compound(out: &mut String, n: u64) -> Result<(), WordsError> {
    let mut first = true;
    for (group, one, many) in [
        (n / 1_000_000_000 % 1000, "eine Milliarde", "Milliarden"),
        (n / 1_000_000 % 1000, "eine Million", "Millionen"),
    ] {
        if group == 0 {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        if group == 1 {
            out.push_str(one);
        } else {
            write_below_thousand(out, group, "ein")?;
            out.push(' ');
            out.push_str(many);
        }
    }
    let below_million = n % 1_000_000;
    if below_million == 0 {
        return Ok(());
    }
    if !first {
        out.push(' ');
    }
    let thousands = below_million / 1000;
    let rest = below_million % 1000;
    if thousands > 0 {
        write_below_thousand(out, thousands, "ein")?;
        out.push_str("tausend");
    }
    if rest > 0 {
        write_below_thousand(out, rest, "eins")?;
    }
    Ok(())
}

/// Writes 1–999 as one word; a final one is written as `one` ("ein" or "eins").
fn write_below_thousand(out: &mut String, n: u64, one: &str) -> Result<(), WordsError> {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push_str(pick(&PREFIX, hundreds, "de.hundreds")?);
        out.push_str("hundert");
    }
    match rest {
        0 => {}
        1 => out.push_str(one),
        2..=19 => out.push_str(pick(&SMALL, rest, "de.small")?),
        _ => {
            let units = rest % 10;
            if units > 0 {
                out.push_str(pick(&PREFIX, units, "de.units")?);
                out.push_str("und");
            }
            out.push_str(pick(&TENS, rest / 10, "de.tens")?);
        }
    }
    Ok(())
}
