//! `desk --lang lv` and `DESK_LANG`: error messages in the chosen language, run as a process
//! (the real binary, its real environment), with the codes unchanged and English the default.

use std::process::Command;

use insta::assert_snapshot;

use crate::{TempDir, desk};

/// What one run of the real binary printed and returned.
struct Run {
    code: i32,
    stdout: String,
}

/// Runs the real binary with `args`, `DESK_LANG` set to `lang` (or removed), at a fixed time.
fn process(args: &[&str], lang: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_desk"));
    command
        .args(args)
        .env("DESK_NOW", "2026-11-27T08:00:00Z")
        .env_remove("DESK_DB")
        .env_remove("DESK_ABORT_BEFORE_COMMIT");
    match lang {
        Some(lang) => command.env("DESK_LANG", lang),
        None => command.env_remove("DESK_LANG"),
    };
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
    }
}

/// The snapshot text of a run: the command, its exit code, then standard output.
fn shown(args: &[&str], lang: Option<&str>) -> String {
    let run = process(args, lang);
    let env = lang.map_or(String::new(), |lang| format!("DESK_LANG={lang} "));
    format!(
        "$ {env}desk {}\nexit {}\n{}",
        args.join(" "),
        run.code,
        run.stdout
    )
}

/// The fields of an `invalid` line: code, message, and the rest.
fn fields(line: &str) -> Vec<String> {
    line.split('\t').map(str::to_owned).collect()
}

const BAD_IBAN: &str = "LV81BANK0000435195001";

#[test]
fn lang_lv_prints_the_latvian_message_with_the_same_code() {
    let latvian = process(&["--lang", "lv", "check", "iban", BAD_IBAN], None);
    let english = process(&["check", "iban", BAD_IBAN], None);
    assert_eq!(
        latvian.stdout,
        format!("invalid\tiban.checksum\tIBAN kontrolcipari nesakrīt\t{BAD_IBAN}\n")
    );
    assert_eq!(
        english.stdout,
        format!("invalid\tiban.checksum\tiban check digits do not match\t{BAD_IBAN}\n")
    );
    assert_eq!((latvian.code, english.code), (1, 1));
    // The global option also goes after the command's name.
    let after = process(&["check", "iban", BAD_IBAN, "--lang", "lv"], None);
    assert_eq!(after.stdout, latvian.stdout);
}

#[test]
fn desk_lang_in_the_environment_chooses_the_language_and_the_option_wins() {
    let from_env = process(&["check", "iban", BAD_IBAN], Some("lv"));
    assert_eq!(
        fields(from_env.stdout.trim_end())[2],
        "IBAN kontrolcipari nesakrīt"
    );
    let option_wins = process(&["--lang", "en", "check", "iban", BAD_IBAN], Some("lv"));
    assert_eq!(
        fields(option_wins.stdout.trim_end())[2],
        "iban check digits do not match"
    );
    let wrong = process(&["check", "iban", BAD_IBAN], Some("fr"));
    assert_eq!((wrong.code, wrong.stdout.as_str()), (2, ""));
}

#[test]
fn an_office_refusal_is_in_latvian_with_the_office_code() {
    let dir = TempDir::new("lang-office");
    let db = dir.file("desk.db");
    let day = process(&["day", "open", "--db", &db], None);
    assert_eq!(day.code, 0, "{}", day.stdout);
    let sell = ["sell", "--db", db.as_str(), "PAP-A4-80", "--cash", "10"];
    let latvian = process(&[&["--lang", "lv"][..], &sell[..]].concat(), None);
    assert_eq!(latvian.code, 1);
    assert_eq!(
        latvian.stdout,
        "invalid\toffice.no_shift\tkases maiņa nav atvērta; atveriet to ar `desk shift open \
         --cashier VĀRDS --float SPEC`\n"
    );
    let english = process(&sell, None);
    assert_eq!(
        english.stdout,
        "invalid\toffice.no_shift\tno cash register shift is open; open one with `desk shift \
         open --cashier NAME --float SPEC`\n"
    );
}

#[test]
fn json_keeps_its_keys_and_the_message_is_in_the_language() {
    let run = process(&["--json", "--lang", "lv", "check", "iban", BAD_IBAN], None);
    let value: serde_json::Value = serde_json::from_str(run.stdout.trim_end()).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "input", "message", "valid"]);
    assert_eq!(value["code"], "iban.checksum");
    assert_eq!(value["message"], "IBAN kontrolcipari nesakrīt");
}

#[test]
fn english_is_the_default_and_lang_en_changes_nothing() {
    for args in [
        &["check", "iban", BAD_IBAN, "LV80", ""][..],
        &["words", "x"][..],
        &["holidays", "20x6"][..],
        &["deadline", "2026-02-30", "10wd"][..],
        &["cash-round", "1.234"][..],
    ] {
        let default = desk(args, "");
        let english = desk(&[&["--lang", "en"][..], args].concat(), "");
        let german = desk(&[&["--lang", "de"][..], args].concat(), "");
        assert_eq!(default.stdout, english.stdout, "{args:?}");
        assert_eq!(default.code, english.code, "{args:?}");
        // German falls back to English (the crates' messages are Latvian and English).
        assert_eq!(default.stdout, german.stdout, "{args:?}");
    }
}

