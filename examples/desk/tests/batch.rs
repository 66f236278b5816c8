//! `desk batch`: a period's primary documents from the desk's database, checked and exported
//! as the accounting journal; it changes nothing.

use crate::{TempDir, desk};

#[test]
fn the_days_documents_are_checked_and_exported() {
    let dir = TempDir::new("batch");
    let db = dir.file("desk.db");
    assert_eq!(
        desk(&["demo", "--date", "2026-11-27", "--db", &db], "").code,
        0
    );
    let today = desk(&["batch", "--db", &db], "");
    assert_eq!(today.code, 0, "{}", today.stdout);
    insta::assert_snapshot!("batch_2026_11_27", today.stdout);
    // The day's cash orders are primary documents too: posted against the cash account.
    assert!(
        today.stdout.contains(
            "2026-11-27,cash_receipt_order,KIO2026-00001,\"SIA \"\"Ziemeļu Rati\"\"\",2610,"
        ),
        "{}",
        today.stdout
    );

    // The same journal, written to a file instead.
    let journal = dir.file("journal.csv");
    let written = desk(&["batch", "--db", &db, "--journal", &journal], "");
    assert_eq!(written.code, 0, "{}", written.stdout);
    let printed: String = today
        .stdout
        .lines()
        .skip(1)
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), printed);
    assert!(
        written.stdout.contains("Journal: 4 lines written to "),
        "{}",
        written.stdout
    );

    // A longer period takes in the invoice carried over from October.
    let month = desk(
        &[
            "batch",
            "--db",
            &db,
            "--from",
            "2026-10-01",
            "--to",
            "2026-11-30",
        ],
        "",
    );
    assert_eq!(month.code, 0);
    assert!(month.stdout.contains("INV2026-00001"), "{}", month.stdout);
    assert!(!today.stdout.contains("INV2026-00001"));

    // A period that ends before it starts, and a database that does not exist.
    let backwards = desk(
        &[
            "batch",
            "--db",
            &db,
            "--from",
            "2026-11-28",
            "--to",
            "2026-11-01",
        ],
        "",
    );
    assert_eq!(backwards.code, 1);
    assert!(
        backwards.stdout.starts_with("invalid\tbatch.period\t"),
        "{}",
        backwards.stdout
    );
    let missing = desk(&["batch", "--db", &dir.file("none.db")], "");
    assert_eq!(missing.code, 1);
    assert!(missing.stdout.starts_with("invalid\tdb.missing\t"));
    assert!(!std::path::Path::new(&dir.file("none.db")).exists());
}
