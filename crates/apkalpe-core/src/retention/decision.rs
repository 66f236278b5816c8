//! The engine: may this be erased or destroyed, and if not, why and until when.

use chrono::NaiveDate;

use super::{LegalHold, RecordPart, RetentionError, RetentionObligation, RetentionPeriod};
use crate::Language;

/// The facts the retention engine decides on: every obligation to keep a record (or some of
/// its parts) and every legal hold on it.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, LegalHold, RetentionEvent, RetentionFacts, RetentionObligation,
///     RetentionPeriod, RetentionStart, RetentionVerdict,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let invoice = RetentionObligation::try_new(
///     "invoice INV-2026-17",
///     "Grāmatvedības likums, 28. pants",
///     RetentionPeriod::Years(5),
///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
/// )?;
/// let mut facts = RetentionFacts::new().with_obligation(invoice);
/// facts.add_hold(LegalHold::try_new("LH-1", "strīds ar klientu", day(2026, 9, 1)?)?);
/// assert_eq!((facts.obligations().len(), facts.holds().len()), (1, 1));
/// assert_eq!(facts.decide(day(2026, 11, 27)?)?.verdict(), RetentionVerdict::KeepOpenEnded);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"obligations": […], "holds": […]}`, each obligation and hold through its own checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RetentionFacts {
    obligations: Vec<RetentionObligation>,
    holds: Vec<LegalHold>,
}

