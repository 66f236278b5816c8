//! Needs and requests (*vajadzības un pieprasījumi*, T2.2, T2.3): what a client wants, and where
//! the organisation's answer stands.

mod budget;
mod status;

pub use budget::BudgetRange;
#[cfg(feature = "serde")]
pub(crate) use budget::BudgetRangeRecord;
pub use status::NeedStatus;
#[cfg(feature = "serde")]
pub(crate) use status::NeedStatusRecord;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::{ClientId, NeedId};
use crate::error::{NeedError, ParseTextError};
#[cfg(feature = "serde")]
use crate::restore::{text, text_at};
use crate::text::{Sku, check_text};

/// A structured need or request of a client (*klienta vajadzība*, T2.3; C13).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{BudgetRange, ClientId, Need, NeedId, Sku};
/// use apkalpe_core::{Currency, Money};
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use uuid::Uuid;
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap();
/// let mut need = Need::try_new(NeedId::new(Uuid::from_u128(10)), ClientId::new(Uuid::from_u128(1)), "bicycles", at)?
///     .with_budget(BudgetRange::try_new(None, Some(Money::parse("600", Currency::EUR)?))?)
///     .with_quantity(2.into())?
///     .with_needed_by(NaiveDate::from_ymd_opt(2026, 12, 20).unwrap())
///     .with_required_feature("26-inch wheels")?;
/// need.offer(vec![Sku::try_new("BIKE-26-RED")?], at)?;
/// assert_eq!(need.status().name(), "offered");
/// need.accept(at)?;
/// assert!(need.decline(at).is_err());
/// # Ok::<(), apkalpe_clients::ClientsError>(())
/// ```
///
/// # Saved form
///
/// Deserialising re-runs the checks of the constructor and the builders: the category, features
/// and notes follow their text rules, the budget its rules, the quantity is positive, an offer
/// names products, and a lapsed need had a needed-by date before the day it lapsed. A value
/// that breaks one is refused with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// ```
/// use apkalpe_clients::Need;
///
/// let json = r#"{"id": "00000000-0000-0000-0000-00000000000a", "client": "00000000-0000-0000-0000-000000000001",
///     "category": "bicycles", "quantity": "0", "required_features": [], "preferred_features": [],
///     "status": {"state": "open"}, "recorded_at": "2026-11-27T09:30:00Z"}"#;
/// let error = serde_json::from_str::<Need>(json).unwrap_err();
/// assert!(error.to_string().starts_with("restore.invalid: cannot restore Need: quantity"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "NeedRecord"))]
pub struct Need {
    id: NeedId,
    client: ClientId,
    category: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    budget: Option<BudgetRange>,
    #[cfg_attr(
        feature = "serde",
        serde(
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    quantity: Option<Decimal>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    needed_by: Option<NaiveDate>,
    required_features: Vec<String>,
    preferred_features: Vec<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    notes: Option<String>,
    status: NeedStatus,
    recorded_at: DateTime<Utc>,
}

/// The saved form of a [`Need`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct NeedRecord {
    id: NeedId,
    client: ClientId,
    category: String,
    #[cfg_attr(feature = "serde", serde(default))]
    budget: Option<BudgetRangeRecord>,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    quantity: Option<Decimal>,
    #[cfg_attr(feature = "serde", serde(default))]
    needed_by: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(default))]
    required_features: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    preferred_features: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    notes: Option<String>,
    status: NeedStatusRecord,
    recorded_at: DateTime<Utc>,
}

