//! The reader's verdict on a [`ReceivedInvoice`]: the EN 16931 calculation rules (a
//! refusal when amounts contradict each other beyond the rules' own tolerance) and the
//! findings (everything else our policy or Latvian law would not accept when issuing).
//!
//! The calculation rules are those of the CEN validation artefacts (EN 16931-UBL 1.3.x),
//! with their XPath arithmetic: `round(x * 100) div 100` rounds half towards positive
//! infinity, and the VAT rules (BR-CO-17, BR-S-08/09…) tolerate a difference strictly below
//! one unit of the currency.

use apkalpe_core::{
    CountryCode, CreditorReference, EmailAddress, Iban, RegistrationNumber, VatNumber,
};
use rust_decimal::Decimal;

use super::error::{DocumentPart, ReadInvoiceError, ReceivedFinding, ReceivedFindingKind};
use super::model::{
    AllowanceChargeKind, ReceivedAllowanceCharge, ReceivedInvoice, ReceivedParty,
    ReceivedVatCategory, StatedAmount,
};

type Result<T> = std::result::Result<T, ReadInvoiceError>;

/// UNTDID 1001 codes EN 16931 accepts for an invoice (BR-CL-01).
const INVOICE_TYPE_CODES: [&str; 47] = [
    "71", "80", "82", "84", "102", "130", "202", "203", "204", "211", "218", "219", "295", "325",
    "326", "331", "380", "382", "383", "384", "385", "386", "387", "388", "389", "390", "393",
    "394", "395", "456", "457", "527", "553", "575", "623", "633", "751", "780", "817", "870",
    "875", "876", "877", "935", "471", "472", "473",
];

/// UNTDID 1001 codes EN 16931 accepts for a credit note (BR-CL-01).
const CREDIT_NOTE_TYPE_CODES: [&str; 14] = [
    "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "502", "503", "532", "500",
];

/// Tells whether a payment means code is in UNCL 4461 as EN 16931 lists it (BR-CL-16).
fn is_payment_means_code(code: &str) -> bool {
    code == "ZZZ"
        || code.parse::<u8>().is_ok_and(|number| {
            (1..=70).contains(&number) || (74..=78).contains(&number) || (91..=98).contains(&number)
        }) && !code.starts_with('0')
}

/// The rule `BR-x-nn` of a category, as a static string.
fn category_rule(category: ReceivedVatCategory, number: u8) -> &'static str {
    match (category, number) {
        (ReceivedVatCategory::Standard, 1) => "BR-S-01",
        (ReceivedVatCategory::Standard, 8) => "BR-S-08",
        (ReceivedVatCategory::Standard, 9) => "BR-S-09",
        (ReceivedVatCategory::ZeroRated, 1) => "BR-Z-01",
        (ReceivedVatCategory::ZeroRated, 8) => "BR-Z-08",
        (ReceivedVatCategory::ZeroRated, 9) => "BR-Z-09",
        (ReceivedVatCategory::Exempt, 1) => "BR-E-01",
        (ReceivedVatCategory::Exempt, 8) => "BR-E-08",
        (ReceivedVatCategory::Exempt, 9) => "BR-E-09",
        (ReceivedVatCategory::Exempt, _) => "BR-E-10",
        (ReceivedVatCategory::ReverseCharge, 1) => "BR-AE-01",
        (ReceivedVatCategory::ReverseCharge, 8) => "BR-AE-08",
        (ReceivedVatCategory::ReverseCharge, 9) => "BR-AE-09",
        (ReceivedVatCategory::ReverseCharge, _) => "BR-AE-10",
        (ReceivedVatCategory::IntraCommunitySupply, 1) => "BR-IC-01",
        (ReceivedVatCategory::IntraCommunitySupply, 8) => "BR-IC-08",
        (ReceivedVatCategory::IntraCommunitySupply, 9) => "BR-IC-09",
        (ReceivedVatCategory::IntraCommunitySupply, _) => "BR-IC-10",
        (ReceivedVatCategory::Export, 1) => "BR-G-01",
        (ReceivedVatCategory::Export, 8) => "BR-G-08",
        (ReceivedVatCategory::Export, 9) => "BR-G-09",
        (ReceivedVatCategory::Export, _) => "BR-G-10",
        (ReceivedVatCategory::OutsideScope, 1) => "BR-O-01",
        (ReceivedVatCategory::OutsideScope, 8) => "BR-O-08",
        (ReceivedVatCategory::OutsideScope, 9) => "BR-O-09",
        (ReceivedVatCategory::OutsideScope, _) => "BR-O-10",
        (ReceivedVatCategory::CanaryIslands, 1) => "BR-AF-01",
        (ReceivedVatCategory::CanaryIslands, 8) => "BR-AF-08",
        (ReceivedVatCategory::CanaryIslands, _) => "BR-AF-09",
        (ReceivedVatCategory::CeutaMelilla, 1) => "BR-AG-01",
        (ReceivedVatCategory::CeutaMelilla, 8) => "BR-AG-08",
        (ReceivedVatCategory::CeutaMelilla, _) => "BR-AG-09",
        (ReceivedVatCategory::Standard, _) | (ReceivedVatCategory::ZeroRated, _) => "BR-CO-17",
        (ReceivedVatCategory::SplitPayment, _) => "BR-B-01",
    }
}

