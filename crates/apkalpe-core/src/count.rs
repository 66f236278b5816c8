//! Counts that agree in number: "1 lieta", "21 dokuments", "2 lietas", "5 документов".
//!
//! Every text of the domain crates that prints a count of something ("3 receipts", "Kopā:
//! 2 lietas") takes the noun's form from here, so the rule of each language lives in one
//! place.
//!
//! | language | one | few | other |
//! |---|---|---|---|
//! | lv | ends in 1, except 11 (1, 21, 31, 101, 111 is other) | — | everything else, 0 too |
//! | ru | ends in 1, except 11 | ends in 2–4, except 12–14 | everything else, 0 too |
//! | en, de | exactly 1 | — | everything else, 0 too |
//!
//! # Legal basis
//!
//! Not law but grammar: the Latvian rule is the one `docs/sources.md` §11 \[W6\] records for
//! the cents of amounts in words (a number ending in 1, except 11, takes the singular). In
//! Latvian a count written in figures takes the nominative plural otherwise ("0 lietas",
//! "5 lietas"); the genitive after the word "nulle" belongs to amounts in words only.

use std::fmt;

use crate::Language;

/// The grammatical number a count takes in a language (a subset of the CLDR plural
/// categories: the ones our four languages need for whole numbers).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, PluralCategory};
///
/// assert_eq!(PluralCategory::of(Language::Latvian, 21), PluralCategory::One);
/// assert_eq!(PluralCategory::of(Language::Latvian, 11), PluralCategory::Other);
/// assert_eq!(PluralCategory::of(Language::Russian, 23), PluralCategory::Few);
/// assert_eq!(PluralCategory::of(Language::English, 21), PluralCategory::Other);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// The singular: "1 lieta", "21 lieta", "1 document".
    One,
    /// Russian 2–4 (not 12–14): "2 документа".
    Few,
    /// Every other count: "2 lietas", "11 lietas", "5 документов", "0 documents".
    Other,
}

impl PluralCategory {
    /// Returns the category of the count `n` in `language`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, PluralCategory};
    ///
    /// assert_eq!(PluralCategory::of(Language::Latvian, 1), PluralCategory::One);
    /// assert_eq!(PluralCategory::of(Language::Russian, 3), PluralCategory::Few);
    /// assert_eq!(PluralCategory::of(Language::German, 0), PluralCategory::Other);
    /// ```
    pub const fn of(language: Language, n: u64) -> PluralCategory {
        let last = n % 10;
        let last_two = n % 100;
        match language {
            Language::Latvian => {
                if last == 1 && last_two != 11 {
                    PluralCategory::One
                } else {
                    PluralCategory::Other
                }
            }
            Language::Russian => {
                if last == 1 && last_two != 11 {
                    PluralCategory::One
                } else if last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14) {
                    PluralCategory::Few
                } else {
                    PluralCategory::Other
                }
            }
            Language::English | Language::German => {
                if n == 1 {
                    PluralCategory::One
                } else {
                    PluralCategory::Other
                }
            }
        }
    }
}

/// The forms a noun takes after a number, in one language: the one helper every count in
/// the domain crates' texts goes through.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountNoun, Language};
///
/// let case = CountNoun::new("lieta", "lietas");
/// assert_eq!(case.count(Language::Latvian, 1), "1 lieta");
/// assert_eq!(case.count(Language::Latvian, 2), "2 lietas");
/// assert_eq!(case.count(Language::Latvian, 11), "11 lietas");
/// assert_eq!(case.count(Language::Latvian, 21), "21 lieta");
///
/// let document = CountNoun::new("dokuments", "dokumenti");
/// assert_eq!(document.count(Language::Latvian, 21), "21 dokuments");
///
/// let ru = CountNoun::with_few("документ", "документа", "документов");
/// assert_eq!(ru.count(Language::Russian, 3), "3 документа");
/// assert_eq!(ru.count(Language::Russian, 12), "12 документов");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountNoun<'a> {
    one: &'a str,
    few: &'a str,
    other: &'a str,
}

impl<'a> CountNoun<'a> {
    /// A noun with a singular and a plural (Latvian, English, German; in Russian the plural
    /// then serves for "few" too).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// let receipt = CountNoun::new("čeks", "čeki");
    /// assert_eq!(receipt.count(Language::Latvian, 31), "31 čeks");
    /// assert_eq!(receipt.count(Language::Latvian, 0), "0 čeki");
    /// ```
    pub const fn new(one: &'a str, other: &'a str) -> Self {
        CountNoun {
            one,
            few: other,
            other,
        }
    }

