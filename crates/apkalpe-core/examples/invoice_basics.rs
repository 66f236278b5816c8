//! An integrator's first use of apkalpe-core: price a sale with Latvian VAT, write the total in
//! words, check the bank account, compute the payment deadline and the cash part.
//!
//! Run with `cargo run -p apkalpe-core --example invoice_basics`.

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    Calendar, CashRounding, CountryCode, Currency, Iban, Language, Money, Period, VatAmounts,
    VatRateClass, VatRateTable, WordsOptions, amount_in_words,
};
use chrono::NaiveDate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    let net = Money::parse("1 234,56", Currency::EUR)?;
    let rate = VatRateTable::latvia().rate(VatRateClass::Standard, today)?;
    let bill = VatAmounts::from_net(net, rate, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    let words = amount_in_words(&bill.gross(), Language::Latvian, &WordsOptions::default())?;
    let iban: Iban = "LV80 BANK 0000 4351 9500 1".parse()?;
    let due = Calendar::latvia().deadline(today, "10wd".parse::<Period>()?)?;
    let cash = CashRounding::builtin().settle_cash(CountryCode::LV, today, bill.gross())?;
    println!(
        "{} + VAT {} = {} ({words})",
        bill.net(),
        bill.vat(),
        bill.gross()
    );
    println!(
        "pay to {} by {}, cash {}",
        iban.print_form(),
        due.date(),
        cash.cash_due()
    );
    Ok(())
}
