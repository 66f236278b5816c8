//! Latvian numerals and currency nouns.

use super::{CurrencyNouns, Gender, LatvianEuroWord, Noun, PluralForm, WordsError, pick};

/// 0–19, masculine: the form used before masculine nouns and for hundreds.
const MASCULINE: [&str; 20] = [
    "nulle",
    "viens",
    "divi",
    "trīs",
    "četri",
    "pieci",
    "seši",
    "septiņi",
    "astoņi",
    "deviņi",
    "desmit",
    "vienpadsmit",
    "divpadsmit",
    "trīspadsmit",
    "četrpadsmit",
    "piecpadsmit",
    "sešpadsmit",
    "septiņpadsmit",
    "astoņpadsmit",
    "deviņpadsmit",
];

/// 0–9, feminine (10–19 and the tens do not change).
const FEMININE: [&str; 10] = [
    "nulle",
    "viena",
    "divas",
    "trīs",
    "četras",
    "piecas",
    "sešas",
    "septiņas",
    "astoņas",
    "deviņas",
];

/// The tens 20–90 at their tens digit.
const TENS: [&str; 10] = [
    "",
    "",
    "divdesmit",
    "trīsdesmit",
    "četrdesmit",
    "piecdesmit",
    "sešdesmit",
    "septiņdesmit",
    "astoņdesmit",
    "deviņdesmit",
];

const HUNDRED: Noun = Noun::new("simts", "simti", "simtu", Gender::Masculine);
const THOUSAND: Noun = Noun::new("tūkstotis", "tūkstoši", "tūkstošu", Gender::Masculine);
const MILLION: Noun = Noun::new("miljons", "miljoni", "miljonu", Gender::Masculine);
const BILLION: Noun = Noun::new("miljards", "miljardi", "miljardu", Gender::Masculine);

const CENT: Noun = Noun::new("cents", "centi", "centu", Gender::Masculine);

/// Returns the nouns of a currency, or `None` if it has none in Latvian.
pub(super) fn currency_nouns(code: &str, euro_word: LatvianEuroWord) -> Option<CurrencyNouns> {
    let euro = match euro_word {
        LatvianEuroWord::Euro => "euro",
        LatvianEuroWord::Eiro => "eiro",
    };
    let nouns = match code {
        "EUR" => CurrencyNouns {
            major: Noun::invariable(euro, Gender::Masculine),
            minor: Some(CENT),
        },
        "USD" => CurrencyNouns {
            major: Noun::new("dolārs", "dolāri", "dolāru", Gender::Masculine),
            minor: Some(CENT),
        },
        "GBP" => CurrencyNouns {
            major: Noun::new("mārciņa", "mārciņas", "mārciņu", Gender::Feminine),
            minor: Some(Noun::new("penss", "pensi", "pensu", Gender::Masculine)),
        },
        "JPY" => CurrencyNouns {
            major: Noun::new("jena", "jenas", "jenu", Gender::Feminine),
            minor: None,
        },
        _ => return None,
    };
    Some(nouns)
}

/// Returns the form of a noun after `n`: singular after 1, 21, 31… (not 11), the genitive
/// plural after zero, the nominative plural otherwise.
pub(super) fn plural(n: u64) -> PluralForm {
    // The singular rule is the one of every Latvian count (`PluralCategory`); amounts in words
    // add the genitive after "nulle".
    match crate::PluralCategory::of(crate::Language::Latvian, n) {
        crate::PluralCategory::One => PluralForm::One,
        _ if n == 0 => PluralForm::Many,
        _ => PluralForm::Few,
    }
}

/// Writes `n` (at most 999 999 999 999) in words, agreeing with a noun of `gender`.
pub(super) fn write_number(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    if n == 0 {
        out.push_str("nulle");
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

/// Writes 1–999: "viens simts divdesmit viens", "divi simti".
fn write_below_thousand(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push_str(pick(&MASCULINE, hundreds, "lv.hundreds")?);
        out.push(' ');
        out.push_str(HUNDRED.form(plural(hundreds)));
        if rest > 0 {
            out.push(' ');
        }
    }
    if rest == 0 {
        return Ok(());
    }
    if rest < 20 {
        return write_small(out, rest, gender);
    }
    out.push_str(pick(&TENS, rest / 10, "lv.tens")?);
    let units = rest % 10;
    if units > 0 {
        out.push(' ');
        write_small(out, units, gender)?;
    }
    Ok(())
}

/// Writes 1–19 in `gender` (only 1–9 have a feminine form).
fn write_small(out: &mut String, n: u64, gender: Gender) -> Result<(), WordsError> {
    let word = match gender {
        Gender::Feminine if n < 10 => pick(&FEMININE, n, "lv.feminine")?,
        _ => pick(&MASCULINE, n, "lv.masculine")?,
    };
    out.push_str(word);
    Ok(())
}
