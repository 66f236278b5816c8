//! The findings: what our policy or Latvian law would not accept when issuing (missing terms,
//! unknown codes, identifiers, accounts, amounts and lines), reported without refusing.

use crate::received::error::{DocumentPart, ReceivedFinding, ReceivedFindingKind};
use crate::received::model::{
    AllowanceChargeKind, ReceivedInvoice, ReceivedParty, ReceivedVatCategory, StatedAmount,
};
use apkalpe_core::{
    CountryCode, CreditorReference, EmailAddress, Iban, RegistrationNumber, VatNumber,
};

use super::*;

pub(super) fn document_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
    let part = || DocumentPart::Document;
    match invoice.type_code.as_deref() {
        None => push(
            findings,
            ReceivedFindingKind::MissingTerm,
            part(),
            "BT-3",
            Some("BR-04"),
            "invoice type code is missing",
        ),
        Some(code) => {
            let known = match invoice.kind {
                crate::received::model::ReceivedInvoiceKind::Invoice => {
                    INVOICE_TYPE_CODES.contains(&code)
                }
                crate::received::model::ReceivedInvoiceKind::CreditNote => {
                    CREDIT_NOTE_TYPE_CODES.contains(&code)
                }
            };
            if !known {
                push(
                    findings,
                    ReceivedFindingKind::UnknownCode,
                    part(),
                    "BT-3",
                    Some("BR-CL-01"),
                    format!("type code {code:?} is not in UNTDID 1001 as EN 16931 lists it"),
                );
            }
        }
    }
    if invoice.specification.is_none() {
        push(
            findings,
            ReceivedFindingKind::MissingTerm,
            part(),
            "BT-24",
            Some("BR-01"),
            "specification identifier is missing",
        );
    }
    if !invoice.currency.is_iso_4217() {
        push(
            findings,
            ReceivedFindingKind::UnknownCurrency,
            part(),
            "BT-5",
            Some("BR-CL-04"),
            format!("currency {} is not in ISO 4217", invoice.currency),
        );
    }
    if let Some(code) = invoice.vat_accounting_currency
        && !code.is_iso_4217()
    {
        push(
            findings,
            ReceivedFindingKind::UnknownCurrency,
            part(),
            "BT-6",
            Some("BR-CL-05"),
            format!("currency {code} is not in ISO 4217"),
        );
    }
    if let Some(due) = invoice.due_date
        && due < invoice.issue_date
    {
        push(
            findings,
            ReceivedFindingKind::DateOrder,
            part(),
            "BT-9",
            None,
            format!(
                "due date {due} is before the issue date {}",
                invoice.issue_date
            ),
        );
    }
    if let Some(period) = &invoice.invoicing_period
        && let (Some(start), Some(end)) = (period.start, period.end)
        && end < start
    {
        push(
            findings,
            ReceivedFindingKind::DateOrder,
            part(),
            "BT-74",
            Some("BR-29"),
            format!("invoicing period ends {end}, before it starts {start}"),
        );
    }
    if let Some(representative) = &invoice.tax_representative
        && let Some(vat_id) = &representative.vat_id
    {
        vat_id_findings(vat_id, DocumentPart::TaxRepresentative, "BT-63", findings);
    }
    for row in &invoice.vat_breakdown {
        let part = DocumentPart::VatBreakdown {
            category: row.category.code().to_owned(),
            rate: row.rate,
        };
        if row.rate.is_none() && row.category != ReceivedVatCategory::OutsideScope {
            push(
                findings,
                ReceivedFindingKind::MissingTerm,
                part.clone(),
                "BT-119",
                Some("BR-48"),
                "VAT rate is missing",
            );
        }
        let needs_reason = matches!(
            row.category,
            ReceivedVatCategory::Exempt
                | ReceivedVatCategory::ReverseCharge
                | ReceivedVatCategory::IntraCommunitySupply
                | ReceivedVatCategory::Export
                | ReceivedVatCategory::OutsideScope
        );
        if needs_reason && row.exemption_reason.is_none() && row.exemption_reason_code.is_none() {
            push(
                findings,
                ReceivedFindingKind::ExemptionReasonMissing,
                part,
                "BT-120",
                Some(category_rule(row.category, 10)),
                format!(
                    "category {} states no exemption reason (BT-120) or code (BT-121)",
                    row.category
                ),
            );
        }
    }
    let charges_vat = invoice.vat_breakdown.iter().any(|row| {
        matches!(
            row.category,
            ReceivedVatCategory::Standard
                | ReceivedVatCategory::ZeroRated
                | ReceivedVatCategory::ReverseCharge
                | ReceivedVatCategory::IntraCommunitySupply
                | ReceivedVatCategory::SplitPayment
        )
    });
    if charges_vat && invoice.buyer.vat_id.is_none() {
        push(
            findings,
            ReceivedFindingKind::BuyerVatIdMissing,
            DocumentPart::Buyer,
            "BT-48",
            None,
            "VAT id is missing: a VAT invoice to a VAT payer states it",
        );
    }
}

