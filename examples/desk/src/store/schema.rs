//! The schema and its migrations: every table of the desk's database, versioned.
//!
//! [`MIGRATIONS`] lists the steps; `schema_version` records the ones applied, so opening a
//! database twice changes nothing and a database made by a newer `desk` is refused rather
//! than misread. A released step is never edited; a change is a new step.

use rusqlite::{Connection, TransactionBehavior};

use super::{StoreError, sqlite};

/// The schema migrations, in order: `(version, SQL)`. A released step is never edited; a
/// change is a new step.
pub(super) const MIGRATIONS: &[(i64, &str)] = &[
    (
        1,
        "CREATE TABLE number_series (
             id    TEXT PRIMARY KEY,
             state TEXT NOT NULL
         );
         CREATE TABLE issued_documents (
             number     TEXT PRIMARY KEY,
             series_id  TEXT NOT NULL REFERENCES number_series (id),
             kind       TEXT NOT NULL,
             issue_date TEXT NOT NULL,
             ubl        TEXT NOT NULL,
             text       TEXT NOT NULL
         );",
    ),
    (
        2,
        "CREATE TABLE operations (
             seq   INTEGER PRIMARY KEY,
             at    TEXT NOT NULL,
             kind  TEXT NOT NULL,
             input TEXT NOT NULL
         );
         CREATE TABLE clients (
             id            TEXT PRIMARY KEY,
             kind          TEXT NOT NULL,
             name          TEXT NOT NULL,
             registration  TEXT,
             register_check TEXT,
             registered_at TEXT NOT NULL,
             operation     INTEGER NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE cases (
             year       INTEGER NOT NULL,
             case_index TEXT NOT NULL,
             title      TEXT NOT NULL,
             retention  TEXT NOT NULL,
             opened_on  TEXT NOT NULL,
             PRIMARY KEY (year, case_index)
         );
         CREATE TABLE documents (
             id         TEXT PRIMARY KEY,
             number     TEXT NOT NULL,
             kind       TEXT NOT NULL,
             year       INTEGER NOT NULL,
             case_index TEXT NOT NULL,
             date       TEXT NOT NULL,
             text       TEXT,
             operation  INTEGER NOT NULL REFERENCES operations (seq),
             FOREIGN KEY (year, case_index) REFERENCES cases (year, case_index)
         );
         CREATE TABLE shifts (
             number    INTEGER PRIMARY KEY,
             cashier   TEXT NOT NULL,
             opened_at TEXT NOT NULL,
             float     TEXT NOT NULL,
             closed_at TEXT,
             counted   TEXT,
             over_short TEXT,
             z_report  TEXT
         );
         CREATE TABLE receipts (
             number    INTEGER PRIMARY KEY,
             shift     INTEGER NOT NULL REFERENCES shifts (number),
             kind      TEXT NOT NULL,
             total     TEXT NOT NULL,
             text      TEXT NOT NULL,
             operation INTEGER NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE payments (
             id        INTEGER PRIMARY KEY,
             method    TEXT NOT NULL,
             amount    TEXT NOT NULL,
             reference TEXT NOT NULL,
             applies_to TEXT,
             operation INTEGER NOT NULL REFERENCES operations (seq)
         );",
    ),
    (
        3,
        "CREATE TABLE needs (
             id          TEXT PRIMARY KEY,
             client      TEXT NOT NULL REFERENCES clients (id),
             category    TEXT NOT NULL,
             quantity    TEXT,
             budget      TEXT,
             needed_by   TEXT,
             recorded_at TEXT NOT NULL,
             operation   INTEGER NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE orders (
             reference TEXT PRIMARY KEY,
             client    TEXT NOT NULL REFERENCES clients (id),
             carrier   TEXT NOT NULL,
             ready     TEXT NOT NULL,
             dispatch  TEXT NOT NULL,
             promised  TEXT NOT NULL,
             operation INTEGER NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE reservations (
             reference       TEXT PRIMARY KEY,
             order_reference TEXT NOT NULL REFERENCES orders (reference),
             sku             TEXT NOT NULL,
             quantity        TEXT NOT NULL,
             expires         TEXT NOT NULL
         );",
    ),
    (
        4,
        "CREATE TABLE products (
             sku       TEXT PRIMARY KEY,
             name      TEXT NOT NULL,
             kind      TEXT NOT NULL,
             unit      TEXT NOT NULL,
             vat_class TEXT NOT NULL,
             status    TEXT NOT NULL,
             category  TEXT NOT NULL,
             operation INTEGER NOT NULL REFERENCES operations (seq)
         );",
    ),
    (
        5,
        "CREATE TABLE registrations (
             seq      INTEGER PRIMARY KEY REFERENCES operations (seq),
             client   TEXT NOT NULL,
             existing INTEGER NOT NULL
         );
         ALTER TABLE clients ADD COLUMN erased_at TEXT;",
    ),
    (
        6,
        "ALTER TABLE receipts ADD COLUMN data TEXT;
         ALTER TABLE issued_documents ADD COLUMN data TEXT;
         ALTER TABLE issued_documents ADD COLUMN credits TEXT;
         ALTER TABLE issued_documents ADD COLUMN operation INTEGER;
         ALTER TABLE documents ADD COLUMN client TEXT;
         ALTER TABLE orders ADD COLUMN data TEXT;
         ALTER TABLE orders ADD COLUMN dispatched TEXT;
         ALTER TABLE orders ADD COLUMN dispatched_operation INTEGER;
         CREATE INDEX documents_client ON documents (client) WHERE client IS NOT NULL;
         CREATE INDEX issued_documents_credits ON issued_documents (credits)
             WHERE credits IS NOT NULL;
         CREATE TABLE snapshots (
             seq    INTEGER PRIMARY KEY,
             at     TEXT NOT NULL,
             format INTEGER NOT NULL,
             state  TEXT NOT NULL,
             merges TEXT NOT NULL
         );
         CREATE TABLE snapshot_clients (
             id     TEXT PRIMARY KEY,
             record TEXT NOT NULL
         );",
    ),
];

