//! The PostgreSQL backend: a database on a server (`--db postgres://…`), shared by many desks
//! on many machines. Everything that is PostgreSQL's own is here: the connection and its
//! settings, the schema's migrations in PostgreSQL's types, the write lock, what its errors
//! mean, and what an erasure does to the server's files.
//!
//! - **Taking turns.** A write transaction takes a transaction-scoped advisory lock
//!   (`pg_advisory_xact_lock`) first, so desks write one at a time, and the lock is released
//!   by the commit or the rollback, whatever happens to the desk. Then the desk catches up on
//!   what the others committed (the store's journal), so no number is issued twice and none
//!   is skipped. A desk waits for the lock at most [`BUSY_TIMEOUT_MS`] (`lock_timeout`), then
//!   gives up with [`StoreError::Locked`].
//! - **Readers never block writers.** A read takes no advisory lock and PostgreSQL's rows
//!   are versioned: a desk reading (`desk status`, opening from a snapshot, in one
//!   `REPEATABLE READ` transaction) never makes a writer wait, nor waits for one.
//! - **A lost connection** rolls back on the server whatever the transaction had written:
//!   the store says so with [`StoreError::ConnectionLost`]. Only when the connection drops
//!   while the commit itself is on its way can the desk not know whether it was stored.
//! - **Durability.** [`Durability::Full`] commits wait for the server's disk
//!   (`synchronous_commit = on`); [`Durability::Process`] (`desk simulate`) does not wait
//!   (`off`): a commit survives the desk being killed, and the server's last commits may be
//!   lost if the server itself crashes; its data is never corrupt.
//! - **Erasure.** Updated and deleted rows stay in the table's files as dead row versions
//!   until `VACUUM` removes them; after an erasure commits the store vacuums the tables it
//!   touched. Nothing erased is readable through SQL at any time. What PostgreSQL cannot
//!   promise is that no byte of it stays on the server's disk: the write-ahead log keeps the
//!   old values until its segments are recycled (and archives keep them for as long as they
//!   are kept), `VACUUM` frees space without overwriting it, and a row version still visible
//!   to another desk's open transaction is only removed by a later vacuum.
//! - **Types.** Every integer column is `BIGINT` (the one list of steps in `schema.rs` spells
//!   it so); `documents` has an identity column named `rowid` holding the order documents were
//!   filed in (SQLite's implicit `rowid`), so the store's queries read alike on both.

use std::cell::{Cell as Flag, RefCell, RefMut};
use std::collections::HashMap;
use std::fmt;

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls, Statement};

use super::sql::{Begin, Cell, Inserted, Param, Row, dollar_placeholders};
use super::{BUSY_TIMEOUT_MS, Durability, StoreError, Stored};

/// The table of applied migrations, created (under the write lock) before the first.
pub(super) const SCHEMA_VERSION_TABLE: &str =
    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY)";

/// Counts the `schema_version` tables of the connection's schema (0 or 1): whether the
/// database holds a desk yet.
pub(super) const SCHEMA_VERSION_EXISTS: &str = "SELECT COUNT(*) FROM pg_catalog.pg_tables
     WHERE schemaname = current_schema() AND tablename = 'schema_version'";

/// The advisory lock desks take turns with: one number for every desk of a database (the
/// bytes of "apkalpe!").
const WRITE_LOCK: i64 = 0x6170_6b61_6c70_6521;

/// The tables an erasure rewrites or deletes rows of, vacuumed after it commits.
const ERASED_TABLES: &str =
    "operations, registrations, clients, needs, snapshots, snapshot_clients";

/// Whether a PostgreSQL error means the connection is gone: a network or socket failure,
/// the server shutting down or ending this session, or a connection already closed.
fn is_lost(error: &postgres::Error) -> bool {
    if error.is_closed() {
        return true;
    }
    if let Some(code) = error.code() {
        return code.code().starts_with("08")
            || *code == SqlState::ADMIN_SHUTDOWN
            || *code == SqlState::CRASH_SHUTDOWN
            || *code == SqlState::CANNOT_CONNECT_NOW;
    }
    std::error::Error::source(error).is_some_and(|source| source.is::<std::io::Error>())
}

