//! A working day run by hand, command by command, against one database (issue 8): every
//! command applies ONE operation through the store and prints what it produced; numbers
//! continue across processes; refused inputs change nothing.

use std::process::Command;

use insta::assert_snapshot;

use crate::backend::TestDb;
use crate::{Outcome, desk};

/// The moment the in-process runs use (see `desk` in main.rs), for the binary's `DESK_NOW`.
pub const NOW: &str = "2026-11-27T08:00:00Z";

/// The float of the day: 88.80 EUR.
pub const FLOAT: &str = "5x10,4x5,10x1,10x0.50,10x0.20,10x0.10,10x0.05,10x0.02,10x0.01";

/// SIA "Ziemeļu Rati" as the desk registers it, with an address for invoices.
pub const COMPANY: [&str; 16] = [
    "client",
    "register",
    "--company",
    "Ziemeļu Rati",
    "--legal-form",
    "SIA",
    "--reg-number",
    "40203990007",
    "--vat-number",
    "LV40203990007",
    "--street",
    "Brīvības iela 101",
    "--city",
    "Rīga",
    "--postcode",
    "LV-1001",
];

/// A desk's database (an SQLite file, or a PostgreSQL database) and a temporary folder.
#[derive(Debug)]
pub struct Desk {
    pub base: TestDb,
}

impl std::ops::Deref for Desk {
    type Target = TestDb;

    fn deref(&self) -> &TestDb {
        &self.base
    }
}

/// The tables the by-hand day writes, for [`Desk::dump`].
const TABLES: [&str; 10] = [
    "schema_version",
    "operations",
    "clients",
    "cases",
    "documents",
    "issued_documents",
    "number_series",
    "shifts",
    "receipts",
    "payments",
];

impl Desk {
    /// A desk on a new SQLite file.
    pub fn new(name: &str) -> Self {
        Desk {
            base: TestDb::sqlite(name),
        }
    }

    /// A desk on a new PostgreSQL database, when PostgreSQL is installed.
    pub fn postgres(name: &str) -> Option<Self> {
        Some(Desk {
            base: TestDb::postgres(name)?,
        })
    }

    fn args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut all = args.to_vec();
        all.extend(["--db", self.db.as_str()]);
        all
    }

    /// Runs a command in-process on this database.
    pub fn run(&self, args: &[&str]) -> Outcome {
        desk(&self.args(args), "")
    }

    /// Runs a command that must succeed and returns its output, with the folder's path
    /// replaced by `<dir>`.
    pub fn ok(&self, args: &[&str]) -> String {
        let outcome = self.run(args);
        assert_eq!(
            outcome.code, 0,
            "{args:?}: {}{}",
            outcome.stdout, outcome.stderr
        );
        outcome
            .stdout
            .replace(&self.dir.0.to_string_lossy().into_owned(), "<dir>")
    }

    /// Runs the real binary on this database (a separate process), at [`NOW`].
    pub fn process(&self, args: &[&str], abort_before_commit: bool) -> std::process::Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_desk"));
        command
            .args(self.args(args))
            .env("DESK_NOW", NOW)
            .env_remove("DESK_ABORT_BEFORE_COMMIT");
        if abort_before_commit {
            command.env("DESK_ABORT_BEFORE_COMMIT", "1");
        }
        command.output().unwrap()
    }

    /// Runs the real binary and requires success; returns standard output.
    pub fn process_ok(&self, args: &[&str]) -> String {
        let output = self.process(args, false);
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }

    /// The length of the journal.
    pub fn journal(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM operations")
    }

    /// Every row of every table the store writes, as text: two equal dumps are two equal
    /// databases.
    pub fn dump(&self) -> Vec<String> {
        self.base.dump(&TABLES)
    }
}

/// The first line of `output` that starts with `prefix`, without it.
pub fn after<'a>(output: &'a str, prefix: &str) -> &'a str {
    output
        .lines()
        .find_map(|line| line.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?} in:\n{output}"))
}

