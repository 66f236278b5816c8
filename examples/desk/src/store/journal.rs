//! The journal: the `operations` table, every operation applied, in order, as JSON.
//!
//! It is only appended to, with one exception: erasing a person (GDPR art. 17) rewrites the
//! entries that registered them without the erased fields and with their outcome pinned
//! ([`Operation::RegisterClientRedacted`]), in the erasure's own transaction, so no erased
//! value stays in the file and the journal still replays to the same office.

use apkalpe_clients::ErasureReport;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};

use super::history::SqlHistory;
use super::{StoreError, execute, sqlite};
use crate::office::{History, MemoryHistory, Office, Operation, Outcome};

/// One journal entry read back.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Its sequence number.
    pub(super) seq: i64,
    /// When it was applied.
    pub(super) at: DateTime<Utc>,
    /// The operation.
    pub(super) operation: Operation,
}

/// Reads the entries after `after`, in order, calling `each` with every one: the journal is
/// streamed, never held whole in memory.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Journal`] for an entry out of sequence or that does
/// not read; whatever `each` returns.
pub(super) fn for_each_after(
    connection: &Connection,
    after: i64,
    mut each: impl FnMut(Entry) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut statement = connection
        .prepare_cached("SELECT seq, at, input FROM operations WHERE seq > ?1 ORDER BY seq")
        .map_err(sqlite("reading the journal"))?;
    let mut rows = statement
        .query([after])
        .map_err(sqlite("reading the journal"))?;
    let mut expected = after + 1;
    while let Some(row) = rows.next().map_err(sqlite("reading the journal"))? {
        let seq: i64 = row.get(0).map_err(sqlite("reading the journal"))?;
        let at: String = row.get(1).map_err(sqlite("reading the journal"))?;
        let input: String = row.get(2).map_err(sqlite("reading the journal"))?;
        let journal = |message: String| StoreError::Journal { seq, message };
        if seq != expected {
            return Err(journal(format!("expected entry {expected}")));
        }
        let at = DateTime::parse_from_rfc3339(&at)
            .map_err(|error| journal(format!("time {at:?}: {error}")))?
            .with_timezone(&Utc);
        let operation: Operation =
            serde_json::from_str(&input).map_err(|error| journal(error.to_string()))?;
        each(Entry { seq, at, operation })?;
        expected = seq + 1;
    }
    Ok(())
}

/// Applies one journal entry again. A journalled operation was applied once: a refusal now
/// means the journal and this `desk` disagree.
fn reapply(
    office: &mut Office,
    entry: &Entry,
    history: &dyn History,
) -> Result<Outcome, StoreError> {
    office
        .apply(&entry.operation, entry.at, history)
        .map_err(|error| StoreError::Journal {
            seq: entry.seq,
            message: format!("{}: {error}", error.code()),
        })
}

/// Applies the journal entries after `applied` to `office`, asking the tables for its
/// history (as of each entry).
///
/// # Errors
///
/// As [`for_each_after`]; [`StoreError::Journal`] for an entry the office refuses.
pub(super) fn catch_up(
    connection: &Connection,
    office: &mut Office,
    applied: &mut i64,
) -> Result<(), StoreError> {
    for_each_after(connection, *applied, |entry| {
        reapply(office, &entry, &SqlHistory::new(connection, entry.seq))?;
        *applied = entry.seq;
        Ok(())
    })
}

/// Applies the whole journal to a new office, keeping its history in memory: the check
/// that needs nothing but the journal (`desk verify`), and the migration of a database
/// written before snapshots.
///
/// # Errors
///
/// As [`catch_up`].
pub(super) fn replay_all(
    connection: &Connection,
) -> Result<(Office, MemoryHistory, i64), StoreError> {
    let mut office = Office::new()?;
    let mut history = MemoryHistory::new();
    let mut applied = 0;
    for_each_after(connection, 0, |entry| {
        let outcome = reapply(&mut office, &entry, &history)?;
        history.record(&outcome);
        applied = entry.seq;
        Ok(())
    })?;
    Ok((office, history, applied))
}

/// Writes the journal entry of an operation (and, for a registration, which client it
/// gave, so an erasure finds the entries to redact).
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Journal`] when the operation does not serialise.
pub(super) fn append(
    transaction: &Transaction<'_>,
    seq: i64,
    operation: &Operation,
    at: DateTime<Utc>,
    outcome: &Outcome,
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
    Ok(())
}

/// Takes an erased client's personal data out of the journal, in the erasure's own
/// transaction: every entry that registered the client (or found it again) becomes a
/// [`Operation::RegisterClientRedacted`] without the erased fields and with its outcome
/// pinned, so the journal still replays to the same office.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Journal`] for an entry that does not read.
pub(super) fn redact(
    transaction: &Transaction<'_>,
    report: &ErasureReport,
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
    Ok(())
}

/// Every journalled operation, in order (for `desk simulate`'s check of a run it resumes).
///
/// # Errors
///
/// As [`for_each_after`].
pub(super) fn read_all(connection: &Connection) -> Result<Vec<Operation>, StoreError> {
    let mut operations = Vec::new();
    for_each_after(connection, 0, |entry| {
        operations.push(entry.operation);
        Ok(())
    })?;
    Ok(operations)
}
