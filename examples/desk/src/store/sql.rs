//! The store's SQL, neutral of the database it runs on: one connection ([`Db`]), values
//! bound to statements ([`Param`]), rows read back ([`Row`]), and transactions
//! ([`Transaction`]) that roll back unless committed.
//!
//! The statements the store runs are written once, in the SQL that SQLite and PostgreSQL
//! both read (`?1`-style placeholders, which the PostgreSQL backend numbers `$1`), and every
//! difference between the two lives in one backend module: [`super::sqlite`] and
//! [`super::postgres`] hold their connection settings, their schema migrations, how they
//! take the write lock, what their errors mean and what an erasure does to their files.

use std::ops::Deref;

use super::StoreError;
use super::postgres::Postgres;
use super::sqlite::Sqlite;

/// A value bound to a statement. Integers are 64-bit on both backends (PostgreSQL's
/// `BIGINT`); a null says which type it stands in for, since PostgreSQL checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Param<'a> {
    /// An integer.
    Int(i64),
    /// A text.
    Text(&'a str),
    /// A null in an integer column.
    NullInt,
    /// A null in a text column.
    NullText,
}

/// A Rust value bound as a [`Param`]: integers, booleans (0 or 1), texts and options of
/// them (`None` is a null of the column's type).
pub(crate) trait ToParam {
    /// The value as a statement's parameter.
    fn param(&self) -> Param<'_>;
}

impl ToParam for i64 {
    fn param(&self) -> Param<'_> {
        Param::Int(*self)
    }
}

impl ToParam for i32 {
    fn param(&self) -> Param<'_> {
        Param::Int(i64::from(*self))
    }
}

impl ToParam for bool {
    fn param(&self) -> Param<'_> {
        Param::Int(i64::from(*self))
    }
}

impl ToParam for str {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl ToParam for String {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn param(&self) -> Param<'_> {
        (**self).param()
    }
}

impl ToParam for Option<i64> {
    fn param(&self) -> Param<'_> {
        self.map_or(Param::NullInt, Param::Int)
    }
}

impl ToParam for Option<String> {
    fn param(&self) -> Param<'_> {
        self.as_deref().map_or(Param::NullText, Param::Text)
    }
}

impl ToParam for Option<&str> {
    fn param(&self) -> Param<'_> {
        self.map_or(Param::NullText, Param::Text)
    }
}

/// The values of a statement, in placeholder order: `params![seq, text]` (each value is
/// borrowed for the statement).
macro_rules! params {
    ($($value:expr),* $(,)?) => {
        &[$($crate::store::sql::ToParam::param(&$value)),*] as &[$crate::store::sql::Param<'_>]
    };
}
pub(crate) use params;

/// One value of a row read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cell {
    /// A null.
    Null,
    /// An integer (a boolean reads as 0 or 1).
    Int(i64),
    /// A text.
    Text(String),
}

/// A row read back: its values in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row(pub(crate) Vec<Cell>);

impl Row {
    fn cell(&self, index: usize) -> Result<&Cell, StoreError> {
        self.0.get(index).ok_or_else(|| StoreError::Diverged {
            what: format!("a row has no column {index}"),
        })
    }

    fn wrong(index: usize, expected: &str, found: &Cell) -> StoreError {
        StoreError::Diverged {
            what: format!("column {index} holds {found:?}, not {expected}"),
        }
    }

    /// The integer in column `index`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Diverged`] for a null, a text or a missing column.
    pub(crate) fn int(&self, index: usize) -> Result<i64, StoreError> {
        match self.cell(index)? {
            Cell::Int(value) => Ok(*value),
            other => Err(Row::wrong(index, "an integer", other)),
        }
    }

    /// The integer or null in column `index`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Diverged`] for a text or a missing column.
    pub(crate) fn opt_int(&self, index: usize) -> Result<Option<i64>, StoreError> {
        match self.cell(index)? {
            Cell::Int(value) => Ok(Some(*value)),
            Cell::Null => Ok(None),
            other => Err(Row::wrong(index, "an integer", other)),
        }
    }

    /// The text in column `index`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Diverged`] for a null, an integer or a missing column.
    pub(crate) fn str(&self, index: usize) -> Result<&str, StoreError> {
        match self.cell(index)? {
            Cell::Text(value) => Ok(value),
            other => Err(Row::wrong(index, "a text", other)),
        }
    }

    /// The text in column `index`, taken out of the row.
    ///
    /// # Errors
    ///
    /// As [`Row::str`].
    pub(crate) fn text(&mut self, index: usize) -> Result<String, StoreError> {
        self.opt_text(index)?.ok_or_else(|| StoreError::Diverged {
            what: format!("column {index} holds a null, not a text"),
        })
    }

