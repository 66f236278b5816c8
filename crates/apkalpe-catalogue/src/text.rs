//! Text normalisation for search: lower case, diacritics removed, words split.
//!
//! A client types "klepjdators" or "KLĒPJDATORS" and expects to find "Klēpjdators"; a German
//! client types "strasse" for "Straße"; a Russian client "ежедневник" for "Ежедневник" or
//! "ёлка" as "елка". Normalisation maps every such form to one: lower case, the Latvian,
//! Lithuanian, Estonian, German, Polish, French and Nordic letters with diacritics to their
//! base letters (`ß` → `ss`, `æ` → `ae`), and the Russian `ё` → `е`, `й` → `и`.

/// Returns the base form of one lowercase character, or `None` to keep it as it is.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ё' => "е",
        'й' => "и",
        _ => return None,
    })
}

/// Returns `text` in lower case with diacritics removed; every character that is not a letter
/// or a digit becomes a space.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for upper in text.chars() {
        for c in upper.to_lowercase() {
            if let Some(base) = fold(c) {
                out.push_str(base);
            } else if c.is_alphanumeric() {
                out.push(c);
            } else {
                out.push(' ');
            }
        }
    }
    out
}

/// Splits normalised text into its words.
pub(crate) fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(' ').filter(|word| !word.is_empty())
}

/// Compares two values ignoring case and diacritics.
pub(crate) fn same_text(left: &str, right: &str) -> bool {
    // Fast path: plain ASCII words compare without building normalised copies.
    let plain = |text: &str| text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    if plain(left) && plain(right) {
        let mut a = left.split(' ').filter(|w| !w.is_empty());
        let mut b = right.split(' ').filter(|w| !w.is_empty());
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    }
    words(&normalize(left)).eq(words(&normalize(right)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_four_languages() {
        assert_eq!(normalize("Klēpjdators ĢĶĻŅ"), "klepjdators gkln");
        assert_eq!(normalize("Straße Größe"), "strasse grosse");
        assert_eq!(normalize("Ёлка Йогурт"), "елка иогурт");
        assert_eq!(normalize("Wi-Fi 6E"), "wi fi 6e");
    }

    #[test]
    fn same_text_ignores_case_diacritics_and_spacing() {
        assert!(same_text("Melns ", "MĒLNS"));
        assert!(same_text("space grey", "Space  Grey"));
        assert!(!same_text("melns", "balts"));
        assert!(same_text("Space Grey", "space   grey"));
        assert!(!same_text("space grey", "space"));
    }
}
