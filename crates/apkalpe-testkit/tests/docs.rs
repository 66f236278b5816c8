//! The docs keep two promises to students (issue 8), and this test holds them to it:
//!
//! 1. "The glossary covers every term the docs use, in Latvian, English, German and Russian":
//!    every Latvian term the docs write in italics is a row of `docs/glossary.md`, every link
//!    into the glossary names a row, and every Rust item a row names exists.
//! 2. "`docs/traceability.md` is complete": every task T1.1–T7.7 of the profession standard
//!    has a row, each row names API items and tests or says why the task is outside software,
//!    and every API item, test file and test function it names exists.
//!
//! The rules are written down in the "How to use this page" section of the glossary and in
//! the "How to read a row" section of the traceability page. Every failure names the file,
//! the line and the term or reference.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The tasks of the profession standard "Klientu apkalpošanas speciālists" (profession code
/// 4222 07), duties D1–D7, as listed in the project's working translation of the standard
/// (`standard-tasks.md`, section "Tasks"). The list is copied here because a clone of this
/// repository need not have that file.
const TASK_IDS: &[&str] = &[
    "T1.1", "T1.2", "T1.3", "T1.4", "T1.5", "T1.6", "T1.7", "T1.8", "T1.9", //
    "T2.1", "T2.2", "T2.3", "T2.4", "T2.5", "T2.6", "T2.7", "T2.8", "T2.9", "T2.10", //
    "T3.1", "T3.2", "T3.3", "T3.4", "T3.5", "T3.6", "T3.7", "T3.8", "T3.9", "T3.10", //
    "T4.1", "T4.2", "T4.3", "T4.4", "T4.5", "T4.6", "T4.7", "T4.8", //
    "T5.1", "T5.2", "T5.3", "T5.4", "T5.5", "T5.6", "T5.7", "T5.8", "T5.9", "T5.10", //
    "T6.1", "T6.2", "T6.3", "T6.4", "T6.5", "T6.6", "T6.7", "T6.8", //
    "T7.1", "T7.2", "T7.3", "T7.4", "T7.5", "T7.6", "T7.7",
];

/// English words the docs already emphasise with single asterisks; every other such span is
/// a Latvian term. New English emphasis uses underscores (glossary, "How to use this page").
const ENGLISH_EMPHASIS: &[&str] = &["likely", "where", "refer", "document", "submission"];

/// Latvian endings (noun, adjective and adverb), longest first. One is taken off each word
/// before comparing, if at least two letters remain.
const LATVIAN_ENDINGS: &[&str] = &[
    "ajām", "ajai", "ajam", "iem", "ajā", "ais", "ām", "ēm", "īm", "ūm", "os", "as", "es", "is",
    "us", "ai", "ei", "ie", "ās", "ā", "ē", "ī", "ū", "a", "e", "i", "o", "u", "s", "š",
];

/// Standard-library names a doc may name as an item.
const STD_ITEMS: &[&str] = &["Debug", "Display", "FromStr", "Default", "Read"];

const GLOSSARY: &str = "docs/glossary.md";
const TRACEABILITY: &str = "docs/traceability.md";

// ----- files -----

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root")
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Files under `dir` (relative to the root) whose name ends with `suffix`, recursively,
/// sorted, as paths relative to the root with `/`. Skips `target` and hidden directories.
fn files_under(dir: &str, suffix: &str) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, suffix: &str, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    walk(base, &path, suffix, out);
                }
            } else if name.ends_with(suffix) {
                let relative = path.strip_prefix(base).unwrap_or(&path);
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let base = root();
    let mut out = Vec::new();
    walk(&base, &base.join(dir), suffix, &mut out);
    out.sort();
    out
}

/// The pages whose italic terms and glossary links are checked.
fn doc_pages() -> Vec<String> {
    let mut pages = vec!["README.md".to_owned(), "examples/desk/README.md".to_owned()];
    pages.extend(files_under("docs", ".md"));
    pages
}

fn rust_files() -> Vec<String> {
    let mut files = files_under("crates", ".rs");
    files.extend(files_under("examples", ".rs"));
    files
}

