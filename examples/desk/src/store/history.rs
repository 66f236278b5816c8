//! The office's history answered from the store's tables: what the office no longer holds in
//! memory (receipts of closed shifts, invoices paid long ago, delivered orders, the documents
//! that name a client), read back as it was stored.
//!
//! Every row carries the journal entry that wrote it, and the history answers as of an
//! entry: applying entry `n` sees only what entries before `n` wrote, so a replay of the
//! journal (after a snapshot, or by another desk catching up) gets the same answers the
//! first application got.

use apkalpe_accounting::{IssuedCreditNote, IssuedInvoice};
use apkalpe_clients::ClientId;
use apkalpe_documents::DocumentId;
use apkalpe_payments::Receipt;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::office::{Filed, History, OfficeError, Order, filed_kind};

/// The history as of journal entry `before`: rows written by earlier entries only.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SqlHistory<'a> {
    connection: &'a Connection,
    before: i64,
}

impl<'a> SqlHistory<'a> {
    /// The history seen by journal entry `before`.
    pub(crate) fn new(connection: &'a Connection, before: i64) -> Self {
        SqlHistory { connection, before }
    }
}

/// A failure to read the history, for the office.
fn failed(what: &'static str) -> impl Fn(rusqlite::Error) -> OfficeError {
    move |error| OfficeError::History {
        what,
        message: error.to_string(),
    }
}

/// A stored value read back; a row that does not read is a failure of the history, never a
/// missing value.
fn decode<T: DeserializeOwned>(what: &'static str, json: &str) -> Result<T, OfficeError> {
    serde_json::from_str(json).map_err(|error| OfficeError::History {
        what,
        message: error.to_string(),
    })
}

impl History for SqlHistory<'_> {
    fn invoice(
        &self,
        number: &str,
    ) -> Result<Option<(IssuedInvoice, Vec<IssuedCreditNote>)>, OfficeError> {
        let what = "an invoice";
        let data: Option<String> = self
            .connection
            .prepare_cached(
                "SELECT data FROM issued_documents
                 WHERE number = ?1 AND kind NOT IN ('credit_note', 'waybill') AND operation < ?2",
            )
            .and_then(|mut statement| {
                statement
                    .query_row(rusqlite::params![number, self.before], |row| row.get(0))
                    .optional()
            })
            .map_err(failed(what))?;
        let Some(data) = data else {
            return Ok(None);
        };
        let invoice: IssuedInvoice = decode(what, &data)?;
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT data FROM issued_documents
                 WHERE credits = ?1 AND kind = 'credit_note' AND operation < ?2
                 ORDER BY operation, number",
            )
            .map_err(failed("credit notes"))?;
        let rows = statement
            .query_map(rusqlite::params![number, self.before], |row| {
                row.get::<_, String>(0)
            })
            .map_err(failed("credit notes"))?;
        let mut notes = Vec::new();
        for row in rows {
            notes.push(decode(
                "a credit note",
                &row.map_err(failed("credit notes"))?,
            )?);
        }
        Ok(Some((invoice, notes)))
    }

    fn invoice_issued(&self, number: &str) -> Result<bool, OfficeError> {
        let count: i64 = self
            .connection
            .prepare_cached(
                "SELECT COUNT(*) FROM issued_documents
                 WHERE number = ?1 AND kind NOT IN ('credit_note', 'waybill') AND operation < ?2",
            )
            .and_then(|mut statement| {
                statement.query_row(rusqlite::params![number, self.before], |row| row.get(0))
            })
            .map_err(failed("an invoice number"))?;
        Ok(count > 0)
    }

    fn receipt(&self, number: u64) -> Result<Option<Receipt>, OfficeError> {
        let what = "a receipt";
        let number = i64::try_from(number).unwrap_or(i64::MAX);
        let data: Option<String> = self
            .connection
            .prepare_cached("SELECT data FROM receipts WHERE number = ?1 AND operation < ?2")
            .and_then(|mut statement| {
                statement
                    .query_row(rusqlite::params![number, self.before], |row| row.get(0))
                    .optional()
            })
            .map_err(failed(what))?;
        data.map(|data| decode(what, &data)).transpose()
    }

    fn client_documents(&self, client: ClientId) -> Result<Vec<Filed>, OfficeError> {
        let what = "a client's documents";
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT id, number, kind, case_index, date FROM documents
                 WHERE client = ?1 AND operation < ?2 ORDER BY operation, rowid",
            )
            .map_err(failed(what))?;
        let rows = statement
            .query_map(rusqlite::params![client.to_string(), self.before], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .map_err(failed(what))?;
        let mut documents = Vec::new();
        for row in rows {
            let (id, number, kind, case, date) = row.map_err(failed(what))?;
            let bad = |field: &str, value: &str| OfficeError::History {
                what,
                message: format!("document {number}: {field} {value:?} does not read"),
            };
            documents.push(Filed {
                id: DocumentId::new(Uuid::parse_str(&id).map_err(|_| bad("id", &id))?),
                kind: filed_kind(&kind).ok_or_else(|| bad("kind", &kind))?,
                case: case.parse().map_err(|_| bad("case", &case))?,
                date: date.parse::<NaiveDate>().map_err(|_| bad("date", &date))?,
                client: Some(client),
                number,
            });
        }
        Ok(documents)
    }

    fn order(&self, reference: &str) -> Result<Option<Order>, OfficeError> {
        let what = "an order";
        let row: Option<(String, Option<String>, Option<i64>)> = self
            .connection
            .prepare_cached(
                "SELECT data, dispatched, dispatched_operation FROM orders
                 WHERE reference = ?1 AND operation < ?2",
            )
            .and_then(|mut statement| {
                statement
                    .query_row(rusqlite::params![reference, self.before], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                    })
                    .optional()
            })
            .map_err(failed(what))?;
        let Some((data, dispatched, when)) = row else {
            return Ok(None);
        };
        let mut order: Order = decode(what, &data)?;
        order.dispatched = match when {
            Some(seq) if seq < self.before => dispatched,
            _ => None,
        };
        Ok(Some(order))
    }
}
