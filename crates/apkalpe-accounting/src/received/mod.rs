//! Received e-invoices (*saņemtie e-rēķini*): UBL 2.1 invoices and credit notes from any
//! sender, read as sent.
//!
//! Reading is not issuing. What we issue follows Latvian requisites and our own formats;
//! what others send follows EN 16931 and nothing more: a Norwegian VAT id, a British phone
//! number, a Danish invoice in DKK, a correction line with a negative quantity, a payment
//! reference that is not an RF reference. The reader keeps every business term as sent and
//! gives a two-kind verdict:
//!
//! - a **refusal** ([`ReadInvoiceError`]) only for a text that is not a well-formed UBL 2.1
//!   `Invoice`/`CreditNote`, or whose amounts contradict each other under the EN 16931
//!   calculation rules (BR-CO-10…BR-CO-17, BR-x-08/09), with the tolerance the rules give;
//! - **findings** ([`ReceivedFinding`]) for everything else: what our policy or Latvian law
//!   would not accept when issuing, and EN 16931 rules other than the calculation ones.
//!
//! Serves: T4.8, S29.

mod error;
#[cfg(feature = "xml")]
mod extract;
pub(crate) mod model;
mod render;
#[cfg(any(feature = "serde", feature = "xml"))]
mod rules;
#[cfg(any(feature = "serde", feature = "xml"))]
pub(crate) mod xsd;

pub use error::{DocumentPart, ReadInvoiceError, ReceivedFinding, ReceivedFindingKind};
pub use model::{
    AllowanceChargeKind, CurrencyCode, ParseCurrencyCodeError, ParseReceivedVatCategoryError,
    ReceivedAccount, ReceivedAddress, ReceivedAllowanceCharge, ReceivedAttachment, ReceivedCard,
    ReceivedClassification, ReceivedContact, ReceivedDelivery, ReceivedDirectDebit,
    ReceivedIdentifier, ReceivedInvoice, ReceivedInvoiceKind, ReceivedInvoiceLine, ReceivedItem,
    ReceivedItemAttribute, ReceivedNote, ReceivedParty, ReceivedPayee, ReceivedPaymentMeans,
    ReceivedPeriod, ReceivedPrecedingInvoice, ReceivedPrice, ReceivedSupportingDocument,
    ReceivedTaxRepresentative, ReceivedTotals, ReceivedVatBreakdown, ReceivedVatCategory,
    StatedAmount,
};
#[allow(deprecated)]
pub use render::{render_received_invoice, render_received_invoice_in};

#[cfg(feature = "xml")]
use crate::ubl::dom::{DomError, MAX_DEPTH, parse};

/// The largest document read, in bytes (64 MiB).
pub const MAX_RECEIVED_BYTES: usize = 64 * 1024 * 1024;

