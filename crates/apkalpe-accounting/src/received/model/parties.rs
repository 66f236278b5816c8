//! The parties of a received document: seller, buyer, payee, tax representative, their
//! identifiers, addresses and contacts, and the delivery.

use chrono::NaiveDate;

/// An identifier with its scheme, as sent: `schemeID` (an ISO 6523 ICD such as `0088`, or a
/// Peppol EAS code such as `9939`) and the value. Checked only where the scheme is one we
/// know (see [`ReceivedFindingKind`](crate::ReceivedFindingKind)).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedIdentifier {
    /// The scheme (`schemeID`), if stated.
    pub scheme: Option<String>,
    /// The identifier, whitespace normalised.
    pub value: String,
}

impl ReceivedIdentifier {
    /// Makes an identifier.
    pub fn new(scheme: Option<String>, value: impl Into<String>) -> Self {
        ReceivedIdentifier {
            scheme,
            value: value.into(),
        }
    }
}

/// A postal address (BG-5, BG-8, BG-12, BG-15): any part may be absent but the country, and
/// even that is kept as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAddress {
    /// Address lines 1–3 (BT-35, BT-36, BT-162): street name, additional street name,
    /// address line.
    pub lines: Vec<String>,
    /// The city (BT-37).
    pub city: Option<String>,
    /// The post code (BT-38).
    pub postal_code: Option<String>,
    /// The country subdivision (BT-39).
    pub subdivision: Option<String>,
    /// The ISO 3166-1 alpha-2 country code (BT-40), as sent.
    pub country: Option<String>,
}

/// A contact (BG-6, BG-9): name, phone and e-mail, each any text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedContact {
    /// The contact point (BT-41, BT-56).
    pub name: Option<String>,
    /// The telephone number (BT-42, BT-57), as written.
    pub phone: Option<String>,
    /// The e-mail address (BT-43, BT-58), as written.
    pub email: Option<String>,
}

/// The seller (BG-4) or the buyer (BG-7) of a received document, from any country.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedParty {
    /// The legal name (BT-27, BT-44).
    pub name: Option<String>,
    /// The trading name (BT-28, BT-45).
    pub trading_name: Option<String>,
    /// Identifiers (BT-29, BT-46), with their schemes; the SEPA creditor identifier is the
    /// direct debit's (BT-90), not here.
    pub identifiers: Vec<ReceivedIdentifier>,
    /// The legal registration identifier (BT-30, BT-47).
    pub legal_registration: Option<ReceivedIdentifier>,
    /// The VAT identifier (BT-31, BT-48), with its country prefix.
    pub vat_id: Option<String>,
    /// The seller's tax registration identifier (BT-32), a non-VAT tax scheme.
    pub tax_registration: Option<String>,
    /// Additional legal information (BT-33), such as share capital.
    pub legal_information: Option<String>,
    /// The electronic address (BT-34, BT-49), with its EAS scheme.
    pub electronic_address: Option<ReceivedIdentifier>,
    /// The postal address (BG-5, BG-8).
    pub address: ReceivedAddress,
    /// The contact (BG-6, BG-9).
    pub contact: Option<ReceivedContact>,
}

/// The payee (BG-10), when someone else than the seller is paid (a factoring company).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPayee {
    /// The payee name (BT-59).
    pub name: Option<String>,
    /// The payee identifier (BT-60).
    pub identifier: Option<ReceivedIdentifier>,
    /// The payee legal registration identifier (BT-61).
    pub legal_registration: Option<ReceivedIdentifier>,
}

/// The seller's tax representative (BG-11).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedTaxRepresentative {
    /// The name (BT-62).
    pub name: Option<String>,
    /// The VAT identifier (BT-63).
    pub vat_id: Option<String>,
    /// The postal address (BG-12).
    pub address: ReceivedAddress,
}

/// A period (BG-14 for the document, BG-26 for a line): start and end dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPeriod {
    /// The first day (BT-73, BT-134).
    pub start: Option<NaiveDate>,
    /// The last day (BT-74, BT-135).
    pub end: Option<NaiveDate>,
}

/// Delivery information (BG-13).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedDelivery {
    /// The deliver-to party name (BT-70).
    pub party_name: Option<String>,
    /// The deliver-to location identifier (BT-71).
    pub location: Option<ReceivedIdentifier>,
    /// The actual delivery date (BT-72).
    pub date: Option<NaiveDate>,
    /// The deliver-to address (BG-15).
    pub address: Option<ReceivedAddress>,
}
