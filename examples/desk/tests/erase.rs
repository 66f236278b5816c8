//! `desk client erase`: a person's data leaves the register and the journal, except what
//! filed documents still need, and the database still replays to the same desk.

use rusqlite::Connection;

use crate::{TempDir, desk};

const ANNA: &str = "00000000-0000-0000-0000-0000c11e0001";

/// Every text the database holds, table by table.
fn everything(db: &str) -> String {
    let connection = Connection::open(db).unwrap();
    let tables: Vec<String> = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut text = String::new();
    for table in tables {
        let mut statement = connection
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let columns = statement.column_count();
        let rows = statement
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get_ref(i).map(|value| match value {
                            rusqlite::types::ValueRef::Text(text) => {
                                String::from_utf8_lossy(text).into_owned()
                            }
                            other => format!("{other:?}"),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            text.push_str(&row.unwrap().join("|"));
            text.push('\n');
        }
    }
    text
}

#[test]
fn an_erased_person_leaves_the_journal_and_the_desk_replays_the_same() {
    let dir = TempDir::new("erase");
    let db = dir.file("desk.db");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", db.as_str()]);
        let outcome = desk(&all, "");
        assert_eq!(outcome.code, 0, "{args:?}: {}", outcome.stdout);
        outcome.stdout
    };
    run(&[
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
    ]);
    // Found again by her personal code: a second registration entry to redact.
    run(&[
        "client",
        "register",
        "--given",
        "Anna",
        "--family",
        "Bērziņa",
        "--personal-code",
        "161175-19997",
    ]);
    run(&[
        "complaint",
        "register",
        ANNA,
        "--text",
        "Tējkanna pēc nedēļas pārstāja sildīt.",
    ]);
    let status_before = run(&["status"]);
    for value in [
        "161175",
        "anna.berzina@example.lv",
        "29999999",
        "Brīvības iela 5",
    ] {
        assert!(everything(&db).contains(value), "{value} was never stored");
    }

    let erased = run(&["client", "erase", ANNA]);
    insta::assert_snapshot!("erase", erased);
    let stored = everything(&db);
    for value in [
        "161175",
        "anna.berzina@example.lv",
        "29999999",
        "Brīvības iela 5",
    ] {
        assert!(!stored.contains(value), "{value} survived the erasure");
    }
    // The complaint's case keeps the name until 2031-12-31, so the name stays.
    assert!(stored.contains("Bērziņa"));

    // Opening the database replays the redacted journal to the same desk.
    assert_eq!(
        run(&["status"]),
        status_before.replace("3 operations", "4 operations")
    );
    let again = desk(&["client", "erase", ANNA, "--db", &db], "");
    assert_eq!(again.code, 1);
    assert!(
        again
            .stdout
            .starts_with("invalid\tprivacy.already_erased\t")
    );

    // Registered anew after the erasure, she is a new client.
    let new = run(&[
        "client",
        "register",
        "--given",
        "Anna",
        "--family",
        "Bērziņa",
        "--personal-code",
        "161175-19997",
    ]);
    assert!(new.contains("0000c11e0002"), "{new}");
}

#[test]
fn an_erased_persons_cash_leaves_no_personal_bytes_but_what_a_cash_order_must_keep() {
    let dir = TempDir::new("erase-cash");
    let db = dir.file("desk.db");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", db.as_str()]);
        let outcome = desk(&all, "");
        assert_eq!(outcome.code, 0, "{args:?}: {}", outcome.stdout);
        outcome.stdout
    };
    run(&["day", "open"]);
    // Jānis buys in cash as a known client: his cash is kept against the cash limit.
    run(&[
        "client",
        "register",
        "--given",
        "Jānis",
        "--family",
        "Ozols",
        "--personal-code",
        "010101-11113",
        "--email",
        "janis.ozols@example.lv",
        "--street",
        "Lāčplēša iela 7",
        "--city",
        "Rīga",
        "--postcode",
        "LV-1011",
    ]);
    const JANIS: &str = "00000000-0000-0000-0000-0000c11e0001";
    // Anna pays an advance in cash: the cash receipt order names her with her personal code.
    run(&[
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
    ]);
    const ANNA_2: &str = "00000000-0000-0000-0000-0000c11e0002";
    run(&[
        "shift",
        "open",
        "--cashier",
        "Ilze Kalna",
        "--float",
        crate::by_hand::FLOAT,
    ]);
    run(&["sell", "PAP-A4-80", "--cash", "10", "--client", JANIS]);
    run(&[
        "cash-order",
        "in",
        "--from",
        ANNA_2,
        "--amount",
        "300",
        "--basis",
        "Avanss",
    ]);
    let cash_rows = || {
        let connection = Connection::open(&db).unwrap();
        let mut statement = connection
            .prepare("SELECT * FROM cash_operations ORDER BY operation")
            .unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get_ref(i).map(|value| match value {
                            rusqlite::types::ValueRef::Text(text) => {
                                String::from_utf8_lossy(text).into_owned()
                            }
                            other => format!("{other:?}"),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(|values| values.join("|"))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    let before = cash_rows();
    assert_eq!(before.len(), 2, "{before:?}");
    assert!(before[0].contains(JANIS), "{before:?}");
    for value in [
        "010101-11113",
        "janis.ozols@example.lv",
        "Lāčplēša",
        "Ozols",
    ] {
        assert!(everything(&db).contains(value), "{value} was never stored");
    }

    // Erased, Jānis leaves nothing: his cash row names him by his id only.
    let erased = run(&["client", "erase", JANIS]);
    assert!(!erased.contains("kept:"), "{erased}");
    let stored = everything(&db);
    for value in [
        "010101",
        "janis.ozols@example.lv",
        "Lāčplēša",
        "Ozols",
        "Jānis",
    ] {
        assert!(!stored.contains(value), "{value} survived the erasure");
    }
    assert_eq!(cash_rows(), before, "the cash rows held nothing to erase");

    // Anna's name and personal code stay with her cash receipt order, for its case's
    // retention: in the order, and in the register (so in its registration entry, which
    // replays it); not in the cash rows.
    let erased = run(&["client", "erase", ANNA_2]);
    assert!(
        erased.contains(
            "kept: personal_code until 2031-12-31 (cash_receipt_order KIO2026-00001: 4.4 (Kases orderi))"
        ),
        "{erased}"
    );
    let stored = everything(&db);
    assert!(!stored.contains("anna.berzina@example.lv"));
    let connection = Connection::open(&db).unwrap();
    let holding: Vec<String> = [
        "operations",
        "cash_operations",
        "clients",
        "issued_documents",
        "documents",
    ]
    .into_iter()
    .filter(|table| {
        let mut statement = connection
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                Ok((0..columns)
                    .filter_map(|i| row.get::<_, Option<String>>(i).ok().flatten())
                    .any(|text| text.contains("161175-19997")))
            })
            .unwrap()
            .any(|found| found.unwrap())
    })
    .map(str::to_owned)
    .collect();
    assert_eq!(holding, ["operations", "issued_documents"]);
    assert_eq!(cash_rows(), before);
    // The erased desk still replays to what it holds.
    assert!(run(&["verify"]).starts_with("Verified: "));
}
