//! The desk on PostgreSQL (issue 14): `--db postgres://…` and `DESK_DB`, a database without
//! the desk's tables that a refused command leaves untouched, an unreachable server, an
//! erasure that leaves no erased value readable through SQL, and readers that never make a
//! writer wait. (The by-hand day, the crash tests, the store tests and many desks at once run
//! on both backends in their own files.)

use std::process::Command;

use crate::backend::TestDb;
use crate::by_hand::{FLOAT, NOW};
use crate::{desk, pg_server};

/// Runs `args` on `db`, requiring success; returns standard output.
fn ok(db: &TestDb, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--db", db.db.as_str()]);
    let outcome = desk(&all, "");
    assert_eq!(
        outcome.code, 0,
        "{args:?}: {}{}",
        outcome.stdout, outcome.stderr
    );
    outcome.stdout
}

/// The tables of the database's schema.
fn tables(db: &TestDb) -> Vec<String> {
    db.texts(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()
         ORDER BY tablename",
    )
}

#[test]
fn a_refused_command_leaves_an_empty_database_empty() {
    let Some(db) = TestDb::postgres("pg-refused") else {
        return;
    };
    // Refused: no shift is open. Nothing is created on the server.
    let refused = desk(&["sell", "PAP-A4-80", "--cash", "10", "--db", &db.db], "");
    assert_eq!(refused.code, 1);
    assert!(
        refused.stdout.starts_with("invalid\toffice.no_shift\t"),
        "{}",
        refused.stdout
    );
    assert_eq!(tables(&db), Vec::<String>::new());
    // A command that only reads says the database holds no desk yet, and creates nothing.
    let status = desk(&["status", "--db", &db.db], "");
    assert_eq!(status.code, 1);
    assert!(
        status.stdout.starts_with("invalid\tdb.missing\t")
            && status.stdout.contains("holds no desk yet"),
        "{}",
        status.stdout
    );
    assert_eq!(tables(&db), Vec::<String>::new());
    // The first operation that succeeds creates the tables, holding exactly that entry.
    ok(&db, &["day", "open"]);
    assert!(tables(&db).contains(&"operations".to_owned()));
    assert_eq!(db.texts("SELECT kind FROM operations"), ["open_day"]);
    assert_eq!(
        db.texts("SELECT version FROM schema_version ORDER BY version"),
        ["1", "2", "3", "4", "5", "6", "7"]
    );
}

#[test]
fn desk_db_names_the_database_when_db_is_not_given() {
    let Some(db) = TestDb::postgres("pg-env") else {
        return;
    };
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_desk"))
            .args(args)
            .env("DESK_DB", &db.db)
            .env("DESK_NOW", NOW)
            .env_remove("DESK_ABORT_BEFORE_COMMIT")
            .current_dir(&db.dir.0)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "{args:?}: {stdout}");
        stdout
    };
    run(&["day", "open"]);
    run(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    let sale = run(&["sell", "PAP-A4-80:2", "--cash", "20"]);
    assert!(sale.contains("Receipt 1: total"), "{sale}");
    let status = run(&["status"]);
    assert!(
        status.contains(": 3 operations in the journal."),
        "{status}"
    );
    // Stored on the server, and no desk.db was written where the desk ran.
    assert_eq!(db.count("SELECT COUNT(*) FROM receipts"), 1);
    assert!(!db.dir.0.join("desk.db").exists());
    // --db still wins over DESK_DB.
    let file = db.dir.file("own.db");
    run(&["day", "open", "--db", &file]);
    assert!(std::path::Path::new(&file).exists());
    assert_eq!(db.count("SELECT COUNT(*) FROM operations"), 3);
}

#[test]
fn an_unreachable_server_is_one_typed_line() {
    if pg_server::cluster().is_none() {
        return;
    }
    let nowhere = "postgres://postgres@%2Fnonexistent%2Fsocket/desk";
    let outcome = desk(&["day", "open", "--db", nowhere], "");
    assert_eq!(outcome.code, 1);
    assert!(
        outcome
            .stdout
            .starts_with("invalid\tstore.postgres\tthe PostgreSQL database failed while connecting to the database server: "),
        "{}",
        outcome.stdout
    );
    assert_eq!(outcome.stdout.lines().count(), 1);
    // A password in the URL is never printed.
    let outcome = desk(
        &[
            "status",
            "--db",
            "postgres://desk:s3cret@%2Fnonexistent/desk",
        ],
        "",
    );
    assert_eq!(outcome.code, 1);
    assert!(!outcome.stdout.contains("s3cret"), "{}", outcome.stdout);
}

