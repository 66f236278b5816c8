//! Parties: input checking, contacts, postal codes and the serialised form.

// clippy.toml allows these inside `#[test]` functions only; the helpers and proptest bodies
// below are test code too, working on known-good fixtures.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use apkalpe_core::{
    Address, AddressInput, CountryCode, EmailAddress, ParseEmailAddressError,
    ParsePhoneNumberError, Party, PartyError, PartyIdentifierInput, PartyInput, PartyKind,
    PhoneNumber,
};
#[cfg(feature = "serde")]
use apkalpe_core::{IdentifierScheme, PartyIdentifier, PartyName};
use proptest::prelude::*;

/// Runs a snapshot assertion under its explicit `<subject>__<case>` name (no module prefix).
fn snapshot(assertion: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(assertion);
}

fn riga_input() -> AddressInput {
    AddressInput {
        lines: vec!["Brīvības iela 1".into(), "k-2, dz. 5".into()],
        city: "Rīga".into(),
        postal_code: Some("LV-1010".into()),
        region: None,
        country: "LV".into(),
    }
}

fn organisation_input() -> PartyInput {
    PartyInput {
        kind: "organisation".into(),
        name: " SIA \"Apkalpe\" ".into(),
        registration_number: Some("40003521600".into()),
        personal_code: None,
        vat_number: Some("LV 4000 3521 600".into()),
        iban: Some("LV80 BANK 0000 4351 9500 1".into()),
        address: riga_input(),
        email: Some("birojs@example.lv".into()),
        phone: Some("+371 6700-0000".into()),
        identifiers: vec![],
    }
}

fn identifier(scheme: Option<&str>, value: &str) -> PartyIdentifierInput {
    PartyIdentifierInput {
        scheme: scheme.map(str::to_owned),
        value: value.to_owned(),
    }
}

/// A Norwegian company: an address without a Latvian postal code, a VAT number outside the EU
/// and an organisation number under ICD 0192.
#[cfg(feature = "serde")]
fn norwegian_input() -> PartyInput {
    PartyInput {
        kind: "organisation".into(),
        name: "Fjord Handel AS".into(),
        address: AddressInput {
            lines: vec!["Karl Johans gate 1".into()],
            city: "Oslo".into(),
            postal_code: Some("0154".into()),
            region: None,
            country: "NO".into(),
        },
        identifiers: vec![
            identifier(Some("0192"), "974760673"),
            identifier(Some("vat"), " NO974760673MVA "),
        ],
        ..PartyInput::default()
    }
}

fn codes(error: &PartyError) -> Vec<(&str, &str)> {
    error
        .fields()
        .iter()
        .map(|field| (field.field(), field.code()))
        .collect()
}

#[test]
fn valid_input_gives_canonical_values() {
    let party = Party::try_from(organisation_input()).unwrap();
    assert_eq!(party.kind(), PartyKind::Organisation);
    assert_eq!(party.name(), "SIA \"Apkalpe\"");
    assert_eq!(party.vat_number().unwrap().as_str(), "LV40003521600");
    assert_eq!(party.iban().unwrap().as_str(), "LV80BANK0000435195001");
    assert_eq!(party.phone().unwrap().as_str(), "+37167000000");
    assert_eq!(party.address().lines(), ["Brīvības iela 1", "k-2, dz. 5"]);
    assert_eq!(party.address().country(), CountryCode::LV);
}