/// Tells whether the category's breakdown is checked per rate with a tolerance (S, L, M)
/// rather than per category and exactly (Z, E, AE, K, G, O). B has no such rule.
const fn per_rate(category: ReceivedVatCategory) -> bool {
    matches!(
        category,
        ReceivedVatCategory::Standard
            | ReceivedVatCategory::CanaryIslands
            | ReceivedVatCategory::CeutaMelilla
    )
}

/// The arithmetic of the rules, with overflow reported as a refusal.
struct Calculator {
    part: DocumentPart,
    term: &'static str,
}

impl Calculator {
    fn overflow(&self) -> ReadInvoiceError {
        ReadInvoiceError::Overflow {
            part: Box::new(self.part.clone()),
            term: self.term,
        }
    }

    fn add(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_add(b).ok_or_else(|| self.overflow())
    }

    fn sub(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_sub(b).ok_or_else(|| self.overflow())
    }

    fn mul(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_mul(b).ok_or_else(|| self.overflow())
    }

    fn div(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_div(b).ok_or_else(|| self.overflow())
    }

    fn sum(&self, values: impl IntoIterator<Item = Decimal>) -> Result<Decimal> {
        values
            .into_iter()
            .try_fold(Decimal::ZERO, |total, value| self.add(total, value))
    }

    /// XPath's `round(x * 10 * 10) div 100`: two decimals, halves towards positive infinity.
    fn round2(&self, value: Decimal) -> Result<Decimal> {
        let hundred = Decimal::ONE_HUNDRED;
        let shifted = self.add(self.mul(value, hundred)?, Decimal::new(5, 1))?;
        self.div(shifted.floor(), hundred)
    }

    /// Rounds for a message: two decimals at least, as amounts are written ("2546.00").
    fn shown(&self, value: Decimal) -> Result<Decimal> {
        let mut rounded = self.round2(value)?;
        if rounded.scale() < 2 {
            rounded.rescale(2);
        }
        Ok(rounded)
    }

    /// XPath's `round(x)`: a whole number, halves towards positive infinity.
    fn round0(&self, value: Decimal) -> Result<Decimal> {
        Ok(self.add(value, Decimal::new(5, 1))?.floor())
    }

    /// Tells whether `|stated| − 1 < computed < |stated| + 1`.
    fn within_one(&self, stated: Decimal, computed: Decimal) -> Result<bool> {
        let stated = stated.abs();
        Ok(self.sub(stated, Decimal::ONE)? < computed
            && computed < self.add(stated, Decimal::ONE)?)
    }

    fn contradiction(
        &self,
        rule: &'static str,
        stated: Option<Decimal>,
        expected: Decimal,
    ) -> ReadInvoiceError {
        ReadInvoiceError::Contradiction {
            rule,
            part: Box::new(self.part.clone()),
            term: self.term,
            stated,
            expected: at_least_cents(expected),
        }
    }

