//! `desk`'s state: an embedded SQLite database (`--db <path>`, default `desk.db`).
//!
//! All of the app's SQL lives in this one module, so an integrator can copy it and swap the
//! statements for another database. The domain crates never see it.
//!
//! # How the state is kept
//!
//! The desk's state is an [`Office`]: the domain crates' aggregates, composed. Every change
//! is an [`Operation`]; the `operations` table is the journal of every operation applied, in
//! order, as JSON. Applying an operation and recording it happen in ONE transaction with
//! everything the operation produced, written to tables an integrator can query with SQL:
//! `clients`, `cases`, `documents` (everything filed, with the case it is filed in),
//! `issued_documents` (invoices and credit notes with their text and UBL), `number_series`,
//! `shifts`, `receipts`, `payments`, `needs`, `orders`, `reservations` and `products` (the
//! catalogue last loaded; waybills and survey reports are `documents` rows with their text).
//! Either all of it is stored or none of it: a failure (or a killed process) before the
//! commit rolls back, so the next run continues every number series with no gap and no
//! duplicate.
//!
//! The journal is only appended to, with one exception: erasing a person (GDPR art. 17)
//! rewrites the entries that registered them without the erased fields and with their
//! outcome pinned ([`Operation::RegisterClientRedacted`]), in the erasure's own transaction,
//! so no erased value stays in the file and the journal still replays to the same office.
//!
//! Opening the database replays the journal through the domain crates, which are pure, so
//! the office comes back exactly as it was, and then checks that every stored number series
//! is the one the replay gives; a database edited by hand so that they disagree is refused
//! ([`StoreError::Diverged`]). Before each operation, inside the write lock, the store
//! first applies any operations another `desk` process committed since this one opened the
//! file, so two desks on one database take turns and never issue the same number.
//!
//! The schema is versioned: [`MIGRATIONS`] lists the steps, and `schema_version` records the
//! ones applied, so opening a database twice changes nothing and a database made by a newer
//! `desk` is refused rather than misread. Foreign keys are enforced.

use std::fmt;
use std::path::Path;

use apkalpe_accounting::{
    AccountingError, IssuedCreditNote, IssuedInvoice, render_credit_note, render_invoice,
    render_waybill, write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_catalogue::{OrderReference, Reservation, ScheduledDelivery};
use apkalpe_clients::NeedId;
use apkalpe_core::NumberSeries;
use apkalpe_payments::{EntryOutcome, MatchStatus, PaymentMethod, ReceiptKind};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};

use crate::office::{Filed, Office, OfficeError, Operation, Outcome};
use apkalpe_clients::ErasureReport;

/// The schema migrations, in order: `(version, SQL)`. A released step is never edited; a
/// change is a new step.
const MIGRATIONS: &[(i64, &str)] = &[
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
];

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
    /// A journal entry could not be read or applied again.
    Journal {
        /// The entry's sequence number.
        seq: i64,
        /// What went wrong.
        message: String,
    },
    /// The stored state is not what the journal gives (the file was edited by hand).
    Diverged {
        /// What differs.
        what: String,
    },
    /// A document with this number is already stored (the series and the documents
    /// disagree, e.g. after an edit by hand); nothing was issued.
    DuplicateNumber {
        /// The number.
        number: String,
    },
    /// An earlier write failed after the office had changed: this store must be opened
    /// again before it takes another operation.
    Poisoned,
    /// The office refused the operation.
    Office(OfficeError),
}

impl StoreError {
    /// Returns the stable code: `store.sqlite`, `store.migration`, `store.series_pattern`,
    /// `store.series_state`, `store.journal`, `store.diverged`, `store.duplicate_number`,
    /// `store.poisoned`, or for [`StoreError::Office`] the office's own code (so `desk`
    /// prints the same lines with or without a store).
    pub(crate) fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite { .. } => "store.sqlite",
            StoreError::Migration { .. } => "store.migration",
            StoreError::SeriesPattern { .. } => "store.series_pattern",
            StoreError::SeriesState { .. } => "store.series_state",
            StoreError::Journal { .. } => "store.journal",
            StoreError::Diverged { .. } => "store.diverged",
            StoreError::DuplicateNumber { .. } => "store.duplicate_number",
            StoreError::Poisoned => "store.poisoned",
            StoreError::Office(error) => error.code(),
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
            StoreError::Journal { seq, message } => {
                write!(f, "journal entry {seq} cannot be applied again: {message}")
            }
            StoreError::Diverged { what } => write!(
                f,
                "the database disagrees with its own journal ({what}); was it edited by hand?"
            ),
            StoreError::DuplicateNumber { number } => write!(
                f,
                "a document numbered {number} is already stored; nothing was issued"
            ),
            StoreError::Poisoned => f.write_str(
                "an earlier write failed; open the database again before the next operation",
            ),
            StoreError::Office(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<OfficeError> for StoreError {
    fn from(error: OfficeError) -> Self {
        match error {
            OfficeError::DuplicateNumber { number } => StoreError::DuplicateNumber { number },
            error => StoreError::Office(error),
        }
    }
}

impl From<AccountingError> for StoreError {
    fn from(error: AccountingError) -> Self {
        StoreError::Office(OfficeError::Accounting(error))
    }
}

/// Wraps a SQLite error with what the store was doing.
fn sqlite(action: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| StoreError::Sqlite {
        action,
        message: error.to_string(),
    }
}

/// How hard each commit waits for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// Rollback journal, `synchronous = FULL`: a commit survives a power cut. The default.
    Full,
    /// Write-ahead log, `synchronous = NORMAL`: a commit survives the process being killed
    /// (the case the crash test checks), and the last commits may be lost on a power cut;
    /// the database is never corrupt. `desk simulate` uses it for speed.
    Process,
}

/// The store: one open SQLite database with the current schema, and the office its journal
/// gives.
#[derive(Debug)]
pub(crate) struct Store {
    connection: Connection,
    office: Office,
    /// The last journal entry applied to `office`.
    applied: i64,
    poisoned: bool,
}

/// An operation as journalled: its sequence number, and what it produced.
#[derive(Debug, Clone)]
pub(crate) struct Applied {
    /// The journal's sequence number.
    pub(crate) seq: i64,
    /// What the operation produced.
    pub(crate) outcome: Outcome,
}

impl Store {
    /// Opens (or creates) the database at `path`, brings its schema up to date and replays
    /// its journal.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`] when the file cannot be opened or is not a database;
    /// [`StoreError::Migration`] when it was made by a newer `desk`; [`StoreError::Journal`]
    /// or [`StoreError::Diverged`] when its contents disagree.
    pub(crate) fn open(path: &Path) -> Result<Self, StoreError> {
        Store::open_with(path, Durability::Full)
    }

