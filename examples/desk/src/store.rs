//! `desk`'s state: an embedded SQLite database (`--db <path>`) holding the number series and
//! every issued document.
//!
//! All of the app's SQL lives in this one module, so an integrator can copy it and swap the
//! statements for another database. The domain crates never see it: the store loads a
//! [`NumberSeries`] (kept as its serde JSON), lets `apkalpe-accounting` issue the invoice,
//! and saves the advanced series together with the issued document in ONE transaction.
//! Either both are stored or neither: a failure (or a crash) before the commit rolls back,
//! so the next run continues the series with no gap and no duplicate.
//!
//! The schema is versioned: [`MIGRATIONS`] lists the steps, and `schema_version` records the
//! ones applied, so opening a database twice changes nothing and a database made by a newer
//! `desk` is refused rather than misread. The default rollback journal is used (no `-wal`
//! files beside the database), with foreign keys enforced.

use std::fmt;
use std::path::Path;

use apkalpe_accounting::{
    AccountingError, DraftInvoice, IssueOptions, IssuedInvoice, render_invoice, write_ubl_invoice,
};
use apkalpe_core::{NumberPattern, NumberSeries, YearReset};
use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};

/// The schema migrations, in order: `(version, SQL)`. A released step is never edited; a
/// change is a new step.
const MIGRATIONS: &[(i64, &str)] = &[(
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
)];

/// Why the store could not do its work. Nothing is stored when an error is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum StoreError {
    /// SQLite failed (cannot open the file, disk full, locked, not a database); `message` is
    /// SQLite's own text, since `rusqlite::Error` cannot be cloned.
    Sqlite {
        /// What the store was doing, as a fixed phrase.
        action: &'static str,
        /// SQLite's message.
        message: String,
    },
    /// The database's schema is newer than this `desk` knows.
    Migration {
        /// The highest version recorded in the database.
        found: i64,
        /// The highest version this `desk` knows.
        known: i64,
    },
    /// A series id exists with another pattern than the one asked for.
    SeriesPattern {
        /// The series id.
        series: String,
        /// The pattern stored with the series.
        stored: String,
        /// The pattern asked for.
        requested: String,
    },
    /// A stored series state could not be read back.
    SeriesState {
        /// The series id.
        series: String,
        /// The reader's message.
        message: String,
    },
    /// A document with this number is already stored (the series and the documents
    /// disagree, e.g. after an edit by hand); nothing was issued.
    DuplicateNumber {
        /// The number.
        number: String,
    },
    /// The accounting crate refused: the draft is invalid, the series refuses the date, the
    /// series id is malformed, or the UBL could not be written.
    Accounting(AccountingError),
}