    /// Requires `stated == expected`.
    fn equal(&self, rule: &'static str, stated: Decimal, expected: Decimal) -> Result<()> {
        if stated == expected {
            Ok(())
        } else {
            Err(self.contradiction(rule, Some(stated), expected))
        }
    }
}

/// Writes a computed amount with two decimals at least, as amounts are written.
fn at_least_cents(mut value: Decimal) -> Decimal {
    if value.scale() < 2 {
        value.rescale(2);
    }
    value
}

const fn calc(part: DocumentPart, term: &'static str) -> Calculator {
    Calculator { part, term }
}

/// Sums the document level allowances or charges whose category (and, where given, rate)
/// match.
fn sum_adjustments<'a>(
    calculator: &Calculator,
    adjustments: impl Iterator<Item = &'a ReceivedAllowanceCharge>,
    kind: AllowanceChargeKind,
) -> Result<Decimal> {
    calculator.sum(
        adjustments
            .filter(|adjustment| adjustment.kind == kind)
            .map(|adjustment| adjustment.amount.amount),
    )
}

/// The EN 16931 calculation rules on the totals (BR-CO-10 to BR-CO-16).
fn check_totals(invoice: &ReceivedInvoice) -> Result<()> {
    let totals = &invoice.totals;
    let adjustments = &invoice.allowances_charges;

    let line_sum = calc(DocumentPart::Totals, "BT-106");
    let lines = line_sum.sum(invoice.lines.iter().map(|line| line.net_amount.amount))?;
    line_sum.equal(
        "BR-CO-10",
        totals.line_net_total.amount,
        line_sum.round2(lines)?,
    )?;

    for (kind, term, rule, stated) in [
        (
            AllowanceChargeKind::Allowance,
            "BT-107",
            "BR-CO-11",
            totals.allowance_total,
        ),
        (
            AllowanceChargeKind::Charge,
            "BT-108",
            "BR-CO-12",
            totals.charge_total,
        ),
    ] {
        let calculator = calc(DocumentPart::Totals, term);
        let any = adjustments.iter().any(|adjustment| adjustment.kind == kind);
        let sum = calculator.round2(sum_adjustments(&calculator, adjustments.iter(), kind)?)?;
        match stated {
            Some(stated) => calculator.equal(rule, stated.amount, sum)?,
            None if any => return Err(calculator.contradiction(rule, None, sum)),
            None => {}
        }
    }

    let exclusive = calc(DocumentPart::Totals, "BT-109");
    let allowances = totals
        .allowance_total
        .map_or(Decimal::ZERO, |total| total.amount);
    let charges = totals
        .charge_total
        .map_or(Decimal::ZERO, |total| total.amount);
    let expected = exclusive.round2(exclusive.sub(
        exclusive.add(totals.line_net_total.amount, charges)?,
        allowances,
    )?)?;
    exclusive.equal("BR-CO-13", totals.tax_exclusive.amount, expected)?;

    if !invoice.vat_breakdown.is_empty() {
        let vat = calc(DocumentPart::Totals, "BT-110");
        let sum = vat.sum(
            invoice
                .vat_breakdown
                .iter()
                .map(|row| row.vat_amount.amount),
        )?;
        vat.equal("BR-CO-14", totals.vat_total.amount, vat.round2(sum)?)?;
    }

    let inclusive = calc(DocumentPart::Totals, "BT-112");
    let expected =
        inclusive.round2(inclusive.add(totals.tax_exclusive.amount, totals.vat_total.amount)?)?;
    inclusive.equal("BR-CO-15", totals.tax_inclusive.amount, expected)?;

    let due = calc(DocumentPart::Totals, "BT-115");
    let prepaid = totals
        .prepaid
        .map_or(Decimal::ZERO, |prepaid| prepaid.amount);
    let payable = due.sub(totals.tax_inclusive.amount, prepaid)?;
    match totals.rounding {
        Some(rounding) => {
            let stated = due.round2(due.sub(totals.amount_due.amount, rounding.amount)?)?;
            if stated != due.round2(payable)? {
                return Err(due.contradiction(
                    "BR-CO-16",
                    Some(totals.amount_due.amount),
                    due.add(payable, rounding.amount)?,
                ));
            }
        }
        None if totals.prepaid.is_some() => {
            due.equal("BR-CO-16", totals.amount_due.amount, due.round2(payable)?)?;
        }
        None => due.equal(
            "BR-CO-16",
            totals.amount_due.amount,
            totals.tax_inclusive.amount,
        )?,
    }
    Ok(())
}

