//! The reader's verdict on a [`ReceivedInvoice`]: the EN 16931 calculation rules (a
//! refusal when amounts contradict each other beyond the rules' own tolerance) and the
//! findings (everything else our policy or Latvian law would not accept when issuing).
//!
//! The calculation rules are those of the CEN validation artefacts (EN 16931-UBL 1.3.x),
//! with their XPath arithmetic: `round(x * 100) div 100` rounds half towards positive
//! infinity, and the VAT rules (BR-CO-17, BR-S-08/09…) tolerate a difference strictly below
//! one unit of the currency.

use rust_decimal::Decimal;

use crate::received::error::{
    DocumentPart, ReadInvoiceError, ReceivedFinding, ReceivedFindingKind,
};
use crate::received::model::{
    AllowanceChargeKind, ReceivedAllowanceCharge, ReceivedInvoice, ReceivedVatCategory,
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

#[cfg(feature = "serde")]
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

mod calculation;
mod findings;
mod peppol;

use calculation::{check_breakdown, check_totals};
use findings::{
    amount_findings, document_findings, line_findings, party_findings, payment_findings,
};
use peppol::{PeppolCheck, check_peppol};

#[cfg(test)]
mod tests {
    use super::findings::looks_like_iban;
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
