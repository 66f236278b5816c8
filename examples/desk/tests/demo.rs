//! `desk demo`: the ten steps of issue 8 through the office and the store, for the documented
//! day and for any `--seed`.

use std::path::{Path, PathBuf};

use apkalpe_accounting::read_received_invoice;
use apkalpe_payments::BankStatement;
use proptest::prelude::*;
use rusqlite::Connection;

use crate::{Outcome, desk};

/// A temporary folder for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("desk-demo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The headings of the ten steps, as the story prints them.
const STEPS: [&str; 10] = [
    "1. Open the day",
    "2. Two new clients",
    "3. A need, products recommended",
    "4. A contract drawn up",
    "5. Sales at the register",
    "6. An invoice to the company",
    "7. A consumer complaint answered",
    "8. The bank statement reconciled",
    "9. A short survey",
    "10. Close the day",
];

/// The story's text: everything up to "End of the day." (what follows names files).
fn story(stdout: &str) -> &str {
    let end = stdout.find("End of the day.").expect("the story ends");
    &stdout[..end]
}

fn demo(extra: &[&str]) -> Outcome {
    let mut args = vec!["demo", "--date", "2026-11-27"];
    args.extend_from_slice(extra);
    desk(&args, "")
}

fn count(db: &str, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |row| row.get(0))
        .unwrap()
}

/// Every check a complete day passes, on its output, its folder and its database.
fn check_complete_day(outcome: &Outcome, out: &Path, db: &str) -> Result<(), TestCaseError> {
    let stdout = &outcome.stdout;
    prop_assert_eq!(outcome.code, 0, "{}", stdout);
    prop_assert!(!stdout.contains("the step stops here"), "{}", stdout);
    prop_assert!(!stdout.contains("invalid\t"), "{}", stdout);
    let mut from = 0;
    for step in STEPS {
        let at = stdout[from..].find(&format!("\n{step}"));
        prop_assert!(
            at.is_some(),
            "{} missing or out of order:\n{}",
            step,
            stdout
        );
        from += at.unwrap_or_default() + step.len();
    }
    // Every document is filed in exactly one case: the office says so…
    let filed: i64 = stdout
        .split_once("filed in its case (")
        .and_then(|(_, rest)| rest.split_once(" documents, each in exactly one case)"))
        .and_then(|(number, _)| number.parse().ok())
        .ok_or_else(|| TestCaseError::fail(format!("no filing line:\n{stdout}")))?;
    // …and the store's tables agree: one row per document, each in a case of the file plan.
    prop_assert_eq!(count(db, "SELECT COUNT(*) FROM documents"), filed);
    prop_assert_eq!(count(db, "SELECT COUNT(DISTINCT id) FROM documents"), filed);
    prop_assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM documents d JOIN cases c
               ON c.year = d.year AND c.case_index = d.case_index"
        ),
        filed
    );
    prop_assert_eq!(
        count(db, "SELECT COUNT(*) FROM documents WHERE kind = 'waybill'"),
        1
    );
    prop_assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM documents WHERE kind = 'survey_report'"
        ),
        1
    );
    prop_assert_eq!(count(db, "SELECT COUNT(*) FROM orders"), 1);
    prop_assert!(count(db, "SELECT COUNT(*) FROM reservations") >= 1);
    prop_assert_eq!(count(db, "SELECT COUNT(*) FROM needs"), 1);
    // The company's advance in cash and its way to the bank: one order of each series, and
    // the advance declared; the refused cash took no number.
    prop_assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM documents WHERE case_index = '4.4' AND number IN ('KIO2026-00001', 'KIZO2026-00001')"
        ),
        2
    );
    prop_assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM cash_operations WHERE reference = 'KIO2026-00001' AND declarable = 1"
        ),
        1
    );
    prop_assert!(
        stdout.contains("The desk refuses, and nothing is stored (cash_limit.exceeded)"),
        "{}",
        stdout
    );
    // The UBL written is well-formed UBL that reads back; the statement too.
    for name in ["invoice.xml", "credit-note.xml", "invoice-earlier.xml"] {
        let xml = std::fs::read_to_string(out.join(name)).unwrap();
        prop_assert!(
            read_received_invoice(&xml).is_ok(),
            "{} does not read back",
            name
        );
    }
    let statement = std::fs::read(out.join("statement-camt053.xml")).unwrap();
    prop_assert_eq!(BankStatement::read(&statement).unwrap().entries().len(), 3);
    // The bank paid the day's invoice by its RF reference.
    prop_assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM payments WHERE method = 'bank' AND applies_to = 'INV2026-00002'"
        ),
        1
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Every seed gives a whole day: every step completes, every document is in exactly one
    /// case, and the e-invoices read back.
    #[test]
    fn every_seed_gives_a_complete_day(seed in any::<u64>()) {
        let dir = TempDir::new(&format!("seed-{seed}"));
        let out = dir.path("out");
        let db = dir.path("day.sqlite");
        let seed_text = seed.to_string();
        let outcome = demo(&["--seed", &seed_text, "--out", &out, "--db", &db]);
        check_complete_day(&outcome, Path::new(&out), &db)?;
        // The same seed in memory tells the same story, byte for byte.
        let again = demo(&["--seed", &seed_text]);
        prop_assert_eq!(story(&again.stdout), story(&outcome.stdout));
    }
}