impl RetentionFacts {
    /// Creates facts with no obligation and no hold: a record nothing requires keeping.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let facts = RetentionFacts::new();
    /// assert!(facts.obligations().is_empty() && facts.holds().is_empty());
    /// assert!(facts.decide(day(2026, 11, 27)?)?.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        RetentionFacts::default()
    }

    /// Returns the facts with one more obligation.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let facts = RetentionFacts::new().with_obligation(invoice);
    /// assert_eq!(facts.obligations()[0].record(), "invoice INV-2026-17");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_obligation(mut self, obligation: RetentionObligation) -> Self {
        self.obligations.push(obligation);
        self
    }

    /// Returns the facts with one more legal hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let facts = RetentionFacts::new().with_hold(LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?);
    /// assert_eq!(facts.holds()[0].id(), "LH-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_hold(mut self, hold: LegalHold) -> Self {
        self.holds.push(hold);
        self
    }

    /// Adds an obligation.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let mut facts = RetentionFacts::new();
    /// facts.add_obligation(invoice);
    /// assert_eq!(facts.obligations().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_obligation(&mut self, obligation: RetentionObligation) {
        self.obligations.push(obligation);
    }

    /// Adds a legal hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let mut facts = RetentionFacts::new();
    /// facts.add_hold(LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?);
    /// assert_eq!(facts.holds().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_hold(&mut self, hold: LegalHold) {
        self.holds.push(hold);
    }

    /// Returns the obligations, in the order given.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let facts = RetentionFacts::new().with_obligation(invoice.clone());
    /// assert_eq!(facts.obligations(), [invoice]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligations(&self) -> &[RetentionObligation] {
        &self.obligations
    }

    /// Returns the holds, in the order given.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?;
    /// let facts = RetentionFacts::new().with_hold(hold.clone());
    /// assert_eq!(facts.holds(), [hold]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(&self) -> &[LegalHold] {
        &self.holds
    }

    /// Decides whether the whole record may be erased or destroyed on `today`, and if not,
    /// why and until when: every obligation and hold counts, whatever part it keeps.
    ///
    /// The rule, the same for documents, accounting records and personal data:
    ///
    /// 1. an obligation keeps the record from its start through its last day
    ///    ([`RetentionObligation::ends_on`]); a permanent one, or one whose event has not
    ///    happened, keeps it with no end date;
    /// 2. a legal hold keeps it while [active](LegalHold::is_active_on), whatever the periods
    ///    say;
    /// 3. the longest one wins ("retention wins over erasure"): the record is kept until the
    ///    latest last day, or with no end date when any reason has none;
    /// 4. with no reason left, it may be erased: since the day after the last obligation ended
    ///    or the day the last hold was released, or with no date when nothing ever applied.
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when an obligation's end cannot be represented.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, Language, LegalHold, RetentionEvent, RetentionFacts, RetentionObligation,
    ///     RetentionPeriod, RetentionStart, RetentionVerdict,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// // An invoice of 2020, kept 5 years from 1 January after its date.
    /// let invoice = RetentionFacts::new().with_obligation(RetentionObligation::try_new(
    ///     "invoice INV-2020-4",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2020, 6, 30)?, CountingRule::FromFirstJanuaryAfter),
    /// )?);
    /// let decision = invoice.decide(day(2025, 6, 1)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day: day(2025, 12, 31)? });
    /// assert_eq!(
    ///     decision.lines(Language::English),
    ///     [
    ///         "keep until 2025-12-31",
    ///         "- invoice INV-2020-4: kept until 2025-12-31, 5 years from the date of the record (2020-06-30), counted from 1 January of the following year (Grāmatvedības likums, 28. pants)",
    ///     ]
    /// );
    /// let decision = invoice.decide(day(2026, 3, 2)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::MayErase { since: Some(day(2026, 1, 1)?) });
    /// assert_eq!(decision.lines(Language::Latvian), ["drīkst dzēst vai iznīcināt kopš 2026-01-01"]);
    ///
    /// // The same invoice under a dispute: the hold wins, with no end date.
    /// let disputed = invoice.with_hold(LegalHold::try_new("LH-1", "strīds ar klientu", day(2025, 11, 3)?)?);
    /// let decision = disputed.decide(day(2026, 3, 2)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    /// assert_eq!(decision.reasons()[0].hold().map(|hold| hold.id()), Some("LH-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Legal basis
    ///
    /// `docs/sources.md` §3c (accounting periods), §5b and §13.5 (file-plan periods, counting
    /// rule L); GDPR art. 17(3)(b) and (e): erasure gives way to a legal obligation to keep
    /// and to the defence of legal claims.
    pub fn decide(&self, today: NaiveDate) -> Result<RetentionDecision, RetentionError> {
        self.decide_where(today, |_| true)
    }

    /// Decides for one part of the record (a field of personal data): only the obligations
    /// and holds whose scope [covers](super::RetentionScope::covers) the part count.
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when an obligation's end cannot be represented.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RecordPart, RetentionEvent, RetentionFacts, RetentionObligation,
    ///     RetentionPeriod, RetentionScope, RetentionStart, RetentionVerdict,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// // An invoice prints the client's name and address, not the phone number.
    /// let facts = RetentionFacts::new().with_obligation(
    ///     RetentionObligation::try_new(
    ///         "invoice INV-2026-17",
    ///         "Grāmatvedības likums, 28. pants",
    ///         RetentionPeriod::Years(5),
    ///         RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    ///     )?
    ///     .with_scope(RetentionScope::try_parts(["name", "addresses"])?),
    /// );
    /// let today = day(2026, 11, 27)?;
    /// let name = facts.decide_part(&RecordPart::try_new("name")?, today)?;
    /// assert_eq!(name.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
    /// let phones = facts.decide_part(&RecordPart::try_new("phones")?, today)?;
    /// assert_eq!(phones.verdict(), RetentionVerdict::MayErase { since: None });
    /// // The record as a whole is kept.
    /// assert!(!facts.decide(today)?.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide_part(
        &self,
        part: &RecordPart,
        today: NaiveDate,
    ) -> Result<RetentionDecision, RetentionError> {
        self.decide_where(today, |scope| scope.covers(part))
    }

    fn decide_where(
        &self,
        today: NaiveDate,
        counts: impl Fn(&super::RetentionScope) -> bool,
    ) -> Result<RetentionDecision, RetentionError> {
        let mut reasons = Vec::new();
        let mut released: Option<NaiveDate> = None;
        for obligation in self
            .obligations
            .iter()
            .filter(|obligation| counts(obligation.scope()))
        {
            match obligation.ends_on()? {
                Some(last_day) if last_day < today => {
                    released = released.max(last_day.succ_opt());
                }
                ends_on => reasons.push(KeepReason {
                    cause: Cause::Obligation(obligation.clone()),
                    kept_until: ends_on,
                }),
            }
        }
        for hold in self.holds.iter().filter(|hold| counts(hold.scope())) {
            if hold.is_active_on(today) {
                reasons.push(KeepReason {
                    cause: Cause::Hold(hold.clone()),
                    kept_until: hold.ends_on(),
                });
            } else {
                released = released.max(hold.released_on());
            }
        }
        let verdict = verdict_of(&reasons, released);
        Ok(RetentionDecision { verdict, reasons })
    }
}

