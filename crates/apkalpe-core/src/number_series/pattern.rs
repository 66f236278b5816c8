//! The template a number series renders its numbers from.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The longest template accepted, in characters.
const MAX_PATTERN_CHARS: usize = 64;

/// The widest zero padding of `{seq:N}`: `u32::MAX` has 10 digits.
const MAX_WIDTH: u8 = 10;

/// The longest token text echoed back in an error, in characters.
const ECHO_CHARS: usize = 16;

/// One piece of a parsed [`NumberPattern`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    /// Text copied as it is.
    Literal(String),
    /// `{year}`: the four-digit year.
    Year,
    /// `{yy}`: the last two digits of the year.
    ShortYear,
    /// `{seq}` (`width` = `None`) or `{seq:N}` (zero-padded to exactly `N` digits).
    Sequence { width: Option<u8> },
}

/// The template of a document number series (*numerācijas veidne*): literal text plus tokens.
///
/// | token | renders | example for 2026, sequence 7 |
/// |---|---|---|
/// | `{year}` | the year, four digits | `2026` |
/// | `{yy}` | the last two digits of the year | `26` |
/// | `{seq}` | the sequence, no padding | `7` |
/// | `{seq:N}` | the sequence zero-padded to exactly `N` digits (1 ≤ `N` ≤ 10) | `{seq:5}` → `00007` |
/// | `{{`, `}}` | a literal `{` or `}` | |
///
/// Everything else is literal text (the prefix, separators). `{seq}` or `{seq:N}` must occur
/// exactly once; the year tokens may occur any number of times. A template is at most 64
/// characters and holds no control characters.
///
/// The width of `{seq:N}` is a fixed width, not a minimum: a series with `{seq:5}` can issue
/// 99 999 numbers per period and then refuses to issue more
/// ([`NumberSeriesError::SequenceExhausted`](crate::NumberSeriesError::SequenceExhausted)),
/// rather than silently growing the number's length. Without a width the limit is `u32::MAX`.
///
/// Serialised as its template text, and parsed back through [`FromStr`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::NumberPattern;
///
/// let pattern: NumberPattern = "INV{year}-{seq:5}".parse()?;
/// assert_eq!(pattern.to_string(), "INV{year}-{seq:5}");
/// assert!(pattern.has_year());
/// assert_eq!(pattern.max_sequence(), 99_999);
///
/// let error = "INV{year}".parse::<NumberPattern>().unwrap_err();
/// assert_eq!(error.code(), "number_pattern.missing_sequence");
/// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct NumberPattern {
    parts: Vec<Part>,
}

/// The error returned when a number template cannot be parsed.
///
/// Positions count characters (not bytes) from 0.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{NumberPattern, ParseNumberPatternError};
///
/// assert_eq!("INV-".parse::<NumberPattern>(), Err(ParseNumberPatternError::MissingSequence));
/// assert_eq!(
///     "INV{seq".parse::<NumberPattern>(),
///     Err(ParseNumberPatternError::UnclosedToken { position: 3 })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseNumberPatternError {
    /// The template has no `{seq}` token (this includes the empty template).
    #[error("number pattern needs a {{seq}} token")]
    MissingSequence,
    /// A second `{seq}` token.
    #[error("number pattern has a second {{seq}} token at position {position}")]
    DuplicateSequence {
        /// Where the second token starts.
        position: usize,
    },
    /// A `{` without its closing `}`.
    #[error("number pattern token opened at position {position} is not closed")]
    UnclosedToken {
        /// Where the `{` is.
        position: usize,
    },
    /// A `}` outside a token that is not doubled as `}}`.
    #[error(
        "number pattern has an unmatched '}}' at position {position} (write '}}}}' for a literal one)"
    )]
    UnmatchedClosingBrace {
        /// Where the `}` is.
        position: usize,
    },
    /// A token other than `year`, `yy`, `seq` or `seq:N`.
    #[error(
        "unknown number pattern token {token:?} at position {position}: expected year, yy, seq or seq:N"
    )]
    UnknownToken {
        /// Where the token's `{` is.
        position: usize,
        /// The text between the braces, cut to 16 characters.
        token: String,
    },
    /// The `N` of `{seq:N}` is not a number from 1 to 10.
    #[error("sequence width {found:?} at position {position} is not a number from 1 to 10")]
    InvalidWidth {
        /// Where the token's `{` is.
        position: usize,
        /// The width text, cut to 16 characters.
        found: String,
    },
    /// A control character (tab, newline…) in the template.
    #[error("number pattern has a control character at position {position}")]
    ControlCharacter {
        /// Where the character is.
        position: usize,
    },
    /// The template is longer than 64 characters.
    #[error("number pattern has {found} characters, at most {max} are allowed")]
    TooLong {
        /// The limit.
        max: usize,
        /// The template's length in characters.
        found: usize,
    },
}