#[test]
fn the_documented_day_is_complete_too() {
    let dir = TempDir::new("documented");
    let out = dir.path("out");
    let db = dir.path("day.sqlite");
    let outcome = demo(&["--out", &out, "--db", &db]);
    check_complete_day(&outcome, Path::new(&out), &db).unwrap();
}

#[test]
fn a_seed_gives_another_day_and_the_same_seed_the_same_one() {
    let documented = demo(&[]).stdout;
    let first = demo(&["--seed", "42"]).stdout;
    assert_eq!(demo(&["--seed", "42"]).stdout, first);
    let second = demo(&["--seed", "43"]).stdout;
    assert_ne!(first, second);
    assert_ne!(first, documented);
    assert!(first.contains("Seed 42: other clients, goods and amounts"));
    assert!(documented.contains("The documented day: docs/tour.md follows it step by step"));
    // Not only the heading differs: the clients and the amounts do.
    let differing = first
        .lines()
        .zip(second.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert!(differing > 50, "only {differing} lines differ");
}

#[test]
fn a_database_that_holds_a_day_is_refused_and_left_as_it_is() {
    let dir = TempDir::new("db");
    let db = dir.path("day.sqlite");
    let first = demo(&["--db", &db]);
    assert_eq!(first.code, 0, "{}", first.stdout);
    let operations = count(&db, "SELECT COUNT(*) FROM operations");
    assert!(
        first.stdout.ends_with(&format!(
            "The day is kept in {db}: {operations} operations in its journal.\n"
        )),
        "{}",
        first.stdout
    );
    // Every kind of operation is in the day's journal, but `invoice issue`'s draft invoices.
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT kind) FROM operations"),
        17
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM operations WHERE kind = 'issue_draft_invoice'"
        ),
        0
    );

    let second = demo(&["--db", &db, "--seed", "5"]);
    assert_eq!(second.code, 1);
    assert_eq!(
        second.stdout,
        format!(
            "invalid\tdemo.db_not_empty\t{db} already holds {operations} operations; give a new file to keep the demo's day\n"
        )
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM operations"), operations);

    // The day's store is an ordinary desk database: the invoice series goes on from it.
    let draft = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts/invoice.json")
        .to_string_lossy()
        .into_owned();
    let next = desk(
        &[
            "invoice",
            "issue",
            &draft,
            "--series",
            "INV{year}-{seq:5}",
            "--date",
            "2026-11-27",
            "--db",
            &db,
        ],
        "",
    );
    assert_eq!(next.code, 0, "{}", next.stdout);
    assert!(
        next.stdout.starts_with("PVN rēķins Nr. INV2026-00003\n"),
        "{}",
        next.stdout
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_reported() {
    let dir = TempDir::new("bad-db");
    let db = dir.path("not-a-database");
    std::fs::write(
        &db,
        "this is not SQLite, and long enough to be read as a header",
    )
    .unwrap();
    let outcome = demo(&["--db", &db]);
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.starts_with("invalid\tstore.sqlite\t"),
        "{}",
        outcome.stdout
    );
}