    /// The text or null in column `index`, taken out of the row.
    ///
    /// # Errors
    ///
    /// [`StoreError::Diverged`] for an integer or a missing column.
    pub(crate) fn opt_text(&mut self, index: usize) -> Result<Option<String>, StoreError> {
        let cell = self.0.get_mut(index).ok_or_else(|| StoreError::Diverged {
            what: format!("a row has no column {index}"),
        })?;
        match std::mem::replace(cell, Cell::Null) {
            Cell::Text(value) => Ok(Some(value)),
            Cell::Null => Ok(None),
            other => Err(Row::wrong(index, "a text", &other)),
        }
    }
}

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    /// An SQLite file (or memory).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// What a transaction is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Begin {
    /// Writing: the database's write lock is taken now, so desks take turns (SQLite's
    /// `BEGIN IMMEDIATE`; on PostgreSQL a transaction-scoped advisory lock), waiting for
    /// another desk at most [`super::BUSY_TIMEOUT_MS`].
    Write,
    /// Reading several tables as of one moment, taking no write lock: a reader never makes
    /// a writer wait.
    Read,
}

/// Whether an insert stored its row or met a row with the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inserted {
    /// The row was stored.
    Stored,
    /// A row with the same unique key is already stored; nothing was inserted.
    Conflict,
}

/// One open connection to the desk's database.
#[derive(Debug)]
pub(crate) enum Db {
    /// An SQLite file, or a database in memory.
    Sqlite(Sqlite),
    /// A PostgreSQL server (boxed: its client and statement cache are larger than an
    /// SQLite connection).
    Postgres(Box<Postgres>),
}

impl Db {
    /// Which database this is.
    pub(crate) fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs one statement and returns how many rows it changed.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`], naming `action`.
    pub(crate) fn execute(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(db) => db.execute(action, sql, params),
            Db::Postgres(db) => db.execute(action, sql, params),
        }
    }

    /// Runs a statement that changes rows, inside a write transaction, without needing to
    /// know how many: PostgreSQL sends it with the next statement that needs an answer, or
    /// with the commit, so a transaction's writes cost one round trip to the server. A
    /// failure may then be reported by that later statement, and the transaction is lost
    /// either way.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`].
    pub(crate) fn write(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(db) => db.execute(action, sql, params).map(|_| ()),
            Db::Postgres(db) => db.write(action, sql, params),
        }
    }

    /// Runs an insert whose row may meet a unique key already stored, and says which.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`], for every other failure.
    pub(crate) fn insert(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Inserted, StoreError> {
        match self {
            Db::Sqlite(db) => db.insert(action, sql, params),
            Db::Postgres(db) => db.insert(action, sql, params),
        }
    }

    /// Runs a query and returns every row.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`].
    pub(crate) fn query(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Vec<Row>, StoreError> {
        let mut rows = Vec::new();
        self.for_each(action, sql, params, &mut |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// Runs a query and returns its first row, if any.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`].
    pub(crate) fn query_one(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.query(action, sql, params)?.into_iter().next())
    }

    /// Runs a query whose first row's first column is an integer (a count), and returns it.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`]; [`StoreError::Diverged`] when it returns no integer.
    pub(crate) fn query_int(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
    ) -> Result<i64, StoreError> {
        match self.query_one(action, sql, params)? {
            Some(row) => row.int(0),
            None => Err(StoreError::Diverged {
                what: format!("{action}: the query returned no row"),
            }),
        }
    }

    /// Runs a query and calls `each` with every row as it is read, holding none of them
    /// after: for tables too big to hold at once. `each` must not use this connection.
    ///
    /// # Errors
    ///
    /// As [`Db::execute`]; whatever `each` returns.
    pub(crate) fn for_each(
        &self,
        action: &'static str,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(db) => db.for_each(action, sql, params, each),
            Db::Postgres(db) => db.for_each(action, sql, params, each),
        }
    }

    /// Runs statements without values, separated by semicolons (schema changes).
    ///
    /// # Errors
    ///
    /// As [`Db::execute`].
    pub(crate) fn batch(&self, action: &'static str, sql: &str) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(db) => db.batch(action, sql),
            Db::Postgres(db) => db.batch(action, sql),
        }
    }

    /// Begins a transaction; it rolls back when dropped without [`Transaction::commit`].
    ///
    /// # Errors
    ///
    /// [`StoreError::Locked`] when another desk holds the write lock for longer than this
    /// one waits; the backend's error otherwise.
    pub(crate) fn begin(&self, purpose: Begin) -> Result<Transaction<'_>, StoreError> {
        match self {
            Db::Sqlite(db) => db.begin(purpose)?,
            Db::Postgres(db) => db.begin(purpose)?,
        }
        Ok(Transaction {
            db: self,
            open: true,
        })
    }

    /// Whether the connection is gone (a PostgreSQL server that went away; never for
    /// SQLite).
    pub(crate) fn is_lost(&self) -> bool {
        match self {
            Db::Sqlite(_) => false,
            Db::Postgres(db) => db.is_lost(),
        }
    }

    /// What the backend does after an erasure has committed, so no erased value stays in
    /// its files where it can help it (see each backend's notes).
    ///
    /// # Errors
    ///
    /// [`StoreError::Locked`] when another desk keeps it from finishing; the backend's error.
    pub(crate) fn after_erasure(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(db) => db.after_erasure(),
            Db::Postgres(db) => db.after_erasure(),
        }
    }

    /// What the backend does after journal entry `seq` has committed, as the database grows
    /// (see [`postgres::Postgres::grew_to`]; nothing on SQLite, whose planner finds rows by
    /// their key whatever it knows of a table).
    ///
    /// # Errors
    ///
    /// The backend's error; the entry is committed all the same.
    pub(crate) fn grew_to(&self, seq: i64) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(_) => Ok(()),
            Db::Postgres(db) => db.grew_to(seq),
        }
    }

    /// Rebuilds the database's files without the space deleted rows left (after a
    /// migration that rewrote history).
    ///
    /// # Errors
    ///
    /// The backend's error.
    pub(crate) fn compact(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(db) => db.compact(),
            Db::Postgres(db) => db.compact(),
        }
    }

    /// Begins a write transaction and reads, in the same round trip on PostgreSQL, the first
    /// `page` journal entries after entry `after` (`seq`, `at`, `input`, `rules`), which other desks
    /// committed before this one took the lock, and the journal entry of the latest
    /// snapshot (which another desk may have taken).
    ///
    /// # Errors
    ///
    /// As [`Db::begin`] and [`Db::query`].
    pub(crate) fn begin_write_reading(
        &self,
        after: i64,
        page: i64,
    ) -> Result<(Transaction<'_>, Vec<Row>, Option<i64>), StoreError> {
        let (rows, snapshot) = match self {
            Db::Sqlite(db) => {
                db.begin(Begin::Write)?;
                let transaction = Transaction {
                    db: self,
                    open: true,
                };
                // The page is written into the statement, not bound: SQLite prepares a
                // statement whose LIMIT is a bound parameter anew at every use, and this one
                // runs before every operation.
                let rows = transaction.query(
                    "reading the journal",
                    &format!(
                        "SELECT seq, at, input, rules FROM operations WHERE seq > ?1 \
                         ORDER BY seq LIMIT {page}"
                    ),
                    params![after],
                )?;
                let snapshot = match transaction.query_one(
                    "reading the snapshots",
                    "SELECT MAX(seq) FROM snapshots",
                    params![],
                )? {
                    Some(row) => row.opt_int(0)?,
                    None => None,
                };
                return Ok((transaction, rows, snapshot));
            }
            Db::Postgres(db) => db.begin_write_reading(after, page)?,
        };
        Ok((
            Transaction {
                db: self,
                open: true,
            },
            rows,
            snapshot,
        ))
    }

    fn end(&self, commit: bool) -> Result<(), StoreError> {
        let sql = if commit { "COMMIT" } else { "ROLLBACK" };
        let action = if commit { "committing" } else { "rolling back" };
        match self {
            Db::Sqlite(db) => db.batch(action, sql),
            Db::Postgres(db) => db.end(action, sql),
        }
    }
}