#[test]
fn a_commands_own_lang_and_the_desks_are_one_option() {
    // `words` writes Latvian by default; its messages stay English unless a language is given.
    assert_eq!(
        desk(&["words", "12"], "").stdout,
        "valid\tdivpadsmit euro un nulle centu\n"
    );
    assert_eq!(
        desk(&["words", "x"], "").stdout,
        "invalid\tamount.unexpected_character\tunexpected character 'x' at position 0\n"
    );
    // Given before the command's name or after it, `--lang` sets both.
    for args in [
        &["--lang", "en", "words", "12"][..],
        &["words", "12", "--lang", "en"][..],
    ] {
        assert_eq!(desk(args, "").stdout, "valid\ttwelve euro and zero cents\n");
    }
    assert_eq!(
        desk(&["words", "x", "--lang", "lv"], "").stdout,
        "invalid\tamount.unexpected_character\tnegaidīta rakstzīme 'x' pozīcijā 0\n"
    );
    // Given twice, the one after the command's name wins.
    assert_eq!(
        desk(&["--lang", "lv", "words", "12", "--lang", "en"], "").stdout,
        "valid\ttwelve euro and zero cents\n"
    );
}

#[test]
fn latvian_errors() {
    let dir = TempDir::new("lang-snapshot");
    let db = dir.file("desk.db");
    let mut all = String::new();
    let lv = Some("lv");
    all.push_str(&shown(
        &["check", "iban", BAD_IBAN, "LV80", "LV80BANK000043519500X"],
        lv,
    ));
    all.push_str(&shown(
        &["check", "personal-code", "161175-19998", "abc"],
        lv,
    ));
    all.push_str(&shown(
        &["--json", "check", "reg-number", "40003521601"],
        lv,
    ));
    all.push_str(&shown(&["words", "1,234"], lv));
    all.push_str(&shown(&["cash-round", "1.234"], lv));
    all.push_str(&shown(&["day", "open", "--db", &db], lv));
    all.push_str(&shown(
        &["sell", "--db", &db, "PAP-A4-80", "--cash", "10"],
        lv,
    ));
    all.push_str(&shown(
        &["sell", "--db", &db, "PAP-A4-80:0", "--cash", "10"],
        lv,
    ));
    all.push_str(&shown(
        &[
            "shift",
            "open",
            "--db",
            &db,
            "--cashier",
            "Ilze",
            "--float",
            "5x3",
        ],
        lv,
    ));
    all.push_str(&shown(&["status", "--db", &dir.file("missing.db")], lv));
    all.push_str(&shown(&["holidays", "20x6"], lv));
    all.push_str(&shown(&["deadline", "27.11.2026", "10wd"], lv));
    all.push_str(&shown(
        &[
            "epc-qr",
            "--iban",
            "LV80BANK000043519500",
            "--name",
            "SIA Piemērs",
            "--amount",
            "1",
        ],
        lv,
    ));
    all.push_str(&shown(&["--lang", "lv", "words", "x"], None));
    let all = all.replace(&dir.0.to_string_lossy().into_owned(), "<dir>");
    assert_snapshot!("desk__latvian_errors", all);
}

/// An invoice draft's findings (the `requisite.*` checks) are printed in Latvian when asked,
/// line for line with the English ones and with the same codes and fields.
#[test]
fn an_invoice_drafts_findings_are_printed_in_latvian() {
    let dir = TempDir::new("lang-findings");
    let draft = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/invoice.json"),
    )
    .unwrap();
    // No VAT number for the seller, and a due date before the issue date.
    let broken = draft
        .replace("\"vat_number\": \"LV40003521600\",", "")
        .replace(
            "\"due_date\": \"2026-12-11\"",
            "\"due_date\": \"2026-11-01\"",
        );
    let path = dir.0.join("broken.json");
    std::fs::write(&path, broken).unwrap();
    let path = path.to_string_lossy().into_owned();
    let args = [
        "invoice",
        "issue",
        path.as_str(),
        "--series",
        "INV{seq}",
        "--date",
        "2026-11-27",
    ];
    let english = process(&args, None);
    let latvian = process(&args, Some("lv"));
    assert_eq!((english.code, latvian.code), (1, 1));
    let lines = |run: &Run| -> Vec<Vec<String>> { run.stdout.lines().map(fields).collect() };
    let (english, latvian) = (lines(&english), lines(&latvian));
    assert_eq!(english.len(), latvian.len());
    assert!(english.len() >= 2, "{english:?}");
    for (en, lv) in english.iter().zip(&latvian) {
        // Same kind of line and code; the field before the colon is the same; the words differ.
        assert_eq!((&en[0], &en[1]), (&lv[0], &lv[1]));
        let field = |message: &str| message.split(':').next().unwrap().to_owned();
        assert_eq!(field(&en[2]), field(&lv[2]));
        assert_ne!(en[2], lv[2], "{} is not in Latvian", lv[1]);
    }
    assert!(
        latvian
            .iter()
            .any(|line| line[1] == "requisite.due_date_before_issue")
    );
    let latvian_text: String = latvian.iter().map(|line| line.join("\t") + "\n").collect();
    assert_snapshot!(
        "lang_lv_invoice_findings",
        latvian_text.replace(&path, "<draft>")
    );
}
