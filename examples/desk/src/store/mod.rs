//! `desk`'s state: a database, either an embedded SQLite file (`--db <path>`, default
//! `desk.db`) or a PostgreSQL database on a server shared by many desks
//! (`--db postgres://…`); `DESK_DB` names it when `--db` is not given.
//!
//! All of the app's SQL lives in this module and its files, so an integrator can copy it and
//! swap the statements for another database. The domain crates and the office never see it,
//! and do not know which database they run on.
//!
//! | file | what it holds |
//! |---|---|
//! | `sql.rs` | the connection, values, rows and transactions, neutral of the backend |
//! | `sqlite.rs` | everything SQLite's own: settings, migrations, locking, its errors, erasure |
//! | `postgres.rs` | everything PostgreSQL's own: the same, for a shared server |
//! | `schema.rs` | running the versioned migrations |
//! | `journal.rs` | the journal of operations: appending, reading, replaying, redacting |
//! | `snapshot.rs` | snapshots of the office, and opening from the latest |
//! | `projection.rs` | what each operation produced, in tables an integrator queries |
//! | `history.rs` | the office's closed history, read back from those tables |
//!
//! # How the state is kept
//!
//! The desk's state is an [`Office`]: the domain crates' aggregates, composed. Every change
//! is an [`Operation`]; the `operations` table is the journal of every operation applied, in
//! order, as JSON. Applying an operation and recording it happen in ONE transaction with
//! everything the operation produced, written to tables an integrator can query with SQL.
//! Either all of it is stored or none of it: a failure (or a killed process, or a lost
//! connection) before the commit rolls back, so the next run continues every number series
//! with no gap and no duplicate.
//!
//! Opening the database does not replay the whole journal: the store keeps a snapshot of the
//! office (written in the transaction of an operation, after every erasure and every few
//! hundred operations) and opens from the latest one plus the journal after it, so opening
//! costs the same after a week as after years. The office holds only
//! what today's work needs; closed history stays in the tables, where the office finds it
//! when an operation names it. `desk verify` replays the journal from its first entry and
//! checks that the snapshot and the tables are what the replay gives.
//!
//! # Many desks on one database
//!
//! Each operation's transaction first takes the database's write lock (SQLite's `BEGIN
//! IMMEDIATE`; on PostgreSQL a transaction-scoped advisory lock), then applies any
//! operations other desks committed since this one last looked, so desks take turns and
//! never issue the same number nor skip one. A desk that sees others writing catches up on
//! most of their work before it takes the lock, so the lock is held only for the last
//! few entries. Readers never block a writer, and a writer waits for another writer at
//! most [`BUSY_TIMEOUT_MS`] before it gives up with [`StoreError::Locked`].
//!
//! # Erasure
//!
//! Erasure leaves no erased value readable: it rewrites the journal entries and takes a new
//! snapshot in its own transaction (older snapshots are deleted). On SQLite nothing is left
//! in the file either (`secure_delete`, and the write-ahead log is emptied and truncated
//! afterwards); on PostgreSQL the tables it touched are vacuumed afterwards, and the
//! `postgres.rs` module says what a server can and cannot promise about its disk.

use std::fmt;
use std::path::{Path, PathBuf};

use apkalpe_accounting::{AccountingBatch, AccountingError, IssuedInvoice};
use apkalpe_core::{Language, LocalizedError, NumberSeries};
use chrono::{DateTime, NaiveDate, Utc};

use crate::office::{Office, OfficeError, Operation, Outcome};

mod history;
mod journal;
mod postgres;
mod projection;
mod schema;
mod snapshot;
mod sql;
mod sqlite;

pub(crate) use history::SqlHistory;
pub(crate) use sql::Db;
use sql::{Begin, params};

/// The table of `desk simulate`'s desks' progress, beside the desk's own tables (created by
/// the first desk that records any).
const PROGRESS_TABLE: &str = "CREATE TABLE IF NOT EXISTS simulation_progress (desk BIGINT PRIMARY KEY, mark BIGINT NOT NULL)";

/// How long a writer waits for another desk's write lock, in milliseconds.
pub(crate) const BUSY_TIMEOUT_MS: u64 = 5_000;

/// Whether an operation whose connection was lost may have been stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    /// Nothing of it was stored: the server rolls back a transaction whose connection drops.
    No,
    /// The connection dropped while the commit was on its way: only the server knows.
    Unknown,
}

/// Why the store could not do its work. Nothing is stored when an error is returned (but
/// see [`StoreError::ConnectionLost`] with [`Stored::Unknown`]).
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
    /// PostgreSQL failed (cannot connect, refused the login, a statement failed); `message`
    /// is the server's or the client's own text, with the SQLSTATE code when there is one.
    Postgres {
        /// What the store was doing, as a fixed phrase.
        action: &'static str,
        /// PostgreSQL's message.
        message: String,
    },
    /// The connection to the database server was lost while the store was working: the
    /// server rolled back whatever the operation had written.
    ConnectionLost {
        /// What the store was doing, as a fixed phrase.
        action: &'static str,
        /// Whether the operation may have been stored all the same.
        stored: Stored,
        /// The client's message.
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
    /// The stored state is not what the journal gives (the database was edited by hand).
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
    /// Another desk held the database's write lock for longer than this desk waits.
    Locked {
        /// What the store was doing.
        action: &'static str,
        /// How long it waited, in milliseconds.
        waited_ms: u64,
    },
    /// The latest snapshot of the office cannot be read back, or is not what the journal
    /// gives.
    Snapshot {
        /// The journal entry the snapshot was taken after.
        seq: i64,
        /// What is wrong.
        message: String,
    },
    /// The office refused the operation.
    Office(OfficeError),
}

