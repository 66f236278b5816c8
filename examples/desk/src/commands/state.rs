//! What the commands over the desk's database share: the `--db` option (an SQLite file or a
//! `postgres://` URL; `DESK_DB` gives its default), opening the store, applying ONE
//! operation, reading item lines and client ids from the command line, and printing the
//! errors of the store and the office as `invalid<TAB>code<TAB>message`.

use std::fmt;
use std::path::{Path, PathBuf};

use apkalpe_core::{Language, LocalizedError};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::invoice::report_error;
use crate::office::{ItemLine, OfficeError, Operation};
use crate::store::{Applied, Durability, Location, Store, StoreError};
use crate::{Context, Report};

/// The `--db` option of every command over the desk's state.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DbArg {
    /// The desk's database: an SQLite file, or a PostgreSQL database shared by many desks
    /// (postgres://user@host/database). A missing one (or one without the desk's tables) is
    /// created by the first command that changes something; a command that is refused
    /// leaves nothing behind.
    #[arg(long, env = "DESK_DB", default_value = "desk.db")]
    pub(crate) db: PathBuf,
}

/// Why a value given on the command line was refused, before the database was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum ArgError {
    /// An item is not `SKU` or `SKU:QUANTITY`.
    Item {
        /// The item as written.
        found: String,
    },
    /// A quantity is not a whole number from 1.
    Quantity {
        /// The item as written.
        found: String,
    },
    /// A client id is not a UUID.
    ClientId {
        /// The id as written.
        found: String,
    },
    /// A read-only command was pointed at a database that does not exist (a missing file,
    /// or a PostgreSQL database without the desk's tables).
    MissingDatabase {
        /// The path or URL given.
        path: PathBuf,
    },
}

impl ArgError {
    /// Returns the stable code: `item.format`, `item.quantity`, `client.id` or `db.missing`.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            ArgError::Item { .. } => "item.format",
            ArgError::Quantity { .. } => "item.quantity",
            ArgError::ClientId { .. } => "client.id",
            ArgError::MissingDatabase { .. } => "db.missing",
        }
    }
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Item { found } => {
                write!(
                    f,
                    "{found:?} is not SKU or SKU:QUANTITY (such as PAP-A4-80:2)"
                )
            }
            ArgError::Quantity { found } => write!(
                f,
                "{found:?}: the quantity is not a whole number of units from 1 (no sign or \
                 leading zero)"
            ),
            ArgError::ClientId { found } => write!(
                f,
                "{found:?} is not a client id (a UUID, as `desk client list` prints it)"
            ),
            ArgError::MissingDatabase { path } => {
                let location = Location::of(path);
                match location {
                    Location::File(_) => write!(
                        f,
                        "{location} does not exist; `desk day open --db {location}` creates it"
                    ),
                    Location::Postgres(_) => write!(
                        f,
                        "{location} holds no desk yet; `desk day open --db {location}` creates \
                         its tables"
                    ),
                }
            }
        }
    }
}

impl std::error::Error for ArgError {}

/// The refusals in Latvian (`desk --lang lv`).
impl LocalizedError for ArgError {
    fn code(&self) -> &'static str {
        ArgError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ArgError::Item { found } => write!(
                f,
                "{found:?} nav SKU vai SKU:DAUDZUMS (piemēram, PAP-A4-80:2)"
            ),
            ArgError::Quantity { found } => write!(
                f,
                "{found:?}: daudzums nav vesels vienību skaits no 1 (bez zīmes un sākuma nulles)"
            ),
            ArgError::ClientId { found } => write!(
                f,
                "{found:?} nav klienta identifikators (UUID, kā to izdrukā `desk client list`)"
            ),
            ArgError::MissingDatabase { path } => {
                let location = Location::of(path);
                match location {
                    Location::File(_) => write!(
                        f,
                        "{location} nav atrasts; `desk day open --db {location}` to izveido"
                    ),
                    Location::Postgres(_) => write!(
                        f,
                        "{location} vēl nav darba vietas; `desk day open --db {location}` \
                         izveido tās tabulas"
                    ),
                }
            }
        }
    }
}

/// Reads item lines `SKU[:QUANTITY]` (a bare SKU is one unit).
///
/// # Errors
///
/// [`ArgError::Item`] or [`ArgError::Quantity`] for the first item that is wrong.
pub(crate) fn parse_items(items: &[String]) -> Result<Vec<ItemLine>, ArgError> {
    items.iter().map(|item| parse_item(item)).collect()
}

fn parse_item(item: &str) -> Result<ItemLine, ArgError> {
    let (sku, quantity) = match item.split_once(':') {
        Some((sku, quantity)) => (sku, Some(quantity)),
        None => (item, None),
    };
    if sku.is_empty() || sku.chars().any(char::is_whitespace) {
        return Err(ArgError::Item {
            found: item.to_owned(),
        });
    }
    let quantity = match quantity {
        None => 1,
        Some(text) => {
            let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            match text.parse::<u32>() {
                Ok(quantity) if digits && quantity > 0 && !text.starts_with('0') => quantity,
                _ => {
                    return Err(ArgError::Quantity {
                        found: item.to_owned(),
                    });
                }
            }
        }
    };
    Ok(ItemLine {
        sku: sku.to_owned(),
        quantity,
    })
}

