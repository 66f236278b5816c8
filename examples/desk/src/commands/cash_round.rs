//! `desk cash-round <amount>`: the cash part of a total under the rule in force.

use apkalpe_core::{CashRounding, CountryCode, Currency, Money};
use serde_json::{Map, Value};

use super::{CommandError, CountryArg, parse_date};
use crate::{Context, Report};

pub(super) fn run(
    amount: &str,
    country: CountryArg,
    date: Option<&str>,
    non_cash: &str,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let date = match date {
        Some(text) => match parse_date(text, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => context.today,
    };
    let country = match country {
        CountryArg::Lv => CountryCode::LV,
        CountryArg::Ee => CountryCode::EE,
        CountryArg::Lt => CountryCode::LT,
    };
    let parse = |text: &str| Money::parse(text, Currency::EUR);
    let (total, non_cash) = match (parse(amount), parse(non_cash)) {
        (Ok(total), Ok(non_cash)) => (total, non_cash),
        (Err(error), _) | (_, Err(error)) => {
            report.error(&error);
            return Ok(());
        }
    };
    match CashRounding::builtin().settle(country, date, total, non_cash) {
        Ok(settled) => {
            let rule = match settled.rule().rounding() {
                Some(rounding) => format!(
                    "{country} rule from {}: cash rounded to {}",
                    settled.rule().effective_from(),
                    rounding.increment()
                ),
                None => format!(
                    "{country} rule from {}: cash is not rounded",
                    settled.rule().effective_from()
                ),
            };
            let text = format!(
                "valid\tcash due {}\trounding {}\t{}",
                settled.cash_due(),
                settled.difference(),
                rule
            );
            let mut object = Map::new();
            object.insert("valid".into(), Value::Bool(true));
            object.insert(
                "cash_due".into(),
                Value::String(settled.cash_due().to_string()),
            );
            object.insert(
                "difference".into(),
                Value::String(settled.difference().to_string()),
            );
            object.insert(
                "cash_unrounded".into(),
                Value::String(settled.cash_unrounded().to_string()),
            );
            object.insert(
                "non_cash".into(),
                Value::String(settled.non_cash().to_string()),
            );
            object.insert("country".into(), Value::String(country.to_string()));
            object.insert("date".into(), Value::String(date.to_string()));
            object.insert("rule".into(), Value::String(rule));
            report.record(&text, object);
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}
