//! Rules for short texts and tokens: the checks behind the validated text newtypes of the
//! domain crates (a staff member's name, a tag, a SKU, a catalogue id…).
//!
//! A [`TextRule`] is a free text: trimmed, 1 to `max_chars` characters, no control
//! characters (line feed, carriage return and tab allowed in a multi-line text). A
//! [`TokenRule`] is a code or id: trimmed, 1 to `max_chars` characters, each a letter or digit
//! of its [`TokenLetters`] or one of its punctuation characters, optionally folded to lower case
//! ([`TokenCase`]). Both report the facts of what is wrong as a [`TextRuleError`]; a domain
//! crate maps them into its own error with its field name.
//!
//! The checks run in a fixed order, so the same input always gets the same error: blank first,
//! then the characters from left to right (the first bad one is reported), then the length.
//! Lengths and positions count Unicode scalar values (Rust `char`s), not bytes: "Bērziņa" is 7
//! characters.

use std::fmt;

use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// A text that breaks a [`TextRule`] or a [`TokenRule`]: what is wrong and where.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{TextRule, TextRuleError};
///
/// let rule = TextRule::single_line(5);
/// let error = rule.check("  Liepāja ").unwrap_err();
/// assert_eq!(error, TextRuleError::TooLong { max: 5, found: 7 });
/// assert_eq!(error.code(), "text.too_long");
/// assert_eq!(error.to_string(), "text has 7 characters, at most 5 are allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextRuleError {
    /// Empty, or only white space.
    #[error("text must not be blank")]
    Blank,
    /// A control character (one the rule does not allow, such as a line feed in a single-line
    /// text, or any control character in a token).
    #[error("text has a control character {found:?} at position {position}")]
    ControlCharacter {
        /// The character.
        found: char,
        /// Its position in the trimmed text, in characters from 0.
        position: usize,
        /// Its position in the text as given, leading white space included.
        input_position: usize,
    },
    /// A character outside a token's letters and punctuation.
    #[error("text has a character {found:?} that is not allowed at position {position}")]
    NotAllowed {
        /// The character.
        found: char,
        /// Its position in the trimmed text, in characters from 0.
        position: usize,
        /// Its position in the text as given, leading white space included.
        input_position: usize,
    },
    /// More characters than the rule allows (counted after trimming).
    #[error("text has {found} characters, at most {max} are allowed")]
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// The characters found.
        found: usize,
    },
}

impl TextRuleError {
    /// Returns the stable code: `text.blank`, `text.control_character`, `text.not_allowed` or
    /// `text.too_long`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// assert_eq!(TextRule::single_line(10).check(" ").unwrap_err().code(), "text.blank");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            TextRuleError::Blank => "text.blank",
            TextRuleError::ControlCharacter { .. } => "text.control_character",
            TextRuleError::NotAllowed { .. } => "text.not_allowed",
            TextRuleError::TooLong { .. } => "text.too_long",
        }
    }

    /// Returns the position of the offending character in the trimmed text, for the errors
    /// that name one (`ControlCharacter`, `NotAllowed`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// let error = TextRule::single_line(10).check(" a\u{7}b").unwrap_err();
    /// assert_eq!(error.position(), Some(1));
    /// ```
    pub fn position(&self) -> Option<usize> {
        match self {
            TextRuleError::ControlCharacter { position, .. }
            | TextRuleError::NotAllowed { position, .. } => Some(*position),
            TextRuleError::Blank | TextRuleError::TooLong { .. } => None,
        }
    }
}

impl LocalizedError for TextRuleError {
    fn code(&self) -> &'static str {
        TextRuleError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            TextRuleError::Blank => f.write_str("teksts nedrīkst būt tukšs"),
            TextRuleError::ControlCharacter {
                found, position, ..
            } => write!(
                f,
                "tekstā ir vadības rakstzīme {found:?} pozīcijā {position}"
            ),
            TextRuleError::NotAllowed {
                found, position, ..
            } => write!(
                f,
                "tekstā ir neatļauta rakstzīme {found:?} pozīcijā {position}"
            ),
            TextRuleError::TooLong { max, found } => write!(
                f,
                "tekstā ir {}, atļauts ne vairāk kā {max}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
        }
    }
}

