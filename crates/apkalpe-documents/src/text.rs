//! Checks of free text fields: not blank, not too long, no control characters.

use std::fmt;

#[cfg(feature = "serde")]
use apkalpe_core::HasCode;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::Deserialize;

/// What is wrong with a free text field (a title, a name, a requisite's value).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{DocumentDraft, DocumentKind, Requisite, TextProblem};
///
/// let draft = DocumentDraft::new(DocumentKind::InternalMemo).with(Requisite::Title, "  ");
/// let error = draft.validate().unwrap_err();
/// assert!(error.problems().iter().any(|p| p.text_problem() == Some(&TextProblem::Blank)));
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "problem", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TextProblem {
    /// Empty or only whitespace.
    Blank,
    /// Longer than allowed.
    TooLong {
        /// The limit, in characters.
        max: usize,
        /// The length found, in characters.
        found: usize,
    },
    /// Holds a control character other than a line break or a tab (multi-line fields only).
    ControlCharacter,
}

impl TextProblem {
    /// Returns the stable code suffix: `blank`, `too_long` or `control_character`.
    pub fn code_suffix(&self) -> &'static str {
        match self {
            TextProblem::Blank => "blank",
            TextProblem::TooLong { .. } => "too_long",
            TextProblem::ControlCharacter => "control_character",
        }
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Blank => f.write_str("is blank"),
            TextProblem::TooLong { max, found } => {
                write!(f, "has {found} characters, at most {max} are allowed")
            }
            TextProblem::ControlCharacter => f.write_str("holds a control character"),
        }
    }
}

/// Whether line breaks are allowed in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    /// One line: every control character is refused.
    Single,
    /// Several lines: `\n`, `\r` and `\t` are allowed.
    Multi,
}

/// Trims `value` and checks it; returns the trimmed text.
pub(crate) fn clean(value: &str, max: usize, lines: Lines) -> Result<String, TextProblem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(TextProblem::Blank);
    }
    let found = trimmed.chars().count();
    if found > max {
        return Err(TextProblem::TooLong { max, found });
    }
    let bad = |c: char| match lines {
        Lines::Single => c.is_control(),
        Lines::Multi => c.is_control() && !matches!(c, '\n' | '\r' | '\t'),
    };
    if trimmed.chars().any(bad) {
        return Err(TextProblem::ControlCharacter);
    }
    Ok(trimmed.to_owned())
}

#[cfg(feature = "serde")]
/// Checks a saved text field with the check its constructor runs (`check`, which trims and
/// returns the clean text), for restoring: a value the check refuses is
/// [`RestoreError::invalid`] with the check's own code, and a value the check would change
/// (surrounding whitespace) is [`RestoreError::inconsistent`]: restoring never rewrites a
/// saved value silently.
pub(crate) fn check_saved<E: HasCode>(
    what: &'static str,
    field: &str,
    value: &str,
    check: impl FnOnce(&str) -> Result<String, E>,
) -> Result<(), RestoreError> {
    let clean = check(value).map_err(|cause| RestoreError::invalid(what, field, cause))?;
    if clean != value {
        return Err(RestoreError::inconsistent(
            what,
            field,
            "has surrounding whitespace, which its constructor trims",
        )
        .with_latvian_reason("sākumā vai beigās ir atstarpes, kuras, veidojot vērtību, noņem"));
    }
    Ok(())
}

#[cfg(feature = "serde")]
/// A JSON object read entry by entry, repeated keys kept: what the reader of an internally
/// tagged problem needs to accept the shape written before issue 13, where a text problem
/// inside a problem repeated the tag (`{"problem":"text","problem":"blank"}`).
#[derive(Debug)]
pub(crate) struct TaggedObject(Vec<(String, serde_json::Value)>);

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for TaggedObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;

        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = TaggedObject;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value::<serde_json::Value>()?));
                }
                Ok(TaggedObject(entries))
            }
        }

        deserializer.deserialize_map(Entries)
    }
}

#[cfg(feature = "serde")]
impl TaggedObject {
    /// Reads the object as `T`, dropping the first `tag` entry when it says `wrapper` and a
    /// second `tag` follows (the old doubled shape); every other shape is read as it is.
    pub(crate) fn read<T: serde::de::DeserializeOwned, E: serde::de::Error>(
        self,
        tag: &str,
        wrapper: &str,
    ) -> Result<T, E> {
        let tags = self.0.iter().filter(|(key, _)| key == tag).count();
        let mut object = serde_json::Map::new();
        let mut skip_wrapper = tags == 2;
        for (key, value) in self.0 {
            if skip_wrapper && key == tag && value.as_str() == Some(wrapper) {
                skip_wrapper = false;
                continue;
            }
            if object.contains_key(&key) {
                return Err(E::custom(format_args!("duplicate field `{key}`")));
            }
            object.insert(key, value);
        }
        serde_json::from_value(serde_json::Value::Object(object)).map_err(E::custom)
    }
}

/// Cuts text to 32 characters for echoing in an error.
pub(crate) fn echo(text: &str) -> String {
    text.chars().take(32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_and_checks() {
        assert_eq!(clean("  a b ", 10, Lines::Single), Ok("a b".to_owned()));
        assert_eq!(clean(" \t", 10, Lines::Single), Err(TextProblem::Blank));
        assert_eq!(
            clean("abcdef", 3, Lines::Single),
            Err(TextProblem::TooLong { max: 3, found: 6 })
        );
        assert_eq!(
            clean("a\nb", 10, Lines::Single),
            Err(TextProblem::ControlCharacter)
        );
        assert_eq!(clean("a\nb", 10, Lines::Multi), Ok("a\nb".to_owned()));
        assert_eq!(
            clean("a\u{7}b", 10, Lines::Multi),
            Err(TextProblem::ControlCharacter)
        );
    }
}