/// The prefixes whose VAT identifiers core checks (the EU member states and Northern
/// Ireland).
fn is_eu_vat_prefix(prefix: &str) -> bool {
    prefix == "EL"
        || prefix == "XI"
        || (prefix != "GR"
            && CountryCode::try_new(prefix).is_ok_and(|country| country.is_eu_member()))
}

fn vat_id_findings(
    vat_id: &str,
    part: DocumentPart,
    term: &str,
    findings: &mut Vec<ReceivedFinding>,
) {
    let prefix: String = vat_id.chars().take(2).collect();
    let letters = prefix.len() == 2 && prefix.bytes().all(|byte| byte.is_ascii_uppercase());
    let known = letters
        && (CountryCode::try_new(&prefix).is_ok() || matches!(prefix.as_str(), "EL" | "XI" | "1A"));
    if !known && prefix != "1A" {
        push(
            findings,
            ReceivedFindingKind::VatId,
            part,
            term,
            Some("BR-CO-09"),
            format!("VAT id {vat_id:?} does not start with an ISO 3166-1 country code"),
        );
        return;
    }
    if is_eu_vat_prefix(&prefix)
        && let Err(error) = VatNumber::try_new(vat_id)
    {
        push(
            findings,
            ReceivedFindingKind::VatId,
            part,
            term,
            None,
            format!("VAT id {vat_id:?}: {error}"),
        );
    }
}

