//! `desk catalogue load`: a catalogue file becomes the catalogue of the desk's database, in
//! the journal and the `products` table; sales are priced and named from it.

use rusqlite::Connection;

use crate::{TempDir, desk};

const CATALOGUE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json"
);

fn products(db: &str) -> Vec<(String, String)> {
    let connection = Connection::open(db).unwrap();
    let mut statement = connection
        .prepare("SELECT sku, name FROM products ORDER BY sku")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_loaded_catalogue_names_and_prices_the_sales() {
    let dir = TempDir::new("catalogue-load");
    let db = dir.file("desk.db");
    assert_eq!(desk(&["day", "open", "--db", &db], "").code, 0);
    let loaded = desk(&["catalogue", "load", CATALOGUE, "--db", &db], "");
    assert_eq!(loaded.code, 0, "{}", loaded.stdout);
    assert!(
        loaded
            .stdout
            .contains(" products; 0 open reservations carried over."),
        "{}",
        loaded.stdout
    );
    let first = products(&db);
    assert!(first.len() > 20, "{first:?}");
    assert!(first.contains(&(
        "PAP-A4-80".to_owned(),
        "Kopēšanas papīrs A4, 80 g/m², 500 lapas".to_owned()
    )));

    // A new name in the file reaches the table and the next receipt.
    let text = std::fs::read_to_string(CATALOGUE).unwrap().replace(
        "Kopēšanas papīrs A4, 80 g/m², 500 lapas",
        "Papīrs A4 (jauns)",
    );
    let renamed = dir.file("renamed.json");
    std::fs::write(&renamed, text).unwrap();
    assert_eq!(
        desk(&["catalogue", "load", &renamed, "--db", &db], "").code,
        0
    );
    assert!(products(&db).contains(&("PAP-A4-80".to_owned(), "Papīrs A4 (jauns)".to_owned())));
    assert_eq!(
        desk(
            &[
                "shift",
                "open",
                "--cashier",
                "Ilze Kalna",
                "--float",
                "10x1,10x0.50,10x0.20,10x0.10,10x0.05,10x0.02,10x0.01",
                "--db",
                &db
            ],
            ""
        )
        .code,
        0
    );
    let sale = desk(&["sell", "PAP-A4-80", "--cash", "5", "--db", &db], "");
    assert_eq!(sale.code, 0, "{}", sale.stdout);
    assert!(sale.stdout.contains("Papīrs A4 (jauns)"), "{}", sale.stdout);

    // A broken file is refused and leaves the table as it was.
    let broken = dir.file("broken.json");
    std::fs::write(&broken, "{\"format\": \"apkalpe-catalogue/1\"").unwrap();
    let refused = desk(&["catalogue", "load", &broken, "--db", &db], "");
    assert_eq!(refused.code, 1);
    assert!(
        refused.stdout.starts_with("invalid\t"),
        "{}",
        refused.stdout
    );
    assert!(products(&db).contains(&("PAP-A4-80".to_owned(), "Papīrs A4 (jauns)".to_owned())));
}
