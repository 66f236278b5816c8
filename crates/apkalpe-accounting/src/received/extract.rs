//! From the UBL element tree to a [`ReceivedInvoice`]: every business term as sent, texts
//! normalised, values read as their XML Schema types. No rule is checked here but the
//! schema's own (a date is a date, an amount has its currency).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::{DocumentPart, ReadInvoiceError};
use super::model::{
    AllowanceChargeKind, CurrencyCode, ReceivedAccount, ReceivedAddress, ReceivedAllowanceCharge,
    ReceivedAttachment, ReceivedCard, ReceivedClassification, ReceivedContact, ReceivedDelivery,
    ReceivedDirectDebit, ReceivedIdentifier, ReceivedInvoice, ReceivedInvoiceKind,
    ReceivedInvoiceLine, ReceivedItem, ReceivedItemAttribute, ReceivedNote, ReceivedParty,
    ReceivedPayee, ReceivedPaymentMeans, ReceivedPeriod, ReceivedPrecedingInvoice, ReceivedPrice,
    ReceivedSupportingDocument, ReceivedTaxRepresentative, ReceivedTotals, ReceivedVatBreakdown,
    ReceivedVatCategory, StatedAmount,
};
use super::xsd;
use crate::ubl::dom::{Document, Element};

/// The namespace of a UBL 2.1 invoice.
pub(crate) const INVOICE_NAMESPACE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
/// The namespace of a UBL 2.1 credit note.
pub(crate) const CREDIT_NOTE_NAMESPACE: &str =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

/// The rule of the UBL schema.
const XSD: &str = "UBL-2.1-XSD";

type Result<T> = std::result::Result<T, ReadInvoiceError>;

/// Where a value sits: whose data, which term, which element.
#[derive(Clone, Copy)]
struct At<'p> {
    part: &'p DocumentPart,
    term: &'static str,
    path: &'static str,
}

impl At<'_> {
    fn missing(&self) -> ReadInvoiceError {
        ReadInvoiceError::Missing {
            rule: XSD,
            part: Box::new(self.part.clone()),
            term: self.term,
            path: self.path,
        }
    }

    fn value(&self, expected: &'static str, found: &str) -> ReadInvoiceError {
        ReadInvoiceError::Value {
            rule: XSD,
            part: Box::new(self.part.clone()),
            term: self.term,
            path: self.path,
            expected,
            found: found.chars().take(32).collect(),
        }
    }
}

const fn at<'p>(part: &'p DocumentPart, term: &'static str, path: &'static str) -> At<'p> {
    At { part, term, path }
}

/// The short text at a path, whitespace collapsed; `None` when absent or blank.
fn text(element: Element<'_, '_>, names: &[&str]) -> Option<String> {
    element.text_at(names).map(xsd::collapse)
}

/// The free text at a path, line breaks kept.
fn block(element: Element<'_, '_>, names: &[&str]) -> Option<String> {
    element.text_at(names).map(xsd::block)
}

/// The identifier at a path with its `schemeID`.
fn identifier(element: Element<'_, '_>, names: &[&str]) -> Option<ReceivedIdentifier> {
    let found = element.path(names)?;
    let value = xsd::collapse(found.text());
    if value.is_empty() {
        return None;
    }
    Some(ReceivedIdentifier::new(
        found.attribute("schemeID").map(xsd::collapse),
        value,
    ))
}

fn date(element: Element<'_, '_>, names: &[&str], at: At<'_>) -> Result<Option<NaiveDate>> {
    element
        .text_at(names)
        .map(|text| xsd::date(text).ok_or_else(|| at.value("a date (xs:date)", text)))
        .transpose()
}

fn decimal(element: Element<'_, '_>, names: &[&str], at: At<'_>) -> Result<Option<Decimal>> {
    element
        .text_at(names)
        .map(|text| xsd::decimal(text).ok_or_else(|| at.value("a decimal (xs:decimal)", text)))
        .transpose()
}

fn amount(element: Element<'_, '_>, names: &[&str], at: At<'_>) -> Result<Option<StatedAmount>> {
    let Some(found) = element.path(names) else {
        return Ok(None);
    };
    let text = found.text().trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value = xsd::decimal(text).ok_or_else(|| at.value("an amount (xs:decimal)", text))?;
    let code = found
        .attribute("currencyID")
        .ok_or_else(|| at.value("an amount with its currencyID", text))?;
    let currency = CurrencyCode::try_new(code.trim()).map_err(|_| ReadInvoiceError::Value {
        rule: "BR-CL-03",
        part: Box::new(at.part.clone()),
        term: at.term,
        path: at.path,
        expected: "an ISO 4217 currency code",
        found: code.chars().take(32).collect(),
    })?;
    Ok(Some(StatedAmount::new(value, currency)))
}

