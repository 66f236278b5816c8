//! Legal holds: a dispute, an audit or an inquiry that stops erasure until it ends.

use chrono::NaiveDate;

use super::obligation::text;
use super::{RetentionError, RetentionScope};

/// The longest hold id, in characters.
const MAX_ID_CHARS: usize = 64;
/// The longest hold reason, in characters.
const MAX_REASON_CHARS: usize = 500;

/// A legal hold (*iznīcināšanas aizliegums*): a dispute, a complaint under review, an audit
/// or an authority's inquiry that forbids erasing or destroying a record, whatever the
/// retention periods say, until it ends.
///
/// A hold has an id, a reason, the day it was placed and, when known, the last day it lasts
/// (`ends_on`, such as the end of a limitation period); it stops blocking when it is lifted
/// or after its last day. A hold that is not lifted blocks from the start, whatever its placing
/// date. Holds are values, not a flag: a record may carry several, each with its reason, and
/// only when every one has ended does retention decide again. Like an obligation, a hold
/// keeps the whole record unless narrowed to some parts.
///
/// # Examples
///
/// ```
/// use apkalpe_core::LegalHold;
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let hold = LegalHold::try_new("LH-7", "strīds ar SIA Klients par rēķinu INV-2026-17", day(2026, 5, 4)?)?;
/// assert!(hold.is_active_on(day(2026, 5, 4)?));
/// let lifted = hold.lift(day(2027, 1, 15)?)?;
/// assert!(lifted.is_active_on(day(2027, 1, 14)?));
/// assert!(!lifted.is_active_on(day(2027, 1, 15)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"id", "reason", "placed_on", "ends_on", "lifted_on", "scope"}`; deserialising re-runs the
/// checks of [`LegalHold::try_new`], [`LegalHold::until`] and [`LegalHold::lift`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "HoldRecord"))]
pub struct LegalHold {
    id: String,
    reason: String,
    placed_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    lifted_on: Option<NaiveDate>,
    scope: RetentionScope,
}

/// The saved form of a [`LegalHold`], read before its checks.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HoldRecord {
    id: String,
    reason: String,
    placed_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    lifted_on: Option<NaiveDate>,
    scope: RetentionScope,
}

#[cfg(feature = "serde")]
impl TryFrom<HoldRecord> for LegalHold {
    type Error = crate::RestoreError;

    fn try_from(saved: HoldRecord) -> Result<Self, Self::Error> {
        let invalid = |field: &'static str| {
            move |error: RetentionError| crate::RestoreError::invalid("LegalHold", field, error)
        };
        let field_of = |error: &RetentionError| match error {
            RetentionError::Text { field, .. } => *field,
            _ => "",
        };
        let mut hold = LegalHold::try_new(&saved.id, &saved.reason, saved.placed_on)
            .map_err(|error| crate::RestoreError::invalid("LegalHold", field_of(&error), error))?
            .with_scope(saved.scope);
        if let Some(ends_on) = saved.ends_on {
            hold = hold.until(ends_on).map_err(invalid("ends_on"))?;
        }
        if let Some(lifted_on) = saved.lifted_on {
            hold = hold.lift(lifted_on).map_err(invalid("lifted_on"))?;
        }
        Ok(hold)
    }
}

