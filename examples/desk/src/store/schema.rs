//! The schema and its migrations: every table of the desk's database, versioned.
//!
//! Each backend lists its steps ([`super::sqlite::MIGRATIONS`],
//! [`super::postgres::MIGRATIONS`]): the same tables step for step, in each database's own
//! types. `schema_version` records the steps applied, so opening a database twice changes
//! nothing and a database made by a newer `desk` is refused rather than misread. A released
//! step is never edited; a change is a new step, in both lists.

use super::sql::{Backend, Begin, Db, params};
use super::{StoreError, postgres, sqlite};

/// The first schema version with snapshots and the history's data columns: a database
/// migrated from an older one fills them by replaying its journal once.
pub(super) const HISTORY_VERSION: i64 = 6;

/// The steps of `db`'s backend.
pub(super) fn migrations(db: &Db) -> &'static [(i64, &'static str)] {
    match db.backend() {
        Backend::Sqlite => sqlite::MIGRATIONS,
        Backend::Postgres => postgres::MIGRATIONS,
    }
}

/// The schema version this `desk` knows (the last step of its backend's list).
pub(super) fn known(db: &Db) -> i64 {
    migrations(db).last().map_or(0, |(version, _)| *version)
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
    for (version, sql) in migrations(db) {
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
        if current >= *version {
            continue;
        }
        transaction.batch("migrating the schema", sql)?;
        transaction.execute(
            "recording the schema version",
            "INSERT INTO schema_version (version) VALUES (?1)",
            params![*version],
        )?;
        transaction.commit()?;
    }
    Ok(before)
}
