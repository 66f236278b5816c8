//! Rendering: the 40-column text a register prints for a receipt, an X and a Z report.

use std::fmt::Write as _;

use apkalpe_core::{Language, Money, riga_offset};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::identity::*;
use super::receipt::*;
use super::totals::*;

impl Receipt {
    /// Renders the receipt as the 40-column text a register prints.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let text = receipt.render(shift.register().identity());
    /// assert!(text.contains("ČEKS Nr. 00000001"));
    /// assert!(text.starts_with("SIA Demo\n"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn render(&self, identity: &RegisterIdentity) -> String {
        let mut out = String::new();
        header(&mut out, identity);
        let title = match self.kind {
            ReceiptKind::Sale => format!("ČEKS Nr. {:08}", self.number),
            ReceiptKind::Return { original } => {
                format!("ATGRIEŠANA Nr. {:08} (čekam {:08})", self.number, original)
            }
        };
        let _ = writeln!(out, "{title}");
        let _ = writeln!(out, "{}", local_time(self.issued_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        for line in &self.lines {
            let _ = writeln!(out, "{}", line.description);
            let left = format!(
                "  {} x {}",
                latvian_decimal(line.quantity),
                plain(line.unit_price)
            );
            let right = format!(
                "{} {}",
                plain(line.amount_before_discount()),
                vat_sign(line.vat_rate)
            );
            columns(&mut out, &left, &right);
            if let Some(discount) = &line.discount {
                let label = match discount.given_as {
                    Discount::Amount(_) => format!("  Atlaide: {}", discount.reason),
                    Discount::Percent(percent) => {
                        format!(
                            "  Atlaide {}\u{a0}%: {}",
                            latvian_decimal(percent),
                            discount.reason
                        )
                    }
                };
                let right = format!("-{}  ", plain(discount.amount));
                // A long reason is cut so the amount stays in its column.
                let room = WIDTH
                    .saturating_sub(right.chars().count())
                    .saturating_sub(1);
                let label: String = label.chars().take(room).collect();
                columns(&mut out, &label, &right);
            }
        }
        rule(&mut out);
        for vat in &self.vat {
            let sign = vat_sign(vat.rate);
            columns(
                &mut out,
                &format!(
                    "{sign} PVN {}",
                    vat.rate.to_localized_string(Language::Latvian)
                ),
                "",
            );
            columns(&mut out, "  Summa bez PVN", &plain(vat.net));
            columns(&mut out, "  PVN", &plain(vat.vat));
        }
        columns(&mut out, "KOPĀ EUR", &plain(self.total));
        if !self.discounts.is_zero() {
            columns(&mut out, "t. sk. atlaides", &plain(self.discounts));
        }
        if !self.rounding.is_zero() {
            columns(&mut out, "Noapaļošana", &plain(self.rounding));
        }
        for payment in &self.payments {
            columns(&mut out, payment.method.latvian(), &plain(payment.amount));
        }
        if let Some(tendered) = self.cash_tendered {
            columns(&mut out, "Saņemts", &plain(tendered));
            columns(&mut out, "Atlikums", &plain(self.change));
        }
        rule(&mut out);
        let _ = writeln!(out, "FM {} Nr. {:08}", identity.fiscal_module, self.number);
        let _ = writeln!(out, "Kases aparāts {}", identity.device_serial);
        out
    }
}

pub(super) const WIDTH: usize = 40;

/// A quantity or percentage the Latvian way: no trailing zeros, a decimal comma ("1,5").
pub(super) fn latvian_decimal(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// An amount in a column whose heading names the currency, the Latvian way: "1 234,56".
pub(super) fn plain(money: Money) -> String {
    money.to_localized_number(Language::Latvian)
}

pub(super) fn local_time(at: DateTime<Utc>) -> String {
    let local = at
        .naive_utc()
        .checked_add_signed(riga_offset(at))
        .unwrap_or(at.naive_utc());
    local.format("%Y-%m-%d %H:%M:%S").to_string()
}

pub(super) fn rule(out: &mut String) {
    let _ = writeln!(out, "{}", "-".repeat(WIDTH));
}

pub(super) fn columns(out: &mut String, left: &str, right: &str) {
    if right.is_empty() {
        let _ = writeln!(out, "{left}");
        return;
    }
    let used = left.chars().count().saturating_add(right.chars().count());
    let pad = WIDTH.saturating_sub(used).max(1);
    let _ = writeln!(out, "{left}{}{right}", " ".repeat(pad));
}

pub(super) fn header(out: &mut String, identity: &RegisterIdentity) {
    let _ = writeln!(out, "{}", identity.taxpayer_name);
    let _ = writeln!(out, "Reģ. Nr. {}", identity.taxpayer_number);
    let _ = writeln!(out, "{}", identity.outlet_address);
    rule(out);
}

impl ShiftTotals {
    pub(super) fn render_body(&self, out: &mut String) {
        let count_line =
            |out: &mut String, label: &str, n: u64| columns(out, label, &n.to_string());
        count_line(out, "Pārdošanas čeki", self.sale_count);
        count_line(out, "Atgriešanas čeki", self.return_count);
        if let Some((first, last)) = self.receipt_numbers {
            columns(out, "Čeki Nr.", &format!("{first:08}-{last:08}"));
        }
        rule(out);
        for rate in &self.rates {
            let sign = vat_sign(rate.rate);
            columns(
                out,
                &format!(
                    "{sign} PVN {}",
                    rate.rate.to_localized_string(Language::Latvian)
                ),
                "",
            );
            columns(out, "  Pārdots bez PVN", &plain(rate.sales.net));
            columns(out, "  PVN", &plain(rate.sales.vat));
            columns(out, "  Pārdots ar PVN", &plain(rate.sales.gross));
            if !rate.returns.gross.is_zero() {
                columns(out, "  Atgriezts bez PVN", &plain(rate.returns.net));
                columns(out, "  Atgriezts PVN", &plain(rate.returns.vat));
                columns(out, "  Atgriezts ar PVN", &plain(rate.returns.gross));
            }
        }
        columns(out, "PĀRDOŠANA KOPĀ", &plain(self.sales_total));
        columns(out, "ATGRIEŠANA KOPĀ", &plain(self.returns_total));
        columns(out, "Atlaides (pārdošana)", &plain(self.sales_discounts));
        columns(out, "Atlaides (atgriešana)", &plain(self.returns_discounts));
        rule(out);
        for method in &self.methods {
            columns(out, method.method.latvian(), &plain(method.sales));
            if !method.returns.is_zero() {
                columns(out, "  atgriezts", &plain(method.returns));
            }
        }
        columns(out, "Noapaļošana (pārdošana)", &plain(self.sales_rounding));
        columns(
            out,
            "Noapaļošana (atgriešana)",
            &plain(self.returns_rounding),
        );
        rule(out);
        columns(out, "Sākuma atlikums", &plain(self.float));
        columns(out, "Iemaksas", &plain(self.deposits));
        columns(out, "Izmaksas", &plain(self.payouts));
        columns(out, "Skaidra nauda kasē", &plain(self.expected_cash));
    }
}

impl XReport {
    /// Renders the report as register text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let text = shift.x_report(at)?.render();
    /// assert!(text.contains("X ATSKAITE"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.identity);
        let _ = writeln!(out, "X ATSKAITE (starpatskaite)");
        let _ = writeln!(out, "{}", local_time(self.at));
        let _ = writeln!(out, "Maiņa no {}", local_time(self.opened_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        self.totals.render_body(&mut out);
        rule(&mut out);
        let _ = writeln!(out, "FM {}", self.identity.fiscal_module);
        let _ = writeln!(out, "Kases aparāts {}", self.identity.device_serial);
        out
    }
}

impl ZReport {
    /// Renders the report as register text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let (_register, z) = shift.close(CashCount::new(), at)?;
    /// assert!(z.render().contains("Z ATSKAITE Nr. 0001"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.identity);
        let _ = writeln!(out, "Z ATSKAITE Nr. {:04}", self.number);
        let _ = writeln!(out, "{}", local_time(self.at));
        let _ = writeln!(out, "Maiņa no {}", local_time(self.opened_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        self.totals.render_body(&mut out);
        columns(&mut out, "Saskaitīts", &plain(self.counted.total()));
        let label = if self.over_short.is_negative() {
            "Iztrūkums"
        } else {
            "Pārpalikums"
        };
        columns(&mut out, label, &plain(self.over_short));
        rule(&mut out);
        columns(&mut out, "Kopsumma kopš sākuma", &plain(self.grand_total));
        let _ = writeln!(out, "FM {}", self.identity.fiscal_module);
        let _ = writeln!(out, "Kases aparāts {}", self.identity.device_serial);
        out
    }
}
