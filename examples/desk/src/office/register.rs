//! The cash register (apkalpe-payments): shifts with their float, sales in cash, by card or
//! both, refunds, and the Z report that closes a shift (T4.2, T4.4, S33). The cash part of a
//! sale or refund is checked against the cash limit first (`cash.rs`).

use apkalpe_catalogue::{Quantity as CatalogueQuantity, Sku};
use apkalpe_core::{Currency, Language, Money};
use apkalpe_payments::{
    CashCount, CashOperation, Denomination, MaskedPan, ReceiptKind, ReceiptLine, Tender,
};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{CardCapture, History, ItemLine, Office, OfficeError, Outcome, Rules, cases, input};

/// A sale as [`super::Operation::Sell`] carries it.
pub(super) struct SaleInput<'a> {
    pub(super) lines: &'a [ItemLine],
    pub(super) card: Option<&'a CardCapture>,
    pub(super) cash: Option<Money>,
    pub(super) client: Option<Uuid>,
}

impl Office {
    /// [`super::Operation::OpenShift`]: the register opens a shift with the float counted
    /// into the drawer.
    pub(super) fn open_shift(
        &mut self,
        cashier: &str,
        float: CashCount,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        if self.shift.is_some() {
            return Err(OfficeError::ShiftOpen);
        }
        // The register is a few counters: a copy costs nothing.
        let register = self.register.clone().ok_or(OfficeError::ShiftOpen)?;
        let shift = register.open_shift(cashier, float, at)?;
        self.register = None;
        self.shift = Some(shift);
        self.drawer = float;
        // The last shift's receipts are in the history now.
        self.receipts.clear();
        Ok(Outcome::ShiftOpened {
            float: float.total(),
        })
    }

    /// A receipt line priced from the catalogue: the gross price of one unit on `today`.
    fn receipt_line(&self, line: &ItemLine, today: NaiveDate) -> Result<ReceiptLine, OfficeError> {
        let sku: Sku = line.sku.parse().map_err(input("sku"))?;
        let quote = self.catalogue.catalogue().quote(
            &sku,
            CatalogueQuantity::from_whole(1),
            None,
            today,
        )?;
        let name = quote.name().get(Language::Latvian).to_owned();
        Ok(ReceiptLine::try_new(
            &name,
            Decimal::from(line.quantity),
            quote.gross(),
            quote.vat_rate(),
        )?)
    }