/// Wraps a PostgreSQL error with what the store was doing: a lost connection is
/// [`StoreError::ConnectionLost`], a lock wait that ran out [`StoreError::Locked`].
pub(super) fn postgres(action: &'static str) -> impl Fn(postgres::Error) -> StoreError {
    move |error| {
        if is_lost(&error) {
            return StoreError::ConnectionLost {
                action,
                stored: Stored::No,
                message: message(&error),
            };
        }
        if error.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) {
            return StoreError::Locked {
                action,
                waited_ms: BUSY_TIMEOUT_MS,
            };
        }
        StoreError::Postgres {
            action,
            message: message(&error),
        }
    }
}

/// The server's own message (with its SQLSTATE code), or the client's.
fn message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => error.to_string(),
    }
}

/// The values of a statement as the client binds them: 64-bit integers, texts, and nulls
/// of the column's type.
fn bind<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    static NULL_INT: Option<i64> = None;
    static NULL_TEXT: Option<&str> = None;
    params
        .iter()
        .map(|param| -> &'a (dyn ToSql + Sync) {
            match param {
                Param::Int(value) => value,
                Param::Text(value) => value,
                Param::NullInt => &NULL_INT,
                Param::NullText => &NULL_TEXT,
            }
        })
        .collect()
}

/// A row as the store reads it: integers, booleans as 0 or 1, texts and nulls.
fn row(row: &postgres::Row) -> Result<Row, postgres::Error> {
    let mut cells = Vec::with_capacity(row.len());
    for (index, column) in row.columns().iter().enumerate() {
        let cell = match *column.type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(index)?.map(Cell::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(index)?
                .map(|value| Cell::Int(i64::from(value))),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(index)?
                .map(|value| Cell::Int(i64::from(value))),
            Type::BOOL => row
                .try_get::<_, Option<bool>>(index)?
                .map(|value| Cell::Int(i64::from(value))),
            _ => row.try_get::<_, Option<String>>(index)?.map(Cell::Text),
        };
        cells.push(cell.unwrap_or(Cell::Null));
    }
    Ok(Row(cells))
}

/// A value written into SQL text as a literal: an integer in decimal, a text quoted as
/// PostgreSQL reads it with `standard_conforming_strings` on (which the connection sets):
/// between single quotes, each single quote doubled, nothing else special.
fn literal(param: &Param<'_>) -> Result<String, String> {
    Ok(match param {
        Param::Int(value) => value.to_string(),
        Param::NullInt | Param::NullText => "NULL".to_owned(),
        Param::Text(text) if text.contains('\0') => {
            return Err("a text holds a NUL character, which PostgreSQL cannot store".into());
        }
        Param::Text(text) => format!("'{}'", text.replace('\'', "''")),
    })
}

