//! Writing UBL 2.1 invoices and credit notes (EN 16931, Peppol BIS Billing 3.0).

use apkalpe_core::{Money, Party, VatCategory};
use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::credit_note::IssuedCreditNote;
use crate::document::{InvoiceContent, InvoiceReference};
use crate::error::{AccountingError, ValidationReport};
use crate::invoice::IssuedInvoice;
use crate::line::{Adjustment, AdjustmentKind, LineVat};
use crate::totals::DocumentTotals;

use super::{CUSTOMIZATION_ID, PROFILE_ID, endpoint, icd_of, legal_registration};

/// A quick-xml writer that remembers its first failure instead of returning it from every
/// call (writing into a `Vec` does not fail in practice).
struct Xml {
    writer: Writer<Vec<u8>>,
    failed: bool,
}

impl Xml {
    fn new(capacity: usize) -> Self {
        Xml {
            writer: Writer::new_with_indent(Vec::with_capacity(capacity), b' ', 2),
            failed: false,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if self.writer.write_event(event).is_err() {
            self.failed = true;
        }
    }

    fn start(&mut self, name: &str) {
        self.event(Event::Start(BytesStart::new(name)));
    }

    fn start_with(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Start(start));
    }

    fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn leaf(&mut self, name: &str, text: &str) {
        self.start(name);
        self.event(Event::Text(BytesText::new(text)));
        self.end(name);
    }

    fn leaf_with(&mut self, name: &str, attribute: (&str, &str), text: &str) {
        self.start_with(name, &[attribute]);
        self.event(Event::Text(BytesText::new(text)));
        self.end(name);
    }

    fn amount(&mut self, name: &str, money: Money) {
        let text = amount_text(money);
        self.leaf_with(name, ("currencyID", money.currency().code()), &text);
    }

    fn date(&mut self, name: &str, date: NaiveDate) {
        self.leaf(name, &date.format("%Y-%m-%d").to_string());
    }

    fn finish(self) -> Result<String, AccountingError> {
        if self.failed {
            return Err(AccountingError::Internal {
                code: "ubl.write_failed",
            });
        }
        String::from_utf8(self.writer.into_inner()).map_err(|_| AccountingError::Internal {
            code: "ubl.write_not_utf8",
        })
    }
}

/// Writes an amount with exactly two decimals (the amounts written are whole cents).
fn amount_text(money: Money) -> String {
    let mut amount = money.amount();
    amount.rescale(2);
    amount.to_string()
}

/// Which document root is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Root {
    Invoice,
    CreditNote,
}

impl Root {
    fn name(self) -> &'static str {
        match self {
            Root::Invoice => "Invoice",
            Root::CreditNote => "CreditNote",
        }
    }

    fn namespace(self) -> &'static str {
        match self {
            Root::Invoice => "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
            Root::CreditNote => "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
        }
    }
}

/// The header data that differs between invoices and credit notes.
struct Header<'a> {
    root: Root,
    number: &'a str,
    issue_date: NaiveDate,
    type_code: &'static str,
    note: Option<String>,
    billing: Vec<&'a InvoiceReference>,
}

