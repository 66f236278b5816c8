//! The columns of a file plan, in MK 282 order.

use super::*;

/// A column of the file plan, in MK 282 order (`docs/sources.md` §13.5 \[N23\]), with the legal basis
/// of a temporary period as its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FilePlanColumn {
    /// 1: classification level and case index.
    Index,
    /// 2: name of the classification level.
    LevelName,
    /// 3: case title.
    Title,
    /// 4: retention period.
    Retention,
    /// 4a: legal basis of a temporary retention period.
    LegalBasis,
    /// 5: unit or employee responsible.
    Responsible,
    /// 6: medium.
    Medium,
    /// 7: link to an information system.
    InformationSystem,
    /// 8: other data.
    Other,
}

impl FilePlanColumn {
    /// Every column, in file order.
    pub const ALL: [FilePlanColumn; 9] = [
        FilePlanColumn::Index,
        FilePlanColumn::LevelName,
        FilePlanColumn::Title,
        FilePlanColumn::Retention,
        FilePlanColumn::LegalBasis,
        FilePlanColumn::Responsible,
        FilePlanColumn::Medium,
        FilePlanColumn::InformationSystem,
        FilePlanColumn::Other,
    ];

    /// Returns the Latvian CSV header.
    pub const fn header(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "indekss",
            FilePlanColumn::LevelName => "līmeņa nosaukums",
            FilePlanColumn::Title => "lietas nosaukums",
            FilePlanColumn::Retention => "glabāšanas termiņš",
            FilePlanColumn::LegalBasis => "termiņa pamatojums",
            FilePlanColumn::Responsible => "atbildīgais",
            FilePlanColumn::Medium => "nesējs",
            FilePlanColumn::InformationSystem => "saite ar IS",
            FilePlanColumn::Other => "citas ziņas",
        }
    }

    /// Returns the English CSV header, also accepted on import.
    pub const fn english_header(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "index",
            FilePlanColumn::LevelName => "level name",
            FilePlanColumn::Title => "case title",
            FilePlanColumn::Retention => "retention",
            FilePlanColumn::LegalBasis => "legal basis",
            FilePlanColumn::Responsible => "responsible",
            FilePlanColumn::Medium => "medium",
            FilePlanColumn::InformationSystem => "information system",
            FilePlanColumn::Other => "other",
        }
    }

    #[cfg(feature = "serde")]
    /// Returns the field of [`FilePlanEntryInput`] (and of the saved entry) holding the
    /// column: `index`, `level_name`, `title`, …
    pub(super) const fn field(self) -> &'static str {
        match self {
            FilePlanColumn::Index => "index",
            FilePlanColumn::LevelName => "level_name",
            FilePlanColumn::Title => "title",
            FilePlanColumn::Retention => "retention",
            FilePlanColumn::LegalBasis => "legal_basis",
            FilePlanColumn::Responsible => "responsible",
            FilePlanColumn::Medium => "medium",
            FilePlanColumn::InformationSystem => "information_system",
            FilePlanColumn::Other => "other",
        }
    }

    /// The longest value accepted, in characters.
    pub(super) const fn max_chars(self) -> usize {
        match self {
            FilePlanColumn::Index => 100,
            FilePlanColumn::Other => 1_000,
            _ => 300,
        }
    }
}

impl fmt::Display for FilePlanColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.header())
    }
}