#[cfg(feature = "serde")]
impl NeedRecord {
    /// Re-runs the checks of [`Need::try_new`] and its builders.
    pub(crate) fn restore(self) -> Result<Need, RestoreError> {
        const WHAT: &str = "Need";
        let budget = self
            .budget
            .map(|budget| budget.restore().map_err(|error| error.within("budget")))
            .transpose()?;
        if let Some(quantity) = self.quantity
            && quantity <= Decimal::ZERO
        {
            return Err(RestoreError::invalid(
                WHAT,
                "quantity",
                NeedError::QuantityNotPositive { found: quantity },
            ));
        }
        let features = |list: &'static str, item: &'static str, saved: Vec<String>| {
            saved
                .iter()
                .enumerate()
                .map(|(position, feature)| text_at(WHAT, list, item, position, feature, 200))
                .collect::<Result<Vec<String>, RestoreError>>()
        };
        let status = self
            .status
            .restore()
            .map_err(|error| error.within("status"))?;
        if let NeedStatus::Lapsed { on } = status
            && self.needed_by.is_none_or(|date| date >= on)
        {
            return Err(RestoreError::inconsistent(
                WHAT,
                "status.on",
                "a need lapses only after its needed-by date has passed",
            )
            .with_latvian_reason(
                "vajadzība noveco tikai pēc tam, kad pagājis datums, līdz kuram tā vajadzīga",
            ));
        }
        Ok(Need {
            id: self.id,
            client: self.client,
            category: text(WHAT, "category", &self.category, 100, false)?,
            budget,
            quantity: self.quantity,
            needed_by: self.needed_by,
            required_features: features(
                "required_features",
                "required_feature",
                self.required_features,
            )?,
            preferred_features: features(
                "preferred_features",
                "preferred_feature",
                self.preferred_features,
            )?,
            notes: self
                .notes
                .map(|notes| text(WHAT, "notes", &notes, 4000, true))
                .transpose()?,
            status,
            recorded_at: self.recorded_at,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<NeedRecord> for Need {
    type Error = RestoreError;

    fn try_from(record: NeedRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl Need {
    /// Records a need in a product category (free text, 1–100 characters).
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long category.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap();
    /// let need = Need::try_new(NeedId::new(Uuid::from_u128(10)), ClientId::new(Uuid::from_u128(1)), "office chairs", at)?;
    /// assert_eq!(need.status().name(), "open");
    /// # Ok::<(), apkalpe_clients::ParseTextError>(())
    /// ```
    pub fn try_new(
        id: NeedId,
        client: ClientId,
        category: &str,
        recorded_at: DateTime<Utc>,
    ) -> Result<Self, ParseTextError> {
        Ok(Need {
            id,
            client,
            category: check_text("category", category, 100, false)?,
            budget: None,
            quantity: None,
            needed_by: None,
            required_features: Vec::new(),
            preferred_features: Vec::new(),
            notes: None,
            status: NeedStatus::Open,
            recorded_at,
        })
    }

    /// Sets the budget.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{BudgetRange, ClientId, Need, NeedId};
    /// use apkalpe_core::{Currency, Money};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal::Decimal;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let budget = BudgetRange::try_new(None, Some(Money::new(Decimal::from(500), Currency::EUR)))?;
    /// let need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?.with_budget(budget);
    /// assert!(need.budget().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_budget(mut self, budget: BudgetRange) -> Self {
        self.budget = Some(budget);
        self
    }

    /// Sets the quantity wanted.
    ///
    /// # Errors
    ///
    /// [`NeedError::QuantityNotPositive`] for zero or less.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_quantity(rust_decimal::Decimal::from(2))?;
    /// assert_eq!(need.quantity(), Some(rust_decimal::Decimal::from(2)));
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_quantity(mut self, quantity: Decimal) -> Result<Self, NeedError> {
        if quantity <= Decimal::ZERO {
            return Err(NeedError::QuantityNotPositive { found: quantity });
        }
        self.quantity = Some(quantity);
        Ok(self)
    }

    /// Sets the date the client needs it by.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_needed_by(chrono::NaiveDate::from_ymd_opt(2026, 12, 20).ok_or("date")?);
    /// assert!(need.needed_by().is_some());
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_needed_by(mut self, date: NaiveDate) -> Self {
        self.needed_by = Some(date);
        self
    }

    /// Adds a feature the product must have (1–200 characters).
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long feature.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_required_feature("26-inch wheels")?;
    /// assert_eq!(need.required_features(), ["26-inch wheels"]);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_required_feature(mut self, feature: &str) -> Result<Self, ParseTextError> {
        self.required_features
            .push(check_text("required_feature", feature, 200, false)?);
        Ok(self)
    }

    /// Adds a feature the client would like (1–200 characters).
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long feature.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_preferred_feature("red")?;
    /// assert_eq!(need.preferred_features(), ["red"]);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_preferred_feature(mut self, feature: &str) -> Result<Self, ParseTextError> {
        self.preferred_features
            .push(check_text("preferred_feature", feature, 200, false)?);
        Ok(self)
    }

    /// Sets free notes (1–4000 characters, line breaks allowed).
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for blank or too long notes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_notes("for twins, 7 years old")?;
    /// assert_eq!(need.notes(), Some("for twins, 7 years old"));
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_notes(mut self, notes: &str) -> Result<Self, ParseTextError> {
        self.notes = Some(check_text("notes", notes, 4000, true)?);
        Ok(self)
    }

    /// Offers products (open or already offered → offered).
    ///
    /// # Errors
    ///
    /// [`NeedError::NoSkus`] for an empty list; [`NeedError::Transition`] from accepted,
    /// declined or lapsed.
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
    /// need.offer(vec![apkalpe_clients::Sku::try_new("BIKE-26")?], at)?;
    /// assert_eq!(need.status().name(), "offered");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn offer(&mut self, skus: Vec<Sku>, at: DateTime<Utc>) -> Result<(), NeedError> {
        if skus.is_empty() {
            return Err(NeedError::NoSkus);
        }
        self.check_pending("offered")?;
        self.status = NeedStatus::Offered { skus, at };
        Ok(())
    }

    /// Records that the client took the offer (offered → accepted).
    ///
    /// # Errors
    ///
    /// [`NeedError::Transition`] unless the need is offered.
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
    /// need.offer(vec![apkalpe_clients::Sku::try_new("BIKE-26")?], at)?;
    /// need.accept(at)?;
    /// assert_eq!(need.status().name(), "accepted");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accept(&mut self, at: DateTime<Utc>) -> Result<(), NeedError> {
        match &self.status {
            NeedStatus::Offered { skus, .. } => {
                self.status = NeedStatus::Accepted {
                    skus: skus.clone(),
                    at,
                };
                Ok(())
            }
            other => Err(NeedError::Transition {
                from: other.name(),
                to: "accepted",
            }),
        }
    }

    /// Records a refusal (open or offered → declined).
    ///
    /// # Errors
    ///
    /// [`NeedError::Transition`] from accepted, declined or lapsed.
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
    /// need.decline(at)?;
    /// assert_eq!(need.status().name(), "declined");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decline(&mut self, at: DateTime<Utc>) -> Result<(), NeedError> {
        self.check_pending("declined")?;
        self.status = NeedStatus::Declined { at };
        Ok(())
    }

