//! A desk for the office's unit tests: the office and a history in memory that records every
//! outcome, as a replay of the journal keeps them.

use std::ops::Deref;

use chrono::{DateTime, Utc};

use super::{MemoryHistory, Office, OfficeError, Operation, Outcome};

/// The office with its history in memory.
#[derive(Debug, Clone)]
pub(crate) struct Desk {
    pub(crate) office: Office,
    pub(crate) history: MemoryHistory,
}

impl Desk {
    /// A new office with an empty history.
    pub(crate) fn new() -> Result<Desk, OfficeError> {
        Ok(Desk {
            office: Office::new()?,
            history: MemoryHistory::new(),
        })
    }

    /// Applies the operation and records what it produced.
    pub(crate) fn apply(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        let outcome = self.office.apply(operation, at, &self.history)?;
        self.history.record(&outcome);
        Ok(outcome)
    }
}

// Tests read the office through the desk.
impl Deref for Desk {
    type Target = Office;

    fn deref(&self) -> &Office {
        &self.office
    }
}
