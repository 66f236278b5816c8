//! The shape of the public API (issue 16, "getters everywhere"; ADR 0010): what the crate
//! produces (documents, totals, reports, read e-invoices) keeps its fields private and is read
//! through getters; only the plain records a caller fills in have public fields. The scanner
//! below reads `src/` and finds every `pub struct` with a `pub` field; each must be on the
//! allow list, which says why, and say in its doc comment that it is a plain record.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The plain records with public fields, each with the reason it is one.
const PLAIN_RECORDS: &[(&str, &str)] = &[
    // The JSON form of a draft invoice: the caller (or serde) fills it in,
    // `DraftInvoice::try_from` checks it.
    ("InvoiceDraftInput", "draft_input.rs"),
    // Parts of `InvoiceDraftInput`, checked by `DraftInvoice::try_from` with the rest.
    ("ExchangeRateInput", "draft_input.rs"),
    ("LineInput", "draft_input.rs"),
    ("AdjustmentInput", "draft_input.rs"),
    ("DocumentAdjustmentInput", "draft_input.rs"),
    ("ExemptionInput", "draft_input.rs"),
];

/// A `pub struct` found in the source: its file, its doc comment, its `pub` fields.
#[derive(Debug)]
struct Found {
    file: String,
    doc: String,
    public_fields: Vec<String>,
}

/// Finds every `pub struct` (not `pub(crate)`) in a source text, with its doc comment and the
/// fields declared `pub` (named fields `pub name:`, tuple fields `(pub T)`).
fn public_structs(file: &str, text: &str, out: &mut BTreeMap<String, Found>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_start();
        let indent = &lines[index][..lines[index].len() - line.len()];
        let Some(rest) = line.strip_prefix("pub struct ") else {
            index += 1;
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let mut doc = Vec::new();
        let mut above = index;
        while above > 0 {
            above -= 1;
            let previous = lines[above].trim_start();
            if let Some(comment) = previous.strip_prefix("///") {
                doc.push(comment.trim());
            } else if !previous.starts_with("#[") {
                break;
            }
        }
        doc.reverse();
        let mut public_fields = Vec::new();
        let after_name = &rest[name.len()..];
        if after_name.trim_start().starts_with('(') {
            // A tuple struct, on one line.
            if after_name.contains("(pub ") || after_name.contains(", pub ") {
                public_fields.push("0".to_owned());
            }
            index += 1;
        } else if after_name.trim_end().ends_with(';') {
            index += 1;
        } else {
            // Named fields up to the closing brace indented as the struct.
            let end = format!("{indent}}}");
            index += 1;
            while index < lines.len() && lines[index] != end {
                let field = lines[index].trim_start();
                if let Some(declared) = field.strip_prefix("pub ")
                    && let Some((field_name, _)) = declared.split_once(':')
                {
                    public_fields.push(field_name.trim().to_owned());
                }
                index += 1;
            }
        }
        out.insert(
            name,
            Found {
                file: file.to_owned(),
                doc: doc.join(" "),
                public_fields,
            },
        );
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn crate_structs() -> BTreeMap<String, Found> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut found = BTreeMap::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        public_structs(&file, &text, &mut found);
    }
    found
}

#[test]
fn the_scanner_finds_public_fields_and_only_those() {
    let text = "/// A record.\n#[derive(Debug)]\npub struct Record {\n    pub open: u8,\n    \
                pub(crate) closed: u8,\n    /// A doc line.\n    pub(super) hidden: u8,\n}\n\n\
                pub struct Sealed {\n    inner: u8,\n}\n\
                pub struct Tuple(pub u8);\n\
                mod inner {\n    pub struct Nested {\n        pub deep: u8,\n    }\n}\n\
                pub struct Marker;\n\
                pub(crate) struct Internal {\n    pub visible_in_crate: u8,\n}\n";
    let mut found = BTreeMap::new();
    public_structs("sample.rs", text, &mut found);
    let names: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(names, ["Marker", "Nested", "Record", "Sealed", "Tuple"]);
    assert_eq!(found["Nested"].public_fields, ["deep"]);
    assert_eq!(found["Record"].public_fields, ["open"]);
    assert_eq!(found["Record"].doc, "A record.");
    assert!(found["Sealed"].public_fields.is_empty());
    assert_eq!(found["Tuple"].public_fields, ["0"]);
    assert!(found["Marker"].public_fields.is_empty());
}

#[test]
fn only_plain_records_have_public_fields() {
    let found = crate_structs();
    // The scanner sees the crate: its documents and the received-invoice model among them.
    for name in [
        "IssuedInvoice",
        "DocumentTotals",
        "ValidationReport",
        "ReceivedInvoice",
        "ReceivedInvoiceLine",
        "ReceivedTotals",
        "StatedAmount",
    ] {
        let Some(structure) = found.get(name) else {
            panic!("{name} not found in src/");
        };
        assert!(
            structure.public_fields.is_empty(),
            "{name} ({}) is produced by the crate: private fields and getters, not pub {:?}",
            structure.file,
            structure.public_fields
        );
    }
    let allowed: BTreeSet<&str> = PLAIN_RECORDS.iter().map(|(name, _)| *name).collect();
    let with_public_fields: BTreeMap<&str, (&str, &[String])> = found
        .iter()
        .filter(|(_, structure)| !structure.public_fields.is_empty())
        .map(|(name, structure)| {
            (
                name.as_str(),
                (structure.file.as_str(), structure.public_fields.as_slice()),
            )
        })
        .collect();
    let unexpected: Vec<String> = with_public_fields
        .iter()
        .filter(|(name, _)| !allowed.contains(*name))
        .map(|(name, (file, fields))| format!("{name} in {file}: pub {fields:?}"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "what the crate produces keeps its fields private and offers getters (ADR 0010); \
         add a plain record to PLAIN_RECORDS with its reason: {unexpected:?}"
    );
    for (name, file) in PLAIN_RECORDS {
        let Some(structure) = found.get(*name) else {
            panic!("{name}: on the allow list but not in src/");
        };
        assert_eq!(structure.file, *file, "{name}");
        assert!(
            !structure.public_fields.is_empty(),
            "{name} has no public field left: take it off the allow list"
        );
        assert!(
            structure.doc.contains("plain record") && structure.doc.contains("checks it"),
            "{name}: its doc comment says it is a plain record and what checks it: {}",
            structure.doc
        );
    }
}
