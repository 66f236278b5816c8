//! Languages of customer service and text in several of them.
//!
//! The standard asks the specialist to communicate in Latvian and in English or German and in
//! Russian (S12, S13), so these four are a closed set.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::LocalizedError;

/// A language of customer service: Latvian, English, German or Russian (S12, S13).
///
/// Serialised and parsed as its ISO 639-1 code (`lv`, `en`, `de`, `ru`).
///
/// # Examples
///
/// ```
/// use apkalpe_core::Language;
///
/// let language: Language = "LV".parse()?;
/// assert_eq!(language, Language::Latvian);
/// assert_eq!(language.to_string(), "lv");
/// # Ok::<(), apkalpe_core::ParseLanguageError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "&'static str"))]
pub enum Language {
    /// Latvian (*latviešu valoda*), the state language.
    Latvian,
    /// English.
    English,
    /// German.
    German,
    /// Russian.
    Russian,
}

impl Language {
    /// All four languages, Latvian first.
    pub const ALL: [Language; 4] = [
        Language::Latvian,
        Language::English,
        Language::German,
        Language::Russian,
    ];

    /// Returns the ISO 639-1 code: `lv`, `en`, `de` or `ru`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Language;
    ///
    /// let codes: Vec<&str> = Language::ALL.iter().map(|language| language.code()).collect();
    /// assert_eq!(codes, ["lv", "en", "de", "ru"]);
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Language::Latvian => "lv",
            Language::English => "en",
            Language::German => "de",
            Language::Russian => "ru",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl From<Language> for &'static str {
    fn from(language: Language) -> Self {
        language.code()
    }
}

/// The error returned when text is not one of the four language codes.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, ParseLanguageError};
///
/// assert_eq!(
///     "fr".parse::<Language>(),
///     Err(ParseLanguageError::Unknown { found: "fr".to_owned() })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseLanguageError {
    /// The text is not `lv`, `en`, `de` or `ru` (case-insensitive).
    #[error("unknown language {found:?}: expected lv, en, de or ru")]
    Unknown {
        /// The text that was given, cut to 16 characters.
        found: String,
    },
}

impl ParseLanguageError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Language;
    ///
    /// assert_eq!("latviski".parse::<Language>().unwrap_err().code(), "language.unknown");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseLanguageError::Unknown { .. } => "language.unknown",
        }
    }
}

impl LocalizedError for ParseLanguageError {
    fn code(&self) -> &'static str {
        ParseLanguageError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseLanguageError::Unknown { found } => {
                write!(f, "nezināma valoda {found:?}: gaidīts lv, en, de vai ru")
            }
        }
    }
}

impl FromStr for Language {
    type Err = ParseLanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "lv" => Ok(Language::Latvian),
            "en" => Ok(Language::English),
            "de" => Ok(Language::German),
            "ru" => Ok(Language::Russian),
            _ => Err(ParseLanguageError::Unknown {
                found: s.chars().take(16).collect(),
            }),
        }
    }
}

impl TryFrom<String> for Language {
    type Error = ParseLanguageError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

/// One value written in several languages, with a fallback order.
///
/// Product names, notices and document headings are kept in every language the organisation
/// serves; a reader asks for one language and gets the first present one along the fallback
/// order: the asked language, then Latvian, then English, German, Russian.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = LocalizedText::new(Language::Latvian, "Rēķins")
///     .with(Language::English, "Invoice");
/// assert_eq!(text.get(Language::English), "Invoice");
/// // No German text: falls back to Latvian.
/// assert_eq!(text.get(Language::German), "Rēķins");
/// assert_eq!(text.exact(Language::German), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "BTreeMap<Language, String>"))]
#[cfg_attr(feature = "serde", serde(into = "BTreeMap<Language, String>"))]
pub struct LocalizedText {
    // Invariant: never empty; holds at least the text given to `new`.
    texts: BTreeMap<Language, String>,
}

/// The error returned when a [`LocalizedText`] would hold no text at all.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// use apkalpe_core::{LocalizedText, LocalizedTextError};
///
/// assert_eq!(LocalizedText::try_from(BTreeMap::new()), Err(LocalizedTextError::Empty));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LocalizedTextError {
    /// No language had a text.
    #[error("localized text needs a text in at least one language")]
    Empty,
}

