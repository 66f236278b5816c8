//! The category tree: the organisation's lines of business (*darbības virzieni*) and product
//! groups under them (T1.1).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Language, LocalizedText};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::code::ParseCodeError;
#[cfg(feature = "serde")]
use crate::error::CatalogueError;

/// A place in the category tree: slash-separated lowercase segments, from the line of
/// business down (`it/laptops`). 1–6 segments of 1–32 characters `a–z 0–9 - _`.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CategoryPath;
///
/// let laptops: CategoryPath = "it/laptops".parse()?;
/// let it: CategoryPath = "it".parse()?;
/// assert!(laptops.is_within(&it));
/// assert!(!it.is_within(&laptops));
/// assert_eq!(laptops.parent(), Some(it));
/// assert_eq!(laptops.depth(), 2);
/// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CategoryPath(String);

impl CategoryPath {
    /// The most segments a path may have.
    pub const MAX_DEPTH: usize = 6;

    /// Creates a path from text such as `it/laptops`.
    ///
    /// # Errors
    ///
    /// [`ParseCodeError::Empty`] for an empty path or segment (`it//x`),
    /// [`ParseCodeError::TooLong`] for a segment over 32 characters or more than six segments,
    /// [`ParseCodeError::InvalidCharacter`] for a character outside `a–z 0–9 - _ /`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CategoryPath;
    ///
    /// assert_eq!(CategoryPath::try_new("it/laptops")?.as_str(), "it/laptops");
    /// assert_eq!(CategoryPath::try_new("IT").unwrap_err().code(), "code.invalid_character");
    /// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
    /// ```
    pub fn try_new(text: &str) -> Result<Self, ParseCodeError> {
        let what = "category path";
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(ParseCodeError::Empty { what });
        }
        let mut position = text.chars().take_while(|c| c.is_whitespace()).count();
        let mut depth = 0_usize;
        for segment in trimmed.split('/') {
            depth = depth.saturating_add(1);
            if segment.is_empty() {
                return Err(ParseCodeError::Empty { what });
            }
            for character in segment.chars() {
                let allowed = character.is_ascii_lowercase()
                    || character.is_ascii_digit()
                    || matches!(character, '-' | '_');
                if !allowed {
                    return Err(ParseCodeError::InvalidCharacter {
                        what,
                        character,
                        position,
                    });
                }
                position = position.saturating_add(1);
            }
            // The slash after the segment.
            position = position.saturating_add(1);
            let found = segment.chars().count();
            if found > 32 {
                return Err(ParseCodeError::TooLong {
                    what,
                    max: 32,
                    found,
                });
            }
        }
        if depth > CategoryPath::MAX_DEPTH {
            return Err(ParseCodeError::TooLong {
                what: "category depth",
                max: CategoryPath::MAX_DEPTH,
                found: depth,
            });
        }
        Ok(CategoryPath(trimmed.to_owned()))
    }

    /// Returns the path as text.
    ///
    /// # Examples
    ///
    /// ```
    /// let path: apkalpe_catalogue::CategoryPath = " it/laptops ".parse()?;
    /// assert_eq!(path.as_str(), "it/laptops");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the number of segments.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CategoryPath;
    ///
    /// assert_eq!("it".parse::<CategoryPath>()?.depth(), 1);
    /// assert_eq!("it/laptops".parse::<CategoryPath>()?.depth(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn depth(&self) -> usize {
        self.0.split('/').count()
    }

    /// Returns the parent path, or `None` for a line of business (depth 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CategoryPath;
    ///
    /// let laptops: CategoryPath = "it/laptops".parse()?;
    /// assert_eq!(laptops.parent(), Some("it".parse()?));
    /// assert_eq!("it".parse::<CategoryPath>()?.parent(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parent(&self) -> Option<CategoryPath> {
        self.0
            .rsplit_once('/')
            .map(|(parent, _)| CategoryPath(parent.to_owned()))
    }

    /// Returns this path and every ancestor, nearest first (`it/laptops`, `it`).
    ///
    /// # Examples
    ///
    /// ```
    /// let path: apkalpe_catalogue::CategoryPath = "services/repair/laptops".parse()?;
    /// let all: Vec<&str> = path.ancestors_and_self().collect();
    /// assert_eq!(all, ["services/repair/laptops", "services/repair", "services"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ancestors_and_self(&self) -> impl Iterator<Item = &str> {
        let text = self.0.as_str();
        std::iter::once(text).chain(
            text.char_indices()
                .rev()
                .filter(|(_, c)| *c == '/')
                .filter_map(move |(index, _)| text.get(..index)),
        )
    }

    /// Tells whether this path is `other` or lies under it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CategoryPath;
    ///
    /// let laptops: CategoryPath = "it/laptops".parse()?;
    /// assert!(laptops.is_within(&"it".parse()?));
    /// assert!(laptops.is_within(&laptops));
    /// assert!(!laptops.is_within(&"it/lap".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_within(&self, other: &CategoryPath) -> bool {
        match self.0.strip_prefix(other.0.as_str()) {
            Some(rest) => rest.is_empty() || rest.starts_with('/'),
            None => false,
        }
    }
}

