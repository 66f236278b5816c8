//! Restorable state (issue 13): the desk opens from its snapshot, older databases migrate,
//! erasure leaves no byte behind in any file of the store, readers never make a writer
//! fail, and a refused command leaves no database behind.

use rusqlite::Connection;

use crate::{TempDir, desk};

/// Runs `desk` with `--db db` appended; returns the outcome.
fn on(db: &str, args: &[&str]) -> crate::Outcome {
    let mut all = args.to_vec();
    all.extend(["--db", db]);
    desk(&all, "")
}

/// Runs `desk` with `--db db` appended and expects success.
fn ok(db: &str, args: &[&str]) -> String {
    let outcome = on(db, args);
    assert_eq!(
        outcome.code, 0,
        "{args:?}: {}{}",
        outcome.stdout, outcome.stderr
    );
    outcome.stdout
}

/// Every byte of every file the store keeps beside `db` (the database, its write-ahead
/// log, its shared-memory index).
fn every_byte(dir: &TempDir) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect()
}

fn holds(bytes: &[u8], value: &str) -> bool {
    let needle = value.as_bytes();
    bytes.windows(needle.len()).any(|window| window == needle)
}

fn count(db: &str, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |row| row.get(0))
        .unwrap()
}

/// A person with values found nowhere else in the store.
struct Person {
    given: &'static str,
    family: &'static str,
    code: &'static str,
    email: &'static str,
    phone: &'static str,
    street: &'static str,
}

const PEOPLE: [Person; 3] = [
    Person {
        given: "Zeltīte",
        family: "Dzērvenāja",
        code: "161175-19997",
        email: "zeltite.dzervenaja@example.lv",
        phone: "+371 29311571",
        street: "Vējagrābšanas iela 77",
    },
    Person {
        given: "Ringolds",
        family: "Ābeļzieds",
        code: "320000-00008",
        email: "ringolds.abelzieds@example.lv",
        phone: "+371 26400472",
        street: "Mēmmežu iela 3",
    },
    Person {
        given: "Valija",
        family: "Pūpolkalne",
        code: "010101-11113",
        email: "valija.pupolkalne@example.lv",
        phone: "+371 28877660",
        street: "Cīruļlauku iela 12",
    },
];

fn register(db: &str, person: &Person) -> String {
    let out = ok(
        db,
        &[
            "client",
            "register",
            "--given",
            person.given,
            "--family",
            person.family,
            "--personal-code",
            person.code,
            "--email",
            person.email,
            "--phone",
            person.phone,
            "--street",
            person.street,
            "--city",
            "Rīga",
            "--postcode",
            "LV-1010",
        ],
    );
    out.split_whitespace()
        .find(|word| word.starts_with("00000000-"))
        .map(|id| id.trim_end_matches(['.', ',', ':']).to_owned())
        .unwrap_or_else(|| panic!("no id in {out}"))
}

