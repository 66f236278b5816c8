//! Legal holds in the crate's saved forms: core's [`LegalHold`], written the way the crate
//! always wrote a hold (`{"id", "reason", "placed_on", "lifted_on"}`), with `ends_on` and
//! `scope` added only when a hold has them, so saved cases read as before.

use apkalpe_core::{LegalHold, RestoreError, RetentionScope};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::Deserialize;

/// A hold as saved, borrowed for writing.
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
struct SavedHold<'a> {
    id: &'a str,
    reason: &'a str,
    placed_on: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    ends_on: Option<NaiveDate>,
    lifted_on: Option<NaiveDate>,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "RetentionScope::is_whole")
    )]
    scope: &'a RetentionScope,
}

/// The saved form of a [`LegalHold`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct LegalHoldRecord {
    id: String,
    reason: String,
    placed_on: NaiveDate,
    #[cfg_attr(feature = "serde", serde(default))]
    ends_on: Option<NaiveDate>,
    lifted_on: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(default))]
    scope: Option<RetentionScope>,
}

#[cfg(feature = "serde")]
impl TryFrom<LegalHoldRecord> for LegalHold {
    type Error = RestoreError;

    fn try_from(record: LegalHoldRecord) -> Result<Self, Self::Error> {
        restore(record)
    }
}

/// Rebuilds a hold through core's checks ([`LegalHold::try_new`], [`LegalHold::until`],
/// [`LegalHold::lift`]); a text the constructor would trim is refused, not rewritten.
pub(crate) fn restore(record: LegalHoldRecord) -> Result<LegalHold, RestoreError> {
    const WHAT: &str = "LegalHold";
    let field = |error: &apkalpe_core::RetentionError| match error {
        apkalpe_core::RetentionError::Text { field, .. } if *field == "hold_reason" => "reason",
        _ => "id",
    };
    let mut hold = LegalHold::try_new(&record.id, &record.reason, record.placed_on)
        .map_err(|error| RestoreError::invalid(WHAT, field(&error), error))?;
    for (name, saved, clean) in [
        ("id", record.id.as_str(), hold.id()),
        ("reason", record.reason.as_str(), hold.reason()),
    ] {
        if saved != clean {
            return Err(RestoreError::inconsistent(
                WHAT,
                name,
                "has surrounding whitespace, which its constructor trims",
            )
            .with_latvian_reason(
                "sākumā vai beigās ir atstarpes, kuras, veidojot vērtību, noņem",
            ));
        }
    }
    if let Some(scope) = record.scope {
        hold = hold.with_scope(scope);
    }
    if let Some(ends_on) = record.ends_on {
        hold = hold
            .until(ends_on)
            .map_err(|error| RestoreError::invalid(WHAT, "ends_on", error))?;
    }
    if let Some(lifted_on) = record.lifted_on {
        hold = hold
            .lift(lifted_on)
            .map_err(|error| RestoreError::invalid(WHAT, "lifted_on", error))?;
    }
    Ok(hold)
}

/// Writes holds in the saved form (`serialize_with`).
pub(crate) fn serialize<S: serde::Serializer>(
    holds: &[LegalHold],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(holds.iter().map(|hold| SavedHold {
        id: hold.id(),
        reason: hold.reason(),
        placed_on: hold.placed_on(),
        ends_on: hold.ends_on(),
        lifted_on: hold.lifted_on(),
        scope: hold.scope(),
    }))
}

/// Reads holds from the saved form through their checks (`deserialize_with`).
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<LegalHold>, D::Error> {
    Vec::<LegalHoldRecord>::deserialize(deserializer)?
        .into_iter()
        .enumerate()
        .map(|(position, record)| {
            restore(record).map_err(|error| {
                serde::de::Error::custom(error.within(format_args!("holds[{position}]")))
            })
        })
        .collect()
}
