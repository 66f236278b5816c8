//! Snapshots of the office: the office as JSON, written in the transaction of an operation,
//! and opening from the latest one plus the journal after it.
//!
//! A snapshot is taken after every erasure (which must leave no older copy of the erased
//! person behind) and every catalogue load, and whenever the journal has grown by
//! [`Policy::every`] entries since the last one: in proportion to the snapshot's size, so
//! writing snapshots costs the same per operation after a week as after years, and the
//! entries to replay on opening stay few. Only the latest snapshot is kept.
//!
//! The snapshot holds what the office holds, which is what today's work needs: the client
//! register, the catalogue and its stock, the open shift, the receivables still in the
//! ledger, the open complaints and orders, the number series. Its size follows the desk's
//! clients and open business, not its history; so does the time to open it.
//!
//! The client register is kept client by client (`snapshot_clients`, one row of its saved form
//! per client), and a snapshot writes only the clients changed since the last one: a day's
//! snapshot costs that day's clients, not every client the desk has. Opening reads every row
//! and restores the register through its checks, as its own JSON would.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::schema::HISTORY_VERSION;
use super::sql::{Begin, Db, params};
use super::{StoreError, journal, projection};
use crate::office::{Office, Operation};
use apkalpe_clients::ClientRegistry;

/// The format of the `state` column; a snapshot of another format is not read.
const FORMAT: i64 = 1;

/// When the store takes the next snapshot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Policy {
    /// The journal entry of the latest snapshot (0: none yet).
    last: i64,
    /// Its size in bytes.
    bytes: usize,
}

impl Policy {
    /// How many journal entries may follow a snapshot before the next: one per 2 kB of the
    /// snapshot's state (the office without its client register, which is written client by
    /// client), at least 100. So writing snapshots costs about 2 kB an operation whatever the
    /// office's size, and the entries replayed on opening stay few (750 for the 1.5 MB state
    /// of a year's desk: about 15 ms).
    pub(super) fn every(&self) -> i64 {
        i64::try_from(self.bytes / 2_000)
            .unwrap_or(i64::MAX)
            .max(100)
    }

    /// Whether journal entry `seq`, applying `operation`, takes a snapshot: an erasure and a
    /// catalogue load always (no older copy of an erased person, nor of a replaced
    /// catalogue, is kept), others when [`Policy::every`] entries have passed.
    pub(super) fn due(&self, operation: &Operation, seq: i64) -> bool {
        matches!(
            operation,
            Operation::EraseClient { .. } | Operation::LoadCatalogue { .. }
        ) || seq - self.last >= self.every()
    }

    /// Counts the latest snapshot in the database (perhaps another desk's, after entry
    /// `seq`) as the last one: the next is due [`Policy::every`] entries after it.
    pub(super) fn seen(&mut self, seq: Option<i64>) {
        if let Some(seq) = seq {
            self.last = self.last.max(seq);
        }
    }

    /// Records a snapshot taken after entry `seq`, of `bytes` bytes.
    pub(super) fn taken(&mut self, seq: i64, bytes: usize) {
        self.last = seq;
        self.bytes = bytes;
    }
}

/// The `state` column: the office, with its format.
#[derive(Serialize)]
struct Written<'a> {
    format: i64,
    office: &'a Office,
}

/// The `state` column read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Read {
    format: i64,
    office: Office,
}

/// The office as a snapshot holds it.
fn to_json(office: &Office) -> Result<String, String> {
    serde_json::to_string(&Written {
        format: FORMAT,
        office,
    })
    .map_err(|error| error.to_string())
}

