//! Reading UBL 2.1 invoices and credit notes back into the model.

use apkalpe_core::{
    AddressInput, CreditorReference, Currency, Money, Party, PartyIdentifierInput, PartyInput,
    VatCategory, VatRate,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::document::{InvoiceContent, InvoiceKind, InvoiceReference, PaymentMeans, VatExemption};
use crate::error::{AccountingError, ReadUblError};
use crate::line::{
    Adjustment, AdjustmentKind, DocumentAdjustment, InvoiceLine, LineVat, Quantity, UnitCode,
};
use crate::totals::{DocumentTotals, ROW_VAT_TOLERANCE};

use super::LATVIAN_REGISTRATION_SCHEME;
use super::dom::{DomError, Element, MAX_DEPTH, parse};

/// The largest document read, in bytes (64 MiB).
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Whether a UBL document read is an invoice (of which kind) or a credit note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[deprecated(
    note = "superseded by `read_received_invoice`, which reads e-invoices from any sender by the EN 16931 rules and keeps every business term: use `ReceivedInvoice::kind` (a `ReceivedInvoiceKind`)"
)]
pub enum ReceivedKind {
    /// An `Invoice`: type code 380 ([`InvoiceKind::Invoice`]) or 386 ([`InvoiceKind::Advance`]).
    Invoice(InvoiceKind),
    /// A `CreditNote` (type code 381).
    CreditNote,
}

/// An invoice or credit note read from UBL: a document someone else numbered (a supplier's
/// invoice, or one of ours read back from its file).
///
/// Its number is the text in the document: only our own series issue
/// [`DocumentNumber`](apkalpe_core::DocumentNumber)s. The content and totals are the same
/// types as those of an [`IssuedInvoice`](crate::IssuedInvoice), so an export followed by an
/// import compares equal field by field.
///
/// # Examples
///
/// See [`read_ubl`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[deprecated(
    note = "superseded by `read_received_invoice`, which reads e-invoices from any sender by the EN 16931 rules and keeps every business term: use `ReceivedInvoice`"
)]
pub struct ReceivedDocument {
    kind: ReceivedKind,
    number: String,
    issue_date: NaiveDate,
    original: Option<InvoiceReference>,
    reason: Option<String>,
    content: InvoiceContent,
    totals: DocumentTotals,
}

impl ReceivedDocument {
    /// Returns the kind.
    pub const fn kind(&self) -> ReceivedKind {
        self.kind
    }

    /// Returns the document number (BT-1).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the issue date (BT-2).
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the invoice a credit note credits.
    pub const fn original(&self) -> Option<&InvoiceReference> {
        self.original.as_ref()
    }

    /// Returns the reason of a credit note (its note).
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Returns the content.
    pub const fn content(&self) -> &InvoiceContent {
        &self.content
    }

    /// Returns the totals, computed from the lines and checked against the document's.
    pub const fn totals(&self) -> &DocumentTotals {
        &self.totals
    }
}

/// Builds a value error.
fn value_error(path: &'static str, expected: &'static str, found: &str) -> ReadUblError {
    ReadUblError::Value {
        path,
        expected,
        found: found.chars().take(32).collect(),
    }
}

/// Returns the text at a path or a missing-element error.
fn required<'a>(
    element: Element<'a, '_>,
    names: &[&str],
    path: &'static str,
) -> Result<&'a str, ReadUblError> {
    element.text_at(names).ok_or(ReadUblError::Missing { path })
}

fn date(text: &str, path: &'static str) -> Result<NaiveDate, ReadUblError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| value_error(path, "a date", text))
}

fn decimal(text: &str, path: &'static str) -> Result<Decimal, ReadUblError> {
    apkalpe_core::parse_amount(text).map_err(|_| value_error(path, "a decimal number", text))
}

fn money(
    element: Element<'_, '_>,
    names: &[&str],
    path: &'static str,
    currency: Currency,
) -> Result<Money, ReadUblError> {
    let text = required(element, names, path)?;
    if let Some(code) = element
        .path(names)
        .and_then(|found| found.attribute("currencyID"))
        && code != currency.code()
    {
        return Err(value_error(path, "the document currency", code));
    }
    Ok(Money::new(decimal(text, path)?, currency))
}

