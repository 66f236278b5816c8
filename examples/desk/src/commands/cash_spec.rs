//! The cash spec: notes and coins written on the command line, as `desk shift open --float`
//! and `desk shift close --counted` take them.
//!
//! # Grammar
//!
//! ```text
//! spec   = "none" | item *( "," item )
//! item   = count "x" value              ; spaces around an item are ignored
//! count  = 1*DIGIT                      ; 1 to 4294967295 pieces, no sign, no leading zero
//! value  = 1*3DIGIT [ "." 1*2DIGIT ]   ; euro, "." as the decimal point, no leading zero
//! ```
//!
//! `5x10,4x5,10x1,10x0.50` is five 10 € notes, four 5 € notes, ten 1 € coins and ten 50-cent
//! coins (120.00 EUR). A value must be a euro note or coin (500 … 5, 2, 1, 0.50 … 0.01;
//! `0.5` and `0.50` are the same coin), each denomination is listed at most once, and `none`
//! is the empty drawer. Anything else is a [`CashSpecError`] naming the item and what is
//! wrong; no input makes the parser panic.

use std::fmt;

use apkalpe_core::{Language, LocalizedError};
use apkalpe_payments::{CashCount, Denomination};

/// Why a cash spec was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum CashSpecError {
    /// Nothing was written (write `none` for an empty drawer).
    Empty,
    /// An item is not `COUNTxVALUE`.
    Item {
        /// The item, from 1.
        item: usize,
        /// The item as written.
        found: String,
    },
    /// The count is not a whole number of pieces from 1 to 4294967295.
    Count {
        /// The item, from 1.
        item: usize,
        /// The count as written.
        found: String,
    },
    /// The value is not a euro note or coin.
    Denomination {
        /// The item, from 1.
        item: usize,
        /// The value as written.
        found: String,
    },
    /// A denomination is listed twice.
    Repeated {
        /// The item, from 1.
        item: usize,
        /// The denomination.
        denomination: Denomination,
    },
}

impl CashSpecError {
    /// Returns the stable code: `cash_spec.empty`, `cash_spec.item`, `cash_spec.count`,
    /// `cash_spec.denomination` or `cash_spec.repeated`.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            CashSpecError::Empty => "cash_spec.empty",
            CashSpecError::Item { .. } => "cash_spec.item",
            CashSpecError::Count { .. } => "cash_spec.count",
            CashSpecError::Denomination { .. } => "cash_spec.denomination",
            CashSpecError::Repeated { .. } => "cash_spec.repeated",
        }
    }
}

impl fmt::Display for CashSpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CashSpecError::Empty => f.write_str(
                "no notes or coins given: write COUNTxVALUE items such as 5x10,10x0.50, or none",
            ),
            CashSpecError::Item { item, found } => write!(
                f,
                "item {item} {found:?} is not COUNTxVALUE (such as 5x10 or 10x0.50)"
            ),
            CashSpecError::Count { item, found } => write!(
                f,
                "item {item}: {found:?} is not a count of pieces (a whole number from 1, \
                 no sign or leading zero)"
            ),
            CashSpecError::Denomination { item, found } => write!(
                f,
                "item {item}: {found:?} is not a euro note or coin (500, 200, 100, 50, 20, 10, \
                 5, 2, 1, 0.50, 0.20, 0.10, 0.05, 0.02, 0.01)"
            ),
            CashSpecError::Repeated { item, denomination } => write!(
                f,
                "item {item}: {denomination} is listed twice; give each note or coin once"
            ),
        }
    }
}

impl std::error::Error for CashSpecError {}

/// The refusals in Latvian (`desk --lang lv`).
impl LocalizedError for CashSpecError {
    fn code(&self) -> &'static str {
        CashSpecError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            CashSpecError::Empty => f.write_str(
                "nav norādīta neviena banknote vai monēta: rakstiet SKAITSxVĒRTĪBA, piemēram, \
                 5x10,10x0.50, vai none",
            ),
            CashSpecError::Item { item, found } => write!(
                f,
                "{item}. vienība {found:?} nav SKAITSxVĒRTĪBA (piemēram, 5x10 vai 10x0.50)"
            ),
            CashSpecError::Count { item, found } => write!(
                f,
                "{item}. vienība: {found:?} nav gabalu skaits (vesels skaitlis no 1, bez zīmes \
                 un sākuma nulles)"
            ),
            CashSpecError::Denomination { item, found } => write!(
                f,
                "{item}. vienība: {found:?} nav eiro banknote vai monēta (500, 200, 100, 50, \
                 20, 10, 5, 2, 1, 0.50, 0.20, 0.10, 0.05, 0.02, 0.01)"
            ),
            CashSpecError::Repeated { item, denomination } => write!(
                f,
                "{item}. vienība: nomināls {denomination} norādīts divreiz; katru banknoti vai \
                 monētu norādiet vienreiz"
            ),
        }
    }
}

/// Parses a cash spec (see the module documentation for the grammar).
///
/// # Errors
///
/// A [`CashSpecError`] for the first item that is wrong.
pub(crate) fn parse(spec: &str) -> Result<CashCount, CashSpecError> {
    let spec = spec.trim();
    if spec.is_empty() {
        return Err(CashSpecError::Empty);
    }
    if spec == "none" {
        return Ok(CashCount::new());
    }
    let mut count = CashCount::new();
    for (index, item) in spec.split(',').enumerate() {
        let number = index.saturating_add(1);
        let item = item.trim();
        let Some((pieces, value)) = item.split_once('x') else {
            return Err(CashSpecError::Item {
                item: number,
                found: item.to_owned(),
            });
        };
        let pieces = parse_count(pieces).ok_or_else(|| CashSpecError::Count {
            item: number,
            found: pieces.to_owned(),
        })?;
        let denomination = parse_value(value).ok_or_else(|| CashSpecError::Denomination {
            item: number,
            found: value.to_owned(),
        })?;
        if count.count(denomination) > 0 {
            return Err(CashSpecError::Repeated {
                item: number,
                denomination,
            });
        }
        // Cannot overflow: each denomination is added once, to zero.
        count = count
            .with(denomination, pieces)
            .map_err(|_| CashSpecError::Count {
                item: number,
                found: pieces.to_string(),
            })?;
    }
    Ok(count)
}