#[test]
fn every_invalid_field_is_reported_at_once() {
    let input = PartyInput {
        kind: "company".into(),
        name: "   ".into(),
        registration_number: Some("40003521601".into()),
        personal_code: Some("161175-19998".into()),
        vat_number: Some("LX123".into()),
        iban: Some("LV81BANK0000435195001".into()),
        address: AddressInput {
            lines: vec![],
            city: "Rīga".into(),
            postal_code: Some("1010".into()),
            region: None,
            country: "LV".into(),
        },
        email: Some("birojs(at)example.lv".into()),
        phone: Some("20000000".into()),
        identifiers: vec![identifier(Some("EIN"), "12-3456789")],
    };
    let error = Party::try_from(input).unwrap_err();
    assert_eq!(error.code(), "party.invalid");
    assert_eq!(
        codes(&error),
        [
            ("kind", "party.kind_unknown"),
            ("name", "text.blank"),
            ("registration_number", "registration_number.checksum"),
            ("personal_code", "personal_code.checksum"),
            ("vat_number", "vat_number.prefix"),
            ("iban", "iban.checksum"),
            ("address.lines", "address.no_street_line"),
            ("address.postal_code", "address.postal_code_format"),
            ("email", "email.format"),
            ("phone", "phone.country_code_missing"),
            ("identifiers[0].scheme", "party.identifier_scheme"),
        ]
    );
    // No message repeats the personal code.
    assert!(!error.to_string().contains("19998"), "{error}");
}

#[test]
fn kind_rules_are_checked_with_the_other_fields() {
    let input = PartyInput {
        kind: "person".into(),
        name: "Anna Bērziņa".into(),
        registration_number: Some("40003521600".into()),
        phone: Some("+371 2000 000".into()),
        ..organisation_input()
    };
    let error = Party::try_from(input).unwrap_err();
    assert_eq!(
        codes(&error),
        [
            ("phone", "phone.latvian_length"),
            (
                "registration_number",
                "party.registration_number_for_person"
            ),
        ]
    );
    let mismatch = PartyInput {
        vat_number: Some("LV40103471306".into()),
        ..organisation_input()
    };
    assert_eq!(
        codes(&Party::try_from(mismatch).unwrap_err()),
        [("vat_number", "party.vat_number_mismatch")]
    );
}

#[test]
fn blank_optional_fields_are_absent() {
    let input = PartyInput {
        registration_number: Some(" ".into()),
        vat_number: Some(String::new()),
        iban: None,
        email: Some("  ".into()),
        phone: Some(String::new()),
        ..organisation_input()
    };
    let party = Party::try_from(input).unwrap();
    assert!(party.registration_number().is_none());
    assert!(party.vat_number().is_none() && party.email().is_none() && party.phone().is_none());
}

#[test]
fn phone_cases() {
    let good = [
        ("+37120000000", "+37120000000"),
        ("+371 2000 0000", "+37120000000"),
        (" +371 (2000) 0000 ", "+37120000000"),
        ("+371-67-000-000", "+37167000000"),
        ("+44 20 7946 0000", "+442079460000"),
        ("+1 (202) 555-0100", "+12025550100"),
        ("+49 30 1", "+49301"),
    ];
    for (input, canonical) in good {
        match PhoneNumber::try_new(input) {
            Ok(phone) => assert_eq!(phone.as_str(), canonical, "{input}"),
            Err(error) => assert_eq!(error, ParsePhoneNumberError::Length { found: 5 }, "{input}"),
        }
    }
    let bad = [
        ("20000000", ParsePhoneNumberError::CountryCodeMissing),
        ("0037120000000", ParsePhoneNumberError::CountryCodeMissing),
        ("", ParsePhoneNumberError::Length { found: 0 }),
        ("+", ParsePhoneNumberError::Length { found: 0 }),
        ("+3712000", ParsePhoneNumberError::Length { found: 7 }),
        (
            "+1234567890123456",
            ParsePhoneNumberError::Length { found: 16 },
        ),
        ("+037120000000", ParsePhoneNumberError::LeadingZero),
        (
            "+371200000001",
            ParsePhoneNumberError::LatvianLength { found: 9 },
        ),
        (
            "+371 2000 0000 ext 5",
            ParsePhoneNumberError::Character {
                position: 15,
                found: 'e',
            },
        ),
        (
            "++37120000000",
            ParsePhoneNumberError::Character {
                position: 1,
                found: '+',
            },
        ),
        (
            "+371.2000.0000",
            ParsePhoneNumberError::Character {
                position: 4,
                found: '.',
            },
        ),
    ];
    for (input, expected) in bad {
        assert_eq!(PhoneNumber::try_new(input), Err(expected), "{input:?}");
    }
}