pub(super) fn party_findings(
    party: &ReceivedParty,
    seller: bool,
    findings: &mut Vec<ReceivedFinding>,
) {
    let part = || {
        if seller {
            DocumentPart::Seller
        } else {
            DocumentPart::Buyer
        }
    };
    let (
        name_term,
        name_rule,
        country_term,
        country_rule,
        vat_term,
        registration_term,
        address_term,
        email_term,
    ) = if seller {
        (
            "BT-27", "BR-06", "BT-40", "BR-09", "BT-31", "BT-30", "BT-34", "BT-43",
        )
    } else {
        (
            "BT-44", "BR-07", "BT-55", "BR-11", "BT-48", "BT-47", "BT-49", "BT-58",
        )
    };
    if party.name.is_none() {
        push(
            findings,
            ReceivedFindingKind::MissingTerm,
            part(),
            name_term,
            Some(name_rule),
            "name is missing",
        );
    }
    match party.address.country.as_deref() {
        None => push(
            findings,
            ReceivedFindingKind::MissingTerm,
            part(),
            country_term,
            Some(country_rule),
            "country code is missing",
        ),
        Some(country) => {
            if CountryCode::try_new(country).is_err() && !matches!(country, "XI" | "1A") {
                push(
                    findings,
                    ReceivedFindingKind::UnknownCode,
                    part(),
                    country_term,
                    Some("BR-CL-14"),
                    format!("country {country:?} is not an ISO 3166-1 code"),
                );
            }
        }
    }
    if let Some(vat_id) = &party.vat_id {
        vat_id_findings(vat_id, part(), vat_term, findings);
    }
    if let Some(registration) = &party.legal_registration
        && registration.scheme.as_deref() == Some("0218")
        && let Err(error) = RegistrationNumber::try_new(&registration.value)
    {
        push(
            findings,
            ReceivedFindingKind::RegistrationNumber,
            part(),
            registration_term,
            None,
            format!(
                "Latvian registration number {:?}: {error}",
                registration.value
            ),
        );
    }
    if let Some(address) = &party.electronic_address {
        match address.scheme.as_deref() {
            Some("0218") => {
                if let Err(error) = RegistrationNumber::try_new(&address.value) {
                    push(
                        findings,
                        ReceivedFindingKind::RegistrationNumber,
                        part(),
                        address_term,
                        None,
                        format!(
                            "electronic address {:?} (scheme 0218): {error}",
                            address.value
                        ),
                    );
                }
            }
            Some("9939") => {
                if let Err(error) = VatNumber::try_new(&address.value) {
                    push(
                        findings,
                        ReceivedFindingKind::VatId,
                        part(),
                        address_term,
                        None,
                        format!(
                            "electronic address {:?} (scheme 9939): {error}",
                            address.value
                        ),
                    );
                }
            }
            None => push(
                findings,
                ReceivedFindingKind::MissingTerm,
                part(),
                address_term,
                Some("BR-62"),
                "electronic address has no scheme",
            ),
            Some(_) => {}
        }
    }
    if let Some(email) = party
        .contact
        .as_ref()
        .and_then(|contact| contact.email.as_deref())
        && EmailAddress::try_new(email).is_err()
    {
        push(
            findings,
            ReceivedFindingKind::Email,
            part(),
            email_term,
            None,
            format!("{email:?} is not an e-mail address"),
        );
    }
}

/// Tells whether an account looks like it means to be an IBAN: two letters, two digits,
/// then letters and digits, 15 to 34 characters without spaces.
pub(super) fn looks_like_iban(account: &str) -> bool {
    let compact: Vec<u8> = account.bytes().filter(|byte| *byte != b' ').collect();
    (15..=34).contains(&compact.len())
        && compact.iter().take(2).all(u8::is_ascii_alphabetic)
        && compact.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && compact.iter().all(u8::is_ascii_alphanumeric)
}

