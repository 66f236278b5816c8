//! UBL 2.1 e-invoices (EN 16931, Peppol BIS Billing 3.0): writing and reading.

pub(crate) mod dom;
// The superseded reader of our own UBL (decision: `read_received_invoice` replaces it).
#[allow(deprecated)]
mod read;
mod write;

#[allow(deprecated)]
pub use read::{ReceivedDocument, ReceivedKind, read_ubl};
pub use write::{write_ubl_credit_note, write_ubl_invoice};

use apkalpe_core::{IdentifierScheme, Party, PartyIdentifier};

/// The specification identifier (BT-24) of Peppol BIS Billing 3.0.
pub(crate) const CUSTOMIZATION_ID: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/// The business process (BT-23) of Peppol BIS Billing 3.0.
pub(crate) const PROFILE_ID: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/// The ICD scheme of the Latvian unified registration number (sources §12 \[X2\]).
pub(crate) const LATVIAN_REGISTRATION_SCHEME: &str = "0218";

/// The Peppol EAS code list (electronic address schemes), as Peppol BIS Billing 3.0's rules
/// list it (sources §12 \[X1\]): the codes a party's identifier may serve as its electronic
/// address under (BT-34, BT-49).
const EAS: [u16; 92] = [
    2, 7, 9, 37, 60, 88, 96, 97, 106, 130, 135, 142, 147, 151, 154, 158, 170, 177, 183, 184, 188,
    190, 191, 192, 193, 194, 195, 196, 198, 199, 200, 201, 202, 203, 204, 205, 208, 209, 210, 211,
    212, 213, 215, 216, 217, 218, 221, 225, 230, 235, 240, 9910, 9913, 9914, 9915, 9918, 9919,
    9920, 9922, 9923, 9924, 9925, 9926, 9927, 9928, 9929, 9930, 9931, 9932, 9933, 9934, 9935, 9936,
    9937, 9938, 9939, 9940, 9941, 9942, 9943, 9944, 9945, 9946, 9947, 9948, 9949, 9950, 9951, 9952,
    9953, 9957, 9959,
];

/// Tells whether a scheme code is in the ISO/IEC 6523 ICD list as EN 16931 has it (BR-CL-10,
/// BR-CL-11): 0002 to 0248 but 0092, 0103, 0181 and 0182. Only such a code may be written
/// as the `schemeID` of a party or legal registration identifier.
pub(crate) fn is_icd(code: u16) -> bool {
    (2..=248).contains(&code) && !matches!(code, 92 | 103 | 181 | 182)
}

/// Returns the electronic address (BT-34/BT-49) of a party: its EU VAT number under the EAS
/// scheme of its country, else a Latvian registration number under 0218, else the first of
/// its other identifiers whose scheme is in the EAS list (a Norwegian organisation number
/// under 0192, a US employer identification number under 9959). Peppol accepts no e-mail
/// address (`EM` is not in its code list), so a private person has none.
pub(crate) fn endpoint(party: &Party) -> Option<(String, String)> {
    if let Some(vat) = party.vat_number()
        && let Some(scheme) = IdentifierScheme::for_vat_prefix(vat.country_prefix())
    {
        return Some((scheme.to_string(), vat.as_str().to_owned()));
    }
    if let Some(registration) = party.registration_number() {
        return Some((
            LATVIAN_REGISTRATION_SCHEME.to_owned(),
            registration.as_str().to_owned(),
        ));
    }
    party.identifiers().iter().find_map(|identifier| {
        let code = identifier.scheme()?.code()?;
        EAS.contains(&code)
            .then(|| (format!("{code:04}"), identifier.value().to_owned()))
    })
}

/// Returns a party's legal registration identifier (BT-30/BT-47) and its scheme when that is
/// an ICD code: the Latvian registration number under 0218, else the first identifier that is
/// not a VAT number.
pub(crate) fn legal_registration(party: &Party) -> Option<(Option<String>, String)> {
    if let Some(registration) = party.registration_number() {
        return Some((
            Some(LATVIAN_REGISTRATION_SCHEME.to_owned()),
            registration.as_str().to_owned(),
        ));
    }
    party
        .identifiers()
        .iter()
        .find(|identifier| identifier.scheme() != Some(IdentifierScheme::VAT))
        .map(|identifier| (icd_of(identifier), identifier.value().to_owned()))
}

/// Returns the identifier's scheme as a `schemeID`, when it is an ICD code.
pub(crate) fn icd_of(identifier: &PartyIdentifier) -> Option<String> {
    identifier
        .scheme()
        .and_then(IdentifierScheme::code)
        .filter(|code| is_icd(*code))
        .map(|code| format!("{code:04}"))
}
