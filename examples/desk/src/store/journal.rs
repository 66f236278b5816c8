//! The journal: the `operations` table, every operation applied, in order, as JSON.
//!
//! Each entry keeps the [`Rules`] it was accepted under (the `rules` column: 1 for every entry
//! written before the column existed), and is applied again under them: an old journal
//! replays as it happened, whatever the desk enforces now.
//!
//! It is only appended to, with one exception: erasing a person (GDPR art. 17) rewrites the
//! entries that registered them without the erased fields and with their outcome pinned
//! ([`Operation::RegisterClientRedacted`]), in the erasure's own transaction, so no erased
//! value stays in the database and the journal still replays to the same office.

use apkalpe_clients::ErasureReport;
use chrono::{DateTime, Utc};

use super::StoreError;
use super::history::SqlHistory;
use super::sql::{Db, Row, Transaction, params};
use crate::office::{History, MemoryHistory, Office, Operation, Outcome, Rules};

/// How many entries are read at a time: the journal is read page by page, never held whole
/// in memory, and the connection is free between pages for the history's questions.
const PAGE: i64 = 500;

/// One journal entry read back.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Its sequence number.
    pub(super) seq: i64,
    /// When it was applied.
    pub(super) at: DateTime<Utc>,
    /// The operation.
    pub(super) operation: Operation,
    /// The rules it was accepted under.
    pub(super) rules: Rules,
}

/// Reads the time of a journal entry.
pub(super) fn time(seq: i64, at: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(at)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|error| StoreError::Journal {
            seq,
            message: format!("time {at:?}: {error}"),
        })
}

/// Reads the entries after `after`, in order, calling `each` with every one.
///
/// # Errors
///
/// The backend's [`StoreError`]; [`StoreError::Journal`] for an entry out of sequence or
/// that does not read; whatever `each` returns.
pub(super) fn for_each_after(
    db: &Db,
    after: i64,
    each: impl FnMut(Entry) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    for_each_from(db, after, None, each)
}

/// As [`for_each_after`], starting with `first`, the first page of entries after `after`
/// when it was read already.
fn for_each_from(
    db: &Db,
    after: i64,
    mut first: Option<Vec<Row>>,
    mut each: impl FnMut(Entry) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut expected = after + 1;
    loop {
        let rows = match first.take() {
            Some(rows) => rows,
            // The journal has no gaps (every entry is checked below), so a page is a range
            // of numbers: a bounded range lets PostgreSQL's planner use the key whatever it
            // knows of the table, where `seq > ?1 ORDER BY seq LIMIT ?2` was planned, once the
            // statement's generic plan was cached on a young table, as a scan of the whole
            // journal at every catch-up (cost growing with history).
            None => db.query(
                "reading the journal",
                "SELECT seq, at, input, rules FROM operations WHERE seq > ?1 AND seq <= ?2 \
                 ORDER BY seq",
                params![expected - 1, expected - 1 + PAGE],
            )?,
        };
        let full = rows.len() == usize::try_from(PAGE).unwrap_or(usize::MAX);
        for mut row in rows {
            let seq = row.int(0)?;
            let journal = |message: String| StoreError::Journal { seq, message };
            if seq != expected {
                return Err(journal(format!("expected entry {expected}")));
            }
            let at = time(seq, row.str(1)?)?;
            let operation: Operation =
                serde_json::from_str(&row.text(2)?).map_err(|error| journal(error.to_string()))?;
            let number = row.int(3)?;
            let rules = Rules::from_number(number).ok_or_else(|| {
                journal(format!(
                    "it was applied under rules {number}, and this desk knows rules 1 to {}",
                    Rules::CURRENT.number()
                ))
            })?;
            each(Entry {
                seq,
                at,
                operation,
                rules,
            })?;
            expected = seq + 1;
        }
        if !full {
            return Ok(());
        }
    }
}

/// Applies one journal entry again, under the rules it was accepted under. A journalled
/// operation was applied once: a refusal now means the journal and this `desk` disagree.
fn reapply(
    office: &mut Office,
    entry: &Entry,
    history: &dyn History,
) -> Result<Outcome, StoreError> {
    office
        .apply_under(&entry.operation, entry.at, history, entry.rules)
        .map_err(|error| StoreError::Journal {
            seq: entry.seq,
            message: format!("{}: {error}", error.code()),
        })
}

/// Applies the journal entries after `applied` to `office`, asking the tables for its
/// history (as of each entry). Returns how many it applied.
///
/// # Errors
///
/// As [`for_each_after`]; [`StoreError::Journal`] for an entry the office refuses.
pub(super) fn catch_up(db: &Db, office: &mut Office, applied: &mut i64) -> Result<i64, StoreError> {
    catch_up_from(db, None, office, applied)
}