impl StoreError {
    /// Returns the stable code: `store.sqlite`, `store.postgres`, `store.connection_lost`,
    /// `store.migration`, `store.series_pattern`, `store.series_state`, `store.journal`,
    /// `store.diverged`, `store.duplicate_number`, `store.poisoned`, `store.locked`,
    /// `store.snapshot`, or for [`StoreError::Office`] the office's own code (so `desk`
    /// prints the same lines with or without a store).
    pub(crate) fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite { .. } => "store.sqlite",
            StoreError::Postgres { .. } => "store.postgres",
            StoreError::ConnectionLost { .. } => "store.connection_lost",
            StoreError::Migration { .. } => "store.migration",
            StoreError::SeriesPattern { .. } => "store.series_pattern",
            StoreError::SeriesState { .. } => "store.series_state",
            StoreError::Journal { .. } => "store.journal",
            StoreError::Diverged { .. } => "store.diverged",
            StoreError::DuplicateNumber { .. } => "store.duplicate_number",
            StoreError::Poisoned => "store.poisoned",
            StoreError::Locked { .. } => "store.locked",
            StoreError::Snapshot { .. } => "store.snapshot",
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
            StoreError::Postgres { action, message } => {
                write!(
                    f,
                    "the PostgreSQL database failed while {action}: {message}"
                )
            }
            StoreError::ConnectionLost {
                action,
                stored: Stored::No,
                message,
            } => write!(
                f,
                "the connection to the database server was lost while {action} ({message}); \
                 nothing of this operation was stored (the server rolls back an unfinished \
                 transaction): run the command again"
            ),
            StoreError::ConnectionLost {
                action,
                stored: Stored::Unknown,
                message,
            } => write!(
                f,
                "the connection to the database server was lost while {action} ({message}); \
                 the operation may or may not have been stored: `desk status` shows the \
                 journal's last entry before you run the command again"
            ),
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
            StoreError::Locked { action, waited_ms } => write!(
                f,
                "another desk holds the database's write lock (waited {}.{} s while {action}); \
                 run the command again when that desk has finished, or stop it",
                waited_ms / 1000,
                waited_ms % 1000 / 100
            ),
            StoreError::Snapshot { seq, message } => write!(
                f,
                "the snapshot after journal entry {seq} cannot be used ({message}); \
                 `desk verify` replays the journal from its first entry"
            ),
            StoreError::Office(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// The store's messages in Latvian (`desk --lang lv`); the office's refusals are the
/// office's own. What the store was doing (`action`) and the database's own text stay as the
/// database gave them.
impl LocalizedError for StoreError {
    fn code(&self) -> &'static str {
        StoreError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let StoreError::Office(error) = self {
            return error.fmt_in(language, f);
        }
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            StoreError::Sqlite { action, message } => {
                write!(f, "datubāzes kļūda ({action}): {message}")
            }
            StoreError::Postgres { action, message } => {
                write!(f, "PostgreSQL datubāzes kļūda ({action}): {message}")
            }
            StoreError::ConnectionLost {
                action,
                stored: Stored::No,
                message,
            } => write!(
                f,
                "savienojums ar datubāzes serveri pārtrūka ({action}; {message}); nekas no šīs \
                 darbības nav saglabāts (serveris atceļ nepabeigtu transakciju): izpildiet \
                 komandu vēlreiz"
            ),
            StoreError::ConnectionLost {
                action,
                stored: Stored::Unknown,
                message,
            } => write!(
                f,
                "savienojums ar datubāzes serveri pārtrūka ({action}; {message}); nav zināms, \
                 vai darbība ir saglabāta: `desk status` parāda žurnāla pēdējo ierakstu, \
                 pirms komandu izpildāt vēlreiz"
            ),
            StoreError::Migration { found, known } => write!(
                f,
                "datubāzes shēmas versija ir {found}, jaunāka par versiju {known}, ko zina šī \
                 darba vieta"
            ),
            StoreError::SeriesPattern {
                series,
                stored,
                requested,
            } => write!(
                f,
                "numuru sērija {series:?} ir saglabāta ar veidni {stored:?}, nevis \
                 {requested:?}; norādiet tās veidni vai citu --series-id"
            ),
            StoreError::SeriesState { series, message } => {
                write!(f, "numuru sēriju {series:?} nevar nolasīt: {message}")
            }
            StoreError::Journal { seq, message } => {
                write!(
                    f,
                    "žurnāla ierakstu {seq} nevar piemērot vēlreiz: {message}"
                )
            }
            StoreError::Diverged { what } => write!(
                f,
                "datubāze nesaskan ar savu žurnālu ({what}); vai tā labota ar roku?"
            ),
            StoreError::DuplicateNumber { number } => write!(
                f,
                "dokuments ar numuru {number} jau ir saglabāts; nekas netika izsniegts"
            ),
            StoreError::Poisoned => f.write_str(
                "iepriekšējā rakstīšana neizdevās; pirms nākamās darbības atveriet datubāzi \
                 vēlreiz",
            ),
            StoreError::Locked { action, waited_ms } => write!(
                f,
                "datubāzes rakstīšanas slēdzeni tur cita darba vieta (gaidīts {},{} s; \
                 {action}); izpildiet komandu vēlreiz, kad tā būs beigusi, vai apturiet to",
                waited_ms / 1000,
                waited_ms % 1000 / 100
            ),
            StoreError::Snapshot { seq, message } => write!(
                f,
                "momentuzņēmumu pēc žurnāla ieraksta {seq} nevar izmantot ({message}); \
                 `desk verify` atkārto žurnālu no pirmā ieraksta"
            ),
            StoreError::Office(error) => error.fmt_in(language, f),
        }
    }
}

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

/// How hard each commit waits for the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// A commit survives a power cut (SQLite `synchronous = FULL`, PostgreSQL
    /// `synchronous_commit = on`). The default.
    Full,
    /// A commit survives the process being killed (the case the crash test checks), and
    /// the last commits may be lost on a power cut or a crash of the server; the database
    /// is never corrupt (SQLite `synchronous = NORMAL`, PostgreSQL `synchronous_commit =
    /// off`). `desk simulate` uses it for speed.
    Process,
}

/// Where the desk's database is: a file, or a PostgreSQL database named by its URL.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Location {
    /// An SQLite file.
    File(PathBuf),
    /// A PostgreSQL database: `postgres://` or `postgresql://`, as libpq reads it.
    Postgres(String),
}

impl Location {
    /// Reads `--db`: a `postgres://` or `postgresql://` URL names a PostgreSQL database,
    /// anything else a file.
    pub(crate) fn of(db: &Path) -> Location {
        match db.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Location::Postgres(url.to_owned())
            }
            _ => Location::File(db.to_owned()),
        }
    }
}

/// Shown as given, without a password a URL may hold.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => {
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                let authority_end = rest.find('/').unwrap_or(rest.len());
                let (authority, tail) = rest.split_at(authority_end);
                match authority.rsplit_once('@') {
                    Some((user, host)) if user.contains(':') => {
                        let name = user.split(':').next().unwrap_or_default();
                        write!(f, "{scheme}://{name}:***@{host}{tail}")
                    }
                    _ => f.write_str(url),
                }
            }
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({self})")
    }
}

/// The store: one open database with the current schema, and the office its snapshot
/// and journal give.
#[derive(Debug)]
pub(crate) struct Store {
    db: Db,
    office: Office,
    /// The last journal entry applied to `office`.
    applied: i64,
    poisoned: bool,
    durability: Durability,
    /// The database to create on the first operation that succeeds, while the store is
    /// still in memory: a refused command leaves no database file, and no tables on a
    /// server, behind.
    create: Option<Location>,
    snapshots: snapshot::Policy,
    /// Whether the last write found entries of other desks to catch up on: then the next
    /// one catches up before it takes the write lock, and holds the lock for less.
    others_write: bool,
}

/// An operation as journalled: its sequence number, and what it produced.
#[derive(Debug, Clone)]
pub(crate) struct Applied {
    /// The journal's sequence number.
    pub(crate) seq: i64,
    /// What the operation produced.
    pub(crate) outcome: Outcome,
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

/// How many of each thing the tables hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Receipts.
    pub(crate) receipts: u64,
    /// Invoices.
    pub(crate) invoices: u64,
    /// Credit notes.
    pub(crate) credit_notes: u64,
    /// Documents filed.
    pub(crate) documents: u64,
    /// Z reports (closed shifts).
    pub(crate) z_reports: u64,
}

/// What `desk verify` found: the journal replayed from its first entry against the snapshot
/// and the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verification {
    /// Journal entries replayed.
    pub(crate) entries: i64,
    /// The journal entry of the latest snapshot, if there is one.
    pub(crate) snapshot: Option<i64>,
    /// Receipts, invoices, credit notes and waybills whose stored data was compared.
    pub(crate) documents: usize,
}

impl Store {
    /// Opens the database `db` names (a file, or a `postgres://` URL), brings its schema up
    /// to date and loads the office from its latest snapshot and the journal after it. A
    /// missing file (or a PostgreSQL database without the desk's tables) is created by the
    /// first operation that succeeds, not before.
    ///
    /// # Errors
    ///
    /// [`StoreError::Sqlite`] when the file cannot be opened or is not a database;
    /// [`StoreError::Postgres`] when the server cannot be reached or refuses the login;
    /// [`StoreError::Migration`] when it was made by a newer `desk`; [`StoreError::Journal`],
    /// [`StoreError::Snapshot`] or [`StoreError::Diverged`] when its contents disagree;
    /// [`StoreError::Locked`] when a migration waits too long for another desk.
    pub(crate) fn open(db: &Path) -> Result<Self, StoreError> {
        Store::open_with(db, Durability::Full)
    }

    /// As [`Store::open`], with the given durability.
    pub(crate) fn open_with(db: &Path, durability: Durability) -> Result<Self, StoreError> {
        Store::open_location(Location::of(db), durability)
    }

