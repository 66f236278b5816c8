//! A `desk` killed in the middle of a step loses nothing and duplicates nothing (issue 8).
//!
//! The real binary runs with `DESK_ABORT_BEFORE_COMMIT=1`: the command applies its operation,
//! writes the journal entry and every projection row inside the transaction, and then the
//! process aborts (SIGABRT) just before the commit, as a power cut or `kill -9` would stop it.
//! The database must then hold exactly what it held before the step, and the same command run
//! again without the switch must take the very number the killed one would have taken. Both
//! backends: an SQLite file, and a PostgreSQL database (whose server rolls back the
//! transaction of a connection that died).

use crate::by_hand::{COMPANY, Desk, FLOAT, client_id};

/// Runs `args` with the abort switch and checks the process died and the database is as it
/// was; then runs it again normally and returns its output.
fn killed_then_retried(desk: &Desk, args: &[&str]) -> String {
    let before = desk.dump();
    let journal = desk.journal();
    let killed = desk.process(args, true);
    assert!(!killed.status.success(), "{args:?} was not killed");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(killed.status.signal(), Some(6), "{args:?}: not SIGABRT");
    }
    // Nothing was printed: the command died before it had anything to show.
    assert_eq!(String::from_utf8_lossy(&killed.stdout), "", "{args:?}");
    assert_eq!(
        desk.dump(),
        before,
        "{args:?}: the killed step left something"
    );
    assert_eq!(desk.journal(), journal);
    let retried = desk.process_ok(args);
    assert_eq!(desk.journal(), journal + 1, "{args:?}");
    retried
}

#[test]
fn a_sale_killed_before_commit_is_neither_lost_nor_duplicated() {
    sale_killed_before_commit(&Desk::new("crash-sale"));
}

#[test]
fn a_sale_killed_before_commit_on_postgres_is_neither_lost_nor_duplicated() {
    if let Some(desk) = Desk::postgres("crash-sale") {
        sale_killed_before_commit(&desk);
    }
}

fn sale_killed_before_commit(desk: &Desk) {
    desk.ok(&["day", "open"]);
    desk.ok(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    desk.ok(&["sell", "PAP-A4-80:2", "--cash", "20"]);

    let cash = killed_then_retried(desk, &["sell", "PEN-BIC-BL:3", "--cash", "5"]);
    assert!(cash.contains("Receipt 2: total 1.83 EUR"), "{cash}");
    let card = killed_then_retried(
        desk,
        &[
            "sell",
            "ACC-MOUSE-MX",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/29",
        ],
    );
    assert!(card.contains("Receipt 3: total 119.79 EUR"), "{card}");
    let refund = killed_then_retried(desk, &["refund", "3", "1", "--card", "4111111111111111"]);
    assert!(
        refund.contains("Return receipt 4 (of receipt 3)"),
        "{refund}"
    );
    assert_eq!(
        desk.texts("SELECT number FROM receipts ORDER BY number"),
        ["1", "2", "3", "4"]
    );
    assert_eq!(
        desk.count("SELECT COUNT(*) FROM payments"),
        4,
        "one payment per receipt"
    );
    let close = killed_then_retried(desk, &["shift", "close", "--counted", "none"]);
    assert!(close.contains("Z ATSKAITE Nr. 0001"), "{close}");
    assert_eq!(
        desk.texts("SELECT number FROM documents WHERE case_index = '4.4'"),
        ["Z-1"]
    );
}

#[test]
fn an_invoice_killed_before_commit_is_neither_lost_nor_duplicated() {
    invoice_killed_before_commit(&Desk::new("crash-invoice"));
}

#[test]
fn an_invoice_killed_before_commit_on_postgres_is_neither_lost_nor_duplicated() {
    if let Some(desk) = Desk::postgres("crash-invoice") {
        invoice_killed_before_commit(&desk);
    }
}

fn invoice_killed_before_commit(desk: &Desk) {
    desk.ok(&["day", "open"]);
    let rati = client_id(&desk.ok(&COMPANY));
    desk.ok(&["invoice", "bill", &rati, "PAP-A4-80:10"]);
    let series = desk.texts("SELECT state FROM number_series WHERE id = 'invoices'");

    let invoice = killed_then_retried(desk, &["invoice", "bill", &rati, "CHR-ERGO-1:2"]);
    assert!(
        invoice.starts_with("PVN rēķins Nr. INV2026-00002\n"),
        "{invoice}"
    );
    assert_ne!(
        desk.texts("SELECT state FROM number_series WHERE id = 'invoices'"),
        series
    );
    let credit = killed_then_retried(
        desk,
        &[
            "invoice",
            "credit",
            "INV2026-00002",
            "--line",
            "1",
            "--quantity",
            "1",
            "--reason",
            "Bojāts",
        ],
    );
    assert!(credit.contains("Credit note KR2026-00001"), "{credit}");
    let complaint = killed_then_retried(
        desk,
        &[
            "complaint",
            "register",
            &rati,
            "--text",
            "Krēsls čīkst.",
            "--invoice",
            "INV2026-00002",
        ],
    );
    assert!(complaint.starts_with("Complaint 2.1/1 "), "{complaint}");
    assert_eq!(
        desk.texts("SELECT number FROM issued_documents ORDER BY number"),
        ["INV2026-00001", "INV2026-00002", "KR2026-00001"]
    );
    assert_eq!(
        desk.texts("SELECT number FROM documents ORDER BY operation"),
        ["INV2026-00001", "INV2026-00002", "KR2026-00001", "2.1/1"]
    );
    // The client registered once, whatever was retried.
    assert_eq!(desk.count("SELECT COUNT(*) FROM clients"), 1);
}
