//! The commands over the domain crates: company, survey stats, check card, epc-qr, reconcile.

use std::path::PathBuf;

use insta::assert_snapshot;

use crate::desk;

/// A fixture of a domain crate, by path from the workspace root.
fn fixture(relative: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
        .to_string_lossy()
        .into_owned()
}

fn shown(args: &[&str]) -> String {
    let outcome = desk(args, "");
    format!("exit {}\n{}", outcome.code, outcome.stdout)
}

#[test]
fn company_verdicts() {
    let register = fixture("crates/apkalpe-clients/tests/fixtures/register.csv");
    let found = desk(&["company", "40203990007", "--register", &register], "");
    assert_eq!(found.code, 0);
    assert!(
        found.stdout.contains("verdict              confirmed"),
        "{}",
        found.stdout
    );
    let mut all = String::new();
    for number in [
        "40203990007",
        "40203990149",
        "40203990219",
        "40003521600",
        "40203990008",
    ] {
        all.push_str(&shown(&["company", number, "--register", &register]));
    }
    all.push_str(&shown(&[
        "--json",
        "company",
        "40203990280",
        "--register",
        &register,
    ]));
    all.push_str(&shown(&[
        "company",
        "40203990007",
        "--register",
        "/nonexistent/register.csv",
    ]));
    assert_snapshot!("desk__company", all);
}

#[test]
fn survey_statistics_table() {
    let survey = fixture("crates/apkalpe-clients/tests/fixtures/survey.json");
    let responses = fixture("crates/apkalpe-clients/tests/fixtures/responses.csv");
    let outcome = desk(&["survey", "stats", &survey, &responses], "");
    assert_eq!(outcome.code, 0);
    assert!(outcome.stdout.contains("nps 16.67"), "{}", outcome.stdout);
    assert_snapshot!("desk__survey_stats_lv", outcome.stdout);
    assert_snapshot!(
        "desk__survey_stats_en",
        shown(&["survey", "stats", &survey, &responses, "--lang", "en"])
    );
    let wrong_order = desk(&["survey", "stats", &responses, &survey], "");
    assert_eq!(wrong_order.code, 1);
    assert!(wrong_order.stdout.starts_with("invalid\tsurvey.json\t"));
}

#[test]
fn check_card_prints_only_the_masked_number() {
    let outcome = desk(
        &[
            "check",
            "card",
            "4111 1111 1111 1111",
            "4111111111111112",
            "5500000000000004",
            "378282246310005",
            "12",
        ],
        "",
    );
    assert_eq!(outcome.code, 1);
    assert!(!outcome.stdout.contains("4111111111111111"));
    assert!(!outcome.stdout.contains("4111 1111 1111 1111"));
    assert_snapshot!("desk__check_card", outcome.stdout);
    let json = desk(&["--json", "check", "card", "4111111111111111"], "");
    assert_eq!(
        json.stdout,
        "{\"brand\":\"Visa\",\"canonical\":\"411111******1111\",\"input\":\"411111******1111\",\"valid\":true}\n"
    );
}

#[test]
fn epc_qr_payload_and_refusals() {
    let payload = desk(
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "279,79",
            "--reference",
            "RF18539007547034",
        ],
        "",
    );
    assert_eq!(payload.code, 0);
    assert!(payload.stdout.starts_with("BCD\n002\n1\nSCT\n"));
    let mut all = payload.stdout.clone();
    let long_name = "A".repeat(71);
    for args in [
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "10",
            "--text",
            "Rēķins INV2026-00001",
            "--bic",
            "HABALV22",
        ][..],
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            &long_name,
            "--amount",
            "10",
        ],
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "0",
        ],
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "1000000000",
        ],
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195002",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "10",
        ],
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "10",
            "--bic",
            "HABA",
        ],
    ] {
        all.push_str(&shown(args));
    }
    assert_snapshot!("desk__epc_qr", all);
    // Both a reference and a text: refused by the command line itself.
    let both = desk(
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "X",
            "--amount",
            "1",
            "--reference",
            "RF18539007547034",
            "--text",
            "x",
        ],
        "",
    );
    assert_eq!(both.code, 2);

    let svg_path = std::env::temp_dir().join(format!("desk-epc-{}.svg", std::process::id()));
    let svg_text = svg_path.to_string_lossy().into_owned();
    let with_svg = desk(
        &[
            "epc-qr",
            "--iban",
            "LV80BANK0000435195001",
            "--name",
            "SIA Apkalpe",
            "--amount",
            "1",
            "--svg",
            &svg_text,
        ],
        "",
    );
    assert_eq!(with_svg.code, 0);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
    std::fs::remove_file(svg_path).unwrap();
}

