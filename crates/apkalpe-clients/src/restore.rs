//! Helpers shared by the restore checks of the crate's saved forms (issue 13).

use std::collections::HashSet;
use std::hash::Hash;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;

use crate::text::check_text;

/// Returns the position and value of the first item that repeats an earlier one.
pub(crate) fn first_repeat<T: Eq + Hash>(items: &[T]) -> Option<(usize, &T)> {
    // Contacts and merges are a handful per client: comparing beats hashing (and allocating)
    // when a registry restores them for every client.
    if items.len() <= 16 {
        return items.iter().enumerate().find(|(position, item)| {
            items
                .get(..*position)
                .is_some_and(|before| before.contains(item))
        });
    }
    let mut seen = HashSet::with_capacity(items.len());
    items
        .iter()
        .enumerate()
        .find(|(_, item)| !seen.insert(*item))
}

/// Refuses a list with a repeated item: `field[i]` names the repeat.
pub(crate) fn unique<T: Eq + Hash + std::fmt::Display>(
    what: &'static str,
    field: &str,
    items: &[T],
) -> Result<(), RestoreError> {
    match first_repeat(items) {
        Some((position, item)) => Err(RestoreError::duplicate(
            what,
            format!("{field}[{position}]"),
            item,
        )),
        None => Ok(()),
    }
}

/// Checks a saved free text with the rule its constructor uses ([`check_text`]); returns it
/// trimmed, as the constructor stores it.
pub(crate) fn text(
    what: &'static str,
    field: &'static str,
    value: &str,
    max: usize,
    multiline: bool,
) -> Result<String, RestoreError> {
    check_text(field, value, max, multiline)
        .map_err(|error| RestoreError::invalid(what, field, error))
}

/// Like [`text`] for the single-line items of a list: the path names the list and the
/// position (`required_features[2]`), the refusal names the item (`required_feature`).
pub(crate) fn text_at(
    what: &'static str,
    list: &str,
    item: &'static str,
    position: usize,
    value: &str,
    max: usize,
) -> Result<String, RestoreError> {
    check_text(item, value, max, false)
        .map_err(|error| RestoreError::invalid(what, format!("{list}[{position}]"), error))
}

/// Reads an optional decimal written as a string or `null` (the form
/// `rust_decimal::serde::str_option` writes; its reader refuses `null`). The text must be the
/// exact decimal: nothing is rounded.
pub(crate) fn decimal_option<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<rust_decimal::Decimal>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    text.map(|text| rust_decimal::Decimal::from_str_exact(&text).map_err(serde::de::Error::custom))
        .transpose()
}
