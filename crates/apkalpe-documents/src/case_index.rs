//! The hierarchical index of a file-plan entry (*lietas indekss*): `1`, `1.2`, `1.2.3`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::text::echo;

/// The most segments an index may have.
const MAX_SEGMENTS: usize = 8;

/// The longest segment, in characters.
const MAX_SEGMENT_CHARS: usize = 10;

/// The index of a classification level or a case in the file plan (*klasifikācijas līmeņa
/// un lietas indekss*, MK 282 column 1): segments of ASCII letters and digits joined by dots,
/// `3`, `3.1`, `3.1.2a`.
///
/// The parent of `3.1.2` is `3.1`; a top-level index has no parent. Indexes order segment by
/// segment, numerically where both segments are numbers (`3.2` < `3.10`).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::CaseIndex;
///
/// let index: CaseIndex = "3.1.2".parse()?;
/// assert_eq!(index.parent().map(|p| p.to_string()), Some("3.1".to_owned()));
/// assert_eq!(index.depth(), 3);
/// assert!("3.2".parse::<CaseIndex>()? < "3.10".parse::<CaseIndex>()?);
/// assert_eq!("3..1".parse::<CaseIndex>().unwrap_err().code(), "case_index.segment");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CaseIndex(Arc<str>);

/// The error returned when text is not a case index.
///
/// It serialises (tagged by `error`) because a file plan's validation report carries it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "error", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ParseCaseIndexError {
    /// The text is empty or blank.
    #[error("case index is empty")]
    Empty,
    /// A segment is empty, longer than 10 characters or holds a character other than an ASCII
    /// letter or digit.
    #[error("case index segment {position} ({found:?}) must be 1 to 10 ascii letters or digits")]
    Segment {
        /// The segment's position, counted from 1.
        position: usize,
        /// The segment, cut to 32 characters.
        found: String,
    },
    /// More than 8 segments.
    #[error("case index has {found} segments, at most {max} are allowed")]
    TooDeep {
        /// The limit.
        max: usize,
        /// The number of segments.
        found: usize,
    },
}

impl ParseCaseIndexError {
    /// Returns the stable code: `case_index.empty`, `case_index.segment` or
    /// `case_index.too_deep`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseCaseIndexError::Empty => "case_index.empty",
            ParseCaseIndexError::Segment { .. } => "case_index.segment",
            ParseCaseIndexError::TooDeep { .. } => "case_index.too_deep",
        }
    }
}

impl CaseIndex {
    /// Parses an index; surrounding whitespace is ignored.
    ///
    /// # Errors
    ///
    /// [`ParseCaseIndexError::Empty`] for blank text, [`ParseCaseIndexError::Segment`] for a
    /// bad segment, [`ParseCaseIndexError::TooDeep`] above 8 segments.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::CaseIndex;
    ///
    /// assert_eq!(CaseIndex::try_new(" 2.4 ")?.as_str(), "2.4");
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseCaseIndexError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ParseCaseIndexError::Empty);
        }
        let mut found = 0_usize;
        for (number, segment) in text.split('.').enumerate() {
            found = number.saturating_add(1);
            let length = segment.chars().count();
            if length == 0
                || length > MAX_SEGMENT_CHARS
                || !segment.chars().all(|c| c.is_ascii_alphanumeric())
            {
                return Err(ParseCaseIndexError::Segment {
                    position: found,
                    found: echo(segment),
                });
            }
        }
        if found > MAX_SEGMENTS {
            return Err(ParseCaseIndexError::TooDeep {
                max: MAX_SEGMENTS,
                found,
            });
        }
        Ok(CaseIndex(Arc::from(text)))
    }

    /// Returns the index text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the index of the level above, or `None` for a top-level index.
    pub fn parent(&self) -> Option<CaseIndex> {
        self.0
            .rsplit_once('.')
            .map(|(parent, _)| CaseIndex(Arc::from(parent)))
    }

    /// Returns the number of segments (1 for a top-level index).
    pub fn depth(&self) -> usize {
        self.0.split('.').count()
    }

    /// Returns the segments.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }
}

/// Splits a segment into its leading number (if any) and the rest: `12a` → (12, "a").
fn split_segment(segment: &str) -> (Option<u64>, &str) {
    let end = segment
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(segment.len());
    let (digits, rest) = segment.split_at_checked(end).unwrap_or(("", segment));
    (digits.parse().ok(), rest)
}

/// Orders two segments naturally: by leading number (numbers before letters), then the rest,
/// then the text itself (`02` after `2`).
fn compare_segments(a: &str, b: &str) -> Ordering {
    let (number_a, rest_a) = split_segment(a);
    let (number_b, rest_b) = split_segment(b);
    let by_number = match (number_a, number_b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_number
        .then_with(|| rest_a.cmp(rest_b))
        .then_with(|| a.cmp(b))
}

impl Ord for CaseIndex {
    fn cmp(&self, other: &Self) -> Ordering {
        let mut left = self.segments();
        let mut right = other.segments();
        loop {
            match (left.next(), right.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(a), Some(b)) => match compare_segments(a, b) {
                    Ordering::Equal => {}
                    other => return other,
                },
            }
        }
    }
}

impl PartialOrd for CaseIndex {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for CaseIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CaseIndex {
    type Err = ParseCaseIndexError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseIndex::try_new(s)
    }
}

impl TryFrom<String> for CaseIndex {
    type Error = ParseCaseIndexError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CaseIndex::try_new(&value)
    }
}

impl From<CaseIndex> for String {
    fn from(index: CaseIndex) -> Self {
        index.0.as_ref().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let mut indexes: Vec<CaseIndex> = ["3.10", "3.2", "3", "10", "3.2a", "1.1"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        indexes.sort();
        let texts: Vec<&str> = indexes.iter().map(CaseIndex::as_str).collect();
        assert_eq!(texts, ["1.1", "3", "3.2", "3.2a", "3.10", "10"]);
    }

    #[test]
    fn rejects_bad_indexes() {
        assert_eq!(CaseIndex::try_new(" "), Err(ParseCaseIndexError::Empty));
        assert_eq!(
            CaseIndex::try_new("1.").unwrap_err().code(),
            "case_index.segment"
        );
        assert_eq!(
            CaseIndex::try_new("1-2").unwrap_err().code(),
            "case_index.segment"
        );
        assert_eq!(
            CaseIndex::try_new("1.2.3.4.5.6.7.8.9").unwrap_err().code(),
            "case_index.too_deep"
        );
        assert_eq!(
            CaseIndex::try_new("12345678901").unwrap_err().code(),
            "case_index.segment"
        );
    }

    #[test]
    fn parent_chain() {
        let index = CaseIndex::try_new("1.2.3").unwrap();
        let parent = index.parent().unwrap();
        assert_eq!(parent.as_str(), "1.2");
        assert_eq!(parent.parent().unwrap().as_str(), "1");
        assert!(parent.parent().unwrap().parent().is_none());
    }
}
