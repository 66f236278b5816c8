//! Reading a crate's own source in its tests: the one scanner behind the checks that keep a
//! promise about the code itself (every error code in the catalogue, no public field on what
//! a crate produces, decision 0010).
//!
//! The scanner reads text, not Rust syntax: it relies on the workspace's `rustfmt` layout
//! (one item per line, four-space indentation) and skips comments and each file's
//! `#[cfg(test)] mod tests` block.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One source file of a crate, without its unit-test module.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file's path.
    pub path: PathBuf,
    /// The file's text up to its `#[cfg(test)]` module.
    pub text: String,
}

/// Every `.rs` file under `src` of the crate at `manifest_dir` (its `CARGO_MANIFEST_DIR`),
/// sorted by path, except the files named `tests.rs` (unit tests kept beside the code).
///
/// # Panics
///
/// When the folder or a file cannot be read (a test fails then, as it should).
///
/// ```
/// let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
/// assert!(files.iter().any(|file| file.path.ends_with("source.rs")));
/// assert!(files.iter().all(|file| !file.text.contains("#[cfg(test)]\nmod tests {")));
/// ```
pub fn crate_sources(manifest_dir: &str) -> Vec<SourceFile> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir)
            .unwrap_or_else(|error| panic!("reading {}: {error}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && path.file_name().is_some_and(|name| name != "tests.rs")
            {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&Path::new(manifest_dir).join("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
            let text = match text.split_once("#[cfg(test)]\nmod tests {") {
                Some((code, _)) => code.to_owned(),
                None => text,
            };
            SourceFile { path, text }
        })
        .collect()
}

/// A public field of a struct, found in a crate's source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PublicField {
    /// The struct's name.
    pub owner: String,
    /// The field's name.
    pub field: String,
    /// The file, relative to the crate's `src`.
    pub file: String,
}

/// Every field declared `pub` (not `pub(crate)` nor `pub(super)`) in a `struct` of `files`,
/// public or not: named fields, fields of a struct written on one line, and the fields of a
/// tuple struct (named `0`, `1`, …). Enum variants' fields have no visibility and are not
/// listed.
///
/// ```
/// use apkalpe_testkit::source::{public_fields, SourceFile};
///
/// let file = SourceFile {
///     path: "src/lib.rs".into(),
///     text: "pub struct Quote {\n    pub total: u32,\n    pub(crate) lines: u32,\n}\n\
///            struct Hidden {\n    pub seen: u8,\n}\n\
///            pub struct Sku(pub String);\n\
///            pub(crate) struct Pair { pub left: u8, right: u8 }\n"
///         .into(),
/// };
/// let fields = public_fields(&[file]);
/// let names: Vec<_> = fields.iter().map(|f| (f.owner.as_str(), f.field.as_str())).collect();
/// assert_eq!(
///     names,
///     [("Quote", "total"), ("Hidden", "seen"), ("Sku", "0"), ("Pair", "left")]
/// );
/// ```
pub fn public_fields(files: &[SourceFile]) -> Vec<PublicField> {
    let mut fields = Vec::new();
    for file in files {
        let name = relative_name(&file.path);
        let mut push = |owner: &str, field: &str| {
            fields.push(PublicField {
                owner: owner.to_owned(),
                field: field.to_owned(),
                file: name.clone(),
            });
        };
        // The struct whose fields are being read, and the indentation of its closing brace.
        let mut open: Option<(String, usize)> = None;
        for line in code_lines(&file.text) {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if let Some((owner, depth)) = &open {
                if indent == *depth && trimmed.starts_with('}') {
                    open = None;
                } else if let Some(field) = trimmed.strip_prefix("pub ").and_then(field_name) {
                    push(owner, field);
                }
                continue;
            }
            let Some(rest) = struct_declaration(trimmed) else {
                continue;
            };
            let owner: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let rest = rest.get(owner.len()..).unwrap_or_default();
            if let Some((_, body)) = rest.split_once('(') {
                // A tuple struct: `pub struct Sku(pub String);`.
                for (index, part) in body.split(',').enumerate() {
                    if part.trim_start().starts_with("pub ") {
                        push(&owner, &index.to_string());
                    }
                }
            } else if let Some((_, body)) = rest.split_once('{') {
                match body.split_once('}') {
                    // A struct on one line: `struct Pair { pub left: u8, right: u8 }`.
                    Some((body, _)) => {
                        for part in body.split(',') {
                            if let Some(field) =
                                part.trim().strip_prefix("pub ").and_then(field_name)
                            {
                                push(&owner, field);
                            }
                        }
                    }
                    None => open = Some((owner, indent)),
                }
            }
        }
    }
    fields
}