#[test]
fn reconcile_statement_text_and_json() {
    let statement = fixture("crates/apkalpe-payments/tests/fixtures/statement-camt053-001.08.xml");
    let receivables = fixture("crates/apkalpe-payments/tests/fixtures/receivables.csv");
    let table = desk(&["reconcile", &statement, &receivables], "");
    assert_eq!(table.code, 0);
    assert!(table.stdout.starts_with("Matched (4)"), "{}", table.stdout);
    assert_snapshot!("desk__reconcile_table", table.stdout);
    let json = desk(&["--json", "reconcile", &statement, &receivables], "");
    assert_eq!(json.code, 0);
    for line in json.stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["entry_ref", "status", "receivable", "amount", "rule"] {
            assert!(value.get(key).is_some(), "{key} missing in {line}");
        }
    }
    assert_snapshot!("desk__reconcile_json", json.stdout);
    let wrong = desk(&["reconcile", &receivables, &statement], "");
    assert_eq!(wrong.code, 1);
}

#[test]
fn catalogue_search_and_quote() {
    let catalogue = fixture("crates/apkalpe-catalogue/tests/fixtures/catalogue.json");
    let found = desk(
        &[
            "catalogue",
            "search",
            "klepjdators",
            "--catalogue",
            &catalogue,
            "--date",
            "2026-12-07",
        ],
        "",
    );
    assert_eq!(found.code, 0);
    assert!(found.stdout.contains("LAP-E14-G5"), "{}", found.stdout);
    let mut all = found.stdout.clone();
    all.push_str(&shown(&[
        "catalogue",
        "search",
        "laptop",
        "--catalogue",
        &catalogue,
        "--date",
        "2026-12-07",
        "--lang",
        "en",
    ]));
    assert_snapshot!("desk__catalogue_search", all);

    let quote = desk(
        &[
            "quote",
            "LAP-E14-G5",
            "2",
            "--catalogue",
            &catalogue,
            "--date",
            "2026-12-07",
        ],
        "",
    );
    assert_eq!(quote.code, 0);
    assert!(
        quote
            .stdout
            .lines()
            .any(|line| line.starts_with("Summa ar PVN") && line.ends_with(" 1\u{a0}631,32\u{a0}€")),
        "{}",
        quote.stdout
    );
    let mut quotes = quote.stdout.clone();
    for args in [
        &[
            "quote",
            "LAP-E14-G5",
            "1",
            "--catalogue",
            &catalogue,
            "--date",
            "2027-01-15",
            "--lang",
            "en",
        ][..],
        &[
            "quote",
            "NOPE",
            "1",
            "--catalogue",
            &catalogue,
            "--date",
            "2026-12-07",
        ],
        &["quote", "LAP-E14-G5", "-1", "--catalogue", &catalogue],
        &[
            "quote",
            "LAP-E14-G5",
            "1",
            "--catalogue",
            "/nonexistent/catalogue.json",
        ],
    ] {
        quotes.push_str(&shown(args));
    }
    assert_snapshot!("desk__quote", quotes);
}

#[test]
fn fileplan_check_summary_and_problems() {
    let good = fixture("crates/apkalpe-documents/tests/fixtures/fileplan.csv");
    let broken = fixture("crates/apkalpe-documents/tests/fixtures/fileplan-broken.csv");
    let summary = desk(&["fileplan", "check", &good, "--year", "2026"], "");
    assert_eq!(summary.code, 0);
    assert!(
        summary.stdout.starts_with("file plan 2026: 27 entries"),
        "{}",
        summary.stdout
    );
    assert_snapshot!("desk__fileplan_check", summary.stdout);
    let problems = desk(&["fileplan", "check", &broken, "--year", "2026"], "");
    assert_eq!(problems.code, 1);
    assert!(
        problems
            .stdout
            .lines()
            .all(|line| line.starts_with("invalid\tfile_plan."))
    );
    assert_snapshot!("desk__fileplan_check_broken", problems.stdout);
}

#[test]
fn complaint_deadline_first_line_is_the_date() {
    let consumer = desk(&["complaint", "deadline", "consumer", "2026-12-10"], "");
    assert_eq!(consumer.stdout.lines().next(), Some("2027-01-06"));
    let mut all = String::new();
    for args in [
        &["complaint", "deadline", "consumer", "2026-12-10"][..],
        &["complaint", "deadline", "submission", "2026-02-27"],
        &["complaint", "deadline", "submission", "2026-03-02"],
        &["complaint", "deadline", "company:10wd", "2026-11-27"],
        &["--json", "complaint", "deadline", "consumer", "2026-11-27"],
        &["complaint", "deadline", "court", "2026-11-27"],
        &["complaint", "deadline", "consumer", "2026-13-01"],
    ] {
        all.push_str(&shown(args));
    }
    assert_snapshot!("desk__complaint_deadline", all);
}