impl fmt::Display for CategoryPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CategoryPath {
    type Err = ParseCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        CategoryPath::try_new(text)
    }
}

impl TryFrom<String> for CategoryPath {
    type Error = ParseCodeError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        CategoryPath::try_new(&text)
    }
}

impl From<CategoryPath> for String {
    fn from(path: CategoryPath) -> Self {
        path.0
    }
}

/// One node of the category tree: its path and its name in the four languages (Latvian
/// required, checked when the catalogue is built).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::Category;
/// use apkalpe_core::{Language, LocalizedText};
///
/// let laptops = Category::new(
///     "it/laptops".parse()?,
///     LocalizedText::new(Language::Latvian, "Klēpjdatori").with(Language::English, "Laptops"),
/// );
/// assert_eq!(laptops.name().get(Language::English), "Laptops");
/// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Category {
    path: CategoryPath,
    name: LocalizedText,
}

impl Category {
    /// Creates a category.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Category;
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let laptops = Category::new("it/laptops".parse()?, LocalizedText::new(Language::Latvian, "Klēpjdatori"));
    /// assert_eq!(laptops.path().depth(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(path: CategoryPath, name: LocalizedText) -> Self {
        Category { path, name }
    }

    /// Returns the path.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let first = file.catalogue().categories().iter().next().ok_or("empty")?;
    /// assert_eq!(first.path().as_str(), "books");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn path(&self) -> &CategoryPath {
        &self.path
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let laptops = file.catalogue().categories().get(&"it/laptops".parse()?).ok_or("none")?;
    /// assert_eq!(laptops.name().get(Language::Latvian), "Klēpjdatori");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }
}

/// The category tree of a catalogue: every category's parent is in the tree, every name has
/// a Latvian text. Built by [`crate::Catalogue`] from its categories.
///
/// Saved as the list of its categories in path order (`[{"path": "it", "name": {"lv": …}},
/// …]`); deserialising builds the tree with the same checks as a catalogue does (a path listed
/// once, every parent listed, a Latvian name) and refuses anything else with a
/// [`RestoreError`](apkalpe_core::RestoreError).
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, CategoryTree};
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let tree = file.catalogue().categories();
/// let json = serde_json::to_string(tree)?;
/// assert_eq!(&serde_json::from_str::<CategoryTree>(&json)?, tree);
///
/// let orphan = r#"[{"path": "it/laptops", "name": {"lv": "Klēpjdatori"}}]"#;
/// let error = serde_json::from_str::<CategoryTree>(orphan).unwrap_err();
/// assert!(error.to_string().starts_with("restore.missing: cannot restore CategoryTree: [0].path:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CategoryTreeRecord"))]
pub struct CategoryTree {
    nodes: BTreeMap<CategoryPath, Category>,
}

/// Why a list of categories does not form a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TreeProblem {
    Duplicate(CategoryPath),
    MissingParent(CategoryPath),
    MissingLatvianName(CategoryPath),
}

#[cfg(feature = "serde")]
impl Serialize for CategoryTree {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.nodes.values())
    }
}

#[cfg(feature = "serde")]
/// The saved form of a [`CategoryTree`], as read back: its categories.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
struct CategoryTreeRecord(Vec<Category>);

#[cfg(feature = "serde")]
impl TryFrom<CategoryTreeRecord> for CategoryTree {
    type Error = RestoreError;

    fn try_from(record: CategoryTreeRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CategoryTree";
        let paths: Vec<CategoryPath> = record.0.iter().map(|c| c.path.clone()).collect();
        // The last position of a path: the second listing of a duplicate, the orphan itself.
        let at = |path: &CategoryPath| paths.iter().rposition(|p| p == path).unwrap_or_default();
        CategoryTree::try_new(record.0).map_err(|problem| match problem {
            TreeProblem::Duplicate(path) => {
                RestoreError::duplicate(WHAT, format!("[{}].path", at(&path)), &path)
            }
            TreeProblem::MissingParent(path) => {
                let parent = path.parent().unwrap_or_else(|| path.clone());
                RestoreError::missing(
                    WHAT,
                    format!("[{}].path", at(&path)),
                    format!("category {path} has no parent {parent} in the tree"),
                )
                .with_latvian_reason(format!(
                    "kategorijai {path} kokā nav virskategorijas {parent}"
                ))
            }
            TreeProblem::MissingLatvianName(path) => RestoreError::invalid(
                WHAT,
                format!("[{}].name", at(&path)),
                CatalogueError::MissingLatvianName {
                    what: "category",
                    id: path.to_string(),
                },
            ),
        })
    }
}

