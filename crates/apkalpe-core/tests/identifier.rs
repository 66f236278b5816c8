//! Identifiers: round trips, serde, never panicking, one changed digit rejected, error codes.

use apkalpe_core::{
    CreditorReference, Iban, ParsePersonalCodeError, PersonalCode, PersonalCodeFormat,
    RegistrationNumber, VatNumber,
};
use apkalpe_testkit::strategy;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[cfg(feature = "serde")]
    #[test]
    fn personal_code_round_trips(code in strategy::personal_code()) {
        prop_assert_eq!(code.to_string().parse::<PersonalCode>(), Ok(code));
        prop_assert_eq!(PersonalCode::try_new(code.as_digits()), Ok(code));
        prop_assert_eq!(PersonalCode::try_from(format!(" {code}\n")), Ok(code));
        let json = serde_json::to_string(&code).unwrap();
        prop_assert_eq!(serde_json::from_str::<PersonalCode>(&json).unwrap(), code);
    }

    #[test]
    fn personal_code_birth_date_matches_its_format(code in strategy::personal_code()) {
        match code.format() {
            PersonalCodeFormat::WithBirthDate => prop_assert!(code.birth_date().is_some()),
            PersonalCodeFormat::WithoutBirthDate => {
                prop_assert!(code.birth_date().is_none());
                prop_assert!(code.as_digits().starts_with('3'));
            }
        }
    }

    #[test]
    fn personal_code_debug_hides_the_serial_and_check_digit(code in strategy::personal_code()) {
        let debug = format!("{code:?}");
        prop_assert!(debug.contains("-*****"), "{}", debug);
        prop_assert!(debug.chars().filter(char::is_ascii_digit).count() <= 6, "{}", debug);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn registration_number_round_trips(number in strategy::registration_number()) {
        prop_assert_eq!(number.to_string().parse::<RegistrationNumber>(), Ok(number));
        let json = serde_json::to_string(&number).unwrap();
        prop_assert_eq!(serde_json::from_str::<RegistrationNumber>(&json).unwrap(), number);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn vat_number_round_trips(number in strategy::vat_number()) {
        prop_assert_eq!(number.to_string().parse::<VatNumber>(), Ok(number));
        let spaced = format!("{} {}", number.country_prefix().to_lowercase(), number.body());
        prop_assert_eq!(VatNumber::try_new(&spaced), Ok(number));
        let json = serde_json::to_string(&number).unwrap();
        prop_assert_eq!(serde_json::from_str::<VatNumber>(&json).unwrap(), number);
    }

    #[test]
    fn latvian_vat_number_holds_exactly_one_identifier(number in strategy::latvian_vat_number()) {
        let entity = number.to_registration_number();
        let person = number.to_personal_code();
        prop_assert!(entity.is_some() != person.is_some());
        if let Some(code) = person {
            let debug = format!("{number:?}");
            prop_assert!(!debug.contains(code.as_digits()), "{}", debug);
        }
    }

    /// Issue 16: a bad character is reported where the user typed it, spaces included
    /// (decision 0003), in the paper form as in the electronic one.
    #[test]
    fn iban_errors_point_into_the_typed_text(iban in strategy::iban(), pick in any::<prop::sample::Index>()) {
        let typed = iban.print_form();
        let letters: Vec<usize> = typed
            .char_indices()
            .filter(|(_, c)| c.is_ascii_alphanumeric())
            .map(|(index, _)| index)
            .collect();
        let at = letters[pick.index(letters.len())];
        let mut broken = typed.clone();
        broken.replace_range(at..at + 1, "!");
        prop_assert_eq!(
            Iban::try_new(&broken),
            Err(apkalpe_core::ParseIbanError::Character { position: at, found: '!' })
        );
        // A letter in the check digits: the position of that letter as typed.
        let mut lettered = typed;
        lettered.replace_range(3..4, "X");
        prop_assert_eq!(
            Iban::try_new(&format!("  {lettered}")),
            Err(apkalpe_core::ParseIbanError::Character { position: 5, found: 'X' })
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn iban_round_trips(iban in strategy::iban()) {
        prop_assert_eq!(iban.to_string().parse::<Iban>(), Ok(iban));
        prop_assert_eq!(Iban::try_new(&iban.print_form()), Ok(iban));
        prop_assert_eq!(Iban::try_new(&iban.print_form().to_lowercase()), Ok(iban));
        prop_assert_eq!(
            format!("{}{}{}", iban.country(), iban.check_digits(), iban.bban()),
            iban.to_string()
        );
        let json = serde_json::to_string(&iban).unwrap();
        prop_assert_eq!(serde_json::from_str::<Iban>(&json).unwrap(), iban);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn creditor_reference_round_trips(reference in strategy::creditor_reference()) {
        prop_assert_eq!(reference.to_string().parse::<CreditorReference>(), Ok(reference));
        prop_assert_eq!(CreditorReference::try_new(&reference.print_form()), Ok(reference));
        prop_assert_eq!(
            CreditorReference::from_payment_reference(reference.payment_reference()),
            Ok(reference)
        );
        let json = serde_json::to_string(&reference).unwrap();
        prop_assert_eq!(serde_json::from_str::<CreditorReference>(&json).unwrap(), reference);
    }

    #[test]
    fn one_changed_digit_of_a_registration_number_is_rejected(
        (valid, mutated) in strategy::near_valid_registration_number()
    ) {
        prop_assert!(RegistrationNumber::try_new(&valid).is_ok());
        prop_assert!(RegistrationNumber::try_new(&mutated).is_err(), "{} passed", mutated);
    }

    #[test]
    fn one_changed_digit_of_a_personal_code_is_rejected_unless_the_check_digit_is_0(
        (valid, mutated) in strategy::near_valid_personal_code()
    ) {
        let code = PersonalCode::try_new(&valid).unwrap();
        let check_digit_is_0 = code.as_digits().ends_with('0');
        let check_digit_changed = valid.get(11..) != mutated.get(11..);
        if !check_digit_is_0 || check_digit_changed {
            let error = PersonalCode::try_new(&mutated).unwrap_err();
            // No error carries the code, valid or mutated.
            let shown = format!("{error} {error:?}");
            prop_assert!(!shown.contains(&valid) && !shown.contains(&mutated));
            prop_assert!(!shown.contains(code.as_digits()));
        }
    }

    #[test]
    fn one_changed_digit_of_an_iban_is_rejected((valid, mutated) in strategy::near_valid_iban()) {
        prop_assert!(Iban::try_new(&valid).is_ok());
        prop_assert!(Iban::try_new(&mutated).is_err(), "{} passed", mutated);
    }

    #[test]
    fn one_changed_digit_of_a_creditor_reference_is_rejected(
        (valid, mutated) in strategy::near_valid_creditor_reference()
    ) {
        prop_assert!(CreditorReference::try_new(&valid).is_ok());
        prop_assert!(CreditorReference::try_new(&mutated).is_err(), "{} passed", mutated);
    }
}

/// Runs every identifier parser on `text`; each must return, not panic, and an accepted text must
/// print to a form it accepts again as the same value.
fn parse_everything(text: &str) {
    if let Ok(code) = PersonalCode::try_new(text) {
        assert_eq!(PersonalCode::try_new(&code.to_string()), Ok(code));
    }
    if let Ok(number) = RegistrationNumber::try_new(text) {
        assert_eq!(RegistrationNumber::try_new(&number.to_string()), Ok(number));
    }
    if let Ok(number) = VatNumber::try_new(text) {
        assert_eq!(VatNumber::try_new(&number.to_string()), Ok(number));
    }
    if let Ok(iban) = Iban::try_new(text) {
        assert_eq!(Iban::try_new(&iban.to_string()), Ok(iban));
    }
    if let Ok(reference) = CreditorReference::try_new(text) {
        assert_eq!(
            CreditorReference::try_new(&reference.to_string()),
            Ok(reference)
        );
    }
    if let Ok(reference) = CreditorReference::from_payment_reference(text) {
        assert_eq!(
            CreditorReference::try_new(&reference.to_string()),
            Ok(reference)
        );
    }
    // Serialising a `&str` cannot fail; deserialising must only return.
    #[cfg(feature = "serde")]
    if let Ok(json) = serde_json::to_string(text) {
        let _ = serde_json::from_str::<PersonalCode>(&json);
        let _ = serde_json::from_str::<RegistrationNumber>(&json);
        let _ = serde_json::from_str::<VatNumber>(&json);
        let _ = serde_json::from_str::<Iban>(&json);
        let _ = serde_json::from_str::<CreditorReference>(&json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn parsers_never_panic_on_any_string(text in any::<String>()) {
        parse_everything(&text);
    }

    #[test]
    fn parsers_never_panic_on_printable_text(text in "\\PC*") {
        parse_everything(&text);
    }

    #[test]
    fn parsers_never_panic_on_near_identifiers(
        text in "(LV|lv|RF|rf|DE|EL|XI|GB| )?[0-9A-Za-z \\-.ĀāŠ]{0,40}"
    ) {
        parse_everything(&text);
    }
}

#[test]
fn parsers_survive_long_input() {
    let long = "7".repeat(100_000);
    parse_everything(&long);
    parse_everything(&format!("LV80{long}"));
    parse_everything(&format!("RF18{long}"));
    parse_everything(&"Ā".repeat(10_000));
    parse_everything("");
}

#[test]
fn every_error_code_is_reachable_from_text() {
    let personal = [
        ("161175/19997", "personal_code.character"),
        ("1611751999", "personal_code.length"),
        ("161175-39997", "personal_code.century"),
        ("290275-19990", "personal_code.birth_date"),
        ("161175-19998", "personal_code.checksum"),
    ];
    for (text, code) in personal {
        assert_eq!(
            PersonalCode::try_new(text).unwrap_err().code(),
            code,
            "{text}"
        );
    }
    let registration = [
        ("4000352160O", "registration_number.character"),
        ("400035216000", "registration_number.length"),
        ("70003521600", "registration_number.prefix"),
        ("40003521601", "registration_number.checksum"),
    ];
    for (text, code) in registration {
        assert_eq!(
            RegistrationNumber::try_new(text).unwrap_err().code(),
            code,
            "{text}"
        );
    }
    let vat = [
        ("GR094259216", "vat_number.prefix"),
        ("DE13669597", "vat_number.length"),
        ("DE13669597X", "vat_number.character"),
        ("LV40003521601", "vat_number.registration_number"),
        ("LV16117519998", "vat_number.personal_code"),
    ];
    for (text, code) in vat {
        assert_eq!(VatNumber::try_new(text).unwrap_err().code(), code, "{text}");
    }
    let iban = [
        ("LV80_BANK0000435195001", "iban.character"),
        ("US64SVBKUS6S3300958879", "iban.country"),
        ("LV80BANK000043519500", "iban.length"),
        // LV + BBAN "1234000043519500A" with correct check digits: digits in the bank code.
        ("LV841234000043519500A", "iban.bban_format"),
        ("LV81BANK0000435195001", "iban.checksum"),
    ];
    for (text, code) in iban {
        assert_eq!(Iban::try_new(text).unwrap_err().code(), code, "{text}");
    }
    let reference = [
        ("RF18 5390/0754", "creditor_reference.character"),
        ("XX18539007547034", "creditor_reference.prefix"),
        ("RF18", "creditor_reference.length"),
        ("RF19539007547034", "creditor_reference.checksum"),
    ];
    for (text, code) in reference {
        assert_eq!(
            CreditorReference::try_new(text).unwrap_err().code(),
            code,
            "{text}"
        );
    }
    assert_eq!(
        CreditorReference::from_payment_reference("")
            .unwrap_err()
            .code(),
        "creditor_reference.payment_reference_length"
    );
}

#[test]
fn facts_examples_parse() {
    // docs/sources.md §7 and §8.
    assert!(PersonalCode::try_new("161175-19997").is_ok());
    assert!(PersonalCode::try_new("32867300679").is_ok());
    assert!(PersonalCode::try_new("32503511782").is_ok());
    for number in ["40003521600", "40003584818", "40103471306"] {
        assert!(RegistrationNumber::try_new(number).is_ok());
        assert!(VatNumber::try_new(&format!("LV{number}")).is_ok());
    }
    assert_eq!(
        Iban::try_new("LV80BANK0000435195001").unwrap().bank_code(),
        Some("BANK")
    );
    assert_eq!(
        CreditorReference::try_new("RF18 5390 0754 7034")
            .unwrap()
            .as_str(),
        "RF18539007547034"
    );
}

#[test]
fn personal_code_errors_carry_no_code() {
    let error = PersonalCode::try_new("161175-19998").unwrap_err();
    assert_eq!(
        error,
        ParsePersonalCodeError::Checksum {
            expected: 7,
            found: 8
        }
    );
    assert!(!error.to_string().contains("161175"));
}