fn fail_if_any(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

// ----- Markdown -----

/// The text with code blanked out: fenced blocks and backtick spans become spaces, so lines
/// keep their numbers and nothing inside code looks like Markdown.
fn without_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            out.push_str(&blank(line));
        } else if fenced {
            out.push_str(&blank(line));
        } else {
            out.push_str(line);
        }
    }
    let chars: Vec<char> = out.chars().collect();
    let mut result = String::with_capacity(out.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|&&c| c == '`').count();
            if let Some(end) = closing_backticks(&chars, i + run, run) {
                result.extend(chars[i..end + run].iter().map(|&c| blank_char(c)));
                i = end + run;
                continue;
            }
            result.extend(&chars[i..i + run]);
            i += run;
            continue;
        }
        result.push(chars[i]);
        i += 1;
    }
    result
}

/// The start of the next run of exactly `run` backticks from `from`.
fn closing_backticks(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let len = chars[j..].iter().take_while(|&&c| c == '`').count();
            if len == run {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

fn blank_char(c: char) -> char {
    if c == '\n' { '\n' } else { ' ' }
}

fn blank(line: &str) -> String {
    line.chars().map(blank_char).collect()
}

/// An italic span: its text with white space collapsed, and the line (from 1) it starts on.
#[derive(Debug, PartialEq, Eq)]
struct Italic {
    line: usize,
    text: String,
}

/// The single-asterisk spans of a Markdown text, outside code. A run of two or more
/// asterisks is bold and ignored; `\*` is a literal asterisk. A span opens at an asterisk
/// followed by a non-space and not preceded by a letter or digit, closes at an asterisk
/// preceded by a non-space and not followed by a letter or digit, and never crosses a blank
/// line. Returns the spans and the lines of spans left open.
fn italics(text: &str) -> (Vec<Italic>, Vec<usize>) {
    let chars: Vec<char> = without_code(text).chars().collect();
    let mut spans = Vec::new();
    let mut unclosed = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            if let Some((_, body)) = open.as_mut() {
                body.push(chars[i + 1]);
            }
            i += 2;
            continue;
        }
        if c == '\n' {
            line += 1;
            let rest_blank = chars[i + 1..]
                .iter()
                .take_while(|&&c| c != '\n')
                .all(|c| c.is_whitespace());
            if rest_blank && let Some((start, _)) = open.take() {
                unclosed.push(start);
            }
            if let Some((_, body)) = open.as_mut() {
                body.push(' ');
            }
            i += 1;
            continue;
        }
        if c == '*' {
            let run = chars[i..].iter().take_while(|&&c| c == '*').count();
            let before = if i == 0 { ' ' } else { chars[i - 1] };
            let after = chars.get(i + run).copied().unwrap_or(' ');
            if run == 1 {
                match open.take() {
                    None if !after.is_whitespace() && !before.is_alphanumeric() => {
                        open = Some((line, String::new()));
                    }
                    None => {}
                    Some((start, body)) if !before.is_whitespace() && !after.is_alphanumeric() => {
                        spans.push(Italic {
                            line: start,
                            text: body.split_whitespace().collect::<Vec<_>>().join(" "),
                        });
                    }
                    Some((start, mut body)) => {
                        body.push('*');
                        open = Some((start, body));
                    }
                }
            }
            i += run;
            continue;
        }
        if let Some((_, body)) = open.as_mut() {
            body.push(c);
        }
        i += 1;
    }
    if let Some((start, _)) = open {
        unclosed.push(start);
    }
    (spans, unclosed)
}

/// The cells of a table row, split at `|` not escaped by `\`, trimmed; `None` if the line is
/// not a table row.
fn cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if !line.starts_with('|') || !line.ends_with('|') || line.len() < 2 {
        return None;
    }
    let inner = &line[1..line.len() - 1];
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                current.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut current).trim().to_owned()),
            _ => current.push(c),
        }
    }
    out.push(current.trim().to_owned());
    Some(out)
}

/// The backtick spans of a cell.
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.trim().to_owned())
        .collect()
}