/// Begins a write transaction (taking the write lock) and applies the journal entries after
/// `applied` that other desks committed: on PostgreSQL the lock and the first page of
/// entries come in one round trip. Returns the transaction, how many entries it applied, and
/// the journal entry of the latest snapshot (another desk's, perhaps).
///
/// # Errors
///
/// As [`Db::begin`] and [`catch_up`]; the office is then as far as it got.
pub(super) fn begin_write<'a>(
    db: &'a Db,
    office: &mut Office,
    applied: &mut i64,
) -> Result<(Transaction<'a>, i64, Option<i64>), StoreError> {
    let (transaction, first, snapshot) = db.begin_write_reading(*applied, PAGE)?;
    let count = catch_up_from(&transaction, Some(first), office, applied)?;
    Ok((transaction, count, snapshot))
}

fn catch_up_from(
    db: &Db,
    first: Option<Vec<Row>>,
    office: &mut Office,
    applied: &mut i64,
) -> Result<i64, StoreError> {
    let mut count = 0;
    for_each_from(db, *applied, first, |entry| {
        reapply(office, &entry, &SqlHistory::new(db, entry.seq))?;
        *applied = entry.seq;
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

/// Applies the whole journal to a new office, keeping its history in memory: the check
/// that needs nothing but the journal (`desk verify`), and the migration of a database
/// written before snapshots.
///
/// # Errors
///
/// As [`catch_up`].
pub(super) fn replay_all(db: &Db) -> Result<(Office, MemoryHistory, i64), StoreError> {
    let mut office = Office::new()?;
    let mut history = MemoryHistory::new();
    let mut applied = 0;
    for_each_after(db, 0, |entry| {
        let outcome = reapply(&mut office, &entry, &history)?;
        history.record(&outcome);
        applied = entry.seq;
        Ok(())
    })?;
    Ok((office, history, applied))
}

/// The time of journal entry `seq`.
///
/// # Errors
///
/// The backend's [`StoreError`]; [`StoreError::Journal`] when it is missing or does not
/// read.
pub(super) fn time_of(db: &Db, seq: i64) -> Result<DateTime<Utc>, StoreError> {
    let row = db.query_one(
        "reading the journal",
        "SELECT at FROM operations WHERE seq = ?1",
        params![seq],
    )?;
    let row = row.ok_or_else(|| StoreError::Journal {
        seq,
        message: "the entry is missing".into(),
    })?;
    time(seq, row.str(0)?)
}

/// Writes the journal entry of an operation applied under the current rules
/// ([`Rules::CURRENT`]) (and, for a registration, which client it gave, so an erasure finds
/// the entries to redact).
///
/// # Errors
///
/// The backend's [`StoreError`]; [`StoreError::Journal`] when the operation does not
/// serialise.
pub(super) fn append(
    db: &Db,
    seq: i64,
    operation: &Operation,
    at: DateTime<Utc>,
    outcome: &Outcome,
) -> Result<(), StoreError> {
    let input = serde_json::to_string(operation).map_err(|error| StoreError::Journal {
        seq,
        message: error.to_string(),
    })?;
    db.write(
        "writing the journal",
        "INSERT INTO operations (seq, at, kind, input, rules) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            seq,
            &at.to_rfc3339(),
            operation.kind(),
            &input,
            Rules::CURRENT.number()
        ],
    )?;
    if let Outcome::Client { id, existing, .. } = outcome {
        db.write(
            "recording the registration",
            "INSERT INTO registrations (seq, client, existing) VALUES (?1, ?2, ?3)",
            params![seq, &id.to_string(), *existing],
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
/// The backend's [`StoreError`]; [`StoreError::Journal`] for an entry that does not read.
pub(super) fn redact(db: &Db, report: &ErasureReport) -> Result<(), StoreError> {
    let client = report.client();
    let entries = db.query(
        "finding the registrations",
        "SELECT r.seq, r.existing, o.input FROM registrations r
         JOIN operations o ON o.seq = r.seq WHERE r.client = ?1 ORDER BY r.seq",
        params![&client.to_string()],
    )?;
    for mut row in entries {
        let seq = row.int(0)?;
        let existing = row.int(1)? != 0;
        let journal = |message: String| StoreError::Journal { seq, message };
        let operation: Operation =
            serde_json::from_str(&row.text(2)?).map_err(|error| journal(error.to_string()))?;
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
        db.write(
            "redacting the journal",
            "UPDATE operations SET input = ?2, kind = ?3 WHERE seq = ?1",
            params![seq, &text, redacted.kind()],
        )?;
    }
    Ok(())
}

/// Every journalled operation, in order (for `desk simulate`'s check of a run it resumes).
///
/// # Errors
///
/// As [`for_each_after`].
pub(super) fn read_all(db: &Db) -> Result<Vec<Operation>, StoreError> {
    let mut operations = Vec::new();
    for_each_after(db, 0, |entry| {
        operations.push(entry.operation);
        Ok(())
    })?;
    Ok(operations)
}