/// The VAT breakdown rules: BR-CO-17 and BR-CO-18, and per category the presence of a row
/// (BR-x-01), its taxable amount (BR-x-08) and its VAT (BR-x-09).
fn check_breakdown(invoice: &ReceivedInvoice) -> Result<()> {
    if invoice.vat_breakdown.is_empty() {
        return Err(ReadInvoiceError::Breakdown {
            rule: "BR-CO-18",
            category: "any".to_owned(),
            found: 0,
            expected: "at least one",
        });
    }
    for row in &invoice.vat_breakdown {
        let part = DocumentPart::VatBreakdown {
            category: row.category.code().to_owned(),
            rate: row.rate,
        };
        let vat = calc(part.clone(), "BT-117");
        let tax = row.vat_amount.amount;
        match row.rate {
            Some(rate) if vat.round0(rate)? != Decimal::ZERO => {
                let computed = vat.round2(vat.div(
                    vat.mul(row.taxable_amount.amount.abs(), rate)?,
                    Decimal::ONE_HUNDRED,
                )?)?;
                if !vat.within_one(tax, computed)? {
                    return Err(vat.contradiction("BR-CO-17", Some(tax), computed));
                }
            }
            _ => {
                if vat.round0(tax)? != Decimal::ZERO {
                    return Err(vat.contradiction("BR-CO-17", Some(tax), Decimal::ZERO));
                }
            }
        }
    }
    for category in ReceivedVatCategory::ALL {
        if category == ReceivedVatCategory::SplitPayment {
            continue;
        }
        check_category(invoice, category)?;
    }
    Ok(())
}

/// Tells whether `rate` equals an optional rate (the XPath comparison of decimals).
fn same_rate(rate: Option<Decimal>, wanted: Decimal) -> bool {
    rate == Some(wanted)
}

fn check_category(invoice: &ReceivedInvoice, category: ReceivedVatCategory) -> Result<()> {
    let rows: Vec<_> = invoice
        .vat_breakdown
        .iter()
        .filter(|row| row.category == category)
        .collect();
    let lines = || {
        invoice
            .lines
            .iter()
            .filter(move |line| line.vat_category == Some(category))
    };
    let adjustments = || {
        invoice
            .allowances_charges
            .iter()
            .filter(move |adjustment| adjustment.vat_category == Some(category))
    };
    let used = lines().next().is_some() || adjustments().next().is_some();
    if used && rows.is_empty() {
        return Err(ReadInvoiceError::Breakdown {
            rule: category_rule(category, 1),
            category: category.code().to_owned(),
            found: 0,
            expected: "at least one",
        });
    }
    if used && rows.len() > 1 && !per_rate(category) {
        return Err(ReadInvoiceError::Breakdown {
            rule: category_rule(category, 1),
            category: category.code().to_owned(),
            found: rows.len(),
            expected: "exactly one",
        });
    }
    for row in rows {
        let part = DocumentPart::VatBreakdown {
            category: category.code().to_owned(),
            rate: row.rate,
        };
        let taxable = calc(part.clone(), "BT-116");
        let vat = calc(part, "BT-117");
        if per_rate(category) {
            let Some(rate) = row.rate else {
                continue;
            };
            let line_sum = taxable.sum(
                lines()
                    .filter(|line| same_rate(line.vat_rate, rate))
                    .map(|line| line.net_amount.amount),
            )?;
            let matching =
                || adjustments().filter(move |adjustment| same_rate(adjustment.vat_rate, rate));
            let charges = sum_adjustments(&taxable, matching(), AllowanceChargeKind::Charge)?;
            let allowances = sum_adjustments(&taxable, matching(), AllowanceChargeKind::Allowance)?;
            let expected = taxable.sub(taxable.add(line_sum, charges)?, allowances)?;
            let exists =
                lines().any(|line| same_rate(line.vat_rate, rate)) || matching().next().is_some();
            let stated = row.taxable_amount.amount;
            let close = taxable.sub(stated, Decimal::ONE)? < expected
                && expected < taxable.add(stated, Decimal::ONE)?;
            if !close || (category == ReceivedVatCategory::Standard && !exists) {
                return Err(taxable.contradiction(
                    category_rule(category, 8),
                    Some(stated),
                    expected,
                ));
            }
            let computed =
                vat.round2(vat.div(vat.mul(stated.abs(), rate)?, Decimal::ONE_HUNDRED)?)?;
            if !vat.within_one(row.vat_amount.amount, computed)? {
                return Err(vat.contradiction(
                    category_rule(category, 9),
                    Some(row.vat_amount.amount),
                    computed,
                ));
            }
        } else {
            let line_sum = taxable.sum(lines().map(|line| line.net_amount.amount))?;
            let charges = sum_adjustments(&taxable, adjustments(), AllowanceChargeKind::Charge)?;
            let allowances =
                sum_adjustments(&taxable, adjustments(), AllowanceChargeKind::Allowance)?;
            let expected = taxable.sub(taxable.add(line_sum, charges)?, allowances)?;
            taxable.equal(
                category_rule(category, 8),
                row.taxable_amount.amount,
                expected,
            )?;
            vat.equal(
                category_rule(category, 9),
                row.vat_amount.amount,
                Decimal::ZERO,
            )?;
        }
    }
    Ok(())
}