fn required_amount(element: Element<'_, '_>, names: &[&str], at: At<'_>) -> Result<StatedAmount> {
    amount(element, names, at)?.ok_or_else(|| at.missing())
}

fn category(element: Element<'_, '_>, at: At<'_>) -> Result<Option<ReceivedVatCategory>> {
    let Some(code) = element.text_at(&["ID"]) else {
        return Ok(None);
    };
    code.parse().map(Some).map_err(|_| ReadInvoiceError::Value {
        rule: "BR-CL-17",
        part: Box::new(at.part.clone()),
        term: at.term,
        path: at.path,
        expected: "an EN 16931 VAT category (S, Z, E, AE, K, G, O, L, M, B)",
        found: code.chars().take(32).collect(),
    })
}

fn address(element: Element<'_, '_>) -> ReceivedAddress {
    let mut lines = Vec::new();
    for names in [&["StreetName"][..], &["AdditionalStreetName"]] {
        if let Some(line) = text(element, names) {
            lines.push(line);
        }
    }
    for line in element.children_named("AddressLine") {
        if let Some(line) = text(line, &["Line"]) {
            lines.push(line);
        }
    }
    ReceivedAddress {
        lines,
        city: text(element, &["CityName"]),
        postal_code: text(element, &["PostalZone"]),
        subdivision: text(element, &["CountrySubentity"]),
        country: text(element, &["Country", "IdentificationCode"]),
    }
}

/// Tells whether a tax scheme identifier is VAT.
fn is_vat_scheme(scheme: Element<'_, '_>) -> bool {
    scheme
        .text_at(&["TaxScheme", "ID"])
        .is_some_and(|id| id.eq_ignore_ascii_case("VAT"))
}

/// Reads a seller or buyer; returns it and its SEPA creditor identifier (BT-90), if any.
fn party(element: Option<Element<'_, '_>>) -> (ReceivedParty, Option<String>) {
    let Some(element) = element else {
        return (ReceivedParty::default(), None);
    };
    let mut identifiers = Vec::new();
    let mut creditor = None;
    for identification in element.children_named("PartyIdentification") {
        if let Some(id) = identifier(identification, &["ID"]) {
            if id.scheme.as_deref() == Some("SEPA") {
                creditor = creditor.or(Some(id.value));
            } else {
                identifiers.push(id);
            }
        }
    }
    let vat_id = element
        .children_named("PartyTaxScheme")
        .find(|scheme| is_vat_scheme(*scheme))
        .and_then(|scheme| text(scheme, &["CompanyID"]));
    let tax_registration = element
        .children_named("PartyTaxScheme")
        .find(|scheme| !is_vat_scheme(*scheme))
        .and_then(|scheme| text(scheme, &["CompanyID"]));
    let contact = element.child("Contact").map(|contact| ReceivedContact {
        name: text(contact, &["Name"]),
        phone: text(contact, &["Telephone"]),
        email: text(contact, &["ElectronicMail"]),
    });
    let party = ReceivedParty {
        name: text(element, &["PartyLegalEntity", "RegistrationName"]),
        trading_name: text(element, &["PartyName", "Name"]),
        identifiers,
        legal_registration: identifier(element, &["PartyLegalEntity", "CompanyID"]),
        vat_id,
        tax_registration,
        legal_information: text(element, &["PartyLegalEntity", "CompanyLegalForm"]),
        electronic_address: identifier(element, &["EndpointID"]),
        address: element
            .child("PostalAddress")
            .map(address)
            .unwrap_or_default(),
        contact,
    };
    (party, creditor)
}

fn period(
    element: Element<'_, '_>,
    part: &DocumentPart,
    start_term: &'static str,
    end_term: &'static str,
) -> Result<ReceivedPeriod> {
    Ok(ReceivedPeriod {
        start: date(
            element,
            &["StartDate"],
            at(part, start_term, "cac:InvoicePeriod/cbc:StartDate"),
        )?,
        end: date(
            element,
            &["EndDate"],
            at(part, end_term, "cac:InvoicePeriod/cbc:EndDate"),
        )?,
    })
}

