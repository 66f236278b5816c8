//! No input makes `desk` panic, and large inputs stay fast.

use proptest::prelude::*;

use crate::desk;

const COMMANDS: [&str; 8] = [
    "check",
    "words",
    "rf",
    "cash-round",
    "holidays",
    "deadline",
    "demo",
    "--json",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_arguments_never_panic(
        command in prop::sample::select(COMMANDS.to_vec()),
        rest in prop::collection::vec("\\PC{0,24}", 0..5),
        stdin in "\\PC{0,64}",
    ) {
        let mut args = vec![command];
        args.extend(rest.iter().map(String::as_str));
        let outcome = desk(&args, &stdin);
        prop_assert!(outcome.code <= 2);
    }

    #[test]
    fn every_check_line_has_the_contract_shape(
        kind in prop::sample::select(vec!["personal-code", "reg-number", "vat-number", "iban", "rf"]),
        values in prop::collection::vec("[ -~]{0,30}", 1..20),
    ) {
        let stdin = values.join("\n") + "\n";
        let outcome = desk(&["check", kind, "-"], &stdin);
        // One line per value; a blank line is no value.
        let given: Vec<&String> = values.iter().filter(|v| !v.trim().is_empty()).collect();
        prop_assert_eq!(outcome.stdout.lines().count(), given.len());
        for (line, value) in outcome.stdout.lines().zip(given) {
            let fields: Vec<&str> = line.split('\t').collect();
            // Each line ends with the value it answers.
            prop_assert_eq!(fields.last().copied(), Some(value.as_str()));
            match fields[0] {
                "valid" => prop_assert_eq!(fields.len(), 3),
                "invalid" => prop_assert_eq!(fields.len(), 4),
                other => prop_assert!(false, "unexpected status {other}"),
            }
        }
    }
}

#[test]
fn check_of_100000_ibans_from_stdin() {
    let mut input = String::new();
    for index in 0..100_000u32 {
        // Every tenth line has a wrong check digit.
        if index % 10 == 0 {
            input.push_str("LV80BANK0000435195002\n");
        } else {
            input.push_str("LV80BANK0000435195001\n");
        }
    }
    let started = std::time::Instant::now();
    let outcome = desk(&["check", "iban", "-"], &input);
    let elapsed = started.elapsed();
    assert_eq!(outcome.code, 1);
    assert_eq!(outcome.stdout.lines().count(), 100_000);
    assert_eq!(
        outcome
            .stdout
            .lines()
            .filter(|l| l.starts_with("invalid"))
            .count(),
        10_000
    );
    // The release target is 1 s (measured in benches/README.md); a debug build gets headroom.
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

#[test]
fn invalid_utf8_on_stdin_is_reported_not_panicked() {
    let context = desk::Context::at(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 27, 8, 0, 0).unwrap(),
    );
    let mut input: &[u8] = b"LV80BANK0000435195001\n\xff\xfe\n";
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = desk::run(
        ["desk", "check", "iban", "-"],
        &context,
        &mut input,
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(code, 1);
    let text = String::from_utf8(stdout).unwrap();
    assert_eq!(
        text,
        "valid\tLV80BANK0000435195001\tLV80BANK0000435195001\ninvalid\tinput.read\tstandard input is not readable UTF-8 text\n"
    );
}
