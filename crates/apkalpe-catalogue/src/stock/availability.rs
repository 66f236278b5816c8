//! The answer to "can I have it, and when?" (S32, T1.5), by the rule of the module
//! [`stock`](super).

use std::fmt;

use apkalpe_core::Language;
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::Stock;
use crate::code::Sku;
use crate::unit::Quantity;

/// The answer to "can I have this quantity, and when?" (S32, T1.5).
///
/// Serialised with a `status` tag in snake_case (`{"status": "available_from", "date":
/// "2026-12-10"}`), and read back from the same form.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "status", deny_unknown_fields)
)]
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Availability, CatalogueFile, Quantity};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let stock = file.stock();
/// let answer = stock.availability(&"LAP-MBA-M3".parse()?, Quantity::from_whole(2), Calendar::date(2026, 12, 7)?);
/// assert_eq!(answer, Availability::AvailableFrom { date: Calendar::date(2026, 12, 14)? });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub enum Availability {
    /// In stock now: the whole quantity is free on hand.
    InStock {
        /// The quantity free on hand.
        free: Quantity,
    },
    /// Nothing free now; the whole quantity is free from a date.
    AvailableFrom {
        /// The date.
        date: NaiveDate,
    },
    /// Part now, the rest from a date.
    Partial {
        /// The quantity free now.
        now: Quantity,
        /// The rest.
        rest: Quantity,
        /// When the rest is free.
        from: NaiveDate,
    },
    /// Not enough on hand and incoming together.
    Unavailable {
        /// The quantity free now.
        now: Quantity,
        /// The quantity free now and from every incoming supply.
        expected_total: Quantity,
    },
    /// A service: not kept in stock.
    NotStocked,
}

impl Availability {
    /// Returns the date the whole quantity can be had, or `None` if it cannot: `date` itself
    /// for stock on hand and services.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// let today = Calendar::date(2026, 12, 7)?;
    /// let answer = stock.availability(&"LAP-DELL-5440".parse()?, Quantity::from_whole(3), today);
    /// assert_eq!(answer.ready_on(today), Some(Calendar::date(2026, 12, 21)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ready_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Availability::InStock { .. } | Availability::NotStocked => Some(date),
            Availability::AvailableFrom { date: from } => Some(*from),
            Availability::Partial { from, .. } => Some(*from),
            Availability::Unavailable { .. } => None,
        }
    }
}

impl Availability {
    /// Renders the answer in `language` (Latvian or English; German and Russian use
    /// English), as the specialist tells it to a client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Availability, Quantity};
    /// use apkalpe_core::Language;
    /// use chrono::NaiveDate;
    ///
    /// let from = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
    /// let partial = Availability::Partial { now: Quantity::from_whole(1), rest: Quantity::from_whole(2), from };
    /// assert_eq!(partial.render(Language::Latvian), "1 uzreiz, 2 no 2026-12-14");
    /// assert_eq!(partial.render(Language::English), "1 now, 2 from 2026-12-14");
    /// assert_eq!(partial.render(Language::English), partial.to_string());
    /// ```
    pub fn render(&self, language: Language) -> String {
        if language != Language::Latvian {
            return self.to_string();
        }
        match self {
            Availability::InStock { free } => format!("ir noliktavā (brīvi {free})"),
            Availability::AvailableFrom { date } => format!("pieejams no {date}"),
            Availability::Partial { now, rest, from } => format!("{now} uzreiz, {rest} no {from}"),
            Availability::Unavailable {
                now,
                expected_total,
            } => {
                format!("nav pieejams (brīvi tagad {now}, ar gaidāmajām piegādēm {expected_total})")
            }
            Availability::NotStocked => "pakalpojums, krājumi netiek uzskaitīti".to_owned(),
        }
    }
}

impl fmt::Display for Availability {
    /// [`Availability::render`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Availability::InStock { free } => write!(f, "in stock ({free} free)"),
            Availability::AvailableFrom { date } => write!(f, "available from {date}"),
            Availability::Partial { now, rest, from } => {
                write!(f, "{now} now, {rest} from {from}")
            }
            Availability::Unavailable {
                now,
                expected_total,
            } => write!(
                f,
                "unavailable ({now} free now, {expected_total} with incoming)"
            ),
            Availability::NotStocked => f.write_str("service, not stocked"),
        }
    }
}

impl Stock {
    /// Answers whether `quantity` of `sku` can be had on `date`, and if not, from when (see the
    /// module's rule). A SKU the stock has never seen is unavailable.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Availability, CatalogueFile, Quantity};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// let today = Calendar::date(2026, 12, 7)?;
    /// let answer = stock.availability(&"LAP-E14-G5".parse()?, Quantity::from_whole(2), today);
    /// assert_eq!(answer, Availability::InStock { free: Quantity::from_whole(4) });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn availability(&self, sku: &Sku, quantity: Quantity, date: NaiveDate) -> Availability {
        let Some(item) = self.items.get(sku) else {
            return Availability::Unavailable {
                now: Quantity::ZERO,
                expected_total: Quantity::ZERO,
            };
        };
        let (Some(on_hand), Some(reserved)) = (item.on_hand_total(), item.reserved_on(date)) else {
            return unavailable_overflow();
        };
        let free_now = on_hand.checked_sub(reserved).unwrap_or(Quantity::ZERO);
        let mut still_reserved = reserved.checked_sub(on_hand).unwrap_or(Quantity::ZERO);
        if quantity <= free_now {
            return Availability::InStock { free: free_now };
        }
        let mut free = free_now;
        for supply in &item.incoming {
            let taken = supply.quantity.min(still_reserved);
            still_reserved = still_reserved.checked_sub(taken).unwrap_or(Quantity::ZERO);
            let left = supply.quantity.checked_sub(taken).unwrap_or(Quantity::ZERO);
            let Some(sum) = free.checked_add(left) else {
                return unavailable_overflow();
            };
            free = sum;
            if quantity <= free {
                let from = supply.expected.max(date);
                return if free_now.is_zero() {
                    Availability::AvailableFrom { date: from }
                } else {
                    Availability::Partial {
                        now: free_now,
                        rest: quantity.checked_sub(free_now).unwrap_or(Quantity::ZERO),
                        from,
                    }
                };
            }
        }
        Availability::Unavailable {
            now: free_now,
            expected_total: free,
        }
    }
}

fn unavailable_overflow() -> Availability {
    Availability::Unavailable {
        now: Quantity::ZERO,
        expected_total: Quantity::ZERO,
    }
}