    /// As [`Store::open`], with the given durability.
    pub(crate) fn open_with(path: &Path, durability: Durability) -> Result<Self, StoreError> {
        let connection = Connection::open(path).map_err(sqlite("opening the file"))?;
        if durability == Durability::Process {
            connection
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(sqlite("choosing the journal mode"))?;
            connection
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(sqlite("choosing the durability"))?;
        }
        Store::with_connection(connection)
    }

    /// An empty store in memory (the demo's default: nothing is left behind).
    pub(crate) fn in_memory() -> Result<Self, StoreError> {
        let connection = Connection::open_in_memory().map_err(sqlite("opening memory"))?;
        Store::with_connection(connection)
    }

    /// Sets up an open connection: pragmas, the migrations not yet applied, the replay.
    fn with_connection(mut connection: Connection) -> Result<Self, StoreError> {
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sqlite("enabling foreign keys"))?;
        migrate(&mut connection)?;
        let mut store = Store {
            connection,
            office: Office::new()?,
            applied: 0,
            poisoned: false,
        };
        let transaction = store
            .connection
            .transaction()
            .map_err(sqlite("starting a transaction"))?;
        catch_up(&transaction, &mut store.office, &mut store.applied)?;
        check_series(&transaction, &store.office)?;
        transaction
            .commit()
            .map_err(sqlite("finishing the replay"))?;
        Ok(store)
    }

    /// The office as the journal leaves it.
    pub(crate) fn office(&self) -> &Office {
        &self.office
    }

    /// How many operations the journal holds.
    pub(crate) fn journal_len(&self) -> i64 {
        self.applied
    }

    /// Applies `operation` at `at` and stores it with everything it produced, in one
    /// transaction.
    ///
    /// # Errors
    ///
    /// Any [`StoreError`]; then nothing was stored.
    pub(crate) fn apply(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.apply_then(operation, at, |_| Ok(()))
    }