/// Whether a free text may span lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Lines {
    /// No control character at all.
    Single,
    /// Line feed, carriage return and tab allowed; other control characters refused.
    Multiple,
}

/// The rule of a free text such as a subject, a note or a person's name: trimmed, not blank,
/// at most `max_chars` characters, no control characters (a multi-line text may hold line
/// feeds, carriage returns and tabs).
///
/// What an accepted text promises: it is the input with surrounding white space removed, it is
/// not empty, it has at most [`TextRule::max_chars`] characters and no control character other
/// than those a multi-line rule allows. Any other character is kept as typed (letters of any
/// script, punctuation, inner spaces).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{TextRule, TextRuleError};
///
/// const SUBJECT: TextRule = TextRule::single_line(200);
/// assert_eq!(SUBJECT.check("  Rēķina kopija  ")?, "Rēķina kopija");
/// assert_eq!(SUBJECT.check("a\nb").unwrap_err().code(), "text.control_character");
/// assert_eq!(TextRule::multiline(4000).check("a\nb")?, "a\nb");
/// # Ok::<(), TextRuleError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextRule {
    max_chars: usize,
    lines: Lines,
}

impl TextRule {
    /// A single-line text of 1 to `max_chars` characters: no control characters at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// let rule = TextRule::single_line(100);
    /// assert_eq!((rule.max_chars(), rule.is_multiline()), (100, false));
    /// ```
    pub const fn single_line(max_chars: usize) -> Self {
        TextRule {
            max_chars,
            lines: Lines::Single,
        }
    }

    /// A multi-line text of 1 to `max_chars` characters: line feed, carriage return and tab
    /// allowed, other control characters refused.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// assert!(TextRule::multiline(10).check("a\r\n\tb").is_ok());
    /// assert!(TextRule::multiline(10).check("a\u{0}b").is_err());
    /// ```
    pub const fn multiline(max_chars: usize) -> Self {
        TextRule {
            max_chars,
            lines: Lines::Multiple,
        }
    }

    /// Returns the most characters allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// assert_eq!(TextRule::single_line(200).max_chars(), 200);
    /// ```
    pub const fn max_chars(self) -> usize {
        self.max_chars
    }

    /// Returns whether line feeds, carriage returns and tabs are allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// assert!(TextRule::multiline(4000).is_multiline());
    /// assert!(!TextRule::single_line(200).is_multiline());
    /// ```
    pub const fn is_multiline(self) -> bool {
        matches!(self.lines, Lines::Multiple)
    }

    /// Returns whether `c` may appear in the text (anything but a control character, and the
    /// line breaks and tab of a multi-line text).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::TextRule;
    ///
    /// assert!(TextRule::single_line(10).allows('ļ'));
    /// assert!(!TextRule::single_line(10).allows('\t'));
    /// assert!(TextRule::multiline(10).allows('\t'));
    /// ```
    pub fn allows(self, c: char) -> bool {
        !c.is_control() || (self.is_multiline() && matches!(c, '\n' | '\t' | '\r'))
    }