#[cfg(feature = "xml")]
/// Reads a UBL 2.1 `Invoice` or `CreditNote` from any sender into a [`ReceivedInvoice`]:
/// every EN 16931 business term as sent, the amounts checked against each other under the
/// EN 16931 calculation rules, and the findings.
///
/// Texts are whitespace-normalised (line breaks inside a name are a space); `xs:boolean` is
/// `true`, `false`, `1` or `0`; identifiers keep their scheme and are checked only where the
/// scheme is one we know (Latvian registration numbers, EU VAT id formats, IBANs, RF
/// references), each failure a finding. Within a Peppol BIS Billing 3.0 document (BT-24
/// names it) Peppol's calculation rules on lines and allowances also refuse; outside Peppol
/// they are findings.
///
/// # Errors
///
/// - [`ReadInvoiceError::TooLarge`] above [`MAX_RECEIVED_BYTES`];
/// - [`ReadInvoiceError::Xml`], [`ReadInvoiceError::TooDeep`] for text that is not
///   well-formed XML (or nests deeper than 64 levels);
/// - [`ReadInvoiceError::NotUbl`] unless the root is a UBL 2.1 `Invoice` or `CreditNote`;
/// - [`ReadInvoiceError::Missing`], [`ReadInvoiceError::Value`] for an element the schema or
///   the calculation rules need that is absent or not of its schema type;
/// - [`ReadInvoiceError::Contradiction`], [`ReadInvoiceError::Breakdown`] when amounts
///   contradict each other under a calculation rule (named in the error);
/// - [`ReadInvoiceError::Overflow`] for amounts too large to add.
///
/// Never panics, whatever the input.
///
/// Serves: T4.8, S29.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{read_received_invoice, ReceivedFindingKind};
///
/// let xml = r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
///   xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
///   xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
///   <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
///   <cbc:ID>TOSL108</cbc:ID>
///   <cbc:IssueDate>2026-03-02</cbc:IssueDate>
///   <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
///   <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
///   <cac:AccountingSupplierParty><cac:Party>
///     <cac:PostalAddress><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
///     <cac:PartyTaxScheme><cbc:CompanyID>NO123456785MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
///     <cac:PartyLegalEntity><cbc:RegistrationName>Fjord
///        Leverandør AS</cbc:RegistrationName></cac:PartyLegalEntity>
///   </cac:Party></cac:AccountingSupplierParty>
///   <cac:AccountingCustomerParty><cac:Party>
///     <cac:PostalAddress><cac:Country><cbc:IdentificationCode>LV</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
///     <cac:PartyTaxScheme><cbc:CompanyID>LV40003521600</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
///     <cac:PartyLegalEntity><cbc:RegistrationName>SIA Apkalpe</cbc:RegistrationName></cac:PartyLegalEntity>
///   </cac:Party></cac:AccountingCustomerParty>
///   <cac:PaymentMeans><cbc:PaymentMeansCode>31</cbc:PaymentMeansCode><cbc:PaymentID>1234567890</cbc:PaymentID>
///     <cac:PayeeFinancialAccount><cbc:ID>86011117947</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
///   <cac:TaxTotal><cbc:TaxAmount currencyID="NOK">25.00</cbc:TaxAmount>
///     <cac:TaxSubtotal><cbc:TaxableAmount currencyID="NOK">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="NOK">25.00</cbc:TaxAmount>
///       <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
///   <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="NOK">100.00</cbc:LineExtensionAmount>
///     <cbc:TaxExclusiveAmount currencyID="NOK">100.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="NOK">125.00</cbc:TaxInclusiveAmount>
///     <cbc:PayableAmount currencyID="NOK">125.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
///   <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="H87">-2</cbc:InvoicedQuantity>
///     <cbc:LineExtensionAmount currencyID="NOK">100.00</cbc:LineExtensionAmount>
///     <cac:Item><cbc:Name>Returned crate</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
///     <cac:Price><cbc:PriceAmount currencyID="NOK">50</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
/// </Invoice>"#;
///
/// let invoice = read_received_invoice(xml)?;
/// assert_eq!(invoice.seller().name(), Some("Fjord Leverandør AS"));
/// assert_eq!(invoice.seller().vat_id(), Some("NO123456785MVA"));
/// assert_eq!(invoice.totals().amount_due().to_string(), "125.00 NOK");
/// assert_eq!(invoice.payment_means()[0].reference(), Some("1234567890"));
/// // −2 × 50 = −100 is not the line's 100.00: outside Peppol that is a finding, not a refusal.
/// let finding = &invoice.findings()[0];
/// assert_eq!(finding.kind(), ReceivedFindingKind::LineNet);
/// assert_eq!(finding.to_string(), "line 1: BT-131 100.00 ≠ quantity × net price -100.00 (PEPPOL-EN16931-R120)");
/// # Ok::<(), apkalpe_accounting::ReadInvoiceError>(())
/// ```
pub fn read_received_invoice(xml: &str) -> Result<ReceivedInvoice, ReadInvoiceError> {
    if xml.len() > MAX_RECEIVED_BYTES {
        return Err(ReadInvoiceError::TooLarge {
            max: MAX_RECEIVED_BYTES,
            found: xml.len(),
        });
    }
    // A UTF-8 byte order mark is allowed before the XML declaration.
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let document = parse(xml).map_err(|error| match error {
        DomError::Xml { position } => ReadInvoiceError::Xml { position },
        DomError::TooDeep => ReadInvoiceError::TooDeep { max: MAX_DEPTH },
    })?;
    let mut invoice = extract::extract(&document)?;
    invoice.findings = rules::check(&invoice)?;
    Ok(invoice)
}