impl LegalHold {
    /// Places a hold on the whole record with an id (1 to 64 characters) and a reason (1 to
    /// 500 characters), both trimmed; narrow it with [`LegalHold::with_scope`].
    ///
    /// # Errors
    ///
    /// [`RetentionError::Text`] for a blank, too long or multi-line id or reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new(" LH-7 ", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.id(), "LH-7");
    /// assert_eq!(LegalHold::try_new("", "strīds", day(2026, 5, 4)?).unwrap_err().code(), "retention.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(id: &str, reason: &str, placed_on: NaiveDate) -> Result<Self, RetentionError> {
        Ok(LegalHold {
            id: text("hold_id", id, MAX_ID_CHARS)?,
            reason: text("hold_reason", reason, MAX_REASON_CHARS)?,
            placed_on,
            ends_on: None,
            lifted_on: None,
            scope: RetentionScope::whole(),
        })
    }

    /// Returns the hold keeping only `scope`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RecordPart, RetentionScope};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds", day(2026, 5, 4)?)?
    ///     .with_scope(RetentionScope::try_parts(["phones"])?);
    /// assert!(!hold.scope().covers(&RecordPart::try_new("name")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_scope(mut self, scope: RetentionScope) -> Self {
        self.scope = scope;
        self
    }

    /// Returns the hold with a known last day: it blocks through `ends_on` (a limitation
    /// period that runs out, an audit with a fixed end) unless lifted earlier.
    ///
    /// # Errors
    ///
    /// [`RetentionError::HoldEndsBeforePlaced`] for a day before the placing.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::LegalHold;
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let audit = LegalHold::try_new("VID-2026-4", "VID nodokļu audits", day(2026, 9, 1)?)?
    ///     .until(day(2026, 12, 31)?)?;
    /// assert_eq!(audit.ends_on(), Some(day(2026, 12, 31)?));
    /// assert!(audit.is_active_on(day(2026, 12, 31)?));
    /// assert!(!audit.is_active_on(day(2027, 1, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(self, ends_on: NaiveDate) -> Result<Self, RetentionError> {
        if ends_on < self.placed_on {
            return Err(RetentionError::HoldEndsBeforePlaced {
                id: self.id,
                placed_on: self.placed_on,
                ends_on,
            });
        }
        Ok(LegalHold {
            ends_on: Some(ends_on),
            ..self
        })
    }

    /// Lifts the hold from `lifted_on`: it no longer blocks on that day.
    ///
    /// # Errors
    ///
    /// [`RetentionError::AlreadyLifted`] for a lifted hold;
    /// [`RetentionError::LiftedBeforePlaced`] for a day before the placing.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds", day(2026, 5, 4)?)?;
    /// let lifted = hold.clone().lift(day(2026, 8, 1)?)?;
    /// assert_eq!(lifted.lifted_on(), Some(day(2026, 8, 1)?));
    /// assert_eq!(hold.lift(day(2026, 5, 1)?).unwrap_err().code(), "retention.lifted_before_placed");
    /// assert_eq!(lifted.lift(day(2026, 9, 1)?).unwrap_err().code(), "retention.already_lifted");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lift(self, lifted_on: NaiveDate) -> Result<Self, RetentionError> {
        if self.lifted_on.is_some() {
            return Err(RetentionError::AlreadyLifted { id: self.id });
        }
        if lifted_on < self.placed_on {
            return Err(RetentionError::LiftedBeforePlaced {
                id: self.id,
                placed_on: self.placed_on,
                lifted_on,
            });
        }
        Ok(LegalHold {
            lifted_on: Some(lifted_on),
            ..self
        })
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.id(), "LH-7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.reason(), "strīds ar klientu");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the day it was placed.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.placed_on(), day(2026, 5, 4)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn placed_on(&self) -> NaiveDate {
        self.placed_on
    }

    /// Returns its last day, when known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.ends_on(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ends_on(&self) -> Option<NaiveDate> {
        self.ends_on
    }

    /// Returns the day it was lifted, if it was.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.lifted_on(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lifted_on(&self) -> Option<NaiveDate> {
        self.lifted_on
    }

    /// Returns what it keeps.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds ar klientu", day(2026, 5, 4)?)?;
    /// assert!(hold.scope().is_whole());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scope(&self) -> &RetentionScope {
        &self.scope
    }

    /// Tells whether the hold blocks on `date`: unless lifted on or before `date`, or past its
    /// last day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds", day(2026, 5, 4)?)?.until(day(2026, 6, 30)?)?;
    /// assert!(hold.is_active_on(day(2026, 6, 30)?));
    /// assert!(!hold.is_active_on(day(2026, 7, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.lifted_on.is_none_or(|lifted| lifted > date)
            && self.ends_on.is_none_or(|last| date <= last)
    }

    /// Returns the first day the hold no longer blocks, if it is known: the lifting day, or
    /// the day after its last day, whichever is earlier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-7", "strīds", day(2026, 5, 4)?)?;
    /// assert_eq!(hold.released_on(), None);
    /// let dated = hold.until(day(2026, 6, 30)?)?;
    /// assert_eq!(dated.released_on(), Some(day(2026, 7, 1)?));
    /// assert_eq!(dated.lift(day(2026, 6, 1)?)?.released_on(), Some(day(2026, 6, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn released_on(&self) -> Option<NaiveDate> {
        let after_end = self.ends_on.and_then(|last| last.succ_opt());
        match (self.lifted_on, after_end) {
            (Some(lifted), Some(after)) => Some(lifted.min(after)),
            (lifted, after) => lifted.or(after),
        }
    }
}