/// Reads an allowance or charge; `document` for the document level (with a VAT category).
fn allowance_charge(
    element: Element<'_, '_>,
    part: &DocumentPart,
    document: bool,
) -> Result<ReceivedAllowanceCharge> {
    let indicator = at(
        part,
        if document {
            "BG-20/BG-21"
        } else {
            "BG-27/BG-28"
        },
        "cac:AllowanceCharge/cbc:ChargeIndicator",
    );
    let flag = element
        .text_at(&["ChargeIndicator"])
        .ok_or_else(|| indicator.missing())?;
    let kind = match xsd::boolean(flag) {
        Some(true) => AllowanceChargeKind::Charge,
        Some(false) => AllowanceChargeKind::Allowance,
        None => return Err(indicator.value("true, false, 1 or 0 (xs:boolean)", flag)),
    };
    let (amount_term, base_term, percentage_term) = match (document, kind) {
        (true, AllowanceChargeKind::Allowance) => ("BT-92", "BT-93", "BT-94"),
        (true, AllowanceChargeKind::Charge) => ("BT-99", "BT-100", "BT-101"),
        (false, AllowanceChargeKind::Allowance) => ("BT-136", "BT-137", "BT-138"),
        (false, AllowanceChargeKind::Charge) => ("BT-141", "BT-142", "BT-143"),
    };
    let tax = element.child("TaxCategory");
    let (vat_category, vat_rate) = match tax {
        Some(tax) => (
            category(
                tax,
                at(
                    part,
                    "BT-95/BT-102",
                    "cac:AllowanceCharge/cac:TaxCategory/cbc:ID",
                ),
            )?,
            decimal(
                tax,
                &["Percent"],
                at(
                    part,
                    "BT-96/BT-103",
                    "cac:AllowanceCharge/cac:TaxCategory/cbc:Percent",
                ),
            )?,
        ),
        None => (None, None),
    };
    Ok(ReceivedAllowanceCharge {
        kind,
        amount: required_amount(
            element,
            &["Amount"],
            at(part, amount_term, "cac:AllowanceCharge/cbc:Amount"),
        )?,
        base_amount: amount(
            element,
            &["BaseAmount"],
            at(part, base_term, "cac:AllowanceCharge/cbc:BaseAmount"),
        )?,
        percentage: decimal(
            element,
            &["MultiplierFactorNumeric"],
            at(
                part,
                percentage_term,
                "cac:AllowanceCharge/cbc:MultiplierFactorNumeric",
            ),
        )?,
        vat_category,
        vat_rate,
        reason: text(element, &["AllowanceChargeReason"]),
        reason_code: text(element, &["AllowanceChargeReasonCode"]),
    })
}

/// Returns a base64 text without the line breaks and spaces it may be wrapped with.
fn without_whitespace(text: &str) -> String {
    if text.bytes().any(|byte| byte.is_ascii_whitespace()) {
        text.chars()
            .filter(|character| !character.is_ascii_whitespace())
            .collect()
    } else {
        text.to_owned()
    }
}

/// Splits a note into its UNCL 4451 subject code (`#AAI#text`) and text.
fn note(raw: &str) -> Option<ReceivedNote> {
    let text = xsd::block(raw);
    if text.is_empty() {
        return None;
    }
    if let Some(rest) = text.strip_prefix('#')
        && let Some((code, body)) = rest.split_once('#')
        && code.len() == 3
        && code.bytes().all(|byte| byte.is_ascii_uppercase())
    {
        return Some(ReceivedNote {
            subject_code: Some(code.to_owned()),
            text: body.trim().to_owned(),
        });
    }
    Some(ReceivedNote {
        subject_code: None,
        text,
    })
}