impl LocalizedTextError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::collections::BTreeMap;
    ///
    /// use apkalpe_core::LocalizedText;
    ///
    /// assert_eq!(LocalizedText::try_from(BTreeMap::new()).unwrap_err().code(), "localized_text.empty");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            LocalizedTextError::Empty => "localized_text.empty",
        }
    }
}

impl LocalizedError for LocalizedTextError {
    fn code(&self) -> &'static str {
        LocalizedTextError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            LocalizedTextError::Empty => {
                f.write_str("daudzvalodu tekstā jābūt tekstam vismaz vienā valodā")
            }
        }
    }
}

impl LocalizedText {
    /// Creates a text in one language.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let text = LocalizedText::new(Language::English, "Invoice");
    /// // The only text serves every language.
    /// assert_eq!(text.get(Language::Latvian), "Invoice");
    /// ```
    pub fn new(language: Language, text: impl Into<String>) -> Self {
        let mut texts = BTreeMap::new();
        texts.insert(language, text.into());
        LocalizedText { texts }
    }

    /// Returns the text with a translation added or replaced.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let text = LocalizedText::new(Language::Latvian, "Pavadzīme").with(Language::German, "Lieferschein");
    /// assert_eq!(text.get(Language::German), "Lieferschein");
    /// ```
    #[must_use]
    pub fn with(mut self, language: Language, text: impl Into<String>) -> Self {
        self.texts.insert(language, text.into());
        self
    }

    /// Returns the text in `language`, or along the fallback order (Latvian, English, German,
    /// Russian) the first language that has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let text = LocalizedText::new(Language::Latvian, "Rēķins").with(Language::English, "Invoice");
    /// assert_eq!(text.get(Language::Russian), "Rēķins");
    /// ```
    pub fn get(&self, language: Language) -> &str {
        if let Some(text) = self.texts.get(&language) {
            return text;
        }
        Language::ALL
            .iter()
            .find_map(|fallback| self.texts.get(fallback))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// Returns the text in exactly `language`, without fallback.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let text = LocalizedText::new(Language::Latvian, "Rēķins");
    /// assert_eq!(text.exact(Language::Latvian), Some("Rēķins"));
    /// assert_eq!(text.exact(Language::English), None);
    /// ```
    pub fn exact(&self, language: Language) -> Option<&str> {
        self.texts.get(&language).map(String::as_str)
    }

    /// Returns the languages that have a text, in the order Latvian, English, German, Russian.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let text = LocalizedText::new(Language::Russian, "Счёт").with(Language::Latvian, "Rēķins");
    /// assert_eq!(text.languages().collect::<Vec<_>>(), [Language::Latvian, Language::Russian]);
    /// ```
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.texts.keys().copied()
    }
}

impl TryFrom<BTreeMap<Language, String>> for LocalizedText {
    type Error = LocalizedTextError;

    fn try_from(texts: BTreeMap<Language, String>) -> Result<Self, Self::Error> {
        if texts.is_empty() {
            return Err(LocalizedTextError::Empty);
        }
        Ok(LocalizedText { texts })
    }
}

impl From<LocalizedText> for BTreeMap<Language, String> {
    fn from(text: LocalizedText) -> Self {
        text.texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_in_any_case_and_rejects_others() {
        assert_eq!("ru".parse::<Language>(), Ok(Language::Russian));
        assert_eq!(" De ".parse::<Language>(), Ok(Language::German));
        let error = "lt".parse::<Language>().unwrap_err();
        assert_eq!(error.code(), "language.unknown");
    }

    #[test]
    fn fallback_prefers_latvian_then_english() {
        let text = LocalizedText::new(Language::Russian, "Счёт").with(Language::English, "Invoice");
        assert_eq!(text.get(Language::German), "Invoice");
        assert_eq!(text.get(Language::Russian), "Счёт");
        let only_russian = LocalizedText::new(Language::Russian, "Счёт");
        assert_eq!(only_russian.get(Language::Latvian), "Счёт");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip_and_empty_rejected() {
        let text = LocalizedText::new(Language::Latvian, "Prece").with(Language::German, "Ware");
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, r#"{"lv":"Prece","de":"Ware"}"#);
        assert_eq!(serde_json::from_str::<LocalizedText>(&json).unwrap(), text);
        assert!(serde_json::from_str::<LocalizedText>("{}").is_err());
    }
}
