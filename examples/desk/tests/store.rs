//! `desk invoice issue --db`: the store keeps the number series across runs; issuing and
//! advancing the series are one transaction. Every test runs on an SQLite file and, when
//! PostgreSQL is installed, on a PostgreSQL database.

use std::path::Path;

use crate::backend::TestDb;
use crate::{Outcome, TempDir, desk};

const PATTERN: &str = "INV{year}-{seq:5}";

fn draft_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts/invoice.json")
        .to_string_lossy()
        .into_owned()
}

/// Issues `draft` into the store `db` with `extra` arguments, on 2026-11-27.
fn issue(draft: &str, db: &str, extra: &[&str]) -> Outcome {
    let mut args = vec![
        "invoice",
        "issue",
        draft,
        "--series",
        PATTERN,
        "--date",
        "2026-11-27",
        "--db",
        db,
    ];
    args.extend_from_slice(extra);
    desk(&args, "")
}

/// The numbers stored in `issued_documents`, in order.
fn stored_numbers(db: &TestDb) -> Vec<String> {
    db.texts("SELECT number FROM issued_documents ORDER BY number")
}

/// The stored state (JSON) of a series.
fn series_state(db: &TestDb, id: &str) -> String {
    db.texts(&format!(
        "SELECT state FROM number_series WHERE id = '{id}'"
    ))
    .remove(0)
}

/// A copy of the example draft that fails validation (no seller VAT number, due date before
/// the issue date).
fn broken_draft(dir: &TempDir) -> String {
    let draft = std::fs::read_to_string(draft_path()).unwrap();
    let broken = draft
        .replace("\"vat_number\": \"LV40003521600\",", "")
        .replace(
            "\"due_date\": \"2026-12-11\"",
            "\"due_date\": \"2026-11-01\"",
        );
    assert_ne!(broken, draft, "the example draft changed; update this test");
    let path = dir.file("broken.json");
    std::fs::write(&path, broken).unwrap();
    path
}

#[test]
fn two_runs_continue_the_series() {
    for test in TestDb::both("store-continue") {
        two_runs_continue(&test);
    }
}

fn two_runs_continue(test: &TestDb) {
    let db = test.db.clone();
    let ubl = test.dir.file("second.xml");
    let draft = draft_path();

    let first = issue(&draft, &db, &[]);
    assert_eq!(first.code, 0, "{}", first.stdout);
    assert!(first.stdout.starts_with("PVN rēķins Nr. INV2026-00001\n"));
    // With a store the output is the same invoice plus one line saying where it went.
    let without_store = desk(
        &[
            "invoice",
            "issue",
            &draft,
            "--series",
            PATTERN,
            "--date",
            "2026-11-27",
        ],
        "",
    );
    assert_eq!(
        first.stdout,
        format!(
            "{}Stored as INV2026-00001 in number series \"invoices\" of {db}\n",
            without_store.stdout
        )
    );

    let second = issue(&draft, &db, &["--ubl", &ubl]);
    assert_eq!(second.code, 0, "{}", second.stdout);
    assert!(second.stdout.starts_with("PVN rēķins Nr. INV2026-00002\n"));
    assert!(second.stdout.ends_with(&format!(
        "Stored as INV2026-00002 in number series \"invoices\" of {db}\n"
    )));
    assert_eq!(stored_numbers(test), ["INV2026-00001", "INV2026-00002"]);

    // The UBL file and the printed text are exactly what was stored.
    let row = test.rows(
        "SELECT ubl, text, kind, issue_date FROM issued_documents WHERE number = 'INV2026-00002'",
    );
    let [stored_ubl, stored_text, kind, date] = <[String; 4]>::try_from(row[0].clone()).unwrap();
    assert_eq!(std::fs::read_to_string(&ubl).unwrap(), stored_ubl);
    assert!(second.stdout.starts_with(&stored_text));
    assert_eq!((kind.as_str(), date.as_str()), ("invoice", "2026-11-27"));

    // Another series id with the same pattern would repeat numbers: refused, nothing kept.
    let clash = issue(&draft, &db, &["--series-id", "shop"]);
    assert_eq!(clash.code, 1);
    assert!(
        clash.stdout.starts_with(
            "invalid\tstore.duplicate_number\ta document numbered INV2026-00001 is already stored"
        ),
        "{}",
        clash.stdout
    );
    let shops = test.count("SELECT COUNT(*) FROM number_series WHERE id = 'shop'");
    assert_eq!(shops, 0);
    // With its own pattern it is its own series, numbered from 1.
    let shop = desk(
        &[
            "invoice",
            "issue",
            &draft,
            "--series",
            "SHOP-{seq:4}",
            "--date",
            "2026-11-27",
            "--db",
            &db,
            "--series-id",
            "shop",
        ],
        "",
    );
    assert_eq!(shop.code, 0, "{}", shop.stdout);
    assert!(
        shop.stdout.starts_with("PVN rēķins Nr. SHOP-0001\n"),
        "{}",
        shop.stdout
    );
    assert_eq!(
        stored_numbers(test),
        ["INV2026-00001", "INV2026-00002", "SHOP-0001"]
    );
    let state: serde_json::Value = serde_json::from_str(&series_state(test, "invoices")).unwrap();
    assert_eq!(state["id"], "invoices");
    assert_eq!(state["pattern"], PATTERN);
}

#[test]
fn a_draft_that_fails_validation_takes_no_number() {
    for test in TestDb::both("store-invalid") {
        invalid_draft_takes_no_number(&test);
    }
}

