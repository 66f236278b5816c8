//! The EN 16931 calculation rules: totals (BR-CO-10…16), the VAT breakdown (BR-CO-17,
//! BR-CO-18) and the rules of each VAT category (BR-S, BR-Z, BR-E, BR-AE, BR-K, BR-G, BR-O…).
//! A contradiction beyond the rules' tolerance refuses the document.

use crate::received::error::{DocumentPart, ReadInvoiceError};
use crate::received::model::{AllowanceChargeKind, ReceivedInvoice, ReceivedVatCategory};
use rust_decimal::Decimal;

use super::*;

/// The EN 16931 calculation rules on the totals (BR-CO-10 to BR-CO-16).
pub(super) fn check_totals(invoice: &ReceivedInvoice) -> Result<()> {
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
pub(super) fn check_breakdown(invoice: &ReceivedInvoice) -> Result<()> {
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
