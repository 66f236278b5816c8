//! The office's closed history: what it no longer holds in memory, asked for when an
//! operation needs it.
//!
//! The office keeps in memory only what today's work needs: the open shift's receipts, the
//! invoices whose receivable is still in the ledger, the orders still to be delivered, the
//! complaints not answered yet. Everything older lives in the store's tables, written in the
//! same transaction as the operation that made it. When an operation names something old (a
//! refund of last month's receipt, a credit note for an invoice paid long ago, the documents
//! that keep an erased client's name), the office asks its [`History`]. The store answers
//! from SQL ([`crate::store`]); a replay in memory answers from a [`MemoryHistory`] that
//! records every outcome as it goes.
//!
//! Whatever the office holds, it gives the same answers: an operation's outcome does not
//! depend on whether what it names was in memory or in the history.

use std::collections::BTreeMap;

use apkalpe_accounting::{CashOrder, IssuedCreditNote, IssuedInvoice, Waybill};
use apkalpe_clients::ClientId;
use apkalpe_payments::{CashOperation, Receipt};

use super::{CashRecorded, Filed, OfficeError, Order, Outcome};

/// Where the office finds what it no longer holds.
pub(crate) trait History {
    /// The issued invoice with this number, and the credit notes issued for it, in order.
    ///
    /// # Errors
    ///
    /// [`OfficeError::History`] when the history cannot be read.
    fn invoice(
        &self,
        number: &str,
    ) -> Result<Option<(IssuedInvoice, Vec<IssuedCreditNote>)>, OfficeError>;

    /// Whether an invoice with this number was issued (by any series).
    ///
    /// # Errors
    ///
    /// [`OfficeError::History`] when the history cannot be read.
    fn invoice_issued(&self, number: &str) -> Result<bool, OfficeError>;

    /// The receipt with this number.
    ///
    /// # Errors
    ///
    /// [`OfficeError::History`] when the history cannot be read.
    fn receipt(&self, number: u64) -> Result<Option<Receipt>, OfficeError>;

    /// Every filed document that names the client, in the order filed.
    ///
    /// # Errors
    ///
    /// [`OfficeError::History`] when the history cannot be read.
    fn client_documents(&self, client: ClientId) -> Result<Vec<Filed>, OfficeError>;

    /// The order with this reference.
    ///
    /// # Errors
    ///
    /// [`OfficeError::History`] when the history cannot be read.
    fn order(&self, reference: &str) -> Result<Option<Order>, OfficeError>;
}

/// A history in memory, recording every outcome it is given: what a replay of the journal
/// keeps beside the office (`desk verify`, the migration of a database written before
/// snapshots, tests).
#[derive(Debug, Clone, Default)]
pub(crate) struct MemoryHistory {
    invoices: BTreeMap<String, (IssuedInvoice, Vec<IssuedCreditNote>)>,
    waybills: BTreeMap<String, Waybill>,
    receipts: BTreeMap<u64, Receipt>,
    client_documents: BTreeMap<ClientId, Vec<Filed>>,
    orders: BTreeMap<String, Order>,
    cash_orders: BTreeMap<String, CashOrder>,
    /// Every cash operation recorded against the cash limits, by reference, and whether its
    /// deal is declared (marked again when a later operation makes the deal declared).
    cash_operations: BTreeMap<String, (CashOperation, bool)>,
}

impl MemoryHistory {
    /// An empty history.
    pub(crate) fn new() -> Self {
        MemoryHistory::default()
    }