/// The client id a `client register` printed.
pub fn client_id(output: &str) -> String {
    after(output, "Client ")
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// A camt.053 statement with one credit transfer paying `amount` with creditor reference
/// `reference`, and one payment that matches nothing.
fn statement(amount: &str, reference: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>DESK-STMT-1</MsgId><CreDtTm>2026-11-27T18:00:00+02:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-DESK-1</Id>
      <CreDtTm>2026-11-27T18:00:00+02:00</CreDtTm>
      <Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-27</Dt></BookgDt>
        <AcctSvcrRef>DESK0001</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Pty><Nm>SIA Ziemeļu Rati</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">15.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-27</Dt></BookgDt>
        <AcctSvcrRef>DESK0002</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Pty><Nm>Pēteris Ozols</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>Dāvanu karte</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"#
    )
}

#[test]
fn a_day_by_hand() {
    day_by_hand(&Desk::new("by-hand"));
}

#[test]
fn a_day_by_hand_on_postgres() {
    if let Some(desk) = Desk::postgres("by-hand") {
        day_by_hand(&desk);
    }
}

/// The day, on `desk`'s database: the same output, snapshot for snapshot, on both backends.
fn day_by_hand(desk: &Desk) {
    // Morning: the day and the clients.
    assert_snapshot!("desk__day_open", desk.ok(&["day", "open"]));
    let anna = desk.ok(&[
        "client",
        "register",
        "--given",
        "Anna",
        "--family",
        "Bērziņa",
        "--personal-code",
        "161175-19997",
        "--phone",
        "+371 20000001",
        "--consent",
        "surveys",
        "--consent",
        "marketing_email",
    ]);
    assert_snapshot!("desk__client_person", anna);
    let anna = client_id(&anna);
    let mut company_args = COMPANY.to_vec();
    company_args.extend(["--email", "rekini@rati.lv"]);
    let rati = desk.ok(&company_args);
    assert_snapshot!("desk__client_company", rati);
    assert!(rati.contains("verdict              confirmed"), "{rati}");
    let rati = client_id(&rati);
    assert_snapshot!("desk__client_list", desk.ok(&["client", "list"]));

    // The register: a float, a cash sale with change, a card sale, a mixed sale, a refund.
    assert_snapshot!(
        "desk__shift_open",
        desk.ok(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT])
    );
    let cash = desk.ok(&["sell", "PAP-A4-80:2", "PEN-BIC-BL:3", "--cash", "20"]);
    assert!(
        cash.contains("Receipt 1: total 11.27 EUR; cash 11.27 EUR, change 8.73 EUR."),
        "{cash}"
    );
    assert_snapshot!("desk__sell_cash", cash);
    let card = desk.ok(&[
        "sell",
        "ACC-MOUSE-MX",
        "--card",
        "4111 1111 1111 1111",
        "--expiry",
        "12/29",
    ]);
    assert!(
        card.contains("card 119.79 EUR (411111******1111)"),
        "{card}"
    );
    assert_snapshot!("desk__sell_card", card);
    let mixed = desk.ok(&[
        "sell",
        "PAP-A4-80",
        "ACC-BAG-15",
        "--cash",
        "10",
        "--card",
        "5555555555554444",
        "--expiry",
        "01/28",
    ]);
    assert!(
        mixed.contains("cash 10.00 EUR, card 41.91 EUR (555555******4444)"),
        "{mixed}"
    );
    assert_snapshot!("desk__sell_mixed", mixed);
    let refund = desk.ok(&["refund", "2", "1", "--card", "4111111111111111"]);
    assert!(
        refund.contains("Return receipt 4 (of receipt 2)"),
        "{refund}"
    );
    assert_snapshot!("desk__refund", refund);

    // The office: an invoice with its UBL, a credit note, a complaint and its answer.
    let ubl = desk.dir.file("INV2026-00001.xml");
    let invoice = desk.ok(&[
        "invoice",
        "bill",
        &rati,
        "PAP-A4-80:10",
        "CHR-ERGO-1:2",
        "--due",
        "10",
        "--ubl",
        &ubl,
    ]);
    assert_snapshot!("desk__invoice_bill", invoice);
    let stored = desk.rows("SELECT text, ubl FROM issued_documents WHERE number = 'INV2026-00001'");
    let (stored_text, stored_ubl) = (stored[0][0].clone(), stored[0][1].clone());
    assert_eq!(std::fs::read_to_string(&ubl).unwrap(), stored_ubl);
    assert!(invoice.starts_with(&stored_text), "{invoice}");
    let reference = after(&invoice, "Invoice INV2026-00001 to ")
        .split("payment reference ")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert!(reference.starts_with("RF"), "{reference}");

    let credit_ubl = desk.dir.file("KR2026-00001.xml");
    let credit = desk.ok(&[
        "invoice",
        "credit",
        "INV2026-00001",
        "--line",
        "2",
        "--quantity",
        "1",
        "--reason",
        "Atgriezts viens krēsls",
        "--ubl",
        &credit_ubl,
    ]);
    assert_snapshot!("desk__invoice_credit", credit);
    let stored_credit_ubl =
        desk.texts("SELECT ubl FROM issued_documents WHERE number = 'KR2026-00001'")[0].clone();
    assert_eq!(
        std::fs::read_to_string(&credit_ubl).unwrap(),
        stored_credit_ubl
    );

    let complaint = desk.ok(&[
        "complaint",
        "register",
        &anna,
        "--text",
        "Pildspalvas pēc dienas pārstāja rakstīt. Lūdzu tās apmainīt.",
    ]);
    assert_snapshot!("desk__complaint_register", complaint);
    assert_snapshot!("desk__status_midday", desk.ok(&["status"]));
    assert_snapshot!(
        "desk__complaint_answer",
        desk.ok(&[
            "complaint",
            "answer",
            "2.1/1",
            "--accept",
            "--text",
            "Pildspalvas tiks apmainītas jebkurā mūsu veikalā.",
        ])
    );

    // The bank statement pays what the credit note left open; applying it again changes
    // nothing.
    let statement_path = desk.dir.file("statement.xml");
    std::fs::write(&statement_path, statement("356.95", &reference)).unwrap();
    assert_snapshot!("desk__reconcile", desk.ok(&["reconcile", &statement_path]));
    let before = desk.dump();
    let again = desk.ok(&["reconcile", &statement_path]);
    assert!(
        again.ends_with("Nothing to apply: no entry pays a receivable; nothing was stored.\n"),
        "{again}"
    );
    assert!(again.contains("Matched (0)"), "{again}");
    assert_eq!(desk.dump(), before);

    // Evening: the drawer counted, the Z report, the day's status.
    let drawer = "1x20,6x10,3x5,7x1,9x0.50,9x0.20,10x0.10,10x0.05,9x0.02,9x0.01";
    let status = desk.ok(&["status"]);
    assert!(
        status.contains(&format!("Drawer: 110.07 EUR ({drawer}).")),
        "{status}"
    );
    let close = desk.ok(&["shift", "close", "--counted", drawer]);
    assert!(close.contains("the drawer matches"), "{close}");
    assert_snapshot!("desk__shift_close", close);
    assert_snapshot!("desk__status_evening", desk.ok(&["status"]));

    // The tables hold the day, each number once and without gaps.
    let kinds = desk.texts("SELECT kind FROM operations ORDER BY seq");
    assert_eq!(
        kinds,
        [
            "open_day",
            "register_client",
            "register_client",
            "open_shift",
            "sell",
            "sell",
            "sell",
            "refund",
            "issue_invoice",
            "issue_credit_note",
            "register_complaint",
            "answer_complaint",
            "apply_statement",
            "close_shift",
        ]
    );
    assert_eq!(desk.count("SELECT COUNT(*) FROM clients"), 2);
    assert_eq!(
        desk.texts("SELECT number FROM receipts ORDER BY number"),
        ["1", "2", "3", "4"]
    );
    assert_eq!(
        desk.texts("SELECT kind FROM receipts ORDER BY number"),
        ["sale", "sale", "sale", "return of 2"]
    );
    assert_eq!(
        desk.texts("SELECT number FROM issued_documents ORDER BY number"),
        ["INV2026-00001", "KR2026-00001"]
    );
    assert_eq!(
        desk.texts("SELECT case_index || ' ' || number FROM documents ORDER BY operation"),
        [
            "4.2 INV2026-00001",
            "4.2 KR2026-00001",
            "2.1 2.1/1",
            "2.1 26-2.1/1",
            "4.4 Z-1"
        ]
    );
    assert_eq!(
        desk.texts("SELECT method || ' ' || amount || ' ' || reference FROM payments ORDER BY id"),
        [
            "cash 11.27 ",
            "card 119.79 411111******1111",
            "cash 10.00 ",
            "card 41.91 555555******4444",
            "card 119.79 411111******1111",
            "bank 356.95 DESK0001",
        ]
    );
    assert_eq!(
        desk.texts("SELECT over_short FROM shifts WHERE z_report IS NOT NULL"),
        ["0.00"]
    );
    // Only masked card numbers were stored.
    for pan in [
        "4111111111111111",
        "4111 1111 1111 1111",
        "5555555555554444",
    ] {
        assert!(
            desk.dump().iter().all(|row| !row.contains(pan)),
            "{pan} stored"
        );
    }

    // The next day's first desk is another process: every series goes on.
    desk.process_ok(&[
        "shift",
        "open",
        "--cashier",
        "Jānis Ozols",
        "--float",
        "5x10",
    ]);
    let sale = desk.process_ok(&["sell", "PEN-BIC-BL", "--cash", "0.61"]);
    assert!(sale.contains("Receipt 5: total 0.61 EUR"), "{sale}");
    let invoice = desk.process_ok(&["invoice", "bill", &rati, "NOTE-A5:4"]);
    assert!(
        invoice.starts_with("PVN rēķins Nr. INV2026-00002\n"),
        "{invoice}"
    );
    let credit = desk.process_ok(&[
        "invoice",
        "credit",
        "INV2026-00002",
        "--line",
        "1",
        "--quantity",
        "1",
        "--reason",
        "Bojāta",
    ]);
    assert!(
        credit.contains("Credit note KR2026-00002 for invoice INV2026-00002"),
        "{credit}"
    );
    let complaint = desk.process_ok(&["complaint", "register", &anna, "--text", "Vēlreiz."]);
    assert!(
        complaint.starts_with("Complaint 2.1/2 from Anna Bērziņa"),
        "{complaint}"
    );
    // A cent is missing from the drawer.
    let close = desk.process_ok(&["shift", "close", "--counted", "5x10,1x0.50,1x0.10"]);
    assert!(close.contains("Z ATSKAITE Nr. 0002"), "{close}");
    assert!(close.contains("short 0.01 EUR"), "{close}");
    assert_eq!(
        desk.texts("SELECT number FROM receipts ORDER BY number"),
        ["1", "2", "3", "4", "5"]
    );
    assert_eq!(
        desk.texts("SELECT number FROM issued_documents ORDER BY number"),
        [
            "INV2026-00001",
            "INV2026-00002",
            "KR2026-00001",
            "KR2026-00002"
        ]
    );
    assert_eq!(
        desk.texts("SELECT number FROM shifts ORDER BY number"),
        ["1", "2"]
    );
    assert_eq!(
        desk.texts("SELECT seq FROM operations ORDER BY seq"),
        (1..=20).map(|n| n.to_string()).collect::<Vec<_>>()
    );
}