/// The verdict the reasons give: keep until the latest last day, with no end date when a
/// reason has none; may erase when there is no reason.
fn verdict_of(reasons: &[KeepReason], released: Option<NaiveDate>) -> RetentionVerdict {
    if reasons.is_empty() {
        return RetentionVerdict::MayErase { since: released };
    }
    let last_days: Option<Vec<NaiveDate>> =
        reasons.iter().map(|reason| reason.kept_until).collect();
    match last_days.and_then(|days| days.into_iter().max()) {
        Some(last_day) => RetentionVerdict::KeepUntil { last_day },
        None => RetentionVerdict::KeepOpenEnded,
    }
}

/// The engine's answer in one word and a date.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
///     RetentionStart, RetentionVerdict,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let invoice = RetentionObligation::try_new(
///     "invoice INV-2026-17",
///     "Grāmatvedības likums, 28. pants",
///     RetentionPeriod::Years(5),
///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
/// )?;
/// let facts = RetentionFacts::new().with_obligation(invoice);
/// assert_eq!(facts.decide(day(2031, 12, 31)?)?.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
/// assert_eq!(facts.decide(day(2032, 1, 1)?)?.verdict(), RetentionVerdict::MayErase { since: Some(day(2032, 1, 1)?) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum RetentionVerdict {
    /// Nothing requires keeping it: it may be erased or destroyed.
    MayErase {
        /// The first day it was allowed: the day after the last obligation ended, or the day
        /// the last hold was released; `None` when nothing ever applied.
        since: Option<NaiveDate>,
    },
    /// It must be kept through `last_day`, as far as is known today.
    KeepUntil {
        /// The last day it must be kept.
        last_day: NaiveDate,
    },
    /// It must be kept with no end date yet: a permanent period, an event that has not
    /// happened, or a hold without a last day.
    KeepOpenEnded,
}

/// The engine's answer to "may this be erased or destroyed, and if not, why and until
/// when?": a [`RetentionVerdict`] and every reason to keep, obligations first, then holds.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
///     RetentionStart,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let invoice = RetentionObligation::try_new(
///     "invoice INV-2026-17",
///     "Grāmatvedības likums, 28. pants",
///     RetentionPeriod::Years(5),
///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
/// )?;
/// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2026, 11, 27)?)?;
/// assert!(!decision.may_erase());
/// assert_eq!(decision.reasons().len(), 1);
/// assert_eq!(decision.lines(apkalpe_core::Language::Latvian)[0], "glabāt līdz 2031-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"verdict": {"kind": "keep_until", "last_day": …}, "reasons": […]}`; deserialising checks
/// each reason through its obligation's or hold's checks, and that the verdict is the one the
/// reasons give.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DecisionRecord"))]
pub struct RetentionDecision {
    verdict: RetentionVerdict,
    reasons: Vec<KeepReason>,
}

/// The saved form of a [`RetentionDecision`], read before its checks.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionRecord {
    verdict: RetentionVerdict,
    reasons: Vec<KeepReason>,
}

#[cfg(feature = "serde")]
impl TryFrom<DecisionRecord> for RetentionDecision {
    type Error = crate::RestoreError;

    fn try_from(saved: DecisionRecord) -> Result<Self, Self::Error> {
        let released = match saved.verdict {
            RetentionVerdict::MayErase { since } => since,
            _ => None,
        };
        let expected = verdict_of(&saved.reasons, released);
        if expected != saved.verdict {
            return Err(crate::RestoreError::inconsistent(
                "RetentionDecision",
                "verdict",
                format!("the reasons give {expected:?}"),
            )
            .with_latvian_reason(format!("iemesli dod {expected:?}")));
        }
        Ok(RetentionDecision {
            verdict: saved.verdict,
            reasons: saved.reasons,
        })
    }
}