#[test]
fn erasure_leaves_no_byte_of_an_erased_value_in_any_file_of_the_store() {
    let dir = TempDir::new("erase-bytes");
    let db = dir.file("desk.db");
    ok(&db, &["day", "open"]);
    let ids: Vec<String> = PEOPLE.iter().map(|p| register(&db, p)).collect();
    // The first files a complaint: her name must stay with it until its retention ends.
    ok(
        &db,
        &[
            "complaint",
            "register",
            &ids[0],
            "--text",
            "Tējkanna pēc nedēļas pārstāja sildīt.",
        ],
    );
    ok(
        &db,
        &[
            "shift",
            "open",
            "--cashier",
            "Ilze Kalna",
            "--float",
            "10x5,10x1,10x0.50,10x0.20,10x0.10,10x0.05,10x0.02,10x0.01",
        ],
    );
    ok(&db, &["sell", "PAP-A4-80:1", "--cash", "10"]);
    let drawer = ok(&db, &["status"]);
    let counted = drawer
        .lines()
        .find_map(|line| line.strip_prefix("Drawer: "))
        .and_then(|line| line.split_once('(').map(|(_, pieces)| pieces))
        .map(|pieces| pieces.trim_end_matches(").").to_owned())
        .unwrap();
    ok(&db, &["shift", "close", "--counted", &counted]);
    // Loading a catalogue takes a snapshot: the register with all three people in it.
    let catalogue = format!(
        "{}/../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json",
        env!("CARGO_MANIFEST_DIR")
    );
    ok(&db, &["catalogue", "load", &catalogue]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM snapshots"), 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM snapshot_clients"), 3);
    for person in &PEOPLE {
        let everything: Vec<u8> = every_byte(&dir).into_iter().flat_map(|(_, b)| b).collect();
        for value in [person.code, person.email, person.street] {
            assert!(holds(&everything, value), "{value} was never stored");
        }
    }

    // Another desk has the database open meanwhile, so its write-ahead log stays on disk.
    let other = Connection::open(&db).unwrap();
    let _: i64 = other
        .query_row("SELECT COUNT(*) FROM operations", [], |row| row.get(0))
        .unwrap();
    ok(&db, &["client", "erase", &ids[0]]);
    ok(&db, &["client", "erase", &ids[1]]);
    let files = every_byte(&dir);
    assert!(
        files.iter().any(|(name, _)| name.ends_with("-wal")),
        "the log is kept while another desk has the database open"
    );
    for (person, name_kept) in PEOPLE.iter().take(2).zip([true, false]) {
        let mut erased = vec![person.code, person.email, person.phone, person.street];
        if !name_kept {
            erased.extend([person.given, person.family]);
        }
        for value in erased {
            for (file, bytes) in &files {
                assert!(!holds(bytes, value), "{value} survived in {file}");
            }
        }
    }
    // What the law still needs stays: the complaint keeps its author's name; the third
    // person was not erased.
    let everything: Vec<u8> = files.into_iter().flat_map(|(_, b)| b).collect();
    assert!(holds(&everything, PEOPLE[0].family));
    for value in [PEOPLE[2].code, PEOPLE[2].email, PEOPLE[2].street] {
        assert!(
            holds(&everything, value),
            "{value} of a client not erased is gone"
        );
    }
    drop(other);
    // The store opens, and its snapshot is what the journal gives.
    assert!(ok(&db, &["verify"]).starts_with("Verified: "));
}

/// Copies a fixture database written by an earlier `desk` into `dir`.
fn fixture(dir: &TempDir, name: &str) -> String {
    let db = dir.file("desk.db");
    let from = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(from, &db).unwrap();
    db
}

#[test]
fn databases_written_before_snapshots_migrate_and_replay_the_same() {
    for name in ["store-v5-demo.db", "store-v5-simulated.db"] {
        let dir = TempDir::new(&format!("migrate-{name}"));
        let db = fixture(&dir, name);
        let journal = count(&db, "SELECT COUNT(*) FROM operations");
        let receipts = count(&db, "SELECT COUNT(*) FROM receipts");
        // Opening migrates: the history's columns are filled and the first snapshot taken.
        let status = ok(&db, &["status"]);
        assert!(
            status.contains(&format!("{journal} operations in the journal")),
            "{status}"
        );
        assert_eq!(count(&db, "SELECT MAX(version) FROM schema_version"), 7);
        // Every entry of the old journal was accepted under rules 1, before the cash limit.
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM operations WHERE rules = 1"),
            journal
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM snapshots"),
            1,
            "{name}: no snapshot"
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM receipts WHERE data IS NULL"),
            0,
            "{name}: a receipt without data"
        );
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM issued_documents WHERE data IS NULL OR operation IS NULL"
            ),
            0,
            "{name}: a document without data"
        );
        assert_eq!(count(&db, "SELECT COUNT(*) FROM receipts"), receipts);
        let verified = ok(&db, &["verify"]);
        assert!(
            verified.starts_with(&format!("Verified: {journal} journal entries")),
            "{verified}"
        );
        // Opening again reads the snapshot and changes nothing.
        assert_eq!(ok(&db, &["status"]), status);
        // The desk goes on where the old one stopped, under the current rules.
        let opened = ok(&db, &["day", "open"]);
        assert!(
            opened.contains(&format!("Journal entry {}.", journal + 1)),
            "{opened}"
        );
        assert_eq!(
            count(
                &db,
                &format!("SELECT rules FROM operations WHERE seq = {}", journal + 1)
            ),
            2
        );
        assert!(ok(&db, &["verify"]).starts_with("Verified: "));
    }
}