/// A Peppol BIS calculation rule's verdict: within Peppol a refusal, outside a finding.
enum PeppolCheck {
    Refuse(ReadInvoiceError),
    Finding(ReceivedFinding),
}

/// Peppol's calculation rules on lines and allowances: PEPPOL-EN16931-R120 (line net),
/// R040 (allowance percentage) and R046 (net price). Each mismatch is returned; the caller
/// refuses a Peppol document and notes a finding for any other.
fn check_peppol(invoice: &ReceivedInvoice) -> Result<Vec<PeppolCheck>> {
    let peppol = invoice.is_peppol();
    let slack = Decimal::new(2, 2);
    let mut out = Vec::new();
    let mut record = |rule: &'static str,
                      kind,
                      part: DocumentPart,
                      term: &'static str,
                      stated: Decimal,
                      expected: Decimal,
                      message: String| {
        if peppol {
            out.push(PeppolCheck::Refuse(ReadInvoiceError::Contradiction {
                rule,
                part: Box::new(part),
                term,
                stated: Some(stated),
                expected: at_least_cents(expected),
            }));
        } else {
            out.push(PeppolCheck::Finding(ReceivedFinding::new(
                kind,
                part,
                term,
                Some(rule),
                message,
            )));
        }
    };
    let check_percentage = |adjustment: &ReceivedAllowanceCharge,
                            part: &DocumentPart|
     -> Result<Option<(Decimal, Decimal)>> {
        let (Some(base), Some(percentage)) = (adjustment.base_amount, adjustment.percentage) else {
            return Ok(None);
        };
        let calculator = calc(part.clone(), "BT-92");
        let expected = calculator.div(
            calculator.mul(base.amount, percentage)?,
            Decimal::ONE_HUNDRED,
        )?;
        let stated = adjustment.amount.amount;
        let close = calculator.add(stated, slack)? >= expected
            && calculator.sub(stated, slack)? <= expected;
        Ok((!close).then_some((stated, expected)))
    };
    for (index, adjustment) in invoice.allowances_charges.iter().enumerate() {
        let part = DocumentPart::AllowanceCharge {
            position: index.saturating_add(1),
        };
        if let Some((stated, expected)) = check_percentage(adjustment, &part)? {
            let term = match adjustment.kind {
                AllowanceChargeKind::Allowance => "BT-92",
                AllowanceChargeKind::Charge => "BT-99",
            };
            let shown = calc(part.clone(), term).shown(expected)?;
            record(
                "PEPPOL-EN16931-R040",
                ReceivedFindingKind::AllowancePercentage,
                part,
                term,
                stated,
                expected,
                format!("{stated} ≠ base amount × percentage {shown}"),
            );
        }
    }
    for (index, line) in invoice.lines.iter().enumerate() {
        let part = DocumentPart::Line {
            id: line.id.clone(),
            position: index.saturating_add(1),
        };
        let calculator = calc(part.clone(), "BT-131");
        for adjustment in &line.allowances_charges {
            if let Some((stated, expected)) = check_percentage(adjustment, &part)? {
                let term = match adjustment.kind {
                    AllowanceChargeKind::Allowance => "BT-136",
                    AllowanceChargeKind::Charge => "BT-141",
                };
                let shown = calculator.shown(expected)?;
                record(
                    "PEPPOL-EN16931-R040",
                    ReceivedFindingKind::AllowancePercentage,
                    part.clone(),
                    term,
                    stated,
                    expected,
                    format!("{stated} ≠ base amount × percentage {shown}"),
                );
            }
        }
        let quantity = line.quantity.unwrap_or(Decimal::ONE);
        let price = line.price.net.map_or(Decimal::ZERO, |price| price.amount);
        let base = line
            .price
            .base_quantity
            .filter(|base| !base.is_zero())
            .unwrap_or(Decimal::ONE);
        let adjustments = |kind| {
            line.allowances_charges
                .iter()
                .filter(move |adjustment| adjustment.kind == kind)
                .map(|adjustment| adjustment.amount.amount)
        };
        let charges =
            calculator.round2(calculator.sum(adjustments(AllowanceChargeKind::Charge))?)?;
        let allowances =
            calculator.round2(calculator.sum(adjustments(AllowanceChargeKind::Allowance))?)?;
        let expected = calculator.sub(
            calculator.add(
                calculator.mul(quantity, calculator.div(price, base)?)?,
                charges,
            )?,
            allowances,
        )?;
        let stated = line.net_amount.amount;
        let close = calculator.add(stated, slack)? >= expected
            && calculator.sub(stated, slack)? <= expected;
        if !close {
            let shown = calculator.shown(expected)?;
            let what = if line.allowances_charges.is_empty() {
                "quantity × net price"
            } else {
                "quantity × net price + charges − allowances"
            };
            record(
                "PEPPOL-EN16931-R120",
                ReceivedFindingKind::LineNet,
                part.clone(),
                "BT-131",
                stated,
                expected,
                format!("{stated} ≠ {what} {shown}"),
            );
        }
        if let (Some(gross), Some(discount), Some(net)) =
            (line.price.gross, line.price.discount, line.price.net)
        {
            let expected = calculator.sub(gross.amount, discount.amount)?;
            if net.amount != expected {
                record(
                    "PEPPOL-EN16931-R046",
                    ReceivedFindingKind::NetPrice,
                    part,
                    "BT-146",
                    net.amount,
                    expected,
                    format!("{} ≠ gross price − discount {expected}", net.amount),
                );
            }
        }
    }
    Ok(out)
}

