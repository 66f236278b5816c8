use super::*;
use crate::CountryCode;

fn riga() -> Address {
    Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap()
}

fn codes(error: &PartyError) -> Vec<(&str, &str)> {
    error
        .fields()
        .iter()
        .map(|field| (field.field(), field.code()))
        .collect()
}

#[test]
fn text_checks() {
    assert_eq!(check_text("  a b ", 3).unwrap(), "a b");
    assert_eq!(check_text(" \t ", 3).unwrap_err().code(), "text.blank");
    assert_eq!(check_text("abcd", 3).unwrap_err().code(), "text.too_long");
    assert_eq!(check_text("ābc", 3).unwrap(), "ābc");
    let error = check_text("a\u{0}b", 3).unwrap_err();
    assert_eq!(error.code(), "text.control_character");
    assert_eq!(
        Said(&error, Language::English).to_string(),
        "has a control character at position 1"
    );
    assert_eq!(
        Said(&error, Language::Latvian).to_string(),
        "vērtībā pozīcijā 1 ir vadības rakstzīme"
    );
}

#[test]
fn latvian_postal_codes_are_strict() {
    for good in ["LV-1010", "LV-0000", " LV-4201 "] {
        assert!(
            Address::try_new("Iela 1", "Rīga", Some(good), CountryCode::LV).is_ok(),
            "{good}"
        );
    }
    for bad in [
        "1010",
        "LV1010",
        "lv-1010",
        "LV-101",
        "LV-10100",
        "LV 1010",
        "LV-１０１０",
    ] {
        let error = Address::try_new("Iela 1", "Rīga", Some(bad), CountryCode::LV).unwrap_err();
        assert_eq!(
            codes(&error),
            [("postal_code", "address.postal_code_format")],
            "{bad}"
        );
    }
    for missing in [None, Some(""), Some("  ")] {
        let error = Address::try_new("Iela 1", "Rīga", missing, CountryCode::LV).unwrap_err();
        assert_eq!(
            codes(&error),
            [("postal_code", "address.postal_code_missing")]
        );
    }
}

#[test]
fn other_postal_codes() {
    let de = CountryCode::DE;
    assert!(Address::try_new("Unter den Linden 1", "Berlin", None, de).is_ok());
    let london = Address::try_new(
        "1 Main St",
        "London",
        Some("SW1A 1AA"),
        CountryCode::try_new("GB").unwrap(),
    )
    .unwrap();
    assert_eq!(london.postal_code(), Some("SW1A 1AA"));
    for bad in ["10_117", "12345678901234567", "1011ā"] {
        let error =
            Address::try_new("Narva mnt 7", "Tallinn", Some(bad), CountryCode::EE).unwrap_err();
        assert_eq!(
            codes(&error),
            [("postal_code", "address.postal_code_format")],
            "{bad}"
        );
    }
}

#[test]
fn address_input_reports_every_field() {
    let input = AddressInput {
        lines: vec!["ok".into(), "x".repeat(101), "  ".into(), "a\nb".into()],
        city: " ".into(),
        postal_code: Some("1010".into()),
        region: Some("r\u{7}".into()),
        country: "LV".into(),
    };
    let error = Address::try_from(input).unwrap_err();
    assert_eq!(
        codes(&error),
        [
            ("lines[1]", "text.too_long"),
            ("lines[3]", "text.control_character"),
            ("city", "text.blank"),
            ("postal_code", "address.postal_code_format"),
            ("region", "text.control_character"),
        ]
    );
    let lines = |lines: &[&str]| AddressInput {
        lines: lines.iter().map(|line| (*line).to_owned()).collect(),
        city: "Rīga".into(),
        postal_code: Some("LV-1010".into()),
        region: None,
        country: "lv".into(),
    };
    let none = Address::try_from(lines(&["", " "])).unwrap_err();
    assert_eq!(codes(&none), [("lines", "address.no_street_line")]);
    let many = Address::try_from(lines(&["a", "b", "c", "d"])).unwrap_err();
    assert_eq!(codes(&many), [("lines", "address.too_many_lines")]);
    let three = Address::try_from(lines(&["a", "", "b", "c"])).unwrap();
    assert_eq!(three.lines(), ["a", "b", "c"]);
    assert_eq!(three.country(), CountryCode::LV);
    let bad_country = AddressInput {
        country: "XX".into(),
        ..lines(&["a"])
    };
    // The postal code cannot be judged without a country.
    assert_eq!(
        codes(&Address::try_from(bad_country).unwrap_err()),
        [("country", "country.unknown")]
    );
}

#[test]
fn identifier_rules() {
    let reg: RegistrationNumber = "40003521600".parse().unwrap();
    let other_reg: RegistrationNumber = "40103471306".parse().unwrap();
    let code: PersonalCode = "161175-19997".parse().unwrap();
    let org = Party::organisation(PartyName::try_new("SIA Apkalpe").unwrap(), riga());
    let person = Party::person(PartyName::try_new("Anna Bērziņa").unwrap(), riga());

    let error = person
        .clone()
        .try_with_registration_number(reg)
        .unwrap_err();
    assert_eq!(
        codes(&error),
        [(
            "registration_number",
            "party.registration_number_for_person"
        )]
    );
    let error = org.clone().try_with_personal_code(code).unwrap_err();
    assert_eq!(
        codes(&error),
        [("personal_code", "party.personal_code_for_organisation")]
    );

    // VAT before the registration number: checked when the second arrives.
    let with_vat = org
        .clone()
        .try_with_vat_number("LV40003521600".parse().unwrap())
        .unwrap();
    assert!(with_vat.clone().try_with_registration_number(reg).is_ok());
    let error = with_vat
        .try_with_registration_number(other_reg)
        .unwrap_err();
    assert_eq!(codes(&error), [("vat_number", "party.vat_number_mismatch")]);
    assert_eq!(
        error.to_string(),
        "invalid party data: vat_number: vat number LV40003521600 does not hold registration number 40103471306"
    );

    // An organisation's LV VAT number holding a personal code: refused, and not echoed.
    let error = org
        .clone()
        .try_with_vat_number("LV16117519997".parse().unwrap())
        .unwrap_err();
    assert_eq!(codes(&error), [("vat_number", "party.vat_number_mismatch")]);
    assert!(!error.to_string().contains("19997"));

    // Foreign VAT numbers and persons' VAT numbers are not compared.
    assert!(
        org.clone()
            .try_with_registration_number(reg)
            .unwrap()
            .try_with_vat_number("EE100931558".parse().unwrap())
            .is_ok()
    );
    assert!(
        person
            .try_with_personal_code(code)
            .unwrap()
            .try_with_vat_number("LV40003521600".parse().unwrap())
            .is_ok()
    );
}

#[test]
fn party_input_debug_hides_the_personal_code() {
    let input = PartyInput {
        personal_code: Some("161175-19997".into()),
        ..PartyInput::default()
    };
    let debug = format!("{input:?}");
    assert!(!debug.contains("161175"), "{debug}");
    assert!(debug.contains("personal_code: Some(\"***\")"), "{debug}");
}

#[test]
fn finish_without_a_reason_is_internal() {
    // Release builds only: debug builds assert instead.
    if cfg!(debug_assertions) {
        return;
    }
    let error = Fields::new("").finish::<()>(None).unwrap_err();
    assert_eq!(error.fields()[0].code(), "party.internal");
}
