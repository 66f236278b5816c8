//! EPC QR payloads and their refusals.

use apkalpe_payments::{PaymentRequest, Remittance};
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::support::eur;

fn request(
    name: &str,
    bic: Option<&str>,
    reference: Option<&str>,
    text: Option<&str>,
) -> Result<PaymentRequest, String> {
    let remittance = Remittance::from_parts(reference, text).map_err(|e| e.code().to_owned())?;
    PaymentRequest::try_new(
        name,
        "LV80BANK0000435195001".parse().unwrap(),
        bic.map(|b| b.parse().unwrap()),
        eur(dec!(121.00)),
        remittance,
    )
    .map_err(|e| e.code().to_owned())
}

#[test]
fn payloads() {
    let with_reference =
        request("SIA Apkalpe Demo", None, Some("RF18 5390 0754 7034"), None).unwrap();
    let with_text = request(
        "Jānis Bērziņš",
        Some("HABALV22"),
        None,
        Some("Rēķins INV-2026-0102"),
    )
    .unwrap();
    let bare = request("SIA Apkalpe Demo", None, None, None).unwrap();
    assert_eq!(
        bare.epc_payload().unwrap(),
        "BCD\n002\n1\nSCT\n\nSIA Apkalpe Demo\nLV80BANK0000435195001\nEUR121.00"
    );
    insta::assert_snapshot!("epc__reference", with_reference.epc_payload().unwrap());
    insta::assert_snapshot!("epc__text_and_bic", with_text.epc_payload().unwrap());
    let svg = with_reference.epc_svg().unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg"));
}

#[test]
fn refusals_name_their_rule() {
    let codes = [
        request(&"N".repeat(71), None, None, None).unwrap_err(),
        request("A", None, Some("RF18539007547034"), Some("text")).unwrap_err(),
        request("A", None, Some("RF18539007547035"), None).unwrap_err(),
        request(" ", None, None, None).unwrap_err(),
    ];
    assert_eq!(
        codes,
        [
            "epc.name_length",
            "epc.both_remittances",
            "creditor_reference.checksum",
            "epc.name_empty"
        ]
    );
}

proptest! {
    #[test]
    fn accepted_payloads_keep_the_epc_limits(
        name in "[A-Za-zĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž ]{1,70}",
        text in "\\PC{0,140}",
        amount in 1i64..=99_999_999_999,
    ) {
        let remittance = Remittance::Text(text);
        let result = PaymentRequest::try_new(
            &name,
            "LV80BANK0000435195001".parse().unwrap(),
            None,
            eur(rust_decimal::Decimal::new(amount, 2)),
            remittance,
        );
        if let Ok(request) = result {
            let payload = request.epc_payload().unwrap();
            prop_assert!(payload.len() <= 331);
            prop_assert!(payload.starts_with("BCD\n002\n1\nSCT\n"));
            prop_assert!(request.epc_svg().is_ok());
        }
    }
}
