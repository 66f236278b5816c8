//! `desk cash-order in|out` and `desk cash-declaration` by hand (issue 15): cash orders into
//! and out of the drawer, each in its own series; the cash limit on linked cash, exactly at
//! the cap and a cent over; the month's declaration of deals over 1 500 EUR with taxpayers;
//! refused inputs change nothing. The same output on SQLite and on PostgreSQL, in-process
//! and from the real binary.

use insta::assert_snapshot;

use crate::by_hand::{COMPANY, Desk, FLOAT, after, client_id};

/// The tables a cash order writes, for comparing a database before and after a refusal.
const TABLES: [&str; 9] = [
    "operations",
    "number_series",
    "issued_documents",
    "documents",
    "shifts",
    "receipts",
    "payments",
    "cash_operations",
    "clients",
];

#[test]
fn cash_orders_and_the_declaration_by_hand() {
    cash_by_hand(&Desk::new("cash-by-hand"));
}

#[test]
fn cash_orders_and_the_declaration_by_hand_on_postgres() {
    if let Some(desk) = Desk::postgres("cash-by-hand") {
        cash_by_hand(&desk);
    }
}

/// Runs a command that must be refused with `code`, and checks that it changed nothing.
fn refused(desk: &Desk, args: &[&str], code: &str) -> String {
    let before = desk.base.dump(&TABLES);
    let outcome = desk.run(args);
    assert_eq!(outcome.code, 1, "{args:?}: {}", outcome.stdout);
    assert!(
        outcome.stdout.starts_with(&format!("invalid\t{code}\t")),
        "{args:?}: {}",
        outcome.stdout
    );
    assert_eq!(
        desk.base.dump(&TABLES),
        before,
        "{args:?} changed the database"
    );
    outcome.stdout
}