impl ParseNumberPatternError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::NumberPattern;
    ///
    /// let error = "A{seq:0}".parse::<NumberPattern>().unwrap_err();
    /// assert_eq!(error.code(), "number_pattern.invalid_width");
    /// assert_eq!(error.to_string(), "sequence width \"0\" at position 1 is not a number from 1 to 10");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseNumberPatternError::MissingSequence => "number_pattern.missing_sequence",
            ParseNumberPatternError::DuplicateSequence { .. } => {
                "number_pattern.duplicate_sequence"
            }
            ParseNumberPatternError::UnclosedToken { .. } => "number_pattern.unclosed_token",
            ParseNumberPatternError::UnmatchedClosingBrace { .. } => {
                "number_pattern.unmatched_closing_brace"
            }
            ParseNumberPatternError::UnknownToken { .. } => "number_pattern.unknown_token",
            ParseNumberPatternError::InvalidWidth { .. } => "number_pattern.invalid_width",
            ParseNumberPatternError::ControlCharacter { .. } => "number_pattern.control_character",
            ParseNumberPatternError::TooLong { .. } => "number_pattern.too_long",
        }
    }
}

impl LocalizedError for ParseNumberPatternError {
    fn code(&self) -> &'static str {
        ParseNumberPatternError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseNumberPatternError::MissingSequence => {
                f.write_str("numura veidnē jābūt marķierim {seq}")
            }
            ParseNumberPatternError::DuplicateSequence { position } => write!(
                f,
                "numura veidnē pozīcijā {position} ir otrs marķieris {{seq}}"
            ),
            ParseNumberPatternError::UnclosedToken { position } => write!(
                f,
                "numura veidnes marķieris, kas sākas pozīcijā {position}, nav aizvērts"
            ),
            ParseNumberPatternError::UnmatchedClosingBrace { position } => write!(
                f,
                "numura veidnē pozīcijā {position} ir nesapārota '}}' (iekavu kā tekstu raksta '}}}}')"
            ),
            ParseNumberPatternError::UnknownToken { position, token } => write!(
                f,
                "nezināms numura veidnes marķieris {token:?} pozīcijā {position}: gaidīts year, yy, seq vai seq:N"
            ),
            ParseNumberPatternError::InvalidWidth { position, found } => write!(
                f,
                "kārtas numura platums {found:?} pozīcijā {position} nav skaitlis no 1 līdz 10"
            ),
            ParseNumberPatternError::ControlCharacter { position } => {
                write!(f, "numura veidnē pozīcijā {position} ir vadības rakstzīme")
            }
            ParseNumberPatternError::TooLong { max, found } => write!(
                f,
                "numura veidnē ir {}, atļauts ne vairāk kā {max}",
                latvian::count(latvian::CHARACTERS, *found)
            ),
        }
    }
}

/// Cuts text to at most `ECHO_CHARS` characters for an error message.
fn echo(text: &str) -> String {
    text.chars().take(ECHO_CHARS).collect()
}

