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
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::StoreError;
use super::sql::{Db, Row, params};
use crate::office::{Filed, History, OfficeError, Order, filed_kind};

/// The history as of journal entry `before`: rows written by earlier entries only.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SqlHistory<'a> {
    db: &'a Db,
    before: i64,
}

impl<'a> SqlHistory<'a> {
    /// The history seen by journal entry `before`.
    pub(crate) fn new(db: &'a Db, before: i64) -> Self {
        SqlHistory { db, before }
    }
}

/// A failure to read the history, for the office.
fn failed(what: &'static str) -> impl Fn(StoreError) -> OfficeError {
    move |error| OfficeError::History {
        what,
        message: format!("{}: {error}", error.code()),
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

impl SqlHistory<'_> {
    /// The rows of a query, or the history's failure.
    fn rows(
        &self,
        what: &'static str,
        sql: &str,
        params: &[super::sql::Param<'_>],
    ) -> Result<Vec<Row>, OfficeError> {
        self.db.query(what, sql, params).map_err(failed(what))
    }
}

impl History for SqlHistory<'_> {
    fn invoice(
        &self,
        number: &str,
    ) -> Result<Option<(IssuedInvoice, Vec<IssuedCreditNote>)>, OfficeError> {
        let what = "an invoice";
        let rows = self.rows(
            what,
            "SELECT data FROM issued_documents
             WHERE number = ?1 AND kind NOT IN ('credit_note', 'waybill') AND operation < ?2",
            params![number, self.before],
        )?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let invoice: IssuedInvoice = decode(what, row.str(0).map_err(failed(what))?)?;
        let mut notes = Vec::new();
        for row in self.rows(
            "credit notes",
            "SELECT data FROM issued_documents
             WHERE credits = ?1 AND kind = 'credit_note' AND operation < ?2
             ORDER BY operation, number",
            params![number, self.before],
        )? {
            notes.push(decode(
                "a credit note",
                row.str(0).map_err(failed("credit notes"))?,
            )?);
        }
        Ok(Some((invoice, notes)))
    }

    fn invoice_issued(&self, number: &str) -> Result<bool, OfficeError> {
        let what = "an invoice number";
        let count = self
            .db
            .query_int(
                what,
                "SELECT COUNT(*) FROM issued_documents
                 WHERE number = ?1 AND kind NOT IN ('credit_note', 'waybill') AND operation < ?2",
                params![number, self.before],
            )
            .map_err(failed(what))?;
        Ok(count > 0)
    }

    fn receipt(&self, number: u64) -> Result<Option<Receipt>, OfficeError> {
        let what = "a receipt";
        let number = i64::try_from(number).unwrap_or(i64::MAX);
        let rows = self.rows(
            what,
            "SELECT data FROM receipts WHERE number = ?1 AND operation < ?2",
            params![number, self.before],
        )?;
        rows.first()
            .map(|row| decode(what, row.str(0).map_err(failed(what))?))
            .transpose()
    }

    fn client_documents(&self, client: ClientId) -> Result<Vec<Filed>, OfficeError> {
        let what = "a client's documents";
        let rows = self.rows(
            what,
            "SELECT id, number, kind, case_index, date FROM documents
             WHERE client = ?1 AND operation < ?2 ORDER BY operation, rowid",
            params![&client.to_string(), self.before],
        )?;
        let mut documents = Vec::new();
        for mut row in rows {
            let number = row.text(1).map_err(failed(what))?;
            let bad = |field: &str, value: &str| OfficeError::History {
                what,
                message: format!("document {number}: {field} {value:?} does not read"),
            };
            let id = row.str(0).map_err(failed(what))?;
            let kind = row.str(2).map_err(failed(what))?;
            let case = row.str(3).map_err(failed(what))?;
            let date = row.str(4).map_err(failed(what))?;
            documents.push(Filed {
                id: DocumentId::new(Uuid::parse_str(id).map_err(|_| bad("id", id))?),
                kind: filed_kind(kind).ok_or_else(|| bad("kind", kind))?,
                case: case.parse().map_err(|_| bad("case", case))?,
                date: date.parse::<NaiveDate>().map_err(|_| bad("date", date))?,
                client: Some(client),
                number,
            });
        }
        Ok(documents)
    }

    fn order(&self, reference: &str) -> Result<Option<Order>, OfficeError> {
        let what = "an order";
        let rows = self.rows(
            what,
            "SELECT data, dispatched, dispatched_operation FROM orders
             WHERE reference = ?1 AND operation < ?2",
            params![reference, self.before],
        )?;
        let Some(mut row) = rows.into_iter().next() else {
            return Ok(None);
        };
        let data = row.text(0).map_err(failed(what))?;
        let dispatched = row.opt_text(1).map_err(failed(what))?;
        let when = row.opt_int(2).map_err(failed(what))?;
        let mut order: Order = decode(what, &data)?;
        order.dispatched = match when {
            Some(seq) if seq < self.before => dispatched,
            _ => None,
        };
        Ok(Some(order))
    }
}