#[test]
fn email_cases() {
    for good in [
        "birojs@example.lv",
        "anna.berzina+rekini@example.co.uk",
        " a@b.lv ",
        "birojs@ēpasts.lv",
        "x@[192.0.2.1]",
        "x@[2001:db8::1]",
        "a-b@x-y.lv",
    ] {
        assert!(EmailAddress::try_new(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "birojs",
        "birojs@",
        "@example.lv",
        "a b@example.lv",
        "a@@example.lv",
        "a@-x.lv",
        "a@x-.lv",
        "a@x..lv",
        "a@[300.0.0.1]",
        "ā@example.lv",
        "a@ex ample.lv",
    ] {
        assert_eq!(
            EmailAddress::try_new(bad),
            Err(ParseEmailAddressError::Format),
            "{bad:?}"
        );
    }
    let long = format!("{}@example.lv", "a".repeat(250));
    assert_eq!(
        EmailAddress::try_new(&long),
        Err(ParseEmailAddressError::TooLong {
            max: 254,
            found: 261
        })
    );
}

#[test]
fn postal_code_cases() {
    let address = |postal_code: &str, country: &str| {
        Address::try_from(AddressInput {
            postal_code: Some(postal_code.into()),
            country: country.into(),
            ..riga_input()
        })
    };
    assert_eq!(
        address("LV-1010", "LV").unwrap().postal_code(),
        Some("LV-1010")
    );
    assert_eq!(address("10117", "EE").unwrap().postal_code(), Some("10117"));
    for bad in ["1010", "LV1010", "LV 1010", "lv-1010", "LV-10a0"] {
        let error = address(bad, "LV").unwrap_err();
        assert_eq!(
            codes(&error),
            [("postal_code", "address.postal_code_format")],
            "{bad}"
        );
        assert_eq!(
            error.fields()[0].message(),
            "latvian postal code must be written LV-NNNN, as LV-1010"
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn serialised_party_snapshot_and_round_trip() {
    let party = Party::try_from(organisation_input()).unwrap();
    let json = serde_json::to_value(&party).unwrap();
    assert_eq!(json["vat_number"], "LV40003521600");
    snapshot(|| insta::assert_json_snapshot!("party__organisation", party));

    let back: Party = serde_json::from_value(json).unwrap();
    assert_eq!(back, party);

    let person = Party::person(
        PartyName::try_new("Anna Bērziņa").unwrap(),
        Address::try_new(
            "Rīgas iela 5-12",
            "Valmiera",
            Some("LV-4201"),
            CountryCode::LV,
        )
        .unwrap(),
    )
    .try_with_personal_code("16117519997".parse().unwrap())
    .unwrap()
    .with_email("anna@example.lv".parse().unwrap());
    let json = serde_json::to_string(&person).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"person","name":"Anna Bērziņa","personal_code":"161175-19997","address":{"lines":["Rīgas iela 5-12"],"city":"Valmiera","postal_code":"LV-4201","country":"LV"},"email":"anna@example.lv"}"#
    );
    assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), person);
    assert!(!format!("{person:?}").contains("19997"));
}

#[cfg(feature = "serde")]
#[test]
fn foreign_identifiers_are_kept_as_given() {
    let party = Party::try_from(norwegian_input()).unwrap();
    let kept: Vec<(Option<IdentifierScheme>, &str)> = party
        .identifiers()
        .iter()
        .map(|id| (id.scheme(), id.value()))
        .collect();
    // VAT first, then by code; values as given (trimmed), no Latvian format forced on them.
    assert_eq!(
        kept,
        [
            (Some(IdentifierScheme::VAT), "NO974760673MVA"),
            (
                Some(IdentifierScheme::try_from_code(192).unwrap()),
                "974760673"
            ),
        ]
    );
    assert_eq!(party.vat_identifier(), Some("NO974760673MVA"));
    assert!(party.vat_number().is_none() && party.registration_number().is_none());
    snapshot(|| insta::assert_json_snapshot!("party__foreign_organisation", party));
    let json = serde_json::to_string(&party).unwrap();
    assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), party);

    // A US company: an employer identification number under EAS 9959, and one without a
    // scheme; any text is kept.
    let us = PartyInput {
        name: "Acme Tools Inc.".into(),
        address: AddressInput {
            lines: vec!["1 Main Street".into()],
            city: "Springfield".into(),
            postal_code: Some("62701".into()),
            region: Some("IL".into()),
            country: "US".into(),
        },
        identifiers: vec![
            identifier(Some("9959"), "12-3456789"),
            identifier(None, "Delaware 1234567"),
        ],
        ..norwegian_input()
    };
    let us = Party::try_from(us).unwrap();
    assert_eq!(us.identifiers()[1].scheme(), None);
    assert_eq!(us.vat_identifier(), None);
}

