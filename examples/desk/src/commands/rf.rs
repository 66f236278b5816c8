//! `desk rf <payment-reference>...`: creditor references from payment references.

use apkalpe_core::CreditorReference;
use serde_json::{Map, Value};

use super::CommandError;
use crate::Report;

pub(super) fn run(references: &[String], report: &mut Report<'_>) -> Result<(), CommandError> {
    for reference in references {
        match CreditorReference::from_payment_reference(reference) {
            Ok(creditor_reference) => {
                let mut extra = Map::new();
                extra.insert(
                    "print_form".into(),
                    Value::String(creditor_reference.print_form()),
                );
                report.valid(&creditor_reference.to_string(), extra);
            }
            Err(error) => report.error(&error),
        }
    }
    Ok(())
}
