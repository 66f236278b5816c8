//! The Peppol BIS Billing 3.0 rules a Peppol document is checked by besides EN 16931: a
//! refusal or a finding each.

use crate::received::error::{
    DocumentPart, ReadInvoiceError, ReceivedFinding, ReceivedFindingKind,
};
use crate::received::model::{AllowanceChargeKind, ReceivedAllowanceCharge, ReceivedInvoice};
use rust_decimal::Decimal;

use super::*;

/// A Peppol BIS calculation rule's verdict: within Peppol a refusal, outside a finding.
pub(super) enum PeppolCheck {
    Refuse(ReadInvoiceError),
    Finding(ReceivedFinding),
}

/// Peppol's calculation rules on lines and allowances: PEPPOL-EN16931-R120 (line net),
/// R040 (allowance percentage) and R046 (net price). Each mismatch is returned; the caller
/// refuses a Peppol document and notes a finding for any other.
pub(super) fn check_peppol(invoice: &ReceivedInvoice) -> Result<Vec<PeppolCheck>> {
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
