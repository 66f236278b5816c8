//! The documentation runs as written (issue 17): every `desk` command of README.md,
//! examples/desk/README.md and docs/tour.md, in the order the page gives them, in a fresh
//! folder holding a copy of what the commands read, on today's date and on a date a year
//! later. A command that exits with an error fails the test unless its line announces it
//! (`# exits 1: why`).
//!
//! What runs: the lines of every fenced ```sh block (```text blocks show output and are not
//! run). `cargo run … -p desk --` and the `desk` of the walkthroughs are this build's binary;
//! other `cargo` lines (build, test, bench) are not run; anything else (`export`, `printf`,
//! a pipe) is shell, run by bash as written. A line ending in `\` continues on the next.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::TempDir;

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One command of a page: its shell text, the line it starts on, and the exit it announces.
#[derive(Debug)]
struct Step {
    line: usize,
    shell: String,
    expected_exit: i32,
}

/// The commands of a page's ```sh blocks, in order.
fn steps(page: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut in_sh = false;
    let mut pending: Option<(usize, String)> = None;
    for (number, line) in page.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_sh = !in_sh && trimmed.trim_start_matches('`').trim() == "sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let (start, mut text) = match pending.take() {
            Some((start, text)) => (start, text + " " + trimmed),
            None => (number + 1, trimmed.to_owned()),
        };
        if let Some(stripped) = text.strip_suffix('\\') {
            pending = Some((start, stripped.trim_end().to_owned()));
            continue;
        }
        let expected_exit = announced_exit(&text);
        text = strip_comment(&text);
        if text.is_empty() {
            continue;
        }
        steps.push(Step {
            line: start,
            shell: text,
            expected_exit,
        });
    }
    steps
}

/// The exit code a line announces in its comment (`# exits 1: …`), else 0.
fn announced_exit(line: &str) -> i32 {
    line.find("# exits ")
        .and_then(|at| line.get(at + "# exits ".len()..))
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0)
}

/// The line without its trailing `# comment` (a `#` outside quotes, after a space).
fn strip_comment(line: &str) -> String {
    let mut quote = None;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None, '#') if previous.is_whitespace() => {
                return line.get(..at).unwrap_or(line).trim_end().to_owned();
            }
            _ => {}
        }
        previous = c;
    }
    line.trim_end().to_owned()
}

/// Whether a line is a `cargo` command that is not the desk (a build, the test suite, a
/// bench): the test does not run those.
fn other_cargo(shell: &str) -> bool {
    shell.starts_with("cargo ") && !shell.contains("-p desk")
}

/// The line with every `cargo run … -p desk --` replaced by the `desk` function.
fn as_desk(shell: &str) -> String {
    let mut out = shell.to_owned();
    for form in [
        "cargo run --release -q -p desk --",
        "cargo run -q -p desk --",
        "cargo run --release -p desk --",
        "cargo run -p desk --",
    ] {
        out = out.replace(form, "desk");
    }
    out
}

/// Copies what the documented commands read into `into`, at the same paths as in the
/// repository: the crates' fixtures and the desk's drafts.
fn copy_inputs(into: &Path) {
    let root = root();
    let mut folders = vec![PathBuf::from("examples/desk/drafts")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        let crate_dir = entry.unwrap().path();
        let fixtures = crate_dir.join("tests/fixtures");
        if fixtures.is_dir() {
            folders.push(fixtures.strip_prefix(&root).unwrap().to_path_buf());
        }
    }
    for folder in folders {
        copy_dir(&root.join(&folder), &into.join(&folder));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Runs every command of `page` (a path under the repository) at `now`, in a fresh folder;
/// returns the failures, one line each.
fn run_page(page: &str, now: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(page)).unwrap();
    let steps = steps(&text);
    assert!(
        steps
            .iter()
            .any(|step| as_desk(&step.shell).contains("desk ")),
        "{page} has no desk command in a sh block"
    );
    let dir = TempDir::new(&format!(
        "docs-{}-{}",
        page.replace(['/', '.'], "-"),
        &now[..4]
    ));
    copy_inputs(&dir.0);
    let desk = env!("CARGO_BIN_EXE_desk");
    // One bash script for the page, so what a command sets (`export`, `x=$(…)`) holds for
    // the next; each command's exit and output are kept for the report.
    let mut script = format!("set -o pipefail\ndesk() {{ \"{desk}\" \"$@\"; }}\n");
    let run: Vec<&Step> = steps
        .iter()
        .filter(|step| !other_cargo(&step.shell))
        .collect();
    for (index, step) in run.iter().enumerate() {
        script.push_str(&format!(
            "{{\n{}\n}} > .step-{index}.out 2>&1\necho $? > .step-{index}.code\n",
            as_desk(&step.shell)
        ));
    }
    let output = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&dir.0)
        .env("DESK_NOW", now)
        .env_remove("DESK_DB")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{page}: the script did not run: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut failures = Vec::new();
    for (index, step) in run.iter().enumerate() {
        let read = |suffix: &str| {
            std::fs::read_to_string(dir.0.join(format!(".step-{index}.{suffix}")))
                .unwrap_or_default()
        };
        let code: i32 = read("code").trim().parse().unwrap_or(-1);
        if code != step.expected_exit {
            failures.push(format!(
                "{page}:{}: `{}` exited {code}, the page announces {}\n{}",
                step.line,
                step.shell,
                step.expected_exit,
                read("out")
            ));
        }
    }
    failures
}

/// Today and a year after, as the desk reads them from `DESK_NOW`.
fn dates() -> [String; 2] {
    // The one place the tests read the clock: the pages must hold on whatever day they run.
    #[allow(clippy::disallowed_methods)]
    let now = chrono::Utc::now();
    let later = now + chrono::Duration::days(366);
    [now, later].map(|at| at.format("%Y-%m-%dT10:00:00Z").to_string())
}

fn check(page: &str) {
    let mut failures = Vec::new();
    for now in dates() {
        failures.extend(
            run_page(page, &now)
                .into_iter()
                .map(|f| format!("[{now}] {f}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_readme_runs_as_written() {
    check("README.md");
}

#[test]
fn the_desk_walkthrough_runs_as_written() {
    check("examples/desk/README.md");
}

#[test]
fn the_tour_runs_as_written() {
    check("docs/tour.md");
}

#[test]
fn steps_are_read_with_their_continuations_and_announced_exits() {
    let page = "text\n```sh\ndesk a \\\n  --b c   # exits 1: because\n# a comment\nexport X='a # b'\n```\n```text\ndesk not run\n```\n";
    let steps = steps(page);
    let shells: Vec<(&str, i32)> = steps
        .iter()
        .map(|s| (s.shell.as_str(), s.expected_exit))
        .collect();
    assert_eq!(shells, [("desk a --b c", 1), ("export X='a # b'", 0)]);
    assert_eq!(as_desk("cargo run -q -p desk -- status"), "desk status");
    assert!(other_cargo("cargo test --workspace"));
    assert!(!other_cargo("cargo run -q -p desk -- demo"));
}
