//! The schema and its migrations: every table of the desk's database, versioned.
//!
//! One list of steps serves both backends: each step is written once, with three marks for
//! what the two databases spell differently (`{int}`: SQLite's `INTEGER`, PostgreSQL's
//! `BIGINT`; `{id}`: a key the database numbers itself; `{rowid}`: the identity column
//! PostgreSQL's `documents` table needs where SQLite has its implicit `rowid`).
//! `schema_version` records the steps applied, so opening a database twice changes nothing and
//! a database made by a newer `desk` is refused rather than misread. A released step is never
//! edited (the snapshot test of both renderings holds it); a change is a new step.

use super::sql::{Backend, Begin, Db, params};
use super::{StoreError, postgres, sqlite};

/// The first schema version with snapshots and the history's data columns: a database
/// migrated from an older one fills them by replaying its journal once.
pub(super) const HISTORY_VERSION: i64 = 6;

/// The schema migrations, in order: `(version, SQL with the marks)`; see the module's notes.
const STEPS: &[(i64, &str)] = &[
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
             seq   {int} PRIMARY KEY,
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
             operation     {int} NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE cases (
             year       {int} NOT NULL,
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
             year       {int} NOT NULL,
             case_index TEXT NOT NULL,
             date       TEXT NOT NULL,
             text       TEXT,
             operation  {int} NOT NULL REFERENCES operations (seq),{rowid}
             FOREIGN KEY (year, case_index) REFERENCES cases (year, case_index)
         );
         CREATE TABLE shifts (
             number    {int} PRIMARY KEY,
             cashier   TEXT NOT NULL,
             opened_at TEXT NOT NULL,
             float     TEXT NOT NULL,
             closed_at TEXT,
             counted   TEXT,
             over_short TEXT,
             z_report  TEXT
         );
         CREATE TABLE receipts (
             number    {int} PRIMARY KEY,
             shift     {int} NOT NULL REFERENCES shifts (number),
             kind      TEXT NOT NULL,
             total     TEXT NOT NULL,
             text      TEXT NOT NULL,
             operation {int} NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE payments (
             id        {id},
             method    TEXT NOT NULL,
             amount    TEXT NOT NULL,
             reference TEXT NOT NULL,
             applies_to TEXT,
             operation {int} NOT NULL REFERENCES operations (seq)
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
             operation   {int} NOT NULL REFERENCES operations (seq)
         );
         CREATE TABLE orders (
             reference TEXT PRIMARY KEY,
             client    TEXT NOT NULL REFERENCES clients (id),
             carrier   TEXT NOT NULL,
             ready     TEXT NOT NULL,
             dispatch  TEXT NOT NULL,
             promised  TEXT NOT NULL,
             operation {int} NOT NULL REFERENCES operations (seq)
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
             operation {int} NOT NULL REFERENCES operations (seq)
         );",
    ),
    (
        5,
        "CREATE TABLE registrations (
             seq      {int} PRIMARY KEY REFERENCES operations (seq),
             client   TEXT NOT NULL,
             existing {int} NOT NULL
         );
         ALTER TABLE clients ADD COLUMN erased_at TEXT;",
    ),
    (
        6,
        "ALTER TABLE receipts ADD COLUMN data TEXT;
         ALTER TABLE issued_documents ADD COLUMN data TEXT;
         ALTER TABLE issued_documents ADD COLUMN credits TEXT;
         ALTER TABLE issued_documents ADD COLUMN operation {int};
         ALTER TABLE documents ADD COLUMN client TEXT;
         ALTER TABLE orders ADD COLUMN data TEXT;
         ALTER TABLE orders ADD COLUMN dispatched TEXT;
         ALTER TABLE orders ADD COLUMN dispatched_operation {int};
         CREATE INDEX documents_client ON documents (client) WHERE client IS NOT NULL;
         CREATE INDEX issued_documents_credits ON issued_documents (credits)
             WHERE credits IS NOT NULL;
         CREATE TABLE snapshots (
             seq    {int} PRIMARY KEY,
             at     TEXT NOT NULL,
             format {int} NOT NULL,
             state  TEXT NOT NULL,
             merges TEXT NOT NULL
         );
         CREATE TABLE snapshot_clients (
             id     TEXT PRIMARY KEY,
             record TEXT NOT NULL
         );",
    ),
    (
        7,
        "ALTER TABLE operations ADD COLUMN rules {int} NOT NULL DEFAULT 1;
         CREATE TABLE cash_operations (
             reference       TEXT PRIMARY KEY,
             date            TEXT NOT NULL,
             direction       TEXT NOT NULL,
             cash            TEXT NOT NULL,
             client          TEXT,
             taxpayer_number TEXT,
             taxpayer_name   TEXT,
             invoice         TEXT,
             declarable      {int} NOT NULL,
             operation       {int} NOT NULL REFERENCES operations (seq)
         );
         CREATE INDEX cash_operations_date ON cash_operations (date);",
    ),
];

