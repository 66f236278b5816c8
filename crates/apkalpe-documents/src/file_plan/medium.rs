//! The medium of a case (*lietas nesējs*, MK 282 column 6).

use super::*;

/// The medium of a case (*lietas nesējs*, MK 282 column 6).
///
/// Parsed from `papīrs`/`paper`, `elektronisks`/`electronic`, `jaukts`/`hybrid`,
/// `cits`/`other` (any case); written in Latvian.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::Medium;
///
/// assert_eq!("Elektronisks".parse::<Medium>()?, Medium::Electronic);
/// assert_eq!(Medium::Paper.to_string(), "papīrs");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Medium {
    /// Paper (*papīrs*).
    Paper,
    /// Electronic (*elektronisks*).
    Electronic,
    /// Hybrid: part paper, part electronic (*jaukts*).
    Hybrid,
    /// Another medium (*cits*): audiovisual, microfilm.
    Other,
}

impl Medium {
    /// Returns the Latvian name.
    pub const fn latvian_name(self) -> &'static str {
        match self {
            Medium::Paper => "papīrs",
            Medium::Electronic => "elektronisks",
            Medium::Hybrid => "jaukts",
            Medium::Other => "cits",
        }
    }
}

impl fmt::Display for Medium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.latvian_name())
    }
}

/// The error returned when text is not a medium.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("medium {found:?} is not papīrs, elektronisks, jaukts or cits")]
#[non_exhaustive]
pub struct ParseMediumError {
    /// The text, cut to 32 characters.
    pub(crate) found: String,
}

impl ParseMediumError {
    /// Returns the text that is not a medium, cut to 32 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::Medium;
    ///
    /// let error = "vinils".parse::<Medium>().unwrap_err();
    /// assert_eq!(error.found(), "vinils");
    /// assert_eq!(error.code(), "medium.unknown");
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn found(&self) -> &str {
        &self.found
    }

    /// Returns the stable code, `medium.unknown`.
    pub fn code(&self) -> &'static str {
        "medium.unknown"
    }
}

impl FromStr for Medium {
    type Err = ParseMediumError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "papīrs" | "paper" => Ok(Medium::Paper),
            "elektronisks" | "electronic" => Ok(Medium::Electronic),
            "jaukts" | "hybrid" => Ok(Medium::Hybrid),
            "cits" | "other" => Ok(Medium::Other),
            _ => Err(ParseMediumError { found: echo(s) }),
        }
    }
}