fn line_vat(category: Element<'_, '_>, path: &'static str) -> Result<LineVat, AccountingError> {
    let code = required(category, &["ID"], path)?;
    let category_code: VatCategory = code
        .parse()
        .map_err(|_| value_error(path, "a vat category", code))?;
    let percent = match category.text_at(&["Percent"]) {
        Some(text) => decimal(text, path)?,
        None => Decimal::ZERO,
    };
    let rate = VatRate::try_new(percent)
        .map_err(|_| value_error(path, "a vat rate", &percent.to_string()))?;
    Ok(LineVat::try_new(category_code, rate)?)
}

fn adjustment(
    element: Element<'_, '_>,
    currency: Currency,
    path: &'static str,
) -> Result<Adjustment, AccountingError> {
    let kind = match required(element, &["ChargeIndicator"], path)? {
        "true" => AdjustmentKind::Charge,
        "false" => AdjustmentKind::Allowance,
        other => return Err(value_error(path, "true or false", other).into()),
    };
    let amount = money(element, &["Amount"], path, currency)?;
    let reason = element
        .text_at(&["AllowanceChargeReason"])
        .or_else(|| element.text_at(&["AllowanceChargeReasonCode"]))
        .ok_or(ReadUblError::Missing { path })?;
    Ok(Adjustment::try_new(kind, amount, reason)?)
}

/// Reads a party; `iban` is the payee account for the seller.
fn party(
    element: Element<'_, '_>,
    iban: Option<&str>,
    path: &'static str,
) -> Result<Party, AccountingError> {
    let party = element
        .child("Party")
        .ok_or(ReadUblError::Missing { path })?;
    let name = party
        .text_at(&["PartyLegalEntity", "RegistrationName"])
        .or_else(|| party.text_at(&["PartyName", "Name"]))
        .ok_or(ReadUblError::Missing { path })?;
    let vat_text = party
        .children_named("PartyTaxScheme")
        .find(|scheme| scheme.text_at(&["TaxScheme", "ID"]) == Some("VAT"))
        .and_then(|scheme| scheme.text_at(&["CompanyID"]));
    let vat_number = vat_text.and_then(|vat| vat.parse::<apkalpe_core::VatNumber>().ok());
    let legal = party.path(&["PartyLegalEntity", "CompanyID"]);
    let registration_number = legal
        .filter(|id| id.attribute("schemeID") == Some(LATVIAN_REGISTRATION_SCHEME))
        .map(|id| id.text().trim());
    // Identifiers other than the Latvian registration number and an EU VAT number, as
    // `write_party` writes them: a VAT number of another state, the electronic address unless
    // it is one of those two, the legal registration and the party identifications. One
    // identifier may be written twice (as electronic address and legal registration).
    let mut identifiers: Vec<PartyIdentifierInput> = Vec::new();
    let mut add = |scheme: Option<&str>, value: &str| {
        let value = value.trim();
        if identifiers.iter().any(|known| known.value == value) {
            return;
        }
        identifiers.push(PartyIdentifierInput {
            scheme: scheme.map(str::to_owned),
            value: value.to_owned(),
        });
    };
    if let (Some(text), None) = (vat_text, vat_number) {
        add(Some("VAT"), text);
    }
    if let Some(endpoint) = party.child("EndpointID") {
        let value = endpoint.text().trim();
        let known = vat_number.is_some_and(|vat| vat.as_str() == value)
            || registration_number == Some(value);
        if !known {
            add(endpoint.attribute("schemeID"), value);
        }
    }
    if let Some(id) = legal.filter(|_| registration_number.is_none()) {
        add(id.attribute("schemeID"), id.text());
    }
    for identification in party.children_named("PartyIdentification") {
        if let Some(id) = identification.child("ID") {
            add(id.attribute("schemeID"), id.text());
        }
    }
    let holds_personal_code = vat_number.is_some_and(|vat| vat.to_personal_code().is_some());
    let kind = if registration_number.is_some()
        || (vat_text.is_some() && !holds_personal_code)
        || !identifiers.is_empty()
    {
        "organisation"
    } else {
        "person"
    };
    let address = party
        .child("PostalAddress")
        .ok_or(ReadUblError::Missing { path })?;
    let mut lines = Vec::new();
    for names in [
        &["StreetName"][..],
        &["AdditionalStreetName"],
        &["AddressLine", "Line"],
    ] {
        if let Some(line) = address.text_at(names) {
            lines.push(line.to_owned());
        }
    }
    let input = PartyInput {
        kind: kind.to_owned(),
        name: name.to_owned(),
        registration_number: registration_number.map(str::to_owned),
        personal_code: None,
        vat_number: vat_number.map(|vat| vat.as_str().to_owned()),
        iban: iban.map(str::to_owned),
        address: AddressInput {
            lines,
            city: address
                .text_at(&["CityName"])
                .unwrap_or_default()
                .to_owned(),
            postal_code: address.text_at(&["PostalZone"]).map(str::to_owned),
            region: address.text_at(&["CountrySubentity"]).map(str::to_owned),
            country: address
                .text_at(&["Country", "IdentificationCode"])
                .unwrap_or_default()
                .to_owned(),
        },
        email: party
            .text_at(&["Contact", "ElectronicMail"])
            .map(str::to_owned),
        phone: party.text_at(&["Contact", "Telephone"]).map(str::to_owned),
        identifiers,
    };
    Ok(Party::try_from(input)?)
}