/// The steps as `backend` spells them.
pub(super) fn migrations(backend: Backend) -> Vec<(i64, String)> {
    STEPS
        .iter()
        .map(|(version, sql)| (*version, spelled(sql, backend)))
        .collect()
}

/// `sql` with its marks spelled for `backend`.
fn spelled(sql: &str, backend: Backend) -> String {
    let (int, id, rowid) = match backend {
        Backend::Sqlite => ("INTEGER", "INTEGER PRIMARY KEY", ""),
        Backend::Postgres => (
            "BIGINT",
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            "\n             rowid      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,",
        ),
    };
    sql.replace("{int}", int)
        .replace("{id}", id)
        .replace("{rowid}", rowid)
}

/// The schema version this `desk` knows (the last step of the list).
pub(super) fn known(_db: &Db) -> i64 {
    STEPS.last().map_or(0, |(version, _)| *version)
}

/// The schema version of the database, read without taking the write lock: 0 for a new
/// database.
///
/// # Errors
///
/// The backend's [`StoreError`].
pub(super) fn current_version(db: &Db) -> Result<i64, StoreError> {
    let exists = match db.backend() {
        Backend::Sqlite => sqlite::SCHEMA_VERSION_EXISTS,
        Backend::Postgres => postgres::SCHEMA_VERSION_EXISTS,
    };
    if db.query_int("reading schema_version", exists, params![])? == 0 {
        return Ok(0);
    }
    db.query_int(
        "reading schema_version",
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        params![],
    )
}

/// Applies the migrations the database has not seen, each in its own write transaction
/// with its `schema_version` row, and returns the version the database had before. A
/// database that is up to date is only read: opening it never takes the write lock, so a
/// desk that only reads never makes another desk's write wait.
///
/// # Errors
///
/// [`StoreError::Migration`] for a database newer than this `desk`; the backend's error,
/// or [`StoreError::Locked`] when another desk holds the write lock too long.
pub(super) fn migrate(db: &Db) -> Result<i64, StoreError> {
    let known = known(db);
    let before = current_version(db)?;
    if before > known {
        return Err(StoreError::Migration {
            found: before,
            known,
        });
    }
    if before == known {
        return Ok(before);
    }
    let table = match db.backend() {
        Backend::Sqlite => sqlite::SCHEMA_VERSION_TABLE,
        Backend::Postgres => postgres::SCHEMA_VERSION_TABLE,
    };
    for (version, sql) in migrations(db.backend()) {
        let transaction = db.begin(Begin::Write)?;
        // Under the write lock: desks opening a new database at once create it once.
        transaction.batch("creating schema_version", table)?;
        let current = transaction.query_int(
            "reading schema_version",
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            params![],
        )?;
        if current > known {
            return Err(StoreError::Migration {
                found: current,
                known,
            });
        }
        if current >= version {
            continue;
        }
        transaction.batch("migrating the schema", &sql)?;
        transaction.execute(
            "recording the schema version",
            "INSERT INTO schema_version (version) VALUES (?1)",
            params![version],
        )?;
        transaction.commit()?;
    }
    Ok(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both backends' spelling of every step, pinned: a released step is never edited, and
    /// a new mark or a new step shows here for review.
    #[test]
    fn both_spellings_of_every_step_are_pinned() {
        let spell = |backend| {
            migrations(backend)
                .into_iter()
                .map(|(version, sql)| format!("-- step {version}\n{sql}\n"))
                .collect::<String>()
        };
        insta::assert_snapshot!("migrations_sqlite", spell(Backend::Sqlite));
        insta::assert_snapshot!("migrations_postgres", spell(Backend::Postgres));
    }

    #[test]
    fn no_mark_is_left_and_the_steps_count_up() {
        for backend in [Backend::Sqlite, Backend::Postgres] {
            let steps = migrations(backend);
            for (at, (version, sql)) in steps.iter().enumerate() {
                assert_eq!(*version, i64::try_from(at).unwrap() + 1);
                assert!(
                    !sql.contains('{') && !sql.contains('}'),
                    "step {version}: {sql}"
                );
            }
        }
        assert!(!spelled(STEPS[0].1, Backend::Postgres).contains("INTEGER"));
        assert!(!spelled(STEPS[0].1, Backend::Sqlite).contains("BIGINT"));
    }
}