impl RetentionDecision {
    /// Returns the verdict.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart, RetentionVerdict,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2026, 11, 27)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verdict(&self) -> RetentionVerdict {
        self.verdict
    }

    /// Tells whether nothing requires keeping it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let facts = RetentionFacts::new().with_obligation(invoice);
    /// assert!(!facts.decide(day(2031, 12, 31)?)?.may_erase());
    /// assert!(facts.decide(day(2032, 1, 1)?)?.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn may_erase(&self) -> bool {
        matches!(self.verdict, RetentionVerdict::MayErase { .. })
    }

    /// Returns the reasons to keep, obligations first (in the order given), then holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, LegalHold, RetentionEvent, RetentionFacts, RetentionObligation,
    ///     RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let facts = RetentionFacts::new()
    ///     .with_obligation(invoice)
    ///     .with_hold(LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?);
    /// let decision = facts.decide(day(2026, 11, 27)?)?;
    /// assert!(decision.reasons()[0].obligation().is_some());
    /// assert!(decision.reasons()[1].hold().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reasons(&self) -> &[KeepReason] {
        &self.reasons
    }

    /// Renders the decision as lines in `language` (Latvian, or English for the others): the
    /// verdict first, then each reason after "- ".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2032, 1, 1)?)?;
    /// assert_eq!(decision.lines(apkalpe_core::Language::English), ["may be erased or destroyed since 2032-01-01"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self, language: Language) -> Vec<String> {
        let latvian = language == Language::Latvian;
        let head = match (self.verdict, latvian) {
            (RetentionVerdict::MayErase { since: None }, true) => {
                "drīkst dzēst vai iznīcināt: nekas neprasa to glabāt".to_owned()
            }
            (RetentionVerdict::MayErase { since: None }, false) => {
                "may be erased or destroyed: nothing requires keeping it".to_owned()
            }
            (RetentionVerdict::MayErase { since: Some(since) }, true) => {
                format!("drīkst dzēst vai iznīcināt kopš {since}")
            }
            (RetentionVerdict::MayErase { since: Some(since) }, false) => {
                format!("may be erased or destroyed since {since}")
            }
            (RetentionVerdict::KeepUntil { last_day }, true) => format!("glabāt līdz {last_day}"),
            (RetentionVerdict::KeepUntil { last_day }, false) => format!("keep until {last_day}"),
            (RetentionVerdict::KeepOpenEnded, true) => {
                "glabāt: beigu datums vēl nav zināms".to_owned()
            }
            (RetentionVerdict::KeepOpenEnded, false) => "keep: no end date yet".to_owned(),
        };
        std::iter::once(head)
            .chain(
                self.reasons
                    .iter()
                    .map(|reason| format!("- {}", reason.describe(language))),
            )
            .collect()
    }
}

/// One reason to keep a record: an obligation still running (or permanent, or waiting for its
/// event) or an active legal hold, with the last day it keeps the record.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
///     RetentionStart,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let invoice = RetentionObligation::try_new(
///     "invoice INV-2026-17",
///     "Grāmatvedības likums, 28. pants",
///     RetentionPeriod::Years(5),
///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
/// )?;
/// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2026, 11, 27)?)?;
/// let reason = &decision.reasons()[0];
/// assert_eq!(reason.kept_until(), Some(day(2031, 12, 31)?));
/// assert_eq!(
///     reason.describe(apkalpe_core::Language::English),
///     "invoice INV-2026-17: kept until 2031-12-31, 5 years from the date of the record (2026-03-02), counted from 1 January of the following year (Grāmatvedības likums, 28. pants)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"kind": "obligation", "obligation": {…}, "kept_until": …}` or `{"kind": "legal_hold",
/// "hold": {…}}`; deserialising checks that `kept_until` is the obligation's end.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReasonRecord"))]
#[cfg_attr(feature = "serde", serde(into = "ReasonRecord"))]
pub struct KeepReason {
    cause: Cause,
    kept_until: Option<NaiveDate>,
}

/// What keeps the record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cause {
    Obligation(RetentionObligation),
    Hold(LegalHold),
}