const ANNA: &str = "00000000-0000-0000-0000-0000c11e0001";

/// Every value of every table of the database, as text.
fn everything(db: &TestDb) -> String {
    let mut text = String::new();
    for table in tables(db) {
        for row in db.rows(&format!("SELECT {table}::text FROM {table}")) {
            text.push_str(&row.join("|"));
            text.push('\n');
        }
    }
    text
}

#[test]
fn an_erasure_leaves_no_erased_value_readable_and_vacuums_what_it_touched() {
    let Some(db) = TestDb::postgres("pg-erase") else {
        return;
    };
    ok(
        &db,
        &[
            "client",
            "register",
            "--given",
            "Anna",
            "--family",
            "Bērziņa",
            "--personal-code",
            "161175-19997",
            "--email",
            "anna.berzina@example.lv",
            "--phone",
            "+371 29999999",
            "--street",
            "Brīvības iela 5",
            "--city",
            "Rīga",
            "--postcode",
            "LV-1010",
        ],
    );
    ok(
        &db,
        &[
            "complaint",
            "register",
            ANNA,
            "--text",
            "Tējkanna pārstāja sildīt.",
        ],
    );
    ok(&db, &["snapshot"]);
    let values = [
        "161175",
        "anna.berzina@example.lv",
        "29999999",
        "Brīvības iela 5",
    ];
    for value in values {
        assert!(everything(&db).contains(value), "{value} was never stored");
    }
    let erased = ok(&db, &["client", "erase", ANNA]);
    assert!(erased.contains("Journal entry 3."), "{erased}");
    let stored = everything(&db);
    for value in values {
        assert!(!stored.contains(value), "{value} is still readable");
    }
    assert!(
        stored.contains("Bērziņa"),
        "the complaint's case keeps the name"
    );
    // The tables the erasure rewrote were vacuumed after it committed.
    for table in [
        "operations",
        "registrations",
        "clients",
        "snapshots",
        "snapshot_clients",
    ] {
        let vacuumed = (0..50).any(|_| {
            let count = db.count(&format!(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = '{table}'"
            ));
            count > 0 || {
                std::thread::sleep(std::time::Duration::from_millis(100));
                false
            }
        });
        assert!(vacuumed, "{table} was not vacuumed");
    }
    // The journal replays to the same desk.
    let verified = ok(&db, &["verify"]);
    assert!(
        verified.starts_with("Verified: 3 journal entries"),
        "{verified}"
    );
}

#[test]
fn a_reader_in_a_long_transaction_never_makes_a_writer_wait() {
    let Some(db) = TestDb::postgres("pg-reader") else {
        return;
    };
    ok(&db, &["day", "open"]);
    ok(
        &db,
        &["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT],
    );
    // An integrator's report holds a transaction open over the tables the desk writes.
    let mut reader = postgres::Client::connect(&db.db, postgres::NoTls).unwrap();
    let mut report = reader
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .start()
        .unwrap();
    let before: i64 = report
        .query_one("SELECT COUNT(*) FROM operations", &[])
        .unwrap()
        .get(0);
    report
        .query("SELECT * FROM receipts, snapshots, number_series", &[])
        .unwrap();
    let started = std::time::Instant::now();
    for _ in 0..3 {
        ok(&db, &["sell", "PAP-A4-80", "--cash", "5"]);
    }
    ok(&db, &["snapshot"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "the writer waited {:?}",
        started.elapsed()
    );
    // The reader still sees its own moment.
    let during: i64 = report
        .query_one("SELECT COUNT(*) FROM operations", &[])
        .unwrap()
        .get(0);
    assert_eq!(during, before);
    report.commit().unwrap();
    assert_eq!(db.count("SELECT COUNT(*) FROM operations"), before + 3);
}