    /// As [`Store::apply`], running `before_commit` after every write and just before the
    /// commit: tests use it to fail (as a crash would) at the last moment.
    pub(crate) fn apply_then(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
        before_commit: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
    ) -> Result<Applied, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        if let Operation::IssueDraftInvoice {
            series_id, pattern, ..
        } = operation
            && let Some(series) = self.office.series().get(series_id)
            && series.pattern().to_string() != *pattern
        {
            return Err(StoreError::SeriesPattern {
                series: series_id.clone(),
                stored: series.pattern().to_string(),
                requested: pattern.clone(),
            });
        }
        // IMMEDIATE takes the write lock now, so two desks on one file take turns; what the
        // other committed meanwhile is applied first.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite("starting a transaction"))?;
        catch_up(&transaction, &mut self.office, &mut self.applied)?;
        let before: Vec<NumberSeries> = self.office.series().values().cloned().collect();
        let outcome = self.office.apply(operation, at)?;
        // From here on the office has changed: a failure poisons this store.
        let seq = self.applied + 1;
        let written = save_series(&transaction, &before, &self.office)
            .and_then(|()| record(&transaction, seq, operation, at, &outcome, &self.office))
            .and_then(|()| before_commit(&transaction))
            .and_then(|()| {
                transaction
                    .commit()
                    .map_err(sqlite("committing the operation"))
            });
        match written {
            Ok(()) => {
                self.applied = seq;
                Ok(Applied { seq, outcome })
            }
            Err(error) => {
                self.poisoned = true;
                // The office had applied the operation: this is a failure to store it, not
                // a refusal, and must not read as one.
                Err(match error {
                    StoreError::Office(error) => StoreError::Journal {
                        seq,
                        message: format!(
                            "storing what it produced failed: {}: {error}",
                            error.code()
                        ),
                    },
                    error => error,
                })
            }
        }
    }

    /// Issues a draft invoice (JSON, as `desk invoice issue` reads it) with the next number
    /// of series `series_id`, stored with its text and UBL.
    ///
    /// # Errors
    ///
    /// Any [`StoreError`]; then nothing was stored and the series is as before.
    pub(crate) fn issue_invoice(
        &mut self,
        series_id: &str,
        pattern: &str,
        draft: &str,
        date: chrono::NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<StoredInvoice, StoreError> {
        let operation = Operation::IssueDraftInvoice {
            series_id: series_id.to_owned(),
            pattern: pattern.to_owned(),
            draft: draft.to_owned(),
            date,
        };
        let applied = self.apply(&operation, at)?;
        let Outcome::Invoice(invoice, _) = applied.outcome else {
            return Err(StoreError::Journal {
                seq: applied.seq,
                message: "issuing an invoice produced no invoice".into(),
            });
        };
        let (text, ubl): (String, String) = self
            .connection
            .query_row(
                "SELECT text, ubl FROM issued_documents WHERE number = ?1",
                [invoice.number().as_str()],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(sqlite("reading the invoice back"))?;
        Ok(StoredInvoice { invoice, text, ubl })
    }

    /// How many documents the `documents` table files in each case index, as
    /// `"<index>: <count>"` in index order: the SQL side of "every document is filed".
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`].
    pub(crate) fn documents_per_case(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT case_index || ': ' || COUNT(*) FROM documents
                 GROUP BY case_index ORDER BY case_index",
            )
            .map_err(sqlite("counting the documents per case"))?;
        let rows = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(sqlite("counting the documents per case"))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(sqlite("counting the documents per case"))
    }

    /// Every journalled operation, in order.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`], or [`StoreError::Journal`] for an entry that cannot be read.
    pub(crate) fn journal(&self) -> Result<Vec<Operation>, StoreError> {
        let mut statement = self
            .connection
            .prepare("SELECT seq, input FROM operations ORDER BY seq")
            .map_err(sqlite("reading the journal"))?;
        let rows = statement
            .query_map([], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(sqlite("reading the journal"))?;
        let mut operations = Vec::new();
        for row in rows {
            let (seq, input) = row.map_err(sqlite("reading the journal"))?;
            operations.push(
                serde_json::from_str(&input).map_err(|error| StoreError::Journal {
                    seq,
                    message: error.to_string(),
                })?,
            );
        }
        Ok(operations)
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

/// Applies the journal entries after `applied` to `office`.
fn catch_up(
    transaction: &Transaction<'_>,
    office: &mut Office,
    applied: &mut i64,
) -> Result<(), StoreError> {
    let mut statement = transaction
        .prepare_cached("SELECT seq, at, input FROM operations WHERE seq > ?1 ORDER BY seq")
        .map_err(sqlite("reading the journal"))?;
    let mut rows = statement
        .query([*applied])
        .map_err(sqlite("reading the journal"))?;
    while let Some(row) = rows.next().map_err(sqlite("reading the journal"))? {
        let seq: i64 = row.get(0).map_err(sqlite("reading the journal"))?;
        let at: String = row.get(1).map_err(sqlite("reading the journal"))?;
        let input: String = row.get(2).map_err(sqlite("reading the journal"))?;
        let journal = |message: String| StoreError::Journal { seq, message };
        if seq != *applied + 1 {
            return Err(journal(format!("expected entry {}", *applied + 1)));
        }
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|error| journal(format!("time {at:?}: {error}")))?
            .with_timezone(&Utc);
        let operation: Operation =
            serde_json::from_str(&input).map_err(|error| journal(error.to_string()))?;
        office
            .apply(&operation, at)
            .map_err(|error| journal(format!("{}: {error}", error.code())))?;
        *applied = seq;
    }
    Ok(())
}

/// Every stored series must be the one the journal gives.
fn check_series(transaction: &Transaction<'_>, office: &Office) -> Result<(), StoreError> {
    let ids: Vec<String> = {
        let mut statement = transaction
            .prepare("SELECT id FROM number_series ORDER BY id")
            .map_err(sqlite("reading the number series"))?;
        let rows = statement
            .query_map([], |row| row.get(0))
            .map_err(sqlite("reading the number series"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sqlite("reading the number series"))?
    };
    for id in &ids {
        let stored = load_series(transaction, id)?;
        if stored.as_ref() != office.series().get(id) {
            return Err(StoreError::Diverged {
                what: format!("number series {id:?}"),
            });
        }
    }
    if let Some(id) = office.series().keys().find(|id| !ids.contains(id)) {
        return Err(StoreError::Diverged {
            what: format!("number series {id:?} is missing"),
        });
    }
    Ok(())
}

/// Writes the journal entry and what the operation produced.
fn record(
    transaction: &Transaction<'_>,
    seq: i64,
    operation: &Operation,
    at: DateTime<Utc>,
    outcome: &Outcome,
    office: &Office,
) -> Result<(), StoreError> {
    let input = serde_json::to_string(operation).map_err(|error| StoreError::Journal {
        seq,
        message: error.to_string(),
    })?;
    execute(
        transaction,
        "writing the journal",
        "INSERT INTO operations (seq, at, kind, input) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![seq, at.to_rfc3339(), operation.kind(), input],
    )?;
    if let Outcome::Client { id, existing, .. } = outcome {
        execute(
            transaction,
            "recording the registration",
            "INSERT INTO registrations (seq, client, existing) VALUES (?1, ?2, ?3)",
            rusqlite::params![seq, id.to_string(), existing],
        )?;
    }
    match outcome {
        Outcome::DayOpened { .. } | Outcome::Reconciled(_) | Outcome::ShiftOpened { .. } => {}
        Outcome::Client {
            id,
            existing: false,
            check,
        } => {
            let client = office.registry().get(*id);
            let kind = if client.is_some_and(|c| c.organisation().is_some()) {
                "organisation"
            } else {
                "person"
            };
            let name = client.map(|c| c.display_name()).unwrap_or_default();
            let registration = client
                .and_then(|c| c.organisation())
                .and_then(|o| o.registration_number())
                .map(ToString::to_string);
            let check = check.as_ref().and_then(|c| serde_json::to_string(c).ok());
            execute(
                transaction,
                "storing the client",
                "INSERT INTO clients (id, kind, name, registration, register_check, registered_at, operation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    id.to_string(),
                    kind,
                    name,
                    registration,
                    check,
                    at.to_rfc3339(),
                    seq
                ],
            )?;
        }
        Outcome::Client { .. } => {}
        Outcome::Erased(report) => redact(transaction, report, office)?,
        Outcome::Receipt(receipt) => {
            let shift = office.z_reports().len() as i64 + 1;
            let kind = match receipt.kind() {
                ReceiptKind::Sale => "sale".to_owned(),
                ReceiptKind::Return { original } => format!("return of {original}"),
            };
            let text = office
                .shift()
                .map(|s| receipt.render(s.register().identity()))
                .unwrap_or_default();
            execute(
                transaction,
                "storing the receipt",
                "INSERT INTO receipts (number, shift, kind, total, text, operation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    receipt.number() as i64,
                    shift,
                    kind,
                    receipt.total().amount().to_string(),
                    text,
                    seq
                ],
            )?;
            for payment in receipt.payments() {
                insert_payment(
                    transaction,
                    match payment.method {
                        PaymentMethod::Cash => "cash",
                        PaymentMethod::Card => "card",
                        _ => "transfer",
                    },
                    &payment.amount.amount().to_string(),
                    payment.reference.as_deref().unwrap_or(""),
                    Some(&receipt.number().to_string()),
                    seq,
                )?;
            }
        }
        Outcome::Contract(filed) => insert_filed(transaction, filed, None, seq, office)?,
        Outcome::Invoice(invoice, filed) => {
            insert_invoice(transaction, invoice)?;
            insert_filed(transaction, filed, None, seq, office)?;
        }
        Outcome::CreditNote(note, filed) => {
            insert_credit_note(transaction, note)?;
            insert_filed(transaction, filed, None, seq, office)?;
        }
        Outcome::Complaint { filed, .. } => insert_filed(transaction, filed, None, seq, office)?,
        Outcome::Answer { filed, letter, .. } => {
            insert_filed(transaction, filed, Some(letter), seq, office)?;
        }
        Outcome::Need { id } => insert_need(transaction, *id, seq, office)?,
        Outcome::Order {
            reference,
            reservations,
            delivery,
        } => insert_order(transaction, reference, reservations, delivery, seq, office)?,
        Outcome::Waybill(waybill, filed) => {
            insert_filed(
                transaction,
                filed,
                Some(&render_waybill(waybill)),
                seq,
                office,
            )?;
        }
        Outcome::SurveyReport { filed, text, .. } => {
            insert_filed(transaction, filed, Some(text), seq, office)?;
        }
        Outcome::CatalogueLoaded { .. } => insert_products(transaction, seq, office)?,
        Outcome::ShiftClosed(z, filed) => {
            let counted = serde_json::to_string(&z.counted).unwrap_or_default();
            execute(
                transaction,
                "closing the shift",
                "UPDATE shifts SET closed_at = ?2, counted = ?3, over_short = ?4, z_report = ?5
                 WHERE number = ?1",
                rusqlite::params![
                    z.number as i64,
                    z.at.to_rfc3339(),
                    counted,
                    z.over_short.amount().to_string(),
                    z.render()
                ],
            )?;
            insert_filed(transaction, filed, Some(&z.render()), seq, office)?;
        }
    }
    if let (Operation::OpenShift { cashier, float }, Outcome::ShiftOpened { .. }) =
        (operation, outcome)
    {
        let float = serde_json::to_string(float).unwrap_or_default();
        execute(
            transaction,
            "opening the shift",
            "INSERT INTO shifts (number, cashier, opened_at, float) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![
                office.z_reports().len() as i64 + 1,
                cashier,
                at.to_rfc3339(),
                float
            ],
        )?;
    }
    if let Outcome::Reconciled(report) = outcome {
        for entry in &report.entries {
            insert_allocations(transaction, entry, seq)?;
        }
    }
    Ok(())
}

