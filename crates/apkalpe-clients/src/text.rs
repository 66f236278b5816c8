//! Validated short texts and tokens, and the name folding used by search and duplicate checks.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::{TextRule, TextRuleError, TokenCase, TokenLetters, TokenRule};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::{ParseTextError, ParseTokenError};

/// Trims `text` and checks it is 1 to `max` characters with no control characters (newlines and
/// tabs allowed when `multiline`), by [`TextRule`].
pub(crate) fn check_text(
    field: &'static str,
    text: &str,
    max: usize,
    multiline: bool,
) -> Result<String, ParseTextError> {
    let rule = if multiline {
        TextRule::multiline(max)
    } else {
        TextRule::single_line(max)
    };
    rule.check(text)
        .map(str::to_owned)
        .map_err(|error| match error {
            TextRuleError::Blank => ParseTextError::Blank { field },
            TextRuleError::TooLong { max, found } => ParseTextError::TooLong { field, max, found },
            TextRuleError::ControlCharacter { position, .. }
            | TextRuleError::NotAllowed { position, .. } => {
                ParseTextError::ControlCharacter { field, position }
            }
            // `TextRuleError` is non-exhaustive; `TextRule` returns only the variants above.
            other => ParseTextError::ControlCharacter {
                field,
                position: other.position().unwrap_or_default(),
            },
        })
}

/// A token: 1–64 characters, letters (any script), digits, `-`, `_`, `.`, `/`; trimmed.
const TOKEN: TokenRule = TokenRule::new(64, TokenLetters::Unicode, "-_./");

/// Checks a token by [`TOKEN`]. With `lower`, letters are lower-cased.
fn check_token(kind: &'static str, text: &str, lower: bool) -> Result<String, ParseTokenError> {
    let rule = if lower {
        TOKEN.with_case(TokenCase::Lower)
    } else {
        TOKEN
    };
    rule.check(text).map_err(|error| match error {
        TextRuleError::Blank => ParseTokenError::Blank { kind },
        TextRuleError::TooLong { max, found } => ParseTokenError::TooLong { kind, max, found },
        TextRuleError::ControlCharacter {
            found, position, ..
        }
        | TextRuleError::NotAllowed {
            found, position, ..
        } => ParseTokenError::Character {
            kind,
            position,
            found,
        },
        // `TextRuleError` is non-exhaustive; `TokenRule` returns only the variants above.
        other => ParseTokenError::Character {
            kind,
            position: other.position().unwrap_or_default(),
            found: char::REPLACEMENT_CHARACTER,
        },
    })
}