/// The first schema version with snapshots and the history's data columns: a database
/// migrated from an older one fills them by replaying its journal once.
pub(super) const HISTORY_VERSION: i64 = 6;

/// The schema version of the database, read without taking the write lock: 0 for a new
/// database.
pub(super) fn current_version(connection: &Connection) -> Result<i64, StoreError> {
    let exists: i64 = connection
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            [],
            |row| row.get(0),
        )
        .map_err(sqlite("reading schema_version"))?;
    if exists == 0 {
        return Ok(0);
    }
    connection
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            [],
            |row| row.get(0),
        )
        .map_err(sqlite("reading schema_version"))
}

/// Applies the migrations the database has not seen, each in its own transaction with its
/// `schema_version` row, and returns the version the database had before. A database that
/// is up to date is only read: opening it never takes the write lock, so a desk that only
/// reads never makes another desk's write wait.
pub(super) fn migrate(connection: &mut Connection) -> Result<i64, StoreError> {
    let known = MIGRATIONS.last().map_or(0, |(version, _)| *version);
    let before = current_version(connection)?;
    if before > known {
        return Err(StoreError::Migration {
            found: before,
            known,
        });
    }
    if before == known {
        return Ok(before);
    }
    connection
        .execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
        .map_err(sqlite("creating schema_version"))?;
    for (version, sql) in MIGRATIONS {
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite("starting a migration"))?;
        let current: i64 = transaction
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version",
                [],
                |row| row.get(0),
            )
            .map_err(sqlite("reading schema_version"))?;
        if current > known {
            return Err(StoreError::Migration {
                found: current,
                known,
            });
        }
        if current >= *version {
            continue;
        }
        transaction
            .execute_batch(sql)
            .map_err(sqlite("migrating the schema"))?;
        transaction
            .execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [version],
            )
            .map_err(sqlite("recording the schema version"))?;
        transaction
            .commit()
            .map_err(sqlite("committing a migration"))?;
    }
    Ok(before)
}