impl CategoryTree {
    pub(crate) fn try_new(categories: Vec<Category>) -> Result<Self, TreeProblem> {
        let mut nodes = BTreeMap::new();
        for category in categories {
            if category.name.exact(Language::Latvian).is_none() {
                return Err(TreeProblem::MissingLatvianName(category.path));
            }
            let path = category.path.clone();
            if nodes.insert(path.clone(), category).is_some() {
                return Err(TreeProblem::Duplicate(path));
            }
        }
        for path in nodes.keys() {
            if let Some(parent) = path.parent()
                && !nodes.contains_key(&parent)
            {
                return Err(TreeProblem::MissingParent(path.clone()));
            }
        }
        Ok(CategoryTree { nodes })
    }

    /// Returns the category at `path`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let tree = file.catalogue().categories();
    /// assert!(tree.get(&"it/monitors".parse()?).is_some());
    /// assert!(tree.get(&"it/tablets".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, path: &CategoryPath) -> Option<&Category> {
        self.nodes.get(path)
    }

    /// Tells whether the tree holds `path`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert!(file.catalogue().categories().contains(&"food/coffee".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, path: &CategoryPath) -> bool {
        self.nodes.contains_key(path)
    }

    /// Returns every category in path order (a parent just before its children).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let paths: Vec<&str> = file.catalogue().categories().iter().map(|c| c.path().as_str()).take(3).collect();
    /// assert_eq!(paths, ["books", "food", "food/coffee"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Category> {
        self.nodes.values()
    }

    /// Returns the lines of business: the categories at depth 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let lines: Vec<&str> = file.catalogue().categories().lines_of_business().map(|c| c.path().as_str()).collect();
    /// assert_eq!(lines, ["books", "food", "furniture", "it", "office", "services"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines_of_business(&self) -> impl Iterator<Item = &Category> {
        self.nodes.values().filter(|c| c.path.depth() == 1)
    }

    /// Returns the direct children of `path`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let it = "it".parse()?;
    /// let children: Vec<&str> = file.catalogue().categories().children(&it).map(|c| c.path().as_str()).collect();
    /// assert_eq!(children, ["it/accessories", "it/laptops", "it/monitors"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn children<'a>(&'a self, path: &'a CategoryPath) -> impl Iterator<Item = &'a Category> {
        self.nodes
            .values()
            .filter(move |c| c.path.parent().as_ref() == Some(path))
    }

    /// Returns the number of categories.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// assert_eq!(file.catalogue().categories().len(), 19);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Tells whether the tree is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(apkalpe_catalogue::CategoryTree::default().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> CategoryPath {
        CategoryPath::try_new(text).unwrap()
    }

    #[test]
    fn within_respects_segment_boundaries() {
        assert!(path("it/laptops").is_within(&path("it")));
        assert!(!path("itx/laptops").is_within(&path("it")));
        assert!(path("it").is_within(&path("it")));
    }

    #[test]
    fn ancestors_nearest_first() {
        let p = path("a/b/c");
        assert_eq!(
            p.ancestors_and_self().collect::<Vec<_>>(),
            ["a/b/c", "a/b", "a"]
        );
    }

    #[test]
    fn invalid_paths_are_refused() {
        assert_eq!(
            CategoryPath::try_new("it//x").unwrap_err().code(),
            "code.empty"
        );
        assert_eq!(
            CategoryPath::try_new("it/Lap").unwrap_err(),
            ParseCodeError::InvalidCharacter {
                what: "category path",
                character: 'L',
                position: 3
            }
        );
        assert!(CategoryPath::try_new("a/b/c/d/e/f/g").is_err());
    }

    #[test]
    fn tree_needs_parents_and_latvian_names() {
        let name = LocalizedText::new(Language::Latvian, "x");
        let orphan = CategoryTree::try_new(vec![Category::new(path("a/b"), name.clone())]);
        assert_eq!(orphan.unwrap_err(), TreeProblem::MissingParent(path("a/b")));
        let english = LocalizedText::new(Language::English, "x");
        let tree = CategoryTree::try_new(vec![Category::new(path("a"), english)]);
        assert_eq!(
            tree.unwrap_err(),
            TreeProblem::MissingLatvianName(path("a"))
        );
        let tree = CategoryTree::try_new(vec![
            Category::new(path("a"), name.clone()),
            Category::new(path("a/b"), name),
        ])
        .unwrap();
        assert_eq!(tree.children(&path("a")).count(), 1);
        assert_eq!(tree.lines_of_business().count(), 1);
    }
}
