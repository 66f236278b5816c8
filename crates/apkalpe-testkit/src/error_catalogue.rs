//! The error catalogue tests' shared pieces: every crate's `error_catalogue` test renders its
//! codes as one Markdown table and keeps the same table in its `docs/model/<crate>.md`.

use std::collections::BTreeMap;
use std::path::Path;

/// Renders a catalogue (code → English and Latvian message) as a Markdown table with the
/// columns code, English, Latvian; `|` and `*` in messages are escaped.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// use apkalpe_testkit::error_catalogue::markdown_table;
///
/// let mut catalogue = BTreeMap::new();
/// catalogue.insert("iban.checksum", ("iban check digits do not match".to_owned(), "IBAN kontrolcipari nesakrīt".to_owned()));
/// assert_eq!(
///     markdown_table(&catalogue),
///     "| code | English | Latvian |\n|---|---|---|\n| `iban.checksum` | iban check digits do not match | IBAN kontrolcipari nesakrīt |"
/// );
/// ```
pub fn markdown_table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('*', "\\*");
    let mut lines = vec![
        "| code | English | Latvian |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for (code, (english, latvian)) in catalogue {
        lines.push(format!(
            "| `{code}` | {} | {} |",
            cell(english),
            cell(latvian)
        ));
    }
    lines.join("\n")
}

/// Checks that the page `docs` (a path from the repository root) holds `table` between the
/// lines `begin` and `end`; with `APKALPE_WRITE_DOCS` set, rewrites that part of the page
/// instead. `crate_dir` is the calling crate's `CARGO_MANIFEST_DIR` and `package` its name, for
/// the command the failure message suggests.
///
/// # Panics
///
/// When the page or its markers are missing, or the table differs and `APKALPE_WRITE_DOCS` is
/// not set (this is a test helper).
#[allow(clippy::panic, clippy::unwrap_used)]
pub fn check_docs_table(
    crate_dir: &str,
    docs: &str,
    begin: &str,
    end: &str,
    table: &str,
    package: &str,
) {
    let path = Path::new(crate_dir).join("../..").join(docs);
    let page = std::fs::read_to_string(&path).unwrap();
    let (before, rest) = page
        .split_once(begin)
        .unwrap_or_else(|| panic!("{docs} has no line {begin}"));
    let (current, after) = rest
        .split_once(end)
        .unwrap_or_else(|| panic!("{docs} has no line {end}"));
    let wanted = format!("\n{table}\n");
    if current == wanted {
        return;
    }
    if std::env::var_os("APKALPE_WRITE_DOCS").is_some() {
        std::fs::write(&path, format!("{before}{begin}{wanted}{end}{after}")).unwrap();
        return;
    }
    panic!(
        "the error catalogue in {docs} differs from the snapshot: review the snapshot, then run \
         APKALPE_WRITE_DOCS=1 cargo test -p {package} --test main error_catalogue"
    );
}

/// Checks a catalogue against the codes its crate's source can produce
/// ([`crate::source::codes_by_area`], [`crate::source::codes_in_error_arms`]), both ways:
/// every code of `in_source` (code → file) is sampled unless `unsampled(code)` says why not,
/// and every sampled code is in the source unless `foreign(code)` (a code another crate
/// writes, such as core's `restore.*`).
///
/// # Panics
///
/// Listing every code without a sample, with its file, or every sample without a code.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// use apkalpe_testkit::error_catalogue::check_coverage;
///
/// let in_source = BTreeMap::from([("iban.empty".to_owned(), "src/iban.rs".to_owned())]);
/// check_coverage(["iban.empty", "restore.missing"], &in_source, |_| false, |code| {
///     code.starts_with("restore.")
/// });
/// ```
///
/// A code of the source without a sample fails:
///
/// ```should_panic
/// use std::collections::BTreeMap;
///
/// let in_source = BTreeMap::from([("iban.empty".to_owned(), "src/iban.rs".to_owned())]);
/// apkalpe_testkit::error_catalogue::check_coverage([], &in_source, |_| false, |_| false);
/// ```
pub fn check_coverage<'a>(
    sampled: impl IntoIterator<Item = &'a str>,
    in_source: &BTreeMap<String, String>,
    unsampled: impl Fn(&str) -> bool,
    foreign: impl Fn(&str) -> bool,
) {
    let sampled: Vec<&str> = sampled.into_iter().collect();
    let without_sample: Vec<String> = in_source
        .iter()
        .filter(|(code, _)| !sampled.contains(&code.as_str()) && !unsampled(code))
        .map(|(code, file)| format!("{code} (in {file})"))
        .collect();
    assert!(
        without_sample.is_empty(),
        "codes with no sample in the catalogue: {without_sample:#?}"
    );
    let not_in_source: Vec<&str> = sampled
        .iter()
        .copied()
        .filter(|code| !in_source.contains_key(*code) && !foreign(code))
        .collect();
    assert!(
        not_in_source.is_empty(),
        "sampled codes that are not in the source: {not_in_source:?}"
    );
}
