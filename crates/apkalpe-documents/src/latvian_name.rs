//! Latvian names in the forms a letter needs: the vocative of a name ("Jāni Ozol!") and the
//! genitive of a surname before a title ("Ozola kungs", "Bērziņas kundze").
//!
//! The forms come from the declension rules of the name's ending; where a rule has
//! exceptions the ending cannot tell apart, the functions return `None` and the caller uses a
//! form that is never wrong (a greeting without the name, a title without the surname).
//!
//! # The rules
//!
//! Vocative (the form of address):
//!
//! | ending | declension | vocative | example |
//! |---|---|---|---|
//! | `-s`, `-š` after a consonant, `-ss` | 1st (masculine) | without `-s`/`-š` | Roberts → Robert, Ozols → Ozol, Bērziņš → Bērziņ, Inguss → Ingus |
//! | `-is` | 2nd (masculine) | `-i` | Jānis → Jāni, Lācis → Lāci |
//! | `-ītis` | 2nd, diminutive | without `-is` | Kārlītis → Kārlīt, Gailītis → Gailīt |
//! | `-us` | 3rd (masculine) | `-u` | Mikus → Miku |
//! | `-ais` | a definite adjective | unchanged | Lielais → Lielais |
//! | `-a`, `-e` | 4th, 5th | unchanged | Anna, Liene, Liepa, Zvaigzne |
//! | a woman's name | 4th, 5th, 6th, indeclinable | unchanged | Agnes (given `Female`) |
//! | `-o`, another vowel or consonant | indeclinable | unchanged | Oto, Hugo |
//! | `-s` after another vowel | unsure (Lithuanian, foreign) | `None` | Jonas |
//!
//! Genitive (before *kungs* or *kundze*):
//!
//! | ending | genitive | example |
//! |---|---|---|
//! | 1st declension `-s`, `-š`, `-ss` | `-a` | Ozols → Ozola, Bērziņš → Bērziņa |
//! | 2nd declension `-is` | `-a` with the consonant change of the stem's end | Lācis → Lāča, Jānis → Jāņa, Gulbis → Gulbja, Kalnietis → Kalnieša |
//! | no change: `-ris`, `-jis`, `-ķis`, `-ģis`, `-skis`, `-ckis`, `-astis`, `-skatis`, two-syllable `-tis`/`-dis` | `-a` | Juris → Jura, Sproģis → Sproģa, Gatis → Gata, Valdis → Valda |
//! | 2nd declension ending in another consonant | `None` | |
//! | 3rd declension `-us` | unchanged | Poškus → Poškus |
//! | `-a`, `-e` | `-as`, `-es` | Liepa → Liepas, Bērziņa → Bērziņas, Zvaigzne → Zvaigznes |
//! | a woman's name in `-s` or another ending | unchanged (6th or indeclinable) | |
//! | `-ais` | `None` | |
//! | `-o`, another vowel or consonant | unchanged (indeclinable) | Oto |
//! | `-s` after another vowel | `None` | |
//!
//! Without a gender, an ending in `-s` or `-š` is read as masculine (the Latvian masculine
//! endings); pass [`Gender::Female`] for a woman's name that ends in `-s` (a 6th-declension or
//! foreign name), which is then left as it is. An organisation's name (one with a legal form
//! such as SIA, AS, IK, or in quotation marks) is not a person's: it gives `None`.
//!
//! # Sources
//!
//! `docs/sources.md` §14: the Latvian Language Centre's consultation on forms of address
//! (vocative by declension, with the diminutive `-ītis` and the 3rd declension `-u`) \[L1\];
//! the University of Latvia's grammar tables of the 2nd declension (the consonant changes of
//! the genitive and the endings without them) \[L2\]\[L3\].

/// The grammatical gender of a person's name, as the forms of address need it: *kungs* or
/// *kundze*, and whether an ending in `-s` is masculine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Gender {
    /// A woman: *kundze*, *godātā*.
    Female,
    /// A man: *kungs*, *godātais*.
    Male,
}

const VOWELS: &[char] = &['a', 'ā', 'e', 'ē', 'i', 'ī', 'o', 'u', 'ū', 'y'];

fn is_vowel(c: char) -> bool {
    VOWELS.contains(&c.to_lowercase().next().unwrap_or(c))
}

/// The word's letters, lower-cased, for testing endings.
fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// `word` without its last `count` characters.
fn without(word: &str, count: usize) -> &str {
    let cut = word
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(index, _)| index);
    word.get(..cut).unwrap_or("")
}