fn invalid_draft_takes_no_number(test: &TestDb) {
    let db = test.db.clone();
    let draft = draft_path();
    let broken = broken_draft(&test.dir);

    assert_eq!(issue(&draft, &db, &[]).code, 0);
    let state = series_state(test, "invoices");

    let refused = issue(&broken, &db, &[]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stdout
            .lines()
            .all(|line| line.starts_with("invalid\t")),
        "{}",
        refused.stdout
    );
    assert!(
        refused.stdout.contains("requisite.due_date_before_issue"),
        "{}",
        refused.stdout
    );
    assert_eq!(series_state(test, "invoices"), state);
    assert_eq!(stored_numbers(test), ["INV2026-00001"]);

    let next = issue(&draft, &db, &[]);
    assert!(next.stdout.starts_with("PVN rēķins Nr. INV2026-00002\n"));
    assert_eq!(stored_numbers(test), ["INV2026-00001", "INV2026-00002"]);
}

/// A failure after the series was advanced in memory and the document written, but before the
/// commit: here the document insert hits a row planted with the next number, as a crash or a
/// second writer would leave it. Nothing is stored; once the obstacle is gone the next run
/// takes that very number, with no gap and no duplicate.
#[test]
fn a_failure_before_commit_loses_nothing_and_duplicates_nothing() {
    for test in TestDb::both("store-crash") {
        failure_before_commit(&test);
    }
}

fn failure_before_commit(test: &TestDb) {
    let db = test.db.clone();
    let draft = draft_path();

    assert_eq!(issue(&draft, &db, &[]).code, 0);
    let state = series_state(test, "invoices");
    test.execute(
        "INSERT INTO issued_documents (number, series_id, kind, issue_date, ubl, text)
         VALUES ('INV2026-00002', 'invoices', 'invoice', '2026-11-27', 'planted', 'planted')",
    );

    let failed = issue(&draft, &db, &[]);
    assert_eq!(failed.code, 1);
    assert_eq!(
        failed.stdout,
        "invalid\tstore.duplicate_number\ta document numbered INV2026-00002 is already \
         stored; nothing was issued\n"
    );
    assert_eq!(series_state(test, "invoices"), state, "the series moved");

    test.execute("DELETE FROM issued_documents WHERE number = 'INV2026-00002'");
    let next = issue(&draft, &db, &[]);
    assert_eq!(next.code, 0, "{}", next.stdout);
    assert!(next.stdout.starts_with("PVN rēķins Nr. INV2026-00002\n"));
    let third = issue(&draft, &db, &[]);
    assert!(third.stdout.starts_with("PVN rēķins Nr. INV2026-00003\n"));
    assert_eq!(
        stored_numbers(test),
        ["INV2026-00001", "INV2026-00002", "INV2026-00003"]
    );
}

#[test]
fn migrations_run_once_and_a_newer_schema_is_refused() {
    for test in TestDb::both("store-migrations") {
        migrations_run_once(&test);
    }
}

fn migrations_run_once(test: &TestDb) {
    let db = test.db.clone();
    let draft = draft_path();
    assert_eq!(issue(&draft, &db, &[]).code, 0);
    assert_eq!(issue(&draft, &db, &[]).code, 0);
    let versions = test.texts("SELECT version FROM schema_version ORDER BY version");
    assert_eq!(versions, ["1", "2", "3", "4", "5", "6", "7"]);

    test.execute("INSERT INTO schema_version (version) VALUES (8)");
    let refused = issue(&draft, &db, &[]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stdout.starts_with("invalid\tstore.migration\t"),
        "{}",
        refused.stdout
    );
    assert_eq!(stored_numbers(test), ["INV2026-00001", "INV2026-00002"]);
}

#[test]
fn another_pattern_for_a_stored_series_is_refused() {
    for test in TestDb::both("store-pattern") {
        another_pattern_refused(&test);
    }
}

fn another_pattern_refused(test: &TestDb) {
    let db = test.db.clone();
    let draft = draft_path();
    assert_eq!(issue(&draft, &db, &[]).code, 0);
    let state = series_state(test, "invoices");

    let other = desk(
        &[
            "invoice",
            "issue",
            &draft,
            "--series",
            "R-{seq:4}",
            "--date",
            "2026-11-27",
            "--db",
            &db,
        ],
        "",
    );
    assert_eq!(other.code, 1);
    assert_eq!(
        other.stdout,
        "invalid\tstore.series_pattern\tnumber series \"invoices\" is stored with pattern \
         \"INV{year}-{seq:5}\", not \"R-{seq:4}\"; give its pattern or another --series-id\n"
    );
    assert_eq!(series_state(test, "invoices"), state);
    assert_eq!(stored_numbers(test), ["INV2026-00001"]);
}

#[test]
fn a_file_that_is_not_a_database_is_reported() {
    let dir = TempDir::new("store-garbage");
    let db = dir.file("not-a-db.sqlite");
    std::fs::write(&db, "this is not an SQLite database, just some text").unwrap();
    let outcome = issue(&draft_path(), &db, &[]);
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.starts_with("invalid\tstore.sqlite\t"),
        "{}",
        outcome.stdout
    );
    assert_eq!(outcome.stdout.lines().count(), 1);
}

#[test]
fn without_a_store_every_run_starts_afresh() {
    let dir = TempDir::new("store-none");
    let args = [
        "invoice",
        "issue",
        &draft_path(),
        "--series",
        PATTERN,
        "--date",
        "2026-11-27",
    ];
    let first = desk(&args, "");
    let second = desk(&args, "");
    assert!(first.stdout.starts_with("PVN rēķins Nr. INV2026-00001\n"));
    assert_eq!(first.stdout, second.stdout);
    assert!(!first.stdout.contains("Stored as"));
    assert_eq!(std::fs::read_dir(&dir.0).unwrap().count(), 0);
}
