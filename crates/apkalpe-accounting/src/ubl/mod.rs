//! UBL 2.1 e-invoices (EN 16931, Peppol BIS Billing 3.0): writing and reading.

pub(crate) mod dom;
mod read;
mod write;

pub use read::{ReceivedDocument, ReceivedKind, read_ubl};
pub use write::{write_ubl_credit_note, write_ubl_invoice};

use apkalpe_core::Party;

/// The specification identifier (BT-24) of Peppol BIS Billing 3.0.
pub(crate) const CUSTOMIZATION_ID: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

/// The business process (BT-23) of Peppol BIS Billing 3.0.
pub(crate) const PROFILE_ID: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/// The ICD scheme of the Latvian unified registration number (facts §12 \[X2\]).
pub(crate) const LATVIAN_REGISTRATION_SCHEME: &str = "0218";

/// The EAS scheme of a VAT number by its prefix: 9939 for Latvia (facts §12, C \[X1\]); the
/// other EU member states with a VAT scheme in the same Peppol EAS code list (L); Denmark,
/// Finland and Sweden have none.
const VAT_SCHEMES: [(&str, &str); 24] = [
    ("AT", "9914"),
    ("BE", "9925"),
    ("BG", "9926"),
    ("CY", "9928"),
    ("CZ", "9929"),
    ("DE", "9930"),
    ("EE", "9931"),
    ("EL", "9933"),
    ("ES", "9920"),
    ("FR", "9957"),
    ("HR", "9934"),
    ("HU", "9910"),
    ("IE", "9935"),
    ("IT", "9906"),
    ("LT", "9937"),
    ("LU", "9938"),
    ("LV", "9939"),
    ("MT", "9943"),
    ("NL", "9944"),
    ("PL", "9945"),
    ("PT", "9946"),
    ("RO", "9947"),
    ("SI", "9949"),
    ("SK", "9950"),
];

/// Returns the electronic address (BT-34/BT-49) of a party: its VAT number under the
/// scheme of its country, else a Latvian registration number under 0218. Peppol accepts no
/// e-mail address (`EM` is not in its code list), so a private person has none.
pub(crate) fn endpoint(party: &Party) -> Option<(&'static str, String)> {
    if let Some(vat) = party.vat_number()
        && let Some((_, scheme)) = VAT_SCHEMES
            .iter()
            .find(|(prefix, _)| *prefix == vat.country_prefix())
    {
        return Some((scheme, vat.as_str().to_owned()));
    }
    party.registration_number().map(|registration| {
        (
            LATVIAN_REGISTRATION_SCHEME,
            registration.as_str().to_owned(),
        )
    })
}
