//! `desk check <kind> <value>...`: identifier checks, one line per value, each ending with the
//! value as given (`valid<TAB>canonical<TAB>input`, `invalid<TAB>code<TAB>message<TAB>input`),
//! so a line always says which value it answers. Blank lines of standard input are skipped.

use std::io::BufRead;

use apkalpe_core::{
    CreditorReference, Iban, LocalizedError, PersonalCode, RegistrationNumber, VatNumber,
};
use serde_json::Map;

use super::{CommandError, IdentifierKind};
use crate::Report;

fn check_one(kind: IdentifierKind, value: &str, report: &mut Report<'_>) {
    let result = match kind {
        IdentifierKind::PersonalCode => value
            .parse::<PersonalCode>()
            .map(|code| code.to_string())
            .map_err(|error| Box::new(error) as Box<dyn LocalizedError>),
        IdentifierKind::RegNumber => value
            .parse::<RegistrationNumber>()
            .map(|number| number.to_string())
            .map_err(|error| Box::new(error) as Box<dyn LocalizedError>),
        IdentifierKind::VatNumber => value
            .parse::<VatNumber>()
            .map(|number| number.to_string())
            .map_err(|error| Box::new(error) as Box<dyn LocalizedError>),
        IdentifierKind::Iban => value
            .parse::<Iban>()
            .map(|iban| iban.to_string())
            .map_err(|error| Box::new(error) as Box<dyn LocalizedError>),
        IdentifierKind::Card => {
            // Only the masked number ever leaves this function.
            return match value.parse::<apkalpe_payments::CardNumber>() {
                Ok(card) => {
                    let mut extra = Map::new();
                    extra.insert("brand".into(), card.brand().to_string().into());
                    // A card number is never echoed: the masked number stands for it.
                    report.valid_input(
                        &card.masked().to_string(),
                        &card.masked().to_string(),
                        extra,
                    );
                }
                Err(error) => {
                    let error: apkalpe_payments::PaymentsError = error.into();
                    report.error_input(&masked_input(value), &error);
                }
            };
        }
        IdentifierKind::Rf => value
            .parse::<CreditorReference>()
            .map(|reference| reference.to_string())
            .map_err(|error| Box::new(error) as Box<dyn LocalizedError>),
    };
    match result {
        Ok(canonical) => report.valid_input(value, &canonical, Map::new()),
        Err(error) => report.error_input(value, &*error),
    }
}

/// What an invalid card number is echoed as: its digits beyond the first six and the last
/// four replaced, so even a mistyped full number is never printed.
fn masked_input(value: &str) -> String {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= 6 || seen > digits.saturating_sub(4) {
                c
            } else {
                '*'
            }
        })
        .collect()
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
                        report.invalid_in(
                            "input.read",
                            "standard input is not readable UTF-8 text",
                            "standarta ievade nav nolasāms UTF-8 teksts",
                        );
                        return Ok(());
                    }
                }
                let trimmed = line.trim_end_matches(['\n', '\r']);
                if trimmed.trim().is_empty() {
                    // A blank line is no value.
                    continue;
                }
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