/// Writes an issued invoice as UBL 2.1 XML in the Peppol BIS Billing 3.0 profile.
///
/// Every business term the document has is written: seller and buyer with their electronic
/// addresses (an EU VAT number under its EAS scheme, 9939 for Latvia; a Latvian registration
/// number under 0218; else a foreign identifier whose scheme is in the EAS list, such as a
/// Norwegian organisation number under 0192 or a US employer identification number under
/// 9959), VAT identifiers of any state, legal registration identifiers (`schemeID` only for
/// an ICD code) and other identifiers, postal addresses and contacts; payment means with the
/// seller's IBAN and the payment reference (the RF reference, or the invoice number); the
/// buyer reference (the invoice number when none was given and there is no order reference,
/// since Peppol requires one of the two); document allowances and charges; the VAT breakdown
/// with the exemption wording; the totals, with the rounding amount (BT-114) when the
/// amount due is rounded; every line, a negative one with its negative quantity.
///
/// A document in another currency than the euro states the VAT accounting currency EUR
/// (BT-6) and its VAT total in euro (BT-111, a second `TaxTotal`), and its exchange rate in
/// the note (BT-22) as a last line `Valūtas kurss: 1 EUR = 1,0856 USD (2026-03-02)`: EN
/// 16931 has no term for the rate, and Peppol allows one note.
///
/// The output passes the official EN 16931 UBL rules and the Peppol BIS Billing 3.0 rules
/// (`shared/harness/validate-ubl`; the files in `tests/ubl/` are checked in CI).
///
/// # Errors
///
/// [`AccountingError::Invalid`] with `ubl.endpoint_missing` when the seller or buyer has
/// neither a VAT number with a known scheme, nor a Latvian registration number, nor an
/// identifier of a Peppol EAS scheme to serve as electronic address (a private person cannot
/// receive a Peppol e-invoice); [`AccountingError::Money`] when the VAT in euro of a document
/// in another currency overflows.
///
/// # Legal basis
///
/// sources §4: EN 16931 in Peppol BIS Billing 3.0 / UBL 2.1, mandatory for public buyers since
/// 2025 and between businesses from 2028 \[E1\]\[E2\]; §12: EAS 9939 and ICD 0218 \[X1\]\[X2\].
///
/// Serves: T4.8, S29.
///
/// # Examples
///
/// ```
/// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?
/// #     .try_with_vat_number("LV40003521600".parse()?)?
/// #     .with_iban("LV44HABA0551000000001".parse()?);
/// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
/// #     .try_with_registration_number("40103471306".parse()?)?
/// #     .try_with_vat_number("LV40103471306".parse()?)?;
/// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
/// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
/// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
/// #     .with_line(chair.clone())
/// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
/// # let invoice = draft.clone().issue(&mut series, day)?;
/// # let _ = (&draft, &invoice, &chair, &series);
/// use apkalpe_accounting::{read_received_invoice, write_ubl_invoice};
/// let xml = write_ubl_invoice(&invoice)?;
/// assert!(xml.contains("<cbc:ID>INV2026-00001</cbc:ID>"));
/// assert!(read_received_invoice(&xml)?.findings().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_ubl_invoice(invoice: &IssuedInvoice) -> Result<String, AccountingError> {
    let content = invoice.content();
    let header = Header {
        root: Root::Invoice,
        number: invoice.number().as_str(),
        issue_date: invoice.issue_date(),
        type_code: invoice.kind().type_code(),
        note: content.note().map(str::to_owned),
        billing: content.preceding_invoices().iter().collect(),
    };
    write_document(&header, content, invoice.totals())
}

/// Writes an issued credit note as UBL 2.1 XML (type 381) in the Peppol BIS Billing 3.0
/// profile, referencing the invoice it credits (BG-3) and giving the reason as its note.
///
/// # Errors
///
/// As [`write_ubl_invoice`].
///
/// # Examples
///
/// ```
/// # use apkalpe_accounting::{CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
/// # use chrono::NaiveDate;
/// # use rust_decimal_macros::dec;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
/// #     .try_with_registration_number("40003521600".parse()?)?
/// #     .try_with_vat_number("LV40003521600".parse()?)?
/// #     .with_iban("LV44HABA0551000000001".parse()?);
/// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
/// #     .try_with_registration_number("40103471306".parse()?)?
/// #     .try_with_vat_number("LV40103471306".parse()?)?;
/// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
/// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
/// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// # let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
/// #     .with_line(chair).with_due_date(day).issue(&mut series, day)?;
/// # let mut credit_notes = NumberSeries::try_new("credit", "KR{year}-{seq:4}".parse()?, YearReset::EachYear)?;
/// # let later = NaiveDate::from_ymd_opt(2026, 3, 9).ok_or("date")?;
/// # let one_chair = [CreditedLine::new(1, Quantity::try_new(dec!(1))?)];
/// # let draft = DraftCreditNote::for_lines(&invoice, "Atgriezts viens krēsls", &one_chair)?;
/// # let note = draft.clone().issue(&mut credit_notes, later, &[])?;
/// # let _ = (&draft, &note, &invoice);
/// use apkalpe_accounting::{read_received_invoice, write_ubl_credit_note, ReceivedInvoiceKind};
/// let xml = write_ubl_credit_note(&note)?;
/// assert_eq!(read_received_invoice(&xml)?.kind(), ReceivedInvoiceKind::CreditNote);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_ubl_credit_note(credit_note: &IssuedCreditNote) -> Result<String, AccountingError> {
    let header = Header {
        root: Root::CreditNote,
        number: credit_note.number().as_str(),
        issue_date: credit_note.issue_date(),
        type_code: "381",
        note: Some(credit_note.reason().to_owned()),
        billing: vec![credit_note.original()],
    };
    write_document(&header, credit_note.content(), credit_note.totals())
}