    /// Records what an operation produced.
    pub(crate) fn record(&mut self, outcome: &Outcome) {
        let mut cash = |recorded: &CashRecorded| {
            self.cash_operations.insert(
                recorded.operation.reference().to_owned(),
                (recorded.operation.clone(), recorded.verdict.declarable()),
            );
            if recorded.verdict.declarable() {
                for reference in recorded.verdict.linked() {
                    if let Some((_, declarable)) = self.cash_operations.get_mut(reference) {
                        *declarable = true;
                    }
                }
            }
        };
        match outcome {
            Outcome::Receipt(_, Some(recorded)) => cash(recorded),
            Outcome::CashOrder(issued) => {
                if let Some(recorded) = &issued.cash {
                    cash(recorded);
                }
            }
            _ => {}
        }
        let mut file = |filed: &Filed| {
            if let Some(client) = filed.client {
                self.client_documents
                    .entry(client)
                    .or_default()
                    .push(filed.clone());
            }
        };
        match outcome {
            Outcome::Receipt(receipt, _) => {
                self.receipts.insert(receipt.number(), receipt.clone());
            }
            Outcome::CashOrder(issued) => {
                file(&issued.filed);
                self.cash_orders.insert(
                    issued.order.number().as_str().to_owned(),
                    issued.order.clone(),
                );
            }
            Outcome::Invoice(issued) => {
                file(&issued.filed);
                self.invoices.insert(
                    issued.document.number().as_str().to_owned(),
                    (issued.document.clone(), Vec::new()),
                );
            }
            Outcome::CreditNote(issued) => {
                file(&issued.filed);
                let invoice = issued.document.original().number();
                if let Some((_, notes)) = self.invoices.get_mut(invoice) {
                    notes.push(issued.document.clone());
                }
            }
            Outcome::Contract(filed) => file(filed),
            Outcome::Complaint { filed, .. } => file(filed),
            Outcome::Order {
                reference, order, ..
            } => {
                self.orders.insert(reference.to_string(), order.clone());
            }
            Outcome::Waybill { order, waybill, .. } => {
                let number = waybill.number().as_str().to_owned();
                if let Some(order) = order.as_ref().and_then(|r| self.orders.get_mut(r)) {
                    order.dispatched = Some(number.clone());
                }
                self.waybills.insert(number, waybill.clone());
            }
            _ => {}
        }
    }

    /// Every receipt recorded, by number.
    pub(crate) fn receipts(&self) -> &BTreeMap<u64, Receipt> {
        &self.receipts
    }

    /// Every invoice recorded, with its credit notes, by number.
    pub(crate) fn invoices(&self) -> &BTreeMap<String, (IssuedInvoice, Vec<IssuedCreditNote>)> {
        &self.invoices
    }

    /// Every waybill recorded, by number.
    pub(crate) fn waybills(&self) -> &BTreeMap<String, Waybill> {
        &self.waybills
    }

    /// Every order recorded, as it stands, by reference.
    pub(crate) fn orders(&self) -> &BTreeMap<String, Order> {
        &self.orders
    }

    /// Every cash order recorded, by number.
    pub(crate) fn cash_orders(&self) -> &BTreeMap<String, CashOrder> {
        &self.cash_orders
    }

    /// Every cash operation recorded against the cash limits, by reference, with whether its
    /// deal is declared.
    pub(crate) fn cash_operations(&self) -> &BTreeMap<String, (CashOperation, bool)> {
        &self.cash_operations
    }

    /// The documents that name each client.
    pub(crate) fn all_client_documents(&self) -> &BTreeMap<ClientId, Vec<Filed>> {
        &self.client_documents
    }
}

impl History for MemoryHistory {
    fn invoice(
        &self,
        number: &str,
    ) -> Result<Option<(IssuedInvoice, Vec<IssuedCreditNote>)>, OfficeError> {
        Ok(self.invoices.get(number).cloned())
    }

    fn invoice_issued(&self, number: &str) -> Result<bool, OfficeError> {
        Ok(self.invoices.contains_key(number))
    }

    fn receipt(&self, number: u64) -> Result<Option<Receipt>, OfficeError> {
        Ok(self.receipts.get(&number).cloned())
    }

    fn client_documents(&self, client: ClientId) -> Result<Vec<Filed>, OfficeError> {
        Ok(self
            .client_documents
            .get(&client)
            .cloned()
            .unwrap_or_default())
    }

    fn order(&self, reference: &str) -> Result<Option<Order>, OfficeError> {
        Ok(self.orders.get(reference).cloned())
    }
}