/// A day of cash orders on `desk`'s database.
fn cash_by_hand(desk: &Desk) {
    desk.ok(&["day", "open"]);
    let anna = client_id(&desk.ok(&[
        "client",
        "register",
        "--given",
        "Anna",
        "--family",
        "Bērziņa",
        "--personal-code",
        "161175-19997",
    ]));
    let rati = client_id(&desk.ok(&COMPANY));
    desk.ok(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    let invoice = desk.ok(&["invoice", "bill", &rati, "PAP-A4-80:10", "CHR-ERGO-1:2"]);
    assert!(
        invoice.starts_with("PVN rēķins Nr. INV2026-00001\n"),
        "{invoice}"
    );

    // An advance from the company: over 1 500 EUR with a taxpayer, so declared.
    let advance = desk.ok(&[
        "cash-order",
        "in",
        "--from",
        &rati,
        "--amount",
        "2000",
        "--basis",
        "Avanss par precēm",
    ]);
    assert_snapshot!("desk__cash_order_in", advance);

    // The same day the company pays 100 EUR of its invoice in cash: linked with the advance.
    let paid = desk.ok(&[
        "cash-order",
        "in",
        "--from",
        &rati,
        "--amount",
        "100,00",
        "--basis",
        "Apmaksa par rēķinu INV2026-00001",
        "--invoice",
        "INV2026-00001",
    ]);
    assert_snapshot!("desk__cash_order_invoice", paid);
    let status = desk.ok(&["status"]);
    assert!(
        status.contains("INV2026-00001  SIA \"Ziemeļu Rati\"  570.34 EUR of 670.34 EUR"),
        "{status}"
    );
    assert_eq!(
        desk.texts(
            "SELECT method || ' ' || amount || ' ' || reference || ' ' || applies_to FROM payments WHERE method = 'cash' AND applies_to IS NOT NULL"
        ),
        ["cash 100.00 KIO2026-00002 INV2026-00001"]
    );

    // 2 100 EUR of the company's cash today: 5 100.01 EUR more is a cent over the cap…
    let over = refused(
        desk,
        &[
            "cash-order",
            "in",
            "--from",
            &rati,
            "--amount",
            "5100.01",
            "--basis",
            "Avanss",
        ],
        "cash_limit.exceeded",
    );
    assert_eq!(
        over,
        "invalid\tcash_limit.exceeded\tthe cash of this cash receipt order, 5100.01 EUR, with \
         the cash of the operations it is linked with (KIO2026-00001, KIO2026-00002: the same \
         client on the same day, or the same invoice), makes 7200.01 EUR, over the cash limit \
         of 7200.00 EUR (law \"Par nodokļiem un nodevām\" art. 30: one operation or several \
         linked ones); pay the rest by card or transfer\n"
    );
    // …and 5 100.00 EUR is exactly the cap, allowed, and takes the number the refusal did not.
    let at_cap = desk.ok(&[
        "cash-order",
        "in",
        "--from",
        &rati,
        "--amount",
        "5100",
        "--basis",
        "Avanss",
    ]);
    assert!(
        at_cap.contains("Cash receipt order KIO2026-00003: 5100.00 EUR from SIA \"Ziemeļu Rati\""),
        "{at_cap}"
    );
    assert!(
        at_cap.contains("a deal of 7200.00 EUR of the 7200.00 EUR allowed"),
        "{at_cap}"
    );

    // A cash sale to the company joins the deal and is refused; the same sale by a walk-in
    // is a deal of its own; by card alone no cash counts at all.
    refused(
        desk,
        &["sell", "PAP-A4-80", "--cash", "10", "--client", &rati],
        "cash_limit.exceeded",
    );
    refused(
        desk,
        &[
            "sell",
            "PAP-A4-80",
            "--cash",
            "1",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/29",
            "--client",
            &rati,
        ],
        "cash_limit.exceeded",
    );
    let walk_in = desk.ok(&["sell", "PAP-A4-80", "--cash", "10"]);
    assert!(walk_in.contains("Receipt 1: total"), "{walk_in}");
    assert!(!walk_in.contains("Cash limit"), "{walk_in}");
    let card = desk.ok(&[
        "sell",
        "PAP-A4-80",
        "--card",
        "4111111111111111",
        "--expiry",
        "12/29",
        "--client",
        &rati,
    ]);
    assert!(card.contains("Receipt 2: total"), "{card}");

    // Paid out: to a person, named with her personal code; to the bank, no payee named.
    let to_anna = desk.ok(&[
        "cash-order",
        "out",
        "--to",
        &anna,
        "--amount",
        "50",
        "--basis",
        "Atmaksa par avansu",
    ]);
    assert_snapshot!("desk__cash_order_out_person", to_anna);
    // She brings 50 EUR back the same day: cash received is never added to cash paid out,
    // so it is linked with nothing. In JSON, what the cash limit made of it.
    let back = desk.ok(&[
        "--json",
        "cash-order",
        "in",
        "--from",
        &anna,
        "--amount",
        "50",
        "--basis",
        "Avansa atmaksa",
    ]);
    let back: serde_json::Value = serde_json::from_str(back.trim()).unwrap();
    assert_eq!(back["number"], "KIO2026-00004");
    assert_eq!(back["kind"], "cash_receipt_order");
    assert_eq!(back["amount"], "50.00");
    assert_eq!(back["case"], "4.4");
    assert_eq!(
        back["cash_limit"],
        serde_json::json!({"deal": "50.00", "linked": [], "declared": false, "declaration": null})
    );
    assert!(
        back["text"]
            .as_str()
            .unwrap()
            .contains("Pieņemts no: Anna Bērziņa, personas kods 161175-19997"),
        "{back}"
    );
    let to_bank = desk.ok(&[
        "cash-order",
        "out",
        "--to",
        "bank",
        "--amount",
        "7000",
        "--basis",
        "Iemaksa bankā",
    ]);
    assert_snapshot!("desk__cash_order_out_bank", to_bank);

    // Refused before or by the office, each leaving the database as it was: one line each.
    let cases: [(&[&str], &str); 10] = [
        (
            &[
                "cash-order",
                "in",
                "--from",
                &anna,
                "--amount",
                "0",
                "--basis",
                "x",
            ],
            "cash_order.amount",
        ),
        (
            &[
                "cash-order",
                "in",
                "--from",
                &anna,
                "--amount",
                "abc",
                "--basis",
                "x",
            ],
            "amount.unexpected_character",
        ),
        (
            &[
                "cash-order",
                "out",
                "--to",
                "nobody",
                "--amount",
                "5",
                "--basis",
                "x",
            ],
            "cash_order.payee",
        ),
        (
            &[
                "cash-order",
                "in",
                "--from",
                "nobody",
                "--amount",
                "5",
                "--basis",
                "x",
            ],
            "client.id",
        ),
        (
            &[
                "cash-order",
                "in",
                "--from",
                "00000000-0000-0000-0000-0000c11e0099",
                "--amount",
                "5",
                "--basis",
                "x",
            ],
            "office.unknown_client",
        ),
        (
            &[
                "cash-order",
                "in",
                "--from",
                &anna,
                "--amount",
                "5",
                "--basis",
                "x",
                "--invoice",
                "INV2026-09999",
            ],
            "office.unknown",
        ),
        (
            &[
                "cash-order",
                "out",
                "--to",
                &rati,
                "--amount",
                "5",
                "--basis",
                "x",
                "--invoice",
                "INV2026-00001",
            ],
            "",
        ),
        (
            &[
                "cash-order",
                "out",
                "--to",
                "bank",
                "--amount",
                "100000",
                "--basis",
                "x",
            ],
            "office.drawer_short",
        ),
        (&["cash-declaration", "--month", "2026-13"], "month.format"),
        (&["cash-declaration", "--month", "2026-1"], "month.format"),
    ];
    let mut lines = Vec::new();
    for (args, code) in cases {
        if code.is_empty() {
            // `--invoice` is not an option of `cash-order out`: a usage error, exit 2.
            let usage = desk.run(args);
            assert_eq!(usage.code, 2, "{args:?}: {}", usage.stdout);
            continue;
        }
        let line = refused(desk, args, code);
        lines.push(format!("{}: {}", args.join(" "), line.trim_end()).replace(&anna, "ANNA"));
    }
    assert_snapshot!("desk__cash_refusals", lines.join("\n"));

    // The month's declaration: the company's three orders, received; Anna is no taxpayer.
    let declaration = desk.ok(&["cash-declaration", "--month", "2026-11"]);
    assert_snapshot!("desk__cash_declaration", declaration);
    // This month is the default, and the real binary prints the same.
    assert_eq!(desk.ok(&["cash-declaration"]), declaration);
    assert_eq!(desk.process_ok(&["cash-declaration"]), declaration);
    let json = desk.ok(&["--json", "cash-declaration"]);
    let json: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(json["due"], "2026-12-15");
    assert_eq!(json["lines"][0]["taxpayer_number"], "40203990007");
    assert_eq!(json["lines"][0]["received"]["amount"], "7200.00");
    assert_eq!(
        json["lines"][0]["operations"],
        serde_json::json!(["KIO2026-00001", "KIO2026-00002", "KIO2026-00003"])
    );
    let october = desk.ok(&["cash-declaration", "--month", "2026-10"]);
    assert!(
        october.contains("2026. gada oktobris; iesniegt VID līdz 2026-11-15"),
        "{october}"
    );
    assert!(october.contains("Nav deklarējamu darījumu."), "{october}");

    // The shift counts the orders as deposits and payouts; the Z report too.
    let status = desk.ok(&["status"]);
    assert!(
        status.contains("  cash orders: 7250.00 EUR deposited (KIO), 7050.00 EUR paid out (KIzO)"),
        "{status}"
    );
    let drawer = desk.ok(&["shift", "drawer"]);
    let close = desk.ok(&["shift", "close", "--counted", drawer.trim()]);
    assert!(close.contains("the drawer matches"), "{close}");
    let line = |label: &str| {
        close
            .lines()
            .find_map(|line| line.strip_prefix(label))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {label} in:\n{close}"))
            .to_owned()
    };
    assert_eq!(line("Iemaksas"), "7\u{a0}250,00");
    assert_eq!(line("Izmaksas"), "7\u{a0}050,00");

    // The tables: both series without a gap, the orders filed in case 4.4, the cash
    // operations with their declaration marks (a walk-in sale and the bank are not kept).
    assert_eq!(
        desk.texts(
            "SELECT number FROM issued_documents WHERE kind LIKE 'cash_%' ORDER BY operation"
        ),
        [
            "KIO2026-00001",
            "KIO2026-00002",
            "KIO2026-00003",
            "KIZO2026-00001",
            "KIO2026-00004",
            "KIZO2026-00002"
        ]
    );
    assert_eq!(
        desk.texts(
            "SELECT case_index || ' ' || number FROM documents WHERE kind LIKE 'cash_%' ORDER BY operation"
        ),
        [
            "4.4 KIO2026-00001",
            "4.4 KIO2026-00002",
            "4.4 KIO2026-00003",
            "4.4 KIZO2026-00001",
            "4.4 KIO2026-00004",
            "4.4 KIZO2026-00002"
        ]
    );
    assert_eq!(
        desk.rows(
            "SELECT reference, direction, cash, COALESCE(taxpayer_number, '-'), COALESCE(invoice, '-'), declarable FROM cash_operations ORDER BY operation"
        ),
        [
            ["KIO2026-00001", "received", "2000.00", "40203990007", "-", "1"],
            [
                "KIO2026-00002",
                "received",
                "100.00",
                "40203990007",
                "INV2026-00001",
                "1"
            ],
            ["KIO2026-00003", "received", "5100.00", "40203990007", "-", "1"],
            ["KIZO2026-00001", "paid", "50.00", "-", "-", "0"],
            ["KIO2026-00004", "received", "50.00", "-", "-", "0"],
        ]
    );
    let verified = desk.ok(&["verify"]);
    assert!(verified.starts_with("Verified: "), "{verified}");
    assert_eq!(
        after(&desk.ok(&["status"]), "Desk on 2026-11-27 (Riga): "),
        format!("{} operations in the journal.", desk.journal())
    );
}