    /// As [`Store::open`], for a location already read.
    pub(crate) fn open_location(
        location: Location,
        durability: Durability,
    ) -> Result<Self, StoreError> {
        let db = match &location {
            Location::File(path) if path.exists() => {
                Db::Sqlite(sqlite::Sqlite::open(path, durability)?)
            }
            Location::File(_) => return Store::to_create(location, durability),
            Location::Postgres(url) => {
                let db = Db::Postgres(Box::new(postgres::Postgres::connect(url, durability)?));
                if schema::current_version(&db)? == 0 {
                    return Store::to_create(location, durability);
                }
                db
            }
        };
        Store::with_db(db, durability)
    }

    /// A store kept in memory until its first operation succeeds, which creates the
    /// database at `location`.
    fn to_create(location: Location, durability: Durability) -> Result<Self, StoreError> {
        let mut store = Store::in_memory()?;
        store.durability = durability;
        store.create = Some(location);
        Ok(store)
    }

    /// Whether the database exists yet: false while the store waits in memory for the first
    /// operation that succeeds.
    pub(crate) fn exists(&self) -> bool {
        self.create.is_none()
    }

    /// An empty store in memory (the demo's default: nothing is left behind).
    pub(crate) fn in_memory() -> Result<Self, StoreError> {
        Store::with_db(Db::Sqlite(sqlite::Sqlite::in_memory()?), Durability::Full)
    }

    /// Sets up an open database: the migrations not yet applied, the office.
    fn with_db(db: Db, durability: Durability) -> Result<Self, StoreError> {
        let before = schema::migrate(&db)?;
        let (office, applied, snapshots) = snapshot::load(&db, before)?;
        Ok(Store {
            db,
            office,
            applied,
            poisoned: false,
            durability,
            create: None,
            snapshots,
            others_write: false,
        })
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
        before_commit: impl Fn(&Db) -> Result<(), StoreError>,
    ) -> Result<Applied, StoreError> {
        if let Some(location) = self.create.clone() {
            match &location {
                Location::File(path) if !path.exists() => {
                    // A new database: the operation is tried in memory first, and only when
                    // it succeeds does the file come into being, holding exactly that first
                    // entry.
                    let applied = self.apply_here(operation, at, &before_commit)?;
                    match self.persist(path) {
                        Ok(()) => return Ok(applied),
                        // Another desk created the file meanwhile: the operation is applied
                        // there instead, after what that desk committed.
                        Err(_) if path.exists() => {}
                        Err(error) => return Err(error),
                    }
                }
                Location::File(_) => {}
                Location::Postgres(_) => {
                    // A database without the desk's tables: the operation is tried in
                    // memory first, and only when it succeeds are the tables created on the
                    // server and the operation applied there (after whatever another desk
                    // committed meanwhile).
                    self.apply_here(operation, at, &before_commit)?;
                }
            }
            if let Err(error) = self.switch_to(location) {
                self.poisoned = true;
                return Err(error);
            }
        }
        self.apply_here(operation, at, &before_commit)
    }

    /// Leaves the store kept in memory for the database at `location`.
    fn switch_to(&mut self, location: Location) -> Result<(), StoreError> {
        let db = match &location {
            Location::File(path) => Db::Sqlite(sqlite::Sqlite::open(path, self.durability)?),
            Location::Postgres(url) => {
                Db::Postgres(Box::new(postgres::Postgres::connect(url, self.durability)?))
            }
        };
        *self = Store::with_db(db, self.durability)?;
        Ok(())
    }

    /// Writes the store kept in memory so far to a new file at `path` and continues there.
    fn persist(&mut self, path: &Path) -> Result<(), StoreError> {
        let Db::Sqlite(memory) = &self.db else {
            return Err(StoreError::Diverged {
                what: "a store in memory is not an SQLite database".into(),
            });
        };
        self.db = Db::Sqlite(memory.persist(path, self.durability)?);
        self.create = None;
        Ok(())
    }

