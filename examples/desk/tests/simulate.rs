//! `desk simulate`: synthetic weeks through the office and the store; the same arguments
//! give the same run, on SQLite and on PostgreSQL; a run killed at any moment goes on, when
//! started again, to the same end as a run never interrupted; several desks simulate
//! together on one database.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::backend::TestDb;
use crate::by_hand::after;
use crate::{TempDir, desk};

/// The arguments of a small run into `db`.
fn args<'a>(db: &'a str, seed: &'a str) -> Vec<&'a str> {
    vec![
        "simulate",
        "--clients",
        "120",
        "--days",
        "3",
        "--start",
        "2026-11-23",
        "--seed",
        seed,
        "--db",
        db,
    ]
}

/// The output without the lines that measure time and memory.
fn stable(stdout: &str, db: &str) -> String {
    stdout
        .lines()
        .filter(|line| !line.starts_with("Time:") && !line.starts_with("Peak memory:"))
        .map(|line| line.replace(db, "<db>"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every stored table, row by row, as text: two databases with the same dump hold the same
/// day.
fn dump(db: &str) -> String {
    let connection = Connection::open(db).unwrap();
    let mut text = String::new();
    for table in [
        "operations",
        "number_series",
        "issued_documents",
        "clients",
        "cases",
        "documents",
        "shifts",
        "receipts",
        "payments",
        "cash_operations",
    ] {
        let mut statement = connection
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                (0..columns)
                    .map(|i| row.get_ref(i).map(|value| format!("{value:?}")))
                    .collect::<Result<Vec<_>, rusqlite::Error>>()
            })
            .unwrap();
        text.push_str(&format!("== {table}\n"));
        for row in rows {
            text.push_str(&row.unwrap().join("|"));
            text.push('\n');
        }
    }
    text
}

fn journal_length(db: &str) -> i64 {
    Connection::open(db)
        .ok()
        .and_then(|c| {
            c.query_row("SELECT COUNT(*) FROM operations", [], |row| row.get(0))
                .ok()
        })
        .unwrap_or(0)
}

#[test]
fn a_small_run_is_reproducible_and_says_what_it_did() {
    let dir = TempDir::new("sim-small");
    let (one, two) = (dir.file("one.db"), dir.file("two.db"));
    let first = desk(&args(&one, "7"), "");
    assert_eq!(first.code, 0, "{}", first.stdout);
    let second = desk(&args(&two, "7"), "");
    assert_eq!(stable(&first.stdout, &one), stable(&second.stdout, &two));
    assert_eq!(dump(&one), dump(&two));
    assert!(first.stdout.contains("\nTime: "), "{}", first.stdout);
    insta::assert_snapshot!("simulate_small", stable(&first.stdout, &one));

    // Another seed is another run…
    let other = dir.file("other.db");
    assert_eq!(desk(&args(&other, "8"), "").code, 0);
    assert_ne!(dump(&one), dump(&other));
    // …and a database holding one run is not continued with another's arguments.
    let mixed = desk(&args(&one, "8"), "");
    assert_eq!(mixed.code, 1);
    assert!(
        mixed.stdout.starts_with("invalid\tsimulate.mismatch\t"),
        "{}",
        mixed.stdout
    );
    assert_eq!(dump(&one), dump(&two), "the refused run changed the file");

    // Started again with the same arguments, a finished run adds nothing.
    let again = desk(&args(&one, "7"), "");
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert!(
        again
            .stdout
            .contains("The journal holds the whole run already: nothing was added."),
        "{}",
        again.stdout
    );
    assert_eq!(dump(&one), dump(&two));
}

#[test]
fn a_run_killed_mid_flight_goes_on_to_the_same_end() {
    let dir = TempDir::new("sim-kill");
    let whole = dir.file("whole.db");
    let killed = dir.file("killed.db");
    assert_eq!(desk(&args(&whole, "3"), "").code, 0);
    let total = journal_length(&whole);
    assert!(total > 500, "{total}");

    // Kill the real process (SIGKILL: no clean-up of any kind) three times, at growing
    // journal lengths, each time in the middle of its work.
    for fraction in [5, 3, 2] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_desk"))
            .args(args(&killed, "3"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let target = total / fraction;
        let deadline = Instant::now() + Duration::from_secs(60);
        while journal_length(&killed) < target && Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let kept = journal_length(&killed);
        assert!(kept < total, "the run finished before it was killed");
        // Whatever was committed is a prefix of the uninterrupted run's journal.
        let prefix: Vec<String> = dump(&killed)
            .lines()
            .skip(1)
            .take(usize::try_from(kept).unwrap())
            .map(str::to_owned)
            .collect();
        let expected: Vec<String> = dump(&whole)
            .lines()
            .skip(1)
            .take(usize::try_from(kept).unwrap())
            .map(str::to_owned)
            .collect();
        assert_eq!(prefix, expected);
    }

    let resumed = desk(&args(&killed, "3"), "");
    assert_eq!(resumed.code, 0, "{}", resumed.stdout);
    assert!(
        resumed.stdout.contains("Went on from journal entry"),
        "{}",
        resumed.stdout
    );
    assert_eq!(dump(&killed), dump(&whole));
}

/// The rows of the tables a run writes, on either backend, as text (without SQLite's and
/// PostgreSQL's own row numbering): two equal listings are the same run.
fn contents(test: &TestDb) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for sql in [
        "SELECT seq, at, kind, input FROM operations ORDER BY seq",
        "SELECT id, state FROM number_series ORDER BY id",
        "SELECT number, series_id, kind, issue_date, ubl, text, data, credits, operation
         FROM issued_documents ORDER BY number",
        "SELECT number, shift, kind, total, text, operation, data FROM receipts ORDER BY number",
        "SELECT id, number, kind, year, case_index, date, text, operation, client
         FROM documents ORDER BY id",
        "SELECT method, amount, reference, applies_to, operation FROM payments ORDER BY id",
        "SELECT * FROM shifts ORDER BY number",
        "SELECT * FROM clients ORDER BY id",
        "SELECT * FROM cash_operations ORDER BY reference",
        "SELECT seq, rules FROM operations ORDER BY seq",
    ] {
        rows.extend(test.rows(sql));
    }
    rows
}

#[test]
fn a_small_run_on_postgres_is_the_run_on_sqlite() {
    let Some(postgres) = TestDb::postgres("sim-pg") else {
        return;
    };
    let sqlite = TestDb::sqlite("sim-pg");
    let on_sqlite = desk(&args(&sqlite.db, "7"), "");
    assert_eq!(on_sqlite.code, 0, "{}", on_sqlite.stdout);
    let on_postgres = desk(&args(&postgres.db, "7"), "");
    assert_eq!(on_postgres.code, 0, "{}", on_postgres.stdout);
    // The same report (the snapshot of the SQLite run), and the same rows in the tables.
    insta::assert_snapshot!("simulate_small", stable(&on_postgres.stdout, &postgres.db));
    assert_eq!(contents(&postgres), contents(&sqlite));
    // Started again, it is recognised as the same run and adds nothing.
    let again = desk(&args(&postgres.db, "7"), "");
    assert!(
        again
            .stdout
            .contains("The journal holds the whole run already: nothing was added."),
        "{}",
        again.stdout
    );
}

/// Runs `desks` desks of one run at once (real processes, `DESK_SEAT=N/M`) on `test`'s
/// database, and checks they did the day plan together without colliding.
fn several_desks(test: &TestDb, desks: u32) {
    let children: Vec<_> = (1..=desks)
        .map(|desk| {
            Command::new(env!("CARGO_BIN_EXE_desk"))
                .args(args(&test.db, "7"))
                .env("DESK_SEAT", format!("{desk}/{desks}"))
                .env_remove("DESK_DB")
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut applied = 0_i64;
    for (desk, child) in (1..=desks).zip(children) {
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success(), "desk {desk}: {stdout}");
        assert!(
            stdout.starts_with(&format!("Desk {desk} of {desks} (cashier ")),
            "{stdout}"
        );
        // Refusals are the business's own (stock that ran out, a line credited already),
        // as a desk alone has them: a few at most, besides the cash over the cash limit that
        // the traffic offers on purpose.
        let refused: u64 = after(&stdout, "Refused by the office: ")
            .split(';')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let over_the_cash_limit: u64 = stdout
            .lines()
            .find_map(|line| line.trim_start().strip_prefix("cash_limit.exceeded"))
            .and_then(|rest| rest.split_whitespace().next())
            .map_or(0, |count| count.parse().unwrap());
        assert!(refused - over_the_cash_limit <= 5, "{stdout}");
        let time = stdout.lines().find(|l| l.starts_with("Time: ")).unwrap();
        applied += time
            .split("; ")
            .nth(1)
            .and_then(|part| part.split(' ').next())
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap();
    }
    // Together they applied what the journal holds, each day's shift opened by that day's
    // head desk with its own cashier, and the journal replays to the same desk.
    assert_eq!(test.count("SELECT COUNT(*) FROM operations"), applied);
    assert!(applied > 1_000, "{applied}");
    assert_eq!(
        test.texts("SELECT cashier FROM shifts ORDER BY number"),
        ["Ilze Kalna", "Jānis Ozols", "Līga Zariņa"]
    );
    assert_eq!(
        test.count("SELECT COUNT(*) FROM shifts WHERE z_report IS NULL"),
        0
    );
    let verified = desk(&["verify", "--db", &test.db], "");
    assert!(
        verified.stdout.starts_with("Verified: "),
        "{}",
        verified.stdout
    );
}

#[test]
fn three_desks_simulate_together_on_one_sqlite_file() {
    several_desks(&TestDb::sqlite("sim-desks"), 3);
}

#[test]
fn three_desks_simulate_together_on_one_postgres_database() {
    if let Some(test) = TestDb::postgres("sim-desks") {
        several_desks(&test, 3);
    }
}

#[test]
fn a_seat_that_is_not_n_of_m_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_desk"))
        .args(["status"])
        .env("DESK_SEAT", "4/3")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "desk: DESK_SEAT: \"4/3\" is not a desk's seat N/M (desk N of M, 1 <= N <= M)\n"
    );
}