    /// A noun with the three Russian forms: after 1, after 2–4, after 5–20 and 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// let day = CountNoun::with_few("день", "дня", "дней");
    /// assert_eq!(day.count(Language::Russian, 2), "2 дня");
    /// assert_eq!(day.count(Language::Russian, 5), "5 дней");
    /// ```
    pub const fn with_few(one: &'a str, few: &'a str, other: &'a str) -> Self {
        CountNoun { one, few, other }
    }

    /// Returns the form that agrees with `n` in `language`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// let case = CountNoun::new("lieta", "lietas");
    /// assert_eq!(case.form(Language::Latvian, 21), "lieta");
    /// assert_eq!(case.form(Language::Latvian, 11), "lietas");
    /// ```
    pub const fn form(&self, language: Language, n: u64) -> &'a str {
        match PluralCategory::of(language, n) {
            PluralCategory::One => self.one,
            PluralCategory::Few => self.few,
            PluralCategory::Other => self.other,
        }
    }

    /// Returns `n`, a space and the form that agrees with it: "21 dokuments".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// assert_eq!(CountNoun::new("document", "documents").count(Language::English, 1), "1 document");
    /// ```
    pub fn count(&self, language: Language, n: u64) -> String {
        format!("{n} {}", self.form(language, n))
    }

    /// Returns [`CountNoun::count`] for a length or other `usize` count.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// let lines = vec!["a", "b"];
    /// assert_eq!(CountNoun::new("rinda", "rindas").count_of(Language::Latvian, lines.len()), "2 rindas");
    /// ```
    pub fn count_of(&self, language: Language, n: usize) -> String {
        self.count(language, u64::try_from(n).unwrap_or(u64::MAX))
    }

    /// Returns a value that displays as [`CountNoun::count`], for `format!` without an
    /// intermediate string.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountNoun, Language};
    ///
    /// let case = CountNoun::new("lieta", "lietas");
    /// assert_eq!(format!("Kopā: {}", case.display(Language::Latvian, 2)), "Kopā: 2 lietas");
    /// ```
    pub fn display(&self, language: Language, n: u64) -> impl fmt::Display + 'a {
        Counted {
            n,
            form: self.form(language, n),
        }
    }
}

struct Counted<'a> {
    n: u64,
    form: &'a str,
}

impl fmt::Display for Counted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.n, self.form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latvian_singular_ends_in_one_but_not_eleven() {
        let singular: Vec<u64> = (0..=131)
            .filter(|n| PluralCategory::of(Language::Latvian, *n) == PluralCategory::One)
            .collect();
        assert_eq!(singular, [1, 21, 31, 41, 51, 61, 71, 81, 91, 101, 121, 131]);
        assert_eq!(
            PluralCategory::of(Language::Latvian, 1_011),
            PluralCategory::Other
        );
        assert_eq!(
            PluralCategory::of(Language::Latvian, u64::MAX),
            PluralCategory::Other
        );
    }

    #[test]
    fn russian_has_three_forms() {
        let noun = CountNoun::with_few("лист", "листа", "листов");
        let forms: Vec<String> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111, 112, 122]
            .into_iter()
            .map(|n| noun.count(Language::Russian, n))
            .collect();
        assert_eq!(
            forms,
            [
                "0 листов",
                "1 лист",
                "2 листа",
                "4 листа",
                "5 листов",
                "11 листов",
                "12 листов",
                "14 листов",
                "21 лист",
                "22 листа",
                "25 листов",
                "111 листов",
                "112 листов",
                "122 листа"
            ]
        );
    }

    #[test]
    fn english_and_german_singular_is_one_only() {
        let noun = CountNoun::new("receipt", "receipts");
        assert_eq!(noun.count(Language::English, 1), "1 receipt");
        assert_eq!(noun.count(Language::English, 21), "21 receipts");
        assert_eq!(noun.count(Language::English, 0), "0 receipts");
        assert_eq!(
            CountNoun::new("Beleg", "Belege").count_of(Language::German, 1),
            "1 Beleg"
        );
        assert_eq!(
            format!("{}", noun.display(Language::Latvian, 31)),
            "31 receipt"
        );
    }
}