/// `sql` with its `?N` placeholders replaced by the literals of `params` (outside quoted
/// text), for writes sent together in one round trip.
fn inline(sql: &str, params: &[Param<'_>]) -> Result<String, String> {
    let mut out = String::with_capacity(sql.len() + params.len() * 16);
    let mut quoted = false;
    let mut chars = sql.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(|(_, d)| d.is_ascii_digit()) => {
                let mut number = 0_usize;
                while let Some((_, digit)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                    number = number * 10 + digit.to_digit(10).map_or(0, |d| d as usize);
                    chars.next();
                }
                let param = number
                    .checked_sub(1)
                    .and_then(|index| params.get(index))
                    .ok_or_else(|| format!("no value for placeholder ?{number}"))?;
                out.push_str(&literal(param)?);
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

/// An open connection to a PostgreSQL database with the store's settings, and the
/// statements it prepared.
pub(crate) struct Postgres {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
    /// Whether a write transaction is open: its writes wait in `pending`.
    writing: Flag<bool>,
    /// The writes not sent yet, as SQL with their values written in (see [`literal`]).
    pending: RefCell<String>,
}

impl fmt::Debug for Postgres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Postgres")
            .field("statements", &self.statements.borrow().len())
            .finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects to the database at `url` (`postgres://user@host/database`, as libpq reads
    /// it; a unix socket's folder goes in `host`) with the store's settings: the bounded
    /// lock wait and `durability`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`] when the server cannot be reached or refuses the login.
    pub(super) fn connect(url: &str, durability: Durability) -> Result<Postgres, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(|error| StoreError::Postgres {
            action: "connecting to the database server",
            message: message(&error),
        })?;
        let synchronous = match durability {
            Durability::Full => "on",
            Durability::Process => "off",
        };
        client
            .batch_execute(&format!(
                "SET lock_timeout = {BUSY_TIMEOUT_MS};
                 SET synchronous_commit = {synchronous};
                 SET client_min_messages = warning;
                 SET standard_conforming_strings = on;
                 SET application_name = 'desk'"
            ))
            .map_err(postgres("setting up the connection"))?;
        Ok(Postgres {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            writing: Flag::new(false),
            pending: RefCell::new(String::new()),
        })
    }

    /// Whether the connection is closed.
    pub(super) fn is_lost(&self) -> bool {
        self.client
            .try_borrow()
            .map(|client| client.is_closed())
            .unwrap_or(false)
    }

    /// The client, unless a row stream holds it (a defect: see [`super::sql::Db::for_each`]).
    fn client(&self, action: &'static str) -> Result<RefMut<'_, Client>, StoreError> {
        self.client
            .try_borrow_mut()
            .map_err(|_| StoreError::Postgres {
                action,
                message: "the connection is busy reading another query's rows".into(),
            })
    }

    /// Sends the writes waiting in `pending`, if any (before a statement that needs an
    /// answer, so it sees them).
    fn flush(&self, client: &mut Client) -> Result<(), StoreError> {
        let pending = self
            .pending
            .try_borrow_mut()
            .map(|mut pending| std::mem::take(&mut *pending))
            .unwrap_or_default();
        if pending.is_empty() {
            return Ok(());
        }
        client
            .batch_execute(&pending)
            .map_err(postgres("writing the operation"))
    }

    /// Queues a write of the open write transaction (or runs it now, outside one).
    pub(super) fn write(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<(), StoreError> {
        if !self.writing.get() {
            return self.execute(action, sql, params).map(|_| ());
        }
        let statement =
            inline(sql, params).map_err(|message| StoreError::Postgres { action, message })?;
        let mut pending = self
            .pending
            .try_borrow_mut()
            .map_err(|_| StoreError::Postgres {
                action,
                message: "the pending writes are busy".into(),
            })?;
        pending.push_str(&statement);
        pending.push_str(";\n");
        Ok(())
    }

    /// The prepared statement of `sql`, prepared once per connection.
    fn statement(
        &self,
        client: &mut Client,
        action: &'static str,
        sql: &str,
    ) -> Result<Statement, StoreError> {
        if let Some(statement) = self
            .statements
            .try_borrow()
            .ok()
            .and_then(|statements| statements.get(sql).cloned())
        {
            return Ok(statement);
        }
        let statement = client
            .prepare(&dollar_placeholders(sql))
            .map_err(postgres(action))?;
        if let Ok(mut statements) = self.statements.try_borrow_mut() {
            statements.insert(sql.to_owned(), statement.clone());
        }
        Ok(statement)
    }

    pub(super) fn execute(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<u64, StoreError> {
        let mut client = self.client(action)?;
        self.flush(&mut client)?;
        let statement = self.statement(&mut client, action, sql)?;
        client
            .execute(&statement, &bind(params))
            .map_err(postgres(action))
    }

    pub(super) fn insert(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Inserted, StoreError> {
        let mut client = self.client(action)?;
        self.flush(&mut client)?;
        let statement = self.statement(&mut client, action, sql)?;
        match client.execute(&statement, &bind(params)) {
            Ok(_) => Ok(Inserted::Stored),
            Err(error) if error.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                Ok(Inserted::Conflict)
            }
            Err(error) => Err(postgres(action)(error)),
        }
    }

    pub(super) fn for_each(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut client = self.client(action)?;
        self.flush(&mut client)?;
        let statement = self.statement(&mut client, action, sql)?;
        let mut rows = client
            .query_raw(&statement, bind(params))
            .map_err(postgres(action))?;
        while let Some(next) = rows.next().map_err(postgres(action))? {
            each(row(&next).map_err(postgres(action))?)?;
        }
        Ok(())
    }

    pub(super) fn batch(&self, action: &'static str, sql: &str) -> Result<(), StoreError> {
        let mut client = self.client(action)?;
        self.flush(&mut client)?;
        client.batch_execute(sql).map_err(postgres(action))
    }

    pub(super) fn begin(&self, purpose: Begin) -> Result<(), StoreError> {
        let action = "starting a transaction";
        let sql = match purpose {
            // One round trip: the transaction and the desks' write lock.
            Begin::Write => format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})"),
            Begin::Read => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY".to_owned(),
        };
        let mut client = self.client(action)?;
        if let Ok(mut pending) = self.pending.try_borrow_mut() {
            pending.clear();
        }
        match client.batch_execute(&sql) {
            Ok(()) => {
                self.writing.set(purpose == Begin::Write);
                Ok(())
            }
            Err(error) => {
                // The lock wait ran out inside the transaction just begun: end it.
                let _ = client.batch_execute("ROLLBACK");
                Err(postgres(action)(error))
            }
        }
    }

    /// Begins a write transaction, takes the write lock, reads the first `page` journal
    /// entries after `after` and the journal entry of the latest snapshot, all in one round
    /// trip (the simple query protocol: the values come back as text).
    pub(super) fn begin_write_reading(
        &self,
        after: i64,
        page: i64,
    ) -> Result<(Vec<Row>, Option<i64>), StoreError> {
        let action = "starting a transaction";
        let mut client = self.client(action)?;
        if let Ok(mut pending) = self.pending.try_borrow_mut() {
            pending.clear();
        }
        // A range of numbers rather than `LIMIT {page}`: the journal has no gaps, and the
        // planner then uses the key whatever its statistics say (see `journal::for_each_from`).
        let last = after.saturating_add(page);
        let sql = format!(
            "BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK});
             SELECT seq, at, input, rules FROM operations WHERE seq > {after} AND seq <= {last} ORDER BY seq;
             SELECT MAX(seq) FROM snapshots"
        );
        let messages = match client.simple_query(&sql) {
            Ok(messages) => messages,
            Err(error) => {
                let _ = client.batch_execute("ROLLBACK");
                return Err(postgres(action)(error));
            }
        };
        self.writing.set(true);
        let mut rows = Vec::new();
        let mut snapshot = None;
        // Statement 0 is BEGIN, 1 the lock, 2 the journal, 3 the snapshots.
        let mut statement = 0;
        for message in messages {
            let row = match message {
                postgres::SimpleQueryMessage::Row(row) => row,
                postgres::SimpleQueryMessage::CommandComplete(_) => {
                    statement += 1;
                    continue;
                }
                _ => continue,
            };
            if statement == 3 {
                snapshot = row.get(0).and_then(|seq| seq.parse::<i64>().ok());
                continue;
            }
            if statement != 2 {
                continue;
            }
            let text = |index: usize| row.get(index).map(str::to_owned);
            let seq = text(0)
                .and_then(|seq| seq.parse::<i64>().ok())
                .ok_or_else(|| StoreError::Diverged {
                    what: "a journal entry's number does not read".into(),
                })?;
            let rules = text(3)
                .and_then(|rules| rules.parse::<i64>().ok())
                .ok_or_else(|| StoreError::Diverged {
                    what: format!("journal entry {seq}: its rules do not read"),
                })?;
            rows.push(Row(vec![
                Cell::Int(seq),
                text(1).map_or(Cell::Null, Cell::Text),
                text(2).map_or(Cell::Null, Cell::Text),
                Cell::Int(rules),
            ]));
        }
        Ok((rows, snapshot))
    }

    /// Commits (`COMMIT`, sent with the writes still waiting: one round trip) or rolls back
    /// (`ROLLBACK`, the waiting writes dropped) the open transaction. A connection lost
    /// during the commit leaves the outcome unknown to this desk.
    pub(super) fn end(&self, action: &'static str, sql: &str) -> Result<(), StoreError> {
        self.writing.set(false);
        let pending = self
            .pending
            .try_borrow_mut()
            .map(|mut pending| std::mem::take(&mut *pending))
            .unwrap_or_default();
        let sql = if sql == "COMMIT" {
            format!("{pending}COMMIT")
        } else {
            sql.to_owned()
        };
        let ended = self
            .client(action)
            .and_then(|mut client| client.batch_execute(&sql).map_err(postgres(action)));
        ended.map_err(|error| match error {
            StoreError::ConnectionLost {
                action, message, ..
            } if sql == "COMMIT" => StoreError::ConnectionLost {
                action,
                stored: Stored::Unknown,
                message,
            },
            error => error,
        })
    }

    /// After an erasure has committed: the tables it touched are vacuumed, so the erased
    /// values' dead row versions are removed from them (see the module's notes on what
    /// stays on the server's disk).
    ///
    /// # Errors
    ///
    /// [`StoreError::Locked`] when another vacuum holds a table longer than the store
    /// waits; [`StoreError::Postgres`].
    pub(super) fn after_erasure(&self) -> Result<(), StoreError> {
        self.batch(
            "vacuuming the tables after an erasure (the erasure is committed)",
            &format!("VACUUM {ERASED_TABLES}"),
        )
    }

    /// Renews the planner's statistics when the journal reaches 64, 128, 256, … entries
    /// (`ANALYZE`; a logarithmic number of times in the database's life).
    ///
    /// Every connection keeps the plans of its statements, and PostgreSQL keeps those of the
    /// foreign-key checks too (every projection row references its journal entry). Planned
    /// while a new database's tables fit in one page, such a plan scans the whole table, and
    /// it stays cached as the table grows: measured on 8 desks simulating from an empty
    /// database, the journal was scanned whole about once an operation, a cost growing with
    /// history, until the server's own autovacuum happened to analyse it. New statistics
    /// invalidate every connection's plans of the tables, which are then planned again for
    /// the tables' real size.
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`]; the entry is committed all the same.
    pub(super) fn grew_to(&self, seq: i64) -> Result<(), StoreError> {
        if seq < 64 || seq & (seq - 1) != 0 {
            return Ok(());
        }
        self.batch("renewing the planner's statistics", "ANALYZE")
    }

    /// Vacuums every table of the database (after a migration that rewrote history).
    ///
    /// # Errors
    ///
    /// [`StoreError::Postgres`].
    pub(super) fn compact(&self) -> Result<(), StoreError> {
        self.batch("vacuuming the database", "VACUUM")
    }

    /// The server's process id for this connection (the tests end it to lose the
    /// connection on purpose).
    #[cfg(test)]
    pub(super) fn backend_pid(&self) -> Result<i64, StoreError> {
        let mut pid = 0;
        self.for_each(
            "reading the backend's process id",
            "SELECT pg_backend_pid()",
            &[],
            &mut |row| {
                pid = row.int(0)?;
                Ok(())
            },
        )?;
        Ok(pid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_in_as_literals_outside_quoted_text() {
        let sql = "INSERT INTO t (a, b, c, d) VALUES (?1, ?2, ?3, '?4') -- ?2";
        assert_eq!(
            inline(
                sql,
                &[
                    Param::Int(-7),
                    Param::Text("O'Brien; DROP TABLE t; --\\"),
                    Param::NullText,
                ]
            )
            .unwrap(),
            "INSERT INTO t (a, b, c, d) VALUES (-7, 'O''Brien; DROP TABLE t; --\\', NULL, '?4') \
             -- 'O''Brien; DROP TABLE t; --\\'"
        );
        assert_eq!(
            inline("SELECT ?3", &[Param::Int(1)]).unwrap_err(),
            "no value for placeholder ?3"
        );
        assert!(inline("SELECT ?1", &[Param::Text("a\0b")]).is_err());
        assert_eq!(
            inline("SELECT ?12", &[Param::Int(0); 12]).unwrap(),
            "SELECT 0"
        );
    }
}
