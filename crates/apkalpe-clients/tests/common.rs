//! Fixtures and proptest strategies shared by the test modules.

use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Organisation, Person, StaffMember};
use apkalpe_core::{Address, CountryCode, EmailAddress, PersonalCode, PhoneNumber};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn id(n: u128) -> ClientId {
    ClientId::new(Uuid::from_u128(n))
}

pub fn staff() -> StaffMember {
    StaffMember::try_new("Ilze Kalniņa").unwrap()
}

pub fn anna() -> ClientDetails {
    ClientDetails::person(
        Person::try_new("Anna", "Bērziņa")
            .unwrap()
            .with_personal_code(PersonalCode::try_new("161175-19997").unwrap()),
    )
    .with_email(EmailAddress::try_new("anna.berzina@example.lv").unwrap())
    .with_phone(PhoneNumber::try_new("+371 2000 0001").unwrap())
    .with_address(
        Address::try_new(
            "Brīvības iela 1-5",
            "Rīga",
            Some("LV-1010"),
            CountryCode::LV,
        )
        .unwrap(),
    )
}

pub fn company(name: &str) -> Organisation {
    Organisation::try_new(name).unwrap()
}

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

pub fn registry_with_anna() -> (ClientRegistry, ClientId) {
    let mut registry = ClientRegistry::new();
    let client = registry.register(id(1), anna(), at(27, 9)).unwrap().id();
    (registry, client)
}

/// Latvian given and family names with diacritics.
pub const GIVEN: [&str; 8] = [
    "Anna", "Jānis", "Līga", "Māris", "Ķirsis", "Žanete", "Ģirts", "Ņina",
];
pub const FAMILY: [&str; 8] = [
    "Bērziņa",
    "Ozoliņš",
    "Kalniņa",
    "Šķēle",
    "Ūdre",
    "Čakste",
    "Ļaviņa",
    "Zīle",
];

/// A person's name pair, with diacritics.
pub fn latvian_name() -> impl Strategy<Value = (String, String)> {
    (
        proptest::sample::select(GIVEN.to_vec()),
        proptest::sample::select(FAMILY.to_vec()),
        0_u32..1000,
    )
        .prop_map(|(given, family, n)| (given.to_owned(), format!("{family}{}", suffix(n))))
}

/// A letter suffix that keeps names distinct without digits.
fn suffix(n: u32) -> String {
    let letters = ['a', 'ā', 'b', 'c', 'č', 'd', 'e', 'ē', 'f', 'g'];
    let mut text = String::new();
    let mut n = n;
    loop {
        text.push(letters[(n % 10) as usize]);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    text
}