/// `text` in the case of `like`'s last letter: an all-capitals name keeps capitals.
fn cased(text: &str, like: &str) -> String {
    if like.chars().last().is_some_and(char::is_uppercase) {
        text.to_uppercase()
    } else {
        text.to_owned()
    }
}

/// The number of syllables: groups of vowels ("Raitis" 2, "Kalnietis" 3).
fn syllables(word: &str) -> usize {
    let mut count = 0_usize;
    let mut in_vowel = false;
    for c in word.chars() {
        let vowel = is_vowel(c);
        if vowel && !in_vowel {
            count = count.saturating_add(1);
        }
        in_vowel = vowel;
    }
    count
}

/// Whether the letter before a final `-s`/`-š` makes a 1st-declension ending: a consonant.
fn consonant_before_last(lower: &str) -> bool {
    lower
        .chars()
        .rev()
        .nth(1)
        .is_some_and(|c| c.is_alphabetic() && !is_vowel(c))
}

/// The vocative of one word (no spaces, no hyphens).
fn vocative_word(word: &str, gender: Option<Gender>) -> Option<String> {
    let low = lower(word);
    if gender == Some(Gender::Female) {
        // 4th, 5th and 6th declensions and indeclinable names: the nominative.
        return Some(word.to_owned());
    }
    if low.ends_with("ais") {
        return Some(word.to_owned());
    }
    if low.ends_with("ītis") {
        return Some(without(word, 2).to_owned());
    }
    if low.ends_with("is") {
        return Some(without(word, 1).to_owned());
    }
    if low.ends_with("ss") {
        return Some(without(word, 1).to_owned());
    }
    if low.ends_with("us") {
        return Some(format!("{}{}", without(word, 2), cased("u", word)));
    }
    if low.ends_with('s') || low.ends_with('š') {
        return consonant_before_last(&low).then(|| without(word, 1).to_owned());
    }
    // -a, -e, -o, other vowels, other consonants: the nominative.
    Some(word.to_owned())
}

/// The 2nd-declension genitive of a word ending in `-is`.
fn second_declension_genitive(word: &str) -> Option<String> {
    let low = lower(word);
    let stem = without(word, 2);
    let low_stem = without(&low, 2);
    let plain = || Some(format!("{stem}{}", cased("a", word)));
    let unchanged_endings = ["ast", "j", "ķ", "ģ", "r", "skat", "sk", "ck"];
    if unchanged_endings
        .iter()
        .any(|ending| low_stem.ends_with(ending))
    {
        return plain();
    }
    if (low_stem.ends_with('t') || low_stem.ends_with('d')) && syllables(&low) == 2 {
        return plain();
    }
    // The consonant changes, longest first.
    let changes: [(&str, &str); 18] = [
        ("sn", "šņ"),
        ("zn", "žņ"),
        ("sl", "šļ"),
        ("zl", "žļ"),
        ("ln", "ļņ"),
        ("ll", "ļļ"),
        ("dz", "dž"),
        ("b", "bj"),
        ("m", "mj"),
        ("p", "pj"),
        ("v", "vj"),
        ("c", "č"),
        ("d", "ž"),
        ("s", "š"),
        ("t", "š"),
        ("z", "ž"),
        ("n", "ņ"),
        ("l", "ļ"),
    ];
    let (from, to) = changes.iter().find(|(from, _)| low_stem.ends_with(from))?;
    let kept = without(stem, from.chars().count());
    Some(format!("{kept}{}{}", cased(to, stem), cased("a", word)))
}

/// The genitive of one word (no spaces, no hyphens).
fn genitive_word(word: &str, gender: Gender) -> Option<String> {
    let low = lower(word);
    if low.ends_with('a') || low.ends_with('e') {
        return Some(format!("{word}{}", cased("s", word)));
    }
    if gender == Gender::Female {
        // A woman's name in -s (6th declension) or indeclinable: the genitive is the same.
        return Some(word.to_owned());
    }
    if low.ends_with("ais") {
        return None;
    }
    if low.ends_with("is") {
        return second_declension_genitive(word);
    }
    if low.ends_with("ss") {
        return Some(format!("{}{}", without(word, 1), cased("a", word)));
    }
    if low.ends_with("us") {
        return Some(word.to_owned());
    }
    if low.ends_with('s') || low.ends_with('š') {
        return consonant_before_last(&low)
            .then(|| format!("{}{}", without(word, 1), cased("a", word)));
    }
    Some(word.to_owned())
}

/// Legal forms that mark an organisation's name ("SIA Koks"), which is not declined.
const LEGAL_FORMS: [&str; 12] = [
    "SIA",
    "AS",
    "IK",
    "ZS",
    "PS",
    "KS",
    "SE",
    "KB",
    "ZEMNIEKU",
    "BIEDRĪBA",
    "NODIBINĀJUMS",
    "VAS",
];

