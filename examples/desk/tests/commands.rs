//! Snapshots of every command's output, with its exit code.

use insta::assert_snapshot;

use crate::desk;

/// The snapshot text of a run: exit code, then standard output.
fn shown(args: &[&str], stdin: &str) -> String {
    let outcome = desk(args, stdin);
    format!("exit {}\n{}", outcome.code, outcome.stdout)
}

#[test]
fn check_each_kind_valid_and_invalid() {
    let outcome = desk(&["check", "iban", "LV80BANK0000435195001"], "");
    assert_eq!(
        (outcome.code, outcome.stdout.as_str()),
        (0, "valid\tLV80BANK0000435195001\tLV80BANK0000435195001\n")
    );
    assert_snapshot!(
        "desk__check_personal_code",
        shown(
            &[
                "check",
                "personal-code",
                "161175-19997",
                "16117519997",
                "32867300679",
                "161175-19998",
                "310299-11111",
                "abc"
            ],
            ""
        )
    );
    assert_snapshot!(
        "desk__check_reg_number",
        shown(
            &[
                "check",
                "reg-number",
                "40003521600",
                "40003521601",
                "4000352160",
                "90000010008"
            ],
            ""
        )
    );
    assert_snapshot!(
        "desk__check_vat_number",
        shown(
            &[
                "check",
                "vat-number",
                "LV40003521600",
                "lv 4000 3521 600",
                "LV40003521601",
                "DE123456789",
                "XX123"
            ],
            ""
        )
    );
    assert_snapshot!(
        "desk__check_iban",
        shown(
            &[
                "check",
                "iban",
                "LV80 BANK 0000 4351 9500 1",
                "DE89370400440532013000",
                "LV80BANK0000435195002",
                "LV80BANK000043519500",
                "ZZ00"
            ],
            ""
        )
    );
    assert_snapshot!(
        "desk__check_rf",
        shown(
            &[
                "check",
                "rf",
                "RF18 5390 0754 7034",
                "RF18539007547035",
                "RF1"
            ],
            ""
        )
    );
}

#[test]
fn check_reads_stdin_and_json() {
    let outcome = desk(
        &["check", "reg-number", "-"],
        "40003521600\n40003584818\r\n123\n",
    );
    assert_eq!(outcome.code, 1);
    assert_eq!(outcome.stdout.lines().count(), 3);
    assert_snapshot!(
        "desk__check_stdin",
        shown(
            &["check", "reg-number", "-"],
            "40003521600\n40003584818\r\n123\n"
        )
    );
    assert_snapshot!(
        "desk__check_json",
        shown(
            &[
                "--json",
                "check",
                "iban",
                "LV80BANK0000435195001",
                "LV80BANK0000435195002"
            ],
            ""
        )
    );
}

#[test]
fn words_in_four_languages() {
    let outcome = desk(&["words", "123.45"], "");
    assert_eq!(
        outcome.stdout,
        "valid\tviens simts divdesmit trīs euro un četrdesmit pieci centi\n"
    );
    let mut all = String::new();
    for lang in ["lv", "en", "de", "ru"] {
        for amount in ["0,01", "21", "1 000 001,11", "-5.25"] {
            all.push_str(&shown(&["words", amount, "--lang", lang], ""));
        }
    }
    all.push_str(&shown(&["words", "1234.56", "--cents-in-figures"], ""));
    all.push_str(&shown(&["words", "1,234"], ""));
    all.push_str(&shown(&["words", "1000000000000"], ""));
    assert_snapshot!("desk__words", all);
}

#[test]
fn rf_from_payment_references() {
    let outcome = desk(&["rf", "539007547034"], "");
    assert_eq!(outcome.stdout, "valid\tRF18539007547034\n");
    assert_snapshot!(
        "desk__rf",
        shown(
            &[
                "rf",
                "539007547034",
                "2026000123",
                "ABC-1",
                "1234567890123456789012"
            ],
            ""
        )
    );
}

#[test]
fn cash_round_by_country_and_date() {
    let estonia = desk(
        &[
            "cash-round",
            "12.33",
            "--country",
            "ee",
            "--non-cash",
            "2.00",
        ],
        "",
    );
    assert!(
        estonia
            .stdout
            .starts_with("valid\tcash due 10.35 EUR\trounding 0.02 EUR\t"),
        "{}",
        estonia.stdout
    );
    let mut all = String::new();
    for args in [
        &["cash-round", "12.33"][..],
        &["cash-round", "12.33", "--country", "ee"],
        &[
            "cash-round",
            "12.33",
            "--country",
            "ee",
            "--date",
            "2024-12-31",
        ],
        &[
            "cash-round",
            "7.98",
            "--country",
            "lt",
            "--date",
            "2025-05-01",
        ],
        &[
            "cash-round",
            "7.98",
            "--country",
            "lt",
            "--date",
            "2025-04-30",
        ],
        &["cash-round", "-4.97", "--country", "lt"],
        &["cash-round", "5", "--country", "ee", "--non-cash", "6"],
        &["cash-round", "5", "--date", "2013-12-31"],
        &["cash-round", "5", "--date", "27.11.2026"],
        &["cash-round", "1,234"],
        &[
            "--json",
            "cash-round",
            "20.07",
            "--country",
            "ee",
            "--non-cash",
            "10",
        ],
    ] {
        all.push_str(&shown(args, ""));
    }
    assert_snapshot!("desk__cash_round", all);
}