/// Reads a UBL 2.1 `Invoice` or `CreditNote` (EN 16931) into the model, recomputes its
/// totals and checks them against the document's.
///
/// What is read: number, dates, type, currency, note, buyer and order references, preceding
/// or credited invoice, both parties (name, address, VAT number, Latvian registration number
/// under 0218, contact; the seller's IBAN from the payment means), payment means, reference
/// and terms, document allowances and charges, VAT exemption wording that differs from the
/// standard one, prepaid amount and lines. A party is read as an organisation when it has a
/// registration number or a VAT number that is not a personal code, else as a person.
///
/// Elements this model does not hold (trading names, delivery details, item descriptions,
/// price base quantities above one…) are ignored; if ignoring one changes an amount, the
/// totals check fails.
///
/// # Errors
///
/// - [`ReadUblError::Xml`] for XML that is not well formed, [`ReadUblError::TooDeep`];
/// - [`ReadUblError::Root`] for a root other than `Invoice` or `CreditNote`;
/// - [`ReadUblError::Missing`] and [`ReadUblError::Value`] for a missing or unreadable
///   element;
/// - [`ReadUblError::TotalsMismatch`] when a stated total or line amount differs from the
///   one computed;
/// - [`AccountingError::Party`] and [`AccountingError::Line`] for party or line data our
///   types refuse.
///
/// Never panics, whatever the input.
///
/// Serves: T4.8, S29.
///
/// # Examples
///
/// See `docs/model/accounting.md`, "E-invoices".
#[deprecated(
    note = "superseded by `read_received_invoice`, which reads e-invoices from any sender by the EN 16931 rules and keeps every business term: use `read_received_invoice`"
)]
pub fn read_ubl(xml: &str) -> Result<ReceivedDocument, AccountingError> {
    if xml.len() > MAX_BYTES {
        return Err(ReadUblError::Xml {
            position: u64::try_from(MAX_BYTES).unwrap_or(u64::MAX),
        }
        .into());
    }
    let document = parse(xml).map_err(|error| match error {
        DomError::Xml { position } => ReadUblError::Xml { position },
        DomError::TooDeep => ReadUblError::TooDeep { max: MAX_DEPTH },
    })?;
    let root = document.root();
    let credit_note = match root.name() {
        "Invoice" => false,
        "CreditNote" => true,
        other => {
            return Err(ReadUblError::Root {
                found: other.chars().take(32).collect(),
            }
            .into());
        }
    };
    let number = required(root, &["ID"], "cbc:ID")?.to_owned();
    let issue_date = date(
        required(root, &["IssueDate"], "cbc:IssueDate")?,
        "cbc:IssueDate",
    )?;
    let kind = if credit_note {
        ReceivedKind::CreditNote
    } else {
        match required(root, &["InvoiceTypeCode"], "cbc:InvoiceTypeCode")? {
            "380" => ReceivedKind::Invoice(InvoiceKind::Invoice),
            "386" => ReceivedKind::Invoice(InvoiceKind::Advance),
            other => return Err(value_error("cbc:InvoiceTypeCode", "380 or 386", other).into()),
        }
    };
    let currency_code = required(root, &["DocumentCurrencyCode"], "cbc:DocumentCurrencyCode")?;
    let currency: Currency = currency_code
        .parse()
        .map_err(|_| value_error("cbc:DocumentCurrencyCode", "a currency code", currency_code))?;

    let means = root.child("PaymentMeans");
    let iban = means.and_then(|means| means.text_at(&["PayeeFinancialAccount", "ID"]));
    let seller = party(
        root.child("AccountingSupplierParty")
            .ok_or(ReadUblError::Missing {
                path: "cac:AccountingSupplierParty",
            })?,
        iban,
        "cac:AccountingSupplierParty/cac:Party",
    )?;
    let buyer = party(
        root.child("AccountingCustomerParty")
            .ok_or(ReadUblError::Missing {
                path: "cac:AccountingCustomerParty",
            })?,
        None,
        "cac:AccountingCustomerParty/cac:Party",
    )?;
    let mut content = InvoiceContent::new(seller, buyer, currency);

    content.supply_date = match root.text_at(&["Delivery", "ActualDeliveryDate"]) {
        Some(text) => Some(date(text, "cac:Delivery/cbc:ActualDeliveryDate")?)
            .filter(|day| *day != issue_date),
        None => None,
    };
    let due = if credit_note {
        root.text_at(&["PaymentMeans", "PaymentDueDate"])
    } else {
        root.text_at(&["DueDate"])
    };
    content.due_date = due.map(|text| date(text, "cbc:DueDate")).transpose()?;
    content.payment_terms = root.text_at(&["PaymentTerms", "Note"]).map(str::to_owned);
    if let Some(means) = means {
        let code = required(
            means,
            &["PaymentMeansCode"],
            "cac:PaymentMeans/cbc:PaymentMeansCode",
        )?;
        content.payment_means = PaymentMeans::from_code(code).ok_or_else(|| {
            value_error(
                "cac:PaymentMeans/cbc:PaymentMeansCode",
                "30, 58, 10 or 48",
                code,
            )
        })?;
        content.payment_reference = means
            .text_at(&["PaymentID"])
            .and_then(|id| CreditorReference::try_new(id).ok());
    }
    content.buyer_reference = root
        .text_at(&["BuyerReference"])
        .filter(|reference| *reference != number)
        .map(str::to_owned);
    content.order_reference = root.text_at(&["OrderReference", "ID"]).map(str::to_owned);
    let (note, exchange_rate) = split_note(root.text_at(&["Note"]), currency);
    content.exchange_rate = exchange_rate;
    let mut references = Vec::new();
    for billing in root.children_named("BillingReference") {
        let Some(reference) = billing.child("InvoiceDocumentReference") else {
            continue;
        };
        let id = required(reference, &["ID"], "cac:InvoiceDocumentReference/cbc:ID")?;
        let issued = reference
            .text_at(&["IssueDate"])
            .map(|text| date(text, "cac:InvoiceDocumentReference/cbc:IssueDate"))
            .transpose()?;
        references.push(InvoiceReference::try_new(id, issued)?);
    }
    let (original, reason) = if credit_note {
        (references.into_iter().next(), note)
    } else {
        content.note = note;
        content.preceding_invoices = references;
        (None, None)
    };

    for element in root.children_named("AllowanceCharge") {
        let tax = element.child("TaxCategory").ok_or(ReadUblError::Missing {
            path: "cac:AllowanceCharge/cac:TaxCategory",
        })?;
        content.adjustments.push(DocumentAdjustment::new(
            adjustment(element, currency, "cac:AllowanceCharge")?,
            line_vat(tax, "cac:AllowanceCharge/cac:TaxCategory")?,
        ));
    }
    let tax_total = root
        .children_named("TaxTotal")
        .find(|total| total.child("TaxSubtotal").is_some())
        .ok_or(ReadUblError::Missing {
            path: "cac:TaxTotal",
        })?;
    let mut stated_rows: Vec<(LineVat, Money)> = Vec::new();
    for subtotal in tax_total.children_named("TaxSubtotal") {
        let category = subtotal.child("TaxCategory").ok_or(ReadUblError::Missing {
            path: "cac:TaxSubtotal/cac:TaxCategory",
        })?;
        let vat = line_vat(category, "cac:TaxSubtotal/cac:TaxCategory")?;
        stated_rows.push((
            vat,
            money(
                subtotal,
                &["TaxAmount"],
                "cac:TaxSubtotal/cbc:TaxAmount",
                currency,
            )?,
        ));
        if let Some(text) = category.text_at(&["TaxExemptionReason"]) {
            let exemption = VatExemption::try_new(
                vat.category(),
                category.text_at(&["TaxExemptionReasonCode"]),
                text,
            )?;
            if VatExemption::standard_for(vat.category()).as_ref() != Some(&exemption) {
                content.exemptions.push(exemption);
            }
        }
    }
    let totals_element = root
        .child("LegalMonetaryTotal")
        .ok_or(ReadUblError::Missing {
            path: "cac:LegalMonetaryTotal",
        })?;
    content.prepaid = totals_element
        .text_at(&["PrepaidAmount"])
        .map(|_| {
            money(
                totals_element,
                &["PrepaidAmount"],
                "cbc:PrepaidAmount",
                currency,
            )
        })
        .transpose()?;

    let (line_name, quantity_name) = if credit_note {
        ("CreditNoteLine", "CreditedQuantity")
    } else {
        ("InvoiceLine", "InvoicedQuantity")
    };
    let mut stated_nets = Vec::new();
    for element in root.children_named(line_name) {
        let quantity_element = element.child(quantity_name).ok_or(ReadUblError::Missing {
            path: "cbc:InvoicedQuantity",
        })?;
        let quantity_text = quantity_element.text().trim();
        let signed = decimal(quantity_text, "cbc:InvoicedQuantity")?;
        let quantity = Quantity::try_new(signed.abs())?;
        let unit = UnitCode::try_new(quantity_element.attribute("unitCode").unwrap_or("C62"))?;
        let mut price = money(
            element,
            &["Price", "PriceAmount"],
            "cac:Price/cbc:PriceAmount",
            currency,
        )?;
        if let Some(base) = element.text_at(&["Price", "BaseQuantity"]) {
            let base = decimal(base, "cac:Price/cbc:BaseQuantity")?;
            price = price.checked_div(base)?;
        }
        let name = element
            .text_at(&["Item", "Name"])
            .ok_or(ReadUblError::Missing {
                path: "cac:Item/cbc:Name",
            })?;
        let category =
            element
                .path(&["Item", "ClassifiedTaxCategory"])
                .ok_or(ReadUblError::Missing {
                    path: "cac:Item/cac:ClassifiedTaxCategory",
                })?;
        let mut line = InvoiceLine::try_new(
            name,
            quantity,
            unit,
            price,
            line_vat(category, "cac:ClassifiedTaxCategory")?,
        )?;
        if let Some(id) = element.text_at(&["Item", "SellersItemIdentification", "ID"]) {
            line = line.try_with_seller_item_id(id)?;
        }
        for adjustment_element in element.children_named("AllowanceCharge") {
            line = line.with_adjustment(adjustment(
                adjustment_element,
                currency,
                "cac:InvoiceLine/cac:AllowanceCharge",
            )?);
        }
        stated_nets.push(money(
            element,
            &["LineExtensionAmount"],
            "cbc:LineExtensionAmount",
            currency,
        )?);
        if signed.is_sign_negative() {
            line = line.negated();
        }
        content.lines.push(line);
    }

    let mut totals = row_vat(content.totals()?, &stated_rows)?;
    if totals_element.text_at(&["PayableRoundingAmount"]).is_some() {
        // The rule that rounded is not in the document: its amount is taken as stated.
        totals = totals.try_with_stated_rounding(money(
            totals_element,
            &["PayableRoundingAmount"],
            "cbc:PayableRoundingAmount",
            currency,
        )?)?;
    }
    for (stated, computed) in stated_nets.iter().zip(totals.line_nets()) {
        compare("BT-131", *stated, *computed)?;
    }
    let stated = |name: &'static str| money(totals_element, &[name], name, currency);
    compare(
        "BT-106",
        stated("LineExtensionAmount")?,
        totals.line_total(),
    )?;
    compare(
        "BT-109",
        stated("TaxExclusiveAmount")?,
        totals.tax_exclusive(),
    )?;
    compare(
        "BT-112",
        stated("TaxInclusiveAmount")?,
        totals.tax_inclusive(),
    )?;
    compare("BT-115", stated("PayableAmount")?, totals.amount_due())?;
    compare(
        "BT-110",
        money(tax_total, &["TaxAmount"], "cbc:TaxAmount", currency)?,
        totals.vat_total(),
    )?;
    let computed_in_euro = crate::invoice::vat_total_in_euro(&content, &totals)?;
    let stated_in_euro = root
        .children_named("TaxTotal")
        .find(|total| total.child("TaxSubtotal").is_none())
        .map(|total| {
            money(
                total,
                &["TaxAmount"],
                "cbc:TaxTotal/cbc:TaxAmount",
                Currency::EUR,
            )
        })
        .transpose()?;
    match (stated_in_euro, computed_in_euro) {
        (Some(stated), Some(computed)) => compare("BT-111", stated, computed)?,
        (None, None) => {}
        (stated, _) if currency == Currency::EUR => {
            if stated.is_some() {
                return Err(
                    value_error("cbc:TaxCurrencyCode", "none in a euro document", "EUR").into(),
                );
            }
        }
        _ => {
            return Err(ReadUblError::Missing {
                path: "cbc:Note (Valūtas kurss) and cbc:TaxTotal in EUR",
            }
            .into());
        }
    }
    Ok(ReceivedDocument {
        kind,
        number,
        issue_date,
        original,
        reason,
        content,
        totals,
    })
}