/// Tells whether `name` reads as an organisation's name: a legal form as a word ("SIA Koks",
/// "Biedrība …") or a name in quotation marks ("\"Koks\"").
fn is_organisation(name: &str) -> bool {
    name.contains(['"', '“', '”', '„', '«', '»'])
        || name
            .split_whitespace()
            .any(|word| LEGAL_FORMS.contains(&word.to_uppercase().trim_end_matches('.')))
}

/// Applies `form` to every part of a name: words split by spaces, parts of a double surname
/// by hyphens; `None` when any part is unsure, the name is blank, or it is an organisation's.
fn each_part(name: &str, form: impl Fn(&str) -> Option<String>) -> Option<String> {
    if is_organisation(name) {
        return None;
    }
    let mut words = Vec::new();
    for word in name.split_whitespace() {
        let parts: Option<Vec<String>> = word.split('-').map(&form).collect();
        words.push(parts?.join("-"));
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Returns the vocative of a person's name (given names and surname, in any order): "Jāni
/// Ozol", "Anna Bērziņa", or `None` where an ending leaves the form unsure.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{latvian_vocative, Gender};
///
/// assert_eq!(latvian_vocative("Jānis Ozols", None).as_deref(), Some("Jāni Ozol"));
/// assert_eq!(latvian_vocative("Mikus Kalniņš", Some(Gender::Male)).as_deref(), Some("Miku Kalniņ"));
/// assert_eq!(latvian_vocative("Anna Bērziņa", None).as_deref(), Some("Anna Bērziņa"));
/// assert_eq!(latvian_vocative("Agnes Smita", Some(Gender::Female)).as_deref(), Some("Agnes Smita"));
/// assert_eq!(latvian_vocative("Jonas Petraitis", None), None);
/// assert_eq!(latvian_vocative("SIA Koks", None), None); // an organisation: not declined
/// ```
pub fn latvian_vocative(name: &str, gender: Option<Gender>) -> Option<String> {
    each_part(name, |word| vocative_word(word, gender))
}

/// Returns the genitive of a surname, the form before *kungs* or *kundze* ("Ozola kungs",
/// "Bērziņas kundze"), or `None` where an ending leaves the form unsure.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{latvian_genitive, Gender};
///
/// assert_eq!(latvian_genitive("Ozols", Gender::Male).as_deref(), Some("Ozola"));
/// assert_eq!(latvian_genitive("Kalnietis", Gender::Male).as_deref(), Some("Kalnieša"));
/// assert_eq!(latvian_genitive("Gatis", Gender::Male).as_deref(), Some("Gata"));
/// assert_eq!(latvian_genitive("Bērziņa", Gender::Female).as_deref(), Some("Bērziņas"));
/// assert_eq!(latvian_genitive("Lielais", Gender::Male), None);
/// ```
pub fn latvian_genitive(surname: &str, gender: Gender) -> Option<String> {
    each_part(surname, |word| genitive_word(word, gender))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_cut_by_characters() {
        assert_eq!(without("Bērziņš", 1), "Bērziņ");
        assert_eq!(without("Jānis", 2), "Jān");
        assert_eq!(without("s", 1), "");
        assert_eq!(syllables("Raitis"), 2);
        assert_eq!(syllables("Kalnietis"), 3);
        assert_eq!(syllables("Visvaldis"), 3);
        assert_eq!(cased("u", "MIKUS"), "U");
        assert_eq!(cased("u", "Mikus"), "u");
    }

    #[test]
    fn capitals_stay_capitals() {
        assert_eq!(latvian_vocative("MIKUS", None).as_deref(), Some("MIKU"));
        assert_eq!(
            latvian_genitive("JĀNIS", Gender::Male).as_deref(),
            Some("JĀŅA")
        );
        assert_eq!(
            latvian_genitive("OZOLA", Gender::Female).as_deref(),
            Some("OZOLAS")
        );
    }

    #[test]
    fn blank_and_odd_input_is_unsure_or_kept() {
        assert_eq!(latvian_vocative("  ", None), None);
        assert_eq!(latvian_vocative("s", None), None);
        assert_eq!(latvian_genitive("", Gender::Male), None);
        assert_eq!(
            latvian_vocative("Ozola-Bērziņa", Some(Gender::Female)).as_deref(),
            Some("Ozola-Bērziņa")
        );
        assert_eq!(
            latvian_genitive("Ozola-Bērziņa", Gender::Female).as_deref(),
            Some("Ozolas-Bērziņas")
        );
    }
}