macro_rules! token_type {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $lower:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
        pub struct $name(String);

        impl $name {
            /// Parses and checks the token: 1–64 letters, digits, `-`, `_`, `.` or `/`,
            /// surrounding whitespace ignored.
            ///
            /// # Errors
            ///
            /// [`ParseTokenError::Blank`], [`ParseTokenError::TooLong`] or
            /// [`ParseTokenError::Character`] (a space or other punctuation).
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::Tag;
            ///
            /// assert_eq!(Tag::try_new(" VIP ")?.as_str(), "vip");
            /// assert_eq!(Tag::try_new("a b").unwrap_err().code(), "token.character");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn try_new(text: &str) -> Result<Self, ParseTokenError> {
                check_token($kind, text, $lower).map($name)
            }

            /// Returns the token text.
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::Segment;
            ///
            /// assert_eq!(Segment::try_new("retail")?.as_str(), "retail");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            ///
            /// # Examples
            ///
            /// ```
            /// use apkalpe_clients::StaffMember;
            ///
            /// assert_eq!(StaffMember::try_new(" Ilze ")?.as_str(), "Ilze");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = ParseTokenError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::try_new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ParseTokenError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::try_new(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

token_type!(
    /// A client segment (*klientu segments*), such as `retail` or `wholesale`: a lower-case token.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Segment;
    ///
    /// let segment = Segment::try_new(" Retail ")?;
    /// assert_eq!(segment.as_str(), "retail");
    /// assert_eq!(Segment::try_new("big shops").unwrap_err().code(), "token.character");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    Segment,
    "segment",
    true
);

token_type!(
    /// A free label on a client (*birka*), such as `vip` or `newsletter`: a lower-case token.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Tag;
    ///
    /// assert_eq!(Tag::try_new("VIP")?.as_str(), "vip");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    Tag,
    "tag",
    true
);

token_type!(
    /// A product stock-keeping unit code (*preces kods*) as a plain string, so needs can point at
    /// catalogue products without depending on the catalogue crate. Case is kept.
    ///
    /// **Name clash.** `apkalpe-catalogue` has a `Sku` too, the catalogue's own checked code
    /// (at most 40 printed characters). This one is looser (a token of up to 64 characters),
    /// since a need may name a product the catalogue does not hold yet. A program that uses
    /// both imports this one from [`crate::prelude`] as
    /// [`NeedSku`](crate::prelude::NeedSku), or names it by path (`apkalpe_clients::Sku`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Sku;
    ///
    /// assert_eq!(Sku::try_new("BIKE-26-RED")?.as_str(), "BIKE-26-RED");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    Sku,
    "sku",
    false
);

token_type!(
    /// A legal form code (*uzņēmējdarbības forma*) as the Register of Enterprises writes it in
    /// its `type` column: `SIA`, `AS`, `IK`, `BDR`… Upper case is kept as given.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::LegalForm;
    ///
    /// assert_eq!(LegalForm::try_new("SIA")?.as_str(), "SIA");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    LegalForm,
    "legal_form",
    false
);

token_type!(
    /// The id of a survey, such as `service-2026`. Case is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::SurveyId;
    ///
    /// assert_eq!(SurveyId::try_new("service-2026")?.as_str(), "service-2026");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    SurveyId,
    "survey_id",
    false
);

token_type!(
    /// The id of a survey question, such as `nps` or `q1`. Case is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::QuestionId;
    ///
    /// assert!(QuestionId::try_new("q 1").is_err());
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    QuestionId,
    "question_id",
    false
);

token_type!(
    /// The id of an option of a choice question, such as `web`. Case is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::OptionId;
    ///
    /// assert_eq!(OptionId::try_new("web")?.as_str(), "web");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    OptionId,
    "option_id",
    false
);

token_type!(
    /// The id of a survey response, such as `r-0001`. Case is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ResponseId;
    ///
    /// assert_eq!(ResponseId::try_new("r-0001")?.as_str(), "r-0001");
    /// # Ok::<(), apkalpe_clients::ParseTokenError>(())
    /// ```
    ResponseId,
    "response_id",
    false
);

/// A staff member (*darbinieks*) who did something: a name or login, 1–100 characters.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::StaffMember;
///
/// let staff = StaffMember::try_new("Ilze K.")?;
/// assert_eq!(staff.as_str(), "Ilze K.");
/// assert_eq!(StaffMember::try_new(" ").unwrap_err().code(), "text.blank");
/// # Ok::<(), apkalpe_clients::ParseTextError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct StaffMember(String);

impl StaffMember {
    /// Checks a staff member's name: 1–100 characters, no control characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] with the field `staff`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::StaffMember;
    ///
    /// assert!(StaffMember::try_new("Jānis").is_ok());
    /// # Ok::<(), apkalpe_clients::ParseTextError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseTextError> {
        check_text("staff", text, 100, false).map(StaffMember)
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::StaffMember;
    ///
    /// assert_eq!(StaffMember::try_new(" Ilze ")?.as_str(), "Ilze");
    /// # Ok::<(), apkalpe_clients::ParseTextError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StaffMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for StaffMember {
    type Error = ParseTextError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        StaffMember::try_new(&value)
    }
}

impl From<StaffMember> for String {
    fn from(value: StaffMember) -> Self {
        value.0
    }
}