/// Checks a received invoice: refuses it when its amounts contradict each other under the
/// calculation rules, else returns its findings.
pub(crate) fn check(invoice: &ReceivedInvoice) -> Result<Vec<ReceivedFinding>> {
    check_totals(invoice)?;
    check_breakdown(invoice)?;
    let mut findings = Vec::new();
    for verdict in check_peppol(invoice)? {
        match verdict {
            PeppolCheck::Refuse(error) => return Err(error),
            PeppolCheck::Finding(finding) => findings.push(finding),
        }
    }
    document_findings(invoice, &mut findings);
    party_findings(&invoice.seller, true, &mut findings);
    party_findings(&invoice.buyer, false, &mut findings);
    payment_findings(invoice, &mut findings);
    amount_findings(invoice, &mut findings);
    line_findings(invoice, &mut findings);
    Ok(findings)
}

/// Returns the path of the saved field a refusal is about, for a restore error.
pub(crate) fn field_of(error: &ReadInvoiceError) -> String {
    if let ReadInvoiceError::Contradiction { part, .. } = error {
        match part.as_ref() {
            DocumentPart::Line { position, .. } => {
                return format!("lines[{}].net_amount", position.saturating_sub(1));
            }
            DocumentPart::AllowanceCharge { position } => {
                return format!("allowances_charges[{}].amount", position.saturating_sub(1));
            }
            _ => {}
        }
    }
    let term = match error {
        ReadInvoiceError::Contradiction { term, .. } | ReadInvoiceError::Overflow { term, .. } => {
            *term
        }
        ReadInvoiceError::Breakdown { .. } => return "vat_breakdown".to_owned(),
        _ => return String::new(),
    };
    match term {
        "BT-106" => "totals.line_net_total",
        "BT-107" => "totals.allowance_total",
        "BT-108" => "totals.charge_total",
        "BT-109" => "totals.tax_exclusive",
        "BT-110" => "totals.vat_total",
        "BT-112" => "totals.tax_inclusive",
        "BT-115" => "totals.amount_due",
        "BT-116" => "vat_breakdown.taxable_amount",
        "BT-117" => "vat_breakdown.vat_amount",
        _ => "",
    }
    .to_owned()
}