/// Reads a client id.
///
/// # Errors
///
/// [`ArgError::ClientId`] unless it is a UUID.
pub(crate) fn parse_client(text: &str) -> Result<Uuid, ArgError> {
    Uuid::parse_str(text.trim()).map_err(|_| ArgError::ClientId {
        found: text.to_owned(),
    })
}

/// Reports a refused command-line value.
pub(crate) fn refuse(error: &ArgError, report: &mut Report<'_>) {
    report.error(error);
}

/// Reports an error of the store or the office: one line, or one line per finding when the
/// accounting crate refused a document with a validation report.
pub(crate) fn fail(error: &StoreError, report: &mut Report<'_>) {
    match error {
        StoreError::Office(OfficeError::Accounting(error)) => report_error(error, report),
        error => report.error(error),
    }
}

/// Opens the database `db` names, a file or a `postgres://` URL (a missing one is created by
/// the first operation that succeeds), or reports why not.
pub(crate) fn open(db: &Path, report: &mut Report<'_>) -> Option<Store> {
    match Store::open_location(Location::of(db), Durability::Full) {
        Ok(store) => Some(store),
        Err(error) => {
            fail(&error, report);
            None
        }
    }
}

/// Opens an existing database for reading; a missing file (or a PostgreSQL database without
/// the desk's tables) is reported, not created.
pub(crate) fn open_existing(db: &Path, report: &mut Report<'_>) -> Option<Store> {
    let missing = || ArgError::MissingDatabase {
        path: db.to_owned(),
    };
    if let Location::File(path) = Location::of(db)
        && !path.exists()
    {
        refuse(&missing(), report);
        return None;
    }
    let store = open(db, report)?;
    if !store.exists() {
        refuse(&missing(), report);
        return None;
    }
    Some(store)
}

/// Applies ONE operation at `context.now` through the store (journal and projections in one
/// transaction), or reports why it was refused; then nothing was stored.
///
/// With [`Context::abort_before_commit`] set, the process aborts after every write of the
/// transaction and before its commit (the crash tests' fault injection).
pub(crate) fn apply(
    store: &mut Store,
    operation: &Operation,
    context: &Context,
    report: &mut Report<'_>,
) -> Option<Applied> {
    let abort = context.abort_before_commit;
    let applied = store.apply_then(operation, context.now, move |_| {
        if abort {
            std::process::abort();
        }
        Ok(())
    });
    match applied {
        Ok(applied) => Some(applied),
        Err(error) => {
            fail(&error, report);
            None
        }
    }
}

/// Prints a multi-line text (a receipt, an invoice, a report), one line each; in JSON mode it
/// is left to the command's own object.
pub(crate) fn print_block(text: &str, report: &mut Report<'_>) {
    if report.is_json() {
        return;
    }
    for line in text.lines() {
        report.text(line);
    }
}

/// Prints a multi-line text indented by two spaces (text mode only).
pub(crate) fn print_indented(text: &str, report: &mut Report<'_>) {
    if report.is_json() {
        return;
    }
    for line in text.lines() {
        report.text(&format!("  {line}"));
    }
}

/// Prints the summary of an applied operation: the `text` line and, in JSON mode, `object`
/// with the journal entry's number added as `journal_entry`.
pub(crate) fn summary(
    text: &str,
    object: Map<String, Value>,
    applied: &Applied,
    report: &mut Report<'_>,
) {
    if !report.is_json() {
        report.text(text);
    }
    finish(object, applied, report);
}

/// Ends the output of an applied operation: `Journal entry N.` in text, or in JSON mode
/// `object` with the journal entry's number added as `journal_entry`.
pub(crate) fn finish(mut object: Map<String, Value>, applied: &Applied, report: &mut Report<'_>) {
    if report.is_json() {
        object.insert("journal_entry".into(), applied.seq.into());
        report.record("", object);
    } else {
        report.text(&format!("Journal entry {}.", applied.seq));
    }
}

/// A JSON object from `(key, value)` pairs.
pub(crate) fn object<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_client_ids() {
        let items = parse_items(&["PAP-A4-80:2".into(), "PEN-BIC-BL".into()]).unwrap();
        assert_eq!(
            items,
            [
                ItemLine {
                    sku: "PAP-A4-80".into(),
                    quantity: 2
                },
                ItemLine {
                    sku: "PEN-BIC-BL".into(),
                    quantity: 1
                }
            ]
        );
        let code = |item: &str| parse_items(&[item.into()]).unwrap_err().code();
        assert_eq!(code(":2"), "item.format");
        assert_eq!(code(""), "item.format");
        assert_eq!(code("PAP A4:2"), "item.format");
        assert_eq!(code("PAP-A4-80:"), "item.quantity");
        assert_eq!(code("PAP-A4-80:0"), "item.quantity");
        assert_eq!(code("PAP-A4-80:02"), "item.quantity");
        assert_eq!(code("PAP-A4-80:-1"), "item.quantity");
        assert_eq!(code("PAP-A4-80:+1"), "item.quantity");
        assert_eq!(code("PAP-A4-80:1.5"), "item.quantity");
        assert_eq!(code("PAP-A4-80:4294967296"), "item.quantity");
        assert_eq!(
            parse_client("00000000-0000-0000-0000-0000c11e0001")
                .unwrap()
                .as_u128(),
            0xc11e_0001
        );
        assert_eq!(parse_client("c11e0001").unwrap_err().code(), "client.id");
    }

    proptest::proptest! {
        #[test]
        fn item_parsing_never_panics(item in "\\PC*") {
            let _ = parse_items(&[item]);
        }
    }
}