/// Writes the snapshot of `office` after journal entry `seq` (applied at `at`), deleting
/// every older one: the office's state, and the rows of the clients changed since the last
/// snapshot. Returns the size of the state, in bytes (what [`Policy`] counts).
///
/// # Errors
///
/// the backend's [`StoreError`]; [`StoreError::Snapshot`] when the office does not serialise.
pub(super) fn write(
    db: &Db,
    seq: i64,
    at: DateTime<Utc>,
    office: &Office,
) -> Result<usize, StoreError> {
    let failed = |error: serde_json::Error| StoreError::Snapshot {
        seq,
        message: error.to_string(),
    };
    let state = to_json(office).map_err(|message| StoreError::Snapshot { seq, message })?;
    let registry = office.registry();
    let merges = serde_json::to_string(&registry.saved_merges()).map_err(failed)?;
    for id in office.changed_clients() {
        match registry.saved_client(*id) {
            Some(client) => {
                let record = serde_json::to_string(&client).map_err(failed)?;
                db.write(
                    "writing a client of the snapshot",
                    "INSERT INTO snapshot_clients (id, record) VALUES (?1, ?2)
                     ON CONFLICT (id) DO UPDATE SET record = excluded.record",
                    params![&id.to_string(), &record],
                )?;
            }
            // Merged into another client: the kept one holds it now.
            None => {
                db.write(
                    "removing a client of the snapshot",
                    "DELETE FROM snapshot_clients WHERE id = ?1",
                    params![&id.to_string()],
                )?;
            }
        }
    }
    db.write(
        "deleting the older snapshots",
        "DELETE FROM snapshots",
        params![],
    )?;
    db.write(
        "writing the snapshot",
        "INSERT INTO snapshots (seq, at, format, state, merges) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![seq, &at.to_rfc3339(), FORMAT, &state, &merges],
    )?;
    Ok(state.len())
}

/// The client register of the snapshot: every client's row, in id order, with the merges,
/// restored through the register's checks.
fn registry(db: &Db, seq: i64, merges: &str) -> Result<ClientRegistry, StoreError> {
    let mut json = String::from("{\"clients\":[");
    let mut first = true;
    db.for_each(
        "reading the snapshot's clients",
        "SELECT record FROM snapshot_clients ORDER BY id",
        params![],
        &mut |row| {
            if !first {
                json.push(',');
            }
            first = false;
            json.push_str(row.str(0)?);
            Ok(())
        },
    )?;
    json.push_str("],\"merged_into\":");
    json.push_str(merges);
    json.push('}');
    serde_json::from_str(&json).map_err(|error| StoreError::Snapshot {
        seq,
        message: error.to_string(),
    })
}

/// The journal entry of the latest snapshot, if any.
///
/// # Errors
///
/// the backend's [`StoreError`].
pub(super) fn latest_seq(db: &Db) -> Result<Option<i64>, StoreError> {
    match db.query_one(
        "reading the snapshots",
        "SELECT MAX(seq) FROM snapshots",
        params![],
    )? {
        Some(row) => row.opt_int(0),
        None => Ok(None),
    }
}

/// The latest snapshot as stored.
enum Latest {
    /// None yet.
    None,
    /// One of another format (an older `desk`): to be replaced.
    OtherFormat,
    /// One of this format: its journal entry, size and office.
    Office(i64, usize, Box<Office>),
}

/// The latest snapshot.
///
/// # Errors
///
/// the backend's [`StoreError`]; [`StoreError::Snapshot`] for one of this format that does not
/// read (a value that breaks an invariant of its type: edited by hand).
fn latest(db: &Db) -> Result<Latest, StoreError> {
    let row = db.query_one(
        "reading the snapshot",
        "SELECT seq, format, state, merges FROM snapshots ORDER BY seq DESC LIMIT 1",
        params![],
    )?;
    let Some(mut row) = row else {
        return Ok(Latest::None);
    };
    let (seq, format, state, merges) = (row.int(0)?, row.int(1)?, row.text(2)?, row.text(3)?);
    if format != FORMAT {
        return Ok(Latest::OtherFormat);
    }
    let read: Read = serde_json::from_str(&state).map_err(|error| StoreError::Snapshot {
        seq,
        message: error.to_string(),
    })?;
    if read.format != FORMAT {
        return Err(StoreError::Snapshot {
            seq,
            message: format!("format {}, this desk reads {FORMAT}", read.format),
        });
    }
    let mut office = read.office;
    office.set_registry(registry(db, seq, &merges)?);
    Ok(Latest::Office(seq, state.len(), Box::new(office)))
}

