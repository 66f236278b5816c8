//! `desk check <kind> <value>...`: identifier checks, one line per value.

use std::io::BufRead;

use apkalpe_core::{CreditorReference, Iban, PersonalCode, RegistrationNumber, VatNumber};
use serde_json::Map;

use super::{CommandError, IdentifierKind};
use crate::Report;

fn check_one(kind: IdentifierKind, value: &str, report: &mut Report<'_>) {
    let result = match kind {
        IdentifierKind::PersonalCode => value
            .parse::<PersonalCode>()
            .map(|code| code.to_string())
            .map_err(|error| (error.code(), error.to_string())),
        IdentifierKind::RegNumber => value
            .parse::<RegistrationNumber>()
            .map(|number| number.to_string())
            .map_err(|error| (error.code(), error.to_string())),
        IdentifierKind::VatNumber => value
            .parse::<VatNumber>()
            .map(|number| number.to_string())
            .map_err(|error| (error.code(), error.to_string())),
        IdentifierKind::Iban => value
            .parse::<Iban>()
            .map(|iban| iban.to_string())
            .map_err(|error| (error.code(), error.to_string())),
        IdentifierKind::Card => {
            // Only the masked number ever leaves this function.
            return match value.parse::<apkalpe_payments::CardNumber>() {
                Ok(card) => {
                    let mut extra = Map::new();
                    extra.insert("brand".into(), card.brand().to_string().into());
                    report.valid(&card.masked().to_string(), extra);
                }
                Err(error) => {
                    let error: apkalpe_payments::PaymentsError = error.into();
                    report.invalid(error.code(), &error.to_string());
                }
            };
        }
        IdentifierKind::Rf => value
            .parse::<CreditorReference>()
            .map(|reference| reference.to_string())
            .map_err(|error| (error.code(), error.to_string())),
    };
    match result {
        Ok(canonical) => report.valid(&canonical, Map::new()),
        Err((code, message)) => report.invalid(code, &message),
    }
}

pub(super) fn run(
    kind: IdentifierKind,
    values: &[String],
    input: &mut dyn BufRead,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    for value in values {
        if value == "-" {
            let mut line = String::new();
            loop {
                line.clear();
                match input.read_line(&mut line) {
                    Ok(0) => break,
                    Ok(_) => {}
                    // Not UTF-8, or the stream broke: say so once and stop.
                    Err(_) => {
                        report.invalid("input.read", "standard input is not readable UTF-8 text");
                        return Ok(());
                    }
                }
                let trimmed = line.trim_end_matches(['\n', '\r']);
                check_one(kind, trimmed, report);
                if report.is_closed() {
                    return Err(CommandError::Io);
                }
            }
        } else {
            check_one(kind, value, report);
        }
    }
    Ok(())
}