    /// The total of a sale of `lines` on `today`, priced as [`super::Operation::Sell`]
    /// prices them: what a card must be charged before the sale is applied.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] for a malformed or unknown SKU or a price the catalogue cannot give.
    pub(crate) fn sale_total(
        &self,
        lines: &[ItemLine],
        today: NaiveDate,
    ) -> Result<Money, OfficeError> {
        let amounts = lines
            .iter()
            .map(|line| self.receipt_line(line, today).map(|line| line.amount()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Money::try_sum(Currency::EUR, amounts)?)
    }

    /// [`super::Operation::Sell`]: priced from the catalogue, paid by card, in cash or both;
    /// the drawer must be able to give the change, and the cash part (not the card part)
    /// must keep the deal within the cash limit (under [`Rules::CashLimit`]).
    pub(super) fn sell(
        &mut self,
        sale: &SaleInput<'_>,
        (at, today, rules): (DateTime<Utc>, NaiveDate, Rules),
    ) -> Result<Outcome, OfficeError> {
        let shift = self.shift.as_ref().ok_or(OfficeError::NoShift)?;
        let counterparty = sale
            .client
            .map(|client| self.cash_counterparty(client))
            .transpose()?;
        let lines = sale
            .lines
            .iter()
            .map(|line| self.receipt_line(line, today))
            .collect::<Result<Vec<_>, _>>()?;
        let mut tenders = Vec::new();
        if let Some(card) = sale.card {
            tenders.push(Tender::Card {
                amount: card.amount,
                reference: card.masked.to_string(),
            });
        }
        let mut handed = CashCount::new();
        if let Some(tendered) = sale.cash {
            handed = pieces(tendered)?;
            tenders.push(Tender::Cash { tendered });
        }
        // The shift is asked first what the receipt would be: it is recorded only when the
        // drawer can also give the change (no copy of the shift, whose receipts grow all day).
        let preview = shift.preview_sale(lines.clone(), &tenders, at)?;
        let cash = CashOperation::from_receipt(&preview)?.map(|operation| match counterparty {
            Some(party) => operation.with_counterparty(party),
            None => operation,
        });
        let checked = self.check_cash(cash, "sale", rules)?;
        let mut drawer = self.drawer;
        drawer.add_all(&handed)?;
        let change = drawer
            .make_change(preview.change())
            .map_err(|_| OfficeError::NoChange {
                change: preview.change(),
            })?;
        drawer.remove_all(&change)?;
        let receipt = self
            .shift
            .as_mut()
            .ok_or(OfficeError::NoShift)?
            .sell(lines, &tenders, at)?;
        self.drawer = drawer;
        self.receipts.insert(receipt.number(), receipt.clone());
        let cash = self.record_cash(checked)?;
        Ok(Outcome::Receipt(receipt, cash))
    }

    /// [`super::Operation::Refund`]: one line of a sale receipt (of this shift or an earlier
    /// one) returned, refunded by card or in cash from the drawer. Cash paid back is checked
    /// against the cash limit (under [`Rules::CashLimit`]), as the sale's client's when the
    /// cash-limit ledger still holds the sale (see [`Office::counterparty_of_receipt`]).
    pub(super) fn refund(
        &mut self,
        number: u64,
        line: usize,
        card: Option<&MaskedPan>,
        (at, rules): (DateTime<Utc>, Rules),
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        if self.shift.is_none() {
            return Err(OfficeError::NoShift);
        }
        let earlier;
        let original = match self.receipts.get(&number) {
            Some(receipt) => Some(receipt),
            None => {
                earlier = history.receipt(number)?;
                earlier.as_ref()
            }
        };
        let original = original
            .filter(|r| r.kind() == ReceiptKind::Sale)
            .ok_or_else(|| OfficeError::Unknown {
                what: "receipt",
                number: number.to_string(),
            })?;
        let returned = line
            .checked_sub(1)
            .and_then(|index| original.lines().get(index))
            .cloned()
            .ok_or_else(|| OfficeError::Unknown {
                what: "line",
                number: line.to_string(),
            })?;
        let amount = returned.amount();
        let counterparty = self.counterparty_of_receipt(original)?;
        let mut drawer = self.drawer;
        let tender = match card {
            Some(masked) => Tender::Card {
                amount,
                reference: masked.to_string(),
            },
            None => {
                let out = drawer
                    .make_change(amount)
                    .map_err(|_| OfficeError::NoChange { change: amount })?;
                drawer.remove_all(&out)?;
                Tender::Cash { tendered: amount }
            }
        };
        let tenders = [tender];
        let shift = self.shift.as_ref().ok_or(OfficeError::NoShift)?;
        let preview = shift.preview_refund(number, vec![returned.clone()], &tenders, at)?;
        let cash = CashOperation::from_receipt(&preview)?.map(|operation| match counterparty {
            Some(party) => operation.with_counterparty(party),
            None => operation,
        });
        let checked = self.check_cash(cash, "refund", rules)?;
        // Recorded only when it succeeds: a refused refund leaves the shift as it was.
        let receipt = self.shift.as_mut().ok_or(OfficeError::NoShift)?.refund(
            number,
            vec![returned],
            &tenders,
            at,
        )?;
        self.drawer = drawer;
        self.receipts.insert(receipt.number(), receipt.clone());
        let cash = self.record_cash(checked)?;
        Ok(Outcome::Receipt(receipt, cash))
    }

    /// [`super::Operation::CloseShift`]: the Z report with the drawer as counted, filed in
    /// the cash documents' case.
    pub(super) fn close_shift(
        &mut self,
        counted: CashCount,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        // A copy of today's shift, once a day: closing consumes it, and a refusal must not.
        let shift = self.shift.clone().ok_or(OfficeError::NoShift)?;
        let case = Office::case(cases::CASH)?;
        let filing = self.prepare_filing(&case, today)?;
        let (register, z) = shift.close(counted, at)?;
        let filed = self.file(filing, format!("Z-{}", z.number()), "z_report", None)?;
        self.shift = None;
        self.register = Some(register);
        self.drawer = counted;
        self.last_z = Some(z.clone());
        Ok(Outcome::ShiftClosed(z, filed))
    }
}

/// The pieces a customer hands over for `amount`: the fewest notes and coins.
///
/// # Errors
///
/// [`OfficeError::Input`] for an amount euro notes and coins cannot make.
pub(crate) fn pieces(amount: Money) -> Result<CashCount, OfficeError> {
    let wallet = Denomination::ALL
        .iter()
        .try_fold(CashCount::new(), |count, d| count.with(*d, 1_000))?;
    wallet.make_change(amount).map_err(|_| OfficeError::Input {
        field: "cash",
        message: format!("{amount} cannot be handed in euro notes and coins"),
        latvian: format!("{amount} nevar izmaksāt eiro banknotēs un monētās"),
    })
}
