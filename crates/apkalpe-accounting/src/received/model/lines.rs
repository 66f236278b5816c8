//! Notes, references, attachments and the lines of a received document, with their items
//! and prices.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

/// A note (BG-1): an optional UNCL 4451 subject code (BT-21) and the text (BT-22).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedNote {
    /// The subject code (BT-21), from the `#AAI#` prefix convention.
    pub subject_code: Option<String>,
    /// The text, line breaks kept.
    pub text: String,
}

/// A preceding invoice reference (BG-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPrecedingInvoice {
    /// The number (BT-25).
    pub number: String,
    /// The issue date (BT-26).
    pub issue_date: Option<NaiveDate>,
}

/// An attached document (BT-125): kept as sent, base64 text without whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAttachment {
    /// The MIME code (`application/pdf`).
    pub mime_code: Option<String>,
    /// The file name.
    pub filename: Option<String>,
    /// The content, base64 as in the document.
    pub content_base64: String,
}

/// A supporting document (BG-24), or the invoiced object identifier (BT-18) when its type
/// code is 130.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedSupportingDocument {
    /// The reference (BT-122).
    pub id: ReceivedIdentifier,
    /// The document type code (130 marks BT-18).
    pub type_code: Option<String>,
    /// The description (BT-123).
    pub description: Option<String>,
    /// The external location (BT-124).
    pub uri: Option<String>,
    /// The attached document (BT-125).
    pub attachment: Option<ReceivedAttachment>,
}

/// Price details of a line (BG-29).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPrice {
    /// The item net price (BT-146).
    pub net: Option<StatedAmount>,
    /// The item price discount (BT-147).
    pub discount: Option<StatedAmount>,
    /// The item gross price (BT-148).
    pub gross: Option<StatedAmount>,
    /// The item price base quantity (BT-149).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub base_quantity: Option<Decimal>,
    /// The unit of the base quantity (BT-150).
    pub base_quantity_unit: Option<String>,
}

/// An item classification (BT-158) with its list and version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedClassification {
    /// The code.
    pub code: String,
    /// The list (`listID`, UNTDID 7143: `STI`, `CV`, …).
    pub list: Option<String>,
    /// The list version (`listVersionID`).
    pub list_version: Option<String>,
}

/// An item attribute (BG-32).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedItemAttribute {
    /// The name (BT-160).
    pub name: String,
    /// The value (BT-161).
    pub value: String,
}

/// The item of a line (BG-31).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedItem {
    /// The item name (BT-153).
    pub name: Option<String>,
    /// The description (BT-154).
    pub description: Option<String>,
    /// The seller's identifier (BT-155).
    pub seller_id: Option<String>,
    /// The buyer's identifier (BT-156).
    pub buyer_id: Option<String>,
    /// The standard identifier (BT-157), such as a GTIN with scheme 0160.
    pub standard_id: Option<ReceivedIdentifier>,
    /// Classifications (BT-158).
    pub classifications: Vec<ReceivedClassification>,
    /// The country of origin (BT-159).
    pub origin_country: Option<String>,
    /// Attributes (BG-32).
    pub attributes: Vec<ReceivedItemAttribute>,
}

/// An invoice line (BG-25), or a credit note line: quantities and amounts may be negative,
/// as EN 16931 permits for corrections and returns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedInvoiceLine {
    /// The line identifier (BT-126).
    pub id: String,
    /// The line note (BT-127).
    pub note: Option<String>,
    /// The invoiced object identifier (BT-128).
    pub object_identifier: Option<ReceivedIdentifier>,
    /// The invoiced quantity (BT-129).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub quantity: Option<Decimal>,
    /// The unit of measure code (BT-130), UN/ECE Rec. 20 or 21.
    pub unit_code: Option<String>,
    /// The line net amount (BT-131).
    pub net_amount: StatedAmount,
    /// The referenced purchase order line (BT-132).
    pub order_line_reference: Option<String>,
    /// The buyer's accounting reference (BT-133).
    pub buyer_accounting_reference: Option<String>,
    /// The line period (BG-26).
    pub period: Option<ReceivedPeriod>,
    /// Line allowances and charges (BG-27, BG-28).
    pub allowances_charges: Vec<ReceivedAllowanceCharge>,
    /// Price details (BG-29).
    pub price: ReceivedPrice,
    /// The VAT category (BT-151).
    pub vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-152).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub vat_rate: Option<Decimal>,
    /// The item (BG-31).
    pub item: ReceivedItem,
}
