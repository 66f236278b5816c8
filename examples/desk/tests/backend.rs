//! The desk's database for one test, on either backend: an SQLite file in a temporary folder,
//! or a new database on the test cluster of PostgreSQL (`pg_server.rs`); and reading it with
//! SQL the same way on both, every value as text.

use crate::{TempDir, pg_server};

/// One test's database and its temporary folder.
#[derive(Debug)]
pub struct TestDb {
    /// A folder for the test's other files (and the SQLite file).
    pub dir: TempDir,
    /// `--db`: the SQLite file's path, or the PostgreSQL database's URL.
    pub db: String,
}

impl TestDb {
    /// An SQLite file (not created yet) in a new temporary folder.
    pub fn sqlite(name: &str) -> TestDb {
        let dir = TempDir::new(name);
        let db = dir.file("desk.db");
        TestDb { dir, db }
    }

    /// A new empty PostgreSQL database, or `None` when PostgreSQL is not installed (the
    /// cluster then says the test was skipped).
    pub fn postgres(name: &str) -> Option<TestDb> {
        let db = pg_server::database(name)?;
        Some(TestDb {
            dir: TempDir::new(&format!("{name}-pg")),
            db,
        })
    }

    /// The SQLite one, then the PostgreSQL one when there is a server.
    pub fn both(name: &str) -> Vec<TestDb> {
        let mut all = vec![TestDb::sqlite(name)];
        all.extend(TestDb::postgres(name));
        all
    }

    /// Whether this is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        self.db.starts_with("postgres://")
    }

    /// Runs a query and returns every row, each value as text (integers in decimal, nulls
    /// as `NULL`).
    pub fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        if self.is_postgres() {
            return pg_server::rows(&self.db, sql);
        }
        let connection = rusqlite::Connection::open(&self.db).unwrap();
        let mut statement = connection.prepare(sql).unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        Ok(match row.get::<_, rusqlite::types::Value>(i)? {
                            rusqlite::types::Value::Integer(n) => n.to_string(),
                            rusqlite::types::Value::Text(text) => text,
                            rusqlite::types::Value::Null => "NULL".to_owned(),
                            other => format!("{other:?}"),
                        })
                    })
                    .collect::<Result<Vec<_>, rusqlite::Error>>()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// Runs statements that change the database (a test's edit by hand).
    pub fn execute(&self, sql: &str) {
        if self.is_postgres() {
            pg_server::rows(&self.db, sql);
        } else {
            rusqlite::Connection::open(&self.db)
                .unwrap()
                .execute_batch(sql)
                .unwrap();
        }
    }

    /// One integer from a query.
    pub fn count(&self, sql: &str) -> i64 {
        let rows = self.rows(sql);
        rows[0][0].parse().unwrap()
    }

    /// The first column of a query.
    pub fn texts(&self, sql: &str) -> Vec<String> {
        self.rows(sql)
            .into_iter()
            .map(|row| row.into_iter().next().unwrap())
            .collect()
    }

    /// Every row of `tables`, as text, in an order that depends only on the contents: two
    /// equal dumps are two databases with the same rows.
    pub fn dump(&self, tables: &[&str]) -> Vec<String> {
        let mut rows = Vec::new();
        for table in tables {
            let sql = if self.is_postgres() {
                format!("SELECT * FROM {table} ORDER BY {table}::text")
            } else {
                format!("SELECT * FROM {table} ORDER BY rowid")
            };
            for row in self.rows(&sql) {
                rows.push(format!("{table}: {}", row.join(" | ")));
            }
        }
        rows
    }
}