/// What kind of reason keeps a record.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
///     RetentionStart,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let contract = RetentionObligation::try_new(
///     "contract L-2025-9",
///     "Civillikums, 1895. pants",
///     RetentionPeriod::Years(10),
///     RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
/// )?;
/// let decision = RetentionFacts::new().with_obligation(contract).decide(day(2026, 11, 27)?)?;
/// assert_eq!(decision.reasons()[0].kind(), apkalpe_core::KeepReasonKind::StartPending);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeepReasonKind {
    /// A permanent obligation.
    Permanent,
    /// A temporary obligation that has not ended.
    Running,
    /// An obligation whose start event has not happened yet.
    StartPending,
    /// An active legal hold.
    LegalHold,
}

impl KeepReason {
    /// Returns what kind of reason it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?;
    /// let decision = RetentionFacts::new().with_hold(hold).decide(day(2026, 11, 27)?)?;
    /// assert_eq!(decision.reasons()[0].kind(), apkalpe_core::KeepReasonKind::LegalHold);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> KeepReasonKind {
        match &self.cause {
            Cause::Hold(_) => KeepReasonKind::LegalHold,
            Cause::Obligation(obligation) if obligation.period() == RetentionPeriod::Permanent => {
                KeepReasonKind::Permanent
            }
            Cause::Obligation(obligation) if obligation.start().date().is_none() => {
                KeepReasonKind::StartPending
            }
            Cause::Obligation(_) => KeepReasonKind::Running,
        }
    }

    /// Returns the obligation, when the reason is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2026, 11, 27)?)?;
    /// assert_eq!(decision.reasons()[0].obligation().map(|o| o.basis()), Some("Grāmatvedības likums, 28. pants"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligation(&self) -> Option<&RetentionObligation> {
        match &self.cause {
            Cause::Obligation(obligation) => Some(obligation),
            Cause::Hold(_) => None,
        }
    }

    /// Returns the legal hold, when the reason is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?;
    /// let decision = RetentionFacts::new().with_hold(hold).decide(day(2026, 11, 27)?)?;
    /// assert_eq!(decision.reasons()[0].hold().map(|h| h.reason()), Some("audit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hold(&self) -> Option<&LegalHold> {
        match &self.cause {
            Cause::Hold(hold) => Some(hold),
            Cause::Obligation(_) => None,
        }
    }

    /// Returns the last day this reason keeps the record; `None` when it has no end date yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{LegalHold, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let hold = LegalHold::try_new("LH-1", "audit", day(2026, 9, 1)?)?.until(day(2026, 12, 31)?)?;
    /// let decision = RetentionFacts::new().with_hold(hold).decide(day(2026, 11, 27)?)?;
    /// assert_eq!(decision.reasons()[0].kept_until(), Some(day(2026, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kept_until(&self) -> Option<NaiveDate> {
        self.kept_until
    }

    /// Returns what the reason keeps.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RecordPart, RetentionEvent, RetentionFacts, RetentionObligation,
    ///     RetentionPeriod, RetentionScope, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let invoice = invoice.with_scope(RetentionScope::try_parts(["name"])?);
    /// let decision = RetentionFacts::new().with_obligation(invoice).decide(day(2026, 11, 27)?)?;
    /// assert!(decision.reasons()[0].scope().covers(&RecordPart::try_new("name")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scope(&self) -> &super::RetentionScope {
        match &self.cause {
            Cause::Obligation(obligation) => obligation.scope(),
            Cause::Hold(hold) => hold.scope(),
        }
    }

    /// Returns the reason as a sentence in `language` (Latvian, or English for the others).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, Language, RetentionEvent, RetentionFacts, RetentionObligation,
    ///     RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let contract = RetentionObligation::try_new(
    ///     "contract L-2026-3",
    ///     "Civillikums, 1895. pants",
    ///     RetentionPeriod::Years(10),
    ///     RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
    /// )?;
    /// let decision = RetentionFacts::new()
    ///     .with_obligation(contract)
    ///     .decide(NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?)?;
    /// assert_eq!(
    ///     decision.reasons()[0].describe(Language::Latvian),
    ///     "contract L-2026-3: glabā 10 gadus no līguma beigām; šis notikums vēl nav iestājies (Civillikums, 1895. pants)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn describe(&self, language: Language) -> String {
        let latvian = language == Language::Latvian;
        match &self.cause {
            Cause::Hold(hold) => {
                let mut text = if latvian {
                    format!(
                        "iznīcināšanas aizliegums {} kopš {}: {}",
                        hold.id(),
                        hold.placed_on(),
                        hold.reason()
                    )
                } else {
                    format!(
                        "legal hold {} since {}: {}",
                        hold.id(),
                        hold.placed_on(),
                        hold.reason()
                    )
                };
                if let Some(last_day) = hold.ends_on() {
                    text.push_str(&if latvian {
                        format!(", līdz {last_day}")
                    } else {
                        format!(", until {last_day}")
                    });
                }
                text
            }
            Cause::Obligation(obligation) => {
                let record = obligation.record();
                let basis = obligation.basis();
                let period = obligation.period();
                let start = obligation.start();
                let event = start.event().words(language);
                match (self.kind(), latvian) {
                    (KeepReasonKind::Permanent, true) => {
                        format!("{record}: glabā pastāvīgi ({basis})")
                    }
                    (KeepReasonKind::Permanent, false) => {
                        format!("{record}: kept permanently ({basis})")
                    }
                    (KeepReasonKind::StartPending, true) => format!(
                        "{record}: glabā {} no {event}; šis notikums vēl nav iestājies ({basis})",
                        accusative(period)
                    ),
                    (KeepReasonKind::StartPending, false) => format!(
                        "{record}: kept {} from {event}, which has not happened yet ({basis})",
                        period.to_localized_string(Language::English)
                    ),
                    (_, true) => format!(
                        "{record}: glabā līdz {}, {} no {event} ({}), {} ({basis})",
                        until_text(self.kept_until),
                        accusative(period),
                        date_text(start.date()),
                        start.counting().describe(language)
                    ),
                    (_, false) => format!(
                        "{record}: kept until {}, {} from {event} ({}), {} ({basis})",
                        until_text(self.kept_until),
                        period.to_localized_string(Language::English),
                        date_text(start.date()),
                        start.counting().describe(language)
                    ),
                }
            }
        }
    }
}