fn payment_means(
    element: Element<'_, '_>,
    position: usize,
    creditor: Option<&str>,
) -> Result<ReceivedPaymentMeans> {
    let part = DocumentPart::Payment { position };
    let code_element = element.child("PaymentMeansCode");
    let code = code_element
        .map(|code| xsd::collapse(code.text()))
        .filter(|code| !code.is_empty())
        .ok_or_else(|| at(&part, "BT-81", "cac:PaymentMeans/cbc:PaymentMeansCode").missing())?;
    let accounts = element
        .children_named("PayeeFinancialAccount")
        .filter_map(|account| {
            Some(ReceivedAccount {
                id: text(account, &["ID"])?,
                name: text(account, &["Name"]),
                service_provider: text(account, &["FinancialInstitutionBranch", "ID"]),
            })
        })
        .collect();
    let card = element.child("CardAccount").and_then(|card| {
        Some(ReceivedCard {
            account_number: text(card, &["PrimaryAccountNumberID"])?,
            holder_name: text(card, &["HolderName"]),
        })
    });
    let mandate = element.child("PaymentMandate");
    let direct_debit = if mandate.is_some() || matches!(code.as_str(), "49" | "59") {
        Some(ReceivedDirectDebit {
            mandate: mandate.and_then(|mandate| text(mandate, &["ID"])),
            creditor_id: creditor.map(str::to_owned),
            debited_account: mandate
                .and_then(|mandate| text(mandate, &["PayerFinancialAccount", "ID"])),
        })
    } else {
        None
    };
    Ok(ReceivedPaymentMeans {
        text: code_element
            .and_then(|code| code.attribute("name"))
            .map(xsd::collapse)
            .filter(|name| !name.is_empty()),
        code,
        reference: text(element, &["PaymentID"]),
        accounts,
        card,
        direct_debit,
    })
}

fn line(
    element: Element<'_, '_>,
    position: usize,
    credit_note: bool,
) -> Result<ReceivedInvoiceLine> {
    let id = text(element, &["ID"]).ok_or_else(|| {
        at(
            &DocumentPart::Line {
                id: position.to_string(),
                position,
            },
            "BT-126",
            "cac:InvoiceLine/cbc:ID",
        )
        .missing()
    })?;
    let part = DocumentPart::Line {
        id: id.clone(),
        position,
    };
    let quantity_name = if credit_note {
        "CreditedQuantity"
    } else {
        "InvoicedQuantity"
    };
    let quantity_element = element.child(quantity_name);
    let price = element.child("Price");
    let price_discount = price.and_then(|price| price.child("AllowanceCharge"));
    let item = element.child("Item");
    let tax = item.and_then(|item| item.child("ClassifiedTaxCategory"));
    let mut allowances_charges = Vec::new();
    for adjustment in element.children_named("AllowanceCharge") {
        allowances_charges.push(allowance_charge(adjustment, &part, false)?);
    }
    let item = match item {
        Some(item) => ReceivedItem {
            name: text(item, &["Name"]),
            description: block(item, &["Description"]),
            seller_id: text(item, &["SellersItemIdentification", "ID"]),
            buyer_id: text(item, &["BuyersItemIdentification", "ID"]),
            standard_id: identifier(item, &["StandardItemIdentification", "ID"]),
            classifications: item
                .children_named("CommodityClassification")
                .filter_map(|classification| {
                    let code = classification.child("ItemClassificationCode")?;
                    let value = xsd::collapse(code.text());
                    (!value.is_empty()).then(|| ReceivedClassification {
                        code: value,
                        list: code.attribute("listID").map(xsd::collapse),
                        list_version: code.attribute("listVersionID").map(xsd::collapse),
                    })
                })
                .collect(),
            origin_country: text(item, &["OriginCountry", "IdentificationCode"]),
            attributes: item
                .children_named("AdditionalItemProperty")
                .filter_map(|property| {
                    Some(ReceivedItemAttribute {
                        name: text(property, &["Name"])?,
                        value: text(property, &["Value"]).unwrap_or_default(),
                    })
                })
                .collect(),
        },
        None => ReceivedItem::default(),
    };
    Ok(ReceivedInvoiceLine {
        note: block(element, &["Note"]),
        object_identifier: identifier(element, &["DocumentReference", "ID"]),
        quantity: decimal(
            element,
            &[quantity_name],
            at(&part, "BT-129", "cbc:InvoicedQuantity"),
        )?,
        unit_code: quantity_element
            .and_then(|quantity| quantity.attribute("unitCode"))
            .map(xsd::collapse)
            .filter(|unit| !unit.is_empty()),
        net_amount: required_amount(
            element,
            &["LineExtensionAmount"],
            at(&part, "BT-131", "cac:InvoiceLine/cbc:LineExtensionAmount"),
        )?,
        order_line_reference: text(element, &["OrderLineReference", "LineID"]),
        buyer_accounting_reference: text(element, &["AccountingCost"]),
        period: element
            .child("InvoicePeriod")
            .map(|found| period(found, &part, "BT-134", "BT-135"))
            .transpose()?,
        allowances_charges,
        price: ReceivedPrice {
            net: match price {
                Some(price) => amount(
                    price,
                    &["PriceAmount"],
                    at(&part, "BT-146", "cac:Price/cbc:PriceAmount"),
                )?,
                None => None,
            },
            discount: match price_discount {
                Some(discount) => amount(
                    discount,
                    &["Amount"],
                    at(&part, "BT-147", "cac:Price/cac:AllowanceCharge/cbc:Amount"),
                )?,
                None => None,
            },
            gross: match price_discount {
                Some(discount) => amount(
                    discount,
                    &["BaseAmount"],
                    at(
                        &part,
                        "BT-148",
                        "cac:Price/cac:AllowanceCharge/cbc:BaseAmount",
                    ),
                )?,
                None => None,
            },
            base_quantity: match price {
                Some(price) => decimal(
                    price,
                    &["BaseQuantity"],
                    at(&part, "BT-149", "cac:Price/cbc:BaseQuantity"),
                )?,
                None => None,
            },
            base_quantity_unit: price
                .and_then(|price| price.child("BaseQuantity"))
                .and_then(|base| base.attribute("unitCode"))
                .map(xsd::collapse)
                .filter(|unit| !unit.is_empty()),
        },
        vat_category: match tax {
            Some(tax) => category(tax, at(&part, "BT-151", "cac:ClassifiedTaxCategory/cbc:ID"))?,
            None => None,
        },
        vat_rate: match tax {
            Some(tax) => decimal(
                tax,
                &["Percent"],
                at(&part, "BT-152", "cac:ClassifiedTaxCategory/cbc:Percent"),
            )?,
            None => None,
        },
        item,
        id,
    })
}

