//! Bank statements (apkalpe-payments): a camt.053/054 statement reconciled with the open
//! receivables (T4.3).

use apkalpe_payments::{BankStatement, reconcile};

use super::{Office, OfficeError, Outcome};

impl Office {
    /// [`super::Operation::ApplyStatement`]: every entry matched and applied, or nothing:
    /// reconciliation checks the whole statement before it changes the ledger.
    pub(super) fn apply_statement(&mut self, xml: &str) -> Result<Outcome, OfficeError> {
        let statement = BankStatement::read(xml.as_bytes())?;
        let report = reconcile(&statement, &mut self.ledger)?;
        Ok(Outcome::Reconciled(report))
    }
}
