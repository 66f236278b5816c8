//! Where a need is in its life cycle: open, offered, accepted, declined or lapsed.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use crate::error::NeedError;
use crate::text::Sku;

/// Where a need stands. The states carry their own data, so an offer without products or an
/// acceptance without a time cannot exist.
///
/// ```mermaid
/// stateDiagram-v2
///     [*] --> Open
///     Open --> Offered: offer(skus)
///     Offered --> Offered: offer(skus) again
///     Offered --> Accepted: accept
///     Open --> Declined: decline
///     Offered --> Declined: decline
///     Open --> Lapsed: lapse (needed-by date passed)
///     Offered --> Lapsed: lapse
///     Accepted --> [*]
///     Declined --> [*]
///     Lapsed --> [*]
/// ```
///
/// Saved with a `state` tag (`{"state": "offered", "skus": […], "at": …}`); deserialising
/// refuses an offer or acceptance without products (`restore.invalid`, cause `need.no_skus`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "state",
        rename_all = "snake_case",
        try_from = "NeedStatusRecord"
    )
)]
pub enum NeedStatus {
    /// Recorded, nothing offered yet.
    Open,
    /// Products offered.
    Offered {
        /// The products offered (never empty).
        skus: Vec<Sku>,
        /// When.
        at: DateTime<Utc>,
    },
    /// The client took the offer.
    Accepted {
        /// The products offered.
        skus: Vec<Sku>,
        /// When.
        at: DateTime<Utc>,
    },
    /// The client or the organisation said no.
    Declined {
        /// When.
        at: DateTime<Utc>,
    },
    /// The needed-by date passed without an answer.
    Lapsed {
        /// The date the need lapsed on.
        on: NaiveDate,
    },
}

/// The saved form of a [`NeedStatus`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)
)]
#[cfg(feature = "serde")]
pub(crate) enum NeedStatusRecord {
    Open,
    Offered { skus: Vec<Sku>, at: DateTime<Utc> },
    Accepted { skus: Vec<Sku>, at: DateTime<Utc> },
    Declined { at: DateTime<Utc> },
    Lapsed { on: NaiveDate },
}

#[cfg(feature = "serde")]
impl NeedStatusRecord {
    pub(crate) fn restore(self) -> Result<NeedStatus, RestoreError> {
        let no_skus = || RestoreError::invalid("NeedStatus", "skus", NeedError::NoSkus);
        Ok(match self {
            NeedStatusRecord::Open => NeedStatus::Open,
            NeedStatusRecord::Offered { skus, .. } | NeedStatusRecord::Accepted { skus, .. }
                if skus.is_empty() =>
            {
                return Err(no_skus());
            }
            NeedStatusRecord::Offered { skus, at } => NeedStatus::Offered { skus, at },
            NeedStatusRecord::Accepted { skus, at } => NeedStatus::Accepted { skus, at },
            NeedStatusRecord::Declined { at } => NeedStatus::Declined { at },
            NeedStatusRecord::Lapsed { on } => NeedStatus::Lapsed { on },
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<NeedStatusRecord> for NeedStatus {
    type Error = RestoreError;

    fn try_from(record: NeedStatusRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl NeedStatus {
    /// Returns the state's snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    /// ;
    /// assert_eq!(need.status().name(), "open");
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::Offered { .. } => "offered",
            NeedStatus::Accepted { .. } => "accepted",
            NeedStatus::Declined { .. } => "declined",
            NeedStatus::Lapsed { .. } => "lapsed",
        }
    }

    /// Tells whether the need still waits for an answer (open or offered).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    /// ;
    /// assert!(need.status().is_pending());
    /// need.decline(at)?;
    /// assert!(!need.status().is_pending());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_pending(&self) -> bool {
        matches!(self, NeedStatus::Open | NeedStatus::Offered { .. })
    }
}