    /// Trims `text` and checks it against the rule; returns the trimmed text.
    ///
    /// # Errors
    ///
    /// - [`TextRuleError::Blank`] if nothing is left after trimming;
    /// - [`TextRuleError::ControlCharacter`] for the first control character the rule does
    ///   not allow;
    /// - [`TextRuleError::TooLong`] if the trimmed text has more than `max_chars` characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TextRule, TextRuleError};
    ///
    /// let rule = TextRule::single_line(3);
    /// assert_eq!(rule.check(" ābc ")?, "ābc");
    /// assert_eq!(
    ///     rule.check("  a\u{7}").unwrap_err(),
    ///     TextRuleError::ControlCharacter { found: '\u{7}', position: 1, input_position: 3 }
    /// );
    /// # Ok::<(), TextRuleError>(())
    /// ```
    pub fn check(self, text: &str) -> Result<&str, TextRuleError> {
        let trimmed = trim(text)?;
        if let Some((position, found)) = trimmed
            .text
            .chars()
            .enumerate()
            .find(|(_, c)| !self.allows(*c))
        {
            return Err(TextRuleError::ControlCharacter {
                found,
                position,
                input_position: trimmed.input_position(position),
            });
        }
        check_length(trimmed.text, self.max_chars)?;
        Ok(trimmed.text)
    }
}

/// The letters and digits a token may hold, besides its punctuation.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{TokenLetters, TokenRule};
///
/// assert!(TokenRule::new(32, TokenLetters::Unicode, "-").check("Bērziņš-1").is_ok());
/// assert!(TokenRule::new(32, TokenLetters::Ascii, "-").check("Bērziņš-1").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenLetters {
    /// Letters and digits of any script (Rust's `char::is_alphanumeric`): `Bērziņš`, `Ω1`.
    Unicode,
    /// `A–Z a–z 0–9`.
    Ascii,
    /// `a–z 0–9`: upper case is refused, not folded.
    AsciiLowercase,
}

impl TokenLetters {
    /// Returns whether `c` is one of these letters or digits.
    fn allows(self, c: char) -> bool {
        match self {
            TokenLetters::Unicode => c.is_alphanumeric(),
            TokenLetters::Ascii => c.is_ascii_alphanumeric(),
            TokenLetters::AsciiLowercase => c.is_ascii_lowercase() || c.is_ascii_digit(),
        }
    }
}

/// What a [`TokenRule`] does with the case of letters.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{TokenCase, TokenLetters, TokenRule};
///
/// let tag = TokenRule::new(32, TokenLetters::Ascii, "-").with_case(TokenCase::Lower);
/// assert_eq!(tag.check(" Retail ")?, "retail");
/// # Ok::<(), apkalpe_core::TextRuleError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenCase {
    /// Letters are kept as given: `LAP-E14-G5` stays `LAP-E14-G5`.
    Keep,
    /// Letters are folded to lower case after the check: `Retail` becomes `retail`.
    Lower,
}

/// The rule of a token, a code or id such as a tag, a SKU or a catalogue id: trimmed, not
/// blank, at most `max_chars` characters, each a letter or digit of its [`TokenLetters`] or
/// one of its punctuation characters, with its [`TokenCase`].
///
/// What an accepted token promises: it is the trimmed input (lower-cased with
/// [`TokenCase::Lower`]), it is not empty, it has at most [`TokenRule::max_chars`] characters,
/// every character is allowed by the rule and none is a control character, and checking it
/// again gives it back unchanged. With [`TokenCase::Lower`] a character is allowed only if its
/// lower-case form is one character the rule also allows, so folding never lengthens a token
/// (the one letter it refuses for that is `İ`, U+0130, whose lower case is two characters).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{TextRuleError, TokenCase, TokenLetters, TokenRule};
///
/// const SKU: TokenRule = TokenRule::new(40, TokenLetters::Ascii, "-_./");
/// assert_eq!(SKU.check(" LAP-E14-G5 ")?, "LAP-E14-G5");
///
/// const TAG: TokenRule = TokenRule::new(64, TokenLetters::Unicode, "-_./").with_case(TokenCase::Lower);
/// assert_eq!(TAG.check("Klientu-Dienas")?, "klientu-dienas");
/// assert_eq!(
///     TAG.check("a b").unwrap_err(),
///     TextRuleError::NotAllowed { found: ' ', position: 1, input_position: 1 }
/// );
/// # Ok::<(), TextRuleError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenRule {
    max_chars: usize,
    letters: TokenLetters,
    punctuation: &'static str,
    case: TokenCase,
}