/// A period in the accusative, after "glabā" ("glabā 10 gadus", "glabā 1 mēnesi").
fn accusative(period: RetentionPeriod) -> String {
    let (count, noun) = match period {
        RetentionPeriod::Permanent => return "pastāvīgi".to_owned(),
        RetentionPeriod::Years(n) => (n, crate::CountNoun::new("gadu", "gadus")),
        RetentionPeriod::Months(n) => (n, crate::CountNoun::new("mēnesi", "mēnešus")),
        RetentionPeriod::Days(n) => (n, crate::CountNoun::new("dienu", "dienas")),
    };
    noun.count(Language::Latvian, count.into())
}

fn until_text(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "?".to_owned(), |day| day.to_string())
}

fn date_text(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "?".to_owned(), |day| day.to_string())
}

/// The saved form of a [`KeepReason`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum ReasonRecord {
    Obligation {
        obligation: RetentionObligation,
        kept_until: Option<NaiveDate>,
    },
    LegalHold {
        hold: LegalHold,
    },
}

#[cfg(feature = "serde")]
impl TryFrom<ReasonRecord> for KeepReason {
    type Error = crate::RestoreError;

    fn try_from(saved: ReasonRecord) -> Result<Self, Self::Error> {
        match saved {
            ReasonRecord::Obligation {
                obligation,
                kept_until,
            } => {
                let ends_on = obligation.ends_on().map_err(|error| {
                    crate::RestoreError::invalid("KeepReason", "obligation", error)
                })?;
                if ends_on != kept_until {
                    return Err(crate::RestoreError::inconsistent(
                        "KeepReason",
                        "kept_until",
                        format!("the obligation ends on {}", until_text(ends_on)),
                    )
                    .with_latvian_reason(format!("pienākums beidzas {}", until_text(ends_on))));
                }
                Ok(KeepReason {
                    cause: Cause::Obligation(obligation),
                    kept_until,
                })
            }
            ReasonRecord::LegalHold { hold } => Ok(KeepReason {
                kept_until: hold.ends_on(),
                cause: Cause::Hold(hold),
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<KeepReason> for ReasonRecord {
    fn from(reason: KeepReason) -> Self {
        match reason.cause {
            Cause::Obligation(obligation) => ReasonRecord::Obligation {
                obligation,
                kept_until: reason.kept_until,
            },
            Cause::Hold(hold) => ReasonRecord::LegalHold { hold },
        }
    }
}
