//! The SQLite backend: an embedded database file (`--db desk.db`), or one in memory. Everything
//! that is SQLite's own is here: the connection's settings, the schema's migrations in
//! SQLite's types, the write lock, what its errors mean, creating a file from memory, and what
//! an erasure does to the file.
//!
//! - The database is in write-ahead-log mode: readers never block a writer, and a writer waits
//!   for another writer at most [`BUSY_TIMEOUT_MS`] before it gives up with
//!   [`StoreError::Locked`]. A write transaction is `BEGIN IMMEDIATE`: it takes the write lock
//!   at once, so desks on one file take turns.
//! - Deleted content is overwritten with zeros (`secure_delete`), and after an erasure the
//!   write-ahead log is emptied into the database and truncated, so no page image of an
//!   erased value stays in either file.
//! - A new database is kept in memory until its first operation succeeds, then written to
//!   its file with `VACUUM INTO`: a refused command leaves no file behind.

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode};

use super::sql::{Begin, Cell, Inserted, Param, Row};
use super::{BUSY_TIMEOUT_MS, Durability, StoreError};

/// The table of applied migrations, created before the first.
pub(super) const SCHEMA_VERSION_TABLE: &str =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)";

/// Counts the `schema_version` tables (0 or 1): whether the database holds a desk yet.
pub(super) const SCHEMA_VERSION_EXISTS: &str =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

/// Wraps a SQLite error with what the store was doing; a lock held too long by another
/// desk is [`StoreError::Locked`].
pub(super) fn sqlite(action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| match &error {
        rusqlite::Error::SqliteFailure(failure, _)
            if matches!(
                failure.code,
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked
            ) =>
        {
            StoreError::Locked {
                action,
                waited_ms: BUSY_TIMEOUT_MS,
            }
        }
        _ => StoreError::Sqlite {
            action,
            message: error.to_string(),
        },
    }
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Param::Int(value) => ToSqlOutput::from(*value),
            Param::Text(value) => ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes())),
            Param::NullInt | Param::NullText => ToSqlOutput::from(rusqlite::types::Null),
        })
    }
}

/// One value read back; SQLite's real and blob values are not ones the store writes.
fn cell(value: ValueRef<'_>) -> Result<Cell, rusqlite::Error> {
    Ok(match value {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(value) => Cell::Int(value),
        ValueRef::Text(_) => Cell::Text(value.as_str()?.to_owned()),
        ValueRef::Real(_) | ValueRef::Blob(_) => {
            return Err(rusqlite::Error::InvalidColumnType(
                0,
                "a real or a blob".into(),
                value.data_type(),
            ));
        }
    })
}

/// An open SQLite database with the store's settings.
#[derive(Debug)]
pub(crate) struct Sqlite {
    connection: Connection,
}