/// Reads the totals and the VAT breakdown (BG-22, BG-23).
fn totals(
    root: Element<'_, '_>,
    currency: CurrencyCode,
    accounting_currency: Option<CurrencyCode>,
) -> Result<(ReceivedTotals, Vec<ReceivedVatBreakdown>)> {
    let part = DocumentPart::Totals;
    let monetary = root
        .child("LegalMonetaryTotal")
        .ok_or_else(|| at(&part, "BG-22", "cac:LegalMonetaryTotal").missing())?;
    let tax_term = at(&part, "BT-110", "cac:TaxTotal/cbc:TaxAmount");
    let mut vat_total = None;
    let mut vat_in_accounting = None;
    let mut breakdown_source = None;
    let mut in_document_currency = 0_usize;
    for tax_total in root.children_named("TaxTotal") {
        let Some(stated) = amount(tax_total, &["TaxAmount"], tax_term)? else {
            continue;
        };
        if stated.currency == currency {
            in_document_currency = in_document_currency.saturating_add(1);
            if vat_total.is_none() {
                vat_total = Some(stated);
                breakdown_source = Some(tax_total);
            }
        } else if Some(stated.currency) == accounting_currency && vat_in_accounting.is_none() {
            vat_in_accounting = Some(stated);
        }
    }
    let vat_total = match (vat_total, in_document_currency) {
        (Some(total), 1) => total,
        (_, found) => {
            return Err(ReadInvoiceError::Value {
                rule: "BR-CO-15",
                part: Box::new(part),
                term: "BT-110",
                path: "cac:TaxTotal/cbc:TaxAmount",
                expected: "exactly one VAT total in the document currency",
                found: format!("{found} VAT totals in {currency}"),
            });
        }
    };
    let mut breakdown = Vec::new();
    if let Some(source) = breakdown_source {
        for subtotal in source.children_named("TaxSubtotal") {
            let tax_category = subtotal.child("TaxCategory");
            let code = tax_category
                .and_then(|found| found.text_at(&["ID"]))
                .unwrap_or("?");
            let rate = match tax_category {
                Some(found) => decimal(
                    found,
                    &["Percent"],
                    at(
                        &part,
                        "BT-119",
                        "cac:TaxSubtotal/cac:TaxCategory/cbc:Percent",
                    ),
                )?,
                None => None,
            };
            let row_part = DocumentPart::VatBreakdown {
                category: code.to_owned(),
                rate,
            };
            let category = match tax_category {
                Some(found) => category(
                    found,
                    at(
                        &row_part,
                        "BT-118",
                        "cac:TaxSubtotal/cac:TaxCategory/cbc:ID",
                    ),
                )?,
                None => None,
            }
            .ok_or_else(|| {
                at(
                    &row_part,
                    "BT-118",
                    "cac:TaxSubtotal/cac:TaxCategory/cbc:ID",
                )
                .missing()
            })?;
            breakdown.push(ReceivedVatBreakdown {
                taxable_amount: required_amount(
                    subtotal,
                    &["TaxableAmount"],
                    at(&row_part, "BT-116", "cac:TaxSubtotal/cbc:TaxableAmount"),
                )?,
                vat_amount: required_amount(
                    subtotal,
                    &["TaxAmount"],
                    at(&row_part, "BT-117", "cac:TaxSubtotal/cbc:TaxAmount"),
                )?,
                category,
                rate,
                exemption_reason: tax_category
                    .and_then(|found| text(found, &["TaxExemptionReason"])),
                exemption_reason_code: tax_category
                    .and_then(|found| text(found, &["TaxExemptionReasonCode"])),
            });
        }
    }
    let totals = ReceivedTotals {
        line_net_total: required_amount(
            monetary,
            &["LineExtensionAmount"],
            at(
                &part,
                "BT-106",
                "cac:LegalMonetaryTotal/cbc:LineExtensionAmount",
            ),
        )?,
        allowance_total: amount(
            monetary,
            &["AllowanceTotalAmount"],
            at(
                &part,
                "BT-107",
                "cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount",
            ),
        )?,
        charge_total: amount(
            monetary,
            &["ChargeTotalAmount"],
            at(
                &part,
                "BT-108",
                "cac:LegalMonetaryTotal/cbc:ChargeTotalAmount",
            ),
        )?,
        tax_exclusive: required_amount(
            monetary,
            &["TaxExclusiveAmount"],
            at(
                &part,
                "BT-109",
                "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount",
            ),
        )?,
        vat_total,
        vat_total_in_accounting_currency: vat_in_accounting,
        tax_inclusive: required_amount(
            monetary,
            &["TaxInclusiveAmount"],
            at(
                &part,
                "BT-112",
                "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
            ),
        )?,
        prepaid: amount(
            monetary,
            &["PrepaidAmount"],
            at(&part, "BT-113", "cac:LegalMonetaryTotal/cbc:PrepaidAmount"),
        )?,
        rounding: amount(
            monetary,
            &["PayableRoundingAmount"],
            at(
                &part,
                "BT-114",
                "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount",
            ),
        )?,
        amount_due: required_amount(
            monetary,
            &["PayableAmount"],
            at(&part, "BT-115", "cac:LegalMonetaryTotal/cbc:PayableAmount"),
        )?,
    };
    Ok((totals, breakdown))
}