fn push(
    findings: &mut Vec<ReceivedFinding>,
    kind: ReceivedFindingKind,
    part: DocumentPart,
    term: &str,
    rule: Option<&str>,
    message: impl Into<String>,
) {
    findings.push(ReceivedFinding::new(kind, part, term, rule, message));
}

fn document_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
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
                super::model::ReceivedInvoiceKind::Invoice => INVOICE_TYPE_CODES.contains(&code),
                super::model::ReceivedInvoiceKind::CreditNote => {
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

fn party_findings(party: &ReceivedParty, seller: bool, findings: &mut Vec<ReceivedFinding>) {
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
fn looks_like_iban(account: &str) -> bool {
    let compact: Vec<u8> = account.bytes().filter(|byte| *byte != b' ').collect();
    (15..=34).contains(&compact.len())
        && compact.iter().take(2).all(u8::is_ascii_alphabetic)
        && compact.iter().skip(2).take(2).all(u8::is_ascii_digit)
        && compact.iter().all(u8::is_ascii_alphanumeric)
}

fn payment_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
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

fn amount_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
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

fn line_findings(invoice: &ReceivedInvoice, findings: &mut Vec<ReceivedFinding>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn xpath_rounding_goes_half_up() {
        let calculator = calc(DocumentPart::Totals, "BT-106");
        assert_eq!(calculator.round2(dec!(2.345)).unwrap(), dec!(2.35));
        assert_eq!(calculator.round2(dec!(-2.345)).unwrap(), dec!(-2.34));
        assert_eq!(calculator.round2(dec!(2.344)).unwrap(), dec!(2.34));
        assert_eq!(calculator.round0(dec!(0.5)).unwrap(), dec!(1));
        assert_eq!(calculator.round0(dec!(-0.5)).unwrap(), dec!(0));
        assert!(calculator.round2(Decimal::MAX).is_err());
    }

    #[test]
    fn vat_tolerance_is_strictly_below_one_unit() {
        let calculator = calc(DocumentPart::Totals, "BT-117");
        assert!(calculator.within_one(dec!(10.00), dec!(10.99)).unwrap());
        assert!(!calculator.within_one(dec!(10.00), dec!(11.00)).unwrap());
        assert!(calculator.within_one(dec!(-10.00), dec!(9.01)).unwrap());
    }

    #[test]
    fn payment_means_codes_follow_uncl_4461() {
        for code in [
            "1", "10", "30", "31", "48", "49", "58", "59", "70", "74", "97", "ZZZ",
        ] {
            assert!(is_payment_means_code(code), "{code}");
        }
        for code in ["0", "71", "99", "030", "", "X"] {
            assert!(!is_payment_means_code(code), "{code}");
        }
    }

    #[test]
    fn iban_shapes() {
        assert!(looks_like_iban("LV44HABA0551000000001"));
        assert!(looks_like_iban("NO93 8601 1117 947"));
        assert!(!looks_like_iban("123456789"));
        assert!(!looks_like_iban("DK1234"));
    }
}