#[test]
fn latvian_and_eu_identifiers_follow_their_rules() {
    // Given as identifiers, a Latvian registration number and an EU VAT number land in their
    // own fields, with their rules, and serialise as any party's do.
    let input = PartyInput {
        registration_number: None,
        vat_number: None,
        identifiers: vec![
            identifier(Some("0218"), "40003521600"),
            identifier(Some("9939"), "LV 4000 3521 600"),
        ],
        ..organisation_input()
    };
    let routed = Party::try_from(input).unwrap();
    assert_eq!(routed, Party::try_from(organisation_input()).unwrap());
    assert!(routed.identifiers().is_empty());
    // The same one twice is one; a different one of the scheme is refused.
    let twice = PartyInput {
        identifiers: vec![identifier(Some("VAT"), "LV40003521600")],
        ..organisation_input()
    };
    assert!(Party::try_from(twice).is_ok());
    let cases = [
        (
            identifier(Some("0218"), "40003521601"),
            ("identifiers[0].value", "registration_number.checksum"),
        ),
        (
            identifier(Some("VAT"), "DE13669597"),
            ("identifiers[0].value", "vat_number.length"),
        ),
        (
            identifier(Some("9939"), "EE100247019"),
            ("identifiers[0].value", "party.identifier_scheme_mismatch"),
        ),
        (
            identifier(Some("VAT"), "974760673MVA"),
            ("identifiers[0].value", "party.identifier_vat_prefix"),
        ),
        (
            identifier(Some("VAT"), "no974760673MVA"),
            ("identifiers[0].value", "party.identifier_vat_prefix"),
        ),
        (
            identifier(Some("EIN"), "12-3456789"),
            ("identifiers[0].scheme", "party.identifier_scheme"),
        ),
        (
            identifier(Some("0192"), " "),
            ("identifiers[0].value", "text.blank"),
        ),
        (
            identifier(Some("0218"), "40103471306"),
            ("identifiers[0]", "party.identifier_repeated"),
        ),
        (
            identifier(Some("VAT"), "NO974760673MVA"),
            ("identifiers[0]", "party.identifier_repeated"),
        ),
    ];
    for (entry, expected) in cases {
        let input = PartyInput {
            identifiers: vec![entry.clone()],
            ..organisation_input()
        };
        let error = Party::try_from(input).unwrap_err();
        assert_eq!(codes(&error), [expected], "{entry:?}");
    }
    // A person's Latvian registration number is refused however it is given.
    let person = PartyInput {
        kind: "person".into(),
        registration_number: None,
        vat_number: None,
        identifiers: vec![identifier(Some("0218"), "40003521600")],
        ..organisation_input()
    };
    assert_eq!(
        codes(&Party::try_from(person).unwrap_err()),
        [(
            "registration_number",
            "party.registration_number_for_person"
        )]
    );
}

