//! The crate's layout: no two modules import each other, directly or around a circle, and no
//! domain file grows past about 1 000 lines (issue 16).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, with its module path (`file_plan`, `file_plan::csv`).
fn sources() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{stem}::"), out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let module = match stem.as_str() {
                    "lib" => "crate".to_owned(),
                    "mod" => prefix.trim_end_matches("::").to_owned(),
                    _ => format!("{prefix}{stem}"),
                };
                out.push((module, path));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut out,
    );
    out
}

/// The top-level module a `crate::` path names, for the items `lib.rs` re-exports too.
fn top_level_imports(text: &str, reexports: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code: String = text
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut modules = BTreeSet::new();
    for (position, _) in code.match_indices("crate::") {
        let rest = &code[position + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                let first = item.split("::").next().unwrap();
                modules.insert(reexports.get(first).cloned().unwrap_or(first.to_owned()));
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            modules.insert(reexports.get(&name).cloned().unwrap_or(name));
        }
    }
    modules
}

#[test]
fn no_module_imports_a_module_that_imports_it() {
    let files = sources();
    let lib =
        std::fs::read_to_string(&files.iter().find(|(m, _)| m == "crate").unwrap().1).unwrap();
    // `pub use module::{A, B};` and `pub use module::A;` in lib.rs.
    let mut reexports = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let item = item.trim();
            if !item.is_empty() {
                reexports.insert(item.to_owned(), module.trim().to_owned());
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in &files {
        let top = module.split("::").next().unwrap().to_owned();
        if top == "crate" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let imports = top_level_imports(&text, &reexports);
        graph
            .entry(top.clone())
            .or_default()
            .extend(imports.into_iter().filter(|m| *m != top && *m != "crate"));
    }
    // Depth-first search for a circle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            panic!(
                "modules import each other in a circle: {}",
                [&path[at..], &[node.to_owned()]].concat().join(" -> ")
            );
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(node.to_owned());
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
    // The three modules of the old circle: access reads registered documents, a document
    // carries its access level, and neither of them is read back.
    assert!(graph["requisite"].contains("access_level"));
    assert!(!graph["requisite"].contains("access"));
    assert!(!graph["access_level"].contains("access"));
}

#[test]
fn no_source_file_is_over_1000_lines() {
    for (module, path) in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap();
        // Doc comments (the runnable examples issue 16 asks for on every public item) do not
        // make a file hold more than one idea: only code and plain comments count.
        let lines = code
            .lines()
            .filter(|line| {
                let line = line.trim_start();
                !line.starts_with("///") && !line.starts_with("//!")
            })
            .count();
        assert!(
            lines <= 1_000,
            "{module} has {lines} lines outside its tests and docs"
        );
    }
}

/// The prelude imports beside core's names: the retention model's names are core's, the
/// crate's clashing names come renamed, and `LegalHold` is one type in both.
mod prelude_beside_core {
    #[allow(unused_imports)]
    use apkalpe_core::*;
    #[allow(unused_imports)]
    use apkalpe_documents::prelude::*;

    #[test]
    fn names_resolve_without_a_clash() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
        let hold: LegalHold = apkalpe_documents::LegalHold::try_new("LH-1", "strīds", day).unwrap();
        let core_period: RetentionPeriod = RetentionPeriod::Months(6);
        let plan_period: FilePlanRetentionPeriod = "5 gadi".parse().unwrap();
        assert_eq!(core_period.to_string(), "6 mēneši");
        assert_eq!(plan_period.to_core().0, RetentionPeriod::Years(5));
        assert_eq!(hold.id(), "LH-1");
        let kind: RecordsDocumentKind = apkalpe_documents::DocumentKind::Complaint;
        let channel: SubmissionChannel = apkalpe_documents::Channel::Email;
        let counting: CaseCountingRule = apkalpe_documents::CountingRule::default();
        assert_eq!(
            CountingRule::from(counting),
            CountingRule::FromFirstJanuaryAfter
        );
        assert_eq!(kind.latvian_name(), "sūdzība");
        assert_eq!(channel, apkalpe_documents::Channel::Email);
    }
}