/// Parses the token text between braces; `position` is where its `{` is.
fn parse_token(token: &str, position: usize) -> Result<Part, ParseNumberPatternError> {
    match token {
        "year" => Ok(Part::Year),
        "yy" => Ok(Part::ShortYear),
        "seq" => Ok(Part::Sequence { width: None }),
        _ => match token.strip_prefix("seq:") {
            Some(width_text) => {
                let invalid = || ParseNumberPatternError::InvalidWidth {
                    position,
                    found: echo(width_text),
                };
                // Digits only: `u8::from_str` would also accept a leading `+`.
                if width_text.is_empty()
                    || width_text.len() > 2
                    || !width_text.bytes().all(|byte| byte.is_ascii_digit())
                {
                    return Err(invalid());
                }
                let width: u8 = width_text.parse().map_err(|_| invalid())?;
                if width == 0 || width > MAX_WIDTH {
                    return Err(invalid());
                }
                Ok(Part::Sequence { width: Some(width) })
            }
            None => Err(ParseNumberPatternError::UnknownToken {
                position,
                token: echo(token),
            }),
        },
    }
}

impl NumberPattern {
    /// Parses a template; see the type's table for the syntax.
    ///
    /// # Errors
    ///
    /// - [`ParseNumberPatternError::TooLong`] above 64 characters;
    /// - [`ParseNumberPatternError::ControlCharacter`] for a control character;
    /// - [`ParseNumberPatternError::UnclosedToken`] for a `{` without `}`;
    /// - [`ParseNumberPatternError::UnmatchedClosingBrace`] for a lone `}`;
    /// - [`ParseNumberPatternError::UnknownToken`] for a token other than `year`, `yy`, `seq`,
    ///   `seq:N`;
    /// - [`ParseNumberPatternError::InvalidWidth`] unless 1 ≤ `N` ≤ 10;
    /// - [`ParseNumberPatternError::MissingSequence`] and
    ///   [`ParseNumberPatternError::DuplicateSequence`] unless `{seq}` occurs exactly once.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::NumberPattern;
    ///
    /// let pattern = NumberPattern::try_new("KIO-{yy}/{seq}")?;
    /// assert_eq!(pattern.to_string(), "KIO-{yy}/{seq}");
    /// let error = NumberPattern::try_new("KIO-{month}-{seq}").unwrap_err();
    /// assert_eq!(error.code(), "number_pattern.unknown_token");
    /// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
    /// ```
    pub fn try_new(template: &str) -> Result<Self, ParseNumberPatternError> {
        let found = template.chars().count();
        if found > MAX_PATTERN_CHARS {
            return Err(ParseNumberPatternError::TooLong {
                max: MAX_PATTERN_CHARS,
                found,
            });
        }
        let mut parts: Vec<Part> = Vec::new();
        let mut literal = String::new();
        let mut has_sequence = false;
        let mut chars = template.chars().enumerate().peekable();
        while let Some((position, character)) = chars.next() {
            if character.is_control() {
                return Err(ParseNumberPatternError::ControlCharacter { position });
            }
            match character {
                '{' if chars.next_if(|&(_, next)| next == '{').is_some() => literal.push('{'),
                '}' if chars.next_if(|&(_, next)| next == '}').is_some() => literal.push('}'),
                '}' => return Err(ParseNumberPatternError::UnmatchedClosingBrace { position }),
                '{' => {
                    let mut token = String::new();
                    let mut closed = false;
                    for (inner_position, inner) in chars.by_ref() {
                        if inner == '}' {
                            closed = true;
                            break;
                        }
                        if inner.is_control() {
                            return Err(ParseNumberPatternError::ControlCharacter {
                                position: inner_position,
                            });
                        }
                        token.push(inner);
                    }
                    if !closed {
                        return Err(ParseNumberPatternError::UnclosedToken { position });
                    }
                    let part = parse_token(&token, position)?;
                    if matches!(part, Part::Sequence { .. }) {
                        if has_sequence {
                            return Err(ParseNumberPatternError::DuplicateSequence { position });
                        }
                        has_sequence = true;
                    }
                    if !literal.is_empty() {
                        parts.push(Part::Literal(std::mem::take(&mut literal)));
                    }
                    parts.push(part);
                }
                other => literal.push(other),
            }
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(literal));
        }
        if !has_sequence {
            return Err(ParseNumberPatternError::MissingSequence);
        }
        Ok(NumberPattern { parts })
    }

    /// Tells whether the template shows the year (`{year}` or `{yy}`).
    ///
    /// A series that restarts its sequence each year needs this, or its numbers would repeat.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::NumberPattern;
    ///
    /// assert!("INV{year}-{seq}".parse::<NumberPattern>()?.has_year());
    /// assert!(!"KIO-{seq}".parse::<NumberPattern>()?.has_year());
    /// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
    /// ```
    pub fn has_year(&self) -> bool {
        self.parts
            .iter()
            .any(|part| matches!(part, Part::Year | Part::ShortYear))
    }

    /// Tells whether the template shows the year only as two digits (`{yy}` without `{year}`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::NumberPattern;
    ///
    /// assert!("R{yy}-{seq}".parse::<NumberPattern>()?.has_only_short_year());
    /// assert!(!"R{year}-{seq}".parse::<NumberPattern>()?.has_only_short_year());
    /// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
    /// ```
    pub fn has_only_short_year(&self) -> bool {
        self.parts.contains(&Part::ShortYear) && !self.parts.contains(&Part::Year)
    }

    /// Returns the largest sequence the template can show: `10^N − 1` for `{seq:N}` (capped at
    /// `u32::MAX`), `u32::MAX` for `{seq}`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::NumberPattern;
    ///
    /// assert_eq!("INV-{seq:5}".parse::<NumberPattern>()?.max_sequence(), 99_999);
    /// assert_eq!("INV-{seq}".parse::<NumberPattern>()?.max_sequence(), u32::MAX);
    /// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
    /// ```
    pub fn max_sequence(&self) -> u32 {
        let width = self.parts.iter().find_map(|part| match part {
            Part::Sequence { width } => *width,
            _ => None,
        });
        match width {
            Some(width) => 10_u32
                .checked_pow(u32::from(width))
                .and_then(|power| power.checked_sub(1))
                .unwrap_or(u32::MAX),
            None => u32::MAX,
        }
    }

    /// Renders a number. The caller keeps `1 <= year <= 9999` and
    /// `sequence <= self.max_sequence()`, so every token has its promised width.
    pub(crate) fn render(&self, year: i32, sequence: u32) -> String {
        let mut text = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(literal) => text.push_str(literal),
                Part::Year => text.push_str(&format!("{year:04}")),
                Part::ShortYear => text.push_str(&format!("{:02}", year.rem_euclid(100))),
                Part::Sequence { width: None } => text.push_str(&sequence.to_string()),
                Part::Sequence { width: Some(width) } => {
                    text.push_str(&format!("{sequence:0width$}", width = usize::from(*width)));
                }
            }
        }
        text
    }
}

impl fmt::Display for NumberPattern {
    /// Writes the canonical template, which parses back to an equal pattern.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.parts {
            match part {
                Part::Literal(literal) => {
                    for character in literal.chars() {
                        match character {
                            '{' => f.write_str("{{")?,
                            '}' => f.write_str("}}")?,
                            other => write!(f, "{other}")?,
                        }
                    }
                }
                Part::Year => f.write_str("{year}")?,
                Part::ShortYear => f.write_str("{yy}")?,
                Part::Sequence { width: None } => f.write_str("{seq}")?,
                Part::Sequence { width: Some(width) } => write!(f, "{{seq:{width}}}")?,
            }
        }
        Ok(())
    }
}

impl FromStr for NumberPattern {
    type Err = ParseNumberPatternError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NumberPattern::try_new(s)
    }
}

impl TryFrom<String> for NumberPattern {
    type Error = ParseNumberPatternError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        NumberPattern::try_new(&value)
    }
}

impl From<NumberPattern> for String {
    fn from(pattern: NumberPattern) -> Self {
        pattern.to_string()
    }
}