fn write_document(
    header: &Header<'_>,
    content: &InvoiceContent,
    totals: &DocumentTotals,
) -> Result<String, AccountingError> {
    let seller_endpoint = endpoint(content.seller());
    let buyer_endpoint = endpoint(content.buyer());
    let mut report = ValidationReport::default();
    for (field, found) in [("seller", &seller_endpoint), ("buyer", &buyer_endpoint)] {
        if found.is_none() {
            report.add(
                field,
                "ubl.endpoint_missing",
                "an e-invoice party needs an electronic address: an eu vat number, a latvian registration number or an identifier of a peppol eas scheme",
                "e-rēķina pusei vajag elektronisko adresi: ES PVN numuru, Latvijas reģistrācijas numuru vai Peppol EAS shēmas identifikatoru",
            );
        }
    }
    report.into_result()?;
    let outside_scope = content
        .lines()
        .iter()
        .all(|line| line.vat().category() == VatCategory::OutsideScope);
    let root = header.root;
    let mut xml = Xml::new(4096usize.saturating_add(content.lines().len().saturating_mul(900)));
    xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    xml.start_with(
        root.name(),
        &[
            ("xmlns", root.namespace()),
            (
                "xmlns:cac",
                "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            ),
            (
                "xmlns:cbc",
                "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            ),
        ],
    );
    xml.leaf("cbc:CustomizationID", CUSTOMIZATION_ID);
    xml.leaf("cbc:ProfileID", PROFILE_ID);
    xml.leaf("cbc:ID", header.number);
    xml.date("cbc:IssueDate", header.issue_date);
    if root == Root::Invoice {
        if let Some(due) = content.due_date() {
            xml.date("cbc:DueDate", due);
        }
        xml.leaf("cbc:InvoiceTypeCode", header.type_code);
    } else {
        xml.leaf("cbc:CreditNoteTypeCode", header.type_code);
    }
    if let Some(note) = note_text(header.note.as_deref(), content) {
        xml.leaf("cbc:Note", &note);
    }
    xml.leaf("cbc:DocumentCurrencyCode", content.currency().code());
    let vat_in_euro = crate::invoice::vat_total_in_euro(content, totals)?;
    if vat_in_euro.is_some() {
        xml.leaf("cbc:TaxCurrencyCode", apkalpe_core::Currency::EUR.code());
    }
    match (content.buyer_reference(), content.order_reference()) {
        (Some(reference), _) => xml.leaf("cbc:BuyerReference", reference),
        (None, None) => xml.leaf("cbc:BuyerReference", header.number),
        (None, Some(_)) => {}
    }
    if let Some(order) = content.order_reference() {
        xml.start("cac:OrderReference");
        xml.leaf("cbc:ID", order);
        xml.end("cac:OrderReference");
    }
    for reference in &header.billing {
        xml.start("cac:BillingReference");
        xml.start("cac:InvoiceDocumentReference");
        xml.leaf("cbc:ID", reference.number());
        if let Some(date) = reference.issue_date() {
            xml.date("cbc:IssueDate", date);
        }
        xml.end("cac:InvoiceDocumentReference");
        xml.end("cac:BillingReference");
    }
    for (wrapper, party, found) in [
        (
            "cac:AccountingSupplierParty",
            content.seller(),
            &seller_endpoint,
        ),
        (
            "cac:AccountingCustomerParty",
            content.buyer(),
            &buyer_endpoint,
        ),
    ] {
        xml.start(wrapper);
        write_party(&mut xml, party, found.as_ref(), outside_scope);
        xml.end(wrapper);
    }
    let intra_community = content
        .lines()
        .iter()
        .any(|line| line.vat().category() == VatCategory::IntraCommunitySupply);
    let delivery_date = match (content.supply_date(), intra_community) {
        (Some(date), _) => Some(date),
        (None, true) => Some(header.issue_date),
        (None, false) => None,
    };
    if delivery_date.is_some() || intra_community {
        xml.start("cac:Delivery");
        if let Some(date) = delivery_date {
            xml.date("cbc:ActualDeliveryDate", date);
        }
        if intra_community {
            xml.start("cac:DeliveryLocation");
            xml.start("cac:Address");
            xml.start("cac:Country");
            xml.leaf(
                "cbc:IdentificationCode",
                content.buyer().address().country().as_str(),
            );
            xml.end("cac:Country");
            xml.end("cac:Address");
            xml.end("cac:DeliveryLocation");
        }
        xml.end("cac:Delivery");
    }
    xml.start("cac:PaymentMeans");
    xml.leaf("cbc:PaymentMeansCode", content.payment_means().code());
    if root == Root::CreditNote
        && let Some(due) = content.due_date()
    {
        xml.date("cbc:PaymentDueDate", due);
    }
    let payment_id = content
        .payment_reference()
        .map_or(header.number, |reference| reference.as_str());
    xml.leaf("cbc:PaymentID", payment_id);
    if let Some(iban) = content.seller().iban() {
        xml.start("cac:PayeeFinancialAccount");
        xml.leaf("cbc:ID", iban.as_str());
        xml.end("cac:PayeeFinancialAccount");
    }
    xml.end("cac:PaymentMeans");
    if let Some(terms) = content.payment_terms() {
        xml.start("cac:PaymentTerms");
        xml.leaf("cbc:Note", terms);
        xml.end("cac:PaymentTerms");
    }
    for adjustment in content.adjustments() {
        write_adjustment(&mut xml, adjustment.adjustment(), Some(adjustment.vat()));
    }
    xml.start("cac:TaxTotal");
    xml.amount("cbc:TaxAmount", totals.vat_total());
    for row in totals.vat_breakdown() {
        xml.start("cac:TaxSubtotal");
        xml.amount("cbc:TaxableAmount", row.taxable_amount());
        xml.amount("cbc:TaxAmount", row.vat_amount());
        write_tax_category(&mut xml, "cac:TaxCategory", row.vat(), content);
        xml.end("cac:TaxSubtotal");
    }
    xml.end("cac:TaxTotal");
    if let Some(vat) = vat_in_euro {
        // BT-111: Peppol R054 wants it as a tax total of its own, without subtotals.
        xml.start("cac:TaxTotal");
        xml.amount("cbc:TaxAmount", vat);
        xml.end("cac:TaxTotal");
    }
    xml.start("cac:LegalMonetaryTotal");
    xml.amount("cbc:LineExtensionAmount", totals.line_total());
    xml.amount("cbc:TaxExclusiveAmount", totals.tax_exclusive());
    xml.amount("cbc:TaxInclusiveAmount", totals.tax_inclusive());
    let has = |kind| {
        content
            .adjustments()
            .iter()
            .any(|adjustment| adjustment.adjustment().kind() == kind)
    };
    if has(AdjustmentKind::Allowance) {
        xml.amount("cbc:AllowanceTotalAmount", totals.allowance_total());
    }
    if has(AdjustmentKind::Charge) {
        xml.amount("cbc:ChargeTotalAmount", totals.charge_total());
    }
    if content.prepaid().is_some() {
        xml.amount("cbc:PrepaidAmount", totals.prepaid());
    }
    if content.rounding().payable().is_some() {
        xml.amount("cbc:PayableRoundingAmount", totals.rounding());
    }
    xml.amount("cbc:PayableAmount", totals.amount_due());
    xml.end("cac:LegalMonetaryTotal");
    let (line_element, quantity_element) = match root {
        Root::Invoice => ("cac:InvoiceLine", "cbc:InvoicedQuantity"),
        Root::CreditNote => ("cac:CreditNoteLine", "cbc:CreditedQuantity"),
    };
    for (index, (line, net)) in content.lines().iter().zip(totals.line_nets()).enumerate() {
        xml.start(line_element);
        xml.leaf("cbc:ID", &index.saturating_add(1).to_string());
        xml.leaf_with(
            quantity_element,
            ("unitCode", line.unit().as_str()),
            &line.signed_quantity().to_string(),
        );
        xml.amount("cbc:LineExtensionAmount", *net);
        for adjustment in line.adjustments() {
            write_adjustment(&mut xml, adjustment, None);
        }
        xml.start("cac:Item");
        xml.leaf("cbc:Name", line.item());
        if let Some(id) = line.seller_item_id() {
            xml.start("cac:SellersItemIdentification");
            xml.leaf("cbc:ID", id);
            xml.end("cac:SellersItemIdentification");
        }
        write_tax_category(&mut xml, "cac:ClassifiedTaxCategory", line.vat(), content);
        xml.end("cac:Item");
        xml.start("cac:Price");
        let price = line.unit_price();
        xml.leaf_with(
            "cbc:PriceAmount",
            ("currencyID", price.currency().code()),
            &price.amount().normalize().to_string(),
        );
        xml.end("cac:Price");
        xml.end(line_element);
    }
    xml.end(root.name());
    xml.finish()
}

fn write_party(
    xml: &mut Xml,
    party: &Party,
    endpoint: Option<&(String, String)>,
    outside_scope: bool,
) {
    xml.start("cac:Party");
    if let Some((scheme, value)) = endpoint {
        xml.leaf_with("cbc:EndpointID", ("schemeID", scheme), value);
    }
    let legal = legal_registration(party);
    // Other identifiers (BT-29, BT-46): neither the VAT number nor the legal registration.
    for identifier in party.identifiers() {
        if identifier.scheme() == Some(apkalpe_core::IdentifierScheme::VAT)
            || legal
                .as_ref()
                .is_some_and(|(_, value)| value == identifier.value())
        {
            continue;
        }
        xml.start("cac:PartyIdentification");
        match icd_of(identifier) {
            Some(scheme) => xml.leaf_with("cbc:ID", ("schemeID", &scheme), identifier.value()),
            None => xml.leaf("cbc:ID", identifier.value()),
        }
        xml.end("cac:PartyIdentification");
    }
    let address = party.address();
    xml.start("cac:PostalAddress");
    let mut lines = address.lines().iter();
    if let Some(street) = lines.next() {
        xml.leaf("cbc:StreetName", street);
    }
    if let Some(additional) = lines.next() {
        xml.leaf("cbc:AdditionalStreetName", additional);
    }
    xml.leaf("cbc:CityName", address.city());
    if let Some(postal_code) = address.postal_code() {
        xml.leaf("cbc:PostalZone", postal_code);
    }
    if let Some(region) = address.region() {
        xml.leaf("cbc:CountrySubentity", region);
    }
    if let Some(third) = lines.next() {
        xml.start("cac:AddressLine");
        xml.leaf("cbc:Line", third);
        xml.end("cac:AddressLine");
    }
    xml.start("cac:Country");
    xml.leaf("cbc:IdentificationCode", address.country().as_str());
    xml.end("cac:Country");
    xml.end("cac:PostalAddress");
    // EN 16931 BR-O-02/03/04: no VAT identifiers on a supply outside the scope of VAT.
    if let Some(vat) = party.vat_identifier().filter(|_| !outside_scope) {
        xml.start("cac:PartyTaxScheme");
        xml.leaf("cbc:CompanyID", vat);
        xml.start("cac:TaxScheme");
        xml.leaf("cbc:ID", "VAT");
        xml.end("cac:TaxScheme");
        xml.end("cac:PartyTaxScheme");
    }
    xml.start("cac:PartyLegalEntity");
    xml.leaf("cbc:RegistrationName", party.name());
    match legal {
        Some((Some(scheme), value)) => {
            xml.leaf_with("cbc:CompanyID", ("schemeID", &scheme), &value);
        }
        Some((None, value)) => xml.leaf("cbc:CompanyID", &value),
        None => {}
    }
    xml.end("cac:PartyLegalEntity");
    if party.phone().is_some() || party.email().is_some() {
        xml.start("cac:Contact");
        if let Some(phone) = party.phone() {
            xml.leaf("cbc:Telephone", phone.as_str());
        }
        if let Some(email) = party.email() {
            xml.leaf("cbc:ElectronicMail", email.as_str());
        }
        xml.end("cac:Contact");
    }
    xml.end("cac:Party");
}

fn write_adjustment(xml: &mut Xml, adjustment: &Adjustment, vat: Option<LineVat>) {
    xml.start("cac:AllowanceCharge");
    let indicator = match adjustment.kind() {
        AdjustmentKind::Allowance => "false",
        AdjustmentKind::Charge => "true",
    };
    xml.leaf("cbc:ChargeIndicator", indicator);
    xml.leaf("cbc:AllowanceChargeReason", adjustment.reason());
    xml.amount("cbc:Amount", adjustment.amount());
    if let Some(vat) = vat {
        xml.start("cac:TaxCategory");
        xml.leaf("cbc:ID", vat.category().code());
        if vat.category() != VatCategory::OutsideScope {
            xml.leaf("cbc:Percent", &vat.rate().percent().to_string());
        }
        xml.start("cac:TaxScheme");
        xml.leaf("cbc:ID", "VAT");
        xml.end("cac:TaxScheme");
        xml.end("cac:TaxCategory");
    }
    xml.end("cac:AllowanceCharge");
}

fn write_tax_category(xml: &mut Xml, element: &str, vat: LineVat, content: &InvoiceContent) {
    xml.start(element);
    xml.leaf("cbc:ID", vat.category().code());
    if vat.category() != VatCategory::OutsideScope {
        xml.leaf("cbc:Percent", &vat.rate().percent().to_string());
    }
    if element == "cac:TaxCategory"
        && vat.category().needs_exemption_reason()
        && let Some(exemption) = content.exemption_for(vat.category())
    {
        if let Some(code) = exemption.code() {
            xml.leaf("cbc:TaxExemptionReasonCode", code);
        }
        xml.leaf("cbc:TaxExemptionReason", exemption.text());
    }
    xml.start("cac:TaxScheme");
    xml.leaf("cbc:ID", "VAT");
    xml.end("cac:TaxScheme");
    xml.end(element);
}

/// The prefix of the exchange rate line of the note.
pub(crate) const EXCHANGE_RATE_LINE: &str = "Valūtas kurss: ";

/// The note (BT-22): the document's note or a credit note's reason, and the exchange rate of
/// a document in another currency as its last line.
fn note_text(note: Option<&str>, content: &InvoiceContent) -> Option<String> {
    let rate = content
        .exchange_rate()
        .filter(|rate| rate.currency() == content.currency())
        .map(|rate| format!("{EXCHANGE_RATE_LINE}{}", rate.latvian_text()));
    match (note, rate) {
        (Some(note), Some(rate)) => Some(format!("{note}\n{rate}")),
        (Some(note), None) => Some(note.to_owned()),
        (None, rate) => rate,
    }
}