/// What follows `struct ` on a line that declares a struct (of any visibility).
fn struct_declaration(line: &str) -> Option<&str> {
    ["pub ", "pub(crate) ", "pub(super) "]
        .iter()
        .find_map(|visibility| line.strip_prefix(visibility))
        .unwrap_or(line)
        .strip_prefix("struct ")
}

/// The name of a field declared by `declaration` (what follows `pub `), if it declares one.
fn field_name(declaration: &str) -> Option<&str> {
    let (name, _) = declaration.split_once(':')?;
    let name = name.trim();
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

/// The structs of `files` with a public field, other than those on `plain` (the crate's
/// plain records, decision 0010), each with its fields: what a crate's API-shape test
/// asserts to be empty.
///
/// ```
/// use apkalpe_testkit::source::{structs_breaking_the_rule, SourceFile};
///
/// let file = SourceFile {
///     path: "src/lib.rs".into(),
///     text: "pub struct LineInput {\n    pub sku: String,\n}\n\
///            pub struct Quote {\n    pub total: u32,\n}\n"
///         .into(),
/// };
/// let breaking = structs_breaking_the_rule(&[file], &["LineInput"]);
/// assert_eq!(breaking, ["Quote (lib.rs): total"]);
/// ```
pub fn structs_breaking_the_rule(files: &[SourceFile], plain: &[&str]) -> Vec<String> {
    let mut breaking: Vec<(String, String, Vec<String>)> = Vec::new();
    for field in public_fields(files) {
        if plain.contains(&field.owner.as_str()) {
            continue;
        }
        match breaking
            .iter_mut()
            .find(|(owner, file, _)| *owner == field.owner && *file == field.file)
        {
            Some((_, _, names)) => names.push(field.field),
            None => breaking.push((field.owner, field.file, vec![field.field])),
        }
    }
    breaking
        .into_iter()
        .map(|(owner, file, names)| format!("{owner} ({file}): {}", names.join(", ")))
        .collect()
}

/// The names on `plain` that no longer have a public field in `files` (a plain record made
/// private, or renamed): the allow list must shrink with the code.
///
/// ```
/// use apkalpe_testkit::source::{stale_plain_records, SourceFile};
///
/// let file = SourceFile {
///     path: "src/lib.rs".into(),
///     text: "pub struct LineInput {\n    pub sku: String,\n}\n".into(),
/// };
/// assert_eq!(stale_plain_records(&[file], &["LineInput", "Gone"]), ["Gone"]);
/// ```
pub fn stale_plain_records<'a>(files: &[SourceFile], plain: &[&'a str]) -> Vec<&'a str> {
    let fields = public_fields(files);
    plain
        .iter()
        .copied()
        .filter(|name| !fields.iter().any(|field| field.owner == *name))
        .collect()
}

/// Whether `literal` is a dotted error code, `area.reason` in snake case (digits allowed
/// after the first letter of each part).
///
/// ```
/// use apkalpe_testkit::source::is_error_code;
///
/// assert!(is_error_code("iban.check_digits"));
/// assert!(is_error_code("vat.rate_2026"));
/// assert!(!is_error_code("iban"));
/// assert!(!is_error_code("a.b.c"));
/// assert!(!is_error_code("Iban.empty"));
/// ```
pub fn is_error_code(literal: &str) -> bool {
    let snake = |part: &str| {
        part.starts_with(|c: char| c.is_ascii_lowercase())
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    let mut parts = literal.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(area), Some(reason), None) if snake(area) && snake(reason)
    )
}