pub(super) fn payment_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
    for (index, means) in invoice.payment_means.iter().enumerate() {
        let position = index.saturating_add(1);
        if !is_payment_means_code(&means.code) {
            push(
                findings,
                ReceivedFindingKind::UnknownCode,
                DocumentPart::Payment { position },
                "BT-81",
                Some("BR-CL-16"),
                format!("payment means code {:?} is not in UNCL 4461", means.code),
            );
        }
        let sepa = means.code == "58";
        if matches!(means.code.as_str(), "30" | "31" | "42" | "58") && means.accounts.is_empty() {
            push(
                findings,
                ReceivedFindingKind::MissingTerm,
                DocumentPart::PayeeAccount { position },
                "BT-84",
                Some("BR-61"),
                "a credit transfer names no account",
            );
        }
        for account in &means.accounts {
            if looks_like_iban(&account.id) {
                if let Err(error) = Iban::try_new(&account.id) {
                    push(
                        findings,
                        ReceivedFindingKind::Iban,
                        DocumentPart::PayeeAccount { position },
                        "BT-84",
                        None,
                        format!("{:?} is not a valid IBAN: {error}", account.id),
                    );
                }
            } else if sepa {
                push(
                    findings,
                    ReceivedFindingKind::AccountNotIban,
                    DocumentPart::PayeeAccount { position },
                    "BT-84",
                    None,
                    format!(
                        "{:?} is not an IBAN, which a SEPA credit transfer (58) needs",
                        account.id
                    ),
                );
            }
        }
        if let Some(reference) = &means.reference {
            let compact: String = reference
                .chars()
                .filter(|character| !character.is_whitespace())
                .collect();
            let rf = compact
                .get(..2)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("RF"))
                && compact
                    .get(2..4)
                    .is_some_and(|digits| digits.bytes().all(|byte| byte.is_ascii_digit()));
            if rf && let Err(error) = CreditorReference::try_new(reference) {
                push(
                    findings,
                    ReceivedFindingKind::CreditorReference,
                    DocumentPart::PaymentReference { position },
                    "BT-83",
                    None,
                    format!(
                        "{reference:?} starts like an RF creditor reference but is not one: {error}"
                    ),
                );
            }
        }
        if let Some(debit) = &means.direct_debit
            && let Some(account) = &debit.debited_account
        {
            if looks_like_iban(account) {
                if let Err(error) = Iban::try_new(account) {
                    push(
                        findings,
                        ReceivedFindingKind::Iban,
                        DocumentPart::DirectDebit { position },
                        "BT-91",
                        None,
                        format!("debited account {account:?} is not a valid IBAN: {error}"),
                    );
                }
            } else if means.code == "59" {
                push(
                    findings,
                    ReceivedFindingKind::AccountNotIban,
                    DocumentPart::DirectDebit { position },
                    "BT-91",
                    None,
                    format!(
                        "debited account {account:?} is not an IBAN, which a SEPA direct debit (59) needs"
                    ),
                );
            }
        }
    }
}