/// Loads the office: from the latest snapshot and the journal after it; or, for a database
/// written before snapshots (schema version `before` older than the history's), by
/// replaying its whole journal once, filling the history's columns and taking the first
/// snapshot.
///
/// # Errors
///
/// As [`latest`], [`journal::catch_up`] and [`projection::check_series`].
pub(super) fn load(db: &Db, before: i64) -> Result<(Office, i64, Policy), StoreError> {
    if before > 0 && before < HISTORY_VERSION {
        return rebuild(db, Rebuild::FillHistory);
    }
    // One moment's view of the snapshot and the journal, taking no write lock.
    let transaction = db.begin(Begin::Read)?;
    let (mut office, mut applied, policy) = match latest(&transaction)? {
        Latest::Office(seq, bytes, office) => (*office, seq, Policy { last: seq, bytes }),
        Latest::None => (Office::new()?, 0, Policy::default()),
        Latest::OtherFormat => {
            drop(transaction);
            return rebuild(db, Rebuild::SnapshotOnly);
        }
    };
    journal::catch_up(&transaction, &mut office, &mut applied)?;
    projection::check_series(&transaction, &office)?;
    transaction.commit()?;
    Ok((office, applied, policy))
}

/// What a rebuild from the whole journal does besides the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rebuild {
    /// A database written before snapshots: the history's columns are filled too, and the
    /// file is compacted.
    FillHistory,
    /// A snapshot of an older format: only the snapshot is replaced.
    SnapshotOnly,
}

/// Replays the whole journal once (its history kept in memory) and writes a snapshot of this
/// format. For a database written before snapshots it first fills the history's columns, and
/// afterwards compacts the file, so nothing an earlier erasure deleted stays in free pages.
fn rebuild(db: &Db, what: Rebuild) -> Result<(Office, i64, Policy), StoreError> {
    let transaction = db.begin(Begin::Write)?;
    let (office, history, applied) = journal::replay_all(&transaction)?;
    if what == Rebuild::FillHistory {
        projection::backfill(&transaction, &history)?;
    }
    projection::check_series(&transaction, &office)?;
    let mut policy = Policy::default();
    if applied > 0 {
        let at = journal::time_of(&transaction, applied)?;
        let bytes = write(&transaction, applied, at, &office)?;
        policy.taken(applied, bytes);
    }
    transaction.commit()?;
    if what == Rebuild::FillHistory {
        db.compact()?;
    }
    Ok((office, applied, policy))
}

/// Checks that `opened` (the latest snapshot with the journal after it) is `replayed` (the
/// whole journal applied to a new office).
///
/// # Errors
///
/// [`StoreError::Snapshot`] naming the first part of the office that differs.
pub(super) fn compare(replayed: &Office, opened: &Office, seq: i64) -> Result<(), StoreError> {
    let snapshot = |message: String| StoreError::Snapshot { seq, message };
    let value = |office: &Office| -> Result<serde_json::Value, StoreError> {
        let mut value =
            serde_json::to_value(office).map_err(|error| snapshot(error.to_string()))?;
        if let serde_json::Value::Object(map) = &mut value {
            map.insert(
                "registry".into(),
                serde_json::to_value(office.registry())
                    .map_err(|error| snapshot(error.to_string()))?,
            );
        }
        Ok(value)
    };
    let replayed = value(replayed)?;
    let opened = value(opened)?;
    if replayed == opened {
        return Ok(());
    }
    let part = match (&replayed, &opened) {
        (serde_json::Value::Object(a), serde_json::Value::Object(b)) => a
            .iter()
            .find(|(key, value)| b.get(key.as_str()) != Some(value))
            .map_or_else(|| "the office".to_owned(), |(key, _)| format!("its {key}")),
        _ => "the office".to_owned(),
    };
    Err(snapshot(format!(
        "{part} differs from what the journal replayed from its first entry gives"
    )))
}
