//! Registration patterns such as `{index}/{seq}`: parsing a template and writing a number.

use super::*;

/// One piece of a registration pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Part {
    Literal(String),
    Index,
    Year,
    ShortYear,
    Sequence(Option<u8>),
}

/// The template of registration numbers: literal text plus `{index}` (the case index),
/// `{year}`, `{yy}`, `{seq}` or `{seq:N}` (zero-padded to N digits, 1–10).
///
/// Core's `NumberPattern` has no `{index}` token, so the register renders its numbers itself
/// with this pattern. It also keeps its own gapless counter per year instead of a core
/// `NumberSeries`, whose `issue` allocates two strings per number: registering a million
/// documents must take under a second. The rules are the series' rules: a sequence per year
/// from 1, years only move forward, a fixed width caps the sequence.
///
/// A pattern with `{index}` must separate it from `{seq}` with a literal holding a character
/// that is not a letter, digit or dot (`{index}/{seq}`, not `{index}{seq}`): case indexes are
/// letters, digits and dots, so without one "1" + "11" and "11" + "1" would both render as
/// "111", and two documents of a year could share a number.
///
/// Serialised as its template string and deserialised through [`RegistrationPattern::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_documents::RegistrationPattern;
///
/// let pattern = RegistrationPattern::try_new("{index}/{seq}")?;
/// assert_eq!(pattern.to_string(), "{index}/{seq}");
/// assert_eq!(RegistrationPattern::try_new("{index}").unwrap_err().code(), "register.pattern");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct RegistrationPattern {
    pub(super) template: String,
    pub(super) parts: Vec<Part>,
    pub(super) width: Option<u8>,
}

impl TryFrom<String> for RegistrationPattern {
    type Error = RegisterError;

    fn try_from(template: String) -> Result<Self, Self::Error> {
        RegistrationPattern::try_new(&template)
    }
}

impl From<RegistrationPattern> for String {
    fn from(pattern: RegistrationPattern) -> Self {
        pattern.template
    }
}

/// Tells whether a literal separates an `{index}` from `{seq}`: it holds a character no
/// case index and no sequence holds.
pub(super) fn separates(part: &Part) -> bool {
    match part {
        Part::Literal(literal) => literal
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '.')),
        _ => false,
    }
}

impl RegistrationPattern {
    /// Parses a template.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Pattern`] unless `{seq}` / `{seq:N}` occurs exactly once, every token
    /// is known, every brace is closed, `N` is 1 to 10, every `{index}` is separated from
    /// `{seq}` by a character other than a letter, digit or dot, and the template is 1 to 64
    /// characters without control characters.
    pub fn try_new(template: &str) -> Result<Self, RegisterError> {
        let error = |problem: &'static str| RegisterError::Pattern {
            template: echo(template),
            problem,
        };
        if template.is_empty() || template.chars().count() > 64 {
            return Err(error("must be 1 to 64 characters"));
        }
        if template.chars().any(char::is_control) {
            return Err(error("has a control character"));
        }
        let mut parts = Vec::new();
        let mut width = None;
        let mut sequences = 0_u8;
        let mut rest = template;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let close = rest
                        .find('}')
                        .ok_or_else(|| error("has an unclosed token"))?;
                    let token = rest.get(1..close).unwrap_or_default();
                    let part = match token {
                        "index" => Part::Index,
                        "year" => Part::Year,
                        "yy" => Part::ShortYear,
                        "seq" => Part::Sequence(None),
                        _ => match token.strip_prefix("seq:").map(str::parse::<u8>) {
                            Some(Ok(n)) if (1..=10).contains(&n) => Part::Sequence(Some(n)),
                            Some(_) => return Err(error("has a seq width outside 1-10")),
                            None => return Err(error("has an unknown token")),
                        },
                    };
                    if let Part::Sequence(w) = part {
                        sequences = sequences.saturating_add(1);
                        width = w;
                    }
                    parts.push(part);
                    rest = rest.get(close.saturating_add(1)..).unwrap_or_default();
                }
                found => {
                    let end = found.unwrap_or(rest.len());
                    let literal = rest.get(..end).unwrap_or_default();
                    if literal.contains('}') {
                        return Err(error("has an unmatched closing brace"));
                    }
                    parts.push(Part::Literal(literal.to_owned()));
                    rest = rest.get(end..).unwrap_or_default();
                }
            }
        }
        if sequences != 1 {
            return Err(error("needs exactly one {seq} token"));
        }
        let sequence_at = parts
            .iter()
            .position(|part| matches!(part, Part::Sequence(_)))
            .unwrap_or_default();
        for (index_at, _) in parts
            .iter()
            .enumerate()
            .filter(|(_, part)| matches!(part, Part::Index))
        {
            let between = parts
                .get(index_at.min(sequence_at)..index_at.max(sequence_at))
                .unwrap_or_default();
            if !between.iter().any(separates) {
                return Err(error(
                    "needs a character other than a letter, digit or dot between {index} and {seq}",
                ));
            }
        }
        Ok(RegistrationPattern {
            template: template.to_owned(),
            parts,
            width,
        })
    }

    /// Renders a number.
    pub(super) fn render(&self, index: &CaseIndex, year: i32, sequence: u32) -> String {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(16);
        for part in &self.parts {
            // Writing to a String cannot fail.
            let _ = match part {
                Part::Literal(literal) => text.write_str(literal),
                Part::Index => text.write_str(index.as_str()),
                Part::Year => write!(text, "{year:04}"),
                Part::ShortYear => write!(text, "{:02}", year.rem_euclid(100)),
                Part::Sequence(None) => write!(text, "{sequence}"),
                Part::Sequence(Some(width)) => {
                    write!(text, "{sequence:0width$}", width = usize::from(*width))
                }
            };
        }
        text
    }

    /// Returns the largest sequence the pattern can show.
    pub(super) fn max_sequence(&self) -> u32 {
        match self.width {
            Some(width) => 10_u32
                .checked_pow(u32::from(width))
                .and_then(|power| power.checked_sub(1))
                .unwrap_or(u32::MAX),
            None => u32::MAX,
        }
    }
}

impl fmt::Display for RegistrationPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.template)
    }
}