/// Reads the parsed document into a received invoice, findings not yet made.
///
/// # Errors
///
/// [`ReadInvoiceError::NotUbl`] for a root that is not a UBL 2.1 `Invoice`/`CreditNote`;
/// [`ReadInvoiceError::Missing`] and [`ReadInvoiceError::Value`] for an element the schema
/// or the calculation needs that is absent or not of its type.
pub(crate) fn extract(document: &Document<'_>) -> Result<ReceivedInvoice> {
    let root = document.root();
    let namespace = document.root_namespace().unwrap_or_default();
    let kind = match (root.name(), namespace) {
        ("Invoice", INVOICE_NAMESPACE) => ReceivedInvoiceKind::Invoice,
        ("CreditNote", CREDIT_NOTE_NAMESPACE) => ReceivedInvoiceKind::CreditNote,
        (found, namespace) => {
            return Err(ReadInvoiceError::NotUbl {
                found: found.chars().take(32).collect(),
                namespace: namespace.chars().take(80).collect(),
            });
        }
    };
    let credit_note = kind == ReceivedInvoiceKind::CreditNote;
    let part = DocumentPart::Document;
    let number = text(root, &["ID"]).ok_or_else(|| at(&part, "BT-1", "cbc:ID").missing())?;
    let issue_date = date(root, &["IssueDate"], at(&part, "BT-2", "cbc:IssueDate"))?
        .ok_or_else(|| at(&part, "BT-2", "cbc:IssueDate").missing())?;
    let currency_text = root
        .text_at(&["DocumentCurrencyCode"])
        .ok_or_else(|| at(&part, "BT-5", "cbc:DocumentCurrencyCode").missing())?;
    let currency = CurrencyCode::try_new(currency_text).map_err(|_| ReadInvoiceError::Value {
        rule: "BR-CL-04",
        part: Box::new(part.clone()),
        term: "BT-5",
        path: "cbc:DocumentCurrencyCode",
        expected: "an ISO 4217 currency code",
        found: currency_text.chars().take(32).collect(),
    })?;
    let vat_accounting_currency = match root.text_at(&["TaxCurrencyCode"]) {
        Some(code) => Some(
            CurrencyCode::try_new(code).map_err(|_| ReadInvoiceError::Value {
                rule: "BR-CL-05",
                part: Box::new(part.clone()),
                term: "BT-6",
                path: "cbc:TaxCurrencyCode",
                expected: "an ISO 4217 currency code",
                found: code.chars().take(32).collect(),
            })?,
        ),
        None => None,
    };
    let type_name = if credit_note {
        "CreditNoteTypeCode"
    } else {
        "InvoiceTypeCode"
    };
    let due_date = match date(root, &["DueDate"], at(&part, "BT-9", "cbc:DueDate"))? {
        Some(day) => Some(day),
        None => root
            .children_named("PaymentMeans")
            .find_map(|means| means.text_at(&["PaymentDueDate"]))
            .map(|text| {
                xsd::date(text).ok_or_else(|| {
                    at(&part, "BT-9", "cac:PaymentMeans/cbc:PaymentDueDate")
                        .value("a date (xs:date)", text)
                })
            })
            .transpose()?,
    };

    let mut project_reference = text(root, &["ProjectReference", "ID"]);
    let mut invoiced_object = None;
    let mut supporting_documents = Vec::new();
    for (index, reference) in root
        .children_named("AdditionalDocumentReference")
        .enumerate()
    {
        let type_code = text(reference, &["DocumentTypeCode"]);
        let Some(id) = identifier(reference, &["ID"]) else {
            continue;
        };
        match type_code.as_deref() {
            Some("130") if invoiced_object.is_none() => {
                invoiced_object = Some(id);
                continue;
            }
            Some("50") if credit_note && project_reference.is_none() => {
                project_reference = Some(id.value);
                continue;
            }
            _ => {}
        }
        let attachment = reference.child("Attachment");
        let embedded = attachment.and_then(|found| found.child("EmbeddedDocumentBinaryObject"));
        supporting_documents.push(ReceivedSupportingDocument {
            id,
            type_code,
            description: block(reference, &["DocumentDescription"]),
            uri: attachment.and_then(|found| text(found, &["ExternalReference", "URI"])),
            attachment: embedded.map(|binary| ReceivedAttachment {
                mime_code: binary.attribute("mimeCode").map(xsd::collapse),
                filename: binary.attribute("filename").map(xsd::collapse),
                content_base64: without_whitespace(binary.text()),
            }),
        });
        let _ = index;
    }

    let (seller, seller_creditor) = party(root.path(&["AccountingSupplierParty", "Party"]));
    if root.child("AccountingSupplierParty").is_none() {
        return Err(at(&DocumentPart::Seller, "BG-4", "cac:AccountingSupplierParty").missing());
    }
    let (buyer, _) = party(root.path(&["AccountingCustomerParty", "Party"]));
    if root.child("AccountingCustomerParty").is_none() {
        return Err(at(&DocumentPart::Buyer, "BG-7", "cac:AccountingCustomerParty").missing());
    }
    let payee_element = root.child("PayeeParty");
    let payee_creditor = payee_element.and_then(|payee| {
        payee
            .children_named("PartyIdentification")
            .filter_map(|identification| identifier(identification, &["ID"]))
            .find(|id| id.scheme.as_deref() == Some("SEPA"))
            .map(|id| id.value)
    });
    let payee = payee_element.map(|payee| ReceivedPayee {
        name: text(payee, &["PartyName", "Name"]),
        identifier: payee
            .children_named("PartyIdentification")
            .filter_map(|identification| identifier(identification, &["ID"]))
            .find(|id| id.scheme.as_deref() != Some("SEPA")),
        legal_registration: identifier(payee, &["PartyLegalEntity", "CompanyID"]),
    });
    let tax_representative =
        root.child("TaxRepresentativeParty")
            .map(|representative| ReceivedTaxRepresentative {
                name: text(representative, &["PartyName", "Name"]),
                vat_id: representative
                    .children_named("PartyTaxScheme")
                    .find(|scheme| is_vat_scheme(*scheme))
                    .or_else(|| representative.child("PartyTaxScheme"))
                    .and_then(|scheme| text(scheme, &["CompanyID"])),
                address: representative
                    .child("PostalAddress")
                    .map(address)
                    .unwrap_or_default(),
            });
    let delivery_part = DocumentPart::Delivery;
    let delivery = match root.child("Delivery") {
        Some(delivery) => Some(ReceivedDelivery {
            party_name: text(delivery, &["DeliveryParty", "PartyName", "Name"]),
            location: identifier(delivery, &["DeliveryLocation", "ID"]),
            date: date(
                delivery,
                &["ActualDeliveryDate"],
                at(
                    &delivery_part,
                    "BT-72",
                    "cac:Delivery/cbc:ActualDeliveryDate",
                ),
            )?,
            address: delivery.path(&["DeliveryLocation", "Address"]).map(address),
        }),
        None => None,
    };
    let creditor = payee_creditor.or(seller_creditor);
    let mut means = Vec::new();
    for (index, element) in root.children_named("PaymentMeans").enumerate() {
        means.push(payment_means(
            element,
            index.saturating_add(1),
            creditor.as_deref(),
        )?);
    }
    let mut allowances_charges = Vec::new();
    for (index, element) in root.children_named("AllowanceCharge").enumerate() {
        let part = DocumentPart::AllowanceCharge {
            position: index.saturating_add(1),
        };
        allowances_charges.push(allowance_charge(element, &part, true)?);
    }
    let (totals, vat_breakdown) = totals(root, currency, vat_accounting_currency)?;
    let line_name = if credit_note {
        "CreditNoteLine"
    } else {
        "InvoiceLine"
    };
    let mut lines = Vec::new();
    for (index, element) in root.children_named(line_name).enumerate() {
        lines.push(line(element, index.saturating_add(1), credit_note)?);
    }
    if lines.is_empty() {
        return Err(at(
            &part,
            "BG-25",
            if credit_note {
                "cac:CreditNoteLine"
            } else {
                "cac:InvoiceLine"
            },
        )
        .missing());
    }
    let invoice_period = match root.child("InvoicePeriod") {
        Some(found) => Some(period(found, &part, "BT-73", "BT-74")?),
        None => None,
    };
    Ok(ReceivedInvoice {
        kind,
        number,
        issue_date,
        type_code: text(root, &[type_name]),
        currency,
        vat_accounting_currency,
        tax_point_date: date(
            root,
            &["TaxPointDate"],
            at(&part, "BT-7", "cbc:TaxPointDate"),
        )?,
        tax_point_date_code: text(root, &["InvoicePeriod", "DescriptionCode"]),
        due_date,
        buyer_reference: text(root, &["BuyerReference"]),
        project_reference,
        contract_reference: text(root, &["ContractDocumentReference", "ID"]),
        purchase_order_reference: text(root, &["OrderReference", "ID"]),
        sales_order_reference: text(root, &["OrderReference", "SalesOrderID"]),
        receiving_advice_reference: text(root, &["ReceiptDocumentReference", "ID"]),
        despatch_advice_reference: text(root, &["DespatchDocumentReference", "ID"]),
        tender_or_lot_reference: text(root, &["OriginatorDocumentReference", "ID"]),
        invoiced_object,
        buyer_accounting_reference: text(root, &["AccountingCost"]),
        payment_terms: block(root, &["PaymentTerms", "Note"]),
        notes: root
            .children_named("Note")
            .filter_map(|found| note(found.text()))
            .collect(),
        business_process: text(root, &["ProfileID"]),
        specification: text(root, &["CustomizationID"]),
        preceding_invoices: root
            .children_named("BillingReference")
            .filter_map(|billing| billing.child("InvoiceDocumentReference"))
            .map(|reference| -> Result<Option<ReceivedPrecedingInvoice>> {
                let Some(number) = text(reference, &["ID"]) else {
                    return Ok(None);
                };
                Ok(Some(ReceivedPrecedingInvoice {
                    number,
                    issue_date: date(
                        reference,
                        &["IssueDate"],
                        at(&part, "BT-26", "cac:InvoiceDocumentReference/cbc:IssueDate"),
                    )?,
                }))
            })
            .filter_map(Result::transpose)
            .collect::<Result<Vec<_>>>()?,
        seller,
        buyer,
        payee,
        tax_representative,
        delivery,
        invoicing_period: invoice_period,
        payment_means: means,
        allowances_charges,
        totals,
        vat_breakdown,
        supporting_documents,
        lines,
        findings: Vec::new(),
    })
}