/// An open transaction on a [`Db`]: every statement run through it is part of it, and it
/// rolls back when dropped without [`Transaction::commit`] (as a failure or a panic would
/// leave it; a killed process or a lost connection rolls back in the database itself).
#[derive(Debug)]
pub(crate) struct Transaction<'a> {
    db: &'a Db,
    open: bool,
}

impl Transaction<'_> {
    /// Commits the transaction.
    ///
    /// # Errors
    ///
    /// The backend's error; on PostgreSQL [`StoreError::ConnectionLost`] when the
    /// connection dropped, and then whether the commit happened is not known here.
    pub(crate) fn commit(mut self) -> Result<(), StoreError> {
        self.open = false;
        self.db.end(true)
    }
}

impl Deref for Transaction<'_> {
    type Target = Db;

    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing more can be done about a failed rollback: the database rolls the
            // transaction back itself when the connection closes.
            let _ = self.db.end(false);
        }
    }
}

/// Numbers the placeholders PostgreSQL's way: `?1` becomes `$1`, outside quoted text.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres_outside_quoted_text() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12"
        );
        assert_eq!(dollar_placeholders("SELECT '?' || ?"), "SELECT '?' || ?");
    }

    #[test]
    fn rows_read_back_by_type() {
        let mut row = Row(vec![
            Cell::Int(7),
            Cell::Text("x".into()),
            Cell::Null,
            Cell::Text("y".into()),
        ]);
        assert_eq!(row.int(0).unwrap(), 7);
        assert_eq!(row.str(1).unwrap(), "x");
        assert_eq!(row.opt_int(2).unwrap(), None);
        assert_eq!(row.opt_text(2).unwrap(), None);
        assert_eq!(row.int(1).unwrap_err().code(), "store.diverged");
        assert_eq!(row.text(9).unwrap_err().code(), "store.diverged");
        assert_eq!(row.text(3).unwrap(), "y");
        assert_eq!(
            params![1_i64, "a", Option::<&str>::None, true],
            [
                Param::Int(1),
                Param::Text("a"),
                Param::NullText,
                Param::Int(1)
            ]
        );
    }
}