#[cfg(feature = "serde")]
#[test]
fn builders_keep_one_vat_number() {
    let norwegian = Party::try_from(norwegian_input()).unwrap();
    let estonian_vat = norwegian
        .clone()
        .try_with_vat_number("EE100247019".parse().unwrap())
        .unwrap_err();
    assert_eq!(
        codes(&estonian_vat),
        [("identifiers", "party.identifier_repeated")]
    );
    let via_identifier = norwegian
        .clone()
        .try_with_identifier(
            PartyIdentifier::try_new(Some(IdentifierScheme::VAT), "EE100247019").unwrap(),
        )
        .unwrap_err();
    assert_eq!(
        codes(&via_identifier),
        [("identifiers", "party.identifier_repeated")]
    );
    // Adding what the party has changes nothing.
    let same = norwegian
        .clone()
        .try_with_identifier(
            PartyIdentifier::try_new(Some("0192".parse().unwrap()), "974760673").unwrap(),
        )
        .unwrap();
    assert_eq!(same, norwegian);
    let scheme_error = "EIN".parse::<IdentifierScheme>().unwrap_err();
    assert_eq!(
        codes(&scheme_error),
        [("scheme", "party.identifier_scheme")]
    );
    assert_eq!(
        serde_json::to_string(&IdentifierScheme::try_from_code(9).unwrap()).unwrap(),
        "\"0009\""
    );
    assert!(serde_json::from_str::<PartyIdentifier>(r#"{"scheme":"0218","value":"1"}"#).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn deserialising_checks_again() {
    let mut json = serde_json::to_value(Party::try_from(organisation_input()).unwrap()).unwrap();
    json["address"]["postal_code"] = "1010".into();
    let error = serde_json::from_value::<Party>(json.clone()).unwrap_err();
    assert!(error.to_string().contains("address.postal_code"), "{error}");
    json["address"]["postal_code"] = "LV-1010".into();
    json["nickname"] = "x".into();
    assert!(serde_json::from_value::<Party>(json).is_err());
    assert!(serde_json::from_str::<PhoneNumber>("\"20000000\"").is_err());
    assert!(serde_json::from_str::<EmailAddress>("\"a@b.lv\"").is_ok());
}

#[test]
fn error_catalogue() {
    let phone = [
        "+371 2000 0000 ext",
        "20000000",
        "+3712000",
        "+037120000000",
        "+371200000001",
    ]
    .map(|text| PhoneNumber::try_new(text).unwrap_err());
    let email = ["birojs", &format!("{}@example.lv", "a".repeat(250))]
        .map(|text| EmailAddress::try_new(text).unwrap_err());
    let bad = PartyInput {
        kind: "company".into(),
        name: "a\u{0}".into(),
        personal_code: Some("161175-19997".into()),
        vat_number: Some("LV16117519997".into()),
        address: AddressInput {
            lines: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            city: "x".repeat(101),
            postal_code: None,
            region: Some(" ".into()),
            country: "LV".into(),
        },
        ..organisation_input()
    };
    let person = PartyInput {
        kind: "person".into(),
        name: String::new(),
        ..organisation_input()
    };
    let mismatch = PartyInput {
        vat_number: Some("LV40103471306".into()),
        ..organisation_input()
    };
    let no_lines = PartyInput {
        address: AddressInput {
            lines: vec![],
            ..riga_input()
        },
        ..organisation_input()
    };
    let organisation_with_code = PartyInput {
        personal_code: Some("161175-19997".into()),
        vat_number: Some("LV16117519997".into()),
        ..organisation_input()
    };
    let foreign = PartyInput {
        identifiers: vec![
            identifier(Some("EIN"), "1"),
            identifier(Some("VAT"), "974760673MVA"),
            identifier(Some("9939"), "EE100247019"),
            identifier(Some("VAT"), "NO974760673MVA"),
        ],
        ..organisation_input()
    };
    let party_errors = [
        bad,
        person,
        mismatch,
        no_lines,
        organisation_with_code,
        foreign,
    ]
    .map(|input| Party::try_from(input).unwrap_err());
    let mut lines: Vec<String> = Vec::new();
    lines.extend(
        phone
            .iter()
            .map(|error| format!("{}\t{error}", error.code())),
    );
    lines.extend(
        email
            .iter()
            .map(|error| format!("{}\t{error}", error.code())),
    );
    lines.push(format!("{}\t{}", party_errors[0].code(), party_errors[0]));
    for error in &party_errors {
        lines.extend(
            error
                .fields()
                .iter()
                .filter(|field| {
                    field.code().starts_with("party.")
                        || field.code().starts_with("text.")
                        || field.code().starts_with("address.")
                })
                .map(|field| format!("{}\t{field}", field.code())),
        );
    }
    lines.sort();
    lines.dedup_by(|a, b| a.split('\t').next() == b.split('\t').next());
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("party.vat_number_mismatch\t"))
    );
    assert!(!lines.concat().contains("19997"));
    snapshot(|| insta::assert_snapshot!("party__error_catalogue", lines.join("\n")));
}