/// The string literals of one line of code (what stands between pairs of `"`), in order.
///
/// ```
/// use apkalpe_testkit::source::literals;
///
/// let line = r#"IbanError::Empty => "iban.empty", // "not a code""#;
/// assert_eq!(literals(line).collect::<Vec<_>>(), ["iban.empty", "not a code"]);
/// ```
pub fn literals(line: &str) -> impl Iterator<Item = &str> {
    line.split('"').skip(1).step_by(2)
}

/// The error codes of a crate's source, each with the file it is in, by area: the areas of
/// every code a match arm gives (`=> "area.reason"`) plus `areas`, then every dotted literal
/// of those areas anywhere in the code (codes that are built elsewhere and passed along).
///
/// ```
/// use apkalpe_testkit::source::{codes_by_area, SourceFile};
///
/// let file = SourceFile {
///     path: "src/iban.rs".into(),
///     text: "Self::Empty => \"iban.empty\",\nlet code = \"iban.length\";\n\
///            let path = \"a.b\";\nlet also = \"words.number\";\n"
///         .into(),
/// };
/// let codes: Vec<String> = codes_by_area(&[file], &["words"]).into_keys().collect();
/// assert_eq!(codes, ["iban.empty", "iban.length", "words.number"]);
/// ```
pub fn codes_by_area(files: &[SourceFile], areas: &[&str]) -> BTreeMap<String, String> {
    let mut found = Vec::new();
    let mut areas: Vec<String> = areas.iter().map(|area| (*area).to_owned()).collect();
    for file in files {
        for line in code_lines(&file.text) {
            for literal in literals(line).filter(|literal| is_error_code(literal)) {
                if line.contains(&format!("=> \"{literal}\"")) {
                    areas.extend(literal.split('.').next().map(str::to_owned));
                }
                found.push((literal.to_owned(), file.path.display().to_string()));
            }
        }
    }
    found
        .into_iter()
        .filter(|(literal, _)| {
            let area = literal.split('.').next();
            areas.iter().any(|known| area == Some(known.as_str()))
        })
        .collect()
}

/// The error codes of a crate's source given by the arms of its errors' `code` methods:
/// inside a `fn code(&self)` (up to the method's closing brace at four spaces), a line that
/// matches a variant of a type named `…Error` (`SomeError::Variant … => "a.b"`); and,
/// anywhere, the lines of a `…Internal {` block, which names its code where it is built.
///
/// ```
/// use apkalpe_testkit::source::{codes_in_error_arms, SourceFile};
///
/// let file = SourceFile {
///     path: "src/cash.rs".into(),
///     text: "    fn code(&self) -> &'static str {\n\
///            CashError::Short { .. } => \"cash.short\",\n\
///            Kind::Other => \"kind.other\",\n    }\n\
///            let field = match error { CashError::Over => \"cash.tendered\" };\n"
///         .into(),
/// };
/// let codes: Vec<String> = codes_in_error_arms(&[file]).into_keys().collect();
/// assert_eq!(codes, ["cash.short"]);
/// ```
pub fn codes_in_error_arms(files: &[SourceFile]) -> BTreeMap<String, String> {
    let mut codes = BTreeMap::new();
    for file in files {
        let mut internal = false;
        let mut in_code = false;
        for line in code_lines(&file.text) {
            if line.contains("fn code(&self)") {
                in_code = true;
            } else if line == "    }" {
                in_code = false;
            }
            let line = line.trim_start();
            let arm = in_code
                && line
                    .split_once("::")
                    .is_some_and(|(owner, _)| owner.ends_with("Error"))
                && line.contains("=> \"");
            if arm || internal {
                for literal in literals(line).filter(|literal| is_error_code(literal)) {
                    codes.insert(literal.to_owned(), file.path.display().to_string());
                }
            }
            internal = line.ends_with("Internal {") || (internal && !line.contains('}'));
        }
    }
    codes
}