/// Folds one lower-case character: Latvian letters with diacritics become plain letters.
fn fold_char(c: char) -> char {
    match c {
        'ā' => 'a',
        'č' => 'c',
        'ē' => 'e',
        'ģ' => 'g',
        'ī' => 'i',
        'ķ' => 'k',
        'ļ' => 'l',
        'ņ' => 'n',
        'š' => 's',
        'ū' => 'u',
        'ž' => 'z',
        // Pre-1946 orthography still met in old names.
        'ō' => 'o',
        'ŗ' => 'r',
        other => other,
    }
}

/// Splits a name into search tokens: lower case, Latvian diacritics folded (ā č ē ģ ī ķ ļ ņ š ū
/// ž → a c e g i k l n s u z), anything but letters and digits a separator.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::name_tokens;
///
/// assert_eq!(name_tokens("SIA \"Ziemeļu Rati\""), ["sia", "ziemelu", "rati"]);
/// assert_eq!(name_tokens("Anna BĒRZIŅA"), ["anna", "berzina"]);
/// ```
pub fn name_tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            current.push(fold_char(c));
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// The folded tokens of a name, sorted, joined by one space: equal for the same name in any
/// case, spelling with or without diacritics, word order and punctuation.
pub(crate) fn name_key(text: &str) -> String {
    let mut tokens = name_tokens(text);
    tokens.sort_unstable();
    tokens.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_latvian_letter_in_both_cases() {
        assert_eq!(
            name_tokens("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"),
            ["acegiklnsuz", "acegiklnsuz"]
        );
    }

    #[test]
    fn name_key_ignores_order_and_punctuation() {
        assert_eq!(name_key("Bērziņa, Anna"), name_key("anna berzina"));
        assert_ne!(name_key("Anna Bērziņa"), name_key("Anna Bērziņš"));
    }

    #[test]
    fn tokens_and_texts_are_checked() {
        assert_eq!(Tag::try_new("a b").unwrap_err().code(), "token.character");
        assert_eq!(
            Tag::try_new(&"x".repeat(65)).unwrap_err().code(),
            "token.too_long"
        );
        assert_eq!(
            check_text("subject", "a\u{7}", 10, false)
                .unwrap_err()
                .code(),
            "text.control_character"
        );
        assert!(check_text("summary", "a\nb", 10, true).is_ok());
    }

    #[test]
    fn errors_keep_their_fields_after_the_core_rule() {
        // Positions count the trimmed text, as before the checks moved to core.
        assert_eq!(
            check_text("subject", "  ab\u{7}", 10, false).unwrap_err(),
            ParseTextError::ControlCharacter {
                field: "subject",
                position: 2
            }
        );
        assert_eq!(
            check_text("notes", "a\tb", 2, true).unwrap_err(),
            ParseTextError::TooLong {
                field: "notes",
                max: 2,
                found: 3
            }
        );
        assert_eq!(
            Segment::try_new(" ab\u{0}").unwrap_err(),
            ParseTokenError::Character {
                kind: "segment",
                position: 2,
                found: '\u{0}'
            }
        );
        assert_eq!(
            LegalForm::try_new("\t").unwrap_err(),
            ParseTokenError::Blank { kind: "legal_form" }
        );
    }

    #[test]
    fn lower_case_tokens_read_back_as_themselves() {
        let tag = Tag::try_new("ŠĶĒRSIELA").unwrap();
        assert_eq!(tag.as_str(), "šķērsiela");
        assert_eq!(Tag::try_new(tag.as_str()).unwrap(), tag);
        // `İ` lower-cases to two characters, the second no letter: refused, not stored as a
        // tag that could not be read back.
        assert_eq!(
            Tag::try_new("İ").unwrap_err(),
            ParseTokenError::Character {
                kind: "tag",
                position: 0,
                found: 'İ'
            }
        );
        assert_eq!(Sku::try_new("İ").unwrap().as_str(), "İ");
    }
}
