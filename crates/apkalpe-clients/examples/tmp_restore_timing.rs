#![allow(clippy::unwrap_used)]
use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, Client};
use apkalpe_core::EmailAddress;
use chrono::{TimeZone, Utc};
fn main() {
    let phase = std::env::args().nth(1).unwrap_or_default();
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let given = ["Anna","Jānis","Līga","Māris","Ilze","Andris","Inese","Pēteris","Dace","Edgars","Kristīne","Guntis","Sanita","Raimonds","Žanete","Ģirts","Ņina","Ķirsis","Laura","Aivars"];
    let family = ["Bērziņa","Ozoliņš","Kalniņa","Šķēle","Ūdre","Čakste","Ļaviņa","Zīle","Liepa","Kļaviņš","Vītola","Krūmiņš","Balode","Jansons","Eglīte","Pētersons","Siliņa","Vanags","Strazdiņa","Zariņš","Lapiņa","Kārkliņš","Priede","Rozīte","Āboliņš"];
    let mut registry = ClientRegistry::new();
    for n in 0..10_000u32 {
        let details = ClientDetails::person(Person::try_new(given[(n % 20) as usize], family[((n / 20) % 25) as usize]).unwrap())
            .with_email(EmailAddress::try_new(&format!("client{n}@example.lv")).unwrap());
        registry.register(ClientId::from_u128(u128::from(n) + 1), details, at).unwrap();
    }
    let json = serde_json::to_string(&registry).unwrap();
    let only: Vec<&Client> = registry.clients().collect();
    let only = serde_json::to_string(&only).unwrap();
    let start = std::time::Instant::now();
    for _ in 0..20 {
        match phase.as_str() {
            "registry" => { let r: ClientRegistry = serde_json::from_str(&json).unwrap(); std::hint::black_box(r); }
            "clients" => { let r: Vec<Client> = serde_json::from_str(&only).unwrap(); std::hint::black_box(r); }
            "emails" => { for n in 0..10_000u32 { std::hint::black_box(EmailAddress::try_new(&format!("client{n}@example.lv")).unwrap()); } }
            "value" => { let r: serde_json::Value = serde_json::from_str(&json).unwrap(); std::hint::black_box(r); }
            "ser" => { std::hint::black_box(serde_json::to_string(&registry).unwrap()); }
            _ => {}
        }
    }
    eprintln!("{phase}: {:?} per run", start.elapsed() / 20);
}