#[test]
fn holidays_of_a_year() {
    let outcome = desk(&["holidays", "2026"], "");
    assert_eq!(outcome.code, 0);
    assert!(outcome.stdout.starts_with("2026-01-01\tJaungada diena\n"));
    assert_snapshot!("desk__holidays_2026", shown(&["holidays", "2026"], ""));
    assert_snapshot!(
        "desk__holidays_errors",
        format!(
            "{}{}",
            shown(&["holidays", "1990"], ""),
            shown(&["holidays", "twenty"], "")
        )
    );
    assert_snapshot!(
        "desk__holidays_json_2025",
        shown(&["--json", "holidays", "2025"], "")
    );
}

#[test]
fn deadline_first_line_is_the_date() {
    let outcome = desk(&["deadline", "2026-01-31", "1m"], "");
    assert_eq!(outcome.stdout.lines().next(), Some("2026-03-02"));
    let mut all = String::new();
    for args in [
        &["deadline", "2026-11-27", "15d"][..],
        &["deadline", "2026-11-27", "10wd"],
        &["deadline", "2026-12-22", "1wd"],
        &["deadline", "2024-01-31", "1m"],
        &["deadline", "2026-05-01", "3d"],
        &["deadline", "2026-11-27", "10x"],
        &["deadline", "2026-02-30", "1d"],
        &["--json", "deadline", "2026-06-20", "2d"],
    ] {
        all.push_str(&shown(args, ""));
    }
    assert_snapshot!("desk__deadline", all);
}

#[test]
fn demo_tells_the_story() {
    let outcome = desk(&["demo", "--date", "2026-11-27"], "");
    assert_eq!(outcome.code, 0);
    for expected in [
        "the cash total is rounded by 0.01 EUR and the change is 2.60 EUR",
        "verdict              confirmed",
        "A colleague registers the company again: the registry returns the existing client.",
        "Order PAS-2026/0001: the stock is reserved and the delivery booked; the need is now accepted:",
        "Contract L-3.1/1 is registered in the internal register and filed in case 3.1",
        "Summa apmaksai:       949,85 €",
        "The goods leave with waybill PP2026-0001, filed with the invoice in case 4.2:",
        "The answer is due by 2026-12-18:",
        "2026112700000001  941.14 EUR  INV2026-00002  creditor_reference",
        "AS \"Baltijas Dzirnavas\" has 118.58 EUR overdue: a payment reminder (T4.5):",
        "r03  NPS  4  AS \"Baltijas Dzirnavas\"",
        "Pārpalikums                         0,00",
        "completeness check: no gap, duplicate or credit note without its invoice",
        "(11 documents, each in exactly one case)",
        "Kases ieņēmumu orderis Nr. KIO2026-00001",
        "makes 7500.00 EUR, over the cash limit of 7200.00 EUR",
        "Kases izdevumu orderis Nr. KIZO2026-00001",
        "none of this year's cases would go to the archive on 2027-01-01",
    ] {
        assert!(
            outcome.stdout.contains(expected),
            "{expected}\n{}",
            outcome.stdout
        );
    }
    // The ten steps, in order.
    let mut from = 0;
    for step in 1..=10 {
        let heading = format!("\n{step}. ");
        let at = outcome.stdout[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("step {step} missing or out of order"));
        from += at + heading.len();
    }
    assert!(
        !outcome.stdout.contains("the step stops here"),
        "{}",
        outcome.stdout
    );
    assert_snapshot!("desk__demo_2026_11_27", outcome.stdout);
    // Without --date the story happens "today" (the context's date).
    assert_eq!(desk(&["demo"], "").stdout, outcome.stdout);
}

#[test]
fn usage_errors_exit_2_on_stderr() {
    for args in [
        &["check", "nope", "1"][..],
        &["check", "iban"],
        &["frobnicate"],
        &[],
        &["words"],
        &["words", "1", "--lang", "fr"],
    ] {
        let outcome = desk(args, "");
        assert_eq!(outcome.code, 2, "{args:?}");
        assert!(outcome.stdout.is_empty(), "{args:?}");
        assert!(!outcome.stderr.is_empty(), "{args:?}");
    }
    let help = desk(&["--help"], "");
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("check"));
}