#[test]
fn a_cash_sale_over_the_limit_journalled_before_the_limit_replays_as_it_happened() {
    let dir = TempDir::new("old-rules");
    let db = fixture(&dir, "store-v5-simulated.db");
    // The old desk sold for 7 251.53 EUR in cash (entry 552): over today's cash limit.
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM receipts WHERE total = '7251.53' AND operation = 552"
        ),
        1
    );
    let input: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT input FROM operations WHERE seq = 552", [], |row| {
            row.get(0)
        })
        .unwrap();
    // Opened (migrated), verified from the first entry: it replays under rules 1.
    let verified = ok(&db, &["verify"]);
    assert!(
        verified.starts_with("Verified: 793 journal entries"),
        "{verified}"
    );
    // The same entry marked with today's rules would not replay: the rules decide.
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE operations SET rules = 2 WHERE seq = 552", [])
        .unwrap();
    let refused = on(&db, &["verify"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused
            .stdout
            .starts_with("invalid\tstore.journal\tjournal entry 552 ")
            && refused.stdout.contains("cash_limit.exceeded"),
        "{}",
        refused.stdout
    );
    // Rules this desk does not know are refused, not guessed.
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE operations SET rules = 9 WHERE seq = 552", [])
        .unwrap();
    let unknown = on(&db, &["verify"]);
    assert_eq!(unknown.code, 1, "{}", unknown.stdout);
    assert!(
        unknown.stdout.contains("applied under rules 9"),
        "{}",
        unknown.stdout
    );
    // Put back, it replays; and the same sale made now, on the same day, is refused.
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE operations SET rules = 1 WHERE seq = 552", [])
        .unwrap();
    assert!(ok(&db, &["verify"]).starts_with("Verified: 793 journal entries"));
    assert!(
        input.contains(r#""lines":[{"sku":"LAP-E14-G5","quantity":2},{"sku":"LAP-MBA-M3","quantity":3},{"sku":"DSK-LIFT-160","quantity":2}],"card":null,"cash":{"amount":"7280.00""#),
        "{input}"
    );
    ok(&db, &["day", "open"]);
    ok(
        &db,
        &[
            "shift",
            "open",
            "--cashier",
            "Ilze Kalna",
            "--float",
            "10x10,10x1",
        ],
    );
    let journal = count(&db, "SELECT COUNT(*) FROM operations");
    let again = on(
        &db,
        &[
            "sell",
            "LAP-E14-G5:2",
            "LAP-MBA-M3:3",
            "DSK-LIFT-160:2",
            "--cash",
            "7280",
        ],
    );
    assert_eq!(again.code, 1, "{}", again.stdout);
    assert_eq!(
        again.stdout,
        "invalid\tcash_limit.exceeded\tthe cash of this sale, 7251.53 EUR, over the cash limit of \
         7200.00 EUR (law \"Par nodokļiem un nodevām\" art. 30: one operation or several \
         linked ones); pay the rest by card or transfer\n"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM operations"), journal);
}

#[test]
fn an_edited_snapshot_is_refused_or_caught_by_verify() {
    let dir = TempDir::new("snapshot-edit");
    let db = dir.file("desk.db");
    let demo = on(&db, &["demo", "--date", "2026-11-27"]);
    assert_eq!(demo.code, 0, "{}", demo.stdout);
    assert_eq!(
        ok(&db, &["snapshot"]),
        "Snapshot taken after journal entry 24: the next command opens from it.\n"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM snapshots"), 1);
    let state: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT state FROM snapshots", [], |row| row.get(0))
        .unwrap();
    let edit = |state: &str| {
        Connection::open(&db)
            .unwrap()
            .execute("UPDATE snapshots SET state = ?1", [state])
            .unwrap();
    };

    // An illegal state: a client's registration number with a wrong check digit (the
    // register is kept client by client). Its crate's checks refuse it; the desk does not
    // open on it.
    let connection = Connection::open(&db).unwrap();
    let (id, record): (String, String) = connection
        .query_row(
            "SELECT id, record FROM snapshot_clients WHERE record LIKE '%40203990007%'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    let illegal = record.replace("40203990007", "40203990008");
    connection
        .execute(
            "UPDATE snapshot_clients SET record = ?2 WHERE id = ?1",
            [&id, &illegal],
        )
        .unwrap();
    let refused = on(&db, &["status"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stdout.starts_with("invalid\tstore.snapshot\t")
            && refused.stdout.contains("registration number"),
        "{}",
        refused.stdout
    );
    connection
        .execute(
            "UPDATE snapshot_clients SET record = ?2 WHERE id = ?1",
            [&id, &record],
        )
        .unwrap();
    drop(connection);

    // A legal state that is not what the journal gives: the desk opens on it, and `desk
    // verify` finds the difference.
    let value: serde_json::Value = serde_json::from_str(&state).unwrap();
    let mut edited = value.clone();
    edited["office"]["counters"]["needs"] = serde_json::json!(99);
    edit(&edited.to_string());
    assert_eq!(on(&db, &["status"]).code, 0);
    let caught = on(&db, &["verify"]);
    assert_eq!(caught.code, 1, "{}", caught.stdout);
    assert!(
        caught.stdout.starts_with("invalid\tstore.snapshot\t")
            && caught.stdout.contains("counters"),
        "{}",
        caught.stdout
    );

    // Put back, all is well.
    edit(&state);
    assert!(ok(&db, &["verify"]).starts_with("Verified: "));
}

#[test]
fn a_refused_command_leaves_no_database_behind() {
    let dir = TempDir::new("no-db");
    let db = dir.file("desk.db");
    for args in [
        vec!["sell", "PAP-A4-80:1", "--cash", "10"],
        vec!["shift", "close", "--counted", "1x1"],
        vec!["status"],
        vec!["verify"],
        vec!["refund", "1", "1"],
    ] {
        let outcome = on(&db, &args);
        assert_ne!(outcome.code, 0, "{args:?}: {}", outcome.stdout);
        assert!(
            std::fs::read_dir(&dir.0).unwrap().next().is_none(),
            "{args:?} left a file behind"
        );
    }
    // The first command that succeeds creates it, holding exactly that entry.
    ok(&db, &["day", "open"]);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM operations"), 1);
}

#[test]
fn a_reader_in_the_middle_of_a_read_never_makes_a_writer_fail() {
    let dir = TempDir::new("reader");
    let db = dir.file("desk.db");
    ok(&db, &["day", "open"]);
    ok(
        &db,
        &[
            "shift",
            "open",
            "--cashier",
            "Ilze Kalna",
            "--float",
            "10x5,10x1,10x0.50,10x0.20,10x0.10,10x0.05,10x0.02,10x0.01",
        ],
    );
    // Another process reads, inside an open read transaction.
    let reader = Connection::open(&db).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let seen: i64 = reader
        .query_row("SELECT COUNT(*) FROM operations", [], |row| row.get(0))
        .unwrap();
    assert_eq!(seen, 2);
    // The writer goes ahead; the reader still sees its own moment.
    ok(&db, &["sell", "PAP-A4-80:1", "--cash", "10"]);
    let still: i64 = reader
        .query_row("SELECT COUNT(*) FROM operations", [], |row| row.get(0))
        .unwrap();
    assert_eq!(still, 2);
    reader.execute_batch("COMMIT").unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM operations"), 3);
}

#[test]
fn an_invoice_that_cannot_be_printed_is_refused_with_the_reason() {
    let dir = TempDir::new("unprintable");
    let db = dir.file("desk.db");
    ok(&db, &["day", "open"]);
    let out = ok(
        &db,
        &[
            "client",
            "register",
            "--company",
            "Ziemeļu Rati",
            "--legal-form",
            "SIA",
            "--reg-number",
            "40203990007",
            "--street",
            "Brīvības iela 101",
            "--city",
            "Rīga",
            "--postcode",
            "LV-1001",
        ],
    );
    let client = out
        .split_whitespace()
        .find(|word| word.starts_with("00000000-"))
        .map(|id| id.trim_end_matches(['.', ',', ':']).to_owned())
        .unwrap();
    let journal = count(&db, "SELECT COUNT(*) FROM operations");
    // More than 999 999 999 999 euro: no amount in words, so no invoice.
    let refused = on(&db, &["invoice", "bill", &client, "LAP-MBA-M3:4294967295"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stdout.starts_with("invalid\twords.out_of_range\t"),
        "{}",
        refused.stdout
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM operations"), journal);
    // The store is fine: the next invoice takes the first number.
    let billed = ok(&db, &["invoice", "bill", &client, "LAP-MBA-M3:1"]);
    assert!(billed.contains("INV2026-00001"), "{billed}");
}