proptest! {
    #[test]
    fn phone_parse_never_panics_and_round_trips(text in any::<String>()) {
        if let Ok(phone) = PhoneNumber::try_new(&text) {
            prop_assert_eq!(PhoneNumber::try_new(phone.as_str()), Ok(phone.clone()));
        }
    }

    #[test]
    fn phone_shaped_text_round_trips(text in "\\+?[0-9 ()-]{0,20}") {
        if let Ok(phone) = PhoneNumber::try_new(&text) {
            prop_assert!(phone.as_str().starts_with('+'));
            prop_assert_eq!(PhoneNumber::try_new(phone.as_str()), Ok(phone.clone()));
        }
    }

    /// The hand-written rule gives the `validator` crate's answer on every ASCII address
    /// (the rule it replaced in core): an oracle over shapes near the boundaries.
    #[test]
    fn email_rule_agrees_with_validator_on_ascii(
        text in prop_oneof![
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~ @\\[\\]:\"(),;<>-]{0,30}",
            "[a-z0-9.+_-]{0,70}@[a-z0-9.-]{0,70}",
            "[a-z]{1,5}@([a-z0-9-]{0,64}\\.){0,4}[a-z0-9-]{0,64}",
            "[a-z]{1,5}@\\[[0-9a-f:.]{0,40}\\]",
        ]
    ) {
        use validator::ValidateEmail;
        let ours = EmailAddress::try_new(&text).is_ok();
        let trimmed = text.trim();
        let theirs = trimmed.chars().count() <= 254 && trimmed.validate_email();
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }

    #[test]
    fn email_parse_never_panics(text in any::<String>()) {
        if let Ok(email) = EmailAddress::try_new(&text) {
            prop_assert_eq!(EmailAddress::try_new(email.as_str()), Ok(email.clone()));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn party_input_never_panics_and_valid_parties_round_trip(
        kind in prop_oneof![Just("organisation".to_owned()), Just("person".to_owned()), any::<String>()],
        name in any::<String>(),
        ids in prop::collection::vec(prop::option::of("[0-9A-Z -]{0,14}"), 5),
        lines in prop::collection::vec(any::<String>(), 0..5),
        postal_code in prop::option::of(prop_oneof![Just("LV-1010".to_owned()), any::<String>()]),
        country in prop_oneof![Just("LV".to_owned()), Just("EE".to_owned()), any::<String>()],
        email in prop::option::of(any::<String>()),
        identifiers in prop::collection::vec(
            (
                prop::option::of(prop_oneof![
                    Just("VAT".to_owned()), Just("0218".to_owned()), Just("0192".to_owned()),
                    Just("9939".to_owned()), Just("9959".to_owned()), "[0-9A-Za-z ]{0,5}",
                ]),
                prop_oneof![
                    Just("40003521600".to_owned()), Just("LV40003521600".to_owned()),
                    Just("NO974760673MVA".to_owned()), Just("DE136695976".to_owned()),
                    "[0-9A-Z -]{0,14}", any::<String>(),
                ],
            ),
            0..4,
        ),
    ) {
        let input = PartyInput {
            kind,
            name,
            registration_number: ids[0].clone(),
            personal_code: ids[1].clone(),
            vat_number: ids[2].clone(),
            iban: ids[3].clone(),
            address: AddressInput { lines, city: "Rīga".into(), postal_code, region: None, country },
            email,
            phone: ids[4].clone(),
            identifiers: identifiers
                .into_iter()
                .map(|(scheme, value)| PartyIdentifierInput { scheme, value })
                .collect(),
        };
        match Party::try_from(input) {
            Ok(party) => {
                let json = serde_json::to_string(&party).unwrap();
                prop_assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), party);
            }
            Err(error) => prop_assert!(!error.fields().is_empty()),
        }
    }
}