/// Takes the VAT amount (BT-117) of each breakdown row as stated in the document when it lies
/// within one cent of the computed `round(taxable × rate / 100)`: EN 16931 BR-CO-17 tolerates
/// such a deviation, and our own credit notes round VAT cumulatively over the notes of one
/// invoice ([`DraftCreditNote::issue`](crate::DraftCreditNote::issue)). A larger deviation is
/// a [`ReadUblError::TotalsMismatch`] for `BT-117`; a row the document does not state keeps
/// its computed VAT. Every other total stays an exact sum and is compared exactly.
fn row_vat(
    totals: DocumentTotals,
    stated_rows: &[(LineVat, Money)],
) -> Result<DocumentTotals, AccountingError> {
    totals.try_with_row_vat(None, |row| {
        let computed = row.vat_amount();
        let Some((_, stated)) = stated_rows
            .iter()
            .find(|(vat, _)| vat.category() == row.category() && vat.rate() == row.rate())
        else {
            return Ok(computed);
        };
        let deviation = stated.amount().checked_sub(computed.amount());
        if deviation.is_some_and(|deviation| deviation.abs() <= ROW_VAT_TOLERANCE) {
            Ok(*stated)
        } else {
            Err(ReadUblError::TotalsMismatch {
                term: "BT-117",
                stated: stated.amount(),
                computed: computed.amount(),
            }
            .into())
        }
    })
}

fn compare(term: &'static str, stated: Money, computed: Money) -> Result<(), ReadUblError> {
    if stated.amount() == computed.amount() {
        Ok(())
    } else {
        Err(ReadUblError::TotalsMismatch {
            term,
            stated: stated.amount(),
            computed: computed.amount(),
        })
    }
}

/// Splits the note (BT-22) of a document in another currency into the note and the exchange
/// rate of its last line, as [`write_ubl_invoice`](crate::write_ubl_invoice) writes them.
fn split_note(
    note: Option<&str>,
    currency: Currency,
) -> (Option<String>, Option<crate::ExchangeRate>) {
    let Some(note) = note else {
        return (None, None);
    };
    if currency == Currency::EUR {
        return (Some(note.to_owned()), None);
    }
    let (before, last) = match note.rsplit_once('\n') {
        Some((before, last)) => (Some(before), last),
        None => (None, note),
    };
    let rate = last
        .strip_prefix(super::write::EXCHANGE_RATE_LINE)
        .and_then(|text| crate::ExchangeRate::from_latvian_text(text, currency));
    match rate {
        Some(rate) => (before.map(str::to_owned), Some(rate)),
        None => (Some(note.to_owned()), None),
    }
}
