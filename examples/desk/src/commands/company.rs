//! `desk company <registration-number> --register <file.csv>`: the commercial register record
//! and the verdict (S30).

use std::path::Path;

use apkalpe_clients::{ClientsError, RegisterFile, check_number};
use apkalpe_core::RegistrationNumber;

use super::CommandError;
use crate::Report;

fn fail(error: impl Into<ClientsError>, report: &mut Report<'_>) {
    let error = error.into();
    report.error(&error);
}

pub(super) fn run(
    number: &str,
    register_path: &Path,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let number: RegistrationNumber = match number.parse() {
        Ok(number) => number,
        Err(error) => {
            let error: apkalpe_core::ParseRegistrationNumberError = error;
            report.error(&error);
            return Ok(());
        }
    };
    let file = match std::fs::File::open(register_path) {
        Ok(file) => file,
        Err(error) => {
            report.invalid_in(
                "file.read",
                &format!("cannot read {}: {}", register_path.display(), error.kind()),
                &format!(
                    "nevar nolasīt {}: {}",
                    register_path.display(),
                    error.kind()
                ),
            );
            return Ok(());
        }
    };
    let load = match RegisterFile::from_reader(std::io::BufReader::new(file)) {
        Ok(load) => load,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    match check_number(&number, load.register()) {
        Ok(verification) => {
            if report.is_json() {
                match serde_json::to_value(&verification) {
                    Ok(serde_json::Value::Object(object)) => report.record("", object),
                    _ => report.invalid_in(
                        "internal.json",
                        "the verdict could not be written as JSON",
                        "atzinumu nevarēja uzrakstīt JSON formā",
                    ),
                }
            } else {
                for line in verification.to_string().lines() {
                    report.text(line);
                }
                if !load.row_errors().is_empty() {
                    report.text(&format!(
                        "note: {} rows of the register file could not be read",
                        load.row_errors().len()
                    ));
                }
            }
        }
        Err(error) => fail(error, report),
    }
    Ok(())
}
