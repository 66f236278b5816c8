//! `desk invoice issue` and `desk invoice read`.

use std::path::PathBuf;

use insta::assert_snapshot;

use crate::desk;

fn manifest_path(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .to_string_lossy()
        .into_owned()
}

/// The committed UBL of the example draft; `.ci/run` validates it with the official rules.
const COMMITTED_UBL: &str = "tests/ubl/invoice-from-draft.xml";

#[test]
fn issue_prints_the_invoice_and_writes_valid_ubl() {
    let out = std::env::temp_dir().join(format!("desk-invoice-{}.xml", std::process::id()));
    let out_text = out.to_string_lossy().into_owned();
    let draft = manifest_path("drafts/invoice.json");
    let outcome = desk(
        &[
            "invoice",
            "issue",
            &draft,
            "--series",
            "INV{year}-{seq:5}",
            "--date",
            "2026-11-27",
            "--ubl",
            &out_text,
        ],
        "",
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stdout);
    assert!(outcome.stdout.starts_with("PVN rēķins Nr. INV2026-00001\n"));
    assert!(outcome.stdout.contains("Summa apmaksai:       279,79 €"));
    let printed = outcome.stdout.replace(&out_text, "<out.xml>");
    assert_snapshot!("desk__invoice_issue", printed);

    let written = std::fs::read_to_string(&out).unwrap();
    let committed_path = manifest_path(COMMITTED_UBL);
    if std::env::var_os("UPDATE_UBL").is_some() {
        std::fs::write(&committed_path, &written).unwrap();
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap();
    assert_eq!(
        written, committed,
        "run with UPDATE_UBL=1 to rewrite {COMMITTED_UBL}"
    );

    let read = desk(&["invoice", "read", &out_text], "");
    assert_eq!(read.code, 0);
    assert_snapshot!("desk__invoice_read", read.stdout);
    std::fs::remove_file(out).unwrap();
}

#[test]
fn issue_reports_every_finding_and_bad_files() {
    let dir = std::env::temp_dir().join(format!("desk-invoice-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = std::fs::read_to_string(manifest_path("drafts/invoice.json")).unwrap();
    // No VAT number for the seller, and a due date before the issue date.
    let broken = draft
        .replace("\"vat_number\": \"LV40003521600\",", "")
        .replace(
            "\"due_date\": \"2026-12-11\"",
            "\"due_date\": \"2026-11-01\"",
        );
    let broken_path = dir.join("broken.json");
    std::fs::write(&broken_path, broken).unwrap();
    let broken_text = broken_path.to_string_lossy().into_owned();
    let outcome = desk(
        &[
            "invoice",
            "issue",
            &broken_text,
            "--series",
            "INV{seq}",
            "--date",
            "2026-11-27",
        ],
        "",
    );
    assert_eq!(outcome.code, 1);
    assert!(
        outcome
            .stdout
            .lines()
            .all(|line| line.starts_with("invalid\t"))
    );
    assert!(
        outcome.stdout.contains("requisite.due_date_before_issue"),
        "{}",
        outcome.stdout
    );
    assert_snapshot!("desk__invoice_issue_findings", outcome.stdout);

    let missing = desk(&["invoice", "read", "/nonexistent/invoice.xml"], "");
    assert_eq!(
        (missing.code, missing.stdout.as_str()),
        (
            1,
            "invalid\tfile.read\tcannot read /nonexistent/invoice.xml: entity not found\n"
        )
    );
    let not_ubl_path = dir.join("not-ubl.xml");
    std::fs::write(&not_ubl_path, "<html/>").unwrap();
    let not_ubl = desk(&["invoice", "read", &not_ubl_path.to_string_lossy()], "");
    assert_eq!(not_ubl.code, 1);
    assert!(
        not_ubl.stdout.starts_with("invalid\treceived.not_ubl\t"),
        "{}",
        not_ubl.stdout
    );
    let bad_series = desk(
        &[
            "invoice",
            "issue",
            &manifest_path("drafts/invoice.json"),
            "--series",
            "INV-",
        ],
        "",
    );
    assert_eq!(
        bad_series.stdout,
        "invalid\tnumber_pattern.missing_sequence\tnumber pattern needs a {seq} token\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// `desk demo --out` writes every document of the day; its e-invoices are committed here and
/// validated by `.ci/run` with the official rules.
#[test]
fn demo_out_writes_the_days_documents() {
    let dir = std::env::temp_dir().join(format!("desk-demo-out-{}", std::process::id()));
    let dir_text = dir.to_string_lossy().into_owned();
    let outcome = desk(&["demo", "--date", "2026-11-27", "--out", &dir_text], "");
    assert_eq!(outcome.code, 0);
    let expected = [
        "invoice-earlier.xml",
        "file-plan.txt",
        "register-check.json",
        "recommendations.txt",
        "quotes.txt",
        "order.txt",
        "contract.txt",
        "receipt-1-cash.txt",
        "receipt-2-card.txt",
        "receipt-3-mixed.txt",
        "cash-receipt-order.txt",
        "invoice.txt",
        "invoice.xml",
        "epc-qr.txt",
        "epc-qr.svg",
        "waybill.txt",
        "reply-letter.txt",
        "receipt-4-return.txt",
        "credit-note.txt",
        "credit-note.xml",
        "statement-camt053.xml",
        "reconciliation.txt",
        "reconciliation.json",
        "reminder.txt",
        "survey.json",
        "survey-responses.csv",
        "survey-report.txt",
        "detractors.csv",
        "cash-disbursement-order.txt",
        "z-report.txt",
        "journal.csv",
        "accounting-check.txt",
        "filed-documents.csv",
        "registers.txt",
        "archive.txt",
    ];
    for name in expected {
        let written = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(!written.is_empty(), "{name} is empty");
        assert!(
            outcome.stdout.contains(&format!("  {name} (")),
            "{name} not listed"
        );
    }
    let listed = outcome
        .stdout
        .lines()
        .skip_while(|line| !line.starts_with("The day's documents, written to "))
        .skip(1)
        .count();
    assert_eq!(listed, expected.len(), "{}", outcome.stdout);
    let epc = std::fs::read_to_string(dir.join("epc-qr.txt")).unwrap();
    assert!(epc.starts_with("BCD\n002\n1\nSCT\n"), "{epc}");
    for (name, committed) in [
        ("invoice.xml", "tests/ubl/demo-invoice.xml"),
        ("credit-note.xml", "tests/ubl/demo-credit-note.xml"),
        ("invoice-earlier.xml", "tests/ubl/demo-invoice-earlier.xml"),
    ] {
        let written = std::fs::read_to_string(dir.join(name)).unwrap();
        let committed_path = manifest_path(committed);
        if std::env::var_os("UPDATE_UBL").is_some() {
            std::fs::write(&committed_path, &written).unwrap();
        }
        let committed_text = std::fs::read_to_string(&committed_path).unwrap();
        assert_eq!(
            written, committed_text,
            "run with UPDATE_UBL=1 to rewrite {committed}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

fn received(name: &str) -> String {
    manifest_path(&format!(
        "../../crates/apkalpe-accounting/tests/fixtures/received/{name}"
    ))
}

/// `desk invoice read` on documents from other senders: a Norwegian invoice in NOK with a
/// rounding amount and a KID reference, a direct debit in DKK with findings.
#[test]
fn read_renders_documents_from_any_sender() {
    let norway = desk(
        &[
            "invoice",
            "read",
            &received("peppol/national-NO-Norwegian-example-1.xml"),
        ],
        "",
    );
    assert_eq!(norway.code, 0, "{}", norway.stdout);
    assert!(
        norway
            .stdout
            .contains("Maksājuma atsauce: 0003434323213231\n")
    );
    assert!(!norway.stdout.contains("Summa vārdiem"));
    assert_snapshot!("desk__invoice_read_received_nok", norway.stdout);

    let debit = desk(
        &[
            "invoice",
            "read",
            &received("official/en16931-ubl-tc434-example5.xml"),
        ],
        "",
    );
    assert_eq!(debit.code, 0);
    assert!(
        debit.stdout.contains("Piezīmes par datiem (2):"),
        "{}",
        debit.stdout
    );
    assert!(debit.stdout.contains("  - direct debit: BT-91 "));
}

/// `--json` prints the whole received document: the reader's saved form, field for field.
#[test]
fn read_json_is_the_received_document() {
    for name in [
        "official/en16931-ubl-tc434-example1.xml",
        "official/base-creditnote-correction.xml",
        "peppol/national-NO-Norwegian-example-1.xml",
        "cen/FT-G2G_TD01-con-Allegato-Bonifico-e-Split-Payment.xml",
    ] {
        let path = received(name);
        let outcome = desk(&["--json", "invoice", "read", &path], "");
        assert_eq!(outcome.code, 0, "{name}: {}", outcome.stdout);
        assert_eq!(outcome.stdout.lines().count(), 1);
        let line: serde_json::Value = serde_json::from_str(outcome.stdout.trim()).unwrap();
        assert_eq!(line["valid"], serde_json::Value::Bool(true));
        let expected =
            apkalpe_accounting::read_received_invoice(&std::fs::read_to_string(&path).unwrap())
                .unwrap();
        assert_eq!(
            line["document"],
            serde_json::to_value(&expected).unwrap(),
            "{name}"
        );
        let restored: apkalpe_accounting::ReceivedInvoice =
            serde_json::from_value(line["document"].clone()).unwrap();
        assert_eq!(restored, expected);
    }
    let credit = desk(
        &[
            "--json",
            "invoice",
            "read",
            &received("official/base-creditnote-correction.xml"),
        ],
        "",
    );
    let line: serde_json::Value = serde_json::from_str(credit.stdout.trim()).unwrap();
    assert_eq!(line["document"]["kind"], "credit_note");
    assert_eq!(
        line["document"]["totals"]["amount_due"]["amount"],
        "1656.25"
    );
    insta::assert_json_snapshot!("desk__invoice_read_received_json", line);
}

/// A document whose amounts contradict each other is one invalid line naming the rule.
#[test]
fn read_refuses_contradicting_amounts_with_the_rule() {
    let path = received("xrechnung/05.01a-INVOICE_ubl.xml");
    let outcome = desk(&["invoice", "read", &path], "");
    assert_eq!(outcome.code, 1);
    assert_eq!(
        outcome.stdout,
        "invalid\treceived.totals_contradict\ttotals: BT-115 is 366.86, BR-CO-16 gives 336.90\n"
    );
    let json = desk(&["--json", "invoice", "read", &path], "");
    let line: serde_json::Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(line["code"], "received.totals_contradict");
}