/// A recorded need: its `needs` row.
fn insert_need(
    transaction: &Transaction<'_>,
    id: NeedId,
    seq: i64,
    office: &Office,
) -> Result<(), StoreError> {
    let need = office
        .registry()
        .need(id)
        .ok_or_else(|| StoreError::Journal {
            seq,
            message: format!("need {id} is not in the registry"),
        })?;
    execute(
        transaction,
        "storing the need",
        "INSERT INTO needs (id, client, category, quantity, budget, needed_by, recorded_at, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            id.to_string(),
            need.client().to_string(),
            need.category(),
            need.quantity().map(|q| q.to_string()),
            need.budget()
            .and_then(|b| b.max())
            .map(|m| m.amount().to_string()),
            need.needed_by().map(|d| d.to_string()),
            need.recorded_at().to_rfc3339(),
            seq
        ],
    )?;
    Ok(())
}

/// An order: its `orders` row and one `reservations` row per line.
fn insert_order(
    transaction: &Transaction<'_>,
    reference: &OrderReference,
    reservations: &[Reservation],
    delivery: &ScheduledDelivery,
    seq: i64,
    office: &Office,
) -> Result<(), StoreError> {
    let client = office
        .orders()
        .get(reference.as_str())
        .map(|order| order.client.to_string())
        .ok_or_else(|| StoreError::Journal {
            seq,
            message: format!("order {reference} is not in the office"),
        })?;
    execute(
        transaction,
        "storing the order",
        "INSERT INTO orders (reference, client, carrier, ready, dispatch, promised, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            reference.as_str(),
            client,
            delivery.carrier().as_str(),
            delivery.ready().to_string(),
            delivery.dispatch().to_string(),
            delivery.promised().to_string(),
            seq
        ],
    )?;
    for reservation in reservations {
        execute(
            transaction,
            "storing the reservation",
            "INSERT INTO reservations (reference, order_reference, sku, quantity, expires)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                reservation.reference().as_str(),
                reference.as_str(),
                reservation.sku().as_str(),
                reservation.quantity().to_string(),
                reservation.expires().to_string()
            ],
        )?;
    }
    Ok(())
}