/// Every stated amount of the document with its part and term, for the currency and
/// decimals findings. `limited` marks the amounts EN 16931 allows two decimals at most.
fn each_amount(
    invoice: &ReceivedInvoice,
    mut visit: impl FnMut(DocumentPart, &'static str, StatedAmount, bool),
) {
    let totals = &invoice.totals;
    let mut total = |term, amount: Option<StatedAmount>| {
        if let Some(amount) = amount {
            visit(DocumentPart::Totals, term, amount, true);
        }
    };
    total("BT-106", Some(totals.line_net_total));
    total("BT-107", totals.allowance_total);
    total("BT-108", totals.charge_total);
    total("BT-109", Some(totals.tax_exclusive));
    total("BT-110", Some(totals.vat_total));
    total("BT-112", Some(totals.tax_inclusive));
    total("BT-113", totals.prepaid);
    total("BT-114", totals.rounding);
    total("BT-115", Some(totals.amount_due));
    for (index, adjustment) in invoice.allowances_charges.iter().enumerate() {
        let part = DocumentPart::AllowanceCharge {
            position: index.saturating_add(1),
        };
        let (term, base) = match adjustment.kind {
            AllowanceChargeKind::Allowance => ("BT-92", "BT-93"),
            AllowanceChargeKind::Charge => ("BT-99", "BT-100"),
        };
        visit(part.clone(), term, adjustment.amount, true);
        if let Some(amount) = adjustment.base_amount {
            visit(part, base, amount, true);
        }
    }
    for row in &invoice.vat_breakdown {
        let part = DocumentPart::VatBreakdown {
            category: row.category.code().to_owned(),
            rate: row.rate,
        };
        visit(part.clone(), "BT-116", row.taxable_amount, true);
        visit(part, "BT-117", row.vat_amount, true);
    }
    for (index, line) in invoice.lines.iter().enumerate() {
        let part = DocumentPart::Line {
            id: line.id.clone(),
            position: index.saturating_add(1),
        };
        visit(part.clone(), "BT-131", line.net_amount, true);
        for adjustment in &line.allowances_charges {
            let term = match adjustment.kind {
                AllowanceChargeKind::Allowance => "BT-136",
                AllowanceChargeKind::Charge => "BT-141",
            };
            visit(part.clone(), term, adjustment.amount, true);
        }
        for (term, amount) in [
            ("BT-146", line.price.net),
            ("BT-147", line.price.discount),
            ("BT-148", line.price.gross),
        ] {
            if let Some(amount) = amount {
                visit(part.clone(), term, amount, false);
            }
        }
    }
}

pub(super) fn amount_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
    let currency = invoice.currency;
    let mut other_currency: Option<(DocumentPart, &'static str, StatedAmount)> = None;
    let mut other_count = 0_usize;
    let mut too_precise: Option<(DocumentPart, &'static str, StatedAmount)> = None;
    let mut precise_count = 0_usize;
    each_amount(invoice, |part, term, amount, limited| {
        if amount.currency != currency {
            other_count = other_count.saturating_add(1);
            if other_currency.is_none() {
                other_currency = Some((part.clone(), term, amount));
            }
        }
        if limited && amount.amount.scale() > 2 {
            precise_count = precise_count.saturating_add(1);
            if too_precise.is_none() {
                too_precise = Some((part, term, amount));
            }
        }
    });
    if let Some((part, term, amount)) = other_currency {
        push(
            findings,
            ReceivedFindingKind::AmountCurrency,
            part,
            term,
            Some("PEPPOL-EN16931-R051"),
            format!(
                "{amount} is not in the document currency {currency} ({other_count} such amounts)"
            ),
        );
    }
    if let Some((part, term, amount)) = too_precise {
        push(
            findings,
            ReceivedFindingKind::Decimals,
            part,
            term,
            Some("BR-DEC"),
            format!(
                "{} has more than 2 decimals ({precise_count} such amounts)",
                amount.amount
            ),
        );
    }
    if let (Some(accounting), Some(total)) = (
        invoice.vat_accounting_currency,
        invoice.totals.vat_total_in_accounting_currency,
    ) && total.currency != accounting
    {
        push(
            findings,
            ReceivedFindingKind::AmountCurrency,
            DocumentPart::Totals,
            "BT-111",
            None,
            format!("{total} is not in the VAT accounting currency {accounting}"),
        );
    }
    if invoice
        .vat_accounting_currency
        .is_some_and(|accounting| accounting != currency)
        && invoice.totals.vat_total_in_accounting_currency.is_none()
    {
        push(
            findings,
            ReceivedFindingKind::MissingTerm,
            DocumentPart::Totals,
            "BT-111",
            Some("BR-53"),
            "VAT total in the VAT accounting currency is missing",
        );
    }
}

pub(super) fn line_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
    for (index, line) in invoice.lines.iter().enumerate() {
        let part = || DocumentPart::Line {
            id: line.id.clone(),
            position: index.saturating_add(1),
        };
        for (missing, term, rule, what) in [
            (
                line.item.name.is_none(),
                "BT-153",
                "BR-25",
                "item name is missing",
            ),
            (
                line.quantity.is_none(),
                "BT-129",
                "BR-22",
                "quantity is missing",
            ),
            (
                line.unit_code.is_none(),
                "BT-130",
                "BR-23",
                "unit of measure is missing",
            ),
            (
                line.price.net.is_none(),
                "BT-146",
                "BR-26",
                "net price is missing",
            ),
            (
                line.vat_category.is_none(),
                "BT-151",
                "BR-CO-04",
                "VAT category is missing",
            ),
        ] {
            if missing {
                push(
                    findings,
                    ReceivedFindingKind::MissingTerm,
                    part(),
                    term,
                    Some(rule),
                    what,
                );
            }
        }
        if let Some(period) = &line.period
            && let (Some(start), Some(end)) = (period.start, period.end)
            && end < start
        {
            push(
                findings,
                ReceivedFindingKind::DateOrder,
                part(),
                "BT-135",
                Some("BR-30"),
                format!("line period ends {end}, before it starts {start}"),
            );
        }
    }
}