    /// Marks the need lapsed when its needed-by date is before `today`; returns whether it did.
    /// Needs without a date, or already answered, never lapse.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Need, NeedId};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut need = Need::try_new(NeedId::from_u128(2), ClientId::from_u128(1), "bicycles", at)?
    ///     .with_needed_by(chrono::NaiveDate::from_ymd_opt(2026, 12, 20).ok_or("date")?);
    /// assert!(!need.lapse_if_due(chrono::NaiveDate::from_ymd_opt(2026, 12, 20).ok_or("date")?));
    /// assert!(need.lapse_if_due(chrono::NaiveDate::from_ymd_opt(2026, 12, 21).ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lapse_if_due(&mut self, today: NaiveDate) -> bool {
        match self.needed_by {
            Some(date) if date < today && self.status.is_pending() => {
                self.status = NeedStatus::Lapsed { on: today };
                true
            }
            _ => false,
        }
    }

    fn check_pending(&self, to: &'static str) -> Result<(), NeedError> {
        if self.status.is_pending() {
            Ok(())
        } else {
            Err(NeedError::Transition {
                from: self.status.name(),
                to,
            })
        }
    }

    /// Returns the id.
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
    /// assert_eq!(need.id(), NeedId::from_u128(2));
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> NeedId {
        self.id
    }

    /// Returns the client.
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
    /// assert_eq!(need.client(), ClientId::from_u128(1));
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns the product category.
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
    /// assert_eq!(need.category(), "bicycles");
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn category(&self) -> &str {
        &self.category
    }

    /// Returns the budget.
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
    /// assert!(need.budget().is_none());
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn budget(&self) -> Option<&BudgetRange> {
        self.budget.as_ref()
    }

    /// Returns the quantity.
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
    /// assert_eq!(need.quantity(), None);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }

    /// Returns the needed-by date.
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
    /// assert_eq!(need.needed_by(), None);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn needed_by(&self) -> Option<NaiveDate> {
        self.needed_by
    }

    /// Returns the required features.
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
    /// assert!(need.required_features().is_empty());
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn required_features(&self) -> &[String] {
        &self.required_features
    }

    /// Returns the preferred features.
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
    /// assert!(need.preferred_features().is_empty());
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn preferred_features(&self) -> &[String] {
        &self.preferred_features
    }

    /// Returns the notes.
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
    /// assert_eq!(need.notes(), None);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }

    /// Returns the status.
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
    pub fn status(&self) -> &NeedStatus {
        &self.status
    }

    /// Returns when it was recorded.
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
    /// assert_eq!(need.recorded_at(), at);
    /// # need.decline(at)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recorded_at(&self) -> DateTime<Utc> {
        self.recorded_at
    }

    pub(crate) fn set_client(&mut self, client: ClientId) {
        self.client = client;
    }

    /// Drops the free texts (features and notes), for erasure.
    pub(crate) fn erase_texts(&mut self) {
        // The category is free text as well: what a person said they need may say who they are.
        crate::interaction::ERASED.clone_into(&mut self.category);
        self.required_features.clear();
        self.preferred_features.clear();
        self.notes = None;
    }
}