#[test]
fn refused_inputs_are_typed_and_change_nothing() {
    let desk = Desk::new("by-hand-refused");
    desk.ok(&["day", "open"]);
    let rati = client_id(&desk.ok(&COMPANY));
    let unknown_client = "00000000-0000-0000-0000-0000c11e0099";
    let mut lines = Vec::new();
    let mut refuse = |args: &[&str], code: &str| {
        let before = desk.dump();
        let outcome = desk.run(args);
        assert_eq!(outcome.code, 1, "{args:?}: {}", outcome.stdout);
        assert!(
            outcome.stdout.starts_with(&format!("invalid\t{code}\t")),
            "{args:?}: {}",
            outcome.stdout
        );
        assert_eq!(outcome.stdout.lines().count(), 1, "{}", outcome.stdout);
        assert_eq!(desk.dump(), before, "{args:?} changed the database");
        lines.push(format!("{}: {}", args.join(" "), outcome.stdout.trim_end()));
    };
    refuse(&["sell", "PAP-A4-80", "--cash", "10"], "office.no_shift");
    refuse(&["shift", "close", "--counted", "none"], "office.no_shift");
    refuse(
        &["shift", "open", "--cashier", "I", "--float", "5x10,4x3"],
        "cash_spec.denomination",
    );
    refuse(
        &["shift", "open", "--cashier", "I", "--float", "5×10"],
        "cash_spec.item",
    );
    refuse(
        &["shift", "open", "--cashier", "I", "--float", "0x10"],
        "cash_spec.count",
    );
    refuse(
        &["shift", "open", "--cashier", "I", "--float", "1x10,1x10"],
        "cash_spec.repeated",
    );
    refuse(
        &["shift", "open", "--cashier", "I", "--float", ""],
        "cash_spec.empty",
    );
    refuse(
        &["invoice", "bill", unknown_client, "PAP-A4-80"],
        "office.unknown_client",
    );
    refuse(&["invoice", "bill", "rati", "PAP-A4-80"], "client.id");
    refuse(&["invoice", "bill", &rati, "PAP-A4-80:0"], "item.quantity");
    refuse(
        &["invoice", "bill", &rati, "NO-SUCH-SKU"],
        "quote.unknown_product",
    );
    refuse(
        &["complaint", "register", unknown_client, "--text", "x"],
        "office.unknown_client",
    );
    refuse(
        &["complaint", "answer", "2.1/9", "--refuse", "--text", "x"],
        "office.unknown",
    );
    refuse(
        &[
            "invoice",
            "credit",
            "INV2026-00009",
            "--line",
            "1",
            "--quantity",
            "1",
            "--reason",
            "x",
        ],
        "office.unknown",
    );
    desk.ok(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    refuse(
        &["shift", "open", "--cashier", "Jānis", "--float", "5x10"],
        "office.shift_open",
    );
    refuse(
        &["sell", "NO-SUCH-SKU", "--cash", "10"],
        "quote.unknown_product",
    );
    refuse(
        &[
            "sell",
            "NO-SUCH-SKU",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/29",
        ],
        "quote.unknown_product",
    );
    refuse(
        &["sell", "PAP-A4-80", "--cash", "1"],
        "cash.insufficient_tender",
    );
    refuse(
        &["sell", "PAP-A4-80", "--cash", "1,234"],
        "amount.too_many_decimals",
    );
    refuse(&["sell", "PAP-A4-80"], "sale.payment");
    refuse(
        &[
            "sell",
            "PAP-A4-80",
            "--card",
            "4111111111111112",
            "--expiry",
            "12/29",
        ],
        "card.checksum",
    );
    refuse(
        &[
            "sell",
            "PAP-A4-80",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/20",
        ],
        "card_payment.card_expired",
    );
    refuse(
        &[
            "sell",
            "PAP-A4-80",
            "--cash",
            "10",
            "--card",
            "4111111111111111",
            "--expiry",
            "12/29",
        ],
        "sale.cash_covers_total",
    );
    refuse(&["refund", "7", "1"], "office.unknown");
    refuse(
        &[
            "client",
            "register",
            "--given",
            "Anna",
            "--family",
            "Bērziņa",
            "--personal-code",
            "161175-19987",
        ],
        "personal_code.checksum",
    );
    assert_snapshot!("desk__refusals", lines.join("\n"));
    // A read-only command never creates a database.
    let missing = desk.dir.file("missing.db");
    let status = crate::desk(&["status", "--db", &missing], "");
    assert_eq!(status.code, 1);
    assert!(
        status.stdout.starts_with("invalid\tdb.missing\t"),
        "{}",
        status.stdout
    );
    assert!(!std::path::Path::new(&missing).exists());
    assert_eq!(desk.journal(), 3);
}

#[test]
fn json_output_is_one_object_per_line() {
    let desk = Desk::new("by-hand-json");
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let outcome = desk.run(&all);
        assert_eq!(outcome.code, 0, "{args:?}: {}", outcome.stdout);
        outcome
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    };
    let day = json(&["day", "open"]);
    assert_eq!(day.len(), 1);
    assert_eq!(day[0]["journal_entry"], 1);
    assert_eq!(day[0]["opened"][0], "2.1");
    let client = json(&COMPANY);
    assert_eq!(client[0]["verdict"], "confirmed");
    assert_eq!(client[0]["existing"], false);
    let again = json(&COMPANY);
    assert_eq!(again[0]["existing"], true);
    assert_eq!(again[0]["client"], client[0]["client"]);
    json(&["shift", "open", "--cashier", "Ilze Kalna", "--float", FLOAT]);
    let sale = json(&["sell", "PAP-A4-80:2", "--cash", "20"]);
    assert_eq!(sale.len(), 1);
    assert_eq!(sale[0]["receipt"], 1);
    assert_eq!(sale[0]["change"], "10.56");
    assert_eq!(sale[0]["journal_entry"], 5);
    let status = json(&["status"]);
    assert_eq!(status[0]["journal"], 5);
    assert_eq!(status[0]["shift"]["sale_count"], 1);
    let clients = json(&["client", "list"]);
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0]["registration_number"], "40203990007");
}
