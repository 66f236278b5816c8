//! Many desks at once on one database (issue 14): 8 desks doing 100 mixed operations each
//! (registrations, sales, invoices, complaints) on one PostgreSQL database, and 4 on one
//! SQLite file. Each desk runs the real `desk` binary, command after command, as a person at
//! a desk would, all desks at the same time. Afterwards: no command failed, no operation was
//! lost (every one has its journal entry, and the journal holds no other), and every number
//! series (receipts, invoices, complaints, clients, the journal itself) runs from 1 with no
//! gap and no duplicate; a replay from the first entry gives the same desk.

use std::collections::BTreeSet;
use std::process::Command;

use crate::backend::TestDb;
use crate::by_hand::{COMPANY, NOW, after, client_id};

/// Plenty of every coin and small note, so every cash sale gets its change.
const FLOAT: &str =
    "200x10,200x5,200x2,200x1,200x0.50,200x0.20,200x0.10,200x0.05,200x0.02,200x0.01";

/// What one command of a desk did.
#[derive(Debug)]
enum Done {
    Client(String),
    Receipt(u64),
    Invoice(String),
    Complaint(String),
}

/// Runs the binary on `db`; returns its standard output, or why it failed.
fn run(db: &str, args: &[String]) -> Result<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_desk"))
        .args(args)
        .args(["--db", db])
        .env("DESK_NOW", NOW)
        .env_remove("DESK_ABORT_BEFORE_COMMIT")
        .env_remove("DESK_DB")
        .output()
        .map_err(|error| error.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        Err(format!(
            "{args:?}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The `k`-th command of desk `desk`: of every 20, 5 registrations, 8 sales (half in cash,
/// half by card), 4 invoices and 3 complaints, interleaved.
fn command(desk: usize, k: usize, company: &str) -> Vec<String> {
    let owned = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    match k % 20 {
        0 | 4 | 9 | 13 | 17 => owned(&[
            "client",
            "register",
            "--given",
            "Anna",
            "--family",
            &format!("Bērziņa-{desk}-{k}"),
            "--email",
            &format!("anna.{desk}.{k}@example.lv"),
        ]),
        1 | 5 | 10 | 14 => owned(&["sell", "PAP-A4-80", "NOTE-A5:2", "--cash", "20"]),
        2 | 6 | 11 | 18 => owned(&[
            "sell",
            "PEN-BIC-BL:3",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/29",
        ]),
        3 | 7 | 15 | 19 => owned(&["invoice", "bill", company, "PAP-A4-80:10"]),
        _ => owned(&[
            "complaint",
            "register",
            company,
            "--text",
            &format!("Desk {desk}, visit {k}: the paper jams."),
        ]),
    }
}

/// What a command's output says it did, and its journal entry.
fn done(output: &str) -> (i64, Done) {
    let entry: i64 = after(output, "Journal entry ")
        .trim_end_matches('.')
        .parse()
        .unwrap();
    let line = output
        .lines()
        .find(|line| {
            ["Client ", "Receipt ", "Invoice ", "Complaint "]
                .iter()
                .any(|prefix| line.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("nothing done in:\n{output}"));
    let word = |prefix: &str| {
        line.trim_start_matches(prefix)
            .split([' ', ':'])
            .next()
            .unwrap()
            .to_owned()
    };
    let what = if line.starts_with("Client ") {
        Done::Client(client_id(line))
    } else if line.starts_with("Receipt ") {
        Done::Receipt(word("Receipt ").parse().unwrap())
    } else if line.starts_with("Invoice ") {
        Done::Invoice(word("Invoice "))
    } else {
        Done::Complaint(word("Complaint "))
    };
    (entry, what)
}

/// `desks` desks, `each` commands each, at once on `test`'s database; then the checks.
fn many_desks(test: &TestDb, desks: usize, each: usize) {
    let db = test.db.as_str();
    let setup = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        run(db, &args).unwrap()
    };
    setup(&["day", "open"]);
    let company = client_id(&setup(&COMPANY));
    setup(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    let before = test.count("SELECT COUNT(*) FROM operations");

    let results: Vec<Vec<Result<String, String>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..=desks)
            .map(|desk| {
                let company = company.clone();
                scope.spawn(move || {
                    (0..each)
                        .map(|k| run(db, &command(desk, k, &company)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    // No failures.
    let failures: Vec<&String> = results
        .iter()
        .flatten()
        .filter_map(|r| r.as_ref().err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed, e.g. {}",
        failures.len(),
        failures[0]
    );
    let outputs: Vec<(i64, Done)> = results
        .iter()
        .flatten()
        .map(|r| done(r.as_ref().unwrap()))
        .collect();
    let total = desks * each;
    assert_eq!(outputs.len(), total);

    // No lost operation: each has its own journal entry, and the journal holds exactly them.
    let entries: BTreeSet<i64> = outputs.iter().map(|(entry, _)| *entry).collect();
    let expected: BTreeSet<i64> = (before + 1..=before + total as i64).collect();
    assert_eq!(entries, expected, "journal entries reported");
    assert_eq!(
        test.count("SELECT COUNT(*) FROM operations"),
        before + total as i64
    );
    assert_eq!(
        test.count("SELECT MAX(seq) FROM operations"),
        before + total as i64
    );

    // Every series gapless, no duplicates: what the desks were told and what is stored.
    let mut receipts: Vec<u64> = Vec::new();
    let mut invoices: Vec<String> = Vec::new();
    let mut complaints: Vec<String> = Vec::new();
    let mut clients: Vec<String> = vec![company.clone()];
    for (_, what) in &outputs {
        match what {
            Done::Receipt(n) => receipts.push(*n),
            Done::Invoice(n) => invoices.push(n.clone()),
            Done::Complaint(n) => complaints.push(n.clone()),
            Done::Client(id) => clients.push(id.clone()),
        }
    }
    receipts.sort_unstable();
    assert_eq!(receipts, (1..=receipts.len() as u64).collect::<Vec<_>>());
    let mut expected_invoices: Vec<String> = (1..=invoices.len())
        .map(|n| format!("INV2026-{n:05}"))
        .collect();
    invoices.sort();
    expected_invoices.sort();
    assert_eq!(invoices, expected_invoices);
    let mut numbers: Vec<u64> = complaints
        .iter()
        .map(|c| c.trim_start_matches("2.1/").parse().unwrap())
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=complaints.len() as u64).collect::<Vec<_>>());
    clients.sort();
    let expected_clients: Vec<String> = (1..=clients.len() as u128)
        .map(|n| uuid::Uuid::from_u128(0xc11e_0000 + n).to_string())
        .collect();
    assert_eq!(clients, expected_clients);
    assert_eq!(
        test.texts("SELECT number FROM receipts ORDER BY number"),
        receipts.iter().map(u64::to_string).collect::<Vec<_>>()
    );
    assert_eq!(
        test.texts("SELECT number FROM issued_documents ORDER BY number"),
        expected_invoices
    );
    assert_eq!(
        test.count("SELECT COUNT(*) FROM documents WHERE case_index = '2.1'"),
        complaints.len() as i64
    );
    assert_eq!(
        test.count("SELECT COUNT(DISTINCT number) FROM documents"),
        test.count("SELECT COUNT(*) FROM documents")
    );
    assert_eq!(
        test.count("SELECT COUNT(*) FROM clients"),
        clients.len() as i64
    );

    // The journal replays to the same desk, with the same documents.
    let verified = run(db, &["verify".to_owned()]).unwrap();
    assert!(
        verified.starts_with(&format!(
            "Verified: {} journal entries",
            before + total as i64
        )),
        "{verified}"
    );
}

#[test]
fn eight_desks_on_one_postgres_database_lose_nothing_and_duplicate_nothing() {
    if let Some(test) = TestDb::postgres("many-desks") {
        many_desks(&test, 8, 100);
    }
}

#[test]
fn four_desks_on_one_sqlite_file_lose_nothing_and_duplicate_nothing() {
    many_desks(&TestDb::sqlite("many-desks"), 4, 100);
}