/// The lines of `text` that are not comments.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
}

/// The doc comment of struct `name` in `files` (its `///` lines, joined by spaces), if the
/// struct is there.
///
/// ```
/// use apkalpe_testkit::source::{struct_doc, SourceFile};
///
/// let file = SourceFile {
///     path: "src/lib.rs".into(),
///     text: "/// A plain record the caller fills in;\n/// `Draft::try_from` checks it.\n\
///            #[derive(Debug)]\npub struct LineInput {\n    pub sku: String,\n}\n"
///         .into(),
/// };
/// assert_eq!(
///     struct_doc(&[file], "LineInput").as_deref(),
///     Some("A plain record the caller fills in; `Draft::try_from` checks it.")
/// );
/// ```
pub fn struct_doc(files: &[SourceFile], name: &str) -> Option<String> {
    for file in files {
        let lines: Vec<&str> = file.text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let Some(rest) = struct_declaration(line.trim_start()) else {
                continue;
            };
            let Some(after) = rest.strip_prefix(name) else {
                continue;
            };
            if after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let mut doc: Vec<&str> = lines
                .get(..at)
                .unwrap_or_default()
                .iter()
                .rev()
                .map(|line| line.trim_start())
                .take_while(|line| line.starts_with("///") || line.starts_with("#["))
                .filter_map(|line| line.strip_prefix("///"))
                .map(str::trim)
                .collect();
            doc.reverse();
            return Some(doc.join(" ").trim().to_owned());
        }
    }
    None
}

/// The check of decision 0010 for the crate at `manifest_dir` (its `CARGO_MANIFEST_DIR`):
/// only the structs on `plain`, the plain records a caller fills in, have public fields; each
/// of them still has one (the list shrinks with the code), and its doc comment says it is a
/// plain record.
///
/// # Panics
///
/// Naming every struct that breaks the rule, with its file and fields, or every stale name.
///
/// ```should_panic
/// // This crate's own `SourceFile` and `PublicField` are plain records, not on the list.
/// apkalpe_testkit::source::assert_only_plain_records_have_public_fields(
///     env!("CARGO_MANIFEST_DIR"),
///     &[],
/// );
/// ```
pub fn assert_only_plain_records_have_public_fields(manifest_dir: &str, plain: &[&str]) {
    let files = crate_sources(manifest_dir);
    let breaking = structs_breaking_the_rule(&files, plain);
    assert!(
        breaking.is_empty(),
        "public fields outside the plain records (decision 0010: make them pub(crate) with a \
         getter each, or put the struct on the crate's list of plain records with the reason): \
         {breaking:#?}"
    );
    let stale = stale_plain_records(&files, plain);
    assert!(
        stale.is_empty(),
        "on the list of plain records but without a public field: {stale:?}"
    );
    for name in plain {
        let doc = struct_doc(&files, name).unwrap_or_default();
        assert!(
            doc.contains("plain record"),
            "{name}: its doc comment must say that it is a plain record (and what checks it): \
             {doc:?}"
        );
    }
}

/// The places in `files` where a `RestoreError` is built with a reason written in English
/// only (`RestoreError::missing`, `inconsistent` or `invalid_with` not followed by
/// `.with_latvian_reason(…)`), as `file:line`: its Latvian message would carry the English
/// reason (decision 0007 asks for every message in both). `RestoreError::invalid` and
/// `duplicate` give their Latvian reason themselves.
///
/// ```
/// use apkalpe_testkit::source::{restore_reasons_without_latvian, SourceFile};
///
/// let file = SourceFile {
///     path: "src/ledger.rs".into(),
///     text: "let a = RestoreError::missing(\"Ledger\", \"lines\", \"no lines\");\n\
///            let b = RestoreError::inconsistent(\n    \"Ledger\",\n    \"total\",\n    \
///            format!(\"{}\", f(x)),\n)\n.with_latvian_reason(\"summa nesakrīt\");\n"
///         .into(),
/// };
/// assert_eq!(restore_reasons_without_latvian(&[file]), ["ledger.rs:1"]);
/// ```
pub fn restore_reasons_without_latvian(files: &[SourceFile]) -> Vec<String> {
    let mut found: Vec<String> = [
        "RestoreError::missing(",
        "RestoreError::inconsistent(",
        "RestoreError::invalid_with(",
    ]
    .iter()
    .flat_map(|call| calls_followed_by(files, call, ".with_latvian_reason("))
    .filter(|(_, followed)| !followed)
    .map(|(place, _)| place)
    .collect();
    found.sort();
    found
}