    fn apply_here(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
        before_commit: &dyn Fn(&Db) -> Result<(), StoreError>,
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
        // Other desks are writing: most of what they committed is applied before the lock,
        // which readers never wait for.
        if self.others_write
            && let Err(error) = journal::catch_up(&self.db, &mut self.office, &mut self.applied)
        {
            self.poisoned = true;
            return Err(error);
        }
        // The write lock is taken now, so desks on one database take turns; what the others
        // committed meanwhile is applied first.
        let transaction = match journal::begin_write(&self.db, &mut self.office, &mut self.applied)
        {
            Ok((transaction, caught_up, snapshot)) => {
                self.others_write = caught_up > 0;
                // Another desk's snapshot counts as this one's: desks do not each take one.
                self.snapshots.seen(snapshot);
                transaction
            }
            // The lock was not had: nothing was read or applied.
            Err(error @ (StoreError::Locked { .. } | StoreError::ConnectionLost { .. })) => {
                return Err(error);
            }
            Err(error) => {
                self.poisoned = true;
                return Err(error);
            }
        };
        let before: Vec<NumberSeries> = self.office.series().values().cloned().collect();
        let seq = self.applied + 1;
        let outcome = match self
            .office
            .apply(operation, at, &SqlHistory::new(&transaction, seq))
        {
            Ok(outcome) => outcome,
            Err(error) => {
                // A refusal left the office as it was; anything else may not have.
                if !error.is_refusal() {
                    self.poisoned = true;
                    if transaction.is_lost() {
                        return Err(StoreError::ConnectionLost {
                            action: "reading the history",
                            stored: Stored::No,
                            message: error.to_string(),
                        });
                    }
                }
                return Err(error.into());
            }
        };
        // From here on the office has changed: a failure poisons this store.
        let snapshot = self.snapshots.due(operation, seq);
        let written = projection::save_series(&transaction, &before, &self.office)
            .and_then(|()| journal::append(&transaction, seq, operation, at, &outcome))
            .and_then(|()| {
                projection::project(&transaction, seq, operation, at, &outcome, &self.office)
            })
            .and_then(|()| match &outcome {
                Outcome::Erased(report) => journal::redact(&transaction, report),
                _ => Ok(()),
            })
            .and_then(|()| match snapshot {
                true => snapshot::write(&transaction, seq, at, &self.office).map(Some),
                false => Ok(None),
            })
            .and_then(|bytes| before_commit(&transaction).map(|()| bytes))
            .and_then(|bytes| transaction.commit().map(|()| bytes));
        match written {
            Ok(bytes) => {
                self.applied = seq;
                if let Some(bytes) = bytes {
                    self.snapshots.taken(seq, bytes);
                    self.office.clear_changed_clients();
                }
                if matches!(outcome, Outcome::Erased(_)) && self.create.is_none() {
                    self.db.after_erasure()?;
                }
                // Statistics only guide the server's planner: the operation is committed,
                // and a failure here changes nothing the desk reports (the next doubling of
                // the journal tries again).
                if self.create.is_none() {
                    let _ = self.db.grew_to(seq);
                }
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

    /// Writes a snapshot of the office as the journal leaves it now (after what other desks
    /// committed), so the next opening replays nothing: before a backup, or after a long
    /// day. Returns the journal entry it was taken after.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`], [`StoreError::Locked`]; [`StoreError::Poisoned`].
    pub(crate) fn snapshot_now(&mut self) -> Result<i64, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        if self.create.is_some() || self.applied == 0 {
            return Ok(self.applied);
        }
        let transaction = self.db.begin(Begin::Write)?;
        if let Err(error) = journal::catch_up(&transaction, &mut self.office, &mut self.applied) {
            self.poisoned = true;
            return Err(error);
        }
        let seq = self.applied;
        let at = journal::time_of(&transaction, seq)?;
        let bytes = snapshot::write(&transaction, seq, at, &self.office)?;
        transaction.commit()?;
        self.snapshots.taken(seq, bytes);
        self.office.clear_changed_clients();
        Ok(seq)
    }

    /// Applies `operation` to the office to see what it would give, and stores nothing: the
    /// office is then loaded again from the database. A card is charged only when the sale
    /// would be accepted; a statement is stored only when it would pay something.
    ///
    /// # Errors
    ///
    /// Any [`StoreError`]: the operation's refusal, or a failure to read the database.
    pub(crate) fn dry_run(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
    ) -> Result<Outcome, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        let seq = self.applied + 1;
        let result = self
            .office
            .apply(operation, at, &SqlHistory::new(&self.db, seq));
        if result.is_ok() || result.as_ref().is_err_and(|error| !error.is_refusal()) {
            // The office moved on (or may have): bring it back as the database has it.
            let (office, applied, snapshots) = snapshot::load(&self.db, 0)?;
            self.office = office;
            self.applied = applied;
            self.snapshots = snapshots;
        }
        Ok(result?)
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
        date: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<StoredInvoice, StoreError> {
        let operation = Operation::IssueDraftInvoice {
            series_id: series_id.to_owned(),
            pattern: pattern.to_owned(),
            draft: draft.to_owned(),
            date,
        };
        let applied = self.apply(&operation, at)?;
        let Outcome::Invoice(issued) = applied.outcome else {
            return Err(StoreError::Journal {
                seq: applied.seq,
                message: "issuing an invoice produced no invoice".into(),
            });
        };
        let issued = *issued;
        Ok(StoredInvoice {
            invoice: issued.document,
            text: issued.text,
            ubl: issued.ubl,
        })
    }

    /// How many documents the `documents` table files in each case index, as
    /// `"<index>: <count>"` in index order: the SQL side of "every document is filed".
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`].
    pub(crate) fn documents_per_case(&self) -> Result<Vec<String>, StoreError> {
        self.db
            .query(
                "counting the documents per case",
                "SELECT case_index || ': ' || COUNT(*) FROM documents
                 GROUP BY case_index ORDER BY case_index",
                params![],
            )?
            .into_iter()
            .map(|mut row| row.text(0))
            .collect()
    }

    /// The numbers of the last `count` documents filed in a case of a year, newest last.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`].
    pub(crate) fn latest_filed(
        &self,
        year: i32,
        case: &str,
        count: usize,
    ) -> Result<Vec<String>, StoreError> {
        let mut numbers = self
            .db
            .query(
                "reading the latest documents",
                "SELECT number FROM documents WHERE year = ?1 AND case_index = ?2
                 ORDER BY operation DESC, rowid DESC LIMIT ?3",
                params![year, case, i64::try_from(count).unwrap_or(i64::MAX)],
            )?
            .into_iter()
            .map(|mut row| row.text(0))
            .collect::<Result<Vec<_>, _>>()?;
        numbers.reverse();
        Ok(numbers)
    }

    /// The receipt with this number: from the office while its shift is open, else from the
    /// `receipts` table.
    ///
    /// # Errors
    ///
    /// [`StoreError::Office`] when the table cannot be read.
    pub(crate) fn receipt(
        &self,
        number: u64,
    ) -> Result<Option<apkalpe_payments::Receipt>, StoreError> {
        if let Some(receipt) = self.office.receipts().get(&number) {
            return Ok(Some(receipt.clone()));
        }
        use crate::office::History;
        Ok(SqlHistory::new(&self.db, self.applied + 1).receipt(number)?)
    }

    /// Every document filed, in the order filed, from the `documents` table.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`]; [`StoreError::Diverged`] for a row that does not read.
    pub(crate) fn filed(&self) -> Result<Vec<crate::office::Filed>, StoreError> {
        projection::filed(&self.db)
    }

    /// How many receipts, invoices, credit notes, filed documents and Z reports the tables
    /// hold.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`].
    pub(crate) fn tally(&self) -> Result<Tally, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.db
                .query_int("counting", sql, params![])
                .map(|n| u64::try_from(n).unwrap_or(0))
        };
        Ok(Tally {
            receipts: count("SELECT COUNT(*) FROM receipts")?,
            invoices: count(
                "SELECT COUNT(*) FROM issued_documents
                 WHERE kind NOT IN ('credit_note', 'waybill', 'cash_receipt_order', 'cash_disbursement_order')",
            )?,
            credit_notes: count(
                "SELECT COUNT(*) FROM issued_documents WHERE kind = 'credit_note'",
            )?,
            documents: count("SELECT COUNT(*) FROM documents")?,
            z_reports: count("SELECT COUNT(*) FROM shifts WHERE z_report IS NOT NULL")?,
        })
    }

    /// The declaration of the cash deals over 1 500 EUR with taxpayers in `year`-`month`, from
    /// the `cash_operations` table (see [`projection::cash_declaration`]).
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`]; [`StoreError::Diverged`] for a row that does not read.
    pub(crate) fn cash_declaration(
        &self,
        year: i32,
        month: u32,
    ) -> Result<apkalpe_payments::CashDeclaration, StoreError> {
        projection::cash_declaration(&self.db, year, month)
    }

    /// The issued invoice with this number, as stored.
    ///
    /// # Errors
    ///
    /// [`StoreError::Office`] when the table cannot be read.
    pub(crate) fn invoice(&self, number: &str) -> Result<Option<IssuedInvoice>, StoreError> {
        use crate::office::History;
        Ok(SqlHistory::new(&self.db, self.applied + 1)
            .invoice(number)?
            .map(|(invoice, _)| invoice))
    }

    /// Every journalled operation, in order.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`], or [`StoreError::Journal`] for an entry that cannot be
    /// read.
    pub(crate) fn journal(&self) -> Result<Vec<Operation>, StoreError> {
        journal::read_all(&self.db)
    }

    /// The accounting batch of the days `from..=to`, from the issued documents stored (see
    /// [`crate::office::accounting_batch`]).
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`]; [`StoreError::Office`] for a period that ends before it
    /// starts or a stored document that does not read.
    pub(crate) fn accounting_batch(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AccountingBatch, StoreError> {
        let (documents, earlier) = projection::booked(&self.db, from, to)?;
        Ok(crate::office::accounting_batch(
            from, to, documents, earlier,
        )?)
    }

    /// Replays the journal from its first entry and checks that the office this store
    /// opened (its latest snapshot and the journal after it) is the one the replay gives,
    /// and that every stored receipt, invoice, credit note and waybill is the one the replay
    /// made.
    ///
    /// # Errors
    ///
    /// [`StoreError::Snapshot`] when the office differs; [`StoreError::Diverged`] when a
    /// table does; as [`Store::open`] for a journal that does not replay.
    pub(crate) fn verify(&self) -> Result<Verification, StoreError> {
        let (replayed, history, entries) = journal::replay_all(&self.db)?;
        let snapshot = snapshot::latest_seq(&self.db)?;
        snapshot::compare(&replayed, &self.office, snapshot.unwrap_or(0))?;
        let documents = projection::compare(&self.db, &history)?;
        Ok(Verification {
            entries,
            snapshot,
            documents,
        })
    }

    /// Applies what other desks committed since this store last looked, without writing (a
    /// desk waiting for another's work). A store still waiting in memory for its database
    /// moves to it once another desk has created it.
    ///
    /// # Errors
    ///
    /// As [`Store::open`]; [`StoreError::Poisoned`].
    pub(crate) fn refresh(&mut self) -> Result<(), StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        if let Some(location) = self.create.clone() {
            let created = match &location {
                Location::File(path) => path.exists(),
                Location::Postgres(url) => {
                    let db =
                        Db::Postgres(Box::new(postgres::Postgres::connect(url, self.durability)?));
                    schema::current_version(&db)? > 0
                }
            };
            if created {
                // A database another desk is still creating may not open yet: the next
                // look tries again.
                let _ = self.switch_to(location);
            }
            return Ok(());
        }
        if let Err(error) = journal::catch_up(&self.db, &mut self.office, &mut self.applied) {
            self.poisoned = true;
            return Err(error);
        }
        Ok(())
    }

    /// Records that desk `desk` of a `desk simulate` run with several desks reached `mark`
    /// (a number that only grows: the simulation's days and their phases), in the table
    /// `simulation_progress`, which only the simulation reads.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`]; [`StoreError::Locked`].
    pub(crate) fn mark_progress(&mut self, desk: u32, mark: i64) -> Result<(), StoreError> {
        let transaction = self.db.begin(Begin::Write)?;
        transaction.batch("recording a desk's progress", PROGRESS_TABLE)?;
        transaction.execute(
            "recording a desk's progress",
            "INSERT INTO simulation_progress (desk, mark) VALUES (?1, ?2)
             ON CONFLICT (desk) DO UPDATE SET mark = excluded.mark",
            params![i64::from(desk), mark],
        )?;
        transaction.commit()
    }

    /// The progress of each desk of a `desk simulate` run with several desks (see
    /// [`Store::mark_progress`]): none while the database does not exist yet.
    ///
    /// # Errors
    ///
    /// The backend's [`StoreError`].
    pub(crate) fn progress(&self) -> Result<std::collections::BTreeMap<u32, i64>, StoreError> {
        let mut marks = std::collections::BTreeMap::new();
        if self.create.is_some() {
            return Ok(marks);
        }
        let exists = match self.db.backend() {
            sql::Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'simulation_progress'"
            }
            sql::Backend::Postgres => {
                "SELECT COUNT(*) FROM pg_catalog.pg_tables
                 WHERE schemaname = current_schema() AND tablename = 'simulation_progress'"
            }
        };
        if self
            .db
            .query_int("reading the desks' progress", exists, params![])?
            == 0
        {
            return Ok(marks);
        }
        for row in self.db.query(
            "reading the desks' progress",
            "SELECT desk, mark FROM simulation_progress",
            params![],
        )? {
            marks.insert(u32::try_from(row.int(0)?).unwrap_or(0), row.int(1)?);
        }
        Ok(marks)
    }

    /// Returns the stored state of series `series_id`, if any.
    #[cfg(test)]
    fn series(&mut self, series_id: &str) -> Result<Option<NumberSeries>, StoreError> {
        projection::load_series(&self.db, series_id)
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} journal entries replayed from the first; ",
            self.entries
        )?;
        match self.snapshot {
            Some(seq) => write!(
                f,
                "the snapshot after entry {seq} and the entries after it give the same office; "
            )?,
            None => f.write_str("no snapshot yet; ")?,
        }
        write!(
            f,
            "{} stored documents are the ones the replay made",
            self.documents
        )
    }
}