impl Sqlite {
    /// Opens the file at `path` with the store's settings: write-ahead log, the bounded
    /// wait for the write lock, `durability`, foreign keys and secure delete.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`] when the file cannot be opened or is not a database.
    pub(super) fn open(path: &Path, durability: Durability) -> Result<Sqlite, StoreError> {
        let connection = Connection::open(path).map_err(sqlite("opening the file"))?;
        connection
            .busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))
            .map_err(sqlite("setting the lock timeout"))?;
        // Write-ahead log: readers never block the writer, and the writer never blocks them.
        let mode: String = connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(sqlite("choosing the journal mode"))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite {
                action: "choosing the journal mode",
                message: format!("the database stays in {mode} mode"),
            });
        }
        let synchronous = match durability {
            Durability::Full => "FULL",
            Durability::Process => "NORMAL",
        };
        connection
            .pragma_update(None, "synchronous", synchronous)
            .map_err(sqlite("choosing the durability"))?;
        Sqlite::with_connection(connection)
    }

    /// An empty database in memory.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`].
    pub(super) fn in_memory() -> Result<Sqlite, StoreError> {
        let connection = Connection::open_in_memory().map_err(sqlite("opening memory"))?;
        Sqlite::with_connection(connection)
    }

    fn with_connection(connection: Connection) -> Result<Sqlite, StoreError> {
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite("enabling foreign keys"))?;
        // Deleted content is overwritten with zeros: an erased value leaves no bytes behind.
        connection
            .pragma_update(None, "secure_delete", true)
            .map_err(sqlite("enabling secure delete"))?;
        Ok(Sqlite { connection })
    }

    pub(super) fn execute(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<u64, StoreError> {
        self.connection
            .prepare_cached(sql)
            .and_then(|mut statement| statement.execute(rusqlite::params_from_iter(params)))
            .map(|changed| u64::try_from(changed).unwrap_or(u64::MAX))
            .map_err(sqlite(action))
    }

    pub(super) fn insert(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Inserted, StoreError> {
        let inserted = self
            .connection
            .prepare_cached(sql)
            .and_then(|mut statement| statement.execute(rusqlite::params_from_iter(params)));
        match inserted {
            Ok(_) => Ok(Inserted::Stored),
            Err(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == ErrorCode::ConstraintViolation
                    && matches!(
                        failure.extended_code,
                        rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                            | rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    ) =>
            {
                Ok(Inserted::Conflict)
            }
            Err(error) => Err(sqlite(action)(error)),
        }
    }

    pub(super) fn for_each(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut statement = self
            .connection
            .prepare_cached(sql)
            .map_err(sqlite(action))?;
        let columns = statement.column_count();
        let mut rows = statement
            .query(rusqlite::params_from_iter(params))
            .map_err(sqlite(action))?;
        while let Some(row) = rows.next().map_err(sqlite(action))? {
            let cells = (0..columns)
                .map(|index| row.get_ref(index).and_then(cell))
                .collect::<Result<Vec<_>, _>>()
                .map_err(sqlite(action))?;
            each(Row(cells))?;
        }
        Ok(())
    }

    pub(super) fn batch(&self, action: &'static str, sql: &str) -> Result<(), StoreError> {
        self.connection.execute_batch(sql).map_err(sqlite(action))
    }

    pub(super) fn begin(&self, purpose: Begin) -> Result<(), StoreError> {
        match purpose {
            // IMMEDIATE takes the write lock now, so desks on one file take turns.
            Begin::Write => self.batch("starting a transaction", "BEGIN IMMEDIATE"),
            Begin::Read => self.batch("starting a transaction", "BEGIN"),
        }
    }

    /// Writes the database (kept in memory so far) to a new file at `path`, and returns
    /// the file opened with the store's settings. The file is written beside `path` under
    /// another name and then linked to `path`, which fails if `path` exists: another desk
    /// never sees a half-written file, and two desks creating one database at once never
    /// overwrite each other.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`], e.g. when the file exists already (another desk created it).
    pub(super) fn persist(
        &self,
        path: &Path,
        durability: Durability,
    ) -> Result<Sqlite, StoreError> {
        let mut partial = path.as_os_str().to_owned();
        partial.push(format!(".creating-{}", std::process::id()));
        let partial = std::path::PathBuf::from(partial);
        let _ = std::fs::remove_file(&partial);
        let created = self
            .connection
            .execute("VACUUM INTO ?1", [partial.to_string_lossy().as_ref()])
            .map_err(sqlite("creating the database file"))
            .and_then(|_| {
                std::fs::hard_link(&partial, path).map_err(|error| StoreError::Sqlite {
                    action: "creating the database file",
                    message: error.to_string(),
                })
            });
        let _ = std::fs::remove_file(&partial);
        created?;
        Sqlite::open(path, durability)
    }

    /// After an erasure has committed: the write-ahead log is emptied into the database and
    /// truncated, so no page image of what was just erased stays in the log file (the
    /// database's own pages were zeroed by `secure_delete`).
    ///
    /// # Errors
    ///
    /// [`StoreError::Locked`] when another desk is reading and the log cannot be emptied yet.
    pub(super) fn after_erasure(&self) -> Result<(), StoreError> {
        let busy: i64 = self
            .connection
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
            .map_err(sqlite("emptying the write-ahead log"))?;
        if busy != 0 {
            return Err(StoreError::Locked {
                action: "emptying the write-ahead log after an erasure (the erasure is \
                         committed; the log is emptied when the other desks close)",
                waited_ms: BUSY_TIMEOUT_MS,
            });
        }
        Ok(())
    }

    /// Rebuilds the file without free pages (after a migration that rewrote history).
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`].
    pub(super) fn compact(&self) -> Result<(), StoreError> {
        self.batch("compacting the database", "VACUUM")
    }
}