/// A count: ASCII digits, no leading zero, 1 to `u32::MAX`.
fn parse_count(text: &str) -> Option<u32> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if !digits || text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

/// A value in euro: digits, optionally `.` and one or two digits; it must be a denomination.
fn parse_value(text: &str) -> Option<Denomination> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    if text.contains('.') && !(1..=2).contains(&fraction.len()) {
        return None;
    }
    let euros: u64 = whole.parse().ok()?;
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()?.checked_mul(10)?,
        _ => fraction.parse().ok()?,
    };
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    Denomination::ALL.into_iter().find(|d| d.cents() == total)
}

/// Writes a count in the spec's own form, largest first (`5x10,4x5,10x0.50`; `none` when
/// empty): what [`parse`] reads back to the same count.
pub(crate) fn format(count: &CashCount) -> String {
    let items: Vec<String> = count
        .pieces()
        .map(|(denomination, pieces)| format!("{pieces}x{}", value(denomination)))
        .collect();
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(",")
    }
}

/// A denomination's value as the spec writes it: `10`, `2`, `0.50`.
fn value(denomination: Denomination) -> String {
    let cents = denomination.cents();
    if cents >= 100 {
        (cents / 100).to_string()
    } else {
        format!("0.{cents:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_notes_and_coins() {
        let count = parse("5x10,4x5,10x1,10x0.50").unwrap();
        assert_eq!(count.total().to_string(), "85.00 EUR");
        assert_eq!(count.count(Denomination::Euro10), 5);
        assert_eq!(count.count(Denomination::Cent50), 10);
        assert_eq!(format(&count), "5x10,4x5,10x1,10x0.50");
        let same = parse(" 10x0.5 , 5x10,4x5 ,10x1").unwrap();
        assert_eq!(same, count);
        assert_eq!(
            parse("1x500,3x0.01").unwrap().total().to_string(),
            "500.03 EUR"
        );
        assert_eq!(parse("none").unwrap(), CashCount::new());
        assert_eq!(format(&CashCount::new()), "none");
    }

    #[test]
    fn refuses_what_is_not_a_spec() {
        let code = |spec: &str| parse(spec).unwrap_err().code();
        assert_eq!(code(""), "cash_spec.empty");
        assert_eq!(code("   "), "cash_spec.empty");
        assert_eq!(code("5*10"), "cash_spec.item");
        assert_eq!(code("5x10,,1x1"), "cash_spec.item");
        assert_eq!(code("5x10,"), "cash_spec.item");
        assert_eq!(code("x10"), "cash_spec.count");
        assert_eq!(code("0x10"), "cash_spec.count");
        assert_eq!(code("05x10"), "cash_spec.count");
        assert_eq!(code("-5x10"), "cash_spec.count");
        assert_eq!(code("+5x10"), "cash_spec.count");
        assert_eq!(code("4294967296x1"), "cash_spec.count");
        assert_eq!(code("5X10"), "cash_spec.item");
        assert_eq!(code("5x3"), "cash_spec.denomination");
        // "0,50": the comma ends the item, and 0 is no coin.
        assert_eq!(code("5x0,50"), "cash_spec.denomination");
        assert_eq!(code("5x0.500"), "cash_spec.denomination");
        assert_eq!(code("5x.50"), "cash_spec.denomination");
        assert_eq!(code("5x10."), "cash_spec.denomination");
        assert_eq!(code("5x1000"), "cash_spec.denomination");
        assert_eq!(code("5x1e1"), "cash_spec.denomination");
        assert_eq!(code("5x010"), "cash_spec.denomination");
        assert_eq!(code("5x10x2"), "cash_spec.denomination");
        assert_eq!(code("1x10,2x10"), "cash_spec.repeated");
        assert_eq!(code("1x0.5,2x0.50"), "cash_spec.repeated");
        let error = parse("5x10,4x3").unwrap_err();
        assert_eq!(
            error,
            CashSpecError::Denomination {
                item: 2,
                found: "3".into()
            }
        );
        assert!(
            error
                .to_string()
                .starts_with("item 2: \"3\" is not a euro note or coin")
        );
    }

    fn count() -> impl Strategy<Value = CashCount> {
        proptest::collection::vec(0u32..=1_000, 15).prop_map(|pieces| {
            Denomination::ALL
                .into_iter()
                .zip(pieces)
                .try_fold(CashCount::new(), |count, (d, n)| count.with(d, n))
                .unwrap()
        })
    }

    proptest! {
        #[test]
        fn never_panics(spec in "\\PC*") {
            let _ = parse(&spec);
        }

        #[test]
        fn never_panics_on_near_misses(spec in "[0-9x.,none ]{0,24}") {
            if let Ok(count) = parse(&spec) {
                // Whatever is accepted is written back in a form that reads the same.
                prop_assert_eq!(parse(&format(&count)).unwrap(), count);
            }
        }

        #[test]
        fn format_reads_back(count in count()) {
            prop_assert_eq!(parse(&format(&count)).unwrap(), count);
        }
    }
}
