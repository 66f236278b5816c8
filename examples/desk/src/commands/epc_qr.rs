//! `desk epc-qr`: the EPC QR payload of a credit transfer, and the QR code as SVG (T4.3, T4.5).

use std::path::Path;

use apkalpe_core::{Currency, Iban, LocalizedError, Money};
use apkalpe_payments::{Bic, PaymentRequest, PaymentsError, Remittance};

use super::CommandError;
use super::files::write_file;
use crate::Report;

/// The command's arguments.
pub(crate) struct EpcArgs<'a> {
    pub iban: &'a str,
    pub name: &'a str,
    pub amount: &'a str,
    pub bic: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub text: Option<&'a str>,
    pub svg: Option<&'a Path>,
}

fn request(args: &EpcArgs<'_>) -> Result<PaymentRequest, Box<dyn LocalizedError>> {
    let iban: Iban = args
        .iban
        .parse()
        .map_err(|error: apkalpe_core::ParseIbanError| {
            Box::new(error) as Box<dyn LocalizedError>
        })?;
    let amount = Money::parse(args.amount, Currency::EUR)?;
    let payments = |error: PaymentsError| Box::new(error) as Box<dyn LocalizedError>;
    let bic = match args.bic {
        Some(text) => Some(
            text.parse::<Bic>()
                .map_err(|error| payments(error.into()))?,
        ),
        None => None,
    };
    let remittance = Remittance::from_parts(args.reference, args.text)
        .map_err(|error| payments(error.into()))?;
    PaymentRequest::try_new(args.name, iban, bic, amount, remittance)
        .map_err(|error| payments(error.into()))
}

pub(super) fn run(args: &EpcArgs<'_>, report: &mut Report<'_>) -> Result<(), CommandError> {
    let request = match request(args) {
        Ok(request) => request,
        Err(error) => {
            report.error(&*error);
            return Ok(());
        }
    };
    let payload = match request.epc_payload() {
        Ok(payload) => payload,
        Err(error) => {
            let error: PaymentsError = error.into();
            report.error(&error);
            return Ok(());
        }
    };
    // The payload exactly as encoded, one field per line (JSON: one object with it).
    if report.is_json() {
        let mut object = serde_json::Map::new();
        object.insert("valid".into(), serde_json::Value::Bool(true));
        object.insert("payload".into(), serde_json::Value::String(payload.clone()));
        report.record("", object);
    } else {
        for line in payload.split('\n') {
            report.text(line);
        }
    }
    if let Some(path) = args.svg {
        match request.epc_svg() {
            Ok(svg) => {
                if write_file(path, svg.as_bytes(), report) && !report.is_json() {
                    report.text(&format!("The QR code is in {}.", path.display()));
                }
            }
            Err(error) => {
                let error: PaymentsError = error.into();
                report.error(&error);
            }
        }
    }
    Ok(())
}