fn insert_payment(
    transaction: &Transaction<'_>,
    method: &str,
    amount: &str,
    reference: &str,
    applies_to: Option<&str>,
    seq: i64,
) -> Result<(), StoreError> {
    execute(
        transaction,
        "storing the payment",
        "INSERT INTO payments (method, amount, reference, applies_to, operation)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![method, amount, reference, applies_to, seq],
    )?;
    Ok(())
}

/// A bank payment matched to receivables: one `payments` row per receivable it paid.
fn insert_allocations(
    transaction: &Transaction<'_>,
    entry: &EntryOutcome,
    seq: i64,
) -> Result<(), StoreError> {
    if !matches!(entry.status, MatchStatus::Matched | MatchStatus::Partial) {
        return Ok(());
    }
    insert_payment(
        transaction,
        "bank",
        &entry.amount.amount().to_string(),
        &entry.entry_ref,
        entry.receivable.as_deref(),
        seq,
    )
}

/// Runs one statement of the transaction (cached, so a loop prepares it once); `action` says
/// what the store was doing when SQLite fails.
fn execute(
    transaction: &Transaction<'_>,
    action: &'static str,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<usize, StoreError> {
    transaction
        .prepare_cached(sql)
        .and_then(|mut statement| statement.execute(params))
        .map_err(sqlite(action))
}

/// Takes an erased client's personal data out of the journal and the tables, in the
/// erasure's own transaction: every journal entry that registered the client (or found it
/// again) becomes a [`Operation::RegisterClientRedacted`] without the erased fields and
/// with its outcome pinned, so the journal still replays to the same office; the `clients`
/// row takes the name the register now shows. Documents under retention keep what they
/// hold: the erasure's holds say until when.
fn redact(
    transaction: &Transaction<'_>,
    report: &ErasureReport,
    office: &Office,
) -> Result<(), StoreError> {
    let client = report.client();
    let entries: Vec<(i64, bool, String)> = {
        let mut statement = transaction
            .prepare_cached(
                "SELECT r.seq, r.existing, o.input FROM registrations r
                 JOIN operations o ON o.seq = r.seq WHERE r.client = ?1 ORDER BY r.seq",
            )
            .map_err(sqlite("finding the registrations"))?;
        let rows = statement
            .query_map([client.to_string()], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .map_err(sqlite("finding the registrations"))?;
        rows.collect::<Result<_, _>>()
            .map_err(sqlite("finding the registrations"))?
    };
    for (seq, existing, input) in entries {
        let journal = |message: String| StoreError::Journal { seq, message };
        let operation: Operation =
            serde_json::from_str(&input).map_err(|error| journal(error.to_string()))?;
        let (Operation::RegisterClient { client: input }
        | Operation::RegisterClientRedacted { client: input, .. }) = operation
        else {
            return Err(journal("a registration entry is not a registration".into()));
        };
        let redacted = Operation::RegisterClientRedacted {
            id: client.as_uuid(),
            existing,
            client: input.redacted(|field| report.is_erased(field)),
        };
        let text = serde_json::to_string(&redacted).map_err(|error| journal(error.to_string()))?;
        execute(
            transaction,
            "redacting the journal",
            "UPDATE operations SET input = ?2, kind = ?3 WHERE seq = ?1",
            rusqlite::params![seq, text, redacted.kind()],
        )?;
    }
    let name = office
        .registry()
        .get(client)
        .map(|c| c.display_name())
        .unwrap_or_default();
    execute(
        transaction,
        "redacting the client",
        "UPDATE clients SET name = ?2, erased_at = ?3 WHERE id = ?1",
        rusqlite::params![client.to_string(), name, report.erased_at().to_rfc3339()],
    )?;
    Ok(())
}

/// Replaces the `products` rows with the office's catalogue.
fn insert_products(
    transaction: &Transaction<'_>,
    seq: i64,
    office: &Office,
) -> Result<(), StoreError> {
    transaction
        .execute("DELETE FROM products", [])
        .map_err(sqlite("replacing the products"))?;
    let mut statement = transaction
        .prepare_cached(
            "INSERT INTO products (sku, name, kind, unit, vat_class, status, category, operation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sqlite("storing the products"))?;
    let text = |value: serde_json::Result<serde_json::Value>| match value {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    };
    for product in office.catalogue().catalogue().products() {
        statement
            .execute(rusqlite::params![
                product.sku().to_string(),
                product.name().get(apkalpe_core::Language::Latvian),
                text(serde_json::to_value(product.kind())),
                product.unit().to_string(),
                text(serde_json::to_value(product.vat_class())),
                text(serde_json::to_value(product.status())),
                product.category().to_string(),
                seq
            ])
            .map_err(sqlite("storing the products"))?;
    }
    Ok(())
}

/// Files a document: its case row (once per year and index) and its `documents` row.
fn insert_filed(
    transaction: &Transaction<'_>,
    filed: &Filed,
    text: Option<&str>,
    seq: i64,
    office: &Office,
) -> Result<(), StoreError> {
    let year = chrono::Datelike::year(&filed.date);
    if let Some(case) = office
        .cases()
        .find(|c| c.index() == &filed.case && c.year() == year)
    {
        execute(
            transaction,
            "storing the case",
            "INSERT OR IGNORE INTO cases (year, case_index, title, retention, opened_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                year,
                filed.case.to_string(),
                case.title(),
                office
                    .plan(year)
                    .and_then(|p| p.entry(&filed.case))
                    .and_then(|e| e.case())
                    .map(|c| c.retention().to_string())
                    .unwrap_or_default(),
                case.opened_on().to_string()
            ],
        )?;
    }
    execute(
        transaction,
        "filing the document",
        "INSERT INTO documents (id, number, kind, year, case_index, date, text, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            filed.id.as_uuid().to_string(),
            filed.number,
            filed.kind,
            year,
            filed.case.to_string(),
            filed.date.to_string(),
            text,
            seq
        ],
    )?;
    Ok(())
}

