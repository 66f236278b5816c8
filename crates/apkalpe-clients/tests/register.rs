//! The commercial register: the sample file, look-ups, row errors, verification.

use apkalpe_clients::{
    ClientDetails, ClientRegistry, CompanyRegister, Discrepancy, EntityStatus, LegalForm,
    RegisterFile, check_number, verify,
};
use apkalpe_core::{RegistrationNumber, VatNumber};
use proptest::prelude::*;

use crate::common::{at, company, fixture, id};

fn sample() -> RegisterFile {
    let loaded = RegisterFile::from_reader(fixture("register.csv").as_bytes()).unwrap();
    assert!(loaded.row_errors().is_empty(), "{:?}", loaded.row_errors());
    loaded.into_register()
}

fn number(text: &str) -> RegistrationNumber {
    RegistrationNumber::try_new(text).unwrap()
}

#[test]
fn the_sample_file_loads_with_valid_numbers_and_quoted_names() {
    let register = sample();
    assert_eq!(register.len(), 15);
    let record = register.look_up(&number("40203990007")).unwrap().unwrap();
    assert_eq!(record.name(), "SIA \"Ziemeļu Rati\"");
    assert_eq!(record.name_in_quotes(), Some("Ziemeļu Rati"));
    assert_eq!(record.legal_form(), Some("SIA"));
    assert_eq!(record.status(), EntityStatus::Active);
    let liquidating = register.get(&number("40203990149")).unwrap();
    assert_eq!(liquidating.status(), EntityStatus::InLiquidation);
    let terminated = register.get(&number("40203990219")).unwrap();
    assert!(matches!(
        terminated.status(),
        EntityStatus::Terminated { .. }
    ));
    assert!(register.get(&number("40003521600")).is_none());
}

#[test]
fn bad_rows_are_listed_and_skipped() {
    let text = "regcode;name;type;registered;terminated;closed\n\
                40203990007;SIA \"A\";SIA;2004-05-12;;\n\
                40203990008;SIA \"B\";SIA;;;\n\
                40203990079;AS \"C\";AS;12.05.2004;;\n\
                40203990149;SIA \"D\";SIA\n\
                40203990007;SIA \"E\";SIA;;;\n";
    let loaded = RegisterFile::from_reader(text.as_bytes()).unwrap();
    let codes: Vec<(u64, &str)> = loaded
        .row_errors()
        .iter()
        .map(|error| (error.line(), error.code()))
        .collect();
    assert_eq!(
        codes,
        [
            (3, "register.row_registration_number"),
            (4, "register.row_date"),
            (5, "register.row_columns"),
            (6, "register.row_duplicate"),
        ]
    );
    assert_eq!(loaded.rows(), 5);
    assert_eq!(loaded.register().len(), 1);
    assert_eq!(
        loaded
            .register()
            .get(&number("40203990007"))
            .unwrap()
            .name(),
        "SIA \"A\""
    );
}

#[test]
fn verify_lists_every_discrepancy() {
    let register = sample();
    let mut registry = ClientRegistry::new();
    // Registered under the old name; the register now has "Jaunā Osta".
    let renamed = registry
        .register(
            id(1),
            ClientDetails::organisation(
                company("Vecā Osta")
                    .with_legal_form(LegalForm::try_new("AS").unwrap())
                    .with_registration_number(number("40203990280"))
                    .with_vat_number(VatNumber::try_new("LV40203990007").unwrap()),
            ),
            at(27, 9),
        )
        .unwrap()
        .id();
    let report = verify(registry.get(renamed).unwrap(), &register).unwrap();
    assert_eq!(
        report.discrepancies(),
        [
            Discrepancy::NameDiffers {
                client: "AS \"Vecā Osta\"".to_owned(),
                register: "SIA \"Jaunā Osta\"".to_owned()
            },
            Discrepancy::LegalFormDiffers {
                client: "AS".to_owned(),
                register: "SIA".to_owned()
            },
            Discrepancy::VatNumberMismatch {
                vat_number: "LV40203990007".to_owned(),
                registration_number: "40203990280".to_owned()
            },
        ]
    );
    insta::assert_snapshot!("register__verify_renamed", report.to_string());
    insta::assert_json_snapshot!("register__verify_renamed_json", report);
}

#[test]
fn verify_confirms_a_matching_client_and_flags_closed_ones() {
    let register = sample();
    let mut registry = ClientRegistry::new();
    let good = registry
        .register(
            id(1),
            ClientDetails::organisation(
                company("ziemelu rati")
                    .with_legal_form(LegalForm::try_new("SIA").unwrap())
                    .with_registration_number(number("40203990007"))
                    .with_vat_number(VatNumber::try_new("LV40203990007").unwrap()),
            ),
            at(27, 9),
        )
        .unwrap()
        .id();
    let report = verify(registry.get(good).unwrap(), &register).unwrap();
    assert!(report.is_confirmed(), "{report}");
    let closed = check_number(&number("40203990914"), &register).unwrap();
    insta::assert_snapshot!("register__check_terminated", closed.to_string());
    assert!(matches!(
        closed.discrepancies()[0],
        Discrepancy::Terminated { .. }
    ));
    let missing = check_number(&number("40003521600"), &register).unwrap();
    assert_eq!(missing.discrepancies(), [Discrepancy::NotFound]);
    let (person_registry, person) = crate::common::registry_with_anna();
    let report = verify(person_registry.get(person).unwrap(), &register).unwrap();
    assert_eq!(report.discrepancies(), [Discrepancy::NotAnOrganisation]);
}

proptest! {
    #[test]
    fn loading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut input = b"regcode;name;type;terminated;closed;registered\n".to_vec();
        input.extend(bytes);
        let _ = RegisterFile::from_reader(input.as_slice());
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in "[0-9;\"a-zA-Zā\\n-]{0,300}") {
        let _ = RegisterFile::from_reader(text.as_bytes());
    }
}