impl StoreError {
    /// Returns the stable code: `store.sqlite`, `store.migration`, `store.series_pattern`,
    /// `store.series_state`, `store.duplicate_number`, or for [`StoreError::Accounting`] the
    /// accounting error's own code (so `desk` prints the same lines with or without a store).
    pub(crate) fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite { .. } => "store.sqlite",
            StoreError::Migration { .. } => "store.migration",
            StoreError::SeriesPattern { .. } => "store.series_pattern",
            StoreError::SeriesState { .. } => "store.series_state",
            StoreError::DuplicateNumber { .. } => "store.duplicate_number",
            StoreError::Accounting(error) => error.code(),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Sqlite { action, message } => {
                write!(f, "the database failed while {action}: {message}")
            }
            StoreError::Migration { found, known } => write!(
                f,
                "the database has schema version {found}, newer than the {known} this desk knows"
            ),
            StoreError::SeriesPattern {
                series,
                stored,
                requested,
            } => write!(
                f,
                "number series {series:?} is stored with pattern {stored:?}, not {requested:?}; \
                 give its pattern or another --series-id"
            ),
            StoreError::SeriesState { series, message } => {
                write!(f, "number series {series:?} cannot be read back: {message}")
            }
            StoreError::DuplicateNumber { number } => write!(
                f,
                "a document numbered {number} is already stored; nothing was issued"
            ),
            StoreError::Accounting(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<AccountingError> for StoreError {
    fn from(error: AccountingError) -> Self {
        StoreError::Accounting(error)
    }
}

/// Wraps a SQLite error with what the store was doing.
fn sqlite(action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| StoreError::Sqlite {
        action,
        message: error.to_string(),
    }
}

/// An issued invoice as stored: the invoice, its printed text and its UBL 2.1 XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredInvoice {
    /// The issued invoice.
    pub(crate) invoice: IssuedInvoice,
    /// The rendered text, as stored in `issued_documents.text`.
    pub(crate) text: String,
    /// The UBL 2.1 e-invoice, as stored in `issued_documents.ubl`.
    pub(crate) ubl: String,
}

/// The store: one open SQLite database with the current schema.
#[derive(Debug)]
pub(crate) struct Store {
    connection: Connection,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`] when the file cannot be opened or is not a database;
    /// [`StoreError::Migration`] when it was made by a newer `desk`.
    pub(crate) fn open(path: &Path) -> Result<Self, StoreError> {
        let connection = Connection::open(path).map_err(sqlite("opening the file"))?;
        Store::with_connection(connection)
    }

    /// Sets up an open connection: pragmas, then the migrations not yet applied.
    fn with_connection(mut connection: Connection) -> Result<Self, StoreError> {
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite("enabling foreign keys"))?;
        migrate(&mut connection)?;
        Ok(Store { connection })
    }

    /// Issues `draft` with the next number of series `series_id` and stores it, all in one
    /// transaction: the series is loaded (or created from `pattern`), the invoice issued,
    /// rendered and written as UBL, the document inserted, the advanced series saved, and
    /// only then committed.
    ///
    /// # Errors
    ///
    /// Any [`StoreError`]; then nothing was stored and the series is as before.
    pub(crate) fn issue_invoice(
        &mut self,
        series_id: &str,
        pattern: &NumberPattern,
        draft: DraftInvoice,
        date: NaiveDate,
        options: &IssueOptions,
    ) -> Result<StoredInvoice, StoreError> {
        self.issue_invoice_then(series_id, pattern, draft, date, options, |_| Ok(()))
    }

    /// As [`Store::issue_invoice`], running `before_commit` after every write and just
    /// before the commit: tests use it to fail (as a crash would) at the last moment.
    fn issue_invoice_then(
        &mut self,
        series_id: &str,
        pattern: &NumberPattern,
        draft: DraftInvoice,
        date: NaiveDate,
        options: &IssueOptions,
        before_commit: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
    ) -> Result<StoredInvoice, StoreError> {
        // IMMEDIATE takes the write lock now, so two desks issuing at once queue up instead
        // of both reading the same series state.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite("starting a transaction"))?;
        let (mut series, is_new) = match load_series(&transaction, series_id)? {
            Some(series) => {
                if series.pattern() != pattern {
                    return Err(StoreError::SeriesPattern {
                        series: series_id.to_owned(),
                        stored: series.pattern().to_string(),
                        requested: pattern.to_string(),
                    });
                }
                (series, false)
            }
            None => {
                let reset = if pattern.has_year() {
                    YearReset::EachYear
                } else {
                    YearReset::Never
                };
                let series = NumberSeries::try_new(series_id, pattern.clone(), reset)
                    .map_err(AccountingError::from)?;
                (series, true)
            }
        };
        let invoice = draft.issue_with(&mut series, date, options)?;
        let text = render_invoice(&invoice)?;
        let ubl = write_ubl_invoice(&invoice)?;
        save_series(&transaction, &series, is_new)?;
        insert_document(&transaction, &invoice, &text, &ubl)?;
        before_commit(&transaction)?;
        transaction
            .commit()
            .map_err(sqlite("committing the invoice"))?;
        Ok(StoredInvoice { invoice, text, ubl })
    }

    /// Returns the stored state of series `series_id`, if any.
    #[cfg(test)]
    fn series(&mut self, series_id: &str) -> Result<Option<NumberSeries>, StoreError> {
        let transaction = self
            .connection
            .transaction()
            .map_err(sqlite("starting a transaction"))?;
        load_series(&transaction, series_id)
    }
}

/// Applies the migrations the database has not seen, each in its own transaction with its
/// `schema_version` row.
fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    connection
        .execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
        .map_err(sqlite("creating schema_version"))?;
    let known = MIGRATIONS.last().map_or(0, |(version, _)| *version);
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
    Ok(())
}

/// Loads a series by id, or `None` when it was never stored.
fn load_series(
    transaction: &Transaction<'_>,
    series_id: &str,
) -> Result<Option<NumberSeries>, StoreError> {
    let state: Option<String> = transaction
        .query_row(
            "SELECT state FROM number_series WHERE id = ?1",
            [series_id],
            |row| row.get(0),
        )
        .optional()
        .map_err(sqlite("loading the number series"))?;
    state
        .map(|state| {
            serde_json::from_str(&state).map_err(|error| StoreError::SeriesState {
                series: series_id.to_owned(),
                message: error.to_string(),
            })
        })
        .transpose()
}

/// Saves a series's state, inserting it when new.
fn save_series(
    transaction: &Transaction<'_>,
    series: &NumberSeries,
    is_new: bool,
) -> Result<(), StoreError> {
    let state = serde_json::to_string(series).map_err(|error| StoreError::SeriesState {
        series: series.id().to_owned(),
        message: error.to_string(),
    })?;
    let sql = if is_new {
        "INSERT INTO number_series (id, state) VALUES (?1, ?2)"
    } else {
        "UPDATE number_series SET state = ?2 WHERE id = ?1"
    };
    transaction
        .execute(sql, [series.id(), state.as_str()])
        .map_err(sqlite("saving the number series"))?;
    Ok(())
}

/// Inserts an issued invoice; a number already stored is [`StoreError::DuplicateNumber`].
fn insert_document(
    transaction: &Transaction<'_>,
    invoice: &IssuedInvoice,
    text: &str,
    ubl: &str,
) -> Result<(), StoreError> {
    let number = invoice.number();
    let kind = match serde_json::to_value(invoice.kind()) {
        Ok(serde_json::Value::String(kind)) => kind,
        _ => invoice.kind().type_code().to_owned(),
    };
    let issue_date = invoice.issue_date().format("%Y-%m-%d").to_string();
    let inserted = transaction.execute(
        "INSERT INTO issued_documents (number, series_id, kind, issue_date, ubl, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        [
            number.as_str(),
            number.series_id(),
            kind.as_str(),
            issue_date.as_str(),
            ubl,
            text,
        ],
    );
    match inserted {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if failure.code == ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::DuplicateNumber {
                number: number.as_str().to_owned(),
            })
        }
        Err(error) => Err(sqlite("storing the document")(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_accounting::InvoiceDraftInput;
    use apkalpe_core::VatRateTable;

    fn draft() -> DraftInvoice {
        let json = include_str!("../drafts/invoice.json");
        let input: InvoiceDraftInput = serde_json::from_str(json).unwrap();
        DraftInvoice::try_from(input).unwrap()
    }

    fn options() -> IssueOptions {
        IssueOptions::default().with_rate_table(VatRateTable::latvia())
    }

    fn pattern() -> NumberPattern {
        "INV{year}-{seq:5}".parse().unwrap()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn memory() -> Store {
        Store::with_connection(Connection::open_in_memory().unwrap()).unwrap()
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store
            .connection
            .query_row(sql, [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn issues_and_continues_the_series() {
        let mut store = memory();
        let first = store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap();
        let second = store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap();
        assert_eq!(first.invoice.number().as_str(), "INV2026-00001");
        assert_eq!(second.invoice.number().as_str(), "INV2026-00002");
        assert!(second.text.starts_with("PVN rēķins Nr. INV2026-00002\n"));
        assert!(second.ubl.contains("<cbc:ID>INV2026-00002</cbc:ID>"));
        assert_eq!(count(&store, "SELECT COUNT(*) FROM issued_documents"), 2);
        let row: (String, String, String) = store
            .connection
            .query_row(
                "SELECT series_id, kind, issue_date FROM issued_documents WHERE number = ?1",
                ["INV2026-00001"],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            row,
            ("invoices".into(), "invoice".into(), "2026-11-27".into())
        );
    }

    #[test]
    fn a_failure_just_before_commit_stores_nothing() {
        let mut store = memory();
        store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap();
        let before = store.series("invoices").unwrap().unwrap();
        let crashed = store
            .issue_invoice_then("invoices", &pattern(), draft(), date(), &options(), |tx| {
                // Both writes happened inside the transaction…
                let written: i64 = tx
                    .query_row("SELECT COUNT(*) FROM issued_documents", [], |row| {
                        row.get(0)
                    })
                    .unwrap();
                assert_eq!(written, 2);
                // …and then the process "dies".
                Err(StoreError::Sqlite {
                    action: "simulating a crash",
                    message: "killed".into(),
                })
            })
            .unwrap_err();
        assert_eq!(crashed.code(), "store.sqlite");
        assert_eq!(store.series("invoices").unwrap().unwrap(), before);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM issued_documents"), 1);
        let next = store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap();
        assert_eq!(next.invoice.number().as_str(), "INV2026-00002");
    }

    #[test]
    fn a_new_series_rolled_back_is_not_created() {
        let mut store = memory();
        let error = store
            .issue_invoice_then("other", &pattern(), draft(), date(), &options(), |_| {
                Err(StoreError::DuplicateNumber { number: "x".into() })
            })
            .unwrap_err();
        assert_eq!(error.code(), "store.duplicate_number");
        assert_eq!(store.series("other").unwrap(), None);
    }

    #[test]
    fn refuses_another_pattern_and_a_bad_series_id() {
        let mut store = memory();
        store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap();
        let other: NumberPattern = "R-{seq:4}".parse().unwrap();
        let error = store
            .issue_invoice("invoices", &other, draft(), date(), &options())
            .unwrap_err();
        assert_eq!(error.code(), "store.series_pattern");
        assert!(error.to_string().contains("\"INV{year}-{seq:5}\""));
        let error = store
            .issue_invoice(" padded ", &pattern(), draft(), date(), &options())
            .unwrap_err();
        assert_eq!(error.code(), "number_series.invalid_id");
    }

    #[test]
    fn migrations_are_recorded_once_and_newer_schemas_refused() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate(&mut connection).unwrap();
        migrate(&mut connection).unwrap();
        let versions: i64 = connection
            .query_row("SELECT COUNT(*) FROM schema_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(versions, 1);
        connection
            .execute("INSERT INTO schema_version (version) VALUES (99)", [])
            .unwrap();
        let error = migrate(&mut connection).unwrap_err();
        assert_eq!(
            error,
            StoreError::Migration {
                found: 99,
                known: 1
            }
        );
        assert_eq!(error.code(), "store.migration");
    }

    #[test]
    fn an_unreadable_series_state_is_reported() {
        let mut store = memory();
        store
            .connection
            .execute(
                "INSERT INTO number_series (id, state) VALUES ('invoices', '{}')",
                [],
            )
            .unwrap();
        let error = store
            .issue_invoice("invoices", &pattern(), draft(), date(), &options())
            .unwrap_err();
        assert_eq!(error.code(), "store.series_state");
    }
}