impl TokenRule {
    /// A token of 1 to `max_chars` characters, each one of `letters` or a character of
    /// `punctuation`; case kept. Control characters are refused even if `punctuation` lists
    /// them.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenLetters, TokenRule};
    ///
    /// let id = TokenRule::new(32, TokenLetters::AsciiLowercase, "-_");
    /// assert!(id.check("winter-2026").is_ok());
    /// assert_eq!(id.check("Winter").unwrap_err().code(), "text.not_allowed");
    /// ```
    pub const fn new(max_chars: usize, letters: TokenLetters, punctuation: &'static str) -> Self {
        TokenRule {
            max_chars,
            letters,
            punctuation,
            case: TokenCase::Keep,
        }
    }

    /// Returns the rule with letters handled as `case` says.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenCase, TokenLetters, TokenRule};
    ///
    /// let segment = TokenRule::new(64, TokenLetters::Unicode, "-_").with_case(TokenCase::Lower);
    /// assert_eq!(segment.check("VAIRUMTIRDZNIECĪBA")?, "vairumtirdzniecība");
    /// # Ok::<(), apkalpe_core::TextRuleError>(())
    /// ```
    pub const fn with_case(self, case: TokenCase) -> Self {
        TokenRule { case, ..self }
    }

    /// Returns the most characters allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenLetters, TokenRule};
    ///
    /// assert_eq!(TokenRule::new(40, TokenLetters::Ascii, "-_./").max_chars(), 40);
    /// ```
    pub const fn max_chars(self) -> usize {
        self.max_chars
    }

    /// Returns the letters and digits allowed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenLetters, TokenRule};
    ///
    /// assert_eq!(TokenRule::new(40, TokenLetters::Ascii, "-").letters(), TokenLetters::Ascii);
    /// ```
    pub const fn letters(self) -> TokenLetters {
        self.letters
    }

    /// Returns the punctuation characters allowed besides the letters and digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenLetters, TokenRule};
    ///
    /// assert_eq!(TokenRule::new(40, TokenLetters::Ascii, "-_./").punctuation(), "-_./");
    /// ```
    pub const fn punctuation(self) -> &'static str {
        self.punctuation
    }

    /// Returns what the rule does with the case of letters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenCase, TokenLetters, TokenRule};
    ///
    /// assert_eq!(TokenRule::new(40, TokenLetters::Ascii, "-").case(), TokenCase::Keep);
    /// ```
    pub const fn case(self) -> TokenCase {
        self.case
    }

    /// Returns whether `c` may appear in a token given to [`TokenRule::check`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TokenLetters, TokenRule};
    ///
    /// let sku = TokenRule::new(40, TokenLetters::Ascii, "-_./");
    /// assert!(sku.allows('/'));
    /// assert!(!sku.allows('ā'));
    /// ```
    pub fn allows(self, c: char) -> bool {
        if !self.allows_as_is(c) {
            return false;
        }
        match self.case {
            TokenCase::Keep => true,
            TokenCase::Lower => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(folded), None) => self.allows_as_is(folded),
                    _ => false,
                }
            }
        }
    }

    /// Returns whether `c` is allowed before any case folding.
    fn allows_as_is(self, c: char) -> bool {
        !c.is_control() && (self.letters.allows(c) || self.punctuation.contains(c))
    }

    /// Trims `text`, checks it against the rule and returns the token, lower-cased with
    /// [`TokenCase::Lower`].
    ///
    /// # Errors
    ///
    /// - [`TextRuleError::Blank`] if nothing is left after trimming;
    /// - [`TextRuleError::ControlCharacter`] or [`TextRuleError::NotAllowed`] for the first
    ///   character the rule does not allow;
    /// - [`TextRuleError::TooLong`] if the trimmed text has more than `max_chars` characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{TextRuleError, TokenLetters, TokenRule};
    ///
    /// let sku = TokenRule::new(40, TokenLetters::Ascii, "-_./");
    /// assert_eq!(
    ///     sku.check("  AB C").unwrap_err(),
    ///     TextRuleError::NotAllowed { found: ' ', position: 2, input_position: 4 }
    /// );
    /// assert_eq!(
    ///     sku.check(&"A".repeat(41)).unwrap_err(),
    ///     TextRuleError::TooLong { max: 40, found: 41 }
    /// );
    /// ```
    pub fn check(self, text: &str) -> Result<String, TextRuleError> {
        let trimmed = trim(text)?;
        if let Some((position, found)) = trimmed
            .text
            .chars()
            .enumerate()
            .find(|(_, c)| !self.allows(*c))
        {
            let input_position = trimmed.input_position(position);
            return Err(if found.is_control() {
                TextRuleError::ControlCharacter {
                    found,
                    position,
                    input_position,
                }
            } else {
                TextRuleError::NotAllowed {
                    found,
                    position,
                    input_position,
                }
            });
        }
        check_length(trimmed.text, self.max_chars)?;
        Ok(match self.case {
            TokenCase::Keep => trimmed.text.to_owned(),
            TokenCase::Lower => trimmed.text.to_lowercase(),
        })
    }
}

