//! The shape of the public API (issue 16, "getters everywhere"): what the crate produces keeps
//! its fields private and is read through getters; only the plain records a caller fills in
//! have public fields. A small scanner reads `src/` for `pub` fields of structs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The structs that may have public fields: each is a plain record the caller fills in and
/// passes in, checked by what takes it.
const PLAIN_RECORDS: &[&str] = &[
    // The parts `Catalogue::try_new` checks (and `Catalogue`'s saved form).
    "CatalogueParts",
    // Options of a CSV import: the caller sets the delimiter.
    "CsvOptions",
    // A supply the caller expects; `Stock::expect_supply` checks it.
    "IncomingSupply",
    // The raw input of a product; `Product::try_from` checks it.
    "ProductInput",
];

/// A `pub` field of a struct: the file, the struct and the field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct PublicField {
    file: String,
    item: String,
    field: String,
}

/// The `pub` fields (not `pub(crate)` or narrower) of the structs in `text`, named fields and
/// tuple fields (`0`, `1`, …) alike. Lines of comments are skipped.
fn public_fields(file: &str, text: &str) -> Vec<PublicField> {
    let mut found = Vec::new();
    let mut open: Option<(String, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some((item, depth)) = &open {
            if indent == *depth && trimmed.starts_with('}') {
                open = None;
            } else if let Some(rest) = trimmed.strip_prefix("pub ")
                && let Some((field, _)) = rest.split_once(':')
                && field
                    .trim()
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_')
            {
                found.push(PublicField {
                    file: file.to_owned(),
                    item: item.clone(),
                    field: field.trim().to_owned(),
                });
            }
            continue;
        }
        let Some(at) = trimmed.find("struct ") else {
            continue;
        };
        let before = trimmed[..at].trim();
        let visibility = before.is_empty()
            || before == "pub"
            || (before.starts_with("pub(") && before.ends_with(')'));
        if !visibility {
            continue;
        }
        let after = &trimmed[at + "struct ".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        let rest = &after[name.len()..];
        if let Some(body) = rest.split_once('(').map(|(_, body)| body) {
            // A tuple struct on one line: `pub struct Name(pub T, U);`.
            for (index, part) in body.split(',').enumerate() {
                if part.trim_start().starts_with("pub ") {
                    found.push(PublicField {
                        file: file.to_owned(),
                        item: name.clone(),
                        field: index.to_string(),
                    });
                }
            }
        } else if let Some((_, body)) = rest.split_once('{') {
            match body.split_once('}') {
                // A struct on one line: `pub struct Name { pub a: T }`.
                Some((fields, _)) => {
                    for part in fields.split(',') {
                        if let Some(field) = part.trim().strip_prefix("pub ")
                            && let Some((field, _)) = field.split_once(':')
                        {
                            found.push(PublicField {
                                file: file.to_owned(),
                                item: name.clone(),
                                field: field.trim().to_owned(),
                            });
                        }
                    }
                }
                None => open = Some((name, indent)),
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn crate_public_fields() -> Vec<PublicField> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(&src).unwrap().display().to_string();
        found.extend(public_fields(&name, &text));
    }
    found
}

/// The scanner finds named, one-line and tuple `pub` fields, and leaves `pub(crate)` fields,
/// private fields and comments alone.
#[test]
fn the_scanner_finds_public_fields() {
    let text = "\
/// A report.
/// pub struct InDoc { pub no: u8 }
#[derive(Debug)]
pub struct Report {
    /// The total.
    pub total: Money,
    pub(crate) lines: Vec<Line>,
    hidden: u8,
    #[cfg_attr(feature = \"serde\", serde(default))]
    pub notes: Option<String>,
}

pub(crate) struct Inner {
    pub count: usize,
}

pub struct Private {
    total: Money,
}

pub struct OneLine { pub a: u8, b: u8 }
pub struct Tuple(pub u8, String);
pub struct Closed(String);
pub fn restructure() {}
";
    let found: Vec<(String, String)> = public_fields("sample.rs", text)
        .into_iter()
        .map(|f| (f.item, f.field))
        .collect();
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(item, field)| (item.as_str(), field.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Report", "total"),
            ("Report", "notes"),
            ("Inner", "count"),
            ("OneLine", "a"),
            ("Tuple", "0"),
        ]
    );
}

/// Only the plain records a caller fills in have public fields: every struct the crate
/// produces (quotes, notices, search results, recommendations, schedules, import problems…)
/// is read through getters.
#[test]
fn only_plain_records_have_public_fields() {
    let found = crate_public_fields();
    let outside: Vec<String> = found
        .iter()
        .filter(|f| !PLAIN_RECORDS.contains(&f.item.as_str()))
        .map(|f| format!("{}: {}::{}", f.file, f.item, f.field))
        .collect();
    assert!(
        outside.is_empty(),
        "public fields outside the plain records (make them pub(crate) and add getters, or \
         add the struct to PLAIN_RECORDS with the reason): {outside:#?}"
    );
    // The list names no struct that no longer has public fields.
    let with_public: BTreeSet<&str> = found.iter().map(|f| f.item.as_str()).collect();
    for record in PLAIN_RECORDS {
        assert!(
            with_public.contains(record),
            "{record} is on the list of plain records but has no public field"
        );
    }
}
