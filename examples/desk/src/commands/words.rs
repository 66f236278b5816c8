//! `desk words <amount>`: an amount in words.

use apkalpe_core::{CentsStyle, Currency, Language, Money, WordsOptions, amount_in_words};
use serde_json::{Map, Value};

use super::CommandError;
use crate::Report;

pub(super) fn run(
    amount: &str,
    language: Language,
    cents_in_figures: bool,
    currency: &str,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let currency: Currency = match currency.parse() {
        Ok(currency) => currency,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    let money = match Money::parse(amount, currency) {
        Ok(money) => money,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    let cents = if cents_in_figures {
        CentsStyle::Figures
    } else {
        CentsStyle::Words
    };
    let options = WordsOptions::default().with_cents(cents);
    match amount_in_words(&money, language, &options) {
        Ok(words) => {
            let mut extra = Map::new();
            extra.insert("amount".into(), Value::String(money.to_string()));
            extra.insert("language".into(), Value::String(language.code().into()));
            report.valid(&words, extra);
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}