/// A text with surrounding white space removed, and how many characters went from its start.
struct Trimmed<'a> {
    text: &'a str,
    leading: usize,
}

impl Trimmed<'_> {
    /// Turns a position in the trimmed text into one in the text as given.
    fn input_position(&self, position: usize) -> usize {
        self.leading.saturating_add(position)
    }
}

/// Trims `text` (Unicode white space, as `str::trim`); a blank text is an error.
fn trim(text: &str) -> Result<Trimmed<'_>, TextRuleError> {
    let text_start = text.trim_start();
    let trimmed = text_start.trim_end();
    if trimmed.is_empty() {
        return Err(TextRuleError::Blank);
    }
    let leading = text
        .get(..text.len().saturating_sub(text_start.len()))
        .map_or(0, |removed| removed.chars().count());
    Ok(Trimmed {
        text: trimmed,
        leading,
    })
}

/// Checks that `text` has at most `max` characters.
fn check_length(text: &str, max: usize) -> Result<(), TextRuleError> {
    let found = text.chars().count();
    if found > max {
        return Err(TextRuleError::TooLong { max, found });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT_TOKEN: TokenRule = TokenRule::new(64, TokenLetters::Unicode, "-_./");
    const ID: TokenRule = TokenRule::new(32, TokenLetters::AsciiLowercase, "-_");

    #[test]
    fn text_is_trimmed_and_checked_in_order() {
        let rule = TextRule::single_line(3);
        assert_eq!(rule.check("\u{a0} a b \n").unwrap(), "a b");
        assert_eq!(rule.check(" \t\n ").unwrap_err(), TextRuleError::Blank);
        assert_eq!(rule.check("").unwrap_err(), TextRuleError::Blank);
        // A bad character is reported before the length.
        assert_eq!(
            rule.check("abcd\u{0}").unwrap_err(),
            TextRuleError::ControlCharacter {
                found: '\u{0}',
                position: 4,
                input_position: 4
            }
        );
        assert_eq!(
            rule.check("abcd").unwrap_err(),
            TextRuleError::TooLong { max: 3, found: 4 }
        );
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let rule = TextRule::single_line(7);
        assert_eq!(rule.check("Bērziņa").unwrap(), "Bērziņa");
        assert_eq!(
            rule.check("Bērziņam").unwrap_err(),
            TextRuleError::TooLong { max: 7, found: 8 }
        );
    }

    #[test]
    fn multiline_allows_only_line_breaks_and_tab() {
        let rule = TextRule::multiline(20);
        assert_eq!(rule.check("a\r\n\tb").unwrap(), "a\r\n\tb");
        assert_eq!(
            rule.check("a\u{1b}b").unwrap_err(),
            TextRuleError::ControlCharacter {
                found: '\u{1b}',
                position: 1,
                input_position: 1
            }
        );
        assert!(TextRule::single_line(20).check("a\tb").is_err());
    }

    #[test]
    fn positions_in_trimmed_and_given_text() {
        let error = CLIENT_TOKEN.check("\u{3000} ab,c").unwrap_err();
        assert_eq!(
            error,
            TextRuleError::NotAllowed {
                found: ',',
                position: 2,
                input_position: 4
            }
        );
        assert_eq!(error.position(), Some(2));
        assert_eq!(TextRuleError::Blank.position(), None);
    }

    #[test]
    fn token_letters_differ() {
        assert_eq!(CLIENT_TOKEN.check("Bērziņš-1").unwrap(), "Bērziņš-1");
        let sku = TokenRule::new(40, TokenLetters::Ascii, "-_./");
        assert_eq!(sku.check("ā").unwrap_err().code(), "text.not_allowed");
        assert_eq!(ID.check("a.b").unwrap_err().code(), "text.not_allowed");
        assert_eq!(ID.check("aB").unwrap_err().position(), Some(1));
        assert_eq!(ID.check("a_b-1").unwrap(), "a_b-1");
    }

    #[test]
    fn token_control_characters_are_never_allowed() {
        let odd = TokenRule::new(8, TokenLetters::Ascii, "\u{7}-");
        assert_eq!(
            odd.check("a\u{7}").unwrap_err(),
            TextRuleError::ControlCharacter {
                found: '\u{7}',
                position: 1,
                input_position: 1
            }
        );
        assert_eq!(
            CLIENT_TOKEN.check("a\nb").unwrap_err().code(),
            "text.control_character"
        );
    }

    #[test]
    fn lower_case_folds_after_the_check_and_keeps_the_length() {
        let tag = CLIENT_TOKEN.with_case(TokenCase::Lower);
        assert_eq!(tag.check(" VIP ").unwrap(), "vip");
        assert_eq!(tag.check("ŠĶĒRSIELA").unwrap(), "šķērsiela");
        // Final sigma as `str::to_lowercase` writes it.
        assert_eq!(tag.check("ΣΑΣ").unwrap(), "σας");
        // Its lower case is two characters, and the second is no letter: refused.
        assert_eq!(
            tag.check("Iİ").unwrap_err(),
            TextRuleError::NotAllowed {
                found: 'İ',
                position: 1,
                input_position: 1
            }
        );
        assert!(CLIENT_TOKEN.check("İ").is_ok());
        assert_eq!(
            tag.check(&"A".repeat(65)).unwrap_err(),
            TextRuleError::TooLong { max: 64, found: 65 }
        );
    }

    #[test]
    fn accessors_return_the_rule() {
        let rule = ID.with_case(TokenCase::Lower);
        assert_eq!(rule.max_chars(), 32);
        assert_eq!(rule.letters(), TokenLetters::AsciiLowercase);
        assert_eq!(rule.punctuation(), "-_");
        assert_eq!(rule.case(), TokenCase::Lower);
        assert_eq!(ID.case(), TokenCase::Keep);
        let text = TextRule::multiline(9);
        assert_eq!((text.max_chars(), text.is_multiline()), (9, true));
    }

    #[test]
    fn zero_max_refuses_every_text() {
        assert_eq!(
            TextRule::single_line(0).check("a").unwrap_err(),
            TextRuleError::TooLong { max: 0, found: 1 }
        );
    }

    #[test]
    fn codes_are_distinct_and_dotted() {
        let errors = [
            TextRuleError::Blank,
            TextRuleError::ControlCharacter {
                found: '\u{0}',
                position: 0,
                input_position: 0,
            },
            TextRuleError::NotAllowed {
                found: ' ',
                position: 0,
                input_position: 0,
            },
            TextRuleError::TooLong { max: 1, found: 2 },
        ];
        let mut codes: Vec<&str> = errors.iter().map(TextRuleError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
        assert!(codes.iter().all(|code| code.starts_with("text.")));
    }
}
