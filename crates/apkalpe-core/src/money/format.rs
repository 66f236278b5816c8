//! Display and localised forms of money.

use std::fmt;

use super::Money;
use crate::Language;

/// No-break space: between thousands groups and before a currency sign in localised forms, so
/// that an amount never breaks across lines (`docs/sources.md` §11 \[W3\]\[W4\]).
const NO_BREAK_SPACE: char = '\u{a0}';

/// The amount padded to the currency's minor units, extra decimals kept: "1234.50", "0.1234".
pub(super) fn plain_amount(money: &Money) -> String {
    let mut amount = money.amount();
    let minor_units = money.currency().minor_units();
    if amount.scale() < minor_units {
        amount.rescale(minor_units);
    }
    if amount.is_zero() {
        // A negative zero prints without its sign.
        amount.set_sign_positive(true);
    }
    amount.to_string()
}

/// Shows the amount padded to the currency's minor units, a space and the ISO 4217 code:
/// "1234.56 EUR", "-5.00 EUR", "0.1234 EUR". It never rounds, groups or localises; see
/// [`Money::to_localized_string`] for that.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", plain_amount(self), self.currency())
    }
}

struct Conventions {
    group: char,
    decimal: char,
    sign_before: bool,
}

fn conventions(language: Language) -> Conventions {
    match language {
        Language::Latvian | Language::Russian => Conventions {
            group: NO_BREAK_SPACE,
            decimal: ',',
            sign_before: false,
        },
        Language::German => Conventions {
            group: '.',
            decimal: ',',
            sign_before: false,
        },
        Language::English => Conventions {
            group: ',',
            decimal: '.',
            sign_before: true,
        },
    }
}

impl Money {
    /// Returns the amount as people in `language` write it on documents, with thousands
    /// grouped and the currency sign (or code, where it has no sign):
    ///
    /// | language | 1234.56 EUR   | -5 USD     |
    /// |----------|---------------|------------|
    /// | lv, ru   | `1 234,56 €`  | `-5,00 $`  |
    /// | de       | `1.234,56 €`  | `-5,00 $`  |
    /// | en       | `€1,234.56`   | `-$5.00`   |
    ///
    /// The spaces in the Latvian and Russian forms are no-break spaces (U+00A0), as the Latvian
    /// style guide asks between a number and its currency sign. Like `Display`, it pads to the
    /// minor units and never rounds.
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §11: decimal comma, sign after the number with a no-break space \[W3\]\[W4\].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Language, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let total = Money::new(dec!(1234.56), Currency::EUR);
    /// assert_eq!(total.to_localized_string(Language::Latvian), "1\u{a0}234,56\u{a0}€");
    /// assert_eq!(total.to_localized_string(Language::German), "1.234,56\u{a0}€");
    /// assert_eq!(total.to_localized_string(Language::English), "€1,234.56");
    /// ```
    pub fn to_localized_string(&self, language: Language) -> String {
        let conventions = conventions(language);
        let (minus, number) = localized_number(self, &conventions);
        let sign = self.currency().symbol().unwrap_or(self.currency().code());
        if conventions.sign_before && self.currency().symbol().is_some() {
            format!("{minus}{sign}{number}")
        } else {
            format!("{minus}{number}{NO_BREAK_SPACE}{sign}")
        }
    }

    /// Returns the amount alone, grouped and with the decimal separator of `language`, for
    /// a column whose heading names the currency (a receipt's "KOPĀ EUR"): "1 234,56" in
    /// Latvian and Russian (no-break space), "1.234,56" in German, "1,234.56" in English.
    /// Like [`Money::to_localized_string`], it pads to the minor units and never rounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Language, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let total = Money::new(dec!(-1234.5), Currency::EUR);
    /// assert_eq!(total.to_localized_number(Language::Latvian), "-1\u{a0}234,50");
    /// assert_eq!(total.to_localized_number(Language::English), "-1,234.50");
    /// ```
    pub fn to_localized_number(&self, language: Language) -> String {
        let (minus, number) = localized_number(self, &conventions(language));
        format!("{minus}{number}")
    }
}

/// The sign ("-" or "") and the grouped number of `money` under `conventions`.
fn localized_number(money: &Money, conventions: &Conventions) -> (&'static str, String) {
    let plain = plain_amount(money);
    let (negative, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let mut number = String::with_capacity(plain.len().saturating_add(8));
    let length = integer.len();
    for (index, digit) in integer.chars().enumerate() {
        let remaining = length.saturating_sub(index);
        if index > 0 && remaining % 3 == 0 {
            number.push(conventions.group);
        }
        number.push(digit);
    }
    if let Some(fraction) = fraction {
        number.push(conventions.decimal);
        number.push_str(fraction);
    }
    (if negative { "-" } else { "" }, number)
}
