//! The API shape (ADR 0010, issue 16 "getters everywhere"): what the crate produces keeps its
//! fields private and offers getters; only the plain records a caller fills in have public
//! fields. This test scans `src/` for `pub struct` blocks and fails when a struct outside the
//! allow list has a `pub` field, or when an allowed struct no longer has one (the list is kept
//! exact, so it cannot go stale).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The plain records of the crate: each one is built by the caller and checked where it is
/// used, so its fields stay public.
const PLAIN_RECORDS: &[&str] = &[
    // The organisation's archive settings (options): any number of years is valid.
    "ArchivePolicy",
    // A dated fact of law the caller supplies to `TransferTerms::from_terms`.
    "TransferTerm",
    // A file-plan row as entered, checked by `FilePlanEntry::try_from`.
    "FilePlanEntryInput",
    // A letter the caller writes, checked when its draft (`Letter::to_draft`) is validated.
    "Letter",
    // A meeting the caller describes, checked by `MinutesBook::record`.
    "Meeting",
    // A submission as received, checked by `OpenSubmission::register`.
    "NewSubmission",
];

/// The `pub` fields of every `pub struct` in `source`, by struct name. Comments are skipped;
/// a tuple struct's `pub` fields are named by position.
fn public_fields(source: &str) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let lines: Vec<&str> = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_start();
        index += 1;
        let Some(rest) = line.strip_prefix("pub struct ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let fields = found.entry(name).or_default();
        if let Some((_, tuple)) = rest.split_once('(')
            && !rest.contains('{')
        {
            for (position, field) in tuple.split(',').enumerate() {
                if field.trim_start().starts_with("pub ") {
                    fields.push(position.to_string());
                }
            }
            continue;
        }
        if rest.trim_end().ends_with(';') {
            continue;
        }
        // A braced struct: read its body to the closing brace.
        let mut depth = rest.matches('{').count() as i64 - rest.matches('}').count() as i64;
        while depth > 0 && index < lines.len() {
            let body = lines[index];
            if depth == 1
                && let Some(field) = body.trim_start().strip_prefix("pub ")
            {
                let field: String = field
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                fields.push(field);
            }
            depth += body.matches('{').count() as i64 - body.matches('}').count() as i64;
            index += 1;
        }
    }
    found.retain(|_, fields| !fields.is_empty());
    found
}

fn scan(dir: &Path, found: &mut BTreeMap<String, Vec<String>>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for (name, fields) in public_fields(&source) {
                found.entry(name).or_default().extend(fields);
            }
        }
    }
}

#[test]
fn the_scanner_sees_public_fields() {
    let source = "/// A report.\npub struct Report {\n    /// The total.\n    pub total: u32,\n    \
                  inner: Inner,\n}\npub(crate) struct Hidden {\n    pub x: u8,\n}\n\
                  pub struct Pair(pub u8, u16);\npub struct Unit;\n\
                  pub struct Nested<'a> {\n    pub(crate) a: &'a str,\n    b: Vec<Option<u8>>,\n}\n";
    let found = public_fields(source);
    assert_eq!(found.get("Report"), Some(&vec!["total".to_owned()]));
    assert_eq!(found.get("Pair"), Some(&vec!["0".to_owned()]));
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn only_plain_records_have_public_fields() {
    let mut found = BTreeMap::new();
    scan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    let allowed: BTreeSet<&str> = PLAIN_RECORDS.iter().copied().collect();
    let produced: Vec<String> = found
        .iter()
        .filter(|(name, _)| !allowed.contains(name.as_str()))
        .map(|(name, fields)| format!("{name}: {}", fields.join(", ")))
        .collect();
    assert!(
        produced.is_empty(),
        "structs with public fields that are not plain records (make the fields pub(crate) \
         and add getters, or add the struct to PLAIN_RECORDS with the reason): {produced:#?}"
    );
    let stale: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|name| !found.contains_key(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "PLAIN_RECORDS names structs without public fields: {stale:?}"
    );
}