#[cfg(test)]
mod tests {
    use super::schema::{known, migrate};
    use super::*;
    use crate::office::{ClientInput, ItemLine};
    use apkalpe_payments::{CashCount, Denomination};
    use chrono::{NaiveDate, TimeZone};

    const DRAFT: &str = include_str!("../../drafts/invoice.json");
    const PATTERN: &str = "INV{year}-{seq:5}";

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
    }

    /// Where a test's store lives: SQLite (in memory or in a file), or a new PostgreSQL
    /// database of the test cluster.
    #[derive(Debug)]
    enum Place {
        Memory,
        File(std::path::PathBuf),
        Postgres(String),
    }

    impl Place {
        /// `--db` for this place.
        fn db(&self) -> std::path::PathBuf {
            match self {
                Place::Memory => panic!("a store in memory has no --db"),
                Place::File(path) => path.clone(),
                Place::Postgres(url) => url.into(),
            }
        }

        /// A store on this place: new, or opened again.
        fn open(&self) -> Store {
            match self {
                Place::Memory => Store::in_memory().unwrap(),
                _ => Store::open(&self.db()).unwrap(),
            }
        }
    }

    impl Drop for Place {
        fn drop(&mut self) {
            if let Place::File(path) = self {
                for end in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(end);
                    let _ = std::fs::remove_file(file);
                }
            }
        }
    }

    /// Runs `test` on SQLite (in memory, or a file when `file` is set) and on PostgreSQL
    /// when it is installed (see `tests/pg_server.rs`).
    fn on_both(name: &str, file: bool, test: impl Fn(Place)) {
        test(if file {
            let path = std::env::temp_dir().join(format!("desk-{name}-{}.db", std::process::id()));
            let _ = std::fs::remove_file(&path);
            Place::File(path)
        } else {
            Place::Memory
        });
        if let Some(url) = pg_server::database(name) {
            test(Place::Postgres(url));
        }
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.db.query_int("counting", sql, params![]).unwrap()
    }

    fn issue(store: &mut Store, series: &str, pattern: &str) -> Result<StoredInvoice, StoreError> {
        store.issue_invoice(series, pattern, DRAFT, date(), at())
    }

    #[test]
    fn issues_and_continues_the_series() {
        on_both("series", false, |place| {
            let mut store = place.open();
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
            let mut row = store
                .db
                .query_one(
                    "reading",
                    "SELECT series_id, kind, issue_date FROM issued_documents WHERE number = ?1",
                    params!["INV2026-00001"],
                )
                .unwrap()
                .unwrap();
            assert_eq!(
                (
                    row.text(0).unwrap(),
                    row.text(1).unwrap(),
                    row.text(2).unwrap()
                ),
                ("invoices".into(), "invoice".into(), "2026-11-27".into())
            );
        });
    }

    #[test]
    fn the_planner_statistics_are_renewed_as_the_journal_doubles() {
        let Some(url) = pg_server::database("statistics") else {
            return;
        };
        let place = Place::Postgres(url);
        let mut store = place.open();
        // `reltuples` is -1 until a table is first analysed, then what the analysis counted.
        let counted = |store: &Store| {
            let row = store
                .db
                .query_one(
                    "reading the statistics",
                    "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = ?1",
                    params!["operations"],
                )
                .unwrap()
                .unwrap();
            row.int(0).unwrap()
        };
        for _ in 0..64 {
            issue(&mut store, "invoices", PATTERN).unwrap();
        }
        assert_eq!(count(&store, "SELECT COUNT(*) FROM operations"), 64);
        assert_eq!(counted(&store), 64, "analysed at the 64th entry");
        for _ in 64..100 {
            issue(&mut store, "invoices", PATTERN).unwrap();
        }
        assert_eq!(counted(&store), 64, "not again before the 128th");
    }

    #[test]
    fn a_failure_just_before_commit_stores_nothing_and_poisons_the_store() {
        on_both("failure", false, |place| {
            let mut store = place.open();
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
                    let written = tx
                        .query_int(
                            "counting",
                            "SELECT COUNT(*) FROM issued_documents",
                            params![],
                        )
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
            let Store { db, .. } = store;
            let mut again = Store::with_db(db, Durability::Full).unwrap();
            let next = issue(&mut again, "invoices", PATTERN).unwrap();
            assert_eq!(next.invoice.number().as_str(), "INV2026-00002");
        });
    }

    #[test]
    fn a_lost_connection_stores_nothing_and_says_so() {
        let Some(url) = pg_server::database("lost") else {
            return;
        };
        let place = Place::Postgres(url.clone());
        let mut store = place.open();
        issue(&mut store, "invoices", PATTERN).unwrap();
        let series = store.series("invoices").unwrap();
        let operation = Operation::IssueDraftInvoice {
            series_id: "invoices".into(),
            pattern: PATTERN.into(),
            draft: DRAFT.into(),
            date: date(),
        };
        // The server ends the desk's session (as a network failure or a restart would),
        // after the operation's writes and before its commit.
        let end_session = |db: &Db| -> Result<(), StoreError> {
            let Db::Postgres(server) = db else {
                panic!("not on PostgreSQL")
            };
            let pid = server.backend_pid()?;
            let ended = pg_server::rows(&url, &format!("SELECT pg_terminate_backend({pid}, 5000)"));
            assert_eq!(ended, [["t"]]);
            Ok(())
        };
        let error = store
            .apply_then(&operation, at(), |db| {
                end_session(db)?;
                db.query_int(
                    "filing one more row",
                    "SELECT COUNT(*) FROM documents",
                    params![],
                )
                .map(|_| ())
            })
            .unwrap_err();
        assert_eq!(error.code(), "store.connection_lost", "{error}");
        assert!(
            error
                .to_string()
                .contains("nothing of this operation was stored"),
            "{error}"
        );
        // Another desk sees nothing half-written: the server rolled it all back.
        let tables = |sql: &str| pg_server::rows(&url, sql);
        assert_eq!(tables("SELECT COUNT(*) FROM operations"), [["1"]]);
        assert_eq!(tables("SELECT COUNT(*) FROM issued_documents"), [["1"]]);
        assert_eq!(tables("SELECT COUNT(*) FROM documents"), [["1"]]);
        assert_eq!(
            store.apply(&Operation::OpenDay, at()).unwrap_err(),
            StoreError::Poisoned
        );
        // The desk opened again goes on with no gap.
        let mut again = place.open();
        assert_eq!(again.series("invoices").unwrap(), series);
        let next = issue(&mut again, "invoices", PATTERN).unwrap();
        assert_eq!(next.invoice.number().as_str(), "INV2026-00002");

        // Lost while the commit is on its way: the desk cannot know whether it was stored,
        // and says so.
        let error = again
            .apply_then(&operation, at(), |db| end_session(db))
            .unwrap_err();
        assert_eq!(error.code(), "store.connection_lost", "{error}");
        assert!(
            error
                .to_string()
                .contains("may or may not have been stored"),
            "{error}"
        );
        // (Here the commit never reached the server.)
        assert_eq!(tables("SELECT COUNT(*) FROM operations"), [["2"]]);
        let mut third = place.open();
        let next = issue(&mut third, "invoices", PATTERN).unwrap();
        assert_eq!(next.invoice.number().as_str(), "INV2026-00003");
        assert_eq!(third.verify().unwrap().entries, 3);
    }

    #[test]
    fn a_new_series_rolled_back_is_not_created() {
        on_both("rolled_back", false, |place| {
            let mut store = place.open();
            issue(&mut store, "invoices", PATTERN).unwrap();
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
        });
    }

    #[test]
    fn refuses_another_pattern_and_a_bad_series_id() {
        on_both("pattern", false, |place| {
            let mut store = place.open();
            issue(&mut store, "invoices", PATTERN).unwrap();
            let error = issue(&mut store, "invoices", "R-{seq:4}").unwrap_err();
            assert_eq!(error.code(), "store.series_pattern");
            assert!(error.to_string().contains("\"INV{year}-{seq:5}\""));
            let error = issue(&mut store, " padded ", PATTERN).unwrap_err();
            assert_eq!(error.code(), "number_series.invalid_id");
            // Refusals leave nothing in the journal.
            assert_eq!(count(&store, "SELECT COUNT(*) FROM operations"), 1);
        });
    }

    #[test]
    fn migrations_are_recorded_once_and_newer_schemas_refused() {
        on_both("migrations", false, |place| {
            let db = match &place {
                Place::Postgres(url) => Db::Postgres(Box::new(
                    postgres::Postgres::connect(url, Durability::Full).unwrap(),
                )),
                _ => Db::Sqlite(sqlite::Sqlite::in_memory().unwrap()),
            };
            assert_eq!(migrate(&db).unwrap(), 0);
            assert_eq!(migrate(&db).unwrap(), known(&db));
            let versions = db
                .query_int("counting", "SELECT COUNT(*) FROM schema_version", params![])
                .unwrap();
            assert_eq!(versions, 7);
            assert_eq!(super::schema::migrations(db.backend()).len(), 7);
            db.execute(
                "test",
                "INSERT INTO schema_version (version) VALUES (99)",
                params![],
            )
            .unwrap();
            let error = migrate(&db).unwrap_err();
            assert_eq!(
                error,
                StoreError::Migration {
                    found: 99,
                    known: known(&db)
                }
            );
            assert_eq!(error.code(), "store.migration");
        });
    }

    #[test]
    fn an_unreadable_or_edited_series_state_is_reported() {
        on_both("edited", false, |place| {
            let mut store = place.open();
            store.apply(&Operation::OpenDay, at()).unwrap();
            store
                .db
                .execute(
                    "test",
                    "INSERT INTO number_series (id, state) VALUES ('invoices', '{}')",
                    params![],
                )
                .unwrap();
            let error = issue(&mut store, "invoices", PATTERN).unwrap_err();
            assert_eq!(error.code(), "store.series_state");

            // A series edited by hand no longer matches the journal: opening refuses it.
            let place = match place {
                Place::Postgres(_) => Place::Postgres(pg_server::database("edited_again").unwrap()),
                other => other,
            };
            let mut store = place.open();
            issue(&mut store, "invoices", PATTERN).unwrap();
            let Store { db, .. } = store;
            let without_checks = match db.backend() {
                sql::Backend::Sqlite => "PRAGMA foreign_keys = OFF",
                sql::Backend::Postgres => "SET session_replication_role = replica",
            };
            db.batch("test", without_checks).unwrap();
            db.batch("test", "DELETE FROM number_series WHERE id = 'invoices'")
                .unwrap();
            let error = Store::with_db(db, Durability::Full).unwrap_err();
            assert_eq!(error.code(), "store.diverged");
        });
    }

    #[test]
    fn a_second_desk_on_the_same_file_catches_up_before_it_writes() {
        on_both("two", true, |place| {
            let mut one = place.open();
            let mut two = place.open();
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
        });
    }

    /// A camt.053 statement paying `amount` EUR with the RF `reference`, booked on `day`.
    fn statement(amount: &str, reference: &str, day: NaiveDate) -> String {
        format!(
            "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\
             <BkToCstmrStmt><GrpHdr><MsgId>T</MsgId><CreDtTm>{day}T18:00:00+02:00</CreDtTm></GrpHdr>\
             <Stmt><Id>S</Id><CreDtTm>{day}T18:00:00+02:00</CreDtTm>\
             <Acct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></Acct>\
             <Ntry><NtryRef>1</NtryRef><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
             <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{day}</Dt></BookgDt>\
             <AcctSvcrRef>R-{day}</AcctSvcrRef><NtryDtls><TxDtls>\
             <RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>\
             </TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>"
        )
    }

    #[test]
    fn what_the_office_let_go_of_is_found_in_the_tables() {
        on_both("history", true, |place| {
            let mut store = place.open();
            let january = Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap();
            let float = Denomination::ALL
                .iter()
                .try_fold(CashCount::new(), |count, d| count.with(*d, 10))
                .unwrap();
            let company = ClientInput {
                organisation: Some("Ziemeļu Rati".into()),
                legal_form: Some("SIA".into()),
                registration_number: Some("40203990007".into()),
                vat_number: Some("LV40203990007".into()),
                street: Some("Brīvības iela 101".into()),
                city: Some("Rīga".into()),
                postcode: Some("LV-1001".into()),
                ..ClientInput::default()
            };
            store.apply(&Operation::OpenDay, january).unwrap();
            let Outcome::Client { id, .. } = store
                .apply(&Operation::RegisterClient { client: company }, january)
                .unwrap()
                .outcome
            else {
                panic!("no client")
            };
            store
                .apply(
                    &Operation::OpenShift {
                        cashier: "Ilze Kalna".into(),
                        float,
                    },
                    january,
                )
                .unwrap();
            let paper = vec![ItemLine {
                sku: "PAP-A4-80".into(),
                quantity: 2,
            }];
            store
                .apply(
                    &Operation::Sell {
                        lines: paper.clone(),
                        card: None,
                        cash: Some(apkalpe_core::Money::new(
                            rust_decimal::Decimal::from(20),
                            apkalpe_core::Currency::EUR,
                        )),
                        client: None,
                    },
                    january,
                )
                .unwrap();
            let Outcome::Invoice(issued) = store
                .apply(
                    &Operation::IssueInvoice {
                        client: id.as_uuid(),
                        lines: paper.clone(),
                        due_in_working_days: 10,
                    },
                    january,
                )
                .unwrap()
                .outcome
            else {
                panic!("no invoice")
            };
            let number = issued.document.number().as_str().to_owned();
            let due = issued.document.totals().amount_due().amount().to_string();
            let reference = store
                .office()
                .ledger()
                .get(&number)
                .unwrap()
                .reference()
                .unwrap()
                .to_string();
            store
                .apply(
                    &Operation::ApplyStatement {
                        xml: statement(&due, &reference, date_of(january)),
                    },
                    january,
                )
                .unwrap();
            let drawer = store.office().drawer();
            store
                .apply(&Operation::CloseShift { counted: drawer }, january)
                .unwrap();

            // A hundred days later the office has let go of all of it.
            let april = Utc.with_ymd_and_hms(2026, 4, 15, 8, 0, 0).unwrap();
            store.apply(&Operation::OpenDay, april).unwrap();
            assert!(store.office().ledger().get(&number).is_none());
            assert!(
                store
                    .office()
                    .registers()
                    .iter()
                    .all(|r| r.documents().is_empty())
            );
            store
                .apply(
                    &Operation::OpenShift {
                        cashier: "Ilze Kalna".into(),
                        float: drawer,
                    },
                    april,
                )
                .unwrap();
            assert!(store.office().receipts().is_empty());
            // The January receipt is refunded, from the tables.
            let Outcome::Receipt(refund, _) = store
                .apply(
                    &Operation::Refund {
                        receipt: 1,
                        line: 1,
                        card: None,
                    },
                    april,
                )
                .unwrap()
                .outcome
            else {
                panic!("no refund")
            };
            assert_eq!(
                refund.kind(),
                apkalpe_payments::ReceiptKind::Return { original: 1 }
            );
            // The paid invoice is credited: its buyer gets the credit.
            let Outcome::CreditNote(note) = store
                .apply(
                    &Operation::IssueCreditNote {
                        invoice: number.clone(),
                        line: 1,
                        quantity: 1,
                        reason: "Atgriezta paka".into(),
                    },
                    april,
                )
                .unwrap()
                .outcome
            else {
                panic!("no credit note")
            };
            assert_eq!(
                store.office().ledger().credits().values().next(),
                Some(&note.document.totals().amount_due())
            );
            // Its goods leave with a waybill, from the tables too.
            store
                .apply(
                    &Operation::IssueWaybill {
                        invoice: number.clone(),
                        vehicle: "VW Caddy, KA-1234".into(),
                        dispatch: date_of(april),
                        order: None,
                    },
                    april,
                )
                .unwrap();
            // The same statement again: booked before the ledger's horizon, never applied twice.
            let Outcome::Reconciled(again) = store
                .apply(
                    &Operation::ApplyStatement {
                        xml: statement(&due, &reference, date_of(january)),
                    },
                    april,
                )
                .unwrap()
                .outcome
            else {
                panic!("not reconciled")
            };
            assert_eq!(
                again.entries()[0].status(),
                apkalpe_payments::MatchStatus::BeforeHorizon
            );

            // Opened again (snapshot and journal) it is the same desk, and a replay from the
            // first entry agrees with the snapshot and every stored document.
            let office = serde_json::to_string(store.office()).unwrap();
            drop(store);
            let again = place.open();
            assert_eq!(serde_json::to_string(again.office()).unwrap(), office);
            let verified = again.verify().unwrap();
            assert_eq!(verified.documents, 5, "{verified}");
        });
    }

    #[test]
    fn a_writer_waits_for_another_writer_a_bounded_time_and_says_so() {
        on_both("locked", true, |place| {
            let mut store = place.open();
            store.apply(&Operation::OpenDay, at()).unwrap();
            // Another desk is in the middle of a write.
            let other = match &place {
                Place::Postgres(url) => {
                    let other = Db::Postgres(Box::new(
                        postgres::Postgres::connect(url, Durability::Full).unwrap(),
                    ));
                    other.begin(Begin::Write).map(std::mem::forget).unwrap();
                    other
                }
                _ => {
                    let other =
                        Db::Sqlite(sqlite::Sqlite::open(&place.db(), Durability::Full).unwrap());
                    other.batch("test", "BEGIN IMMEDIATE").unwrap();
                    other
                }
            };
            let started = std::time::Instant::now();
            let error = store.apply(&Operation::OpenDay, at()).unwrap_err();
            let waited = started.elapsed();
            assert_eq!(error.code(), "store.locked", "{error}");
            assert!(
                waited >= std::time::Duration::from_millis(BUSY_TIMEOUT_MS - 500),
                "gave up after {waited:?}"
            );
            assert!(
                error
                    .to_string()
                    .contains("another desk holds the database's write lock"),
                "{error}"
            );
            // Nothing happened, and when the other desk is done the same store goes on.
            other.batch("test", "ROLLBACK").unwrap();
            assert_eq!(store.apply(&Operation::OpenDay, at()).unwrap().seq, 2);
        });
    }

    fn date_of(at: DateTime<Utc>) -> NaiveDate {
        apkalpe_core::riga_date(at)
    }

    #[test]
    fn a_day_is_stored_in_its_tables_and_replayed_identically() {
        on_both("day", false, |place| {
            let mut store = place.open();
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
                    client: None,
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
            let Store { db, office, .. } = store;
            let again = Store::with_db(db, Durability::Full).unwrap();
            assert_eq!(again.journal_len(), 6);
            assert_eq!(again.office().filed_today(), office.filed_today());
            assert_eq!(again.office().receipts(), office.receipts());
            assert_eq!(
                serde_json::to_string(again.office()).unwrap(),
                serde_json::to_string(&office).unwrap()
            );
            assert_eq!(again.office().series(), office.series());
            assert_eq!(again.office().drawer(), office.drawer());
        });
    }
    #[test]
    fn needs_orders_waybills_and_survey_reports_are_stored_and_replayed() {
        on_both("needs", false, |place| {
            let mut store = place.open();
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
            let Store { db, office, .. } = store;
            let again = Store::with_db(db, Durability::Full).unwrap();
            assert_eq!(again.journal_len(), 7);
            assert_eq!(again.office().filed_today(), office.filed_today());
            assert_eq!(again.office().orders(), office.orders());
            assert_eq!(
                serde_json::to_string(again.office()).unwrap(),
                serde_json::to_string(&office).unwrap()
            );
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
        });
    }

    fn company_input() -> ClientInput {
        ClientInput {
            organisation: Some("Ziemeļu Rati".into()),
            legal_form: Some("SIA".into()),
            registration_number: Some("40203990007".into()),
            vat_number: Some("LV40203990007".into()),
            street: Some("Brīvības iela 101".into()),
            city: Some("Rīga".into()),
            postcode: Some("LV-1001".into()),
            ..ClientInput::default()
        }
    }

    fn euro(units: i64) -> apkalpe_core::Money {
        apkalpe_core::Money::new(
            rust_decimal::Decimal::from(units),
            apkalpe_core::Currency::EUR,
        )
    }

    #[test]
    fn cash_orders_are_stored_and_a_months_declaration_outlives_the_ledger() {
        use crate::office::{CashFlow, CashParty};
        on_both("cash", true, |place| {
            let mut store = place.open();
            store.apply(&Operation::OpenDay, at()).unwrap();
            let Outcome::Client { id, .. } = store
                .apply(
                    &Operation::RegisterClient {
                        client: company_input(),
                    },
                    at(),
                )
                .unwrap()
                .outcome
            else {
                panic!("not a client")
            };
            let company = id.as_uuid();
            let float = Denomination::ALL
                .iter()
                .filter(|d| d.cents() <= 20_000)
                .try_fold(CashCount::new(), |count, d| count.with(*d, 20))
                .unwrap();
            store
                .apply(
                    &Operation::OpenShift {
                        cashier: "Ilze Kalna".into(),
                        float,
                    },
                    at(),
                )
                .unwrap();
            let kio = |amount: i64| Operation::CashOrder {
                direction: CashFlow::In,
                amount: euro(amount),
                party: CashParty::Client(company),
                basis: "Avanss".into(),
                invoice: None,
            };
            // 1 000 EUR: not declared yet; with the sale of the same day the deal is over
            // 1 500 EUR, and both are marked.
            store.apply(&kio(1_000), at()).unwrap();
            store
                .apply(
                    &Operation::Sell {
                        lines: vec![ItemLine {
                            sku: "LAP-E14-G5".into(),
                            quantity: 1,
                        }],
                        card: None,
                        cash: Some(euro(1_000)),
                        client: Some(company),
                    },
                    at(),
                )
                .unwrap();
            // Over the cap with both: refused, nothing stored.
            let refused = store.apply(&kio(5_500), at()).unwrap_err();
            assert_eq!(refused.code(), "cash_limit.exceeded");
            store
                .apply(
                    &Operation::CashOrder {
                        direction: CashFlow::Out,
                        amount: euro(1_000),
                        party: CashParty::Omitted(apkalpe_accounting::PayeeOmission::BankDeposit),
                        basis: "Iemaksa bankā".into(),
                        invoice: None,
                    },
                    at(),
                )
                .unwrap();
            assert_eq!(
                count(&store, "SELECT COUNT(*) FROM operations WHERE rules = 2"),
                6
            );
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM issued_documents WHERE kind = 'cash_receipt_order' AND number = 'KIO2026-00001' AND text LIKE '%Kases ieņēmumu orderis Nr. KIO2026-00001%'"
                ),
                1
            );
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM documents WHERE kind = 'cash_disbursement_order' AND number = 'KIZO2026-00001' AND case_index = '4.4'"
                ),
                1
            );
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM cash_operations WHERE declarable = 1 AND taxpayer_number = '40203990007'"
                ),
                2
            );
            // The accounting batch has the orders, the invoices count has not.
            assert_eq!(store.tally().unwrap().invoices, 0);
            let batch = store.accounting_batch(date(), date()).unwrap();
            assert_eq!(batch.entries().len(), 2);
            let declaration = store.cash_declaration(2026, 11).unwrap();
            let text = declaration.render("SIA Apkalpe", "40003521600");
            assert!(text.contains("KIO2026-00001, čeks Nr. 00000001"), "{text}");
            assert_eq!(declaration.lines().len(), 1);
            assert_eq!(
                declaration.lines()[0].received().amount(),
                rust_decimal::Decimal::from(1_000)
                    .checked_add(store.office().receipts()[&1].total().amount())
                    .unwrap()
            );
            assert!(store.cash_declaration(2026, 10).unwrap().is_empty());
            // Opened again, from the journal and from a snapshot, the desk holds the same
            // cash ledger (its operations and marks) and the same declaration.
            let ledger = serde_json::to_string(store.office().cash_limits()).unwrap();
            assert!(ledger.contains("KIO2026-00001"), "{ledger}");
            let replayed = place.open();
            assert_eq!(
                serde_json::to_string(replayed.office().cash_limits()).unwrap(),
                ledger
            );
            drop(replayed);
            store.snapshot_now().unwrap();
            let restored = place.open();
            assert_eq!(
                serde_json::to_string(restored.office().cash_limits()).unwrap(),
                ledger
            );
            assert_eq!(restored.cash_declaration(2026, 11).unwrap(), declaration);
            drop(restored);
            // A quarter later the office has forgotten the cash; the declaration has not.
            let later = Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap();
            let drawer = store.office().drawer();
            store
                .apply(&Operation::CloseShift { counted: drawer }, at())
                .unwrap();
            store.apply(&Operation::OpenDay, later).unwrap();
            assert!(store.office().cash_limits().operations().next().is_none());
            assert_eq!(store.cash_declaration(2026, 11).unwrap(), declaration);
            let verified = store.verify().unwrap();
            assert_eq!(verified.documents, 3, "{verified}");
            // A mark edited by hand is caught by the replay.
            store
                .db
                .execute(
                    "test",
                    "UPDATE cash_operations SET declarable = 0 WHERE reference = 'KIO2026-00001'",
                    params![],
                )
                .unwrap();
            let diverged = store.verify().unwrap_err();
            assert_eq!(diverged.code(), "store.diverged", "{diverged}");
            assert!(diverged.to_string().contains("KIO2026-00001"), "{diverged}");
        });
    }

    #[test]
    fn an_erasure_erases_the_needs_categories_in_the_tables_too() {
        on_both("erase-needs", false, |place| {
            let mut store = place.open();
            store.apply(&Operation::OpenDay, at()).unwrap();
            let Outcome::Client { id, .. } = store
                .apply(
                    &Operation::RegisterClient {
                        client: ClientInput {
                            given: "Zeltīte".into(),
                            family: "Dzērvenāja".into(),
                            ..ClientInput::default()
                        },
                    },
                    at(),
                )
                .unwrap()
                .outcome
            else {
                panic!("not a client")
            };
            store
                .apply(
                    &Operation::RecordNeed {
                        client: id.as_uuid(),
                        category: "it/laptops".into(),
                        quantity: 1,
                        budget: None,
                        needed_by: None,
                        preferred: Vec::new(),
                    },
                    at(),
                )
                .unwrap();
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM needs WHERE category = 'it/laptops'"
                ),
                1
            );
            store
                .apply(
                    &Operation::EraseClient {
                        client: id.as_uuid(),
                    },
                    at(),
                )
                .unwrap();
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM needs WHERE category = '[erased]'"
                ),
                1
            );
            assert_eq!(
                count(
                    &store,
                    "SELECT COUNT(*) FROM needs WHERE category = 'it/laptops'"
                ),
                0
            );
            let need = store
                .office()
                .registry()
                .needs_of(id)
                .unwrap()
                .first()
                .map(|n| n.category().to_owned());
            assert_eq!(need.as_deref(), Some("[erased]"));
        });
    }

    #[test]
    fn products_keep_their_dated_vat_class_schedule() {
        on_both("products", false, |place| {
            let mut store = place.open();
            store
                .apply(
                    &Operation::LoadCatalogue {
                        json: crate::office::CATALOGUE_JSON.into(),
                    },
                    at(),
                )
                .unwrap();
            let product = store
                .office()
                .catalogue()
                .catalogue()
                .products()
                .iter()
                .find(|p| p.sku().to_string() == "FRU-APPLE-KG")
                .unwrap();
            let schedule = product.vat_classes().to_string();
            assert!(schedule.contains(" from 20"), "{schedule}");
            let mut row = store
                .db
                .query_one(
                    "reading",
                    "SELECT vat_class FROM products WHERE sku = 'FRU-APPLE-KG'",
                    params![],
                )
                .unwrap()
                .unwrap();
            assert_eq!(row.text(0).unwrap(), schedule);
        });
    }
}

#[cfg(test)]
#[path = "../../tests/pg_server.rs"]
mod pg_server;

#[cfg(test)]
mod replay_tests;