/// Every call `call` (a path ending in `(`, such as `Finding::new(`) in the code of `files`
/// (comments left out; not when `call` is the end of a longer name, `ReceivedFinding::new(`),
/// as `file:line`, each with whether `follow` (such as `.with_latvian(`) comes right after
/// the call's closing parenthesis.
///
/// ```
/// use apkalpe_testkit::source::{calls_followed_by, SourceFile};
///
/// let file = SourceFile {
///     path: "src/report.rs".into(),
///     text: "let a = Finding::new(\"x\", f(1)).with_latvian(\"y\");\n\
///            // Finding::new( in a comment\n\
///            let b = ReceivedFinding::new(\"z\");\nlet c = Finding::new(\")\");\n"
///         .into(),
/// };
/// assert_eq!(
///     calls_followed_by(&[file], "Finding::new(", ".with_latvian("),
///     [("report.rs:1".to_owned(), true), ("report.rs:4".to_owned(), false)]
/// );
/// ```
pub fn calls_followed_by(files: &[SourceFile], call: &str, follow: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    for file in files {
        let name = relative_name(&file.path);
        // The text with comment lines blanked, so offsets keep their line numbers.
        let code: String = file
            .text
            .lines()
            .map(|line| {
                if line.trim_start().starts_with("//") {
                    ""
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        for (start, _) in code.match_indices(call) {
            let before = code.get(..start).unwrap_or_default();
            if before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                continue;
            }
            let Some(close) = closing_paren(&code, start + call.len()) else {
                continue;
            };
            let followed = code
                .get(close + 1..)
                .unwrap_or_default()
                .trim_start()
                .starts_with(follow);
            let line = before.matches('\n').count() + 1;
            found.push((format!("{name}:{line}"), followed));
        }
    }
    found
}

/// The byte offset of the `)` that closes the parenthesis opened just before `open`, skipping
/// string and character literals.
fn closing_paren(code: &str, open: usize) -> Option<usize> {
    let mut depth = 1_usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, c) in code.get(open..)?.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// A source path after its last `src` folder.
fn relative_name(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    let start = parts
        .iter()
        .rposition(|part| part == "src")
        .map_or(0, |at| at + 1);
    parts.get(start..).unwrap_or_default().join("/")
}

/// The check of decision 0007, point 6, for the crate at `manifest_dir`: no `RestoreError` of
/// its source is built with an English-only reason ([`restore_reasons_without_latvian`]).
/// Returns how many Latvian reasons (`.with_latvian_reason(`) the source gives, so a test can
/// show it read the crate.
///
/// # Panics
///
/// Listing every place that gives an English reason only.
///
/// ```
/// // The testkit itself builds no RestoreError.
/// let given = apkalpe_testkit::source::assert_restore_reasons_in_latvian(env!("CARGO_MANIFEST_DIR"));
/// assert!(given < 10);
/// ```
pub fn assert_restore_reasons_in_latvian(manifest_dir: &str) -> usize {
    let files = crate_sources(manifest_dir);
    let english_only = restore_reasons_without_latvian(&files);
    assert!(
        english_only.is_empty(),
        "RestoreError built with an English reason only (add .with_latvian_reason): \
         {english_only:#?}"
    );
    files
        .iter()
        .map(|file| file.text.matches(".with_latvian_reason(").count())
        .sum()
}