/// The `id`s of the `<a id="…">` anchors in a text.
fn anchors(text: &str) -> Vec<String> {
    text.split("<a id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
fn heading_slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The glossary's anchor for a term: lower case, spaces and `/` to hyphens.
fn term_slug(term: &str) -> String {
    term.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' | '/' | '-' => Some('-'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

// ----- the glossary -----

#[derive(Debug)]
struct GlossaryRow {
    line: usize,
    anchors: Vec<String>,
    term: String,
    latvian: String,
    rust_item: String,
}

const GLOSSARY_COLUMNS: usize = 7;

fn glossary_rows(text: &str) -> Vec<GlossaryRow> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("| <a id="))
        .map(|(i, line)| {
            let cells = cells(line).unwrap_or_default();
            let first = cells.first().cloned().unwrap_or_default();
            GlossaryRow {
                line: i + 1,
                anchors: anchors(&first),
                term: first
                    .rsplit("</a>")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                latvian: cells.get(1).cloned().unwrap_or_default(),
                rust_item: cells.get(5).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// Splits at commas and semicolons outside brackets.
fn split_outside_brackets(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0_usize;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ',' | ';' if depth == 0 => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The Latvian terms of an LV cell: each part without its bracketed text, and each bracketed
/// part on its own.
fn latvian_terms(cell: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for part in split_outside_brackets(cell) {
        let mut outside = String::new();
        let mut inside = String::new();
        let mut depth = 0_usize;
        for c in part.chars() {
            match c {
                '(' => {
                    if depth > 0 {
                        inside.push(c);
                    }
                    depth += 1;
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        terms.extend(split_outside_brackets(&std::mem::take(&mut inside)));
                    } else {
                        inside.push(c);
                    }
                }
                _ if depth > 0 => inside.push(c),
                _ => outside.push(c),
            }
        }
        let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
        if !outside.is_empty() {
            terms.push(outside);
        }
    }
    terms
}

/// A word with one Latvian ending taken off (the longest that leaves two letters).
fn stem(word: &str) -> String {
    let word = word.to_lowercase();
    for ending in LATVIAN_ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 2
        {
            return stem.to_owned();
        }
    }
    word
}

/// The form two terms are compared in: the stems of their words.
fn term_key(term: &str) -> Vec<String> {
    term.split_whitespace().map(stem).collect()
}

fn is_english_emphasis(span: &str) -> bool {
    ENGLISH_EMPHASIS.contains(&span) || span.starts_with("apkalpe-")
}

// ----- Rust source -----

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The segments of a span that is a Rust name or path (`Type`, `Type::method`,
/// `VatRateTable::latvia()`), or `None`.
fn rust_path(span: &str) -> Option<Vec<&str>> {
    let span = span.strip_suffix("()").unwrap_or(span);
    let segments: Vec<&str> = span.split("::").collect();
    segments
        .iter()
        .all(|s| is_identifier(s))
        .then_some(segments)
}

/// The names declared in the Rust source under `crates/` and `examples/`: items after `fn`,
/// `struct`, `enum`, `trait`, `type`, `const`, `static`, `mod`; `pub` fields; names brought
/// in `as`; enum variants (a capitalised name opening a line, followed by `,`, `(`, `{`, `=`
/// or the end of the line); and the crates.
fn declared_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for dir in files_under("crates", "Cargo.toml")
        .iter()
        .chain(&files_under("examples", "Cargo.toml"))
    {
        if let Some(name) = dir.rsplit('/').nth(1) {
            names.insert(name.replace('-', "_"));
        }
    }
    const KEYWORDS: &[&str] = &[
        "fn", "struct", "enum", "trait", "type", "const", "static", "mod", "as",
    ];
    for file in rust_files() {
        let text = read(&file);
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default();
            let words: Vec<&str> = code
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .collect();
            for pair in words.windows(2) {
                if KEYWORDS.contains(&pair[0]) {
                    names.insert(pair[1].to_owned());
                }
            }
            let trimmed = code.trim();
            if let Some(field) = trimmed.strip_prefix("pub ")
                && let Some((name, _)) = field.split_once(':')
                && is_identifier(name.trim())
            {
                names.insert(name.trim().to_owned());
            }
            let head: String = trimmed
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let tail = trimmed[head.len()..].trim_start();
            if head.starts_with(|c: char| c.is_ascii_uppercase())
                && (tail.is_empty() || tail.starts_with([',', '(', '{', '=']))
            {
                names.insert(head);
            }
        }
    }
    names.extend(STD_ITEMS.iter().map(|s| (*s).to_owned()));
    names
}

/// The names of every `fn` under `crates/` and `examples/`, tests included.
fn function_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for file in rust_files() {
        let text = read(&file);
        for rest in text.split("fn ").skip(1) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

// ----- glossary tests -----

#[test]
fn every_italic_latvian_term_is_in_the_glossary() {
    let glossary = read(GLOSSARY);
    let mut terms: BTreeMap<Vec<String>, String> = BTreeMap::new();
    for row in glossary_rows(&glossary) {
        for term in latvian_terms(&row.latvian) {
            terms.entry(term_key(&term)).or_insert(term);
        }
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for page in doc_pages() {
        let (spans, unclosed) = italics(&read(&page));
        for line in unclosed {
            problems.push(format!(
                "{page}:{line}: an italic span (`*`) is never closed"
            ));
        }
        for span in spans {
            if is_english_emphasis(&span.text) {
                continue;
            }
            checked += 1;
            if !terms.contains_key(&term_key(&span.text)) {
                problems.push(format!(
                    "{page}:{}: *{}* is not a Latvian term of {GLOSSARY}",
                    span.line, span.text
                ));
            }
        }
    }
    fail_if_any("italic terms missing from the glossary", &problems);
    assert!(
        checked > 100,
        "only {checked} italic terms found: is the scanner broken?"
    );
}

#[test]
fn every_glossary_link_names_a_row_anchor() {
    let glossary = read(GLOSSARY);
    let rows: BTreeSet<String> = anchors(&glossary).into_iter().collect();
    let headings: BTreeSet<String> = glossary
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| heading_slug(l.trim_start_matches('#')))
        .collect();
    let needle = concat!("glossary.md", "#");
    let mut problems = Vec::new();
    let mut links = 0;
    let mut check = |file: &str, line: usize, text: &str, problems: &mut Vec<String>| {
        for rest in text.split(needle).skip(1) {
            let anchor: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if anchor.is_empty() {
                continue;
            }
            links += 1;
            if !rows.contains(&anchor) {
                problems.push(format!(
                    "{file}:{line}: link to {needle}{anchor}: no row has that anchor"
                ));
            }
        }
    };
    for page in doc_pages() {
        for (i, line) in read(&page).lines().enumerate() {
            check(&page, i + 1, line, &mut problems);
        }
    }
    for file in rust_files() {
        for (i, line) in read(&file).lines().enumerate() {
            if let Some((_, comment)) = line.split_once("//") {
                check(&file, i + 1, comment, &mut problems);
            }
        }
    }
    for (i, line) in glossary.lines().enumerate() {
        for rest in line.split("](#").skip(1) {
            let anchor = rest.split(')').next().unwrap_or_default();
            if !rows.contains(anchor) && !headings.contains(anchor) {
                problems.push(format!(
                    "{GLOSSARY}:{}: link to #{anchor}: no row or heading has that anchor",
                    i + 1
                ));
            }
        }
    }
    fail_if_any("broken glossary links", &problems);
    assert!(
        links > 50,
        "only {links} glossary links found: is the scanner broken?"
    );
}

#[test]
fn glossary_rows_are_well_formed_and_counted() {
    let glossary = read(GLOSSARY);
    let rows = glossary_rows(&glossary);
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, line) in glossary.lines().enumerate() {
        if line.starts_with("| <a id=") {
            let n = cells(line).map_or(0, |c| c.len());
            if n != GLOSSARY_COLUMNS {
                problems.push(format!(
                    "{GLOSSARY}:{}: {n} cells, expected {GLOSSARY_COLUMNS}",
                    i + 1
                ));
            }
        }
    }
    for row in &rows {
        match row.anchors.first() {
            Some(anchor) if *anchor == term_slug(&row.term) => {}
            Some(anchor) => problems.push(format!(
                "{GLOSSARY}:{}: {}: anchor {anchor:?}, expected {:?}",
                row.line,
                row.term,
                term_slug(&row.term)
            )),
            None => problems.push(format!("{GLOSSARY}:{}: {}: no anchor", row.line, row.term)),
        }
        for anchor in &row.anchors {
            if !seen.insert(anchor.clone()) {
                problems.push(format!(
                    "{GLOSSARY}:{}: anchor {anchor:?} used twice",
                    row.line
                ));
            }
        }
        if latvian_terms(&row.latvian).is_empty() {
            problems.push(format!(
                "{GLOSSARY}:{}: {}: no Latvian term",
                row.line, row.term
            ));
        }
    }
    let stated = glossary.lines().enumerate().find_map(|(i, l)| {
        l.strip_prefix("Terms: ")
            .map(|rest| (i + 1, rest.to_owned()))
    });
    match stated {
        Some((line, rest)) => {
            let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if number.parse::<usize>().ok() != Some(rows.len()) {
                problems.push(format!(
                    "{GLOSSARY}:{line}: says \"Terms: {number}\", the page has {} rows",
                    rows.len()
                ));
            }
        }
        None => problems.push(format!("{GLOSSARY}: no \"Terms: N\" line")),
    }
    fail_if_any("malformed glossary rows", &problems);
}

#[test]
fn glossary_rust_items_exist() {
    let declared = declared_names();
    let mut problems = Vec::new();
    for row in glossary_rows(&read(GLOSSARY)) {
        for span in code_spans(&row.rust_item) {
            let Some(path) = rust_path(&span) else {
                continue;
            };
            for segment in path {
                if !declared.contains(segment) {
                    problems.push(format!(
                        "{GLOSSARY}:{}: {}: `{span}`: `{segment}` is declared nowhere in crates/ or examples/",
                        row.line, row.term
                    ));
                }
            }
        }
    }
    fail_if_any("glossary Rust items that do not exist", &problems);
}

// ----- traceability tests -----

#[derive(Debug)]
struct TraceRow {
    line: usize,
    id: String,
    /// The cell with the API items ("served by …" or "API items").
    items: String,
    tests: String,
    /// The status cell, or "" in the table of `desk` commands.
    status: String,
    /// The IDs a `desk` command serves, or "".
    serves: String,
}

/// Every row of every table of the traceability page that has a "tests" column.
fn trace_rows(text: &str) -> Vec<TraceRow> {
    let mut rows = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for (i, line) in text.lines().enumerate() {
        let Some(cells) = cells(line) else {
            header = None;
            continue;
        };
        if cells
            .iter()
            .all(|c| c.chars().all(|c| c == '-' || c == ':'))
        {
            continue;
        }
        let Some(head) = &header else {
            header = Some(cells);
            continue;
        };
        let column = |name: &str| {
            head.iter()
                .position(|h| h.starts_with(name))
                .and_then(|p| cells.get(p))
                .cloned()
                .unwrap_or_default()
        };
        if !head.iter().any(|h| h == "tests") {
            continue;
        }
        rows.push(TraceRow {
            line: i + 1,
            id: cells.first().cloned().unwrap_or_default(),
            items: if head.iter().any(|h| h.starts_with("served by")) {
                column("served by")
            } else {
                column("API items")
            },
            tests: column("tests"),
            status: column("status"),
            serves: column("serves"),
        });
    }
    rows
}

/// Where a test reference of the tests column points, relative to the root. Short forms
/// (the page's "How to read a row"): `x.rs` is `crates/apkalpe-core/tests/x.rs`, `src/…` is
/// `crates/apkalpe-core/src/…`.
fn test_path(span: &str) -> Option<String> {
    const ROOTS: &[&str] = &["crates/", "examples/", "benches/", "fuzz/", "docs/"];
    if ROOTS.iter().any(|r| span.starts_with(r)) {
        Some(span.to_owned())
    } else if span.starts_with("src/") {
        Some(format!("crates/apkalpe-core/{span}"))
    } else if !span.contains('/') && span.ends_with(".rs") {
        Some(format!("crates/apkalpe-core/tests/{span}"))
    } else {
        None
    }
}

fn is_desk_command(span: &str) -> bool {
    span == "desk" || span.starts_with("desk ")
}

fn outside_software_reason(status: &str) -> Option<&str> {
    let rest = status.strip_prefix("outside software")?;
    let (_, reason) = rest.split_once(':')?;
    Some(reason.trim()).filter(|r| !r.is_empty())
}

#[test]
fn every_task_has_one_traceability_row() {
    let rows = trace_rows(&read(TRACEABILITY));
    let mut problems = Vec::new();
    for id in TASK_IDS {
        let lines: Vec<usize> = rows
            .iter()
            .filter(|r| r.id == *id)
            .map(|r| r.line)
            .collect();
        match lines.len() {
            1 => {}
            0 => problems.push(format!("{TRACEABILITY}: task {id} has no row")),
            _ => problems.push(format!(
                "{TRACEABILITY}: task {id} has {} rows, at lines {lines:?}",
                lines.len()
            )),
        }
    }
    for row in &rows {
        if row.id.starts_with('T')
            && row.id[1..].starts_with(|c: char| c.is_ascii_digit())
            && !TASK_IDS.contains(&row.id.as_str())
        {
            problems.push(format!(
                "{TRACEABILITY}:{}: {} is not a task of the standard",
                row.line, row.id
            ));
        }
    }
    fail_if_any("tasks without exactly one row", &problems);
}

#[test]
fn traceability_rows_are_served_or_say_why_not() {
    let rows = trace_rows(&read(TRACEABILITY));
    let declared = declared_names();
    let functions = function_names();
    let mut problems = Vec::new();
    for row in rows.iter().filter(|r| !r.status.is_empty()) {
        let where_ = format!("{TRACEABILITY}:{}: {}", row.line, row.id);
        if row.status.starts_with("outside software") {
            if outside_software_reason(&row.status).is_none() {
                problems.push(format!(
                    "{where_}: \"outside software\" without a reason after a colon"
                ));
            }
            continue;
        }
        let is_task = TASK_IDS.contains(&row.id.as_str());
        if row.status.starts_with("planned") {
            if is_task {
                problems.push(format!(
                    "{where_}: a task must be served or outside software, not planned"
                ));
            }
            continue;
        }
        if !(row.status.starts_with("served") || row.status.starts_with("partly served")) {
            problems.push(format!(
                "{where_}: status {:?} is not served, partly served, planned or outside software",
                row.status
            ));
            continue;
        }
        let items = code_spans(&row.items)
            .iter()
            .filter_map(|s| rust_path(s))
            .filter(|p| p.iter().all(|s| declared.contains(*s)))
            .count();
        let tests = code_spans(&row.tests)
            .iter()
            .filter(|s| match test_path(s) {
                Some(path) => root().join(path).exists(),
                None => is_identifier(s) && functions.contains(s.as_str()),
            })
            .count();
        if items == 0 {
            problems.push(format!("{where_}: served, but names no existing API item"));
        }
        if tests == 0 {
            problems.push(format!("{where_}: served, but names no existing test"));
        }
    }
    fail_if_any("rows neither served nor outside software", &problems);
}

#[test]
fn traceability_references_exist() {
    let text = read(TRACEABILITY);
    let rows = trace_rows(&text);
    let ids: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let declared = declared_names();
    let functions = function_names();
    let mut problems = Vec::new();
    let mut references = 0;
    for row in &rows {
        let where_ = format!("{TRACEABILITY}:{}: {}", row.line, row.id);
        for span in code_spans(&row.items) {
            if let Some(path) = rust_path(&span) {
                references += 1;
                for segment in path {
                    if !declared.contains(segment) {
                        problems.push(format!(
                            "{where_}: API item `{span}`: `{segment}` is declared nowhere in crates/ or examples/"
                        ));
                    }
                }
            } else if span.starts_with("docs/") && !root().join(&span).exists() {
                problems.push(format!("{where_}: `{span}` does not exist"));
            }
        }
        for span in code_spans(&row.tests) {
            if is_desk_command(&span) {
                continue;
            }
            references += 1;
            match test_path(&span) {
                Some(path) if root().join(&path).exists() => {}
                Some(path) => problems.push(format!(
                    "{where_}: test file `{span}` ({path}) does not exist"
                )),
                None if is_identifier(&span) => {
                    if !functions.contains(&span) {
                        problems.push(format!(
                            "{where_}: test `{span}`: no `fn {span}` under crates/ or examples/"
                        ));
                    }
                }
                None => problems.push(format!(
                    "{where_}: `{span}` in the tests column is neither a test file, a test function nor a desk command"
                )),
            }
        }
        let is_id = |s: &&str| {
            s.starts_with(['T', 'S', 'C', 'K']) && s[1..].starts_with(|c: char| c.is_ascii_digit())
        };
        for id in row.serves.split(',').map(str::trim).filter(is_id) {
            if !ids.contains(id) {
                problems.push(format!("{where_}: serves {id}, which has no row"));
            }
        }
    }
    fail_if_any("stale references in the traceability page", &problems);
    assert!(
        references > 300,
        "only {references} references found: is the scanner broken?"
    );
}

/// The number after `label` in `text` ("served 44"), 0 if the label is absent.
fn count_after(text: &str, label: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let mut found = None;
    let mut from = 0;
    while let Some(at) = lower[from..].find(label) {
        let start = from + at;
        let before_ok = start == 0 || !lower[..start].ends_with("partly ");
        let digits: String = lower[start + label.len()..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if before_ok && let Ok(n) = digits.parse() {
            found = Some(n);
            break;
        }
        from = start + label.len();
    }
    found
}

#[test]
fn traceability_counts_match_the_rows() {
    let text = read(TRACEABILITY);
    let rows = trace_rows(&text);
    let counts = text
        .split("## Counts")
        .nth(1)
        .expect("a \"## Counts\" section");
    let flat = counts.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut problems = Vec::new();
    for (part, is_part_1) in [("Part 1:", true), ("Part 2:", false)] {
        let Some(start) = flat.find(part) else {
            problems.push(format!("{TRACEABILITY}: the counts have no {part:?} item"));
            continue;
        };
        let end = flat[start + 1..]
            .find("- ")
            .map_or(flat.len(), |e| start + 1 + e);
        let stated = &flat[start..end];
        let part_rows: Vec<&TraceRow> = rows
            .iter()
            .filter(|r| !r.status.is_empty() && r.id.starts_with('T') == is_part_1)
            .collect();
        for label in ["served", "partly served", "planned", "outside software"] {
            let actual = part_rows
                .iter()
                .filter(|r| r.status.starts_with(label))
                .count();
            let said = count_after(stated, label).unwrap_or(0);
            if said != actual {
                problems.push(format!(
                    "{TRACEABILITY}: counts, {part} says {label} {said}, the rows have {actual}"
                ));
            }
        }
        // "Part 1: 62 tasks", "… 12 knowledge items (49 rows)".
        let total = count_after(stated, if is_part_1 { "part 1:" } else { "items (" });
        if total != Some(part_rows.len()) {
            problems.push(format!(
                "{TRACEABILITY}: counts, {part} says {total:?} rows, the page has {}",
                part_rows.len()
            ));
        }
    }
    fail_if_any("counts that do not match the rows", &problems);
}

// ----- the rules themselves -----

#[test]
fn latvian_endings_match_inflected_forms_only() {
    let same = |a: &str, b: &str| term_key(a) == term_key(b);
    assert!(same("izziņas", "izziņa"));
    assert!(same("likvidācijā", "likvidācija"));
    assert!(same("darbības virzieni", "darbības virziens"));
    assert!(same("gaidāmās piegādes", "gaidāmā piegāde"));
    assert!(same("Pārpalikums", "pārpalikums"));
    assert!(same("AS", "AS"));
    assert!(!same("kases", "kases aparāts"));
    assert!(!same("pavadzīme–rēķins", "pavadzīme-rēķins"));
    assert!(!same("rēķins", "kredītrēķins"));
    assert!(!same("akts", "akcija"));
}

#[test]
fn latvian_terms_of_a_cell() {
    assert_eq!(
        latvian_terms("kases ieņēmumu orderis (KIO)"),
        ["KIO", "kases ieņēmumu orderis"]
    );
    assert_eq!(
        latvian_terms("nominālvērtība (banknote, monēta), nauda"),
        ["banknote", "monēta", "nominālvērtība", "nauda"]
    );
}

#[test]
fn italic_spans_skip_code_and_bold_and_cross_lines() {
    let text = "A *lieta* and **bold** and `*code*` and 2 * 3 and *klientu\napkalpošanas speciālists*.\n\n```\n*fenced*\n```\n*open\n\nnext";
    let (spans, unclosed) = italics(text);
    assert_eq!(
        spans,
        [
            Italic {
                line: 1,
                text: "lieta".to_owned()
            },
            Italic {
                line: 1,
                text: "klientu apkalpošanas speciālists".to_owned()
            },
        ]
    );
    assert_eq!(unclosed, [7]);
}

// ----- Sources -----

/// The sections of docs/sources.md a citation may name: "3", "3a", "13.1", from its headings
/// ("## 3. Invoices…", "### 3a. VAT invoice…", "### 13.1 Public holidays…").
fn source_sections(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| {
            line.strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
        })
        .filter_map(|heading| heading.split_whitespace().next())
        .map(|number| number.trim_end_matches('.').to_owned())
        .filter(|number| number.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// The ids of the source list of docs/sources.md ("| S1 | …").
fn source_ids(text: &str) -> BTreeSet<String> {
    let list = text.split("## Source list").nth(1).unwrap_or_default();
    list.lines()
        .filter_map(cells)
        .filter_map(|row| row.first().cloned())
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric()) && !id.is_empty())
        .collect()
}

/// Every citation "sources §N [ID]…" of `text`: the section, the ids in brackets right after
/// it, and the line.
fn citations(text: &str) -> Vec<(String, Vec<String>, usize)> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("sources §") {
            let after = &rest[at + "sources §".len()..];
            let section: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            let section = section.trim_end_matches('.').to_owned();
            let mut tail = &after[section.len()..];
            let mut ids = Vec::new();
            loop {
                let trimmed = tail.trim_start_matches([' ', '\\']);
                let Some(inner) = trimmed.strip_prefix('[') else {
                    break;
                };
                let Some(end) = inner.find(']') else {
                    break;
                };
                let id = inner[..end].trim_end_matches('\\');
                ids.extend(
                    id.split([',', ' '])
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                );
                tail = inner[end + 1..].trim_start_matches('\\');
            }
            out.push((section, ids, index + 1));
            rest = after;
        }
    }
    out
}

#[test]
fn every_source_citation_names_a_section_and_a_source_of_sources_md() {
    let sources = read("docs/sources.md");
    let sections = source_sections(&sources);
    let ids = source_ids(&sources);
    assert!(
        sections.contains("3a") && sections.contains("13.1"),
        "{sections:?}"
    );
    assert!(ids.contains("S1") && ids.len() > 40, "{ids:?}");
    let mut problems = Vec::new();
    let mut count = 0;
    for file in doc_pages().into_iter().chain(rust_files()) {
        if file.ends_with("tests/docs.rs") {
            continue;
        }
        let text = read(&file);
        for (section, cited, line) in citations(&text) {
            count += 1;
            // "sources §N" is how the pages explain the notation.
            if section != "N" && !sections.contains(&section) {
                problems.push(format!(
                    "{file}:{line}: sources §{section} is no section of docs/sources.md"
                ));
            }
            for id in cited {
                // Field numbers and other bracketed notes follow some ids ("[I1] (field 10)");
                // only bracketed words shaped like an id (a capital and digits) are checked.
                let shaped = id.starts_with(|c: char| c.is_ascii_uppercase())
                    && id.chars().all(|c| c.is_ascii_alphanumeric());
                if shaped && !ids.contains(&id) {
                    problems.push(format!(
                        "{file}:{line}: [{id}] is no source of docs/sources.md"
                    ));
                }
            }
        }
        // Docs and code cite the sources page, not the facts file it was built from.
        if text.contains("facts §") {
            problems.push(format!(
                "{file}: cites \"facts §N\"; cite \"sources §N\" (docs/sources.md)"
            ));
        }
    }
    assert!(
        count > 100,
        "only {count} citations found: the scan is broken"
    );
    fail_if_any("source citations", &problems);
}

#[test]
fn citations_are_read_with_their_ids() {
    let found = citations("see sources §3a [I1][I3] (field 10) and sources §13.1.");
    assert_eq!(
        found,
        vec![
            ("3a".to_owned(), vec!["I1".to_owned(), "I3".to_owned()], 1),
            ("13.1".to_owned(), Vec::new(), 1),
        ]
    );
}

/// README's "Embedding `apkalpe-core`" program is the code of
/// `crates/apkalpe-core/examples/invoice_basics.rs` (which clippy and the tests compile),
/// byte for byte from its first `use`: the README cannot show an API that no longer exists.
#[test]
fn the_readme_embedding_example_is_the_compiled_example() {
    let readme = read("README.md");
    let section = readme
        .split_once("## Embedding `apkalpe-core`")
        .map(|(_, after)| after)
        .expect("README has the section \"Embedding `apkalpe-core`\"");
    let shown = section
        .split_once("```rust\n")
        .and_then(|(_, code)| code.split_once("```\n"))
        .map(|(code, _)| code)
        .expect("the section shows a Rust program");
    let example = read("crates/apkalpe-core/examples/invoice_basics.rs");
    let compiled = &example[example
        .find("use apkalpe_core")
        .expect("the example uses core")..];
    assert_eq!(
        shown, compiled,
        "README.md's embedding program differs from crates/apkalpe-core/examples/invoice_basics.rs"
    );
}