/// Saves every series the operation changed, after checking the stored state is the one
/// the office started from.
fn save_series(
    transaction: &Transaction<'_>,
    before: &[NumberSeries],
    office: &Office,
) -> Result<(), StoreError> {
    for series in office.series().values() {
        let old = before.iter().find(|b| b.id() == series.id());
        if old == Some(series) {
            continue;
        }
        let stored = load_series(transaction, series.id())?;
        if stored.as_ref() != old {
            return Err(StoreError::Diverged {
                what: format!("number series {:?}", series.id()),
            });
        }
        let state = serde_json::to_string(series).map_err(|error| StoreError::SeriesState {
            series: series.id().to_owned(),
            message: error.to_string(),
        })?;
        let sql = if old.is_none() {
            "INSERT INTO number_series (id, state) VALUES (?1, ?2)"
        } else {
            "UPDATE number_series SET state = ?2 WHERE id = ?1"
        };
        execute(
            transaction,
            "saving the number series",
            sql,
            [series.id(), state.as_str()],
        )?;
    }
    Ok(())
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

/// The UBL e-invoice of a document, or an empty text when its buyer has no electronic
/// address (a consumer, who gets the invoice on paper or as PDF: Peppol BIS 3 needs an
/// endpoint, `ubl.endpoint_missing`). Any other failure is an error.
fn e_invoice(written: Result<String, AccountingError>) -> Result<String, StoreError> {
    match written {
        Ok(xml) => Ok(xml),
        Err(error)
            if !error.findings().is_empty()
                && error
                    .findings()
                    .iter()
                    .all(|finding| finding.code() == "ubl.endpoint_missing") =>
        {
            Ok(String::new())
        }
        Err(error) => Err(error.into()),
    }
}

/// Inserts an issued invoice with its text and UBL; a number already stored is
/// [`StoreError::DuplicateNumber`].
fn insert_invoice(
    transaction: &Transaction<'_>,
    invoice: &IssuedInvoice,
) -> Result<(), StoreError> {
    let text = render_invoice(invoice)?;
    let ubl = e_invoice(write_ubl_invoice(invoice))?;
    let kind = match serde_json::to_value(invoice.kind()) {
        Ok(serde_json::Value::String(kind)) => kind,
        _ => invoice.kind().type_code().to_owned(),
    };
    let number = invoice.number();
    insert_issued(
        transaction,
        [
            number.as_str(),
            number.series_id(),
            kind.as_str(),
            &invoice.issue_date().format("%Y-%m-%d").to_string(),
            &ubl,
            &text,
        ],
    )
}

/// Inserts an issued credit note with its text and UBL.
fn insert_credit_note(
    transaction: &Transaction<'_>,
    note: &IssuedCreditNote,
) -> Result<(), StoreError> {
    let text = render_credit_note(note)?;
    let ubl = e_invoice(write_ubl_credit_note(note))?;
    let number = note.number();
    insert_issued(
        transaction,
        [
            number.as_str(),
            number.series_id(),
            "credit_note",
            &note.issue_date().format("%Y-%m-%d").to_string(),
            &ubl,
            &text,
        ],
    )
}

fn insert_issued(transaction: &Transaction<'_>, values: [&str; 6]) -> Result<(), StoreError> {
    let inserted = transaction
        .prepare_cached(
            "INSERT INTO issued_documents (number, series_id, kind, issue_date, ubl, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .and_then(|mut statement| statement.execute(values));
    match inserted {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if failure.code == ErrorCode::ConstraintViolation =>
        {
            Err(StoreError::DuplicateNumber {
                number: values[0].to_owned(),
            })
        }
        Err(error) => Err(sqlite("storing the document")(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::{ClientInput, ItemLine};
    use apkalpe_payments::{CashCount, Denomination};
    use chrono::{NaiveDate, TimeZone};

    const DRAFT: &str = include_str!("../drafts/invoice.json");
    const PATTERN: &str = "INV{year}-{seq:5}";

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
    }

    fn memory() -> Store {
        Store::in_memory().unwrap()
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store
            .connection
            .query_row(sql, [], |row| row.get(0))
            .unwrap()
    }

    fn issue(store: &mut Store, series: &str, pattern: &str) -> Result<StoredInvoice, StoreError> {
        store.issue_invoice(series, pattern, DRAFT, date(), at())
    }

    #[test]
    fn issues_and_continues_the_series() {
        let mut store = memory();
        let first = issue(&mut store, "invoices", PATTERN).unwrap();
        let second = issue(&mut store, "invoices", PATTERN).unwrap();
        assert_eq!(first.invoice.number().as_str(), "INV2026-00001");
        assert_eq!(second.invoice.number().as_str(), "INV2026-00002");
        assert!(second.text.starts_with("PVN rēķins Nr. INV2026-00002\n"));
        assert!(second.ubl.contains("<cbc:ID>INV2026-00002</cbc:ID>"));
        assert_eq!(count(&store, "SELECT COUNT(*) FROM issued_documents"), 2);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM operations"), 2);
        // Each invoice is filed once, in case 4.2 of its year.
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM documents WHERE case_index = '4.2' AND year = 2026"
            ),
            2
        );
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
    fn a_failure_just_before_commit_stores_nothing_and_poisons_the_store() {
        let mut store = memory();
        issue(&mut store, "invoices", PATTERN).unwrap();
        let before = store.series("invoices").unwrap().unwrap();
        let operation = Operation::IssueDraftInvoice {
            series_id: "invoices".into(),
            pattern: PATTERN.into(),
            draft: DRAFT.into(),
            date: date(),
        };
        let crashed = store
            .apply_then(&operation, at(), |tx| {
                // Every write happened inside the transaction…
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
        assert_eq!(count(&store, "SELECT COUNT(*) FROM operations"), 1);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM documents"), 1);
        // The office had moved on in memory: this store refuses more work…
        let refused = issue(&mut store, "invoices", PATTERN).unwrap_err();
        assert_eq!(refused, StoreError::Poisoned);
        // …and a store opened again from the journal continues without a gap.
        let Store { connection, .. } = store;
        let mut again = Store::with_connection(connection).unwrap();
        let next = issue(&mut again, "invoices", PATTERN).unwrap();
        assert_eq!(next.invoice.number().as_str(), "INV2026-00002");
    }

    #[test]
    fn a_new_series_rolled_back_is_not_created() {
        let mut store = memory();
        let operation = Operation::IssueDraftInvoice {
            series_id: "other".into(),
            pattern: PATTERN.into(),
            draft: DRAFT.into(),
            date: date(),
        };
        let error = store
            .apply_then(&operation, at(), |_| {
                Err(StoreError::DuplicateNumber { number: "x".into() })
            })
            .unwrap_err();
        assert_eq!(error.code(), "store.duplicate_number");
        assert_eq!(store.series("other").unwrap(), None);
    }

    #[test]
    fn refuses_another_pattern_and_a_bad_series_id() {
        let mut store = memory();
        issue(&mut store, "invoices", PATTERN).unwrap();
        let error = issue(&mut store, "invoices", "R-{seq:4}").unwrap_err();
        assert_eq!(error.code(), "store.series_pattern");
        assert!(error.to_string().contains("\"INV{year}-{seq:5}\""));
        let error = issue(&mut store, " padded ", PATTERN).unwrap_err();
        assert_eq!(error.code(), "number_series.invalid_id");
        // Refusals leave nothing in the journal.
        assert_eq!(count(&store, "SELECT COUNT(*) FROM operations"), 1);
    }

    #[test]
    fn migrations_are_recorded_once_and_newer_schemas_refused() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate(&mut connection).unwrap();
        migrate(&mut connection).unwrap();
        let versions: i64 = connection
            .query_row("SELECT COUNT(*) FROM schema_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(versions, MIGRATIONS.len() as i64);
        connection
            .execute("INSERT INTO schema_version (version) VALUES (99)", [])
            .unwrap();
        let error = migrate(&mut connection).unwrap_err();
        assert_eq!(
            error,
            StoreError::Migration {
                found: 99,
                known: MIGRATIONS.len() as i64
            }
        );
        assert_eq!(error.code(), "store.migration");
    }

    #[test]
    fn an_unreadable_or_edited_series_state_is_reported() {
        let mut store = memory();
        store
            .connection
            .execute(
                "INSERT INTO number_series (id, state) VALUES ('invoices', '{}')",
                [],
            )
            .unwrap();
        let error = issue(&mut store, "invoices", PATTERN).unwrap_err();
        assert_eq!(error.code(), "store.series_state");

        // A series edited by hand no longer matches the journal: opening refuses it.
        let mut store = memory();
        issue(&mut store, "invoices", PATTERN).unwrap();
        let Store { connection, .. } = store;
        connection
            .execute_batch(
                "PRAGMA foreign_keys = OFF; DELETE FROM number_series WHERE id = 'invoices';",
            )
            .unwrap();
        let error = Store::with_connection(connection).unwrap_err();
        assert_eq!(error.code(), "store.diverged");
    }

    #[test]
    fn a_second_desk_on_the_same_file_catches_up_before_it_writes() {
        let path = std::env::temp_dir().join(format!("desk-two-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut one = Store::open(&path).unwrap();
        let mut two = Store::open(&path).unwrap();
        let a = issue(&mut one, "invoices", PATTERN).unwrap();
        let b = issue(&mut two, "invoices", PATTERN).unwrap();
        let c = issue(&mut one, "invoices", PATTERN).unwrap();
        let numbers: Vec<&str> = [&a, &b, &c]
            .iter()
            .map(|s| s.invoice.number().as_str())
            .collect();
        assert_eq!(numbers, ["INV2026-00001", "INV2026-00002", "INV2026-00003"]);
        assert_eq!(two.journal_len(), 2);
        assert_eq!(one.journal_len(), 3);
        drop((one, two));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn a_day_is_stored_in_its_tables_and_replayed_identically() {
        let mut store = memory();
        let float = Denomination::ALL
            .iter()
            .try_fold(CashCount::new(), |count, d| count.with(*d, 10))
            .unwrap();
        let client = ClientInput {
            organisation: Some("Ziemeļu Rati".into()),
            legal_form: Some("SIA".into()),
            registration_number: Some("40203990007".into()),
            vat_number: Some("LV40203990007".into()),
            street: Some("Brīvības iela 101".into()),
            city: Some("Rīga".into()),
            postcode: Some("LV-1001".into()),
            consents: vec!["surveys".into()],
            ..ClientInput::default()
        };
        let operations = [
            Operation::OpenDay,
            Operation::RegisterClient { client },
            Operation::OpenShift {
                cashier: "Ilze Kalna".into(),
                float,
            },
            Operation::Sell {
                lines: vec![ItemLine {
                    sku: "PAP-A4-80".into(),
                    quantity: 2,
                }],
                card: None,
                cash: Some(apkalpe_core::Money::new(
                    rust_decimal::Decimal::from(20),
                    apkalpe_core::Currency::EUR,
                )),
            },
        ];
        for operation in &operations {
            store.apply(operation, at()).unwrap();
        }
        let client = store
            .office()
            .registry()
            .clients()
            .next()
            .unwrap()
            .id()
            .as_uuid();
        store
            .apply(
                &Operation::IssueInvoice {
                    client,
                    lines: vec![ItemLine {
                        sku: "PAP-A4-80".into(),
                        quantity: 10,
                    }],
                    due_in_working_days: 10,
                },
                at(),
            )
            .unwrap();
        let drawer = store.office().drawer();
        store
            .apply(&Operation::CloseShift { counted: drawer }, at())
            .unwrap();
        assert_eq!(count(&store, "SELECT COUNT(*) FROM clients"), 1);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM receipts"), 1);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM payments"), 1);
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM shifts WHERE z_report IS NOT NULL"
            ),
            1
        );
        assert_eq!(count(&store, "SELECT COUNT(*) FROM documents"), 2);
        assert_eq!(count(&store, "SELECT COUNT(*) FROM cases"), 2);
        let Store {
            connection, office, ..
        } = store;
        let again = Store::with_connection(connection).unwrap();
        assert_eq!(again.journal_len(), 6);
        assert_eq!(again.office().filed(), office.filed());
        assert_eq!(again.office().receipts(), office.receipts());
        assert_eq!(again.office().series(), office.series());
        assert_eq!(again.office().drawer(), office.drawer());
    }
    #[test]
    fn needs_orders_waybills_and_survey_reports_are_stored_and_replayed() {
        let mut store = memory();
        let client = ClientInput {
            organisation: Some("Ziemeļu Rati".into()),
            legal_form: Some("SIA".into()),
            registration_number: Some("40203990007".into()),
            vat_number: Some("LV40203990007".into()),
            street: Some("Brīvības iela 101".into()),
            city: Some("Rīga".into()),
            postcode: Some("LV-1001".into()),
            consents: vec!["surveys".into()],
            ..ClientInput::default()
        };
        store.apply(&Operation::OpenDay, at()).unwrap();
        let Outcome::Client { id, .. } = store
            .apply(&Operation::RegisterClient { client }, at())
            .unwrap()
            .outcome
        else {
            panic!("not a client")
        };
        let client = id.as_uuid();
        let lines = vec![
            ItemLine {
                sku: "LAP-E14-G5".into(),
                quantity: 1,
            },
            ItemLine {
                sku: "PAP-A4-80".into(),
                quantity: 10,
            },
        ];
        let operations = [
            Operation::RecordNeed {
                client,
                category: "it/laptops".into(),
                quantity: 1,
                budget: Some(apkalpe_core::Money::new(
                    rust_decimal::Decimal::from(1000),
                    apkalpe_core::Currency::EUR,
                )),
                needed_by: None,
                preferred: Vec::new(),
            },
            Operation::ReserveOrder {
                client,
                lines: lines.clone(),
                carrier: "courier".into(),
                hold_working_days: 5,
                need: None,
            },
            Operation::IssueInvoice {
                client,
                lines,
                due_in_working_days: 10,
            },
            Operation::IssueWaybill {
                invoice: "INV2026-00001".into(),
                vehicle: "VW Caddy, KA-1234".into(),
                dispatch: date(),
                order: None,
            },
            Operation::FileSurveyReport {
                survey: r#"{"id": "s", "title": {"lv": "Aptauja"}, "questions": [{"id": "nps", "text": {"lv": "Ieteiktu?"}, "kind": {"type": "nps"}}]}"#.into(),
                responses: format!(
                    "response_id,client_id,segment,question_id,answer\nr1,{client},,nps,4\nr2,,,nps,9\n"
                ),
            },
        ];
        for operation in &operations {
            store.apply(operation, at()).unwrap();
        }
        assert_eq!(count(&store, "SELECT COUNT(*) FROM needs"), 1);
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM orders WHERE reference = 'PAS-2026/0001' AND promised = '2026-11-30'"
            ),
            1
        );
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM reservations WHERE order_reference = 'PAS-2026/0001'"
            ),
            2
        );
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM documents WHERE kind = 'waybill' AND case_index = '4.2' AND text LIKE 'Preču pavadzīme Nr. PP2026-0001%'"
            ),
            1
        );
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM documents WHERE kind = 'survey_report' AND case_index = '2.7' AND text LIKE '%Kritiķi (NPS 0–6) sazināšanās reizei: 1%'"
            ),
            1
        );
        assert_eq!(
            count(
                &store,
                "SELECT COUNT(*) FROM number_series WHERE id = 'waybills'"
            ),
            1
        );
        let Store {
            connection, office, ..
        } = store;
        let again = Store::with_connection(connection).unwrap();
        assert_eq!(again.journal_len(), 7);
        assert_eq!(again.office().filed(), office.filed());
        assert_eq!(again.office().orders(), office.orders());
        assert_eq!(again.office().waybills(), office.waybills());
        assert_eq!(again.office().series(), office.series());
        assert_eq!(
            again
                .office()
                .catalogue()
                .stock()
                .reserved(&"LAP-E14-G5".parse().unwrap()),
            office
                .catalogue()
                .stock()
                .reserved(&"LAP-E14-G5".parse().unwrap())
        );
    }
}

#[cfg(test)]
mod replay_tests;
